"""The append-only ledger: every create, amend, void and status change, hash-chained."""
from __future__ import annotations

import json

from ..domain.chain import (
    GENESIS,
    ChainEntry,
    canonical,
    committed_form,
    entry_hash,
    field_digests,
    new_salts,
)
from ..domain.times import now_text

_COLUMNS = "seq, case_id, entity, entity_id, action, recorded_at, body, prev_hash, " \
           "case_prev_hash, hash, salts"


def append(conn, entity: str, entity_id: int, action: str, body: dict,
           case_id: int | None = None, recorded_at: str | None = None) -> ChainEntry:
    """Append one entry (format 2: each field salted) inside the caller's transaction."""
    recorded_at = recorded_at or now_text()
    last = conn.execute("SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    case_prev = None
    if case_id is not None:
        row = conn.execute("SELECT hash FROM ledger WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
                           (case_id,)).fetchone()
        case_prev = row[0] if row else GENESIS
    body = json.loads(canonical(body))  # exactly what is hashed, no more, no less
    salts = new_salts(body)
    digest = entry_hash(committed_form(seq, case_id, entity, entity_id, action, recorded_at,
                                       field_digests(body, salts), prev, case_prev))
    conn.execute(f"INSERT INTO ledger ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                 (seq, case_id, entity, entity_id, action, recorded_at,
                  canonical(body).decode("utf-8"), prev, case_prev, digest,
                  canonical(salts).decode("utf-8")))
    return ChainEntry(seq, case_id, entity, entity_id, action, recorded_at, body, prev,
                      case_prev, digest, salts)


def _entry(row) -> ChainEntry:
    return ChainEntry(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]),
                      row[7], row[8], row[9], None if row[10] is None else json.loads(row[10]))


def entries(db, case_id: int | None = None, batch: int = 2000):
    """All entries in order (or one case's), read in batches so memory stays bounded."""
    where, params = ("WHERE case_id = ? AND seq > ?", [case_id]) if case_id is not None \
        else ("WHERE seq > ?", [])
    after = 0
    while True:
        rows = db.query(f"SELECT {_COLUMNS} FROM ledger {where} ORDER BY seq LIMIT {batch}",
                        (*params, after))
        if not rows:
            return
        for row in rows:
            yield _entry(row)
        after = rows[-1][0]


def history(db, entity: str, entity_id: int) -> list[ChainEntry]:
    rows = db.query(f"SELECT {_COLUMNS} FROM ledger WHERE entity = ? AND entity_id = ? "
                    "ORDER BY seq", (entity, entity_id))
    return [_entry(r) for r in rows]


def head(db, case_id: int | None = None) -> str:
    if case_id is None:
        row = db.one("SELECT hash FROM ledger ORDER BY seq DESC LIMIT 1")
    else:
        row = db.one("SELECT hash FROM ledger WHERE case_id = ? ORDER BY seq DESC LIMIT 1",
                     (case_id,))
    return row[0] if row else GENESIS


def count(db) -> int:
    return db.one("SELECT count(*) FROM ledger")[0]
