"""A warning beside the notes when they describe a scam, or hold a seed phrase or a key.

It appears while the user types, before anything is saved: this is the moment the
advice helps (an agent asking for the recovery phrase is on the line right now). It is one
short headline, so it never crowds out the fields of a live call, and "What to do" opens the
whole advice below it (what official support never asks, and what to do now).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.scam_signs import advice
from ...service import Journal
from ..kit.resources import current_language

CHECK_DELAY_MS = 500
CHECKED_CHARS = 50_000   # the most recent part of a very long transcript


class ScamBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scamBanner")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        self.setStyleSheet("QFrame#scamBanner { border: 2px solid #c62828; border-radius: 6px; }"
                           " QFrame#scamBanner QLabel { color: #b71c1c; }"
                           " QLabel#scamHeadline { font-weight: 600; }")
        self.headline = QLabel()
        self.headline.setObjectName("scamHeadline")
        self.headline.setWordWrap(True)   # one line at the panel's width; never clipped
        self.details_button = QPushButton(self.tr("What to do"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoDefault(False)
        self.details_button.toggled.connect(self._show_details)
        self.details = QLabel()
        self.details.setObjectName("scamAdvice")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName(self.tr("What to do now"))
        self.details.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.headline, 1)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.details)
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
        if self.kinds:
            headline = self.tr("Looks like a scam: send nothing.")
        else:
            headline = self.tr("These notes hold what looks like a seed phrase or private key.")
        self.headline.setText(headline if parts else "")
        self.details.setText("\n\n".join(parts))
        self.setAccessibleName(self.headline.text())
        self.setAccessibleDescription(self.details.text())
        self.setVisible(bool(parts))

    def text(self) -> str:
        """The whole warning: the headline and the advice "What to do" opens."""
        return f"{self.headline.text()}\n\n{self.details.text()}" if self.details.text() else ""

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide advice") if shown else self.tr("What to do"))
