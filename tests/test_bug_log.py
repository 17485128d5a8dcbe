"""A bug is written down in the user's log folder with its traceback, and without any of
the journal's content: no note, no passphrase, no value typed, not even the bug's message."""
from __future__ import annotations

import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.errors import bug_log

from .conftest import PASSPHRASE, ROOT, private_env

SECRET_NOTE = "Agent asked for my seed phrase: abandon ability able"


@pytest.fixture
def state_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def _fail_with_secrets(note: str, passphrase: str):
    typed = {"notes": note, "passphrase": passphrase}  # noqa: F841 - a local a log must not show
    raise KeyError(f"while saving {note!r} with {passphrase}")


def test_a_bug_goes_to_the_state_folder_with_its_frames_and_nothing_of_the_journal(state_home):
    try:
        try:
            _fail_with_secrets(SECRET_NOTE, PASSPHRASE)
        except KeyError as exc:
            raise RuntimeError(SECRET_NOTE) from exc
    except RuntimeError as exc:
        path = bug_log.record(exc, "window")
    if sys.platform.startswith("linux"):
        assert path == state_home / "support-journal" / "log" / "bugs.log"
    text = path.read_text(encoding="utf-8")
    assert "_fail_with_secrets" in text and "test_bug_log.py" in text      # where it happened
    assert "KeyError [message left out]" in text and "RuntimeError" in text  # what, and why
    assert "which led to:" in text and "window" in text
    for secret in (SECRET_NOTE, "seed phrase", "abandon", PASSPHRASE, "horse"):
        assert secret not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_codes_of_sqlite_and_of_the_os_are_kept(state_home):
    from sqlcipher3 import dbapi2 as sqlite
    exc = sqlite.IntegrityError(f"UNIQUE constraint failed: {SECRET_NOTE}")
    exc.sqlite_errorname = "SQLITE_CONSTRAINT_UNIQUE"
    assert bug_log.kind(exc) == ("sqlcipher3.dbapi2.IntegrityError (SQLITE_CONSTRAINT_UNIQUE) "
                                 "[message left out]")
    assert bug_log.kind(PermissionError(13, SECRET_NOTE)) == \
        "PermissionError (EACCES) [message left out]"


def test_the_log_starts_again_when_it_grows_large(state_home, monkeypatch):
    monkeypatch.setattr(bug_log, "MAX_BYTES", 100)
    for _ in range(3):
        path = bug_log.record(ValueError("x"), "window")
    assert (path.parent / "bugs.log.1").is_file() and path.stat().st_size < 1000


def test_the_user_is_told_where_the_log_is_and_that_nothing_was_changed(state_home):
    path = bug_log.record(ValueError(SECRET_NOTE), "window")
    said = bug_log.sentence(ValueError(SECRET_NOTE), path, "window")
    assert str(path) in said and "nothing was changed" in said and SECRET_NOTE not in said
    assert "ValueError" in said
    memory = bug_log.sentence(MemoryError(), path, "cli")
    assert "ran out of memory" in memory and str(path) in memory and "damaged" not in memory
    assert "nothing was changed" in bug_log.sentence(ValueError(), None, "cli")


def test_an_unwritable_log_folder_still_gives_one_sentence(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    assert bug_log.record(ValueError("x"), "window") is None
    assert bug_log.sentence(ValueError("x"), None, "window").startswith("Something went wrong")


# -- the command line --------------------------------------------------------------------------

BUGGY_CLI = textwrap.dedent("""
    import sys
    from journal.service import Journal
    def broken(self, *args, **kwargs):
        notes = {note!r}
        raise ValueError("a bug holding " + notes)
    Journal.cases = broken
    from journal.cli import main
    sys.exit(main(["case", "list"]))
""")

OUT_OF_MEMORY_CLI = textwrap.dedent("""
    import sys
    from journal.store import db
    real = db.Database.query
    def query(self, sql, params=()):
        if "FROM cases" in sql:
            raise MemoryError
        return real(self, sql, params)
    db.Database.query = query
    from journal.cli import main
    sys.exit(main(["case", "list"]))
""")


@pytest.fixture
def cli(tmp_path, templates):
    env = private_env(tmp_path, XDG_STATE_HOME=str(tmp_path / "state"))
    templates.copy("empty", Path(env["JOURNAL_DIR"]))  # a journal, as `journal init` makes

    def run(script: str):
        return subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    return run, tmp_path / "state" / "support-journal" / "log" / "bugs.log"


def test_a_bug_on_the_command_line_is_one_sentence_naming_the_log(cli):
    run, log = cli
    result = run(BUGGY_CLI.format(note=SECRET_NOTE))
    assert result.returncode == 1, result
    [line] = result.stderr.splitlines()
    assert line.startswith("journal: something went wrong inside Support Journal (ValueError)")
    assert "nothing was changed" in line and str(log) in line and SECRET_NOTE not in line
    text = log.read_text(encoding="utf-8")
    assert "in broken" in text and "ValueError [message left out]" in text
    assert SECRET_NOTE not in text and "seed" not in text


def test_a_real_lack_of_memory_on_the_command_line_is_no_damage(cli):
    run, log = cli
    result = run(OUT_OF_MEMORY_CLI)
    assert result.returncode == 1, result        # not 4: nothing is damaged
    [line] = result.stderr.splitlines()
    assert "ran out of memory" in line and "damaged" not in line and str(log) in line
    assert "MemoryError [message left out]" in log.read_text(encoding="utf-8")
