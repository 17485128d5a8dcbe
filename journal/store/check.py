"""`journal check`: SQLite's check of every page (which also proves every page's HMAC), the
hash chain, every record against the chain (check_records.py), the files, and the search
index against the records (check_index.py).

What each pass proves, and why each page is read as few times as possible:

- SQLCipher checks a page's HMAC each time it reads the page from the file (and SQLite reads
  it from the file: the check's connection is a new one, with an empty page cache). So
  `PRAGMA integrity_check`, which reads every b-tree page of every table and index, follows
  every overflow chain and reads the freelist's trunk pages, proves the HMAC of every page
  that holds anything of the journal. `PRAGMA cipher_integrity_check` would read them all
  once more only to recompute the same HMACs (on 1 GiB of files, 6 s of CPU: a third of the
  old check). The pages it alone reads hold nothing the journal shows or will read: the
  freelist's leaf pages (free space; SQLite reuses one without reading it), the main file's
  older copies of pages the WAL holds newer ones of (integrity_check reads those), and the
  lock-byte page. So it runs only when integrity_check finds a fault, to tell a page that
  fails its HMAC (cipher_ok false, the pages named) from damage to SQLite's structures.
- integrity_check cannot be told to leave a table out and still prove that every page
  belongs to exactly one table, index or the freelist (a partial check does not: a freelist
  entry pointing into a live table would let the next write overwrite it). So it reads the
  attachments' pages, and the files are read once more for their SHA-256: the HMACs prove
  the pages were written with the key, only the hashes prove they hold the bytes the chain
  recorded. The two reads run at the same time: integrity_check, then the search index
  against the records, on a read-only connection of its own in a thread (SQLite lets go of
  the GIL while it works), and the files, the chain and the records in the calling thread;
  they share the machine's cores instead of adding up.
- FTS5's own check of the search index, which integrity_check also runs, is repeated by
  check_index in full and against the records; SQLite offers no way to skip it.

progress(stage, done, total) is told how it goes: "files" (bytes), "chain" (ledger entries),
"records" (rows), "pages" (while only SQLite's check is left: 0, 0) and "index" (rows);
journal.errors.Cancelled raised from it stops the check (nothing is written by it).
"""
from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..domain.chain import first_break
from ..domain.model import CheckReport
from ..errors import Cancelled
from . import attachments, check_index, check_records, ledger, signing_key
from .db import environment_error, is_environment_error

STAGES = ("files", "chain", "records", "pages", "index")
SHOWN = 10  # rows of SQLite's own checks shown


def _silent(stage: str, done: int, total: int) -> None:
    pass


class PageCheck:
    """On a read-only connection of its own, in a thread: PRAGMA integrity_check, then (when
    it finds nothing) the search index against the records (check_index), while the checking
    thread reads the files, the chain and the records. Only that thread tells progress: this
    one leaves how far it is in `index_done`."""

    def __init__(self, path: Path, key: bytes):
        self.rows: list[str] | None = None
        self.error: BaseException | None = None
        self.index_ok: bool | None = None          # None: not compared
        self.index_error: BaseException | None = None
        self.index_done: tuple[int, int] | None = None
        self.stopped = False
        self.conn = None
        self.thread = threading.Thread(target=self._run, name="journal check: pages",
                                       daemon=True)
        try:
            uri = Path(path).absolute().as_uri() + "?mode=ro"
            self.conn = sqlite.connect(uri, uri=True, isolation_level=None,
                                       check_same_thread=False, cached_statements=0)
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            self.conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            self.conn.execute("PRAGMA temp_store = MEMORY")  # check_index's copy: in memory
            self.conn.execute("PRAGMA busy_timeout = 2000")
            # SQLite's default page cache (8 MiB): a bigger one made integrity_check no faster
            # (every page is read once; the row checks' second reads do not fit in either).
        except (sqlite.DatabaseError, MemoryError) as exc:
            self.error = exc
            return
        self.thread.start()

    def _run(self) -> None:
        try:
            if self.stopped:
                return
            self.rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check")]
        except BaseException as exc:  # noqa: BLE001 - judged by the checking thread
            self.error = exc
            return
        if self.rows != ["ok"] or self.stopped:
            return  # on damaged pages, comparing would only meet the damage again
        try:
            self.index_done = (0, 0)
            self.index_ok = check_index.matches_records(_Reader(self.conn), self._told)
        except BaseException as exc:  # noqa: BLE001 - judged by the checking thread
            self.index_error = exc

    def _told(self, done: int, total: int) -> None:
        self.index_done = (done, total)
        if self.stopped:
            raise Cancelled("task.cancelled")

    def wait(self, progress) -> None:
        """Until it is done, telling progress every 0.1 s (which may cancel)."""
        while self.thread.is_alive():
            if self.index_done is None:
                progress("pages", 0, 0)
            else:
                progress("index", *self.index_done)
            self.thread.join(0.1)
        if self.index_done is not None:
            progress("index", *self.index_done)

    def close(self) -> None:
        """Stop it if it still runs (a cancelled check), and close its connection."""
        self.stopped = True
        while self.thread.is_alive():  # an interrupt before its statement starts is lost
            self.conn.interrupt()
            self.thread.join(0.05)
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class _Reader:
    """The check's own connection, as check_index reads a Database."""

    def __init__(self, conn):
        self.conn = conn

    def query(self, sql: str, params=()) -> list:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextmanager
    def reading(self):
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")


def _why(exc: BaseException) -> str:
    # db.problem: a page failing its HMAC is IntegrityFailure, SQLCipher's NOMEM after it a
    # MemoryError (said only once the HMACs found damage).
    if hasattr(exc, "exit_code") or isinstance(exc, MemoryError):
        return "damaged pages of the database cannot be decrypted."
    return f"{exc}."


def _environment(exc: BaseException) -> bool:
    """An error of the file or the machine, said in the report (a cancel is not one)."""
    return not isinstance(exc, Cancelled) and (is_environment_error(exc)
                                               or hasattr(exc, "exit_code"))


def chain_and_records(db, progress=_silent) -> tuple[str | None, list[str]]:
    """The chain's first broken link (or None), and the records that differ from it.

    One read of the ledger serves both: each entry is replayed into its record's state as
    the chain is recomputed. The ledger and the tables are read in one snapshot, so a
    record written meanwhile cannot look like one added outside the program.
    """
    with check_records.snapshot(db):
        total = ledger.count(db)
        replay = check_records.Replay()
        entries = replay.feed(_readable(ledger.entries(db), total, progress))
        broken = None
        try:
            broken = first_break(entries)
            for _ in entries:  # past a broken link, the rest still tells each record's state
                pass
        except _Unreadable as exc:  # the records cannot be compared with a chain not read
            return broken or str(exc), []
        drift = check_records.differences(db, replay,
                                          progress=lambda done, n: progress("records", done, n))
        return broken, drift


class _Unreadable(Exception):
    """A ledger entry no version of the program wrote: its body or salts are no object."""


def _readable(entries, total: int, progress):
    """The entries, counted for progress ("chain", every 2,000), each one the program could
    have written (an entry whose JSON does not parse, or is no object, is _Unreadable)."""
    done = 0
    try:
        for e in entries:
            if type(e.body) is not dict or not (e.salts is None or type(e.salts) is dict):
                raise _Unreadable(_unreadable(e.seq))
            yield e
            done += 1
            if done % 2000 == 0:
                progress("chain", min(done, total), total)
    except json.JSONDecodeError:
        raise _Unreadable(_unreadable(None)) from None


def _unreadable(seq) -> str:
    which = f"Entry {seq}" if seq is not None else "An entry"
    return f"{which} of the hash chain cannot be read as one the program wrote: the ledger " \
           f"was changed outside the program."


def _pages(db, pages: PageCheck, problems: list[str]) -> tuple[bool, bool]:
    """(cipher_ok, sqlite_ok) from the page check, and its problems. On a fault, the HMAC of
    every page in the file is checked to say whether encrypted pages are damaged."""
    error = pages.error
    if error is None and pages.rows == ["ok"]:
        return True, True
    if error is not None:
        if isinstance(error, sqlite.DatabaseError):
            error = environment_error(error)
        elif not isinstance(error, MemoryError):  # a bug: let it crash loudly
            raise error
    cipher_ok = True
    try:
        rows = db.query("PRAGMA cipher_integrity_check")
        if rows:
            cipher_ok = False
            problems += [f"Encrypted page check: {r[0]}" for r in rows[:SHOWN]]
    except Exception as exc:  # a damaged file can fail the check itself
        if not _environment(exc):
            raise
        cipher_ok = False
        problems.append(f"Encrypted page check could not finish: {_why(exc)}")
    if error is not None:
        if isinstance(error, MemoryError) and cipher_ok:
            raise error  # a real lack of memory, not damage
        # Whatever SQLite said (past a page that fails its HMAC, SQLCipher answers even the
        # schema's reads with a bare error), the damaged pages are why.
        problems.append("Database check could not finish: " + (
            _why(error) if cipher_ok else _why(MemoryError())))
    else:
        problems += _first(pages.rows)
    return cipher_ok, False


def _first(rows: list[str]) -> list[str]:
    """integrity_check's findings (one row of many lines, since SQLite 3.44), the first SHOWN
    of them and how many more; past a page that fails its HMAC, every page after it fails to
    load and the rest only repeats that."""
    lines = [line for row in rows for line in row.splitlines()
             if line and not line.startswith("*** in database")]
    shown = [f"Database check: {line}" for line in lines[:SHOWN]]
    if len(lines) > SHOWN:
        shown.append(f"Database check: …and {len(lines) - SHOWN:,} more.")
    return shown


def run(db, key: bytes, progress=None) -> CheckReport:
    tell = progress or _silent
    problems: list[str] = []
    evidence: list[str] = []
    chain_ok = True
    entries = 0
    pages = PageCheck(db.path, key)
    try:
        try:
            entries = ledger.count(db)
            files = attachments.mismatches(db, lambda done, n: tell("files", done, n))
            files += signing_key.mismatches(db)
            broken, drift = chain_and_records(db, tell)
            if broken:
                chain_ok = False
                evidence.append(f"Hash chain: {broken}")
            if drift or files:
                chain_ok = False
                evidence += drift + files
        except Exception as exc:
            if not _environment(exc):
                raise
            chain_ok = False
            evidence.append(f"Hash chain could not be read to the end: {_why(exc)}")
        pages.wait(tell)
    finally:
        pages.close()
    cipher_ok, sqlite_ok = _pages(db, pages, problems)
    problems += evidence
    index_ok = True
    if cipher_ok and sqlite_ok:  # (else the index was not compared)
        error = pages.index_error
        if error is not None:
            if isinstance(error, sqlite.DatabaseError):
                error = environment_error(error)
            if not _environment(error):
                raise error
            index_ok = False
            problems.append(f"The search index could not be checked: {_why(error)}")
        elif not pages.index_ok:
            index_ok = False
            problems.append(check_index.MISMATCH)
    return CheckReport(cipher_ok, sqlite_ok, chain_ok, entries, tuple(problems), index_ok)
