"""The window against its targets, on the generated 100,000-interaction journal.

    python -m tests.bench.window JOURNAL_DIR   (run by `make bench`; prints JSON)

- unlock done → case list painted: from the moment the unlock's answer reaches the GUI
  thread (key derived, database open) until the case table has rows and has painted them;
  then until the window has settled (every view's first read answered, the selected case and
  its timeline painted, nothing left queued). In that interval an event-loop watchdog (a 5 ms
  heartbeat on the GUI thread, and a thread that samples the GUI thread's Python stack while a
  beat is late) gives the longest stall and lists each one over 50 ms with what the GUI thread
  was running; beside it, every read the views asked for (by asker: each should read once)
  and any journal call made on the GUI thread. Measured twice: the first unlock, and an
  unlock after a lock with a case open (the view shows it again);
- search: the time from the last keystroke to the results on screen, typing each
  benchmark query at ~8 keys a second into the search panel;
- memory: resident size of the process after start, after the searches, and after
  opening 200 cases and scrolling the case list to its end (VmHWM is the peak);
- live call: Ctrl+T pressed in the window with a case open, until the call panel shows with
  its notes field focused and painted (the first call after the unlock, then nine more, each
  discarded);
- GUI stall while browsing: the same watchdog while the case list is scrolled down page by
  page and 20 cases are opened one after another (each waited for until it shows); the
  longest gap between two beats, the 99th percentile, and the stalls over 50 ms with their
  cause. Beside it, the time journal calls spent on the GUI thread in that script.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time

from .gui_watch import GuiJournalCalls, PaintWatch, ReadLog, Watchdog

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


# -- unlock → a window ready ---------------------------------------------------------------

def _settled(window) -> bool:
    """Every view has its answer and nothing is queued: what the unlock shows is on screen."""
    view, timeline = window.case_view, window.case_view.timeline
    if hasattr(timeline, "settled"):
        cards_done = timeline.settled()   # every card laid out and placed
    else:                                 # (the timeline of widgets: every card built)
        cards_done = not getattr(timeline, "_waiting", None)
    return (not window.session.busy and not _loading(window.cases.model)
            and not _loading(view) and not _loading(timeline) and cards_done
            and not _loading(window.promises))


def _measure_unlock(window, session, passphrase: str, marks: dict) -> dict:
    """Unlock, and follow the window until it has settled: see the module's docstring."""
    cases, view = window.cases, window.case_view
    list_painted = PaintWatch(cases.table.viewport(), lambda: cases.model.rowCount() > 0)
    # The cards are painted on the timeline's viewport (a widget of cards, before: its own)
    timeline = view.timeline
    cards = timeline.widget() if hasattr(timeline, "widget") else timeline.viewport()
    case_painted = PaintWatch(cards, lambda: view.current_case_id() is not None
                              and not _loading(view) and view.title.text() != "")
    reads, calls = ReadLog(session), GuiJournalCalls()
    watchdog = Watchdog()
    marks.clear()
    t0 = time.perf_counter()
    session.unlock(passphrase=passphrase, on_done=window._on_unlocked,
                   on_error=lambda text: marks.setdefault("error", text))
    try:
        _until(lambda: list_painted.at or "error" in marks, 60)
        if "error" in marks:
            raise RuntimeError(marks["error"])
        _until(lambda: _settled(window) and (view.current_case_id() is None
                                            or case_painted.at is not None), 60)
        settled = time.perf_counter()
        _pump(0.3)   # what the settled window still does (deferred deletes, late paints)
    finally:
        watchdog.stop()
        reads.remove()
        calls.remove()
        list_painted.remove()
        case_painted.remove()
    done = marks["unlocked"]
    end = time.perf_counter()
    until_list = watchdog.report(done, list_painted.at)
    until_settled = watchdog.report(done, end)
    return {"unlock_s": round(done - t0, 3),
            "to_case_list_s": round(list_painted.at - done, 3),
            "case_shown": view.current_case_id(),
            "to_case_painted_s": (round(case_painted.at - done, 3) if case_painted.at
                                  else None),
            "to_settled_s": round(settled - done, 3),
            "cases_shown": cases.model.rowCount(),
            "stall_until_case_list": {k: until_list[k] for k in ("max_ms", "over_50ms")},
            "stall_until_settled": until_settled,
            "reads": reads.between(t0, end, done),
            "journal_on_gui_thread": calls.between(done, end)}


# -- a live call ---------------------------------------------------------------------------

def _measure_start_call(window, tries: int = 10) -> dict:
    """Ctrl+T (a real key press) → the panel shown, its notes field focused and painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    capture = window.capture
    painted = PaintWatch(capture.notes.viewport(), lambda: capture.notes.hasFocus())
    window.activateWindow()
    _pump(0.2)
    samples = []
    try:
        for _ in range(tries):
            painted.at = None
            target = QApplication.focusWidget() or window
            t0 = time.perf_counter()
            QTest.keyClick(target, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
            _until(lambda: capture.isVisible() and capture.notes.hasFocus()
                   and painted.at is not None, 10)
            samples.append((painted.at - t0) * 1000)
            _pump(0.3)
            capture.cancel_call()
            _until(lambda: not capture.isVisible(), 10)
            _until(lambda: not window.session.busy, 10)
            _pump(0.2)
    finally:
        painted.remove()
    rest = sorted(samples[1:]) or samples
    return {"first_ms": round(samples[0], 1), "median_ms": round(statistics.median(rest), 1),
            "max_ms": round(max(samples), 1), "tries": len(samples)}


# -- browsing ------------------------------------------------------------------------------

def _stall_while_browsing(window, session, cases: int = 20, pages: int = 60) -> dict:
    """Scroll the case list down page by page, then open `cases` cases one after another,
    waiting for each to show; measure the GUI thread's longest stall meanwhile."""
    from PySide6.QtWidgets import QAbstractSlider

    from journal.ui.cases.case_list import TITLE
    window.show_cases()
    table, model, view = window.cases.table, window.cases.model, window.case_view
    calls = GuiJournalCalls()
    watchdog = Watchdog()
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
    watchdog.stop()
    calls.remove()
    end = time.perf_counter()
    result = watchdog.report(started, end)
    result["ticks"] = result.pop("beats")
    on_gui = calls.between(started, end)
    result.update({"seconds": round(end - started, 2),
                   "case_list_rows": scrolled_rows, "cases_opened": len(opened),
                   "journal_on_gui_thread": {
                       **on_gui,
                       # kept for the report's older row: the journal time inside one stall
                       "most_in_one_stall_ms": on_gui["longest_ms"]}})
    return result


# -- the whole script ----------------------------------------------------------------------

def run(journal_dir: str, passphrase: str, queries: list[str], *,
        unlock_only: bool = False) -> dict:
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from journal.ui.app import application
    from journal.ui.kit.session import Session
    from journal.ui.main_window import MainWindow

    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      os.environ.get("TMPDIR", "/tmp"))
    session = Session(journal_dir)
    marks: dict = {}
    # Connected before any view: the first to hear that the unlock is done.
    session.lockedChanged.connect(
        lambda locked: None if locked else marks.setdefault("unlocked", time.perf_counter()))
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    _pump(0.3)
    result = {"rss_before_unlock_mib": _mib("VmRSS")}

    first = _measure_unlock(window, session, passphrase, marks)
    result["unlock_s"] = first["unlock_s"]
    result["unlock_to_case_list_s"] = first["to_case_list_s"]
    result["cases_shown"] = first["cases_shown"]
    result["unlock_window"] = first
    _pump(0.5)
    result["rss_after_unlock_mib"] = _mib("VmRSS")

    # Locked with a case open (auto-lock, Ctrl+L); unlocking shows that case again.
    model = window.cases.model
    window.open_case(model.case_at(min(3, model.rowCount() - 1)).id)
    _until(lambda: not _loading(window.case_view) and _settled(window), 30)
    _pump(0.3)
    window.lock()
    _until(lambda: not session.busy, 30)
    _pump(0.2)
    result["unlock_again_window"] = _measure_unlock(window, session, passphrase, marks)
    _pump(0.5)
    if unlock_only:
        window.close()
        session.close()
        return result

    result["start_call"] = _measure_start_call(window)
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
    """JOURNAL_DIR [--small] [--unlock-only] (the unlock measurements alone: quick runs)."""
    argv = sys.argv[1:] if argv is None else argv
    from . import generate as gen
    meta = gen.load_meta("--small" in argv[1:])
    queries = [q["query"] if isinstance(q, dict) else q for q in meta["queries"]]
    json.dump(run(argv[0], gen.PASSPHRASE, queries, unlock_only="--unlock-only" in argv[1:]),
              sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
