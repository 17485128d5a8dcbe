"""The case file against its targets: a case of 200 interactions with 20 image exhibits.

    python -m tests.bench.export   (run by `make bench`; prints JSON)

Each export runs in a process of its own so that its peak memory (VmHWM) is its own:
PDF ≤ 3 s, bundle ≤ 4 s, resident memory during export ≤ 400 MB; both signed (issue 10:
≤ 1.2× their time unsigned), and `journal verify` of the bundle ≤ 1 s.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PASSPHRASE = "bench passphrase: not a secret"


def _png(i: int) -> bytes:
    """A 1600x1000 PNG of about 1 MB, like a desktop screenshot with photos in it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter
    image = QImage(1600, 1000, QImage.Format.Format_RGB32)
    raw = os.urandom(1600 * 1000 // 4)
    image.fill(QColor(240, 242, 245))
    p = QPainter(image)
    for k in range(0, len(raw) - 3, 200):
        p.setPen(QColor(raw[k], raw[k + 1], raw[k + 2]))
        p.drawLine(k % 1600, (k // 1600) % 1000, (k * 7) % 1600, (k * 3 + i) % 1000)
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make_case(folder: Path) -> float:
    """The case; returns the exhibits' mean size in MiB."""
    from PySide6.QtGui import QGuiApplication
    QGuiApplication.instance() or QGuiApplication([])
    from journal.service import Journal, NewAttachment, NewPromise
    j, _ = Journal.create(folder, passphrase=PASSPHRASE)
    j.add_platform("Binance", kind="exchange")
    j.add_channel("Binance", kind="phone", value="+1 888 908 1234", source="official-site")
    case = j.open_case("Binance", "Withdrawal stuck", category="withdrawal",
                       opened_at="2026-01-02T09:00:00+01:00")
    for n in range(200):
        day, minute = divmod(n, 20)
        start = f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}T{9 + minute // 4:02d}:" \
                f"{(minute % 4) * 15:02d}:00+01:00"
        files = [NewAttachment(f"screenshot-{n}.png", "image/png", data=_png(n))] \
            if n % 10 == 0 else []
        j.log(case.id, kind="call" if n % 3 else "chat", contact="+1 888 908 1234",
              start=start, wait_minutes=n % 30, agent=f"Agent {n % 7}",
              outcome="answered" if n % 5 else "no-answer",
              notes=("客服说退款正在处理，请耐心等待。" if n % 2 else
                     "The agent said the withdrawal is under review by the risk team. ") * 4,
              references=[f"ticket:T-{1000 + n}"],
              promises=[NewPromise(f"Update by email #{n}", "2026-06-01T17:00:00+01:00")]
              if n % 8 == 0 else [], attachments=files)
    sizes = [a.size for i in j.timeline(case.id) for a in i.attachments]
    j.close()
    return round(sum(sizes) / len(sizes) / 2**20, 2)


def _rss_peak_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def one(kind: str, folder: str, target: str) -> dict:
    from PySide6.QtGui import QGuiApplication
    QGuiApplication.instance() or QGuiApplication([])
    from journal.service import Journal
    j = Journal.open(folder, passphrase=PASSPHRASE)
    before = _rss_peak_mib()
    t0 = time.perf_counter()
    if kind == "pdf":  # signed, as the CLI and the window write it
        from journal.export import write_case_pdf
        result = write_case_pdf(j, 1, Path(target))
    elif kind == "portal":  # fitted to an ombudsman's 10 MB upload limit (--max-size 10MB)
        from journal.export import write_case_pdf
        result = write_case_pdf(j, 1, Path(target), max_bytes=10_000_000)
    else:
        from journal.export.bundle import write_bundle
        result = write_bundle(j, 1, Path(target))
    seconds = time.perf_counter() - t0
    j.close()
    return {"seconds": round(seconds, 2), "pages": result.get("pages"),
            "fitted_dpi": result.get("fitted_dpi"),
            "bytes": os.path.getsize(target), "rss_before_mib": before,
            "rss_peak_mib": _rss_peak_mib()}


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "journal"
        t0 = time.perf_counter()
        mean = make_case(folder)
        out = {"case": f"200 interactions, 20 PNG exhibits of 1600x1000 ({mean} MiB each)",
               "make_case_s": round(time.perf_counter() - t0, 1)}
        for kind, name in (("pdf", "case.pdf"), ("bundle", "case.zip"),
                           ("portal", "portal.pdf")):
            done = subprocess.run([sys.executable, "-m", "tests.bench.export", kind, str(folder),
                                   str(Path(tmp) / name)], capture_output=True, text=True,
                                  check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            out[kind] = json.loads(done.stdout.strip().splitlines()[-1])
        from journal.export.verify import verify_bundle
        t0 = time.perf_counter()
        out["verify_problems"] = len(verify_bundle(Path(tmp) / "case.zip"))
        out["verify_s"] = round(time.perf_counter() - t0, 2)
        # As a recipient runs it: `journal verify` in a new process, start-up included.
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "journal", "verify",
                               str(Path(tmp) / "case.zip")], capture_output=True, text=True)
        out["verify_cli_s"] = round(time.perf_counter() - t0, 2)
        out["verify_cli_exit"] = done.returncode
    return out


if __name__ == "__main__":
    os.environ.pop("JOURNAL_KDF_TARGET_SECONDS", None)
    os.environ["JOURNAL_KDF_TARGET_SECONDS"] = "0"  # the export is measured, not the unlock
    if len(sys.argv) == 4:
        print(json.dumps(one(*sys.argv[1:])))
    else:
        print(json.dumps(run()))
