"""Bugs written down for whoever fixes them, and never the journal's content.

An exception that is no JournalError is a bug. The user gets one sentence (`sentence`): that
something went wrong, that nothing was changed, and where the record is. The record, appended
to bugs.log in the user's log folder (platformdirs: $XDG_STATE_HOME/support-journal/log on
Linux), holds the exception's type and the frames of code it passed through: file, line,
function and that line of source. Never its message, nor any local variable: either can hold
a note, a passphrase or a value the user typed.
"""
from __future__ import annotations

import errno
import os
import platform
import sys
import traceback
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__
from . import Phrase

NAME = "bugs.log"
MAX_BYTES = 512 * 1024  # then the log starts again, the old one kept as bugs.log.1


def log_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_log_dir("support-journal", appauthor=False))


def record(exc: BaseException, where: str) -> Path | None:
    """Append `exc` to the bug log; the log's path, or None when it cannot be written.
    `where`: which part of the program met it ("window", "journal case list")."""
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    entry = (f"--- {stamp} Support Journal {__version__}, Python {platform.python_version()}, "
             f"{sys.platform}, {where}\n{describe(exc)}\n\n")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / NAME
        if path.exists() and path.stat().st_size > MAX_BYTES:
            os.replace(path, folder / (NAME + ".1"))
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as f:
            f.write(entry)
    except OSError:
        return None
    return path


def describe(exc: BaseException) -> str:
    """The traceback of `exc` (and of the errors that led to it), without any message."""
    chain, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    lines = []
    for n, e in enumerate(reversed(chain)):
        if n:
            lines.append("which led to:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(e.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(kind(e))
    return "\n".join(lines)


def kind(exc: BaseException) -> str:
    """The exception's type, with SQLite's or the OS's name for its code (no data in those)."""
    cls = type(exc)
    name = cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
    codes = []
    if isinstance(getattr(exc, "sqlite_errorname", None), str):
        codes.append(exc.sqlite_errorname)
    if isinstance(exc, OSError) and exc.errno in errno.errorcode:
        codes.append(errno.errorcode[exc.errno])
    return name + (f" ({', '.join(codes)})" if codes else "") + " [message left out]"


def sentence(exc: BaseException, log: Path | None, front: str) -> Phrase:
    """What the user is told of a bug; `front` is "cli" or "window"."""
    if log is None:
        return Phrase(f"bug.{front}_unlogged", kind=type(exc).__name__)
    if isinstance(exc, MemoryError):
        return Phrase(f"bug.{front}_memory", log=log)
    return Phrase(f"bug.{front}", kind=type(exc).__name__, log=log)
