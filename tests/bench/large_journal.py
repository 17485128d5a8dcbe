"""The large-evidence journal of the bench: a few hundred interactions carrying 1 GiB of
attachments that do not compress (screenshots of 200 KiB–3 MiB, a few screen recordings of
20–80 MiB), cached in bench-out/ and keyed by LARGE_GEN_VERSION and its size.

It is written through the service API alone (Journal.create, add_platform, open_case, log
with attachments from a path), as a user's journal is; the bytes are an AES-CTR keystream
from a seeded key (cryptography is a dependency already), which is as incompressible as
os.urandom and ten times faster here. The key derivation is the floor's (keyheader.FLOOR):
unlocking is not what this journal measures, and every CLI command run on it unlocks once.

--small: 64 MiB of attachments instead of 1 GiB, for quick runs.

Run directly (always rebuilds): python -m tests.bench.large_journal [--small]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import generate as gen

LARGE_GEN_VERSION = 1       # bump when the output changes: the cache is keyed by it
SEED = 20261202
MIB = 2**20
FULL = {"attachment_bytes": 1024 * MIB, "interactions": 300, "cases": 30, "platforms": 6}
SMALL = {"attachment_bytes": 64 * MIB, "interactions": 40, "cases": 6, "platforms": 3}
SCREENSHOT = (200 * 1024, 3 * MIB)
VIDEO = (20 * MIB, 80 * MIB)
VIDEO_SHARE = 0.4           # of the attachment bytes, in screen recordings
PLATFORMS = ["Binance", "OKX", "Bybit", "KuCoin", "Gate.io", "币安"]


def cache_dir(small: bool) -> Path:
    size = SMALL if small else FULL
    return gen.OUT / f"large-g{LARGE_GEN_VERSION}-{size['attachment_bytes'] // MIB}MiB"


def load_meta(small: bool) -> dict | None:
    meta = cache_dir(small) / "meta.json"
    if not meta.is_file():
        return None
    doc = json.loads(meta.read_text("utf-8"))
    ok = doc.get("complete") and doc.get("gen_version") == LARGE_GEN_VERSION
    return doc if ok and (cache_dir(small) / "journal" / "journal.db").is_file() else None


class Noise:
    """Incompressible bytes, reproducible from a seed: an AES-256-CTR keystream."""

    def __init__(self, seed: int):
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
        key = hashlib.sha256(f"bench noise {seed}".encode()).digest()
        self._enc = Cipher(algorithms.AES(key), modes.CTR(bytes(16))).encryptor()
        self._zeros = bytes(MIB)

    def write(self, path: Path, size: int) -> None:
        with open(path, "wb") as f:
            while size > 0:
                n = min(size, MIB)
                f.write(self._enc.update(self._zeros[:n]))
                size -= n


def attachment_sizes(rng: random.Random, total: int) -> list[tuple[str, int]]:
    """("video"|"screenshot", bytes) adding up to `total`: recordings first, up to their
    share, then screenshots (log-uniform in size, as most are small); shuffled."""
    out, left = [], total
    video_budget = int(total * VIDEO_SHARE)
    while video_budget >= VIDEO[0] // 2:
        size = min(rng.randint(*VIDEO), video_budget)
        out.append(("video", size))
        video_budget -= size
        left -= size
    lo, hi = SCREENSHOT
    while left > 0:
        size = min(int(lo * (hi / lo) ** rng.random()), left)
        out.append(("screenshot", size))
        left -= size
    rng.shuffle(out)
    return out


def generate(small: bool = False) -> dict:
    """Build the journal from scratch; return the meta document (also in meta.json)."""
    from journal.service import Journal
    from journal.store.keyheader import FLOOR
    size = SMALL if small else FULL
    base = cache_dir(small)
    if base.exists():
        shutil.rmtree(base)
    (base / "incoming").mkdir(parents=True)
    rng = random.Random(SEED + (1 if small else 0))
    content = gen.Content(rng)
    noise = Noise(SEED + (1 if small else 0))
    t_all = time.perf_counter()
    j, _ = Journal.create(base / "journal", passphrase=gen.PASSPHRASE, kdf_params=dict(FLOOR))
    try:
        platforms = [j.add_platform(name, kind="exchange").name
                     for name in PLATFORMS[:size["platforms"]]]
        cases = [j.open_case(platforms[i % len(platforms)],
                             f"Withdrawal frozen, evidence set {i + 1}",
                             category="other").id for i in range(size["cases"])]
        files = attachment_sizes(rng, size["attachment_bytes"])
        per_interaction = [[] for _ in range(size["interactions"])]
        for f in files:
            per_interaction[rng.randrange(len(per_interaction))].append(f)
        when = datetime(2025, 1, 6, 9, 0, tzinfo=timezone(timedelta(hours=8)))
        written = 0
        for i, these in enumerate(per_interaction):
            when += timedelta(hours=rng.randint(2, 40))
            lang = rng.choice(("zh", "en"))
            ticket = content.ticket(i % 4)
            ctx = {"platform": platforms[i % len(platforms)], "agent": None,
                   "any_agent": "Kevin", "ticket": ticket, "tx": content.tx_hash(),
                   "order": content.order_id()}
            paths = []
            for k, (kind, nbytes) in enumerate(these):
                stamp = when.strftime("%Y%m%d-%H%M")
                name = (f"screen-recording-{stamp}-{k}.mp4" if kind == "video"
                        else f"screenshot-{stamp}-{k}.png")
                path = base / "incoming" / name
                noise.write(path, nbytes)
                paths.append(path)
            j.log(cases[i % len(cases)], kind="chat", start=when.isoformat(),
                  notes=content.note(lang, ctx), language=lang,
                  references=[f"ticket:{ticket}"], attachments=paths)
            for path in paths:
                written += path.stat().st_size
                path.unlink()
            if (i + 1) % 50 == 0:
                gen._progress(f"large journal: {i + 1} interactions, {written / MIB:.0f} MiB")
    finally:
        j.close()
    (base / "incoming").rmdir()
    db_bytes = (base / "journal" / "journal.db").stat().st_size
    meta = {"gen_version": LARGE_GEN_VERSION, "seed": SEED, "small": small, "complete": True,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "target_size": size, "kdf": dict(FLOOR),
            "counts": {"platforms": len(platforms), "cases": len(cases),
                       "interactions": size["interactions"], "attachments": len(files),
                       "videos": sum(k == "video" for k, _ in files),
                       "screenshots": sum(k == "screenshot" for k, _ in files)},
            "attachment_bytes": written, "largest_attachment": max(n for _, n in files),
            "db_bytes": db_bytes, "generation_seconds": round(time.perf_counter() - t_all, 1)}
    (base / "meta.json").write_text(json.dumps(meta, indent=2), "utf-8")
    gen._progress(f"large journal done in {meta['generation_seconds']} s: {len(files)} files, "
                  f"{written / MIB:.0f} MiB; database {db_bytes / MIB:.0f} MiB")
    return meta


def ensure(small: bool = False, regenerate: bool = False) -> dict:
    """The cached journal's meta, generating it in a child process when needed (its
    creation is not timed: it is made once and kept)."""
    meta = None if regenerate else load_meta(small)
    if meta is not None:
        return meta
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(gen.ROOT), env.get("PYTHONPATH")]))
    subprocess.run([sys.executable, "-m", "tests.bench.large_journal"]
                   + (["--small"] if small else []), check=True, cwd=gen.ROOT, env=env)
    meta = load_meta(small)
    if meta is None:
        raise SystemExit("the large-evidence journal was not generated completely")
    return meta


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="64 MiB of attachments, not 1 GiB")
    generate(small=ap.parse_args(argv).small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
