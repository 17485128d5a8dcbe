"""The window's memory while its reading queue reads screenshots (issue 15), for ocr.py.

    QT_QPA_PLATFORM=offscreen python -m tests.bench.ocr_window   (prints JSON, last line)

Held to 2 cores (the OCR worker it starts inherits that). A journal is made in a temporary
folder by a process of its own (`--make FOLDER`: the screenshots of tests/ocr_screenshots.py
painted there, so their painting is not in the window's memory): a platform, a case, and one
chat logged with PICTURES screenshots (desktop and phone, English and Chinese, with and
without the recovery phrase). Then the app's own window is started as tests/bench/window.py
does and unlocked; once the unlock has settled the process's peak (VmHWM) is reset, and the
events are pumped until the window's reading queue has read every picture (real OCR, in the
journal's worker process) and the journal says none waits.

- seconds: from the unlock's answer on the GUI thread until all are read;
- window_peak_mb: this process's VmHWM over the reading (MB, 10^6 bytes); the worker is a
  child process, so it is not in it; window_rss_after_mb: its VmRSS once all are read;
- worker_peak_mb: the worker's VmHWM, sampled by a thread every 50 ms while it runs;
- longest_stall_ms: the longest gap between two beats of the GUI thread's watchdog
  (gui_watch.Watchdog, 5 ms) during the reading, with the stalls over 50 ms beside it;
- smaps: /proc/self/smaps_rollup (Rss, Anonymous, shared/private file pages) before the
  unlock, after it, and after the reading: where the window's memory is.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MB = 10**6
TIMEOUT_S = 180.0
SHOTS = [(kind, lang, phrase) for phrase in (True, False)
         for kind in ("desktop", "phone") for lang in ("en", "zh")]
PICTURES = len(SHOTS)   # 8
ROLLUP = ("Rss", "Anonymous", "Shared_Clean", "Private_Clean", "Private_Dirty", "Swap")


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- memory ----------------------------------------------------------------------------------

def _status_kib(pid: int | str, field: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _mb(kib: int | None) -> float | None:
    return None if kib is None else round(kib * 1024 / MB, 1)


def _rollup_mb() -> dict:
    out = {}
    try:
        with open("/proc/self/smaps_rollup") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ROLLUP:
                    out[key] = _mb(int(rest.split()[0]))
    except OSError:
        pass
    return out


def _children(parent: int) -> list[int]:
    """The processes whose parent is `parent` (the OCR worker is started by subprocess)."""
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid …: comm may hold spaces and parentheses, so split after it
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 1 and int(fields[1]) == parent:
            found.append(int(name))
    return found


class WorkerSampler:
    """A thread that keeps the highest VmHWM (and VmRSS) of this process's children."""

    def __init__(self, every: float = 0.05):
        self.peak_kib = 0
        self.pids: set[int] = set()
        self._me = os.getpid()
        self._every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="worker-sampler", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        known: list[int] = []
        while not self._stop.wait(self._every):
            alive = [pid for pid in known if self._sample(pid)]
            if not alive:            # none known or it went: look again (a new worker)
                known = _children(self._me)
                alive = [pid for pid in known if self._sample(pid)]
            known = alive

    def _sample(self, pid: int) -> bool:
        hwm, rss = _status_kib(pid, "VmHWM"), _status_kib(pid, "VmRSS")
        if hwm is None and rss is None:
            return False
        self.pids.add(pid)
        self.peak_kib = max(self.peak_kib, hwm or 0, rss or 0)
        return True

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


# -- the journal (a process of its own) ------------------------------------------------------

def make(folder: str) -> None:
    """A journal in `folder` with one chat of PICTURES screenshots, none read yet."""
    from journal.ui.app import application
    app = application()   # painting the screenshots needs the app (the real one)
    from journal.domain.inputs import NewAttachment
    from journal.service import Journal
    from journal.store.keyheader import FLOOR
    from tests.ocr_screenshots import render

    from .generate import PASSPHRASE
    files = []
    for i, (kind, lang, phrase) in enumerate(SHOTS):
        shot = render(kind, lang, phrase=phrase)
        name = f"{i + 1:02d}-{kind}-{lang}{'-phrase' if phrase else ''}.png"
        files.append(NewAttachment(name, "image/png", data=shot.png))
    j, _ = Journal.create(Path(folder), passphrase=PASSPHRASE, kdf_params=dict(FLOOR))
    try:
        j.add_platform("CoinHarbor", kind="exchange", website="https://coinharbor.example")
        case = j.open_case("CoinHarbor", "Withdrawal pending for three days",
                           category="withdrawal")
        j.log(case.id, kind="chat", notes="Support chat, screenshots of it",
              start="2026-11-20T10:00:00+00:00", attachments=files)
        status = j.reading_status()
    finally:
        j.close()
    app.processEvents()
    print(json.dumps({"readable": status.readable, "waiting": status.waiting}))


def _make_journal(folder: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "tests.bench.ocr_window", "--make",
                           str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("making the journal failed: "
                           + (done.stderr.strip().splitlines() or ["?"])[-1])
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the window ------------------------------------------------------------------------------

def _ask(session, fn, timeout: float = 30.0):
    """fn(journal) through the session (off the GUI thread), its answer waited for."""
    from .window import _until
    box: dict = {}
    session.read(fn, lambda value: box.setdefault("value", value),
                 lambda text: box.setdefault("error", text), background=True)
    _until(lambda: box, timeout)
    if "error" in box:
        raise RuntimeError(box["error"])
    return box["value"]


def measure(folder: Path) -> dict:
    from PySide6.QtCore import QSettings

    from journal.ui.app import application
    from journal.ui.kit.session import Session
    from journal.ui.main_window import MainWindow

    from .generate import PASSPHRASE
    from .gui_watch import Watchdog
    from .window import _pump, _settled, _until

    app = application()
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(folder.parent))
    session = Session(str(folder))
    marks: dict = {}
    session.lockedChanged.connect(
        lambda locked: None if locked else marks.setdefault("unlocked", time.perf_counter()))
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    _pump(0.3)
    queue = window.reading.queue
    seen = {"running": False, "kept": 0, "failed": None}
    queue.fileKept.connect(lambda _aid: seen.__setitem__("kept", seen["kept"] + 1))
    queue.failed.connect(lambda text: seen.__setitem__("failed", text))
    queue.progressed.connect(lambda: queue.running and seen.__setitem__("running", True))
    out: dict = {"cpus": sorted(os.sched_getaffinity(0)),
                 "rss_before_unlock_mb": _mb(_status_kib("self", "VmRSS")),
                 "smaps_before_unlock_mb": _rollup_mb()}

    sampler = WorkerSampler()
    session.unlock(passphrase=PASSPHRASE, on_done=window._on_unlocked,
                   on_error=lambda text: marks.setdefault("error", text))
    _until(lambda: "unlocked" in marks or "error" in marks, 60)
    if "error" in marks:
        raise RuntimeError(marks["error"])
    unlocked = marks["unlocked"]
    _until(lambda: _settled(window), 60)
    out["unlock_settled_s"] = round(time.perf_counter() - unlocked, 3)
    out["peak_through_unlock_mb"] = _mb(_status_kib("self", "VmHWM"))
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")   # VmHWM starts again from VmRSS: the key derivation's peak left out
    out["rss_after_unlock_mb"] = _mb(_status_kib("self", "VmRSS"))
    out["smaps_after_unlock_mb"] = _rollup_mb()
    out["read_when_reset"] = seen["kept"]

    watchdog = Watchdog()
    reading_from = time.perf_counter()

    def finished() -> bool:
        if seen["failed"]:
            raise RuntimeError(f"the queue paused: {seen['failed']}")
        return seen["running"] and not queue.running and queue.waiting == 0

    try:
        while True:
            _until(finished, max(1.0, TIMEOUT_S - (time.perf_counter() - unlocked)))
            status = _ask(session, lambda j: j.reading_status())
            if status.waiting == 0:
                break
            _pump(0.1)   # the queue is between two files: let it go on
        read = time.perf_counter()
    finally:
        watchdog.stop()
        sampler.stop()
    stalls = watchdog.report(reading_from, read)
    out.update({
        "pictures": status.done, "readable": status.readable, "with_text": status.with_text,
        "no_text": status.no_text, "unreadable": status.unreadable,
        "files_kept": seen["kept"],
        "seconds": round(read - unlocked, 2),
        "window_peak_mb": _mb(_status_kib("self", "VmHWM")),
        "window_rss_after_mb": _mb(_status_kib("self", "VmRSS")),
        "smaps_after_reading_mb": _rollup_mb(),
        "worker_peak_mb": _mb(sampler.peak_kib) if sampler.pids else None,
        "worker_pids": len(sampler.pids),
        "longest_stall_ms": stalls["max_ms"],
        "stall_p99_ms": stalls["p99_ms"],
        "stalls_over_50ms": stalls["over_50ms"],
        "stalls": stalls["stalls"][:5]})
    _pump(0.5)
    out["window_rss_settled_mb"] = _mb(_status_kib("self", "VmRSS"))
    window.close()
    session.close()
    app.processEvents()
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:2])
    if argv[:1] == ["--make"]:
        make(argv[1])
        return 0
    with tempfile.TemporaryDirectory(prefix="ocr-window-") as tmp:
        folder = Path(tmp) / "journal"
        made = _make_journal(folder)
        if made["waiting"] != PICTURES:
            raise RuntimeError(f"the journal has {made['waiting']} pictures to read, "
                               f"not {PICTURES}")
        say(f"ocr window: reading {PICTURES} screenshots …")
        result = measure(folder)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
