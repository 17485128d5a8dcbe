"""An .mbox (Google Takeout) split into messages and grouped into threads.

Split on the bytes, as the mailbox module does, without needing a file: a message begins at
a line "From " at the start of the file or after a blank line, followed by a header (else
it is a body's line the mbox did not escape); ">From " lines that the mbox escaped are given
back their "From ". A message found twice (the same Message-ID) is read once.

Threads join messages by Gmail's X-GM-THRID, References, In-Reply-To and Message-ID; a
message with none of those joins the thread of the same subject once "Re:", "Fwd:", "回复:",
"转发:" are stripped.
"""
from __future__ import annotations

import re
from datetime import timezone as dt_timezone

from ...errors import BadInput
from . import Conversation
from . import email as _email

MAX_MBOX_BYTES = 2 * 1024 ** 3

_HEADER_LINE = re.compile(rb"[!-9;-~]+[ \t]*:")
# ">From " at the start of a line, as two patterns: one with a literal start ("\n>") that the
# regex engine finds fast in megabytes of attachment, and the first line of the message.
_ESCAPED = re.compile(rb"\n>(>*From )")
_ESCAPED_FIRST = re.compile(rb"\A>(>*From )")
_REPLY = re.compile(r"^\s*((re|fwd?|aw|wg|sv|回复|回覆|答复|转发|轉寄)\s*(\[\d+\])?\s*[:：]\s*)+",
                    re.IGNORECASE)
_ID = re.compile(r"<[^<>\s]+>")


def split(data: bytes, name: str) -> list[bytes]:
    """The messages of an mbox, as bytes."""
    if len(data) > MAX_MBOX_BYTES:
        raise BadInput("evidence.email_mbox_too_big", file=name, size=len(data))
    if not data.startswith(b"From "):
        raise BadInput("evidence.email_not_mbox", file=name)
    starts = list(_separators(data))
    spans: list[list[int]] = []
    for i, start in enumerate(starts):
        line_end = data.find(b"\n", start)
        content = len(data) if line_end < 0 else line_end + 1
        end = len(data)
        if i + 1 < len(starts):  # up to the blank line before the next "From "
            end = starts[i + 1]
            end -= 2 if data[end - 3:end] == b"\n\r\n" else 1
        if spans and not _HEADER_LINE.match(data, content):
            spans[-1][1] = end  # an unescaped "From " line of a body, not a new message
        else:
            spans.append([content, end])
    chunks = (data[start:end] for start, end in spans)
    return [_unescaped(c) if b">From " in c else c for c in chunks]


def _unescaped(chunk: bytes) -> bytes:
    """The chunk with one ">" taken from each ">From " (">>From ") line."""
    return _ESCAPED_FIRST.sub(rb"\1", _ESCAPED.sub(rb"\n\1", chunk))


def _separators(data: bytes):
    """Where each "From " line begins: at the start, or after a blank line."""
    yield 0
    at = data.find(b"\nFrom ", 1)
    while at >= 0:
        if data[at - 1:at] == b"\n" or data[at - 2:at] == b"\n\r":
            yield at + 1
        at = data.find(b"\nFrom ", at + 6)


def normalised_subject(subject: str | None) -> str:
    return re.sub(r"\s+", " ", _REPLY.sub("", subject or "")).strip().lower()


def _bare(message_id: str) -> str:
    return message_id.strip().strip("<>").strip()


class _Threads:
    """Union-find over message numbers and the ids that link them."""

    def __init__(self):
        self.parent: dict[object, object] = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a, b):
        self.parent[self.find(a)] = self.find(b)


def _headers(data: bytes, name: str):
    """Each message's number, bytes, parsed headers and send time (aware, for sorting)."""
    out = []
    for number, chunk in enumerate(split(data, name), 1):
        where = f"{name} #{number}"
        # Only the header section is parsed here: a body may be megabytes of attachment.
        blank = re.search(rb"\r?\n\r?\n", chunk)
        head = chunk[:blank.end()] if blank else chunk
        headers = _email.parse(head, where, headers_only=True)
        out.append((number, chunk, headers, where))
    return out


def _group(items, timezone) -> list[list[tuple]]:
    """The messages grouped into threads, each in time order, threads by their first."""
    threads = _Threads()
    by_subject: dict[str, int] = {}
    rows = []
    seen: set[str] = set()
    for number, chunk, headers, where in items:
        when = _email.sent_at(headers, where, timezone)
        own = _email.message_id(headers)
        if own and _bare(own) in seen:
            continue  # the same message twice (two mailboxes joined): once is enough
        seen.add(_bare(own or ""))
        threads.find(number)
        linked = False
        gmail = headers["X-GM-THRID"]
        if gmail is not None and str(gmail).strip():
            threads.join(number, ("gm", str(gmail).strip()))
            linked = True
        if own:
            threads.join(number, ("id", _bare(own)))
        for field in ("References", "In-Reply-To"):
            for ref in _ID.findall(str(headers[field] or "")):
                threads.join(number, ("id", _bare(ref)))
                linked = True
        subject = _email.clean(str(headers["Subject"] or ""))
        key = normalised_subject(subject)
        if key:
            if not linked and key in by_subject:
                threads.join(number, by_subject[key])
            by_subject.setdefault(key, number)
        rows.append((when.astimezone(dt_timezone.utc), number, chunk, headers, where, when))
    groups: dict[object, list] = {}
    for row in sorted(rows, key=lambda r: (r[0], r[1])):
        groups.setdefault(threads.find(row[1]), []).append(row)
    return sorted(groups.values(), key=lambda g: (g[0][0], g[0][1]))


def _key(group) -> str:
    """A thread is named by the Message-ID of its first message that has one."""
    for row in group:
        own = _email.message_id(row[3])
        if own:
            return own
    return f"#{group[0][1]}"


def _ids(group) -> set[str]:
    ids = {_bare(_key(group))}
    ids.update(_bare(m) for m in (_email.message_id(r[3]) for r in group) if m)
    return ids


def mbox_threads(data: bytes, name: str = "mailbox.mbox", *, timezone: str | None = None
                 ) -> list[tuple[str, str, int, str, str]]:
    """The threads of an mbox, for a person to pick one: (thread key, subject, number of
    messages, first and last send time in ISO 8601). Reads headers only."""
    out = []
    for group in _group(_headers(data, name), timezone):
        subject = next((_email.clean(str(r[3]["Subject"])).strip() for r in group
                        if r[3]["Subject"] is not None), "")
        out.append((_key(group), subject, len(group),
                    group[0][5].isoformat(timespec="seconds"),
                    group[-1][5].isoformat(timespec="seconds")))
    return out


def read_mbox(data: bytes, name: str, *, thread: str | None = None, sender: str | None = None,
              subject: str | None = None, timezone: str | None = None) -> list[Conversation]:
    """The threads of an mbox as conversations. `thread`: only the thread holding that
    Message-ID (or thread key); `sender`, `subject`: only the messages whose From, Subject
    holds that text (any case). Filters combine; nothing matching is an error."""
    groups = _group(_headers(data, name), timezone)
    if thread is not None:
        wanted = _bare(thread)
        groups = [g for g in groups if wanted in _ids(g)]
        if not groups:
            raise BadInput("evidence.email_no_thread", file=name, thread=thread)
    conversations = []
    for group in groups:
        rows = [r for r in group if _matches(r[3], sender, "From")
                and _matches(r[3], subject, "Subject")]
        if rows:
            messages = [_email.read_message(r[2], r[4], timezone=timezone) for r in rows]
            conversations.append(_email.conversation(messages, name))
    if not conversations:
        raise BadInput("evidence.email_no_match", file=name)
    return conversations


def _matches(headers, text: str | None, field: str) -> bool:
    if not text:
        return True
    return text.casefold() in _email.clean(str(headers[field] or "")).casefold()
