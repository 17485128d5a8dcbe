"""The banner that warns about a contact before it is used: in the live call panel, the
failed-attempt dialog and the chat/email log dialog."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal.ui.capture.call_capture import CallCapture
from journal.ui.capture.failed_attempt import FailedAttemptDialog
from journal.ui.capture.log_dialog import LogDialog
from journal.ui.kit import messages
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """Closing a dialog with text typed asks first; a modal box would hang the test run."""
    monkeypatch.setattr(messages, "confirm", lambda *a: True)


@pytest.fixture
def panel(session, qtbot):
    widget = CallCapture(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    session.wait()


def failed_attempt_dialog(session, qtbot):
    dialog = FailedAttemptDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    session.wait()   # its channels and their warnings are read off the GUI thread
    return dialog


def started(panel, case_id=1) -> None:
    panel.start(case_id)
    panel.session.wait()


def pick(picker, channel_id) -> None:
    picker.combo.setCurrentIndex(picker.combo.findData(channel_id))
    picker.session.wait()   # the journal's answer about the contact is in


def pick_other(picker) -> None:
    picker.combo.setCurrentIndex(picker.combo.count() - 1)
    picker.session.wait()


def shows(picker, *words) -> bool:
    return picker.warning.isVisible() and all(w in picker.warning.text() for w in words)


def test_verified_official_channel_shows_no_banner(panel, session, qtbot):
    started(panel)
    assert panel.channel.value() == (1, None)
    assert panel.channel.isVisible()
    assert panel.channel.warning.isHidden()
    dialog = failed_attempt_dialog(session, qtbot)
    assert dialog.channel.value() == (1, None)
    assert dialog.channel.warning.isHidden()


def test_typed_unlisted_contact_warns_once_typing_pauses(panel, qtbot):
    started(panel)
    pick_other(panel.channel)
    assert shows(panel.channel, "Coinbase publishes")  # nothing typed yet: the general advice
    qtbot.keyClicks(panel.channel.contact, "+44 20 7946 0000")
    assert "publishes" in panel.channel.warning.text()  # asked when typing pauses, not per key
    qtbot.waitUntil(lambda: shows(panel.channel, "not one of Coinbase's listed channels"),
                    timeout=WAIT)
    assert not panel.channel.warning.severe
    panel.channel.contact.clear()
    qtbot.waitUntil(lambda: shows(panel.channel, "Coinbase publishes"), timeout=WAIT)


def test_typed_contact_that_is_listed_clears_the_banner(panel, qtbot):
    started(panel)
    pick_other(panel.channel)
    qtbot.keyClicks(panel.channel.contact, "+1 (888) 908-7930")  # channel 1, written otherwise
    qtbot.waitUntil(lambda: panel.channel.warning.isHidden(), timeout=WAIT)


def test_community_channel_is_unverified_in_the_failed_attempt_dialog(session, qtbot):
    community = session.journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0000",
                                            source="community")
    dialog = failed_attempt_dialog(session, qtbot)
    assert dialog.channel.warning.isHidden()
    pick(dialog.channel, community.id)
    assert shows(dialog.channel, "unverified", "Coinbase", "Community report")
    assert not dialog.channel.warning.severe
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:  # a warning, not a block
        qtbot.mouseClick(dialog.buttons["busy"], LEFT)
    assert session.journal.interaction(logged.args[0]).channel_id == community.id


def test_reported_fake_channel_is_a_red_banner(panel, session):
    fake = session.journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0000",
                                       source="community", status="reported-fake")
    started(panel)
    assert panel.channel.warning.isHidden()
    combo = panel.channel.combo
    assert combo.itemText(combo.findData(fake.id)) == "Phone: +1 800-555-0000 (reported fake)"
    pick(panel.channel, fake.id)
    assert shows(panel.channel, "reported fake", "do not call")
    assert panel.channel.warning.severe
    assert "#c62828" in panel.channel.warning.styleSheet()
    assert "unverified" not in panel.channel.warning.text()  # the worse news says it all
    pick(panel.channel, 1)
    assert panel.channel.warning.isHidden()


def test_number_recorded_for_two_platforms(panel, session):
    session.journal.add_platform("Fakebase", kind="exchange")
    session.journal.add_channel("Fakebase", kind="phone", value="+1 888 908 7930",
                                source="community")
    started(panel)
    assert panel.channel.value() == (1, None)
    assert shows(panel.channel, "also recorded for Fakebase", "fake support line")
    assert not panel.channel.warning.severe


def test_number_in_another_country_than_the_platform_lists(panel, session):
    session.journal.update_platform("Coinbase", countries=["GB"])
    started(panel)
    # +1 888 is toll-free across the 25 countries of +1: counted, not listed one by one.
    assert shows(panel.channel, "+1 number", "25 countries", "United Kingdom")
    assert "Anguilla" not in panel.channel.warning.text()


def test_several_warnings_give_one_line_each(session, qtbot):
    session.journal.update_platform("Coinbase", countries=["GB", "IE"])
    dialog = failed_attempt_dialog(session, qtbot)
    pick_other(dialog.channel)
    qtbot.keyClicks(dialog.channel.contact, "+1 212 736 5000")
    qtbot.waitUntil(lambda: shows(dialog.channel, "United States", "not one of Coinbase's"),
                    timeout=WAIT)
    lines = dialog.channel.warning.text().splitlines()
    assert len(lines) == 2 and all(line.startswith("• ") for line in lines)
    assert "United Kingdom" in lines[1] and "Ireland" in lines[1]
    layout = dialog.layout()  # the dialog grew: no line of the warning is cut off
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width())


def test_typed_email_in_the_chat_log_dialog(session, qtbot):
    dialog = LogDialog(session, 1, kind="email")
    qtbot.addWidget(dialog)
    dialog.show()
    session.wait()
    pick_other(dialog.channel)
    qtbot.keyClicks(dialog.channel.contact, "support@coinbase-help.example")
    qtbot.waitUntil(lambda: shows(dialog.channel, "not one of Coinbase's listed channels"),
                    timeout=WAIT)
    dialog.reject()
    session.wait()


def test_typing_a_number_in_the_live_call_moves_nothing_below_the_channel(panel, session, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication
    started(panel)
    pick_other(panel.channel)       # the choice shows the contact field and the advice...
    QApplication.processEvents()
    below = [panel.hold, panel.agent, panel.notes]
    where = [w.mapTo(panel, QPoint(0, 0)).y() for w in below]
    picker = panel.channel
    picker._check_timer.setInterval(0)   # every key a pause: each banner on the way is seen
    said = set()
    for key in "+1 888 908 7930":       # ...typing moves nothing: not listed, then listed
        qtbot.keyClicks(picker.contact, key)
        qtbot.waitUntil(lambda: not picker._check_timer.isActive(), timeout=WAIT)
        session.wait()
        QApplication.processEvents()
        said.add(picker.warning.text() if picker.warning.isVisible() else "")
        assert [w.mapTo(panel, QPoint(0, 0)).y() for w in below] == where
    assert any("not one of Coinbase's" in s for s in said) and "" in said   # came and went
