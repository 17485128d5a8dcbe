"""Attachments: files kept inside the encrypted database as chunked BLOBs with their SHA-256."""
from __future__ import annotations

import hashlib

from ..domain.model import Attachment
from ..errors import NotFound
from . import ledger

CHUNK = 256 * 1024
_INSERT_CHUNK = "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?,?,?)"
_SELECT = "SELECT id, interaction_id, name, media_type, size, sha256, recorded_at FROM attachments"


def _attachment(r) -> Attachment:
    return Attachment(r[0], r[1], r[2], r[3], r[4], r[5], r[6])


def add(conn, case_id: int, interaction_id: int, name: str, media_type: str, chunks,
        recorded: str) -> int:
    """Store the bytes from `chunks` (an iterable of bytes) inside the caller's transaction."""
    cur = conn.execute("INSERT INTO attachments (interaction_id, name, media_type, size, sha256, "
                       "recorded_at) VALUES (?,?,?,0,'',?)",
                       (interaction_id, name, media_type, recorded))
    aid = cur.lastrowid
    digest, size, seq, buffer = hashlib.sha256(), 0, 0, b""
    for piece in chunks:
        buffer += piece
        while len(buffer) >= CHUNK:
            part, buffer = buffer[:CHUNK], buffer[CHUNK:]
            conn.execute(_INSERT_CHUNK, (aid, seq, part))
            digest.update(part)
            size, seq = size + len(part), seq + 1
    if buffer or seq == 0:
        conn.execute(_INSERT_CHUNK, (aid, seq, buffer))
        digest.update(buffer)
        size += len(buffer)
    sha = digest.hexdigest()
    conn.execute("UPDATE attachments SET size = ?, sha256 = ? WHERE id = ?", (size, sha, aid))
    ledger.append(conn, "attachment", aid, "create",
                  {"interaction_id": interaction_id, "name": name, "media_type": media_type,
                   "size": size, "sha256": sha}, case_id=case_id, recorded_at=recorded)
    return aid


def list_for(db, interaction_ids) -> list[Attachment]:
    ids = list(interaction_ids)
    out: list[Attachment] = []
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out += [_attachment(r) for r in db.query(
            f"{_SELECT} WHERE interaction_id IN ({','.join('?' * len(part))}) ORDER BY id", part)]
    return out


def get(db, attachment_id: int) -> Attachment:
    row = db.one(f"{_SELECT} WHERE id = ?", (attachment_id,))
    if row is None:
        raise NotFound("attachment.none", attachment=attachment_id)
    return _attachment(row)


def read(db, attachment_id: int):
    """The attachment's bytes, chunk by chunk (never through a temp file)."""
    seq = -1
    while True:
        row = db.one("SELECT seq, data FROM attachment_chunks WHERE attachment_id = ? AND seq > ? "
                     "ORDER BY seq LIMIT 1", (attachment_id, seq))
        if row is None:
            return
        seq = row[0]
        yield bytes(row[1])


def content(db, attachment_id: int) -> bytes:
    return b"".join(read(db, attachment_id))


def mismatches(db) -> list[str]:
    """Attachments whose stored bytes no longer match their recorded SHA-256."""
    problems = []
    for a in [_attachment(r) for r in db.query(f"{_SELECT} ORDER BY id")]:
        digest, size = hashlib.sha256(), 0
        for part in read(db, a.id):
            digest.update(part)
            size += len(part)
        if digest.hexdigest() != a.sha256 or size != a.size:
            problems.append(f"Attachment {a.id} ({a.name}) does not match its SHA-256.")
    return problems
