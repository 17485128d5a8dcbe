"""Where Export case file… saves, and what it remembers between exports.

The name and contact the user typed for the cover, the folder and the choice of files are
kept in the window's settings (QSettings), not in the journal: they are the user's own
details for the cover page, not journal content, and DESIGN.md keeps only the journal's
folder free of plaintext. Keys: export/name, export/contact, export/folder, export/kind.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

KINDS = ("both", "pdf", "bundle")


def _store() -> QSettings:
    return QSettings("SupportJournal", "Support Journal")


def remembered(key: str, default: str = "") -> str:
    value = _store().value(f"export/{key}", default)
    return value if isinstance(value, str) else default


def remember(**values: str) -> None:
    store = _store()
    for key, value in values.items():
        store.setValue(f"export/{key}", value)
    store.sync()


translate = QCoreApplication.translate


def documents() -> Path:
    """The user's Documents folder as the desktop names it (~/文档 on a Chinese desktop);
    it may not exist."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home() / "Documents"


def starting_folder() -> tuple[Path, str]:
    """The folder to offer, and a sentence when it is not the one the user would expect:
    the folder of the last export if it is still there, else Documents, else home."""
    last = remembered("folder")
    if last and Path(last).is_dir():
        return Path(last), ""
    docs = documents()
    fallback = docs if docs.is_dir() else Path.home()
    if last:
        return fallback, translate("ExportPlaces", "The folder of the last export, {0}, is "
                                   "gone: saving in {1} instead.").format(last, fallback)
    if fallback != docs:
        return fallback, translate("ExportPlaces", "There is no Documents folder ({0}): "
                                   "saving in your home folder, {1}.").format(docs, fallback)
    return fallback, ""


def folder_problem(folder: Path) -> str:
    """One sentence if the case file cannot be written in `folder` (which exists), else ""."""
    if not folder.is_dir():
        return translate("ExportPlaces",
                         "{0} is a file, not a folder: choose a folder.").format(folder)
    try:  # the only sure test: os.access is wrong on network shares and read-only mounts
        fd, name = tempfile.mkstemp(dir=folder, prefix=".support-journal-", suffix=".probe")
    except OSError:
        return translate("ExportPlaces",
                         "You cannot save in {0}: choose another folder.").format(folder)
    os.close(fd)
    os.unlink(name)
    return ""


def make_folder(folder: Path) -> str:
    """Create `folder` (and its parents); one sentence if that cannot be done, else ""."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    problem = folder_problem(existing)   # a file, or a folder nobody may write in
    if problem:
        return problem
    try:
        folder.mkdir(parents=True)
    except OSError:
        return translate("ExportPlaces", "The folder {0} cannot be created: choose another "
                                         "folder.").format(folder)
    return ""


def nearest_folder(folder: Path) -> Path:
    """`folder`, or the nearest folder above it that exists (where Choose… opens)."""
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder if folder.is_dir() else Path.home()
