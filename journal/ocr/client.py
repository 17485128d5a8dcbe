"""The main process's side of the reading worker: `Reader().read_image(png_bytes)`.

The OCR libraries never load in the window's process (they weigh about 400 MiB); a worker
process (`journal.ocr.worker`) is started on the first picture and kept for the next ones.
Pictures go down its stdin, never through a file. A worker that dies while reading (a crash,
killed, out of memory, or longer than `timeout` seconds on one picture) is started again and
the picture tried once more; if that fails too, the picture is said to be unreadable
(BadInput "ocr.worker_failed" or "ocr.timed_out") and the next one gets a fresh worker.

Only the standard library is imported here, and the domain's RecognisedText.
"""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path

from ..domain.recognised_text import RecognisedText, from_lines
from ..errors import BadInput, Cancelled, EnvironmentProblem

LENGTH = struct.Struct(">I")
MAX_BYTES = 200 * 2**20          # a picture file larger than this is not sent to the worker
TIMEOUT = 120.0                  # seconds for one picture before the worker counts as dead
_ERRORS = {"not_image": "ocr.not_image", "damaged": "ocr.damaged",
           "worker_failed": "ocr.worker_failed"}   # and "too_large", which has parameters


def worker_command() -> list[str]:
    """How the worker is started: this interpreter running journal.ocr.worker; in the frozen
    app, the reader's own executable, an optional part installed in the app's ocr/ folder
    (packaging/pyinstaller/journal.spec)."""
    if getattr(sys, "frozen", False):
        reader = frozen_reader()
        if not reader.is_file():
            raise EnvironmentProblem("ocr.not_installed")
        return [str(reader)]
    return [sys.executable, "-m", "journal.ocr.worker"]


def frozen_reader() -> Path:
    name = "journal-ocr.exe" if sys.platform == "win32" else "journal-ocr"
    return Path(sys.executable).resolve().parent / "ocr" / name


def worker_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["ORT_DISABLE_TELEMETRY"] = "1"   # onnxruntime's telemetry, off before it is imported
    env["PYTHONUNBUFFERED"] = "1"
    return env


class _Died(Exception):
    """The worker is gone (or stuck past the timeout) before it answered."""

    def __init__(self, timed_out: bool = False):
        super().__init__("timed out" if timed_out else "died")
        self.timed_out = timed_out


class Reader:
    """Reads the text of pictures in a worker process; one picture at a time (calls from
    several threads wait for each other)."""

    def __init__(self, timeout: float | None = TIMEOUT):
        self.timeout = timeout
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._aborted = False

    @property
    def pid(self) -> int | None:
        """The worker's process id, None when none is running."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def read_image(self, data: bytes) -> RecognisedText:
        """The text in the picture `data` (an empty text when it shows none). Raises BadInput
        ("ocr.…") when the picture cannot be read."""
        if not data:
            raise BadInput("ocr.not_image")
        if len(data) > MAX_BYTES:
            raise BadInput("ocr.file_too_large", size=len(data), limit=MAX_BYTES // 2**20)
        with self._lock:
            self._aborted = False
            try:
                reply = self._ask(data)
            except _Died:
                self._stop()
                if self._aborted:   # closed from another thread while it read
                    raise Cancelled("task.cancelled") from None
                try:
                    reply = self._ask(data)
                except _Died as again:
                    self._stop()
                    raise BadInput("ocr.timed_out", seconds=round(self.timeout or 0)) \
                        if again.timed_out else BadInput("ocr.worker_failed") from None
        return _recognised(reply)

    def close(self) -> None:
        """Stop the worker (it is started again on the next picture). While a picture is
        being read on another thread, the worker is killed at once rather than waited for:
        that reading raises Cancelled (nothing is kept of it; the file still waits), so a
        window that locks or closes never waits for a picture to be read."""
        if self._lock.acquire(blocking=False):
            try:
                self._stop(politely=True)
            finally:
                self._lock.release()
            return
        self._aborted = True
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            process.kill()

    # -- the worker ------------------------------------------------------------------------

    def _start(self) -> subprocess.Popen:
        if self._process is not None and self._process.poll() is not None:
            self._stop()            # died since the last picture: its pipes are closed first
        if self._process is None:
            self._process = subprocess.Popen(
                worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, env=worker_environment(), close_fds=True)
        return self._process

    def _stop(self, politely: bool = False) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if politely and process.poll() is None:
            try:
                process.stdin.write(LENGTH.pack(0))
                process.stdin.flush()
            except OSError:
                pass
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            process.wait(timeout=5 if politely else 0.5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _ask(self, data: bytes) -> dict:
        process = self._start()
        # A watchdog rather than select(): pipes cannot be waited on so on Windows.
        expired = threading.Event()
        watchdog = threading.Timer(self.timeout, _expire, (process, expired)) \
            if self.timeout else None
        if watchdog is not None:
            watchdog.daemon = True
            watchdog.start()
        try:
            process.stdin.write(LENGTH.pack(len(data)))
            process.stdin.write(data)
            process.stdin.flush()
            head = process.stdout.read(LENGTH.size)
            if len(head) == LENGTH.size:
                (size,) = LENGTH.unpack(head)
                body = process.stdout.read(size)
                if len(body) == size:
                    return json.loads(body.decode("utf-8"))
        except (OSError, ValueError):
            pass
        finally:
            if watchdog is not None:
                watchdog.cancel()
        raise _Died(timed_out=expired.is_set())


def _expire(process: subprocess.Popen, expired: threading.Event) -> None:
    expired.set()
    process.kill()


def _recognised(reply: dict) -> RecognisedText:
    if not isinstance(reply, dict):
        raise BadInput("ocr.worker_failed")
    if "error" in reply:
        params = reply.get("params") or {}
        if reply["error"] == "too_large":
            raise BadInput("ocr.too_large", width=int(params.get("width", 0)),
                           height=int(params.get("height", 0)),
                           limit=int(params.get("limit", 0)))
        raise BadInput(_ERRORS.get(reply["error"], "ocr.worker_failed"))
    lines = [(str(text), [(str(word), tuple(box)) for word, box in words])
             for text, words in reply.get("lines", ())]
    return from_lines(lines)
