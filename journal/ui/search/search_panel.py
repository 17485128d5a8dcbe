"""Search as you type: a command-palette popup with the hits grouped by case.

The service marks matched words with [square brackets]; the delegate shows them
bold, without the brackets. A newer query always wins: stale results are dropped.

Keystroke to results is kept short: a query runs as soon as the typing's events are handled
(nothing waits for a pause), one at a time, the newest next; each row's text is worked out
once, when it is first shown; every row is one line, so the view lays out the page from one
row's height; and the delegate keeps the rich text it laid out for the rows on screen.
"""
from __future__ import annotations

import html
import re
import time

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..kit import formatting, platform_filter
from ..kit.session import CASES, DIRECTORY, TIMELINE, Session, weak

# 0: the query runs once the event loop has handled the events waiting (a paste, an input
# method's text, keys sent together come as one query), not after a pause. A search takes
# ~10-20 ms on 100,000 interactions; while one runs, later keystrokes wait for it and only the
# newest of them runs next, so a fast typist costs at most one stale search.
DEBOUNCE_MS = 0
RESULT_LIMIT = 50

CaseIdRole = Qt.ItemDataRole.UserRole + 1
InteractionIdRole = Qt.ItemDataRole.UserRole + 2   # None on a case row
HtmlRole = Qt.ItemDataRole.UserRole + 3            # the row as rich text, matches in <b>
DateRole = Qt.ItemDataRole.UserRole + 4            # a hit's date, "" on a case row


def _pieces(snippet: str, matched) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces; only [word] around a matched word is a mark,
    so brackets the user typed in a note stay as they are."""
    words = sorted({w for w in matched if w}, key=len, reverse=True)
    if not words:
        return [(snippet, False)]
    mark = re.compile(r"\[(" + "|".join(re.escape(w) for w in words) + r")\]", re.IGNORECASE)
    out, at = [], 0
    for m in mark.finditer(snippet):
        if m.start() > at:
            out.append((snippet[at:m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(snippet):
        out.append((snippet[at:], False))
    return out


def plain_snippet(snippet: str, matched) -> str:
    return "".join(text for text, _ in _pieces(snippet, matched))


def html_snippet(snippet: str, matched) -> str:
    return "".join(f"<b>{html.escape(text)}</b>" if hit else html.escape(text)
                   for text, hit in _pieces(snippet, matched))


class _Group:
    """One case and its hits, in the order the service ranked them; `texts` keeps each row's
    shown text once worked out ({(hit row or -1 for the case row, role): text})."""
    __slots__ = ("case_id", "title", "platform", "case_snippet", "matched", "hits", "texts")

    def __init__(self, hit):
        self.case_id, self.title, self.platform = hit.case_id, hit.case_title, hit.platform
        self.case_snippet, self.matched, self.hits = None, (), []
        self.texts: dict = {}


class SearchResultsModel(QAbstractItemModel):
    """Case rows at the top level, their interaction hits as children; one column."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[_Group] = []

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        groups: dict[int, _Group] = {}
        for hit in hits:
            group = groups.get(hit.case_id)
            if group is None:
                group = groups[hit.case_id] = _Group(hit)
            if hit.interaction_id is None:
                group.case_snippet, group.matched = hit.snippet, hit.matched
            else:
                group.hits.append(hit)
        self._groups = list(groups.values())
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self._groups)

    # -- the tree --------------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)  # id: the group's row + 1

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].hits)
        return 0

    def columnCount(self, parent=QModelIndex()):
        return 1

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if index.internalId() == 0 else flags | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._case_data(self._groups[index.row()], role)
        return self._hit_data(self._groups[index.internalId() - 1], index.row(), role)

    def _case_data(self, group: _Group, role):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HtmlRole):
            key = (-1, role == HtmlRole)
            text = group.texts.get(key)
            if text is None:
                snippet = group.case_snippet or f"{group.title} · {group.platform}"
                text = group.texts[key] = (html_snippet if key[1] else plain_snippet)(
                    snippet, group.matched)
            return text
        return {CaseIdRole: group.case_id, DateRole: ""}.get(role)

    def _hit_data(self, group: _Group, row: int, role):
        hit = group.hits[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, HtmlRole,
                    DateRole):
            key = (row, Qt.ItemDataRole.DisplayRole if role == Qt.ItemDataRole.ToolTipRole
                   else role)
            text = group.texts.get(key)
            if text is None:
                if role == HtmlRole:
                    text = html_snippet(hit.snippet, hit.matched)
                elif role == DateRole:
                    text = formatting.date(hit.started_at)
                else:
                    text = (f"{formatting.date(hit.started_at)}  "
                            f"{plain_snippet(hit.snippet, hit.matched)}")
                group.texts[key] = text
            return text
        return {CaseIdRole: group.case_id, InteractionIdRole: hit.interaction_id}.get(role)


class HighlightDelegate(QStyledItemDelegate):
    """Paints HtmlRole as rich text: the date muted, the matched words bold.

    Laying out rich text is the dear part of showing a page of hits, and a view asks for the
    same row's size and paint again and again (expanding, selecting, scrolling): the documents
    laid out are kept, by their text, font and colour, for the rows of the current results."""

    KEEP = 256   # documents kept at most: a few pages of results

    def __init__(self, parent=None):
        super().__init__(parent)
        self._docs: dict[tuple, QTextDocument] = {}

    def forget(self) -> None:
        """New results: the documents of the old ones are not needed any more."""
        self._docs.clear()

    def _document(self, option: QStyleOptionViewItem, index) -> QTextDocument:
        date = index.data(DateRole)
        body = index.data(HtmlRole) or ""
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name() if date else ""
        key = (body, date, muted, option.font.key())
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) >= self.KEEP:
                self._docs.clear()
            doc = self._docs[key] = self._laid_out(option.font, date, body, muted)
        return doc

    @staticmethod
    def _laid_out(font, date: str, body: str, muted: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(font)
        if date:
            body = f'<span style="color:{muted}">{html.escape(date)}</span>&nbsp;&nbsp;{body}'
        doc.setHtml(f"<span style='white-space:nowrap'>{body}</span>")
        return doc

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if not index.parent().isValid():   # a case heads its group: set it apart, calmly
            opt.backgroundBrush = opt.palette.alternateBase()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = opt.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(QRectF(0, 0, text_rect.width(), text_rect.height()))
        context.clip = QRectF(0, 0, text_rect.width(), text_rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchPanel(QDialog):
    """Ctrl+F / Ctrl+K: type, see hits grouped by case, Enter opens the chosen one."""

    interactionChosen = Signal(int, int)   # case id, interaction id
    caseChosen = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("searchPanel")
        self.setWindowTitle(self.tr("Search"))
        self.resize(680, 440)
        self._seq = 0              # the newest query's number; older results are dropped
        self._in_flight = False    # one search at a time; the latest query runs next
        self._queued = False
        self._typed_at: float | None = None
        self._last_ms: float | None = None
        self._enter_pending = False

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setPlaceholderText(self.tr("Search…"))
        self.field.setClearButtonEnabled(True)
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("searchPlatform")
        self.platform_combo.setToolTip(self.tr("Only this platform"))

        self.model = SearchResultsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("searchResults")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.delegate = HighlightDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self.delegate.forget)
        self.tree.setUniformRowHeights(True)   # one line each: laid out from one row's height
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the field keeps the keyboard
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setItemsExpandable(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.doubleClicked.connect(self._choose)
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.platform_combo)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.status)
        self._stack.addWidget(self.tree)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        self.platform_combo.currentIndexChanged.connect(self._typed)
        session.changed.connect(self._journal_changed)
        session.lockedChanged.connect(self._locked)
        self._platforms_asked = 0
        self._load_platforms()
        self._show_hint()

    # -- public --------------------------------------------------------------------------

    def last_search_ms(self) -> float | None:
        """Milliseconds from the last keystroke to its results on screen (the benchmark)."""
        return self._last_ms

    def query(self) -> str:
        return self.field.text().strip()

    def set_query(self, text: str) -> None:
        self.field.setText(text)

    def status_text(self) -> str:
        return self.status.text() if self._stack.currentWidget() is self.status else ""

    # -- typing and searching ------------------------------------------------------------

    def _typed(self, *_):
        self._typed_at = time.perf_counter()
        self._enter_pending = False
        self._seq += 1
        self._timer.start()

    def _run(self) -> None:
        query = self.query()
        if not query:
            self.model.clear()
            self._show_hint()
            return
        if self._in_flight:
            self._queued = True    # run the newest query once the current one returns
            return
        self._in_flight = True
        seq, platform = self._seq, self.platform_combo.currentData()
        self.session.read(lambda j: j.search(query, platform=platform, limit=RESULT_LIMIT),
                          weak(self._done, seq, query), weak(self._failed, seq))

    def _finished(self, seq: int) -> bool:
        """True when this result is for the newest query; else start the newest one."""
        self._in_flight = False
        if self._queued:
            self._queued = False
            if not self._timer.isActive():
                self._run()
        return seq == self._seq and not self._timer.isActive()

    def _done(self, seq: int, query: str, hits) -> None:
        if not self._finished(seq):
            return
        self.model.set_hits(hits)
        if not hits:
            self._show_status(self.tr("No matches for “{0}”.").format(query))
        else:
            self._stack.setCurrentWidget(self.tree)
            self.tree.expandAll()
            first = self.model.index(0, 0)
            child = self.model.index(0, 0, first)
            self.tree.setCurrentIndex(child if child.isValid() else first)
            self.tree.scrollToTop()
        self._shown()
        if self._enter_pending and hits:
            self._choose(self.tree.currentIndex())
        self._enter_pending = False

    def _failed(self, seq: int, text: str) -> None:
        if not self._finished(seq):
            return
        self.model.clear()
        self._show_status(text)
        self._shown()
        self._enter_pending = False

    def _shown(self) -> None:
        if self._typed_at is not None:
            self._last_ms = (time.perf_counter() - self._typed_at) * 1000.0

    def _show_hint(self) -> None:
        self._show_status(self.tr(
            "Search notes, agents, reference numbers, transaction hashes — English or 中文"))

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self._stack.setCurrentWidget(self.status)

    def _journal_changed(self, topic: str) -> None:
        if topic == DIRECTORY:
            self._load_platforms()
        elif topic in (CASES, TIMELINE) and self.isVisible() and self.query():
            self._typed()

    def _locked(self, locked: bool) -> None:
        if not locked:
            self._load_platforms()

    def _load_platforms(self) -> None:
        """Read the platforms off the GUI thread; the combo keeps its entries until then."""
        self._platforms_asked += 1
        if self.platform_combo.count() == 0:
            self.platform_combo.blockSignals(True)
            self.platform_combo.addItem(self.tr("All platforms"), None)
            self.platform_combo.blockSignals(False)
        # A locked journal: the combo offers "All" only.
        self.session.read(lambda j: j.platforms(),
                          weak(self._platforms_read, self._platforms_asked),
                          weak(self._platforms_read, self._platforms_asked, []))

    def _platforms_read(self, asked: int, platforms, _sentence: str = "") -> None:
        if asked != self._platforms_asked:
            return
        platform_filter.refill(self.platform_combo, self.tr("All platforms"), platforms,
                               key=lambda p: p.id)

    # -- choosing ------------------------------------------------------------------------

    def _choose(self, index) -> None:
        if not index.isValid():
            return
        case_id, iid = index.data(CaseIdRole), index.data(InteractionIdRole)
        self.accept()
        if iid is None:
            self.caseChosen.emit(case_id)
        else:
            self.interactionChosen.emit(case_id, iid)

    def eventFilter(self, watched, event):
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                if self._stack.currentWidget() is self.tree:
                    QApplication.sendEvent(self.tree, event)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive() or self._in_flight:
                    self._enter_pending = True   # choose once this text's results arrive
                elif self._stack.currentWidget() is self.tree:
                    self._choose(self.tree.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.parentWidget() is not None:   # a palette drops from the top of the window
            frame = self.parentWidget().window().frameGeometry()
            self.move(frame.center().x() - self.width() // 2, frame.top() + 60)
        self.field.setFocus()
        self.field.selectAll()
