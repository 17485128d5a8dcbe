"""The third-party licences the app carries, as one plain text document.

collect() reads them from the installed distributions (importlib.metadata): the requirements
of the `support-journal` distribution, followed recursively (those of no extra, whose marker
holds here), and for each its name, version, licence and the full text of every licence file
it ships: in its dist-info (licenses/…, LICENSE*, COPYING*, NOTICE*), else inside the package
itself; for those that ship none (Qt's wheels), the texts kept in resources/licences/. What
a wheel compiles in without naming it (SQLCipher and OpenSSL, in sqlcipher3-wheels' module) is
added with its own text, and so is Python's licence, for the frozen app that carries Python.

A frozen app has no dist-info left to read: its build writes collect() to
resources/licences/THIRD-PARTY-LICENCES.txt (packaging/collect_licences.py), and text()
returns that file when it is there. Requirement markers are evaluated by `packaging`, the
library pip itself uses for them.
"""
from __future__ import annotations

import hashlib
import platform
import re
import sys
from importlib import metadata
from pathlib import Path, PurePosixPath

from . import bundled
from .build_info import version

APP = "support-journal"
SHIPPED = "THIRD-PARTY-LICENCES.txt"
RULE = "=" * 78
SUB_RULE = "-" * 78

# Texts kept in resources/licences/ for distributions that ship none (PySide6's and
# shiboken6's wheels carry no licence file; LGPL-3.0 is read with the GPL-3.0 it amends).
KEPT_TEXTS = {"pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
              "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
              "flatbuffers": ("Apache-2.0.txt",)}
# The licence the app uses a distribution under, where it offers a choice.
USED_UNDER = {"pyside6-essentials": "LGPL-3.0-only", "shiboken6": "LGPL-3.0-only"}
# Code compiled into a distribution's module whose licence that distribution's own files do
# not give: (distribution, component, licence, kept text, what it is).
COMPILED_IN = (
    ("sqlcipher3-wheels", "SQLCipher", "BSD-3-Clause (Zetetic LLC)", "SQLCipher.txt",
     "the encrypted database engine, compiled into the sqlcipher3 module"),
    ("sqlcipher3-wheels", "SQLite", "public domain", None,
     "the database SQLCipher extends; its authors dedicate it to the public domain "
     "(https://www.sqlite.org/copyright.html)"),
    ("sqlcipher3-wheels", "OpenSSL 3", "Apache-2.0", "Apache-2.0.txt",
     "SQLCipher's cryptography, compiled into the sqlcipher3 module"),
)
QT_SOURCE = ("Qt and Qt for Python are used under the GNU LGPL version 3. Their source code is "
             "at https://code.qt.io and https://download.qt.io/official_releases/QtForPython/; "
             "the third-party code inside Qt and its licences are listed at "
             "https://doc.qt.io/qt-6/licenses-used-in-qt.html.")
PYTHON_LICENCE_PAGE = "https://docs.python.org/3/license.html"

_LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
_TEXT_SUFFIXES = ("", ".txt", ".md", ".rst")


# -- which distributions ---------------------------------------------------------------------

def normalised(name: str) -> str:
    """A distribution's name as PEP 503 compares them: PySide6_Essentials → pyside6-essentials."""
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(root: str = APP) -> list[metadata.Distribution]:
    """`root` and every distribution it requires, recursively: requirements of no extra whose
    marker is true here, and that are installed. Sorted by name."""
    found: dict[str, metadata.Distribution] = {}
    waiting = [root]
    while waiting:
        name = waiting.pop()
        if normalised(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[normalised(name)] = dist
        for requirement in dist.requires or ():
            wanted = required_name(requirement)
            if wanted is not None:
                waiting.append(wanted)
    return sorted(found.values(), key=lambda d: normalised(d.metadata["Name"]))


def required_name(requirement: str) -> str | None:
    """The distribution a PEP 508 requirement names, or None when its marker is false here
    (an extra's requirement is false: no extra is asked for)."""
    spec, _, marker = requirement.partition(";")
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", spec)
    if match is None:
        return None
    return match.group(1) if not marker.strip() or marker_holds(marker) else None


def marker_holds(marker: str) -> bool:
    """Whether a PEP 508 marker is true here, with no extra, as pip evaluates it (the
    `packaging` library's). A marker it cannot read counts as true: a licence too many
    beats one missing."""
    from packaging.markers import InvalidMarker, Marker
    try:
        return Marker(marker.strip()).evaluate({"extra": ""})
    except InvalidMarker:
        return True


# -- what each carries -----------------------------------------------------------------------

def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: License-Expression, else License (its first line,
    when a whole text was put there), else its License classifiers; "not stated" without."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    stated = (meta.get("License") or "").strip()
    if stated and stated.upper() != "UNKNOWN":
        first = stated.splitlines()[0].strip()
        return first if len(first) <= 120 else first[:117] + "…"
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or "not stated"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file, text) of every licence file a distribution ships: those of its dist-info, else
    those inside the package."""
    files = [PurePosixPath(str(f)) for f in dist.files or ()]
    in_info = [f for f in files if f.parts and f.parts[0].endswith((".dist-info", ".egg-info"))
               and len(f.parts) > 1 and (f.parts[1] == "licenses" or _is_licence(f))]
    if not in_info and not files:   # no RECORD: the files its metadata names, if any
        for name in dist.metadata.get_all("License-File") or ():
            text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
            if text:
                return [(name, text)]
    chosen = in_info or [f for f in files if _is_licence(f)]
    found = []
    for path in sorted(chosen):
        text = _read(Path(str(dist.locate_file(str(path)))))
        if text is not None:
            found.append((str(path), text))
    return found


def _is_licence(path: PurePosixPath) -> bool:
    return bool(_LICENCE_NAME.search(path.stem)) and path.suffix.lower() in _TEXT_SUFFIXES


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _kept(name: str) -> str:
    return _read(bundled.resource("licences", name)) or f"(the text of {name} is missing)"


def python_licence() -> tuple[str, str]:
    """(where, text) of the licence of the Python running (the frozen app carries it)."""
    base = Path(sys.base_prefix)
    lib = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for path in (base / "lib" / lib / "LICENSE.txt", base / "LICENSE.txt",
                 base / "share" / "doc" / lib / "copyright"):
        text = _read(path)
        if text:
            return str(path), text
    return PYTHON_LICENCE_PAGE, (f"Python is distributed under the PSF License Agreement; its "
                                 f"text was not found beside this Python ({base}). It is at "
                                 f"{PYTHON_LICENCE_PAGE}.\n")


# -- the document ----------------------------------------------------------------------------

def collect() -> str:
    """Every third-party licence the app carries, as one plain text document."""
    dists = [d for d in closure() if normalised(d.metadata["Name"]) != APP]
    out = [f"Third-party software in Support Journal {version()}", RULE, "",
           _wrap("Support Journal is built on the software below. Each part is used under the "
                 "licence named beside it; the full texts follow the list, as each part's "
                 "authors ship them."), ""]
    if not dists:
        out += [_wrap(f"The distribution {APP} is not installed here, so the software it is "
                      "built on could not be listed."), ""]
    parts = [f"{component} (in {owner})" for owner, component, *_ in COMPILED_IN]
    width = max(len(name) for name in [*map(_title, dists), *parts])
    for dist in dists:
        key = normalised(dist.metadata["Name"])
        used = f" (used under {USED_UNDER[key]})" if key in USED_UNDER else ""
        out.append(f"  {_title(dist):<{width}}  {licence_of(dist)}{used}")
    for owner, component, licence, _file, _what in COMPILED_IN:
        if any(normalised(d.metadata["Name"]) == owner for d in dists):
            out.append(f"  {f'{component} (in {owner})':<{width}}  {licence}")
    out.append(f"  {'Python ' + platform.python_version():<{width}}  PSF-2.0")
    out += ["", _wrap(QT_SOURCE), ""]

    seen: dict[str, str] = {}   # a text's digest -> where it was first given in full
    for dist in dists:
        key = normalised(dist.metadata["Name"])
        files = licence_files(dist) or [(f"resources/licences/{name}", _kept(name))
                                        for name in KEPT_TEXTS.get(key, ())]
        used = f" (used under {USED_UNDER[key]})" if key in USED_UNDER else ""
        out += _section(_title(dist), f"{licence_of(dist)}{used}", files, seen)
        for owner, component, licence, kept, what in COMPILED_IN:
            if owner == key:
                texts = [(f"resources/licences/{kept}", _kept(kept))] if kept else []
                out += _section(f"{component}, in {_title(dist)}", f"{licence}: {what}",
                                texts, seen)
    where, text = python_licence()
    out += _section(f"Python {platform.python_version()}", "PSF-2.0", [(where, text)], seen)
    return "\n".join(out).rstrip() + "\n"


def text() -> str:
    """The document the app shows: the one its build wrote, else collect()."""
    shipped = _read(bundled.resource("licences", SHIPPED))
    return shipped if shipped else collect()


def _title(dist: metadata.Distribution) -> str:
    return f"{dist.metadata['Name']} {dist.version}"


def _section(title: str, licence: str, files: list[tuple[str, str]],
             seen: dict[str, str]) -> list[str]:
    out = ["", SUB_RULE, title, f"Licence: {licence}", SUB_RULE]
    if not files:
        out.append("(no licence file: the licence above applies)")
    for name, body in files:
        digest = hashlib.sha256(body.strip().encode("utf-8")).hexdigest()
        out += ["", f"[{name}]"]
        if digest in seen:
            out.append(f"(the same text as {seen[digest]}, given in full above)")
            continue
        seen[digest] = f"{name} of {title}"
        out += ["", body.rstrip()]
    return out


def _wrap(paragraph: str, width: int = 78) -> str:
    import textwrap
    return textwrap.fill(paragraph, width, break_long_words=False, break_on_hyphens=False)
