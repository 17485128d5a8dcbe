"""When a platform answered: the user's own record of answered calls, by hour and weekday."""
from __future__ import annotations

from ..domain.times import parse_time


def answered_times(db, platform_id: int) -> tuple[dict[int, int], dict[int, int], int]:
    """(answers by local hour, answers by weekday 0=Monday, all answers) for one platform's
    calls: when an email or a chat was "answered" says nothing about when to phone.

    The hour is the one the user lived (the offset stored with each time), not UTC."""
    hours: dict[int, int] = {}
    days: dict[int, int] = {}
    total = 0
    for (started,) in db.query(
            "SELECT i.started_at FROM interactions i JOIN cases c ON c.id = i.case_id "
            "WHERE c.platform_id = ? AND i.kind = 'call' AND i.outcome = 'answered' "
            "AND i.voided_at IS NULL",
            (platform_id,)):
        t = parse_time(started)
        hours[t.hour] = hours.get(t.hour, 0) + 1
        days[t.weekday()] = days.get(t.weekday(), 0) + 1
        total += 1
    return hours, days, total
