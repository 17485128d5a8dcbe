"""One window per journal: a later start finds the window running on the same journal, hands
it its file and goes; a crashed window's socket is taken over; garbage on the socket is logged
and dropped. And the running window imports the file it is handed: for the case shown, for the
case the user chooses, or once the journal is unlocked."""
from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication

from journal.ui.capture.import_dialog import ImportDialog
from journal.ui.capture.opened_files import CaseForFileDialog, OpenedFiles
from journal.ui.kit.single_instance import MAX_MESSAGE, SingleInstance, server_name
from tests.ui import WAIT
from tests.ui.test_import_dialog import WHATSAPP
from tests.ui.test_main_window import unlock_through_the_screen
from tests.ui.windows import shown_window


@pytest.fixture
def name(tmp_path, qapp) -> str:
    """A server name of this test's own (its journal folder is its own)."""
    return server_name(tmp_path / "journal")


@pytest.fixture
def first(name):
    """The window that runs: listening."""
    instance = SingleInstance(name)
    assert instance.hand_over() == "none"   # nothing runs on this journal yet
    assert instance.listen()
    yield instance
    instance.close()


def test_the_name_is_the_users_and_the_resolved_folders_and_short(tmp_path, qapp):
    (tmp_path / "journal").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "journal")
    assert server_name(tmp_path / "link") == server_name(tmp_path / "journal")
    assert server_name(tmp_path / "journal") != server_name(tmp_path / "another")
    assert len(os.path.join(QDir.tempPath(), server_name(tmp_path))) < 100   # macOS: 104
    if os.name == "posix":   # a temp folder too deep for a socket's path: /tmp instead
        deep = server_name(tmp_path / "journal", "/" + "deep/" * 30)
        assert deep == os.path.join("/tmp", server_name(tmp_path / "journal", "/tmp"))


def test_a_later_start_hands_its_file_to_the_first(first, name, tmp_path, qtbot):
    later = SingleInstance(name)
    wanted = str(tmp_path / "chat.txt")
    with qtbot.waitSignal(first.received, timeout=WAIT) as got:
        assert later.hand_over(wanted) == "done"
    assert got.args == [True, wanted]
    with qtbot.waitSignal(first.received, timeout=WAIT) as got:
        assert later.hand_over(None) == "done"
    assert got.args == [True, ""]
    assert not later.listen(), "the first keeps the name while it runs"


@pytest.mark.skipif(sys.platform == "win32", reason="a named pipe leaves nothing behind")
def test_a_socket_left_by_a_crashed_window_is_taken_over(name, qtbot, tmp_path):
    left = os.path.join(QDir.tempPath(), name)
    crashed = socket.socket(socket.AF_UNIX)
    crashed.bind(left)      # bound, never unlinked: what a killed window leaves
    crashed.close()
    assert os.path.exists(left)
    instance = SingleInstance(name)
    try:
        assert instance.hand_over(str(tmp_path / "x.eml")) == "none"   # refused: nobody there
        assert instance.listen()
        with qtbot.waitSignal(instance.received, timeout=WAIT):
            assert SingleInstance(name).hand_over(None) == "done"
    finally:
        instance.close()


def test_garbage_on_the_socket_is_logged_and_dropped(first, name, qtbot, caplog):
    got = []
    first.received.connect(lambda *args: got.append(args))
    junk = [b"garbage\n", b'{"raise": true, "open": "not/absolute.eml"}\n', b"[1, 2]\n",
            b'{"raise": "yes"}\n', b"\xff\xfe\x00\n", b"x" * (MAX_MESSAGE + 10)]
    with caplog.at_level(logging.WARNING, logger="journal.ui.kit.single_instance"):
        for data in junk:
            raw = QLocalSocket()
            raw.connectToServer(name)
            assert raw.waitForConnected(WAIT)
            raw.write(data)
            raw.flush()
            # The window hangs up without an answer.
            qtbot.waitUntil(lambda: raw.state() == QLocalSocket.LocalSocketState.UnconnectedState,
                            timeout=WAIT)
            assert bytes(raw.readAll()) == b""
    assert got == []
    ignored = [r for r in caplog.records if "ignored a message" in r.getMessage()]
    assert len(ignored) == len(junk)
    with qtbot.waitSignal(first.received, timeout=WAIT):   # and it still listens
        assert SingleInstance(name).hand_over(None) == "done"


def test_a_window_that_does_not_answer_is_told_apart(name, qtbot):
    mute = QLocalServer()
    assert mute.listen(name)
    try:
        assert SingleInstance(name).hand_over("/tmp/x.eml", reply_ms=200) == "silent"
    finally:
        mute.close()


# -- the running window, given a file ----------------------------------------------------------

@pytest.fixture
def chat(tmp_path) -> str:
    target = tmp_path / WHATSAPP.name
    target.write_bytes(WHATSAPP.read_bytes())
    return str(target)


def import_dialogs() -> list[ImportDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ImportDialog) and w.isVisible()]


def close_all(session) -> None:
    session.wait()
    for dialog in import_dialogs():
        dialog.reject()


def test_a_file_given_with_a_case_shown_opens_in_import_evidence_for_it(session, qtbot, chat,
                                                                       tmp_path):
    window = shown_window(session, qtbot)
    window.open_case(1)
    qtbot.waitUntil(lambda: window.case_view.current_case_id() == 1, timeout=WAIT)
    opened = OpenedFiles(session)
    opened.attach(window)
    opened.add(chat)
    qtbot.waitUntil(lambda: len(import_dialogs()) == 1, timeout=WAIT)
    (dialog,) = import_dialogs()
    assert dialog.case_id == 1 and list(dialog.previews) == [chat]
    # A second file while that dialog is open joins it.
    other = tmp_path / "second.txt"
    other.write_bytes(Path(chat).read_bytes())
    opened.add(str(other))
    qtbot.waitUntil(lambda: str(other) in dialog.previews, timeout=WAIT)
    assert import_dialogs() == [dialog]
    close_all(session)


def test_with_no_case_shown_the_user_chooses_the_case(session, qtbot, chat):
    window = shown_window(session, qtbot)
    qtbot.waitUntil(lambda: window.case_view.current_case_id() == 1, timeout=WAIT)
    session.wait()
    window.case_view.show_case(None)   # "Choose a case": none is shown
    assert window.case_view.current_case_id() is None
    opened = OpenedFiles(session)
    opened.attach(window)
    opened.add(chat)
    qtbot.waitUntil(lambda: bool(window.findChildren(CaseForFileDialog)), timeout=WAIT)
    (dialog,) = window.findChildren(CaseForFileDialog)
    qtbot.waitUntil(lambda: dialog.case.count() == 1 and dialog.ok.isEnabled(), timeout=WAIT)
    assert Path(chat).name in dialog.question.text()
    dialog.ok.click()
    qtbot.waitUntil(lambda: len(import_dialogs()) == 1, timeout=WAIT)
    assert import_dialogs()[0].case_id == 1 and chat in import_dialogs()[0].previews
    assert window.case_view.current_case_id() == 1
    close_all(session)


def test_a_file_given_while_locked_waits_for_the_unlock(session, qtbot, chat):
    window = shown_window(session, qtbot)
    window.open_case(1)
    qtbot.waitUntil(lambda: window.case_view.current_case_id() == 1, timeout=WAIT)
    opened = OpenedFiles(session)
    opened.attach(window)
    window.lock()
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)
    opened.add(chat)
    QApplication.processEvents()
    assert import_dialogs() == [] and opened.pending == [chat]
    assert Path(chat).name in window.statusBar().currentMessage()
    unlock_through_the_screen(qtbot, window)
    qtbot.waitUntil(lambda: len(import_dialogs()) == 1, timeout=WAIT)
    assert import_dialogs()[0].case_id == 1, "for the case shown when it locked"
    assert opened.pending == []
    assert Path(chat).name not in window.statusBar().currentMessage()   # it has opened
    close_all(session)
