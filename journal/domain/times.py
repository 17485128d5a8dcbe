"""Times as the journal keeps them: ISO 8601 with the offset the user was at.

A time typed without an offset is the machine's local time. Sorting uses the
UTC instant; display keeps the offset the event had.
"""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ..errors import BadInput


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
    raw = (text or "").strip()
    if not raw:
        raise BadInput(f"The {what} is empty; give it as ISO 8601, e.g. 2026-11-25T14:30.")
    candidate = raw.replace(" ", "T", 1) if len(raw) > 10 and raw[10] == " " else raw
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    try:
        t = datetime.fromisoformat(candidate)
    except ValueError:
        raise BadInput(f"{raw!r} is not a {what} in ISO 8601, e.g. 2026-11-25T14:30 or "
                       f"2026-11-25T14:30+08:00.") from None
    if t.tzinfo is None:
        t = t.astimezone()  # local time, with the offset in force on that date
    return t


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
