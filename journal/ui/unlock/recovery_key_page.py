"""The recovery key, shown once after a journal is created: copy it, save it to a file, print
it, and say it is stored before going on."""
from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...service.folders import private_file
from ..kit.palette import error_palette
from ..kit.resources import icon

FILE_NAME = "support-journal-recovery-key.txt"


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Send the page to the printer (the tests put their own function here)."""
    document.print_(printer)


class RecoveryKeyPage(QWidget):
    """show_key(key) fills it; `confirmed` once the user says the key is stored."""

    confirmed = Signal()

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._folder = Path(folder)
        self.key = ""
        self.recovery_label = QLabel(objectName="recoveryKey", wordWrap=True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        self.recovery_label.setFont(mono)
        self.recovery_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.recovery_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.recovery_label.setMargin(12)
        self.recovery_label.setAccessibleName(self.tr("Recovery key"))
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy"), objectName="copyButton")
        self.copy_button.clicked.connect(self._copy)
        self.save_button = QPushButton(self.tr("Save to &file…"), objectName="saveKeyButton")
        self.save_button.clicked.connect(self._save)
        self.print_button = QPushButton(self.tr("&Print…"), objectName="printKeyButton")
        self.print_button.clicked.connect(self._print)
        self.status = QLabel(objectName="copied", wordWrap=True)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._normal = self.status.palette()
        self.stored = QCheckBox(self.tr("I have &stored my recovery key safely"),
                                objectName="storedCheck")
        self.continue_button = QPushButton(self.tr("C&ontinue"), objectName="continueButton",
                                           enabled=False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)

        buttons = QHBoxLayout()
        for button in (self.copy_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recovery_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.stored)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)

    def show_key(self, key: str) -> None:
        self.key = key
        groups = key.split("-")
        half = (len(groups) + 1) // 2
        self.recovery_label.setText("-".join(groups[:half]) + "-\n" + "-".join(groups[half:]))
        self._say("")
        self.stored.setChecked(False)
        self.copy_button.setFocus()

    def forget(self) -> None:
        self.key = ""
        self.recovery_label.clear()
        self._say("")
        self.stored.setChecked(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setPalette(error_palette(self.status) if error else self._normal)
        self.status.setText(text)

    def _purpose(self) -> str:
        return self.tr("This recovery key unlocks the Support Journal in {0} if its passphrase "
                       "is forgotten; anyone who has it and a copy of that folder can read the "
                       "journal, so keep it away from this computer.").format(self._folder)

    # -- copy, save, print ----------------------------------------------------------------

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self._say(self.tr("Copied. Paste it into your password manager now."))

    def _save(self) -> None:
        start = str(Path.home() / FILE_NAME)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the recovery key"), start,
                                              self.tr("Text files (*.txt)"))
        if not path:
            return
        target = Path(path).expanduser()
        try:
            inside = target.resolve().is_relative_to(self._folder.resolve())
        except OSError:
            inside = False
        if inside:
            self._say(self.tr("{0} is inside the journal's own folder; save the recovery key "
                              "somewhere else.").format(target), error=True)
            return
        text = "\n".join((self.tr("Support Journal recovery key"), "", self.key, "",
                          self._purpose(), ""))
        try:
            with private_file(target, "w") as out:
                if hasattr(os, "fchmod"):  # a file written over keeps its mode otherwise
                    os.fchmod(out.fileno(), 0o600)
                out.write(text)
        except OSError as exc:
            self._say(self.tr("The recovery key could not be saved to {0}: {1}.")
                      .format(target, exc.strerror or exc), error=True)
            return
        self._say(self.tr("Saved to {0}. Move the file off this computer (to a USB stick, "
                          "for instance) or print it, then delete it here.").format(target))

    def key_document(self) -> QTextDocument:
        """The page that is printed: what it is, the key in large type, what it is for."""
        document = QTextDocument(self)
        key = html.escape(self.key)
        document.setHtml(
            f"<h2>{html.escape(self.tr('Support Journal recovery key'))}</h2>"
            f"<p style='font-family: monospace; font-size: 16pt'>{key}</p>"
            f"<p>{html.escape(self._purpose())}</p>")
        return document

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.tr("Support Journal recovery key"))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_document(self.key_document(), printer)
        self._say(self.tr("Sent to the printer. Keep the page somewhere safe, away from this "
                          "computer."))

    def _continue(self) -> None:
        if self.stored.isChecked():
            self.forget()
            self.confirmed.emit()
