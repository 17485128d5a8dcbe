"""A case's dispute: its jurisdiction, the complaint's stages, the money at stake, the
transactions and wallet addresses; and the clocks (deadlines) they start."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from datetime import date

from ..domain import times
from ..domain.dispute import deadlines, onchain
from ..domain.dispute.facts import (
    Body,
    ComplaintKind,
    How,
    Jurisdiction,
    StageKind,
    Whose,
)
from ..domain.inputs import ident as _id
from ..domain.inputs import text as _text
from ..domain.rules import OPEN_STATUSES
from ..errors import BadInput, Term
from ..store import dispute as store
from ..store import interactions as interaction_store
from .cases import Cases
from .context import Context, writes
from .index import SearchIndex
from .times import past_time


def jurisdiction(code: str | None) -> str | None:
    """A jurisdiction's code, checked (None and "" for none)."""
    if code is None or not code.strip():
        return None
    try:
        return Jurisdiction(code.strip().lower()).value
    except ValueError:
        raise BadInput("jurisdiction.unknown", text=code,
                       words=", ".join(j.value for j in Jurisdiction)) from None


def _date(text: str | None, what: str) -> str | None:
    if text is None or not str(text).strip():
        return None
    return times.parse_time(str(text).strip()[:10], what).date().isoformat()


class Dispute:
    """Needs: the context, the cases and the search index (a transaction's id, an address
    and a stage's reference find their case)."""

    def __init__(self, ctx: Context, cases: Cases, index: SearchIndex):
        self.ctx, self.cases, self.index = ctx, cases, index

    @property
    def db(self):
        return self.ctx.require_open()

    # -- jurisdiction and stages ------------------------------------------------------

    @writes()
    def set_jurisdiction(self, case_id, code: str | None):
        case = self.cases.case(case_id)
        with self.ctx.write() as conn:
            store.set_jurisdiction(conn, case.id, jurisdiction(code))
        return self.cases.case(case.id)

    @writes()
    def add_stage(self, case_id, stage: str, *, on: str | None = None, how: str | None = None,
                  ref: str | None = None, to: str | None = None,
                  jurisdiction_: str | None = None, kind: str | None = None):
        """Record a stage of the complaint (dated `on`, default now). An escalation says to
        whom (`to`); a final response with `to` is that body's answer (the ombudsman's, a
        data access request's). A holding reply or the platform's final response comes after
        the formal complaint."""
        case = self.cases.case(case_id)
        stage_ = StageKind.parse(stage, "complaint stage")
        at = past_time(on, "stage time") if on else times.now_text()
        how_ = How.parse(how, "way of complaining").value if how else None
        ref = _text(ref, "stage reference", limit=200)
        to_ = Body.parse(to, "body escalated to").value if to else None
        if stage_ is StageKind.ESCALATION and to_ is None:
            raise BadInput("stage.escalation_needs_body", words=", ".join(b.value for b in Body))
        code = jurisdiction(jurisdiction_)
        earlier = store.STAGES.of_case(self.db, case.id)
        complaints = [s for s in earlier if s.stage is StageKind.COMPLAINT]
        if kind:
            kind_ = ComplaintKind.parse(kind, "kind of complaint").value
        else:  # a reply is to the complaint: it keeps its kind
            kind_ = complaints[0].kind.value if complaints else ComplaintKind.OTHER.value
        if stage_ in (StageKind.HOLDING_REPLY, StageKind.FINAL_RESPONSE) and to_ is None and \
                not any(times.instant(s.happened_at) <= times.instant(at) for s in complaints):
            raise BadInput("stage.before_complaint", case=case.id,
                           stage=Term(stage_.value.replace("-", " ")))
        with self.ctx.write() as conn:
            if code and case.jurisdiction is None:
                store.set_jurisdiction(conn, case.id, code)
            sid = store.STAGES.add(conn, case.id, {
                "stage": stage_.value, "happened_at": at, "how": how_, "reference": ref,
                "to_body": to_, "jurisdiction": code if code != case.jurisdiction else None,
                "kind": kind_}, touch_at=at)
            self.index.case_opened(conn, case.id)
        return store.STAGES.get(self.db, sid)

    def stages(self, case_id, *, voided: bool = False):
        return store.STAGES.of_case(self.db, self.cases.case(case_id).id, voided=voided)

    # -- money, transactions, wallets -------------------------------------------------

    @writes()
    def add_money(self, case_id, amount, asset: str, *, network: str | None = None,
                  fiat: str | None = None, currency: str | None = None,
                  valued_on: str | None = None):
        """An amount at stake, with its fiat value on a date if known."""
        case = self.cases.case(case_id)
        values = {"amount": onchain.amount(amount), "asset": onchain.asset(asset),
                  "network": onchain.network(network).code if network else None}
        if fiat is not None or currency is not None:
            if fiat is None or currency is None:
                raise BadInput("money.fiat_needs_currency")
            values.update(fiat_amount=onchain.amount(fiat, "fiat value"),
                          fiat_currency=onchain.currency(currency),
                          valued_on=_date(valued_on, "date of the fiat value")
                          or times.now().date().isoformat())
        with self.ctx.write() as conn:
            mid = store.MONEY.add(conn, case.id, values)
        return store.MONEY.get(self.db, mid)

    @writes()
    def add_transaction(self, case_id, tx_hash: str, network: str, *,
                        from_address: str | None = None, to_address: str | None = None,
                        amount=None, asset: str | None = None, at: str | None = None):
        case = self.cases.case(case_id)
        net = onchain.network(network)
        value = onchain.tx_hash(tx_hash, net)
        if (amount is None) != (asset is None):
            raise BadInput("money.amount_needs_asset")
        existing = store.find_transaction(self.db, case.id, value)
        if existing is not None:
            raise BadInput("transaction.already", case=case.id, hash=value,
                           transaction=existing)
        values = {
            "tx_hash": value, "network": net.code,
            "from_address": onchain.address(from_address, net) if from_address else None,
            "to_address": onchain.address(to_address, net) if to_address else None,
            "amount": onchain.amount(amount) if amount is not None else None,
            "asset": onchain.asset(asset) if asset is not None else None,
            "happened_at": past_time(at, "transaction time") if at else None}
        with self.ctx.write() as conn:
            tid = store.TRANSACTIONS.add(conn, case.id, values, touch_at=values["happened_at"])
            self.index.case_opened(conn, case.id)
        return store.TRANSACTIONS.get(self.db, tid)

    @writes()
    def add_wallet(self, case_id, address: str, network: str, *, whose: str = "theirs",
                   label: str | None = None):
        case = self.cases.case(case_id)
        net = onchain.network(network)
        value = onchain.address(address, net)
        existing = store.find_wallet(self.db, case.id, value)
        if existing is not None:
            raise BadInput("wallet.already", case=case.id, address=value, wallet=existing)
        with self.ctx.write() as conn:
            wid = store.WALLETS.add(conn, case.id, {
                "address": value, "network": net.code,
                "whose": Whose.parse(whose, "whose address").value,
                "label": _text(label, "address label", limit=200)})
            self.index.case_opened(conn, case.id)
        return store.WALLETS.get(self.db, wid)

    @writes()
    def void_dispute_record(self, entity: str, record_id, reason: str):
        """Void a stage, amount, transaction or wallet address recorded by mistake: it stays
        in the chain and in the case file's history, marked void with the reason."""
        table = {t.entity: t for t in store.TABLES}[entity]
        reason = _text(reason, "reason for voiding", required=True)
        with self.ctx.write() as conn:
            case_id = table.void(conn, _id(record_id, entity), reason)
            self.index.case_opened(conn, case_id)
        return table.get(self.db, _id(record_id, entity))

    def money(self, case_id, *, voided: bool = False):
        return store.MONEY.of_case(self.db, self.cases.case(case_id).id, voided=voided)

    def transactions(self, case_id, *, voided: bool = False):
        return store.TRANSACTIONS.of_case(self.db, self.cases.case(case_id).id, voided=voided)

    def wallets(self, case_id, *, voided: bool = False):
        return store.WALLETS.of_case(self.db, self.cases.case(case_id).id, voided=voided)

    def offered_transactions(self, case_id) -> list[tuple[str, str]]:
        """(reference, the network it could be on) of the case's recorded references that
        look like a transaction id and are not a transaction of the case yet."""
        case = self.cases.case(case_id)
        have = {t.tx_hash.lower() for t in store.TRANSACTIONS.of_case(self.db, case.id)}
        found, seen = [], set()
        for interaction in interaction_store.timeline(self.db, case.id, include_voided=False):
            for r in interaction.references:
                family = onchain.looks_like_tx_hash(r.value)
                key = r.value.strip().lower()
                if family and key not in have and key not in seen:
                    seen.add(key)
                    found.append((r.value.strip(), family))
        return found

    # -- deadlines --------------------------------------------------------------------

    def deadlines(self, case_id=None, *, today: date | None = None, pending_only=None):
        """The clocks of one case (all, met ones too), or the pending clocks of every open
        case; soonest due first."""
        today = today or times.now().date()
        if case_id is not None:
            rows = store.deadline_rows(self.db, case_id=self.cases.case(case_id).id)
            pending_only = False if pending_only is None else pending_only
        else:
            rows = store.deadline_rows(self.db, statuses=[s.value for s in OPEN_STATUSES])
            pending_only = True if pending_only is None else pending_only
        with _collector_paused():
            clocks = [c for f in _facts(*rows) for c in deadlines.case_clocks(f, today)
                      if c.pending or not pending_only]
        return sorted(clocks, key=deadlines.sort_key)


@contextmanager
def _collector_paused():
    """Python's cycle collector held off while the clocks of thousands of cases are made: they
    make no cycles, and its passes over the new objects took a third of the time (10,000
    cases: 85 ms without, 110–125 ms with)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _facts(stages: list, loss: dict) -> list:
    """The CaseFacts of the cases that have a stage or a loss to count from (store.
    deadline_rows), in case order."""
    from datetime import datetime
    Event, by_case, parsed = deadlines.Event, {}, {}
    for cid, jurisdiction, category, stage, at, how, to, where, kind in stages:
        when = parsed.get(at)
        if when is None:
            when = parsed[at] = datetime.fromisoformat(at)
        found = by_case.get(cid)
        if found is None:
            found = by_case[cid] = (jurisdiction, category, [])
        found[2].append(Event(stage, when, at, how, to, where, kind))
    for cid, (jurisdiction, category, _) in loss.items():
        by_case.setdefault(cid, (jurisdiction, category, []))
    return [deadlines.CaseFacts(cid, jurisdiction, category, tuple(events),
                                loss[cid][2] if cid in loss else None)
            for cid, (jurisdiction, category, events) in sorted(by_case.items())]
