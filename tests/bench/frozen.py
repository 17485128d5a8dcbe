"""The frozen app's part of `make bench` (--only frozen), against issue 17's targets: run
`make package` first. Measures the built app in dist/, not the checkout:

- its size on disk, the app and its optional text reader, and what dominates each;
- start to the unlock screen: the frozen `journal` started on an existing journal, until its
  window is on the screen (xdotool waits for it to be mapped and visible), five times; the
  first start is "cold-ish" (the files may still be in the page cache from the build), the
  median of the other four is "warm". Needs an X screen (DISPLAY, e.g. under xvfb-run) and
  xdotool; without them the timing is skipped and says so;
- `journal --version`, the CLI's start in the frozen app.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from .targets import at_most

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "dist" / "support-journal"
READER = ROOT / "dist" / "support-journal-ocr"
PASSPHRASE = "bench frozen passphrase 17 horse"


def _mib(path: Path) -> float:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())
    return round(total / 2**20, 1)


def _largest(path: Path, count: int = 6) -> dict[str, float]:
    """The biggest parts of a frozen folder (its _internal/ entries), in MiB."""
    inside = path / "_internal"
    sizes = {entry.name: (_mib(entry) if entry.is_dir() else round(entry.stat().st_size / 2**20, 1))
             for entry in inside.iterdir() if not entry.is_symlink()}
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1])[:count])


def _start_to_window(env: dict, runs: int) -> list[float] | str:
    if not env.get("DISPLAY") or shutil.which("xdotool") is None:
        return "not measured: needs an X screen (DISPLAY; xvfb-run) and xdotool"
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        app = subprocess.Popen([str(APP / "journal")], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                            str(app.pid), "--name", "."], env=env, capture_output=True,
                           timeout=60, check=True)
            times.append(time.perf_counter() - began)
        finally:
            app.terminate()
            app.wait(timeout=30)
    return times


def bench(runs: int = 5) -> dict:
    if not (APP / "journal").exists():
        return {"skipped": "dist/support-journal/journal does not exist: run `make package`"}
    res: dict = {"app_mib": _mib(APP), "app_largest_mib": _largest(APP)}
    if READER.exists():
        res["reader_mib"] = _mib(READER)
        res["reader_largest_mib"] = _largest(READER)
        models = READER / "_internal" / "rapidocr" / "models"
        res["reader_models_mib"] = _mib(models) if models.exists() else None
    with tempfile.TemporaryDirectory() as base:
        env = {**os.environ, "JOURNAL_DIR": f"{base}/journal", "JOURNAL_PASSPHRASE": PASSPHRASE,
               "HOME": base, "XDG_CONFIG_HOME": f"{base}/config"}
        env.pop("QT_QPA_PLATFORM", None)
        subprocess.run([str(APP / "journal"), "init"], env=env, capture_output=True, check=True)
        env.pop("JOURNAL_PASSPHRASE")
        version = []
        for _ in range(5):
            began = time.perf_counter()
            subprocess.run([str(APP / "journal"), "--version"], env=env, capture_output=True,
                           check=True)
            version.append(time.perf_counter() - began)
        res["version_median_s"] = round(statistics.median(version), 3)
        times = _start_to_window(env, runs)
    if isinstance(times, str):
        res["start_to_unlock_screen"] = times
        warm = None
    else:
        warm = round(statistics.median(times[1:]), 2)
        res["start_to_unlock_screen"] = {"first_s": round(times[0], 2), "warm_median_s": warm,
                                         "all_s": [round(t, 2) for t in times]}
    res["targets"] = at_most([
        ("frozen: the app on disk (without the text reader)", round(res["app_mib"] * 2**20 / 1e6),
         "MB", 250),
        ("frozen: start to the unlock screen, warm (median)", warm, "s", 2),
    ])
    return res


if __name__ == "__main__":
    import json
    print(json.dumps(bench(), indent=2))
