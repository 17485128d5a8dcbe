"""Two processes on one journal: a window runs (unlocked), `journal --open FILE` hands the file
to it and exits 0 at once, and a command on that journal still gets exit 5 and its sentence."""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import textwrap
import threading
import time

from PySide6.QtNetwork import QLocalSocket

from journal.ui.kit.single_instance import server_name
from tests.conftest import ROOT, private_env
from tests.ui.test_import_dialog import WHATSAPP

DEADLINE = 90   # seconds a step may take on a very busy machine before the test fails

# The window as `journal --journal DIR` starts it, unlocked as its screen would once shown
# (the passphrase from the environment), saying so on stdout. It never outlives the test.
WINDOW = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from journal.ui import app as ui_app
    shown = ui_app.Launcher.show

    def show(self):
        shown(self)
        QTimer.singleShot(120_000, QApplication.quit)
        if self.session.journal is None:
            def unlocked():
                self.window.unlock_screen.unlocked.emit()
                print("unlocked", flush=True)
            self.session.unlock(passphrase=os.environ["JOURNAL_PASSPHRASE"], on_done=unlocked,
                                on_error=lambda sentence: print("error", sentence, flush=True))
    ui_app.Launcher.show = show
    from journal.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line.rstrip("\n"))


def _wait_for(lines: queue.Queue, wanted, what: str) -> str:
    end = time.monotonic() + DEADLINE
    while True:
        try:
            line = lines.get(timeout=max(0.0, end - time.monotonic()))
        except queue.Empty:
            raise AssertionError(f"no {what} within {DEADLINE} s") from None
        if wanted(line):
            return line


def _listening(path: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(path)
    ok = probe.waitForConnected(200)
    probe.abort()
    return ok


def test_a_second_start_hands_its_file_to_the_window_and_commands_still_get_exit_5(
        tmp_path, templates, qapp):
    folder = tmp_path / "journal"
    templates.copy("demo", folder)
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen", JOURNAL_DEBUG="1")
    window = subprocess.Popen([sys.executable, "-c", WINDOW, "--journal", str(folder)],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    out, err = queue.Queue(), queue.Queue()
    readers = [threading.Thread(target=_lines, args=(window.stdout, out), daemon=True),
               threading.Thread(target=_lines, args=(window.stderr, err), daemon=True)]
    for reader in readers:
        reader.start()
    try:
        # The window listens (its socket is in its TMPDIR), then unlocks.
        socket_path = os.path.join(env["TMPDIR"], server_name(folder, env["TMPDIR"]))
        end = time.monotonic() + DEADLINE
        while not _listening(socket_path):
            assert time.monotonic() < end, "the window never listened"
            try:   # between two looks, wait for the window to exit (it must not)
                window.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                continue
            raise AssertionError(f"the window exited: {window.returncode}")
        assert _wait_for(out, lambda line: line in ("unlocked",) or line.startswith("error"),
                         "unlock") == "unlocked"

        # A command on the journal the window holds: exit 5, one sentence, as before.
        command = subprocess.run([sys.executable, "-m", "journal", "log", "1", "--kind", "call",
                                  "--note", "x"], cwd=ROOT, env=env, capture_output=True,
                                 text=True, timeout=DEADLINE)
        assert command.returncode == 5, command.stderr
        lines = command.stderr.strip().splitlines()
        assert len(lines) == 1 and "another Support Journal process" in lines[0], lines

        # A second start with a file: handed over, exit 0, no window of its own.
        chat = tmp_path / WHATSAPP.name
        chat.write_bytes(WHATSAPP.read_bytes())
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "journal", "--journal", str(folder),
                                 "--open", str(chat)], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=DEADLINE)
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert "Traceback" not in second.stderr
        _wait_for(err, lambda line: f"asked to open {chat}" in line, "file in the window")
        assert window.poll() is None, "the first window still runs"
        assert took < DEADLINE
    finally:
        window.terminate()
        try:
            window.wait(timeout=30)
        except subprocess.TimeoutExpired:
            window.kill()
            window.wait()
        for reader in readers:
            reader.join(timeout=10)
        window.stdout.close()
        window.stderr.close()
