"""`journal check`: the cipher's page HMACs, SQLite's own check, the hash chain, the files."""
from __future__ import annotations

import hashlib

from ..domain.chain import canonical, first_break
from ..domain.model import CheckReport
from . import attachments, ledger
from .db import is_environment_error
from .interactions import FIELDS

_STATE = {
    # entity: (SQL giving id and the fields the ledger's latest create/amend body must match)
    "interaction": ("SELECT id, " + ", ".join(FIELDS) + " FROM interactions", FIELDS),
    "reference": ("SELECT id, interaction_id, kind, value FROM refs",
                  ("interaction_id", "kind", "value")),
    "promise": ("SELECT id, interaction_id, text, due_at FROM promises",
                ("interaction_id", "text", "due_at")),
    "case": ("SELECT id, platform_id, title, category, account_id, opened_at FROM cases",
             ("platform_id", "title", "category", "account_id", "opened_at")),
}


def _digest(values) -> bytes:
    return hashlib.sha256(canonical(list(values))).digest()


def rewritten_records(db, batch: int = 5000) -> list[str]:
    """Records whose current text differs from what the ledger last recorded for them.

    The ledger is what the chain protects; this catches an edit made to the
    record itself, around the program, even by someone holding the key. One
    pass over the ledger keeps a digest per record, so memory stays small.
    """
    recorded: dict[tuple[str, int], bytes] = {}
    for e in ledger.entries(db):
        if e.entity in _STATE and e.action in ("create", "amend"):
            recorded[(e.entity, e.entity_id)] = _digest(e.body.get(f) for f in _STATE[e.entity][1])
    problems: list[str] = []
    for entity, (select, _fields) in _STATE.items():
        after = 0
        while len(problems) < 10:
            rows = db.query(f"{select} WHERE id > ? ORDER BY id LIMIT {batch}", (after,))
            if not rows:
                break
            for row in rows:
                if recorded.get((entity, row[0])) != _digest(row[1:]):
                    problems.append(f"The {entity} {row[0]} differs from its last entry in "
                                    f"the hash chain: it was changed outside the program.")
            after = rows[-1][0]
    return problems[:10]


def _why(exc: Exception) -> str:
    if hasattr(exc, "exit_code"):
        return "damaged pages of the database cannot be decrypted."
    return f"{exc}."


def run(db) -> CheckReport:
    problems: list[str] = []
    cipher_ok = sqlite_ok = chain_ok = True
    try:
        rows = db.query("PRAGMA cipher_integrity_check")
        if rows:
            cipher_ok = False
            problems += [f"Encrypted page check: {r[0]}" for r in rows[:10]]
    except Exception as exc:  # a damaged file can fail the check itself
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        cipher_ok = False
        problems.append(f"Encrypted page check could not finish: {_why(exc)}")
    try:
        rows = db.query("PRAGMA integrity_check")
        if [r[0] for r in rows] != ["ok"]:
            sqlite_ok = False
            problems += [f"Database check: {r[0]}" for r in rows[:10]]
    except Exception as exc:
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        sqlite_ok = False
        problems.append(f"Database check could not finish: {_why(exc)}")
    entries = 0
    try:
        entries = ledger.count(db)
        broken = first_break(ledger.entries(db))
        if broken:
            chain_ok = False
            problems.append(f"Hash chain: {broken}")
        drift = rewritten_records(db)
        files = attachments.mismatches(db)
        if drift or files:
            chain_ok = False
            problems += drift + files
    except Exception as exc:
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        chain_ok = False
        problems.append(f"Hash chain could not be read to the end: {_why(exc)}")
    return CheckReport(cipher_ok, sqlite_ok, chain_ok, entries, tuple(problems))
