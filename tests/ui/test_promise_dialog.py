"""The "Add a promise" dialog, used with the keyboard as during a call: Enter adds the
promise, Escape cancels; a quick pick in days means by the close of that day."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QTime, Qt
from PySide6.QtWidgets import QPushButton

from journal.domain import times
from journal.domain.due import quick_pick_due
from journal.ui.promises import promise_editor
from journal.ui.promises.promise_editor import PromiseEditor, PromisesField
from tests.ui import WAIT


@pytest.fixture
def field(qtbot):
    widget = PromisesField()
    qtbot.addWidget(widget)
    widget.resize(500, 200)
    widget.show()
    return widget


def open_editor(field, qtbot) -> PromiseEditor:
    qtbot.mouseClick(field.add_button, Qt.MouseButton.LeftButton)
    editor = field.editor
    qtbot.waitUntil(editor.isVisible, timeout=WAIT)
    return editor


def test_enter_after_typing_the_promise_adds_it(field, qtbot):
    editor = open_editor(field, qtbot)
    qtbot.keyClicks(editor.text, "Email the withdrawal trace")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    assert [p.text for p in field.promises()] == ["Email the withdrawal trace"]
    assert not editor.isVisible()
    assert [c.label.text().split(" (due")[0] for c in field.chip_widgets] == \
        ["Email the withdrawal trace"]


def test_enter_in_the_due_field_adds_it_too(field, qtbot):
    editor = open_editor(field, qtbot)
    qtbot.keyClicks(editor.text, "Call back")
    editor.due.setFocus()
    qtbot.keyClick(editor.due, Qt.Key.Key_Enter)
    assert [p.text for p in field.promises()] == ["Call back"]


def test_escape_cancels(field, qtbot):
    editor = open_editor(field, qtbot)
    qtbot.keyClicks(editor.text, "Never mind")
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert field.promises() == []


def test_enter_with_nothing_typed_keeps_the_dialog_and_says_why(field, qtbot):
    editor = open_editor(field, qtbot)
    qtbot.keyClick(editor.text, Qt.Key.Key_Return)
    assert editor.isVisible() and not editor.error.isHidden()
    assert field.promises() == []


def test_only_add_promise_is_the_default_button(field, qtbot):
    editor = open_editor(field, qtbot)
    buttons = editor.findChildren(QPushButton)
    assert [b for b in buttons if b.isDefault()] == [editor.ok_button]
    # No button takes Enter for itself when it has the focus, Cancel least of all.
    assert [b.text() for b in buttons if b.autoDefault() and b is not editor.ok_button] == []
    editor.cancel_button.setFocus()
    assert [b for b in buttons if b.isDefault()] == [editor.ok_button]
    editor.reject()


LATE = datetime(2026, 12, 2, 21, 32).astimezone()   # a Wednesday evening, local time


@pytest.mark.parametrize("pick, day", [
    ("business-days:1", 3), ("business-days:3", 7), ("days:7", 9), ("days:30", 1)])
def test_a_pick_in_days_is_due_at_the_close_of_that_day(pick, day):
    due = quick_pick_due(pick, LATE, None)
    local = due.astimezone()
    assert (local.hour, local.minute, local.second) == (17, 0, 0)
    assert local.day == day
    assert due.utcoffset() == datetime.combine(local.date(), local.time()).astimezone().utcoffset()


@pytest.mark.parametrize("pick, hours", [("hours:1", 1), ("hours:24", 24)])
def test_a_pick_in_hours_counts_from_now(pick, hours):
    assert quick_pick_due(pick, LATE, None) == LATE + timedelta(hours=hours)


def test_clicking_next_business_day_late_in_the_evening_gives_five_pm(qtbot, monkeypatch):
    evening = datetime.now().astimezone().replace(hour=21, minute=32, second=0, microsecond=0)
    monkeypatch.setattr(promise_editor.times, "now", lambda: evening)
    editor = PromiseEditor()
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.picks["business-days:1"], Qt.MouseButton.LeftButton)
    assert editor.due.dateTime().time() == QTime(17, 0)
    due = times.parse_time(editor.new_promise().due)
    assert due.astimezone().hour == 17 and due > evening
    # The default before any pick is tomorrow by the close of business too.
    fresh = PromiseEditor()
    qtbot.addWidget(fresh)
    assert fresh.due.dateTime().time() == QTime(17, 0)
