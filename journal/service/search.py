"""Search over every case and interaction: words in any language, highlighted."""
from __future__ import annotations

from ..domain import times
from ..domain.model import SearchHit
from ..errors import BadInput
from ..store import search
from .context import Context
from .directory import Directory


class Search:
    """Needs: the context and the directory (a search within one platform)."""

    def __init__(self, ctx: Context, directory: Directory):
        self.ctx, self.directory = ctx, directory

    def search(self, query: str, *, platform: str | int | None = None,
               since: str | None = None, limit: int = 20,
               prefix_last: bool = True) -> list[SearchHit]:
        if query is None or len(query) > 1000:
            raise BadInput("search.too_long")
        if not 1 <= int(limit) <= 1000:
            raise BadInput("search.bad_limit")
        pid = self.directory.platform(platform).id if platform is not None else None
        since_ts = times.parse_time(since, "since time").timestamp() if since is not None \
            else None
        db = self.ctx.require_open()
        rows = search.search(db, query, platform_id=pid, since_ts=since_ts, limit=int(limit),
                             prefix_last=prefix_last)
        return search.hits(db, rows, search.highlight_words(query))
