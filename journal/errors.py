"""The errors a person can cause or meet, each with the CLI's exit code.

Anything else that escapes is a bug and is reported as one.
"""
from __future__ import annotations


class JournalError(Exception):
    """An error whose message is one plain sentence fit to show a user."""

    exit_code = 1


class BadInput(JournalError):
    """Malformed or impossible input: nothing was changed."""


class NotFound(JournalError):
    """A case, interaction, platform or promise that does not exist."""


class WrongPassphrase(JournalError):
    exit_code = 3


class IntegrityFailure(JournalError):
    exit_code = 4


class JournalInUse(JournalError):
    exit_code = 5


class EnvironmentProblem(JournalError):
    """Disk full, permission denied, a read-only folder: the machine, not the user's input."""
