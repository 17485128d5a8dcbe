"""The one API of the journal: the window, the CLI and the export call only this package.

`Journal` (journal.py) is composed of one object per subject: cases, interactions, drafts,
search, integrity, directory, checklist, response times and exports, each given what it
needs explicitly (context.py: the open database, its folder and key). The search index has
one owner (index.py); every write is one transaction and reports its changes.
"""
from __future__ import annotations

from ..domain.inputs import NewAttachment, NewPromise
from ..errors import JournalError, NotFound
from .exports import verify_export
from .journal import Journal

__all__ = ["Journal", "JournalError", "NewAttachment", "NewPromise", "NotFound",
           "verify_export"]
