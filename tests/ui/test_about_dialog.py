"""Help ▸ About Support Journal: the version, the build, the engine's versions, the journal's
folder, Copy details, and the licences read when their tab is first shown; locked or not, in
English and Chinese."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

import journal
from journal.ui.kit import resources
from journal.ui.kit.session import Session
from journal.ui.main_window import MainWindow
from tests.test_about_facts import engine_versions
from tests.ui import WAIT
from tests.ui.windows import shown_window


def open_about(window: MainWindow, qtbot):
    """Help ▸ About Support Journal, as the menu offers it."""
    help_menu = window.shortcut_groups[-1][1]
    (about,) = [a for a in help_menu.actions() if a.text() == window.about_action.text()]
    about.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog, timeout=WAIT)
    return dialog


def shown_texts(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel)
                     if label.isVisible())


def test_about_shows_the_version_the_engine_and_the_folder(session, qtbot):
    window = shown_window(session, qtbot)
    dialog = open_about(window, qtbot)
    cipher, sqlite = engine_versions()
    said = shown_texts(dialog)
    assert f"Support Journal {journal.__version__}" in said
    assert f"SQLCipher {cipher}, SQLite {sqlite}" in said
    assert "Qt 6." in said and "PySide6 6." in said and "Python 3." in said
    assert dialog.folder_label.text() == str(session.folder)
    assert dialog.folder_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert "commit" in dialog.build.text() or "not known" in dialog.build.text()
    assert dialog.show_folder_button.isEnabled()


def test_copy_details_puts_the_versions_in_the_clipboard(session, qtbot):
    window = shown_window(session, qtbot)
    dialog = open_about(window, qtbot)
    QGuiApplication.clipboard().setText("something else")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    cipher, sqlite = engine_versions()
    assert copied.startswith(f"Support Journal {journal.__version__}\n")
    assert f"SQLCipher {cipher}, SQLite {sqlite}" in copied and "Build: commit " in copied
    assert str(session.folder) not in copied   # a bug report needs no path of the user's


def test_the_licences_are_read_when_their_tab_is_first_shown(session, qtbot):
    window = shown_window(session, qtbot)
    dialog = open_about(window, qtbot)
    assert not dialog.licences.asked and not dialog.licences.loaded()
    dialog.tabs.setCurrentWidget(dialog.licences)
    qtbot.waitUntil(dialog.licences.loaded, timeout=WAIT)
    text = dialog.licences.text.toPlainText()
    assert "PySide6" in text and "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert dialog.licences.text.isReadOnly()
    assert "https://code.qt.io" in dialog.licences.intro.text()
    assert "LGPL-3.0" in dialog.licences.intro.text()


def test_about_opens_on_a_locked_journal_and_esc_closes_it(journal_dir, templates, qtbot):
    templates.copy("empty", journal_dir)
    window = MainWindow(Session(journal_dir))
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.unlock_screen
    assert window.about_action.isEnabled()
    dialog = open_about(window, qtbot)
    assert f"Support Journal {journal.__version__}" in shown_texts(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


@pytest.fixture
def chinese():
    assert resources.install_language("zh_CN")
    yield
    resources.install_language("en")


def test_the_chinese_about_box_speaks_chinese(session, qtbot, chinese):
    window = shown_window(session, qtbot)
    dialog = open_about(window, qtbot)
    assert dialog.windowTitle() == "关于客服记录本"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["关于", "许可证"]
    assert QApplication.translate("AboutDialog", "&Copy details") == dialog.copy_button.text()
    assert "客服记录本" in dialog.heading.text()
