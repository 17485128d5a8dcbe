"""Instruments for the window's bench (window.py): what the GUI thread did and waited for.

- Watchdog: an event-loop watchdog. A QTimer beats every 5 ms on the GUI thread; a thread
  samples the GUI thread's Python stack while a beat is late, and Python's garbage collector
  is timed when it runs there. The gaps between beats are the stalls; each one over 50 ms is
  listed with what the GUI thread ran meanwhile (the app's outermost and innermost frames, or
  Qt itself when no code of the app was on the stack: layout, painting).
- GuiJournalCalls: every Journal method, timed when it runs on the GUI thread (none should).
- ReadLog: the work the views ask of the session, by asker, and how long it ran on the worker.
- PaintWatch: when a widget is first painted once a condition holds.
"""
from __future__ import annotations

import collections
import functools
import gc
import inspect
import os
import statistics
import sys
import threading
import time
from pathlib import Path

STALL_MS = 50           # a stall longer than this is listed with its cause
_APP = str(Path(__file__).resolve().parents[2] / "journal") + os.sep
_SESSION = os.path.join("journal", "ui", "kit", "session.py")


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _frame_name(frame) -> str:
    code = frame.f_code
    path = code.co_filename
    short = path[len(_APP) - len("journal" + os.sep):] if path.startswith(_APP) \
        else os.path.basename(path)
    return f"{short} {getattr(code, 'co_qualname', code.co_name)}"


def _where(frame) -> tuple[str, str]:
    """(entry, innermost): the outermost and the innermost frames of the app's own code on
    the GUI thread's stack (the session's delivery left out: it calls every answer); with no
    app code there, Qt itself is working (layout, painting, style) for the frame shown."""
    app, first = [], None
    while frame is not None:
        path = frame.f_code.co_filename
        if first is None:
            first = _frame_name(frame)
        if path.startswith(_APP) and not path.endswith(_SESSION):
            app.append(_frame_name(frame))
        frame = frame.f_back
    if not app:
        return f"Qt (layout, painting) under {first}", ""
    return app[-1], app[0]


class Watchdog:
    """An event-loop watchdog: a QTimer beats every 5 ms on the GUI thread; a thread looks
    every 4 ms and, while a beat is late by more than 20 ms, samples the GUI thread's stack.
    A gap between two beats is a stall: how long the window could not answer."""

    LATE = 0.02

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer
        self._gui = threading.get_ident()
        self.beats = [time.perf_counter()]
        self._samples: dict[float, list[tuple[str, str]]] = collections.defaultdict(list)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.timer.start()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="watchdog", daemon=True)
        self._thread.start()
        # Python's garbage collector runs on whichever thread allocates: its passes on the
        # GUI thread are stalls the stack samples cannot name.
        self.collections: list[tuple[float, float, int]] = []   # (start, seconds, generation)
        self._collecting: float | None = None
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if threading.get_ident() != self._gui:
            return
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self._collecting is not None:
            self.collections.append((self._collecting, time.perf_counter() - self._collecting,
                                     info.get("generation", -1)))
            self._collecting = None

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())

    def _watch(self) -> None:
        while not self._stop.wait(0.004):
            last = self.beats[-1]
            if time.perf_counter() - last > self.LATE:
                frame = sys._current_frames().get(self._gui)
                if frame is not None:
                    self._samples[last].append(_where(frame))
                del frame

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.timer.stop()
        gc.callbacks.remove(self._gc)
        self.beats.append(time.perf_counter())

    def report(self, t0: float, t1: float, origin: float | None = None) -> dict:
        """The stalls overlapping [t0, t1]: longest, p99, median, and each one over STALL_MS
        (its start after `origin`, its length, what the GUI thread ran meanwhile)."""
        origin = t0 if origin is None else origin
        beats = self.beats
        gaps = [(a, b) for a, b in zip(beats, beats[1:]) if b > t0 and a < t1]
        lengths = sorted(b - a for a, b in gaps) or [0.0]
        stalls = []
        for a, b in sorted(gaps, key=lambda g: g[0] - g[1]):
            if b - a <= STALL_MS / 1000:
                break
            samples = self._samples.get(a, [])
            entry = collections.Counter(s[0] for s in samples).most_common(1)
            inner = collections.Counter(s[1] for s in samples if s[1]).most_common(2)
            collected = [(s, t, g) for s, t, g in self.collections if a <= s <= b]
            stalls.append({"at_ms": _ms(a - origin), "ms": _ms(b - a), "samples": len(samples),
                           "entry": entry[0][0] if entry else "(not sampled)",
                           "inside": [f"{name} ({n})" for name, n in inner],
                           "gc_ms": _ms(sum(t for _s, t, _g in collected)),
                           "gc_generations": sorted({g for _s, _t, g in collected})})
        collected = [t for s, t, _g in self.collections if t0 <= s <= t1]
        return {"beats": len(gaps), "max_ms": _ms(lengths[-1]),
                "gc_on_gui_thread": {"passes": len(collected), "total_ms": _ms(sum(collected)),
                                     "longest_ms": _ms(max(collected, default=0.0))},
                "p99_ms": _ms(lengths[min(len(lengths) - 1, int(len(lengths) * 0.99))]),
                "median_ms": _ms(statistics.median(lengths)),
                "over_50ms": len(stalls), "stalls": stalls[:12]}


class GuiJournalCalls:
    """Every method of Journal, timed when it runs on the GUI thread (none should)."""

    def __init__(self):
        from journal.service import Journal
        self._cls = Journal
        self._gui = threading.get_ident()
        self.calls: list[tuple[float, str, float]] = []   # (start, name, seconds)
        self._saved = {name: fn for name, fn in vars(Journal).items()
                       if not name.startswith("_") and inspect.isfunction(fn)}
        for name, fn in self._saved.items():
            setattr(Journal, name, self._timed(name, fn))

    def _timed(self, name: str, fn):
        @functools.wraps(fn)
        def call(*args, **kwargs):
            if threading.get_ident() != self._gui:
                return fn(*args, **kwargs)
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.calls.append((start, name, time.perf_counter() - start))
        return call

    def remove(self) -> None:
        for name, fn in self._saved.items():
            setattr(self._cls, name, fn)

    def between(self, t0: float, t1: float, stalls: list | None = None) -> dict:
        calls = [c for c in self.calls if t0 <= c[0] <= t1]
        return {"calls": len(calls), "total_ms": _ms(sum(c[2] for c in calls)),
                "longest_ms": _ms(max((c[2] for c in calls), default=0.0)),
                "names": sorted({c[1] for c in calls})}


def _asker(fn) -> str:
    name = getattr(fn, "__qualname__", None) or type(fn).__name__
    return name.replace(".<locals>.<lambda>", "").replace(".<locals>.", ".")


class ReadLog:
    """The work the views ask of the session: who asked, and how long it ran on the worker."""

    def __init__(self, session):
        self.asked: list[tuple[float, str, str]] = []     # (when, "read"/"submit", asker)
        self.ran: list[tuple[float, str, float, bool]] = []   # (start, asker, s, on GUI?)
        self._gui = threading.get_ident()
        self._session = session
        read, submit = session.read, session.submit

        def timed(kind, fn):
            asker = _asker(fn)
            self.asked.append((time.perf_counter(), kind, asker))

            def work(j):
                start = time.perf_counter()
                try:
                    return fn(j)
                finally:
                    self.ran.append((start, asker, time.perf_counter() - start,
                                     threading.get_ident() == self._gui))
            return work

        session.read = lambda fn, *a, **k: read(timed("read", fn), *a, **k)
        session.submit = lambda fn, *a, **k: submit(timed("submit", fn), *a, **k)

    def remove(self) -> None:
        del self._session.read, self._session.submit

    def between(self, t0: float, t1: float, origin: float) -> dict:
        asked = collections.Counter(a for when, _k, a in self.asked if t0 <= when <= t1)
        started = sorted((s, a, t) for s, a, t, _gui in self.ran if t0 <= s <= t1)
        ran = collections.defaultdict(float)
        for start, asker, seconds, _gui in self.ran:
            if t0 <= start <= t1:
                ran[asker] += seconds
        return {"total": sum(asked.values()),
                "by_asker": {a: {"reads": n, "worker_ms": _ms(ran.get(a, 0.0))}
                             for a, n in asked.most_common()},
                "asked_twice": sorted(a for a, n in asked.items() if n > 1),
                # the worker's order: (asker, started after `origin`, ms on the worker)
                "order": [(a, _ms(s - origin), _ms(t)) for s, a, t in started],
                "run_on_gui_thread": sum(1 for s, _a, _t, gui in self.ran
                                         if gui and t0 <= s <= t1)}


class PaintWatch:
    """The time of the first paint of a widget once `ready()` holds."""

    def __init__(self, widget, ready):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and watch.at is None and ready():
                    watch.at = time.perf_counter()
                return False
        watch = self
        self.at: float | None = None
        self._filter = Filter()
        self._widget = widget
        widget.installEventFilter(self._filter)

    def remove(self) -> None:
        self._widget.removeEventFilter(self._filter)
