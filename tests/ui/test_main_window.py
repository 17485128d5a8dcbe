"""The whole window, used as a person would: first run, a live call through a lock, search
and jump, a promise kept, and the Chinese window."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.capture.log_dialog import LogDialog
from journal.ui.kit import resources
from journal.ui.kit.session import Session
from journal.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(session, qtbot):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
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
    transcript = dialogs[0].findChild(type(w.capture.notes))
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
    text = reopened.findChild(type(w.capture.notes)).toPlainText()
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
    assert w.cases.current_case_id() == 2
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
    assert "Coinbase answered most on" in text     # the fixture's answered call
    box.close()
