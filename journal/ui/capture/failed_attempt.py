"""Logging an attempt that did not get through, in one click.

Calls that never connect are evidence too ("I called 14 times in 3 days"), so
recording one must cost a single click.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from ...domain import times
from ...domain.model import Outcome
from ..kit import formatting, labels
from .channel_picker import ChannelPicker  # also imported from here by the call and log panels

FAILED_OUTCOMES = tuple(o.value for o in Outcome if o.failed)


def log_failed_attempt(session, case_id: int, outcome: str, channel_id: int | None = None,
                       contact: str | None = None, note: str = "", *, start: str | None = None,
                       end: str | None = None, wait_minutes: float | None = None,
                       draft: str | None = None, on_done=None, on_error=None) -> None:
    """Log a call attempt that did not connect (off the GUI thread); on_done(interaction).

    Without a start, an attempt that waited began that long before it ended: 40 minutes of
    queue music logged at 21:42 ran from 21:02 to 21:42 (times.attempt_times)."""
    start, end = times.attempt_times(start, end, wait_minutes)

    def work(j):
        return j.log(case_id, kind="call", channel_id=channel_id, contact=contact or None,
                     start=start, end=end, outcome=outcome, wait_minutes=wait_minutes,
                     notes=note or None, draft=draft)

    session.submit(work, on_done=on_done, on_error=on_error)


class FailedAttemptDialog(QDialog):
    """Pick how the attempt failed; each outcome button logs it at once.

    Nothing in it moves while it is used: the channel's warning has a room of its own
    (ChannelPicker.keep_room), so a click aimed at a field lands in that field."""

    logged = Signal(int)

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.setWindowTitle(self.tr("Log a failed attempt"))
        self.channel = ChannelPicker(session, self.tr("Other number…"), self, banner_lines=3)
        self.channel.keep_room()
        self.channel.set_case(case_id, prefer_kind="phone")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional, e.g. \"music for 40 minutes, then cut\""))
        self.wait = QSpinBox()
        self.wait.setRange(0, 24 * 60)
        self.wait.setSpecialValueText(self.tr("not noted"))
        self.wait.setSuffix(self.tr(" min"))
        self.when = QLabel()   # the times the attempt will be logged with
        self.when.setObjectName("attemptTimes")
        self.when.setEnabled(False)   # greyed: a quiet indicator
        self.wait.valueChanged.connect(self._show_when)
        self._clock = QTimer(self, interval=15_000, timeout=self._show_when)
        self._clock.start()
        self._show_when()
        texts = {"no-answer": self.tr("&No answer"), "busy": self.tr("&Busy"),
                 "dropped": self.tr("&Dropped"), "queue-timeout": self.tr("&Queue timed out"),
                 "wrong-number": self.tr("W&rong number")}
        self.buttons = {}
        grid = QGridLayout()
        for index, outcome in enumerate(FAILED_OUTCOMES):
            button = QPushButton(texts.get(outcome, labels.outcome(outcome)))
            button.setAutoDefault(False)
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            button.clicked.connect(lambda _=False, o=outcome: self.log(o))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[outcome] = button
        self.error = QLabel()
        self.error.setWordWrap(True)
        keep = self.error.sizePolicy()
        keep.setRetainSizeWhenHidden(True)   # an error after a click moves nothing either
        self.error.setSizePolicy(keep)
        self.error.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        wait_row = QHBoxLayout()
        wait_row.addWidget(self.wait)
        wait_row.addWidget(self.when, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("N&ote"), self.note)
        wait_label = QLabel(self.tr("&Waited"))
        wait_label.setBuddy(self.wait)
        form.addRow(wait_label, wait_row)
        intro = QLabel(self.tr("Did not get through? One click logs the attempt: it ends now "
                               "and began as long ago as you waited."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(close)
        # Wide enough for the note's example and the times beside the wait.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 84)
        self.buttons[FAILED_OUTCOMES[0]].setFocus()
        self.channel.changed.connect(self._focus_the_number)

    def _focus_the_number(self) -> None:
        """With no listed channel chosen, the number is typed first: the keyboard goes to its
        field, not to No answer (where a space would log the attempt at once)."""
        contact = self.channel.contact
        if (contact.isVisibleTo(self) and not contact.text()
                and self.focusWidget() in (None, self.buttons[FAILED_OUTCOMES[0]])):
            contact.setFocus()

    def attempt_times(self) -> tuple[str, str]:
        """(start, end) the attempt would be logged with if an outcome were clicked now."""
        return times.attempt_times(wait_minutes=self.wait.value() or None)

    def _show_when(self) -> None:
        start, end = self.attempt_times()
        if start == end:
            self.when.setText(self.tr("logged at {0}").format(formatting.time_of_day(end)))
        else:
            self.when.setText(self.tr("started {0}, ended {1}").format(
                formatting.time_of_day(start), formatting.time_of_day(end)))

    def log(self, outcome: str) -> None:
        channel_id, contact = self.channel.value()
        wait = self.wait.value() or None
        for button in self.buttons.values():
            button.setEnabled(False)
        self.error.hide()
        log_failed_attempt(self.session, self.case_id, outcome, channel_id, contact,
                           self.note.text().strip(), wait_minutes=wait,
                           on_done=self._done, on_error=self._failed)

    def _done(self, interaction) -> None:
        self.logged.emit(interaction.id)
        self.accept()

    def _failed(self, sentence: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.error.setText(sentence)
        self.error.show()
