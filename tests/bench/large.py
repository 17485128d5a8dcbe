"""The large-evidence part of `make bench` (--only large): what a journal with 1 GiB of
attachments costs, against the machine's own tools on the same file, in the same run.

Each figure is one process of its own, so its peak resident memory is its own (its ru_maxrss
from os.wait4 in a small launcher, see LAUNCHER), timed from start to exit:

  journal check / backup FILE / dump --output FILE   on a copy of the cached journal
  journal import FILE                                that dump, into a fresh `journal init`
  sha256sum journal.db ; cp journal.db COPY + sync COPY   the same database file
  attach 200 MiB from bytes / from a path            Journal.log(attachments=…) in a worker,
                                                     into a fresh journal; timed in it

The CLI gets the journal from JOURNAL_DIR and the passphrase from JOURNAL_PASSPHRASE. Warm:
nothing is dropped from the page cache, so the tools and the journal read from memory alike.
Every measurement runs RUNS times (--large-runs, default 2); the figure is the median of the
runs after the first (with 2: the second). Targets (issue 12), ratios from the same run:
import peak RSS ≤ 400 MB and time ≤ 1.5 × dump; check ≤ 2 × sha256sum; backup ≤ 2 × cp +
sync; attach from bytes ≤ 1.2 × from a path. The per-run files are removed afterwards; only
the cached journal (large_journal.py) stays.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import generate as gen
from .targets import at_most
from . import large_journal

MIB = 2**20
ATTACH_BYTES = {False: 200 * MIB, True: 20 * MIB}     # --small: 20 MiB
WORK = gen.OUT / "work" / "large"


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _env(folder: Path | None = None) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(gen.ROOT), env.get("PYTHONPATH")]))
    env["JOURNAL_PASSPHRASE"] = gen.PASSPHRASE
    env["JOURNAL_KDF_TARGET_SECONDS"] = "0"     # `journal init`: the floor's key derivation
    env.pop("JOURNAL_PASSPHRASE_FILE", None)
    if folder is not None:
        env["JOURNAL_DIR"] = str(folder)
    return env


# The measured command is started by this small launcher, not by the bench itself: a child's
# ru_maxrss starts from the high-water mark of the process that forked it (Linux carries it
# through exec), so it has to be forked by a process as small as this one, which then times
# it and reports its rusage. Its floor: the launcher's own ~10 MiB.
LAUNCHER = r"""
import json, os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
with open(sys.argv[1], "w") as f:
    json.dump({"seconds": seconds, "peak_rss_kib": usage.ru_maxrss}, f)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def measured(argv: list[str], env: dict | None = None) -> dict:
    """Run `argv` to its end: wall seconds, the process's peak RSS, exit code, its output."""
    with tempfile.TemporaryDirectory(prefix="bench-large-") as tmp:
        out_path, err_path = Path(tmp, "stdout"), Path(tmp, "stderr")
        usage = Path(tmp, "rusage.json")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            rc = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, str(usage), *argv],
                                cwd=gen.ROOT, env=env or _env(), stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err).returncode
        run = json.loads(usage.read_text()) if usage.is_file() else {"seconds": 0,
                                                                      "peak_rss_kib": 0}
        run.update(rc=rc, stdout=out_path.read_text("utf-8", "replace"),
                   stderr=err_path.read_text("utf-8", "replace"))
    return run


# For information beside sha256sum (coreutils' own SHA-256 does not use the CPU's SHA
# instructions; OpenSSL's, which Python's hashlib and SQLCipher use, does).
HASHLIB = r"""
import hashlib, sys
h = hashlib.sha256()
with open(sys.argv[1], "rb") as f:
    while block := f.read(1 << 20):
        h.update(block)
print(h.hexdigest())
"""


def journal_cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "journal", *args]


def _remove(*paths: Path) -> None:
    for p in paths:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists():
            p.unlink()


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "?"


class Series:
    """The runs of one measurement: the figure is the median of all but the first."""

    def __init__(self, name: str):
        self.name, self.runs, self.failed = name, [], None

    def add(self, run: dict, ok: bool | None = None, why: str | None = None) -> None:
        ok = run["rc"] == 0 if ok is None else ok
        if not ok and self.failed is None:
            self.failed = why if run["rc"] == 0 and why else \
                f"exit {run['rc']}: {_last_line(run['stderr'] or run['stdout'])}"
        self.runs.append({"seconds": round(run["seconds"], 3),
                          "peak_rss_mib": round(run["peak_rss_kib"] / 1024, 1),
                          **({"in_process_s": run["in_process_s"]} if "in_process_s" in run
                             else {})})

    def figure(self, key: str = "seconds") -> float | None:
        if self.failed or not self.runs:
            return None
        kept = self.runs[1:] or self.runs
        return round(statistics.median(r[key] for r in kept), 3)

    def summary(self) -> dict:
        out = {"runs": self.runs, "seconds": self.figure(),
               "peak_rss_mib": self.figure("peak_rss_mib")}
        if out["peak_rss_mib"] is not None:
            out["peak_rss_mb"] = round(out["peak_rss_mib"] * MIB / 1e6, 1)
        if self.runs and "in_process_s" in self.runs[0]:
            out["in_process_s"] = self.figure("in_process_s")
        if self.failed:
            out["failed"] = self.failed
        return out


# -- attach worker (runs in its own process) ---------------------------------------------

def attach_worker(how: str, folder: str, source: str) -> dict:
    """Create a journal, then time Journal.log with `source` attached from a path or from
    the bytes already in memory (as a paste is); the creation is not timed."""
    from journal.domain.inputs import NewAttachment
    from journal.service import Journal
    from journal.store.keyheader import FLOOR
    j, _ = Journal.create(Path(folder), passphrase=gen.PASSPHRASE, kdf_params=dict(FLOOR))
    try:
        j.add_platform("Binance", kind="exchange")
        case = j.open_case("Binance", "Withdrawal frozen", category="other").id
        if how == "bytes":
            attachment = NewAttachment("screen-recording.mp4", "video/mp4",
                                       data=Path(source).read_bytes())
        else:
            attachment = source
        rss_before = _vm_hwm_mib()
        t0 = time.perf_counter()
        j.log(case, kind="chat", notes="Screen recording of the frozen withdrawal.",
              attachments=[attachment])
        seconds = time.perf_counter() - t0
        stored = j.db.one("SELECT sum(size) FROM attachments")[0]
    finally:
        j.close()
    return {"in_process_s": round(seconds, 3), "hwm_before_log_mib": rss_before,
            "stored_bytes": stored}


def _vm_hwm_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _attach_run(how: str, source: Path, i: int) -> dict:
    folder = WORK / f"attach-{how}-{i}"
    _remove(folder)
    run = measured([sys.executable, "-m", "tests.bench.large", "--attach-worker", how,
                    str(folder), str(source)])
    _remove(folder)
    if run["rc"] == 0:
        doc = json.loads(run["stdout"].strip().splitlines()[-1])
        run["in_process_s"] = doc["in_process_s"]
        if doc["stored_bytes"] != source.stat().st_size:
            run["rc"], run["stderr"] = -1, f"stored {doc['stored_bytes']} bytes of " \
                                           f"{source.stat().st_size}"
    return run


# -- the part -----------------------------------------------------------------------------

def free_space_needed(meta: dict) -> int:
    """The cached journal's copy, a dump (~1.4 × the data, base64), its import (and its WAL),
    a backup, a cp copy and the attach source and journal: ~6 × the database, with room."""
    return int(meta["db_bytes"] * 6.5) + 3 * ATTACH_BYTES[meta["small"]]


def bench(small: bool = False, runs: int = 2, regenerate: bool = False) -> dict:
    meta = large_journal.ensure(small=small, regenerate=regenerate)
    src = large_journal.cache_dir(small) / "journal"
    _remove(WORK)
    WORK.mkdir(parents=True)
    free = shutil.disk_usage(WORK).free
    need = free_space_needed(meta)
    res = {"journal": {k: meta[k] for k in ("counts", "attachment_bytes", "db_bytes", "kdf",
                                            "largest_attachment")},
           "runs_each": runs,
           "figure": "median of the runs after the first" if runs > 1 else "the one run",
           "page_cache": "warm: nothing dropped from the page cache (tools and journal alike)",
           "free_space_gib": round(free / 2**30, 1), "needed_gib": round(need / 2**30, 1),
           "attach_size_bytes": ATTACH_BYTES[small]}
    if free < need:
        res["skipped"] = (f"Only {free / 2**30:.1f} GiB free in {WORK.parent}, the "
                          f"large-evidence part needs {need / 2**30:.1f} GiB, so it was skipped.")
        say(res["skipped"])
        res["targets"] = target_rows(res)
        return res
    work_journal = WORK / "journal"
    work_journal.mkdir()
    for name in ("journal.db", "journal.key"):
        shutil.copyfile(src / name, work_journal / name)
    db_file = work_journal / "journal.db"
    env = _env(work_journal)
    s = {k: Series(k) for k in ("sha256sum", "hashlib_sha256", "check", "cp_sync", "backup",
                                "dump", "import", "attach_path", "attach_bytes")}
    try:
        # A first open may migrate the copy: that is the first (uncounted) check run's doing.
        for i in range(runs):
            say(f"large: sha256sum and check, run {i + 1} of {runs} …")
            s["sha256sum"].add(measured(["sha256sum", str(db_file)]))
            s["hashlib_sha256"].add(measured([sys.executable, "-c", HASHLIB, str(db_file)]))
            s["check"].add(measured(journal_cli("check"), env))
        res["db_bytes_measured"] = db_file.stat().st_size
        for i in range(runs):
            say(f"large: cp + sync and backup, run {i + 1} of {runs} …")
            copy, backup = WORK / f"cp-{i}.db", WORK / f"backup-{i}.db"
            s["cp_sync"].add(measured(["sh", "-c", 'cp "$1" "$2" && sync "$2"', "cp+sync",
                                       str(db_file), str(copy)]))
            _remove(copy)
            run = measured(journal_cli("backup", str(backup)), env)
            s["backup"].add(run, run["rc"] == 0 and backup.is_file(), "no backup file")
            res["backup_bytes"] = backup.stat().st_size if backup.is_file() else None
            _remove(backup)
        for i in range(runs):
            say(f"large: dump and import, run {i + 1} of {runs} …")
            dump, fresh = WORK / f"dump-{i}.json", WORK / f"imported-{i}"
            s["dump"].add(measured(journal_cli("dump", "--output", str(dump)), env))
            res["dump_bytes"] = dump.stat().st_size if dump.is_file() else None
            init = measured(journal_cli("init"), _env(fresh))
            if init["rc"] != 0:
                s["import"].add(init, False)
            elif dump.is_file():
                run = measured(journal_cli("import", str(dump)), _env(fresh))
                # A fast import that left the evidence out is no figure: its folder must
                # hold about as much as the database it came from.
                kept = sum(f.stat().st_size for f in fresh.iterdir() if f.is_file())
                res["imported_folder_bytes"] = kept
                s["import"].add(run, run["rc"] == 0 and kept >= 0.9 * db_file.stat().st_size,
                                f"the imported journal holds only {kept / MIB:.0f} MiB")
                res["import_said"] = _last_line(run["stdout"] or run["stderr"])
            _remove(dump, fresh)
        source = WORK / "attach-source.mp4"
        large_journal.Noise(7).write(source, ATTACH_BYTES[small])
        for i in range(runs):
            say(f"large: attach {ATTACH_BYTES[small] // MIB} MiB from a path and from bytes, "
                f"run {i + 1} of {runs} …")
            s["attach_path"].add(_attach_run("path", source, i))
            s["attach_bytes"].add(_attach_run("bytes", source, i))
    finally:
        _remove(WORK)
    res.update({k: v.summary() for k, v in s.items()})
    res["targets"] = target_rows(res)
    return res


# -- report --------------------------------------------------------------------------------

def _ratio(a, b):
    return None if a is None or b is None or b == 0 else round(a / b, 2)


def target_rows(res: dict) -> list[dict]:
    """The five targets as rows of run.py's table: value, target, PASS/MISS (SKIP when the
    figure is missing: skipped or failed)."""
    def g(part, key="seconds"):
        return (res.get(part) or {}).get(key)

    mib = res.get("attach_size_bytes", 0) // MIB
    n = res.get("journal", {}).get("attachment_bytes", 0)
    size = f"{n / 2**30:.3g} GiB" if n >= 2**30 else f"{n / MIB:.0f} MiB"
    rows = [("large: import peak RSS, dump of " + size + " of attachments",
             g("import", "peak_rss_mb"), "MB", 400),
            ("large: import time / dump time", _ratio(g("import"), g("dump")), "x", 1.5),
            ("large: journal check / sha256sum of the database", _ratio(g("check"),
                                                                      g("sha256sum")), "x", 2),
            ("large: journal backup / cp + sync of the database", _ratio(g("backup"),
                                                                       g("cp_sync")), "x", 2),
            (f"large: attach {mib} MiB from bytes / from a path",
             _ratio(g("attach_bytes", "in_process_s"), g("attach_path", "in_process_s")),
             "x", 1.2)]
    return at_most(rows)


def info_rows(res: dict | None) -> list[tuple[str, str]]:
    if not res:
        return []
    j = res["journal"]
    c = j["counts"]
    out = [("large journal", f"{c['interactions']} interactions, {c['attachments']} files "
                             f"({c['videos']} recordings, {c['screenshots']} screenshots), "
                             f"{j['attachment_bytes'] / MIB:.0f} MiB of attachments; database "
                             f"{j['db_bytes'] / MIB:.0f} MiB; {res['page_cache']}; "
                             f"{res['figure']} ({res['runs_each']} runs each)")]
    if "skipped" in res:
        return out + [("large: skipped", res["skipped"])]
    for key, label in (("sha256sum", "sha256sum journal.db"),
                       ("hashlib_sha256", "Python hashlib SHA-256 of it (information)"),
                       ("check", "journal check"),
                       ("cp_sync", "cp journal.db + sync"), ("backup", "journal backup"),
                       ("dump", "journal dump --output"), ("import", "journal import"),
                       ("attach_path", "attach from a path (Journal.log)"),
                       ("attach_bytes", "attach from bytes (Journal.log)")):
        r = res.get(key) or {}
        if r.get("failed"):
            out.append((f"large: {label}", f"FAILED ({r['failed']})"))
            continue
        inner = (f", {r['in_process_s']} s in Journal.log" if r.get("in_process_s") is not None
                 else "")
        out.append((f"large: {label}", f"{r.get('seconds')} s{inner}, peak RSS "
                                       f"{r.get('peak_rss_mib')} MiB"))
    sizes = [f"{label} {res[k] / MIB:.0f} MiB" for k, label in (
        ("dump_bytes", "dump"), ("backup_bytes", "backup"),
        ("imported_folder_bytes", "imported journal folder")) if res.get(k)]
    if sizes:
        out.append(("large: files", ", ".join(sizes) + (f"; import: {res['import_said']}"
                                                        if res.get("import_said") else "")))
    return out


def main(argv=None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--large-runs", type=int, default=2)
    ap.add_argument("--attach-worker", nargs=3, metavar=("HOW", "FOLDER", "SOURCE"))
    args = ap.parse_args(argv)
    if args.attach_worker:
        print(json.dumps(attach_worker(*args.attach_worker)))
        return 0
    res = bench(args.small, args.large_runs, args.regenerate)
    print(json.dumps(res, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
