"""A case's interactions in the order they happened, one readable card each."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Interaction
from ..dialogs.image_preview import ImagePreview
from ..kit import formatting, resources
from ..kit.session import weak
from .interaction_card import InteractionCard  # noqa: F401 - re-exported
from .timeline_style import (  # noqa: F401
    BATCH,
    FIRST_CARDS,
    InteractionIdRole,
    InteractionRole,
    _overdue,
    headline,
)


class TimelineModel(QAbstractListModel):
    """One row per interaction of one case, voided ones included, in time order. The rows
    are read off the GUI thread; those shown stay until the answer, and an answer for a case
    asked before another one is dropped."""

    loaded = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[Interaction] = []
        self.case_id: int | None = None
        self.incoming: int | None = None   # the case of the rows being put in (reset signals)
        self.error: str | None = None
        self._generation = 0

    def load(self, case_id: int | None) -> None:
        self._generation += 1
        if case_id is None:
            self.set_rows(None, [])
            return
        self._session.read(lambda j: list(j.timeline(case_id)),
                           weak(self._read, self._generation, case_id),
                           weak(self._not_read, self._generation, case_id))

    def _read(self, generation: int, case_id: int, rows) -> None:
        if generation == self._generation:
            self.set_rows(case_id, rows)

    def _not_read(self, generation: int, case_id: int, sentence: str) -> None:
        if generation == self._generation:
            self.set_rows(case_id, [], sentence)

    def set_rows(self, case_id: int | None, rows, error: str | None = None) -> None:
        """Show what was read for this case (newer than any answer still on its way)."""
        self._generation += 1
        self.incoming = case_id
        self.beginResetModel()
        self.case_id, self._rows, self.error = case_id, list(rows), error
        self.endResetModel()
        self.loaded.emit()

    def interactions(self) -> list[Interaction]:
        return list(self._rows)

    def interaction(self, row: int) -> Interaction | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("{0} · {1}").format(headline(item), formatting.date_time(
                item.started_at))
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.notes[:500] or None
        if role == InteractionRole:
            return item
        if role == InteractionIdRole:
            return item.id
        if role == Qt.ItemDataRole.DecorationRole:
            return resources.icon("failed-call" if item.outcome.failed else item.kind.value)
        return None


class CaseTimeline(QScrollArea):
    """The cards of one case; keys scroll it, Tab walks its buttons and chips.

    The newest cards appear at once and older ones are added above in batches, so a case
    with hundreds of entries opens without freezing the window."""

    amendRequested = Signal(int)
    historyRequested = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self.model = TimelineModel(session, self)
        self._cards: dict[int, tuple[object, InteractionCard]] = {}
        self._waiting: list[Interaction] = []  # older entries whose cards are not built yet
        self._follow = True  # keep the newest entry in view until the user scrolls away
        self._growing_on_top = False
        self._from_bottom = 0
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        container = QWidget(self)
        self._layout = QVBoxLayout(container)
        self._layout.setSpacing(8)
        self._layout.addStretch(1)
        self.setWidget(container)
        self._empty_text = self.tr("Nothing logged in this case yet. Log a call, chat or "
                                   "email to start its timeline.")
        self.empty = QLabel(self._empty_text, container)
        self.empty.setObjectName("emptyTimeline")
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._layout.insertWidget(0, self.empty)
        self._batches = QTimer(self, singleShot=True, interval=0)
        self._batches.timeout.connect(self._build_batch)
        self.model.modelAboutToBeReset.connect(self._about_to_reset)
        self.model.modelReset.connect(self._rebuild)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._on_range)
        bar.valueChanged.connect(self._on_value)
        bar.actionTriggered.connect(self._on_user_scroll)

    # -- public ------------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        """Read and show this case's entries (off the GUI thread)."""
        self.model.load(case_id)

    def reload(self) -> None:
        self.load(self.model.case_id)

    def show_rows(self, case_id: int | None, rows, error: str | None = None) -> None:
        """Show entries read with the rest of the case (CaseView reads them in one go)."""
        self.model.set_rows(case_id, rows, error)

    def _about_to_reset(self) -> None:
        # Another case opens at its newest entry; the same one follows only if it was there.
        self._follow = self.model.incoming != self.model.case_id or self._at_bottom()

    def card(self, interaction_id: int) -> InteractionCard | None:
        found = self._cards.get(interaction_id)
        return found[1] if found else None

    def cards(self) -> list[InteractionCard]:
        return [self._cards[i.id][1] for i in self.model.interactions() if i.id in self._cards]

    def finish_building(self) -> None:
        """Build every card still waiting (before jumping to an old entry)."""
        if self._waiting:
            self._build(self._waiting)
            self._waiting = []
            self._batches.stop()
            self._arrange()

    def show_interaction(self, interaction_id: int) -> bool:
        self.finish_building()
        card = self.card(interaction_id)
        if card is None:
            return False
        self._follow = self._growing_on_top = False
        self.widget().layout().activate()
        self.ensureWidgetVisible(card, 0, 24)
        QTimer.singleShot(0, self, lambda: shiboken6.isValid(card) and self.ensureWidgetVisible(
            card, 0, 24))
        card.flash()
        return True

    # -- building cards ----------------------------------------------------------------

    def _key(self, item: Interaction):
        return item, tuple(_overdue(p) for p in item.promises)

    def _rebuild(self) -> None:
        """Cards for the model's rows, keeping those whose interaction did not change."""
        old, self._cards = self._cards, {}
        rows = self.model.interactions()
        fresh, self._waiting = [], []
        for index, item in enumerate(rows):
            kept = old.pop(item.id, None)
            if kept is not None and kept[0] == self._key(item):
                self._cards[item.id] = kept
                continue
            if kept is not None:
                self._discard(kept[1])
            (fresh if index >= len(rows) - FIRST_CARDS else self._waiting).append(item)
        for _key, card in old.values():
            self._discard(card)
        self._build(fresh)
        self._arrange()
        self.empty.setText(self.model.error or self._empty_text)
        self.empty.setVisible(not rows and self.model.case_id is not None)
        if self._waiting:
            self._batches.start()

    def _discard(self, card) -> None:
        """Off the screen at once; Qt deletes it when the event loop next turns."""
        card.hide()
        self._layout.removeWidget(card)
        card.deleteLater()

    def _build(self, items) -> None:
        for item in items:
            card = InteractionCard(item, self._session, self.widget())
            card.amendRequested.connect(self.amendRequested)
            card.historyRequested.connect(self.historyRequested)
            card.previewRequested.connect(self._preview)
            self._cards[item.id] = (self._key(item), card)

    def _build_batch(self) -> None:
        batch, self._waiting = self._waiting[-BATCH:], self._waiting[:-BATCH]
        self._growing_on_top = not self._follow  # keep what the user reads where it is
        self._build(batch)
        self._arrange()
        if self._waiting:
            self._batches.start()

    def _arrange(self) -> None:
        """Put the built cards in time order (a card waiting to be built is simply absent)."""
        self.widget().setUpdatesEnabled(False)
        while self._layout.count() > 1:  # all but the final stretch
            self._layout.takeAt(0)
        self._layout.insertWidget(0, self.empty)
        for item in self.model.interactions():
            if item.id in self._cards:
                self._layout.insertWidget(self._layout.count() - 1, self._cards[item.id][1])
        self.widget().setUpdatesEnabled(True)

    def _preview(self, attachment_id: int, name: str) -> None:
        self._session.read(lambda j: j.attachment_bytes(attachment_id),
                           weak(self._show_preview, name), weak(self._preview_failed))

    def _show_preview(self, name: str, data: bytes) -> None:
        dialog = ImagePreview(data, name, self)  # decoded in memory, no temp file
        dialog.setObjectName("imagePreview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _preview_failed(self, sentence: str) -> None:
        if self._session.is_open:   # not locked meanwhile: the window says it
            self._session.failed.emit(sentence)

    # -- scrolling ---------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _on_user_scroll(self, _action) -> None:
        self._growing_on_top = False
        QTimer.singleShot(0, self, lambda: setattr(self, "_follow", self._at_bottom()))

    def _on_value(self, value: int) -> None:
        self._from_bottom = self.verticalScrollBar().maximum() - value

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(maximum)
        elif self._growing_on_top:
            self.verticalScrollBar().setValue(maximum - self._from_bottom)

    def keyPressEvent(self, event):
        bar = self.verticalScrollBar()
        if event.key() == Qt.Key.Key_Home:
            bar.triggerAction(bar.SliderAction.SliderToMinimum)
        elif event.key() == Qt.Key.Key_End:
            bar.triggerAction(bar.SliderAction.SliderToMaximum)
        else:
            super().keyPressEvent(event)
