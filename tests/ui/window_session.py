"""Run by test_window_plaintext.py in its own process: the window used for a few minutes.

Creates a journal through the unlock screen, logs a call typed in the live capture,
leaves a second call and a chat with a pasted image as drafts, locks, unlocks, opens
the image preview, changes a preference, and quits. Words to look for come in argv.
"""
from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.pictures import png_bytes  # noqa: E402


def pump(condition, timeout: float = 120.0) -> None:
    """Run the event loop until condition() holds; `timeout` only stops a hang."""
    end = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if condition():
            return
        if time.monotonic() > end:
            raise SystemExit(f"the window did not get there (window_session.py line "
                             f"{condition.__code__.co_firstlineno})")
        time.sleep(0.01)




def main() -> int:
    words = json.loads(sys.argv[1])
    passphrase = os.environ["JOURNAL_PASSPHRASE"]
    from journal.service import NewAttachment
    from journal.ui.app import Launcher, application
    from journal.ui.capture.log_dialog import LogDialog
    from journal.ui.kit import settings
    application()
    launcher = Launcher(os.environ["JOURNAL_DIR"])
    launcher.show()
    w = launcher.window
    screen = w.unlock_screen
    QTest.keyClicks(screen.new_passphrase, passphrase)
    QTest.keyClicks(screen.repeat_passphrase, passphrase)
    QTest.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    pump(lambda: screen.mode == "recovery")
    screen.stored.setChecked(True)
    QTest.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    pump(lambda: w.pages.currentWidget() is w.splitter)

    session = launcher.session
    session.journal.add_platform(words["platform"], kind="exchange")
    case = session.journal.open_case(words["platform"], words["case"])
    session.announce("cases")
    w.open_case(case.id)
    w.start_call()
    pump(lambda: w.capture.in_progress)   # it starts once the kept call (none) is read back
    w.capture.agent.setText(words["agent"])
    w.capture.notes.insertPlainText(words["note"])
    pump(lambda: (session.journal.draft("call") or {}).get("notes") == words["note"])
    QTest.keyClick(w.capture.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    pump(lambda: not w.capture.in_progress)

    w.start_call()
    pump(lambda: w.capture.in_progress)
    w.capture.notes.insertPlainText(words["draft"])
    w.log_message()
    dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, LogDialog))
    dialog.findChild(type(w.capture.notes)).insertPlainText(words["transcript"])
    image = QImage()
    image.loadFromData(png_bytes(40, 30))
    dialog.add_image(image)               # pasted from the clipboard
    dialog.add_files([sys.argv[2]])       # the user's own file, dropped in
    w.lock()
    pump(lambda: w.pages.currentWidget() is w.unlock_screen)
    session.unlock(passphrase=passphrase, on_done=w._on_unlocked, on_error=print)
    pump(lambda: session.is_open and w.pages.currentWidget() is w.splitter)
    pump(lambda: w.capture.in_progress and w.capture.notes.toPlainText() == words["draft"])

    session.journal.log(case.id, kind="chat", notes=words["chat"], attachments=[
        NewAttachment(words["file"] + ".png", "image/png", data=png_bytes(40, 30))])
    session.announce("timeline")
    w.open_case(case.id)
    pump(lambda: w.case_view.current_case_id() == case.id)
    # Both entries shown, and every reading they asked for (the picture's thumbnail) answered.
    pump(lambda: len(w.case_view.timeline.cards()) == 2 and not session.busy)
    settings.set_auto_lock_minutes(7)
    w.close()
    assert session.journal is None  # closing waits for the work and closes the journal
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
