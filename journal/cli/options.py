"""The two options of `journal` that are no command: `--version`, and `--open FILE` for the
window (what the desktop's "Open with" runs: `journal --open %f`).

Nothing heavy is imported here: `--version` asks the database engine for its versions only
once it is given.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import __version__
from ..errors import BadInput, os_reason


def version_line() -> str:
    """journal 0.1.0 (SQLCipher 4.12.0 community, SQLite 3.51.1): the engine's own words."""
    try:
        from ..service import engine
        versions = engine.versions()
    except ImportError as exc:   # the engine's library is missing: say which, still answer
        return f"journal {__version__} (SQLCipher not loaded: {exc})"
    return f"journal {__version__} (SQLCipher {versions['sqlcipher']}, " \
           f"SQLite {versions['sqlite']})"


class VersionAction(argparse.Action):
    """--version: the line above, then exit 0 (argparse's own would need the line at once,
    and so the database engine for `journal --help` too)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS,
                 help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        print(version_line(), flush=True)
        parser.exit()


def add_options(parser: argparse.ArgumentParser) -> None:
    """The top-level options of `journal` that are no command."""
    parser.add_argument("--version", action=VersionAction,
                        help="print the version, and SQLCipher's and SQLite's, and exit")
    parser.add_argument("--open", metavar="FILE", default=None,
                        help="open the window with FILE (an e-mail, a chat export or a "
                             "transcript) in Import evidence; a window already open on the "
                             "journal is brought forward and given it")


def file_to_open(name: str) -> str:
    """--open FILE: its absolute path, once it is known to be there and readable (a Telegram
    export folder, which holds result.json, is one too)."""
    path = Path(name).expanduser().absolute()
    if path.is_dir():
        if (path / "result.json").is_file():
            return str(path)
        raise BadInput("open.folder", path=path)
    try:
        with open(path, "rb") as file:
            file.read(1)
    except FileNotFoundError:
        raise BadInput("file.none", path=path) from None
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, reason=os_reason(exc)) from None
    return str(path)
