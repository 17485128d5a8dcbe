"""The one API of the journal: the window and the CLI both call only this.

Every method validates its input completely before it writes, so bad input
raises one `JournalError` sentence and changes nothing.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from .directory import DirectoryAPI
from .checklist import PreparationAPI
from .response_times import ReachAPI
from ..domain import times
from ..domain.chain import ChainEntry
from ..domain.inputs import MAX_NOTE_CHARS, NewAttachment, NewPromise
from ..domain.inputs import ident as _id
from ..domain.inputs import language as _language
from ..domain.inputs import notes as _notes
from ..domain.inputs import text as _text
from ..domain.model import (
    CaseCategory,
    CaseStatus,
    InteractionKind,
    Outcome,
    PromiseStatus,
    SearchHit,
)
from ..domain.references import parse_reference
from ..errors import BadInput, JournalError, NotFound
from ..store import attachments as attachment_store
from ..store import backup as backup_store
from ..store import cases as case_store
from ..store import check as check_store
from ..store import checklist, directory, drafts, ledger, search, signing_key, unlock
from ..store import folder as jf
from ..store import interactions as interaction_store

FUTURE_SLACK = timedelta(minutes=5)


class Journal(DirectoryAPI, PreparationAPI, ReachAPI):
    """An unlocked journal. Open with `Journal.open`, make one with `Journal.create`.

    The directory, the checklists and the reach helpers are in journal/api/, by subject."""

    def __init__(self, folder: Path, db, data_key: bytes, lock: jf.FolderLock):
        self.folder = folder
        self.db = db
        self._key = data_key
        self._lock = lock

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, folder=None, *, passphrase: str,
               kdf_params: dict | None = None) -> tuple[Journal, str]:
        """Create a journal; return it open and the recovery key (shown once, never stored)."""
        path = jf.resolve(folder)
        lock = jf.FolderLock(path)
        db, recovery, key = unlock.create(path, passphrase, lock, kdf_params)
        return cls(path, db, key, lock), recovery

    @classmethod
    def open(cls, folder=None, *, passphrase: str | None = None,
             recovery_key: str | None = None) -> Journal:
        path = jf.resolve(folder)
        jf.require_journal(path)
        lock = jf.FolderLock(path)
        lock.acquire()
        try:
            key = unlock.data_key(path, passphrase, recovery_key)
            db = unlock.open_with_key(path, key)
        except BaseException:
            lock.release()
            raise
        return cls(path, db, key, lock)

    def close(self) -> None:
        self.lock()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    @property
    def locked(self) -> bool:
        return self.db is None

    def lock(self) -> None:
        """Close the database and forget the key, but keep the folder: no other process may
        open this journal until `close()`, and `unlock()` opens it again."""
        if self.db is not None:
            self.db.close()
            self.db = None
            self._key = b""

    def unlock(self, *, passphrase: str | None = None, recovery_key: str | None = None) -> None:
        if self.db is not None:
            return
        key = unlock.data_key(self.folder, passphrase, recovery_key)
        self.db = unlock.open_with_key(self.folder, key)
        self._key = key

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- cases -------------------------------------------------------------------------

    def open_case(self, platform: str | int, title: str, *, category: str = "other",
                  account_id: str | None = None, opened_at: str | None = None,
                  checklist_language: str | None = "en"):
        """Open a case; its checklist starts with the items suggested for its category, in
        `checklist_language` (None: an empty checklist)."""
        p = self.platform(platform)
        title = _text(title, "case title", required=True, limit=300)
        category_ = CaseCategory.parse(category, "case category")
        account_id = _text(account_id, "account id", limit=200)
        opened = self._past_time(opened_at, "opening time") if opened_at is not None else None
        case = case_store.open_case(self.db, p.id, title, category_, account_id, opened)
        if checklist_language is not None:
            self.suggest_checklist(case.id, language=checklist_language)
        return case

    def case(self, case_id):
        return case_store.get_case(self.db, _id(case_id, "case"))

    def cases(self, *, status: str | None = None, platform: str | int | None = None,
              limit: int | None = None, offset: int = 0):
        status_ = CaseStatus.parse(status, "case status") if status is not None else None
        pid = self.platform(platform).id if platform is not None else None
        return case_store.list_cases(self.db, status_, pid, limit, offset)

    def set_case_status(self, case_id, status: str, *, reason: str | None = None):
        status_ = CaseStatus.parse(status, "case status")
        return case_store.set_status(self.db, _id(case_id, "case"), status_,
                                     _text(reason, "reason"))

    # -- interactions --------------------------------------------------------------------

    def _past_time(self, text: str, what: str) -> str:
        t = times.parse_time(text, what)
        if t > times.now() + FUTURE_SLACK:
            raise BadInput(f"The {what} {text!r} is in the future.")
        return times.format_time(t)

    def _interaction_fields(self, case, *, kind, channel_id, contact, start, end, wait_minutes,
                            outcome, agent, language, notes) -> dict:
        kind_ = InteractionKind.parse(kind, "kind of interaction")
        outcome_ = Outcome.parse(outcome or "answered", "outcome")
        started = self._past_time(start, "start time") if start is not None \
            else times.now_text()
        ended = self._past_time(end, "end time") if end is not None else None
        if ended and times.instant(ended) < times.instant(started):
            raise BadInput("The end time is before the start time.")
        if wait_minutes is not None:
            try:
                wait_minutes = float(wait_minutes)
            except (TypeError, ValueError):
                raise BadInput(f"{wait_minutes!r} is not a number of minutes.") from None
            if not 0 <= wait_minutes <= 24 * 60:
                raise BadInput("The wait must be between 0 and 1440 minutes.")
        contact = _text(contact, "contact")
        if channel_id is not None:
            channel = directory.get_channel(self.db, _id(channel_id, "channel"))
            if channel.platform_id != case.platform_id:
                raise BadInput(f"Channel {channel.id} belongs to {channel.platform}, "
                               f"not to {case.platform}.")
            channel_id, contact = channel.id, contact or channel.value
        elif contact is not None:
            known = directory.find_channel_by_contact(self.db, case.platform_id, contact)
            channel_id = known.id if known else None
        return {"kind": kind_.value, "outcome": outcome_.value, "channel_id": channel_id,
                "contact": contact, "started_at": started, "ended_at": ended,
                "wait_minutes": wait_minutes, "agent": _text(agent, "agent name", limit=200),
                "language": _language(language), "notes": _notes(notes)}

    @staticmethod
    def _parts(references, promises, attachments):
        refs = [parse_reference(r) if isinstance(r, str) else parse_reference(r[1], str(r[0]))
                for r in references]
        new_promises = []
        for p in promises:
            text = _text(p.text, "promise", required=True, limit=2000)
            due = times.normalize(p.due, "due time of the promise")
            new_promises.append((text, due))
        files = [a if isinstance(a, NewAttachment) else NewAttachment.from_path(a)
                 for a in attachments]
        return refs, new_promises, files

    def _write_parts(self, conn, case_id, iid, refs, promises, files, recorded):
        for kind, value in refs:
            interaction_store.add_reference(conn, case_id, iid, kind, value, recorded)
        for text, due in promises:
            interaction_store.add_promise(conn, case_id, iid, text, due, recorded)
        for f in files:
            try:
                attachment_store.add(conn, case_id, iid, f.name, f.media_type, f.chunks(),
                                     recorded)
            except OSError as exc:
                raise BadInput(f"Cannot read the attachment {f.name}: {exc.strerror}.") from None

    def log(self, case_id, *, kind: str, channel_id=None, contact: str | None = None,
            start: str | None = None, end: str | None = None, wait_minutes=None,
            outcome: str = "answered", agent: str | None = None, language: str | None = None,
            notes: str | None = None, references=(), promises=(), attachments=(),
            draft: str | None = None, answered=()):
        """Record one interaction with its references, promises and files, in one commit.

        `draft` names the draft this interaction was typed in; it goes in the same commit.
        `answered`: ids of checklist items answered in this contact, ticked in it too."""
        case = self.case(case_id)
        fields = self._interaction_fields(case, kind=kind, channel_id=channel_id,
                                          contact=contact, start=start, end=end,
                                          wait_minutes=wait_minutes, outcome=outcome,
                                          agent=agent, language=language, notes=notes)
        refs, new_promises, files = self._parts(references, promises, attachments)
        with self.db.transaction() as conn:
            recorded = times.now_text()
            iid = interaction_store.create(conn, case.id, fields, recorded)
            self._write_parts(conn, case.id, iid, refs, new_promises, files, recorded)
            search.index_interaction(conn, iid)
            checklist.tick(conn, case.id, [_id(a, "checklist item") for a in answered], True,
                           iid, recorded)
            if draft is not None:
                drafts.discard(conn, draft)
        return self.interaction(iid)

    # -- drafts: work in progress, encrypted, never in the record ----------------------

    def save_draft(self, name: str, body: dict) -> str:
        """Replace the draft `name` with `body` (JSON-able); return when it was saved."""
        name = _text(name, "draft name", required=True, limit=200)
        import json
        try:
            size = len(json.dumps(body, ensure_ascii=False))
        except (TypeError, ValueError):
            raise BadInput("A draft holds only text, numbers, lists and mappings.") from None
        if size > 2 * MAX_NOTE_CHARS:
            raise BadInput(f"The draft is longer than {2 * MAX_NOTE_CHARS:,} characters.")
        return drafts.save(self.db, name, body)

    def draft(self, name: str) -> dict | None:
        return drafts.load(self.db, name)

    def drafts(self) -> list[tuple[str, str]]:
        """(name, saved_at) of every draft."""
        return drafts.names(self.db)

    def discard_draft(self, name: str) -> None:
        with self.db.transaction() as conn:
            drafts.discard(conn, name)

    def amend(self, interaction_id, *, reason: str | None = None, references=(), promises=(),
              attachments=(), **changes):
        """Amend an interaction: the new state is a new revision; the old stays readable."""
        iid = _id(interaction_id, "interaction")
        current = self.interaction(iid)
        if current.voided:
            raise BadInput(f"Interaction {iid} was voided; it cannot be amended.")
        allowed = {"kind", "channel_id", "contact", "start", "end", "wait_minutes", "outcome",
                   "agent", "language", "notes"}
        unknown = set(changes) - allowed
        if unknown:
            raise BadInput(f"Cannot amend {', '.join(sorted(unknown))}.")
        given = {k: v for k, v in changes.items() if v is not None}
        if not given and not references and not promises and not attachments:
            raise BadInput("Nothing to amend: give a new note, agent, time, reference, promise "
                           "or file.")
        case = self.case(current.case_id)
        merged = {"kind": current.kind.value, "channel_id": current.channel_id,
                  "contact": current.contact, "start": current.started_at,
                  "end": current.ended_at, "wait_minutes": current.wait_minutes,
                  "outcome": current.outcome.value, "agent": current.agent,
                  "language": current.language, "notes": current.notes, **given}
        fields = self._interaction_fields(case, **merged)
        refs, new_promises, files = self._parts(references, promises, attachments)
        reason = _text(reason, "reason", limit=2000)
        with self.db.transaction() as conn:
            recorded = times.now_text()
            changed = {k: v for k, v in fields.items() if k in {
                "kind", "outcome", "channel_id", "contact", "started_at", "ended_at",
                "wait_minutes", "agent", "language", "notes"}}
            interaction_store.amend(conn, iid, changed, reason, recorded)
            self._write_parts(conn, case.id, iid, refs, new_promises, files, recorded)
            search.index_interaction(conn, iid)
        return self.interaction(iid)

    def void(self, interaction_id, *, reason: str):
        reason = _text(reason, "reason for voiding", required=True, limit=2000)
        with self.db.transaction() as conn:
            interaction_store.void(conn, _id(interaction_id, "interaction"), reason,
                                   times.now_text())
        return self.interaction(interaction_id)

    def interaction(self, interaction_id):
        return interaction_store.get(self.db, _id(interaction_id, "interaction"))

    def timeline(self, case_id, *, include_voided: bool = True):
        return interaction_store.timeline(self.db, self.case(case_id).id, include_voided)

    def history(self, interaction_id) -> list[ChainEntry]:
        """Every revision of an interaction, oldest first, as the ledger holds them."""
        iid = _id(interaction_id, "interaction")
        interaction_store.case_of(self.db, iid)
        return ledger.history(self.db, "interaction", iid)

    # -- promises ----------------------------------------------------------------------

    def promises(self, *, overdue: bool = False, status: str | None = None, case_id=None):
        status_ = PromiseStatus.parse(status, "promise status") if status is not None else None
        cid = self.case(case_id).id if case_id is not None else None
        now = times.now().timestamp() if overdue else None
        return interaction_store.list_promises(self.db, status_, now, cid)

    def set_promise(self, promise_id, status: str):
        status_ = PromiseStatus.parse(status, "promise status")
        if status_ is PromiseStatus.PENDING:
            raise BadInput("A promise can be set to kept, broken or cancelled.")
        return interaction_store.set_promise_status(self.db, _id(promise_id, "promise"), status_)

    # -- files -------------------------------------------------------------------------

    def attachment(self, attachment_id):
        return attachment_store.get(self.db, _id(attachment_id, "attachment"))

    def attachment_bytes(self, attachment_id) -> bytes:
        return attachment_store.content(self.db, self.attachment(attachment_id).id)

    # -- search ------------------------------------------------------------------------

    def search(self, query: str, *, platform: str | int | None = None, since: str | None = None,
               limit: int = 20, prefix_last: bool = True) -> list[SearchHit]:
        if query is None or len(query) > 1000:
            raise BadInput("The search is longer than 1,000 characters.")
        if not 1 <= int(limit) <= 1000:
            raise BadInput("The limit must be between 1 and 1000.")
        pid = self.platform(platform).id if platform is not None else None
        since_ts = times.parse_time(since, "since time").timestamp() if since is not None \
            else None
        rows = search.search(self.db, query, platform_id=pid, since_ts=since_ts,
                             limit=int(limit), prefix_last=prefix_last)
        return search.hits(self.db, rows, search.highlight_words(query))

    # -- integrity, backup, passphrase -------------------------------------------------

    def check(self):
        """The database, its encryption, the hash chain, and the key header's recovery copy."""
        return unlock.with_key_header_check(check_store.run(self.db), self.folder, self._key)

    def repair_index(self) -> None:
        """Rebuild the search index from the records, in one transaction (`check` then says
        whether it matches)."""
        from ..store import check_index
        check_index.repair(self.db)

    def chain_head(self, case_id=None) -> str:
        cid = self.case(case_id).id if case_id is not None else None
        return ledger.head(self.db, cid)

    def chain_segment(self, case_id) -> list[ChainEntry]:
        return list(ledger.entries(self.db, self.case(case_id).id))

    def directory_chain(self, case_id, channel_ids=()) -> list[ChainEntry]:
        """The ledger entries of the case's platform and of the channels `channel_ids` (those
        its interactions used): where the case file's platform name and channel statuses
        come from."""
        case = self.case(case_id)
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
        return signing_key.for_case(self.db, self.case(case_id).id)

    def backup(self, target) -> int:
        return backup_store.write(self.db, self.folder, self._key, Path(target))

    def change_passphrase(self, new_passphrase: str) -> None:
        unlock.change_passphrase(self.folder, self._key, new_passphrase)

    @staticmethod
    def replace_recovery_key(folder=None, *, passphrase: str) -> tuple[Path, str]:
        """A new recovery key for the journal in `folder` (its passphrase proves the right to
        make one); returns the folder and the key, to show once. The old key stops working."""
        path = jf.resolve(folder)
        jf.require_journal(path)
        return path, unlock.replace_recovery_key(path, passphrase)

    @staticmethod
    def restore(source, folder, *, passphrase: str | None = None,
                recovery_key: str | None = None) -> Journal:
        """Restore a backup file into a new journal folder and open it."""
        src = Path(source).expanduser()
        path = jf.resolve(folder)
        header, offset = backup_store.read_header(src)
        if recovery_key is not None:
            header.unlock_with_recovery_key(recovery_key)
        else:
            header.unlock(passphrase or "")
        jf.prepare_new(path)
        lock = jf.FolderLock(path)
        lock.acquire()
        try:
            backup_store.unpack(src, offset, path)
        finally:
            lock.release()
        return Journal.open(path, passphrase=passphrase, recovery_key=recovery_key)

    # -- dump and import -----------------------------------------------------------------

    def dump(self) -> dict:
        from ..store import dump
        return dump.dump(self.db)

    def write_dump(self, stream) -> None:
        """The same document as dump(), written as JSON text without holding it all."""
        from ..store import dump
        dump.write(self.db, stream)

    def import_dump(self, document) -> dict:
        """Import a dump into this (empty) journal, all or nothing; return counts."""
        from ..store import dump
        return dump.load(self.db, document)


__all__ = ["Journal", "JournalError", "NewAttachment", "NewPromise", "NotFound"]
