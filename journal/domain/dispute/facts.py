"""A dispute's own records, besides the contacts: the complaint's stages (each a dated event in
the chain), the money at stake, the transactions and the wallet addresses of a case."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Choice


class Jurisdiction(Choice):
    """Whose rules the case's clocks follow (data packs in resources/jurisdictions/)."""
    UK = "uk"
    EU = "eu"
    US = "us"
    HK = "hk"
    CN = "cn"
    OTHER = "other"


class StageKind(Choice):
    COMPLAINT = "complaint"
    HOLDING_REPLY = "holding-reply"
    FINAL_RESPONSE = "final-response"
    ESCALATION = "escalation"


class Body(Choice):
    """Whom a case is escalated to (and whose answer a final response with --to is)."""
    OMBUDSMAN = "ombudsman"
    REGULATOR = "regulator"
    CARD_ISSUER = "card-issuer"
    POLICE = "police"
    DATA_ACCESS = "data-access"
    OTHER = "other"


class ComplaintKind(Choice):
    """A payment or e-money complaint has shorter clocks (15 business days) than others."""
    PAYMENT = "payment"
    OTHER = "other"


class How(Choice):
    """How a complaint or escalation was made."""
    EMAIL = "email"
    WEB_FORM = "web-form"
    LETTER = "letter"
    CHAT = "chat"
    IN_APP = "in-app"
    PHONE = "phone"
    IN_PERSON = "in-person"
    OTHER = "other"


class Whose(Choice):
    MINE = "mine"
    THEIRS = "theirs"


@dataclass(frozen=True)
class Stage:
    id: int
    case_id: int
    stage: StageKind
    happened_at: str
    how: How | None
    reference: str | None
    to: Body | None
    jurisdiction: Jurisdiction | None
    kind: ComplaintKind
    recorded_at: str
    voided_at: str | None = None
    void_reason: str | None = None


@dataclass(frozen=True)
class Money:
    id: int
    case_id: int
    amount: str
    asset: str
    network: str | None
    fiat_amount: str | None
    fiat_currency: str | None
    valued_on: str | None
    recorded_at: str
    voided_at: str | None = None
    void_reason: str | None = None


@dataclass(frozen=True)
class Transaction:
    id: int
    case_id: int
    tx_hash: str
    network: str
    from_address: str | None
    to_address: str | None
    amount: str | None
    asset: str | None
    happened_at: str | None
    recorded_at: str
    voided_at: str | None = None
    void_reason: str | None = None


@dataclass(frozen=True)
class Wallet:
    id: int
    case_id: int
    address: str
    network: str
    whose: Whose
    label: str | None
    recorded_at: str
    voided_at: str | None = None
    void_reason: str | None = None
