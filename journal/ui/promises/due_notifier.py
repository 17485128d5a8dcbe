"""Tell the user when a promise comes due while the program runs.

Rule: a pending promise is announced once per session, when its due time lies
between the previous check and this one. The first check looks back 24 hours, so a
deadline that passed overnight is not missed, and so does the first check after a
long lock; older ones are in the promises panel as overdue, not in a pop-up. A
promise logged with a due time already in the past is not announced: the user just
typed it.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from ...domain import times
from ..kit.session import PROMISES, Session, weak

CHECK_MS = 60_000
FIRST_CHECK_WINDOW = 24 * 3600   # seconds looked back at the first check


def due_between(journal, since: float, at: float) -> list:
    """On the worker: the pending promises due after `since` and by `at` (thousands of
    promises are pending in a long journal: the index picks the few in the window)."""
    return journal.promises(status="pending", due_after=since, due_until=at)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class DueNotifier(QObject):
    """Checks every minute, on a promise change and on unlock; create it before unlocking
    (or call check_soon() once) so the first check happens at start."""

    promiseDue = Signal(int, str)   # promise id, its text
    caseChosen = Signal(int)        # the user clicked the tray message: open this case

    def __init__(self, session: Session, tray: QSystemTrayIcon | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.tray = tray
        self._last_check: float | None = None
        self._announced: set[int] = set()
        self._last_case: int | None = None
        self._in_flight = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check_soon)
        self._timer.start()
        session.changes.connect(self._journal_changed)
        session.lockedChanged.connect(self._locked)
        if tray is not None:
            tray.messageClicked.connect(self._message_clicked)

    def check_now(self, now: datetime | float | None = None, on_done=None) -> None:
        """Check as if it were `now` (tests); on_done(the ids announced) once read."""
        if not self.session.is_open:
            if on_done is not None:
                on_done([])
            return
        since, at = self._window(now)
        self.session.read(lambda j: due_between(j, since, at),
                          weak(self._checked, at, on_done), weak(self._not_checked, on_done))

    def _checked(self, at, on_done, due) -> None:
        announced = self._announce(due, at)
        if on_done is not None:
            on_done(announced)

    def _not_checked(self, on_done, _text: str) -> None:
        if on_done is not None:   # a failed check is retried at the next tick
            on_done([])

    def check_soon(self) -> None:
        """The periodic check: the reading runs off the GUI thread (thousands of promises)."""
        if self._in_flight or not self.session.is_open:
            return
        self._in_flight = True
        since, at = self._window(None)
        # Nothing on screen waits for it: it runs after the reads of what is.
        self.session.read(lambda j: due_between(j, since, at), weak(self._read, at),
                          weak(self._not_read), background=True)

    def _read(self, at, due) -> None:
        self._in_flight = False
        self._announce(due, at)

    def _not_read(self, _text: str) -> None:
        self._in_flight = False   # locked meanwhile: the next tick tries again

    def _window(self, now) -> tuple[float, float]:
        """(since, at): the due times this check looks at."""
        at = (times.now().timestamp() if now is None
              else now.timestamp() if isinstance(now, datetime) else float(now))
        since = at - FIRST_CHECK_WINDOW
        if self._last_check is not None:
            since = max(since, self._last_check)
        return since, at

    def _announce(self, due, at: float) -> list[int]:
        self._last_check = at if self._last_check is None else max(self._last_check, at)
        # The id set guards "once per session" even if the clock is set back.
        due = [p for p in due if p.id not in self._announced]
        self._announced.update(p.id for p in due)
        if due:
            self._notify(due)
        for p in due:
            self.promiseDue.emit(p.id, p.text)
        return [p.id for p in due]

    # -- inner workings --------------------------------------------------------------------

    def _notify(self, due) -> None:
        self._last_case = due[0].case_id
        if self.tray is None or not tray_available():
            return
        if len(due) == 1:
            p = due[0]
            # The case's title, read off the GUI thread; without it the message still says
            # what is due.
            self.session.read(lambda j: j.case(p.case_id).title, weak(self._tell, p.text),
                              weak(self._tell_untitled, p.text))
        else:
            self._show_message(self.tr("Promises are due"),
                               self.tr("%n promise(s) came due; see Promises.", "", len(due)))

    def _tell(self, text: str, title: str) -> None:
        self._show_message(self.tr("A promise is due"),
                           self.tr("Due now: {0} ({1})").format(text, title) if title
                           else self.tr("Due now: {0}").format(text))

    def _tell_untitled(self, text: str, _sentence: str) -> None:
        self._tell(text, "")

    def _show_message(self, title: str, body: str) -> None:
        if self.tray is not None and tray_available() and self.session.is_open:
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)

    def _journal_changed(self, kinds: frozenset) -> None:
        if PROMISES in kinds:   # unlocking says so too: the first check after a lock
            self.check_soon()

    def _locked(self, locked: bool) -> None:
        if locked:
            self._timer.stop()
        else:
            self._timer.start()

    def _message_clicked(self) -> None:
        if self._last_case is not None:
            self.caseChosen.emit(self._last_case)
