"""A case's interactions as a Qt model: one row per entry, voided ones included, in the
order they happened; read off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal

from ...domain.model import Interaction
from ..kit import formatting, resources
from ..kit.session import weak
from .timeline_style import InteractionIdRole, InteractionRole, headline, spoken


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

    def row_of(self, interaction_id: int) -> int:
        return next((r for r, i in enumerate(self._rows) if i.id == interaction_id), -1)

    def _title(self, item: Interaction) -> str:
        return self.tr("{0} · {1}").format(headline(item), formatting.date_time(
            item.started_at))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:   # the painted card, in words
            return spoken(item, self._title(item))
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.notes[:500] or None
        if role == InteractionRole:
            return item
        if role == InteractionIdRole:
            return item.id
        if role == Qt.ItemDataRole.DecorationRole:
            return resources.icon("failed-call" if item.outcome.failed else item.kind.value)
        return None
