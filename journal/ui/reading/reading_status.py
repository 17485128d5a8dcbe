"""The reading queue in the status bar: "Reading pictures: 3 of 12", a small bar and Pause;
and, when a file read shows a scam or a secret, one calm line naming it, with Show.

Both are permanent widgets of the status bar, hidden while there is nothing to say: the
warning stays until it is dismissed or the journal locks (a status message would be gone in
seconds, while the user is perhaps on the phone with that "support").
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...domain.scam_signs import advice
from ..kit.resources import current_language
from .reading_queue import ReadingQueue

translate = QCoreApplication.translate


class ReadingProgress(QWidget):
    """How far the queue got, and Pause / Resume; hidden when nothing waits."""

    def __init__(self, queue: ReadingQueue, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingProgress")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.queue = queue
        self.label = QLabel()
        self.label.setObjectName("readingLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("readingBar")
        self.bar.setMaximumWidth(100)
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Reading pictures"))
        self.button = QToolButton()
        self.button.setObjectName("readingPause")
        self.button.clicked.connect(queue.toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        queue.progressed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        q = self.queue
        self.setVisible(q.active)
        if not q.active:
            return
        total = max(1, q.total)
        if q.paused:
            self.label.setText(self.tr("Reading pictures paused: %n file(s) wait", "",
                                       q.waiting))
            self.button.setText(self.tr("Resume"))
            self.button.setToolTip(self.tr("Go on reading the text in pictures and PDFs"))
        else:
            at = min(total, q.done + 1)
            self.label.setText(self.tr("Reading pictures: {0} of {1}").format(at, total))
            self.button.setText(self.tr("Pause"))
            self.button.setToolTip(self.tr("Stop after the file being read; the others wait"))
        self.label.setToolTip(q.current)
        self.bar.setRange(0, total)
        self.bar.setValue(min(total, q.done))
        self.button.setAccessibleName(self.button.text())

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class ReadingAlarm(QWidget):
    """"shot.png looks like a scam: send nothing." in red, with Show and ×."""

    showRequested = Signal(int, str)   # attachment id, file name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingAlarm")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.attachment_id: int | None = None
        self.name = ""
        self.pending: list[tuple] = []   # (attachment id, name, signs, secrets), oldest first
        self.label = QLabel()
        self.label.setObjectName("readingAlarmText")
        self.label.setStyleSheet("QLabel { color: #b71c1c; font-weight: 600; }")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_button = QToolButton()
        self.show_button.setObjectName("readingAlarmShow")
        self.show_button.setText(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show the file and the text read out of it"))
        self.show_button.clicked.connect(self._show)
        self.close_button = QToolButton()
        self.close_button.setObjectName("readingAlarmClose")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss this warning"))
        self.close_button.setAccessibleName(self.tr("Dismiss this warning"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self.hide()

    def warn(self, attachment_id: int, name: str, signs: list, secrets: list) -> str:
        """Warn of a file; returns its sentence. A warning shown stays until dismissed: a
        later one waits behind it ("and 1 more"), so none is lost while the queue reads on."""
        sentence = alarm_sentence(name, signs, secrets)
        self.pending.append((attachment_id, name, list(signs), list(secrets)))
        self._display()
        return sentence

    def dismiss(self) -> None:
        """× : this warning goes, and the next one waiting, if any, shows."""
        if self.pending:
            self.pending.pop(0)
        self._display()

    def clear(self) -> None:
        """Every warning goes (the journal locked: a file's name is its content)."""
        self.pending.clear()
        self._display()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def _display(self) -> None:
        if not self.pending:
            self.attachment_id, self.name = None, ""
            self.hide()
            return
        attachment_id, name, signs, secrets = self.pending[0]
        self.attachment_id, self.name = attachment_id, name
        sentence = alarm_sentence(name, signs, secrets)
        more = len(self.pending) - 1
        self.label.setText(sentence if not more else
                           self.tr("%s (and %n more)", "", more).replace("%s", sentence))
        self.label.setToolTip(alarm_advice(signs, secrets))
        self.setAccessibleName(self.label.text())
        self.setAccessibleDescription(self.label.toolTip())
        self.show()

    def _show(self) -> None:
        if self.attachment_id is not None:
            self.showRequested.emit(self.attachment_id, self.name)


def alarm_sentence(name: str, signs, secrets) -> str:
    """One sentence naming the file: a scam sign first (it asks to act now), else a secret."""
    if signs:
        return translate("ReadingAlarm", "{0} looks like a scam: send nothing.").format(name)
    if secrets:
        return translate("ReadingAlarm", "{0} shows what looks like a seed phrase or a "
                         "private key.").format(name)
    return ""


def alarm_advice(signs, secrets) -> str:
    """What to do about it: the scam advice for the signs, and the word on a secret shown."""
    details = []
    if signs:
        details.append(advice(signs, current_language()))
    if secrets:
        details.append(translate("ReadingAlarm", "Never give a seed phrase or a private key "
                                 "to anyone; if someone has it, move your funds to a new "
                                 "wallet now."))
    return "\n\n".join(details)
