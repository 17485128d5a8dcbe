"""Write a letter…: a complaint, a chaser, a subject access request, a chargeback letter, a
fact sheet for the police or the MiCA complaint form, filled from the case in English or
Chinese, edited here, then copied, saved as a signed PDF, and logged as sent.

The text is made off the GUI thread by the service (the same as `journal letter`); what the
user typed is never thrown away without asking.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..kit.messages import error_label
from ..kit.resources import current_language
from . import export_places as places

KINDS = ("complaint", "chaser", "sar", "chargeback", "police", "mica")


class LetterDialog(QDialog):
    """One letter of one case. `logged(interaction_id)` once it is recorded as sent."""

    logged = Signal(int)

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self._filled = ""        # the text as the journal filled it in, before any edit
        self._shown = None       # (kind, language) of the text shown
        self.setWindowTitle(self.tr("Write a letter"))
        self.resize(760, 640)
        names = {
            "complaint": self.tr("Formal complaint (asks for the final response)"),
            "chaser": self.tr("Chaser: the response is overdue"),
            "sar": self.tr("Subject access request (call recordings, chat logs, notes)"),
            "chargeback": self.tr("Chargeback request to your card issuer"),
            "police": self.tr("Fraud report fact sheet (police, IC3, Action Fraud, 18222, "
                              "96110)"),
            "mica": self.tr("MiCA complaint form (EU crypto-asset providers)"),
        }
        self.kind = QComboBox()
        self.kind.setObjectName("letterKind")
        for kind in KINDS:
            self.kind.addItem(names[kind], kind)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        form = QFormLayout()
        form.addRow(self.tr("&Letter:"), self.kind)
        form.addRow(self.tr("L&anguage:"), self.language)
        self.hint = QLabel(self.tr("Filled in from the case: check it, and replace the "
                                   "[bracketed] parts with your own details before you send "
                                   "it. Secrets in your notes are never copied into a letter."))
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("letterText")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.text.setPlaceholderText(self.tr("Filling in the letter…"))
        self.text.setAccessibleName(self.tr("The letter's text"))
        self.status = QLabel()
        self.status.setObjectName("letterStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(self.tr("&Copy text"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = self.buttons.addButton(self.tr("Save as &PDF…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        self.sent_button = self.buttons.addButton(self.tr("&Mark as sent"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.sent_button.setToolTip(self.tr("Log this text as a letter entry of the case, "
                                            "dated now"))
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.sent_button.clicked.connect(self.mark_sent)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.text.setTabChangesFocus(True)   # Tab leaves the letter, as it leaves a form
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        order = [self.kind, self.language, self.text, self.copy_button, self.pdf_button,
                 self.sent_button, close]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.kind.currentIndexChanged.connect(self._choice_changed)
        self.language.currentIndexChanged.connect(self._choice_changed)
        self._set_busy(True)
        self._fill()

    # -- filling in -------------------------------------------------------------------------

    def choice(self) -> tuple[str, str]:
        return self.kind.currentData(), self.language.currentData()

    def edited(self) -> bool:
        return self.text.toPlainText() != self._filled

    def _choice_changed(self, *_) -> None:
        if self._shown is not None and self.edited() and self._shown != self.choice():
            answer = QMessageBox.question(
                self, self.tr("Replace the letter?"),
                self.tr("You edited this letter. Fill in the other one and lose your edits?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                kind, language = self._shown
                for box, value in ((self.kind, kind), (self.language, language)):
                    box.blockSignals(True)
                    box.setCurrentIndex(box.findData(value))
                    box.blockSignals(False)
                return
        self._fill()

    def _fill(self) -> None:
        case_id, (kind, language) = self.case_id, self.choice()
        self._set_busy(True)
        self.session.read(lambda j: j.letter(case_id, kind, language=language),
                          lambda letter: self._filled_in(letter, (kind, language)),
                          self._failed)

    def _filled_in(self, letter, asked) -> None:
        if asked != self.choice():
            return   # the user chose another meanwhile: its own answer is on its way
        self._filled = letter.text
        self._shown = asked
        self.text.setPlainText(letter.text)
        self._set_busy(False)
        self.status.setText("")
        self.text.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.text, self.copy_button, self.pdf_button, self.sent_button):
            widget.setEnabled(not busy)

    def _failed(self, sentence: str) -> None:
        self._set_busy(self._shown is None)
        self.text.setEnabled(self._shown is not None)
        self.error.setText(sentence)
        self.error.show()

    # -- using it ---------------------------------------------------------------------------

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.status.setText(self.tr("Copied: paste it into the platform's form or your "
                                    "e-mail."))

    def save_pdf(self) -> None:
        kind, language = self._shown or self.choice()
        start = places.nearest_folder(Path(places.remembered("folder") or places.documents()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the letter as PDF"),
            str(start / f"case-{self.case_id}-{kind}.pdf"), self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        """The letter as shown (with the user's edits) written, signed, to `path`."""
        case_id, (kind, language) = self.case_id, self._shown or self.choice()
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        text = self.text.toPlainText()
        self.error.hide()
        self.pdf_button.setEnabled(False)
        # A write: signing may first introduce the journal's key into the case's chain.
        self.session.submit(lambda j: j.write_letter_pdf(case_id, kind, path,
                                                         language=language, text=text),
                            on_done=self._pdf_written, on_error=self._write_failed)

    def _pdf_written(self, result) -> None:
        self.pdf_button.setEnabled(True)
        self.status.setText(self.tr("Saved {0}, signed by the journal key {1}.")
                            .format(result["path"], result["fingerprint"]))

    def _write_failed(self, sentence: str) -> None:
        self.pdf_button.setEnabled(True)
        self.sent_button.setEnabled(True)
        self.error.setText(sentence)
        self.error.show()

    def mark_sent(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Log the letter as sent?"),
            self.tr("This text goes into the case as a letter sent now. It cannot be "
                    "changed later, only amended with a reason."),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Ok)
        if answer == QMessageBox.StandardButton.Ok:
            self.log_sent()

    def log_sent(self) -> None:
        case_id, text = self.case_id, self.text.toPlainText()
        self.error.hide()
        self.sent_button.setEnabled(False)
        self.session.submit(lambda j: j.log_letter(case_id, text),
                            on_done=self._logged, on_error=self._write_failed)

    def _logged(self, entry) -> None:
        self._filled = self.text.toPlainText()   # what was sent is kept: no edit to lose
        self.status.setText(self.tr("Logged as letter entry {0} of the case.").format(entry.id))
        self.logged.emit(entry.id)
