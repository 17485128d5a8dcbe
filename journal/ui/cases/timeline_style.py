"""What the timeline and its cards share: roles, sizes, the headline of an entry."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...domain import times
from ...domain.channels import display_phone, phone_key
from ...domain.model import Interaction, PromiseStatus
from ..kit import formatting, labels

InteractionRole = Qt.ItemDataRole.UserRole + 1
InteractionIdRole = Qt.ItemDataRole.UserRole + 2
NOTE_SHOWN = 4000     # a card shows this much of a note; the whole one opens in its own window
THUMBNAIL_MAX_BYTES = 20 * 2**20
THUMBNAIL = 96


def headline(interaction: Interaction) -> str:
    """"Call" or, for an attempt that failed, "Call — No answer"."""
    kind = labels.interaction_kind(interaction.kind)
    if interaction.outcome.failed:
        return QCoreApplication.translate("CaseTimeline", "{0} — {1}").format(
            kind, labels.outcome(interaction.outcome))
    return kind


def _overdue(promise) -> bool:
    return (promise.status is PromiseStatus.PENDING
            and times.instant(promise.due_at) < times.now().timestamp())


def shown_contact(contact: str) -> str:
    """A number stored in E.164 (+18889081234) as people read it; anything typed, as typed."""
    return display_phone(contact) if phone_key(contact) == contact else contact


def spoken(item: Interaction, title: str) -> str:
    """The card in words, in the order it is read, for a screen reader (the card is painted,
    so this is all it gets): the title, who, the numbers, the note, the promises, the files.
    In the card's own words (InteractionCard's translations)."""
    card = QCoreApplication.translate
    parts = [title]
    if item.agent:
        parts.append(card("InteractionCard", "Agent: {0}").format(item.agent))
    if item.contact:
        parts.append(card("InteractionCard", "Contact: {0}").format(
            shown_contact(item.contact)))
    if item.language:
        parts.append(card("InteractionCard", "Language: {0}").format(item.language))
    parts += [card("ReferenceChip", "{0} {1}").format(labels.reference_kind(r.kind), r.value)
              for r in item.references]
    if item.notes:
        parts.append(item.notes[:NOTE_SHOWN])
    for promise in item.promises:
        status = (card("InteractionCard", "Overdue") if _overdue(promise)
                  else labels.promise_status(promise.status))
        parts.append(card("InteractionCard", "Promised: {0} — due {1} · {2}").format(
            promise.text, formatting.date_time(promise.due_at), status))
    parts += [a.name for a in item.attachments]
    if item.voided:
        parts.append(card("InteractionCard", "Voided: {0}").format(item.void_reason or ""))
    return "\n".join(p for p in parts if p)
