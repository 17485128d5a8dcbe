"""The one API of the journal: the window, the CLI and the export call only this package.

`Journal` is composed of one module per subject (cases, interactions, drafts, search,
integrity, directory, checklist, response times); see journal/service/journal.py for the
table of its methods and which subject answers each.
"""
from __future__ import annotations

from ..domain.inputs import NewAttachment, NewPromise
from ..errors import JournalError, NotFound
from .journal import Journal

__all__ = ["Journal", "JournalError", "NewAttachment", "NewPromise", "NotFound"]
