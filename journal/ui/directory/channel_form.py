"""Add a channel to a platform, or correct one: what it is, where it was found, whether it
was checked there (and when), and when it answers."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QWidget

from ...domain.channels import display_phone
from ...domain.model import Channel, ChannelKind, ChannelSource, ChannelStatus
from ..kit import labels
from ..kit.session import Session
from .submit_form import SubmitForm, choice_combo, codes, select

# A date edit cannot be empty: its lowest date stands for "never checked".
NEVER = QDate(2000, 1, 1)


def shown_value(channel: Channel) -> str:
    """A phone number as people read it (+1 888-908-7930), anything else as stored."""
    return display_phone(channel.value) if channel.kind is ChannelKind.PHONE else channel.value


class ChannelForm(SubmitForm):
    """Add a channel to a platform, or correct one (channel given)."""

    def __init__(self, session: Session, platform_id: int, channel: Channel | None = None,
                 parent: QWidget | None = None):
        super().__init__(session, parent)
        self.platform_id, self.channel = platform_id, channel
        self.setWindowTitle(self.tr("Edit channel") if channel else self.tr("Add channel"))
        self.kind = choice_combo(self, ChannelKind, labels.channel_kind)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(self.tr("Phone number, address or link"))
        self.value.setToolTip(self.tr("A phone number with + and its country code, "
                                      "e.g. +1 888 908 7930"))
        self.source = choice_combo(self, ChannelSource, labels.channel_source)
        self.source_url = QLineEdit(self)
        self.source_url.setPlaceholderText(self.tr("The page where you found it"))
        self.status = choice_combo(self, ChannelStatus, labels.channel_status)
        self.status.setToolTip(self.tr("Verified: you found it on the platform's own website "
                                       "or app"))
        self.last_checked = QDateEdit(self)
        self.last_checked.setCalendarPopup(True)
        self.last_checked.setDateRange(NEVER, QDate.currentDate())
        self.last_checked.setSpecialValueText(self.tr("Never"))
        self.checked_today = QPushButton(self.tr("Checked to&day"), self)
        self.checked_today.setAutoDefault(False)   # Enter saves the form, wherever focus is
        self.checked_today.clicked.connect(
            lambda: self.last_checked.setDate(QDate.currentDate()))
        checked_row = QHBoxLayout()
        checked_row.addWidget(self.last_checked, 1)
        checked_row.addWidget(self.checked_today)
        self.hours = QLineEdit(self)
        self.hours.setPlaceholderText(self.tr("e.g. 24/7, or Mon–Fri 09:00–18:00"))
        self.languages = QLineEdit(self)
        self.languages.setPlaceholderText(self.tr("e.g. en, zh-CN"))
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Value:"), self.value)
        self.form.addRow(self.tr("&Source:"), self.source)
        self.form.addRow(self.tr("Source &URL:"), self.source_url)
        self.form.addRow(self.tr("St&atus:"), self.status)
        self.form.addRow(self.tr("Last &checked:"), checked_row)
        self.form.labelForField(checked_row).setBuddy(self.last_checked)
        self.form.addRow(self.tr("&Hours:"), self.hours)
        self.form.addRow(self.tr("&Languages:"), self.languages)
        self.tab_through([self.kind, self.value, self.source, self.source_url, self.status,
                          self.last_checked, self.checked_today, self.hours, self.languages])
        self._status_picked = False

        if channel is not None:
            select(self.kind, channel.kind)
            self.value.setText(shown_value(channel))
            select(self.source, channel.source)
            self.source_url.setText(channel.source_url or "")
            select(self.status, channel.status)
            self.last_checked.setDate(QDate.fromString(channel.last_checked, Qt.DateFormat.ISODate)
                                      if channel.last_checked else NEVER)
            self.hours.setText(channel.hours or "")
            self.languages.setText(", ".join(channel.languages))
        else:
            select(self.source, ChannelSource.OFFICIAL_SITE)
            self._status_follows_source()
            self.last_checked.setDate(QDate.currentDate())
            # A new channel's status follows its source until the user picks one.
            self.source.currentIndexChanged.connect(self._status_follows_source)
            self.status.activated.connect(lambda *_: setattr(self, "_status_picked", True))

    def _status_follows_source(self, *_) -> None:
        if self._status_picked:
            return
        source = ChannelSource(self.source.currentData())
        select(self.status, ChannelStatus.default_for(source))

    def checked(self) -> str | None:
        day = self.last_checked.date()
        return None if day == NEVER else day.toString(Qt.DateFormat.ISODate)

    def work(self):
        fields = dict(kind=self.kind.currentData(), value=self.value.text(),
                      source=self.source.currentData(),
                      source_url=self.source_url.text().strip(),
                      languages=codes(self.languages.text()),
                      status=self.status.currentData(), last_checked=self.checked(),
                      hours=self.hours.text().strip())
        if self.channel is not None:
            cid = self.channel.id
            return lambda j: j.update_channel(cid, **fields)
        pid = self.platform_id
        fields["source_url"] = fields["source_url"] or None
        fields["hours"] = fields["hours"] or None
        return lambda j: j.add_channel(pid, **fields)
