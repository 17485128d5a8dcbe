"""What makes the journal trustworthy: the check, the hash chain and its signing key,
backups, the passphrase, and the dump (the whole journal as JSON) and its import."""
from __future__ import annotations

from pathlib import Path

from ..domain.chain import ChainEntry
from ..domain.changes import EVERYTHING
from ..domain.inputs import ident as _id
from ..store import backup as backup_store
from ..store import check as check_store
from ..store import ledger, signing_key, unlock
from .cases import Cases
from .context import Context


class Integrity:
    """Needs: the context and the cases (a case's chain segment and its key)."""

    def __init__(self, ctx: Context, cases: Cases):
        self.ctx, self.cases = ctx, cases

    @property
    def db(self):
        return self.ctx.require_open()

    def check(self, progress=None):
        """The database, its encryption, the hash chain, every record against it, the files,
        the search index, and the key header's recovery copy: a CheckReport.

        progress(stage, done, total) is told how it goes, on the calling thread: "files"
        (bytes of the attachments hashed), "chain" (ledger entries), "records" (rows
        compared), "pages" (SQLite's check of every page, when only it is left; 0, 0) and
        "index" (rows); total may be 0 when unknown. Raising journal.errors.Cancelled from it
        stops the check and lets Cancelled through; a check writes nothing."""
        db = self.db
        return unlock.with_key_header_check(check_store.run(db, self.ctx.key, progress),
                                            self.ctx.folder, self.ctx.key)

    def repair_index(self) -> None:
        """Rebuild the search index from the records, in one transaction (`check` then says
        whether it matches)."""
        from ..store import check_index
        check_index.repair(self.db)

    def chain_head(self, case_id=None) -> str:
        cid = self.cases.case(case_id).id if case_id is not None else None
        return ledger.head(self.db, cid)

    def chain_segment(self, case_id) -> list[ChainEntry]:
        return list(ledger.entries(self.db, self.cases.case(case_id).id))

    def directory_chain(self, case_id, channel_ids=()) -> list[ChainEntry]:
        """The ledger entries of the case's platform and of the channels `channel_ids` (those
        its interactions used): where the case file's platform name and channel statuses
        come from."""
        case = self.cases.case(case_id)
        entries = ledger.history(self.db, "platform", case.platform_id)
        for cid in sorted(set(channel_ids)):
            entries += ledger.history(self.db, "channel", _id(cid, "channel"))
        return sorted(entries, key=lambda e: e.seq)

    def signing_key(self, case_id=None):
        """The journal's signing key (its seed is kept only in the encrypted database). With
        a case, the key is first introduced into that case's chain if it is not yet (an
        imported case knows only the key of the journal it came from)."""
        if case_id is None:
            return signing_key.ensure(self.db)
        return signing_key.for_case(self.db, self.cases.case(case_id).id)

    def backup(self, target, progress=None) -> int:
        """Write a backup of the journal to the file `target` (the database copied page by
        page under the same key, the key header after it: docs/backup-format.md); return
        its size in bytes. It is written to target.partial, synced and then renamed, so a
        backup is always one complete file. progress(stage, done, total): "copying" (pages)
        then "saving" (0, 0); raising journal.errors.Cancelled from it stops the backup,
        leaves no file behind and lets Cancelled through."""
        return backup_store.write(self.db, self.ctx.folder, self.ctx.key, Path(target),
                                  progress)

    def change_passphrase(self, new_passphrase: str) -> None:
        unlock.change_passphrase(self.ctx.folder, self.ctx.key, new_passphrase)

    def dump(self) -> dict:
        from ..store import dump
        return dump.dump(self.db)

    def write_dump(self, stream) -> None:
        """The same document as dump(), written as JSON text without holding it all."""
        from ..store import dump
        dump.write(self.db, stream)

    def import_dump(self, source, progress=None) -> dict:
        """Import a dump into this (empty) journal, all or nothing; return counts per kind.

        `source`: a dump file's path (str or Path), a binary file object (read once, as it
        streams: standard input will do), its JSON text (str starting with "{" or "[", or
        bytes), or the dict dump() returns. Memory stays flat whatever the dump's size.
        progress(stage, done, total) is told how it goes: "reading" (done and total in bytes
        of the dump; total 0 when unknown), "checking" (records against the hash chain),
        "indexing" and "saving" (0, 0); raising journal.errors.Cancelled from it stops the
        import, keeps nothing and lets Cancelled through. The new database is moved into
        place at the end: this journal's connection is then a new one."""
        from ..store import dump_import
        counts = dump_import.load(self.db, self.ctx.key, source, progress)
        self.ctx.changed(EVERYTHING)
        return counts
