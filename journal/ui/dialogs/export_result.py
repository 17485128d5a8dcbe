"""What Export case file… shows once the files are written: where they are, the key that
signed them, and Open / Show in folder."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..kit.messages import error_label


class ExportResult(QWidget):
    """The files written (PDF first), the signing key's fingerprint, and a line saying when
    the folder was made for them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.paths: list[str] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.files = QLabel()
        self.files.setTextFormat(Qt.TextFormat.PlainText)
        self.files.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files.setWordWrap(True)
        self.files.setAccessibleName(self.tr("Files written"))
        self.key_heading = QLabel(self.tr("Signed by this journal's key:"))
        self.key = QLabel()
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setTextFormat(Qt.TextFormat.PlainText)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setWordWrap(True)
        self.key.setAccessibleName(self.tr("Signing key"))
        self.hint = QLabel(self.tr("Send the PDF to read; keep the bundle, or send it too, "
                                   "for anyone who wants to check the files."))
        self.hint.setWordWrap(True)
        self.covered = QLabel()
        self.covered.setWordWrap(True)
        self.fitted = QLabel()
        self.fitted.setObjectName("fitted")
        self.fitted.setWordWrap(True)
        self.not_read = QLabel()
        self.not_read.setWordWrap(True)
        self.not_read.setStyleSheet("QLabel { color: #8a4b00; }")
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.files, self.key_heading, self.key, self.covered,
                       self.fitted, self.not_read, self.hint, self.error):
            layout.addWidget(widget)
            if widget in (self.files, self.key):
                layout.addSpacing(8)   # three groups: the files, the key, what to do
        layout.addStretch(1)

    def show_written(self, paths: list[str], fingerprint: str | None, created: str | None,
                     covered: dict | None = None, not_read: int = 0,
                     fitted: tuple[int, float] | None = None):
        """`covered`: exhibit number -> kinds of secret blacked out in its copy; `not_read`:
        how many pictures had not been read yet (their secrets, if any, are not covered);
        `fitted`: (dpi, MB) when the PDF's pictures were resampled to fit a size limit."""
        self.fitted.setText(self.tr("To fit the size limit, the PDF's pictures were resampled "
                                    "to at most {0} dpi ({1} MB); its cover says so, and the "
                                    "journal and the bundle keep the originals.")
                            .format(fitted[0], f"{fitted[1]:.1f}") if fitted else "")
        self.fitted.setVisible(bool(fitted))
        self.covered.setText(self.tr("Covered in black in the exported copies, where they "
                                     "show a secret: {0}. The journal keeps the originals.")
                             .format(", ".join(covered)) if covered else "")
        self.covered.setVisible(bool(covered))
        self.not_read.setText(self.tr(
            "%n picture(s) of this case had not been read yet, so a secret they show is not "
            "covered: let the reading in the status bar finish, then export again.", "",
            not_read))
        self.not_read.setVisible(not_read > 0)
        self.paths = list(paths)
        self.heading.setText(self.tr("The case file is written:") if not created else
                             self.tr("The case file is written in the new folder {0}:")
                             .format(created))
        self.files.setText("\n".join(str(Path(p)) for p in self.paths))
        self.key.setText(fingerprint or "—")
        self.hint.setVisible(len(self.paths) > 1)
        self.error.hide()

    def main_file(self) -> str:
        """The file Open opens: the PDF, which anyone can read, when one was written."""
        return next((p for p in self.paths if p.lower().endswith(".pdf")), self.paths[0])

    def open_file(self) -> None:
        self._open(self.main_file())

    def show_folder(self) -> None:
        # No portable way to select the file in a file manager: the folder it is in opens.
        self._open(str(Path(self.main_file()).parent))

    def _open(self, path: str) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.error.hide()
        else:
            self.error.setText(self.tr("No program on this computer opened {0}.").format(path))
            self.error.show()
