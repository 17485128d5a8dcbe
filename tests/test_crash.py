"""A writer killed with SIGKILL at random moments loses nothing it reported as saved.

A writer process logs interactions in a loop through the service API and prints
each one's id and marker only after `log()` has returned (that is, after
COMMIT). The test kills it at random moments, many times over the same journal,
and after each kill reopens the journal (the folder lock must be free), runs
`check()`, and finds every reported interaction with its exact note, and no
half-written one.
"""
from __future__ import annotations

import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.service import Journal
from journal.store import folder as jf

from .conftest import PASSPHRASE, ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 50
MAX_DELAY = 0.1  # seconds the writer runs after its first line before it is killed
NOTE = "crash test {marker}: {file} · 崩溃测试 {marker}"
NOTE_RE = re.compile(r"crash test (?P<marker>w\d+n\d+): (?P<file>no file|sha256 [0-9a-f]{64})"
                     r" · 崩溃测试 (?P=marker)")

WRITER = r"""
import hashlib, os, random, sys
from journal.service import Journal, NewAttachment
from journal.store import folder as jf
from journal.store import unlock

folder, case_id, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
NOTE = sys.argv[4]
rng = random.Random(tag)
# Journal.open, in two halves: the imports and the key first, while the test still has the
# journal open to verify the previous run; then, on "go", the lock and the database. The
# data key comes from the test, which unwrapped it once: what is tested here is the writes.
path = jf.resolve(folder)
jf.require_journal(path)
key = bytes.fromhex(os.environ["CRASH_TEST_KEY"])
sys.stdout.write("ready\n")
sys.stdout.flush()
if sys.stdin.readline() != "go\n":
    sys.exit(0)
lock = jf.FolderLock(path)
lock.acquire()
journal = Journal(path, unlock.open_with_key(path, key), key, lock)
n = 0
while True:
    n += 1
    marker = f"w{tag}n{n}"
    files, described = [], "no file"
    if rng.random() < 0.1:
        # Two or three 256 KiB chunks: a larger transaction, more likely to be cut mid-way.
        data = rng.randbytes(rng.randrange(270_000, 560_000))
        files = [NewAttachment(f"{marker}.bin", "application/octet-stream", data=data)]
        described = "sha256 " + hashlib.sha256(data).hexdigest()
    note = NOTE.format(marker=marker, file=described)
    record = journal.log(case_id, kind="call", agent="Crash Tester", notes=note,
                         references=[f"ticket:{marker}"], attachments=files)
    sys.stdout.write(f"{record.id} {marker} {described.replace(' ', '=')}\n")
    sys.stdout.flush()
"""

def _start_writer(folder: Path, case_id: int, tag: str, key: bytes) -> subprocess.Popen:
    env = {**os.environ, "CRASH_TEST_KEY": key.hex(), "PYTHONIOENCODING": "utf-8",
           "PYTHONDONTWRITEBYTECODE": "1",
           "JOURNAL_KDF_TARGET_SECONDS": os.environ.get("JOURNAL_KDF_TARGET_SECONDS", "0")}
    return subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(case_id), tag, NOTE],
                            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _verify(folder: Path, case_id: int, committed: dict[int, tuple[str, str]], kills: int,
            context: str, after_open=lambda: None) -> None:
    names = {p.name for p in folder.iterdir()}
    assert names <= {jf.DATABASE, jf.HEADER, jf.LOCK, jf.DATABASE + "-wal",
                     jf.DATABASE + "-shm"}, (context, names)
    with Journal.open(folder, passphrase=PASSPHRASE) as j:   # the dead writer's lock is free
        after_open()
        report = j.check()
        assert report.ok, (context, report.problems)
        found = {i.id: i for i in j.timeline(case_id)}
        for iid, (marker, described) in committed.items():
            assert iid in found, f"{context}: interaction {iid} ({marker}) was reported " \
                                 f"saved but is gone"
            assert found[iid].notes == NOTE.format(marker=marker, file=described), context
        # Every interaction there is whole: its reference and its file came with it.
        for i in found.values():
            m = NOTE_RE.fullmatch(i.notes)
            assert m, (context, i.id, i.notes)
            assert [r.value for r in i.references] == [m["marker"]], (context, i.id)
            if m["file"] == "no file":
                assert i.attachments == (), (context, i.id)
            else:
                [a] = i.attachments
                assert a.name == f"{m['marker']}.bin" and m["file"] == f"sha256 {a.sha256}", \
                    (context, i.id)
        # At most one interaction per kill was saved but not yet reported.
        assert len(found) - len(committed) <= kills, (context, len(found), len(committed))


def _processor_seconds() -> float:
    """Processor time used by this process and the writers it has waited for: the work the
    test does, which a busy machine does not change (the time on the clock, it does)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _stop(writer: subprocess.Popen) -> None:
    if writer.poll() is None:
        writer.kill()
    writer.wait(timeout=30)
    for pipe in (writer.stdin, writer.stdout, writer.stderr):
        pipe.close()


def test_a_killed_writer_loses_nothing_it_reported(journal):
    seed = int(os.environ.get("CRASH_TEST_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    j, journal_dir = journal, journal.folder
    j.add_platform("Crashcoin", kind="exchange")
    case_id = j.open_case("Crashcoin", "Kill the writer").id
    key = j._key
    j.close()

    committed: dict[int, tuple[str, str]] = {}
    lines_per_run: list[int] = []
    started = _processor_seconds()
    writer = _start_writer(journal_dir, case_id, "1", key)
    try:
        for kill in range(1, KILLS + 1):
            context = f"kill {kill} (CRASH_TEST_SEED={seed})"
            ready = writer.stdout.readline()
            assert ready == "ready\n", f"{context}: {ready!r} {writer.stderr.read()}"
            writer.stdin.write("go\n")
            writer.stdin.flush()
            first = writer.stdout.readline()       # handshake: one interaction is committed
            assert first.endswith("\n"), \
                f"{context}: the writer printed nothing: {writer.stderr.read()}"
            time.sleep(rng.uniform(0, MAX_DELAY))  # then a random moment in its loop
            assert writer.poll() is None, f"{context}: the writer died: {writer.stderr.read()}"
            writer.send_signal(signal.SIGKILL)
            rest = writer.stdout.read()
            writer.wait(timeout=30)
            assert writer.returncode == -signal.SIGKILL, (context, writer.stderr.read())
            _stop(writer)
            lines = (first + rest).split("\n")[:-1]   # a torn last line was not reported
            lines_per_run.append(len(lines))
            for line in lines:
                iid, marker, described = line.split(" ")
                committed[int(iid)] = (marker, described.replace("=", " "))

            def start_next(tag=str(kill + 1)):  # it starts up while this run is checked
                nonlocal writer
                writer = _start_writer(journal_dir, case_id, tag, key)

            _verify(journal_dir, case_id, committed, kill, context,
                    start_next if kill < KILLS else lambda: None)
    finally:
        _stop(writer)

    took = _processor_seconds() - started
    assert len(committed) >= KILLS
    # Most runs wrote several interactions, so kills did land mid-loop, not only at the start.
    assert sum(n > 1 for n in lines_per_run) >= KILLS // 2, lines_per_run
    assert took < 120, f"{KILLS} kills took {took:.0f} s of processor time"
