"""The open journal as the window sees it, and the one way widgets act on it.

Like Anki's CollectionOp and QueryOp: a write (`submit`) and a read (`read`) both run off the
GUI thread, one at a time on one worker (one connection), and their answer comes back on the
GUI thread, to a widget only while it lives. After each piece of work the service says which
kinds of record it touched (`Journal.take_changes()`, domain/changes.py): `changes` announces
them once, as one set (and `changed` each of them once), so every view refreshes once, and
only for what it shows. When the journal unlocks, `changes` says "everything" once: each view
reads what it shows once. Nothing reads the database on the GUI thread: the window never waits
for a write.

A read nobody is looking at yet (a tab not shown, a periodic check) is a background read: it
waits until the reads of what is on screen are answered, so an unlock paints the case list and
the chosen case first.

Locking never closes the database under running work: `lock()` hides the journal at once (new
work is refused, reads not started yet are dropped), and the database is closed on the worker
once the work already accepted (writes included) is done. `close()` waits for that.
"""
from __future__ import annotations

import logging
import math
import time
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

# The topics announced through Session.changed: the kinds of change the service reports
# (domain/changes.py), so the window and the service share names.
from ...domain.changes import CASES, CHECKLIST, DIRECTORY, DISPUTE, DRAFTS, PROMISES, TIMELINE
from ...errors import JournalError
from ...service import Journal
from ...service import folders as jf

log = logging.getLogger(__name__)

# A tuple, not the domain's set: kinds are announced through `changed` in this fixed order.
EVERYTHING = (CASES, TIMELINE, PROMISES, DIRECTORY, CHECKLIST, DRAFTS, DISPUTE)
ALL_KINDS = frozenset(EVERYTHING)   # what `changes` says when the journal unlocks

QUIET_MS = 120        # background reads start once the other work has been quiet this long
LONGEST_WAIT_MS = 2000  # ... or once they have waited this long, whatever else runs


def unexpected(exc: BaseException) -> str:
    """One sentence for a bug, naming the bug log; the traceback goes there (bug_log.py:
    frames and the exception's type, never its message nor any journal content)."""
    from ...errors import bug_log
    from .error_text import translated
    path = bug_log.record(exc, "window")
    log.error("unexpected %s, recorded in %s", bug_log.kind(exc), path)
    return translated(bug_log.sentence(exc, path, "window"))


def message_of(exc: BaseException) -> str:
    if isinstance(exc, JournalError):
        from .error_text import translated
        return translated(exc)
    return unexpected(exc)


def weak(method, *first):
    """Call method(*first, *args) if its widget still lives: a reply from the worker must
    neither keep a closed widget alive nor reach one whose window was already destroyed."""
    ref = weakref.WeakMethod(method)

    def call(*args):
        bound = ref()
        if bound is not None and shiboken6.isValid(bound.__self__):
            bound(*first, *args)
    return call


def _live(callback):
    """A Qt object's own method as a reply: called only while that object lives (see weak)."""
    if isinstance(getattr(callback, "__self__", None), QObject) and hasattr(callback,
                                                                            "__func__"):
        return weak(callback)
    return callback


def _locked() -> JournalError:
    return JournalError("journal.locked")


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits through it to get back there."""
    done = Signal(int, bool, object)  # (operation id, succeeded, value or exception)


class _Job:
    """One piece of work as the session keeps it, on the GUI thread, until its answer."""
    __slots__ = ("work", "done", "error", "read", "epoch", "dropped", "changes", "background",
                 "asked_at")

    def __init__(self, done, error, *, read: bool = False, epoch: int = 0,
                 background: bool = False):
        self.work: Callable[[], object] | None = None
        self.done, self.error = done, error
        self.read, self.epoch = read, epoch
        self.background = background     # runs once the other work is quiet
        self.asked_at = time.monotonic()
        self.dropped = False             # a read the lock came before: not run
        self.changes: frozenset = frozenset()   # set on the worker, read after the answer


class _Op(QRunnable):
    """Runs one piece of work. It holds only an id: the work and its callbacks stay in the
    session's table on the GUI thread, so no widget's last reference is dropped on the worker
    (a QObject destroyed on the wrong thread crashes Qt)."""

    def __init__(self, op_id: int, table: dict, relay: _Relay):
        super().__init__()
        self.op_id, self.table, self.relay = op_id, table, relay

    def run(self) -> None:
        job = self.table[self.op_id]
        if job.dropped:
            del job
            self.relay.done.emit(self.op_id, False, _locked())
            return
        work = job.work
        del job
        try:
            value = work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
            del work
            self.relay.done.emit(self.op_id, False, exc)
        else:
            del work
            self.relay.done.emit(self.op_id, True, value)


class Session(QObject):
    """Holds the open `Journal` (or none), runs work on it, and announces changes."""

    changed = Signal(str)          # one of the kinds in EVERYTHING, each once per piece of work
    changes = Signal(object)       # the frozenset of kinds one piece of work changed, once;
    #                                ALL_KINDS once when the journal unlocks (or is created)
    lockedChanged = Signal(bool)   # True when the journal was locked or closed
    busyChanged = Signal(bool)
    failed = Signal(str)           # a one-sentence message nobody else handled

    def __init__(self, folder: str | Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.folder = jf.resolve(folder)
        self.journal: Journal | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one journal connection: work runs one at a time
        self._relay = _Relay(self)
        # Queued even when emitted here on the GUI thread: an answer never comes back inside
        # the call that asked for it.
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._ops: dict[int, _Job] = {}
        self._next_op = 0
        self._later: list[int] = []     # background reads not handed to the worker yet
        self._background_running = 0    # the one background read on the worker (an op id)
        self._foreground = 0            # work on its way that is not a background read
        self._quiet_since = time.monotonic()
        self._quiet = QTimer(self, singleShot=True)
        self._quiet.timeout.connect(self._start_background)
        self._closing = False   # a lock or close was asked for: new work is refused
        self._epoch = 0         # counts locks: a read asked before one answers nobody

    # -- state -------------------------------------------------------------------------

    def exists(self) -> bool:
        return jf.exists(self.folder)

    @property
    def is_open(self) -> bool:
        return self.journal is not None and not self.journal.locked and not self._closing

    @property
    def busy(self) -> bool:
        return bool(self._ops)

    # -- running work ------------------------------------------------------------------

    def submit(self, fn: Callable[[Journal], object], *,
               on_done: Callable[[object], None] | None = None,
               on_error: Callable[[str], None] | None = None) -> None:
        """A write: fn(journal) off the GUI thread; then each kind of record it touched is
        announced through `changed` (the service says which), and on_done(result) is called.

        A failure calls on_error(sentence), or emits `failed` when no on_error is given; the
        kinds a failed write still committed (none, for one transaction) are announced too."""
        self._run(fn, on_done, on_error, read=False)

    def read(self, fn: Callable[[Journal], object], on_done: Callable[[object], None],
             on_error: Callable[[str], None] | None = None, *,
             background: bool = False) -> None:
        """A read: fn(journal) off the GUI thread, on_done(result) back on it.

        A background read (for what is not on screen yet) waits until the other work has
        been quiet for QUIET_MS (at most LONGEST_WAIT_MS), then runs, one at a time.

        A read not started when the journal locks is dropped, and one that answers after a
        lock gives nothing away: both reach on_error("The journal is locked."). Without
        on_error, a sentence of the service is dropped quietly; a bug still emits `failed`."""
        self._run(fn, on_done, on_error, read=True, background=background)

    def _run(self, fn, on_done, on_error, *, read: bool, background: bool = False) -> None:
        job = _Job(_live(on_done) if on_done is not None else None,
                   _live(on_error) if on_error is not None else None,
                   read=read, epoch=self._epoch, background=background)
        if not self.is_open:
            QTimer.singleShot(0, self, lambda: self._report(job, _locked()))
            return
        journal = self.journal

        def work():
            journal.take_changes()  # what was written outside the session is not this work's
            try:
                return fn(journal)
            finally:
                job.changes = journal.take_changes()

        job.work = work
        self._queue(job)

    def _queue(self, job: _Job) -> None:
        self._next_op += 1
        self._ops[self._next_op] = job
        if len(self._ops) == 1:
            self.busyChanged.emit(True)
        if job.background:
            self._later.append(self._next_op)
            self._start_background()
        else:
            self._foreground += 1
            # Ahead of a background read queued already (one at most): what is on screen first.
            self._pool.start(_Op(self._next_op, self._ops, self._relay), 1)

    def _start_background(self) -> None:
        """Hand the next background read to the worker once the rest has been quiet for
        QUIET_MS (or that read has waited LONGEST_WAIT_MS); else look again then."""
        if not self._later or self._background_running:
            return
        now = time.monotonic()
        longest_left = LONGEST_WAIT_MS / 1000 - (now - self._ops[self._later[0]].asked_at)
        if self._foreground:   # looked at again when that work is answered
            left = longest_left
        else:
            left = min(QUIET_MS / 1000 - (now - self._quiet_since), longest_left)
        if left > 0:
            self._quiet.start(max(1, math.ceil(left * 1000)))
            return
        self._hand_over(self._later.pop(0))

    def _hand_over(self, op_id: int) -> None:
        self._background_running = op_id
        self._pool.start(_Op(op_id, self._ops, self._relay), 0)

    def _flush_background(self) -> None:
        """Every background read to the worker now (closing, locking, a test waiting)."""
        self._quiet.stop()
        while self._later:
            op_id = self._later.pop(0)
            self._pool.start(_Op(op_id, self._ops, self._relay), 0)

    def _internal(self, work, done, on_error=None) -> None:
        """Opening and locking: work that runs whether the journal is open or not."""
        job = _Job(done, on_error)
        job.work = work
        self._queue(job)

    @Slot(int, bool, object)
    def _deliver(self, op_id: int, ok: bool, value) -> None:
        job = self._ops.pop(op_id, None)
        if job is None:
            return
        if not self._ops:
            self.busyChanged.emit(False)
        if job.background:
            if self._background_running == op_id:
                self._background_running = 0
        else:
            self._foreground -= 1
            self._quiet_since = time.monotonic()
        if self._later:
            self._start_background()
        if job.read and job.epoch != self._epoch:
            ok, value = False, _locked()   # asked before a lock: the answer is not shown
        try:
            if job.changes:
                self.changes.emit(job.changes)
            for kind in EVERYTHING:
                if kind in job.changes:
                    self.changed.emit(kind)
            if not ok:
                self._report(job, value)
            elif job.done is not None:
                job.done(value)
        except RuntimeError as exc:
            # The widget that asked was destroyed meanwhile (its window closed or was rebuilt
            # for another language): nobody is left to show the answer to.
            if "already deleted" not in str(exc):
                raise
            log.debug("an answer arrived for a closed widget: %s", exc)

    def _report(self, job: _Job, exc: BaseException) -> None:
        if job.error is not None:
            job.error(message_of(exc))
        elif job.read and isinstance(exc, JournalError):
            log.debug("a read nobody waits for failed: %s", exc)
        else:
            self.failed.emit(message_of(exc))

    def announce(self, *kinds: str) -> None:
        """Say these kinds of record changed, as the answer of a write would (`changes` once,
        then `changed` for each): for the journal written to without the session."""
        found = frozenset(kinds)
        self.changes.emit(found)
        for kind in EVERYTHING:
            if kind in found:
                self.changed.emit(kind)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the work accepted is done and its answers delivered (closing, tests);
        False if msecs (-1: no limit) passed first."""
        end = None if msecs < 0 else time.monotonic() + msecs / 1000
        while self._ops:
            self._flush_background()
            left = -1 if end is None else max(0, int((end - time.monotonic()) * 1000))
            if not self._pool.waitForDone(left):
                return False
            # The answers were posted to this object: deliver them now, in their order.
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        return True

    # -- opening, locking, closing -----------------------------------------------------

    def create(self, passphrase: str, *, on_done: Callable[[str], None],
               on_error: Callable[[str], None]) -> None:
        """Create the journal (key derivation off the GUI thread); on_done(recovery_key)."""
        def work():
            journal, recovery = Journal.create(self.folder, passphrase=passphrase)
            return journal, recovery

        def done(value):
            self.journal, recovery = value
            self.lockedChanged.emit(False)
            self.changes.emit(ALL_KINDS)
            on_done(recovery)

        self._internal(work, done, on_error)

    def unlock(self, *, passphrase: str | None = None, recovery_key: str | None = None,
               on_done: Callable[[], None], on_error: Callable[[str], None]) -> None:
        """Open (or re-open after a lock) with the passphrase or the recovery key. Asked while
        a lock waits for running work, it runs after that lock."""
        held = self.journal

        def work():
            if held is not None:
                held.unlock(passphrase=passphrase, recovery_key=recovery_key)
                return held
            return Journal.open(self.folder, passphrase=passphrase, recovery_key=recovery_key)

        def done(journal):
            self.journal = journal
            self.lockedChanged.emit(False)
            self.changes.emit(ALL_KINDS)   # once: every view reads what it shows, once
            on_done()

        self._internal(work, done, on_error)

    def lock(self) -> None:
        """Hide the journal now; forget its key once the work accepted is done. The folder
        stays ours, so no other process opens it meanwhile.

        From now on new work is refused ("The journal is locked.") and reads not started are
        dropped; a write already asked for still runs and is saved, and only then, on the
        worker, is the database closed."""
        journal = self.journal
        if journal is None or journal.locked or self._closing:
            return
        self._stop_taking_work()
        if self._ops:
            self._internal(journal.lock, self._locked_now, lambda _text: self._locked_now())
        else:   # the worker is idle: nothing runs on the database
            journal.lock()
            self._closing = False
        self.lockedChanged.emit(True)

    def _locked_now(self, _value=None) -> None:
        self._closing = False

    def _stop_taking_work(self) -> None:
        self._closing = True
        self._epoch += 1
        for job in self._ops.values():
            if job.read:
                job.dropped = True
        self._flush_background()   # dropped: each answers "locked" at once

    def close(self) -> None:
        """Close the journal (the window quits): waits for the work accepted, so a write
        running is never lost, then closes the database with the worker idle."""
        journal = self.journal
        if journal is None:
            return
        if not self._closing:
            self._stop_taking_work()
        self.wait(-1)
        journal.close()
        self.journal = None
        self._closing = False
        self.lockedChanged.emit(True)
