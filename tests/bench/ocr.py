"""The OCR part of `make bench` (--only ocr): reading screenshots, against issue 15's targets.

In a process of its own, held to 2 cores (the OCR worker it starts inherits that): the chat
screenshots of tests/ocr_screenshots.py (a 1600×1000 desktop help-centre chat and a
1080×2400 phone chat, each in English and Chinese, with a recovery phrase) are read by the
journal's own reader (journal/ocr/client.py: the worker process, bytes through a pipe).

- time: each screenshot is read RUNS times; the figure is the median of the warm reads of
  the desktop (or phone) shots of both languages. The first reading of all, which starts
  the worker and loads its models, is reported apart ("cold").
- character error rate: per language, over its desktop and phone shots (the same measure
  as tests/test_ocr_reader.py: the characters read against the characters painted, white
  space ignored).
- the worker's peak resident memory (its VmHWM after the reads), reported apart.
- the window's resident memory while its reading queue works: tests/bench/ocr_window.py,
  in a process of its own (the app, offscreen, unlocking a journal of screenshots and
  reading them all); the worker is a child process, so it is not in the window's figure.
- what `journal --help` loads: no OCR library (rapidocr, onnxruntime, numpy, PIL) may be
  imported by it; the --help time itself is the "help" part's figure.

Targets (issue 15): median ≤ 4 s desktop, ≤ 6 s phone; CER ≤ 3 % English, ≤ 5 % Chinese;
the window's resident memory with the worker running ≤ 300 MB.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from .targets import at_most

RUNS = 3
SHOTS = [("desktop", "en"), ("phone", "en"), ("desktop", "zh"), ("phone", "zh")]
HEAVY = ("rapidocr", "onnxruntime", "numpy", "PIL", "cv2", "pypdf")


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _hwm_mib(pid: int | str = "self") -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def measure(runs: int = RUNS) -> dict:
    """The readings themselves, in this process (run as its own by bench())."""
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from journal.ocr.client import Reader
    from tests.ocr_screenshots import render
    from tests.test_ocr_reader import cer
    shots = {key: render(*key) for key in SHOTS}
    out: dict = {"cpus": sorted(os.sched_getaffinity(0)), "runs_each": runs, "shots": {}}
    reader = Reader()
    try:
        t0 = time.perf_counter()
        reader.read_image(shots[SHOTS[0]].png)
        out["cold_first_read_s"] = round(time.perf_counter() - t0, 3)
        for key, shot in shots.items():
            times, rates = [], []
            for _ in range(runs):
                t0 = time.perf_counter()
                recognised = reader.read_image(shot.png)
                times.append(round(time.perf_counter() - t0, 3))
                rates.append(cer(shot, recognised))
            out["shots"]["-".join(key)] = {"runs_s": times, "median_s": statistics.median(times),
                                           "cer": round(statistics.median(rates), 4),
                                           "bytes": len(shot.png)}
        out["worker_peak_mib"] = _hwm_mib(reader.pid)
    finally:
        reader.close()
    for kind in ("desktop", "phone"):
        runs_s = [t for k, v in out["shots"].items() if k.startswith(kind) for t in v["runs_s"]]
        out[f"{kind}_median_s"] = round(statistics.median(runs_s), 3)
    for lang in ("en", "zh"):
        out[f"cer_{lang}"] = round(statistics.mean(
            v["cer"] for k, v in out["shots"].items() if k.endswith(lang)), 4)
    return out


def help_imports() -> list[str]:
    """The OCR libraries `python -m journal --help` imports (none, if all is well)."""
    code = ("import runpy, sys\nsys.argv = ['journal', '--help']\n"
            "try:\n    runpy.run_module('journal', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            f"print('\\n'.join(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    return sorted({m.split(".")[0] for m in done.stdout.split()
                   if m.split(".")[0] in HEAVY})


def bench() -> dict:
    from . import generate as gen
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(gen.ROOT),
                                                       os.environ.get("PYTHONPATH")]))}
    say("ocr: reading the screenshots …")
    done = subprocess.run([sys.executable, "-m", "tests.bench.ocr", "--measure"], cwd=gen.ROOT,
                          env=env, capture_output=True, text=True)
    res = json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 else \
        {"failed": (done.stderr.strip().splitlines() or ["?"])[-1]}
    res["help_imports"] = help_imports()
    say("ocr: the window reading its queue …")
    win = subprocess.run([sys.executable, "-m", "tests.bench.ocr_window"], cwd=gen.ROOT,
                         env=env, capture_output=True, text=True)
    res["window"] = json.loads(win.stdout.strip().splitlines()[-1]) if win.returncode == 0 \
        else {"failed": (win.stderr.strip().splitlines() or ["?"])[-1]}
    res["targets"] = target_rows(res)
    return res


def target_rows(res: dict) -> list[dict]:
    w = res.get("window") or {}
    return at_most([
        ("ocr: desktop screenshot 1600×1000, median (warm, 2 cores)",
         res.get("desktop_median_s"), "s", 4),
        ("ocr: phone screenshot 1080×2400, median (warm, 2 cores)",
         res.get("phone_median_s"), "s", 6),
        ("ocr: character error rate, English set", _pct(res.get("cer_en")), "%", 3),
        ("ocr: character error rate, Chinese set", _pct(res.get("cer_zh")), "%", 5),
        ("ocr: window resident memory (peak) while its queue reads",
         w.get("window_peak_mb"), "MB", 300),
        ("ocr: OCR libraries imported by journal --help", len(res.get("help_imports", [1])),
         "modules", 0)])


def _pct(value):
    return None if value is None else round(100 * value, 2)


def info_rows(res: dict | None) -> list[tuple[str, str]]:
    if not res:
        return []
    if "failed" in res:
        return [("ocr", f"FAILED ({res['failed']})")]
    out = [("ocr: cold first read (worker start and models)", f"{res['cold_first_read_s']} s"),
           ("ocr: worker peak resident memory", f"{res['worker_peak_mib']} MiB")]
    for key, v in res["shots"].items():
        out.append((f"ocr: {key}", f"median {v['median_s']} s (runs {v['runs_s']}), CER "
                                   f"{100 * v['cer']:.2f} %"))
    w = res.get("window") or {}
    if "failed" in w:
        out.append(("ocr: window", f"FAILED ({w['failed']})"))
    elif w:
        out.append(("ocr: window", f"{w['pictures']} pictures read in {w['seconds']} s; "
                                   f"window peak {w['window_peak_mb']} MB, worker peak "
                                   f"{w['worker_peak_mb']} MB; longest GUI stall while "
                                   f"reading {w['longest_stall_ms']} ms"))
    out.append(("ocr: libraries loaded by --help", ", ".join(res["help_imports"]) or "none"))
    return out


if __name__ == "__main__":
    if "--measure" in sys.argv:
        print(json.dumps(measure()))
    else:
        result = bench()
        for row in result["targets"]:
            print(f"{row['result']:5} {row['name']}: {row['value']} {row['unit']} "
                  f"(≤ {row['target']})")
        for name, text in info_rows(result):
            print(f"      {name}: {text}")
