"""What the journal records: platforms, channels, cases, interactions and what hangs off them.

Values of the enums are the words the CLI and the dump format use.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Choice(str, Enum):
    """An enum whose value is its user-facing word; parse() gives one sentence on a bad word."""

    @classmethod
    def parse(cls, text: str, what: str):
        from ..errors import BadInput, Term
        try:
            return cls(text.strip().lower())
        except ValueError:
            words = ", ".join(m.value for m in cls)
            raise BadInput("choice.unknown", text=text, what=Term(what), words=words) from None

    def __str__(self) -> str:
        return self.value


class PlatformKind(Choice):
    EXCHANGE = "exchange"
    WALLET = "wallet"
    OTHER = "other"


class ChannelKind(Choice):
    PHONE = "phone"
    EMAIL = "email"
    CHAT = "chat"
    IN_APP = "in-app"
    SOCIAL = "social"
    WEB_FORM = "web-form"


class ChannelSource(Choice):
    OFFICIAL_SITE = "official-site"
    IN_APP = "in-app"
    OFFICIAL_SOCIAL = "official-social"
    COMMUNITY = "community"
    OTHER = "other"


OFFICIAL_SOURCES = frozenset({ChannelSource.OFFICIAL_SITE, ChannelSource.IN_APP,
                              ChannelSource.OFFICIAL_SOCIAL})


class ChannelStatus(Choice):
    VERIFIED = "verified"            # checked against the platform's own site or app
    UNVERIFIED = "unverified"        # heard of, not (yet) checked
    REPORTED_FAKE = "reported-fake"  # reported as impersonating the platform's support

    @classmethod
    def default_for(cls, source: ChannelSource) -> ChannelStatus:
        """A channel copied from the platform's own site, app or account is verified."""
        return cls.VERIFIED if source in OFFICIAL_SOURCES else cls.UNVERIFIED


class ChecklistKind(Choice):
    ASK = "ask"      # a question to ask
    HAVE = "have"    # a detail to have ready


class CaseStatus(Choice):
    OPEN = "open"
    WAITING = "waiting"          # waiting on the platform
    ESCALATED = "escalated"      # taken to a regulator, ombudsman, card issuer or police
    RESOLVED = "resolved"
    CLOSED = "closed"            # given up or withdrawn without resolution


class CaseCategory(Choice):
    WITHDRAWAL = "withdrawal"
    DEPOSIT = "deposit"
    ACCOUNT_FROZEN = "account-frozen"
    VERIFICATION = "verification"
    TRANSACTION = "transaction"
    SCAM = "scam"
    CARD = "card"
    FEES = "fees"
    SECURITY = "security"
    REFUND = "refund"
    ACCOUNT_HACKED = "account-hacked"
    OTHER = "other"


class InteractionKind(Choice):
    CALL = "call"
    CHAT = "chat"
    EMAIL = "email"
    IN_APP = "in-app"
    SOCIAL = "social"
    LETTER = "letter"


class Outcome(Choice):
    ANSWERED = "answered"
    NO_ANSWER = "no-answer"
    BUSY = "busy"
    DROPPED = "dropped"
    QUEUE_TIMEOUT = "queue-timeout"
    WRONG_NUMBER = "wrong-number"

    @property
    def failed(self) -> bool:
        return self is not Outcome.ANSWERED


class ReferenceKind(Choice):
    TICKET = "ticket"
    CASE = "case"
    CHAT_ID = "chat-id"
    TX_HASH = "tx-hash"
    WITHDRAWAL_ID = "withdrawal-id"
    ORDER_ID = "order-id"
    OTHER = "other"


class PromiseStatus(Choice):
    PENDING = "pending"
    KEPT = "kept"
    BROKEN = "broken"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Platform:
    id: int
    name: str
    kind: PlatformKind
    website: str | None
    recorded_at: str
    help_url: str | None = None
    status_url: str | None = None       # status or announcements page
    support_hours: str | None = None    # as the platform states them, e.g. "Mon-Fri 9:00-18:00"
    time_zone: str | None = None        # IANA name the hours are in, e.g. "Asia/Singapore"
    languages: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()     # ISO 3166 codes of the countries it serves


@dataclass(frozen=True)
class Channel:
    id: int
    platform_id: int
    platform: str
    kind: ChannelKind
    value: str
    source: ChannelSource
    source_url: str | None
    languages: tuple[str, ...]
    recorded_at: str
    status: ChannelStatus = ChannelStatus.UNVERIFIED
    last_checked: str | None = None     # YYYY-MM-DD the user last checked it at its source
    hours: str | None = None

    @property
    def verified(self) -> bool:
        return self.status is ChannelStatus.VERIFIED


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to ask or have ready before contacting support about a case."""
    id: int
    case_id: int
    kind: ChecklistKind
    text: str
    position: int
    answered_at: str | None = None
    interaction_id: int | None = None   # the contact in which it was answered

    @property
    def answered(self) -> bool:
        return self.answered_at is not None


@dataclass(frozen=True)
class Case:
    id: int
    platform_id: int
    platform: str
    title: str
    category: CaseCategory
    account_id: str | None
    status: CaseStatus
    opened_at: str
    recorded_at: str
    last_activity: str
    interaction_count: int = 0
    open_promises: int = 0
    jurisdiction: str | None = None  # whose complaint rules its clocks follow (uk, eu, …)


@dataclass(frozen=True)
class Reference:
    id: int
    interaction_id: int
    kind: ReferenceKind
    value: str
    recorded_at: str


@dataclass(frozen=True)
class Promise:
    id: int
    interaction_id: int
    case_id: int
    text: str
    due_at: str
    status: PromiseStatus
    recorded_at: str
    status_changed_at: str | None = None


@dataclass(frozen=True)
class Attachment:
    id: int
    interaction_id: int
    name: str
    media_type: str
    size: int
    sha256: str
    recorded_at: str


@dataclass(frozen=True)
class Revision:
    """One entry of a record's history, as the hash chain holds it."""

    seq: int
    action: str
    recorded_at: str
    body: dict
    reason: str | None


@dataclass(frozen=True)
class Interaction:
    id: int
    case_id: int
    kind: InteractionKind
    outcome: Outcome
    channel_id: int | None
    contact: str | None
    started_at: str
    ended_at: str | None
    wait_minutes: float | None
    agent: str | None
    language: str | None
    notes: str
    recorded_at: str
    revision: int = 1
    voided: bool = False
    void_reason: str | None = None
    references: tuple[Reference, ...] = ()
    promises: tuple[Promise, ...] = ()
    attachments: tuple[Attachment, ...] = ()

    @property
    def amended(self) -> bool:
        return self.revision > 1

    @property
    def duration_minutes(self) -> float | None:
        from .times import minutes_between
        return minutes_between(self.started_at, self.ended_at) if self.ended_at else None


@dataclass(frozen=True)
class SearchHit:
    case_id: int
    case_title: str
    platform: str
    interaction_id: int | None
    started_at: str | None
    snippet: str
    rank: float
    matched: tuple[str, ...] = field(default_factory=tuple)
    kind: str | None = None       # an interaction's kind ("call", "chat"…); None for a case
    outcome: str | None = None    # an interaction's outcome ("answered", "no-answer"…)
    attachment_id: int | None = None  # the file whose read text holds the words, if any


@dataclass(frozen=True)
class CheckReport:
    cipher_ok: bool
    sqlite_ok: bool
    chain_ok: bool
    entries: int
    problems: tuple[str, ...]
    index_ok: bool = True  # the search index holds exactly what the records give

    @property
    def ok(self) -> bool:
        return self.cipher_ok and self.sqlite_ok and self.chain_ok and self.index_ok
