"""One entry of a case's timeline as a card: what happened, who said what, the numbers
to copy, the promises and the files."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QLocale,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.channels import display_phone, phone_key
from ...domain.model import Interaction
from ..kit import formatting, labels, resources
from ..kit.flow_layout import FlowLayout
from ..kit.palette import muted_palette
from .timeline_style import (
    CHIP_STYLE,
    NOTE_SHOWN,
    THUMBNAIL,
    THUMBNAIL_MAX_BYTES,
    _overdue,
    headline,
)


def shown_contact(contact: str) -> str:
    """A number stored in E.164 (+18889081234) as people read it; anything typed, as typed."""
    return display_phone(contact) if phone_key(contact) == contact else contact


class ReferenceChip(QToolButton):
    """A reference number as a small rounded button; a click (or Ctrl+C) copies the value."""

    def __init__(self, kind, value: str, parent=None):
        super().__init__(parent)
        self.value = value
        self._label = self.tr("{0} {1}").format(labels.reference_kind(kind), value)
        self.setText(self._label)
        self.setIcon(resources.icon("reference"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setToolTip(self.tr("Click to copy"))
        self.setAccessibleName(self._label)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(CHIP_STYLE)
        self._restore = QTimer(self, singleShot=True, interval=1200)
        self._restore.timeout.connect(lambda: self.setText(self._label))
        self.clicked.connect(self.copy)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        self.setMinimumWidth(self.sizeHint().width())  # "Copied" must not make the row jump
        self.setText(self.tr("Copied"))
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), self.tr("Copied"), self)
        self._restore.start()

    def event(self, event):
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Copy)):
            event.accept()  # Ctrl+C here copies the chip, not whatever a menu would copy
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        super().keyPressEvent(event)


def _thumbnail(data: bytes) -> QImage:
    """Runs on the worker: QImage (unlike QPixmap) may be made off the GUI thread."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class InteractionCard(QFrame):
    """Everything recorded about one interaction, laid out to be read at a glance."""

    amendRequested = Signal(int)
    historyRequested = Signal(int)
    previewRequested = Signal(int, str)  # attachment id, name

    def __init__(self, interaction: Interaction, session, parent=None):
        super().__init__(parent)
        self.interaction = interaction
        self._session = session
        item = interaction
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"interaction-{item.id}")
        layout = QVBoxLayout(self)
        layout.setSpacing(4)

        top = QHBoxLayout()
        icon = QLabel(self)
        size = self.fontMetrics().height() + 4
        icon.setPixmap(resources.icon("failed-call" if item.outcome.failed else item.kind.value)
                       .pixmap(size, size))
        top.addWidget(icon)
        self.title = QLabel(headline(item), self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setStrikeOut(item.voided)
        self.title.setFont(font)
        top.addWidget(self.title)
        if item.outcome.failed:
            self.title.setToolTip(self.tr("A failed attempt: nobody was reached."))
        top.addStretch(1)
        self.amended: QLabel | None = None
        if item.amended:
            self.amended = QLabel(self.tr("Amended"), self)
            self.amended.setObjectName("amendedBadge")
            self.amended.setToolTip(self.tr("Changed after it was recorded; the earlier "
                                            "version stays in the record."))
            top.addWidget(self.amended)
        if item.amended or item.voided:
            history = QPushButton(resources.icon("amended"), self.tr("History…"), self)
            history.setObjectName("historyButton")
            history.clicked.connect(lambda: self.historyRequested.emit(item.id))
            top.addWidget(history)
        if not item.voided:
            amend = QPushButton(self.tr("Amend…"), self)
            amend.setObjectName("amendButton")
            amend.setToolTip(self.tr("Correct or complete this entry; the original stays "
                                     "in the record."))
            amend.clicked.connect(lambda: self.amendRequested.emit(item.id))
            top.addWidget(amend)
        layout.addLayout(top)

        when = [formatting.date_time(item.started_at)]
        if item.duration_minutes is not None:
            when.append(formatting.duration(item.duration_minutes))
        if item.wait_minutes:
            when.append(self.tr("waited {0}").format(formatting.duration(item.wait_minutes)))
        self.when = self._line(" · ".join(when))
        self.when.setToolTip(self.tr("Recorded {0}").format(formatting.date_time(
            item.recorded_at)))
        layout.addWidget(self.when)
        who = []
        if item.agent:
            who.append(self.tr("Agent: {0}").format(item.agent))
        if item.contact:
            who.append(self.tr("Contact: {0}").format(shown_contact(item.contact)))
        if item.language:
            who.append(self.tr("Language: {0}").format(item.language))
        if who:
            self.who = self._line(" · ".join(who))
            self.who.setObjectName("who")
            layout.addWidget(self.who)

        self.chips: list[ReferenceChip] = []
        if item.references:
            row = FlowLayout(spacing=6)  # chips wrap instead of widening the card
            for ref in item.references:
                chip = ReferenceChip(ref.kind, ref.value, self)
                self.chips.append(chip)
                row.addWidget(chip)
            layout.addLayout(row)

        self.note = self._line(item.notes[:NOTE_SHOWN] + ("…" if len(item.notes) > NOTE_SHOWN
                                                          else ""))
        self.note.setObjectName("note")
        if item.voided:
            font = QFont(self.note.font())
            font.setStrikeOut(True)
            self.note.setFont(font)
        self.note.setVisible(bool(item.notes))
        layout.addWidget(self.note)
        if len(item.notes) > NOTE_SHOWN:
            whole = QPushButton(self.tr("Show the whole note (%n character(s))", "",
                                        len(item.notes)), self)
            whole.clicked.connect(lambda: self._show_whole_note(whole))
            layout.addWidget(whole, 0, Qt.AlignmentFlag.AlignLeft)

        for promise in item.promises:
            status = (self.tr("Overdue") if _overdue(promise)
                      else labels.promise_status(promise.status))
            text = self.tr("Promised: {0} — due {1} · {2}").format(
                promise.text, formatting.date_time(promise.due_at), status)
            layout.addLayout(self._with_icon("promise", self._line(text)))

        for attachment in item.attachments:
            self._add_attachment(layout, attachment)

        if item.voided:
            voided = self._line(self.tr("Voided: {0}").format(item.void_reason or ""))
            voided.setObjectName("voidReason")
            layout.addLayout(self._with_icon("voided", voided))
            self.setPalette(muted_palette(self))  # greyed: kept for the record, no longer in force

        self._flash = QTimer(self, singleShot=True)
        self._flash.timeout.connect(lambda: self.setAutoFillBackground(False))

    def _line(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        return label

    def _with_icon(self, name: str, widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        size = self.fontMetrics().height()
        icon.setPixmap(resources.icon(name).pixmap(size, size))
        icon.setFixedWidth(size + 2)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(widget, 1)
        return row

    def _add_attachment(self, layout, attachment) -> None:
        size = QLocale().formattedDataSize(attachment.size)
        label = self._line(self.tr("{0} · {1}").format(attachment.name, size))
        row = self._with_icon("attachment", label)
        if attachment.media_type.startswith("image/") and attachment.size <= THUMBNAIL_MAX_BYTES:
            thumb = QToolButton(self)
            thumb.setObjectName(f"thumbnail-{attachment.id}")
            thumb.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
            thumb.setAutoRaise(True)
            thumb.setToolTip(self.tr("Show larger"))
            thumb.setAccessibleName(self.tr("Show {0} larger").format(attachment.name))
            thumb.clicked.connect(lambda: self.previewRequested.emit(attachment.id,
                                                                     attachment.name))
            row.insertWidget(1, thumb)

            def show(image: QImage) -> None:
                if shiboken6.isValid(thumb) and not image.isNull():
                    thumb.setIcon(QPixmap.fromImage(image))

            aid = attachment.id
            self._session.read(lambda j: _thumbnail(j.attachment_bytes(aid)), show,
                               lambda _msg: None)
        layout.addLayout(row)

    def _show_whole_note(self, button: QPushButton) -> None:
        """A read-only editor in place of the label: it copes with a million characters."""
        text = QPlainTextEdit(self)
        text.setReadOnly(True)
        text.setPlainText(self.interaction.notes)
        text.setMinimumHeight(20 * self.fontMetrics().height())
        self.layout().replaceWidget(self.note, text)
        self.note.hide()
        button.hide()
        text.setFocus()

    def flash(self, msecs: int = 1600) -> None:
        """Highlight briefly, so the eye finds the entry that was asked for."""
        palette = self.palette()
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        colour.setAlpha(60)
        palette.setColor(QPalette.ColorRole.Window, colour)
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self._flash.start(msecs)
