"""Journal › Check the journal…, Back up…, Import a dump…: run on the session's worker with
a progress window (the stage in words, a percentage, Cancel), the outcome in one sentence."""
from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from journal.service import Journal
from journal.ui.dialogs import journal_tasks
from journal.ui.dialogs.journal_tasks import JournalTasks, TaskProgressDialog
from tests.conftest import PASSPHRASE
from tests.ui import WAIT

EMPTY = pytest.mark.journal_template("empty", None)


@pytest.fixture
def window(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def shown(monkeypatch):
    """Every progress update a dialog shows: (its stage text, bar value, bar maximum)."""
    seen = []
    real = TaskProgressDialog._on_told

    @functools.wraps(real)  # (its name too: PySide finds a QObject's slot by name)
    def told(self, stage, done, total):
        real(self, stage, done, total)
        seen.append((self.stage.text(), self.bar.value(), self.bar.maximum()))
    monkeypatch.setattr(TaskProgressDialog, "_on_told", told)
    return seen


class Gate:
    """Holds the session's one worker until released, so a Cancel is pressed before the
    work it stops has begun."""

    def __init__(self, session):
        self.open = threading.Event()
        session.submit(lambda j: self.open.wait(WAIT / 1000))

    def release(self):
        self.open.set()


def _ended(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    return dialog.result.text()


def test_a_check_shows_its_stages_and_then_the_report(session, qtbot, window, shown):
    tasks = JournalTasks(session, window)
    assert tasks.check_action.isEnabled() and tasks.backup_action.isEnabled()
    dialog = tasks.check()
    assert dialog.isVisible() and dialog.running
    assert not tasks.check_action.isEnabled()  # one at a time
    text = _ended(qtbot, dialog)
    assert text.startswith("The journal is intact") and "entries" in text
    assert dialog.result.objectName() == "result" and not dialog.details.isVisible()
    stages = {s for s, _, _ in shown}
    assert "Checking every record against the chain…" in stages
    assert "Checking the search index against the records…" in stages
    assert any(m == 100 and v == 100 for _, v, m in shown)  # a percentage, up to 100
    assert tasks.check_action.isEnabled()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tasks.dialog is None, timeout=WAIT)


def test_a_check_that_finds_problems_says_how_many_and_lists_them(session, qtbot, window):
    from journal.store.db import Database
    folder, key = session.journal.folder, session.journal._key
    raw = Database(folder / "journal.db", key)
    try:
        with raw.transaction() as conn:
            conn.execute("UPDATE cases SET title = 'changed in SQL'")
    finally:
        raw.close()
    dialog = JournalTasks(session, window).check()
    text = _ended(qtbot, dialog)
    assert text.startswith("The check found") and "The case 1" in text
    assert dialog.details.isVisible() and "The case 1" in dialog.details.toPlainText()


def test_a_backup_says_where_and_how_big_and_restores(session, qtbot, window, tmp_path,
                                                      shown):
    target = tmp_path / "out.sjb"
    titles = [c.title for c in session.journal.cases()]
    dialog = JournalTasks(session, window).back_up(target)
    text = _ended(qtbot, dialog)
    assert text.startswith(f"Backed up to {target} (") and "same passphrase" in text
    assert any(s == "Copying the database…" for s, _, _ in shown)
    with Journal.restore(target, tmp_path / "restored", passphrase=PASSPHRASE) as copy:
        assert [c.title for c in copy.cases()] == titles and titles


def test_cancel_stops_a_backup_and_writes_nothing(session, qtbot, window, tmp_path):
    gate = Gate(session)
    target = tmp_path / "out.sjb"
    dialog = JournalTasks(session, window).back_up(target)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.stage.text() == "Stopping…" and not dialog.cancel_button.isEnabled()
    gate.release()
    assert _ended(qtbot, dialog) == "Stopped; no backup was written."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal"]


def test_cancel_stops_a_check_and_closing_the_window_while_it_runs_is_a_cancel(session,
                                                                              qtbot, window):
    gate = Gate(session)
    dialog = JournalTasks(session, window).check()
    dialog.close()   # not closed: it asks the work to stop first
    assert dialog.isVisible() and dialog.progress.cancelled
    gate.release()
    assert _ended(qtbot, dialog) == "Stopped; the check did not finish."


def test_a_failure_is_one_sentence(session, qtbot, window, tmp_path):
    dialog = JournalTasks(session, window).back_up(tmp_path / "missing" / "out.sjb")
    assert "does not exist" in _ended(qtbot, dialog)
    assert dialog.result.objectName() == "error" and "\n" not in dialog.result.text()


def test_locking_stops_the_work_that_runs(session, qtbot, window, tmp_path):
    gate = Gate(session)
    tasks = JournalTasks(session, window)
    dialog = tasks.back_up(tmp_path / "out.sjb")
    session.lock()
    assert dialog.progress.cancelled
    assert not tasks.check_action.isEnabled() and not tasks.backup_action.isEnabled()
    gate.release()
    _ended(qtbot, dialog)
    assert not (tmp_path / "out.sjb").exists()


def test_importing_is_not_offered_on_a_journal_with_records(session, qtbot, window):
    tasks = JournalTasks(session, window)
    session.wait()
    qtbot.waitUntil(lambda: not tasks._recount.isActive(), timeout=WAIT)
    session.wait()
    assert not tasks.import_action.isEnabled() and tasks.import_dump("any.json") is None
    assert "empty journal" in tasks.import_action.toolTip()


def _dump_of_a_journal_with_records(templates, tmp_path):
    from tests.conftest import open_copy
    with open_copy(templates, "demo", tmp_path / "source") as source:
        dump = tmp_path / "all.json"
        with open(dump, "w", encoding="utf-8") as f:
            source.write_dump(f)
        return dump, [c.title for c in source.cases()]


@EMPTY
def test_a_dump_is_imported_into_the_empty_journal_with_counts(session, qtbot, window,
                                                               templates, tmp_path, shown):
    dump, titles = _dump_of_a_journal_with_records(templates, tmp_path)
    tasks = JournalTasks(session, window)
    qtbot.waitUntil(lambda: tasks.import_action.isEnabled(), timeout=WAIT)
    dialog = tasks.import_dump(dump)
    text = _ended(qtbot, dialog)
    assert text.startswith("Imported the dump: platforms: 1, channels: 2, cases: 1"), text
    assert any(s == "Reading the dump…" for s, _, _ in shown)
    session.wait()
    assert [c.title for c in session.journal.cases()] == titles
    qtbot.waitUntil(lambda: not tasks.import_action.isEnabled(), timeout=WAIT)  # not empty now


@EMPTY
def test_cancel_stops_an_import_and_the_journal_stays_empty(session, qtbot, window,
                                                            templates, tmp_path):
    dump, _ = _dump_of_a_journal_with_records(templates, tmp_path)
    tasks = JournalTasks(session, window)
    qtbot.waitUntil(lambda: tasks.import_action.isEnabled(), timeout=WAIT)
    gate = Gate(session)
    dialog = tasks.import_dump(dump)
    dialog.reject()  # Esc
    gate.release()
    assert _ended(qtbot, dialog) == "Stopped; nothing was imported."
    session.wait()
    assert session.journal.platforms() == [] and session.journal.cases() == []
    assert tasks.import_action.isEnabled()


def test_progress_reaches_the_window_through_a_signal_and_is_thinned(qtbot, window):
    """Called on another thread, TaskProgress only emits (queued to the GUI thread), at most
    every SHOWN_EVERY per stage, and raises Cancelled once cancelled."""
    from journal.errors import Cancelled
    dialog = TaskProgressDialog("t", {"a": "Doing a"}, "stopped", window)
    dialog.running = True
    qtbot.addWidget(dialog)
    seen = []
    dialog._relay.told.connect(lambda *args: seen.append((args, threading.current_thread())))

    def worker():
        for n in range(1000):
            dialog.progress("a", n, 1000)
        dialog.progress("a", 1000, 1000)
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(seen) and seen[-1][0] == ("a", 1000, 1000), timeout=WAIT)
    assert len(seen) < 100 and {t for _, t in seen} == {threading.main_thread()}
    assert dialog.stage.text() == "Doing a…" and dialog.bar.value() == 100
    dialog.progress.cancel()
    with pytest.raises(Cancelled):
        dialog.progress("a", 1, 2)
    assert journal_tasks.SHOWN_EVERY <= 0.1
