"""Times, durations and counts as the user's locale writes them."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QTimeZone

from ...domain import times

translate = QCoreApplication.translate


class Formatting(QObject):
    """Holds the counted phrases: lupdate sees plural forms only in self.tr(text, "", n)."""

    def days_overdue(self, n: int) -> str:
        return self.tr("overdue by %n day(s)", "", n)

    def due_in_days(self, n: int) -> str:
        return self.tr("due in %n day(s)", "", n)

    def days_ago(self, n: int) -> str:
        return self.tr("%n day(s) ago", "", n)


_counted = None


def _plural() -> Formatting:
    global _counted
    if _counted is None:
        _counted = Formatting()
    return _counted


def _stored(text: str) -> datetime:
    """A time as the journal stores it (ISO 8601 with its offset), read at once; anything
    else through the domain's full parser. (That parser checks what a person typed, and a
    window shows thousands of stored times: a case list page alone has 200.)"""
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        t = None
    if t is None or t.tzinfo is None or not times.in_range(t):
        t = times.parse_time(text)
    return t


_zones: dict[int, QTimeZone] = {}   # a QTimeZone costs ~0.1 ms to make; a journal has few


def to_qdatetime(text: str) -> QDateTime:
    """A stored ISO time as a QDateTime at its own offset (the offset the user lived in)."""
    t = _stored(text)
    offset = int(t.utcoffset().total_seconds()) if t.utcoffset() is not None else 0
    zone = _zones.get(offset)
    if zone is None:
        zone = _zones[offset] = QTimeZone.fromSecondsAheadOfUtc(offset)
    return QDateTime.fromSecsSinceEpoch(int(t.timestamp()), zone)


def from_qdatetime(q: QDateTime) -> str:
    """A QDateTime (local if it has no zone) as the ISO text the service takes."""
    secs = q.toSecsSinceEpoch()
    offset = q.offsetFromUtc()
    from datetime import timedelta, timezone
    return datetime.fromtimestamp(secs, timezone(timedelta(seconds=offset))).isoformat(
        timespec="seconds")


def offset_text(text: str) -> str:
    t = _stored(text)
    minutes = int(t.utcoffset().total_seconds() // 60) if t.utcoffset() is not None else 0
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def date_time(text: str | None, *, with_offset: bool = True) -> str:
    """"25 Nov 2026 14:03 (UTC+08:00)" in the user's locale; the offset the event had."""
    if not text:
        return ""
    q = to_qdatetime(text)
    locale = QLocale()
    shown = locale.toString(q, locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return f"{shown} ({offset_text(text)})" if with_offset else shown


def date(text: str | None) -> str:
    if not text:
        return ""
    return QLocale().toString(to_qdatetime(text).date(), QLocale.FormatType.ShortFormat)


def time_of_day(text: str | None) -> str:
    if not text:
        return ""
    return QLocale().toString(to_qdatetime(text).time(), QLocale.FormatType.ShortFormat)


def duration(minutes: float | None) -> str:
    """"45 min", "1 h 05 min"; empty when unknown."""
    if minutes is None:
        return ""
    if 0 < minutes < 0.5:
        return translate("Formatting", "under 1 min")
    total = int(round(minutes))
    if total < 60:
        return translate("Formatting", "%n min", None, total)
    hours = QLocale().toString(total // 60)
    return translate("Formatting", "%1 h %2 min").replace("%1", hours).replace(
        "%2", f"{total % 60:02d}")


def clock(seconds: int) -> str:
    """A running timer: 04:07 or 1:04:07."""
    h, rest = divmod(max(0, int(seconds)), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def number(n: int | float) -> str:
    return QLocale().toString(n)


def days_since(text: str | None) -> int:
    if not text:
        return 0
    return max(0, int(times.days_between(text, times.now_text())))


def relative_day(text: str | None) -> str:
    """"today", "yesterday", "3 days ago", else the date."""
    if not text:
        return ""
    q = to_qdatetime(text).toLocalTime().date()
    today = QDateTime.currentDateTime().date()
    days = q.daysTo(today)
    if days == 0:
        return translate("Formatting", "today")
    if days == 1:
        return translate("Formatting", "yesterday")
    if 1 < days < 7:
        return _plural().days_ago(days)
    return date(text)


def due_text(text: str) -> str:
    """"due in 3 days", "overdue by 2 days", "due today"."""
    due = times.instant(text)
    now = times.now().timestamp()
    days = int(abs(due - now) // 86400)
    if due < now:
        if days == 0:
            return translate("Formatting", "overdue today")
        return _plural().days_overdue(days)
    if days == 0:
        return translate("Formatting", "due today")
    return _plural().due_in_days(days)
