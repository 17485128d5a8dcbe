"""The window reads the pictures that wait, one at a time, off the GUI thread: the status bar
says how far it got, Pause stops after the file being read, locking stops the reader."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.conftest import PASSPHRASE
from tests.ui import WAIT
from tests.ui.reading_fakes import FakeReader, log_pictures, use_reader
from tests.ui.windows import shown_window


@pytest.fixture
def reader(monkeypatch):
    return use_reader(monkeypatch, FakeReader())


def three_pictures(session, reader):
    pictures = [reader.picture([f"Ticket #A10000{n} refund"], color)
                for n, color in enumerate(("#204080", "#208040", "#804020"), 1)]
    return log_pictures(session.journal, pictures)


def waiting(session) -> int:
    session.wait()
    return session.journal.reading_status().waiting


def test_the_window_reads_every_waiting_file_and_the_status_bar_follows(session, qtbot,
                                                                        reader):
    entry = three_pictures(session, reader)
    window = shown_window(session, qtbot)
    progress = window.reading.progress
    said = []
    window.reading.queue.progressed.connect(lambda: said.append(progress.text()))
    qtbot.waitUntil(lambda: len(reader.read) == 3 and not window.reading.queue.active,
                    timeout=WAIT)
    assert waiting(session) == 0
    assert "Reading pictures: 1 of 3" in said and "Reading pictures: 3 of 3" in said
    assert progress.isHidden()                     # nothing waits: nothing said
    for n, attachment in enumerate(entry.attachments, 1):
        assert session.journal.attachment_text(attachment.id).text == \
            f"Ticket #A10000{n} refund"
    # The worker stops once nothing waits: on the reading thread, just after the last file.
    qtbot.waitUntil(lambda: reader.closed >= 1, timeout=WAIT)
    assert window.reading.queue.wait_idle()


def test_a_file_logged_later_is_read_too(session, qtbot, reader):
    window = shown_window(session, qtbot)
    qtbot.waitUntil(lambda: not window.reading.queue.active, timeout=WAIT)
    session.wait()
    entry = log_pictures(session.journal, [reader.picture(["Case ID: CS-2291-XK"], "#336699")])
    session.announce("timeline")   # as the write of an entry with files says it
    qtbot.waitUntil(lambda: len(reader.read) == 1 and not window.reading.queue.active,
                    timeout=WAIT)
    session.wait()
    assert session.journal.attachment_text(entry.attachments[0].id).text == \
        "Case ID: CS-2291-XK"


def test_pause_stops_after_the_file_being_read_and_resume_goes_on(session, qtbot, reader):
    three_pictures(session, reader)
    reader.hold = True
    window = shown_window(session, qtbot)
    queue, progress = window.reading.queue, window.reading.progress
    qtbot.waitUntil(reader.started.is_set, timeout=WAIT)
    assert progress.isVisible() and progress.text() == "Reading pictures: 1 of 3"
    qtbot.mouseClick(progress.button, Qt.MouseButton.LeftButton)   # Pause
    assert queue.paused
    reader.release()
    qtbot.waitUntil(lambda: not queue.running, timeout=WAIT)
    assert len(reader.read) == 1 and waiting(session) == 2   # the one being read is kept
    assert progress.isVisible()
    assert progress.text().startswith("Reading pictures paused: 2 file")   # (en plural: .ts)
    assert progress.button.text() == "Resume"
    qtbot.waitUntil(lambda: reader.closed >= 1, timeout=WAIT)   # no worker while paused

    reader.hold = False
    qtbot.mouseClick(progress.button, Qt.MouseButton.LeftButton)   # Resume
    qtbot.waitUntil(lambda: len(reader.read) == 3 and not queue.active, timeout=WAIT)
    assert waiting(session) == 0 and progress.isHidden()


def test_locking_drops_the_file_being_read_and_stops_the_reader(session, qtbot, reader):
    three_pictures(session, reader)
    reader.hold = True
    window = shown_window(session, qtbot)
    queue = window.reading.queue
    qtbot.waitUntil(reader.started.is_set, timeout=WAIT)
    window.lock()
    assert not queue.active and window.reading.progress.isHidden()
    reader.release()
    qtbot.waitUntil(lambda: reader.closed >= 1, timeout=WAIT)   # the worker process goes
    assert queue.wait_idle()
    assert len(reader.read) == 1 and not queue.running

    reader.hold = False
    with qtbot.waitSignal(session.lockedChanged, timeout=WAIT):
        session.unlock(passphrase=PASSPHRASE, on_done=window._on_unlocked,
                       on_error=pytest.fail)
    # The file read while locking was not kept: it is read again, with the other two.
    qtbot.waitUntil(lambda: len(reader.read) == 4 and not queue.active, timeout=WAIT)
    assert waiting(session) == 0


def test_a_file_that_shows_a_scam_is_named_in_the_status_bar(session, qtbot, reader):
    entry = log_pictures(session.journal, [reader.picture(
        ["Support: please send your 12-word recovery phrase", "to verify the account"],
        "#aa3333")])
    window = shown_window(session, qtbot)
    alarm = window.reading.alarm
    qtbot.waitUntil(lambda: alarm.isVisible(), timeout=WAIT)
    assert alarm.text() == "shot-1.png looks like a scam: send nothing."
    assert "seed phrase" in alarm.label.toolTip()          # the advice, for who asks
    assert alarm.attachment_id == entry.attachments[0].id

    qtbot.mouseClick(alarm.show_button, Qt.MouseButton.LeftButton)   # Show: the file itself
    qtbot.waitUntil(lambda: window.findChild(QDialog, "attachmentPreview") is not None,
                    timeout=WAIT)
    panel = window.findChild(QDialog, "attachmentPreview").panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.alarm.isVisible()
    assert panel.alarm.text() == "shot-1.png looks like a scam: send nothing."
    qtbot.mouseClick(panel.advice_button, Qt.MouseButton.LeftButton)   # What to do
    assert panel.advice.isVisible() and "seed phrase" in panel.advice.text()

    window.lock()                                      # a file's name is journal content
    assert alarm.isHidden()


def test_a_file_that_shows_no_alarm_raises_none(session, qtbot, reader):
    three_pictures(session, reader)
    window = shown_window(session, qtbot)
    qtbot.waitUntil(lambda: len(reader.read) == 3 and not window.reading.queue.active,
                    timeout=WAIT)
    assert window.reading.alarm.isHidden()


def test_warnings_wait_behind_each_other_until_each_is_dismissed(session, qtbot, reader):
    log_pictures(session.journal, [
        reader.picture(["Support: please send your 12-word recovery phrase"], "#aa3333"),
        reader.picture(["Install AnyDesk so our agent can fix the withdrawal"], "#aa3344")])
    window = shown_window(session, qtbot)
    alarm = window.reading.alarm
    qtbot.waitUntil(lambda: len(alarm.pending) == 2, timeout=WAIT)
    assert alarm.text() == "shot-1.png looks like a scam: send nothing. (and 1 more)"
    qtbot.mouseClick(alarm.close_button, Qt.MouseButton.LeftButton)
    assert alarm.text() == "shot-2.png looks like a scam: send nothing."
    qtbot.mouseClick(alarm.close_button, Qt.MouseButton.LeftButton)
    assert alarm.isHidden()
