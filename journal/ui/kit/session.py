"""The open journal as the window sees it, and the one way widgets act on it.

Like Anki's CollectionOp: work runs off the GUI thread (`submit`), its result
comes back on the GUI thread, and a change is announced once through
`changed` so that every view listening refreshes itself.
"""
from __future__ import annotations

import logging
import traceback
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..errors import JournalError
from ..service import Journal
from ..store import folder as jf

log = logging.getLogger(__name__)

# Topics announced through Session.changed after a successful change.
CASES = "cases"            # a case was opened, or its status or last activity moved
TIMELINE = "timeline"      # an interaction was logged, amended or voided
PROMISES = "promises"      # a promise was made or its status set
DIRECTORY = "directory"    # a platform or channel was added or edited
DRAFTS = "drafts"
EVERYTHING = (CASES, TIMELINE, PROMISES, DIRECTORY, DRAFTS)


def unexpected(exc: BaseException) -> str:
    """One sentence for a bug; the details go to the log (stderr), never to the window."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc)))
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate(
        "Session", "Something went wrong inside Support Journal ({0}); nothing was changed by "
        "this action.").format(type(exc).__name__)


def message_of(exc: BaseException) -> str:
    if isinstance(exc, JournalError):
        from .error_text import translated
        return translated(str(exc))
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


class _Relay(QObject):
    """Lives on the GUI thread; a worker emits through it to get back there."""
    done = Signal(int, bool, object)  # (operation id, succeeded, value or exception)


class _Op(QRunnable):
    """Runs one piece of work. It holds only an id: the work and its callbacks stay in the
    session's table on the GUI thread, so no widget's last reference is dropped on the worker
    (a QObject destroyed on the wrong thread crashes Qt)."""

    def __init__(self, op_id: int, table: dict, relay: _Relay):
        super().__init__()
        self.op_id, self.table, self.relay = op_id, table, relay

    def run(self) -> None:
        work = self.table[self.op_id][0]
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

    changed = Signal(str)          # one of the topics above
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
        self._relay.done.connect(self._deliver)
        self._ops: dict[int, tuple] = {}
        self._next_op = 0

    # -- state -------------------------------------------------------------------------

    def exists(self) -> bool:
        return jf.exists(self.folder)

    @property
    def is_open(self) -> bool:
        return self.journal is not None and not self.journal.locked

    @property
    def busy(self) -> bool:
        return bool(self._ops)

    # -- running work ------------------------------------------------------------------

    def call(self, fn: Callable[[Journal], object]):
        """Quick work on the GUI thread (a page of rows, one record). Raises JournalError."""
        if not self.is_open:
            raise JournalError(self.tr("The journal is locked."))
        return fn(self.journal)

    def submit(self, fn: Callable[[Journal], object], *,
               on_done: Callable[[object], None] | None = None,
               on_error: Callable[[str], None] | None = None,
               topics: Iterable[str] = ()) -> None:
        """Run fn(journal) off the GUI thread; then announce `topics` and call on_done(result).

        A failure calls on_error(sentence), or emits `failed` when no on_error is given."""
        topics = tuple(topics)

        def work():
            if not self.is_open:
                raise JournalError(self.tr("The journal is locked."))
            return fn(self.journal)

        def done(value):
            for topic in topics:
                self.changed.emit(topic)
            if on_done is not None:
                on_done(value)

        self._start(work, done, on_error)

    def _start(self, work, done, on_error) -> None:
        def error(exc):
            text = message_of(exc)
            if on_error is not None:
                on_error(text)
            else:
                self.failed.emit(text)

        self._next_op += 1
        self._ops[self._next_op] = (work, done, error)
        if len(self._ops) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Op(self._next_op, self._ops, self._relay))

    @Slot(int, bool, object)
    def _deliver(self, op_id: int, ok: bool, value) -> None:
        _work, done, error = self._ops.pop(op_id)
        if not self._ops:
            self.busyChanged.emit(False)
        try:
            (done if ok else error)(value)
        except RuntimeError as exc:
            # The widget that asked was destroyed meanwhile (its window closed or was rebuilt
            # for another language): nobody is left to show the answer to.
            if "already deleted" not in str(exc):
                raise
            log.debug("an answer arrived for a closed widget: %s", exc)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is done (tests, closing the window)."""
        return self._pool.waitForDone(msecs)

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
            on_done(recovery)

        self._start(work, done, on_error)

    def unlock(self, *, passphrase: str | None = None, recovery_key: str | None = None,
               on_done: Callable[[], None], on_error: Callable[[str], None]) -> None:
        """Open (or re-open after a lock) with the passphrase or the recovery key."""
        held = self.journal

        def work():
            if held is not None:
                held.unlock(passphrase=passphrase, recovery_key=recovery_key)
                return held
            return Journal.open(self.folder, passphrase=passphrase, recovery_key=recovery_key)

        def done(journal):
            self.journal = journal
            self.lockedChanged.emit(False)
            on_done()

        self._start(work, done, on_error)

    def lock(self) -> None:
        """Forget the key; the folder stays ours, so no other process opens it meanwhile."""
        if self.journal is not None and not self.journal.locked:
            self.wait()
            self.journal.lock()
            self.lockedChanged.emit(True)

    def close(self) -> None:
        self.wait()
        if self.journal is not None:
            self.journal.close()
            self.journal = None
            self.lockedChanged.emit(True)
