"""Journal › Check the journal…, Back up…, Import a dump…: long work on the whole journal.

Each runs on the session's worker (Session.submit) with a window that says, in words, what
it is doing and how far it is, can stop it (Cancel: the service's progress callback raises
Cancelled at its next call, and the service keeps nothing of it), and ends with one
sentence: the check's report, where the backup went and how big it is, what was imported,
or what went wrong. The service calls progress on the worker thread; TaskProgress crosses to
the GUI thread with a queued Qt signal, at most every 50 ms and at each new stage.

JournalTasks holds the three QActions for the window's Journal menu. Importing is offered
only while the journal is empty (no platform, no record): a dump is imported into it.
"""
from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.chain import GENESIS
from ...errors import Cancelled
from ..kit.error_text import translated
from ..kit.session import weak

SHOWN_EVERY = 0.05  # seconds between two progress updates of one stage


class _Relay(QObject):
    """Lives on the GUI thread (a child of its dialog); the worker emits through it."""
    told = Signal(str, int, int)


class TaskProgress:
    """The service's progress(stage, done, total), called on the worker thread."""

    def __init__(self, relay: _Relay):
        self._relay = relay
        self._cancel = threading.Event()
        self._stage: str | None = None
        self._shown = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled("task.cancelled")
        now = time.monotonic()
        if stage == self._stage and now - self._shown < SHOWN_EVERY and done < total:
            return
        self._stage, self._shown = stage, now
        try:
            self._relay.told.emit(stage, done, total)
        except RuntimeError:  # its window is gone: nobody waits for the work any more
            self._cancel.set()
            raise Cancelled("task.cancelled") from None


class TaskProgressDialog(QDialog):
    """How one piece of long work goes, and its outcome in one sentence."""

    ended = Signal(bool)  # True when the work succeeded

    def __init__(self, title: str, words: dict[str, str], stopped: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(480)
        self.words, self.stopped_text = words, stopped
        self.running = False
        self._relay = _Relay(self)
        self._relay.told.connect(self._on_told)
        self.progress = TaskProgress(self._relay)
        self.stage = QLabel(self.tr("Starting…"))
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.stage, self.bar, self.result, self.details, self.buttons):
            layout.addWidget(widget)

    def start(self, session, work, describe) -> None:
        """Run work(journal, progress) on the session's worker; then show describe(result)
        (a sentence, or a sentence and the lines to list under it)."""
        self.running = True
        self._describe = describe
        progress = self.progress
        session.submit(lambda j: work(j, progress), on_done=self._done,
                       on_error=self._failed)

    def cancel(self) -> None:
        """Ask the work to stop at its next step."""
        if self.running and not self.progress.cancelled:
            self.progress.cancel()
            self.stage.setText(self.tr("Stopping…"))
            self.cancel_button.setEnabled(False)

    def reject(self) -> None:
        if self.running:   # Esc, the window's close button, Cancel: stop it first
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _on_told(self, stage: str, done: int, total: int) -> None:
        if not self.running or self.progress.cancelled:
            return
        self.stage.setText(self.words.get(stage, stage) + "…")
        if total > 0:
            self.bar.setRange(0, 100)
            self.bar.setValue(min(100, done * 100 // total))
        else:
            self.bar.setRange(0, 0)  # no steps to count: busy

    def _done(self, value) -> None:
        said = self._describe(value)
        sentence, lines = said if isinstance(said, tuple) else (said, [])
        self._end(True, sentence, lines)

    def _failed(self, sentence: str) -> None:
        self._end(False, self.stopped_text if self.progress.cancelled else sentence, [])

    def _end(self, ok: bool, sentence: str, lines: list[str]) -> None:
        self.running = False
        self.stage.hide()
        self.bar.setRange(0, 100)
        self.bar.setValue(100 if ok else self.bar.value())
        self.bar.setVisible(ok)
        self.result.setText(sentence)
        self.result.setObjectName("result" if ok else "error")  # styled as a form's error
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.show()
        if lines:
            self.details.setPlainText("\n".join(lines))
            self.details.show()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.ended.emit(ok)


class JournalTasks(QObject):
    """The Journal menu's check, backup and import, as QActions (`actions`, in menu order)."""

    def __init__(self, session, window: QWidget):
        super().__init__(window)
        self.session, self.window = session, window
        self.dialog: TaskProgressDialog | None = None
        self.check_action = QAction(self.tr("&Check the journal…"), self)
        self.check_action.setToolTip(self.tr(
            "Check every page of the database, the hash chain, every record and file "
            "against it, and the search index"))
        self.check_action.triggered.connect(lambda: self.check())
        self.backup_action = QAction(self.tr("&Back up…"), self)
        self.backup_action.setToolTip(self.tr(
            "Write the whole journal, encrypted, to one file that opens with the same "
            "passphrase"))
        self.backup_action.triggered.connect(lambda: self.back_up())
        self.import_action = QAction(self.tr("&Import a dump…"), self)
        self.import_action.triggered.connect(lambda: self.import_dump())
        self.actions = [self.check_action, self.backup_action, self.import_action]
        self.importable = False
        self._recount = QTimer(self, singleShot=True, interval=0)
        self._recount.timeout.connect(self._ask_if_empty)
        # The session outlives the window: its signals reach this object only while it lives.
        session.changed.connect(weak(self._changed))
        session.lockedChanged.connect(weak(self._locked_changed))
        self._locked_changed(not session.is_open)

    # -- which actions are offered ------------------------------------------------------

    def _changed(self, _kind: str) -> None:
        self._recount.start()

    def _locked_changed(self, locked: bool) -> None:
        if locked and self.dialog is not None:
            self.dialog.cancel()  # the journal hides now: long work on it stops
        self._enable()
        if not locked:
            self._recount.start()

    def _ask_if_empty(self) -> None:
        if self.session.is_open:
            self.session.read(lambda j: not j.platforms() and j.chain_head() == GENESIS,
                              self._set_importable, lambda _sentence: None)

    def _set_importable(self, empty: bool) -> None:
        self.importable = bool(empty)
        self._enable()

    def _enable(self) -> None:
        idle = self.session.is_open and (self.dialog is None or not self.dialog.running)
        self.check_action.setEnabled(idle)
        self.backup_action.setEnabled(idle)
        self.import_action.setEnabled(idle and self.importable)
        self.import_action.setToolTip(
            self.tr("Import a dump made by `journal dump` into this empty journal")
            if self.importable else self.tr("Only an empty journal can import a dump"))

    # -- the three -----------------------------------------------------------------------

    def check(self) -> TaskProgressDialog:
        words = {"files": self.tr("Checking the attachments against their SHA-256"),
                 "chain": self.tr("Recomputing the hash chain"),
                 "records": self.tr("Checking every record against the chain"),
                 "pages": self.tr("Checking every page of the database"),
                 "index": self.tr("Checking the search index against the records")}
        return self._run(self.tr("Check the journal"), words,
                         self.tr("Stopped; the check did not finish."),
                         lambda j, progress: j.check(progress=progress), self._checked)

    def _checked(self, report):
        if report.ok:
            return self.tr("The journal is intact: encryption, every page, the hash chain "
                           "({0} entries), every record and file against it, and the search "
                           "index all check out.").format(QLocale().toString(report.entries))
        problems = [translated(p) for p in report.problems]
        sentence = self.tr("The check found a problem: {0}").format(problems[0]) \
            if len(problems) == 1 else \
            self.tr("The check found {0} problems; the first: {1}").format(
                QLocale().toString(len(problems)), problems[0])
        return sentence, problems

    def back_up(self, target: str | Path | None = None) -> TaskProgressDialog | None:
        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
            suggested = str(Path(folder) / f"journal-{date.today().isoformat()}.sjb")
            target, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Back up the journal"), suggested,
                self.tr("Support Journal backups (*.sjb);;All files (*)"))
            if not target:
                return None
        path = Path(target)
        words = {"copying": self.tr("Copying the database"),
                 "saving": self.tr("Saving the backup")}
        return self._run(self.tr("Back up the journal"), words,
                         self.tr("Stopped; no backup was written."),
                         lambda j, progress: j.backup(path, progress=progress),
                         lambda size: self.tr(
                             "Backed up to {0} ({1}); it opens with the same passphrase.")
                         .format(str(path), QLocale().formattedDataSize(size)))

    def import_dump(self, source: str | Path | None = None) -> TaskProgressDialog | None:
        if not self.importable:
            return None
        if source is None:
            source, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import a dump"), str(Path.home()),
                self.tr("Journal dumps (*.json);;All files (*)"))
            if not source:
                return None
        path = Path(source)
        words = {"reading": self.tr("Reading the dump"),
                 "checking": self.tr("Checking the records against the hash chain"),
                 "indexing": self.tr("Building the search index"),
                 "saving": self.tr("Saving the journal")}
        return self._run(self.tr("Import a dump"), words,
                         self.tr("Stopped; nothing was imported."),
                         lambda j, progress: j.import_dump(path, progress=progress),
                         self._imported)

    def _imported(self, counts: dict) -> str:
        kinds = {"platforms": self.tr("platforms: {0}"), "channels": self.tr("channels: {0}"),
                 "cases": self.tr("cases: {0}"), "interactions": self.tr("interactions: {0}"),
                 "references": self.tr("references: {0}"), "promises": self.tr("promises: {0}"),
                 "attachments": self.tr("files: {0}"),
                 "ledger entries": self.tr("hash-chain entries: {0}")}
        parts = [kinds.get(kind, kind + ": {0}").format(QLocale().toString(n))
                 for kind, n in counts.items()]
        return self.tr("Imported the dump: {0}.").format(QLocale().createSeparatedList(parts))

    def _run(self, title, words, stopped, work, describe) -> TaskProgressDialog:
        dialog = TaskProgressDialog(title, words, stopped, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.ended.connect(self._ended)
        dialog.destroyed.connect(weak(self._forget, dialog))
        self.dialog = dialog
        dialog.start(self.session, work, describe)
        self._enable()
        dialog.open()
        return dialog

    def _ended(self, _ok: bool) -> None:
        self._enable()
        self._recount.start()

    def _forget(self, dialog, *_destroyed) -> None:
        if self.dialog is dialog:
            self.dialog = None
            self._enable()
