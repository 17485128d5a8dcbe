"""Export case file…: a PDF a stranger can read, or a bundle anyone can check."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from ..kit.messages import error_label, ok_cancel
from ..kit.resources import current_language


class ExportDialog(QDialog):
    exported = Signal(str)   # the file written

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.fingerprint = None   # of the key that signed the last export
        self.setWindowTitle(self.tr("Export case file"))
        self.setMinimumWidth(520)
        self.pdf = QRadioButton(self.tr("&PDF — to read: summary, chronology, exhibits"))
        self.bundle = QRadioButton(self.tr("&Bundle — the PDF, the original files and a "
                                           "SHA-256 manifest anyone can check"))
        self.pdf.setChecked(True)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Optional: shown on the cover"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("Optional: an email or phone for the reader"))
        self.file = QLineEdit()
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your c&ontact:"), self.contact)
        save_as = QLabel(self.tr("&Save as:"))
        save_as.setBuddy(self.file)  # the row is a layout: the label needs its field named
        form.addRow(save_as, row)
        self.note = QLabel(self.tr("Seed phrases, private keys, one-time and backup codes, 2FA "
                                   "setup keys and passwords found in the notes are replaced "
                                   "by “[redacted]” in the export; your journal keeps what you "
                                   "wrote. The export is signed with this journal's own key."))
        self.note.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("Export"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf)
        layout.addWidget(self.bundle)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.pdf.toggled.connect(self._suggest_name)
        self._suggest_name()

    def kind(self) -> str:
        return "pdf" if self.pdf.isChecked() else "bundle"

    def _suggest_name(self, *_):
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        current = self.file.text().strip()
        base = Path(current).with_suffix("") if current else \
            Path(folder or str(Path.home())) / f"case-{self.case_id}"
        self.file.setText(str(base) + (".pdf" if self.kind() == "pdf" else ".zip"))

    def _choose(self):
        pattern = self.tr("PDF (*.pdf)") if self.kind() == "pdf" else self.tr("ZIP (*.zip)")
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.file.text(),
                                              pattern)
        if path:
            self.file.setText(path)

    def start(self):
        text = self.file.text().strip()
        if not text:
            self._failed(self.tr("Choose where to save the case file."))
            return
        target = Path(text).expanduser()
        if not target.parent.is_dir():
            self._failed(self.tr("The folder {0} does not exist.").format(str(target.parent)))
            return
        self.error.hide()
        self._busy(True)
        case_id, kind, language = self.case_id, self.kind(), self.language.currentData()
        name, contact = self.name.text().strip() or None, self.contact.text().strip() or None
        # Off the GUI thread, through the service: the same export as `journal export`.
        self.session.submit(lambda j: j.export_case(case_id, target, kind=kind,
                                                    language=language, exporter_name=name,
                                                    exporter_contact=contact),
                            on_done=lambda result: self._done(target, result),
                            on_error=self._failed)

    def _busy(self, busy: bool):
        self.progress.setVisible(busy)
        self.ok.setEnabled(not busy)
        for w in (self.pdf, self.bundle, self.language, self.name, self.contact, self.file):
            w.setEnabled(not busy)

    def _done(self, target: Path, result):
        self._busy(False)
        self.fingerprint = (result or {}).get("fingerprint")
        self.exported.emit(str(target))
        self.accept()

    def _failed(self, sentence: str):
        self._busy(False)
        self.error.setText(sentence)
        self.error.show()
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)
