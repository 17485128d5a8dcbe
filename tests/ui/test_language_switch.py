"""A window rebuilt for another language leaves nothing behind that still answers the journal:
the retired window's panels must not hear the session once they are gone."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from journal.ui.app import Launcher
from journal.ui.dialogs.preferences_dialog import PreferencesDialog
from journal.ui.kit import resources
from tests.ui.test_main_window import unlock_through_the_screen
from tests.ui import WAIT



def switch_to_chinese_through_preferences(qtbot, launcher: Launcher):
    """As a person does it: Preferences…, pick 简体中文, OK; the window is rebuilt."""
    first = launcher.window
    first.preferences_action.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if isinstance(d, PreferencesDialog) and d.isVisible())
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: launcher.window is not first, timeout=WAIT)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=WAIT)
    return launcher.window


def test_unlocking_after_a_language_switch_reaches_only_live_widgets(session, qtbot):
    launcher = Launcher(session.folder)
    launcher.session = session
    try:
        launcher.show()
        first = launcher.window
        qtbot.waitUntil(lambda: first.pages.currentWidget() is first.splitter, timeout=WAIT)
        second = switch_to_chinese_through_preferences(qtbot, launcher)
        qtbot.waitUntil(lambda: second.pages.currentWidget() is second.splitter, timeout=WAIT)

        with qtbot.captureExceptions() as exceptions:
            second.lock_action.trigger()
            qtbot.waitUntil(lambda: second.pages.currentWidget() is second.unlock_screen,
                            timeout=WAIT)
            unlock_through_the_screen(qtbot, second)
            qtbot.waitUntil(lambda: second.pages.currentWidget() is second.splitter,
                            timeout=WAIT)
            qtbot.waitUntil(lambda: second.cases.model.rowCount() == 1, timeout=WAIT)
            session.wait()
            QCoreApplication.processEvents()
        assert [str(e[1]) for e in exceptions] == []
        # The new window's own filter was filled in on unlock, in the new language.
        combo = second.cases.platform_combo
        assert [combo.itemData(i) for i in range(combo.count())] == [None, "Coinbase"]
        assert not combo.itemText(0).isascii()

        # A failure nobody handled is told by the live window alone.
        with qtbot.captureExceptions() as exceptions:
            session.failed.emit("The disk is full.")
            QCoreApplication.processEvents()
        assert [str(e[1]) for e in exceptions] == []
        boxes = [b for b in QApplication.topLevelWidgets()
                 if isinstance(b, QMessageBox) and b.objectName() == "errorMessage"
                 and b.isVisible()]
        assert [(b.text(), b.parent()) for b in boxes] == [("The disk is full.", second)]
        boxes[0].close()
        second.close()
    finally:
        resources.install_language("en")
