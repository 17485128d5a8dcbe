"""Support e-mails read into conversations: one .eml (Gmail's "Download message", Outlook's
save) or an .mbox (Google Takeout), grouped into threads (email_mbox.py).

Each message becomes an ImportedMessage: who sent it and to whom, when (the Date with its own
offset), the subject and Message-ID, the readable body (text/plain preferred, HTML turned
into text, earlier replies folded, email_text.py), every link, every attachment and the raw
headers. Bad input raises BadInput and nothing is returned.
"""
from __future__ import annotations

import binascii
import email.policy
import email.utils
import mimetypes
import re
from datetime import datetime, timezone as dt_timezone
from email import errors as email_errors
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import EmailPolicy

import pybase64

from ...errors import BadInput
from . import Conversation, ImportedFile, ImportedMessage
from .email_text import fold_quotes, html_to_text, urls_in

__all__ = ["read_eml", "read_mbox", "mbox_threads", "MAX_ATTACHMENT_BYTES"]

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024


class _Policy(EmailPolicy):
    """The standard library's default policy, with each header of a message parsed once:
    the parser and the walk through the parts ask for a part's Content-Type and the like
    again and again, and the default policy parses the header anew each time (most of the
    time a mailbox took to read). One per message, so what it keeps goes with the message."""

    def __init__(self, **kw):
        super().__init__(**kw)
        object.__setattr__(self, "_parsed", {})

    def header_fetch_parse(self, name, value):
        key = (name, value)
        header = self._parsed.get(key)
        if header is None:
            header = self._parsed[key] = super().header_fetch_parse(name, value)
        return header


class _Headers(HeaderRegistry):
    """The default policy's header classes, each made once: the standard registry makes a
    new class for every header it parses."""

    def __init__(self):
        super().__init__()
        self._made: dict[str, type] = {}

    def __getitem__(self, name):
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


_HEADERS = _Headers()


# For a header section alone (an mbox's messages, grouped into threads before any is read):
# each header is asked for once or twice, and kept for as long as the whole mailbox is read.
_HEADERS_ONLY = BytesParser(policy=email.policy.default.clone(header_factory=_HEADERS))


def _parser(headers_only: bool = False) -> BytesParser:
    if headers_only:
        return _HEADERS_ONLY
    return BytesParser(policy=_Policy(header_factory=_HEADERS))


_FORWARD = re.compile(r"^\s*(fwd?|转发|轉寄)\s*[:：]", re.IGNORECASE)
# Charsets whose mail is, in practice, written in a larger superset.
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
             "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252", "us-ascii": "utf-8",
             "ascii": "utf-8", "big5": "big5hkscs"}


def read_eml(data: bytes, name: str, *, timezone: str | None = None) -> Conversation:
    """The one message of an .eml file as a conversation titled by its subject.
    `timezone` (IANA) is used only for a Date written without a zone."""
    message = read_message(data, name, timezone=timezone)
    return conversation([message], name)


def conversation(messages: list[ImportedMessage], name: str) -> Conversation:
    people: list[str] = []
    for m in messages:
        for who in (m.sender, *m.recipients):
            if who and who not in people:
                people.append(who)
    title = next((m.subject for m in messages if m.subject), None) or name
    return Conversation(source="email", title=title, messages=tuple(messages),
                        participants=tuple(people))


def parse(data: bytes, name: str, *, headers_only: bool = False) -> EmailMessage:
    """The message parsed, refused if it is no e-mail at all."""
    if b"\x00" in data[:4096]:  # a binary file, not text with headers
        raise BadInput("evidence.email_not_email", file=name)
    if headers_only:
        message = _parser(True).parsebytes(data, headersonly=True)
    else:
        message = _parse_squeezed(data)
    if "From" not in message and "Date" not in message:
        raise BadInput("evidence.email_not_email", file=name)
    return message


# -- parsing megabytes of attachment faster ---------------------------------------------------
#
# The standard library's parser reads a message line by line, and of a mailbox with attachments
# almost every line is base64: most of its time goes on lines whose only part in the parse is
# to be joined into a part's payload. So before the parse each run of _RUN_LINES or more such
# lines (only the letters of base64, no "=", each line of the same kind as its neighbours to
# the parser: no header, no boundary, no blank line, no leading space) is put aside and one
# line, a marker of the same kind, stands in its place; after it, each marker in a payload,
# preamble or epilogue is given back its lines. The parse itself, its parts, boundaries and
# defects are the standard library's, as they would have been: every line the parser treats
# specially is left where it was. A mailbox that holds the marker's character already, or a
# marker not found exactly once after the parse, is parsed again as it stands.

_RUN_LINES = 64
_RUN = re.compile(rb"^(?:[A-Za-z0-9+/]{40,998}\r?\n){%d,}" % _RUN_LINES, re.MULTILINE)
_MARK = 0x01     # the marker: "\x01<number>\x01"; a message holding a \x01 is parsed as it is
_MARKER = re.compile("\x01([0-9]+)\x01")


def _parse_squeezed(data: bytes) -> EmailMessage:
    """`data` parsed as the standard library parses it, with its runs of base64 lines set
    aside during the parse (see above)."""
    if bytes([_MARK]) in data or len(data) < 76 * _RUN_LINES:
        return _parser().parsebytes(data)
    runs: list[str] = []

    def set_aside(match: re.Match) -> bytes:
        lines = match.group()
        eol = b"\r\n" if lines.endswith(b"\r\n") else b"\n"
        runs.append(lines[:-len(eol)].decode("ascii"))
        return b"\x01%d\x01%s" % (len(runs) - 1, eol)

    squeezed = _RUN.sub(set_aside, data)
    message = _parser().parsebytes(squeezed)
    if not runs:
        return message
    given_back = [0] * len(runs)

    def give_back(match: re.Match) -> str:
        n = int(match.group(1))
        given_back[n] += 1
        return runs[n]

    for part in message.walk():
        for attribute in ("_payload", "preamble", "epilogue"):
            text = getattr(part, attribute)
            if isinstance(text, str) and "\x01" in text:
                setattr(part, attribute, _MARKER.sub(give_back, text))
    if given_back != [1] * len(runs):
        return _parser().parsebytes(data)    # a marker went elsewhere: no shortcut, then
    return message


def read_message(data: bytes, name: str, *, timezone: str | None = None) -> ImportedMessage:
    """One e-mail's bytes as an ImportedMessage."""
    message = parse(data, name)
    letters = _refuse_truncated(message, name)
    sender = clean(str(message["From"] or "")).strip()
    subject = clean(str(message["Subject"])).strip() if message["Subject"] is not None else None
    body, hrefs = _body(message, name)
    text = fold_quotes(body, forwarded=bool(subject and _FORWARD.match(subject)))
    links = list(dict.fromkeys([*urls_in(body), *hrefs]))
    return ImportedMessage(
        sender=sender,
        sent_at=sent_at(message, name, timezone).isoformat(timespec="seconds"),
        text=text,
        recipients=tuple(_addresses(message, "To") + _addresses(message, "Cc")),
        subject=subject,
        message_id=message_id(message),
        attachments=tuple(_attachments(message, name, letters)),
        links=tuple(links),
        from_address=_bare_address(message),
        headers=tuple((k, clean(v)) for k, v in message.raw_items()),
        raw=data,
    )


def clean(text: str) -> str:
    """A header as text: raw 8-bit bytes in it (kept by the parser as surrogates) read as
    UTF-8, or GB18030 (Chinese mail clients), replacement characters for anything else."""
    if not re.search(r"[\udc80-\udcff]", text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    for charset in ("utf-8", "gb18030"):
        try:
            return raw.decode(charset)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def message_id(message: EmailMessage) -> str | None:
    value = message["Message-ID"]
    return str(value).strip() or None if value is not None else None


def sent_at(message: EmailMessage, name: str, zone: str | None) -> datetime:
    """The Date header as an aware datetime in the sender's own offset."""
    # The raw value: the parsed header writes a Date without a zone as "-0000".
    raw = next((v for k, v in message.raw_items() if k.lower() == "date"), None)
    if raw is None:
        raise BadInput("evidence.email_no_date", file=name)
    value = re.sub(r"\s+", " ", clean(raw)).strip()
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        raise BadInput("evidence.email_bad_date", file=name, value=value) from None
    if when.tzinfo is not None:
        return when
    if re.search(r"-0000\s*(\(.*\))?$", value):  # RFC 5322: in UTC, the local zone unknown
        return when.replace(tzinfo=dt_timezone.utc)
    if zone is None:
        raise BadInput("evidence.email_date_no_zone", file=name, value=value)
    try:
        from zoneinfo import ZoneInfo
        return when.replace(tzinfo=ZoneInfo(zone))
    except (ValueError, KeyError, OSError):
        raise BadInput("evidence.email_bad_timezone", value=zone) from None


def _addresses(message: EmailMessage, field: str) -> list[str]:
    out: list[str] = []
    for header in message.get_all(field) or ():
        addresses = getattr(header, "addresses", None)
        if addresses:
            out.extend(clean(str(a)) for a in addresses)
        elif str(header).strip() and not str(header).strip().endswith(":;"):  # not an empty group
            out.append(clean(str(header)).strip())
    return out


def _bare_address(message: EmailMessage) -> str | None:
    header = message["From"]
    if header is None:
        return None
    addresses = getattr(header, "addresses", ())
    if addresses and addresses[0].addr_spec and addresses[0].addr_spec != "<>":
        return clean(addresses[0].addr_spec)
    return email.utils.parseaddr(clean(str(header)))[1] or None


# -- the body ----------------------------------------------------------------------------------

def _decoded(part: EmailMessage, name: str) -> str:
    """A text part's words in its own charset, or UTF-8 when the charset lies."""
    raw = _payload(part)
    declared = (part.get_content_charset() or "us-ascii").lower()
    for charset in dict.fromkeys((_SUPERSET.get(declared, declared), declared, "utf-8")):
        try:
            return raw.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    raise BadInput("evidence.email_bad_encoding", file=name, charset=declared)


def _body(message: EmailMessage, name: str) -> tuple[str, list[str]]:
    """The readable body (plain text preferred, else HTML as text) and the hrefs of the HTML
    alternative too: a plain "click here" may hide where the HTML link goes."""
    plain = message.get_body(preferencelist=("plain",))
    text = _decoded(plain, name).replace("\r\n", "\n").strip() if plain is not None else ""
    html = message.get_body(preferencelist=("html",))
    if html is None:
        return text, []
    try:
        html_text, hrefs = html_to_text(_decoded(html, name))
    except BadInput:
        if not text:
            raise
        return text, []  # the HTML alternative is unreadable, but not needed
    # Some help desks send an empty text/plain beside the real HTML.
    return (text or html_text), hrefs


def _parts(part: EmailMessage):
    """Every leaf part, not descending into an attached message (its parts are its own)."""
    if part.is_multipart() and part.get_content_maintype() != "message":
        for sub in part.iter_parts():
            yield from _parts(sub)
    else:
        yield part


def _attachments(message: EmailMessage, name: str, letters: dict[int, int]):
    bodies = {id(message.get_body(preferencelist=p)) for p in (("plain",), ("html",))}
    for number, part in enumerate(_parts(message), 1):
        if id(part) in bodies or part is message:
            continue
        disposition = part.get_content_disposition()
        filename = part.get_filename()
        is_text = part.get_content_maintype() == "text"
        if disposition != "attachment" and not (filename and not is_text):
            continue
        filename = clean(filename) if filename else _made_up_name(part, number)
        # An early look at the encoded size: no need to decode 300 MB to refuse it.
        encoded = part.get_payload()
        if isinstance(encoded, str) and part.get("Content-Transfer-Encoding", "").lower() \
                == "base64":
            size = _base64_size(encoded, letters.get(id(part)))
            if size > MAX_ATTACHMENT_BYTES:
                raise BadInput("evidence.email_attachment_too_big", name=filename, size=size)
        if part.get_content_maintype() == "message":
            data = part.get_payload(0).as_bytes() if part.is_multipart() else b""
        else:
            data = _payload(part)
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise BadInput("evidence.email_attachment_too_big", name=filename, size=len(data))
        yield ImportedFile(name=filename, media_type=part.get_content_type(), data=data)


def _payload(part: EmailMessage) -> bytes:
    """The part's content decoded, as `get_payload(decode=True)` gives it: base64 that is
    valid as it stands decoded by pybase64 (SIMD, the same bytes, several times faster on
    megabytes of attachment), anything else by the standard library itself."""
    encoded = part._payload   # what get_payload() would return, without its own pass over it
    if isinstance(encoded, str) and not part.is_multipart() \
            and str(part.get("content-transfer-encoding", "")).lower() == "base64":
        try:
            joined = encoded.encode("ascii").replace(b"\r", b"").replace(b"\n", b"")
            if len(joined) % 4 == 0:
                return pybase64.b64decode(joined, validate=True)
        except (UnicodeError, binascii.Error, ValueError):
            pass  # not clean base64: the standard library decodes it, and notes its defects
    return part.get_payload(decode=True) or b""


def _base64_size(encoded: str, letters: int | None = None) -> int:
    """The decoded size of base64 text, counted without decoding it."""
    tail = _tail(encoded)
    letters = _base64_letters(encoded) if letters is None else letters
    return letters * 3 // 4 - tail.endswith("=") - tail.endswith("==")


def _base64_letters(encoded: str) -> int:
    """The characters that are not " ", tab, CR or LF (counted where they occur at all)."""
    return len(encoded) - sum(encoded.count(c) for c in " \t\r\n" if c in encoded)


def _tail(text: str, size: int = 2) -> str:
    """The last `size` characters of `text.rstrip()`, without copying megabytes to get them."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - size):end]


def _made_up_name(part: EmailMessage, number: int) -> str:
    extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    return f"attachment-{number}{extension}"


# -- truncation --------------------------------------------------------------------------------

def _refuse_truncated(message: EmailMessage, name: str) -> dict[int, int]:
    """A multipart cut short: no closing boundary and an empty or broken last part, no
    boundary at all, or a base64 part whose length shows it was cut mid-way. Returns the
    number of base64 letters of each base64 part (by its id), counted once for the sizes."""
    letters: dict[int, int] = {}
    for part in message.walk():
        defects = part.defects
        if any(isinstance(d, email_errors.StartBoundaryNotFoundDefect) for d in defects):
            raise BadInput("evidence.email_truncated", file=name)
        if any(isinstance(d, email_errors.CloseBoundaryNotFoundDefect) for d in defects):
            subparts = part.get_payload()
            last = subparts[-1] if isinstance(subparts, list) and subparts else None
            if last is None or (not last.is_multipart() and not str(last.get_payload()).strip()):
                raise BadInput("evidence.email_truncated", file=name)
        if not part.is_multipart() and part.get("Content-Transfer-Encoding", "").lower() \
                == "base64":
            payload = str(part.get_payload())
            letters[id(part)] = count = _base64_letters(payload)
            if count % 4 and not _tail(payload).endswith("="):
                raise BadInput("evidence.email_truncated", file=name)
    return letters


# At the end: email_mbox uses this module's functions.
from .email_mbox import mbox_threads, read_mbox  # noqa: E402,F401 - part of this module's API
