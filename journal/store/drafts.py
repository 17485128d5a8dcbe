"""Drafts: work in progress, saved continuously inside the encrypted database.

A draft is replaced whole on every save and removed in the same transaction
that logs the interaction it became, so a word typed is never in neither place.
"""
from __future__ import annotations

import json

from ..domain.times import now_text


def save(db, name: str, body: dict) -> str:
    saved = now_text()
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    with db.transaction() as conn:
        conn.execute("INSERT INTO drafts (name, body, saved_at) VALUES (?,?,?) "
                     "ON CONFLICT (name) DO UPDATE SET body = excluded.body, "
                     "saved_at = excluded.saved_at", (name, text, saved))
    return saved


def load(db, name: str) -> dict | None:
    row = db.one("SELECT body FROM drafts WHERE name = ?", (name,))
    return json.loads(row[0]) if row else None


def names(db) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.query("SELECT name, saved_at FROM drafts ORDER BY name")]


def discard(conn, name: str) -> None:
    """Inside the caller's transaction."""
    conn.execute("DELETE FROM drafts WHERE name = ?", (name,))
