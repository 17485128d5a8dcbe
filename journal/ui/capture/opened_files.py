"""Files the desktop asks the window to open (`journal --open FILE`, "Open with"): each goes to
Import evidence, as if dropped on the case.

With a case shown, the Import evidence dialog opens for it with the file; with none, the user
is asked which case it is for (or opens a new one). While the journal is locked the files wait,
and open once it is unlocked, for the case that was shown when it locked (if any). The files
are kept by the launcher, not the window: a window rebuilt for another language keeps them.
"""
from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QVBoxLayout

from ..kit.messages import error_label, ok_cancel
from ..kit.session import weak
from .call_capture import read_cases

log = logging.getLogger(__name__)


def bring_forward(window) -> None:
    """The window to the front, as the desktop allows (restored if minimised)."""
    if window.isMinimized() or not window.isVisible():
        window.showNormal()
    window.raise_()
    window.activateWindow()


class OpenedFiles(QObject):
    """The files asked for, until the window can show them in Import evidence."""

    def __init__(self, session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.pending: list[str] = []
        self.window = None
        self._case_at_lock: int | None = None   # the case shown when the journal locked
        self._dialog = None   # the Import evidence dialog files were last given to
        self._waiting_note = ""   # the status bar's "… once the journal is unlocked"
        session.lockedChanged.connect(self._locked_changed)

    def attach(self, window) -> None:
        """The window to open them in (a new one replaces the old)."""
        self.window = window
        window.unlock_screen.unlocked.connect(self.deliver_soon)
        self._go_on()

    def add(self, path: str) -> None:
        """Open `path` now, or once the journal is unlocked."""
        log.info("asked to open %s", path)
        if path not in self.pending:
            self.pending.append(path)
        self._go_on()

    def _go_on(self) -> None:
        if self.session.is_open:
            self.deliver_soon()
        elif self.window is not None and self.pending:
            names = ", ".join(Path(p).name for p in self.pending)
            self._waiting_note = self.tr(
                "{0} will open in Import evidence once the journal is unlocked.").format(names)
            self.window.statusBar().showMessage(self._waiting_note, 30000)

    def deliver_soon(self) -> None:
        # After the window's own answer to the unlock (its page, the case it shows again).
        QTimer.singleShot(0, self, self.deliver)

    def deliver(self) -> None:
        window = self.window
        if window is None or not self.session.is_open:
            return
        # The case shown at the lock counts only now, as the unlock shows it again.
        remembered, self._case_at_lock = self._case_at_lock, None
        if not self.pending:
            return
        paths, self.pending = self.pending, []
        if window.statusBar().currentMessage() == self._waiting_note:
            window.statusBar().clearMessage()   # "... once the journal is unlocked": it is now
        case_id = window.case_view.current_case_id() or remembered
        if case_id is not None:
            self._import_into(case_id, paths)
            return
        chooser = CaseForFileDialog(self.session, paths, window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.chosen.connect(lambda cid: self._import_into(cid, paths))
        chooser.open()

    def _import_into(self, case_id: int, paths: list[str]) -> None:
        """Import evidence for the case with the files: the dialog a file was given to before,
        if it is still open on that case, else a new one."""
        window = self.window
        if window is None or not self.session.is_open:
            return
        dialog = self._dialog
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible() \
                and dialog.case_id == case_id and not dialog.running:
            dialog.add_files(paths)
            bring_forward(dialog)
            return
        if window.case_view.current_case_id() != case_id:
            window.open_case(case_id)
        self._dialog = window.import_evidence(paths, case_id=case_id)

    def _locked_changed(self, locked: bool) -> None:
        # The window notes the case it will show again before it locks; the case view may
        # have let it go already (its own answer to the lock can come before this one).
        if locked and self.window is not None:
            self._case_at_lock = (self.window.case_to_reopen
                                  or self.window.case_view.current_case_id())


class CaseForFileDialog(QDialog):
    """Which case a file given to the window is evidence for: an open case, or a new one."""

    chosen = Signal(int)   # the case, once chosen (or opened for it)

    def __init__(self, session, paths: list[str], parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("caseForFile")
        self.setWindowTitle(self.tr("Import evidence"))
        names = ", ".join(Path(p).name for p in paths)
        self.question = QLabel(self.tr("Which case is {0} evidence for?").format(names))
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.case = QComboBox(self)
        self.case.setObjectName("case")
        self.case.setAccessibleName(self.tr("Case"))
        self.question.setBuddy(self.case)
        self.new_case_button = QPushButton(self.tr("&New case…"), self)
        self.new_case_button.setAutoDefault(False)
        self.new_case_button.clicked.connect(self.new_case)
        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("Import…"))
        self.ok = self.buttons.button(self.buttons.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.case)
        layout.addWidget(self.new_case_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())
        session.read(lambda j: read_cases(j, None), weak(self._cases_read),
                     weak(self._not_read))

    def _cases_read(self, cases) -> None:
        self.case.clear()
        for c in cases:
            self.case.addItem(self.tr("#{0} {1}: {2}").format(c.id, c.platform, c.title), c.id)
        self.ok.setEnabled(bool(cases))
        if not cases:
            self._say(self.tr("There is no open case yet: open one with New case."))
            self.new_case_button.setFocus()
        else:
            self.case.setFocus()

    def _not_read(self, sentence: str) -> None:
        self._say(sentence)

    def _say(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.setVisible(bool(sentence))

    def new_case(self) -> None:
        from ..cases.new_case_dialog import NewCaseDialog
        dialog = NewCaseDialog(self.session, self)
        dialog.caseOpened.connect(self._opened)
        dialog.open()

    def _opened(self, case_id: int) -> None:
        self.chosen.emit(case_id)
        super().accept()

    def accept(self) -> None:
        data = self.case.currentData()
        if data is None:
            return
        self.chosen.emit(int(data))
        super().accept()
