"""Checking an imported dump's records against its hash chain: replaying the ledger gives
each record's fields and the case it is filed under, and every record has its `create`
entry and every `create` entry its record (docs/dump-format.md, check 9).

Which records the ledger creates is followed as its entries are read (`Creations`, a few
numbers an entry); the fields are compared at the end, from the new database itself, one
record and its entries at a time (`check_records`), so memory holds no record's text.
"""
from __future__ import annotations

import json

from ..errors import BadInput, Term
from .dump_format import RECORDS, SECTIONS

_ENTITIES = {SECTIONS[section][1]: section for section in RECORDS}
_LISTS = ("languages", "countries")  # stored as JSON text


class Creations:
    """The records the ledger creates, entry by entry in the order read (a signing key's
    introduction is no record)."""

    def __init__(self):
        self.created: dict[str, set[int]] = {}

    def add(self, e: dict) -> BadInput | None:
        """The problem this entry makes, if any: a record created twice, or changed first."""
        if e["entity"] == "signing_key":
            return None
        ids = self.created.setdefault(e["entity"], set())
        if e["action"] == "create":
            if e["entity_id"] in ids:
                return BadInput("dump.created_twice", entity=Term(e["entity"]), id=e["entity_id"])
            ids.add(e["entity_id"])
        elif e["entity_id"] not in ids:
            return BadInput("dump.changed_before_created", seq=e["seq"], entity=Term(e["entity"]),
                            id=e["entity_id"])
        return None

    def count(self) -> int:
        return sum(map(len, self.created.values()))


def check_created(creations: Creations, ids_in_order) -> None:
    """Every record has its create entry: the first that has none, in the order read (first,
    so that a file cut short says so). `ids_in_order(section)`: its records' ids."""
    for section in RECORDS:
        entity = SECTIONS[section][1]
        created = creations.created.get(entity, set())
        for ident in ids_in_order(section):
            if ident not in created:
                raise BadInput("dump.not_in_chain", entity=Term(entity), id=ident)


def check_records(conn, interaction_cases: dict, progress=None, total: int = 0) -> None:
    """Each record in the new database is what its ledger entries say, field by field, and is
    filed under the case its entries name. Every record has its create entry (check_created)."""
    done = 0
    for section in RECORDS:
        table, entity, fields = SECTIONS[section]
        names = list(fields)
        lists = [(n, name) for n, name in enumerate(names) if name in _LISTS]
        entries = conn.cursor().execute(
            "SELECT entity_id, action, recorded_at, case_id, body FROM ledger "
            "WHERE entity = ? ORDER BY entity_id, seq", (entity,))
        entry = entries.fetchone()
        for row in conn.cursor().execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id"):
            ident = row[0]
            while entry is not None and entry[0] < ident:
                entry = entries.fetchone()
            state, filed = {}, None
            while entry is not None and entry[0] == ident:
                _, action, recorded_at, case_id, body = entry
                if action == "create":
                    state = {"revision": 1, "voided_at": None, "void_reason": None,
                             "status_changed_at": None, **json.loads(body),
                             "recorded_at": recorded_at}
                    filed = case_id
                elif action == "amend":
                    state.update(json.loads(body))
                elif action == "status":
                    state.update(status=json.loads(body).get("to"),
                                 status_changed_at=recorded_at)
                elif action == "void":
                    state.update(voided_at=recorded_at, void_reason=json.loads(body).get("reason"))
                entry = entries.fetchone()
            record = dict(zip(names, row))
            for n, name in lists:
                record[name] = json.loads(row[n])
            for field, value in state.items():
                if field in record and record[field] != value:
                    raise BadInput("dump.differs_from_chain", entity=Term(entity), id=ident,
                                   field=field)
            case = _case_of(section, record, interaction_cases)
            if filed != case:
                raise BadInput("dump.filed_elsewhere", entity=Term(entity), id=ident,
                               filed=filed, case=case)
            done += 1
            if progress is not None and done % 5000 == 0:
                progress("checking", done, total)


def _case_of(section: str, record: dict, interaction_cases: dict) -> int | None:
    if section == "cases":
        return record["id"]
    if section in ("references", "attachments"):
        return interaction_cases[record["interaction_id"]]
    return record.get("case_id")  # interactions and promises; none for platforms, channels


def check_nothing_extra(conn, creations: Creations, ids: dict[str, set], records: int) -> None:
    """Every create entry has its record (the records all have theirs): else the first, in
    the ledger's order, that has none."""
    if creations.count() == records:
        return
    for entity, ident in conn.execute("SELECT entity, entity_id FROM ledger WHERE action = "
                                      "'create' AND entity != 'signing_key' ORDER BY seq"):
        section = _ENTITIES.get(entity)
        if section is None or ident not in ids[section]:
            raise BadInput("dump.chain_extra", entity=Term(entity), id=ident)
