"""A complaint's clocks (service `deadlines`) as the lines a person reads: what is due, from
when they may act, by when, what is overdue and what was met; each with the rule it follows."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QObject

from ..kit import formatting, resources
from .dispute_words import day


def _when(clock) -> str:
    """The clock's end: its day, or its day and hour when counted in hours."""
    if clock.due_time is not None:
        return formatting.date_time(clock.due_time.isoformat(), with_offset=False)
    return day(clock.due)


def _met(clock) -> str:
    return formatting.date(clock.met_at, year=False) if clock.met_at else ""


def _escalating(clock) -> bool:
    """A clock for something you may do from a day (the ombudsman once the firm answered or
    its time ran out), not one running from a loss (report it within 24 hours)."""
    return clock.rule.until.get("stage") == "escalation" and clock.started_by != "loss"


class DeadlineLines(QObject):
    """Writes the lines; each phrase is translated in this context."""

    def line(self, clock) -> str:
        """The clock in one line, e.g. "FOS: you can escalate from 27 Jan; deadline 27 Jul",
        "Final response due 14 Apr — the platform must answer"."""
        name = clock.rule.text("short", resources.current_language())
        state = clock.state
        if clock.rule.who == "platform":
            if state == "met":
                return self.tr("{0}: answered {1} (due {2})").format(name, _met(clock),
                                                                    _when(clock))
            if state == "late":
                return self.tr("{0}: answered {1}, late (due {2})").format(
                    name, _met(clock), _when(clock))
            if state == "overdue":
                return self.tr("{0} due {1} — overdue since {2}: the platform has not "
                               "answered").format(name, _when(clock), self._after(clock))
            return self.tr("{0} due {1} — the platform must answer").format(name, _when(clock))
        if state == "met":
            return self.tr("{0}: done {1} (deadline {2})").format(name, _met(clock),
                                                                 _when(clock))
        if state == "late":
            return self.tr("{0}: done {1}, after the deadline {2}").format(
                name, _met(clock), _when(clock))
        if state == "overdue":
            return self.tr("{0}: deadline {1} — overdue since {2}").format(
                name, _when(clock), self._after(clock))
        if _escalating(clock) and clock.opens is not None:
            if clock.due is None:
                return self.tr("{0}: you can escalate from {1}; no deadline yet").format(
                    name, day(clock.opens))
            return self.tr("{0}: you can escalate from {1}; deadline {2}").format(
                name, day(clock.opens), _when(clock))
        return self.tr("{0}: your deadline {1}").format(name, _when(clock))

    def brief(self, clock, today: date | None = None) -> str:
        """The clock in a few words, for the case's header: "Final response due 14 Apr",
        "FOS from 15 Apr"."""
        name = clock.rule.text("short", resources.current_language())
        today = today or date.today()
        if clock.state == "overdue":
            return self.tr("{0} overdue since {1}").format(name, self._after(clock))
        if clock.rule.who == "platform":
            return self.tr("{0} due {1}").format(name, _when(clock))
        if clock.due is None:
            return self.tr("{0} from {1}").format(name, day(clock.opens))
        if _escalating(clock) and clock.opens is not None and clock.opens > today:
            return self.tr("{0} from {1} to {2}").format(name, day(clock.opens), _when(clock))
        return self.tr("{0} by {1}").format(name, _when(clock))

    def header(self, clocks, today: date | None = None) -> str:
        """The pending clocks of a case, soonest first, joined: "" when there are none."""
        return " · ".join(self.brief(c, today) for c in clocks if c.pending)

    def tooltip(self, clock) -> str:
        """The rule behind the clock: what it is, its note, its source and when it was
        checked."""
        language = resources.current_language()
        rule = clock.rule
        nature = {"law": self.tr("Law"), "regulator": self.tr("Regulator's practice"),
                  "scheme": self.tr("Card scheme rule"),
                  "advice": self.tr("Advice")}.get(rule.nature, "")
        parts = [rule.text("label", language)]
        if clock.extended:
            parts.append(self.tr("Extended by the holding reply."))
        note = rule.text("note", language)
        if note:
            parts.append(note)
        parts.append(self.tr("{0} · Source: {1}").format(nature, rule.source_title))
        parts.append(rule.source_url)
        parts.append(self.tr("Rule checked {0}").format(formatting.date(rule.checked)))
        return "\n".join(parts)

    def _after(self, clock) -> str:
        if clock.due_time is not None:
            return _when(clock)
        return day(clock.due + timedelta(days=1))

    def disclaimer(self) -> str:
        return self.tr("Counted from published rules (sources in the tooltip); not legal "
                       "advice.")


_lines: DeadlineLines | None = None


def lines() -> DeadlineLines:
    global _lines
    if _lines is None:
        _lines = DeadlineLines()
    return _lines
