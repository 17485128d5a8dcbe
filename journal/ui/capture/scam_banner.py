"""A warning above the notes when they describe a scam, or hold a seed phrase or a key.

It appears while the user types, before anything is saved: this is the moment the
advice helps (an agent asking for the recovery phrase is on the line right now).
"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.scam_signs import advice
from ...service import Journal
from ..kit.resources import current_language

CHECK_DELAY_MS = 500
CHECKED_CHARS = 50_000   # the most recent part of a very long transcript


class ScamBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scamBanner")
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        self.setStyleSheet("QLabel#scamBanner { border: 2px solid #c62828; border-radius: 6px;"
                           " padding: 8px; color: #b71c1c; font-weight: 600; }")
        self.hide()
        self._text = ""
        self._timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS,
                             timeout=self.check_now)
        self.kinds: list[str] = []
        self.secrets: list[str] = []

    def check(self, text: str) -> None:
        """Check `text` once the typing pauses."""
        self._text = text
        self._timer.start()

    def check_now(self, text: str | None = None) -> None:
        if text is not None:
            self._text = text
        self._timer.stop()
        self.kinds, self.secrets = Journal.note_alarms(self._text[-CHECKED_CHARS:])
        parts = []
        if self.kinds:
            parts.append(advice(self.kinds, current_language()))
        if self.secrets:
            parts.append(self.tr("These notes hold what looks like a seed phrase or a private "
                                 "key. Never give it to anyone; if someone has it, move your "
                                 "funds to a new wallet now. Exports replace it with "
                                 "[redacted]."))
        self.setText("\n\n".join(parts))
        self.setVisible(bool(parts))
