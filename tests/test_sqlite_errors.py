"""SQLite's errors are told apart by their code, never by their message; a page that fails
its HMAC is damage, and a real lack of memory is not."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlite

from journal.errors import EnvironmentProblem, IntegrityFailure, JournalInUse
from journal.store.db import Database, environment_error

# A message that names another error, so only the code can classify it right.
MISLEADING = "database is locked; disk is full; readonly; not a database; disk I/O error"


def _error(code: int, cls=sqlite.OperationalError, message: str = MISLEADING):
    exc = cls(message)
    exc.sqlite_errorcode = code
    return exc


@pytest.mark.parametrize("code, kind, sentence", [
    (sqlite.SQLITE_BUSY, JournalInUse, "busy in another process"),
    (sqlite.SQLITE_LOCKED, JournalInUse, "busy in another process"),
    (5 | 2 << 8, JournalInUse, "busy in another process"),               # SQLITE_BUSY_SNAPSHOT
    (sqlite.SQLITE_FULL, EnvironmentProblem, "The disk is full"),
    (sqlite.SQLITE_READONLY, EnvironmentProblem, "cannot be written to"),
    (8 | 3 << 8, EnvironmentProblem, "cannot be written to"),             # SQLITE_READONLY_ROLLBACK
    (sqlite.SQLITE_PERM, EnvironmentProblem, "cannot be written to"),
    (sqlite.SQLITE_CANTOPEN, EnvironmentProblem, "cannot be written to"),
    (sqlite.SQLITE_NOTADB, IntegrityFailure, "damaged"),
    (sqlite.SQLITE_CORRUPT, IntegrityFailure, "damaged"),
    (11 | 1 << 8, IntegrityFailure, "damaged"),                           # SQLITE_CORRUPT_VTAB
    (sqlite.SQLITE_IOERR, EnvironmentProblem, "could not be read or written"),
    (10 | 3 << 8, EnvironmentProblem, "could not be read or written"),   # SQLITE_IOERR_WRITE
])
def test_each_code_becomes_its_sentence_whatever_the_message_says(code, kind, sentence):
    problem = environment_error(_error(code, sqlite.DatabaseError))
    assert type(problem) is kind and sentence in str(problem), (code, problem)


@pytest.mark.parametrize("code", [sqlite.SQLITE_ERROR, sqlite.SQLITE_CONSTRAINT,
                                  sqlite.SQLITE_MISUSE, sqlite.SQLITE_RANGE, None])
def test_any_other_code_is_a_bug_left_as_it_is(code):
    exc = sqlite.OperationalError(MISLEADING)
    if code is not None:
        exc.sqlite_errorcode = code
    assert environment_error(exc) is exc


def test_the_disk_io_sentence_is_as_before():
    exc = _error(10 | 3 << 8, message="disk I/O error")
    assert str(environment_error(exc)) == "The journal could not be read or written (disk I/O error)."


# -- real errors from a real SQLCipher --------------------------------------------------------

@pytest.fixture
def db_path(tmp_path) -> tuple[Path, bytes]:
    path, key = tmp_path / "journal.db", os.urandom(32)
    db = Database(path, key, create=True)
    with db.transaction() as conn:
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)")
        for _ in range(200):
            conn.execute("INSERT INTO t (v) VALUES (?)", (os.urandom(2000),))
    db.close()
    return path, key


def test_a_file_that_is_no_database_is_damage(tmp_path):
    path = tmp_path / "journal.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(IntegrityFailure, match="damaged"):
        Database(path, os.urandom(32))


def test_a_transaction_meeting_another_process_s_is_in_use(db_path):
    path, key = db_path
    first, second = Database(path, key), Database(path, key)
    second.conn.execute("PRAGMA busy_timeout = 0")
    try:
        with first.transaction():
            with pytest.raises(JournalInUse):
                with second.transaction():
                    pass
    finally:
        first.close()
        second.close()


def test_a_write_to_a_read_only_connection_cannot_write(db_path):
    path, key = db_path
    conn = sqlite.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    with pytest.raises(sqlite.DatabaseError) as got:
        conn.execute("INSERT INTO t (v) VALUES (x'00')")
    conn.close()
    assert got.value.sqlite_errorcode & 0xFF == sqlite.SQLITE_READONLY
    assert "cannot be written to" in str(environment_error(got.value))


def _flip_middle_page(path: Path) -> None:
    with open(path, "r+b") as f:
        offset = path.stat().st_size // 2 + 123
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x5A]))


def test_a_tampered_page_is_damage_the_first_time_and_every_time_after(db_path):
    path, key = db_path
    _flip_middle_page(path)
    db = Database(path, key)  # page 1 is intact: it opens
    try:
        with pytest.raises(IntegrityFailure, match="damaged"):     # SQLITE_CORRUPT
            db.query("SELECT sum(length(v)) FROM t")
        with pytest.raises(IntegrityFailure, match="damaged"):     # then SQLCipher's NOMEM
            db.query("SELECT sum(length(v)) FROM t")
        with pytest.raises(IntegrityFailure, match="damaged"):
            with db.reading() as conn:
                conn.execute("SELECT sum(length(v)) FROM t").fetchall()
        with pytest.raises(IntegrityFailure, match="damaged"):
            with db.transaction() as conn:
                conn.execute("SELECT sum(length(v)) FROM t").fetchall()
        assert db.pages_fail_hmac()
    finally:
        db.close()


class _OutOfMemory:
    """A connection whose reads of the table fail as a real lack of memory would."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *params):
        if "FROM t" in sql:
            raise MemoryError
        return self._conn.execute(sql, *params)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_a_real_lack_of_memory_is_not_called_damage(db_path):
    path, key = db_path
    db = Database(path, key)
    real = db.conn
    db.conn = _OutOfMemory(real)
    try:
        assert not db.pages_fail_hmac()  # every page is intact
        with pytest.raises(MemoryError):
            db.query("SELECT sum(length(v)) FROM t")
        with pytest.raises(MemoryError):
            with db.transaction() as conn:
                conn.execute("SELECT count(*) FROM t")
        with pytest.raises(MemoryError):
            with db.reading() as conn:
                conn.execute("SELECT count(*) FROM t")
    finally:
        db.conn = real
        db.close()


def test_a_check_that_itself_runs_out_of_memory_is_no_damage(db_path):
    path, key = db_path
    db = Database(path, key)
    real = db.conn

    class Exhausted(_OutOfMemory):
        def execute(self, sql, *params):
            raise MemoryError

    db.conn = Exhausted(real)
    try:
        assert not db.pages_fail_hmac()
        with pytest.raises(MemoryError):
            db.query("SELECT 1")
    finally:
        db.conn = real
        db.close()
