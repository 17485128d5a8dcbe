"""The large-evidence bench (tests/bench/large.py) measures what it says: each command's own
peak memory, attachments that do not compress, and its targets' PASS/MISS from the same
run's figures. (Running the part itself, even --small, takes a minute: `make bench`.)"""
from __future__ import annotations

import random
import sys
import zlib

from tests.bench import large, large_journal

MIB = 2**20


def test_a_commands_peak_memory_is_its_own_not_the_benchs():
    ballast = b"x" * (300 * MIB)  # written: this process is resident at 300 MiB and more
    small = large.measured(["true"])
    big = large.measured([sys.executable, "-c", "b = b'y' * (100 * 2**20)"])
    failed = large.measured([sys.executable, "-c", "import sys; sys.exit(3)"])
    assert len(ballast) == 300 * MIB
    assert small["rc"] == 0 and small["peak_rss_kib"] < 40 * 1024, small
    assert big["rc"] == 0 and 100 * 1024 <= big["peak_rss_kib"] < 200 * 1024, big
    assert failed["rc"] == 3
    assert 0 < small["seconds"] < big["seconds"] + 5


def test_the_attachments_are_realistic_sizes_and_incompressible(tmp_path):
    total = 1024 * MIB
    sizes = large_journal.attachment_sizes(random.Random(1), total)
    assert sum(n for _, n in sizes) == total
    videos = [n for kind, n in sizes if kind == "video"]
    shots = [n for kind, n in sizes if kind == "screenshot"]
    assert 3 <= len(videos) <= 20 and all(n <= large_journal.VIDEO[1] for n in videos)
    assert sum(n >= large_journal.VIDEO[0] for n in videos) >= len(videos) - 1
    lo, hi = large_journal.SCREENSHOT
    assert sum(not lo <= n <= hi for n in shots) <= 1   # only the last one is cut to fit
    path = tmp_path / "noise.bin"
    large_journal.Noise(5).write(path, 3 * MIB + 17)
    data = path.read_bytes()
    assert len(data) == 3 * MIB + 17
    assert len(zlib.compress(data, 9)) >= len(data)
    again = tmp_path / "again.bin"
    large_journal.Noise(5).write(again, 3 * MIB + 17)
    assert again.read_bytes() == data   # the same seed, the same journal


def test_the_targets_are_ratios_of_the_same_runs_figures():
    res = {"journal": {"attachment_bytes": 1024 * MIB}, "attach_size_bytes": 200 * MIB,
           "import": {"seconds": 30.0, "peak_rss_mb": 420.0}, "dump": {"seconds": 20.0},
           "check": {"seconds": 5.0}, "sha256sum": {"seconds": 2.0},
           "backup": {"seconds": None, "failed": "exit 1: the disk is full"},
           "cp_sync": {"seconds": 3.0},
           "attach_bytes": {"in_process_s": 3.3}, "attach_path": {"in_process_s": 3.0}}
    rows = {r["name"]: r for r in large.target_rows(res)}
    got = {name.split(": ", 1)[1]: (r["value"], r["target"], r["result"])
           for name, r in rows.items()}
    assert got == {
        "import peak RSS, dump of 1 GiB of attachments": (420.0, 400, "MISS"),
        "import time / dump time": (1.5, 1.5, "PASS"),
        "journal check / sha256sum of the database": (2.5, 2, "MISS"),
        "journal backup / cp + sync of the database": (None, 2, "SKIP"),
        "attach 200 MiB from bytes / from a path": (1.1, 1.2, "PASS"),
    }
