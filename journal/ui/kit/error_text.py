"""The service's sentences in the window's language.

A JournalError is a code of the catalogue (journal/error_messages/) and its parameters; here
its English template goes through Qt Linguist (the "Errors" context of the .ts) and the
parameters are put into the translation. The user's own data in them (a file name, a typed
value) stays as it was typed.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...errors import JournalError, Phrase, Term, say


def _translate(template: str) -> str:
    return QCoreApplication.translate("Errors", template)


def translated(message: JournalError | Phrase | Term | str) -> str:
    """`message` in the window's language: a JournalError, a sentence or word of the
    catalogue, or a sentence with no code (shown as it is when it has no translation)."""
    if isinstance(message, (JournalError, Phrase, Term)):
        return say(message, _translate)
    return _translate(message)
