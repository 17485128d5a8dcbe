"""The evidence-import part of `make bench` (--only evidence): an .mbox and a Telegram export
read and imported through the service, against issue 14's targets.

Made in a temporary folder from a fixed seed, the same files every run (evidence_files.py):
an .mbox as Google Takeout writes it, 1,000 support e-mails in threads, plain, HTML-only,
Chinese, with encoded headers, 20 % of them with base64 attachments, 100 MB in all; and a
Telegram Desktop export of one chat, result.json of 20,000 messages.

Each figure is one process of its own (a worker, on at most 2 cores): it creates a journal
(the floor's key derivation: unlock is not what is measured) and a case, then times
Journal.read_evidence (the preview the window shows) or Journal.import_evidence of the file.
Memory "above the baseline": just before the call the worker resets its peak (VmHWM, by
writing 5 to /proc/self/clear_refs) and reads its resident size (VmRSS), the app's baseline
with the journal open; after it, VmHWM is the peak of the call, and the figure is the one
minus the other. Every measurement runs RUNS times; the figure is the median of the runs.

Targets (issue 14): mbox preview ≤ 3 s, mbox import ≤ 20 s, its peak memory ≤ 300 MB above
the baseline; Telegram import of 20,000 messages ≤ 15 s.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import generate as gen
from .targets import at_most
from .evidence_files import make_mbox, make_telegram

RUNS = 3
MB = 10**6


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# -- the worker (a process of its own per figure) ---------------------------------------------

def _status_mib(key: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def worker(kind: str, source: str, folder: str) -> dict:
    """Create a journal and a case, then time the preview or the import of `source`."""
    import gc
    import resource
    cpus = sorted(os.sched_getaffinity(0))[:2]
    os.sched_setaffinity(0, cpus)          # "on 2 cores", whatever the machine has
    import journal.domain.evidence.email  # noqa: F401 - loaded before the baseline, as in the app
    import journal.domain.evidence.telegram  # noqa: F401
    from journal.service import Journal
    from journal.store.keyheader import FLOOR
    j, _ = Journal.create(Path(folder), passphrase=gen.PASSPHRASE, kdf_params=dict(FLOOR))
    try:
        j.add_platform("Binance", kind="exchange")
        case = j.open_case("Binance", "Withdrawal frozen", category="other").id
        gc.collect()
        with open("/proc/self/clear_refs", "w") as f:   # VmHWM starts again from VmRSS
            f.write("5")
        baseline = _status_mib("VmRSS")
        u0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        c0 = time.process_time()
        if kind == "preview":
            plan = j.read_evidence(source, case_id=case)
            files = plan.files
            made = plan.to_make
        else:
            result = j.import_evidence(case, source)
            files = result.files
            made = result.made
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
        peak = _status_mib("VmHWM")
        u1 = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        j.close()
    f = files[0]
    # User and system time apart: a run slowed by the machine (pages the host must fault in
    # anew) shows as system time and page faults, not as the reading's own work.
    return {"seconds": round(seconds, 3), "cpu_s": round(cpu, 3),
            "user_s": round(u1.ru_utime - u0.ru_utime, 3),
            "system_s": round(u1.ru_stime - u0.ru_stime, 3),
            "page_faults": u1.ru_minflt - u0.ru_minflt,
            "baseline_rss_mib": baseline, "peak_hwm_mib": peak,
            "above_baseline_mib": round(peak - baseline, 1),
            "above_baseline_mb": round((peak - baseline) * 2**20 / MB, 1),
            "process_maxrss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                                        / 1024, 1),
            "cpus": cpus, "messages": f.messages, "entries": len(f.entries), "made": made,
            "attachments": f.attachments,
            "senders": len({s for e in f.entries for s in e.senders}),
            "span": [f.start, f.end]}


def _run_worker(key: str, kind: str, source: Path, work: Path, i: int) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(gen.ROOT), env.get("PYTHONPATH")]))
    folder = work / f"journal-{key}-{i}"
    done = subprocess.run([sys.executable, "-m", "tests.bench.evidence_import", "--worker",
                           kind, str(source), str(folder)], cwd=gen.ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        return {"failed": (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _series(runs: list[dict]) -> dict:
    ok = [r for r in runs if "failed" not in r]
    if len(ok) < len(runs):
        return {"failed": next(r["failed"] for r in runs if "failed" in r), "runs": runs}
    out = dict(ok[-1])
    for key in ("seconds", "cpu_s", "user_s", "system_s", "above_baseline_mib",
                "above_baseline_mb"):
        out[key] = round(statistics.median(r[key] for r in ok), 3)
    out["runs_s"] = [r["seconds"] for r in ok]
    out["runs_above_baseline_mb"] = [r["above_baseline_mb"] for r in ok]
    return out


def bench(runs: int = RUNS) -> dict:
    res: dict = {"runs_each": runs, "figure": f"median of {runs} runs, each its own process",
                 "memory": "VmHWM after the call minus VmRSS just before it (VmHWM reset by "
                           "/proc/self/clear_refs), in the worker process"}
    with tempfile.TemporaryDirectory(prefix="bench-evidence-") as tmp:
        work = Path(tmp)
        say("evidence: writing the mbox and the Telegram export …")
        t0 = time.perf_counter()
        mbox = work / "Takeout" / "Mail" / "Support.mbox"
        mbox.parent.mkdir(parents=True)
        res["mbox"] = make_mbox(mbox)
        res["telegram"] = make_telegram(work / "ChatExport_2026-12-01")
        res["generation_s"] = round(time.perf_counter() - t0, 1)
        result_json = work / "ChatExport_2026-12-01" / "result.json"
        for key, kind, source in (("mbox_preview", "preview", mbox),
                                  ("mbox_import", "import", mbox),
                                  ("telegram_preview", "preview", result_json),
                                  ("telegram_import", "import", result_json)):
            say(f"evidence: {key.replace('_', ' ')}, {runs} runs …")
            res[key] = _series([_run_worker(key, kind, source, work, i) for i in range(runs)])
    res["targets"] = target_rows(res)
    return res


# -- report ----------------------------------------------------------------------------------

def target_rows(res: dict) -> list[dict]:
    m = res.get("mbox", {})
    size = f"{m.get('messages', 0):,} e-mails, {m.get('bytes', 0) / MB:.0f} MB"
    rows = [(f"evidence: mbox preview (read_evidence), {size}",
             (res.get("mbox_preview") or {}).get("seconds"), "s", 3),
            ("evidence: mbox import (import_evidence)",
             (res.get("mbox_import") or {}).get("seconds"), "s", 20),
            ("evidence: mbox import, peak memory above the baseline",
             (res.get("mbox_import") or {}).get("above_baseline_mb"), "MB", 300),
            (f"evidence: Telegram import, {res.get('telegram', {}).get('messages', 0):,} "
             f"messages", (res.get("telegram_import") or {}).get("seconds"), "s", 15)]
    return at_most(rows)


def info_rows(res: dict | None) -> list[tuple[str, str]]:
    if not res:
        return []
    m, t = res["mbox"], res["telegram"]
    out = [("evidence files", f"mbox {m['messages']:,} messages in {m['threads']} threads, "
                              f"{m['html_only']} HTML-only, {m['with_attachments']} with "
                              f"{m['attachments']} attachments "
                              f"({m['attachment_bytes'] / MB:.0f} MB), {m['bytes'] / MB:.1f} "
                              f"MB; Telegram result.json {t['messages']:,} messages, "
                              f"{t['bytes'] / MB:.1f} MB, {t['photos']} photos beside it; "
                              f"written in {res['generation_s']} s; {res['figure']}; "
                              f"memory: {res['memory']}")]
    for key in ("mbox_preview", "mbox_import", "telegram_preview", "telegram_import"):
        r = res.get(key) or {}
        label = "evidence: " + key.replace("_", " ")
        if "failed" in r:
            out.append((label, f"FAILED ({r['failed']})"))
            continue
        out.append((label, f"{r['seconds']} s (runs {r['runs_s']}), CPU {r['cpu_s']} s "
                           f"(user {r['user_s']}, system {r['system_s']}); "
                           f"peak {r['above_baseline_mb']} MB above the baseline of "
                           f"{r['baseline_rss_mib']} MiB; {r['messages']:,} messages, "
                           f"{r['entries']:,} entries, {r['attachments']} attachments, "
                           f"{r['senders']} senders, {r['span'][0]} … {r['span'][1]}"))
    return out


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=RUNS)
    ap.add_argument("--worker", nargs=3, metavar=("KIND", "SOURCE", "FOLDER"))
    ap.add_argument("--write", metavar="FOLDER",
                    help="only write the mbox and the Telegram export into FOLDER")
    args = ap.parse_args(argv)
    os.environ["JOURNAL_KDF_TARGET_SECONDS"] = "0"
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0
    if args.write:
        folder = Path(args.write)
        folder.mkdir(parents=True, exist_ok=True)
        print(json.dumps({"mbox": make_mbox(folder / "Support.mbox"),
                          "telegram": make_telegram(folder / "telegram")}))
        return 0
    res = bench(max(1, args.runs))
    print(json.dumps(res, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
