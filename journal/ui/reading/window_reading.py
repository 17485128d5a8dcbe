"""The reading queue as the main window has it: its progress and its warning in the status
bar, and the previews it opens (from the warning, and from a search hit in a file's text)."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from ..kit.session import Session
from .open_preview import open_attachment
from .reading_queue import ReadingQueue
from .reading_status import ReadingAlarm, ReadingProgress

ALARM_MESSAGE_MS = 15_000


class WindowReading(QObject):
    def __init__(self, session: Session, window: QMainWindow):
        super().__init__(window)
        self.session, self.window = session, window
        self._said = ""   # the warning the status bar was given
        self.queue = ReadingQueue(session, self)
        self.progress = ReadingProgress(self.queue)
        self.alarm = ReadingAlarm()
        bar = window.statusBar()
        bar.addPermanentWidget(self.alarm)
        bar.addPermanentWidget(self.progress)
        self.queue.alarmRaised.connect(self._alarm)
        self.queue.failed.connect(self._failed)
        self.alarm.showRequested.connect(lambda aid, _name: self.open_file(aid))
        session.lockedChanged.connect(self._locked_changed)

    def open_file(self, attachment_id: int, words=()) -> None:
        """The preview of an attachment, with `words` outlined where the text shows them."""
        open_attachment(self.session, attachment_id, self.window, words=words)

    def _alarm(self, attachment_id: int, name: str, signs: list, secrets: list) -> None:
        # Stays in the status bar (not a message gone in seconds) until dismissed or locked.
        self.alarm.warn(attachment_id, name, signs, secrets)

    def _failed(self, sentence: str) -> None:
        self._said = self.tr("Reading pictures paused: {0}").format(sentence)
        self.window.statusBar().showMessage(self._said, ALARM_MESSAGE_MS)

    def _locked_changed(self, locked: bool) -> None:
        if locked:   # nothing of the journal stays on screen (a file's name is its content)
            self.alarm.clear()
            bar = self.window.statusBar()
            if self._said and bar.currentMessage() == self._said:
                bar.clearMessage()
            self._said = ""
