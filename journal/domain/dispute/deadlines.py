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
from typing import NamedTuple

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


class Event(NamedTuple):
    """A stage as the clocks read it: its words as text, its time parsed once."""
    stage: str
    at: datetime
    text: str            # its time as recorded (ISO 8601)
    how: str | None
    to: str | None
    jurisdiction: str | None
    kind: str


def event(stage: Stage) -> Event:
    return Event(stage.stage.value, _time(stage.happened_at), stage.happened_at,
                 stage.how.value if stage.how else None, stage.to.value if stage.to else None,
                 stage.jurisdiction.value if stage.jurisdiction else None, stage.kind.value)


@dataclass(frozen=True)
class CaseFacts:
    """What the clocks of one case are computed from: its stages that are not voided."""
    case_id: int
    jurisdiction: str | None
    category: str
    stages: tuple[Event, ...]
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
    if unit == "hours":
        end = start + timedelta(hours=n)
        return end.date(), end
    return _day_end(start.date(), unit, n, calendar_key), None


@lru_cache(maxsize=4096)
def _day_end(day: date, unit: str, n: int, calendar_key: tuple) -> date:
    """The last day of a period counted in days from `day` (many cases share a day)."""
    if unit == "business_days":
        return add_business_days(day, n, calendar_key)
    if unit == "days":
        return day + timedelta(days=n)
    if unit == "weeks":
        return day + timedelta(weeks=n)
    return add_months(day, n)


def _calendar_key(pack: Pack) -> tuple:
    return tuple(sorted(pack.business_days.items()))


# -- matching stages to rules -----------------------------------------------------------------

def _matches(e: Event, spec: dict) -> bool:
    if e.stage != spec.get("stage"):
        return False
    if "to" in spec and e.to != spec["to"]:
        return False
    if "kind" in spec and e.kind != spec["kind"]:
        return False
    if "how" in spec and e.how not in spec["how"]:
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
    return kind is not None and any(s.kind == kind for s in stages)


def _state(due: date | None, today: date, met_at: str | None, opens: date | None) -> str:
    if met_at is not None:
        return "late" if due is not None and _time(met_at).date() > due else "met"
    if due is None:
        return "open"
    left = (due - today).days
    return "overdue" if left < 0 else "due-soon" if left <= SOON_DAYS else "running"


def _in_pack(e: Event, pack: Pack, facts: CaseFacts) -> bool:
    if pack.everywhere:
        return True
    return (e.jurisdiction or facts.jurisdiction) == pack.code


def _clock(rule: Rule, pack: Pack, facts: CaseFacts, stages, today: date, done: dict,
           key: tuple):
    if rule.start.get("loss"):
        if facts.loss_at is None or not (pack.everywhere or facts.jurisdiction == pack.code):
            return None
        start_text, started_by = facts.loss_at, "loss"
    else:
        starts = [s for s in stages if _matches(s, rule.start)]
        if not starts:
            return _opened_after(rule, facts, today, done)
        first = min(starts, key=lambda s: s.at)
        start, start_text, started_by = first.at, first.text, first.stage
    if started_by == "loss":
        start = _time(start_text)
    period, extended = rule.period, False
    if rule.extended is not None and any(
            _matches(s, rule.extended[0]) and s.at >= start for s in stages):
        period, extended = rule.extended[1], True
    due, due_time = period_end(start, period, key)
    ends = [s for s in stages if _matches(s, rule.until) and s.at >= start]
    met_at = min(ends, key=lambda s: s.at).text if ends else None
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


_PLANS: dict = {}   # (the packs, the codes a case names): the packs that apply, in order


def case_clocks(facts: CaseFacts, today: date, all_packs: dict[str, Pack] | None = None
                ) -> list[Clock]:
    """Every clock of one case: the rules of its jurisdiction (and of each stage's own, when a
    stage names another) and of the packs that apply everywhere (card schemes)."""
    all_packs = packs() if all_packs is None else all_packs
    codes = frozenset({facts.jurisdiction} |
                      {s.jurisdiction for s in facts.stages if s.jurisdiction})
    plan = _PLANS.get((id(all_packs), codes))
    if plan is None:
        plan = _PLANS[(id(all_packs), codes)] = [
            (pack, _calendar_key(pack)) for pack in all_packs.values()
            if pack.everywhere or pack.code in codes]
    clocks, done = [], {}
    for pack, key in plan:
        stages = facts.stages if pack.everywhere or not any(s.jurisdiction for s in facts.stages) \
            and facts.jurisdiction == pack.code else \
            [s for s in facts.stages if _in_pack(s, pack, facts)]
        for rule in pack.rules:
            if rule.start.get("loss") and facts.loss_at is None \
                    or rule.applies and not _applies(rule, facts, stages):
                continue
            clock = _clock(rule, pack, facts, stages, today, done, key)
            if clock is not None:
                done[rule.id] = clock
                clocks.append(clock)
    return clocks


def sort_key(clock: Clock):
    """Pending clocks first, the soonest due first; clocks with no limit after them."""
    return (not clock.pending, clock.due or date.max, clock.case_id, clock.rule.id)
