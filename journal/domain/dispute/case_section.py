"""The dispute as the case file shows it: the complaint's stages, its deadlines, the money at
stake, the transactions (with their explorer links) and the wallet addresses. Pure data, built
from the service's records; the PDF's summary page and case.json are both written from it.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import onchain


@dataclass(frozen=True)
class StageFact:
    id: int
    stage: str                 # complaint, holding-reply, final-response, escalation
    happened_at: str
    how: str | None
    reference: str | None
    to: str | None             # ombudsman, regulator, card-issuer, police, data-access, other
    kind: str                  # payment, other
    jurisdiction: str | None   # only when it differs from the case's
    recorded_at: str
    voided: bool
    void_reason: str | None


@dataclass(frozen=True)
class ClockFact:
    rule: str                  # the rule's id in its jurisdiction pack
    jurisdiction: str          # the pack's code (uk, eu, us, hk, cn, cards)
    name: str                  # its short name, in English
    whose: str                 # "platform" (must answer by it) or "you" (must act by it)
    nature: str                # law, regulator, scheme, advice
    started_by: str
    start: str | None
    opens: str | None          # ISO date from which you may act
    due: str | None            # ISO date of its last day (None: no limit yet)
    state: str                 # running, due-soon, overdue, met, late, open
    met_at: str | None
    source_title: str
    source_url: str
    checked: str


@dataclass(frozen=True)
class MoneyFact:
    id: int
    amount: str
    asset: str
    network: str | None
    fiat_amount: str | None
    fiat_currency: str | None
    valued_on: str | None
    recorded_at: str
    voided: bool
    void_reason: str | None


@dataclass(frozen=True)
class TransactionFact:
    id: int
    tx_hash: str
    network: str
    from_address: str | None
    to_address: str | None
    amount: str | None
    asset: str | None
    happened_at: str | None
    explorer_url: str | None
    recorded_at: str
    voided: bool
    void_reason: str | None


@dataclass(frozen=True)
class WalletFact:
    id: int
    address: str
    network: str
    whose: str                 # mine, theirs
    label: str | None
    explorer_url: str | None
    recorded_at: str
    voided: bool
    void_reason: str | None


@dataclass(frozen=True)
class DisputeSection:
    jurisdiction: str | None
    stages: tuple[StageFact, ...] = ()
    deadlines: tuple[ClockFact, ...] = ()
    money: tuple[MoneyFact, ...] = ()
    transactions: tuple[TransactionFact, ...] = ()
    wallets: tuple[WalletFact, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.jurisdiction or self.stages or self.money or self.transactions
                    or self.wallets)


def _v(x):
    return getattr(x, "value", x)


def _network(code: str):
    return onchain.NETWORKS.get(code) or onchain.NETWORKS["other"]


def build(jurisdiction, stages, clocks, money, transactions, wallets, clean) -> DisputeSection:
    """The section from the service's records (voided ones included, marked); `clean`
    redacts the reasons for voiding as the notes are (identifiers, as references, are left
    as they are, as the case file leaves them)."""
    return DisputeSection(
        jurisdiction=jurisdiction,
        stages=tuple(StageFact(
            s.id, _v(s.stage), s.happened_at, _v(s.how), s.reference, _v(s.to),
            _v(s.kind), _v(s.jurisdiction), s.recorded_at, s.voided_at is not None,
            clean(s.void_reason)) for s in stages),
        deadlines=tuple(ClockFact(
            c.rule.id, c.rule.pack, c.rule.text("short"), c.rule.who, c.rule.nature,
            c.started_by, c.start, c.opens.isoformat() if c.opens else None,
            c.due.isoformat() if c.due else None, c.state, c.met_at, c.rule.source_title,
            c.rule.source_url, c.rule.checked) for c in clocks),
        money=tuple(MoneyFact(
            m.id, m.amount, m.asset, m.network, m.fiat_amount, m.fiat_currency, m.valued_on,
            m.recorded_at, m.voided_at is not None, clean(m.void_reason)) for m in money),
        transactions=tuple(TransactionFact(
            t.id, t.tx_hash, t.network, t.from_address, t.to_address, t.amount, t.asset,
            t.happened_at, onchain.explorer_url(_network(t.network), tx=t.tx_hash),
            t.recorded_at, t.voided_at is not None, clean(t.void_reason))
            for t in transactions),
        wallets=tuple(WalletFact(
            w.id, w.address, w.network, _v(w.whose), w.label,
            onchain.explorer_url(_network(w.network), address_=w.address), w.recorded_at,
            w.voided_at is not None, clean(w.void_reason)) for w in wallets))
