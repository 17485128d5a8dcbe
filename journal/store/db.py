"""The one SQLCipher connection of an open journal, and its transactions.

Errors of the environment (disk full, read-only, locked) become one sentence
for the user; anything else is a bug and is left to crash loudly.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..errors import EnvironmentProblem, IntegrityFailure, JournalInUse

CACHE_KIB = 64 * 1024  # decrypted pages kept in memory: search over a large journal stays fast


def environment_error(exc: Exception) -> Exception:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return JournalInUse("The journal database is busy in another process; close it there first.")
    if "full" in text:
        return EnvironmentProblem("The disk is full; nothing was saved. Free some space and try again.")
    if "readonly" in text or "read-only" in text or "permission" in text:
        return EnvironmentProblem("The journal folder cannot be written to; check its permissions.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return IntegrityFailure("The journal database is damaged; run `journal check` and restore "
                                "from a backup.")
    if "disk i/o" in text or "unable to open" in text:
        return EnvironmentProblem(f"The journal could not be read or written ({exc}).")
    return exc


class Database:
    """An open, keyed connection. Use `transaction()` for every write."""

    def __init__(self, path: Path, raw_key: bytes, *, create: bool = False):
        if not create and not path.is_file():
            raise EnvironmentProblem(f"The journal database {path} is missing.")
        self.path = path
        self._lock = threading.RLock()
        try:
            # No cache of prepared statements: with cipher_memory_security ON every allocation
            # that misses SQLite's lookaside is mlock'ed and wiped, and statements kept prepared
            # hold the lookaside; without the cache, search and import run ~2x faster (bench).
            self.conn = sqlite.connect(str(path), isolation_level=None, check_same_thread=False,
                                       cached_statements=0)
            # SQLCipher's own log would add lines to stderr; errors reach the user as one sentence.
            self.conn.execute("PRAGMA cipher_log_level = NONE")
            self.conn.execute("PRAGMA cipher_memory_security = ON")
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
        """BEGIN IMMEDIATE … COMMIT; on any error ROLLBACK, so nothing half-done is kept."""
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite.DatabaseError as exc:
                raise environment_error(exc) from None
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            try:
                self.conn.execute("COMMIT")
            except sqlite.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise environment_error(exc) from None

    @contextmanager
    def reading(self):
        """A consistent snapshot for several reads."""
        with self._lock:
            self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                self.conn.execute("COMMIT")

    def query(self, sql: str, params=()) -> list:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except sqlite.DatabaseError as exc:
                raise environment_error(exc) from None
            except MemoryError:
                # After a page fails its HMAC, SQLCipher answers every later read with NOMEM.
                raise IntegrityFailure("The journal database is damaged; run `journal check` "
                                       "and restore from a backup.") from None

    def one(self, sql: str, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None


def is_environment_error(exc: Exception) -> bool:
    return isinstance(exc, sqlite.DatabaseError)
