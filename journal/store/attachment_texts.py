"""The text read out of attachments (store side of issue 15's reading queue).

One row per attachment once it has been read: its text and words (JSON of
domain.recognised_text.words_to_json), or "no text", or why it could not be read. The
attachments that can be read and have no row yet are the queue, so the queue survives a
restart or a crash by construction: nothing is ever marked "in progress".
"""
from __future__ import annotations

import json

from ..domain import recognised_text as rt
from ..domain.model import Attachment
from .attachments import _attachment

_TYPES = sorted(rt.READABLE_IMAGES | {rt.PDF_TYPE})
_READABLE = f"lower(a.media_type) IN ({','.join('?' * len(_TYPES))})"
_SELECT_TEXT = ("SELECT attachment_id, status, source, engine, text, words, reason, read_at "
                "FROM attachment_texts")


def _case_filter(case_id):
    if case_id is None:
        return "", ()
    return (" AND a.interaction_id IN (SELECT id FROM interactions WHERE case_id = ?)",
            (case_id,))


def waiting(db, case_id: int | None = None, limit: int | None = None) -> list[Attachment]:
    """The attachments still to read, oldest first (a case's only, when given)."""
    where, params = _case_filter(case_id)
    sql = ("SELECT a.id, a.interaction_id, a.name, a.media_type, a.size, a.sha256, "
           f"a.recorded_at FROM attachments a WHERE {_READABLE}{where} AND NOT EXISTS "
           f"(SELECT 1 FROM attachment_texts t WHERE t.attachment_id = a.id) ORDER BY a.id")
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_attachment(r) for r in db.query(sql, (*_TYPES, *params))]


def status(db, case_id: int | None = None) -> rt.ReadingStatus:
    where, params = _case_filter(case_id)
    row = db.one(
        "SELECT count(*), count(t.attachment_id) FILTER (WHERE t.status = ?), "
        "count(t.attachment_id) FILTER (WHERE t.status = ?), "
        "count(t.attachment_id) FILTER (WHERE t.status = ?) FROM attachments a "
        f"LEFT JOIN attachment_texts t ON t.attachment_id = a.id WHERE {_READABLE}{where}",
        (rt.TEXT, rt.NO_TEXT, rt.UNREADABLE, *_TYPES, *params))
    return rt.ReadingStatus(*row)


def save(conn, reading: rt.Reading) -> bool:
    """Keep a reading inside the caller's transaction; False when the attachment already has
    one (another process read it first: the first reading stays)."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO attachment_texts (attachment_id, status, source, engine, text, "
        "words, reason, read_at) VALUES (?,?,?,?,?,?,?,?)",
        (reading.attachment_id, reading.status, reading.source, reading.engine, reading.text,
         json.dumps(rt.words_to_json(reading.recognised), separators=(",", ":")),
         reading.reason, reading.read_at))
    return cur.rowcount == 1


def _reading(row) -> rt.Reading:
    try:
        words = json.loads(row[5])
    except ValueError:
        words = []
    return rt.Reading(row[0], row[1], row[2], row[3], rt.words_from_json(row[4], words),
                      row[6], row[7])


def get(db, attachment_id: int) -> rt.Reading | None:
    row = db.one(f"{_SELECT_TEXT} WHERE attachment_id = ?", (attachment_id,))
    return None if row is None else _reading(row)


def for_attachments(db, attachment_ids) -> dict[int, rt.Reading]:
    ids = list(attachment_ids)
    out: dict[int, rt.Reading] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for row in db.query(f"{_SELECT_TEXT} WHERE attachment_id IN "
                            f"({','.join('?' * len(part))})", part):
            out[row[0]] = _reading(row)
    return out


def case_of(db, attachment_id: int) -> tuple[int, int] | None:
    """(case id, interaction id) of an attachment, or None."""
    return db.one("SELECT i.case_id, i.id FROM attachments a JOIN interactions i "
                  "ON i.id = a.interaction_id WHERE a.id = ?", (attachment_id,))


def case_texts(db, case_id: int) -> list[tuple[int, str]]:
    """(attachment id, text) of a case's files read with text, in its live interactions,
    oldest first."""
    return db.query(
        "SELECT t.attachment_id, t.text FROM attachment_texts t JOIN attachments a ON "
        "a.id = t.attachment_id JOIN interactions i ON i.id = a.interaction_id WHERE "
        "i.case_id = ? AND i.voided_at IS NULL AND t.status = ? ORDER BY t.attachment_id",
        (case_id, rt.TEXT))
