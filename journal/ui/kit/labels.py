"""The words the window shows for the journal's choices, translated.

The CLI and the files use the enum values ("no-answer"); people read these.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from ...domain.model import (
    CaseCategory,
    CaseStatus,
    ChannelKind,
    ChannelSource,
    ChannelStatus,
    InteractionKind,
    Outcome,
    PlatformKind,
    PromiseStatus,
    ReferenceKind,
)

translate = QCoreApplication.translate


def case_status(value: CaseStatus | str) -> str:
    return {
        "open": translate("Labels", "Open"),
        "waiting": translate("Labels", "Waiting on them"),
        "escalated": translate("Labels", "Escalated"),
        "resolved": translate("Labels", "Resolved"), "closed": translate("Labels", "Closed"),
    }[CaseStatus(value).value]


def category(value: CaseCategory | str) -> str:
    return {
        "withdrawal": translate("Labels", "Withdrawal"), "deposit": translate("Labels", "Deposit"),
        "account-frozen": translate("Labels", "Account frozen"),
        "verification": translate("Labels", "Verification (KYC)"),
        "transaction": translate("Labels", "Transaction"),
        "scam": translate("Labels", "Scam"),
        "card": translate("Labels", "Card"),
        "fees": translate("Labels", "Fees"),
        "security": translate("Labels", "Security"),
        "refund": translate("Labels", "Refund"),
        "account-hacked": translate("Labels", "Account hacked"),
        "other": translate("Labels", "Other"),
    }[CaseCategory(value).value]


def interaction_kind(value: InteractionKind | str) -> str:
    return {
        "call": translate("Labels", "Call"),
        "chat": translate("Labels", "Chat"),
        "email": translate("Labels", "Email"),
        "in-app": translate("Labels", "In-app"),
        "social": translate("Labels", "Social media"), "letter": translate("Labels", "Letter"),
    }[InteractionKind(value).value]


def outcome(value: Outcome | str) -> str:
    return {
        "answered": translate("Labels", "Answered"),
        "no-answer": translate("Labels", "No answer"),
        "busy": translate("Labels", "Busy"),
        "dropped": translate("Labels", "Dropped"),
        "queue-timeout": translate("Labels", "Queue timed out"),
        "wrong-number": translate("Labels", "Wrong number"),
    }[Outcome(value).value]


def channel_kind(value: ChannelKind | str) -> str:
    return {
        "phone": translate("Labels", "Phone"),
        "email": translate("Labels", "Email"),
        "chat": translate("Labels", "Chat"),
        "in-app": translate("Labels", "In-app"),
        "social": translate("Labels", "Social media"), "web-form": translate("Labels", "Web form"),
    }[ChannelKind(value).value]


def channel_source(value: ChannelSource | str) -> str:
    return {
        "official-site": translate("Labels", "Official website"),
        "in-app": translate("Labels", "Inside the app"),
        "official-social": translate("Labels", "Official social account"),
        "community": translate("Labels", "Community report"),
        "other": translate("Labels", "Other"),
    }[ChannelSource(value).value]


def channel_status(value: ChannelStatus | str) -> str:
    return {
        "verified": translate("Labels", "Verified"),
        "unverified": translate("Labels", "Unverified"),
        "reported-fake": translate("Labels", "Reported fake"),
    }[ChannelStatus(value).value]


def platform_kind(value: PlatformKind | str) -> str:
    return {
        "exchange": translate("Labels", "Exchange"),
        "wallet": translate("Labels", "Wallet"),
        "other": translate("Labels", "Other"),
    }[PlatformKind(value).value]


def reference_kind(value: ReferenceKind | str) -> str:
    return {
        "ticket": translate("Labels", "Ticket"),
        "case": translate("Labels", "Case number"),
        "chat-id": translate("Labels", "Chat ID"),
        "tx-hash": translate("Labels", "Transaction hash"),
        "withdrawal-id": translate("Labels", "Withdrawal ID"),
        "order-id": translate("Labels", "Order ID"), "other": translate("Labels", "Reference"),
    }[ReferenceKind(value).value]


def promise_status(value: PromiseStatus | str) -> str:
    return {
        "pending": translate("Labels", "Pending"),
        "kept": translate("Labels", "Kept"),
        "broken": translate("Labels", "Broken"),
        "cancelled": translate("Labels", "Cancelled"),
    }[PromiseStatus(value).value]


def country_name(code: str) -> str | None:
    """Qt's name of a country by its ISO code ("GB" → "United Kingdom"), in English: Qt has no
    other language for them. None for a code Qt does not know."""
    territory = QLocale.codeToTerritory(code.upper())
    if territory == QLocale.Country.AnyTerritory:
        return None
    return QLocale.territoryToString(territory)


def quick_pick(pick: str) -> str:
    """A due-time quick pick from journal.domain.due.QUICK_PICKS."""
    return {
        "hours:1": translate("Labels", "In 1 hour"), "hours:24": translate("Labels", "In 24 hours"),
        "business-days:1": translate("Labels", "Next business day"),
        "business-days:3": translate("Labels", "In 3 business days"),
        "business-days:5": translate("Labels", "In 5 business days"),
        "days:7": translate("Labels", "In a week"),
        "days:30": translate("Labels", "In 30 days"),
    }[pick]


def choices(enum, label) -> list[tuple[str, str]]:
    """(value, label) for every member, in declaration order, for combo boxes."""
    return [(m.value, label(m)) for m in enum]
