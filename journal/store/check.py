"""`journal check`: the cipher's page HMACs, SQLite's own check, the hash chain, the files."""
from __future__ import annotations

from ..domain.chain import first_break
from ..domain.model import CheckReport
from . import attachments, ledger
from .db import is_environment_error


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
        problems.append(f"Encrypted page check could not run: {exc}")
    try:
        rows = db.query("PRAGMA integrity_check")
        if [r[0] for r in rows] != ["ok"]:
            sqlite_ok = False
            problems += [f"Database check: {r[0]}" for r in rows[:10]]
    except Exception as exc:
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        sqlite_ok = False
        problems.append(f"Database check could not run: {exc}")
    entries = 0
    try:
        entries = ledger.count(db)
        broken = first_break(ledger.entries(db))
        if broken:
            chain_ok = False
            problems.append(f"Hash chain: {broken}")
        files = attachments.mismatches(db)
        if files:
            chain_ok = False
            problems += files
    except Exception as exc:
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        chain_ok = False
        problems.append(f"Hash chain could not be read: {exc}")
    return CheckReport(cipher_ok, sqlite_ok, chain_ok, entries, tuple(problems))
