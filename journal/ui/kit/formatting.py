"""Times, durations and counts as the user's locale writes them."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

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


# Dates in a form that cannot be misread: a month name, or the year first. A numeric
# day/month order ("12/1/26") is read both ways across the world, so it is never shown.
_ISO_DATE, _ISO_TIME = "yyyy-MM-dd", "HH:mm"
_CJK = (QLocale.Language.Chinese, QLocale.Language.Japanese)


def _first_fields(pattern: str) -> str:
    """The order of day, month and year in a Qt date pattern ("M/d/yy" → "Mdy"), quoted
    text skipped."""
    order, quoted = "", False
    for char in pattern:
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "dMy" and char not in order:
            order += char
    return order


@lru_cache(maxsize=16)
def _patterns(language: int, short_date: str, clock: str) -> tuple[str, str, str, str]:
    """(date, date without the year, time, what joins date and time) for a locale of this
    language whose short date and time formats are these.

    C (the fallback of a C/POSIX system) and locales that write the year first are given ISO
    order; Chinese and Japanese their 年月日; others the month's abbreviated name in the
    locale's own day/month order: "1 Dec 2026" (en_GB), "Dec 1, 2026" (en_US)."""
    if language == QLocale.Language.C.value:
        return _ISO_DATE, _ISO_DATE, _ISO_TIME, " "
    if language in (lang.value for lang in _CJK):
        return "yyyy年M月d日", "M月d日", clock, " "
    order = _first_fields(short_date)
    if order.startswith("y") or len(order) < 3:
        return _ISO_DATE, _ISO_DATE, clock, " "
    if order.index("d") < order.index("M"):
        return "d MMM yyyy", "d MMM", clock, " "
    return "MMM d, yyyy", "MMM d", clock, ", "


def _locale_patterns(locale: QLocale) -> tuple[str, str, str, str]:
    # From the locale's own formats, not its name: a system locale takes them from LC_TIME.
    short = QLocale.FormatType.ShortFormat
    return _patterns(locale.language().value, locale.dateFormat(short),
                     locale.timeFormat(short))


def date_pattern(locale: QLocale | None = None, *, year: bool = True) -> str:
    """The Qt pattern dates are written in ("d MMM yyyy"); for a QDateEdit too."""
    shown, short, _, _ = _locale_patterns(locale or QLocale())
    return shown if year else short


def date_time_pattern(locale: QLocale | None = None) -> str:
    """The Qt pattern of a date with its time, for a QDateTimeEdit's display format:
    "d MMM yyyy HH:mm", "MMM d, yyyy, h:mm AP", "yyyy-MM-dd HH:mm", "yyyy年M月d日 HH:mm"."""
    shown, _, clock, join = _locale_patterns(locale or QLocale())
    return f"{shown}{join}{clock}"


def _this_year(q: QDateTime) -> bool:
    return q.date().year() == QDateTime.currentDateTime().date().year()


def date_time(text: str | None, *, with_offset: bool = True) -> str:
    """"25 Nov 2026 14:03 (UTC+08:00)" in the user's locale; the offset the event had."""
    if not text:
        return ""
    q = to_qdatetime(text)
    locale = QLocale()
    shown = locale.toString(q, date_time_pattern(locale))
    return f"{shown} ({offset_text(text)})" if with_offset else shown


def date(text: str | None, *, year: bool = True) -> str:
    """"25 Nov 2026", "Nov 25, 2026", "2026年11月25日", or "2026-11-25" under C. With
    year=False the year is left out for a date in the current year where the month is named
    (ISO dates keep it: "11-25" alone could be read as a year and a month)."""
    if not text:
        return ""
    q = to_qdatetime(text)
    locale = QLocale()
    return locale.toString(q.date(), date_pattern(locale, year=year or not _this_year(q)))


def time_of_day(text: str | None) -> str:
    if not text:
        return ""
    locale = QLocale()
    return locale.toString(to_qdatetime(text).time(), _locale_patterns(locale)[2])


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
    """"today", "yesterday", "3 days ago", else the date (its year only when not this year's,
    where the month is named)."""
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
    return date(text, year=False)


def due_text(text: str, *, with_date: bool = False) -> str:
    """"due in 3 days", "overdue by 2 days", "due today"; with_date adds the day it is due,
    "due in 2 days · 4 Dec" (its year only when not this year's, where the month is named)."""
    state = _due_state(text)
    if not with_date:
        return state
    return translate("Formatting", "{0} · {1}").format(state, date(text, year=False))


def longest_due_text() -> str:
    """A long due text as the locale writes it, to size a column by:
    "overdue by 99 days · Sep 28, 2025"."""
    return translate("Formatting", "{0} · {1}").format(
        _plural().days_overdue(99), date("2025-09-28T00:00:00+00:00"))


def _due_state(text: str) -> str:
    # Days counted by the calendar where the user is, as the date beside it reads: a promise
    # due Nov 29 is "overdue by 3 days" on Dec 2, whatever the hour.
    overdue = times.instant(text) < times.now().timestamp()
    due_day = to_qdatetime(text).toLocalTime().date()
    days = abs(QDateTime.currentDateTime().date().daysTo(due_day))
    if overdue:
        if days == 0:
            return translate("Formatting", "overdue today")
        return _plural().days_overdue(days)
    if days == 0:
        return translate("Formatting", "due today")
    return _plural().due_in_days(days)
