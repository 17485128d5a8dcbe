"""The files the app ships with (icons, translations, the export's stylesheet, the dispute
packs, letter templates, word lists, licences), wherever the app was installed from.

One place answers for all of them, the same way in each kind of install:
- a wheel (`pip install support-journal`): the build put them in the package, as
  journal/resources/ (with the .qm translations compiled from the .ts while building);
- a frozen app (PyInstaller): the same folder, collected beside the frozen package;
- a source checkout or an editable install: the repository's own resources/ folder.
They are found through importlib.resources, so nothing depends on the current directory.
Standard library only: the domain, the store and the front ends all read through it.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

INSTALLED = "resources"   # the folder's name inside the package, in a wheel or a frozen app


@cache
def root() -> Path:
    """The folder that holds the shipped files."""
    package = resources.files("journal")
    installed = package.joinpath(INSTALLED)
    if installed.is_dir():
        return Path(str(installed))
    return Path(str(package)).resolve().parent / "resources"   # the source checkout's


def resource(*parts: str) -> Path:
    """A shipped file or folder: resource("export", "case_file.css")."""
    return root().joinpath(*parts)


def kind() -> str:
    """"checkout" when the files are the repository's own, "installed" otherwise (a wheel or a
    frozen app), for the About box."""
    return "checkout" if root().parent != Path(str(resources.files("journal"))) else "installed"
