"""The one owner of the search index: every write of the service that changes indexed text
calls it, inside that write's transaction, so search never shows a stale name or note.

What is indexed (store/search.py): each case's title, platform and account id, and each
interaction's notes, agent, references, file names, case title and platform name. A voided
interaction leaves the index.
"""
from __future__ import annotations

from ..store import search


class SearchIndex:
    """Called by Cases, Interactions and Directory; never by the front ends."""

    def case_opened(self, conn, case_id: int) -> None:
        search.index_case(conn, case_id)

    def interaction_written(self, conn, interaction_id: int) -> None:
        """Logged, amended (new notes, references, files) or voided."""
        search.index_interaction(conn, interaction_id)

    def platform_renamed(self, conn, platform_id: int) -> None:
        """Every case's and interaction's row carries the platform's name."""
        search.reindex_platform(conn, platform_id)
