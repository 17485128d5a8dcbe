"""The build backend: setuptools', plus the shipped files put inside the package.

pyproject.toml names this module (backend-path = ["packaging"]). Everything setuptools does is
unchanged, except that building a wheel (not an editable install) also
- copies resources/ into the package, as journal/resources/ (journal.domain.bundled finds it
  there, as it finds the checkout's resources/ in an editable install);
- compiles the .ts translations into the .qm files Qt loads, with PySide6's own lrelease
  (which is why PySide6-Essentials is a build requirement), rather than trusting whatever .qm
  a checkout happens to hold;
- writes journal/resources/build.json: the commit built and when (the About box shows it).
The frozen app's build (packaging/pyinstaller/) stages the same folder with stage().
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403  (the PEP 517 hooks, as they are)
from setuptools.command.build_py import build_py

__all__ = _setuptools.__all__ + ["BuildPy", "stage"]

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources"
# Not shipped: the translators' sources (their .qm is), and anything a checkout made locally.
LEFT_OUT = ("*.ts", "*.qm", "*.po", "__pycache__", "*.pyc", ".*")


def stage(target: Path, *, licences: Path | None = None) -> Path:
    """resources/ as it is shipped, in `target` (made anew): the files, the compiled
    translations and build.json; with `licences`, that text as licences/THIRD-PARTY-LICENCES.txt
    (a frozen app has no installed distributions to read them from)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SOURCE, target, ignore=shutil.ignore_patterns(*LEFT_OUT))
    for ts in sorted((SOURCE / "translations").glob("*.ts")):
        _lrelease(ts, target / "translations" / ts.with_suffix(".qm").name)
    (target / "build.json").write_text(json.dumps(build_facts(), indent=1) + "\n",
                                       encoding="utf-8")
    if licences is not None:
        shutil.copyfile(licences, target / "licences" / "THIRD-PARTY-LICENCES.txt")
    return target


def build_facts() -> dict[str, str]:
    """The commit built (SOURCE_COMMIT, else git's HEAD, else "unknown") and the build's time
    (SOURCE_DATE_EPOCH when set, for a reproducible build; else now), in UTC."""
    commit = os.environ.get("SOURCE_COMMIT") or _git("rev-parse", "HEAD") or "unknown"
    if _git("status", "--porcelain", "--untracked-files=no"):
        commit += "+changes"   # built from a tree with uncommitted edits: say so
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch
            else datetime.now(timezone.utc)).replace(microsecond=0)
    return {"commit": commit, "date": when.isoformat()}


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True,
                              timeout=20, check=False)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _lrelease(ts: Path, qm: Path) -> None:
    """PySide6's lrelease, run through PySide6's own launcher (the same on every OS)."""
    code = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
            "sys.argv[0] = 'lrelease'; sys.exit(lrelease())")
    done = subprocess.run([sys.executable, "-c", code, "-silent", str(ts), "-qm", str(qm)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"lrelease could not compile {ts.name}: {done.stderr.strip()}")


class BuildPy(build_py):
    """setuptools' build_py, then the shipped files into the wheel's journal/resources/."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:   # an editable install reads the checkout's resources/
            stage(Path(self.build_lib) / "journal" / "resources")
