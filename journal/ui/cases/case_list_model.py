"""The cases as a Qt model: newest activity first, read page by page off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen, QPixmap

from ...domain.model import Case, CaseStatus
from ...domain.rules import is_closed
from ..kit import formatting, labels
from ..kit.session import ALL_KINDS, CASES, weak

CaseIdRole = Qt.ItemDataRole.UserRole + 1
R = Qt.ItemDataRole
_DISPLAY, _DECORATION, _TOOLTIP, _FONT, _ALIGNMENT, _BACKGROUND, _FOREGROUND, _CHECK = (
    int(R.DisplayRole), int(R.DecorationRole), int(R.ToolTipRole), int(R.FontRole),
    int(R.TextAlignmentRole), int(R.BackgroundRole), int(R.ForegroundRole),
    int(R.CheckStateRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ASK = object()
PAGE = 200
PLATFORM, TITLE, STATUS, LAST_ACTIVITY, OPEN_PROMISES, INTERACTIONS = range(6)


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
    if is_closed(status):
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    painter.end()
    return pix


def shown_texts(case: Case) -> tuple[str, ...]:
    """The text of a case's six cells. Made on the worker with the page it came in (Qt's
    locale and dates may be used there), so painting the page formats nothing."""
    return (case.platform, case.title, labels.case_status(case.status),
            formatting.relative_day(case.last_activity),
            formatting.number(case.open_promises) if case.open_promises else "",
            formatting.number(case.interaction_count))


def with_texts(cases) -> tuple[list[Case], dict[int, tuple[str, ...]]]:
    return cases, {case.id: shown_texts(case) for case in cases}


class CaseListModel(QAbstractTableModel):
    """Cases as the service orders them (last activity first); rows come 200 at a time, so
    memory holds only what was scrolled to. Every page is read off the GUI thread: until an
    answer comes the rows shown stay as they were, and an answer to an older question (other
    filters, a lock since) is dropped."""

    loaded = Signal()   # an answer was put in (rows, or the error to show)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._rows: list[Case] = []
        self._status: str | None = None
        self._platform: str | None = None
        self._more = False
        self._dots: dict[CaseStatus, QPixmap] = {}
        self._texts: dict[int, tuple] = {}   # row -> its cells (role -> value), made once
        self._shown: dict[int, tuple] = {}   # case id -> its cells' text, made on the worker
        self.error: str | None = None  # the last failure to load, for the panel to show
        self._generation = 0           # bumped by every refresh: older answers are dropped
        self._asking = False           # a question is on its way to the journal
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        session.changes.connect(self._on_changes)
        session.lockedChanged.connect(self._on_locked)
        self.refresh()

    # -- filtering and refreshing ------------------------------------------------------

    def set_filter(self, status: str | None, platform: str | None) -> None:
        """Show only cases of this status and platform (None: any); starts from the top."""
        self._status, self._platform = status, platform
        self._reload(PAGE)

    def filters(self) -> tuple[str | None, str | None]:
        return self._status, self._platform

    def loading(self) -> bool:
        """A question is on its way: what is shown may change when it answers."""
        return self._asking

    def refresh(self) -> None:
        """Read again as many rows as are loaded (a page at least), so the selection and the
        scrolling survive; the rows shown stay until the answer replaces them at once."""
        self._reload(-(-max(len(self._rows), 1) // PAGE) * PAGE)

    def _reload(self, count: int) -> None:
        self._pending.stop()
        self._generation += 1
        if not self._session.is_open:
            self._reset([], more=False)
            return
        self._asking = True
        status, platform = self._status, self._platform
        self._session.read(
            lambda j: with_texts(j.cases(status=status, platform=platform, limit=count,
                                         offset=0)),
            weak(self._reloaded, self._generation, count), weak(self._failed, self._generation))

    def _reloaded(self, generation: int, count: int, answer) -> None:
        if generation == self._generation:
            rows, texts = answer
            self.error = None
            self._shown = texts
            self._reset(list(rows), more=len(rows) >= count)

    def _failed(self, generation: int, sentence: str) -> None:
        if generation == self._generation:
            self.error = sentence
            self._reset([], more=False)

    def _reset(self, rows: list[Case], *, more: bool) -> None:
        self.beginResetModel()
        self._rows, self._more = rows, more
        self._texts.clear()
        self.endResetModel()
        self._asking = False   # only now: a view asking for more meanwhile asks nothing
        self.loaded.emit()

    def _on_changes(self, kinds: frozenset) -> None:
        if kinds == ALL_KINDS:   # unlocked: the first page, first of all the window reads
            self.refresh()
        elif CASES in kinds:     # a platform renamed is reported as CASES too
            self._pending.start()  # one reset for a burst of writes

    def _on_locked(self, locked: bool) -> None:
        if locked:  # forget what was shown: nothing of the journal stays readable
            self._generation += 1
            self._reset([], more=False)
        # unlocked: `changes` says everything changed, and the first page is read then

    # -- lazy loading ------------------------------------------------------------------

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._more and self._session.is_open

    def fetchMore(self, parent=QModelIndex()) -> None:
        """Ask for the next page; the view asks again while a page is on its way: no-op."""
        if self.canFetchMore(parent) and not self._asking:
            self._ask_pages(lambda page: True)   # one page

    def fetch_until(self, case_id: int) -> bool:
        """Read the next pages, up to the one holding this case (or the end), in one
        question; False when there is nothing more to read."""
        if not self.canFetchMore() or self._asking:
            return False
        self._ask_pages(lambda page: any(c.id == case_id for c in page))
        return True

    def _ask_pages(self, enough) -> None:
        offset, status, platform = len(self._rows), self._status, self._platform

        def pages(j):
            found, more = [], True
            while more:
                page = j.cases(status=status, platform=platform, limit=PAGE,
                               offset=offset + len(found))
                found.extend(page)
                more = len(page) >= PAGE
                if enough(page):
                    break
            return found, more, with_texts(found)[1]

        self._asking = True
        self._session.read(pages, weak(self._fetched, self._generation, offset),
                           weak(self._not_fetched, self._generation))

    def _fetched(self, generation: int, offset: int, answer) -> None:
        if generation != self._generation:
            return
        if offset == len(self._rows):   # (else these rows came already)
            page, more, texts = answer
            self._shown.update(texts)
            known = {c.id for c in self._rows[-PAGE:]}
            page = [c for c in page if c.id not in known]  # a case moved up between pages
            if page:
                self.beginInsertRows(QModelIndex(), offset, offset + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
            self._more, self.error = more, None
        self._asking = False   # only now: a view asking for more meanwhile asks nothing
        self.loaded.emit()

    def _not_fetched(self, generation: int, sentence: str) -> None:
        if generation == self._generation:  # the rows read so far stay
            self._asking, self._more, self.error = False, False, sentence
            self.loaded.emit()

    def row_of(self, case_id: int) -> int:
        """The row of a case among those loaded; -1 if it is not (yet) there."""
        for row, case in enumerate(self._rows):
            if case.id == case_id:
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

    def cell(self, row: int, column: int) -> dict | None:
        """What a cell shows, by role (made once a row): for the panel's painter, which
        fills a cell in one call where the plain one asks data() for seven roles."""
        cells = self._texts.get(row)
        if cells is None:
            if not 0 <= row < len(self._rows) or not 0 <= column < 6:
                return None
            cells = self._texts[row] = self._cells(self._rows[row])
        return cells[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Each row's cells are made once, and a call is two lookups.
        cells = self._texts.get(index.row())
        if cells is None:
            if not index.isValid() or not 0 <= index.row() < len(self._rows):
                return None
            cells = self._texts[index.row()] = self._cells(self._rows[index.row()])
        found = cells[index.column()].get(role, _ASK)
        if found is _ASK:   # asked seldom: made when asked
            case = self._rows[index.row()]
            if role == _TOOLTIP:
                return self._tooltip(case, index.column())
            return None
        return found

    def _cells(self, case: Case) -> tuple[dict, ...]:
        muted = (QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
                 if is_closed(case.status) else None)
        texts = self._shown.get(case.id) or shown_texts(case)
        cells = []
        for column in range(6):
            cell = {_DISPLAY: texts[column], CaseIdRole: case.id,
                    _FOREGROUND: muted, _FONT: None, _BACKGROUND: None, _CHECK: None,
                    _DECORATION: None, _ALIGNMENT: None}
            if column == STATUS:
                if case.status not in self._dots:
                    self._dots[case.status] = _status_dot(case.status)
                cell[_DECORATION] = self._dots[case.status]
            if column in (OPEN_PROMISES, INTERACTIONS):
                cell[_ALIGNMENT] = _RIGHT
            cells.append(cell)
        return tuple(cells)

    def _tooltip(self, case: Case, column: int):
        if column == LAST_ACTIVITY:
            return formatting.date_time(case.last_activity)
        if column == OPEN_PROMISES:
            return self.tr("%n open promise(s)", "", case.open_promises)
        if column == INTERACTIONS:
            return self.tr("%n interaction(s)", "", case.interaction_count)
        return case.title if column == TITLE else None
