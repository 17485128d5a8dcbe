"""The lines of a WhatsApp chat export: which begin a message, and when each was sent.

A line that begins with a date and time begins a message (Android "24/11/2023, 14:02 - ",
iOS "[24/11/2023, 14:02:33] "); every other line continues the message before it. What
follows the stamp is "Name: text", or, on Android, a notice of WhatsApp's with no name
("Messages and calls are end-to-end encrypted…", "Ken created group “Refund”").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.errors import BadInput

ORDERS = ("dmy", "mdy", "ymd")

_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})\.?"
# 12-hour clocks: "PM", "pm", "p.m.", "p. m."; newer exports put U+202F before it, some
# locales a no-break space.
_TIME = (r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
         r"(?:[ \u00a0\u202f]?(?P<ampm>[aApP]\.?[ \u00a0\u202f]?[mM]\.?))?")
_ANDROID = re.compile(_DATE + r",? " + _TIME + r" [-\u2013] (?P<rest>.*)")
_IOS = re.compile(r"\[" + _DATE + r",? " + _TIME + r"\] (?P<rest>.*)")
# Invisible marks a line may begin with: the BOM, iOS's left-to-right mark.
_LEAD = "\ufeff\u200e\u200f"
_NEWLINE = re.compile(r"\r\n|\r|\n")   # not str.splitlines: U+2028 inside a message stays


@dataclass
class Entry:
    """One message or notice as written: where it starts, its stamp, and its lines."""
    line: int                     # 1-based line of the file
    date: str                     # "24/11/2023"
    time: str                     # "14:02", "2:02:33"
    ampm: str | None              # "PM", "p.m.", or None on a 24-hour clock
    sender: str | None            # None: a notice of WhatsApp's (Android)
    ios: bool
    lines: list[str] = field(default_factory=list)   # the text, first line included


def parse_lines(text: str, name: str) -> list[Entry]:
    """Every message and notice of the export, in order. A file whose first line that is not
    blank begins no message is not an export (and neither is one with no such line)."""
    entries: list[Entry] = []
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        head = line.lstrip(_LEAD)
        m = _IOS.fullmatch(head) if head.startswith("[") else _ANDROID.fullmatch(head)
        if m:
            sender, first = _split(m["rest"])
            entries.append(Entry(number, m["date"], m["time"], m["ampm"], sender,
                                 head.startswith("["), [first]))
        elif entries:
            entries[-1].lines.append(line)
        elif line.strip(_LEAD + " \t"):
            break
    if not entries:
        raise BadInput("evidence.whatsapp_not_export", name=name)
    return entries


def _split(rest: str) -> tuple[str | None, str]:
    """("Name", "text") of "Name: text"; (None, rest) for a notice. A notice may hold a colon
    itself ('Ken changed the subject to "Refund: 42"'): a name has no quotation mark."""
    sender, colon, text = rest.partition(":")
    if colon and sender.strip() and not re.search("[\"“”«»]", sender) and \
            (not text or text.startswith(" ")):
        return sender, text[1:]
    return None, rest


def _fields(entry: Entry) -> tuple[int, ...]:
    return tuple(int(f) for f in re.split(r"[./-]", entry.date))


def resolve_order(entries: list[Entry], date_order: str | None, name: str) -> str:
    """The day/month order of the file's dates: the one given, if every date fits it, or the
    one some date shows (a year first, a first field over 12, a second over 12)."""
    if date_order is not None:
        if date_order not in ORDERS:
            raise ValueError(f"date_order must be one of {ORDERS}, not {date_order!r}")
        for entry in entries:
            day, month, _ = _in_order(_fields(entry), date_order)
            if not (1 <= month <= 12 and 1 <= day <= 31):
                raise BadInput("evidence.whatsapp_date_order_wrong", name=name,
                               order=date_order, line=entry.line, value=entry.date)
        return date_order
    if any(len(re.split(r"[./-]", e.date)[0]) == 4 for e in entries):
        return "ymd"
    if any(_fields(e)[0] > 12 for e in entries):
        return "dmy"
    if any(_fields(e)[1] > 12 for e in entries):
        return "mdy"
    raise BadInput("evidence.whatsapp_date_order", name=name, example=entries[0].date)


def _in_order(fields, order: str):
    """(day, month, year) of the three fields of a date written in `order`."""
    a, b, c = fields
    return {"dmy": (a, b, c), "mdy": (b, a, c), "ymd": (c, b, a)}[order]


def zone(timezone: str | None, name: str) -> tzinfo:
    if timezone is None:
        raise BadInput("evidence.whatsapp_timezone", name=name)
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # not a zone of the database, or not a zone name at all ("../etc", "")
        raise BadInput("evidence.whatsapp_bad_timezone", timezone=timezone) from None


def sent_at(entry: Entry, order: str, tz: tzinfo, name: str) -> str:
    """The entry's time in ISO 8601 with the offset `tz` had then (summer time or not).

    In the hour a clock is put back, a time happens twice and the export cannot say which:
    the first (fold=0, still summer time) is taken."""
    day, month, year = _in_order(re.split(r"[./-]", entry.date), order)
    digits = len(year)                 # "23" is 2023; a year of 1 or 3 digits is no year
    day, month, year = int(day), int(month), int(year)
    parts = [int(p) for p in re.split(r"[:.]", entry.time)]
    hour, minute, second = (parts + [0])[:3]
    try:
        if digits not in (2, 4):
            raise ValueError(year)
        year += 2000 if digits == 2 else 0
        if entry.ampm is not None:
            if not 1 <= hour <= 12:
                raise ValueError(hour)
            hour = hour % 12 + (12 if entry.ampm[0] in "pP" else 0)
        when = datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        stamp = " ".join(filter(None, (entry.date, entry.time, entry.ampm)))
        raise BadInput("evidence.whatsapp_bad_date", name=name, line=entry.line,
                       value=stamp) from None
    return when.isoformat(timespec="seconds")
