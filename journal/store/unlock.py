"""Creating, unlocking and re-keying a journal folder."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import BadInput, EnvironmentProblem
from . import folder as jf
from .db import Database
from .keyheader import KeyHeader, new_recovery_key
from .migrations import migrate

MIN_PASSPHRASE = 8


def check_new_passphrase(passphrase: str) -> None:
    if passphrase is None or len(passphrase) < MIN_PASSPHRASE:
        raise BadInput(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
    if passphrase != passphrase.strip():
        raise BadInput("The passphrase must not start or end with spaces.")


def read_header(folder: Path) -> KeyHeader:
    try:
        return KeyHeader.from_bytes((folder / jf.HEADER).read_bytes())
    except OSError as exc:
        raise EnvironmentProblem(f"Cannot read the key header: {exc.strerror}.") from None


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
    except BaseException:
        # A half-made journal is worse than none: nothing in it was ever saved.
        for name in (jf.DATABASE, jf.DATABASE + "-wal", jf.DATABASE + "-shm", jf.HEADER):
            try:
                (folder / name).unlink()
            except OSError:
                pass
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
    header = read_header(folder)
    if recovery_key is not None:
        return header.unlock_with_recovery_key(recovery_key)
    return header.unlock(passphrase or "")


def change_passphrase(folder: Path, data_key_: bytes, new_passphrase: str) -> None:
    """Re-wrap the data key under a new passphrase; the database is not re-encrypted."""
    check_new_passphrase(new_passphrase)
    header = read_header(folder).rewrapped(data_key_, new_passphrase)
    jf.write_atomically(folder / jf.HEADER, header.to_bytes())
