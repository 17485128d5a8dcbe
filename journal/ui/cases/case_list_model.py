"""The cases as a Qt model: newest activity first, read page by page off the GUI thread."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen, QPixmap

from ...domain.model import Case, CaseStatus
from ...domain.rules import is_closed
from ..kit import formatting, labels
from ..kit.session import CASES, weak

CaseIdRole = Qt.ItemDataRole.UserRole + 1
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
        self._texts: dict[int, tuple] = {}   # row -> its cells' text, made once: cheap paints
        self.error: str | None = None  # the last failure to load, for the panel to show
        self._generation = 0           # bumped by every refresh: older answers are dropped
        self._asking = False           # a question is on its way to the journal
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        session.changed.connect(self._on_changed)
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
            lambda j: j.cases(status=status, platform=platform, limit=count, offset=0),
            weak(self._reloaded, self._generation, count), weak(self._failed, self._generation))

    def _reloaded(self, generation: int, count: int, rows) -> None:
        if generation == self._generation:
            self.error = None
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

    def _on_changed(self, topic: str) -> None:
        if topic == CASES:  # a platform renamed is reported as CASES too
            self._pending.start()  # one reset for a burst of changes

    def _on_locked(self, locked: bool) -> None:
        if locked:  # forget what was shown: nothing of the journal stays readable
            self._generation += 1
            self._reset([], more=False)
        else:
            self.refresh()

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
            return found, more

        self._asking = True
        self._session.read(pages, weak(self._fetched, self._generation, offset),
                           weak(self._not_fetched, self._generation))

    def _fetched(self, generation: int, offset: int, answer) -> None:
        if generation != self._generation:
            return
        if offset == len(self._rows):   # (else these rows came already)
            page, more = answer
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

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        case = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = tuple(self._display(case, c) for c in range(6))
            return texts[column]
        if role == CaseIdRole:
            return case.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.ForegroundRole and is_closed(case.status):
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
