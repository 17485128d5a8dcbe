"""Platforms and their contact channels."""
from __future__ import annotations

import json

from ..domain.channels import matches
from ..domain.model import (
    Channel,
    ChannelKind,
    ChannelSource,
    ChannelStatus,
    Platform,
    PlatformKind,
)
from ..domain.times import now_text
from ..errors import BadInput, NotFound, Term
from . import ledger

# Fields a user sets, in the order of the tables' columns; lists are stored as JSON text.
PLATFORM_FIELDS = ("name", "kind", "website", "help_url", "status_url", "support_hours",
                   "time_zone", "languages", "countries")
CHANNEL_FIELDS = ("kind", "value", "source", "source_url", "languages", "status",
                  "last_checked", "hours")
LISTS = frozenset({"languages", "countries"})

_PLATFORM = "SELECT id, recorded_at, " + ", ".join(PLATFORM_FIELDS) + " FROM platforms"
_CHANNEL = ("SELECT ch.id, ch.platform_id, p.name, ch.recorded_at, "
            + ", ".join(f"ch.{f}" for f in CHANNEL_FIELDS)
            + " FROM channels ch JOIN platforms p ON p.id = ch.platform_id")


def _stored(fields: dict) -> dict:
    return {k: json.dumps(v) if k in LISTS else v for k, v in fields.items()}


def _platform(row) -> Platform:
    f = dict(zip(PLATFORM_FIELDS, row[2:]))
    return Platform(row[0], f["name"], PlatformKind(f["kind"]), f["website"], row[1],
                    f["help_url"], f["status_url"], f["support_hours"], f["time_zone"],
                    tuple(json.loads(f["languages"])), tuple(json.loads(f["countries"])))


def _channel(row) -> Channel:
    f = dict(zip(CHANNEL_FIELDS, row[4:]))
    return Channel(row[0], row[1], row[2], ChannelKind(f["kind"]), f["value"],
                   ChannelSource(f["source"]), f["source_url"], tuple(json.loads(f["languages"])),
                   row[3], ChannelStatus(f["status"]), f["last_checked"], f["hours"])


def add_platform(db, fields: dict) -> Platform:
    """`fields`: name and kind, and any other of PLATFORM_FIELDS, already checked."""
    name = fields["name"]
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM platforms WHERE name = ?", (name,)).fetchone():
            raise BadInput("platform.exists", name=name)
        recorded = now_text()
        body = {k: fields.get(k, [] if k in LISTS else None) for k in PLATFORM_FIELDS}
        stored = _stored(body)
        cur = conn.execute(f"INSERT INTO platforms ({', '.join(stored)}, recorded_at) "
                           f"VALUES ({', '.join('?' * len(stored))}, ?)",
                           (*stored.values(), recorded))
        pid = cur.lastrowid
        ledger.append(conn, "platform", pid, "create", body, recorded_at=recorded)
    return get_platform(db, pid)


def get_platform(db, pid: int) -> Platform:
    row = db.one(f"{_PLATFORM} WHERE id = ?", (pid,))
    if row is None:
        raise NotFound("platform.none", platform=pid)
    return _platform(row)


def find_platform(db, ref: str) -> Platform:
    """A platform by id or by name (any case)."""
    text = (ref or "").strip()
    row = db.one(f"{_PLATFORM} WHERE name = ?", (text,))
    if row is None and text.isdigit() and int(text) < 2**63:  # SQLite's integers end there
        row = db.one(f"{_PLATFORM} WHERE id = ?", (int(text),))
    if row is None:
        raise NotFound("platform.no_such_name", name=text)
    return _platform(row)


def list_platforms(db) -> list[Platform]:
    return [_platform(r) for r in db.query(f"{_PLATFORM} ORDER BY name COLLATE NOCASE")]


def add_channel(db, platform: Platform, fields: dict) -> Channel:
    """`fields`: kind, value, source and status, and any other of CHANNEL_FIELDS, checked."""
    kind, value = fields["kind"], fields["value"]
    with db.transaction() as conn:
        if conn.execute("SELECT 1 FROM channels WHERE platform_id = ? AND kind = ? AND value = ?",
                        (platform.id, kind, value)).fetchone():
            raise BadInput("channel.exists", platform=platform.name, kind=Term(kind),
                           value=value)
        recorded = now_text()
        body = {"platform_id": platform.id,
                **{k: fields.get(k, [] if k in LISTS else None) for k in CHANNEL_FIELDS}}
        stored = _stored(body)
        cur = conn.execute(f"INSERT INTO channels ({', '.join(stored)}, recorded_at) "
                           f"VALUES ({', '.join('?' * len(stored))}, ?)",
                           (*stored.values(), recorded))
        cid = cur.lastrowid
        ledger.append(conn, "channel", cid, "create", body, recorded_at=recorded)
    return get_channel(db, cid)


def get_channel(db, cid: int) -> Channel:
    row = db.one(f"{_CHANNEL} WHERE ch.id = ?", (cid,))
    if row is None:
        raise NotFound("channel.none", channel=cid)
    return _channel(row)


def find_channel_by_contact(db, platform_id: int, contact: str) -> Channel | None:
    """The platform's channel at `contact`: the same text, or the same phone number however
    it is written ("+1 (888) 908-7930" is +18889087930)."""
    row = db.one(f"{_CHANNEL} WHERE ch.platform_id = ? AND ch.value = ?", (platform_id, contact))
    if row:
        return _channel(row)
    same = matches(contact)
    return next((c for c in list_channels(db, platform_id) if same(c.value)),
                None)


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
    """Change any of a platform's PLATFORM_FIELDS; the ledger keeps what it was."""
    with db.transaction() as conn:
        row = conn.execute(f"{_PLATFORM} WHERE id = ?", (pid,)).fetchone()
        if row is None:
            raise NotFound("platform.none", platform=pid)
        current = dict(zip(PLATFORM_FIELDS, row[2:]))
        current = {k: json.loads(v) if k in LISTS else v for k, v in current.items()}
        changed = {k: v for k, v in changes.items() if current[k] != v}
        if "name" in changed and conn.execute(
                "SELECT 1 FROM platforms WHERE name = ? AND id != ?",
                (changed["name"], pid)).fetchone():
            raise BadInput("platform.exists", name=changed["name"])
        if changed:
            stored = _stored(changed)
            conn.execute(f"UPDATE platforms SET {', '.join(f'{k} = ?' for k in stored)} "
                         "WHERE id = ?", (*stored.values(), pid))
            ledger.append(conn, "platform", pid, "amend", changed)
    return get_platform(db, pid)


def update_channel(db, cid: int, changes: dict) -> Channel:
    """Change any of a channel's CHANNEL_FIELDS, in the ledger too."""
    with db.transaction() as conn:
        row = conn.execute("SELECT platform_id, " + ", ".join(CHANNEL_FIELDS) +
                           " FROM channels WHERE id = ?", (cid,)).fetchone()
        if row is None:
            raise NotFound("channel.none", channel=cid)
        current = {k: json.loads(v) if k in LISTS else v
                   for k, v in zip(CHANNEL_FIELDS, row[1:])}
        changed = {k: v for k, v in changes.items() if current[k] != v}
        after = {**current, **changed}
        if conn.execute("SELECT 1 FROM channels WHERE platform_id = ? AND kind = ? AND value = ? "
                        "AND id != ?", (row[0], after["kind"], after["value"], cid)).fetchone():
            raise BadInput("channel.exists_here", kind=Term(after["kind"]),
                           value=after["value"])
        if changed:
            stored = _stored(changed)
            conn.execute(f"UPDATE channels SET {', '.join(f'{k} = ?' for k in stored)} "
                         "WHERE id = ?", (*stored.values(), cid))
            ledger.append(conn, "channel", cid, "amend", changed)
    return get_channel(db, cid)
