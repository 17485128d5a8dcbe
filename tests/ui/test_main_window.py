"""The whole window, used as a person would: first run, a live call through a lock, search
and jump, a promise kept, and the Chinese window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from journal.ui.capture.log_dialog import LogDialog
from journal.ui.kit import resources
from journal.ui.kit.session import Session
from journal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui import WAIT
from tests.ui.windows import shown_window

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(session, qtbot):
    w = shown_window(session, qtbot)
    qtbot.waitUntil(lambda: w.cases.model.rowCount() == 1, timeout=WAIT)
    yield w
    session.wait()


def unlock_through_the_screen(qtbot, w: MainWindow, passphrase: str = PASSPHRASE) -> None:
    screen = w.unlock_screen
    assert w.pages.currentWidget() is screen
    from PySide6.QtWidgets import QLineEdit
    fields = [f for f in screen.findChildren(QLineEdit) if f.isVisible()]
    assert len(fields) == 1, "the unlock page shows one passphrase field"
    qtbot.keyClicks(fields[0], passphrase)
    qtbot.keyClick(fields[0], Qt.Key.Key_Return)


def test_first_run_creates_the_journal_and_opens_on_an_empty_case_list(tmp_path, qtbot):
    session = Session(tmp_path / "journal")
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    screen = w.unlock_screen
    assert w.pages.currentWidget() is screen and screen.mode == "create"
    assert not w.call_action.isEnabled() and not w.toolbar.isVisible()
    qtbot.keyClicks(screen.new_passphrase, PASSPHRASE)
    qtbot.keyClicks(screen.repeat_passphrase, PASSPHRASE)
    qtbot.mouseClick(screen.create_button, LEFT)
    qtbot.waitUntil(lambda: screen.mode == "recovery", timeout=WAIT)
    assert w.pages.currentWidget() is screen, "the recovery key is shown before the journal"
    # On the box itself: a stretched check box does not take clicks right of its text.
    qtbot.mouseClick(screen.stored, LEFT, pos=QPoint(8, screen.stored.height() // 2))
    qtbot.mouseClick(screen.continue_button, LEFT)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    assert w.call_action.isEnabled()
    assert w.cases.stack.currentWidget() is w.cases.empty
    w.close()
    assert session.journal is None


def test_a_live_call_survives_a_lock_and_is_saved_after_unlocking(window, session, qtbot):
    w = window
    w.open_case(1)
    qtbot.waitUntil(lambda: w.case_view.current_case_id() == 1, timeout=WAIT)
    w.call_action.trigger()
    session.wait()   # the call panel's case and channels are read off the GUI thread
    assert w.capture.isVisible() and w.capture.in_progress
    assert w.capture.case.currentData() == 1
    qtbot.keyClicks(w.capture.agent, "Mei")
    qtbot.keyClicks(w.capture.notes, "They will call back about the withdrawal hold")
    qtbot.keyClicks(w.capture.references.value, "CB-99001")
    qtbot.mouseClick(w.capture.references.add_button, LEFT)

    w.lock_action.trigger()  # Ctrl+L
    assert w.pages.currentWidget() is w.unlock_screen
    assert not session.is_open and not w.call_action.isEnabled()
    assert w.case_view.current_case_id() is None
    # The key is forgotten once the draft saved at the lock is written.
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)

    unlock_through_the_screen(qtbot, w, "not the passphrase")
    qtbot.waitUntil(lambda: w.unlock_screen.error.isVisible(), timeout=WAIT)
    assert w.pages.currentWidget() is w.unlock_screen
    unlock_through_the_screen(qtbot, w)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)

    assert w.capture.isVisible() and w.capture.in_progress
    assert w.capture.notes.toPlainText() == "They will call back about the withdrawal hold"
    assert w.capture.agent.text() == "Mei"
    with qtbot.waitSignal(w.capture.finished, timeout=WAIT):
        qtbot.mouseClick(w.capture.end, LEFT)
    session.wait()
    call = session.journal.timeline(1)[-1]
    assert call.agent == "Mei" and call.notes.startswith("They will call back")
    assert [r.value for r in call.references] == ["CB-99001"]
    assert session.journal.draft("call") is None
    qtbot.waitUntil(lambda: not w.capture.isVisible(), timeout=WAIT)


def test_auto_lock_keeps_a_call_and_a_chat_being_logged(window, session, qtbot):
    w = window
    w.open_case(1)
    w.call_action.trigger()
    qtbot.waitUntil(lambda: w.capture.in_progress, timeout=WAIT)
    qtbot.keyClicks(w.capture.notes, "on hold for the risk team")
    w.log_action.trigger()
    dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, LogDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    transcript = dialogs[0].findChild(QPlainTextEdit)
    qtbot.keyClicks(transcript, "Agent: your case is with the risk team")

    w.auto_lock.set_interval_ms(50)
    w.auto_lock.resume()
    with qtbot.waitSignal(w.auto_lock.idle, timeout=WAIT):
        pass
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.unlock_screen, timeout=WAIT)
    assert not any(d.isVisible() for d in QApplication.topLevelWidgets()
                   if isinstance(d, LogDialog))

    w.auto_lock.set_minutes(5)
    unlock_through_the_screen(qtbot, w)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in QApplication.topLevelWidgets()
                                if isinstance(d, LogDialog)), timeout=WAIT)
    reopened = [d for d in QApplication.topLevelWidgets()
                if isinstance(d, LogDialog) and d.isVisible()][0]
    qtbot.waitUntil(lambda: reopened.draft_state.text() == "Draft restored", timeout=WAIT)
    text = reopened.findChild(QPlainTextEdit).toPlainText()
    assert text == "Agent: your case is with the risk team"
    reopened.keep_draft_and_close()
    assert w.capture.in_progress
    assert w.capture.notes.toPlainText() == "on hold for the risk team"
    session.wait()
    assert session.journal.draft("call")["notes"] == "on hold for the risk team"


def test_search_jumps_to_the_interaction_in_its_case(window, session, qtbot):
    w = window
    session.journal.open_case("Coinbase", "Card payment refused", category="card")
    second = session.journal.log(2, kind="chat", notes="客服说退款已经处理 refund is processed")
    session.announce("cases")
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    panel = w.search_panel
    assert panel is not None and panel.isVisible()
    panel.field.insert("退款")
    qtbot.waitUntil(lambda: panel.model.hit_count() == 1, timeout=WAIT)
    with qtbot.waitSignal(panel.interactionChosen, timeout=WAIT):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.case_view.current_case_id() == 2, timeout=WAIT)
    # The list selects it once its rows are in (read off the GUI thread after "cases").
    qtbot.waitUntil(lambda: w.cases.current_case_id() == 2, timeout=WAIT)
    assert not panel.isVisible()
    assert second.id in [i.id for i in session.journal.timeline(2)]


def test_a_promise_is_marked_kept_from_the_promises_tab(window, session, qtbot):
    w = window
    w.promises_action.trigger()
    assert w.side.currentWidget() is w.promises
    qtbot.waitUntil(lambda: w.promises.model.rowCount() == 1, timeout=WAIT)
    assert "1" in w.side.tabText(w.side.indexOf(w.promises))  # "Promises (1 overdue)"
    w.promises.table.selectRow(0)
    qtbot.mouseClick(w.promises.kept_button, LEFT)
    qtbot.waitUntil(lambda: w.promises.model.rowCount() == 0, timeout=WAIT)
    assert [p.status.value for p in session.journal.promises()] == ["kept"]


def test_the_chinese_window_speaks_chinese(session, qtbot):
    assert resources.install_language("zh_CN"), "the Chinese translation is built (make)"
    try:
        w = MainWindow(session)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
        assert w.windowTitle() == "客服记录本" or not w.windowTitle().isascii()
        assert not w.call_action.text().isascii()
        w.close()
    finally:
        resources.install_language("en")


def test_changing_the_language_rebuilds_the_window_and_keeps_the_call(session, qtbot):
    from journal.ui.app import Launcher
    from journal.ui.kit import settings
    launcher = Launcher(session.folder)
    launcher.session = session
    launcher.show()
    first = launcher.window
    qtbot.waitUntil(lambda: first.pages.currentWidget() is first.splitter, timeout=WAIT)
    first.open_case(1)
    first.call_action.trigger()
    qtbot.waitUntil(lambda: first.capture.in_progress, timeout=WAIT)
    qtbot.keyClicks(first.capture.notes, "said to wait for the risk team")
    try:
        settings.set_language("zh_CN")
        first.languageChanged.emit("zh_CN")
        second = launcher.window
        assert second is not first
        qtbot.waitUntil(lambda: second.capture.in_progress, timeout=WAIT)
        assert second.capture.notes.toPlainText() == "said to wait for the risk team"
        qtbot.waitUntil(lambda: second.case_view.current_case_id() == 1
                        and second.cases.current_case_id() == 1, timeout=WAIT)
        assert not second.call_action.text().isascii()
        assert session.is_open
        second.capture.save_draft_now()
        second.close()
    finally:
        resources.install_language("en")


def test_a_failed_attempt_shows_where_else_to_reach_them(window, session, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.capture.failed_attempt import FailedAttemptDialog
    w = window
    w.open_case(1)
    w.failed_action.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if isinstance(d, FailedAttemptDialog) and d.isVisible())
    buttons = [b for b in dialog.findChildren(type(w.capture.end)) if b.text() == "&No answer"]
    assert buttons, [b.text() for b in dialog.findChildren(type(w.capture.end))]
    qtbot.mouseClick(buttons[0], LEFT)
    qtbot.waitUntil(lambda: any(isinstance(b, QMessageBox) and b.objectName() == "reachTips"
                                and b.isVisible() for b in QApplication.topLevelWidgets()),
                    timeout=WAIT)
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "reachTips")
    text = box.text()
    assert "help.coinbase.com/chat" in text        # the other official channel
    assert "https://coinbase.com" in text          # announcements
    assert "answered most" not in text             # one answered call is no pattern
    box.close()


# -- the case stays on screen ------------------------------------------------------------------

def two_cases(journal) -> None:
    """The demo journal and a second, newer case: the list's first row is not case 1."""
    from tests.conftest import demo_content
    demo_content(journal)
    journal.open_case("Coinbase", "Card payment refused", category="card")


def shows(w: MainWindow, case_id: int) -> bool:
    """Case `case_id` is open in the middle pane and selected in the list, all answers in."""
    view = w.case_view
    return (view.current_case_id() == case_id and not view.loading()
            and view.stack.currentWidget() is not view.empty
            and w.cases.current_case_id() == case_id and not w.cases.model.loading())


@pytest.fixture
def older_case_open(session, qtbot):
    """The window on two cases, with the older one (not the list's first row) open."""
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()   # where the keyboard goes matters here
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=WAIT)
    qtbot.waitUntil(lambda: w.cases.model.rowCount() == 2, timeout=WAIT)
    assert w.cases.model.case_at(0).id == 2
    w.open_case(1)
    qtbot.waitUntil(lambda: shows(w, 1), timeout=WAIT)
    yield w
    session.wait()


@pytest.mark.journal_template("two_cases", two_cases)
def test_the_case_open_before_a_lock_is_open_again_after_unlocking(older_case_open, session,
                                                                   qtbot):
    w = older_case_open
    w.lock_action.trigger()
    assert w.case_view.current_case_id() is None     # nothing of it on screen while locked
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)
    unlock_through_the_screen(qtbot, w)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    qtbot.waitUntil(lambda: shows(w, 1) and not session.busy, timeout=WAIT)
    assert w.case_view.title.text() == "Withdrawal stuck since Monday"
    assert w._current_case() == 1


@pytest.mark.journal_template("two_cases", two_cases)
def test_a_call_restored_after_a_crash_shows_its_case(session, qtbot):
    # What a window killed mid-call leaves: the call's draft, on the older case.
    session.journal.save_draft("call", {"case_id": 1, "started_at": "2026-11-20T09:00:00Z",
                                        "notes": "on hold with the risk team"})
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.capture.in_progress and w.capture.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: shows(w, 1) and not session.busy, timeout=WAIT)
    assert w.capture.case_id() == 1
    assert w.capture.notes.toPlainText() == "on hold with the risk team"
    w.capture.save_draft_now()


@pytest.mark.journal_template("two_cases", two_cases)
def test_a_discarded_call_leaves_its_case_on_screen(older_case_open, session, qtbot):
    w = older_case_open
    w.call_action.trigger()
    qtbot.waitUntil(lambda: w.capture.in_progress and w.capture.case_id() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT)
    with qtbot.waitSignal(w.capture.cancelled, timeout=WAIT):
        w.capture.cancel_call()   # nothing typed: no question asked
    assert not w.capture.isVisible()
    qtbot.waitUntil(lambda: not session.busy, timeout=WAIT)
    assert shows(w, 1)
    focus = QApplication.focusWidget()   # back in the case, not lost with the panel
    assert focus is not None and w.case_view.isAncestorOf(focus), focus


@pytest.mark.journal_template("two_cases", two_cases)
def test_a_call_is_started_on_the_case_shown_or_on_none(session, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=WAIT)
    # The list, given the keyboard, opens its first case: shown, and drawn selected.
    qtbot.waitUntil(lambda: shows(w, 2) and not session.busy, timeout=WAIT)
    started = []
    w.capture.start = lambda case_id=None: started.append(case_id)
    w.call_action.trigger()
    assert started == [2]
    # Nothing chosen (the pane says "Choose a case", the row current but not selected).
    w.case_view.show_case(None)
    w.cases.table.clearSelection()
    w.call_action.trigger()
    assert started[-1] is None
    # A case that could not be read is not chosen either.
    w.case_view.show_case(99_999)
    qtbot.waitUntil(lambda: not w.case_view.loading(), timeout=WAIT)
    w.call_action.trigger()
    assert started[-1] is None


def test_tab_goes_from_the_case_list_to_the_case_to_the_call(window, session, qtbot):
    w = window
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=WAIT)
    w.open_case(1)
    w.call_action.trigger()
    qtbot.waitUntil(lambda: w.capture.in_progress and not session.busy, timeout=WAIT)
    panes = [w.side, w.case_view, w.capture]
    w.side.tabBar().setFocus()
    seen = []
    for _ in range(80):   # Tab, as far as it goes round the window and back
        focus = QApplication.focusWidget()
        pane = next((i for i, p in enumerate(panes) if p is focus or p.isAncestorOf(focus)),
                    None)
        if seen and focus is w.side.tabBar():
            break
        name = focus.objectName()
        if focus is w.case_view.tabs.tabBar():
            name = "caseTabs"
        elif focus is w.case_view.timeline:
            name = "caseTimeline"
        seen.append((pane, type(focus).__name__, name))
        w.focusNextChild()
    order = [pane for pane, _, _ in seen]
    assert None not in order, seen
    assert order == sorted(order) and set(order) == {0, 1, 2}, "\n".join(map(str, seen))
    # Within a pane, top to bottom: the filters before the list, the case's status and its
    # tabs before its timeline.
    names = [name for _, _, name in seen]
    assert [n for n in names if n in ("statusFilter", "platformFilter", "caseTable",
                                      "caseStatus", "caseTabs", "caseTimeline")] == [
        "statusFilter", "platformFilter", "caseTable", "caseStatus", "caseTabs",
        "caseTimeline"], names
    w.capture.cancel_call()


def test_export_opens_on_the_case_shown_and_its_result_stays_in_the_status_bar(window, qtbot):
    from journal.ui.dialogs.export_dialog import ExportDialog
    w = window
    w.case_view.show_case(None)   # the middle pane asks to choose a case
    w.cases.table.clearSelection()
    w.export_action.trigger()     # no case chosen: one sentence, no dialog
    box = next(b for b in QApplication.topLevelWidgets() if b.objectName() == "errorMessage"
               and b.isVisible())
    assert "Choose a case first" in box.text()
    box.close()
    assert not any(isinstance(d, ExportDialog) for d in QApplication.topLevelWidgets())
    w.open_case(1)
    qtbot.waitUntil(lambda: w.case_view.current_case_id() == 1, timeout=WAIT)
    w.export_action.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if isinstance(d, ExportDialog) and d.isVisible())
    assert dialog.case_id == 1
    dialog.fingerprint = "SHA256:abc"
    dialog.exported.emit("/tmp/case-1.zip")      # as the dialog does once the files are written
    assert "/tmp/case-1.zip" in w.statusBar().currentMessage()
    assert "SHA256:abc" in w.statusBar().currentMessage()
    dialog.close()
