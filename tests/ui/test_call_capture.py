"""The live call panel and failed attempts, clicked through like a user on the phone."""
from __future__ import annotations

import math
import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from journal.domain import times
from journal.ui.capture import call_capture
from journal.ui.capture.call_capture import CallCapture
from journal.ui.capture.failed_attempt import FailedAttemptDialog
from journal.ui.kit import messages
from journal.ui.promises.promise_editor import PromiseEditor
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton


class FakeClock:
    """The panel's wall clock, started some minutes in the past so the service accepts the end."""

    def __init__(self, minutes_ago: float = 10):
        self.t = times.now() - timedelta(minutes=minutes_ago)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **delta) -> None:
        self.t += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(call_capture, "now", fake)
    return fake


@pytest.fixture
def panel(session, qtbot):
    widget = CallCapture(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    session.wait()


def last_interaction(session, case_id=1):
    return session.journal.timeline(case_id)[-1]


def test_timer_advances_from_timestamps(panel, clock, qtbot):
    panel.start(1)
    assert panel.in_progress
    assert panel.clock.text() == "00:00"
    clock.advance(minutes=1, seconds=5)  # as after a laptop slept: no ticks, time still moved
    qtbot.waitUntil(lambda: panel.clock.text() == "01:05", timeout=WAIT)
    clock.advance(hours=1)
    qtbot.waitUntil(lambda: panel.clock.text() == "1:01:05", timeout=WAIT)


def test_timer_runs_on_the_real_clock(panel, qtbot):
    before = time.monotonic()
    panel.start(1)
    qtbot.waitUntil(lambda: panel.clock.text() != "00:00", timeout=WAIT)
    minutes, seconds = map(int, panel.clock.text().split(":"))
    # It moves on its own: one second, or on a machine too busy to look sooner, as many as
    # have passed (the start is kept to the whole second, hence the one more).
    assert 1 <= minutes * 60 + seconds <= math.ceil(time.monotonic() - before) + 1


def test_a_whole_call_is_logged_with_everything_typed(panel, session, clock, qtbot):
    panel.start(1)
    session.wait()   # the case picker and the channels are read off the GUI thread
    assert panel.case.currentData() == 1
    assert panel.channel.value() == (1, None)  # the phone channel used last time
    clock.advance(minutes=1)
    qtbot.mouseClick(panel.hold, LEFT)
    assert panel.state.text() == "On hold"
    assert panel.hold.text() == "Back"
    clock.advance(minutes=3)
    qtbot.mouseClick(panel.hold, LEFT)
    assert panel.state.text() == "On the line"

    qtbot.keyClicks(panel.agent, "Li Wei")
    panel.references.kind.setCurrentIndex(panel.references.kind.findData("case"))
    qtbot.keyClicks(panel.references.value, "CB-77001")
    qtbot.mouseClick(panel.references.add_button, LEFT)
    assert [c.label.text() for c in panel.references.chip_widgets] == ["Case number: CB-77001"]

    qtbot.mouseClick(panel.promises.add_button, LEFT)
    editor = panel.promises.editor
    assert isinstance(editor, PromiseEditor)
    qtbot.keyClicks(editor.text, "Email the withdrawal trace")
    qtbot.mouseClick(editor.picks["business-days:3"], LEFT)
    qtbot.mouseClick(editor.ok_button, LEFT)
    assert len(panel.promises.promises()) == 1

    qtbot.keyClicks(panel.notes, "Stuck in compliance review.")
    clock.advance(minutes=6)
    with qtbot.waitSignal(panel.finished, timeout=WAIT) as done:
        qtbot.mouseClick(panel.end, LEFT)
    session.wait()

    call = last_interaction(session)
    assert done.args == [call.id]
    assert call.duration_minutes == pytest.approx(10, abs=0.05)
    assert call.wait_minutes == pytest.approx(3, abs=0.05)
    assert call.agent == "Li Wei"
    assert call.channel_id == 1
    assert call.notes == "Stuck in compliance review."
    assert [(r.kind.value, r.value) for r in call.references] == [("case", "CB-77001")]
    (promise,) = call.promises
    assert promise.text == "Email the withdrawal trace"
    due = times.parse_time(promise.due_at)
    assert due > times.now() + timedelta(days=2)
    assert due.weekday() < 5
    assert session.journal.draft("call") is None
    assert not panel.in_progress
    assert panel.draft_state.text() == "Saved"


def _closed_cases(session, count: int) -> list[int]:
    """`count` cases newer than the fixture's, each resolved or closed."""
    ids = []
    for n in range(count):
        case = session.journal.open_case("Coinbase", f"Old question {n}", checklist_language=None)
        session.journal.set_case_status(case.id, "resolved" if n % 2 else "closed")
        ids.append(case.id)
    return ids


def test_the_case_picker_offers_an_old_open_case_behind_many_closed_ones(panel, session):
    closed = _closed_cases(session, 59)   # 60 cases: the fixture's, the oldest, alone is open
    assert [c.id for c in session.journal.cases(limit=50)][:1] != [1]
    panel.start()
    session.wait()
    offered = [panel.case.itemData(i) for i in range(panel.case.count())]
    assert offered == [1]
    assert panel.case_id() is None   # started with no case: offered, never guessed
    panel.cancel_call()

    panel.start(closed[-1])   # the case already chosen stays on offer, closed as it is
    session.wait()
    offered = [panel.case.itemData(i) for i in range(panel.case.count())]
    assert sorted(offered) == sorted([closed[-1], 1]) and panel.case_id() == closed[-1]


def test_draft_is_saved_while_typing(panel, session, qtbot):
    panel.start(1)
    qtbot.keyClicks(panel.notes, "They asked for my ID again")
    qtbot.waitUntil(lambda: (session.journal.draft("call") or {}).get("notes")
                    == "They asked for my ID again", timeout=WAIT)
    qtbot.waitUntil(lambda: panel.draft_state.text().startswith("Draft saved"), timeout=WAIT)


def test_restore_draft_rebuilds_the_panel(panel, session, clock, qtbot):
    panel.start(1)
    qtbot.keyClicks(panel.agent, "Dana")
    qtbot.keyClicks(panel.references.value, "ticket:CB-99")
    qtbot.keyClick(panel.references.value, Qt.Key.Key_Return)
    qtbot.mouseClick(panel.hold, LEFT)
    qtbot.keyClicks(panel.notes, "Half of what she said")
    panel.save_draft_now()

    fresh = CallCapture(session)
    qtbot.addWidget(fresh)
    restored = []
    fresh.restore_draft(restored.append)
    session.wait()
    assert restored == [True]
    assert fresh.in_progress
    assert fresh.agent.text() == "Dana"
    assert fresh.notes.toPlainText() == "Half of what she said"
    assert fresh.references.references() == [("ticket", "CB-99")]
    assert fresh.hold.isChecked() and fresh.state.text() == "On hold"
    clock.advance(minutes=2)
    qtbot.waitUntil(lambda: fresh.clock.text() == "02:00", timeout=WAIT)


def test_restore_without_a_draft_does_nothing(panel, session):
    restored = []
    panel.restore_draft(restored.append)
    session.wait()
    assert restored == [False]
    assert not panel.in_progress


def test_a_failed_save_keeps_everything_typed(panel, session, qtbot):
    panel.start(1)
    panel.notes.setPlainText("bad \x00 byte from a paste")
    qtbot.mouseClick(panel.end, LEFT)
    qtbot.waitUntil(lambda: panel.message.isVisible(), timeout=WAIT)
    assert "NUL" in panel.message.text()
    assert panel.in_progress and panel.end.isEnabled()
    assert panel.notes.toPlainText() == "bad \x00 byte from a paste"
    assert len(session.journal.timeline(1)) == 1


def test_cancel_asks_then_discards_the_draft(panel, session, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(messages, "confirm", lambda *a: asked.append(a) or False)
    panel.start(1)
    qtbot.keyClicks(panel.notes, "never mind")
    qtbot.mouseClick(panel.cancel, LEFT)
    assert asked and panel.in_progress  # "keep" leaves the call running
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    with qtbot.waitSignal(panel.cancelled, timeout=WAIT):
        qtbot.mouseClick(panel.cancel, LEFT)
    session.wait()
    qtbot.waitUntil(lambda: session.journal.draft("call") is None, timeout=WAIT)
    assert len(session.journal.timeline(1)) == 1


def test_shortcuts_hold_and_end(panel, session, qtbot):
    panel.start(1)
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.isActiveWindow(), timeout=WAIT)
    panel.notes.setFocus()
    qtbot.keyClick(panel.notes, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert panel.hold.isChecked()
    assert "Ctrl+Shift+H" in panel.hold.toolTip()
    with qtbot.waitSignal(panel.finished, timeout=WAIT):
        qtbot.keyClick(panel.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_didnt_connect_logs_an_attempt_and_closes(panel, session, qtbot):
    panel.start(1)
    busy = [a for a in panel.no_connect.menu().actions() if a.text() == "Busy"][0]
    with qtbot.waitSignal(panel.finished, timeout=WAIT):
        busy.trigger()
    session.wait()
    attempt = last_interaction(session)
    assert attempt.outcome.value == "busy"
    assert attempt.kind.value == "call"
    assert session.journal.draft("call") is None
    assert not panel.in_progress


def test_failed_attempt_is_one_click(session, qtbot):
    dialog = FailedAttemptDialog(session, 1)
    qtbot.addWidget(dialog)
    session.wait()
    assert dialog.channel.value() == (1, None)
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(dialog.buttons["no-answer"], LEFT)
    attempt = session.journal.interaction(logged.args[0])
    assert attempt.outcome.value == "no-answer"
    assert attempt.channel_id == 1
    assert attempt.ended_at == attempt.started_at
    assert not dialog.isVisible()


def test_failed_attempt_with_other_number_note_and_wait(session, qtbot):
    dialog = FailedAttemptDialog(session, 1)
    qtbot.addWidget(dialog)
    session.wait()
    dialog.channel.combo.setCurrentIndex(dialog.channel.combo.count() - 1)
    assert not dialog.channel.warning.isHidden()  # typed numbers are where scams start
    qtbot.keyClicks(dialog.channel.contact, "+44 20 0000 0000")
    qtbot.keyClicks(dialog.note, "queue music, then silence")
    dialog.wait.setValue(25)
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(dialog.buttons["queue-timeout"], LEFT)
    attempt = session.journal.interaction(logged.args[0])
    assert (attempt.outcome.value, attempt.contact, attempt.channel_id) == \
        ("queue-timeout", "+44 20 0000 0000", None)
    assert attempt.notes == "queue music, then silence"
    assert attempt.wait_minutes == 25


def test_community_channel_shows_a_warning(session, qtbot):
    session.journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0000",
                                source="community")
    dialog = FailedAttemptDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    session.wait()
    assert dialog.channel.warning.isHidden()
    dialog.channel.combo.setCurrentIndex(dialog.channel.combo.findData(3))
    session.wait()
    assert not dialog.channel.warning.isHidden()
    assert "official" in dialog.channel.warning.text()


def test_promise_editor_needs_text(qtbot):
    editor = PromiseEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.ok_button, LEFT)
    assert editor.isVisible() and not editor.error.isHidden()
    qtbot.keyClicks(editor.text, "Call back")
    qtbot.mouseClick(editor.picks["hours:24"], LEFT)
    qtbot.mouseClick(editor.ok_button, LEFT)
    promise = editor.new_promise()
    hours = (times.instant(promise.due) - times.now().timestamp()) / 3600
    assert 23.9 < hours <= 24


def test_nothing_to_click_before_a_call_starts(panel, session, qtbot):
    assert not panel.end.isEnabled() and not panel.hold.isEnabled()
    panel.start(1)
    assert panel.end.isEnabled() and panel.notes.hasFocus()


def test_a_scam_described_in_the_notes_shows_the_banner_at_once(panel, qtbot):
    panel.start(1)
    assert not panel.scam_banner.isVisible()
    qtbot.keyClicks(panel.notes, "He says he is from security and asked for my seed phrase")
    qtbot.waitUntil(lambda: panel.scam_banner.isVisible(), timeout=WAIT)
    assert "seed phrase" in panel.scam_banner.text()
    assert "never" in panel.scam_banner.text().lower()
    panel.notes.clear()
    qtbot.keyClicks(panel.notes, "I asked about the 2FA reset policy.")
    qtbot.waitUntil(lambda: not panel.scam_banner.isVisible(), timeout=WAIT)


def test_a_call_started_with_no_case_asks_for_one_and_keeps_everything(panel, session, qtbot):
    panel.start(None)   # Ctrl+T with no case selected
    session.wait()
    assert panel.in_progress
    assert panel.case.count() == 1 and panel.case.currentIndex() == -1
    assert panel.case_id() is None
    assert panel.case.placeholderText() == "Choose the case…"
    assert panel.case.hasFocus()
    qtbot.keyClicks(panel.notes, "They said it is in review")
    qtbot.mouseClick(panel.end, LEFT)
    assert panel.message.isVisible()
    assert panel.message.text() == \
        "Choose the case this call belongs to; nothing typed is lost."
    assert panel.in_progress and panel.end.isEnabled() and panel.case.hasFocus()
    assert panel.notes.toPlainText() == "They said it is in review"
    busy = [a for a in panel.no_connect.menu().actions() if a.text() == "Busy"][0]
    busy.trigger()                     # nor is a failed attempt logged on a guessed case
    assert panel.in_progress and len(session.journal.timeline(1)) == 1
    panel.case.setCurrentIndex(0)      # the user picks it
    assert panel.case_id() == 1 and not panel.message.isVisible()
    with qtbot.waitSignal(panel.finished, timeout=WAIT):
        qtbot.mouseClick(panel.end, LEFT)
    session.wait()
    assert last_interaction(session).notes == "They said it is in review"


def test_a_draft_restores_its_case_or_none(panel, session, qtbot):
    panel.start(1)
    session.wait()
    qtbot.keyClicks(panel.notes, "with its case")
    panel.save_draft_now()
    session.wait()
    fresh = CallCapture(session)
    qtbot.addWidget(fresh)
    fresh.restore_draft()
    session.wait()
    assert fresh.in_progress and fresh.case_id() == 1 and fresh.case.currentData() == 1

    panel.drafts.hold()
    session.journal.save_draft("call", {**panel.draft_body(), "case_id": None})
    none = CallCapture(session)
    qtbot.addWidget(none)
    none.restore_draft()
    session.wait()
    assert none.in_progress and none.notes.toPlainText() == "with its case"
    assert none.case_id() is None and none.case.currentIndex() == -1


KEYS = {"callHoldAction": ["Ctrl+Shift+H"], "callPromiseAction": ["Ctrl+Shift+P"],
        "callReferenceAction": ["Ctrl+Shift+R"], "callAgentAction": ["Alt+A"],
        "callNotConnectedAction": ["Ctrl+Shift+D"], "callChecklistAction": ["Ctrl+Shift+C"],
        "callEndAction": ["Ctrl+Return", "Ctrl+Enter"], "callDiscardAction": ["Ctrl+Shift+X"]}


def test_the_live_call_actions_have_their_keys_and_work_only_during_a_call(panel, session,
                                                                          qtbot):
    actions = panel.call_actions()
    assert {a.objectName(): [k.toString() for k in a.shortcuts()] for a in actions} == KEYS
    assert actions[0].text() == "&Hold / back on the line"
    assert all(a.text() and a.toolTip() and a.parent() is panel for a in actions)
    assert not any(a.isEnabled() for a in actions)
    panel.start(1)
    session.wait()
    assert all(a.isEnabled() for a in actions)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT)
    panel.notes.setFocus()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.notes, Qt.Key.Key_R, ctrl_shift)
    assert panel.references.value.hasFocus()
    qtbot.keyClick(panel.references.value, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert panel.agent.hasFocus()
    qtbot.keyClick(panel.agent, Qt.Key.Key_H, ctrl_shift)
    assert panel.hold.isChecked() and actions[0].isChecked()
    qtbot.keyClick(panel.agent, Qt.Key.Key_P, ctrl_shift)
    editor = panel.promises.editor
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible(), timeout=WAIT)
    editor.reject()
    with qtbot.waitSignal(panel.finished, timeout=WAIT):
        qtbot.keyClick(panel.agent, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not any(a.isEnabled() for a in actions)


def test_ctrl_return_in_another_window_does_not_end_the_call(panel, session, qtbot):
    from PySide6.QtWidgets import QPlainTextEdit
    panel.start(1)
    session.wait()
    other = QPlainTextEdit()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(other.isActiveWindow, timeout=WAIT)
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.in_progress   # the call's Ctrl+Return is the panel's alone
