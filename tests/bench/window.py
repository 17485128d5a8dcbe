"""The window against its targets, on the generated 100,000-interaction journal.

    python -m tests.bench.window JOURNAL_DIR   (run by `make bench`; prints JSON)

- unlock done → case list shown: from the moment the unlock finished (key derived,
  database open) until the case table has rows and has painted them;
- search: the time from the last keystroke to the results on screen, typing each
  benchmark query at ~8 keys a second into the search panel;
- memory: resident size of the process after start, after the searches, and after
  opening 200 cases and scrolling the case list to its end (VmHWM is the peak);
- GUI stall: a timer ticks every 5 ms on the GUI thread while the case list is scrolled down
  page by page and 20 cases are opened one after another (each waited for until it shows);
  the longest gap between two ticks, and the 99th percentile, are how long the window could
  not answer. Beside it, the time journal calls spent on the GUI thread in that script.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _mib(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _pump(seconds: float) -> None:
    from PySide6.QtWidgets import QApplication
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)


def _until(condition, timeout: float = 30.0) -> float:
    from PySide6.QtWidgets import QApplication
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise RuntimeError("timed out waiting for the window")
        QApplication.processEvents()
        time.sleep(0.001)
    return time.perf_counter()


def _loading(widget) -> bool:
    """A view still waiting for the journal's answer (views read off the GUI thread)."""
    return bool(getattr(widget, "loading", lambda: False)())


class _TimedJournal:
    """The open journal, noting the time its methods spend on the GUI thread."""

    def __init__(self, journal):
        self._journal = journal
        self._gui = threading.get_ident()
        self.gui_seconds = 0.0
        self.gui_calls = 0
        self.gui_longest = 0.0
        self.since_tick = 0.0   # journal time on the GUI thread since the meter last ticked

    def __getattr__(self, name):
        value = getattr(self._journal, name)
        if name.startswith("_") or not callable(value):
            return value

        def call(*args, **kwargs):
            if threading.get_ident() != self._gui:
                return value(*args, **kwargs)
            start = time.perf_counter()
            try:
                return value(*args, **kwargs)
            finally:
                spent = time.perf_counter() - start
                self.gui_seconds += spent
                self.since_tick += spent
                self.gui_calls += 1
                self.gui_longest = max(self.gui_longest, spent)
        return call


class _StallMeter:
    """A 5 ms timer on the GUI thread; the gaps between its ticks are the stalls."""

    def __init__(self, timed: _TimedJournal | None = None):
        from PySide6.QtCore import Qt, QTimer
        self.timed = timed
        self.journal_in_gap = 0.0   # the most journal time on the GUI thread in one gap
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now
        if self.timed is not None:
            self.journal_in_gap = max(self.journal_in_gap, self.timed.since_tick)
            self.timed.since_tick = 0.0

    def stop(self) -> dict:
        self.timer.stop()
        if self.timed is not None:
            self.journal_in_gap = max(self.journal_in_gap, self.timed.since_tick)
        gaps = sorted(self.gaps) or [0.0]
        return {"ticks": len(self.gaps), "max_ms": round(gaps[-1] * 1000, 1),
                "p99_ms": round(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))] * 1000, 1),
                "median_ms": round(statistics.median(gaps) * 1000, 1)}


def _stall_while_browsing(window, session, cases: int = 20, pages: int = 60) -> dict:
    """Scroll the case list down page by page, then open `cases` cases one after another,
    waiting for each to show; measure the GUI thread's longest stall meanwhile."""
    from PySide6.QtWidgets import QAbstractSlider

    from journal.ui.cases.case_list import TITLE
    window.show_cases()
    table, model, view = window.cases.table, window.cases.model, window.case_view
    timed = _TimedJournal(session.journal)
    session.journal = timed
    meter = _StallMeter(timed)
    bar = table.verticalScrollBar()
    started = time.perf_counter()
    for _ in range(pages):   # PgDn held down: the list fetches the next pages as it goes
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        _pump(0.03)
    _until(lambda: not _loading(model), 30)
    scrolled_rows = model.rowCount()
    opened = []
    step = max(1, scrolled_rows // cases)
    for row in range(0, step * cases, step):
        case = model.case_at(row)
        table.setCurrentIndex(model.index(row, TITLE))   # as a click on the row does
        _until(lambda c=case: view.current_case_id() == c.id and not _loading(view)
               and view.title.text() == c.title, 30)
        _pump(0.05)   # the older cards are built in batches meanwhile
        opened.append(case.id)
    result = meter.stop()
    session.journal = timed._journal
    result.update({"seconds": round(time.perf_counter() - started, 2),
                   "case_list_rows": scrolled_rows, "cases_opened": len(opened),
                   "journal_on_gui_thread": {
                       "calls": timed.gui_calls, "total_ms": round(timed.gui_seconds * 1000, 1),
                       "longest_ms": round(timed.gui_longest * 1000, 1),
                       # the part of one stall spent in journal calls: what reads cost it
                       "most_in_one_stall_ms": round(meter.journal_in_gap * 1000, 1)}})
    return result


def run(journal_dir: str, passphrase: str, queries: list[str]) -> dict:
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from journal.ui.app import application
    from journal.ui.kit.session import Session
    from journal.ui.main_window import MainWindow

    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      os.environ.get("TMPDIR", "/tmp"))
    session = Session(journal_dir)
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    _pump(0.3)
    result = {"rss_before_unlock_mib": _mib("VmRSS")}

    painted = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and window.cases.model.rowCount() > 0:
                painted.append(time.perf_counter())
            return False

    watch = PaintWatch()
    window.cases.table.viewport().installEventFilter(watch)
    marks = {}

    def unlocked():
        marks["unlocked"] = time.perf_counter()
        window._on_unlocked()

    t0 = time.perf_counter()
    session.unlock(passphrase=passphrase, on_done=unlocked,
                   on_error=lambda text: marks.setdefault("error", text))
    _until(lambda: painted or "error" in marks, 60)
    if "error" in marks:
        raise RuntimeError(marks["error"])
    result["unlock_s"] = round(marks["unlocked"] - t0, 3)
    result["unlock_to_case_list_s"] = round(painted[0] - marks["unlocked"], 3)
    result["cases_shown"] = window.cases.model.rowCount()
    _pump(1.0)  # the promises panel and the due check finish in the background
    result["rss_after_unlock_mib"] = _mib("VmRSS")
    result["gui_stall_browsing"] = _stall_while_browsing(window, session)
    # The key derivation alone takes its calibrated memory (Argon2id is memory-hard by design,
    # up to 256 MiB) for a moment; report that peak, then measure the peak of use after it.
    result["rss_peak_through_unlock_mib"] = _mib("VmHWM")
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")  # resets VmHWM to the current resident size
    except OSError:
        pass

    window.search()
    panel = window.search_panel
    samples = []
    for query in queries:
        panel.field.clear()
        _pump(0.2)
        for ch in query[:-1]:
            panel.field.insert(ch)
            _pump(0.12)
        panel._last_ms = None  # the panel's own measure, of this query's last keystroke
        panel.field.insert(query[-1])
        _until(lambda: panel.last_search_ms() is not None and panel.query() == query.strip(), 10)
        samples.append(panel.last_search_ms())
    panel.close()
    samples.sort()
    result["search_ms"] = {
        "queries": len(samples), "median": round(statistics.median(samples), 1),
        "p95": round(samples[max(0, int(len(samples) * 0.95 + 0.5) - 1)], 1),
        "max": round(max(samples), 1)}
    result["rss_after_search_mib"] = _mib("VmRSS")

    model = window.cases.model
    opened = 0
    for row in range(0, 2000, 10):
        while model.rowCount() <= row and model.canFetchMore():
            model.fetchMore()
            _until(lambda: not _loading(model), 30)
        case = model.case_at(row)
        if case is None:
            break
        window.case_view.show_case(case.id)
        _until(lambda: not _loading(window.case_view), 30)
        _pump(0.01)
        # What the running event loop does between two clicks: delete what was replaced.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        opened += 1
    _pump(0.5)
    result["rss_after_opening_cases_mib"] = _mib("VmRSS")
    t = time.perf_counter()
    while model.canFetchMore():
        model.fetchMore()
        _until(lambda: not _loading(model), 30)
    window.cases.table.scrollToBottom()
    _pump(0.5)
    result["cases_opened"] = opened
    result["case_list_rows_after_scrolling"] = model.rowCount()
    result["fetch_all_cases_s"] = round(time.perf_counter() - t, 2)
    result["rss_after_browsing_mib"] = _mib("VmRSS")
    result["rss_peak_after_unlock_mib"] = _mib("VmHWM")
    window.close()
    session.close()
    app.processEvents()
    return result


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from . import generate as gen
    meta = gen.load_meta(len(argv) > 1 and argv[1] == "--small")
    queries = [q["query"] if isinstance(q, dict) else q for q in meta["queries"]]
    json.dump(run(argv[0], gen.PASSPHRASE, queries), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
