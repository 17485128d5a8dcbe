"""Where the CLI gets secrets: environment, a file, or a prompt — never a flag's value."""
from __future__ import annotations

import os
import sys

from ..errors import BadInput, Term


def _read_file(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            line = f.readline()
    except FileNotFoundError:
        raise BadInput("secret_file.none", what=Term(what), path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise BadInput("secret_file.unreadable", what=Term(what), path=path,
                       reason=Term(reason)) from None
    return line.rstrip("\r\n")


def _ask(prompt: str) -> str:
    import getpass  # here: `journal --help` need not load the terminal's modules
    return getpass.getpass(prompt)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def current(args) -> str:
    """The passphrase of an existing journal."""
    if os.environ.get("JOURNAL_PASSPHRASE"):
        return os.environ["JOURNAL_PASSPHRASE"]
    path = getattr(args, "passphrase_file", None) or os.environ.get("JOURNAL_PASSPHRASE_FILE")
    if path:
        return _read_file(path, "passphrase")
    if _interactive():
        return _ask("Passphrase: ")
    raise BadInput("passphrase.none")


def _twice(prompt: str) -> str:
    first = _ask(prompt)
    if _ask("Repeat it: ") != first:
        raise BadInput("passphrase.differ")
    return first


def new_journal(args) -> str:
    """The passphrase for `init`: like current(), but asked twice at a prompt."""
    if os.environ.get("JOURNAL_PASSPHRASE") or getattr(args, "passphrase_file", None) \
            or os.environ.get("JOURNAL_PASSPHRASE_FILE"):
        return current(args)
    if _interactive():
        return _twice("New passphrase (at least 8 characters): ")
    raise BadInput("passphrase.none")


def replacement(args) -> str:
    """The new passphrase for `passwd`."""
    if os.environ.get("JOURNAL_NEW_PASSPHRASE"):
        return os.environ["JOURNAL_NEW_PASSPHRASE"]
    path = getattr(args, "new_passphrase_file", None)
    if path:
        return _read_file(path, "new passphrase")
    if _interactive():
        return _twice("New passphrase: ")
    raise BadInput("new_passphrase.none")


def recovery_key(args) -> str:
    if os.environ.get("JOURNAL_RECOVERY_KEY"):
        return os.environ["JOURNAL_RECOVERY_KEY"]
    path = getattr(args, "recovery_key_file", None)
    if path:
        return _read_file(path, "recovery key")
    if _interactive():
        return _ask("Recovery key: ")
    raise BadInput("recovery_key.none")
