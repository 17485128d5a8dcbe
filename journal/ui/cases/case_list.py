"""The list of cases on the left: filters on top, newest activity first, fetched page by page."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import CaseStatus
from ..kit import formatting, labels, platform_filter
from ..kit.session import DIRECTORY, weak
from .case_list_model import (  # noqa: F401 - the model's names, re-exported
    INTERACTIONS,
    LAST_ACTIVITY,
    OPEN_PROMISES,
    PAGE,
    PLATFORM,
    STATUS,
    TITLE,
    CaseIdRole,
    CaseListModel,
)

_DISPLAY, _DECORATION, _ALIGNMENT, _FOREGROUND = (
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.DecorationRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.ForegroundRole))
_FEATURE = QStyleOptionViewItem.ViewItemFeature


class _CellPainter(QStyledItemDelegate):
    """Fills a cell's style option from the model's cell (CaseListModel.cell) in one call: the
    plain delegate asks data() for seven roles of each cell, some 1,700 calls into Python for
    a page painted, each waiting for the interpreter while a read runs on the worker."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._icons: dict[int, QIcon] = {}

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        cell = self._model.cell(index.row(), index.column())
        if cell is None:
            super().initStyleOption(option, index)
            return
        option.index = index
        alignment = cell.get(_ALIGNMENT)
        if alignment is not None:
            option.displayAlignment = Qt.AlignmentFlag(alignment)
        foreground = cell.get(_FOREGROUND)
        if foreground is not None:
            option.palette.setColor(QPalette.ColorRole.Text, foreground)
        dot = cell.get(_DECORATION)
        if dot is not None:
            icon = self._icons.get(dot.cacheKey())
            if icon is None:
                icon = self._icons[dot.cacheKey()] = QIcon(dot)
            option.features |= _FEATURE.HasDecoration
            option.icon = icon
            option.decorationSize = dot.deviceIndependentSize().toSize()
        text = cell.get(_DISPLAY)
        if text:
            option.features |= _FEATURE.HasDisplay
            option.text = text


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
        self.status_combo.setAccessibleName(self.tr("Filter by status"))
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("platformFilter")
        self.platform_combo.setToolTip(self.tr("Show cases with this platform"))
        self.platform_combo.setAccessibleName(self.tr("Filter by platform"))
        self.platform_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(_CellPainter(self.model, self.table))
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
        # No focus proxy: Tab into the panel would jump to the table over the filters.

        self._remembered: int | None = None
        self._wanted: int | None = None     # select_case() waits for the rows holding it
        self._on_found = None
        self._selecting = False
        self._platforms_asked = 0           # the newest question about the platforms
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.rowsInserted.connect(self._update_empty)
        self.model.loaded.connect(self._loaded)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.activated.connect(self._on_activated)
        self.status_combo.activated.connect(self._apply_filter)
        self.platform_combo.activated.connect(self._apply_filter)
        # Bound methods, never lambdas: Qt drops the connection when this panel is destroyed
        # (the window rebuilt for another language), so an unlock reaches only live widgets.
        session.changes.connect(self._on_changes)
        self._load_platforms()
        self._update_empty()

    # -- public ------------------------------------------------------------------------

    def focus_list(self) -> None:
        """The keyboard to the table of cases (the first row becomes current, and opens)."""
        self.table.setFocus()

    def current_case_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(CaseIdRole)

    def select_case(self, case_id: int, on_done=None) -> None:
        """Select a case, reading later pages (off the GUI thread) while it is not loaded;
        filters that hide it are cleared. on_done(found) once it is settled."""
        self._wanted, self._on_found = case_id, on_done
        self._seek()

    def _seek(self) -> None:
        case_id = self._wanted
        if case_id is None or self.model.loading():
            return   # the answer on its way calls this again (`loaded`)
        row = self.model.row_of(case_id)
        if row >= 0:
            self._select_row(row)
            if self._last_emitted != case_id:   # the row was current already (the focus)
                self._last_emitted = case_id
                self.caseActivated.emit(case_id)
            self._settle(True)
        elif self.model.fetch_until(case_id):
            pass
        elif self.model.filters() != (None, None) and self.model.error is None:
            self.status_combo.setCurrentIndex(0)
            self.platform_combo.setCurrentIndex(0)
            self.model.set_filter(None, None)
        else:
            self._settle(False)

    def _settle(self, found: bool) -> None:
        on_done, self._wanted, self._on_found = self._on_found, None, None
        if on_done is not None:
            on_done(found)

    def _loaded(self) -> None:
        self._update_empty()
        if self._wanted is not None and self.model.row_of(self._wanted) >= 0 \
                and self.table.isVisible():
            # The rows painted first, as for the first row (_current_as_focused): the case's
            # read then runs on the worker once the page is on screen, not while it paints.
            self.table.viewport().repaint()
        self._seek()

    def refresh(self) -> None:
        self.model.refresh()

    def prepare(self) -> None:
        """Lay out and paint the (empty) table once off screen while the key is derived: the
        first page of cases is then painted at once."""
        self.table.grab()

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
        if self._session.is_open:
            self._platforms_asked += 1
            # The filter is not needed for the first paint: the cases are read first.
            self._session.read(lambda j: j.platforms(),
                               weak(self._platforms_read, self._platforms_asked),
                               background=True)

    def _platforms_read(self, asked: int, platforms) -> None:
        if asked != self._platforms_asked:
            return
        found = platform_filter.refill(self.platform_combo, self.tr("All platforms"), platforms,
                                       key=lambda p: p.name)
        if found < 0:  # the platform was renamed: show all
            self._apply_filter()

    def _on_changes(self, kinds: frozenset) -> None:
        if DIRECTORY in kinds:   # unlocking says so too
            self._load_platforms()

    def _apply_filter(self, *_args) -> None:
        self.model.set_filter(self.status_combo.currentData(), self.platform_combo.currentData())

    # -- selection ---------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, TITLE)
        self._selecting = True
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting = False
        self.table.scrollTo(index)

    def _remember_selection(self) -> None:
        self._remembered = self.current_case_id()

    def _restore_selection(self) -> None:
        self._update_empty()
        case_id, self._remembered = self._remembered, None
        if case_id is None:
            self._current_as_focused()
            return
        # A refresh reads as many rows as were loaded: as far as the user had scrolled.
        row = self.model.row_of(case_id)
        if row >= 0:
            self._last_emitted = case_id  # the same case again: the view needs no news
            self._select_row(row)
        else:
            self._last_emitted = None

    def _current_as_focused(self) -> None:
        """A list given the focus makes its first row current (Qt does, on focus-in), which
        opens the newest case. After an unlock the focus comes before the cases do: the first
        page makes that row current when it comes, once it is painted: the case's read would
        otherwise run on the worker while the page paints, and each would slow the other
        (both need the interpreter). Not while a case asked for (select_case) is on its way:
        that one opens instead."""
        if (self.model.rowCount() and self.table.hasFocus() and self._wanted is None
                and not self.table.selectionModel().currentIndex().isValid()):
            self.table.viewport().repaint()
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, TITLE), QItemSelectionModel.SelectionFlag.NoUpdate)

    def _on_current_changed(self, current: QModelIndex, _previous=None) -> None:
        case_id = current.data(CaseIdRole) if current.isValid() else None
        selection = self.table.selectionModel()
        # Made current without being chosen: Qt does so with the first row as the list gets
        # the focus (shown again after an unlock, say).
        unchosen = (case_id is not None and not self._selecting
                    and not selection.isRowSelected(current.row()))
        if unchosen and self._wanted is not None:
            return   # the case asked for (select_case) is on its way: that one opens
        if not self._selecting and self._wanted is not None:
            self._settle(False)   # the user chose another case meanwhile
        if unchosen:
            # The case opens, so its row is drawn selected too: what the middle pane shows
            # is what is chosen.
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
        if case_id is not None and case_id != self._last_emitted:
            self._last_emitted = case_id
            self.caseActivated.emit(case_id)

    def _on_activated(self, index: QModelIndex) -> None:
        case_id = index.data(CaseIdRole)
        if case_id is not None:
            self._last_emitted = case_id
            self.caseActivated.emit(case_id)

    def _update_empty(self, *_args) -> None:
        if self.model.loading() and not self.model.rowCount():
            return  # what is shown stays until the journal has answered: no "no cases" flash
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
            return
        if not self._session.is_open:
            # Locked: nothing to say until the journal answers (no "No cases yet" while the
            # first page is on its way after the unlock).
            self.empty.clear()
            self.stack.setCurrentWidget(self.empty)
            return
        if self.model.error:
            self.empty.setText(self.model.error)
        elif self.model.filters() != (None, None):
            self.empty.setText(self.tr("No cases match these filters."))
        else:
            self.empty.setText(self.tr("No cases yet. Open one with New case (Ctrl+N)."))
        self.stack.setCurrentWidget(self.empty)
