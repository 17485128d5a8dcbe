"""Interactions and what the agent gave: reference numbers and promises.

An interaction is never rewritten silently: an amendment writes the whole new
state to the ledger with its reason and bumps the revision; a void keeps the
record and takes it out of search.
"""
from __future__ import annotations

from ..domain.model import (
    Interaction,
    InteractionKind,
    Outcome,
    Promise,
    PromiseStatus,
    Reference,
    ReferenceKind,
)
from ..domain.times import instant, now_text
from ..errors import BadInput, NotFound
from . import cases, ledger

FIELDS = ("kind", "outcome", "channel_id", "contact", "started_at", "ended_at", "wait_minutes",
          "agent", "language", "notes")
_SELECT = ("SELECT id, case_id, kind, outcome, channel_id, contact, started_at, ended_at, "
           "wait_minutes, agent, language, notes, recorded_at, revision, voided_at, void_reason "
           "FROM interactions")
_REF = "SELECT id, interaction_id, kind, value, recorded_at FROM refs"
_PROMISE = ("SELECT id, interaction_id, case_id, text, due_at, status, recorded_at, "
            "status_changed_at FROM promises")


def _reference(r) -> Reference:
    return Reference(r[0], r[1], ReferenceKind(r[2]), r[3], r[4])


def _promise(r) -> Promise:
    return Promise(r[0], r[1], r[2], r[3], r[4], PromiseStatus(r[5]), r[6], r[7])


def _interaction(r, refs=(), promises=(), attachments=()) -> Interaction:
    return Interaction(r[0], r[1], InteractionKind(r[2]), Outcome(r[3]), r[4], r[5], r[6], r[7],
                       r[8], r[9], r[10], r[11], r[12], r[13], r[14] is not None, r[15],
                       tuple(refs), tuple(promises), tuple(attachments))


def add_reference(conn, case_id: int, interaction_id: int, kind: ReferenceKind, value: str,
                  recorded: str) -> None:
    cur = conn.execute("INSERT INTO refs (interaction_id, kind, value, recorded_at) "
                       "VALUES (?,?,?,?)", (interaction_id, kind.value, value, recorded))
    ledger.append(conn, "reference", cur.lastrowid, "create",
                  {"interaction_id": interaction_id, "kind": kind.value, "value": value},
                  case_id=case_id, recorded_at=recorded)


def add_promise(conn, case_id: int, interaction_id: int, text: str, due_at: str,
                recorded: str) -> int:
    cur = conn.execute(
        "INSERT INTO promises (interaction_id, case_id, text, due_at, due_ts, status, "
        "recorded_at) VALUES (?,?,?,?,?,?,?)",
        (interaction_id, case_id, text, due_at, instant(due_at), PromiseStatus.PENDING.value,
         recorded))
    ledger.append(conn, "promise", cur.lastrowid, "create",
                  {"interaction_id": interaction_id, "text": text, "due_at": due_at,
                   "status": PromiseStatus.PENDING.value}, case_id=case_id, recorded_at=recorded)
    return cur.lastrowid


def create(conn, case_id: int, fields: dict, recorded: str | None = None) -> int:
    """Insert an interaction inside the caller's transaction; the caller adds its parts."""
    recorded = recorded or now_text()
    values = [fields.get(f) for f in FIELDS]
    cur = conn.execute(
        f"INSERT INTO interactions (case_id, {', '.join(FIELDS)}, started_ts, recorded_at) "
        f"VALUES (?, {', '.join('?' * len(FIELDS))}, ?, ?)",
        (case_id, *values, instant(fields["started_at"]), recorded))
    iid = cur.lastrowid
    ledger.append(conn, "interaction", iid, "create",
                  {"case_id": case_id, **{f: fields.get(f) for f in FIELDS}},
                  case_id=case_id, recorded_at=recorded)
    cases.touch(conn, case_id, fields.get("ended_at") or fields["started_at"])
    return iid


def amend(conn, interaction_id: int, changes: dict, reason: str | None,
          recorded: str) -> None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (interaction_id,)).fetchone()
    if row is None:
        raise NotFound("interaction.none", interaction=interaction_id)
    if row[14] is not None:
        raise BadInput("interaction.voided", interaction=interaction_id)
    current = dict(zip(FIELDS, (row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9],
                                row[10], row[11])))
    updated = {**current, **changes}
    if updated != current:
        revision = row[13] + 1
        sets = ", ".join(f"{f} = ?" for f in FIELDS)
        conn.execute(f"UPDATE interactions SET {sets}, started_ts = ?, revision = ? WHERE id = ?",
                     (*[updated[f] for f in FIELDS], instant(updated["started_at"]), revision,
                      interaction_id))
        ledger.append(conn, "interaction", interaction_id, "amend",
                      {"case_id": row[1], **updated, "revision": revision, "reason": reason},
                      case_id=row[1], recorded_at=recorded)
        cases.touch(conn, row[1], updated.get("ended_at") or updated["started_at"])


def void(conn, interaction_id: int, reason: str, recorded: str) -> int:
    row = conn.execute("SELECT case_id, voided_at FROM interactions WHERE id = ?",
                       (interaction_id,)).fetchone()
    if row is None:
        raise NotFound("interaction.none", interaction=interaction_id)
    if row[1] is not None:
        raise BadInput("interaction.already_voided", interaction=interaction_id)
    conn.execute("UPDATE interactions SET voided_at = ?, void_reason = ? WHERE id = ?",
                 (recorded, reason, interaction_id))
    ledger.append(conn, "interaction", interaction_id, "void", {"reason": reason},
                  case_id=row[0], recorded_at=recorded)
    return row[0]


def case_of(db, interaction_id: int) -> int:
    row = db.one("SELECT case_id FROM interactions WHERE id = ?", (interaction_id,))
    if row is None:
        raise NotFound("interaction.none", interaction=interaction_id)
    return row[0]


def get(db, interaction_id: int) -> Interaction:
    from .attachments import list_for
    row = db.one(f"{_SELECT} WHERE id = ?", (interaction_id,))
    if row is None:
        raise NotFound("interaction.none", interaction=interaction_id)
    refs = [_reference(r) for r in db.query(f"{_REF} WHERE interaction_id = ? ORDER BY id",
                                            (interaction_id,))]
    promises = [_promise(r) for r in db.query(f"{_PROMISE} WHERE interaction_id = ? ORDER BY id",
                                              (interaction_id,))]
    return _interaction(row, refs, promises, list_for(db, [interaction_id]))


def timeline(db, case_id: int, include_voided: bool = True) -> list[Interaction]:
    """A case's interactions in the order they happened, each with its parts."""
    from .attachments import list_for
    voided = "" if include_voided else "AND voided_at IS NULL"
    rows = db.query(f"{_SELECT} WHERE case_id = ? {voided} ORDER BY started_ts, id", (case_id,))
    ids = [r[0] for r in rows]
    refs: dict[int, list] = {}
    promises: dict[int, list] = {}
    for r in db.query(f"{_REF} WHERE interaction_id IN (SELECT id FROM interactions "
                      "WHERE case_id = ?) ORDER BY id", (case_id,)):
        refs.setdefault(r[1], []).append(_reference(r))
    for r in db.query(f"{_PROMISE} WHERE case_id = ? ORDER BY id", (case_id,)):
        promises.setdefault(r[1], []).append(_promise(r))
    files: dict[int, list] = {}
    for a in list_for(db, ids):
        files.setdefault(a.interaction_id, []).append(a)
    return [_interaction(r, refs.get(r[0], ()), promises.get(r[0], ()), files.get(r[0], ()))
            for r in rows]


def list_promises(db, status: PromiseStatus | None = None, overdue_at: float | None = None,
                  case_id: int | None = None, due_after: float | None = None,
                  due_until: float | None = None) -> list[Promise]:
    """Promises in due order; due_after < due ≤ due_until (POSIX seconds) where given."""
    filters, params = [], []
    for bound, sql in ((due_after, "due_ts > ?"), (due_until, "due_ts <= ?")):
        if bound is not None:
            filters.append(sql)
            params.append(bound)
    if status is not None:
        filters.append("status = ?")
        params.append(status.value)
    if overdue_at is not None:
        filters.append("status = 'pending' AND due_ts < ?")
        params.append(overdue_at)
    if case_id is not None:
        filters.append("case_id = ?")
        params.append(case_id)
    where = f"WHERE {' AND '.join(filters)}" if filters else ""
    return [_promise(r) for r in db.query(f"{_PROMISE} {where} ORDER BY due_ts, id", params)]


def get_promise(db, promise_id: int) -> Promise:
    row = db.one(f"{_PROMISE} WHERE id = ?", (promise_id,))
    if row is None:
        raise NotFound("promise.none", promise=promise_id)
    return _promise(row)


def set_promise_status(db, promise_id: int, status: PromiseStatus) -> Promise:
    with db.transaction() as conn:
        row = conn.execute("SELECT case_id, status FROM promises WHERE id = ?",
                           (promise_id,)).fetchone()
        if row is None:
            raise NotFound("promise.none", promise=promise_id)
        if row[1] != status.value:
            recorded = now_text()
            conn.execute("UPDATE promises SET status = ?, status_changed_at = ? WHERE id = ?",
                         (status.value, recorded, promise_id))
            ledger.append(conn, "promise", promise_id, "status",
                          {"from": row[1], "to": status.value}, case_id=row[0],
                          recorded_at=recorded)
    return get_promise(db, promise_id)
