"""Backups: one file holding an encrypted copy of the database and the key header
(docs/backup-format.md).

Format 2 (written now): the database first, copied page by page by SQLite's online backup API
straight into FILE.partial under the same data key (never by copying the open file: each page
is read through SQLCipher, so a page that fails its HMAC fails the backup instead of being
copied), then the key header, then one trailer line naming both lengths. The database is
written once, where it stays: no scratch copy, no second pass, no twice the free space.
FILE.partial is synced and renamed to FILE, so a backup is always one complete file.
Format 1 (read still): the magic line and the header's length at the start, the header, then
the database.

The passphrase (or the recovery key) that opened the journal then opens the backup.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..errors import BadInput, EnvironmentProblem, os_reason
from . import folder as jf
from .db import primary_code
from .keyheader import MAX_HEADER_BYTES, KeyHeader

MAGIC = b"SUPPORT-JOURNAL-BACKUP/1\n"          # format 1: the first line
TRAILER = b"SUPPORT-JOURNAL-BACKUP/2 "         # format 2: the last line, then "D H\n"
_TRAILER_LINE = re.compile(rb"SUPPORT-JOURNAL-BACKUP/2 (0|[1-9][0-9]{0,19}) "
                           rb"(0|[1-9][0-9]{0,9})\n\Z")
_TAIL = 64   # the trailer line is shorter than this
STEP = 1024  # pages copied between two calls of progress (4 MiB)
_COPY = 1 << 20


def _silent(stage: str, done: int, total: int) -> None:
    pass


def write(db, folder: Path, data_key: bytes, target: Path, progress=None) -> int:
    """Write a backup of the open journal to target; return its size in bytes.

    progress(stage, done, total): "copying" (pages) then "saving" (0, 0); a Cancelled it
    raises stops the backup, and no file is left behind."""
    tell = progress or _silent
    target = target.expanduser().absolute()
    if target.exists() and target.is_dir():
        raise BadInput("backup.target_is_folder", target=target)
    if not target.parent.is_dir():
        raise BadInput("file.no_folder", folder=target.parent)
    if _inside(target, folder):
        raise BadInput("backup.in_journal_folder", target=target)
    header = (folder / jf.HEADER).read_bytes()
    partial = target.with_name(target.name + ".partial")
    try:
        with db._lock:
            needed = int(db.one("PRAGMA page_count")[0]) * int(db.one("PRAGMA page_size")[0])
            free = shutil.disk_usage(target.parent).free
            if free < needed + len(header) + _TAIL:
                raise EnvironmentProblem("backup.no_space", folder=target.parent,
                                         needed=_mib(needed), free=_mib(free))
            _copy_pages(db, data_key, partial, tell)
        tell("saving", 0, 0)
        with open(partial, "r+b") as out:
            length = out.seek(0, os.SEEK_END)
            out.write(header)
            out.write(TRAILER + f"{length} {len(header)}\n".encode("ascii"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        _sync_folder(target.parent)
        return target.stat().st_size
    except OSError as exc:
        raise EnvironmentProblem("backup.cannot_write", target=target,
                                 reason=os_reason(exc)) from None
    except sqlite.DatabaseError as exc:
        raise _said(db, exc, target) from None
    finally:
        try:
            partial.unlink()
        except OSError:
            pass


def _copy_pages(db, data_key: bytes, partial: Path, tell) -> None:
    """The database into `partial` through the backup API, in one snapshot of the source."""
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))  # private, empty
    dest = sqlite.connect(str(partial), isolation_level=None, check_same_thread=False)
    try:
        dest.execute("PRAGMA cipher_log_level = NONE")
        dest.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
        page_size = db.one("PRAGMA cipher_page_size")[0]
        dest.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
        # A new file renamed into place only once it is whole and synced: no rollback
        # journal is needed, and one fsync at the end (write) is enough.
        dest.execute("PRAGMA journal_mode = OFF")
        dest.execute("PRAGMA synchronous = OFF")
        with db.reading() as conn:  # one snapshot for every step
            conn.backup(dest, pages=STEP,
                        progress=lambda _status, left, total: tell("copying", total - left,
                                                                   total))
    finally:
        dest.close()


def _said(db, exc: sqlite.DatabaseError, target: Path) -> Exception:
    """The sentence for an error of SQLite's during the copy (a bug left as it is)."""
    code = primary_code(exc)
    if code == sqlite.SQLITE_FULL:
        return EnvironmentProblem("db.disk_full")
    if code in (sqlite.SQLITE_CANTOPEN, sqlite.SQLITE_READONLY, sqlite.SQLITE_PERM,
                sqlite.SQLITE_IOERR):
        return EnvironmentProblem("backup.cannot_write", target=target, reason=str(exc))
    problem = db.problem(exc)  # the journal's own pages: damaged, busy
    if problem is exc:
        raise exc
    return problem


def _inside(target: Path, folder: Path) -> bool:
    try:
        return target.resolve().parent == folder.resolve()
    except OSError:
        return False


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _sync_folder(folder: Path) -> None:
    """The rename itself made durable (where folders can be opened: not on Windows)."""
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass(frozen=True)
class Layout:
    """Where a backup file keeps its two parts."""
    header_offset: int
    header_length: int
    database_offset: int
    database_length: int


def read_header(source: Path) -> tuple[KeyHeader, Layout]:
    """The backup's key header and where its parts lie (format 1 or 2)."""
    try:
        with open(source, "rb") as f:
            size = f.seek(0, os.SEEK_END)
            f.seek(0)
            if f.read(len(MAGIC)) == MAGIC:
                layout = _layout_1(f, size, source)
            else:
                layout = _layout_2(f, size, source)
            f.seek(layout.header_offset)
            raw = f.read(layout.header_length)
            if len(raw) != layout.header_length:
                raise BadInput("backup.truncated", source=source)
            return KeyHeader.from_bytes(raw), layout
    except FileNotFoundError:
        raise BadInput("file.none", path=source) from None
    except IsADirectoryError:
        raise BadInput("backup.is_folder", source=source) from None
    except OSError as exc:
        raise BadInput("file.cannot_read", path=source, reason=os_reason(exc)) from None


def _layout_1(f, size: int, source: Path) -> Layout:
    length_line = f.readline(32)
    try:
        length = int(length_line.decode("ascii").strip())
    except ValueError:
        raise BadInput("backup.bad_header_length", source=source) from None
    if not 0 < length <= MAX_HEADER_BYTES:  # never read gigabytes on a file's word
        raise BadInput("backup.bad_header_length", source=source)
    start = f.tell()
    if start + length > size:
        raise BadInput("backup.truncated", source=source)
    return Layout(start, length, start + length, size - start - length)


def _layout_2(f, size: int, source: Path) -> Layout:
    tail_at = max(0, size - _TAIL)
    f.seek(tail_at)
    tail = f.read()
    at = tail.rfind(TRAILER)
    if at < 0:
        raise BadInput("backup.not_a_backup", source=source)
    line = _TRAILER_LINE.match(tail, at)
    if line is None:  # cut short inside its last line, or lengths that are no numbers
        raise BadInput("backup.truncated" if not tail.endswith(b"\n") else
                       "backup.bad_header_length", source=source)
    database, header = int(line[1]), int(line[2])
    if not 0 < header <= MAX_HEADER_BYTES:
        raise BadInput("backup.bad_header_length", source=source)
    # The lengths name every byte before the trailer, and there is a database.
    if database == 0 or database + header != tail_at + at:
        raise BadInput("backup.truncated", source=source)
    return Layout(database, header, 0, database)


def unpack(source: Path, layout: Layout, folder: Path) -> None:
    """Write the backup's header and database into an empty journal folder."""
    tmp = folder / (jf.DATABASE + ".restoring")
    try:
        with open(source, "rb") as f:
            f.seek(layout.header_offset)
            header = f.read(layout.header_length)
            with jf.private_file(tmp) as out:
                _copy_range(f, out, layout.database_offset, layout.database_length)
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, folder / jf.DATABASE)
        jf.write_atomically(folder / jf.HEADER, header)
    except OSError as exc:
        raise EnvironmentProblem("file.cannot_write", path=folder / jf.DATABASE,
                                 reason=os_reason(exc)) from None
    finally:
        try:
            tmp.unlink()
        except OSError:
            pass


def _copy_range(src, dst, offset: int, length: int) -> None:
    """length bytes of src from offset to the start of dst: in the kernel where it can
    (copy_file_range, which may share the blocks on copy-on-write file systems), else
    through a buffer."""
    done = 0
    if hasattr(os, "copy_file_range"):
        try:
            while done < length:
                n = os.copy_file_range(src.fileno(), dst.fileno(), length - done,
                                       offset + done, done)
                if n == 0:
                    break
                done += n
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP,
                                 errno.EPERM):
                raise
    src.seek(offset + done)
    dst.seek(done)
    while done < length:
        chunk = src.read(min(_COPY, length - done))
        if not chunk:
            raise BadInput("backup.truncated", source=Path(src.name))
        dst.write(chunk)
        done += len(chunk)
