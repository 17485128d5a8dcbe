"""Attachments: files kept inside the encrypted database as chunked BLOBs with their SHA-256."""
from __future__ import annotations

import hashlib

from ..domain.model import Attachment
from ..errors import NotFound
from . import ledger

# Rows of 256 KiB. Measured with cipher_memory_security OFF, 64 KiB to 4 MiB rows attach and
# read 128 MiB in the same CPU time (±5 %, the pages' encryption is the cost), so the size
# that existing journals hold stays; rows are read by seq, so any size would read back.
CHUNK = 256 * 1024
_INSERT_CHUNK = "INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?,?,?)"
_SELECT = "SELECT id, interaction_id, name, media_type, size, sha256, recorded_at FROM attachments"


def _attachment(r) -> Attachment:
    return Attachment(r[0], r[1], r[2], r[3], r[4], r[5], r[6])


def add(conn, case_id: int, interaction_id: int, name: str, media_type: str, chunks,
        recorded: str) -> int:
    """Store the bytes from `chunks` (an iterable of bytes-like pieces of any size) inside the
    caller's transaction, hashing them on the way. Each byte is copied once into a CHUNK
    row: a large piece is cut by memoryview, never sliced into new bytes."""
    cur = conn.execute("INSERT INTO attachments (interaction_id, name, media_type, size, sha256, "
                       "recorded_at) VALUES (?,?,?,0,'',?)",
                       (interaction_id, name, media_type, recorded))
    aid = cur.lastrowid
    digest, size, seq = hashlib.sha256(), 0, 0
    pending = bytearray()   # the start of a chunk that the pieces so far did not fill
    for piece in chunks:
        view = memoryview(piece).cast("B")
        digest.update(view)
        size += len(view)
        if pending:
            room = CHUNK - len(pending)
            pending += view[:room]
            view = view[room:]
            if len(pending) < CHUNK:
                continue
            conn.execute(_INSERT_CHUNK, (aid, seq, pending))
            seq += 1
            pending.clear()
        whole = len(view) - len(view) % CHUNK
        for at in range(0, whole, CHUNK):
            conn.execute(_INSERT_CHUNK, (aid, seq, view[at:at + CHUNK]))
            seq += 1
        pending += view[whole:]
    if pending or seq == 0:
        conn.execute(_INSERT_CHUNK, (aid, seq, pending))
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
    """The attachment's bytes, chunk by chunk (never through a temp file).

    One short SELECT per chunk, so no statement stays open between pieces while other
    threads use the connection: measured on 128 MiB it costs the same as one cursor over
    every chunk or batches of eight (decrypting the pages is the time)."""
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


def mismatches(db, progress=None) -> list[str]:
    """Attachments whose stored bytes no longer match their recorded SHA-256.

    One statement streams every chunk in (attachment, seq) order, the UNIQUE index's order,
    so each page of the files is read once and only one chunk is held at a time; a chunk
    whose attachment is not listed is no attachment's bytes and is passed over, as before.
    progress(done, total), in bytes of the recorded sizes, is called after each chunk."""
    problems: list[str] = []
    with db.reading() as conn:
        listed = {r[0]: _attachment(r) for r in conn.execute(f"{_SELECT} ORDER BY id")}
        total = sum(a.size for a in listed.values() if type(a.size) is int and a.size > 0)
        hashed: dict[int, tuple[str, int]] = {}
        current, digest, size, done = None, None, 0, 0
        for aid, _seq, data in conn.execute("SELECT attachment_id, seq, data FROM "
                                            "attachment_chunks ORDER BY attachment_id, seq"):
            if aid != current:
                if current in listed:
                    hashed[current] = (digest.hexdigest(), size)
                current, digest, size = aid, hashlib.sha256(), 0
            if aid not in listed:
                continue
            if type(data) is not bytes:  # put there around the program: its bytes as text
                data = b"" if data is None else str(data).encode("utf-8", "surrogatepass")
            digest.update(data)
            size += len(data)
            done += len(data)
            if progress is not None:
                progress(min(done, total), total)
        if current in listed:
            hashed[current] = (digest.hexdigest(), size)
    empty = (hashlib.sha256().hexdigest(), 0)  # an attachment left without a chunk
    for a in listed.values():
        if hashed.get(a.id, empty) != (a.sha256, a.size):
            problems.append(f"Attachment {a.id} ({a.name}) does not match its SHA-256.")
    return problems
