"""A calm word that something was saved: "Chat saved to “Withdrawal stuck since Monday”",
shown for a few seconds at the bottom of the window the dialog came from, then gone.

It takes no focus and no click (a click hides it at once), so it never interrupts typing;
a screen reader is told the same sentence. It names a case, so a lock hides it at once.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStatusBar, QWidget

try:   # Qt 6.8 and later: a sentence said to a screen reader
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # pragma: no cover
    QAccessibleAnnouncementEvent = None

SHOWN_MS = 4000
BOTTOM_GAP = 24   # from the bottom of a window without a status bar


class SavedNotice(QFrame):
    """One sentence over the bottom of `window` for SHOWN_MS; a newer one replaces it."""

    def __init__(self, window: QWidget, text: str, session=None):
        super().__init__(window)
        self.setObjectName("savedNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label)
        self.setAccessibleName(text)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_MS)
        self._timer.timeout.connect(self._gone)
        window.installEventFilter(self)
        if session is not None:
            session.lockedChanged.connect(self._locked)

    def text(self) -> str:
        return self.label.text()

    def popup(self) -> None:
        for other in self.parentWidget().findChildren(SavedNotice):
            if other is not self:
                other._gone()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()
        if QAccessibleAnnouncementEvent is not None and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self.text()))

    def _place(self) -> None:
        window = self.parentWidget()
        margins = self.layout().contentsMargins()
        wanted = (self.label.fontMetrics().horizontalAdvance(self.text())
                  + margins.left() + margins.right() + 2 * self.frameWidth() + 2)
        width = max(1, min(wanted, 640, window.width() - 48))   # wrapped only when long
        self.setFixedWidth(width)
        self.adjustSize()
        bar = window.findChild(QStatusBar)   # (QMainWindow.statusBar() would make one)
        gap = bar.height() + 8 if bar is not None and bar.isVisible() else BOTTOM_GAP
        self.move((window.width() - width) // 2, window.height() - self.height() - gap)

    def eventFilter(self, watched: QObject, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _locked(self, locked: bool) -> None:
        if locked:
            self._gone()

    def mousePressEvent(self, event) -> None:
        self._gone()

    def _gone(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


def show_saved(near: QWidget | None, text: str, session=None) -> SavedNotice | None:
    """Show `text` over the bottom of the window `near` is in, until the session locks at
    the latest; None without a window."""
    window = near.window() if near is not None else None
    if window is None or not window.isVisible():
        return None
    notice = SavedNotice(window, text, session)
    notice.popup()
    return notice
