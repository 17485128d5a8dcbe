"""A case's checklist: suggested when a case is opened, written in the case view, ticked during
a live call or a logged chat and saved with that contact; what is not answered comes back."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from journal.domain import times
from journal.ui.capture import call_capture
from journal.ui.capture.call_capture import CallCapture
from journal.ui.capture.log_dialog import LogDialog
from journal.ui.cases.case_view import CaseView
from journal.ui.cases.new_case_dialog import NewCaseDialog
from journal.ui.checklist.checklist_model import AnsweredRole, ChecklistModel
from journal.ui.checklist.checklist_panel import ChecklistPanel
from journal.ui.kit import messages, resources
from journal.ui.main_window import MainWindow
from tests.ui.test_main_window import unlock_through_the_screen
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
TXID = "Transaction hash (TXID) or withdrawal ID"


class PastClock:
    """The call panel's clock, started minutes ago so that the service accepts the end."""

    def __init__(self):
        self.t = times.now() - timedelta(minutes=10)

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    monkeypatch.setattr(call_capture, "now", PastClock())
    monkeypatch.setattr(messages, "confirm", lambda *a: True)


def two_item_case(session) -> tuple[int, int, int]:
    """A case whose checklist holds one question and one detail, nothing suggested."""
    j = session.journal
    case = j.open_case("Coinbase", "Card charged twice", category="card",
                       checklist_language=None)
    ask = j.add_checklist_item(case.id, "Is the second charge a hold or a payment?")
    have = j.add_checklist_item(case.id, "Card statement line", kind="have")
    return case.id, ask.id, have.id


def texts(session, case_id=1) -> list[str]:
    return [i.text for i in session.journal.checklist(case_id)]


def shown_panel(widget, qtbot):
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT)
    return widget


def open_new_case(w: MainWindow, qtbot, title: str) -> int:
    w.new_case_action.trigger()
    dialog = w.findChild(NewCaseDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.platform.count() > 0, timeout=WAIT)  # read off the GUI
    dialog.category.setCurrentIndex(dialog.category.findData("withdrawal"))
    dialog.title.insert(title)  # as typed (QTest cannot type Chinese)
    with qtbot.waitSignal(dialog.caseOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(dialog.ok, LEFT)
    case_shown(w.case_view, qtbot, opened.args[0])
    return opened.args[0]


def case_shown(view: CaseView, qtbot, case_id: int) -> None:
    """Wait for the case view to show this case (read off the GUI thread)."""
    qtbot.waitUntil(lambda: view.current_case_id() == case_id and not view.loading()
                    and view.checklist.model.case_id == case_id, timeout=WAIT)


def window(session, qtbot) -> MainWindow:
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    return w


def tick_row(view, qtbot, row: int) -> None:
    view.setFocus()
    view.setCurrentIndex(view.model().index(row))
    qtbot.keyClick(view, Qt.Key.Key_Space)


# -- the model ---------------------------------------------------------------------------

def test_the_models_pass_the_model_tester(session, qtmodeltester):
    session.journal.tick_checklist_item(session.journal.checklist(1)[1].id)
    for live in (False, True):
        model = ChecklistModel(session, live=live)
        model.load(1)
        session.wait()
        assert model.rowCount() == len(session.journal.checklist(1)) - live
        qtmodeltester.check(model)
        model.load(None)
        assert model.rowCount() == 0
        qtmodeltester.check(model)


def test_a_drop_moves_the_row_where_it_lands(session, qtbot):
    model = ChecklistModel(session)
    model.load(1)
    session.wait()
    first = model.ids()[0]
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)  # dropped above the 4th row
    assert model.ids()[2] == first
    session.wait()
    qtbot.waitUntil(lambda: [i.id for i in session.journal.checklist(1)] == model.ids(),
                    timeout=WAIT)
    assert not model.moveRow(QModelIndex(), 2, QModelIndex(), 3)  # onto itself: nothing


# -- a new case gets suggestions ----------------------------------------------------------

def test_a_case_opened_in_the_window_gets_its_categorys_checklist(session, qtbot):
    w = window(session, qtbot)
    case_id = open_new_case(w, qtbot, "ETH withdrawal held")
    assert TXID in texts(session, case_id)
    view = w.case_view
    assert view.tabs.currentWidget() is view.checklist  # nothing logged yet: prepare first
    model = view.checklist.model
    assert model.rowCount() == len(texts(session, case_id))
    assert view.tabs.tabText(1) == f"Checklist ({model.rowCount()} open)"
    w.open_case(1)  # a case with a timeline shows the tab the user last chose
    case_shown(view, qtbot, 1)
    assert view.tabs.currentWidget() is view.timeline
    view.show_checklist()
    w.open_case(case_id)
    case_shown(view, qtbot, case_id)
    w.open_case(1)
    case_shown(view, qtbot, 1)
    assert view.tabs.currentWidget() is view.checklist
    session.wait()


def test_the_chinese_window_suggests_in_chinese(session, qtbot):
    assert resources.install_language("zh_CN"), "the Chinese translation is built (make)"
    try:
        w = window(session, qtbot)
        case_id = open_new_case(w, qtbot, "提现被卡")
        items = texts(session, case_id)
        assert "交易哈希（TXID）或提现 ID" in items
        assert not any(t.isascii() for t in items)
        w.close()
    finally:
        resources.install_language("en")


# -- the case view's panel -----------------------------------------------------------------

@pytest.fixture
def panel(session, qtbot):
    p = shown_panel(ChecklistPanel(session), qtbot)
    p.load(1)
    qtbot.waitUntil(lambda: p.model.case_id == 1, timeout=WAIT)
    yield p
    session.wait()


def test_add_edit_move_tick_and_remove_through_the_panel(panel, session, qtbot):
    model, view = panel.model, panel.list
    count = model.rowCount()

    panel.kind.setCurrentIndex(panel.kind.findData("have"))
    qtbot.keyClicks(panel.new_text, "Bank statement showing the missing ETH")
    qtbot.keyClick(panel.new_text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == count + 1, timeout=WAIT)
    added = session.journal.checklist(1)[-1]
    assert (added.kind.value, added.text) == ("have", "Bank statement showing the missing ETH")
    assert panel.current_row() == count and panel.new_text.text() == ""

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, "Bank statement for November")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: texts(session)[-1] == "Bank statement for November", timeout=WAIT)

    # Ctrl+Up is a shortcut: Qt gives it only to the active window (a window left by a test
    # before this one, in the same process, may have been made active meanwhile).
    # It is a widget shortcut of the list, so the list must have the focus too: activating
    # the window may have given it to another widget, or to none.
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=WAIT)
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: texts(session)[-2] == "Bank statement for November", timeout=WAIT)
    # Each move is written before the next key (two presses at once, on a loaded machine,
    # lost one move about once in six runs: a race left open, noted on issue 15).
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: texts(session)[-3] == "Bank statement for November", timeout=WAIT)
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL)
    qtbot.waitUntil(lambda: texts(session)[-2] == "Bank statement for November", timeout=WAIT)
    assert model.item(panel.current_row()).text == "Bank statement for November"

    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: session.journal.checklist(1)[-2].answered, timeout=WAIT)
    item = session.journal.checklist(1)[-2]
    assert item.interaction_id is None  # ticked while preparing, not in a contact
    assert model.open_count() == count
    qtbot.keyClick(view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not session.journal.checklist(1)[-2].answered, timeout=WAIT)

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "Bank statement for November" not in texts(session), timeout=WAIT)
    assert model.rowCount() == count


def test_suggest_adds_back_only_what_is_missing(panel, session, qtbot):
    txid = next(i for i in session.journal.checklist(1) if i.text == TXID)
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(txid.id)))
    qtbot.mouseClick(panel.remove_button, LEFT)
    qtbot.waitUntil(lambda: TXID not in texts(session), timeout=WAIT)
    qtbot.mouseClick(panel.suggest_button, LEFT)
    qtbot.waitUntil(lambda: TXID in texts(session), timeout=WAIT)
    # The message follows the list's refresh; under load it can come a moment later.
    qtbot.waitUntil(lambda: panel.message.text().startswith("1 suggested item"), timeout=WAIT)
    assert texts(session).count(TXID) == 1
    qtbot.mouseClick(panel.suggest_button, LEFT)
    qtbot.waitUntil(lambda: "already has every" in panel.message.text(), timeout=WAIT)


def test_an_empty_checklist_explains_itself_and_offers_suggestions(panel, session, qtbot):
    case = session.journal.open_case("Coinbase", "Deposit missing", category="deposit",
                                     checklist_language=None)
    panel.load(case.id)
    qtbot.waitUntil(lambda: panel.model.case_id == case.id, timeout=WAIT)
    assert panel.stack.currentWidget() is panel.empty
    assert "Suggest items" in panel.empty.text() and panel.suggest_button.isEnabled()
    qtbot.mouseClick(panel.suggest_button, LEFT)
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.list, timeout=WAIT)
    assert "Transaction hash (TXID) of the deposit" in texts(session, case.id)


def test_an_empty_text_or_a_vanished_item_changes_nothing(panel, session, qtbot):
    model = panel.model
    before = texts(session)
    assert not model.setData(model.index(0), "   ")
    assert panel.message.isVisible() and "remove it" in panel.message.text()
    gone = model.item(0)
    session.journal.remove_checklist_item(gone.id)  # e.g. from the command line meanwhile
    tick_row(panel.list, qtbot, 0)
    qtbot.waitUntil(lambda: gone.id not in model.ids(), timeout=WAIT)
    assert "no checklist item" in panel.message.text()
    assert texts(session) == before[1:]


def test_an_answered_item_says_when_and_in_which_contact(panel, session, qtbot):
    item = session.journal.checklist(1)[0]
    call = session.journal.timeline(1)[0]
    session.journal.tick_checklist_item(item.id, interaction_id=call.id)
    session.announce("timeline")
    qtbot.waitUntil(lambda: panel.model.index(0).data(AnsweredRole) is not None, timeout=WAIT)
    index = panel.model.index(0)
    note = index.data(AnsweredRole)
    assert note.startswith("Answered ") and "Call of " in note
    assert index.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_the_case_view_shortcut_opens_the_checklist(session, qtbot):
    view = shown_panel(CaseView(session), qtbot)
    view.show_case(1)
    case_shown(view, qtbot, 1)
    assert view.tabs.currentWidget() is view.timeline
    qtbot.keyClick(view.timeline, Qt.Key.Key_K, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert view.tabs.currentWidget() is view.checklist
    assert view.checklist.list.hasFocus()
    assert view.show_interaction(session.journal.timeline(1)[0].id)
    assert view.tabs.currentWidget() is view.timeline


# -- ticked in a live call, saved with it ----------------------------------------------------

@pytest.fixture
def capture(session, qtbot):
    widget = shown_panel(CallCapture(session), qtbot)
    yield widget
    session.wait()


def test_ticks_in_a_call_are_saved_with_it_and_the_rest_comes_back(capture, session, qtbot):
    case_id, ask, have = two_item_case(session)
    capture.start(case_id)
    live = capture.checklist
    qtbot.waitUntil(lambda: live.model.ids() == [ask, have], timeout=WAIT)
    assert live.isVisible()
    qtbot.keyClick(capture.notes, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert live.list.hasFocus()
    tick_row(live.list, qtbot, 1)
    assert live.ticked() == [have]
    qtbot.waitUntil(lambda: (session.journal.draft("call") or {}).get("answered") == [have],
                    timeout=WAIT)
    assert not session.journal.checklist_item(have).answered  # not before the call is saved
    with qtbot.waitSignal(capture.finished, timeout=WAIT) as done:
        qtbot.mouseClick(capture.end, LEFT)
    session.wait()
    assert session.journal.checklist_item(have).interaction_id == done.args[0]
    assert not session.journal.checklist_item(ask).answered

    capture.start(case_id)  # the next call shows what is still open, unticked
    qtbot.waitUntil(lambda: live.model.ids() == [ask], timeout=WAIT)
    assert live.ticked() == []


def test_a_call_that_did_not_connect_ticks_nothing(capture, session, qtbot):
    case_id, ask, have = two_item_case(session)
    capture.start(case_id)
    qtbot.waitUntil(lambda: capture.checklist.model.ids() == [ask, have], timeout=WAIT)
    tick_row(capture.checklist.list, qtbot, 0)
    busy = next(a for a in capture.no_connect.menu().actions() if a.text() == "Busy")
    with qtbot.waitSignal(capture.finished, timeout=WAIT):
        busy.trigger()
    session.wait()
    assert not any(i.answered for i in session.journal.checklist(case_id))


def test_an_item_removed_during_the_call_does_not_stop_it_being_saved(capture, session, qtbot):
    case_id, ask, have = two_item_case(session)
    capture.start(case_id)
    qtbot.waitUntil(lambda: capture.checklist.model.ids() == [ask, have], timeout=WAIT)
    tick_row(capture.checklist.list, qtbot, 0)
    tick_row(capture.checklist.list, qtbot, 1)
    session.journal.remove_checklist_item(ask)  # removed elsewhere, no announcement
    with qtbot.waitSignal(capture.finished, timeout=WAIT) as done:
        qtbot.mouseClick(capture.end, LEFT)
    assert session.journal.checklist_item(have).interaction_id == done.args[0]


def test_ticks_survive_a_crash(capture, session, qtbot):
    case_id, ask, have = two_item_case(session)
    capture.start(case_id)
    qtbot.waitUntil(lambda: capture.checklist.model.ids() == [ask, have], timeout=WAIT)
    tick_row(capture.checklist.list, qtbot, 0)
    capture.save_draft_now()
    fresh = CallCapture(session)
    qtbot.addWidget(fresh)
    restored = []
    fresh.restore_draft(restored.append)
    qtbot.waitUntil(lambda: restored == [True], timeout=WAIT)
    qtbot.waitUntil(lambda: fresh.checklist.model.ids() == [ask, have], timeout=WAIT)
    assert fresh.checklist.ticked() == [ask]
    assert fresh.checklist.model.index(0).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked


def test_ticks_survive_a_lock_in_the_window(session, qtbot):
    case_id, ask, have = two_item_case(session)
    session.announce("cases")
    w = window(session, qtbot)
    w.open_case(case_id)
    w.call_action.trigger()
    qtbot.waitUntil(lambda: w.capture.checklist.model.ids() == [ask, have], timeout=WAIT)
    tick_row(w.capture.checklist.list, qtbot, 0)
    w.lock_action.trigger()
    assert w.pages.currentWidget() is w.unlock_screen
    unlock_through_the_screen(qtbot, w)
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    assert w.capture.in_progress and w.capture.checklist.ticked() == [ask]
    with qtbot.waitSignal(w.capture.finished, timeout=WAIT) as done:
        qtbot.mouseClick(w.capture.end, LEFT)
    session.wait()
    assert session.journal.checklist_item(ask).interaction_id == done.args[0]
    assert not session.journal.checklist_item(have).answered
    # The case view's checklist shows it answered, in that call.
    qtbot.waitUntil(lambda: w.case_view.checklist.model.open_count() == 1, timeout=WAIT)
    assert "Call of" in w.case_view.checklist.model.index(0).data(AnsweredRole)


# -- ticked in a logged chat ----------------------------------------------------------------

def test_a_logged_chat_saves_its_ticks_and_keeps_them_in_its_draft(session, qtbot):
    case_id, ask, have = two_item_case(session)
    dialog = shown_panel(LogDialog(session, case_id, kind="chat"), qtbot)
    qtbot.waitUntil(lambda: dialog.checklist.model.ids() == [ask, have], timeout=WAIT)
    session.wait()  # its kept draft (none) is read too: a tick made before is not saved
    tick_row(dialog.checklist.list, qtbot, 0)
    dialog.save_draft_now()
    dialog.keep_draft_and_close()
    again = shown_panel(LogDialog(session, case_id, kind="chat"), qtbot)
    qtbot.waitUntil(lambda: again.draft_state.text() == "Draft restored", timeout=WAIT)
    qtbot.waitUntil(lambda: again.checklist.model.ids() == [ask, have], timeout=WAIT)
    assert again.checklist.ticked() == [ask]
    qtbot.keyClicks(again.text, "Agent: the second charge is a hold and drops in 3 days.")
    with qtbot.waitSignal(again.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(again.save_button, LEFT)
    session.wait()
    assert session.journal.checklist_item(ask).interaction_id == logged.args[0]
    assert not session.journal.checklist_item(have).answered
    assert not any(isinstance(d, LogDialog) and d.isVisible()
                   for d in QApplication.topLevelWidgets())
