"""Support e-mails read into conversations: one .eml (Gmail's "Download message", Outlook's
save) or an .mbox (Google Takeout), grouped into threads (email_mbox.py).

Each message becomes an ImportedMessage: who sent it and to whom, when (the Date with its own
offset), the subject and Message-ID, the readable body (text/plain preferred, HTML turned
into text, earlier replies folded, email_text.py), every link, every attachment and the raw
headers. Bad input raises BadInput and nothing is returned.
"""
from __future__ import annotations

import email.policy
import email.utils
import mimetypes
import re
from datetime import datetime, timezone as dt_timezone
from email import errors as email_errors
from email.message import EmailMessage
from email.parser import BytesParser

from ...errors import BadInput
from . import Conversation, ImportedFile, ImportedMessage
from .email_text import fold_quotes, html_to_text, urls_in

__all__ = ["read_eml", "read_mbox", "mbox_threads", "MAX_ATTACHMENT_BYTES"]

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024

_PARSER = BytesParser(policy=email.policy.default)
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
    message = _PARSER.parsebytes(data, headersonly=headers_only)
    if message["From"] is None and message["Date"] is None:
        raise BadInput("evidence.email_not_email", file=name)
    return message


def read_message(data: bytes, name: str, *, timezone: str | None = None) -> ImportedMessage:
    """One e-mail's bytes as an ImportedMessage."""
    message = parse(data, name)
    _refuse_truncated(message, name)
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
        attachments=tuple(_attachments(message, name)),
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
    raw = part.get_payload(decode=True) or b""
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


def _attachments(message: EmailMessage, name: str):
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
            size = _base64_size(encoded)
            if size > MAX_ATTACHMENT_BYTES:
                raise BadInput("evidence.email_attachment_too_big", name=filename, size=size)
        if part.get_content_maintype() == "message":
            data = part.get_payload(0).as_bytes() if part.is_multipart() else b""
        else:
            data = part.get_payload(decode=True) or b""
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise BadInput("evidence.email_attachment_too_big", name=filename, size=len(data))
        yield ImportedFile(name=filename, media_type=part.get_content_type(), data=data)


def _base64_size(encoded: str) -> int:
    """The decoded size of base64 text, counted without decoding it."""
    tail = encoded.rstrip()
    return _base64_letters(encoded) * 3 // 4 - tail.endswith("=") - tail.endswith("==")


def _base64_letters(encoded: str) -> int:
    return len(encoded) - sum(encoded.count(c) for c in " \t\r\n")


def _made_up_name(part: EmailMessage, number: int) -> str:
    extension = mimetypes.guess_extension(part.get_content_type()) or ".bin"
    return f"attachment-{number}{extension}"


# -- truncation --------------------------------------------------------------------------------

def _refuse_truncated(message: EmailMessage, name: str) -> None:
    """A multipart cut short: no closing boundary and an empty or broken last part, no
    boundary at all, or a base64 part whose length shows it was cut mid-way."""
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
            if _base64_letters(payload) % 4 and not payload.rstrip().endswith("="):
                raise BadInput("evidence.email_truncated", file=name)


# At the end: email_mbox uses this module's functions.
from .email_mbox import mbox_threads, read_mbox  # noqa: E402,F401 - part of this module's API
