"""The failed-attempt dialog: nothing moves under the pointer while a number is typed, and an
attempt that waited is logged from when it began."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from journal.domain import times
from journal.ui.capture.channel_picker import ChannelPicker
from journal.ui.capture.failed_attempt import FailedAttemptDialog, log_failed_attempt
from journal.ui.kit import messages
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton
NUMBER = "+1 212 736 5000"   # with the countries below: two warnings, the longest banner


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a: True)


@pytest.fixture
def dialog(session, qtbot):
    session.journal.update_platform("Coinbase", countries=["GB", "IE"])
    widget = FailedAttemptDialog(session, 1)
    qtbot.addWidget(widget)
    widget.show()
    session.wait()
    settle()
    return widget


def settle() -> None:
    QApplication.processEvents()   # the layouts apply what changed (no time passes)


def y_of(widget, top) -> int:
    return widget.mapTo(top, QPoint(0, 0)).y()


def type_key_by_key(picker: ChannelPicker, qtbot, text: str, after_each) -> list[str]:
    """Type `text` a key at a time; after each key the contact is checked as if the typing
    paused there, and after_each() runs. What the banner said, in turn."""
    picker._check_timer.setInterval(0)   # every key is a pause: each banner is seen
    said = []
    for key in text:
        qtbot.keyClicks(picker.contact, key)
        qtbot.waitUntil(lambda: not picker._check_timer.isActive(), timeout=WAIT)
        picker.session.wait()
        settle()
        said.append(picker.warning.text() if picker.warning.isVisible() else "")
        after_each()
    return said


def _checking_nothing_moved(dialog, fields: list, where: list[int], height: int):
    """A check that the fields are still at `where` and the dialog still `height` high."""
    def nothing_moved():
        assert [y_of(f, dialog) for f in fields] == where
        assert dialog.height() == height
    return nothing_moved


def test_typing_a_number_moves_no_field_of_the_dialog(dialog, qtbot):
    fields = [dialog.note, dialog.wait, *dialog.buttons.values()]
    where = [y_of(f, dialog) for f in fields]
    height = dialog.height()
    nothing_moved = _checking_nothing_moved(dialog, fields, where, height)

    assert "25 countries" in dialog.channel.warning.text()   # the +1 number: a banner at once
    dialog.channel.combo.setCurrentIndex(dialog.channel.combo.count() - 1)   # Other number…
    settle()
    nothing_moved()
    assert "publishes itself" in dialog.channel.warning.text()   # the general advice first
    dialog.channel.contact.setFocus()
    said = type_key_by_key(dialog.channel, qtbot, NUMBER, nothing_moved)
    assert "not one of Coinbase's" in said[0]
    assert "United States" in said[-1] and "not one of Coinbase's" in said[-1]
    dialog.channel.contact.clear()   # and back: the banner goes, still nothing moves
    dialog.channel.combo.setCurrentIndex(0)
    dialog.session.wait()
    settle()
    nothing_moved()


def test_a_cut_warning_is_whole_a_click_away(dialog, qtbot):
    picker = dialog.channel
    picker.combo.setCurrentIndex(picker.combo.count() - 1)
    qtbot.keyClicks(picker.contact, NUMBER)
    qtbot.waitUntil(lambda: "United States" in picker.warning.text(), timeout=WAIT)
    settle()
    banner = picker.warning
    assert banner.is_cut() and banner.details.isVisible()   # two warnings: 3 lines cannot hold
    assert banner.shown_text().count("\n") <= 2 and banner.shown_text().endswith("…")
    assert banner.toolTip() == banner.text()
    where = y_of(dialog.note, dialog)
    qtbot.mouseClick(banner.details, LEFT)
    popup = banner._popup
    assert popup is not None and popup.isVisible()
    assert banner.text() in [label.text() for label in popup.findChildren(type(banner.icon))]
    assert y_of(dialog.note, dialog) == where              # shown over, not pushed in
    popup.close()


def test_the_picker_alone_keeps_its_height_while_a_number_is_typed(session, qtbot):
    form = QWidget()
    layout = QVBoxLayout(form)
    picker = ChannelPicker(session, "Other number…", form)
    below = QLineEdit()
    layout.addWidget(picker)
    layout.addWidget(below)
    layout.addStretch(1)
    qtbot.addWidget(form)
    form.resize(520, 400)
    form.show()
    picker.set_case(1, prefer_kind="phone")
    session.wait()
    assert picker.warning.isHidden()
    picker.combo.setCurrentIndex(picker.combo.count() - 1)
    settle()
    where, height = y_of(below, form), picker.height()

    def nothing_moved():
        assert (y_of(below, form), picker.height()) == (where, height)

    picker.contact.setFocus()
    said = type_key_by_key(picker, qtbot, "+1 888 908 7930", nothing_moved)   # channel 1
    assert any("not one of Coinbase's" in s for s in said)   # the warning came...
    assert said[-1] == ""                                      # ...and went, as typed
    assert picker.warning.isHidden()


def test_a_listed_channel_is_said_quietly_where_the_warning_would_be(session, qtbot):
    dialog = FailedAttemptDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    session.wait()
    picker = dialog.channel
    assert picker.warning.isHidden() and picker.listed.isVisible()
    assert picker.listed.text() == ("✓ One of Coinbase's listed channels (source: Official "
                                    "website).")
    picker.combo.setCurrentIndex(picker.combo.count() - 1)
    assert picker.listed.isHidden() and picker.warning.isVisible()


def test_an_attempt_that_waited_began_that_long_before_it_ended(session, qtbot):
    logged = []
    log_failed_attempt(session, 1, "queue-timeout", 1, wait_minutes=40, on_done=logged.append)
    session.wait()
    [attempt] = logged
    ran = times.minutes_between(attempt.started_at, attempt.ended_at)
    assert ran == pytest.approx(40, abs=0.01)
    assert abs(times.instant(attempt.ended_at) - times.now().timestamp()) < 120
    assert attempt.wait_minutes == 40


def test_a_live_call_keeps_the_start_it_gives(session, qtbot):
    logged = []
    log_failed_attempt(session, 1, "dropped", 1, start="2026-11-20T09:00:00+01:00",
                       end="2026-11-20T09:03:00+01:00", wait_minutes=2, on_done=logged.append)
    session.wait()
    [attempt] = logged
    assert times.minutes_between(attempt.started_at, attempt.ended_at) == pytest.approx(3)


def test_the_dialog_says_when_the_attempt_began_and_logs_it_so(dialog, qtbot):
    assert dialog.when.text().startswith("logged at ")
    dialog.wait.setValue(40)
    start, end = dialog.attempt_times()
    assert dialog.when.text() == f"started {_clock(start)}, ended {_clock(end)}"
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(dialog.buttons["no-answer"], LEFT)
    attempt = dialog.session.journal.interaction(logged.args[0])
    assert times.minutes_between(attempt.started_at, attempt.ended_at) == pytest.approx(40)
    assert attempt.wait_minutes == 40


def _clock(text: str) -> str:
    from journal.ui.kit import formatting
    return formatting.time_of_day(text)


def test_with_no_listed_number_the_keyboard_goes_to_the_number_field(session, qtbot):
    session.journal.add_platform("Kraken")
    case = session.journal.open_case("Kraken", "Deposit not credited")
    dialog = FailedAttemptDialog(session, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    session.wait()
    qtbot.waitUntil(lambda: dialog.channel.contact.hasFocus(), timeout=WAIT)
    qtbot.keyClicks(dialog.focusWidget(), "+1 888 555 0199")   # a space logs nothing
    assert dialog.channel.contact.text() == "+1 888 555 0199"
    assert dialog.isVisible()
    assert session.journal.timeline(case.id) == []


def test_with_a_listed_number_one_key_logs_no_answer(dialog, qtbot):
    assert dialog.buttons["no-answer"].hasFocus()
