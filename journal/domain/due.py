"""Due times as agents say them: "within 24 hours", "in 3 business days", "next week".

Business days skip weekends and the public holidays of the user's country
(from the `holidays` package), since that is how support desks count them.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

QUICK_PICKS = ("hours:1", "hours:24", "business-days:1", "business-days:3", "business-days:5",
               "days:7", "days:30")


@lru_cache(maxsize=8)
def _holidays(country: str | None, years: tuple[int, ...]):
    if not country:
        return frozenset()
    import holidays
    try:
        return frozenset(holidays.country_holidays(country.upper(), years=years).keys())
    except (NotImplementedError, KeyError):  # a country the package does not know: weekends only
        return frozenset()


def is_business_day(day: date, country: str | None = None) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, (day.year,))


def add_business_days(start: datetime, days: int, country: str | None = None) -> datetime:
    """`days` business days after `start`, at the same time of day (end of that day's business)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    left = days
    while left > 0:
        current += timedelta(days=1)
        if is_business_day(current.date(), country):
            left -= 1
    return current


def due_from_pick(pick: str, start: datetime, country: str | None = None) -> datetime:
    """The due time for a quick pick such as "business-days:3", counted from `start`."""
    unit, _, amount = pick.partition(":")
    n = int(amount)
    if unit == "hours":
        return start + timedelta(hours=n)
    if unit == "days":
        return start + timedelta(days=n)
    if unit == "business-days":
        return add_business_days(start, n, country)
    raise ValueError(f"unknown quick pick {pick!r}")


# "By Friday" means before Friday's close: a pick counted in days is due at the close of
# business that day, not at the minute it was clicked (a promise made at 21:32 would
# otherwise fall due at 21:32, after the desk has closed).
CLOSE_OF_BUSINESS = time(17, 0)


def quick_pick_due(pick: str, at: datetime, country: str | None = None) -> datetime:
    """The due time of a quick pick counted from `at` (aware): a pick in hours from that very
    moment; a pick in days or business days at CLOSE_OF_BUSINESS of that day, local time."""
    due = due_from_pick(pick, at, country)
    if pick.startswith("hours:"):
        return due
    # Rebuilt from the local wall clock, so a day across a DST change gets that day's offset.
    local = due.astimezone()
    return datetime.combine(local.date(), CLOSE_OF_BUSINESS).astimezone()
