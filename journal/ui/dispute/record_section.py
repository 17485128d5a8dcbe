"""One part of the dispute tab: its heading with its buttons, and its table (as tall as its
rows: the tab scrolls, not each table), or a greyed line when it has none."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..kit import resources


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def greyed(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def button(text: str, parent: QWidget, icon: str | None = None) -> QPushButton:
    b = QPushButton(resources.icon(icon), text, parent) if icon else QPushButton(text, parent)
    b.setAutoDefault(False)
    return b


def fit_rows(view: QAbstractItemView, rows: int) -> None:
    """Make `view` exactly as tall as its rows (and a table's header)."""
    if isinstance(view, QTableView):
        view.resizeRowsToContents()
        height = view.verticalHeader().length() + view.horizontalHeader().sizeHint().height()
    else:
        height = sum(max(0, view.sizeHintForRow(r)) for r in range(rows))
        if isinstance(view, QListView):
            height += 2 * view.spacing() * rows
    view.setFixedHeight(height + 2 * view.frameWidth() + 2)


class RecordSection(QWidget):
    """A heading, "Add…" and "Void…", and the records of one model."""

    addRequested = Signal()
    voidRequested = Signal(object)   # the record chosen

    def __init__(self, title: str, add_text: str, empty_text: str, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.title = heading(title, self)
        self.add_button = button(add_text, self, "add")
        self.void_button = button(self.tr("Void…"), self)
        self.void_button.setToolTip(self.tr("Mark the chosen record void, with a reason; it "
                                            "stays in the case's history"))
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.title)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.void_button)

        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Each column as wide as what it shows; the last one takes the rest of the row.
        last = model.columnCount() - 1
        for column in range(last):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(last, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.empty = greyed(empty_text, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)

        self.add_button.clicked.connect(self.addRequested)
        self.void_button.clicked.connect(self._void)
        self._kept: int | None = None   # the record chosen before the list was read again
        model.modelAboutToBeReset.connect(self._keep)
        model.modelReset.connect(self._shown)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self._shown()

    def chosen(self):
        index = self.table.currentIndex()
        selected = self.table.selectionModel().selectedRows()
        if not selected or not index.isValid():
            return None
        return self.model.record(index.row())

    def _void(self) -> None:
        record = self.chosen()
        if record is not None and record.voided_at is None:
            self.voidRequested.emit(record)

    def set_enabled(self, enabled: bool) -> None:
        self.add_button.setEnabled(enabled)
        self._update()

    def _keep(self) -> None:
        chosen = self.chosen()
        self._kept = chosen.id if chosen is not None else None

    def _shown(self) -> None:
        rows = self.model.rowCount()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            fit_rows(self.table, rows)
        ids = [r.id for r in self.model.records()]
        if self._kept in ids:   # the same record stays chosen through a refresh
            self.table.selectRow(ids.index(self._kept))
        self._kept = None
        self._update()

    def _update(self, *_args) -> None:
        record = self.chosen()
        self.void_button.setEnabled(self.add_button.isEnabled() and record is not None
                                    and record.voided_at is None)
