"""Recompute chain.json without the journal: each entry's hash, each link, and what the
entries say each record is now (its latest revision), for comparing with case.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain.chain import GENESIS, committed_form, entry_hash, field_digest, hashed_form
from .chain_document import CHAIN_JSON_NAME, PROSE_KEYS

_HEX64 = re.compile(r"[0-9a-f]{64}")


class Incomplete(ValueError):
    """An entry lacks a field, or has one of the wrong kind."""


@dataclass
class Record:
    """One record as its entries leave it: the fields shown, and those shown by digest."""
    entity: str
    id: int
    fields: dict = field(default_factory=dict)
    hidden: set = field(default_factory=set)
    recorded_at: str | None = None
    amended: bool = False
    voided: bool = False
    void_reason: str | None = None
    void_hidden: bool = False
    status_changed_at: str | None = None


@dataclass
class ChainReport:
    problems: list = field(default_factory=list)
    unprovable: list = field(default_factory=list)   # seq of format-1 entries shown redacted
    records: dict = field(default_factory=dict)      # (entity, id) -> Record
    keys: list = field(default_factory=list)         # the keys the entries introduce (bodies)
    last: str = GENESIS
    count: int = 0
    salted: int = 0                                  # entries of format 2


def _text(value, what: str) -> str:
    if not isinstance(value, str):
        raise Incomplete(what)
    return value


def entry_problem(e: dict, report: ChainReport) -> str | None:
    """Recompute one shown entry's hash; None when it matches (or cannot be proven, which
    is noted in the report). Raises Incomplete for an entry that lacks what it needs."""
    if not isinstance(e, dict) or not isinstance(e.get("body"), dict):
        raise Incomplete("body")
    seq = e["seq"]
    if type(seq) is not int:
        raise Incomplete("seq")
    header = (seq, e["case"], _text(e["entity"], "entity"), e["id"], _text(e["action"], "action"),
              _text(e["recorded_at"], "recorded_at"))
    links = (e["prev"], e["case_prev"])
    if e.get("v") == 2:
        salts, digests = e.get("salts"), e.get("digests", {})
        if not isinstance(salts, dict) or not isinstance(digests, dict):
            raise Incomplete("salts")
        body = e["body"]
        if set(salts) != set(body) or set(body) & set(digests) \
                or not all(isinstance(d, str) and _HEX64.fullmatch(d) for d in digests.values()):
            return f"entry {seq} does not show each field once, by value and salt or by digest."
        fields = {k: field_digest(salts[k], k, v) for k, v in body.items()} | digests
        if entry_hash(committed_form(*header, fields, *links)) != e["hash"]:
            return f"entry {seq} ({e['entity']} {e['id']}, {e['action']}) does not match its hash."
        return None
    if "v" in e:
        return f"entry {seq} is of a chain format this program does not know."
    redacted = e.get("redacted") or []
    if redacted:
        if not isinstance(redacted, list) or not set(redacted) <= set(PROSE_KEYS):
            return f"entry {seq} claims redaction of a field that is never redacted."
        report.unprovable.append(seq)
        return None
    if entry_hash(hashed_form(*header, e["body"], *links)) != e["hash"]:
        return f"entry {seq} ({e['entity']} {e['id']}, {e['action']}) does not match its hash."
    return None


def _apply(e: dict, records: dict, keys: list) -> None:
    key = (e["entity"], e["id"])
    hidden = set(e.get("digests") or ()) | set(e.get("redacted") or ())
    body = e["body"]
    if e["entity"] == "signing_key":
        if e["action"] == "introduce" and isinstance(body.get("public_key"), str):
            keys.append(body)
        return
    record = records.get(key)
    if e["action"] == "create" or record is None:
        record = records.setdefault(key, Record(e["entity"], e["id"],
                                                recorded_at=e["recorded_at"]))
    if e["action"] in ("create", "amend"):
        record.amended |= e["action"] == "amend"
        record.fields.update({k: v for k, v in body.items() if k not in hidden})
        record.hidden = (record.hidden - set(body)) | hidden
        for k in hidden:
            record.fields.pop(k, None)
    elif e["action"] == "status":
        record.fields["status"] = body.get("to")
        record.status_changed_at = e["recorded_at"]
    elif e["action"] == "void":
        record.voided = True
        record.void_reason = body.get("reason")
        record.void_hidden = "reason" in hidden


def check_chain(entries, *, case_id, linked: bool = True, where: str = CHAIN_JSON_NAME,
                report: ChainReport | None = None) -> ChainReport:
    """Recompute entries in order. With `linked`, each must link to the one before it
    (the case's own chain); the directory's entries come from the whole journal's chain
    and are recomputed one by one."""
    report = report or ChainReport()
    if not isinstance(entries, list):
        report.problems.append(f"{where} has no list of entries.")
        return report
    prev = GENESIS
    for n, e in enumerate(entries, start=1):
        try:
            problem = entry_problem(e, report)
            report.salted += e.get("v") == 2
            if problem:
                report.problems.append(f"{where}: {problem}")
            if linked:
                if e["case_prev"] != prev:
                    report.problems.append(f"{where}: entry {e['seq']} does not link to the "
                                           f"case's entry before it.")
                if e["case"] != case_id:
                    report.problems.append(f"{where}: entry {e['seq']} belongs to another "
                                           f"case.")
                prev = e["hash"]
            _apply(e, report.records, report.keys)
        except (KeyError, TypeError, AttributeError, ValueError, RecursionError):
            report.problems.append(f"{where}: entry {n} is incomplete.")
            return report
    if linked:
        report.last, report.count = prev, len(entries)
    return report
