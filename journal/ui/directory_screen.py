"""The directory: each platform and the channels to reach its real support.

Where a channel came from matters as much as the number itself: scammers publish
fake support numbers, so every channel records its source.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import ChannelKind, ChannelSource, PlatformKind
from . import labels
from .promises_panel import warning_colour
from .session import DIRECTORY, Session, weak

IdRole = Qt.ItemDataRole.UserRole + 1


def _combo(parent, enum, label) -> QComboBox:
    combo = QComboBox(parent)
    for value, text in labels.choices(enum, label):
        combo.addItem(text, value)
    return combo


def _select(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(max(0, combo.findData(str(value))))


def _error_label(parent) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
    label.setPalette(palette)
    label.hide()
    return label


def _languages(text: str) -> list[str]:
    return [code.strip() for code in text.replace("，", ",").split(",") if code.strip()]


class _Form(QDialog):
    """A small form whose OK runs the change off-thread and stays open on an error."""

    saved = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error = _error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def work(self):  # the change, as a function of the journal
        raise NotImplementedError

    def _submit(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self.session.submit(self.work(), topics=(DIRECTORY,), on_done=weak(self._done),
                            on_error=weak(self.show_error))

    def _done(self, record) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(record)
        self.accept()

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()


class PlatformForm(_Form):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("Add platform"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Coinbase"))
        self.kind = _combo(self, PlatformKind, labels.platform_kind)
        self.website = QLineEdit(self)
        self.website.setPlaceholderText("https://")
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Website:"), self.website)

    def work(self):
        name, kind, website = self.name.text(), self.kind.currentData(), self.website.text()
        return lambda j: j.add_platform(name, kind=kind, website=website.strip() or None)


class ChannelForm(_Form):
    """Add a channel to a platform, or correct one (channel given)."""

    def __init__(self, session: Session, platform_id: int, channel=None,
                 parent: QWidget | None = None):
        super().__init__(session, parent)
        self.platform_id, self.channel = platform_id, channel
        self.setWindowTitle(self.tr("Edit channel") if channel else self.tr("Add channel"))
        self.kind = _combo(self, ChannelKind, labels.channel_kind)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(self.tr("Phone number, address or link"))
        self.source = _combo(self, ChannelSource, labels.channel_source)
        self.source_url = QLineEdit(self)
        self.source_url.setPlaceholderText(self.tr("The page where you found it"))
        self.languages = QLineEdit(self)
        self.languages.setPlaceholderText(self.tr("e.g. en, zh-CN"))
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Value:"), self.value)
        self.form.addRow(self.tr("&Source:"), self.source)
        self.form.addRow(self.tr("Source &URL:"), self.source_url)
        self.form.addRow(self.tr("&Languages:"), self.languages)
        if channel is not None:
            _select(self.kind, channel.kind)
            self.value.setText(channel.value)
            _select(self.source, channel.source)
            self.source_url.setText(channel.source_url or "")
            self.languages.setText(", ".join(channel.languages))
        else:
            _select(self.source, ChannelSource.OFFICIAL_SITE)

    def work(self):
        fields = dict(kind=self.kind.currentData(), value=self.value.text(),
                      source=self.source.currentData(),
                      source_url=self.source_url.text().strip(),
                      languages=_languages(self.languages.text()))
        if self.channel is not None:
            cid = self.channel.id
            return lambda j: j.update_channel(cid, **fields)
        pid = self.platform_id
        fields["source_url"] = fields["source_url"] or None
        return lambda j: j.add_channel(pid, **fields)


class DirectoryScreen(QDialog):
    """Platforms on the left; the chosen one's details and channels on the right."""

    COLUMNS = 5

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("directoryScreen")
        self.setWindowTitle(self.tr("Directory"))
        self.resize(900, 520)
        self.form_dialog: _Form | None = None    # the open Add/Edit form, if any
        self._channels = []

        self.platform_list = QListWidget(self)
        self.platform_list.setObjectName("platformList")
        self.platform_list.currentItemChanged.connect(lambda *_: self._show_platform())
        self.add_platform_button = QPushButton(self.tr("&Add…"), self)
        self.add_platform_button.clicked.connect(self.add_platform)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.platform_list, 1)
        left_layout.addWidget(self.add_platform_button)

        self.name = QLineEdit(self)
        self.kind = _combo(self, PlatformKind, labels.platform_kind)
        self.website = QLineEdit(self)
        self.website.setPlaceholderText("https://")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save the platform (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_platform)
        self.details_error = _error_label(self)
        details = QFormLayout()
        details.addRow(self.tr("&Name:"), self.name)
        details.addRow(self.tr("&Kind:"), self.kind)
        details.addRow(self.tr("&Website:"), self.website)
        save_row = QHBoxLayout()
        save_row.addWidget(self.details_error, 1)
        save_row.addStretch(0)   # keeps Save its own size while no error is shown
        save_row.addWidget(self.save_button)
        for field in (self.name, self.website):
            field.returnPressed.connect(self.save_platform)

        self.why = QLabel(self.tr("Use only official channels: scammers publish fake support "
                                  "numbers. Note where you found each one."), self)
        self.why.setWordWrap(True)
        self.channel_table = QTableWidget(0, self.COLUMNS, self)
        self.channel_table.setObjectName("channelTable")
        self.channel_table.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("Value"), self.tr("Source"), self.tr("Source URL"),
            self.tr("Languages")])
        self.channel_table.verticalHeader().hide()
        self.channel_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.channel_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channel_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.channel_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.channel_table.activated.connect(lambda *_: self.edit_channel())
        self.channel_table.itemSelectionChanged.connect(self._update_buttons)
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
        right_layout.addLayout(details)
        right_layout.addLayout(save_row)
        right_layout.addWidget(self.why)
        right_layout.addWidget(self.channel_table, 1)
        right_layout.addLayout(channel_buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 680])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        for button in (self.add_platform_button, self.save_button, self.add_channel_button,
                       self.edit_channel_button):
            button.setAutoDefault(False)   # Enter in a field saves; it never opens a form
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_platform)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.add_platform)

        session.changed.connect(self._journal_changed)
        self.reload()

    # -- public --------------------------------------------------------------------------

    def platform_id(self) -> int | None:
        item = self.platform_list.currentItem()
        return item.data(IdRole) if item is not None else None

    def select_platform(self, platform_id: int) -> None:
        for row in range(self.platform_list.count()):
            if self.platform_list.item(row).data(IdRole) == platform_id:
                self.platform_list.setCurrentRow(row)
                return

    def reload(self) -> None:
        """Platforms and the chosen one's channels, read again (quick: a few hundred rows)."""
        chosen = self.platform_id()
        try:
            platforms = self.session.call(lambda j: j.platforms())
        except Exception as exc:  # noqa: BLE001 - e.g. locked: say so, show nothing
            self.details_error.setText(str(exc))
            self.details_error.show()
            platforms = []
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
        if pid is None:
            return
        name, kind, website = self.name.text(), self.kind.currentData(), self.website.text()
        self.details_error.hide()
        self.save_button.setEnabled(False)
        self.session.submit(
            lambda j: j.update_platform(pid, name=name, kind=kind, website=website.strip()),
            topics=(DIRECTORY,), on_done=weak(self._platform_saved),
            on_error=weak(self._details_failed))

    def add_channel(self) -> None:
        pid = self.platform_id()
        if pid is not None:
            self._open(ChannelForm(self.session, pid, parent=self))

    def edit_channel(self) -> None:
        rows = self.channel_table.selectionModel().selectedRows()
        pid = self.platform_id()
        if rows and pid is not None:
            self._open(ChannelForm(self.session, pid, self._channels[rows[0].row()], self))

    # -- inner workings --------------------------------------------------------------------

    def _open(self, form: _Form) -> None:
        self.form_dialog = form
        form.finished.connect(lambda *_: self._closed(form))
        form.open()

    def _closed(self, form: _Form) -> None:
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

    def _show_platform(self) -> None:
        pid = self.platform_id()
        self.details_error.hide()
        platform, channels = None, []
        if pid is not None:
            try:
                platform = self.session.call(lambda j: j.platform(pid))
                channels = self.session.call(lambda j: j.channels(pid))
            except Exception as exc:  # noqa: BLE001 - one sentence, never a traceback
                self._details_failed(str(exc))
        for widget in (self.name, self.kind, self.website, self.save_button):
            widget.setEnabled(platform is not None)
        self.name.setText(platform.name if platform else "")
        _select(self.kind, platform.kind if platform else PlatformKind.OTHER)
        self.website.setText(platform.website or "" if platform else "")
        self._fill_channels(channels)

    def _fill_channels(self, channels) -> None:
        self._channels = list(channels)
        self.channel_table.setRowCount(len(self._channels))
        for row, ch in enumerate(self._channels):
            cells = (labels.channel_kind(ch.kind), ch.value, labels.channel_source(ch.source),
                     ch.source_url or "", ", ".join(ch.languages))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, ch.id)
                item.setToolTip(text)
                self.channel_table.setItem(row, column, item)
        self.channel_table.resizeColumnToContents(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_platform = self.platform_id() is not None
        self.add_channel_button.setEnabled(has_platform)
        self.edit_channel_button.setEnabled(
            has_platform and bool(self.channel_table.selectionModel().selectedRows()))

    def _journal_changed(self, topic: str) -> None:
        if topic == DIRECTORY:
            self.reload()
