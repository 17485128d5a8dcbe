"""The session's worker: reads and writes off the GUI thread, the kinds of change the service
reports, answers only for live widgets, and a lock or a close that waits for running work."""
from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QWidget

from journal.domain.changes import CASES, CHECKLIST, DRAFTS, TIMELINE
from journal.service import Journal
from journal.ui.cases.case_view import CaseView
from journal.ui.checklist.checklist_panel import ChecklistPanel
from journal.ui.kit.session import EVERYTHING
from tests.conftest import PASSPHRASE
from tests.ui import WAIT

LOCKED = "The journal is locked."


def held_worker(session, qtbot) -> threading.Event:
    """Hold the worker in a read until the returned event is set."""
    release, started = threading.Event(), threading.Event()

    def hold(j):
        started.set()
        release.wait(WAIT / 1000)
        return j.platforms()
    session.read(hold, lambda _platforms: None)
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    return release


def held(fn, release: threading.Event, started: threading.Event, done=None):
    """fn(journal), run once `release` is set; `started` says the worker got to it, and
    done(journal) (if given) runs right after fn, still on the worker."""
    def work(j):
        started.set()
        release.wait(WAIT / 1000)
        value = fn(j)
        if done is not None:
            done(j)
        return value
    return work


def in_order(kinds) -> list[str]:
    return [k for k in EVERYTHING if k in kinds]


class GapMeter:
    """A timer ticking every 10 ms on the GUI thread; the longest gap says how long the GUI
    thread was kept from its events."""

    def __init__(self):
        self.ticks = 0
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


def announced_by(session, qtbot, fn) -> tuple[list[str], list, list]:
    """The kinds `changed` announced for one write through the session, and its answer."""
    kinds, done, failed = [], [], []
    session.wait()   # nothing else on its way
    session.changed.connect(kinds.append)
    try:
        session.submit(fn, on_done=done.append, on_error=failed.append)
        qtbot.waitUntil(lambda: bool(done or failed), timeout=WAIT)
        session.wait()
    finally:
        session.changed.disconnect(kinds.append)
    return kinds, done, failed


# -- (d) the service says what changed -----------------------------------------------------

def test_a_write_announces_exactly_the_kinds_it_touched(session, qtbot):
    kinds, done, _ = announced_by(session, qtbot,
                                  lambda j: j.add_checklist_item(1, "Ask for the ticket"))
    assert kinds == [CHECKLIST]
    kinds, _, _ = announced_by(session, qtbot, lambda j: j.set_case_status(1, "waiting"))
    assert kinds == [CASES] == in_order(session.journal.last_changes)
    kinds, _, _ = announced_by(session, qtbot, lambda j: j.log(1, kind="chat", notes="Hi"))
    assert kinds == [CASES, TIMELINE] == in_order(session.journal.last_changes)
    kinds, _, _ = announced_by(session, qtbot, lambda j: j.save_draft("call", {"notes": "x"}))
    assert kinds == [DRAFTS]
    # Each kind once, even when a write is made of several (the checklist and the draft).
    item = done[0]
    kinds, _, _ = announced_by(session, qtbot, lambda j: j.log(
        1, kind="call", notes="Answered", answered=[item.id], draft="call"))
    assert kinds == [CASES, TIMELINE, CHECKLIST, DRAFTS]


def test_a_write_says_what_it_changed_once_as_one_set(session, qtbot):
    sets = []
    session.changes.connect(sets.append)
    try:
        kinds, _, _ = announced_by(session, qtbot,
                                   lambda j: j.log(1, kind="chat", notes="Hi"))
    finally:
        session.changes.disconnect(sets.append)
    assert kinds == [CASES, TIMELINE]
    assert sets == [frozenset(kinds)]   # one announcement for the views that refresh once


def test_a_refused_write_and_a_read_announce_nothing(session, qtbot):
    kinds, done, failed = announced_by(session, qtbot, lambda j: j.open_case("Coinbase", " "))
    assert kinds == [] and done == []
    assert failed and "title" in failed[0]
    kinds, done, failed = announced_by(session, qtbot, lambda j: j.case(99_999))
    assert kinds == [] and failed
    answers = []
    announced = []
    session.changed.connect(announced.append)
    session.read(lambda j: j.cases(), answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    session.wait()
    assert announced == [] and len(answers[0]) == 1


def test_what_was_written_outside_the_session_is_not_announced_by_the_next_write(session,
                                                                                  qtbot):
    session.journal.add_platform("Kraken")      # straight into the service: no announcement
    kinds, _, _ = announced_by(session, qtbot, lambda j: j.save_draft("call", {}))
    assert kinds == [DRAFTS]


def test_the_checklist_panel_refreshes_on_a_checklist_change(session, qtbot):
    panel = ChecklistPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.load(1)
    qtbot.waitUntil(lambda: panel.model.case_id == 1 and panel.model.rowCount() > 0,
                    timeout=WAIT)
    before = panel.model.rowCount()
    kinds, done, _ = announced_by(session, qtbot,
                                  lambda j: j.add_checklist_item(1, "Have the TXID ready",
                                                                 kind="have"))
    assert kinds == [CHECKLIST]
    qtbot.waitUntil(lambda: panel.model.rowCount() == before + 1, timeout=WAIT)
    assert done[0].id in panel.model.ids()
    # A change of another kind (the case's status) leaves the list as it is: no read.
    asked = []
    real_read = session.read
    session.read = lambda fn, *a, **k: (asked.append(fn), real_read(fn, *a, **k))
    try:
        announced_by(session, qtbot, lambda j: j.set_case_status(1, "waiting"))
        for _ in range(3):   # a refresh timer, had one started, fires here
            QCoreApplication.processEvents()
        assert asked == []
    finally:
        del session.read


# -- (a) the GUI thread never waits for the worker --------------------------------------------

def test_a_write_behind_a_long_read_does_not_block_the_window(session, qtbot):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.show()
    release = held_worker(session, qtbot)
    saved = []
    session.submit(lambda j: j.add_platform("Kraken"), on_done=saved.append)
    meter = GapMeter()
    try:
        view.show_case(1)   # reads a case: queued behind the worker, not on the GUI thread
        qtbot.waitUntil(lambda: meter.ticks >= 40, timeout=WAIT)
        longest, ticks = meter.longest, meter.ticks
        assert saved == [] and view.title.text() == "", "both still wait for the worker"
    finally:
        meter.stop()
        release.set()
    assert ticks >= 40, "the GUI thread went on with its events while the worker was held"
    assert longest < 0.2, f"the GUI thread stalled {longest * 1000:.0f} ms"
    qtbot.waitUntil(lambda: bool(saved), timeout=WAIT)
    assert saved[0].name == "Kraken"
    assert session.journal.platform("Kraken").name == "Kraken"
    qtbot.waitUntil(lambda: view.title.text() == "Withdrawal stuck since Monday", timeout=WAIT)


def test_the_write_and_the_read_stay_queued_while_the_worker_is_held(session, qtbot):
    release = held_worker(session, qtbot)
    saved, answers = [], []
    try:
        session.submit(lambda j: j.add_platform("Kraken"), on_done=saved.append)
        session.read(lambda j: [p.name for p in j.platforms()], answers.append)
        meter = GapMeter()
        qtbot.waitUntil(lambda: meter.ticks >= 10, timeout=WAIT)
        meter.stop()
        assert saved == [] and answers == []   # nothing ran past the held read
        assert session.busy
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    assert answers == [["Coinbase", "Kraken"]]   # in the order asked: the write came first
    assert saved[0].name == "Kraken"


# -- (b) a lock waits for the write running ---------------------------------------------------

def test_lock_while_a_write_runs_waits_for_it_and_then_forgets_the_key(session, qtbot,
                                                                       journal_dir):
    release, started = threading.Event(), threading.Event()
    open_after_write = []   # committed with the database still open
    saved, second, locked, dropped, refused = [], [], [], [], []
    session.lockedChanged.connect(locked.append)
    session.submit(held(lambda j: j.add_platform("Kraken"), release, started,
                        lambda j: open_after_write.append(not j.locked)),
                   on_done=saved.append)
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    session.submit(lambda j: j.add_platform("Binance"), on_done=second.append)  # queued
    session.read(lambda j: j.platforms(), lambda _v: dropped.append("answered"),
                 dropped.append)                                                # queued
    session.lock()
    try:
        assert locked == [True], "the window hides the journal at once"
        assert not session.is_open
        assert not session.journal.locked, "the database stays open under the write"
        assert session.journal.db is not None
        session.submit(lambda j: j.add_platform("OKX"), on_error=refused.append)
        qtbot.waitUntil(lambda: bool(refused), timeout=WAIT)
        assert refused == [LOCKED]
        assert saved == [] and not session.journal.locked
    finally:
        release.set()
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)
    session.wait()
    assert open_after_write == [True]
    assert [p.name for p in saved] == ["Kraken"]
    assert [p.name for p in second] == ["Binance"]   # accepted before the lock: saved too
    assert dropped == [LOCKED]                       # a read not started: dropped, said so
    assert session.journal._key == b""
    session.close()
    reopened = Journal.open(journal_dir, passphrase=PASSPHRASE)
    try:
        names = [p.name for p in reopened.platforms()]
    finally:
        reopened.close()
    assert names == ["Binance", "Coinbase", "Kraken"]


def test_an_answer_read_before_a_lock_shows_nothing_after_it(session, qtbot):
    release, started = threading.Event(), threading.Event()
    answers, errors = [], []
    session.read(held(lambda j: j.case(1).title, release, started), answers.append,
                 errors.append)
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    session.lock()
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert answers == [] and errors == [LOCKED]
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)


def test_closing_with_a_write_running_waits_for_it(session, qtbot, journal_dir):
    release, started, written = threading.Event(), threading.Event(), threading.Event()
    session.submit(held(lambda j: j.add_platform("Kraken"), release, started,
                        lambda _j: written.set()))
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    threading.Timer(0.3, release.set).start()   # lets the write go while close() waits
    assert not written.is_set()
    session.close()
    assert written.is_set()
    assert session.journal is None
    reopened = Journal.open(journal_dir, passphrase=PASSPHRASE)
    try:
        assert reopened.platform("Kraken").name == "Kraken"
    finally:
        reopened.close()


def test_unlock_asked_during_a_waiting_lock_runs_after_it(session, qtbot):
    release = held_worker(session, qtbot)
    session.lock()
    unlocked, errors = [], []
    session.unlock(passphrase=PASSPHRASE, on_done=lambda: unlocked.append(True),
                   on_error=errors.append)
    release.set()
    qtbot.waitUntil(lambda: bool(unlocked or errors), timeout=WAIT)
    assert errors == [] and session.is_open
    answers = []
    session.read(lambda j: j.case(1).title, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)
    assert answers == ["Withdrawal stuck since Monday"]


def test_a_background_read_waits_for_the_reads_of_what_is_on_screen(session, qtbot):
    order = []
    release = held_worker(session, qtbot)
    session.read(lambda j: j.case(1).title, lambda _t: order.append("background"),
                 background=True)
    session.read(lambda j: j.case(1).title, lambda _t: order.append("on screen"))
    release.set()
    qtbot.waitUntil(lambda: len(order) == 2, timeout=WAIT)
    assert order == ["on screen", "background"]   # asked first, answered second


def test_a_background_read_not_started_at_a_lock_answers_locked(session, qtbot):
    release = held_worker(session, qtbot)
    answers, errors = [], []
    session.read(lambda j: j.case(1).title, answers.append, errors.append, background=True)
    session.lock()
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT)
    assert answers == [] and errors == [LOCKED]
    qtbot.waitUntil(lambda: session.journal.locked, timeout=WAIT)


# -- (c) an answer for a widget closed meanwhile reaches nobody ------------------------------

class Asker(QWidget):
    answers: list = []

    def answered(self, value) -> None:
        Asker.answers.append(value)

    def failed(self, sentence) -> None:
        Asker.answers.append(sentence)


def test_an_answer_for_a_closed_widget_reaches_nobody(session, qtbot):
    Asker.answers = []
    release = held_worker(session, qtbot)
    asker = Asker()
    session.read(lambda j: j.case(1).title, asker.answered, asker.failed)
    session.submit(lambda j: j.add_platform("Kraken"), on_done=asker.answered)
    asker.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(asker)
    release.set()
    assert session.wait()
    assert Asker.answers == []
    assert session.journal.platform("Kraken").name == "Kraken"   # the write itself landed


def test_a_case_view_closed_before_its_case_is_read_is_left_alone(session, qtbot):
    release = held_worker(session, qtbot)
    view = CaseView(session)
    view.show_case(1)
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(view)
    release.set()
    assert session.wait()   # the answers arrive, and nobody is there: no crash
    later = CaseView(session)
    qtbot.addWidget(later)
    later.show_case(1)
    qtbot.waitUntil(lambda: later.title.text() == "Withdrawal stuck since Monday",
                    timeout=WAIT)
