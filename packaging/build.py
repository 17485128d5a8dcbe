"""`make package`: the frozen one-folder app, and on Debian-like systems its .deb packages.

  1. the shipped files staged as a wheel carries them (journal_build.stage), with the
     third-party licences collected from the installed distributions;
  2. the icon at every size (make_icons.py);
  3. PyInstaller (pyinstaller/journal.spec): dist/support-journal/ and its optional text
     reader, dist/support-journal-ocr/;
  4. where dpkg-deb exists: dist/support-journal_V_ARCH.deb and support-journal-ocr_V_ARCH.deb.
Each step's time and the parts' sizes are printed at the end (the figures in the issue's note).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build"
DIST = ROOT / "dist"
sys.path.insert(0, str(HERE))

import journal_build  # noqa: E402
import make_icons  # noqa: E402


def main() -> int:
    steps: list[tuple[str, float]] = []

    def step(name, work):
        began = time.monotonic()
        result = work()
        steps.append((name, time.monotonic() - began))
        return result

    version = _version()
    licences = BUILD / "THIRD-PARTY-LICENCES.txt"
    BUILD.mkdir(exist_ok=True)
    step("licences", lambda: subprocess.run(
        [sys.executable, str(HERE / "collect_licences.py"), str(licences)], check=True))
    staged = step("resources", lambda: journal_build.stage(BUILD / "staged", licences=licences))
    icons = step("icons", lambda: make_icons.make(BUILD / "icons"))
    for old in (DIST / "support-journal", DIST / "support-journal-ocr"):
        shutil.rmtree(old, ignore_errors=True)
    env = {**os.environ, "JOURNAL_STAGED": str(staged), "JOURNAL_VERSION": version}
    step("pyinstaller", lambda: subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
         str(HERE / "pyinstaller" / "journal.spec")], check=True, env=env))
    app, reader = DIST / "support-journal", DIST / "support-journal-ocr"
    if shutil.which("strip") and sys.platform.startswith("linux"):
        saved = step("strip", lambda: strip([app, reader]))
        print(f"strip: {saved / 2**20:,.1f} MiB of symbols taken out")
    debs = []
    if shutil.which("dpkg-deb") and sys.platform.startswith("linux"):
        sys.path.insert(0, str(HERE / "linux"))
        import build_deb
        import system_licences
        step("system licences", lambda: system_licences.append([app, reader], licences))
        shutil.copyfile(licences, app / "_internal" / "journal" / "resources" / "licences"
                        / "THIRD-PARTY-LICENCES.txt")
        debs = step("deb", lambda: build_deb.build_both(app, reader, icons, version, DIST,
                                                         licences))
    print()
    for name, seconds in steps:
        print(f"  {name:<16} {seconds:6.1f} s")
    for path in (app, reader, *debs):
        print(f"  {path.relative_to(ROOT)}: {_size(path) / 2**20:,.1f} MiB")
    return 0


def strip(folders: list[Path]) -> int:
    """Debugging symbols out of the shared libraries, as Debian's dh_strip does (libpython
    alone carries 17 MB of them); the bytes saved. PyInstaller's own strip is not used: it
    strips every library, and strip(1) corrupts those that auditwheel repaired with patchelf
    (numpy's OpenBLAS then fails to load: "ELF load command address/offset not page-aligned").
    So the libraries a wheel vendored (in a NAME.libs/ folder) and the extensions linked to
    them (their RUNPATH names such a folder) are left as they came."""
    saved = 0
    for folder in folders:
        for path in sorted(folder.rglob("*.so*")):
            if path.is_symlink() or not path.is_file() or path.parent.name.endswith(".libs"):
                continue
            if not _is_elf(path) or ".libs" in _runpath(path):
                continue
            before = path.stat().st_size
            done = subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True)
            if done.returncode == 0:
                saved += before - path.stat().st_size
    return saved


def _is_elf(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def _runpath(path: Path) -> str:
    done = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return " ".join(line for line in done.stdout.splitlines() if "PATH" in line)


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from journal import __version__
    return __version__


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


if __name__ == "__main__":
    sys.exit(main())
