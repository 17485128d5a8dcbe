"""`make screenshots`: the main screens in English and Chinese, from a demo journal.

    python -m tests.screenshots docs/screenshots
    python -m tests.screenshots --matrix OUT    (make screenshots-matrix)

--matrix renders every screen, and the live call with the scam alarm, at 1280×800,
1366×768 and 1920×1080, and at 1280×800 with QT_SCALE_FACTOR=1.5 (a process of its own:
the factor is read when Qt starts), in both languages, into OUT/WxH[@1.5x]/.

Renders offscreen (QT_QPA_PLATFORM=offscreen) with QWidget.grab(); the demo
journal is made in a temporary folder and removed afterwards.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("JOURNAL_KDF_TARGET_SECONDS", "0")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PASSPHRASE = "demo passphrase for screenshots"
SIZE = (1360, 820)
MATRIX = ((1280, 800), (1366, 768), (1920, 1080))
SCAM_NOTES = {
    "en": " He said: to verify your wallet, read me your 12-word recovery phrase, then send "
          "a 0.1 BTC unlock fee to the address I give you.",
    "zh_CN": "他说：为了验证钱包，请把你的12个助记词念给我，再把0.1 BTC解冻费转到我给的地址。",
}


def settle(ms: int = 150) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def wait_for(condition, timeout: float = 10.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise RuntimeError("the window did not reach the expected state")
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(widget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(f"  {path}")


def render(language: str, out: Path, folder: Path, size=SIZE) -> None:
    from journal.service import Journal
    from journal.ui.kit import resources, settings
    from journal.ui.kit.session import Session
    from journal.ui.main_window import MainWindow

    from .demo import populate

    settings.set_language(language)
    resources.install_language(language)
    journal_dir = folder / f"journal-{language}"
    journal, _ = Journal.create(journal_dir, passphrase=PASSPHRASE)
    ids = populate(journal)
    journal.close()

    session = Session(journal_dir)
    window = MainWindow(session)
    window.resize(*size)
    window.show()
    shoot(window, out / f"{language}-1-unlock.png")

    session.unlock(passphrase=PASSPHRASE, on_done=window._on_unlocked,
                   on_error=lambda text: (_ for _ in ()).throw(RuntimeError(text)))
    wait_for(lambda: session.is_open)
    wait_for(lambda: window.cases.model.rowCount() > 0)
    window.open_case(ids["case"] if language == "en" else ids["chinese_case"])
    wait_for(lambda: not window.case_view.loading())   # the case is read on the worker
    shoot(window, out / f"{language}-2-cases.png")

    window.start_call()
    capture = window.capture
    wait_for(lambda: capture.in_progress)
    settle()
    capture.agent.setText("Daniel" if language == "en" else "客服小王")
    capture.notes.insertPlainText(
        "Agent says the withdrawal WD-88213 was approved; the release is queued."
        if language == "en" else "客服说提现 WD-88213 已通过审核，正在排队放款。")
    capture.references.value.setText("CS-20261125-0042")
    QTest.mouseClick(capture.references.add_button, Qt.MouseButton.LeftButton)
    settle(2200)
    shoot(window, out / f"{language}-3-live-call.png")
    capture.notes.insertPlainText(SCAM_NOTES[language])
    settle(1500)
    shoot(window, out / f"{language}-3b-live-call-scam.png")
    details = capture.scam_banner.details_button
    details.click()
    settle(300)
    shoot(window, out / f"{language}-3c-live-call-scam-advice.png")
    if details.isChecked():
        details.click()
    capture.hide()

    window.search()
    panel = window.search_panel
    panel.field.insert("withdrawal" if language == "en" else "退款")
    wait_for(lambda: panel.model.rowCount() > 0)
    settle(300)
    shoot(panel, out / f"{language}-4-search.png")
    panel.close()

    window.show_promises()
    wait_for(lambda: window.promises.model.rowCount() > 0)
    shoot(window, out / f"{language}-5-promises.png")

    window.show_cases()
    window.open_case(ids["case"] if language == "en" else ids["chinese_case"])
    wait_for(lambda: not window.case_view.loading())
    window.case_view.show_checklist()
    settle(300)
    shoot(window, out / f"{language}-6-checklist.png")

    from journal.ui.directory.directory_screen import DirectoryScreen
    window.directory()
    wait_for(lambda: any(isinstance(w, DirectoryScreen) and w.isVisible()
                         for w in QApplication.topLevelWidgets()))
    screen = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, DirectoryScreen) and w.isVisible())
    screen.resize(1100, 640)
    settle(300)
    shoot(screen, out / f"{language}-7-directory.png")
    screen.close()

    window.close()
    session.close()


def matrix(out: Path) -> int:
    """Each size in this process; the 150 % scale in a process of its own."""
    import subprocess
    code = 0
    for width, height in MATRIX:
        code |= subprocess.call([sys.executable, "-m", "tests.screenshots", "--size",
                                 f"{width}x{height}", str(out / f"{width}x{height}")])
    env = dict(os.environ, QT_SCALE_FACTOR="1.5")
    code |= subprocess.call([sys.executable, "-m", "tests.screenshots", "--size", "1280x800",
                             str(out / "1280x800@1.5x")], env=env)
    return code


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--matrix"]:
        return matrix(Path(argv[1] if len(argv) > 1 else "screenshots-matrix"))
    size = SIZE
    if argv[:1] == ["--size"]:
        width, height = argv[1].split("x")
        size = (int(width), int(height))
        argv = argv[2:]
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from journal.ui.app import application
    app = application()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    folder = Path(tempfile.mkdtemp(prefix="journal-screens-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    try:
        for language in ("en", "zh_CN"):
            print(language)
            render(language, out, folder, size)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
