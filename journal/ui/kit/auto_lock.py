"""Locks the journal after a spell without keyboard or mouse activity anywhere in the app."""
from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove, QEvent.Type.HoverMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})


class AutoLock(QObject):
    """Emits `idle` once after the interval passes with no activity; off when minutes is 0.
    After `idle` it waits for `resume()` or `poke()` before counting again.

    Activity only notes the time: the timer re-arms itself for what remains, so a stream of
    mouse moves costs a timestamp each rather than a timer restart each."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, minutes: int = 0):
        super().__init__(parent)
        self._interval_ms = 0
        self._paused = False
        self._last = QElapsedTimer()
        self._last.start()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    # -- settings -------------------------------------------------------------------------

    def set_minutes(self, minutes: int) -> None:
        """Lock after this many idle minutes; 0 turns auto-lock off."""
        self.set_interval_ms(max(0, int(minutes)) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """The same in milliseconds (tests use short intervals)."""
        self._interval_ms = max(0, int(ms))
        self.poke()

    def interval_ms(self) -> int:
        return self._interval_ms

    def is_active(self) -> bool:
        """True while a countdown is running (on, and not paused)."""
        return self._timer.isActive()

    # -- control --------------------------------------------------------------------------

    def pause(self) -> None:
        """Stop counting (while the journal is locked, or during a modal task)."""
        self._paused = True
        self._timer.stop()

    def resume(self) -> None:
        """Count again from now."""
        self._paused = False
        self.poke()

    def poke(self) -> None:
        """Treat now as activity: the countdown starts again."""
        self._last.restart()
        if self._paused or self._interval_ms <= 0:
            self._timer.stop()
        else:
            self._timer.start(self._interval_ms)

    # -- internals ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY:
            self._last.restart()
        return False

    def _check(self) -> None:
        if self._paused or self._interval_ms <= 0:
            return
        remaining = self._interval_ms - self._last.elapsed()
        if remaining > 0:
            self._timer.start(remaining)
        else:
            self.idle.emit()

    def stop(self) -> None:
        """Remove the event filter (before the application goes away)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
