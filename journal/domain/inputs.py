"""What the user gives the journal, checked: each function returns the clean value or
raises one `BadInput` sentence. Pure Python; the service calls these before it writes.
"""
from __future__ import annotations

import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import BadInput, Term, os_reason

MAX_NOTE_CHARS = 1_000_000
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_SHORT_TEXT = 500


@dataclass(frozen=True)
class NewPromise:
    text: str
    due: str


@dataclass(frozen=True)
class NewAttachment:
    """A file to attach: from a path on disk, or bytes the window already holds."""
    name: str
    media_type: str
    path: Path | None = None
    data: bytes | None = None

    @classmethod
    def from_path(cls, path: str | os.PathLike) -> NewAttachment:
        p = Path(path).expanduser()
        if p.exists() and not p.is_dir() and not p.is_file():
            raise BadInput("attachment.not_regular", path=p)
        try:
            with open(p, "rb") as f:
                f.read(1)
            size = p.stat().st_size
        except IsADirectoryError:
            raise BadInput("attachment.folder", path=p) from None
        except OSError as exc:
            raise BadInput("attachment.unreadable", path=p, reason=os_reason(exc)) from None
        if size > MAX_ATTACHMENT_BYTES:
            raise BadInput("attachment.too_large", name=p.name, mb=MAX_ATTACHMENT_BYTES // 2**20)
        media = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
        return cls(p.name, media, path=p)

    def chunks(self):
        if self.data is not None:
            yield self.data
            return
        with open(self.path, "rb") as f:
            while piece := f.read(1 << 20):
                yield piece


def text(value: str | None, what: str, *, required: bool = False,
         limit: int = MAX_SHORT_TEXT) -> str | None:
    if value is None or not value.strip():
        if required:
            raise BadInput("text.empty", what=Term(what))
        return None
    value = value.strip()
    if len(value) > limit:
        raise BadInput("text.too_long", what=Term(what), limit=limit)
    if "\x00" in value:
        raise BadInput("text.nul", what=Term(what))
    return value


def notes(value: str | None) -> str:
    value = value or ""
    if len(value) > MAX_NOTE_CHARS:
        raise BadInput("note.too_long", limit=MAX_NOTE_CHARS)
    if "\x00" in value:
        raise BadInput("note.nul")
    return value.strip("\n")


def ident(value, what: str) -> int:
    try:
        number = int(str(value).strip().lstrip("#"))
    except ValueError:
        raise BadInput("id.not_a_number", value=value, what=Term(what)) from None
    if number <= 0:
        raise BadInput("id.not_a_number", value=value, what=Term(what))
    return number


def language(code: str | None) -> str | None:
    code = text(code, "language", limit=35)
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", code):
        raise BadInput("language.invalid", code=code)
    return code.replace("_", "-")


def upload_limit(text) -> int | None:
    """"10MB", "10 MB", "10m", "18": an upload limit in bytes (1 MB = 1,000,000 bytes, as
    upload forms count), from 1 MB to 1000 MB; None for none."""
    import math
    if text is None:
        return None
    raw = str(text).strip().lower().replace(" ", "")
    for suffix in ("mb", "m"):
        if raw.endswith(suffix):
            raw = raw[:-len(suffix)]
            break
    try:
        value = float(raw)
    except ValueError:
        raise BadInput("export.max_size_invalid", text=text) from None
    if math.isnan(value) or not 1 <= value <= 1000:
        raise BadInput("export.max_size_invalid", text=text)
    return int(value * 1_000_000)
