"""The window, like the CLI, writes nothing readable: not the notes typed in a live call,
not a draft kept through a lock, not a pasted image, not the passphrase.

The window runs in its own process with HOME, the XDG folders and TMPDIR private to the
test; then every file there and the journal folder are searched for the words typed.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE, private_env
from tests.test_plaintext import _files, _forms, _leaks

WORDS = {"platform": "Quokkawindow", "case": "wombatwindow case", "agent": "Okapiwindow",
         "note": "call note zanzibarwindow 蝾螈窗口", "draft": "draft note pangolinwindow",
         "transcript": "chat transcript narwhalwindow 鹦鹉螺窗口", "file": "ocelotwindow",
         "chat": "logged chat capybarawindow"}
MARKERS = ["Quokkawindow", "wombatwindow", "Okapiwindow", "zanzibarwindow", "pangolinwindow",
           "narwhalwindow", "ocelotwindow", "capybarawindow"]
CHINESE = ["蝾螈窗口", "鹦鹉螺窗口"]


def test_the_window_leaves_no_plaintext_behind(tmp_path):
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    own_file = inputs / "ocelotwindow-evidence.png"
    from PySide6.QtGui import QColor, QImage
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#aa3366"))
    image.save(str(own_file))
    run = subprocess.run([sys.executable, "-m", "tests.ui.window_session", json.dumps(WORDS),
                          str(own_file)], env=env, cwd=Path(__file__).resolve().parents[2],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr

    journal_dir = Path(env["JOURNAL_DIR"])
    assert (journal_dir / "journal.db").is_file()
    settings_files = list((tmp_path / "home" / ".config").rglob("*.conf"))
    assert settings_files, "the preferences were written where Qt keeps them"
    assert "auto_lock_minutes=7" in settings_files[0].read_text()

    forms = {**_forms(MARKERS, CHINESE), PASSPHRASE.encode(): "passphrase"}
    files = _files(journal_dir, tmp_path / "home", tmp_path / "tmp")
    assert _leaks(files, forms) == []
    others = [p for p in _files(tmp_path) if inputs not in p.parents]
    assert _leaks(others, forms) == []

    # And what was typed is in the journal: the scan above looked for words that are there.
    from journal.service import Journal
    with Journal.open(journal_dir, passphrase=PASSPHRASE) as j:
        notes = [i.notes for c in j.cases() for i in j.timeline(c.id)]
        assert WORDS["note"] in notes and WORDS["chat"] in notes
        assert j.draft("call")["notes"] == WORDS["draft"]
        assert WORDS["transcript"] in json.dumps(j.draft("log-1"), ensure_ascii=False)
