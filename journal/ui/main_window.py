"""The main window: the unlock screen, or the journal (cases, a case, a live call)."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTabWidget,
    QWidget,
)

from ..errors import JournalError
from .app import product_name
from .capture.call_capture import CallCapture
from .capture.failed_attempt import FailedAttemptDialog
from .capture.import_dialog import ImportDialog, local_files
from .capture.log_dialog import LogDialog
from .capture.reach_tips import show_tips
from .cases.case_list import CaseListPanel
from .cases.case_view import CaseView
from .cases.new_case_dialog import NewCaseDialog
from .dialogs.export_dialog import ExportDialog
from .dialogs.preferences_dialog import PreferencesDialog
from .dialogs.shortcuts_dialog import ShortcutsDialog
from .dialogs.stats_view import StatsView
from .directory.directory_screen import DirectoryScreen
from .kit import resources, settings
from .kit.auto_lock import AutoLock
from .kit.messages import show_error
from .kit.session import Session, weak
from .kit.window_size import give_first_size
from .main_menus import build_menus
from .promises.deadline_notifier import DeadlineNotifier
from .promises.due_notifier import DueNotifier
from .promises.promises_panel import PromisesPanel
from .reading.window_reading import WindowReading
from .search.search_panel import SearchPanel
from .unlock.unlock_screen import UnlockScreen


BUSY_AFTER_MS = 400   # the busy bar shows for work that takes longer than this


def read_log_drafts(journal) -> list[int]:
    """On the worker: the cases a chat or email was being logged in (its draft "log-<case>"),
    those still in the journal."""
    found = []
    for name, _ in journal.drafts():
        prefix, _, case_id = name.partition("-")
        if prefix == "log" and case_id.isdigit():
            try:
                journal.case(int(case_id))
            except JournalError:
                continue
            found.append(int(case_id))
    return found


class MainWindow(QMainWindow):
    languageChanged = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(product_name())
        self.setWindowIcon(resources.icon("app"))
        give_first_size(self)

        self.unlock_screen = UnlockScreen(session, self)
        self.cases = CaseListPanel(session)
        self.promises = PromisesPanel(session)
        self.case_view = CaseView(session)
        self.capture = CallCapture(session, self)
        self.capture.hide()
        # Evidence files dropped on the case open the Import evidence dialog with them.
        self.case_view.setAcceptDrops(True)
        self.case_view.installEventFilter(self)

        self.side = QTabWidget()
        self.side.setDocumentMode(True)
        self.side.addTab(self.cases, resources.icon("case"), self.tr("Cases"))
        self.side.addTab(self.promises, resources.icon("promise"), self.tr("Promises"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.case_view)
        self.splitter.addWidget(self.capture)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.unlock_screen)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)

        self._page_prepared = False
        self._reopen_case: int | None = None   # the case shown when the journal locked
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_dialog = None
        build_menus(self)
        self._build_status_bar()
        self.reading = WindowReading(session, self)   # the text in pictures, read in turn
        self.tray = self._build_tray()
        self.notifier = DueNotifier(session, self.tray)
        self.notifier.caseChosen.connect(self.open_case)
        self.deadline_notifier = DeadlineNotifier(session, self.tray)
        self.deadline_notifier.caseChosen.connect(self.open_case)
        self.promises.deadlines.loaded.connect(self.deadline_notifier.consider)
        # One tray, two kinds of message: a click opens the case of the latest one shown.
        self.deadline_notifier.deadlineNear.connect(
            lambda *_: setattr(self.notifier, "_last_case", None))
        self.notifier.promiseDue.connect(
            lambda *_: setattr(self.deadline_notifier, "_last_case", None))
        self.auto_lock = AutoLock(self)
        self.auto_lock.set_minutes(settings.auto_lock_minutes())
        self.search_panel: SearchPanel | None = None

        self.unlock_screen.unlocked.connect(self._on_unlocked)
        self.cases.caseActivated.connect(self.case_view.show_case)
        self.promises.caseChosen.connect(self.open_case)
        self.promises.overdueCountChanged.connect(self._show_overdue)
        self.capture.finished.connect(self._call_finished)
        self.capture.cancelled.connect(self._hide_capture)
        self.auto_lock.idle.connect(self.lock)
        self.session.failed.connect(self._show_failure)  # a bound method: gone with the window
        self.session.busyChanged.connect(self._busy_changed)

        state = QSettings().value("window/geometry")
        if isinstance(state, QByteArray):
            self.restoreGeometry(state)
        if session.is_open:
            QTimer.singleShot(0, self._on_unlocked)
        else:
            self._show_locked()

    # -- building ---------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        # Reads come and go in milliseconds: the bar shows only for work that takes a while.
        self._busy_soon = QTimer(self, singleShot=True, interval=BUSY_AFTER_MS,
                                 timeout=self.busy.show)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_soon.start()
            if not self.session.is_open and not self._page_prepared:
                QTimer.singleShot(0, self, self._prepare_journal_page)
        else:
            self._busy_soon.stop()
            self.busy.hide()

    def _prepare_journal_page(self) -> None:
        """While the key is derived (a second or so, on the worker), lay out and paint the
        journal's page once off screen, still empty: showing it after the unlock then costs a
        few milliseconds instead of 40-200 (the widgets' first layout and polish)."""
        if self._page_prepared or self.session.is_open:
            return
        self._page_prepared = True
        self.splitter.grab()
        self.cases.prepare()       # (behind the word the list says when it has no cases)
        self.case_view.prepare()   # (its case page is behind "Choose a case" until then)
        # The fallback font of Chinese text is opened when first drawn (~10 ms): now, rather
        # than with the first page of cases.
        picture = QPixmap(16, 16)
        painter = QPainter(picture)
        painter.drawText(0, 12, "退款提现客服账户")
        painter.end()

    def _build_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(resources.icon("app"), self)
        tray.setToolTip(product_name())
        tray.activated.connect(lambda _reason: (self.showNormal(), self.activateWindow()))
        tray.show()
        return tray

    # -- locking ----------------------------------------------------------------------------

    def _show_locked(self) -> None:
        for action in self.journal_actions:
            action.setEnabled(False)
        self.toolbar.hide()
        self.auto_lock.pause()
        self.unlock_screen.reset()
        self.pages.setCurrentWidget(self.unlock_screen)

    def _on_unlocked(self) -> None:
        for action in self.journal_actions:
            action.setEnabled(True)
        self.toolbar.show()
        self.pages.setCurrentWidget(self.splitter)
        # Nothing to announce: the session said "everything changed" once as it unlocked
        # (Session.changes), and every view read what it shows then, once; a view built on
        # an open journal reads when it is built. The case shown when the journal locked is
        # shown again: the list selects it once its rows are in and painted, and the case view
        # reads it then (as it would the first row).
        reopen, self._reopen_case = self._reopen_case, None
        if reopen is not None:
            self.cases.select_case(reopen)
        self.capture.restore_draft(weak(self._call_restored, reopen is None))
        self._reopen_log_drafts()
        self.auto_lock.resume()
        self.notifier.check_soon()
        self.cases.focus_list()

    def _call_restored(self, show_its_case: bool, found: bool) -> None:
        if not found:
            return
        self._show_capture()
        self.statusBar().showMessage(self.tr("The call in progress was restored."), 8000)
        case_id = self.capture.case_id()
        # After a crash: the call's case. After a lock, the case the user had open stays.
        if show_its_case and case_id is not None and case_id != self._current_case():
            self.open_case(case_id)

    def _reopen_log_drafts(self) -> None:
        """A chat or email being logged when the journal locked (or the app quit) comes back."""
        self.session.read(read_log_drafts, weak(self._log_drafts_read))

    def _log_drafts_read(self, case_ids: list[int]) -> None:
        for case_id in case_ids:
            self._open_log_dialog(case_id)

    def lock(self) -> None:
        """Save drafts, close what shows journal content, show the lock at once; the key is
        forgotten as soon as the work already asked for (those drafts too) is done."""
        if not self.session.is_open:
            return
        self.save_drafts()
        self._close_other_windows()
        # Only its id, and only in memory: the case comes back after the unlock.
        self._reopen_case = self._current_case()
        self.session.lock()
        self.case_view.show_case(None)
        self._show_locked()

    def _log_dialogs(self) -> list[LogDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, LogDialog) and w.isVisible()]

    def _close_other_windows(self) -> None:
        """Nothing of the journal stays on screen; a log being typed keeps its draft."""
        for dialog in self._log_dialogs():
            dialog.keep_draft_and_close()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isWindow() and not isinstance(widget, MainWindow):
                widget.close()

    def save_drafts(self) -> None:
        if not self.session.is_open:
            return
        if self.capture.in_progress:
            self.capture.save_draft_now()
        for dialog in self._log_dialogs():
            dialog.save_draft_now()

    # -- actions ----------------------------------------------------------------------------

    @property
    def case_to_reopen(self) -> int | None:
        """The case shown when the journal locked, shown again after the unlock."""
        return self._reopen_case

    def _current_case(self) -> int | None:
        """The case the user has chosen: the one the middle pane shows (or is opening); None
        while it says "Choose a case", whatever row of the list is current."""
        return self.case_view.current_case_id()

    def open_case(self, case_id: int, interaction_id: int | None = None) -> None:
        self.side.setCurrentWidget(self.cases)
        self.cases.select_case(case_id)
        self.case_view.show_case(case_id, interaction_id)

    def new_case(self) -> None:
        dialog = NewCaseDialog(self.session, self)
        dialog.caseOpened.connect(self.open_case)
        dialog.open()

    def start_call(self) -> None:
        if self.capture.in_progress:
            self.capture.show()
            self.capture.setFocus()
            return
        self.capture.start(self._current_case())
        self._show_capture()

    def _show_capture(self) -> None:
        if not self.capture.isVisible():
            width = max(self.splitter.width(), 900)
            self.splitter.setSizes([width * 27 // 100, width * 40 // 100, width * 33 // 100])
        self.capture.show()

    def _call_finished(self, interaction_id: int) -> None:
        self._hide_capture()
        self.statusBar().showMessage(self.tr("Call saved."), 6000)
        show_tips(self, self.session, interaction_id)  # only when it did not connect
        self.session.read(lambda j: j.interaction(interaction_id).case_id,
                          weak(self._open_logged, interaction_id))

    def _open_logged(self, interaction_id: int, case_id: int) -> None:
        self.open_case(case_id, interaction_id)

    def _hide_capture(self) -> None:
        """The call is over (saved or discarded): the case stays, and so does the keyboard,
        in the case shown (else in the list), not lost with the panel."""
        focus = QApplication.focusWidget()
        if (focus is None or self.capture.isAncestorOf(focus)) and self.isActiveWindow():
            if self._current_case() is not None:
                self.case_view.focus_entries()
            else:
                self.cases.focus_list()
        self.capture.hide()

    def _show_failure(self, sentence: str) -> None:
        show_error(self, sentence)

    def _need_case(self) -> int | None:
        case_id = self._current_case()
        if case_id is None:
            show_error(self, self.tr("Choose a case first, or open a new one with New case."))
        return case_id

    def failed_attempt(self) -> None:
        case_id = self._need_case()
        if case_id is not None:
            dialog = FailedAttemptDialog(self.session, case_id, self)
            dialog.logged.connect(lambda iid: self.open_case(case_id, iid))
            dialog.logged.connect(lambda iid: show_tips(self, self.session, iid))
            dialog.open()

    def log_message(self) -> None:
        case_id = self._need_case()
        if case_id is not None:
            self._open_log_dialog(case_id)

    def _open_log_dialog(self, case_id: int) -> None:
        for dialog in self._log_dialogs():
            if dialog.case_id == case_id:
                dialog.raise_()
                dialog.activateWindow()
                return
        dialog = LogDialog(self.session, case_id, "chat", self)
        dialog.logged.connect(lambda iid: self.open_case(case_id, iid))
        dialog.show()

    def import_evidence(self, paths=(), case_id: int | None = None) -> ImportDialog | None:
        """The Import evidence dialog for the case shown (or `case_id`), with `paths` added."""
        case_id = case_id if case_id is not None else self._need_case()
        if case_id is None:
            return None
        dialog = ImportDialog(self.session, case_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda cid: self.open_case(cid))
        dialog.add_files(paths or ())
        dialog.open()
        return dialog

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.case_view and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            files = local_files(event.mimeData())
            if files and self._current_case() is not None:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.import_evidence(files)
                return True
        return super().eventFilter(watched, event)

    def export_case(self) -> None:
        case_id = self._need_case()
        if case_id is not None:
            dialog = ExportDialog(self.session, case_id, self)
            # The dialog itself says what was written, with Open and Show in folder; the
            # status bar keeps a line of it once the dialog is closed.
            dialog.exported.connect(lambda path: self.statusBar().showMessage(
                self.tr("Case file written to {0}, signed by the journal key {1}")
                .format(path, dialog.fingerprint), 15000))
            dialog.open()

    def write_letter(self) -> None:
        case_id = self._need_case()
        if case_id is not None:
            from .dialogs.letter_dialog import LetterDialog
            self.letter_dialog = LetterDialog(self.session, case_id, self)
            self.letter_dialog.open()

    def export_calendar(self) -> None:
        from .dialogs.calendar_export import export_calendar
        export_calendar(self)

    def search(self) -> None:
        if self.search_panel is None:
            self.search_panel = SearchPanel(self.session, self)
            self.search_panel.interactionChosen.connect(self.open_case)
            self.search_panel.caseChosen.connect(self.open_case)
            self.search_panel.fileChosen.connect(self.reading.open_file)
        self.search_panel.show()
        self.search_panel.raise_()
        self.search_panel.activateWindow()

    def show_promises(self) -> None:
        self.side.setCurrentWidget(self.promises)
        self.promises.setFocus()

    def show_cases(self) -> None:
        self.side.setCurrentWidget(self.cases)
        self.cases.focus_list()

    def _show_overdue(self, count: int) -> None:
        index = self.side.indexOf(self.promises)
        text = self.tr("Promises ({0} overdue)").format(count) if count else self.tr("Promises")
        self.side.setTabText(index, text)

    def stats(self) -> None:
        StatsView(self.session, self).open()

    def directory(self) -> None:
        DirectoryScreen(self.session, self).open()

    def preferences(self) -> None:
        dialog = PreferencesDialog(self)
        dialog.autoLockChanged.connect(self.auto_lock.set_minutes)
        dialog.languageChanged.connect(
            lambda code: QTimer.singleShot(0, lambda: self.languageChanged.emit(code)))
        dialog.open()

    def show_shortcuts(self) -> None:
        """F1: every key of the window and of a live call, read from the menus' actions."""
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.shortcut_groups, self)
        self.shortcuts_dialog.refresh()
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()
        self.shortcuts_dialog.activateWindow()

    def about(self) -> None:
        """Help ▸ About: the version and build, the libraries, the folder, the licences."""
        if self.about_dialog is None:
            from .about.about_dialog import AboutDialog
            self.about_dialog = AboutDialog(self.session.folder, self)
        self.about_dialog.show()
        self.about_dialog.raise_()
        self.about_dialog.activateWindow()

    # -- closing ----------------------------------------------------------------------------

    def retire(self) -> None:
        """Replaced by a new window (the language changed): go without closing the journal."""
        self._retired = True
        self._close_other_windows()
        self.auto_lock.pause()
        if self.tray is not None:
            self.tray.hide()
        self.close()
        self.deleteLater()

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        if not getattr(self, "_retired", False):
            self.save_drafts()
            self._close_other_windows()
            self.session.close()
            if self.tray is not None:
                self.tray.hide()
        super().closeEvent(event)
