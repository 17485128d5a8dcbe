"""Platforms and their contact channels."""
from __future__ import annotations

import json

from ..domain.model import Channel, ChannelKind, ChannelSource, Platform, PlatformKind
from ..domain.times import now_text
from ..errors import BadInput, NotFound
from . import ledger

_PLATFORM = "SELECT id, name, kind, website, recorded_at FROM platforms"
_CHANNEL = ("SELECT ch.id, ch.platform_id, p.name, ch.kind, ch.value, ch.source, ch.source_url, "
            "ch.languages, ch.recorded_at FROM channels ch JOIN platforms p ON p.id = ch.platform_id")


def _platform(row) -> Platform:
    return Platform(row[0], row[1], PlatformKind(row[2]), row[3], row[4])


def _channel(row) -> Channel:
    return Channel(row[0], row[1], row[2], ChannelKind(row[3]), row[4], ChannelSource(row[5]),
                   row[6], tuple(json.loads(row[7])), row[8])


def add_platform(db, name: str, kind: PlatformKind, website: str | None) -> Platform:
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM platforms WHERE name = ?", (name,)).fetchone():
            raise BadInput(f"A platform named {name!r} already exists.")
        recorded = now_text()
        cur = conn.execute("INSERT INTO platforms (name, kind, website, recorded_at) "
                           "VALUES (?,?,?,?)", (name, kind.value, website, recorded))
        pid = cur.lastrowid
        ledger.append(conn, "platform", pid, "create",
                      {"name": name, "kind": kind.value, "website": website}, recorded_at=recorded)
    return get_platform(db, pid)


def get_platform(db, pid: int) -> Platform:
    row = db.one(f"{_PLATFORM} WHERE id = ?", (pid,))
    if row is None:
        raise NotFound(f"There is no platform {pid}.")
    return _platform(row)


def find_platform(db, ref: str) -> Platform:
    """A platform by id or by name (any case)."""
    text = (ref or "").strip()
    row = db.one(f"{_PLATFORM} WHERE name = ?", (text,))
    if row is None and text.isdigit():
        row = db.one(f"{_PLATFORM} WHERE id = ?", (int(text),))
    if row is None:
        raise NotFound(f"There is no platform called {text!r}; add it with "
                       f"`journal platform add`.")
    return _platform(row)


def list_platforms(db) -> list[Platform]:
    return [_platform(r) for r in db.query(f"{_PLATFORM} ORDER BY name COLLATE NOCASE")]


def add_channel(db, platform: Platform, kind: ChannelKind, value: str, source: ChannelSource,
                source_url: str | None, languages: list[str]) -> Channel:
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM channels WHERE platform_id = ? AND kind = ? AND value = ?",
                        (platform.id, kind.value, value)).fetchone():
            raise BadInput(f"{platform.name} already has the {kind.value} channel {value!r}.")
        recorded = now_text()
        cur = conn.execute(
            "INSERT INTO channels (platform_id, kind, value, source, source_url, languages, "
            "recorded_at) VALUES (?,?,?,?,?,?,?)",
            (platform.id, kind.value, value, source.value, source_url, json.dumps(languages),
             recorded))
        cid = cur.lastrowid
        ledger.append(conn, "channel", cid, "create",
                      {"platform_id": platform.id, "kind": kind.value, "value": value,
                       "source": source.value, "source_url": source_url,
                       "languages": languages}, recorded_at=recorded)
    return get_channel(db, cid)


def get_channel(db, cid: int) -> Channel:
    row = db.one(f"{_CHANNEL} WHERE ch.id = ?", (cid,))
    if row is None:
        raise NotFound(f"There is no channel {cid}.")
    return _channel(row)


def find_channel_by_value(db, platform_id: int, value: str) -> Channel | None:
    row = db.one(f"{_CHANNEL} WHERE ch.platform_id = ? AND ch.value = ?", (platform_id, value))
    return _channel(row) if row else None


def list_channels(db, platform_id: int | None = None,
                  language: str | None = None) -> list[Channel]:
    """With `language`, only channels listing it ("zh" also matches zh-CN); a channel with no
    languages listed is not assumed to serve any."""
    if platform_id is None:
        rows = db.query(f"{_CHANNEL} ORDER BY p.name COLLATE NOCASE, ch.kind, ch.id")
    else:
        rows = db.query(f"{_CHANNEL} WHERE ch.platform_id = ? ORDER BY ch.kind, ch.id",
                        (platform_id,))
    found = [_channel(r) for r in rows]
    if language is None:
        return found
    wanted = language.lower()
    return [c for c in found
            if any(lang.lower() == wanted or lang.lower().startswith(wanted + "-")
                   for lang in c.languages)]


def update_platform(db, pid: int, changes: dict) -> Platform:
    """Change a platform's name, kind or website; the ledger keeps what it was."""
    with db.transaction() as conn:
        row = conn.execute("SELECT name, kind, website FROM platforms WHERE id = ?",
                           (pid,)).fetchone()
        if row is None:
            raise NotFound(f"There is no platform {pid}.")
        current = {"name": row[0], "kind": row[1], "website": row[2]}
        changed = {k: v for k, v in changes.items() if current[k] != v}
        if "name" in changed and conn.execute(
                "SELECT 1 FROM platforms WHERE name = ? AND id != ?",
                (changed["name"], pid)).fetchone():
            raise BadInput(f"A platform named {changed['name']!r} already exists.")
        if changed:
            conn.execute(f"UPDATE platforms SET {', '.join(f'{k} = ?' for k in changed)} "
                         "WHERE id = ?", (*changed.values(), pid))
            ledger.append(conn, "platform", pid, "amend", changed)
    return get_platform(db, pid)


def update_channel(db, cid: int, changes: dict) -> Channel:
    """Change a channel's kind, value, source, source URL or languages, in the ledger too."""
    with db.transaction() as conn:
        row = conn.execute("SELECT platform_id, kind, value, source, source_url, languages "
                           "FROM channels WHERE id = ?", (cid,)).fetchone()
        if row is None:
            raise NotFound(f"There is no channel {cid}.")
        current = {"kind": row[1], "value": row[2], "source": row[3], "source_url": row[4],
                   "languages": json.loads(row[5])}
        changed = {k: v for k, v in changes.items() if current[k] != v}
        after = {**current, **changed}
        if conn.execute("SELECT 1 FROM channels WHERE platform_id = ? AND kind = ? AND value = ? "
                        "AND id != ?", (row[0], after["kind"], after["value"], cid)).fetchone():
            raise BadInput(f"This platform already has the {after['kind']} channel "
                           f"{after['value']!r}.")
        if changed:
            stored = {k: json.dumps(v) if k == "languages" else v for k, v in changed.items()}
            conn.execute(f"UPDATE channels SET {', '.join(f'{k} = ?' for k in stored)} "
                         "WHERE id = ?", (*stored.values(), cid))
            ledger.append(conn, "channel", cid, "amend", changed)
    return get_channel(db, cid)
