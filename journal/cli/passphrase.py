"""Where the CLI gets secrets: environment, a file, or a prompt — never a flag's value."""
from __future__ import annotations

import getpass
import os
import sys

from ..errors import BadInput


def _read_file(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            line = f.readline()
    except FileNotFoundError:
        raise BadInput(f"The {what} file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(f"Cannot read the {what} file {path}: "
                       f"{getattr(exc, 'strerror', None) or 'not UTF-8 text'}.") from None
    return line.rstrip("\r\n")


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
        return getpass.getpass("Passphrase: ")
    raise BadInput("No passphrase given: set JOURNAL_PASSPHRASE, use --passphrase-file, "
                   "or run in a terminal.")


def _twice(prompt: str) -> str:
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat it: ") != first:
        raise BadInput("The two passphrases differ; nothing was changed.")
    return first


def new_journal(args) -> str:
    """The passphrase for `init`: like current(), but asked twice at a prompt."""
    if os.environ.get("JOURNAL_PASSPHRASE") or getattr(args, "passphrase_file", None) \
            or os.environ.get("JOURNAL_PASSPHRASE_FILE"):
        return current(args)
    if _interactive():
        return _twice("New passphrase (at least 8 characters): ")
    raise BadInput("No passphrase given: set JOURNAL_PASSPHRASE, use --passphrase-file, "
                   "or run in a terminal.")


def replacement(args) -> str:
    """The new passphrase for `passwd`."""
    if os.environ.get("JOURNAL_NEW_PASSPHRASE"):
        return os.environ["JOURNAL_NEW_PASSPHRASE"]
    path = getattr(args, "new_passphrase_file", None)
    if path:
        return _read_file(path, "new passphrase")
    if _interactive():
        return _twice("New passphrase: ")
    raise BadInput("No new passphrase given: set JOURNAL_NEW_PASSPHRASE, use "
                   "--new-passphrase-file, or run in a terminal.")


def recovery_key(args) -> str:
    if os.environ.get("JOURNAL_RECOVERY_KEY"):
        return os.environ["JOURNAL_RECOVERY_KEY"]
    path = getattr(args, "recovery_key_file", None)
    if path:
        return _read_file(path, "recovery key")
    if _interactive():
        return getpass.getpass("Recovery key: ")
    raise BadInput("No recovery key given: set JOURNAL_RECOVERY_KEY, use --recovery-key-file, "
                   "or run in a terminal.")
