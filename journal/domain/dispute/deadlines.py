"""The clocks a case's complaint has started, computed from its stages and the jurisdiction
packs: when each started, from when you may act, when it runs out, and whether it was met.

Counting follows the rules' own words: a period runs from the day after the event (the
complaint received on Monday: the 1st business day is Tuesday), business days skip weekends
and the pack's public holidays (`holidays`), months end on the same day of the month (or the
month's last day), hours count from the event's time. Pure Python, no I/O but the packs.
"""
from __future__ import annotations

import bisect
import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .facts import Stage
from .packs import Pack, Rule, packs

SOON_DAYS = 7  # a clock this close to its end is "due soon" (the window warns)


@dataclass(frozen=True)
class Clock:
    rule: Rule
    case_id: int
    started_by: str          # "complaint", "final-response", …, "loss" or "after:<rule id>"
    start: str | None        # ISO time (or date) of what started it
    opens: date | None       # you may act from this day (escalation clocks)
    due: date | None         # the last day (None: no limit, e.g. FOS before a final response)
    due_time: datetime | None  # for a clock counted in hours, its exact end
    extended: bool
    met_at: str | None       # when what stops it was recorded to have happened
    state: str               # "running", "due-soon", "overdue", "met", "late", "open"

    @property
    def pending(self) -> bool:
        return self.state in ("running", "due-soon", "overdue", "open")

    def days_left(self, today: date) -> int | None:
        return None if self.due is None else (self.due - today).days

    def as_record(self, language: str = "en") -> dict:
        """The clock for scripts and case.json: its rule, source, start and due (ISO 8601)."""
        r = self.rule
        return {
            "case_id": self.case_id, "rule": r.id, "jurisdiction": r.pack,
            "name": r.text("short", language), "label": r.text("label", language),
            "whose": r.who, "nature": r.nature, "started_by": self.started_by,
            "start": self.start, "opens": self.opens.isoformat() if self.opens else None,
            "due": self.due.isoformat() if self.due else None,
            "due_time": self.due_time.isoformat() if self.due_time else None,
            "period": {r.period[0] if not self.extended else r.extended[1][0]:
                       r.period[1] if not self.extended else r.extended[1][1]},
            "extended": self.extended, "met_at": self.met_at, "state": self.state,
            "note": r.text("note", language),
            "source": {"title": r.source_title, "url": r.source_url, "checked": r.checked},
        }


@dataclass(frozen=True)
class CaseFacts:
    """What the clocks of one case are computed from."""
    case_id: int
    jurisdiction: str | None
    category: str
    stages: tuple[Stage, ...]
    loss_at: str | None  # the earliest transaction's (or valued amount's) time


# -- counting ---------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _business_days(key: tuple, year: int) -> tuple[int, ...]:
    """The ordinals of the business days of `year` under the pack's calendar `key`."""
    import holidays
    kind = dict(key)
    off: set = set()
    try:
        if "country" in kind:
            off = set(holidays.country_holidays(kind["country"], subdiv=kind.get("subdiv"),
                                                years=year))
        elif "financial" in kind:
            off = set(holidays.financial_holidays(kind["financial"], years=year))
    except (NotImplementedError, KeyError):
        off = set()
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return tuple(o for o in range(first, last + 1)
                 if date.fromordinal(o).weekday() < 5 and date.fromordinal(o) not in off)


def add_business_days(day: date, n: int, calendar_key: tuple = ()) -> date:
    """The `n`th business day after `day`."""
    year = day.year
    ordinal = day.toordinal()
    while True:
        days = _business_days(calendar_key, year)
        i = bisect.bisect_right(days, ordinal)
        if i + n - 1 < len(days):
            return date.fromordinal(days[i + n - 1])
        n -= len(days) - i
        year += 1
        ordinal = date(year, 1, 1).toordinal() - 1


def add_months(day: date, n: int) -> date:
    month = day.month - 1 + n
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_end(start: datetime, period: tuple[str, int], calendar_key: tuple = ()):
    """(last day, exact end or None) of `period` counted from `start`."""
    unit, n = period
    day = start.date()
    if unit == "hours":
        end = start + timedelta(hours=n)
        return end.date(), end
    if unit == "business_days":
        return add_business_days(day, n, calendar_key), None
    if unit == "days":
        return day + timedelta(days=n), None
    if unit == "weeks":
        return day + timedelta(weeks=n), None
    return add_months(day, n), None


def _calendar_key(pack: Pack) -> tuple:
    return tuple(sorted(pack.business_days.items()))


# -- matching stages to rules -----------------------------------------------------------------

def _matches(stage: Stage, spec: dict) -> bool:
    if stage.voided_at is not None or stage.stage.value != spec.get("stage"):
        return False
    if "to" in spec and (stage.to.value if stage.to else None) != spec["to"]:
        return False
    if "kind" in spec and stage.kind.value != spec["kind"]:
        return False
    if "how" in spec and (stage.how is None or stage.how.value not in spec["how"]):
        return False
    return True


def _time(text: str) -> datetime:
    if len(text) == 10:
        return datetime.fromisoformat(text + "T00:00")
    return datetime.fromisoformat(text)


def _applies(rule: Rule, facts: CaseFacts, stages) -> bool:
    if not rule.applies:
        return True
    if facts.category in rule.applies.get("categories", ()):
        return True
    kind = rule.applies.get("kind")
    return kind is not None and any(s.kind.value == kind and s.voided_at is None
                                    for s in stages)


def _state(due: date | None, today: date, met_at: str | None, opens: date | None) -> str:
    if met_at is not None:
        return "late" if due is not None and _time(met_at).date() > due else "met"
    if due is None:
        return "open"
    left = (due - today).days
    return "overdue" if left < 0 else "due-soon" if left <= SOON_DAYS else "running"


def _in_pack(stage: Stage, pack: Pack, facts: CaseFacts) -> bool:
    if pack.everywhere:
        return True
    return (stage.jurisdiction.value if stage.jurisdiction else facts.jurisdiction) == pack.code


def _clock(rule: Rule, pack: Pack, facts: CaseFacts, stages, today: date, done: dict):
    key = _calendar_key(pack)
    if rule.start.get("loss"):
        if facts.loss_at is None or not (pack.everywhere or facts.jurisdiction == pack.code):
            return None
        start_text, started_by = facts.loss_at, "loss"
    else:
        starts = [s for s in stages if _matches(s, rule.start)]
        if not starts:
            return _opened_after(rule, facts, today, done)
        first = min(starts, key=lambda s: _time(s.happened_at))
        start_text, started_by = first.happened_at, first.stage.value
    start = _time(start_text)
    period, extended = rule.period, False
    if rule.extended is not None and any(
            _matches(s, rule.extended[0]) and _time(s.happened_at) >= start for s in stages):
        period, extended = rule.extended[1], True
    due, due_time = period_end(start, period, key)
    ends = [s.happened_at for s in stages
            if _matches(s, rule.until) and _time(s.happened_at) >= start]
    met_at = min(ends, key=_time) if ends else None
    opens = start.date() if rule.who == "you" else None
    return Clock(rule, facts.case_id, started_by, start_text, opens, due, due_time, extended,
                 met_at, _state(due, today, met_at, opens))


def _opened_after(rule: Rule, facts: CaseFacts, today: date, done: dict):
    """An escalation you may make once another clock ran out unanswered (the ombudsman after
    the firm's 8 weeks): open from the day after, with no limit of its own yet."""
    for other in rule.opens_after:
        clock = done.get(other)
        if clock is not None and clock.met_at is None and clock.due is not None \
                and clock.due < today:
            opens = clock.due + timedelta(days=1)
            return Clock(rule, facts.case_id, f"after:{other}", clock.due.isoformat(), opens,
                         None, None, False, None, "open")
    return None


def case_clocks(facts: CaseFacts, today: date, all_packs: dict[str, Pack] | None = None
                ) -> list[Clock]:
    """Every clock of one case: the rules of its jurisdiction (and of each stage's own, when a
    stage names another) and of the packs that apply everywhere (card schemes)."""
    all_packs = packs() if all_packs is None else all_packs
    codes = {facts.jurisdiction} | {s.jurisdiction.value for s in facts.stages if s.jurisdiction}
    clocks, done = [], {}
    for pack in all_packs.values():
        if not (pack.everywhere or pack.code in codes):
            continue
        stages = [s for s in facts.stages if _in_pack(s, pack, facts)]
        for rule in pack.rules:
            if not _applies(rule, facts, stages):
                continue
            clock = _clock(rule, pack, facts, stages, today, done)
            if clock is not None:
                done[rule.id] = clock
                clocks.append(clock)
    return clocks


def sort_key(clock: Clock):
    """Pending clocks first, the soonest due first; clocks with no limit after them."""
    return (not clock.pending, clock.due or date.max, clock.case_id, clock.rule.id)
