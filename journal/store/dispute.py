"""A case's dispute records: complaint stages, money at stake, transactions, wallet addresses.

Evidence like an interaction: each is created through the hash chain (its fields are the
create entry's body) and never changed; a mistaken one is voided with a reason, also in the
chain, and stays readable. A case's jurisdiction is a column of its own, changed by an
"amend" entry of the case.
"""
from __future__ import annotations

from ..domain.dispute.facts import (
    Body,
    ComplaintKind,
    How,
    Jurisdiction,
    Money,
    Stage,
    StageKind,
    Transaction,
    Wallet,
    Whose,
)
from ..domain.times import now_text
from ..errors import BadInput, NotFound, Term
from . import cases, ledger


def _opt(choice, value):
    return None if value is None else choice(value)


class Table:
    """One dispute table: its ledger entity, its columns (after case_id) and its record."""

    def __init__(self, entity: str, table: str, fields: tuple[str, ...], make, missing: str):
        self.entity, self.table, self.fields = entity, table, fields
        self.make, self.missing = make, missing
        self.select = (f"SELECT id, case_id, {', '.join(fields)}, recorded_at, voided_at, "
                       f"void_reason FROM {table}")

    def add(self, conn, case_id: int, values: dict, touch_at: str | None = None) -> int:
        recorded = now_text()
        row = [values.get(f) for f in self.fields]
        cur = conn.execute(
            f"INSERT INTO {self.table} (case_id, {', '.join(self.fields)}, recorded_at) "
            f"VALUES (?, {', '.join('?' * len(self.fields))}, ?)", (case_id, *row, recorded))
        ledger.append(conn, self.entity, cur.lastrowid, "create",
                      {"case_id": case_id, **dict(zip(self.fields, row))}, case_id=case_id,
                      recorded_at=recorded)
        if touch_at is not None:
            cases.touch(conn, case_id, touch_at)
        return cur.lastrowid

    def get(self, db, record_id: int):
        row = db.one(f"{self.select} WHERE id = ?", (record_id,))
        if row is None:
            raise NotFound(self.missing, **{self.entity: record_id})
        return self.make(row)

    def of_case(self, db, case_id: int, *, voided: bool = False) -> list:
        where = "" if voided else " AND voided_at IS NULL"
        return [self.make(r) for r in db.query(
            f"{self.select} WHERE case_id = ?{where} ORDER BY id", (case_id,))]

    def of_cases(self, db, case_ids=None) -> list:
        """Every record that is not voided (of `case_ids`, if given), in one query."""
        if case_ids is None:
            return [self.make(r) for r in db.query(
                f"{self.select} WHERE voided_at IS NULL ORDER BY case_id, id")]
        ids = list(case_ids)
        found = []
        for i in range(0, len(ids), 900):
            part = ids[i:i + 900]
            found += [self.make(r) for r in db.query(
                f"{self.select} WHERE voided_at IS NULL AND case_id IN "
                f"({', '.join('?' * len(part))}) ORDER BY case_id, id", part)]
        return found

    def void(self, conn, record_id: int, reason: str) -> int:
        row = conn.execute(f"SELECT case_id, voided_at FROM {self.table} WHERE id = ?",
                           (record_id,)).fetchone()
        if row is None:
            raise NotFound(self.missing, **{self.entity: record_id})
        if row[1] is not None:
            raise BadInput("dispute.already_voided", entity=Term(self.entity), id=record_id)
        recorded = now_text()
        conn.execute(f"UPDATE {self.table} SET voided_at = ?, void_reason = ? WHERE id = ?",
                     (recorded, reason, record_id))
        ledger.append(conn, self.entity, record_id, "void", {"reason": reason},
                      case_id=row[0], recorded_at=recorded)
        return row[0]


STAGE_FIELDS = ("stage", "happened_at", "how", "reference", "to_body", "jurisdiction", "kind")
MONEY_FIELDS = ("amount", "asset", "network", "fiat_amount", "fiat_currency", "valued_on")
TRANSACTION_FIELDS = ("tx_hash", "network", "from_address", "to_address", "amount", "asset",
                      "happened_at")
WALLET_FIELDS = ("address", "network", "whose", "label")

STAGES = Table("stage", "stages", STAGE_FIELDS, lambda r: Stage(
    r[0], r[1], StageKind(r[2]), r[3], _opt(How, r[4]), r[5], _opt(Body, r[6]),
    _opt(Jurisdiction, r[7]), ComplaintKind(r[8]), r[9], r[10], r[11]), "stage.none")
MONEY = Table("money", "money", MONEY_FIELDS, lambda r: Money(*r), "money.none")
TRANSACTIONS = Table("transaction", "transactions", TRANSACTION_FIELDS,
                     lambda r: Transaction(*r), "transaction.none")
WALLETS = Table("wallet", "wallets", WALLET_FIELDS, lambda r: Wallet(
    r[0], r[1], r[2], r[3], Whose(r[4]), r[5], r[6], r[7], r[8]), "wallet.none")
TABLES = (STAGES, MONEY, TRANSACTIONS, WALLETS)


def find_transaction(db, case_id: int, tx_hash: str):
    row = db.one("SELECT id FROM transactions WHERE case_id = ? AND lower(tx_hash) = lower(?) "
                 "AND voided_at IS NULL", (case_id, tx_hash))
    return None if row is None else row[0]


def find_wallet(db, case_id: int, address: str):
    row = db.one("SELECT id FROM wallets WHERE case_id = ? AND address = ? "
                 "AND voided_at IS NULL", (case_id, address))
    return None if row is None else row[0]


def set_jurisdiction(conn, case_id: int, code: str | None) -> None:
    row = conn.execute("SELECT jurisdiction FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound("case.none", case=case_id)
    if row[0] != code:
        conn.execute("UPDATE cases SET jurisdiction = ? WHERE id = ?", (code, case_id))
        ledger.append(conn, "case", case_id, "amend", {"jurisdiction": code}, case_id=case_id)


def jurisdictions(db, statuses=None) -> dict[int, tuple[str | None, str]]:
    """{case id: (jurisdiction, category)} of every case (in one of `statuses`, if given)."""
    if statuses is None:
        rows = db.query("SELECT id, jurisdiction, category FROM cases")
    else:
        rows = db.query(f"SELECT id, jurisdiction, category FROM cases WHERE status IN "
                        f"({', '.join('?' * len(statuses))})", list(statuses))
    return {r[0]: (r[1], r[2]) for r in rows}


def deadline_rows(db, statuses=None, case_id: int | None = None):
    """What the deadlines are counted from, in two queries however many cases: the stages
    that are not voided of the cases (in `statuses`, or the one `case_id`) as (case id,
    jurisdiction, category, stage, happened_at, how, to_body, stage's jurisdiction, kind),
    and {case id: (jurisdiction, category, the earliest time money left)} from their
    transactions and valuations."""
    if case_id is not None:
        where, params = "c.id = ?", [case_id]
    elif statuses is not None:
        where, params = f"c.status IN ({', '.join('?' * len(statuses))})", list(statuses)
    else:
        where, params = "1", []
    stages = db.query(
        "SELECT s.case_id, c.jurisdiction, c.category, s.stage, s.happened_at, s.how, "
        "s.to_body, s.jurisdiction, s.kind FROM stages s JOIN cases c ON c.id = s.case_id "
        f"WHERE s.voided_at IS NULL AND {where} ORDER BY s.case_id, s.id", params)
    loss: dict[int, tuple] = {}
    for cid, jurisdiction, category, when in db.query(
            "SELECT t.case_id, c.jurisdiction, c.category, t.happened_at FROM transactions t "
            f"JOIN cases c ON c.id = t.case_id WHERE t.voided_at IS NULL AND "
            f"t.happened_at IS NOT NULL AND {where} UNION ALL "
            "SELECT m.case_id, c.jurisdiction, c.category, m.valued_on FROM money m "
            f"JOIN cases c ON c.id = m.case_id WHERE m.voided_at IS NULL AND "
            f"m.valued_on IS NOT NULL AND {where}", params * 2):
        if cid not in loss or when[:10] < loss[cid][2][:10]:
            loss[cid] = (jurisdiction, category, when)
    return stages, loss
