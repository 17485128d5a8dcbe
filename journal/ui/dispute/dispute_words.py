"""The words the window shows for a dispute's choices (the CLI and the files use the values:
"holding-reply", "card-issuer"), and its dates."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject

from ...domain.dispute.facts import Body, ComplaintKind, How, Jurisdiction, StageKind, Whose
from ...domain.dispute.onchain import NETWORKS
from ..kit import formatting


class DisputeWords(QObject):
    """Holds the words, so that each is translated in this one context."""

    def jurisdiction(self, code: str | None) -> str:
        return {
            None: self.tr("Not set"),
            "uk": self.tr("United Kingdom"),
            "eu": self.tr("European Union"),
            "us": self.tr("United States"),
            "hk": self.tr("Hong Kong"),
            "cn": self.tr("Mainland China"),
            "other": self.tr("Other"),
        }[Jurisdiction(code).value if code else None]

    def stage(self, value: StageKind | str) -> str:
        return {
            "complaint": self.tr("Formal complaint"),
            "holding-reply": self.tr("Holding reply"),
            "final-response": self.tr("Final response"),
            "escalation": self.tr("Escalation"),
        }[StageKind(value).value]

    def how(self, value: How | str | None) -> str:
        if value is None:
            return ""
        return {
            "email": self.tr("Email"),
            "web-form": self.tr("Web form"),
            "letter": self.tr("Letter"),
            "chat": self.tr("Chat"),
            "in-app": self.tr("In-app"),
            "phone": self.tr("Phone"),
            "in-person": self.tr("In person"),
            "other": self.tr("Other"),
        }[How(value).value]

    def body(self, value: Body | str | None) -> str:
        if value is None:
            return ""
        return {
            "ombudsman": self.tr("Ombudsman"),
            "regulator": self.tr("Regulator"),
            "card-issuer": self.tr("Card issuer"),
            "police": self.tr("Police"),
            "data-access": self.tr("Data access request"),
            "other": self.tr("Other"),
        }[Body(value).value]

    def complaint_kind(self, value: ComplaintKind | str) -> str:
        return {
            "payment": self.tr("Payment or e-money"),
            "other": self.tr("Other"),
        }[ComplaintKind(value).value]

    def whose(self, value: Whose | str) -> str:
        return {"mine": self.tr("Mine"), "theirs": self.tr("Theirs")}[Whose(value).value]

    def network(self, code: str | None) -> str:
        if not code:
            return ""
        if code == "other":
            return self.tr("Another network")
        found = NETWORKS.get(code)
        return found.name if found is not None else code   # proper names: not translated


_words: DisputeWords | None = None


def words() -> DisputeWords:
    global _words
    if _words is None:
        _words = DisputeWords()
    return _words


def choices(enum) -> list[tuple[str, str]]:
    """(value, words) of every member of one of the dispute's enums, in its order."""
    say = {Jurisdiction: words().jurisdiction, StageKind: words().stage, How: words().how,
           Body: words().body, ComplaintKind: words().complaint_kind,
           Whose: words().whose}[enum]
    return [(m.value, say(m)) for m in enum]


def day(d: date | None) -> str:
    """A day as the rest of the window writes dates ("14 Apr", "14 Apr 2027", "2026-04-14");
    its year only when not this year's, where the month is named."""
    if d is None:
        return ""
    q = QDate(d.year, d.month, d.day)
    locale = QLocale()
    this_year = d.year == QDateTime.currentDateTime().date().year()
    return locale.toString(q, formatting.date_pattern(locale, year=not this_year))


def short_hash(value: str, keep: int = 8) -> str:
    """A long transaction id or address shortened in the middle: "0xabcdef12…34567890"."""
    value = value or ""
    if len(value) <= 2 * keep + 3:
        return value
    head = keep + 2 if value[:2].lower() == "0x" else keep
    return f"{value[:head]}…{value[-keep:]}"
