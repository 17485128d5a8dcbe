"""Logging a chat, email, in-app message, social DM or letter, with its evidence files.

The case it is for is named at the top and in the window title. After Save the dialog closes
and a short notice over the window says where it went ("Chat saved to “…”").

The text fields are kept as an encrypted draft ("log-<case>") while typing, so a
lock or a crash keeps a pasted transcript; attachments stay in memory or on disk
where they are until the one commit that stores them.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QImage, QKeySequence, QPalette, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.inputs import MAX_ATTACHMENT_BYTES
from ...domain.model import InteractionKind
from ...service import NewAttachment
from ..checklist.checklist_panel import LiveChecklist
from ..dialogs.image_preview import ImagePreview, thumbnail
from ..kit import labels, messages
from ..kit.session import weak
from ..promises.promise_editor import PromisesField, ReferencesField
from .draft_controller import DraftController
from .failed_attempt import ChannelPicker
from .language_picker import LanguagePicker
from .log_files import (  # noqa: F401  (file_thumbnail and png_bytes: for the dialog's users)
    IMAGE_SUFFIXES,
    THUMBNAIL_MAX_BYTES,
    DropZone,
    _file_bytes,
    file_thumbnail,
    png_bytes,
)
from .log_when import WhenField
from .saved_notice import show_saved
from .scam_banner import ScamBanner

CHANNEL_FOR = {"call": "phone", "chat": "chat", "email": "email", "in-app": "in-app",
               "social": "social"}  # the kind of channel each kind of conversation uses


class LogDialog(QDialog):
    logged = Signal(int)

    def __init__(self, session, case_id: int, kind: str = "chat", parent=None):
        super().__init__(parent)
        self.session = session
        self.case_id = case_id
        self.draft_name = f"log-{case_id}"
        self.files: list[Path | NewAttachment] = []
        self._images: dict[int, bytes] = {}  # id(entry) -> bytes, for previews
        self._quiet = True
        self._saving = False
        self.case = None   # the case, once read
        self.saved_text = ""   # after Save: "Chat saved to “…”"
        self.setWindowTitle(self.tr("Log a conversation"))
        self._build(kind)
        session.read(lambda j: j.case(case_id), weak(self._case_read))
        self.drafts = DraftController(session, self.draft_name, self.draft_body,
                                      self.draft_state, ready=self._typing, typed=self._typed,
                                      parent=self)
        self.restore_draft()
        self._quiet = False
        self._fit_to_screen(720, 760)

    def _build(self, kind: str) -> None:
        self.kind = QComboBox()
        for value, text in labels.choices(InteractionKind, labels.interaction_kind):
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.channel = ChannelPicker(self.session, self.tr("Other contact…"), self)
        self.channel.set_case(self.case_id, prefer_kind=CHANNEL_FOR.get(kind))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.when = WhenField(kind, self)
        self.start, self.end = self.when.start, self.when.end
        self.language = LanguagePicker(self)
        self.agent = QLineEdit()
        self.agent.setPlaceholderText(self.tr("Name or ID the agent gave"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the transcript or email text"))
        self.text.setAccessibleName(self.tr("Transcript"))
        self.references = ReferencesField(self)
        self.promises = PromisesField(self)
        self.checklist = LiveChecklist(self.session, self)  # ticks go with the conversation
        self.checklist.set_case(self.case_id)
        self.drop = DropZone(self)
        self.drop.filesDropped.connect(self.add_files)
        self.drop.imagePasted.connect(self.add_image)
        self.add_button = QPushButton(self.tr("Add &files…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.choose_files)
        self.file_list = QVBoxLayout()
        self.file_list.setContentsMargins(0, 0, 0, 0)
        self.file_note = QLabel()
        self.file_note.setWordWrap(True)
        self.file_note.hide()
        files = QVBoxLayout()
        drop_row = QHBoxLayout()
        drop_row.addWidget(self.drop, 1)
        drop_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        files.addLayout(drop_row)
        files.addWidget(self.file_note)
        files.addLayout(self.file_list)

        form = QFormLayout()
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Channel"), self.channel)
        when = QLabel(self.tr("&When"))
        when.setBuddy(self.start)
        form.addRow(when, self.when)
        form.addRow(self.tr("&Agent"), self.agent)
        form.addRow(self.tr("Lan&guage"), self.language)
        self.scam_banner = ScamBanner(self)
        self.text.textChanged.connect(lambda: self.scam_banner.check(self.text.toPlainText()))
        form.addRow("", self.scam_banner)
        form.addRow(self.tr("&Text"), self.text)
        form.addRow(self.tr("&Reference"), self.references)
        form.addRow(self.tr("Promises"), self.promises)
        form.addRow("", self.checklist)
        form.addRow(self.tr("Attachments"), files)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.draft_state = QLabel()
        self.draft_state.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the commit reports no steps
        self.progress.hide()
        # Plain buttons, none default: Enter in a field must not save half a log.
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save"))
        for button in (self.cancel_button, self.save_button):
            button.setAutoDefault(False)
        sequence = QKeySequence("Ctrl+Return")
        self.save_button.setToolTip(self.tr("Save this conversation ({0})").format(
            sequence.toString(QKeySequence.SequenceFormat.NativeText)))
        QShortcut(sequence, self, self.accept)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.accept)
        self.save_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.draft_state, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        self.heading = QLabel()   # the case's title, once read (a moment after opening)
        self.heading.setObjectName("logCase")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.heading.setMinimumHeight(self.heading.fontMetrics().height())   # no jump
        self.case_line = QLabel()   # its platform and category
        self.case_line.setObjectName("logCasePlatform")
        self.case_line.setTextFormat(Qt.TextFormat.PlainText)
        self.case_line.setWordWrap(True)
        self.case_line.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.case_line.setMinimumHeight(self.case_line.fontMetrics().height())
        # The fields scroll when the screen is short (1280×800 at 150 %); which case it is
        # and the buttons stay in view.
        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("logFields")
        self.scroll.setAccessibleName(self.tr("Conversation details"))
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes to its fields
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.case_line)
        layout.addSpacing(6)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.channel.changed.connect(self._channel_changed)
        for signal in (self.kind.currentIndexChanged, self.when.changed,
                       self.agent.textChanged, self.text.textChanged,
                       self.references.changed, self.promises.changed, self.checklist.changed,
                       self.language.picked):
            signal.connect(self._edited)
        self.channel.changed.connect(lambda: self.language.suggest(self.channel.languages()))
        self.language.suggest(self.channel.languages())
        self.text.setFocus()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """This size, or the screen's available area less a margin where that is smaller."""
        screen = (self.parentWidget().screen() if self.parentWidget() is not None
                  else self.screen())
        room = screen.availableGeometry() if screen is not None else None
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(max(width, 360), max(height, 300))

    def _kind_changed(self) -> None:
        """An email goes to the email address: follow the kind unless a contact was typed.
        An email is one moment, a chat a span of time."""
        self.when.set_kind(self.kind.currentData())
        if not self._quiet and self.channel.value()[0] is not None:
            self.channel.prefer(CHANNEL_FOR.get(self.kind.currentData()))

    # -- the case ------------------------------------------------------------------------

    def _case_read(self, case) -> None:
        self.case = case
        self.heading.setText(case.title)
        self.heading.setAccessibleName(self.tr("Case: {0}").format(case.title))
        self.case_line.setText(" · ".join(t for t in (case.platform,
                                                      labels.category(case.category)) if t))
        self.setWindowTitle(self.tr("Log a conversation: {0} ({1})").format(
            case.title, case.platform))

    # -- attachments ---------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.add_files(paths)

    def add_files(self, paths) -> None:
        problems = []
        for raw in paths:
            path = Path(raw)
            try:
                size = os.stat(path).st_size
            except OSError:
                problems.append(self.tr("{0} cannot be read; it was not added.").format(path.name))
                continue
            if not path.is_file():
                problems.append(self.tr("{0} is not a file; attach files one by one.")
                                .format(path.name))
            elif size > MAX_ATTACHMENT_BYTES:
                problems.append(self.tr("{0} is larger than {1} MB; it was not added.")
                                .format(path.name, MAX_ATTACHMENT_BYTES // 2**20))
            elif path not in self.files:
                image = path.suffix.lower() in IMAGE_SUFFIXES and size <= THUMBNAIL_MAX_BYTES
                self._add(path, path.name, size, file_thumbnail(path, 48) if image else None,
                          lambda p=path: _file_bytes(p))
        self.file_note.setText(" ".join(problems))
        self.file_note.setVisible(bool(problems))

    def add_image(self, image: QImage) -> None:
        stamp = QDateTime.currentDateTime().toString("yyyyMMdd-HHmmss")
        data = png_bytes(image)
        entry = NewAttachment(name=f"pasted-image-{stamp}.png", media_type="image/png", data=data)
        self._add(entry, entry.name, len(data), thumbnail(data, 48), lambda: entry.data)

    def _add(self, entry, name: str, size: int, picture: QPixmap | None, image) -> None:
        """A row for the file; `picture` its thumbnail, `image()` its bytes for the preview
        (a dropped file is read from disk only when its preview opens)."""
        self.files.append(entry)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        if picture is not None and not picture.isNull():
            view = QToolButton()
            view.setIcon(picture)
            view.setIconSize(picture.size())
            view.setAutoRaise(True)
            view.setToolTip(self.tr("Show {0}").format(name))
            view.clicked.connect(lambda: self._preview(image(), name))
            line.addWidget(view)
        line.addWidget(QLabel(name), 1)
        line.addWidget(QLabel(QLocale().formattedDataSize(size)))
        remove = QToolButton()
        remove.setText("×")
        remove.setToolTip(self.tr("Remove {0}").format(name))
        remove.setAccessibleName(self.tr("Remove {0}").format(name))
        remove.clicked.connect(lambda: self._remove(entry, row))
        line.addWidget(remove)
        self.file_list.addWidget(row)
        self._edited()

    def _remove(self, entry, row: QWidget) -> None:
        self.files = [f for f in self.files if f is not entry]
        row.deleteLater()
        self._edited()

    def _preview(self, data: bytes, name: str) -> None:
        preview = ImagePreview(data, name, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()

    # -- drafts --------------------------------------------------------------------------

    def draft_body(self) -> dict:
        channel_id, contact = self.channel.value()
        return {"kind": self.kind.currentData(), "channel_id": channel_id, "contact": contact,
                "start": self.when.times()[0], "end": self.when.times()[1],
                "agent": self.agent.text(), "notes": self.text.toPlainText(),
                "language": self.language.value() if self.language.touched else None,
                "references": [list(r) for r in self.references.references()],
                "reference_typed": self.references.pending_text(),
                "promises": [[p.text, p.due] for p in self.promises.promises()],
                "files": [str(f) for f in self.files if isinstance(f, Path)],
                "answered": self.checklist.ticked()}

    def _typing(self) -> bool:
        """Not being saved: the draft follows what is typed."""
        return not self._saving

    def _edited(self) -> None:
        if not self._quiet:
            self.drafts.edited()

    def _channel_changed(self) -> None:
        if not self.channel.loading():   # not the channels being filled in by code
            self._edited()

    def save_draft_now(self) -> None:
        """Save the text typed so far (the window calls this before it locks)."""
        self.drafts.save_now()

    def restore_draft(self, on_done=None) -> None:
        """Put back the draft kept for this case (read off the GUI thread); on_done(True) if
        there was one. What was typed meanwhile is not overwritten."""
        self.drafts.load(weak(self._draft_read, on_done))

    def _draft_read(self, on_done, body) -> None:
        restored = bool(body) and not self._typed()
        if restored:
            self._restore(body)
        if on_done is not None:
            on_done(restored)

    def _restore(self, body: dict) -> None:
        quiet, self._quiet = self._quiet, True
        self.kind.setCurrentIndex(max(0, self.kind.findData(body.get("kind"))))
        self.channel.set_value(body.get("channel_id"), body.get("contact"))
        self.when.set_times(body.get("start"), body.get("end"))
        self.agent.setText(body.get("agent") or "")
        if body.get("language"):
            self.language.set_value(body["language"], by_user=True)
        self.text.setPlainText(body.get("notes") or "")
        self.references.set_references(body.get("references") or [],
                                       body.get("reference_typed") or "")
        self.promises.set_promises(body.get("promises") or [])
        self.checklist.set_ticked(body.get("answered") or [])
        self.add_files([p for p in body.get("files") or [] if Path(p).is_file()])
        self._quiet = quiet
        self.drafts.show_restored()

    def _typed(self) -> bool:
        return bool(self.text.toPlainText().strip() or self.agent.text().strip() or self.files
                    or self.references.references() or self.promises.promises())

    # -- saving --------------------------------------------------------------------------

    def accept(self) -> None:
        if self._saving or not self.references.add_pending():
            return
        channel_id, contact = self.channel.value()
        case_id, files = self.case_id, list(self.files)
        start, end = self.when.times()
        fields = dict(kind=self.kind.currentData(), channel_id=channel_id, contact=contact,
                      start=start, end=end,
                      agent=self.agent.text().strip() or None, language=self.language.value(),
                      notes=self.text.toPlainText(), references=self.references.references(),
                      promises=self.promises.promises(), attachments=files,
                      draft=self.draft_name)
        ticked = self.checklist.ticked()
        self._busy(True)
        self.session.submit(lambda j: j.log(case_id, answered=j.answerable(case_id, ticked),
                                            **fields), on_done=weak(self._logged),
                            on_error=weak(self._failed))

    def _busy(self, busy: bool) -> None:
        self._saving = busy
        if busy:
            self.drafts.hold()
        self.progress.setVisible(busy)
        self.message.hide()
        self.draft_state.setText(self.tr("Saving…") if busy else "")
        for widget in (self.kind, self.channel, self.start, self.end, self.agent, self.language,
                       self.text,
                       self.references, self.promises, self.checklist, self.drop,
                       self.add_button, self.save_button):
            widget.setEnabled(not busy)

    def _logged(self, interaction) -> None:
        self._saving = False
        self.saved_text = self._saved_sentence(interaction.kind.value)
        near = self.parentWidget()
        self.logged.emit(interaction.id)
        super().accept()
        show_saved(near, self.saved_text, self.session)

    def _saved_sentence(self, kind: str) -> str:
        what = labels.interaction_kind(kind)
        if self.case is None:
            return self.tr("{0} saved.").format(what)
        return self.tr("{0} saved to “{1}”").format(what, self.case.title)

    def _failed(self, sentence: str) -> None:
        self._busy(False)
        self.message.setText(sentence)
        self.message.show()

    def reject(self) -> None:
        """Cancel: ask before throwing away what was typed; the draft goes with it."""
        if self._saving:
            return
        if self._typed() and not messages.confirm(
                self, self.tr("Discard this conversation? The text you typed will not be "
                              "saved."), self.tr("Discard")):
            return
        self.drafts.discard()
        super().reject()

    def keep_draft_and_close(self) -> None:
        """Close without asking, keeping the draft (the app is quitting)."""
        self.save_draft_now()
        self._saving = True  # nothing more to save
        super().reject()
