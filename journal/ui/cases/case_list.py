"""The list of cases on the left: filters on top, newest activity first, fetched page by page."""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Case, CaseStatus
from ..errors import JournalError
from . import formatting, labels
from .session import CASES, DIRECTORY, PROMISES, TIMELINE

CaseIdRole = Qt.ItemDataRole.UserRole + 1
PAGE = 200
PLATFORM, TITLE, STATUS, LAST_ACTIVITY, OPEN_PROMISES, INTERACTIONS = range(6)
_MUTED = (CaseStatus.RESOLVED, CaseStatus.CLOSED)


def _status_dot(status: CaseStatus) -> QPixmap:
    """A small dot: filled while the case needs attention, a ring once it is done."""
    palette = QGuiApplication.palette()
    size = 10
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if \
        QGuiApplication.primaryScreen() else 1.0
    pix = QPixmap(int(size * ratio), int(size * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    role = {CaseStatus.OPEN: QPalette.ColorRole.Highlight,
            CaseStatus.WAITING: QPalette.ColorRole.Link,
            CaseStatus.ESCALATED: QPalette.ColorRole.LinkVisited}.get(
        status, QPalette.ColorRole.PlaceholderText)
    colour = QColor(palette.color(role))
    if status in _MUTED:
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return pix


class CaseListModel(QAbstractTableModel):
    """Cases as the service orders them (last activity first); rows come 200 at a time, so
    memory holds only what was scrolled to."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[Case] = []
        self._status: str | None = None
        self._platform: str | None = None
        self._more = True
        self._dots: dict[CaseStatus, QPixmap] = {}
        self.error: str | None = None  # the last failure to load, for the panel to show
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
        session.lockedChanged.connect(self._on_locked)
        self._rows = self._next_page()

    # -- filtering and refreshing ------------------------------------------------------

    def set_filter(self, status: str | None, platform: str | None) -> None:
        """Show only cases of this status and platform (None: any); starts from the top."""
        self._status, self._platform = status, platform
        self.refresh()

    def filters(self) -> tuple[str | None, str | None]:
        return self._status, self._platform

    def refresh(self) -> None:
        self._pending.stop()
        self.beginResetModel()
        self._rows, self._more = [], True
        self._rows = self._next_page()
        self.endResetModel()

    def _on_changed(self, topic: str) -> None:
        if topic in (CASES, TIMELINE, PROMISES, DIRECTORY):  # DIRECTORY: a platform renamed
            self._pending.start()  # one reset for the several topics of one change

    def _on_locked(self, locked: bool) -> None:
        if locked:  # forget what was shown: nothing of the journal stays readable
            self.beginResetModel()
            self._rows, self._more = [], False
            self.endResetModel()
        else:
            self.refresh()

    def _next_page(self) -> list[Case]:
        """The page after the loaded rows (no change to the rows themselves)."""
        if not self._session.is_open:
            self._more = False
            return []
        offset, status, platform = len(self._rows), self._status, self._platform
        try:
            page = self._session.call(lambda j: j.cases(status=status, platform=platform,
                                                        limit=PAGE, offset=offset))
        except JournalError as exc:
            self.error, self._more = str(exc), False
            return []
        self.error = None
        self._more = len(page) >= PAGE
        known = {c.id for c in self._rows[-PAGE:]}
        return [c for c in page if c.id not in known]  # a case moved up between two pages

    # -- lazy loading ------------------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self._session.is_open

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        page = self._next_page()
        if page:
            before = len(self._rows)
            self.beginInsertRows(QModelIndex(), before, before + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def row_of(self, case_id: int, *, fetch: bool = True, up_to: int | None = None) -> int:
        """The row of a case, fetching further pages while it is not loaded; -1 if absent."""
        for row, case in enumerate(self._rows):
            if case.id == case_id:
                return row
        while fetch and self.canFetchMore() and (up_to is None or len(self._rows) < up_to):
            start = len(self._rows)
            self.fetchMore()
            for row in range(start, len(self._rows)):
                if self._rows[row].id == case_id:
                    return row
        return -1

    def case_at(self, row: int) -> Case | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- the model ---------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Platform"), self.tr("Title"), self.tr("Status"),
                    self.tr("Last activity"), self.tr("Promises"),
                    self.tr("Entries"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (None, None, None, self.tr("Newest first"),
                    self.tr("Promises still pending"),
                    self.tr("Calls, chats and emails, failed attempts included"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        case, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == CaseIdRole:
            return case.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.ForegroundRole and case.status in _MUTED:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            if case.status not in self._dots:
                self._dots[case.status] = _status_dot(case.status)
            return self._dots[case.status]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OPEN_PROMISES, INTERACTIONS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, case: Case, column: int):
        if column == PLATFORM:
            return case.platform
        if column == TITLE:
            return case.title
        if column == STATUS:
            return labels.case_status(case.status)
        if column == LAST_ACTIVITY:
            return formatting.relative_day(case.last_activity)
        if column == OPEN_PROMISES:
            return formatting.number(case.open_promises) if case.open_promises else ""
        return formatting.number(case.interaction_count)

    def _tooltip(self, case: Case, column: int):
        if column == LAST_ACTIVITY:
            return formatting.date_time(case.last_activity)
        if column == OPEN_PROMISES:
            return self.tr("%n open promise(s)", "", case.open_promises)
        if column == INTERACTIONS:
            return self.tr("%n interaction(s)", "", case.interaction_count)
        return case.title if column == TITLE else None


class CaseListPanel(QWidget):
    """Filter bar, the table of cases, and a friendly word when there is nothing to show."""

    caseActivated = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._last_emitted: int | None = None
        self.model = CaseListModel(session, self)

        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for value, text in labels.choices(CaseStatus, labels.case_status):
            self.status_combo.addItem(text, value)
        self.status_combo.setToolTip(self.tr("Show cases with this status"))
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("platformFilter")
        self.platform_combo.setToolTip(self.tr("Show cases with this platform"))
        self.platform_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, arrows move in it
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: cheap scrolling
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.table.setAccessibleName(self.tr("Cases"))

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyCases")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        bar = QHBoxLayout()
        bar.addWidget(self.status_combo)
        bar.addWidget(self.platform_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.table)

        self._remembered: int | None = None
        self._remembered_count = 0
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.rowsInserted.connect(self._update_empty)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)
        self.status_combo.activated.connect(self._apply_filter)
        self.platform_combo.activated.connect(self._apply_filter)
        session.changed.connect(self._on_changed)
        session.lockedChanged.connect(lambda locked: None if locked else self._load_platforms())
        self._load_platforms()
        self._update_empty()

    # -- public ------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(CaseIdRole)

    def select_case(self, case_id: int) -> bool:
        """Select a case, loading later pages if needed; filters that hide it are cleared."""
        row = self.model.row_of(case_id)
        if row < 0 and self.model.filters() != (None, None):
            self.status_combo.setCurrentIndex(0)
            self.platform_combo.setCurrentIndex(0)
            self.model.set_filter(None, None)
            row = self.model.row_of(case_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def refresh(self) -> None:
        self.model.refresh()

    # -- columns that fit --------------------------------------------------------------

    def _column_widths(self) -> dict[int, int]:
        fm = self.table.fontMetrics()
        pad = fm.horizontalAdvance("M") * 2

        def header(column: int) -> int:
            return fm.horizontalAdvance(str(self.model.headerData(
                column, Qt.Orientation.Horizontal))) + pad

        longest_status = max(fm.horizontalAdvance(labels.case_status(s)) for s in CaseStatus)
        return {PLATFORM: max(header(PLATFORM), fm.horizontalAdvance("M") * 8),
                STATUS: max(header(STATUS), longest_status + pad + 12),
                LAST_ACTIVITY: max(header(LAST_ACTIVITY),
                                   fm.horizontalAdvance(formatting.date("2026-12-28T00:00:00Z"))
                                   + pad),
                OPEN_PROMISES: header(OPEN_PROMISES), INTERACTIONS: header(INTERACTIONS)}

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Give the title room: when the list is narrow, the least needed columns go first."""
        widths = self._column_widths()
        # The panel's width, not the table's: the table may be hidden behind the empty state.
        room = self.width() - 2 * self.table.frameWidth() \
            - self.table.verticalScrollBar().sizeHint().width()
        title_needs = self.table.fontMetrics().horizontalAdvance("M") * 12
        shown = [PLATFORM, STATUS, LAST_ACTIVITY, OPEN_PROMISES, INTERACTIONS]
        for column in (INTERACTIONS, OPEN_PROMISES, LAST_ACTIVITY, PLATFORM):
            if room - sum(widths[c] for c in shown) >= title_needs:
                break
            shown.remove(column)
        for column, width in widths.items():
            self.table.setColumnHidden(column, column not in shown)
            self.table.horizontalHeader().resizeSection(column, width)

    # -- filters -----------------------------------------------------------------------

    def _load_platforms(self) -> None:
        if not self._session.is_open:
            return
        try:
            platforms = self._session.call(lambda j: j.platforms())
        except JournalError:
            return
        chosen = self.platform_combo.currentData()
        self.platform_combo.blockSignals(True)
        self.platform_combo.clear()
        self.platform_combo.addItem(self.tr("All platforms"), None)
        for p in platforms:
            self.platform_combo.addItem(p.name, p.name)
        found = self.platform_combo.findData(chosen) if chosen is not None else 0
        self.platform_combo.setCurrentIndex(max(found, 0))
        self.platform_combo.blockSignals(False)
        if chosen is not None and found < 0:  # the platform was renamed: show all
            self._apply_filter()

    def _on_changed(self, topic: str) -> None:
        if topic == DIRECTORY:
            self._load_platforms()

    def _apply_filter(self, *_args) -> None:
        self.model.set_filter(self.status_combo.currentData(), self.platform_combo.currentData())

    # -- selection ---------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, TITLE)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _remember_selection(self) -> None:
        self._remembered = self.current_case_id()
        self._remembered_count = self.model.rowCount()

    def _restore_selection(self) -> None:
        self._update_empty()
        case_id, self._remembered = self._remembered, None
        if case_id is None:
            return
        # Look as far as the user had scrolled before, no further.
        row = self.model.row_of(case_id, up_to=max(PAGE, self._remembered_count))
        if row >= 0:
            self._last_emitted = case_id  # the same case again: the view needs no news
            self._select_row(row)
        else:
            self._last_emitted = None

    def _on_current_changed(self, current: QModelIndex, _previous=None) -> None:
        case_id = current.data(CaseIdRole) if current.isValid() else None
        if case_id is not None and case_id != self._last_emitted:
            self._last_emitted = case_id
            self.caseActivated.emit(case_id)

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CaseIdRole)
        if case_id is not None:
            self._last_emitted = case_id
            self.caseActivated.emit(case_id)

    def _update_empty(self, *_args) -> None:
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
            return
        if self.model.error:
            self.empty.setText(self.model.error)
        elif self.model.filters() != (None, None):
            self.empty.setText(self.tr("No cases match these filters."))
        else:
            self.empty.setText(self.tr("No cases yet. Open one with New case (Ctrl+N)."))
        self.stack.setCurrentWidget(self.empty)
