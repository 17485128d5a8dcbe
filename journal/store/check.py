"""`journal check`: the cipher's page HMACs, SQLite's own check, the hash chain, every
record against the chain (check_records.py), the files, and the search index against the
records (check_index.py)."""
from __future__ import annotations

from ..domain.chain import first_break
from ..domain.model import CheckReport
from . import attachments, check_index, check_records, ledger, signing_key
from .db import is_environment_error


def chain_and_records(db) -> tuple[str | None, list[str]]:
    """The chain's first broken link (or None), and the records that differ from it.

    One read of the ledger serves both: each entry is replayed into its record's state as
    the chain is recomputed. The ledger and the tables are read in one snapshot, so a
    record written meanwhile cannot look like one added outside the program.
    """
    with check_records.snapshot(db):
        replay = check_records.Replay()
        entries = replay.feed(ledger.entries(db))
        broken = first_break(entries)
        for _ in entries:  # past a broken link, the rest still tells each record's state
            pass
        return broken, check_records.differences(db, replay)


def _why(exc: Exception) -> str:
    if hasattr(exc, "exit_code"):  # (db.problem: a page failing its HMAC is IntegrityFailure)
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
        broken, drift = chain_and_records(db)
        if broken:
            chain_ok = False
            problems.append(f"Hash chain: {broken}")
        files = attachments.mismatches(db) + signing_key.mismatches(db)
        if drift or files:
            chain_ok = False
            problems += drift + files
    except Exception as exc:
        if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
            raise
        chain_ok = False
        problems.append(f"Hash chain could not be read to the end: {_why(exc)}")
    index_ok = True
    if cipher_ok and sqlite_ok:  # on damaged pages, comparing would only meet the damage again
        try:
            index_ok = check_index.matches_records(db)
            if not index_ok:
                problems.append(check_index.MISMATCH)
        except Exception as exc:
            if not is_environment_error(exc) and not hasattr(exc, "exit_code"):
                raise
            index_ok = False
            problems.append(f"The search index could not be checked: {_why(exc)}")
    return CheckReport(cipher_ok, sqlite_ok, chain_ok, entries, tuple(problems), index_ok)
