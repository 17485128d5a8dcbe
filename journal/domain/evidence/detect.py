"""Which evidence reader takes a file: "email", "mbox", "telegram", "whatsapp", "transcript",
or None. It looks only at the first 64 KiB and at the name, and imports none of the other
readers' formats but the transcript's line shapes, so it stays cheap."""
from __future__ import annotations

import re

from .transcript import decode, is_transcript_line

HEAD = 64 * 1024   # the bytes looked at

_HEADER_LINE = re.compile(r"^[!-9;-~]+:[ \t]")
_MAIL_FIELDS = {"from", "to", "cc", "date", "subject", "received", "return-path", "message-id",
                "mime-version", "delivered-to", "reply-to", "content-type", "x-gm-thrid",
                "dkim-signature", "arc-seal", "authentication-results"}
_MBOX = re.compile(r"^From \S+")
_JSON_KEYS = re.compile(r'"(?:messages|chats)"\s*:')
_WHATSAPP = re.compile(
    r"^\u200e?(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},\s\d{1,2}[:.]\d{2}(?:\s?[APap]\.?\s?[Mm]\.?)?"
    r"\s[-–]\s"
    r"|\[\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},\s\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
    r"(?:\s?[APap]\.?\s?[Mm]\.?)?\]\s"
    r"|\d{4}/\d{1,2}/\d{1,2}\s(?:上午|下午)?\d{1,2}:\d{2}\s[-–]\s)")   # the zh_CN locale's
_WHATSAPP_FILE = re.compile(rb"(?:^|/)(?:_chat\.txt|[^/]*WhatsApp[^/]*\.txt)$", re.I)


def detect(data: bytes, name: str) -> str | None:
    """Which reader takes the file whose first bytes are `data`: "email", "mbox", "telegram",
    "whatsapp", "transcript", or None. Only the first 64 KiB are looked at."""
    head, lower = data[:HEAD], name.lower()
    if lower.endswith(".eml"):
        return "email"
    if head.startswith(b"PK\x03\x04"):
        return "whatsapp" if _zip_has_chat(head) else None
    text = _head_text(head)
    if text is None:
        return None
    start = text.lstrip("\ufeff \t\r\n")
    if lower.endswith(".mbox") or _MBOX.match(start):
        return "mbox"
    if start.startswith("{") or re.match(r"\[\s*[{\]]", start):
        return "telegram" if _JSON_KEYS.search(start) else None
    if _looks_like_mail(start):
        return "email"
    lines = [line.strip() for line in start.splitlines()]
    if any(_WHATSAPP.match(line) for line in lines[:200]):
        return "whatsapp"
    if any(is_transcript_line(line, timed=True) for line in lines):
        return "transcript"
    if sum(1 for line in lines if is_transcript_line(line, timed=False)) >= 2:
        return "transcript"
    return None


def _head_text(head: bytes) -> str | None:
    # The cut at 64 KiB may split a character: drop up to three bytes from the end to mend it.
    for cut in range(4):
        text = decode(head[:len(head) - cut] if cut else head)
        if text is not None:
            return text
    return None


def _looks_like_mail(text: str) -> bool:
    block = text.replace("\r\n", "\n").split("\n\n", 1)[0].splitlines()
    if not block or not _HEADER_LINE.match(block[0]):
        return False
    names = set()
    for line in block:
        if _HEADER_LINE.match(line):
            names.add(line.split(":", 1)[0].lower())
        elif not line[:1].isspace():
            return False     # neither a field nor a folded continuation: not a header block
    return len(names & _MAIL_FIELDS) >= 2


def _zip_has_chat(head: bytes) -> bool:
    """Whether a zip holds a WhatsApp chat, from the names of its first local entries (the
    central directory is at the end, beyond the first bytes)."""
    at = 0
    while head.startswith(b"PK\x03\x04", at) and at + 30 <= len(head):
        size = int.from_bytes(head[at + 18:at + 22], "little")
        name_len = int.from_bytes(head[at + 26:at + 28], "little")
        extra = int.from_bytes(head[at + 28:at + 30], "little")
        entry = head[at + 30:at + 30 + name_len]
        if _WHATSAPP_FILE.search(entry):
            return True
        at += 30 + name_len + extra + size
    # An entry with a data descriptor (size 0 here) hides the rest: look for a name anyway.
    return bool(re.search(rb"_chat\.txt|WhatsApp[^\x00/]{0,80}\.txt", head))
