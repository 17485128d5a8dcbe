"""Creating, unlocking and re-keying a journal folder."""
from __future__ import annotations

import errno
import os
from contextlib import suppress
from dataclasses import replace
from pathlib import Path

from ..errors import EnvironmentProblem, JournalError, Phrase, os_reason
from . import folder as jf
from .db import Database
from .keyheader import MAX_HEADER_BYTES, KeyHeader, new_recovery_key, recovery_problem
from .migrations import migrate

from ..domain.rules import MIN_PASSPHRASE, check_new_passphrase  # noqa: F401 - one rule, in the domain


def read_header(folder: Path) -> KeyHeader:
    try:
        with open(folder / jf.HEADER, "rb") as f:
            raw = f.read(MAX_HEADER_BYTES + 1)  # from_bytes refuses more, unread
    except OSError as exc:
        raise EnvironmentProblem("keyheader.unreadable", reason=os_reason(exc)) from None
    return KeyHeader.from_bytes(raw)


def create(folder: Path, passphrase: str, lock: jf.FolderLock | None = None,
           kdf_params: dict | None = None) -> tuple[Database, str, bytes]:
    """Make a new journal; return it open, and the recovery key to show once."""
    check_new_passphrase(passphrase)
    jf.prepare_new(folder)
    if lock is not None:
        lock.acquire()
    data_key = os.urandom(32)
    recovery = new_recovery_key()
    header = KeyHeader.create(passphrase, data_key, recovery, kdf_params)
    db_path = folder / jf.DATABASE
    try:
        # Made private before SQLite opens it; its -wal and -shm files take the same mode.
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        db = Database(db_path, data_key, create=True)
        migrate(db)
        jf.write_atomically(folder / jf.HEADER, header.to_bytes())
    except BaseException as exc:
        # A half-made journal is worse than none: nothing in it was ever saved.
        for name in (jf.DATABASE, jf.DATABASE + "-wal", jf.DATABASE + "-shm", jf.HEADER,
                     jf.HEADER + ".new"):
            try:
                (folder / name).unlink()
            except OSError:
                pass
        if isinstance(exc, OSError):  # the key header could not be written
            if exc.errno == errno.ENOSPC:
                raise EnvironmentProblem("db.disk_full") from None
            raise EnvironmentProblem("file.cannot_write", path=folder / jf.HEADER,
                                     reason=os_reason(exc)) from None
        raise
    return db, recovery, data_key


def open_with_key(folder: Path, data_key: bytes) -> Database:
    db = Database(folder / jf.DATABASE, data_key)
    try:
        migrate(db)
    except BaseException:
        db.close()  # a refused or failed migration leaves no connection (nor -wal/-shm) behind
        raise
    return db


def data_key(folder: Path, passphrase: str | None = None,
             recovery_key: str | None = None) -> bytes:
    """Unwrap the data key. Call with the folder locked: a header from before the recovery
    MAC gains one here (and a wrong MAC is mended once the recovery key proves its copy)."""
    header = read_header(folder)
    if recovery_key is not None:
        key = header.unlock_with_recovery_key(recovery_key)
    else:
        key = header.unlock(passphrase or "")
    sealed = header.sealed(key, recovery_proven=recovery_key is not None)
    if sealed is not None:
        try:
            jf.write_atomically(folder / jf.HEADER, sealed.to_bytes())
        except OSError:  # a read-only folder still opens; the MAC waits for a writable one
            with suppress(OSError):
                (folder / (jf.HEADER + ".new")).unlink(missing_ok=True)
    return key


def change_passphrase(folder: Path, data_key_: bytes, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase; the database is not re-encrypted."""
    check_new_passphrase(new_passphrase)
    header = read_header(folder).rewrapped(data_key_, new_passphrase)
    jf.write_atomically(folder / jf.HEADER, header.to_bytes())


def replace_recovery_key(folder: Path, passphrase: str) -> str:
    """Re-wrap the recovery copy of the data key under a new recovery key; return that key
    (to show once). The old recovery key no longer opens this journal."""
    with jf.FolderLock(folder):
        header = read_header(folder)
        key = header.unlock(passphrase or "")
        Database(folder / jf.DATABASE, key).close()  # the key is this database's, not another's
        header, recovery = header.with_new_recovery_key(key)
        try:
            jf.write_atomically(folder / jf.HEADER, header.to_bytes())
        except OSError as exc:
            raise EnvironmentProblem("keyheader.unwritable_recovery",
                                     reason=os_reason(exc)) from None
    return recovery


def key_header_problem(folder: Path, data_key_: bytes) -> Phrase | None:
    """For `journal check`: one sentence if the key header, or its recovery copy, is damaged."""
    try:
        return recovery_problem(read_header(folder), data_key_)
    except JournalError as exc:  # changed since the journal was opened
        return exc.phrase


def with_key_header_check(report, folder: Path, data_key_: bytes):
    """A check report with the key header's problem, if any, added (and then not ok)."""
    problem = key_header_problem(folder, data_key_)
    if problem is None:
        return report
    return replace(report, cipher_ok=False, problems=(*report.problems, problem))
