"""The window against its targets, on the generated 100,000-interaction journal.

    python -m tests.bench.window JOURNAL_DIR   (run by `make bench`; prints JSON)

- unlock done → case list shown: from the moment the unlock finished (key derived,
  database open) until the case table has rows and has painted them;
- search: the time from the last keystroke to the results on screen, typing each
  benchmark query at ~8 keys a second into the search panel;
- memory: resident size of the process after start, after the searches, and after
  opening 200 cases and scrolling the case list to its end (VmHWM is the peak).
"""
from __future__ import annotations

import json
import os
import statistics
import sys
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


def run(journal_dir: str, passphrase: str, queries: list[str]) -> dict:
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from journal.ui.app import application
    from journal.ui.main_window import MainWindow
    from journal.ui.session import Session

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
        case = model.case_at(row)
        if case is None:
            break
        window.case_view.show_case(case.id)
        _pump(0.01)
        # What the running event loop does between two clicks: delete what was replaced.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        opened += 1
    _pump(0.5)
    result["rss_after_opening_cases_mib"] = _mib("VmRSS")
    t = time.perf_counter()
    while model.canFetchMore():
        model.fetchMore()
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
