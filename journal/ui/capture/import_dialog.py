"""Import evidence: support e-mails, chat exports and transcripts read into a case.

Each file added (Add files…, or dropped on the dialog or on the case) is read off the GUI thread
and previewed (import_preview.py): what it holds and the entries it would make, what the case
already holds (skipped), or one sentence saying why it cannot be read; the other files stay
importable. When a reader needs to be told something (the date order of a chat, its time zone,
which chat of a Telegram export) the dialog says so in one sentence and offers the field; what
is shown there (the system's time zone) is only used once the user confirms it. Import writes
every file in one transaction off the GUI thread, with a progress bar and Cancel (nothing is
then written), then says what it did and closes.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.evidence.telegram import telegram_chats
from ...errors import BadInput
from ..dialogs.journal_tasks import TaskProgress, _Relay
from ..kit import messages, settings
from ..kit.error_text import translated
from ..kit.session import weak
from .import_preview import FilePreview
from .saved_notice import show_saved

# What a reader asks to be told, by the code of its BadInput.
NEEDS = {"evidence.whatsapp_timezone": "timezone", "evidence.transcript_timezone": "timezone",
         "evidence.telegram_needs_timezone": "timezone",
         "evidence.email_date_no_zone": "timezone",
         "evidence.whatsapp_date_order": "date_order",
         "evidence.transcript_date_order": "date_order",
         "evidence.telegram_choose_chat": "chat"}
# A value the user gave that the reader refused: asked for again, with the reader's sentence.
REFUSED = {"evidence.whatsapp_bad_timezone": "timezone",
           "evidence.email_bad_timezone": "timezone",
           "evidence.telegram_no_such_chat": "chat", "evidence.telegram_chat_ambiguous": "chat"}


def _preview(journal, case_id: int, path: str, options: dict):
    """On the worker: ("plan", plan, platform, None), ("need", what, chats, refused or None) or
    ("bad", BadInput, None, None)."""
    try:
        plan = journal.read_evidence([path], case_id=case_id, **options)
        return "plan", plan.files[0], plan.platform, None
    except BadInput as exc:
        need = NEEDS.get(exc.code) or REFUSED.get(exc.code)
        if need is None:
            return "bad", exc, None, None
        chats = telegram_chats(Path(path).read_bytes(), Path(path).name) if need == "chat" \
            else None
        return "need", need, chats, exc if exc.code in REFUSED else None


def local_files(mime) -> list[str]:
    """The local files of a drag's or drop's data: files, and Telegram export folders (their
    result.json is read); other folders and web links are not files."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [str(p) for p in paths if p.is_file() or (p / "result.json").is_file()]


class ImportDialog(QDialog):
    imported = Signal(int)       # the case id, once entries are written

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.case_title = ""
        # What the user confirmed: timezone, date_order, chat; and check_dkim, remembered.
        self.options: dict = {"check_dkim": True} if settings.check_dkim() else {}
        self.previews: dict[str, FilePreview] = {}
        self.running = False
        self.progress: TaskProgress | None = None
        self.done_text = ""
        self.setAcceptDrops(True)
        self.setWindowTitle(self.tr("Import evidence"))
        self._build()
        session.read(lambda j: j.case(case_id), weak(self._case_read))

    def _build(self) -> None:
        self.heading = QLabel(self.tr("Import evidence"))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        intro = QLabel(self.tr(
            "Add the support e-mails (.eml, .mbox), chat exports (WhatsApp .txt or .zip, "
            "Telegram result.json) or saved chat transcripts, or drop them here. Each e-mail "
            "becomes an entry, each chat one entry, with the original file kept as an exhibit. "
            "Nothing is written until you import."))
        intro.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.choose_files)

        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No files yet."))
        self.list_layout.addWidget(self.empty)
        self.list_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list)
        self.scroll.setAccessibleName(self.tr("Files to import"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes to the files' buttons
        self.scroll.setMinimumHeight(220)

        # What a reader needs to be told: shown only when one asks.
        self.needs = QGroupBox(self.tr("The files need a word from you"))
        self.need_text = QLabel()
        self.need_text.setWordWrap(True)
        self.date_order = QComboBox()
        for text, value in ((self.tr("Choose…"), None),
                            (self.tr("Day, month, year (31/12/2026)"), "dmy"),
                            (self.tr("Month, day, year (12/31/2026)"), "mdy"),
                            (self.tr("Year, month, day (2026/12/31)"), "ymd")):
            self.date_order.addItem(text, value)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        system = bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"
        zones = sorted({bytes(z).decode() for z in QTimeZone.availableTimeZoneIds()})
        self.timezone.addItems(zones or [system])
        self.timezone.setCurrentText(system)
        self.chat = QComboBox()
        self.apply_button = QPushButton(self.tr("Use these"))
        self.apply_button.clicked.connect(self.apply_options)
        form = QFormLayout()
        form.addRow(self.need_text)
        self.date_label = QLabel(self.tr("&Date order:"))
        self.date_label.setBuddy(self.date_order)
        form.addRow(self.date_label, self.date_order)
        self.zone_label = QLabel(self.tr("&Time zone:"))
        self.zone_label.setBuddy(self.timezone)
        form.addRow(self.zone_label, self.timezone)
        self.chat_label = QLabel(self.tr("C&hat:"))
        self.chat_label.setBuddy(self.chat)
        form.addRow(self.chat_label, self.chat)
        form.addRow(self.apply_button)
        self.needs.setLayout(form)
        self.needs.hide()

        self.dkim = QCheckBox(self.tr("Check the e-mails' &signatures online (DKIM)"))
        self.dkim.setToolTip(self.tr(
            "Asks DNS for the public key of each signer, to show whether the sender's domain "
            "signed the message and it is unchanged. Nothing else is sent. Keys change: the "
            "result of today is recorded with the entry."))
        self.dkim.setChecked(bool(self.options.get("check_dkim")))
        self.dkim.toggled.connect(self.allow_dkim)

        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.bar.hide()
        self.status = messages.error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.needs)
        layout.addWidget(self.dkim)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self._update()

    def _case_read(self, case) -> None:
        self.case_title = case.title
        title = self.tr("Import evidence into «{0}»").format(case.title)
        self.setWindowTitle(title)
        self.heading.setText(title)

    # -- the files ---------------------------------------------------------------------------

    def choose_files(self) -> None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence files"), start,
            ";;".join([self.tr("Evidence files (*.eml *.mbox *.json *.txt *.zip)"),
                       self.tr("All files (*)")]))
        self.add_files(names)

    def add_files(self, paths) -> None:
        for path in paths:
            folder = Path(path)
            if folder.is_dir() and (folder / "result.json").is_file():
                path = folder / "result.json"     # a Telegram export's folder, dropped
            path = str(Path(path))
            if path in self.previews:
                continue
            preview = FilePreview(path, Path(path).name, self.list)
            preview.removed.connect(self.remove_file)
            self.previews[path] = preview
            self.list_layout.insertWidget(self.list_layout.count() - 1, preview)
            self._read(preview)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab reaches the files' buttons in the order they are listed, after Add files."""
        previous = self.add_button
        for preview in self.previews.values():
            QWidget.setTabOrder(previous, preview.remove)
            previous = preview.remove
        self._update()

    def remove_file(self, path: str) -> None:
        preview = self.previews.pop(path, None)
        if preview is not None and not self.running:
            preview.hide()
            preview.deleteLater()
        self._update()

    def _read(self, preview: FilePreview) -> None:
        preview.show_waiting()
        case_id, path, options = self.case_id, preview.path, dict(self.options)
        self.session.read(lambda j: _preview(j, case_id, path, options),
                          weak(self._read_done, path), weak(self._read_failed, path))

    def _read_done(self, path: str, answer) -> None:
        preview = self.previews.get(path)
        if preview is None:
            return
        what, value, extra, refused = answer
        if what == "plan":
            preview.show_plan(value, extra)     # extra: the case's platform
        elif what == "bad":
            preview.show_error(translated(value))
        else:
            preview.show_need(value, translated(refused) if refused is not None
                              else self._need_sentence(value))
            chats = extra                       # a Telegram export's chats, if asked
            if chats:
                self.chat.clear()
                for chat_id, name, _kind, count in chats:
                    self.chat.addItem(self.tr("{0} (%n message(s))", "", count).format(
                        name or chat_id), chat_id)
        self._update()

    def _read_failed(self, path: str, sentence: str) -> None:
        if path in self.previews:
            self.previews[path].show_error(sentence)
        self._update()

    def _need_sentence(self, need: str) -> str:
        return {"timezone": self.tr(
                    "Its times are written without a time zone: say which zone they are in, "
                    "then press Use these."),
                "date_order": self.tr(
                    "Its dates could be read two ways: say how they are written, then press "
                    "Use these."),
                "chat": self.tr(
                    "It holds several chats: choose the one to import, then press Use these."),
                }[need]

    def apply_options(self) -> None:
        """The fields shown, confirmed by the user: every file is read again with them."""
        shown = {p.need for p in self.previews.values() if p.need}
        if "timezone" in shown:
            self.options["timezone"] = self.timezone.currentText().strip()
        if "date_order" in shown and self.date_order.currentData() is not None:
            self.options["date_order"] = self.date_order.currentData()
        if "chat" in shown and self.chat.currentIndex() >= 0:
            self.options["chat"] = self.chat.currentData()
        for preview in self.previews.values():
            self._read(preview)
        self._order_tabs()

    def allow_dkim(self, allowed: bool) -> None:
        """Ticked: the signatures are checked (and every file read again to show it); the
        choice is remembered for the next import."""
        settings.set_check_dkim(allowed)
        if allowed:
            self.options["check_dkim"] = True
        else:
            self.options.pop("check_dkim", None)
        for preview in self.previews.values():
            self._read(preview)

    # -- importing ---------------------------------------------------------------------------

    @property
    def to_make(self) -> int:
        return sum(p.to_make for p in self.previews.values())

    def _importable(self) -> list[str]:
        return [p.path for p in self.previews.values() if p.to_make]

    def _update(self) -> None:
        self.empty.setVisible(not self.previews)
        wanted = {p.need for p in self.previews.values() if p.need}
        self.needs.setVisible(bool(wanted) and not self.running)
        self.need_text.setText("\n".join(
            self.tr("{0}: {1}").format(", ".join(p.name for p in self.previews.values()
                                                 if p.need == n), self._need_sentence(n))
            for n in ("date_order", "timezone", "chat") if n in wanted))
        for need, label, field in (("date_order", self.date_label, self.date_order),
                                   ("timezone", self.zone_label, self.timezone),
                                   ("chat", self.chat_label, self.chat)):
            label.setVisible(need in wanted)
            field.setVisible(need in wanted)
        n = self.to_make
        self.import_button.setText(self.tr("Import %n entry(s)", "", n) if n
                                   else self.tr("Import"))
        self.import_button.setEnabled(n > 0 and not self.running)
        self.add_button.setEnabled(not self.running)
        self.dkim.setEnabled(not self.running)
        for preview in self.previews.values():
            preview.remove.setEnabled(not self.running)

    def start_import(self) -> None:
        paths = self._importable()
        if not paths or self.running:
            return
        self.running = True
        self.status.hide()
        self.bar.setRange(0, 0)
        self.bar.show()
        relay = _Relay(self)
        relay.told.connect(self._told)
        self.progress = progress = TaskProgress(relay)
        case_id, options = self.case_id, dict(self.options)
        self._update()
        self.session.submit(
            lambda j: j.import_evidence(case_id, paths, progress=progress, **options),
            on_done=weak(self._imported), on_error=weak(self._import_failed))

    def _told(self, stage: str, done: int, total: int) -> None:
        if self.running and stage == "importing" and total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _imported(self, result) -> None:
        self.running = False
        self.done_text = self.tr("Imported %n entry(s) into «{0}»", "", result.made).format(
            self.case_title)
        self.imported.emit(self.case_id)
        show_saved(self.parentWidget(), self.done_text, self.session)
        self.accept()

    def _import_failed(self, sentence: str) -> None:
        cancelled = self.progress is not None and self.progress.cancelled
        self.running = False
        self.bar.hide()
        self.status.setText(self.tr("The import was stopped: nothing was written.")
                            if cancelled else sentence)
        self.status.show()
        self._update()

    def reject(self) -> None:
        if self.running:      # Cancel, Esc, the close button: stop the import first
            if self.progress is not None:
                self.progress.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    # -- dropping files ---------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if local_files(event.mimeData()) and not self.running:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        files = local_files(event.mimeData())
        if files and not self.running:
            event.acceptProposedAction()
            self.add_files(files)
