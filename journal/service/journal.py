"""`Journal`: an open journal, composed of one object per subject.

Every method validates its input completely before it writes, so bad input raises one
`JournalError` sentence and changes nothing; every write is one transaction and leaves in
`last_changes` the kinds of record it touched (domain/changes.py). The table at the end of
the class lists each method and the subject that answers it.
"""
from __future__ import annotations

import functools
from pathlib import Path

from ..store import backup as backup_store
from ..store import folder as jf
from ..store import unlock
from .cases import Cases
from .checklist import Checklists
from .context import Context
from .directory import Directory
from .dispute import Dispute
from .drafts import Drafts
from .evidence import Evidence
from .exports import Exports
from .index import SearchIndex
from .integrity import Integrity
from .interactions import Interactions
from .letters import Calendars, Letters
from .reading import Readings
from .response_times import ResponseTimes
from .search import Search


def _by(subject: str, method):
    """Journal.<name> answered by self.<subject>.<name>, with its signature and docstring."""
    name = method.__name__

    @functools.wraps(method)
    def call(self, *args, **kwargs):
        return getattr(getattr(self, subject), name)(*args, **kwargs)
    return call


class Journal:
    """An unlocked journal. Open with `Journal.open`, make one with `Journal.create`."""

    def __init__(self, folder: Path, db, data_key: bytes, lock: jf.FolderLock):
        self._ctx = ctx = Context(folder, db, data_key, lock)
        index = SearchIndex()
        self._directory = Directory(ctx, index)
        self._checklists = Checklists(ctx)
        self._cases = Cases(ctx, self._directory, self._checklists, index)
        self._interactions = Interactions(ctx, self._cases, index)
        self._drafts = Drafts(ctx)
        self._search = Search(ctx, self._directory)
        self._integrity = Integrity(ctx, self._cases)
        self._response_times = ResponseTimes(ctx, self._directory, self._cases,
                                             self._interactions)
        self._evidence = Evidence(ctx, self._cases, self._interactions, self._directory)
        self._readings = Readings(ctx, index)
        self._dispute = Dispute(ctx, self._cases, index)
        self._exports = Exports(self)
        self._letters = Letters(self)
        self._calendars = Calendars(self)

    # -- opening and closing ---------------------------------------------------------

    @classmethod
    def create(cls, folder=None, *, passphrase: str,
               kdf_params: dict | None = None) -> tuple[Journal, str]:
        """Create a journal; return it open and the recovery key (shown once, never stored).
        When creating fails, the folder is left unlocked, so it can be tried again."""
        path = jf.resolve(folder)
        lock = jf.FolderLock(path)
        try:
            db, recovery, key = unlock.create(path, passphrase, lock, kdf_params)
        except BaseException:
            lock.release()
            raise
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

    @property
    def folder(self) -> Path:
        return self._ctx.folder

    @property
    def db(self):
        """The open database (None while locked); for the tests' and tools' eyes."""
        return self._ctx.db

    @property
    def _key(self) -> bytes:
        """The data key while unlocked, b"" once locked (the tests check it is forgotten)."""
        return self._ctx.key

    @property
    def _lock(self):
        return self._ctx.lock

    @property
    def last_changes(self) -> frozenset[str]:
        """The kinds of record (domain/changes.py) the last write touched."""
        return self._ctx.last_changes

    def take_changes(self) -> frozenset[str]:
        """The kinds of record touched by every write since the last call, and forget them:
        the window asks after each piece of work and refreshes exactly those views."""
        return self._ctx.take_changes()

    def close(self) -> None:
        self._readings.stop_reader()
        self.lock()
        if self._ctx.lock is not None:
            self._ctx.lock.release()
            self._ctx.lock = None

    @property
    def locked(self) -> bool:
        return self._ctx.db is None

    def lock(self) -> None:
        """Close the database and forget the key, but keep the folder: no other process may
        open this journal until `close()`, and `unlock()` opens it again."""
        if self._ctx.db is not None:
            self._ctx.db.close()
            self._ctx.db = None
            self._ctx.key = b""

    def unlock(self, *, passphrase: str | None = None, recovery_key: str | None = None) -> None:
        if self._ctx.db is not None:
            return
        key = unlock.data_key(self._ctx.folder, passphrase, recovery_key)
        self._ctx.db = unlock.open_with_key(self._ctx.folder, key)
        self._ctx.key = key

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

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
        header, layout = backup_store.read_header(src)  # either format (docs/backup-format.md)
        if recovery_key is not None:
            header.unlock_with_recovery_key(recovery_key)
        else:
            header.unlock(passphrase or "")
        jf.prepare_new(path)
        lock = jf.FolderLock(path)
        lock.acquire()
        try:
            backup_store.unpack(src, layout, path)
        finally:
            lock.release()
        return Journal.open(path, passphrase=passphrase, recovery_key=recovery_key)

    # -- the API, by subject -------------------------------------------------------------

    # Platforms and their channels (directory.py)
    add_platform = _by("_directory", Directory.add_platform)
    platforms = _by("_directory", Directory.platforms)
    platform = _by("_directory", Directory.platform)
    update_platform = _by("_directory", Directory.update_platform)
    add_channel = _by("_directory", Directory.add_channel)
    update_channel = _by("_directory", Directory.update_channel)
    channel = _by("_directory", Directory.channel)
    channels = _by("_directory", Directory.channels)
    contact_warnings = _by("_directory", Directory.contact_warnings)
    channel_warnings = _by("_directory", Directory.channel_warnings)

    # Cases (cases.py)
    open_case = _by("_cases", Cases.open_case)
    case = _by("_cases", Cases.case)
    cases = _by("_cases", Cases.cases)
    set_case_status = _by("_cases", Cases.set_case_status)

    # A case's dispute: its jurisdiction, complaint stages, money, transactions, wallets.
    set_jurisdiction = _by("_dispute", Dispute.set_jurisdiction)
    add_stage = _by("_dispute", Dispute.add_stage)
    stages = _by("_dispute", Dispute.stages)
    add_money = _by("_dispute", Dispute.add_money)
    money = _by("_dispute", Dispute.money)
    add_transaction = _by("_dispute", Dispute.add_transaction)
    transactions = _by("_dispute", Dispute.transactions)
    add_wallet = _by("_dispute", Dispute.add_wallet)
    wallets = _by("_dispute", Dispute.wallets)
    void_dispute_record = _by("_dispute", Dispute.void_dispute_record)
    offered_transactions = _by("_dispute", Dispute.offered_transactions)
    deadlines = _by("_dispute", Dispute.deadlines)
    letter = _by("_letters", Letters.letter)
    write_letter_pdf = _by("_letters", Letters.write_letter_pdf)
    log_letter = _by("_letters", Letters.log_letter)
    calendar = _by("_calendars", Calendars.calendar)
    write_calendar = _by("_calendars", Calendars.write_calendar)

    # Interactions, promises and files (interactions.py)
    log = _by("_interactions", Interactions.log)
    amend = _by("_interactions", Interactions.amend)
    void = _by("_interactions", Interactions.void)
    interaction = _by("_interactions", Interactions.interaction)
    timeline = _by("_interactions", Interactions.timeline)
    history = _by("_interactions", Interactions.history)
    promises = _by("_interactions", Interactions.promises)
    set_promise = _by("_interactions", Interactions.set_promise)
    attachment = _by("_interactions", Interactions.attachment)
    attachment_bytes = _by("_interactions", Interactions.attachment_bytes)
    attachment_chunks = _by("_interactions", Interactions.attachment_chunks)
    save_attachment = _by("_interactions", Interactions.save_attachment)

    # The text read out of pictures and PDFs: the queue and the readings (reading.py)
    reading_status = _by("_readings", Readings.reading_status)
    waiting_files = _by("_readings", Readings.waiting_files)
    read_attachments = _by("_readings", Readings.read_attachments)
    next_to_read = _by("_readings", Readings.next_to_read)
    recognise = _by("_readings", Readings.recognise)
    keep_reading = _by("_readings", Readings.keep_reading)
    stop_reader = _by("_readings", Readings.stop_reader)
    attachment_text = _by("_readings", Readings.attachment_text)
    attachment_texts = _by("_readings", Readings.attachment_texts)
    attachment_alarms = _by("_readings", Readings.attachment_alarms)
    case_file_alarms = _by("_readings", Readings.case_file_alarms)
    offered_references = _by("_readings", Readings.offered_references)

    # Evidence imported from files: e-mails, chat exports, transcripts (evidence.py)
    read_evidence = _by("_evidence", Evidence.read_evidence)
    import_evidence = _by("_evidence", Evidence.import_evidence)

    # Drafts (drafts.py)
    save_draft = _by("_drafts", Drafts.save_draft)
    draft = _by("_drafts", Drafts.draft)
    drafts = _by("_drafts", Drafts.drafts)
    discard_draft = _by("_drafts", Drafts.discard_draft)

    # Checklists (checklist.py)
    checklist = _by("_checklists", Checklists.checklist)
    checklist_item = _by("_checklists", Checklists.checklist_item)
    answerable = _by("_checklists", Checklists.answerable)
    add_checklist_item = _by("_checklists", Checklists.add_checklist_item)
    suggest_checklist = _by("_checklists", Checklists.suggest_checklist)
    edit_checklist_item = _by("_checklists", Checklists.edit_checklist_item)
    remove_checklist_item = _by("_checklists", Checklists.remove_checklist_item)
    move_checklist_item = _by("_checklists", Checklists.move_checklist_item)
    tick_checklist_item = _by("_checklists", Checklists.tick_checklist_item)

    # Search (search.py)
    search = _by("_search", Search.search)

    # Reaching support, response times and scam signs (response_times.py)
    reach_suggestions = _by("_response_times", ResponseTimes.reach_suggestions)
    stats = _by("_response_times", ResponseTimes.stats)
    scam_risk = _by("_response_times", ResponseTimes.scam_risk)
    note_alarms = staticmethod(ResponseTimes.note_alarms)

    # Integrity: check, chain, key, backup, passphrase, dump (integrity.py)
    check = _by("_integrity", Integrity.check)
    repair_index = _by("_integrity", Integrity.repair_index)
    chain_head = _by("_integrity", Integrity.chain_head)
    chain_segment = _by("_integrity", Integrity.chain_segment)
    directory_chain = _by("_integrity", Integrity.directory_chain)
    signing_key = _by("_integrity", Integrity.signing_key)
    backup = _by("_integrity", Integrity.backup)
    change_passphrase = _by("_integrity", Integrity.change_passphrase)
    dump = _by("_integrity", Integrity.dump)
    write_dump = _by("_integrity", Integrity.write_dump)
    import_dump = _by("_integrity", Integrity.import_dump)

    # Exports (exports.py)
    export_case = _by("_exports", Exports.export_case)


__all__ = ["Journal"]
