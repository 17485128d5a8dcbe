"""Importing a dump into a new, empty journal: all or nothing, read once, in bounded memory.

The dump is read as it streams (dump_stream.py); each record is checked as it comes
(dump_check.py) and written straight into a new database built beside the journal's
(dump_database.py: a copy of the empty journal, encrypted as it is, so nothing of the dump is
ever on disk in plain text, written with no rollback journal or WAL). What needs every record (the links between them, the records against the chain:
dump_chain.py) is checked at the end; then the search index is built, the new database is
flushed to disk and renamed into the journal's place, and the connection reopened on it. A
problem, a failure or a cancel before that rename removes it: the journal stays exactly as
empty as it was. The same one pass serves a file, standard input and a dict alike.

The checks keep the order docs/dump-format.md gives them: once a problem is found nothing
more is written, but the rest of the text is still read, so that a text that is not complete
JSON (or not UTF-8) says so first, and a problem of an earlier check wins over one of a later
check found before it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..domain.chain import ChainEntry, canonical, first_break
from ..domain.times import instant
from ..errors import BadInput, Phrase, os_reason
from . import attachments, search
from . import dump_database as target
from .db import environment_error
from .dump_chain import Creations, check_created, check_nothing_extra, check_records
from .dump_check import Content, Links, check_header, check_record, file_problem, unknown_section
from .dump_format import ADDED_IN, ADDED_SECTIONS, DERIVED, HEADER, RECORDS, SECTIONS
from .dump_stream import STREAMED, Reader, document_events

_BATCH = 1000
_INSERT_CHUNK = "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?,?,?)"
# The checks, in their order (docs/dump-format.md): a problem of an earlier one wins.
SHAPE, RECORD, LINKS, FILES, CHAIN, ORDER, REPLAY = range(7)


def load(db, key: bytes, source, progress=None) -> dict:
    """Import a dump into the empty journal open as `db` (its data key `key`); return the
    counts per kind. `source`: a path, a binary (or text) file object, JSON text (str or
    bytes) or a parsed dict. progress(stage, done, total) is called as it goes ("reading",
    bytes; "checking", records; "indexing"; "saving") and may raise Cancelled to stop it."""
    progress = progress or _quiet
    if db.one(target.COUNT)[0]:
        raise BadInput(target.NOT_EMPTY)
    events, opened = _events(source, progress)
    scratch = db.path.with_name(target.SCRATCH)
    conn = flusher = None
    try:
        changes = target.copy_empty_journal(db, key, scratch)
        conn = target.open_for_import(scratch, key)
        conn.execute("BEGIN")
        indexes = target.drop_indexes(conn)
        flusher = target.Flusher(scratch)
        job = _Import(conn, flusher.wrote)
        counts = job.run(events)
        flusher.stop()
        for sql in indexes:
            conn.execute(sql)
        total = sum(counts[section] for section in RECORDS)
        progress("checking", 0, total)
        check_created(job.creations, job.links.ids)
        check_records(conn, job.links.interaction_cases(), progress, total)
        check_nothing_extra(conn, job.creations, job.ids, total)
        progress("checking", total, total)
        search.rebuild(conn, progress=progress)
        conn.execute("COMMIT")
        conn.close()
        conn = None
        progress("saving", 0, 0)
        target.move_into_place(db, key, scratch, changes)
    except sqlite.IntegrityError as exc:  # a rule of the schema the checks missed
        raise BadInput("dump.breaks_schema", detail=str(exc)) from None  # no data in it
    except sqlite.DatabaseError as exc:
        problem = environment_error(exc)
        if problem is exc:
            raise
        raise problem from None
    finally:
        if flusher is not None:
            flusher.stop()
        if conn is not None:
            conn.close()
        if opened is not None:
            opened.close()
        target.remove(scratch)
    counts["ledger entries"] = counts.pop("ledger")
    del counts["checklist"]
    return counts


def _quiet(stage: str, done: int, total: int) -> None:
    pass


# -- where the dump comes from ----------------------------------------------------------------

def _events(source, progress):
    """The dump's events, and the file opened for them (to close), if any."""
    if isinstance(source, str) and source.lstrip(" \t\n\r")[:1] not in ("", "{", "["):
        source = Path(source)  # a path, not JSON text
    if isinstance(source, os.PathLike):
        try:
            opened = open(Path(source).expanduser(), "rb")  # noqa: SIM115 - closed by load
        except OSError as exc:
            raise BadInput("file.cannot_read", path=source, reason=os_reason(exc)) from None
        return Reader(opened, progress, _remaining(opened)).events(), opened
    if isinstance(source, (str, bytes, bytearray, memoryview)):
        return Reader(source, progress, len(source)).events(), None
    if hasattr(source, "read"):
        return Reader(source, progress, _remaining(source)).events(), None
    return _counted(document_events(source), progress), None


def _remaining(stream) -> int:
    """The bytes left in a regular file; 0 (unknown) for a pipe or a terminal."""
    try:
        size = os.fstat(stream.fileno()).st_size
        return max(0, size - stream.tell()) if size else 0
    except (OSError, AttributeError, ValueError):
        return 0


def _counted(events, progress):
    """A parsed dump's events, with progress in records."""
    done = 0
    for event in events:
        if event[0] == "record":
            done += 1
            if done % 1000 == 0:
                progress("reading", done, 0)
        yield event


# -- reading, checking and writing ------------------------------------------------------------

def _inserter(section: str):
    """The INSERT for a section's table, and a record's row for it."""
    table, _, fields = SECTIONS[section]
    columns = list(fields)
    derived, source = DERIVED.get(section, (None, None))
    columns += [derived] if derived else []
    # Stored as the store writes them: languages as a JSON list, a body in canonical form.
    encode = {"languages": json.dumps, "countries": json.dumps,
              "body": lambda v: canonical(v).decode("utf-8"),
              "salts": lambda v: None if v is None else canonical(v).decode("utf-8")}
    encoded = [(n, encode[c]) for n, c in enumerate(columns) if c in encode]

    def to_row(record):
        row = [record[k] for k in fields]
        for n, how in encoded:
            row[n] = how(row[n])
        if derived:
            row.append(instant(record[source]))
        return row
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", to_row


class _Import:
    """One import's reading of the events: what it checked, what it holds to check at the
    end, and the rows on their way to the new database (written while no problem is found)."""

    def __init__(self, conn, wrote=None):
        self.conn, self._wrote = conn, wrote
        self.first: tuple[int, BadInput | None] | None = None  # (check, its problem)
        self.header: dict = {}
        self.unknown = None           # the first key that is neither header nor section
        self.schema = None
        self.header_read = False
        self._header_problem = None
        self.seen: set[str] = set()
        self.ids = {section: set() for section in SECTIONS}
        self.links = Links()
        self.creations = Creations()
        self.counts = dict.fromkeys(SECTIONS, 0)
        self._rows = {section: [] for section in SECTIONS}
        self._sql = {section: _inserter(section) for section in SECTIONS}
        self._content = None          # (attachment's position, the id its chunks have, Content)
        self._previous_seq = 0

    def note(self, check: int, problem: BadInput | None) -> None:
        """A problem of `check` (None: said by that check at the end); nothing more is
        written."""
        if self.first is None or check < self.first[0]:
            self.first = (check, problem)

    def needed(self, check: int) -> bool:
        """Whether `check` can still be the one that speaks."""
        return self.first is None or self.first[0] >= check

    def run(self, events) -> dict:
        events = iter(events)
        for event in events:
            kind = event[0]
            if kind == "data":
                if self._content is not None:
                    self._content[2].feed(event[1])
            elif kind == "record":
                self._record(*event[1:])
            elif kind == "content":
                self._content_starts(event[1], event[2])
            elif kind == "content_end":
                if self._content is not None:
                    self._content[2].close(event[1])
            elif kind == "section":
                self._section(event[1])
                if event[1] == "ledger":
                    self._ledger(events)
            elif kind == "section_end":
                self._flush(event[1])
            elif kind == "header":
                self._header(event[1], event[2])
            elif kind == "not_list":
                self._section(event[1])
                self.note(SHAPE, BadInput("dump.no_section", section=event[1]))
            elif kind == "not_object":
                self.note(SHAPE, BadInput("dump.not_object"))
            elif kind == "end":
                self._end()
        return dict(self.counts)

    # -- the header and the sections --

    def _header(self, key: str, value) -> None:
        if key in HEADER:
            if self.header_read:  # the lists began: it came too late to be checked first
                if self.first is not None and self.first[1] is self._header_problem:
                    self.first = None  # what the header lacked: this says why
                self.note(SHAPE, BadInput("dump.header_late", key=key))
            self.header[key] = value
        elif self.header_read:
            self.note(SHAPE, unknown_section(key))
        elif self.unknown is None:
            self.unknown = key

    def _read_header(self) -> None:
        if not self.header_read:
            self.header_read = True
            try:
                self.schema = check_header(self.header, self.unknown)
            except BadInput as exc:
                self._header_problem = exc
                self.note(SHAPE, exc)

    def _section(self, name: str) -> None:
        self._read_header()
        if name in self.seen:
            self.note(SHAPE, BadInput("dump.section_twice", section=name))
        self.seen.add(name)

    def _end(self) -> None:
        self._read_header()
        for section in SECTIONS:
            if section not in self.seen and not (
                    section in ADDED_SECTIONS and self.schema is not None
                    and self.schema < ADDED_SECTIONS[section]):
                self.note(SHAPE, BadInput("dump.no_section", section=section))
                break
        if self.needed(LINKS):
            try:
                self.links.check()
            except BadInput as exc:
                self.first = (LINKS, exc)
        if self.first is not None:
            assert self.first[1] is not None, "a problem the links check did not find"
            raise self.first[1]
        for section in SECTIONS:
            self._flush(section)

    # -- records --

    def _record(self, section: str, n: int, record):
        """Check a record and write it; return it (with fields an old dump lacks) if sound."""
        content = None
        if section == "attachments" and self._content is not None and self._content[0] == n:
            content = self._content[2]
        if not self.needed(RECORD):
            return None
        old = self.schema is not None and self.schema < ADDED_IN.get(section, 0)
        try:
            record = check_record(section, record, n, old, self.ids[section])
        except BadInput as exc:
            self.note(RECORD, exc)
            return None
        if self.needed(LINKS) and not self.links.add(section, record):
            self.note(LINKS, None)
        if section == "attachments" and self.needed(FILES):
            problem = file_problem(record, content if record["content_base64"] is STREAMED
                                   else None)
            if problem is not None:
                self.note(FILES, problem)
            elif self.first is None and self._content[1] != record["id"]:
                self.conn.execute("UPDATE attachment_chunks SET attachment_id = ? "
                                  "WHERE attachment_id = ?", (record["id"], self._content[1]))
        if section == "attachments":
            self._content = None
        self.counts[section] += 1
        if self.first is None or section == "ledger" and self.needed(CHAIN):
            try:
                row = self._sql[section][1](record)
            except ValueError:  # NaN, Infinity or a lone surrogate: a body with no canonical form
                self.note(CHAIN, BadInput("dump.ledger_body", seq=record["seq"]))
                return None  # (what the chain's hashing would have met first)
            if self.first is None:
                rows = self._rows[section]
                rows.append(row)
                if len(rows) >= _BATCH:
                    self._flush(section)
        return record

    def _flush(self, section: str) -> None:
        rows = self._rows[section]
        if rows and self.first is None:
            self.conn.executemany(self._sql[section][0], rows)
        rows.clear()

    def _content_starts(self, n: int, partial: dict) -> None:
        """Attachment n's content begins: its chunks are written under its id if that is
        known and sound so far, else under a stand-in (-n) renamed when the record ends."""
        if self._content is not None and self._content[0] == n and self.first is None:
            # content_base64 given twice: the last one counts, as in json.loads
            self.conn.execute("DELETE FROM attachment_chunks WHERE attachment_id = ?",
                              (self._content[1],))
        self._content = None
        if not self.needed(FILES):
            return
        ident = partial.get("id")
        if not (type(ident) is int and 0 < ident < 2**63) or ident in self.ids["attachments"]:
            ident = -n
        self._content = (n, ident, Content(self._store_chunk, attachments.CHUNK))

    def _store_chunk(self, seq: int, data) -> None:
        if self.first is None:
            self.conn.execute(_INSERT_CHUNK, (self._content[1], seq, data))
            if self._wrote is not None:
                self._wrote(len(data))

    # -- the ledger --

    def _ledger(self, events) -> None:
        """The ledger's entries, recomputed along the chain (first_break) as they come."""
        entries = self._ledger_entries(events)
        broken = first_break(entries)  # (a body it cannot hash never reaches it: _record)
        if broken is not None:  # the same link first_break names, inside this sentence
            self.note(CHAIN, BadInput("dump.chain_broken",
                                      link=Phrase(f"dump.{broken.code}", **broken.params)))
        for _ in entries:  # the rest of the section, still checked (and written, if sound)
            pass

    def _ledger_entries(self, events):
        for event in events:
            if event[0] == "section_end":
                self._flush("ledger")
                return
            if event[0] != "record":
                continue
            entry = self._record("ledger", event[2], event[3])
            if entry is None:
                continue
            if self.needed(ORDER):
                if entry["seq"] <= self._previous_seq:
                    self.note(ORDER, BadInput("dump.ledger_order", seq=entry["seq"]))
                self._previous_seq = entry["seq"]
            if self.needed(REPLAY):
                problem = self.creations.add(entry)
                if problem is not None:
                    self.note(REPLAY, problem)
            if self.needed(CHAIN):
                yield ChainEntry(**entry)
