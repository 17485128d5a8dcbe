"""The language each contact was held in is recorded from the live call and the chat log."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from journal.domain import times
from journal.ui.capture import call_capture
from journal.ui.capture.call_capture import CallCapture
from journal.ui.capture.log_dialog import LogDialog
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def panel(session, qtbot, monkeypatch):
    started = times.now() - timedelta(minutes=5)
    monkeypatch.setattr(call_capture, "now", lambda: started + timedelta(minutes=3))
    widget = CallCapture(session)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    session.wait()


def end_call(panel, qtbot) -> int:
    with qtbot.waitSignal(panel.finished, timeout=WAIT) as done:
        qtbot.mouseClick(panel.end, LEFT)
    return done.args[0]


def test_the_channel_suggests_its_language_and_the_user_can_pick_another(panel, session,
                                                                         qtbot):
    session.journal.update_channel(1, languages=["en", "zh-CN"])
    panel.start(1)
    session.wait()   # the case's channels are read off the GUI thread
    panel.channel.set_value(1, None)
    assert panel.language.value() == "en"      # the channel's first language
    panel.language.setCurrentIndex(panel.language.findData("zh-CN"))
    panel.language.activated.emit(panel.language.currentIndex())
    assert panel.language.touched and panel.language.value() == "zh-CN"
    panel.channel.set_value(2, None)            # a chosen language is not overridden
    assert panel.language.value() == "zh-CN"
    iid = end_call(panel, qtbot)
    assert session.journal.interaction(iid).language == "zh-CN"


def test_the_language_survives_in_the_draft(panel, session, qtbot):
    panel.start(1)
    session.wait()   # the case's channels are read off the GUI thread
    panel.language.lineEdit().setText("")
    qtbot.keyClicks(panel.language.lineEdit(), "pt-BR")
    assert panel.language.touched
    panel.save_draft_now()
    session.wait()   # the save runs on the worker
    assert session.journal.draft("call")["language"] == "pt-BR"
    again = CallCapture(session)
    qtbot.addWidget(again)
    restored = []
    again.restore_draft(restored.append)
    session.wait()
    assert restored == [True]
    assert again.language.value() == "pt-BR"


def test_not_recorded_is_a_choice(panel, session, qtbot):
    panel.start(1)
    session.wait()   # the case's channels are read off the GUI thread
    panel.channel.set_value(1, None)             # the fixture's channel lists no language
    assert panel.language.value() is None
    iid = end_call(panel, qtbot)
    assert session.journal.interaction(iid).language is None


def test_a_chat_records_a_typed_code_and_a_bad_one_is_one_sentence(session, qtbot):
    dialog = LogDialog(session, 1, kind="chat")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.text, "Chat transcript")
    dialog.language.lineEdit().setText("")
    qtbot.keyClicks(dialog.language.lineEdit(), "not a code!")
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=WAIT)
    assert "is not a language code" in dialog.message.text()
    before = len(session.journal.timeline(1))
    dialog.language.lineEdit().setText("fr")
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert session.journal.interaction(logged.args[0]).language == "fr"
    assert len(session.journal.timeline(1)) == before + 1
    session.wait()
