"""Drafts: work in progress (a call being typed), encrypted like the rest, never in the record."""
from __future__ import annotations

import json

from ..domain.changes import DRAFTS
from ..domain.inputs import MAX_NOTE_CHARS
from ..domain.inputs import text as _text
from ..errors import BadInput
from ..store import drafts
from .context import Context, writes


class Drafts:
    """Needs only the context."""

    def __init__(self, ctx: Context):
        self.ctx = ctx

    @property
    def db(self):
        return self.ctx.require_open()

    @writes(DRAFTS)
    def save_draft(self, name: str, body: dict) -> str:
        """Replace the draft `name` with `body` (JSON-able); return when it was saved."""
        name = _text(name, "draft name", required=True, limit=200)
        try:
            size = len(json.dumps(body, ensure_ascii=False))
        except (TypeError, ValueError):
            raise BadInput("draft.bad_content") from None
        if size > 2 * MAX_NOTE_CHARS:
            raise BadInput("draft.too_long", limit=2 * MAX_NOTE_CHARS)
        return drafts.save(self.db, name, body)

    def draft(self, name: str) -> dict | None:
        return drafts.load(self.db, name)

    def drafts(self) -> list[tuple[str, str]]:
        """(name, saved_at) of every draft."""
        return drafts.names(self.db)

    @writes(DRAFTS)
    def discard_draft(self, name: str) -> None:
        with self.db.transaction() as conn:
            drafts.discard(conn, name)
