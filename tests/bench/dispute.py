"""The dispute against its targets (issue 16): the deadlines of 10,000 open cases computed for
the promises panel (≤ 100 ms), a letter rendered to a signed PDF (≤ 1 s).

    python -m tests.bench.dispute   (run by `make bench`; prints JSON)

The 10 MB portal PDF of the export bench's case is measured by tests/bench/export.py.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSPHRASE = "bench passphrase: not a secret"
JURISDICTIONS = ("uk", "eu", "us", "hk", "cn", "other")


def make(folder: Path, cases: int) -> None:
    """`cases` open cases, each with a formal complaint (payment or not) in one of the
    jurisdictions, a third with a holding reply, a fifth with a final response, every tenth
    with a transaction (the loss the card and fraud clocks count from)."""
    from journal.service import Journal
    j, _ = Journal.create(folder, passphrase=PASSPHRASE)
    j.add_platform("Binance", kind="exchange")
    start = date(2026, 1, 5)
    with j._ctx.write():   # one transaction: the figure is the deadlines, not the writing
        for n in range(cases):
            where = JURISDICTIONS[n % len(JURISDICTIONS)]
            case = j.open_case("Binance", f"Case {n}", category=("withdrawal", "card", "scam")
                               [n % 3], checklist_language=None, jurisdiction=where,
                               opened_at=f"{start.isoformat()}T09:00+00:00")
            day = (start + timedelta(days=n % 300)).isoformat()
            j.add_stage(case.id, "complaint", on=f"{day}T10:00+00:00",
                        kind="payment" if n % 2 else "other", how="email")
            if n % 3 == 0:
                j.add_stage(case.id, "holding-reply", on=f"{day}T16:00+00:00")
            if n % 5 == 0:
                j.add_stage(case.id, "final-response", on=f"{day}T17:00+00:00")
            if n % 10 == 0:
                j.add_transaction(case.id, f"{n:064x}", "bitcoin", at=f"{day}T08:00+00:00")
    j.close()


def run(cases: int = 10_000, repeat: int = 7) -> dict:
    from PySide6.QtGui import QGuiApplication
    QGuiApplication.instance() or QGuiApplication([])
    from journal.service import Journal
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "journal"
        t0 = time.perf_counter()
        make(folder, cases)
        made = time.perf_counter() - t0
        j = Journal.open(folder, passphrase=PASSPHRASE)
        times, clocks = [], 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            clocks = len(j.deadlines())
            times.append(time.perf_counter() - t0)
        one = []
        for case_id in range(1, 201, 20):
            t0 = time.perf_counter()
            j.deadlines(case_id)
            one.append(time.perf_counter() - t0)
        letters = []
        for n, kind in enumerate(("complaint", "police", "mica")):
            t0 = time.perf_counter()
            j.write_letter_pdf(1 + n, kind, Path(tmp) / f"{kind}.pdf")
            letters.append(time.perf_counter() - t0)
        j.close()
    return {"cases": cases, "make_s": round(made, 1), "pending_clocks": clocks,
            "deadlines_all_ms": round(statistics.median(times) * 1000, 1),
            "deadlines_all_max_ms": round(max(times) * 1000, 1),
            "deadlines_one_case_ms": round(statistics.median(one) * 1000, 2),
            "letter_pdf_first_s": round(letters[0], 2),
            "letter_pdf_s": round(statistics.median(letters), 2)}


if __name__ == "__main__":
    os.environ["JOURNAL_KDF_TARGET_SECONDS"] = "0"
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)))
