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


# Qt's font database writes "OpenType support missing for …" for every installed font without
# OpenType tables for a script drawn (Devanagari, in the language picker): painted here the
# way the window does, in the process started the way main() starts it.
FONT_NOISE = textwrap.dedent("""
    from PySide6.QtCore import QLoggingCategory, qCWarning
    from PySide6.QtGui import QPainter, QPixmap
    from journal.ui.app import application
    application()
    picture = QPixmap(120, 16)
    painter = QPainter(picture)
    painter.drawText(0, 12, "हिन्दी ไทย 中文 English")
    painter.end()
    probe = QLoggingCategory("journal.probe")
    qCWarning(probe, "another warning still shows")
    print(QLoggingCategory("qt.text.font.db").isInfoEnabled(),
          QLoggingCategory("qt.text.font.db").isWarningEnabled(),
          QLoggingCategory("qt.qpa.fonts").isWarningEnabled())
""")


def test_the_font_database_does_not_fill_the_terminal(tmp_path):
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_LOGGING_RULES", None)
    run = subprocess.run([sys.executable, "-c", FONT_NOISE], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "OpenType support missing" not in run.stderr
    assert "another warning still shows" in run.stderr   # only that category is quiet
    assert run.stdout.split() == ["False", "False", "True"]


def test_every_window_names_the_program_the_same_way(session, qtbot):
    """"Support Journal" everywhere, in Chinese 客服记录本 everywhere: the main window's title,
    its tray, the title desktops add to each dialog (the application's display name)."""
    import re

    from PySide6.QtWidgets import QApplication

    from journal.ui.app import Launcher
    from journal.ui.kit import resources, settings
    spelled = re.compile(r"support\s+journal", re.IGNORECASE)   # (file names: support-journal-…)
    for path in [*(ROOT / "journal" / "ui").rglob("*.py"),
                 *(ROOT / "resources" / "translations").glob("*.ts")]:
        for found in spelled.findall(path.read_text(encoding="utf-8")):
            assert found == "Support Journal", (path, found)

    launcher = Launcher(session.folder)
    launcher.session = session
    try:
        for language, name in (("en", "Support Journal"), ("zh_CN", "客服记录本")):
            settings.set_language(language)
            launcher.show()
            w = launcher.window
            qtbot.addWidget(w)
            assert w.windowTitle() == name
            assert QApplication.applicationDisplayName() == name
            assert name in w.about_action.text()
    finally:
        settings.set_language("en")
        resources.install_language("en")
        QApplication.setApplicationDisplayName("")
        launcher.window.save_drafts()
