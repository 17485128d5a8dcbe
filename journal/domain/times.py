"""Times as the journal keeps them: ISO 8601 with the offset the user was at.

A time typed without an offset is the machine's local time. Sorting uses the
UTC instant; display keeps the offset the event had.
"""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from ..errors import BadInput, Term

# Years a time may have. Python's datetime ends at years 1 and 9999, so a time within a day of
# either end cannot be moved to UTC or to local time; these bounds keep every offset safe.
MIN_YEAR, MAX_YEAR = 1000, 9998


def now() -> datetime:
    """The current local time, aware, to the millisecond."""
    t = datetime.now(UTC).astimezone()
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


def now_text() -> str:
    return format_time(now())


def format_time(t: datetime) -> str:
    spec = "milliseconds" if t.microsecond else "seconds"
    return t.isoformat(timespec=spec)


def parse_time(text: str, what: str = "time") -> datetime:
    """Parse ISO 8601 (date, or date and time, with or without offset) into an aware datetime."""
    raw, what = (text or "").strip(), Term(what)
    if not raw:
        raise BadInput("time.empty", what=what)
    candidate = raw.replace(" ", "T", 1) if len(raw) > 10 and raw[10] == " " else raw
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    def out_of_range():  # built only when raised: a Phrase costs 20 times the parse itself
        return BadInput("time.out_of_range", what=what, raw=raw, first=MIN_YEAR, last=MAX_YEAR)

    if re.match(r"[+-]\d|\d{5,}-", candidate):  # a signed year, or one of five digits or more
        raise out_of_range()
    try:
        t = datetime.fromisoformat(candidate)
    except ValueError:
        raise BadInput("time.not_iso", raw=raw, what=what) from None
    if not in_range(t):
        raise out_of_range()
    if t.tzinfo is None:
        try:
            t = t.astimezone()  # local time, with the offset in force on that date
        except (OverflowError, OSError, ValueError):  # some C libraries stop at 1970 or 3000
            raise out_of_range() from None
    return t


def in_range(t: datetime) -> bool:
    """Within the years a journal keeps: far enough from datetime's ends for any offset."""
    return MIN_YEAR <= t.year <= MAX_YEAR


def normalize(text: str, what: str = "time") -> str:
    return format_time(parse_time(text, what))


def instant(text: str) -> float:
    """Seconds since the epoch, for ordering and arithmetic."""
    return datetime.fromisoformat(text).timestamp()


def minutes_between(start: str, end: str) -> float:
    return round((instant(end) - instant(start)) / 60.0, 2)


def days_between(start: str, end: str) -> float:
    return (instant(end) - instant(start)) / 86400.0


def utc_text(text: str) -> str:
    return format_time(datetime.fromisoformat(text).astimezone(UTC))


def plus(text: str, delta: timedelta) -> str:
    return format_time(datetime.fromisoformat(text) + delta)


def attempt_times(start: str | None = None, end: str | None = None,
                  wait_minutes: float | None = None) -> tuple[str, str]:
    """(start, end) of a call attempt that did not connect: the end defaults to now, the start
    to the end less the wait (40 minutes of queue music logged at 21:42 ran from 21:02)."""
    end = end or now_text()
    if not start:
        start = plus(end, -timedelta(minutes=wait_minutes)) if wait_minutes else end
    return start, end
