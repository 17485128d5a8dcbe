"""The lists of a case's dispute as Qt models: the complaint's stages, the money at stake, the
transactions and the wallet addresses (tables, a voided record struck through), and the clocks
(one line each, red when overdue, greyed when met)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from ..kit import formatting, palette
from .deadline_lines import lines
from .dispute_words import short_hash, words

RecordRole = Qt.ItemDataRole.UserRole + 1   # the record (Stage, Money, …) or the Clock
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


class RecordsModel(QAbstractTableModel):
    """One kind of record of one case, in the service's order. A subclass names its columns
    (`headers`) and what each shows (`cell`)."""

    entity = ""   # the ledger's name of the records, for void_dispute_record

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, record, column: int) -> str:
        raise NotImplementedError

    def tip(self, record, column: int) -> str | None:
        return None

    def set_records(self, records) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list:
        return list(self._records)

    def record(self, row: int):
        return self._records[row] if 0 <= row < len(self._records) else None

    def live_count(self) -> int:
        return sum(r.voided_at is None for r in self._records)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY \
                and 0 <= section < len(self.headers()):
            return self.headers()[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index, role=DISPLAY):
        record = self.record(index.row()) if index.isValid() else None
        if record is None or not 0 <= index.column() < len(self.headers()):
            return None
        voided = record.voided_at is not None
        if role == DISPLAY:
            return self.cell(record, index.column())
        if role == TOOLTIP:
            tip = self.tip(record, index.column())
            if voided:
                void = self.tr("Voided {0}: {1}").format(formatting.date(record.voided_at),
                                                          record.void_reason or "")
                return "\n".join(filter(None, [tip, void]))
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.cell(record, index.column())
            return self.tr("{0} (voided)").format(text) if voided else text
        if role == Qt.ItemDataRole.FontRole and voided:
            font = QFont(QApplication.font())
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and voided:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == RecordRole:
            return record
        return None


class StagesModel(RecordsModel):
    entity = "stage"

    def headers(self):
        return [self.tr("Date"), self.tr("Stage"), self.tr("How"), self.tr("Reference"),
                self.tr("To whom")]

    def cell(self, s, column):
        w = words()
        if column == 0:
            return formatting.date_time(s.happened_at, with_offset=False)
        if column == 1:
            if s.stage.value == "complaint" and s.kind.value == "payment":
                return self.tr("{0} (payment)").format(w.stage(s.stage))
            return w.stage(s.stage)
        return [w.how(s.how), s.reference or "", w.body(s.to)][column - 2]

    def tip(self, s, column):
        return self.tr("Recorded {0}").format(formatting.date_time(s.recorded_at))


class MoneyModel(RecordsModel):
    entity = "money"

    def headers(self):
        return [self.tr("Amount"), self.tr("Network"), self.tr("Value")]

    def cell(self, m, column):
        if column == 0:
            return f"{m.amount} {m.asset}"
        if column == 1:
            return words().network(m.network)
        if m.fiat_amount is None:
            return ""
        return self.tr("{0} {1} on {2}").format(m.fiat_amount, m.fiat_currency,
                                               formatting.date(m.valued_on))


class TransactionsModel(RecordsModel):
    entity = "transaction"

    def headers(self):
        return [self.tr("Transaction"), self.tr("Network"), self.tr("Amount"), self.tr("When")]

    def cell(self, t, column):
        if column == 0:
            return short_hash(t.tx_hash)
        if column == 1:
            return words().network(t.network)
        if column == 2:
            return f"{t.amount} {t.asset}" if t.amount is not None else ""
        return formatting.date_time(t.happened_at, with_offset=False) if t.happened_at else ""

    def tip(self, t, column):
        lines_ = [t.tx_hash]
        if t.from_address:
            lines_.append(self.tr("From {0}").format(t.from_address))
        if t.to_address:
            lines_.append(self.tr("To {0}").format(t.to_address))
        lines_.append(self.tr("Double-click to open it in the block explorer"))
        return "\n".join(lines_)

    def data(self, index, role=DISPLAY):
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 \
                and self.record(index.row()) is not None \
                and self.record(index.row()).voided_at is None:
            return QApplication.palette().brush(QPalette.ColorRole.Link)  # it opens a page
        return super().data(index, role)


class WalletsModel(RecordsModel):
    entity = "wallet"

    def headers(self):
        return [self.tr("Address"), self.tr("Network"), self.tr("Whose"), self.tr("Label")]

    def cell(self, w, column):
        if column == 0:
            return short_hash(w.address)
        return [words().network(w.network), words().whose(w.whose), w.label or ""][column - 1]

    def tip(self, w, column):
        return w.address


class ClocksModel(QAbstractListModel):
    """The case's clocks, soonest first, one readable line each; the rule as its tooltip."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._clocks: list = []

    def set_clocks(self, clocks) -> None:
        self.beginResetModel()
        self._clocks = list(clocks)
        self.endResetModel()

    def clocks(self) -> list:
        return list(self._clocks)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._clocks)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index, role=DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._clocks):
            return None
        clock = self._clocks[index.row()]
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return lines().line(clock)
        if role in (TOOLTIP, Qt.ItemDataRole.AccessibleDescriptionRole):
            return lines().tooltip(clock)   # read out too: a keyboard cannot hover
        if role == Qt.ItemDataRole.ForegroundRole:
            if clock.state == "overdue":
                return palette.warning_colour(QApplication.palette())
            if not clock.pending:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and clock.state in ("overdue", "due-soon"):
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        if role == RecordRole:
            return clock
        return None
