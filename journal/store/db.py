"""The SQLCipher connection of an open journal, and its transactions. (`journal check`
opens a second, read-only one for as long as it runs: store/check.py.)

Errors of the environment (disk full, read-only, locked, damaged) become one sentence for
the user, told apart by SQLite's error code; anything else is a bug and is left to crash
loudly.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..errors import EnvironmentProblem, IntegrityFailure, JournalInUse

CACHE_KIB = 64 * 1024  # decrypted pages kept in memory: search over a large journal stays fast
STATEMENT_CACHE = 128  # prepared statements kept per connection (the sqlite3 module's default)


def primary_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of an error of its own (SQLITE_CORRUPT for
    SQLITE_CORRUPT_VTAB), else None."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def environment_error(exc: Exception) -> Exception:
    """The sentence for an error of the machine or of the file; `exc` itself for a bug."""
    code = primary_code(exc) if isinstance(exc, sqlite.DatabaseError) else None
    if code in (sqlite.SQLITE_BUSY, sqlite.SQLITE_LOCKED):
        return JournalInUse("db.busy")
    if code == sqlite.SQLITE_FULL:
        return EnvironmentProblem("db.disk_full")
    if code in (sqlite.SQLITE_READONLY, sqlite.SQLITE_PERM, sqlite.SQLITE_CANTOPEN):
        return EnvironmentProblem("db.cannot_write")
    if code in (sqlite.SQLITE_NOTADB, sqlite.SQLITE_CORRUPT):
        return IntegrityFailure("db.damaged")
    if code == sqlite.SQLITE_IOERR:
        return EnvironmentProblem("db.io_error", detail=str(exc))  # SQLite's words, no data
    return exc


class Database:
    """An open, keyed connection. Use `transaction()` for every write."""

    def __init__(self, path: Path, raw_key: bytes, *, create: bool = False):
        if not create and not path.is_file():
            raise EnvironmentProblem("db.missing", path=path)
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0  # open transactions on the owning thread: inner ones join the outer
        try:
            # Prepared statements are kept (the module's cache): with cipher_memory_security OFF
            # nothing is mlock'ed any more, so the lookaside they hold costs nothing, and a
            # search saves its re-preparing (a reference lookup 0.55 → 0.40 ms CPU, bench
            # journal). It was 0 while memory security was ON: then every allocation missing
            # the lookaside was mlock'ed and wiped, and search and import ran ~2x slower.
            self.conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False,
                                       cached_statements=STATEMENT_CACHE)
            # SQLCipher's own log would add lines to stderr; errors reach the user as one sentence.
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            # Off, SQLCipher's own default since 4.5 (DESIGN.md): ON mlocks and wipes every
            # allocation, which halved bulk throughput here (attach 60 vs 112 MiB/s), while the
            # data key sits in ordinary Python memory anyway. The key is never written to a
            # file and is dropped on lock; that is what protects it.
            self.conn.execute("PRAGMA cipher_memory_security = OFF")
            self.conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self.conn.execute("PRAGMA busy_timeout = 2000")
        except sqlite.DatabaseError as exc:
            raise environment_error(exc) from None

    def close(self) -> None:
        with self._lock:
            if self.conn is not None:
                try:
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite.DatabaseError:
                    pass
                self.conn.close()
                self.conn = None

    @contextmanager
    def transaction(self):
        """BEGIN IMMEDIATE … COMMIT; on any error ROLLBACK, so nothing half-done is kept.

        A transaction opened inside another (on the same thread) joins it: the service wraps
        one user action in one transaction, whatever store functions it calls."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            with self._outermost() as conn:
                yield conn

    @contextmanager
    def _outermost(self):
        self._depth = 1
        try:
            self._run("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException as exc:
                if self.conn.in_transaction:  # SQLite ends it itself on some errors (FULL, NOMEM)
                    self.conn.execute("ROLLBACK")
                problem = self.problem(exc)
                if problem is exc:
                    raise
                raise problem from None
            try:
                self._run("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        finally:
            self._depth = 0

    def _run(self, sql: str):
        """conn.execute(sql), an error of SQLite's said as its sentence (a bug left as it is)."""
        try:
            return self.conn.execute(sql)
        except (sqlite.DatabaseError, MemoryError) as exc:
            problem = self.problem(exc)
            if problem is exc:
                raise
            raise problem from None

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    @contextmanager
    def reading(self):
        """A consistent snapshot for several reads (inside a transaction: that one)."""
        with self._lock:
            if self._depth:
                yield self.conn
                return
            self._run("BEGIN")
            try:
                yield self.conn
            except BaseException as exc:
                problem = self.problem(exc)
                if problem is exc:
                    raise
                raise problem from None
            finally:
                if self.conn.in_transaction:
                    self._run("COMMIT")

    def query(self, sql: str, params=()) -> list:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except (sqlite.DatabaseError, MemoryError) as exc:
                problem = self.problem(exc)
                if problem is exc:
                    raise
                raise problem from None

    def problem(self, exc: BaseException) -> BaseException:
        """The sentence for an error met on this connection, or `exc` itself when it is a bug.

        A page that fails its HMAC is SQLITE_CORRUPT the first time it is read, and then
        SQLCipher answers every later read with SQLITE_NOMEM, a MemoryError like a real lack of
        memory: the pages' HMACs tell the two apart."""
        if isinstance(exc, MemoryError):
            return IntegrityFailure("db.damaged") if self.pages_fail_hmac() else exc
        if isinstance(exc, sqlite.DatabaseError):
            return environment_error(exc)
        return exc

    def pages_fail_hmac(self) -> bool:
        """Whether a page of the file fails its HMAC (reads every page: call it only on an
        error). A check that itself runs out of memory says no: that is no damage."""
        try:
            return bool(self.conn.execute("PRAGMA cipher_integrity_check").fetchall())
        except MemoryError:
            return False
        except sqlite.DatabaseError as exc:
            return primary_code(exc) in (sqlite.SQLITE_CORRUPT, sqlite.SQLITE_NOTADB)

    def one(self, sql: str, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None


def is_environment_error(exc: Exception) -> bool:
    return isinstance(exc, sqlite.DatabaseError)
