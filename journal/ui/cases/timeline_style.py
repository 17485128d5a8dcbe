"""What the timeline and its cards share: sizes, the chip style, the headline of an entry."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ...domain import times
from ...domain.model import Interaction, PromiseStatus
from ..kit import labels

InteractionRole = Qt.ItemDataRole.UserRole + 1
InteractionIdRole = Qt.ItemDataRole.UserRole + 2
NOTE_SHOWN = 4000            # longer notes open in their own window; a huge label freezes layout
THUMBNAIL_MAX_BYTES = 20 * 2**20
THUMBNAIL = 96
CHIP_STYLE = ("QToolButton { border: 1px solid palette(mid); border-radius: 9px;"
              " padding: 1px 8px; background: palette(alternate-base); }"
              "QToolButton:focus { border-color: palette(highlight); }")
FIRST_CARDS = 40  # the newest entries are shown at once; older ones are built in batches
BATCH = 40


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
