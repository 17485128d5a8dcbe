"""Search as you type: a command-palette popup with the hits grouped by case.

The service marks matched words with [square brackets]; the delegate shows them
bold, without the brackets. A newer query always wins: stale results are dropped.

Each hit says what it was (call, chat, email…) and when, under its case and platform, with
the words around the match wrapped to at most three lines (results_model, result_delegate).

Keystroke to results is kept short: a query runs as soon as the typing's events are handled
(nothing waits for a pause), one at a time, the newest next; the service gives each hit's
kind and time with the hit (no query per row); each row's text is worked out once, when it
is first shown; the view asks the size only of the rows it shows, and the delegate keeps
the snippets it laid out for them.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..kit import platform_filter
from ..kit.session import CASES, DIRECTORY, TIMELINE, Session, weak
from .result_delegate import HighlightDelegate
from .results_model import (  # noqa: F401  (the panel's roles, for its users)
    AttachmentIdRole,
    CaseIdRole,
    DateRole,
    HtmlRole,
    InteractionIdRole,
    KindRole,
    MatchedRole,
    MetaRole,
    SearchResultsModel,
    html_snippet,
    plain_snippet,
)

# 0: the query runs once the event loop has handled the events waiting (a paste, an input
# method's text, keys sent together come as one query), not after a pause. A search takes
# ~10-20 ms on 100,000 interactions; while one runs, later keystrokes wait for it and only the
# newest of them runs next, so a fast typist costs at most one stale search.
DEBOUNCE_MS = 0
RESULT_LIMIT = 50


class ResultsView(QTreeView):
    """The results: rows are as tall as their wrapped snippet at the view's width, so a
    change of width lays them out again."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class SearchPanel(QDialog):
    """Ctrl+F / Ctrl+K: type, see hits grouped by case, Enter opens the chosen one."""

    interactionChosen = Signal(int, int)   # case id, interaction id
    caseChosen = Signal(int)
    fileChosen = Signal(int, tuple)        # the attachment whose read text matched, the words

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
        self.field.setAccessibleName(self.tr("Search the journal"))
        self.platform_combo = QComboBox(self)
        self.platform_combo.setObjectName("searchPlatform")
        self.platform_combo.setToolTip(self.tr("Only this platform"))
        self.platform_combo.setAccessibleName(self.tr("Platform"))

        self.model = SearchResultsModel(self)
        self.tree = ResultsView(self)
        self.tree.setObjectName("searchResults")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.delegate = HighlightDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self.delegate.forget)
        self.tree.setUniformRowHeights(False)   # a hit is as tall as its wrapped snippet
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there: rows are not wrapped anew when a longer list of results comes.
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.tree.setAccessibleName(self.tr("Search results"))
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
            attachment_id = index.data(AttachmentIdRole)
            if attachment_id is not None:   # the words are in a screenshot: show them there
                self.fileChosen.emit(attachment_id, tuple(index.data(MatchedRole) or ()))

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
