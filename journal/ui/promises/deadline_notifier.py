"""Warn, in the tray, before a complaint's clock runs out, as promises are announced when they
come due: once per session for each clock that is yours to act on and ends within a week
(the ombudsman's six months, a chargeback's 120 days, "call 18222 at once"), and once for each
clock that has just run out (the platform's answer overdue: you may escalate now).

"Just": overdue for at most JUST_PASSED_DAYS days, so a deadline that ran out over a weekend
is still told on Monday; older ones are in the promises panel, red, not in a pop-up (as
promises look back a day only). A clock told of is not told again in this session, however
often the clocks are read; one warned of as near is told once more when it runs out.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from ...domain.dispute.deadlines import SOON_DAYS
from ..dispute.deadline_lines import lines
from ..kit import resources
from ..kit.session import Session, weak
from .deadlines_view import read_deadlines

CHECK_MS = 15 * 60_000
JUST_PASSED_DAYS = 3   # a Friday's deadline, overdue since Saturday, is still news on Monday


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def warning_kind(clock, today: date) -> str | None:
    """"near": your own deadline within the week; "passed": a clock (yours or the
    platform's) that ran out in the last few days; None: nothing to tell."""
    left = clock.days_left(today)
    if left is None or not clock.pending:
        return None
    if left < 0:
        return "passed" if -left <= JUST_PASSED_DAYS else None
    if clock.rule.who == "you" and left <= SOON_DAYS:
        return "near"
    return None


def worth_a_warning(clock, today: date | None = None) -> bool:
    return warning_kind(clock, today or date.today()) is not None


class DeadlineNotifier(QObject):
    deadlineNear = Signal(int, str)   # case id, the clock's line
    caseChosen = Signal(int)          # the tray message was clicked: open this case

    def __init__(self, session: Session, tray: QSystemTrayIcon | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.tray = session, tray
        self._announced: set[tuple[int, str, str]] = set()   # (case, rule, near|passed)
        self._last_case: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        # After a change, the promises panel reads the clocks and passes them on (consider):
        # one read for both at unlock.
        session.lockedChanged.connect(self._locked)
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def check(self, on_done=None, today: date | None = None) -> None:
        """Read the clocks off the GUI thread (in the background: nothing on screen waits
        for it) and warn about the new ones; on_done(the (case id, rule id) warned about) and
        `today` are for tests."""
        if not self.session.is_open:
            if on_done is not None:
                on_done([])
            return
        self.session.read(lambda j: read_deadlines(j, today), weak(self._read, on_done, today),
                          weak(self._not_read, on_done), background=True)

    def consider(self, found) -> None:
        """Clocks read by someone else (the promises panel's deadlines): warn about new ones."""
        self._read(None, None, found)

    def _read(self, on_done, today, found) -> None:
        clocks, titles = found
        today = today or date.today()
        new = []
        for c in clocks:
            kind = warning_kind(c, today)
            if kind is not None and (c.case_id, c.rule.id, kind) not in self._announced:
                self._announced.add((c.case_id, c.rule.id, kind))
                new.append((c, kind))
        if new:
            self._warn(new, titles, today)
        for c, _kind in new:
            self.deadlineNear.emit(c.case_id, lines().line(c))
        if on_done is not None:
            on_done([(c.case_id, c.rule.id) for c, _kind in new])

    def _not_read(self, on_done, _text: str) -> None:
        if on_done is not None:   # locked meanwhile: the next check tries again
            on_done([])

    def _warn(self, new, titles, today: date) -> None:
        self._last_case = new[0][0].case_id
        if self.tray is None or not tray_available() or not self.session.is_open:
            return
        if len(new) == 1:
            [(c, kind)] = new
            title, body = self._message(c, kind, titles.get(c.case_id, ""), today)
        else:
            title = self.tr("Complaint deadlines")
            body = self.tr("%n complaint deadline(s) need you; see Promises.", "", len(new))
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning)

    def _message(self, c, kind: str, case_title: str, today: date) -> tuple[str, str]:
        """("A complaint deadline is near", "FOS deadline in 3 days (case 12: Withdrawal
        stuck)") and the like."""
        name = c.rule.text("short", resources.current_language())
        case = (self.tr("case {0}: {1}").format(c.case_id, case_title) if case_title
                else self.tr("case {0}").format(c.case_id))
        if kind == "near":
            left = c.days_left(today)
            body = (self.tr("{0} deadline today ({1})").format(name, case) if left == 0
                    else self.tr("{0} deadline in %n day(s) ({1})", "", left).format(name, case))
            return self.tr("A complaint deadline is near"), body
        if c.rule.who == "platform":
            body = self.tr("{0}: the platform has not answered ({1})").format(
                lines().brief(c, today), case)
        else:
            body = self.tr("{0} ({1})").format(lines().brief(c, today), case)
        return self.tr("A complaint deadline has passed"), body

    def _locked(self, locked: bool) -> None:
        if locked:
            self._timer.stop()
        else:
            self._timer.start()

    def _clicked(self) -> None:
        if self._last_case is not None:
            self.caseChosen.emit(self._last_case)
