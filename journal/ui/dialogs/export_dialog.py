"""Export case file…: a PDF a stranger can read, a bundle anyone can check, or both at once.

The dialog remembers the name, contact and folder of the last export (export_places.py),
offers a folder that exists, makes the one typed if it is missing, runs the export on the
session's worker with progress and Cancel, and ends by showing what it wrote, with Open and
Show in folder (export_result.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QWidget,
)

from ..kit.messages import error_label, ok_cancel
from ..kit.resources import current_language
from . import export_places as places
from .export_result import ExportResult
from .journal_tasks import TaskProgress


class _Relay(QObject):
    """Lives on the GUI thread (a child of the dialog); the worker reports through it."""
    told = Signal(str, int, int)


class ExportDialog(QDialog):
    # Emitted once an export is written: the bundle's path if one was written, else the
    # PDF's. Every file written is in `paths` (PDF first), the key in `fingerprint`.
    exported = Signal(str)

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(parent)
        self.session, self.case_id = session, case_id
        self.fingerprint = None   # of the key that signed the last export
        self.paths: list[str] = []
        self.task: TaskProgress | None = None
        self._created: str | None = None
        self.setWindowTitle(self.tr("Export case file"))
        self.setMinimumWidth(560)
        self._relay = _Relay(self)
        self._relay.told.connect(self._on_told)

        # Both is the default: someone going to a regulator, an ombudsman or the police
        # sends the PDF (what a person reads) and may be asked for the originals and proof
        # that nothing was changed (the bundle); exported together, the PDF beside the
        # bundle is the very one inside it, so the two can never disagree.
        self.both = QRadioButton(self.tr("PDF &and bundle — for a regulator, ombudsman or "
                                         "the police"))
        self.pdf = QRadioButton(self.tr("&PDF only — to read: summary, chronology, exhibits"))
        self.bundle = QRadioButton(self.tr("&Bundle only — the PDF, the original files and a "
                                           "SHA-256 manifest anyone can check"))
        self.kinds = QButtonGroup(self)
        for button, kind in ((self.both, "both"), (self.pdf, "pdf"), (self.bundle, "bundle")):
            button.setProperty("kind", kind)
            self.kinds.addButton(button)
        kind = places.remembered("kind", "both")
        {"pdf": self.pdf, "bundle": self.bundle}.get(kind, self.both).setChecked(True)

        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        # Ombudsman and regulator upload forms cap a file at about 10–18 MB: the PDF can be
        # made to fit, its pictures resampled (its cover says so; the bundle keeps the
        # originals).
        self.size_limit = QComboBox()
        self.size_limit.setObjectName("sizeLimit")
        self.size_limit.addItem(self.tr("Full quality, no size limit"), 0)
        for mb in (10, 15, 18):
            self.size_limit.addItem(self.tr("Fit an upload limit of {0} MB").format(mb),
                                    mb * 1_000_000)
        self.size_limit.setToolTip(self.tr("The PDF's pictures are resampled until it fits, "
                                           "and its cover says so; the text is the same and "
                                           "the bundle keeps the original files."))
        self.size_limit.setCurrentIndex(max(0, self.size_limit.findData(
            int(places.remembered("max_size", "0") or 0))))
        self.name = QLineEdit(places.remembered("name"))
        self.name.setPlaceholderText(self.tr("Optional: shown on the cover"))
        self.contact = QLineEdit(places.remembered("contact"))
        self.contact.setPlaceholderText(self.tr("Optional: an email or phone for the reader"))
        folder, said = places.starting_folder()
        self._offered = str(folder)   # the note about it is true only while it is shown
        self.folder = QLineEdit(str(folder))
        self.choose = QPushButton(self.tr("&Choose…"))
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.file_name = QLineEdit(f"case-{case_id}")
        self.writes = QLabel()
        self.writes.setWordWrap(True)
        self.writes.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_note = QLabel(said)
        self.folder_note.setWordWrap(True)
        self.folder_note.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_note.setVisible(bool(said))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("PDF si&ze:"), self.size_limit)
        form.addRow(self.tr("Your &name:"), self.name)
        form.addRow(self.tr("Your c&ontact:"), self.contact)
        save_in = QLabel(self.tr("Save &in:"))
        save_in.setBuddy(self.folder)  # the row is a layout: the label needs its field named
        form.addRow(save_in, row)
        form.addRow("", self.folder_note)
        form.addRow(self.tr("&File name:"), self.file_name)
        form.addRow("", self.writes)
        self.note = QLabel(self.tr("Seed phrases, private keys, one-time and backup codes, 2FA "
                                   "setup keys and passwords found in the notes are replaced "
                                   "by “[redacted]” in the export; your journal keeps what you "
                                   "wrote. The export is signed with this journal's own key."))
        self.note.setWordWrap(True)
        self.form_page = QWidget()
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        for button in (self.both, self.pdf, self.bundle):
            page.addWidget(button)
        page.addLayout(form)
        page.addWidget(self.note)

        self.stage = QLabel()
        self.stage.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = error_label(self)
        self.result = ExportResult()
        self.result.hide()
        self.buttons = ok_cancel(self, self.tr("Export"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.after = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = self.after.addButton(self.tr("&Open"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = self.after.addButton(self.tr("&Show in folder"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.after.button(QDialogButtonBox.StandardButton.Close)
        self.open_button.clicked.connect(lambda: (self.result.open_file(), self._grow()))
        self.folder_button.clicked.connect(lambda: (self.result.show_folder(), self._grow()))
        self.after.rejected.connect(self.accept)
        self.after.hide()
        layout = QVBoxLayout(self)
        for widget in (self.form_page, self.result, self.stage, self.progress, self.error,
                       self.buttons, self.after):
            layout.addWidget(widget)

        # The form joins the dialog after its buttons were made: Tab follows what is read.
        order = [self.both, self.pdf, self.bundle, self.language, self.size_limit, self.name,
                 self.contact,
                 self.folder, self.choose, self.file_name, self.ok, self.cancel_button,
                 self.open_button, self.folder_button, self.close_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

        self.kinds.buttonToggled.connect(self._changed)
        for field in (self.folder, self.file_name):
            field.textEdited.connect(self._changed)
        self._changed()

    # -- the form ---------------------------------------------------------------------------

    def kind(self) -> str:
        return self.kinds.checkedButton().property("kind")

    def _folder(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            return None
        folder = Path(text).expanduser()
        # Relative to home, never to the program's own folder (the window has no "here").
        return folder if folder.is_absolute() else Path.home() / folder

    def _stem(self) -> str:
        stem = self.file_name.text().strip()
        return stem[:-4] if stem.lower().endswith((".pdf", ".zip")) else stem

    def _targets(self) -> list[Path]:
        folder, stem = self._folder(), self._stem()
        if folder is None or not stem:
            return []
        suffixes = {"both": (".pdf", ".zip"), "pdf": (".pdf",), "bundle": (".zip",)}
        return [folder / (stem + s) for s in suffixes[self.kind()]]

    def _changed(self, *_) -> None:
        """A new choice: the old error goes, and the line under the name says what is made."""
        self.error.hide()
        if self.folder.text() != self._offered:
            self.folder_note.hide()
        targets = self._targets()
        names = [t.name for t in targets]
        if len(names) == 2:
            said = self.tr("Saves {0} and {1}.").format(*names)
        elif names:
            said = self.tr("Saves {0}.").format(names[0])
        else:
            said = ""
        there = [t.name for t in targets if t.is_file()]
        if there:
            said += " " + self.tr("Replaces what is there already: {0}.").format(", ".join(there))
        self.writes.setText(said)

    def _choose(self) -> None:
        start = places.nearest_folder(self._folder() or places.documents())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the case file in"),
                                                  str(start))
        if chosen:
            self.folder.setText(str(Path(chosen)))
            self._changed()

    def _problem(self) -> str:
        """One sentence saying why the export cannot start, or "" (the folder is made)."""
        stem = self._stem()
        if not stem:
            return self.tr("Type a name for the file.")
        if "/" in stem or "\\" in stem or stem in (".", ".."):
            return self.tr("Type only the file's name: its folder is chosen above.")
        folder = self._folder()
        if folder is None:
            return self.tr("Choose a folder to save the case file in.")
        if folder.exists():
            return places.folder_problem(folder)
        problem = places.make_folder(folder)
        if not problem:
            self._created = str(folder)
        return problem

    # -- the export -------------------------------------------------------------------------

    def start(self) -> None:
        if self.task is not None:
            return
        self._created = None
        problem = self._problem()
        if problem:
            self._failed(problem)
            return
        self.error.hide()
        targets = self._targets()
        case_id, kind = self.case_id, self.kind()
        target = targets[-1]   # for "both", the bundle: the PDF goes beside it
        language = self.language.currentData()
        name, contact = self.name.text().strip() or None, self.contact.text().strip() or None
        max_size = self.size_limit.currentData() or None
        self.task = task = TaskProgress(self._relay)
        self._busy(True)
        # Off the GUI thread, through the service: the same export as `journal export`. The
        # work holds no widget: its last reference may be dropped on the worker.
        self.session.submit(lambda j: j.export_case(case_id, target, kind=kind,
                                                    language=language, exporter_name=name,
                                                    exporter_contact=contact,
                                                    progress=task, max_size=max_size),
                            on_done=self._done, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        self.stage.setText(self.tr("Starting…"))
        self.stage.setVisible(busy)
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.ok.setEnabled(not busy)
        self.cancel_button.setEnabled(True)
        self.form_page.setEnabled(not busy)
        self._grow()

    def _grow(self) -> None:
        """Make room for a line shown (progress, an error): the wrapped labels' height for
        the width is not a minimum size Qt keeps, so they would be squeezed."""
        self.layout().activate()
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_told(self, stage: str, done: int, total: int) -> None:
        if self.task is None or self.task.cancelled:
            return
        words = {"case": self.tr("Reading the case…"),
                 "files": self.tr("Writing the case file…")}
        self.stage.setText(words.get(stage, self.tr("Writing the case file…")))
        if total > 0:
            self.progress.setRange(0, 100)
            self.progress.setValue(min(100, done * 100 // total))
        else:
            self.progress.setRange(0, 0)

    def reject(self) -> None:
        if self.task is not None:   # Esc, Cancel, the close button: stop the export first
            self.task.cancel()
            self.stage.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.task is not None:
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)

    def _done(self, result) -> None:
        self.task = None
        self._busy(False)
        result = result or {}
        self.fingerprint = result.get("fingerprint")
        self.paths = list(result.get("paths") or [result.get("path")])
        places.remember(name=self.name.text().strip(), contact=self.contact.text().strip(),
                        folder=str(self._folder()), kind=self.kind(),
                        max_size=str(self.size_limit.currentData() or 0))
        self.form_page.hide()
        self.buttons.hide()
        fitted = (result["fitted_dpi"], result.get("pdf_size", 0) / 1e6) \
            if result.get("fitted_dpi") else None
        self.result.show_written(self.paths, self.fingerprint, self._created,
                                 result.get("covered"), result.get("not_read", 0), fitted)
        self.open_button.setText(self.tr("&Open the PDF") if len(self.paths) > 1 or
                                 self.paths[0].lower().endswith(".pdf") else
                                 self.tr("&Open the bundle"))
        self.result.show()
        self.after.show()
        self.layout().activate()
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))
        self.close_button.setDefault(True)
        self.open_button.setFocus()
        self.exported.emit(self.paths[-1])

    def _failed(self, sentence: str) -> None:
        stopped = self.task is not None and self.task.cancelled
        self.task = None
        self._busy(False)
        if stopped:
            sentence = self.tr("The export was stopped; nothing was written.")
        self.error.setText(sentence)
        self.error.show()
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._grow()
