"""The keys can be found: a Keyboard shortcuts window (F1, Ctrl+/, Help menu) read from the
window's own actions, and a Call menu holding the live call's actions with their keys."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication

from journal.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from journal.ui.kit import resources, settings
from journal.ui.main_window import MainWindow
from tests.ui import WAIT
from tests.ui.windows import shown_window

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def window(session, qtbot):
    w = shown_window(session, qtbot)
    yield w
    session.wait()


def shown_dialog() -> ShortcutsDialog | None:
    return next((d for d in QApplication.topLevelWidgets()
                 if isinstance(d, ShortcutsDialog) and d.isVisible()), None)


def table_rows(dialog: ShortcutsDialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text() if table.item(r, 1) else "")
            for r in range(table.rowCount())]


def test_f1_opens_the_keyboard_shortcuts_with_the_window_and_call_keys(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = shown_dialog()
    assert dialog is not None and dialog.windowTitle() == "Keyboard shortcuts"
    rows = dialog.rows()
    assert ("Log", "Start call", native("Ctrl+T")) in rows
    assert ("During a call", "Hold / back on the line", native("Ctrl+Shift+H")) in rows
    assert ("Journal", "Lock", native("Ctrl+L")) in rows
    assert ("View", "Search", f"{native('Ctrl+F')} or {native('Ctrl+K')}") in rows
    assert ("Help", "Keyboard shortcuts", f"{native('F1')} or {native('Ctrl+/')}") in rows
    # The table shows those very rows, under a heading row for each group.
    shown = table_rows(dialog)
    assert ("Start call", native("Ctrl+T")) in shown
    assert ("Hold / back on the line", native("Ctrl+Shift+H")) in shown
    headings = [text for text, keys in shown if not keys]
    assert headings == ["Journal", "Log", "During a call", "View", "Help"]
    dialog.close()

    qtbot.keyClick(window, Qt.Key.Key_Slash, CTRL)
    assert shown_dialog() is dialog
    dialog.close()
    help_menu = window.shortcuts_action.associatedObjects()
    assert any(getattr(m, "title", lambda: "")() == "&Help" for m in help_menu)


def test_every_key_in_the_menus_is_listed_and_a_changed_key_is_listed_as_it_is(window, qtbot):
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    keyed = [a for _, menu in window.shortcut_groups for a in menu.actions()
             if any(not k.isEmpty() for k in a.shortcuts())]
    assert len(dialog.rows()) == len(keyed) >= 20
    listed_keys = {keys for _, _, keys in dialog.rows()}
    assert native("Ctrl+Shift+K") in listed_keys      # the case's checklist tab
    assert native("Ctrl+Shift+X") in listed_keys      # discard the call
    window.lock_action.setShortcut(QKeySequence("Ctrl+Shift+L"))   # no list to keep up
    window.show_shortcuts()
    assert ("Journal", "Lock", native("Ctrl+Shift+L")) in dialog.rows()
    dialog.close()


def test_the_shortcuts_table_is_read_as_a_table(window, qtbot):
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    table = dialog.table
    assert table.accessibleName() == "Keyboard shortcuts"
    assert [table.horizontalHeaderItem(c).text() for c in (0, 1)] == ["What it does", "Keys"]
    QAccessible.setActive(True)
    try:
        face = QAccessible.queryAccessibleInterface(table)
        assert face.role() == QAccessible.Role.Table
        parts = [face.child(i) for i in range(face.childCount())]
        said = [(p.role(), p.text(QAccessible.Text.Name), p.text(QAccessible.Text.Description))
                for p in parts]
        role = QAccessible.Role
        assert [name for r, name, _ in said if r == role.ColumnHeader] == ["What it does",
                                                                           "Keys"]
        # A key's cell says its key, and which group it is in.
        assert (role.Cell, native("Ctrl+T"), "Log") in said
        assert (role.Cell, "Start call", "Log") in said
        assert (role.Cell, native("Ctrl+Shift+H"), "During a call") in said
    finally:
        QAccessible.setActive(False)
    dialog.close()


def test_the_call_menu_holds_the_live_call_keys(window, session, qtbot):
    menu = window.menuBar().findChild(type(window.menuBar().addMenu("x")), "callMenu")
    assert menu is not None and menu.title() == "&Call"
    assert menu.menuAction() in window.menuBar().actions()
    hold = next(a for a in menu.actions() if a.objectName() == "callHoldAction")
    assert hold.shortcut() == QKeySequence("Ctrl+Shift+H")
    assert not hold.isEnabled()     # until a call is in progress
    window.open_case(1)
    window.call_action.trigger()
    qtbot.waitUntil(lambda: window.capture.in_progress and not session.busy, timeout=WAIT)
    assert hold.isEnabled()
    hold.trigger()                   # as chosen in the menu
    assert window.capture.hold.isChecked()
    hold.trigger()
    assert not window.capture.hold.isChecked()
    window.capture.cancel_call()


def test_the_chinese_shortcuts_window_speaks_chinese(session, qtbot):
    assert resources.install_language("zh_CN")
    settings.set_language("zh_CN")
    try:
        w = MainWindow(session)
        qtbot.addWidget(w)
        w.show()
        w.show_shortcuts()
        dialog = w.shortcuts_dialog
        assert not dialog.windowTitle().isascii()
        groups = {group for group, _, _ in dialog.rows()}
        assert len(groups) == 5 and all(not g.isascii() for g in groups), groups
        assert all(not text.isascii() for _, text, _ in dialog.rows()), dialog.rows()
        assert not dialog.table.horizontalHeaderItem(0).text().isascii()
        dialog.close()
        w.close()
    finally:
        settings.set_language("en")
        resources.install_language("en")
