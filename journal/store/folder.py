"""The journal folder: where it is, what files it holds, and who has it open.

A journal folder holds the encrypted database (with SQLite's -wal and -shm
files while open), the key header and an empty lock file. Nothing else, but
for the moments an import is written: then journal-import.db, the new
database (encrypted with the same key), is beside it until it is renamed into
place or removed (store/dump_database.py; a leftover of a power cut is removed
by the next import).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import BadInput, EnvironmentProblem, JournalInUse, os_reason

DATABASE = "journal.db"
HEADER = "journal.key"
LOCK = "journal.lock"


def default_dir() -> Path:
    from platformdirs import user_data_dir
    return Path(user_data_dir("SupportJournal", appauthor=False)) / "journal"


def resolve(path: str | os.PathLike | None) -> Path:
    """--journal DIR, else JOURNAL_DIR, else the platform's user data folder."""
    chosen = path or os.environ.get("JOURNAL_DIR") or default_dir()
    return Path(chosen).expanduser().absolute()


def exists(folder: Path) -> bool:
    return (folder / HEADER).is_file() and (folder / DATABASE).is_file()


def require_journal(folder: Path) -> None:
    if not exists(folder):
        if folder.exists() and any(folder.iterdir()):
            raise BadInput("folder.not_a_journal", folder=folder)
        raise BadInput("folder.no_journal", folder=folder)


def prepare_new(folder: Path) -> None:
    if exists(folder):
        raise BadInput("folder.journal_exists", folder=folder)
    if folder.exists() and any(p.name not in (LOCK,) for p in folder.iterdir()):
        raise BadInput("folder.not_empty", folder=folder)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise EnvironmentProblem("folder.cannot_create", folder=folder,
                                 reason=os_reason(exc)) from None


def private_file(path, mode: str = "wb", *, exclusive: bool = False):
    """Open a new file that only its owner can read (backups, dumps, restores)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    return open(os.open(path, flags, 0o600), mode, encoding=None if "b" in mode else "utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace path with data so that a crash leaves either the old or the new file."""
    tmp = path.with_name(path.name + ".new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


class FolderLock:
    """An advisory lock on the folder's lock file: one process per journal."""

    def __init__(self, folder: Path):
        self.path = folder / LOCK
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise EnvironmentProblem("file.cannot_open", path=self.path,
                                     reason=os_reason(exc)) from None
        try:
            if sys.platform == "win32":
                import msvcrt
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise JournalInUse("folder.in_use") from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
