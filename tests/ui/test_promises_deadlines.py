"""The complaints' deadlines beside the promises: every open case's running clocks, soonest
first, with their case; activating one opens it; and a warning in the tray, once, before one
of yours runs out or when the platform's answer has just become overdue."""
from __future__ import annotations

from datetime import date, timedelta

import holidays
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.dispute.deadlines import add_months
from journal.ui.dispute.dispute_words import day
from journal.ui.kit.palette import warning_colour
from journal.ui.promises import deadline_notifier
from journal.ui.promises.deadline_notifier import DeadlineNotifier
from journal.ui.promises.deadlines_view import AllClocksModel, DeadlinesView
from journal.ui.promises.promises_panel import PromisesPanel
from tests.ui import WAIT

from .test_promises_panel import FakeTray


def _business_days_after(start: date, n: int) -> date:
    """The nth working day in England after `start` (weekends and bank holidays off), as
    the FCA's DISP 1.6.2A counts: counted here apart from the service."""
    off = holidays.country_holidays("GB", subdiv="ENG", years=range(start.year, start.year + 2))
    d = start
    while n:
        d += timedelta(days=1)
        if d.weekday() < 5 and d not in off:
            n -= 1
    return d


def _complain(journal, *, final_in_days: int | None = None, payment_on: date | None = None):
    """Case 1, in the UK: a payment complaint received on `payment_on`; or an other
    complaint whose final response was six months less `final_in_days` days ago, so the
    ombudsman's deadline is that many days away."""
    journal.set_jurisdiction(1, "uk")
    if final_in_days is None:
        journal.add_stage(1, "complaint", on=f"{payment_on.isoformat()}T09:00", kind="payment")
        return
    final = add_months(date.today() + timedelta(days=final_in_days), -6)
    journal.add_stage(1, "complaint", on=f"{(final - timedelta(days=20)).isoformat()}T09:00")
    journal.add_stage(1, "final-response", on=f"{final.isoformat()}T09:00")


def _days_ago(n: int) -> date:
    return date.today() - timedelta(days=n)


def _view(session, qtbot) -> DeadlinesView:
    view = DeadlinesView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT)
    return view


def _checked(qtbot, notifier, today=None) -> list:
    """What one check warned about (its reading is off the GUI thread)."""
    found = []
    notifier.check(found.append, today=today)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT)
    return found[0]


def test_the_model_passes_the_model_tester(session, qtbot, qtmodeltester):
    _complain(session.journal, payment_on=_days_ago(1))
    view = _view(session, qtbot)
    qtmodeltester.check(view.model)
    qtmodeltester.check(AllClocksModel())


def test_a_running_clock_is_listed_with_its_case_and_due_date(session, qtbot):
    complained = _days_ago(3)   # a few days ago: within the 15 business days
    _complain(session.journal, payment_on=complained)
    view = _view(session, qtbot)
    clock = view.model.clocks()[0]
    assert clock.rule.id == "uk-payment-final-response" and clock.case_id == 1
    assert clock.due == _business_days_after(complained, 15)
    text = view.model.index(0, 0).data()
    assert text == (f"Withdrawal stuck since Monday — Final response due {day(clock.due)}"
                    " — the platform must answer")
    assert view.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None   # not late
    tip = view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "FCA Handbook DISP 1.6.2A" in tip and "handbook.fca.org.uk" in tip
    assert "Counted from the day after the complaint was received." in tip   # the rule's note
    assert view.isVisible() and "not legal advice" in view.note.text()


def test_an_overdue_one_is_marked_and_activating_opens_its_case(session, qtbot):
    _complain(session.journal, payment_on=_days_ago(40))
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.deadlines.model.rowCount() > 0, timeout=WAIT)
    first = panel.deadlines.model.index(0, 0)
    assert "overdue since" in first.data()
    assert first.data(Qt.ItemDataRole.ForegroundRole) == warning_colour(QApplication.palette())
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    with qtbot.waitSignal(panel.caseChosen, timeout=WAIT) as chosen:
        panel.deadlines.list.activated.emit(first)
    assert chosen.args == [1]


def test_a_new_stage_refreshes_the_list(session, qtbot):
    _complain(session.journal, payment_on=_days_ago(2))
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.deadlines.model.rowCount() > 0, timeout=WAIT)
    assert panel.deadlines.model.clocks()[0].rule.id == "uk-payment-final-response"
    session.submit(lambda j: j.add_stage(1, "final-response", on=_days_ago(1).isoformat()
                                         + "T10:00"))
    qtbot.waitUntil(lambda: [c.rule.id for c in panel.deadlines.model.clocks()]
                    == ["uk-fos"], timeout=WAIT)   # answered: only the ombudsman's runs
    assert panel.deadlines.model.index(0, 0).data().startswith(
        "Withdrawal stuck since Monday — FOS: you can escalate from ")


def test_wrapped_lines_are_shown_whole_in_a_narrow_panel(session, qtbot):
    _complain(session.journal, payment_on=_days_ago(40))   # a long "overdue since" line
    view = _view(session, qtbot)
    view.resize(320, 300)
    qtbot.waitUntil(lambda: _wrapped_and_whole(view), timeout=WAIT)
    assert view.model.rowCount() >= 1
    assert not view.list.verticalScrollBar().isVisible()


def _wrapped_and_whole(view) -> bool:
    """The first line wrapped, and every line fits in the list's height."""
    rects = [view.list.visualRect(view.model.index(r, 0)) for r in range(view.model.rowCount())]
    return (bool(rects) and rects[0].height() > view.list.fontMetrics().height() * 1.5
            and all(r.bottom() < view.list.viewport().height() for r in rects))


def test_no_clock_no_list(session, qtbot):
    view = DeadlinesView(session)
    qtbot.addWidget(view)
    view.show()
    session.wait()
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT)
    assert view.model.rowCount() == 0


def test_locking_empties_the_list(session, qtbot):
    _complain(session.journal, payment_on=_days_ago(2))
    view = _view(session, qtbot)
    session.lock()
    assert view.model.rowCount() == 0 and not view.isVisible()


# -- the tray's warnings ----------------------------------------------------------------------

def test_the_tray_warns_once_before_your_deadline_runs_out(session, qtbot, monkeypatch):
    from journal.ui.kit import resources
    assert resources.install_language("en")       # its counted words, "3 days"
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=3)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    assert _checked(qtbot, notifier) == [(1, "uk-fos")]
    assert _checked(qtbot, notifier) == []         # once per session
    session.announce("dispute")                    # a refresh reads again: still once
    assert _checked(qtbot, notifier) == []
    assert session.wait()
    [(title, body)] = tray.messages
    assert title == "A complaint deadline is near"
    # English plural forms come from journal_en.ts ("3 days" once its numerus entry is in).
    counted = QCoreApplication.translate("DeadlineNotifier", "{0} deadline in %n day(s) ({1})",
                                         "", 3)
    assert body == counted.format("FOS", "case 1: Withdrawal stuck since Monday")
    assert body.startswith("FOS deadline in 3 day") and body.endswith(
        " (case 1: Withdrawal stuck since Monday)")
    with qtbot.waitSignal(notifier.caseChosen, timeout=WAIT) as chosen:
        tray.messageClicked.emit()
    assert chosen.args == [1]


def test_a_deadline_far_away_is_not_a_warning(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=60)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    assert _checked(qtbot, notifier) == [] and tray.messages == []


def test_the_platform_answer_just_overdue_is_told_once(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    complained = date(2026, 3, 2)   # a Monday: the answer is due Monday 23 March
    _complain(session.journal, payment_on=complained)
    due = _business_days_after(complained, 15)
    assert due == date(2026, 3, 23)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    seen = []
    notifier.deadlineNear.connect(lambda case_id, line: seen.append((case_id, line)))
    assert _checked(qtbot, notifier, today=due) == []          # due today: not late yet
    after = due + timedelta(days=1)
    assert _checked(qtbot, notifier, today=after) == [(1, "uk-payment-final-response")]
    assert _checked(qtbot, notifier, today=after) == []
    assert session.wait()
    [(title, body)] = tray.messages
    assert title == "A complaint deadline has passed"
    assert body == (f"Final response overdue since {day(after)}: the platform has not "
                    "answered (case 1: Withdrawal stuck since Monday)")
    assert [case_id for case_id, _line in seen] == [1]


def test_a_platform_answer_long_overdue_is_not_a_pop_up(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    complained = date(2026, 3, 2)
    _complain(session.journal, payment_on=complained)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    # Overdue for weeks: the panel shows it in red; the tray does not say it at each start.
    assert _checked(qtbot, notifier, today=date(2026, 4, 20)) == []
    assert tray.messages == []


def test_without_a_tray_only_the_signal(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: False)
    _complain(session.journal, final_in_days=0)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    with qtbot.waitSignal(notifier.deadlineNear, timeout=WAIT) as near:
        notifier.check()
    assert near.args[0] == 1 and near.args[1].startswith("FOS: ")
    assert session.wait()
    assert tray.messages == []


def test_a_deadline_today_says_today(session, qtbot, monkeypatch):
    monkeypatch.setattr(deadline_notifier, "tray_available", lambda: True)
    _complain(session.journal, final_in_days=0)
    tray = FakeTray()
    notifier = DeadlineNotifier(session, tray)
    assert _checked(qtbot, notifier) == [(1, "uk-fos")]
    assert session.wait()
    assert tray.messages == [("A complaint deadline is near",
                              "FOS deadline today (case 1: Withdrawal stuck since Monday)")]


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
    view.refresh()                                 # read again: not told again
    assert session.wait()
    assert len(tray.messages) == 1
