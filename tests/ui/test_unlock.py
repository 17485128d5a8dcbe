"""The unlock screen, used as a person would: create a journal, save the key, unlock."""
from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from journal.service import Journal
from journal.ui.kit.session import Session
from journal.ui.unlock import recovery_key_page
from journal.ui.unlock.recovery_key_page import RecoveryKeyPage
from journal.ui.unlock.unlock_screen import UnlockScreen
from tests.conftest import PASSPHRASE
from tests.ui import WAIT

# Unlocking is the subject here: every key derivation runs Argon2id.
pytestmark = pytest.mark.real_kdf



@pytest.fixture
def make_screen(qtbot):
    made = []

    def make(session: Session) -> UnlockScreen:
        screen = UnlockScreen(session)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitExposed(screen, timeout=WAIT)
        made.append(session)
        return screen
    yield make
    for session in made:
        session.close()


def type_into(qtbot, field: QLineEdit, text: str, enter: bool = False) -> None:
    field.clear()
    qtbot.keyClicks(field, text)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def test_a_passphrase_the_journal_would_refuse_is_said_before_the_key_derivation(
        qtbot, tmp_path, make_screen):
    session = Session(tmp_path / "new")
    screen = make_screen(session)
    spaced = f" {PASSPHRASE} "
    type_into(qtbot, screen.new_passphrase, spaced)
    type_into(qtbot, screen.repeat_passphrase, spaced)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible()
    assert screen.error.text() == "The passphrase must not start or end with spaces."
    assert not session.busy and not session.exists()
    assert screen.new_passphrase.text() == spaced  # kept, to be corrected


def test_creating_a_journal_checks_the_passphrase_and_shows_the_recovery_key_once(
        qtbot, tmp_path, make_screen):
    folder = tmp_path / "new"
    session = Session(folder)
    screen = make_screen(session)
    assert screen.mode == "create"
    assert str(folder) in screen.folder.text()

    type_into(qtbot, screen.new_passphrase, "short")
    type_into(qtbot, screen.repeat_passphrase, "short")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and "at least 8 characters" in screen.error.text()
    assert not session.exists()

    type_into(qtbot, screen.new_passphrase, "password1")
    weak = (screen.meter.value(), screen.strength.text(), screen.advice.text())
    assert weak[0] <= 1 and "weak even so" in weak[2]
    assert "common password" in weak[2] and "one processor core" in screen.guess_time.text()
    type_into(qtbot, screen.new_passphrase, PASSPHRASE)
    assert screen.meter.value() == 4 and screen.strength.text() == "Very strong"
    assert screen.strength.text() != weak[1] and "weak even so" not in screen.advice.text()
    assert "year" in screen.guess_time.text()

    type_into(qtbot, screen.repeat_passphrase, PASSPHRASE + "x", enter=True)
    assert "not the same" in screen.error.text() and screen.mode == "create"
    assert not session.exists()

    type_into(qtbot, screen.repeat_passphrase, PASSPHRASE, enter=True)
    assert screen.new_passphrase.text() == "" and screen.repeat_passphrase.text() == ""
    assert screen.busy.isVisible() and not screen.pages.isEnabled()
    qtbot.waitUntil(lambda: screen.mode == "recovery", timeout=WAIT)
    assert not screen.busy.isVisible() and "not be shown again" in screen.intro.text()
    shown = screen.recovery_label.text()
    assert len("".join(ch for ch in shown if ch.isalnum())) == 56

    qtbot.mouseClick(screen.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.replace("-", "") == "".join(ch for ch in shown if ch.isalnum())

    assert not screen.continue_button.isEnabled()
    with qtbot.assertNotEmitted(screen.unlocked, wait=50):
        qtbot.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    screen.reset()  # showing the screen again must not lose a key not yet confirmed
    assert screen.mode == "recovery" and screen.recovery_label.text() == shown
    qtbot.mouseClick(screen.stored, Qt.MouseButton.LeftButton)
    assert screen.continue_button.isEnabled()
    with qtbot.waitSignal(screen.unlocked, timeout=WAIT):
        qtbot.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    assert screen.recovery_label.text() == ""  # the key is not kept on screen

    assert session.is_open
    session.close()
    Journal.open(folder, recovery_key=shown).close()  # the key shown really opens it


def test_the_right_passphrase_unlocks_and_a_wrong_one_is_one_sentence(
        qtbot, journal_dir, templates, make_screen):
    templates.copy("empty", journal_dir)
    session = Session(journal_dir)
    screen = make_screen(session)
    assert screen.mode == "unlock" and screen.heading.text() == "Unlock your journal"
    field = screen.passphrase
    assert field.echoMode() == QLineEdit.EchoMode.Password
    screen.unlock_show.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    screen.unlock_show.trigger()
    assert field.echoMode() == QLineEdit.EchoMode.Password

    _settled()
    place = QRect(field.mapTo(screen, QPoint(0, 0)), field.size())
    with qtbot.assertNotEmitted(screen.unlocked, wait=200):
        type_into(qtbot, field, "not the passphrase", enter=True)
        assert field.text() == ""  # handed over, then forgotten by the widget
        assert screen.busy.isVisible()
        assert screen.unlock_button.text() == "Unlocking…"
        _settled()
        assert QRect(field.mapTo(screen, QPoint(0, 0)), field.size()) == place
        assert not screen.unlock_button.isEnabled()
        qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=WAIT)
    assert screen.error.text() == "The passphrase is wrong; nothing was changed."
    assert screen.unlock_button.text() == "&Unlock" and screen.unlock_button.isEnabled()
    assert not session.is_open and screen.pages.isEnabled()
    assert field.hasFocus()

    with qtbot.waitSignal(screen.unlocked, timeout=WAIT):
        type_into(qtbot, field, PASSPHRASE)
        assert not screen.error.isVisible()  # typing again clears the sentence
        qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert session.is_open and field.text() == ""


def test_an_empty_field_asks_for_the_passphrase(qtbot, journal_dir, templates, make_screen):
    templates.copy("empty", journal_dir)
    screen = make_screen(Session(journal_dir))
    with qtbot.assertNotEmitted(screen.unlocked, wait=50):
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert "Type your passphrase" in screen.error.text() and not screen.busy.isVisible()


def test_the_recovery_key_can_be_used_instead(qtbot, journal_dir, templates, make_screen):
    recovery = templates.copy("empty", journal_dir)
    session = Session(journal_dir)
    screen = make_screen(session)
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert screen.passphrase.echoMode() == QLineEdit.EchoMode.Normal
    assert "passphrase instead" in screen.switch_button.text()

    type_into(qtbot, screen.passphrase, "AAAA-BBBB", enter=True)
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=WAIT)
    assert "not a valid recovery key" in screen.error.text()

    with qtbot.waitSignal(screen.unlocked, timeout=WAIT):
        type_into(qtbot, screen.passphrase, recovery.lower(), enter=True)
    assert session.is_open


def test_a_journal_open_in_another_process_is_a_clear_sentence(qtbot, journal_dir, templates,
                                                              make_screen):
    templates.copy("empty", journal_dir)
    other = Journal.open(journal_dir, passphrase=PASSPHRASE)
    try:
        session = Session(journal_dir)
        screen = make_screen(session)
        with qtbot.assertNotEmitted(screen.unlocked, wait=100):
            type_into(qtbot, screen.passphrase, PASSPHRASE, enter=True)
            qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=WAIT)
        assert "open in another Support Journal process" in screen.error.text()
        assert not session.is_open
    finally:
        other.close()


def test_after_a_lock_the_screen_says_so_and_unlocks_the_same_journal(qtbot, session,
                                                                      make_screen):
    journal = session.journal
    session.lock()
    screen = make_screen(session)
    assert screen.mode == "unlock" and "locked" in screen.heading.text()
    assert "drafts are kept" in screen.intro.text()
    type_into(qtbot, screen.passphrase, "typed before the lock")
    screen.reset()
    assert screen.passphrase.text() == ""

    with qtbot.waitSignal(screen.unlocked, timeout=WAIT):
        type_into(qtbot, screen.passphrase, PASSPHRASE, enter=True)
    assert session.is_open and session.journal is journal
    assert session.journal.case(1).title == "Withdrawal stuck since Monday"


def test_a_wrong_passphrase_is_said_in_chinese_in_the_chinese_window(
        qtbot, journal_dir, templates, make_screen):
    from journal.ui.kit import resources
    templates.copy("empty", journal_dir)
    assert resources.install_language("zh_CN")
    try:
        session = Session(journal_dir)
        screen = make_screen(session)
        type_into(qtbot, screen.passphrase, "not the passphrase", enter=True)
        qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=WAIT)
        assert screen.error.text() == "主密码不正确，未做任何更改。"
    finally:
        resources.install_language("en")


KEY = "-".join(["ABCD", "EFGH", "JKLM", "NPQR", "STUV", "WXYZ", "2345"] * 2)


def _settled() -> None:
    QApplication.sendPostedEvents()  # the layouts' requests
    QApplication.processEvents()


def _places(screen: UnlockScreen) -> list[QRect]:
    widgets = (screen.new_passphrase, screen.repeat_passphrase, screen.meter,
               screen.create_button)
    return [QRect(w.mapTo(screen, QPoint(0, 0)), w.size()) for w in widgets]


@pytest.mark.parametrize("typed", ["password1", "qwertyuiop", "aaaaaaaaaaaa", "Julia1987!",
                                   PASSPHRASE])
def test_fields_never_move_while_typing_and_the_repeat_field_says_whether_it_matches(
        qtbot, tmp_path, make_screen, typed):
    screen = make_screen(Session(tmp_path / "new"))
    screen.resize(1280, 800)
    _settled()
    before = _places(screen)
    assert screen.match.text() == ""  # nothing said before the repeat has text
    for ch in typed:
        qtbot.keyClick(screen.new_passphrase, ch)
        _settled()
        assert _places(screen) == before, ch
    assert screen.strength.text() and screen.guess_time.text()
    assert screen.match.text() == ""
    for i, ch in enumerate(typed):
        qtbot.keyClick(screen.repeat_passphrase, ch)
        _settled()
        assert _places(screen) == before
        if i < len(typed) - 1:
            assert screen.match.text() == "Doesn't match yet"
    assert screen.match.text() == "✓ Matches" and screen.match.isVisible()
    qtbot.keyClick(screen.repeat_passphrase, "x")
    assert screen.match.text() == "Doesn't match yet"
    screen.repeat_passphrase.clear()
    _settled()
    assert screen.match.text() == "" and _places(screen) == before


def test_creating_says_so_and_a_journal_that_cannot_be_made_gives_the_form_back(
        qtbot, tmp_path, make_screen):
    (tmp_path / "a file").write_text("not a folder")
    session = Session(tmp_path / "a file" / "journal")
    screen = make_screen(session)
    assert screen.mode == "create"
    type_into(qtbot, screen.new_passphrase, PASSPHRASE)
    type_into(qtbot, screen.repeat_passphrase, PASSPHRASE)
    heading = screen.heading.text()
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert screen.create_button.text() == "Creating…"
    assert not screen.create_button.isEnabled() and screen.busy.isVisible()
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=WAIT)
    assert screen.error.text().startswith("Cannot create") and "\n" not in screen.error.text()
    assert screen.create_button.text() == "&Create journal" and screen.create_button.isEnabled()
    assert not screen.busy.isVisible() and screen.pages.isEnabled()
    assert screen.mode == "create" and screen.heading.text() == heading
    assert screen.new_passphrase.text() == PASSPHRASE == screen.repeat_passphrase.text()
    assert screen.match.text() == "✓ Matches"


@pytest.fixture
def key_page(qtbot, tmp_path):
    journal = tmp_path / "journal"
    journal.mkdir()
    page = RecoveryKeyPage(journal)
    qtbot.addWidget(page)
    page.show_key(KEY)
    page.show()
    return page


def _answering_with(target, asked: list):
    """A getSaveFileName that notes what it was asked and answers with `target`."""
    def answer(parent, title, start, filters):
        asked.append((title, start, filters))
        return str(target), filters
    return answer


def test_the_recovery_key_is_saved_to_a_file_only_its_owner_can_read(
        qtbot, tmp_path, key_page, monkeypatch):
    target = tmp_path / "elsewhere" / "key.txt"
    target.parent.mkdir()
    target.write_text("an older file")
    os.chmod(target, 0o644)  # written over: its mode must become the owner's alone too
    asked = []
    answer = _answering_with(target, asked)
    monkeypatch.setattr(recovery_key_page.QFileDialog, "getSaveFileName", answer)
    qtbot.mouseClick(key_page.save_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][1].endswith("support-journal-recovery-key.txt")
    text = target.read_text(encoding="utf-8")
    assert KEY in text.splitlines() and "if its passphrase is forgotten" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in key_page.status.text()
    assert not key_page.stored.isChecked()  # saying it is stored stays the user's own step

    inside = tmp_path / "journal" / "key.txt"
    monkeypatch.setattr(recovery_key_page.QFileDialog, "getSaveFileName",
                        lambda *a: (str(inside), ""))
    qtbot.mouseClick(key_page.save_button, Qt.MouseButton.LeftButton)
    assert not inside.exists()
    assert "inside the journal's own folder" in key_page.status.text()

    monkeypatch.setattr(recovery_key_page.QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "no such folder" / "key.txt"), ""))
    qtbot.mouseClick(key_page.save_button, Qt.MouseButton.LeftButton)
    assert key_page.status.text().startswith("The recovery key could not be saved to")

    monkeypatch.setattr(recovery_key_page.QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    qtbot.mouseClick(key_page.save_button, Qt.MouseButton.LeftButton)  # cancelled: nothing
    assert key_page.status.text().startswith("The recovery key could not be saved to")


def test_the_recovery_key_can_be_printed(qtbot, key_page, monkeypatch):
    sent = []
    monkeypatch.setattr(recovery_key_page.QPrintDialog, "exec",
                        lambda self: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(recovery_key_page, "print_document",
                        lambda document, printer: sent.append(document.toPlainText()))
    qtbot.mouseClick(key_page.print_button, Qt.MouseButton.LeftButton)
    assert sent == []  # the print dialog was cancelled
    monkeypatch.setattr(recovery_key_page.QPrintDialog, "exec",
                        lambda self: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(key_page.print_button, Qt.MouseButton.LeftButton)
    assert len(sent) == 1 and KEY in sent[0] and "recovery key" in sent[0]
    assert "printer" in key_page.status.text()
    with qtbot.waitSignal(key_page.confirmed, timeout=WAIT):
        qtbot.mouseClick(key_page.stored, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(key_page.continue_button, Qt.MouseButton.LeftButton)
    assert key_page.key == "" and key_page.recovery_label.text() == ""
