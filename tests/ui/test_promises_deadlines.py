"""The complaints' deadlines beside the promises: every open case's running clocks, soonest
first, with their case; activating one opens it; and a warning in the tray, once, before one
of yours runs out or when the platform's answer is overdue."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from journal.domain.dispute.deadlines import add_months
from journal.ui.promises import deadline_notifier
from journal.ui.promises.deadline_notifier import DeadlineNotifier
from journal.ui.promises.deadlines_view import AllClocksModel, DeadlinesView
from journal.ui.promises.promises_panel import PromisesPanel
from tests.ui import WAIT

from .test_promises_panel import FakeTray


def _complain(journal, *, final_in_days: int | None = None, payment_days_ago: int = 0):
    """Case 1, in the UK: a payment complaint `payment_days_ago` days ago; or an other
    complaint whose final response was six months less `final_in_days` days ago, so the
    ombudsman's deadline is that many days away."""
    journal.set_jurisdiction(1, "uk")
    if final_in_days is None:
        on = date.today() - timedelta(days=payment_days_ago)
        journal.add_stage(1, "complaint", on=f"{on.isoformat()}T09:00", kind="payment")
        return
    final = add_months(date.today() + timedelta(days=final_in_days), -6)
    journal.add_stage(1, "complaint", on=f"{(final - timedelta(days=20)).isoformat()}T09:00")
    journal.add_stage(1, "final-response", on=f"{final.isoformat()}T09:00")


def _view(session, qtbot) -> DeadlinesView:
    view = DeadlinesView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT)
    return view


def test_the_model_passes_the_model_tester(session, qtbot, qtmodeltester):
    _complain(session.journal, payment_days_ago=1)
    view = _view(session, qtbot)
    qtmodeltester.check(view.model)
    qtmodeltester.check(AllClocksModel())


def test_a_running_clock_is_listed_with_its_case_and_due_date(session, qtbot):
    _complain(session.journal, payment_days_ago=1)
    view = _view(session, qtbot)
    clock = view.model.clocks()[0]
    assert clock.rule.id == "uk-payment-final-response" and clock.case_id == 1
    text = view.model.index(0, 0).data()
    assert text.startswith("Withdrawal stuck since Monday — Final response due ")
    assert "the platform must answer" in text
    tip = view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "FCA Handbook DISP 1.6.2A" in tip and "handbook.fca.org.uk" in tip
    assert view.isVisible() and "not legal advice" in view.note.text()


def test_an_overdue_one_is_marked_and_activating_opens_its_case(session, qtbot):
    _complain(session.journal, payment_days_ago=40)
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.deadlines.model.rowCount() > 0, timeout=WAIT)
    text = panel.deadlines.model.index(0, 0).data()
    assert "overdue since" in text
    with qtbot.waitSignal(panel.caseChosen, timeout=WAIT) as chosen:
        panel.deadlines.list.activated.emit(panel.deadlines.model.index(0, 0))
    assert chosen.args == [1]


def test_no_clock_no_list(session, qtbot):
    view = DeadlinesView(session)
    qtbot.addWidget(view)
    view.show()
    session.wait()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT)
    assert view.model.rowCount() == 0


def test_the_tray_warns_once_before_your_deadline_runs_out(session, qtbot, monkeypatch):
    from journal.ui.kit import resources
    assert resources.install_language("en")       # its counted words, "3 days"
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=3)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    first, again = [], []
    notifier.check(first.append)
    qtbot.waitUntil(lambda: bool(first), timeout=WAIT)
    assert first == [[(1, "uk-fos")]]
    notifier.check(again.append)
    qtbot.waitUntil(lambda: bool(again), timeout=WAIT)
    assert again == [[]]                          # once per session
    [(title, body)] = tray.messages
    assert title == "A complaint deadline is near"
    assert body.startswith("3 days left. FOS") and "Withdrawal stuck since Monday" in body
    with qtbot.waitSignal(notifier.caseChosen, timeout=WAIT) as chosen:
        tray.messageClicked.emit()
    assert chosen.args == [1]


def test_a_deadline_far_away_is_not_a_warning(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=60)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    done = []
    notifier.check(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert done == [[]] and tray.messages == []


def test_the_clocks_the_panel_reads_reach_the_tray(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=3)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    view = DeadlinesView(session)
    qtbot.addWidget(view)
    view.loaded.connect(notifier.consider)
    view.refresh()
    qtbot.waitUntil(lambda: bool(tray.messages), timeout=WAIT)
    assert "FOS" in tray.messages[0][1]
