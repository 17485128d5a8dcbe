"""Logging an attempt that did not get through, in one click; and the channel picker.

Calls that never connect are evidence too ("I called 14 times in 3 days"), so
recording one must cost a single click.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import times
from ..domain.model import Outcome
from ..errors import JournalError
from . import labels
from .session import CASES, DRAFTS, PROMISES, TIMELINE

FAILED_OUTCOMES = tuple(o.value for o in Outcome if o.failed)
_OTHER = -1  # combo data of the "Other number…" entry
UNVERIFIED_SOURCES = ("community", "other")


def log_failed_attempt(session, case_id: int, outcome: str, channel_id: int | None = None,
                       contact: str | None = None, note: str = "", *, start: str | None = None,
                       end: str | None = None, wait_minutes: float | None = None,
                       draft: str | None = None, on_done=None, on_error=None) -> None:
    """Log a call attempt that did not connect (off the GUI thread); on_done(interaction)."""
    now = times.now_text()
    start, end = start or now, end or now

    def work(j):
        return j.log(case_id, kind="call", channel_id=channel_id, contact=contact or None,
                     start=start, end=end, outcome=outcome, wait_minutes=wait_minutes,
                     notes=note or None, draft=draft)

    session.submit(work, on_done=on_done, on_error=on_error,
                   topics=(CASES, TIMELINE, PROMISES, DRAFTS) if draft else (CASES, TIMELINE))


def recent_channel_ids(session, case_id: int) -> list[int]:
    """Channels this case was reached on, most recent first (voided entries do not count)."""
    try:
        timeline = session.call(lambda j: j.timeline(case_id, include_voided=False))
    except JournalError:
        return []
    ids = [i.channel_id for i in reversed(timeline) if i.channel_id is not None]
    return list(dict.fromkeys(ids))


class ChannelPicker(QWidget):
    """The case's platform channels, or another contact typed by hand; warns on unverified ones."""

    changed = Signal()

    def __init__(self, session, other_label: str, parent=None):
        super().__init__(parent)
        self.session = session
        self._channels = {}
        self._recent: list[int] = []
        self._platform = ""
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Channel"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.other_label = other_label
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Number or address you used"))
        self.contact.setAccessibleName(self.tr("Contact"))
        self.contact.hide()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.contact)
        layout.addWidget(self.warning)
        self.combo.currentIndexChanged.connect(self._picked)
        self.contact.textChanged.connect(self.changed)

    def set_case(self, case_id: int | None, prefer_kind: str | None = None) -> None:
        """Fill with the channels of the case's platform; preselect the last one used."""
        self.combo.blockSignals(True)
        self.combo.clear()
        self._channels = {}
        channels = []
        if case_id is not None:
            try:
                case = self.session.call(lambda j: j.case(case_id))
                channels = self.session.call(lambda j: j.channels(case.platform_id))
                self._platform = case.platform
            except JournalError:
                channels = []
        for ch in channels:
            self._channels[ch.id] = ch
            self.combo.addItem(self.tr("{0}: {1}").format(labels.channel_kind(ch.kind), ch.value),
                               ch.id)
        self.combo.addItem(self.other_label, _OTHER)
        self._recent = recent_channel_ids(self.session, case_id) if case_id is not None else []
        self.prefer(prefer_kind)
        self.combo.blockSignals(False)
        self._picked()

    def prefer(self, kind: str | None) -> None:
        """Select the channel of `kind` used last, else the first of that kind, else the last
        used; the kind is a channel kind such as "phone" or "chat"."""
        def fits(cid):
            return kind is None or self._channels[cid].kind.value == kind
        known = [cid for cid in self._recent if cid in self._channels]
        chosen = next((cid for cid in known if fits(cid)), None)
        if chosen is None:
            chosen = next((cid for cid in self._channels if fits(cid)), None)
        if chosen is None and known:
            chosen = known[0]
        index = self.combo.findData(chosen) if chosen is not None else -1
        self.combo.setCurrentIndex(index if index >= 0 else 0)

    def value(self) -> tuple[int | None, str | None]:
        data = self.combo.currentData()
        if data is None or data == _OTHER:
            return None, self.contact.text().strip() or None
        return int(data), None

    def set_value(self, channel_id: int | None, contact: str | None) -> None:
        index = self.combo.findData(channel_id) if channel_id is not None else -1
        if index < 0:
            index = self.combo.findData(_OTHER)
            self.contact.setText(contact or "")
        self.combo.setCurrentIndex(index)
        self._picked()

    def _picked(self) -> None:
        data = self.combo.currentData()
        other = data == _OTHER
        self.contact.setVisible(other)
        channel = self._channels.get(data)
        if other:
            self.warning.setText(self.tr(
                "Use only contacts that {0} publishes itself: fake support numbers are a common "
                "scam.").format(self._platform) if self._platform else self.tr(
                "Use only contacts the platform publishes itself: fake support numbers are a "
                "common scam."))
        elif channel is not None and channel.source.value in UNVERIFIED_SOURCES:
            self.warning.setText(self.tr(
                "This contact is not from {0}'s official website, app or social account; check "
                "it there before you give any details.").format(self._platform))
        self.warning.setVisible(other or (channel is not None
                                          and channel.source.value in UNVERIFIED_SOURCES))
        self.changed.emit()


class FailedAttemptDialog(QDialog):
    """Pick how the attempt failed; each outcome button logs it at once."""

    logged = Signal(int)

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.setWindowTitle(self.tr("Log a failed attempt"))
        self.channel = ChannelPicker(session, self.tr("Other number…"), self)
        self.channel.set_case(case_id, prefer_kind="phone")
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional, e.g. \"music for 40 minutes, then cut\""))
        self.wait = QSpinBox()
        self.wait.setRange(0, 24 * 60)
        self.wait.setSpecialValueText(self.tr("not noted"))
        self.wait.setSuffix(self.tr(" min"))
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
        self.error.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Channel"), self.channel)
        form.addRow(self.tr("N&ote"), self.note)
        form.addRow(self.tr("&Waited"), self.wait)
        intro = QLabel(self.tr("Did not get through? One click logs the attempt with the time "
                               "it happened."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.error, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(close)
        self.buttons[FAILED_OUTCOMES[0]].setFocus()

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
