"""A window ready at once: after an unlock each view reads what it shows once, off the GUI
thread, what is on screen first; a long case opens with only the cards on screen laid out."""
from __future__ import annotations

import collections
import functools
import inspect
import threading

import pytest

from journal.service import Journal
from journal.ui.cases.case_view import CaseView
from journal.ui.kit.session import ALL_KINDS
from journal.ui.main_window import MainWindow
from tests.ui import WAIT
from tests.ui.test_main_window import unlock_through_the_screen

# The reads each view makes for what it shows (their askers' names: the function asked).
SHOWN_FIRST = {"CaseListModel._reload", "CaseView._ask"}
IN_THE_BACKGROUND = {"PromisesPanel.refresh", "DueNotifier.check_soon",
                     "CaseListPanel._load_platforms"}


class Reads:
    """The work asked of the session (by asker) and the order the worker ran it in."""

    def __init__(self, session):
        self.asked: list[str] = []
        self.ran: list[str] = []
        self._session = session
        read = session.read

        def counted(fn, *args, **kwargs):
            name = fn.__qualname__.replace(".<locals>.<lambda>", "")
            self.asked.append(name)

            def work(j):
                self.ran.append(name)
                return fn(j)
            return read(work, *args, **kwargs)
        session.read = counted

    def remove(self) -> None:
        del self._session.read


class GuiThreadCalls:
    """Every Journal method, noted when it runs on the GUI thread."""

    def __init__(self, monkeypatch):
        self.on_gui: list[str] = []
        self.on_worker: list[str] = []
        gui = threading.get_ident()
        for name, fn in list(vars(Journal).items()):
            if name.startswith("_") or not inspect.isfunction(fn):
                continue

            def noted(*args, _fn=fn, _name=name, **kwargs):
                (self.on_gui if threading.get_ident() == gui else self.on_worker).append(_name)
                return _fn(*args, **kwargs)
            monkeypatch.setattr(Journal, name, functools.wraps(fn)(noted))


def shows_case(window, title="Withdrawal stuck since Monday") -> bool:
    view = window.case_view
    return (view.title.text() == title and not view.loading()
            and view.timeline.model().rowCount() > 0)


@pytest.fixture
def locked_window(session, qtbot):
    """The window with case 1 open, then locked (as auto-lock leaves it)."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=WAIT)
    window.open_case(1)
    qtbot.waitUntil(lambda: shows_case(window), timeout=WAIT)
    session.wait()
    window.lock()
    assert session.wait()
    assert window.pages.currentWidget() is window.unlock_screen
    yield window
    session.wait()


def unlock_and_settle(qtbot, window) -> None:
    unlock_through_the_screen(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter
                    and shows_case(window), timeout=WAIT)
    assert window.session.wait()   # the background reads too


def test_unlocking_says_everything_changed_once_and_each_view_reads_once(
        locked_window, session, qtbot):
    reads = Reads(session)
    changes = []
    session.changes.connect(changes.append)
    try:
        unlock_and_settle(qtbot, locked_window)
    finally:
        session.changes.disconnect(changes.append)
        reads.remove()
    assert changes == [ALL_KINDS]
    counts = collections.Counter(reads.asked)
    assert SHOWN_FIRST | IN_THE_BACKGROUND <= set(counts)
    assert [name for name, n in counts.items() if n > 1] == []   # nothing is read twice
    # What is on screen is read first: the list and the case before the promises tab (not
    # shown), the due check and the platform filter.
    last_shown = max(reads.ran.index(name) for name in SHOWN_FIRST)
    assert last_shown < min(reads.ran.index(name) for name in IN_THE_BACKGROUND)
    assert locked_window.cases.model.rowCount() == 1
    assert locked_window.case_view.timeline.card(
        session.journal.timeline(1)[0].id).note.text() == "Agent said the withdrawal is in review."


def test_no_journal_call_runs_on_the_gui_thread_while_the_window_unlocks(
        locked_window, session, qtbot, monkeypatch):
    calls = GuiThreadCalls(monkeypatch)
    unlock_and_settle(qtbot, locked_window)
    monkeypatch.undo()
    assert calls.on_gui == []
    assert {"cases", "case", "timeline", "promises", "platforms"} <= set(calls.on_worker)


def test_a_write_of_three_kinds_refreshes_the_promises_panel_once(session, qtbot):
    from journal.ui.promises.promises_panel import PromisesPanel
    panel = PromisesPanel(session)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    session.wait()
    reads, changes, changed = Reads(session), [], []
    session.changes.connect(changes.append)
    session.changed.connect(changed.append)
    try:
        promise = session.journal.promises()[0]
        session.submit(lambda j: j.set_promise(promise.id, "kept"))
        session.wait()
    finally:
        session.changes.disconnect(changes.append)
        session.changed.disconnect(changed.append)
        reads.remove()
    assert len(changes) == 1 and changes[0] >= {"promises", "timeline", "cases"}
    assert sorted(changed) == sorted(changes[0])   # each kind once, for the views per kind
    assert reads.asked.count("PromisesPanel.refresh") == 1
    assert panel.model.rowCount() == 0   # kept: no longer pending


def many_entries(journal) -> None:
    from tests.conftest import demo_content
    demo_content(journal)
    for n in range(150):
        journal.log(1, kind="chat", start=f"2026-11-{21 + n // 60:02d}T{8 + n % 60 // 6:02d}:"
                    f"{n % 6 * 10:02d}:00+01:00",
                    notes=f"Chat number {n}: the agent asked for the transaction hash again "
                          f"and said the review takes three to five business days.",
                    references=[f"ticket:CB-{60000 + n}"])


@pytest.mark.journal_template("demo and a long case", many_entries)
def test_a_long_case_lays_out_the_cards_on_screen_first_and_the_rest_while_idle(
        session, qtbot):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    timeline = view.timeline
    first_answer = []
    timeline.model().modelReset.connect(
        lambda: first_answer.append(timeline.laid_out()) if not first_answer else None)
    view.show_case(1)
    qtbot.waitUntil(lambda: timeline.model().rowCount() == 151, timeout=WAIT)
    # When the case came, only the newest cards (enough to fill the view) were laid out...
    assert first_answer and 0 < first_answer[0] < 30
    newest = timeline.model().interaction(150)
    assert timeline.viewport().rect().intersects(timeline.card_rect(newest.id))
    # ... and the others while the window was idle, the newest staying in view.
    qtbot.waitUntil(timeline.settled, timeout=WAIT)
    assert timeline.laid_out() == 151
    assert timeline.viewport().rect().contains(timeline.card_rect(newest.id).bottomLeft())
    # Going to the oldest shows it, laid out.
    oldest = timeline.model().interaction(0)
    assert view.show_interaction(oldest.id)
    qtbot.waitUntil(lambda: 0 <= timeline.card_rect(oldest.id).top()
                    < timeline.viewport().height(), timeout=WAIT)
