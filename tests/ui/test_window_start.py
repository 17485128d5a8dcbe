"""`journal` with no command opens the window; without a screen it says so in one line."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import private_env

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_screen_journal_says_so_and_exits_1(tmp_path):
    env = private_env(tmp_path)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    run = subprocess.run([sys.executable, "-m", "journal"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no screen" in lines[0] and "journal --help" in lines[0]


# The window started exactly as `journal --journal DIR` does; it closes itself.
OPEN_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from journal.ui.app import application
    application()  # the one main() will use, so the timer below has an event loop
    shown = lambda: [w for w in QApplication.topLevelWidgets() if w.isVisible()]

    def once_shown():  # look as soon as a window is up, however long that takes
        if not shown():
            return
        poll.stop()
        print(*sorted(type(w).__name__ for w in shown()))
        print(shown()[0].unlock_screen.mode, shown()[0].session.folder)
        QApplication.quit()
    poll = QTimer(interval=20, timeout=once_shown)
    poll.start()
    QTimer.singleShot(100_000, QApplication.quit)  # never hang the test run
    from journal.cli import main
    sys.exit(main(["--journal", sys.argv[1]]))
""")


def test_journal_with_no_command_opens_the_window_on_the_chosen_journal(tmp_path):
    # The window is started exactly as `journal --journal DIR` does, and closes itself.
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    script = OPEN_WINDOW
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "mine")], env=env,
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    names, state = run.stdout.strip().splitlines()[-2:]
    assert names == "MainWindow"
    assert state == f"create {tmp_path / 'mine'}"
    assert "Traceback" not in run.stderr
