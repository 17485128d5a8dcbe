"""Beside the promises, the clocks of every open case's complaint: what the platform must
answer by and what you must do by, soonest first, each with its case ("Withdrawal stuck —
FOS: you can escalate from 27 Jan; deadline 27 Jul"); the rule and its source as a tooltip.
Activating one opens its case."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from ...errors import JournalError
from ..dispute.deadline_lines import lines
from ..dispute.dispute_models import ClocksModel
from ..kit.session import CASES, DISPUTE, PROMISES, Session, weak

CaseIdRole = Qt.ItemDataRole.UserRole + 11
REFRESH_MS = 3_600_000   # a clock's "due soon" and "overdue" move with the day
SHOWN_ROWS = 6           # the list is this many lines high at most; the promises get the rest


def read_deadlines(journal, today=None) -> tuple[list, dict[int, str]]:
    """On the worker: the pending clocks of every open case (as of `today`, a date; None:
    today), and each one's case title (a case gone meanwhile is left without one)."""
    clocks = journal.deadlines(today=today)
    titles = {}
    for case_id in {c.case_id for c in clocks}:
        try:
            titles[case_id] = journal.case(case_id).title
        except JournalError:
            continue
    return clocks, titles


class AllClocksModel(ClocksModel):
    """The clocks of many cases: each line starts with its case's title."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._titles: dict[int, str] = {}

    def set_deadlines(self, clocks, titles: dict[int, str]) -> None:
        self._titles = dict(titles)
        self.set_clocks(clocks)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        found = super().data(index, role)
        if found is None or not index.isValid():
            return found
        clock = self.clocks()[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = self._titles.get(clock.case_id, "")
            return f"{title} — {found}" if title else found
        return found

    def case_at(self, index: QModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self.clocks()[index.row()].case_id


class DeadlinesView(QWidget):
    caseChosen = Signal(int)
    loaded = Signal(object)   # (clocks, titles), each time they are read: the tray's too

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._generation = 0
        self.heading = QLabel(self.tr("Complaint deadlines"), self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = AllClocksModel(self)
        self.list = QListView(self)
        self.list.setObjectName("deadlines")
        self.list.setAccessibleName(self.tr("Complaint deadlines"))
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)   # lines wrap anew when resized
        self.list.activated.connect(self._open)
        self.note = QLabel(lines().disclaimer(), self)
        self.note.setWordWrap(True)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        self.setVisible(False)
        self._fit_later = QTimer(self, singleShot=True, interval=0, timeout=self._fit)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        session.changes.connect(self._journal_changed)
        session.lockedChanged.connect(self._locked)
        self.refresh()

    def refresh(self) -> None:
        if not self.session.is_open:
            return
        self._generation += 1
        # On screen (the promises tab shown): read now; behind the cases, in the background.
        shown = (self.parentWidget() or self).isVisible()
        self.session.read(read_deadlines, weak(self._loaded, self._generation),
                          weak(self._not_loaded, self._generation), background=not shown)

    def _loaded(self, generation: int, found) -> None:
        if generation != self._generation:
            return
        clocks, titles = found
        self.model.set_deadlines(clocks, titles)
        self.loaded.emit(found)
        self.setVisible(bool(clocks))
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_later.start()   # a narrower panel wraps the lines: more height for them

    def _fit(self) -> None:
        """As high as its first SHOWN_ROWS lines, as they wrap at this width; more scroll."""
        count = self.model.rowCount()
        rows = min(count, SHOWN_ROWS)
        # All of them shown: no scroll bar, so the lines wrap at the width they are measured at.
        self.list.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if count > rows
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if not rows:
            self.list.setFixedHeight(0)
            return
        self.list.doItemsLayout()   # the lines as they wrap now
        top = self.list.visualRect(self.model.index(0, 0)).top()
        bottom = self.list.visualRect(self.model.index(rows - 1, 0)).bottom()
        self.list.setFixedHeight(bottom - top + 1 + 2 * self.list.frameWidth())

    def _not_loaded(self, generation: int, _text: str) -> None:
        pass   # locked meanwhile, or the case went: the next change reads again

    def _open(self, index) -> None:
        case_id = self.model.case_at(index)
        if case_id is not None:
            self.caseChosen.emit(case_id)

    def _journal_changed(self, kinds: frozenset) -> None:
        if kinds & {DISPUTE, CASES, PROMISES}:
            self.refresh()

    def _locked(self, locked: bool) -> None:
        if locked:
            self._generation += 1
            self.model.set_deadlines([], {})
            self.setVisible(False)
