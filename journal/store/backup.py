"""Backups: one file holding the key header and an encrypted copy of the database.

The copy is made with sqlcipher_export (never by copying the open file), so
it is consistent and encrypted under the same data key; the passphrase (or
the recovery key) that opened the journal then opens the backup.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite

from ..errors import BadInput, EnvironmentProblem, os_reason
from . import folder as jf
from .keyheader import MAX_HEADER_BYTES, KeyHeader

MAGIC = b"SUPPORT-JOURNAL-BACKUP/1\n"


def write(db, folder: Path, data_key: bytes, target: Path) -> int:
    """Write a backup of the open journal to target; return its size in bytes."""
    target = target.expanduser().absolute()
    if target.exists() and target.is_dir():
        raise BadInput("backup.target_is_folder", target=target)
    if not target.parent.is_dir():
        raise BadInput("file.no_folder", folder=target.parent)
    header = (folder / jf.HEADER).read_bytes()
    scratch = target.with_name(f".{target.name}.{os.getpid()}.db")  # encrypted, like the journal
    try:
        with db._lock:
            db.conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{data_key.hex()}'\"",
                            (str(scratch),))
            try:
                db.conn.execute("SELECT sqlcipher_export('backup')")
                version = db.one("PRAGMA user_version")[0]
                db.conn.execute(f"PRAGMA backup.user_version = {int(version)}")
            finally:
                db.conn.execute("DETACH DATABASE backup")
        partial = target.with_name(target.name + ".partial")
        with jf.private_file(partial) as out, open(scratch, "rb") as src:
            out.write(MAGIC)
            out.write(f"{len(header)}\n".encode("ascii"))
            out.write(header)
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        return target.stat().st_size
    except OSError as exc:
        raise EnvironmentProblem("backup.cannot_write", target=target,
                                 reason=os_reason(exc)) from None
    except sqlite.DatabaseError as exc:  # the disk filled, say, while the copy was written
        problem = db.problem(exc)
        if problem is exc:
            raise
        raise problem from None
    finally:
        for leftover in (scratch, target.with_name(target.name + ".partial")):
            try:
                leftover.unlink()
            except OSError:
                pass


def read_header(source: Path) -> tuple[KeyHeader, int]:
    """The backup's key header and the offset where its database begins."""
    try:
        with open(source, "rb") as f:
            if f.read(len(MAGIC)) != MAGIC:
                raise BadInput("backup.not_a_backup", source=source)
            length_line = f.readline(32)
            try:
                length = int(length_line.decode("ascii").strip())
            except ValueError:
                raise BadInput("backup.bad_header_length", source=source) from None
            if not 0 < length <= MAX_HEADER_BYTES:  # never read gigabytes on a file's word
                raise BadInput("backup.bad_header_length", source=source)
            raw = f.read(length)
            if len(raw) != length:
                raise BadInput("backup.truncated", source=source)
            return KeyHeader.from_bytes(raw), f.tell()
    except FileNotFoundError:
        raise BadInput("file.none", path=source) from None
    except IsADirectoryError:
        raise BadInput("backup.is_folder", source=source) from None


def unpack(source: Path, offset: int, folder: Path) -> None:
    """Write the backup's header and database into an empty journal folder."""
    with open(source, "rb") as f:
        f.seek(len(MAGIC))
        f.readline(32)
        header = f.read(offset - f.tell())
        f.seek(offset)
        tmp = folder / (jf.DATABASE + ".restoring")
        with jf.private_file(tmp) as out:
            while chunk := f.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    os.replace(tmp, folder / jf.DATABASE)
    jf.write_atomically(folder / jf.HEADER, header)
