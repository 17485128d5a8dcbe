"""Which build of the app this is: its version, and the commit it was built from and when.

A wheel or a frozen app carries build.json among its shipped files (packaging/journal_build.py
writes it: {"commit": "<40 hex>[+changes]", "date": "<ISO 8601>"}). A source checkout has
none: there git is asked, only when the About box asks, with a timeout; without git (or
outside a repository) the answer is "unknown". Standard library only.
"""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from . import bundled

UNKNOWN = "unknown"
GIT_SECONDS = 5          # git answers in milliseconds; a hung one must not hang the window
CHANGES = "+changes"     # a commit with uncommitted edits on top (build.json says it so too)
_COMMIT = re.compile(r"[0-9a-f]{40}(\+changes)?")


@dataclass(frozen=True)
class Build:
    commit: str    # 40 hex digits, "+changes" after them for an edited tree; or "unknown"
    date: str      # ISO 8601 (the build's time, or the commit's in a checkout); or "unknown"
    source: str    # "build" (build.json), "checkout" (asked of git) or "unknown"

    @property
    def short_commit(self) -> str:
        """The first 12 hex digits (and "+changes"), as git and bug reports write them."""
        if self.commit == UNKNOWN:
            return UNKNOWN
        base, changes, _ = self.commit.partition(CHANGES)
        return base[:12] + (CHANGES if changes else "")


def version() -> str:
    """The app's version: journal/__init__.py's, the one place it is written."""
    return __version__


def from_build_file(path: Path) -> Build:
    """What a build.json says; "unknown" for what it does not say right."""
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        facts = {}
    if not isinstance(facts, dict):
        facts = {}
    commit, date = facts.get("commit"), facts.get("date")
    return Build(commit if isinstance(commit, str) and _COMMIT.fullmatch(commit) else UNKNOWN,
                 date if isinstance(date, str) and _is_iso(date) else UNKNOWN, "build")


def from_git(repository: Path) -> Build:
    """The checkout's HEAD and its commit date, "+changes" when tracked files were edited."""
    commit = _git(repository, "rev-parse", "HEAD")
    if not commit or not _COMMIT.fullmatch(commit):
        return Build(UNKNOWN, UNKNOWN, "unknown")
    date = _git(repository, "show", "-s", "--format=%cI", "HEAD")
    if _git(repository, "status", "--porcelain", "--untracked-files=no"):
        commit += CHANGES
    return Build(commit, date if _is_iso(date) else UNKNOWN, "checkout")


def facts(root: Path | None = None) -> Build:
    """This build's facts, from the shipped files at `root` (default: bundled.root())."""
    root = root if root is not None else bundled.root()
    shipped = root / "build.json"
    if shipped.is_file():
        return from_build_file(shipped)
    if root.name == "resources" and (root.parent / "journal" / "__init__.py").is_file():
        return from_git(root.parent)   # the repository's own resources/: a source checkout
    return Build(UNKNOWN, UNKNOWN, "unknown")


@cache
def current() -> Build:
    """facts(), asked once per process (git does not change under a running app)."""
    return facts()


def _is_iso(text: str) -> bool:
    from datetime import datetime
    try:
        datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return True


def _git(repository: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repository), *args], capture_output=True,
                              text=True, timeout=GIT_SECONDS, check=False,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
