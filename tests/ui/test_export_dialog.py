"""Export case file… from the window: off the GUI thread, the same file as the CLI writes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.export.verify import verify_bundle
from journal.ui.dialogs.export_dialog import ExportDialog
from journal.ui.main_window import MainWindow
from tests.ui import WAIT



def test_the_window_exports_a_bundle_that_verifies(session, qtbot, tmp_path):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    w.open_case(1)
    w.export_action.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if isinstance(d, ExportDialog) and d.isVisible())
    qtbot.mouseClick(dialog.bundle, Qt.MouseButton.LeftButton)
    assert dialog.file.text().endswith(".zip")
    target = tmp_path / "case-1.zip"
    dialog.file.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT) as done:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and not dialog.ok.isEnabled()
    assert done.args == [str(target)]
    assert verify_bundle(target) == []
    assert str(target) in w.statusBar().currentMessage()


def test_a_folder_that_does_not_exist_is_one_sentence(session, qtbot, tmp_path):
    dialog = ExportDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.file.setText(str(tmp_path / "missing" / "case.pdf"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "does not exist" in dialog.error.text()
    assert not (tmp_path / "missing").exists()
