"""What the timeline and its cards share: roles, sizes, the headline of an entry."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...domain import times
from ...domain.model import Interaction, PromiseStatus
from ..kit import labels

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
