"""The promises panel (overdue first, Kept / Broken / Cancelled) and the due notifier."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from journal.domain.model import PromiseStatus
from journal.service import NewPromise
from journal.ui.kit.palette import warning_colour
from journal.ui.promises import due_notifier
from journal.ui.promises.due_notifier import DueNotifier
from journal.ui.promises.promises_panel import (
    OverdueRole,
    PromisesModel,
    PromisesPanel,
    load_rows,
)
from tests.ui import WAIT

FIXTURE_DUE = datetime.fromisoformat("2026-11-23T17:00:00+01:00")


def _panel(session, qtbot, rows=1) -> PromisesPanel:
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    panel.resize(800, 300)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == rows, timeout=WAIT)
    return panel


def _click_row(qtbot, panel, row):
    rect = panel.table.visualRect(panel.model.index(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(panel, column):
    return [panel.model.index(r, column).data() for r in range(panel.model.rowCount())]


def _titles(session, asked):
    """The model's question for case titles, answered as the panel's worker would."""
    def cases_of(case_ids, reply):
        asked.append(list(case_ids))
        reply({cid: (session.journal.case(cid).title, session.journal.case(cid).platform)
               for cid in case_ids})
    return cases_of


def test_promises_model_passes_the_model_tester(session, qtmodeltester, qtbot):
    asked = []
    model = PromisesModel(cases_of=_titles(session, asked))
    model.set_rows(load_rows(session.journal, True))
    assert model.rowCount() == 1
    assert model.index(0, PromisesModel.CASE).data() == ""   # asked for, not yet known
    qtbot.waitUntil(lambda: model.index(0, PromisesModel.CASE).data()
                    == "Withdrawal stuck since Monday", timeout=WAIT)
    assert asked == [[1]]   # once for the rows shown, not once per cell
    qtmodeltester.check(model)


def test_fixture_promise_is_listed_as_overdue(session, qtbot):
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.overdueCountChanged, timeout=WAIT) as counted:
        panel.show()
    assert counted.args == [1]
    due = panel.model.index(0, PromisesModel.DUE)
    assert due.data().startswith("overdue by ")
    assert due.data(OverdueRole) is True
    assert due.data(Qt.ItemDataRole.ForegroundRole) == warning_colour(QApplication.palette())
    assert _texts(panel, PromisesModel.TEXT) == ["Email update"]
    qtbot.waitUntil(lambda: _texts(panel, PromisesModel.CASE)      # read when first shown
                    == ["Withdrawal stuck since Monday"], timeout=WAIT)
    assert _texts(panel, PromisesModel.PLATFORM) == ["Coinbase"]
    assert not panel.kept_button.isEnabled()   # nothing selected yet


def test_kept_marks_it_kept_and_it_leaves_the_list(session, qtbot):
    panel = _panel(session, qtbot)
    _click_row(qtbot, panel, 0)
    assert panel.kept_button.isEnabled()
    with qtbot.waitSignal(panel.overdueCountChanged, timeout=WAIT) as counted:
        qtbot.mouseClick(panel.kept_button, Qt.MouseButton.LeftButton)
    assert counted.args == [0]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT)
    assert panel.empty.isVisible()
    [promise] = session.journal.promises()
    assert promise.status is PromiseStatus.KEPT
    panel.show_settled.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    assert panel.model.index(0, PromisesModel.DUE).data().startswith("Kept · ")
    _click_row(qtbot, panel, 0)
    assert not panel.broken_button.isEnabled()   # settled promises are not set again here


def test_overdue_first_then_due_soonest(session, qtbot):
    session.journal.log(1, kind="email", promises=[
        NewPromise("Refund in a month", "2027-01-05T10:00:00+00:00"),
        NewPromise("Call back", "2026-11-24T10:00:00+00:00"),
        NewPromise("Escalate to team", "2026-12-30T10:00:00+00:00")])
    panel = _panel(session, qtbot, rows=4)
    assert _texts(panel, PromisesModel.TEXT) == [
        "Email update", "Call back", "Escalate to team", "Refund in a month"]
    assert panel.overdue_count() == 2
    due = _texts(panel, PromisesModel.DUE)
    assert due[0].startswith("overdue") and due[1].startswith("overdue")
    assert due[2].startswith("due in ")


def test_broken_by_keyboard_mnemonic(session, qtbot):
    panel = _panel(session, qtbot)
    _click_row(qtbot, panel, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT)
    assert session.journal.promises()[0].status is PromiseStatus.BROKEN


def test_double_click_opens_the_case(session, qtbot):
    panel = _panel(session, qtbot)
    rect = panel.table.visualRect(panel.model.index(0, 1))
    with qtbot.waitSignal(panel.caseChosen, timeout=WAIT) as chosen:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [1]


def test_locking_empties_the_list(session, qtbot):
    panel = _panel(session, qtbot)
    session.lock()
    assert panel.model.rowCount() == 0


# -- the due notifier ------------------------------------------------------------------------

class FakeTray(QObject):
    messageClicked = Signal()

    def __init__(self):
        super().__init__()
        self.messages = []

    def showMessage(self, title, body, icon=None):
        self.messages.append((title, body))


def test_a_promise_that_came_due_between_checks_is_announced_once(session, qtbot, monkeypatch):
    monkeypatch.setattr(due_notifier, "tray_available", lambda: True)
    due_at = datetime.fromisoformat("2026-12-01T10:00:00+00:00")
    logged = session.journal.log(1, kind="chat", promises=[
        NewPromise("Unfreeze the account", due_at.isoformat())])
    [promise] = logged.promises
    tray = FakeTray()
    notifier = DueNotifier(session, tray)
    seen = []
    notifier.promiseDue.connect(lambda pid, text: seen.append((pid, text)))
    assert checked(qtbot, notifier, due_at - timedelta(minutes=1)) == []
    assert seen == []
    assert checked(qtbot, notifier, due_at + timedelta(seconds=30)) == [promise.id]
    assert checked(qtbot, notifier, due_at + timedelta(minutes=2)) == []
    assert checked(qtbot, notifier, due_at + timedelta(minutes=3)) == []
    assert seen == [(promise.id, "Unfreeze the account")]
    qtbot.waitUntil(lambda: bool(tray.messages), timeout=WAIT)   # with the case's title, read
    assert tray.messages == [
        ("A promise is due", "Due now: Unfreeze the account (Withdrawal stuck since Monday)")]
    with qtbot.waitSignal(notifier.caseChosen, timeout=WAIT) as chosen:
        tray.messageClicked.emit()
    assert chosen.args == [1]


def checked(qtbot, notifier, now) -> list[int]:
    """The ids one check announces (its reading is off the GUI thread)."""
    found = []
    notifier.check_now(now, on_done=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT)
    return found[0]


def test_first_check_looks_back_a_day_only(session, qtbot):
    notifier = DueNotifier(session, None)
    seen = []
    notifier.promiseDue.connect(lambda pid, text: seen.append(pid))
    assert checked(qtbot, notifier, FIXTURE_DUE + timedelta(days=3)) == []
    later = DueNotifier(session, None)
    later.promiseDue.connect(lambda pid, text: seen.append(pid))
    assert checked(qtbot, later, FIXTURE_DUE + timedelta(hours=2)) == [1]
    assert seen == [1]


def test_settled_promises_are_not_announced(session, qtbot):
    session.journal.set_promise(1, "cancelled")
    notifier = DueNotifier(session, None)
    assert checked(qtbot, notifier, FIXTURE_DUE + timedelta(hours=1)) == []


def test_without_a_tray_only_the_signal(session, qtbot, monkeypatch):
    monkeypatch.setattr(due_notifier, "tray_available", lambda: False)
    tray = FakeTray()
    notifier = DueNotifier(session, tray)
    with qtbot.waitSignal(notifier.promiseDue, timeout=WAIT) as due:
        notifier.check_now(FIXTURE_DUE + timedelta(minutes=5))
    assert due.args == [1, "Email update"]
    session.wait()
    assert tray.messages == []


def test_the_periodic_check_reads_off_the_gui_thread(session, qtbot):
    due_at = datetime.now().astimezone() - timedelta(minutes=10)
    logged = session.journal.log(1, kind="call", start=(
        due_at - timedelta(hours=1)).isoformat(timespec="seconds"), promises=[
        NewPromise("Call back within the hour", due_at.isoformat(timespec="seconds"))])
    notifier = DueNotifier(session, None)
    with qtbot.waitSignal(notifier.promiseDue, timeout=WAIT) as due:
        notifier.check_soon()
        assert due.args is None   # not yet: the reading is on the worker
    assert due.args == [logged.promises[0].id, "Call back within the hour"]
    seen = []
    notifier.promiseDue.connect(lambda *args: seen.append(args))
    notifier.check_soon()
    assert session.wait()   # the second reading answered: had it found one, it would have said
    assert seen == []
