"""The new database an import is written into, beside the journal's, and its move into place.

It starts as a copy of the empty journal (sqlcipher_export: the same data key, schema,
signing key and drafts), so it is encrypted as the journal is and nothing of the dump is on
disk in plain text. It is written with no rollback journal and no syncing (a failure throws
it away), flushed as it grows, and synced once before one rename puts it in the journal's
place; the journal's connection is then reopened on it.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..errors import BadInput, EnvironmentProblem, JournalError, os_reason
from .db import Database

SCRATCH = "journal-import.db"  # beside journal.db while an import is written; then renamed
COUNT = "SELECT (SELECT count(*) FROM platforms) + (SELECT count(*) FROM ledger)"
NOT_EMPTY = "dump.journal_not_empty"
# What the empty journal holds that is no record: copied again if it changed meanwhile.
_OWN_TABLES = ("drafts", "journal_info", "signing_keys")


def copy_empty_journal(db, key: bytes, scratch: Path) -> int:
    """Make `scratch` a copy of the (empty) journal; return the count of changes made on the
    journal's connection so far, to tell at the end whether anything was written meanwhile."""
    remove(scratch)  # left by a crash part-way: nothing in it was ever the journal
    try:
        os.close(os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private
    except OSError as exc:
        raise EnvironmentProblem("file.cannot_write", path=scratch,
                                 reason=os_reason(exc)) from None
    with db._lock:
        conn = db.conn
        try:
            conn.execute(f"ATTACH DATABASE ? AS import_target KEY \"x'{key.hex()}'\"",
                         (str(scratch),))
            try:
                conn.execute("PRAGMA import_target.journal_mode = OFF")
                conn.execute("SELECT sqlcipher_export('import_target')")
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute(f"PRAGMA import_target.user_version = {int(version)}")
            finally:
                conn.execute("DETACH DATABASE import_target")
        except (sqlite.DatabaseError, MemoryError) as exc:
            problem = db.problem(exc)
            if problem is exc:
                raise
            raise problem from None
        return conn.total_changes


def open_for_import(path: Path, key: bytes):
    """A connection to the new database for writing it in bulk: no rollback journal and no
    syncing (a failure discards the file; it is synced once, whole, before the rename),
    references checked by the import itself (they may come in any order)."""
    conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False)
    for pragma in ("cipher_log_level = NONE", "cipher_memory_security = OFF",
                   f"key = \"x'{key.hex()}'\"", "journal_mode = OFF", "synchronous = OFF",
                   "temp_store = MEMORY", "foreign_keys = OFF", "cache_size = -32768"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def drop_indexes(conn) -> list[str]:
    """Drop the schema's own indexes while the rows go in; return their CREATE statements,
    to make them again, the same, once all are in (one sort each: several times faster than
    keeping them up row by row). What the schema keeps unique stays enforced meanwhile."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                         "sql IS NOT NULL").fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def move_into_place(db, key: bytes, scratch: Path, changes: int) -> None:
    """Flush the new database to disk and rename it over the journal's; reopen `db` on it.
    Anything written to the journal meanwhile (a draft) is copied in first; a record written
    meanwhile refuses the import."""
    try:
        _sync(scratch)
        with db._lock:
            if db.conn is None:  # locked meanwhile (the window's auto-lock): nothing is kept
                raise JournalError("journal.locked")
            if db.conn.total_changes != changes:
                if db.conn.execute(COUNT).fetchone()[0]:
                    raise BadInput(NOT_EMPTY)
                _copy_own_tables(db.conn, key, scratch)
                _sync(scratch)
            db.close()
            try:
                for suffix in ("-wal", "-shm"):  # the old file's: never to be read with the new
                    Path(str(db.path) + suffix).unlink(missing_ok=True)
                os.replace(scratch, db.path)
                _sync(db.path.parent)
            finally:
                db.conn = Database(db.path, key).conn
    except OSError as exc:
        raise EnvironmentProblem("file.cannot_write", path=db.path,
                                 reason=os_reason(exc)) from None


def _copy_own_tables(conn, key: bytes, scratch: Path) -> None:
    conn.execute(f"ATTACH DATABASE ? AS import_target KEY \"x'{key.hex()}'\"", (str(scratch),))
    try:
        conn.execute("BEGIN IMMEDIATE")
        for table in _OWN_TABLES:
            conn.execute(f"DELETE FROM import_target.{table}")
            conn.execute(f"INSERT INTO import_target.{table} SELECT * FROM main.{table}")
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("DETACH DATABASE import_target")


class Flusher:
    """Has the bytes written so far go to the disk while the import goes on (every FLUSH
    bytes of files, from a thread that only waits on the disk), so that the last sync, before
    the rename, finds little left to write: with 1 GiB of files, 2-4 s less."""

    FLUSH = 64 << 20

    def __init__(self, path: Path):
        self._fd = os.open(path, os.O_RDWR)
        self._due, self._since, self._stopping = threading.Event(), 0, False
        self._thread = threading.Thread(target=self._run, name="import flusher", daemon=True)
        self._thread.start()

    def wrote(self, size: int) -> None:
        self._since += size
        if self._since >= self.FLUSH:
            self._since = 0
            self._due.set()

    def _run(self) -> None:
        while True:
            self._due.wait()
            self._due.clear()
            if self._stopping:
                return
            try:
                (os.fdatasync if hasattr(os, "fdatasync") else os.fsync)(self._fd)
            except OSError:
                return  # the last sync, on the reading thread, will say what is wrong

    def stop(self) -> None:
        if not self._stopping:
            self._stopping = True
            self._due.set()
            self._thread.join()
            os.close(self._fd)


def _sync(path: Path) -> None:
    flags = os.O_RDWR  # (Windows syncs only what is open for writing)
    if path.is_dir():
        if not hasattr(os, "O_DIRECTORY"):
            return  # Windows: a folder cannot be opened to be synced
        flags = os.O_RDONLY | os.O_DIRECTORY
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove(scratch: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            Path(str(scratch) + suffix).unlink(missing_ok=True)
        except OSError:
            pass
