"""The times and dates written in a chat transcript: "14:02", "2:02 PM", "下午2:02",
"2026-11-24 14:02:33 UTC", "November 24, 2026", "2026年11月24日", "24/11/2026" (whose day/month
order may need to be asked), with a zone or offset when one is written."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ...errors import BadInput

_MONTHS = {name: n for n, names in enumerate(
    (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
     ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
     ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
_MONTH = r"(?i:%s)\.?" % "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = (r"(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?"
            r"\.?,?\s+)")
_DATE = (rf"(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}"
         rf"|\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
         rf"|{_WEEKDAY}?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         rf"|{_WEEKDAY}?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})")
_TIME = (r"(?:(?:上午|下午|中午|晚上|凌晨|早上)\s*)?\d{1,2}:\d{2}(?::\d{2})?"
         r"(?:\s?[AaPp]\.?\s?[Mm]\.?)?")
_ZONE = r"(?:\s?(?:UTC|GMT|Z)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|\s?[+-]\d{2}:?\d{2})"
# One time stamp, as it appears in a line (no groups of its own, so it nests in others).
STAMP = rf"(?:{_DATE}(?:(?:[T ,]|\s+at|(?<=日))\s*{_TIME})?|{_TIME}){_ZONE}?"
# A line that only gives a date (and maybe a time and zone) for the lines below it.
DATE_ONLY = re.compile(
    rf"^(?:(?:conversation |chat )?started(?: on)?:?\s*|date\s*[:：]\s*|日期\s*[:：]\s*)?"
    rf"(?P<stamp>{STAMP})"
    # What may follow: words of a zone, each after a space (so a run of letters has one
    # reading, no backtracking), or the weekday.
    r"(?P<rest>(?:\s+(?:(?-i:[A-Z][A-Za-z_]+(?:/[A-Za-z_+\-]+)+|time|[A-Z]{2,5})"
    r"|\(?(?:GMT|UTC)?[+-]\d{1,2}:?\d{0,2}\)?)|\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?)*)\s*$",
    re.I)
_IANA = re.compile(r"\b[A-Z][A-Za-z_]+(?:/[A-Za-z_+\-]+)+\b")
_OFFSET = re.compile(r"(?:UTC|GMT)?\s?([+-]\d{1,2}(?::?\d{2})?)\b|\b(UTC|GMT)\b|Z$")


@dataclass(frozen=True)
class DateParts:
    """A date as written: ("ymd", y, m, d), or ("num", a, b, c) for "a/b/c" whose order the
    file as a whole, or --date-order, settles."""
    kind: str
    a: int
    b: int
    c: int


@dataclass(frozen=True)
class Stamp:
    day: DateParts | None
    hour: int = 0
    minute: int = 0
    second: int = 0
    zone: str | None = None        # "UTC", "+08:00", "Asia/Shanghai"; None when not written
    has_time: bool = True

    def with_zone(self, zone: str | None) -> Stamp:
        return self if zone is None or self.zone else replace(self, zone=zone)


def find_zone(text: str) -> str | None:
    """The zone written in `text`: an IANA name first (it knows summer time), then an offset."""
    from zoneinfo import ZoneInfo
    for name in _IANA.findall(text):
        try:
            ZoneInfo(name)
            return name
        except (KeyError, ValueError, OSError):
            continue
    m = _OFFSET.search(text.strip())
    if not m:
        return None
    if m[1]:
        sign, digits = m[1][0], m[1][1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
        return f"{sign}{int(hours):02d}:{minutes}"
    return "UTC"


_DATE_RE = re.compile(_DATE, re.I)
_TIME_RE = re.compile(r"(上午|下午|中午|晚上|凌晨|早上)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?"
                      r"(?:\s?([AaPp])\.?\s?[Mm]\.?)?")


def parse_stamp(text: str) -> Stamp | None:
    """The Stamp of `text` (one STAMP match), or None if its numbers are no time."""
    day, rest = None, text
    m = _DATE_RE.match(text)
    if m:
        day = _date_parts(m[0])
        rest = text[m.end():]
    t = _TIME_RE.search(rest)
    if t is None:
        return Stamp(day, zone=find_zone(rest), has_time=False) if day else None
    hour, minute, second = int(t[2]), int(t[3]), int(t[4] or 0)
    meridiem, chinese = (t[5] or "").lower(), t[1]
    if meridiem or chinese:
        if hour > 12:
            return None
        afternoon = meridiem == "p" or chinese in ("下午", "晚上") or (chinese == "中午"
                                                                     and hour < 11)
        hour = hour % 12 + (12 if afternoon else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return Stamp(day, hour, minute, second, find_zone(rest[t.end():]))


def _date_parts(text: str) -> DateParts:
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    words = re.findall(r"[A-Za-z]+", text.lower())
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    if month:                                   # "November 24, 2026" / "24 Nov 2026"
        day_, year = (numbers[0], numbers[1])
        return DateParts("ymd", year, month, day_)
    if "年" in text or len(re.match(r"\d+", text)[0]) == 4:
        return DateParts("ymd", *numbers[:3])
    return DateParts("num", *numbers[:3])


def resolve_dates(parts, date_order: str | None, name: str) -> dict[DateParts, date]:
    """Each DateParts as a date. Numeric "a/b/c" dates share one order: a first number above
    12 means day first, a second above 12 month first; when nothing settles it and the order
    matters, `date_order` must say, or BadInput names --date-order."""
    parts = {p for p in parts if isinstance(p, DateParts)}
    numeric = [p for p in parts if p.kind == "num"]
    order = date_order
    if numeric and order is None:
        day_first = any(p.a > 12 for p in numeric)
        month_first = any(p.b > 12 for p in numeric)
        if day_first != month_first:
            order = "dmy" if day_first else "mdy"
        elif all(p.a == p.b for p in numeric):
            order = "dmy"                       # 05/05/2026 reads the same either way
        else:
            raise BadInput("evidence.transcript_date_order", name=name, option="--date-order")
    out = {}
    for p in parts:
        if p.kind == "ymd":
            y, m, d = p.a, p.b, p.c
        elif order == "dmy":
            d, m, y = p.a, p.b, p.c
        elif order == "mdy":
            m, d, y = p.a, p.b, p.c
        else:
            y, m, d = p.a, p.b, p.c
        try:
            out[p] = date(y + 2000 if y < 100 else y, m, d)
        except ValueError:
            raise BadInput("evidence.transcript_bad_date", name=name,
                           date=f"{p.a}/{p.b}/{p.c}") from None
    return out
