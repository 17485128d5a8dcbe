"""Beside a screenshot in its preview: the text read out of it, and what that text shows.

The text is read-only and selectable, with Copy; a note says how it was got (OCR may be
wrong; a PDF's text is the PDF's own), or that nothing was found, why the file could not be
read, or that it waits to be read (then the panel fills in once the queue has read it). Below:
the warning a note would get for the same words (a scam sign, a seed phrase), and the
reference numbers in the text that the entry does not record yet, each with "Add as
reference" (recorded on the entry through `amend`, with its own recorded time, as a
reference added later is).

Everything is read through the session, off the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import recognised_text as rt
from ...service.reading import reason_phrase
from ..kit import labels
from ..kit.error_text import translated
from ..kit.palette import error_palette, muted_palette
from ..kit.session import TIMELINE, Session, weak
from .reading_status import alarm_advice, alarm_sentence


def read_panel_facts(journal, attachment_id: int):
    """On the session's worker: (reading or None, interaction id, alarms, offered refs)."""
    reading = journal.attachment_text(attachment_id)
    interaction_id = journal.attachment(attachment_id).interaction_id
    if reading is None:
        return None, interaction_id, ([], []), ()
    return (reading, interaction_id, journal.attachment_alarms(attachment_id),
            journal.offered_references(attachment_id))


class ReadingPanel(QWidget):
    outlineFound = Signal(tuple)   # the boxes of the searched words, once the text is read
    loaded = Signal()              # the panel shows what the journal holds (tests, a reload)

    def __init__(self, session: Session, attachment_id: int, name: str = "", words=(),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readingPanel")
        self.session, self.attachment_id, self.name = session, attachment_id, name
        self.words = tuple(words)
        self.reading: rt.Reading | None = None
        self.interaction_id: int | None = None
        self.references: tuple[str, ...] = ()
        self._asked = 0

        heading = QLabel(self.tr("Text in this file"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.note = QLabel(self.tr("Loading…"))
        self.note.setObjectName("readingNote")
        self.note.setWordWrap(True)
        self.note.setPalette(muted_palette(self.note))
        self.text = QPlainTextEdit()
        self.text.setObjectName("readingText")
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName(self.tr("Text read out of the file"))
        self.copy_button = QPushButton(self.tr("Copy text"))
        self.copy_button.setObjectName("readingCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        self.alarm = QLabel()
        self.alarm.setObjectName("readingPanelAlarm")
        self.alarm.setWordWrap(True)
        self.alarm.setPalette(error_palette(self.alarm))
        self.alarm.setFont(font)
        self.alarm.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alarm.hide()
        self.advice_button = QPushButton(self.tr("What to do"))
        self.advice_button.setObjectName("readingAdviceButton")
        self.advice_button.setCheckable(True)
        self.advice_button.setAutoDefault(False)
        self.advice_button.toggled.connect(self._show_advice)
        self.advice_button.hide()
        self.advice = QLabel()
        self.advice.setObjectName("readingAdvice")
        self.advice.setWordWrap(True)
        self.advice.setPalette(error_palette(self.advice))
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice.setAccessibleName(self.tr("What to do now"))
        self.advice.hide()
        self.refs_heading = QLabel(self.tr("Reference numbers in it, not yet recorded:"))
        self.refs_heading.setWordWrap(True)
        self.refs_heading.hide()
        self.refs_box = QVBoxLayout()
        self.refs_box.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel()
        self.problem.setObjectName("readingProblem")
        self.problem.setWordWrap(True)
        self.problem.setPalette(error_palette(self.problem))
        self.problem.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(heading)
        layout.addWidget(self.note)
        alarm_row = QHBoxLayout()
        alarm_row.addWidget(self.alarm, 1)
        alarm_row.addWidget(self.advice_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(alarm_row)
        layout.addWidget(self.advice)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        layout.addLayout(row)
        layout.addWidget(self.refs_heading)
        layout.addLayout(self.refs_box)
        layout.addWidget(self.problem)
        self.setMinimumWidth(260)
        self._show_state()
        session.changes.connect(self._journal_changed)
        self.load()

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        self._asked += 1
        aid = self.attachment_id
        self.session.read(lambda j: read_panel_facts(j, aid), weak(self._loaded, self._asked),
                          weak(self._not_loaded, self._asked))

    def _loaded(self, asked: int, facts) -> None:
        if asked != self._asked:
            return
        self.reading, self.interaction_id, (signs, secrets), self.references = facts
        self._show_state()
        self._show_alarm(signs, secrets)
        self._show_references()
        if self.reading is not None and self.words:
            boxes = rt.boxes_matching(self.reading.recognised, list(self.words))
            if boxes:
                self.outlineFound.emit(tuple(boxes))
        self.loaded.emit()

    def _not_loaded(self, asked: int, sentence: str) -> None:
        if asked == self._asked:
            self.note.setText(sentence)
            self.loaded.emit()

    def _journal_changed(self, kinds) -> None:
        # The queue read this file while it was shown, or a reference was added.
        if TIMELINE in kinds and self.session.is_open:
            self.load()

    # -- what it shows ---------------------------------------------------------------------

    def state_text(self) -> str:
        return self.note.text()

    def _show_state(self) -> None:
        reading = self.reading
        has_text = reading is not None and reading.status == rt.TEXT
        if reading is None:
            note = self.tr("Waiting to be read. The text shows here once it is.")
        elif reading.status == rt.UNREADABLE:
            phrase = reason_phrase(reading)
            note = translated(phrase) if phrase is not None else \
                self.tr("This file could not be read.")
        elif reading.status == rt.NO_TEXT:
            note = self.tr("No text found.")
        elif reading.source == rt.PDF:
            note = self.tr("Text taken from the PDF.")
        else:
            note = self.tr("Recognised by OCR; may contain errors.")
        if reading is not None and not self.note.text().startswith("…"):
            self.note.setToolTip(self.tr("Read by {0}").format(reading.engine)
                                 if reading.engine else "")
        self.note.setText(note)
        if self.text.toPlainText() != (reading.text if has_text else ""):
            self.text.setPlainText(reading.text if has_text else "")
        self.text.setVisible(has_text)
        self.copy_button.setVisible(has_text)

    def _show_alarm(self, signs, secrets) -> None:
        sentence = alarm_sentence(self.name or self.tr("This file"), signs, secrets)
        self.alarm.setText(sentence)
        self.alarm.setVisible(bool(sentence))
        self.advice.setText(alarm_advice(signs, secrets))
        self.advice_button.setVisible(bool(sentence))
        self.advice.setVisible(bool(sentence) and self.advice_button.isChecked())

    def _show_advice(self, shown: bool) -> None:
        self.advice.setVisible(shown)
        self.advice_button.setText(self.tr("Hide advice") if shown else self.tr("What to do"))

    def _show_references(self) -> None:
        while self.refs_box.count():
            item = self.refs_box.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for ref in self.references:
            self.refs_box.addWidget(self._reference_row(ref))
        self.refs_heading.setVisible(bool(self.references))

    def _reference_row(self, ref: str) -> QWidget:
        kind, _, value = ref.partition(":")
        row = QWidget()
        row.setObjectName("offeredReference")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        try:
            kind_label = labels.reference_kind(kind)
        except ValueError:
            kind_label = kind
        line.addWidget(QLabel(kind_label))
        field = QLineEdit(value)
        field.setReadOnly(True)
        field.setAccessibleName(kind_label)
        line.addWidget(field, 1)
        add = QPushButton(self.tr("Add as reference"))
        add.setObjectName("addReference")
        add.setAutoDefault(False)
        add.setToolTip(self.tr("Record {0} as a reference of this entry").format(value))
        add.clicked.connect(lambda: self.add_reference(ref))
        line.addWidget(add)
        return row

    # -- acting ----------------------------------------------------------------------------

    def copy(self) -> None:
        cursor = self.text.textCursor()
        text = cursor.selectedText().replace("\u2029", "\n") if cursor.hasSelection() \
            else self.text.toPlainText()
        QGuiApplication.clipboard().setText(text)

    def add_reference(self, ref: str) -> None:
        iid = self.interaction_id
        if iid is None:
            return
        reason = self.tr("Reference read from the file {0}").format(self.name) if self.name \
            else self.tr("Reference read from an attached file")
        self.problem.hide()
        self.session.submit(lambda j: j.amend(iid, references=[ref], reason=reason),
                            on_error=weak(self._not_added))

    def _not_added(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.show()
