"""What support promised, overdue first: mark each kept, broken or cancelled."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain import times
from ...domain.model import Promise, PromiseStatus
from ...errors import JournalError
from ..kit import formatting, labels
from ..kit.palette import warning_colour
from ..kit.session import CASES, PROMISES, TIMELINE, Session, weak

PromiseIdRole = Qt.ItemDataRole.UserRole + 1
CaseIdRole = Qt.ItemDataRole.UserRole + 2
OverdueRole = Qt.ItemDataRole.UserRole + 3

REFRESH_MS = 60_000   # "due in 1 day" becomes "overdue" while the window stays open


@dataclass(frozen=True)
class PromiseRow:
    promise: Promise
    due_ts: float

    @property
    def pending(self) -> bool:
        return self.promise.status is PromiseStatus.PENDING


def load_rows(journal, show_settled: bool) -> list[PromiseRow]:
    """Pending promises by due time (so overdue first), then settled ones, latest first."""
    promises = journal.promises() if show_settled else journal.promises(status="pending")
    rows = [PromiseRow(p, times.instant(p.due_at)) for p in promises]   # sorted by due
    pending = [r for r in rows if r.pending]
    return pending + [r for r in reversed(rows) if not r.pending]


def case_titles(journal, case_ids) -> dict[int, tuple[str, str]]:
    """(title, platform) of each case (on the worker); a case gone is left out."""
    found = {}
    for case_id in case_ids:
        try:
            case = journal.case(case_id)
        except JournalError:
            continue
        found[case_id] = (case.title, case.platform)
    return found


class PromisesModel(QAbstractTableModel):
    """Rows of promises; a case's title and platform are asked for when a row is first
    shown, so thousands of promises cost what is on screen. `cases_of(ids, reply)` asks for
    them (off the GUI thread) and calls reply({id: (title, platform)}); until then the two
    cells are empty."""

    DUE, TEXT, CASE, PLATFORM = range(4)

    def __init__(self, parent: QObject | None = None, cases_of=None):
        super().__init__(parent)
        self._rows: list[PromiseRow] = []
        self._pending_due: list[float] = []   # sorted: the overdue are counted by bisection
        self._cases_of = cases_of
        self._cases: dict[int, tuple[str, str]] = {}
        self._missing: set[int] = set()
        self._asked: set[int] = set()
        self._generation = 0
        self._ask = QTimer(self, singleShot=True, interval=0, timeout=self._ask_cases)
        self._now = times.now().timestamp()

    def set_rows(self, rows: list[PromiseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._pending_due = sorted(r.due_ts for r in self._rows if r.pending)
        self._cases.clear()   # a title may have changed since the last refresh
        self._missing.clear()
        self._asked.clear()
        self._generation += 1
        self._now = times.now().timestamp()
        self.endResetModel()

    def row_at(self, row: int) -> PromiseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def overdue(self, row: PromiseRow) -> bool:
        return row.pending and row.due_ts < self._now

    def overdue_count(self) -> int:
        return bisect_left(self._pending_due, self._now)

    def times_passed(self) -> None:
        """The clock moved: due texts and overdue colours change, the rows do not."""
        self._now = times.now().timestamp()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.PLATFORM))

    def case(self, case_id: int) -> tuple[str, str]:
        """(title, platform) of a case, asked for once per refresh; empty until it comes."""
        known = self._cases.get(case_id)
        if known is not None:
            return known
        if self._cases_of is not None and case_id not in self._asked:
            self._missing.add(case_id)
            self._ask.start()   # one question for the rows painted together
        return ("", "")

    def _ask_cases(self) -> None:
        ids, self._missing = sorted(self._missing), set()
        if ids:
            self._asked.update(ids)
            self._cases_of(ids, weak(self._cases_read, self._generation))

    def _cases_read(self, generation: int, found: dict) -> None:
        if generation != self._generation:
            return
        self._cases.update(found)
        rows = [r for r, row in enumerate(self._rows) if row.promise.case_id in found]
        if rows:
            self.dataChanged.emit(self.index(min(rows), self.CASE),
                                  self.index(max(rows), self.PLATFORM))

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Due"), self.tr("Promise"), self.tr("Case"),
                    self.tr("Platform"))[section] if 0 <= section < 4 else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        p, column = row.promise, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                and column in (self.CASE, self.PLATFORM):
            return self.case(p.case_id)[column - self.CASE]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DUE:
                if p.status is PromiseStatus.PENDING:
                    return formatting.due_text(p.due_at, with_date=True)
                return self.tr("{0} · {1}").format(labels.promise_status(p.status),
                                                  formatting.date(p.due_at, year=False))
            return p.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return formatting.date_time(p.due_at) if column == self.DUE else p.text
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if self.overdue(row):
                return warning_colour(palette)
            if not row.pending:
                return palette.color(QPalette.ColorRole.PlaceholderText)
            return None
        if role == PromiseIdRole:
            return p.id
        if role == CaseIdRole:
            return p.case_id
        if role == OverdueRole:
            return self.overdue(row)
        return None


class PromisesPanel(QWidget):
    """Pending promises with Kept / Broken / Cancelled; double-click opens the case."""

    caseChosen = Signal(int)
    overdueCountChanged = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("promisesPanel")
        self._generation = 0
        self._overdue = -1

        self.model = PromisesModel(self, self._cases_of)
        self.table = QTableView(self)
        self.table.setObjectName("promisesTable")
        self.table.setAccessibleName(self.tr("Promises"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The promise's own words get the room; the rest keep a modest, fixed width.
        em = self.fontMetrics().horizontalAdvance("M")
        header.setSectionResizeMode(PromisesModel.DUE, QHeaderView.ResizeMode.Interactive)
        # Wide enough for a long one ("overdue by 99 days · Sep 28, 2025"), within reason.
        widest = self.fontMetrics().horizontalAdvance(formatting.longest_due_text()) + em
        header.resizeSection(PromisesModel.DUE, max(16 * em, min(widest, 26 * em)))
        header.setSectionResizeMode(PromisesModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PromisesModel.CASE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PromisesModel.CASE, 12 * em)
        header.setSectionResizeMode(PromisesModel.PLATFORM, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PromisesModel.PLATFORM, 7 * em)
        header.setStretchLastSection(False)
        self.table.activated.connect(self._open_case)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)

        self.empty = QLabel(self.tr("No promises are waiting."), self)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.hide()

        # Alt+K / Alt+B / Alt+C act on the selected promise, from anywhere in the panel.
        self.kept_button = QPushButton(self.tr("&Kept"), self)
        self.broken_button = QPushButton(self.tr("&Broken"), self)
        self.cancelled_button = QPushButton(self.tr("&Cancelled"), self)
        self.kept_button.setToolTip(self.tr("They did what they promised"))
        self.broken_button.setToolTip(self.tr("The time passed and they did not do it"))
        self.cancelled_button.setToolTip(self.tr("No longer needed"))
        self._buttons = {PromiseStatus.KEPT: self.kept_button,
                         PromiseStatus.BROKEN: self.broken_button,
                         PromiseStatus.CANCELLED: self.cancelled_button}
        for status, button in self._buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=status: self.set_selected(s))
        self.show_settled = QCheckBox(self.tr("Show &settled"), self)
        self.show_settled.toggled.connect(self.refresh)
        self.open_action = QAction(self.tr("Open case"), self)
        self.open_action.triggered.connect(lambda: self._open_case(self.table.currentIndex()))

        buttons = QHBoxLayout()
        for button in self._buttons.values():
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_settled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        # The complaints' clocks of every open case, under the promises (shown when any runs).
        from .deadlines_view import DeadlinesView
        self.deadlines = DeadlinesView(session, self)
        self.deadlines.caseChosen.connect(self.caseChosen)
        layout.addWidget(self.deadlines)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        session.changes.connect(self._journal_changed)
        session.lockedChanged.connect(self._locked)
        self._update_buttons()
        self.refresh()

    # -- public --------------------------------------------------------------------------

    def overdue_count(self) -> int:
        return max(0, self._overdue)

    def selected(self) -> PromiseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def refresh(self) -> None:
        """Reload off the GUI thread; a journal of many promises never freezes the window.
        While the panel is not on screen (its tab behind the cases) it is a background read:
        what is on screen is read first."""
        if not self.session.is_open:
            return
        self._generation += 1
        generation, settled = self._generation, self.show_settled.isChecked()
        self.session.read(lambda j: load_rows(j, settled), weak(self._loaded, generation),
                          weak(self._not_loaded, generation), background=not self.isVisible())

    def set_selected(self, status: PromiseStatus | str) -> None:
        row = self.selected()
        if row is None or not row.pending:
            return
        pid, value = row.promise.id, PromiseStatus(status).value
        self.error.hide()
        self.session.submit(lambda j: j.set_promise(pid, value), on_error=weak(self._show_error))

    # -- inner workings --------------------------------------------------------------------

    def _loaded(self, generation: int, rows: list[PromiseRow]) -> None:
        if generation != self._generation:
            return   # a newer refresh is on its way
        chosen = self.selected()
        self.model.set_rows(rows)
        self.error.hide()
        self.empty.setVisible(not rows)
        if chosen is not None:
            for r in range(self.model.rowCount()):
                if self.model.row_at(r).promise.id == chosen.promise.id:
                    self.table.selectRow(r)
                    break
        self._count_overdue()

    def _not_loaded(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self._show_error(text)

    def _cases_of(self, case_ids, reply) -> None:
        self.session.read(lambda j: case_titles(j, case_ids), reply,
                          background=not self.isVisible())

    def _count_overdue(self) -> None:
        count = self.model.overdue_count()
        if count != self._overdue:
            self._overdue = count
            self.overdueCountChanged.emit(count)

    def _tick(self) -> None:
        self.model.times_passed()
        self._count_overdue()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _journal_changed(self, kinds: frozenset) -> None:
        # Once for a write that touched a promise, its entry and its case; once on unlock.
        if kinds & {PROMISES, TIMELINE, CASES}:
            self.refresh()

    def _locked(self, locked: bool) -> None:
        if locked:
            self._generation += 1
            self.model.set_rows([])
        # unlocked: `changes` says everything changed, and the panel reads again then

    def _update_buttons(self, *_) -> None:
        row = self.selected()
        pending = row is not None and row.pending
        for button in self._buttons.values():
            button.setEnabled(pending)

    def _open_case(self, index) -> None:
        if index.isValid():
            self.caseChosen.emit(index.data(CaseIdRole))

    def _menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        pending = self.selected().pending
        for status in self._buttons:
            action = menu.addAction(self._menu_label(status))
            action.setEnabled(pending)
            action.triggered.connect(lambda _=False, s=status: self.set_selected(s))
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _menu_label(self, status: PromiseStatus) -> str:
        return {PromiseStatus.KEPT: self.tr("Mark kept"),
                PromiseStatus.BROKEN: self.tr("Mark broken"),
                PromiseStatus.CANCELLED: self.tr("Mark cancelled")}[status]

