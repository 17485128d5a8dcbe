"""Warn, in the tray, before a complaint's clock runs out, as promises are announced when they
come due: once per session for each clock that is yours to act on and ends within a week
(the ombudsman's six months, a chargeback's 120 days, "call 18222 at once"), and once for each
answer the platform owes that has just become overdue (you may escalate now)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from ..dispute.deadline_lines import lines
from ..kit.session import Session, weak
from .deadlines_view import read_deadlines

CHECK_MS = 15 * 60_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def worth_a_warning(clock) -> bool:
    """Your own deadline within the week, or the platform's answer overdue."""
    if clock.rule.who == "you":
        return clock.state in ("due-soon", "overdue") and clock.due is not None
    return clock.state == "overdue"


class DeadlineNotifier(QObject):
    deadlineNear = Signal(int, str)   # case id, the line shown
    caseChosen = Signal(int)          # the tray message was clicked: open this case

    def __init__(self, session: Session, tray: QSystemTrayIcon | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session, self.tray = session, tray
        self._announced: set[tuple[int, str]] = set()
        self._last_case: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        # After a change, the promises panel reads the clocks and passes them on (consider):
        # one read for both at unlock.
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def check(self, on_done=None) -> None:
        """Read the clocks off the GUI thread and warn about the new ones; on_done(the
        (case id, rule id) warned about), for tests."""
        if not self.session.is_open:
            if on_done is not None:
                on_done([])
            return
        self.session.read(read_deadlines, weak(self._read, on_done),
                          weak(self._not_read, on_done), background=True)

    def consider(self, found) -> None:
        """Clocks read by someone else (the promises panel's deadlines): warn about new ones."""
        self._read(None, found)

    def _read(self, on_done, found) -> None:
        clocks, titles = found
        new = [c for c in clocks if worth_a_warning(c)
               and (c.case_id, c.rule.id) not in self._announced]
        self._announced.update((c.case_id, c.rule.id) for c in new)
        if new:
            self._warn(new, titles)
        for c in new:
            self.deadlineNear.emit(c.case_id, lines().line(c))
        if on_done is not None:
            on_done([(c.case_id, c.rule.id) for c in new])

    def _not_read(self, on_done, _text: str) -> None:
        if on_done is not None:
            on_done([])

    def _warn(self, clocks, titles) -> None:
        self._last_case = clocks[0].case_id
        if self.tray is None or not tray_available():
            return
        if len(clocks) == 1:
            c = clocks[0]
            left = c.days_left(date.today())
            title = self.tr("A complaint deadline is near") if c.rule.who == "you" and \
                c.state != "overdue" else self.tr("A complaint deadline has passed")
            body = self.tr("{0} (case {1}: {2})").format(lines().line(c), c.case_id,
                                                        titles.get(c.case_id, ""))
            if left is not None and 0 <= left and c.rule.who == "you":
                body = self.tr("%n day(s) left. ", "", left) + body
        else:
            title = self.tr("Complaint deadlines")
            body = self.tr("%n complaint deadline(s) need you; see Promises.", "", len(clocks))
        self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning)

    def _clicked(self) -> None:
        if self._last_case is not None:
            self.caseChosen.emit(self._last_case)
