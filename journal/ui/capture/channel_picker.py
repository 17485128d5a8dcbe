"""The channel a call, chat or attempt used: one of the platform's channels, or a contact
typed by hand; and the banner that warns about that contact before it is used.

Fake support lines are the classic crypto scam, and the moment to say so is before the
user dials: the banner shows as soon as a doubtful channel is picked or typed.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.channels import display_phone
from ...errors import JournalError
from ..kit import labels
from ..kit.resources import current_language
from ..kit.session import weak
from .contact_banner import BANNER_LINES, ClampedLabel, ContactBanner

_OTHER = -1  # combo data of the "Other number…" entry
CHECK_DELAY_MS = 300     # a typed contact is checked once the typing pauses
MAX_COUNTRIES = 3        # a +1 toll-free number belongs to 25 countries: count them instead


def recent_channel_ids(journal, case_id: int) -> list[int]:
    """Channels this case was reached on, most recent first (voided entries do not count)."""
    timeline = journal.timeline(case_id, include_voided=False)
    ids = [i.channel_id for i in reversed(timeline) if i.channel_id is not None]
    return list(dict.fromkeys(ids))


def read_channels(journal, case_id: int):
    """On the worker: the case, its platform's channels, and those it was reached on."""
    case = journal.case(case_id)
    channels = journal.channels(case.platform_id)
    try:
        recent = recent_channel_ids(journal, case_id)
    except JournalError:
        recent = []
    return case, channels, recent


def country_name(code: str) -> str:
    """The country's name in an English window; the ISO code otherwise, as Qt names
    countries in English only."""
    return (labels.country_name(code) if current_language() == "en" else None) or code


def spoken_list(items) -> str:
    return QLocale().createSeparatedList([str(i) for i in items])


class ChannelPicker(QWidget):
    """The case's platform channels, or another contact typed by hand; warns about the chosen
    contact (not listed, unverified, reported fake, shared with another platform, wrong
    country) before it is used.

    The banner's height is fixed (`banner_lines` lines, the rest a click away) and, once
    shown, its room is kept while it is hidden: the warnings come and go as a number is
    typed, and the fields below must not move under the pointer. keep_room() keeps the room
    of the banner and of the typed contact from the start, for a form where nothing below
    may ever move."""

    changed = Signal()

    def __init__(self, session, other_label: str, parent=None, *,
                 banner_lines: int = BANNER_LINES):
        super().__init__(parent)
        self.session = session
        self._channels = {}
        self._recent: list[int] = []
        self._platform = ""
        self._platform_id: int | None = None
        self._generation = 0              # of set_case(): an older answer is dropped
        self._checks = 0                  # of check_warnings(): likewise
        self._loading = False
        self._filling = False
        self._wanted: tuple | None = None  # set_value() while the channels are on their way
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Channel"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(16)
        self.other_label = other_label
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Number or address you used"))
        self.contact.setAccessibleName(self.tr("Contact"))
        self.contact.hide()
        self.warning = ContactBanner(self, banner_lines)
        self.warnings: list = []  # the ContactWarnings the banner shows
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS,
                                   timeout=self.check_warnings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.contact)
        # Where the banner is not, a picker that keeps its room says the channel is listed.
        self.listed = ClampedLabel(banner_lines, self)
        self.listed.setObjectName("listedChannel")
        self.listed.setContentsMargins(2, 2, 0, 0)
        self.listed.hide()
        # In a row with a stretch: the banner's width is capped, long lines are hard to read.
        self._band = QGridLayout()
        self._band.setContentsMargins(0, 0, 0, 0)
        self._band.addWidget(self.warning, 0, 0)
        self._band.addWidget(self.listed, 0, 0, Qt.AlignmentFlag.AlignTop)
        self._band.setColumnStretch(0, 1)
        self._band.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding), 0, 1)
        layout.addLayout(self._band)
        self._keeps_room = False
        self.combo.currentIndexChanged.connect(self._picked)
        self.contact.textChanged.connect(self.changed)
        self.contact.textChanged.connect(self._check_timer.start)

    def keep_room(self) -> None:
        """Keep the room of the typed contact and of the banner even while they are hidden,
        so that no choice or typing here moves what is below the picker."""
        policy = self.contact.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.contact.setSizePolicy(policy)
        self.warning.keep_room()
        # The contact goes under the banner: its empty room then ends the picker instead of
        # parting the channel from what is said about it.
        layout = self.layout()
        layout.removeWidget(self.contact)
        layout.addWidget(self.contact)
        QWidget.setTabOrder(self.combo, self.warning.details)   # the order they are seen in
        QWidget.setTabOrder(self.warning.details, self.contact)
        self._keeps_room = True
        self._say_listed()

    def set_case(self, case_id: int | None, prefer_kind: str | None = None) -> None:
        """Fill with the channels of the case's platform, read off the GUI thread; preselect
        the last one used. Until they come, value() is what set_value() was given."""
        self._generation += 1
        self._wanted = None
        if case_id is None:
            self._fill(None, [], [], prefer_kind)
            return
        self._loading = True
        self.session.read(lambda j: read_channels(j, case_id),
                          weak(self._channels_read, self._generation, prefer_kind),
                          weak(self._channels_not_read, self._generation, prefer_kind))

    def loading(self) -> bool:
        """The channels are on their way, or being put in (a change then is not the user's)."""
        return self._loading

    def _channels_read(self, generation: int, prefer_kind, answer) -> None:
        if generation == self._generation:
            self._fill(*answer, prefer_kind)

    def _channels_not_read(self, generation: int, prefer_kind, _sentence: str) -> None:
        if generation == self._generation:
            self._fill(None, [], [], prefer_kind)

    def _fill(self, case, channels, recent, prefer_kind) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self._channels = {}
        self._platform, self._platform_id = (case.platform, case.platform_id) if case else \
            ("", None)
        for ch in channels:
            self._channels[ch.id] = ch
            self.combo.addItem(self._item_text(ch), ch.id)
        self.combo.addItem(self.other_label, _OTHER)
        self._recent = list(recent)
        self.prefer(prefer_kind)
        self.combo.blockSignals(False)
        wanted, self._wanted = self._wanted, None
        self._loading, self._filling = True, True   # the choice below is made by code
        try:
            if wanted is not None:
                self.set_value(*wanted)
            else:
                self._picked()
        finally:
            self._loading = self._filling = False

    def _item_text(self, channel) -> str:
        value = display_phone(channel.value) if channel.kind.value == "phone" else channel.value
        text = self.tr("{0}: {1}").format(labels.channel_kind(channel.kind), value)
        if channel.status.value == "reported-fake":  # seen even before it is picked
            text = self.tr("{0} (reported fake)").format(text)
        return text

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
        if self._wanted is not None:
            return self._wanted
        data = self.combo.currentData()
        if data is None or data == _OTHER:
            return None, self.contact.text().strip() or None
        return int(data), None

    def languages(self) -> tuple[str, ...]:
        """The languages the chosen directory channel serves (none for a typed contact)."""
        channel = self._channels.get(self.combo.currentData())
        return channel.languages if channel is not None else ()

    def set_value(self, channel_id: int | None, contact: str | None) -> None:
        if self._loading and not self._filling:   # chosen once the channels are there
            self._wanted = (channel_id, contact)
            return
        index = self.combo.findData(channel_id) if channel_id is not None else -1
        if index < 0:
            index = self.combo.findData(_OTHER)
            self.contact.setText(contact or "")
        self.combo.setCurrentIndex(index)
        self._picked()

    def _picked(self) -> None:
        self.contact.setVisible(self.combo.currentData() == _OTHER)
        self.check_warnings()
        self.changed.emit()

    # -- the banner ---------------------------------------------------------------------

    def check_warnings(self) -> None:
        """Ask the journal (off the GUI thread) what is doubtful about the chosen contact,
        and say it; the banner keeps what it said until the answer."""
        self._check_timer.stop()
        self._checks += 1
        channel_id, contact = self.value()
        if channel_id is None and not contact:
            self.warnings = []
            self.warning.show_lines([self._general_hint()])
            self._say_listed()
            return
        if self._platform_id is None:
            self._show_warnings([])
            return
        pid = self._platform_id
        # A failure (locked, or the channel just deleted) has nothing to say.
        self.session.read(
            lambda j: j.contact_warnings(pid, channel_id=channel_id, contact=contact),
            weak(self._warnings_read, self._checks), weak(self._warnings_read, self._checks, []))

    def _say_listed(self) -> None:
        """In the banner's room, while it is empty: that the channel picked is listed."""
        channel = self._channels.get(self.combo.currentData())
        quiet = self._keeps_room and self.warning.isHidden() and channel is not None
        if quiet:
            text = self.tr("✓ One of {0}'s listed channels (source: {1}).").format(
                channel.platform, labels.channel_source(channel.source))
            self.listed.set_full_text(text)
            self.listed.setToolTip(text)
        self.listed.setVisible(quiet)

    def _warnings_read(self, check: int, warnings, _sentence: str = "") -> None:
        if check == self._checks:
            self._show_warnings(list(warnings))

    def _show_warnings(self, warnings: list) -> None:
        self.warnings = warnings
        ordered = sorted(self.warnings, key=lambda w: w.kind != "reported-fake")
        self.warning.show_lines([self._line(w) for w in ordered],
                                severe=any(w.kind == "reported-fake" for w in ordered))
        self._say_listed()

    def _general_hint(self) -> str:
        if self._platform:
            return self.tr("Use only contacts that {0} publishes itself: fake support numbers "
                           "are a common scam.").format(self._platform)
        return self.tr("Use only contacts the platform publishes itself: fake support numbers "
                       "are a common scam.")

    def _line(self, warning) -> str:
        d = warning.details
        if warning.kind == "not-listed":
            return self.tr("This contact is not one of {0}'s listed channels. Check it on {0}'s "
                           "official website or app before you share anything."
                           ).format(d["platform"])
        if warning.kind == "unverified":
            return self.tr("This channel of {0} is unverified (source: {1}). Check it on the "
                           "official website or app first.").format(
                d["platform"], labels.channel_source(d["source"]))
        if warning.kind == "reported-fake":
            return self.tr("This contact is marked as reported fake for {0}. It is probably a "
                           "scam: do not call it, pay or share anything.").format(d["platform"])
        if warning.kind == "other-platform":
            return self.tr("This contact is also recorded for {0}. One contact for two "
                           "platforms is a common sign of a fake support line.").format(
                spoken_list(d["platforms"]))
        listed = spoken_list(country_name(c) for c in d["listed"])
        countries = d["countries"]
        if len(countries) > MAX_COUNTRIES:
            code = d["calling_code"]
            return self.tr("This is a {0} number, shared by %n countries, but {1} lists "
                           "support in {2} only.", "", len(countries)).format(
                code, d["platform"], listed)
        return self.tr("This is a number in {0}, but {1} lists support in {2} only.").format(
            spoken_list(country_name(c) for c in countries), d["platform"], listed)
