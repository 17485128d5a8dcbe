"""The window reads the pictures and PDFs that wait, one at a time, while it is unlocked.

Each file takes three steps, so that the journal is never held while a picture is read (OCR
takes seconds): `next_to_read` through the session (it reads the database), `recognise` on
the queue's own thread (it touches no database: the journal's OCR worker process reads the
bytes), then `keep_reading` through the session (one transaction; the session announces the
timeline change, so the case and the search show the text at once). Then the next.

Pausing stops after the file being read; locking or closing drops it (it still waits, and is
read after the next unlock) and stops the worker process. `stop_reader` is called on the
queue's own thread: it touches no database (so it may run while the journal is locked, when
the session takes no more work), and it waits for the picture being read to be done.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from ...domain import recognised_text as rt
from ..kit.session import TIMELINE, Session, message_of, weak

log = logging.getLogger(__name__)

START_DELAY_MS = 0   # a change is looked at once the events waiting are handled


class _Relay(QObject):
    """Lives on the GUI thread; the reading thread answers through it."""
    done = Signal(int, bool, object)   # (run number, succeeded, reading or exception)


class _Recognise(QRunnable):
    def __init__(self, journal, attachment, data: bytes, run: int, relay: _Relay):
        super().__init__()
        self.journal, self.attachment, self.data = journal, attachment, data
        self.run_number, self.relay = run, relay

    def run(self) -> None:
        journal, attachment, data = self.journal, self.attachment, self.data
        self.journal = self.attachment = self.data = None
        if journal.locked:   # locked meanwhile: no worker is started for nobody
            self.relay.done.emit(self.run_number, False, None)
            return
        try:
            reading = journal.recognise(attachment, data)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
            self.relay.done.emit(self.run_number, False, exc)
        else:
            self.relay.done.emit(self.run_number, True, reading)


class _StopReader(QRunnable):
    def __init__(self, journal):
        super().__init__()
        self.journal = journal

    def run(self) -> None:
        journal, self.journal = self.journal, None
        try:
            journal.stop_reader()
        except Exception:  # noqa: BLE001 - the worker is gone either way; nothing to show
            log.debug("stopping the reader failed", exc_info=True)


class ReadingQueue(QObject):
    """Reads the waiting files in turn; says how far it got through `progressed`."""

    progressed = Signal()                       # read `done`, `total`, `paused`, `running`
    alarmRaised = Signal(int, str, list, list)  # attachment id, file name, scam signs, secrets
    fileKept = Signal(int)                      # an attachment's reading was kept
    failed = Signal(str)                        # a sentence: the queue paused on it

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.done = 0          # files read since this run began
        self.waiting = 0       # files still waiting, as last read
        self.paused = False
        self.running = False   # a file is on its way (being fetched, read or kept)
        self.current = ""      # the name of the file being read
        self._run = 0          # counts runs: an answer of a stopped run is dropped
        self._reader_used = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._recognised, Qt.ConnectionType.QueuedConnection)
        self._soon = QTimer(self, singleShot=True, interval=START_DELAY_MS,
                            timeout=self.start)
        session.changes.connect(self._journal_changed)
        session.lockedChanged.connect(self._locked_changed)
        if session.is_open:
            self._soon.start()

    # -- what the status bar shows ---------------------------------------------------------

    @property
    def total(self) -> int:
        """The files of this run: those read, the one being read and those waiting."""
        return self.done + self.waiting

    @property
    def active(self) -> bool:
        """Something to show: a file is being read, or files wait (paused or not)."""
        return self.running or self.waiting > 0

    # -- control ---------------------------------------------------------------------------

    def start(self) -> None:
        """Read the next waiting file, unless a file is on its way, paused or locked."""
        if self.running or not self.session.is_open:
            return
        if self.paused:
            self._count_waiting()
            return
        self.running = True
        run = self._run
        self.session.read(_next_to_read, weak(self._fetched, run), weak(self._not_fetched, run),
                          background=True)

    def pause(self) -> None:
        """Stop after the file being read (it is kept)."""
        if not self.paused:
            self.paused = True
            if not self.running:
                self._stop_reader()
            self.progressed.emit()

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            self.progressed.emit()
            self.start()

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the reading thread is idle (closing, tests)."""
        return self._pool.waitForDone(msecs)

    # -- the steps -------------------------------------------------------------------------

    def _fetched(self, run: int, found) -> None:
        if run != self._run:
            return
        status, item = found
        self.waiting = status.waiting
        if item is None:
            self._finish()
            return
        attachment, data = item
        self.current = attachment.name
        self.progressed.emit()
        journal = self.session.journal
        if journal is None:
            self._finish()
            return
        self._reader_used = True
        self._pool.start(_Recognise(journal, attachment, data, run, self._relay))

    def _not_fetched(self, run: int, sentence: str) -> None:
        if run == self._run:
            self._stop_on(sentence)

    def _recognised(self, run: int, ok: bool, value) -> None:
        if run != self._run:
            return      # locked meanwhile: the file waits for the next unlock
        if not ok:
            if value is None:
                self._finish()
            else:
                self._stop_on(message_of(value))
            return
        reading = value
        self.session.submit(lambda j: _keep(j, reading), on_done=weak(self._kept, run),
                            on_error=weak(self._not_kept, run))

    def _kept(self, run: int, result) -> None:
        if run != self._run:
            return
        kept, attachment_id, signs, secrets = result
        self.running = False
        self.done += 1
        self.waiting = max(0, self.waiting - 1)
        if kept:
            self.fileKept.emit(attachment_id)
        if kept and (signs or secrets):
            self.alarmRaised.emit(attachment_id, self.current, list(signs), list(secrets))
        if self.paused:
            self._stop_reader()
            self.progressed.emit()
        else:
            self.progressed.emit()
            self.start()

    def _not_kept(self, run: int, sentence: str) -> None:
        if run == self._run:
            self._stop_on(sentence)

    def _finish(self) -> None:
        """Nothing waits (or the journal went): stop the worker process until the next file."""
        self.running = False
        self.current = ""
        self.done = self.waiting = 0   # the next file read begins a new count
        self._stop_reader()
        self.progressed.emit()

    def _stop_on(self, sentence: str) -> None:
        """A failure: pause rather than try the same file again and again."""
        self.running = False
        self.current = ""
        if not self.session.is_open:
            self.progressed.emit()
            return
        self.paused = True
        self._stop_reader()
        self.progressed.emit()
        self.failed.emit(sentence)

    def _count_waiting(self) -> None:
        run = self._run
        self.session.read(lambda j: j.reading_status().waiting, weak(self._counted, run),
                          background=True)

    def _counted(self, run: int, waiting: int) -> None:
        if run == self._run and not self.running:
            self.waiting = waiting
            self.progressed.emit()

    def _stop_reader(self) -> None:
        journal = self.session.journal
        if journal is not None and self._reader_used:
            self._reader_used = False
            self._pool.start(_StopReader(journal))

    # -- the journal -----------------------------------------------------------------------

    def _journal_changed(self, kinds) -> None:
        # An entry with files was logged or amended; unlocking says "everything" too.
        if TIMELINE in kinds and not self.running:
            self._soon.start()

    def _locked_changed(self, locked: bool) -> None:
        if not locked:
            return
        self._run += 1          # whatever is on its way answers nobody
        self._soon.stop()
        self.running = False
        self.done = self.waiting = 0
        self.current = ""
        self._stop_reader()
        self.progressed.emit()


def _next_to_read(journal):
    """On the session's worker: the status and (attachment, bytes) of the next file."""
    return journal.reading_status(), journal.next_to_read()


def _keep(journal, reading: rt.Reading):
    """On the session's worker: keep the reading; the alarms its text raises."""
    kept = journal.keep_reading(reading)
    signs, secrets = ([], [])
    if kept and reading.status == rt.TEXT:
        signs, secrets = journal.attachment_alarms(reading.attachment_id)
    return kept, reading.attachment_id, signs, secrets
