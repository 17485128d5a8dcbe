"""The directory: each platform and the channels to reach its real support.

Where a channel came from matters as much as the number itself: scammers publish
fake support numbers, so every channel records its source and whether it was checked
there, and the screen says so when a number is doubtful.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.channels import ContactWarning
from ...domain.model import Channel
from ..kit.session import DIRECTORY, Session, weak
from .channel_form import ChannelForm, shown_value
from .channel_table import ChannelTableModel
from .platform_form import FIELD_NAMES, PlatformFields, PlatformForm
from .submit_form import SubmitForm, red_error_label

__all__ = ["ChannelForm", "DirectoryScreen", "PlatformForm", "language_name"]

IdRole = Qt.ItemDataRole.UserRole + 1
SHOWN_COUNTRIES = 5
WIDEST_COLUMN = 280   # px: a long link must not push the other columns out of sight


def language_name(code: str) -> str:
    """"简体中文 (zh-CN)", "English (en)": a regional code by its own name, a bare one by
    Qt's (English) name, which names the language and not one country's variant of it."""
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    if "-" in code or "_" in code:
        name = locale.nativeLanguageName()
    else:
        name = QLocale.languageToString(locale.language())
    return f"{name} ({code})" if name else code


def directory_languages(channels: list[Channel]) -> list[str]:
    """Every language a channel lists, and the bare language of each regional one (zh for
    zh-CN), so that one choice finds every variant."""
    found = {lang for c in channels for lang in c.languages}
    found |= {lang.split("-")[0] for lang in found}
    return sorted(found, key=str.lower)


class DirectoryScreen(QDialog):
    """Platforms on the left; the chosen one's details and channels on the right."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("directoryScreen")
        self.setWindowTitle(self.tr("Directory"))
        self.resize(1120, 660)
        self.form_dialog: SubmitForm | None = None    # the open Add/Edit form, if any
        # Every read is off the GUI thread; each counter drops answers older than the last
        # question of its kind, and a selection asked for before its row exists waits.
        self._asked = {"platforms": 0, "platform": 0, "channels": 0, "warnings": 0}
        self._wanted_platform: int | None = None
        self._wanted_channel: int | None = None

        self.platform_list = QListWidget(self)
        self.platform_list.setObjectName("platformList")
        self.platform_list.setAccessibleName(self.tr("Platforms"))
        self.platform_list.currentItemChanged.connect(lambda *_: self._show_platform())
        self.add_platform_button = QPushButton(self.tr("&Add…"), self)
        self.add_platform_button.clicked.connect(self.add_platform)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.platform_list, 1)
        left_layout.addWidget(self.add_platform_button)

        self.details = PlatformFields(self, columns=2)
        for name in FIELD_NAMES:   # screen.website, as the user finds it on the screen
            setattr(self, name, getattr(self.details, name))
        self.details.submitted.connect(self.save_platform)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the platform (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_platform)
        self.details_error = red_error_label(self)
        save_row = QHBoxLayout()
        save_row.addWidget(self.details_error, 1)
        save_row.addStretch(0)   # keeps Save its own size while no error is shown
        save_row.addWidget(self.save_button)

        self.why = QLabel(self.tr("Use only official channels: scammers publish fake support "
                                  "numbers. Note where you found each one."), self)
        self.why.setWordWrap(True)
        self.language_filter = QComboBox(self)
        self.language_filter.setObjectName("languageFilter")
        self.language_filter.addItem(self.tr("All languages"), None)
        self.language_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language_filter.currentIndexChanged.connect(lambda *_: self._fill_channels())
        filter_label = QLabel(self.tr("Show channels &in:"), self)
        filter_label.setBuddy(self.language_filter)
        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.language_filter)
        filter_row.addStretch(1)

        self.channel_model = ChannelTableModel(self)
        self.channel_table = QTableView(self)
        self.channel_table.setObjectName("channelTable")
        self.channel_table.setAccessibleName(self.tr("Channels"))
        self.channel_table.setModel(self.channel_model)
        self.channel_table.verticalHeader().hide()
        self.channel_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.channel_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channel_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.channel_table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.channel_table.setWordWrap(False)
        header = self.channel_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.channel_table.activated.connect(lambda *_: self.edit_channel())
        self.channel_table.selectionModel().selectionChanged.connect(
            lambda *_: self._channel_chosen())
        self.no_channels = QLabel(self)
        self.no_channels.setObjectName("noChannels")
        self.no_channels.hide()
        self.warning = QLabel(self)
        self.warning.setObjectName("channelWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)   # it quotes what was typed
        self.warning.setAutoFillBackground(True)
        palette = self.warning.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.warning.setPalette(palette)
        self.warning.setStyleSheet(
            "QLabel#channelWarning { border: 2px solid #c62828; border-radius: 6px;"
            " padding: 6px; color: #b71c1c; font-weight: 600; }")
        self.warning.hide()
        self.add_channel_button = QPushButton(self.tr("Add &channel…"), self)
        self.add_channel_button.clicked.connect(self.add_channel)
        self.edit_channel_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_channel_button.clicked.connect(self.edit_channel)
        channel_buttons = QHBoxLayout()
        channel_buttons.addWidget(self.add_channel_button)
        channel_buttons.addWidget(self.edit_channel_button)
        channel_buttons.addStretch(1)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addLayout(save_row)
        right_layout.addWidget(self.why)
        right_layout.addLayout(filter_row)
        right_layout.addWidget(self.channel_table, 1)
        right_layout.addWidget(self.no_channels)
        right_layout.addWidget(self.warning)
        right_layout.addLayout(channel_buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 920])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for button in (self.add_platform_button, self.save_button, self.add_channel_button,
                       self.edit_channel_button):
            button.setAutoDefault(False)   # Enter in a field saves; it never opens a form
        chain = [self.platform_list, self.add_platform_button, *self.details.tab_chain(),
                 self.save_button, self.language_filter, self.channel_table,
                 self.add_channel_button, self.edit_channel_button]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_platform)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_platform)

        session.changed.connect(self._journal_changed)
        self.reload()

    # -- public --------------------------------------------------------------------------

    def platform_id(self) -> int | None:
        item = self.platform_list.currentItem()
        return item.data(IdRole) if item is not None else None

    def select_platform(self, platform_id: int) -> None:
        """Choose a platform; one not listed yet (just added) is chosen once it is."""
        for row in range(self.platform_list.count()):
            if self.platform_list.item(row).data(IdRole) == platform_id:
                self._wanted_platform = None
                self.platform_list.setCurrentRow(row)
                return
        self._wanted_platform = platform_id

    def selected_channel(self) -> Channel | None:
        rows = self.channel_table.selectionModel().selectedRows()
        return self.channel_model.channel_at(rows[0].row()) if rows else None

    def select_channel(self, channel_id: int) -> None:
        """Choose a channel; one not shown yet (just added) is chosen once it is."""
        row = self.channel_model.row_of(channel_id)
        self._wanted_channel = None if row >= 0 else channel_id
        if row >= 0:
            self.channel_table.selectRow(row)

    def set_language(self, code: str | None) -> None:
        """Show only the channels serving `code` (None: all)."""
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findData(code)))

    def _ask(self, kind: str, fn, on_done, on_error=None) -> None:
        self._asked[kind] += 1
        self.session.read(fn, weak(self._answer, kind, self._asked[kind], on_done),
                          weak(self._answer, kind, self._asked[kind], on_error or
                               self._details_failed))

    def _answer(self, kind: str, asked: int, deliver, value) -> None:
        if asked == self._asked[kind]:
            deliver(value)

    def reload(self) -> None:
        """Platforms and the chosen one's channels, read again off the GUI thread; what is
        shown stays until the answer."""
        self._ask("platforms", lambda j: (j.platforms(), j.channels()), self._reloaded,
                  self._not_reloaded)

    def _not_reloaded(self, sentence: str) -> None:   # e.g. locked: say so, show nothing
        self._details_failed(sentence)
        self._reloaded(([], []))

    def _reloaded(self, answer) -> None:
        platforms, every_channel = answer
        chosen = self._wanted_platform or self.platform_id()
        self._wanted_platform = None
        self._fill_languages(directory_languages(every_channel))
        self.platform_list.blockSignals(True)
        self.platform_list.clear()
        for p in platforms:
            item = QListWidgetItem(p.name, self.platform_list)
            item.setData(IdRole, p.id)
        self.platform_list.blockSignals(False)
        if chosen is not None:
            self.select_platform(chosen)
        if self.platform_list.currentRow() < 0 and self.platform_list.count():
            self.platform_list.setCurrentRow(0)
        self._show_platform()

    def add_platform(self) -> None:
        form = PlatformForm(self.session, self)
        form.saved.connect(lambda p: self.select_platform(p.id))
        self._open(form)

    def save_platform(self) -> None:
        pid = self.platform_id()
        if pid is None or not self.save_button.isEnabled():
            return
        values = self.details.values()
        self.details_error.hide()
        self.save_button.setEnabled(False)
        self.session.submit(lambda j: j.update_platform(pid, **values),
                            on_done=weak(self._platform_saved),
                            on_error=weak(self._details_failed))

    def add_channel(self) -> None:
        pid = self.platform_id()
        if pid is not None:
            form = ChannelForm(self.session, pid, parent=self)
            form.saved.connect(lambda c: self.select_channel(c.id))
            self._open(form)

    def edit_channel(self) -> None:
        channel, pid = self.selected_channel(), self.platform_id()
        if channel is not None and pid is not None:
            form = ChannelForm(self.session, pid, channel, self)
            form.saved.connect(lambda c: self.select_channel(c.id))
            self._open(form)

    def warning_text(self, warning: ContactWarning, channel: Channel) -> str:
        """A directory warning in the window's language (ContactWarning.sentence() is the
        CLI's English)."""
        contact, d = shown_value(channel), warning.details
        if warning.kind == "reported-fake":
            if d.get("platform") in (None, channel.platform):
                return self.tr("{0} is marked as reported fake: it is probably a scam. Do not "
                               "call it, pay or share anything.").format(contact)
            return self.tr("{0} is marked as reported fake for {1}: it is probably a scam. Do "
                           "not call it, pay or share anything.").format(contact, d["platform"])
        if warning.kind == "other-platform":
            return self.tr("{0} is also recorded for {1}. A contact shared by two platforms is "
                           "a common sign of a fake support line.").format(
                               contact, ", ".join(d["platforms"]))
        if warning.kind == "country":
            where = list(d["countries"])
            if len(where) > SHOWN_COUNTRIES:   # +1 toll-free numbers belong to 25 countries
                extra = len(where) - SHOWN_COUNTRIES
                where = [*where[:SHOWN_COUNTRIES], self.tr("%n more", "", extra)]
            return self.tr("{0} is a number in {1}, but {2} lists support in {3} only.").format(
                contact, ", ".join(where), d["platform"], ", ".join(d["listed"]))
        return ""   # the other kinds are about a contact typed in a case, not the directory

    # -- inner workings --------------------------------------------------------------------

    def _open(self, form: SubmitForm) -> None:
        self.form_dialog = form
        form.finished.connect(lambda *_: self._closed(form))
        form.open()

    def _closed(self, form: SubmitForm) -> None:
        if self.form_dialog is form:
            self.form_dialog = None
        form.deleteLater()

    def _platform_saved(self, platform) -> None:
        self.save_button.setEnabled(True)
        self.select_platform(platform.id)

    def _details_failed(self, text: str) -> None:
        self.save_button.setEnabled(True)
        self.details_error.setText(text)
        self.details_error.show()

    def _fill_languages(self, codes: list[str]) -> None:
        chosen = self.language_filter.currentData()
        self.language_filter.blockSignals(True)
        while self.language_filter.count() > 1:
            self.language_filter.removeItem(1)
        for code in codes:
            self.language_filter.addItem(language_name(code), code)
        self.language_filter.setCurrentIndex(max(0, self.language_filter.findData(chosen)))
        self.language_filter.blockSignals(False)

    def _show_platform(self) -> None:
        """The chosen platform's details and channels, read in one go."""
        pid, language = self.platform_id(), self.language_filter.currentData()
        self.details_error.hide()
        if pid is None:
            self._asked["platform"] += 1
            self._platform_read(None, language, (None, []))
            return
        self._asked["channels"] += 1   # this answer brings the channels too
        self._ask("platform", lambda j: (j.platform(pid), j.channels(pid, language=language)),
                  lambda answer: self._platform_read(pid, language, answer),
                  self._platform_failed)

    def _platform_failed(self, sentence: str) -> None:   # one sentence, never a traceback
        self._platform_read(None, None, (None, []))
        self._details_failed(sentence)

    def _platform_read(self, pid, language, answer) -> None:
        platform, channels = answer
        self.details.set_platform(platform)
        self.save_button.setEnabled(platform is not None)
        self._show_channels(pid, language, channels)

    def _fill_channels(self) -> None:
        pid, language = self.platform_id(), self.language_filter.currentData()
        if pid is None:
            self._show_channels(pid, language, [])
            return
        self._ask("channels", lambda j: j.channels(pid, language=language),
                  lambda channels: self._show_channels(pid, language, channels))

    def _show_channels(self, pid, language, channels) -> None:
        kept, self._wanted_channel = self._wanted_channel, None
        if kept is None and self.selected_channel() is not None:
            kept = self.selected_channel().id
        self.channel_model.set_channels(channels)
        self.channel_table.resizeColumnsToContents()
        header = self.channel_table.horizontalHeader()
        for column in range(self.channel_model.COLUMNS - 1):
            header.resizeSection(column, min(header.sectionSize(column), WIDEST_COLUMN))
        if kept is not None and self.channel_model.row_of(kept) >= 0:
            self.channel_table.selectRow(self.channel_model.row_of(kept))
        filtered_out = pid is not None and language is not None and not channels
        self.no_channels.setText(self.tr("No channel of this platform lists {0}.").format(
            self.language_filter.currentText()) if filtered_out else "")
        self.no_channels.setVisible(filtered_out)
        self._channel_chosen()

    def _channel_chosen(self) -> None:
        channel = self.selected_channel()
        self.add_channel_button.setEnabled(self.platform_id() is not None)
        self.edit_channel_button.setEnabled(channel is not None)
        if channel is None:
            self._asked["warnings"] += 1
            self._show_warnings(None, [])
            return
        cid = channel.id   # locked meanwhile: no warning to show
        self._ask("warnings", lambda j: j.channel_warnings(cid),
                  lambda warnings: self._show_warnings(channel, warnings),
                  lambda _sentence: self._show_warnings(channel, []))

    def _show_warnings(self, channel: Channel | None, warnings) -> None:
        texts = [t for t in (self.warning_text(w, channel) for w in warnings) if t]
        self.warning.setText("\n".join(texts))
        self.warning.setVisible(bool(texts))

    def _journal_changed(self, topic: str) -> None:
        if topic == DIRECTORY:
            self.reload()
