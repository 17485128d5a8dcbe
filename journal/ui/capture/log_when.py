"""When a logged conversation happened: a span for a chat or a call ("from … to …"), one
moment for an email or a letter.

A chat is usually logged right after it ended, so a span starts 15 minutes before the
dialog opened and ends when it opened; an email is the moment it was sent or received,
now by default. Both can be edited; moving the start moves the end with it (the length is
kept), as a calendar does. Until the user changes a time, a change of kind gives that
kind's own default.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QWidget

from ..kit import formatting

DEFAULT_MINUTES = 15                    # how long a chat logged just now is taken to have been
ONE_MOMENT = frozenset({"email", "letter"})


def _pattern() -> str:
    return formatting.date_time_pattern()   # a date that cannot be misread


class WhenField(QWidget):
    """The start (and, for a span, the end) of a conversation."""

    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        now = QDateTime.currentDateTime()   # to the minute: what the field shows is saved
        self._opened = QDateTime(now.date(), QTime(now.time().hour(), now.time().minute()))
        self._touched = False
        self._setting = False
        self.start = QDateTimeEdit(self)
        self.end = QDateTimeEdit(self)
        self.start.setObjectName("logStart")
        self.end.setObjectName("logEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_pattern())
        self.start.setAccessibleName(self.tr("Started"))
        self.end.setAccessibleName(self.tr("Ended"))
        self.to = QLabel(QCoreApplication.translate("LogDialog", "to"), self)  # its old words
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(self.to)
        row.addWidget(self.end)
        row.addStretch(1)
        self._kind = kind
        self._defaults()
        self._last_start = self.start.dateTime()
        self.start.dateTimeChanged.connect(self._start_moved)
        self.end.dateTimeChanged.connect(self._end_moved)

    # -- public --------------------------------------------------------------------------

    def one_moment(self) -> bool:
        return self._kind in ONE_MOMENT

    def set_kind(self, kind: str) -> None:
        """The kind of conversation changed: one moment or a span; untouched times follow."""
        self._kind = kind
        if not self._touched:
            self._defaults()
        self._show_end()

    def times(self) -> tuple[str, str | None]:
        """(start, end) as ISO text for the service; end None for one moment."""
        start = formatting.from_qdatetime(self.start.dateTime())
        if self.one_moment():
            return start, None
        return start, formatting.from_qdatetime(self.end.dateTime())

    def set_times(self, start: str | None, end: str | None) -> None:
        """Put back times kept in a draft (they count as the user's own)."""
        self._setting = True
        if start:
            self.start.setDateTime(formatting.to_qdatetime(start).toLocalTime())
        if end:
            self.end.setDateTime(formatting.to_qdatetime(end).toLocalTime())
        self._last_start = self.start.dateTime()
        self._setting = False
        self._touched = bool(start or end)

    # -- inside --------------------------------------------------------------------------

    def _defaults(self) -> None:
        self._setting = True
        if self.one_moment():
            self.start.setDateTime(self._opened)
            self.end.setDateTime(self._opened)
        else:
            self.start.setDateTime(self._opened.addSecs(-DEFAULT_MINUTES * 60))
            self.end.setDateTime(self._opened)
        self._last_start = self.start.dateTime()
        self._setting = False
        self._show_end()

    def _show_end(self) -> None:
        span = not self.one_moment()
        self.to.setVisible(span)
        self.end.setVisible(span)

    def _start_moved(self, moved: QDateTime) -> None:
        if not self._setting:
            self._touched = True
            # The end keeps its distance to the start (the length of the chat).
            self._setting = True
            self.end.setDateTime(self.end.dateTime().addSecs(self._last_start.secsTo(moved)))
            self._setting = False
        self._last_start = moved
        self.changed.emit()

    def _end_moved(self, _moved: QDateTime) -> None:
        if not self._setting:
            self._touched = True
        self.changed.emit()
