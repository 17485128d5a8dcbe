"""Chat transcripts as text: Intercom's downloadable .txt, Zendesk/Freshchat transcripts that
arrive as text, and a transcript pasted from a web chat ("Name: text" lines with times).

Shapes read (one per message, text after it; lines that follow are the message's own):
  [2026-11-24 14:02] Ken: text          2026-11-24 14:02:33 UTC Ken: text
  14:02 Ken: text                       (02:02:33 PM) Ken: text        (Zendesk)
  02:02 PM | Ken Li: text  (Intercom)   Ken (14:02): text
  Binance Support · 14:02               客服 2026-11-24 14:02:33
  text on the next lines                text on the next lines
A line holding only a date ("November 24, 2026", "2026年11月24日", Intercom's "Started on …",
Zendesk's "Chat started: …") gives the date to the times that follow it. Colons may be
full-width (客服：您好).
"""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone as fixed_zone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ...errors import BadInput
from . import Conversation, ImportedMessage, time_zone
from .transcript_times import (DATE_ONLY, STAMP, DateParts, Stamp, find_zone, parse_stamp,
                               resolve_dates)

MAX_BYTES = 64 * 1024 * 1024
_URL = re.compile(r"https?://[^\s<>\"'）)】」]+")
# A speaker: a few words, no colon, not starting with a digit run ("14" of "14:02").
_NAME = r"[^\s:：|\[\]()（）·•][^:：|\[\]]{0,47}?"
_COLON = r"\s*[:：]\s?"
# "Name: text" with no time: a message only when the whole transcript has no times at all.
_PLAIN = re.compile(rf"^(?P<name>{_NAME}){_COLON}(?P<text>.*)$")
# Timed message lines, tried in order; each has a stamp, a name and the text on the line.
_TIMED = [
    re.compile(rf"^[\[(（](?P<stamp>{STAMP})[\])）]\s*(?:[|\-–]\s*)?(?P<name>{_NAME}){_COLON}"
               rf"(?P<text>.*)$"),
    re.compile(rf"^(?P<stamp>{STAMP})\s*(?:[|\-–·•]\s*)?(?P<name>{_NAME}){_COLON}(?P<text>.*)$"),
    re.compile(rf"^(?P<name>{_NAME})\s*[\[(（](?P<stamp>{STAMP})[\])）]{_COLON}(?P<text>.*)$"),
]
# A speaker line with its time and nothing else; the text follows on the next lines.
_SPEAKER = re.compile(rf"^(?P<name>{_NAME})\s*(?:[·•|\-–]|\s)\s*[\[(（]?(?P<stamp>{STAMP})"
                      rf"[\])）]?$")
_STAMP_ONLY = re.compile(rf"^[\[(（]?(?P<stamp>{STAMP})[\])）]?\s*(?P<rest>.*)$")
_EVENT = re.compile(r"^\*{2,}|\b(?:joined|left|ended|transferred|closed|assigned)\b"
                    r"|加入|离开|结束|转接|关闭", re.I)
# A speaker line's name that is really the end of a sentence ("I paid at 14:02").
_TRAILING_WORD = re.compile(r"(?:\s(?:at|on|by|until|before|after|since|from|to)|[于在到])$", re.I)
_SEPARATOR = re.compile(r"^[-=_*~—]{3,}$")
_TITLE = re.compile(r"^(?:Conversation|Chat|Transcript of (?:your )?(?:conversation|chat)) "
                    r"with\s+.+$|^(?:与|和).{1,30}的(?:对话|聊天)(?:记录)?$"
                    r"|^.{0,20}(?:聊天|对话|会话)记录$", re.I)
_TICKET = re.compile(r"(?:ticket|case|conversation id|request|工单|单号|会话)[^\n]{0,20}?"
                     r"(?:#|[:：]\s*|号\s*)(?P<ref>[A-Za-z0-9][A-Za-z0-9-]{3,})", re.I)
# A name that is really the start of a sentence or a header field, never a speaker.
_NOT_NAMES = re.compile(r"^(?:https?|ftp|mailto|note|ps|p\.s\.|tip|warning|step \d+|re|fw|"
                        r"started on|chat started|exported|subject|ticket.*|case.*)$", re.I)


def read_transcript(data: bytes, name: str, *, date_order: str | None = None,
                    timezone: str | None = None) -> Conversation:
    """The messages of a chat transcript. Times written with a zone or offset keep it; times
    without take `timezone` (an IANA name), and numeric dates whose day/month order the file
    does not settle take `date_order` ("dmy", "mdy", "ymd"): without them, BadInput naming
    the option, never a guess."""
    if date_order not in (None, "dmy", "mdy", "ymd"):
        raise ValueError(f"date_order {date_order!r}")     # the front ends offer only these
    if len(data) > MAX_BYTES:
        raise BadInput("evidence.transcript_too_big", name=name, limit=MAX_BYTES // 2**20)
    text = decode(data)
    if text is None:
        raise BadInput("evidence.transcript_not_text", name=name)
    zone = time_zone(timezone)
    drafts, preamble = _split(text)
    if not drafts:
        raise BadInput("evidence.transcript_not_transcript", name=name)
    if not any(d.stamp for d in drafts):
        # No time at all, so sent_at cannot be made. Next round the service may offer the
        # file's own time instead; this reader never makes one up.
        raise BadInput("evidence.transcript_no_times", name=name)
    days = resolve_dates([d.stamp.day for d in drafts if d.stamp] + [d.day for d in drafts],
                         date_order, name)
    messages = []
    previous: datetime | None = None
    for draft in drafts:
        when = _when(draft, days, zone, previous, name)
        previous = when
        body = "\n".join(draft.lines).strip("\n")
        messages.append(ImportedMessage(sender=draft.sender, sent_at=when.isoformat(
            timespec="seconds"), text=body, links=tuple(_URL.findall(body))))
    participants = tuple(dict.fromkeys(m.sender for m in messages))
    return Conversation(source="transcript", title=_title(preamble, name),
                        messages=tuple(messages), participants=participants)


def decode(data: bytes) -> str | None:
    """The text of `data` (UTF-8, UTF-16 with a BOM, or GB18030), or None if it is not text."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                       (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                return None
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
                # UTF-8 cut inside its last character (a truncated file): the rest is good,
                # and read as GB18030 it would all be wrong.
                text = data[:e.start].decode("utf-8") + "\ufffd"
            else:
                try:
                    text = data.decode("gb18030")
                except UnicodeDecodeError:
                    return None
    # GB18030 decodes almost any bytes; control characters are what give binary away.
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    if "\x00" in text or controls > len(text) // 100:
        return None
    return text


class _Draft:
    def __init__(self, sender: str, stamp: Stamp | None, day: DateParts | None, text: str):
        self.sender, self.stamp, self.day = sender, stamp, day
        self.lines = [text] if text else []


def _split(text: str) -> tuple[list[_Draft], list[str]]:
    """The messages of the transcript (speaker, stamp, date header in force, lines) and the
    lines before the first one (its title, ticket number, start time)."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    timed = any(_timed(line) for line in lines)
    drafts: list[_Draft] = []
    preamble: list[str] = []
    day: DateParts | None = None
    header_zone = None
    current: _Draft | None = None
    for line in lines:
        # A date line first: "日期：2026年11月24日" is a header, not 日期 speaking.
        header = _date_header(line)
        if header:
            day, zone = header
            header_zone = zone or header_zone
            current = None
            if not drafts:
                preamble.append(line)
            continue
        found = _timed(line) if timed else _plain(line)
        if found:
            sender, stamp, body = found
            if stamp and stamp.zone is None:
                stamp = stamp.with_zone(header_zone)
            current = _Draft(sender, stamp, day, body)
            drafts.append(current)
            continue
        if _SEPARATOR.match(line) or (timed and _event(line)):
            # A rule, or a timed line with no speaker ("*** Anna joined the chat ***"): it
            # belongs to no message.
            current = None
            continue
        if current is not None:
            current.lines.append(line)
        elif not drafts and line:
            preamble.append(line)
    return drafts, preamble


def is_transcript_line(line: str, *, timed: bool) -> bool:
    """Whether `line` is a transcript's message line: one with a time (timed), or a bare
    "Name: text" (detect.py tells the formats apart with these)."""
    return bool(_timed(line) if timed else _plain(line))


def _speaker(name: str) -> str | None:
    name = name.strip()
    if not name or _NOT_NAMES.match(name) or len(name.split()) > 6 \
            or re.search(r"[,!?;。，！？；]", name) or not re.search(r"[^\W\d_]", name):
        return None
    return name


def _event(line: str) -> bool:
    """A timed line that is the chat's own note, not anyone's message."""
    m = _STAMP_ONLY.match(line)
    return bool(m and parse_stamp(m["stamp"]) and _EVENT.search(m["rest"]))


def _timed(line: str) -> tuple[str, Stamp, str] | None:
    for pattern in _TIMED:
        m = pattern.match(line)
        if m and not m["text"].startswith("//"):
            stamp, sender = parse_stamp(m["stamp"]), _speaker(m["name"])
            if stamp and sender and stamp.has_time:
                return sender, stamp, m["text"].strip()
    m = _SPEAKER.match(line)
    if m:
        stamp, sender = parse_stamp(m["stamp"]), _speaker(m["name"])
        if stamp and sender and stamp.has_time and len(sender.split()) <= 4 \
                and not _TRAILING_WORD.search(sender):
            return sender, stamp, ""
    return None


def _plain(line: str) -> tuple[str, None, str] | None:
    m = _PLAIN.match(line)
    if m and not m["text"].startswith("//"):
        sender = _speaker(m["name"])
        if sender:
            return sender, None, m["text"].strip()
    return None


def _date_header(line: str) -> tuple[DateParts, str | None] | None:
    """A line that gives the date (and maybe zone) of the times below it, or None."""
    m = DATE_ONLY.match(line)
    if not m:
        return None
    stamp = parse_stamp(m["stamp"])
    if stamp is None or stamp.day is None:
        return None
    return stamp.day, stamp.zone or find_zone(m["rest"] or "")


def _when(draft: _Draft, days: dict, zone, previous: datetime | None, name: str) -> datetime:
    stamp = draft.stamp       # in a transcript with times, only a timed line starts a message
    day = days.get(stamp.day) if stamp.day else days.get(draft.day) if draft.day else None
    if day is None:
        if previous is None:
            # Times but no date anywhere before them: the service may offer the file's date.
            raise BadInput("evidence.transcript_no_date", name=name)
        day = previous.date()
    tz = _tzinfo(stamp.zone) or zone
    if tz is None:
        raise BadInput("evidence.transcript_timezone", name=name, option="--timezone")
    when = datetime.combine(day, time(stamp.hour, stamp.minute, stamp.second), tzinfo=tz)
    # Times without their own date after midnight: the chat went on into the next day.
    if stamp.day is None and previous is not None and when < previous - timedelta(hours=1):
        when = datetime.combine(day + timedelta(days=1), when.timetz())
    return when


def _tzinfo(zone: str | None):
    if zone is None:
        return None
    if zone in ("UTC", "GMT", "Z"):
        return fixed_zone.utc
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", zone)
    if m:
        if int(m[2]) > 14 or int(m[3] or 0) > 59:
            return None                     # no place on earth is that far from UTC
        delta = timedelta(hours=int(m[2]), minutes=int(m[3] or 0))
        return fixed_zone(-delta if m[1] == "-" else delta)
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _title(preamble: list[str], name: str) -> str:
    title = next((line for line in preamble if _TITLE.match(line)), None) or name
    for line in preamble:
        m = _TICKET.search(line)
        if m and m["ref"] not in title:
            return f"{title} ({line.strip()})"
    return title
