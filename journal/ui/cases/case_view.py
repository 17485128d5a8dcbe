"""One case: what it is about and where it stands on top (with the complaint's deadlines still
running); below, its timeline and, in tabs beside it, its checklist (what to ask and have ready
before contacting them) and its dispute (the complaint, its deadlines, the money)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Case, CaseStatus
from ...errors import JournalError
from ..checklist.checklist_model import read_checklist
from ..checklist.checklist_panel import ChecklistPanel
from ..dispute.deadline_lines import lines as deadline_lines
from ..dispute.dispute_panel import DisputePanel
from ..kit import formatting, labels, palette, resources
from ..kit.error_text import translated
from ..kit.session import ALL_KINDS, CASES, DISPUTE, TIMELINE, weak
from .amend_dialog import AmendDialog, HistoryDialog
from .case_timeline import CaseTimeline

ENTRIES, CHECKLIST_ITEMS = "entries", "checklist"   # the parts of a case besides its header


@dataclass
class CasePage:
    """What the view shows of one case, read in one go on the worker: the header always, the
    timeline and the checklist when asked for (each as (value, error))."""
    case: Case
    risk: list
    clocks: list   # the complaint's deadlines still running, soonest first
    entries: tuple | None = None
    checklist: tuple | None = None


def _part(read) -> tuple:
    try:
        return read(), None
    except JournalError as exc:
        return None, exc


def read_case_page(j, case_id: int, parts) -> CasePage:
    clocks = [c for c in _part(lambda: j.deadlines(case_id))[0] or [] if c.pending]
    page = CasePage(j.case(case_id), _part(lambda: j.scam_risk(case_id))[0] or [], clocks)
    if ENTRIES in parts:
        page.entries = _part(lambda: list(j.timeline(case_id)))
    if CHECKLIST_ITEMS in parts:
        page.checklist = _part(lambda: read_checklist(j, case_id))
    return page


class CaseView(QWidget):
    """Shows the case chosen in the list; refreshes itself when the journal changes."""

    amendRequested = Signal(int)     # an interaction id; opens the amend dialog
    historyRequested = Signal(int)   # an interaction id; opens its history

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._case: Case | None = None
        self._case_id: int | None = None
        self._generation = 0              # bumped by every question: older answers are dropped
        self._asked: set[str] = set()     # the parts the answer on its way brings
        self._asking = False
        self._wanted_entry: int | None = None   # shown once its case has been read
        self._topics: set[str] = set()
        self._tab_case: int | None = None   # the case the tab was last chosen for
        self._chosen_tab = 0                # the tab the user last went to
        self.amend_dialog: AmendDialog | None = None
        self.history_dialog: HistoryDialog | None = None

        self.empty = QLabel(self.tr("Choose a case on the left, or open a new one"), self)
        self.empty.setObjectName("emptyCase")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        page = QWidget(self)
        self.title = QLabel(page)
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.details = QLabel(page)
        self.details.setObjectName("caseDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadlines = QLabel(page)
        self.deadlines.setObjectName("caseDeadlines")
        self.deadlines.setWordWrap(True)
        self.deadlines.setTextFormat(Qt.TextFormat.PlainText)
        self.deadlines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadlines.hide()
        self.risk = QLabel(page)
        self.risk.setObjectName("scamRisk")
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet("QLabel#scamRisk { color: #b71c1c; font-weight: 600; }")
        self.risk.hide()
        self.since = QLabel(page)
        self.since.setObjectName("caseSince")
        self.since.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status = QComboBox(page)
        self.status.setObjectName("caseStatus")
        for value, text in labels.choices(CaseStatus, labels.case_status):
            self.status.addItem(text, value)
        self.status.setToolTip(self.tr("Where this case stands"))
        status_label = QLabel(self.tr("&Status:"), page)
        status_label.setBuddy(self.status)
        self.status_error = QLabel(page)
        self.status_error.setObjectName("statusError")
        self.status_error.setWordWrap(True)
        self.status_error.hide()
        # Made before what they show: Tab goes as the page reads (status, tabs, timeline).
        self.tabs = QTabWidget(page)
        self.timeline = CaseTimeline(session, page)
        self.checklist = ChecklistPanel(session, page)
        self.dispute = DisputePanel(session, page)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, resources.icon("case"), self.tr("Timeline"))
        self.tabs.addTab(self.checklist, resources.icon("ask"), self.tr("Checklist"))
        self.tabs.addTab(self.dispute, resources.icon("letter"), self.tr("Dispute"))
        self.tabs.setTabToolTip(2, self.tr("The complaint, its deadlines, the money at stake, "
                                           "the transactions and wallet addresses"))
        keys = QKeySequence("Ctrl+Shift+K")
        self.tabs.setTabToolTip(1, self.tr("What to ask and what to have ready when you contact "
                                           "them ({0})").format(
            keys.toString(QKeySequence.SequenceFormat.NativeText)))
        # Window-wide while a case is shown; the window lists it in its View menu.
        self.checklist_action = QAction(resources.icon("ask"), self.tr("Checklist of the case"),
                                        self)
        self.checklist_action.setObjectName("caseChecklistAction")
        self.checklist_action.setShortcut(keys)
        self.checklist_action.setToolTip(self.tabs.tabToolTip(1))
        self.checklist_action.triggered.connect(self.show_checklist)
        self.addAction(self.checklist_action)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(status_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.details)
        column.addWidget(self.deadlines)
        column.addWidget(self.risk)
        column.addWidget(self.since)
        column.addWidget(self.status_error)
        column.addWidget(self.tabs, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        self._page = page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # No focus proxy: Tab into the view would jump to the timeline over the status and
        # the tabs.

        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)  # one refresh for the several topics of one change
        self._refresh.timeout.connect(self._apply_changes)
        self.status.activated.connect(self._status_chosen)
        self.timeline.amendRequested.connect(self.amendRequested)
        self.timeline.historyRequested.connect(self.historyRequested)
        self.checklist.interactionRequested.connect(self.show_interaction)
        self.checklist.openCountChanged.connect(self._show_open_count)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.amendRequested.connect(self._open_amend)
        self.historyRequested.connect(self._open_history)
        session.changes.connect(self._on_changes)
        session.lockedChanged.connect(self._on_locked)

    # -- public ------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        """The case on screen, or on its way there; None while the view asks to choose one
        (none chosen, the journal locked, or the case could not be read)."""
        if self._asking or self.stack.currentWidget() is self._page:
            return self._case_id
        return None

    def focus_entries(self) -> None:
        """The keyboard to what the case's tab shows (its timeline, or its checklist)."""
        self.tabs.currentWidget().setFocus()

    def prepare(self) -> None:
        """Lay out and paint the case's page once off screen, empty (while the key is
        derived): the first case shown after the unlock is then painted at once."""
        self._page.grab()

    def loading(self) -> bool:
        """The case (or a refresh of it) is being read: what is shown may still change."""
        return self._asking

    def show_case(self, case_id: int | None, interaction_id: int | None = None) -> None:
        """Show a case (read off the GUI thread: the case shown before stays until it comes)
        and, once it is there, scroll to one of its entries."""
        same = case_id is not None and case_id == self._case_id
        if interaction_id is not None or not same:
            self._wanted_entry = interaction_id
        if same and self._asking and {ENTRIES, CHECKLIST_ITEMS} <= self._asked:
            return  # this very case is on its way already
        self._case_id = case_id
        self.status_error.hide()
        self._refresh.stop()
        self._topics.clear()
        if case_id is None:
            self._generation += 1
            self._asking, self._asked = False, set()
            self._case = None
            self.timeline.show_rows(None, [])
            self.checklist.show_items(None, [], {})
            self.dispute.load(None)
            self.empty.setText(self.tr("Choose a case on the left, or open a new one"))
            self.stack.setCurrentWidget(self.empty)
            return
        self._asked = set()
        self._ask({ENTRIES, CHECKLIST_ITEMS})

    def _ask(self, parts: set[str]) -> None:
        """Read the header and `parts` of the case; a question still on its way is replaced,
        and what it would have brought is asked for again."""
        if self._asking:
            parts = parts | self._asked
        self._generation += 1
        self._asking, self._asked = True, set(parts)
        case_id = self._case_id
        self._session.read(lambda j: read_case_page(j, case_id, parts),
                           weak(self._case_read, self._generation, case_id),
                           weak(self._case_not_read, self._generation))

    def _case_read(self, generation: int, case_id: int, page: CasePage) -> None:
        if generation != self._generation:
            return
        self._asking, self._asked = False, set()
        self._show_header(page.case, page.risk, page.clocks)
        if case_id != self._tab_case:
            # Nothing logged yet: preparing the first contact is what there is to do.
            self._tab_case, chosen = case_id, self._chosen_tab
            self.tabs.setCurrentIndex(1 if page.case.interaction_count == 0 else chosen)
            self._chosen_tab = chosen  # the user's choice, not this one, is remembered
        # On screen before the entries come in: the timeline lays out the cards it shows
        # at its own width, and only those, at once.
        self.stack.setCurrentWidget(self._page)
        if page.entries is not None:
            rows, exc = page.entries
            self.timeline.show_rows(case_id, rows or [], translated(exc) if exc else None)
        if page.checklist is not None:
            answer, exc = page.checklist
            items, contacts = answer or ([], {})
            self.checklist.show_items(case_id, items, contacts,
                                      translated(exc) if exc else None)
        if self.dispute.case_id != case_id:   # it reads itself again when it changes
            self.dispute.load(case_id, background=self.tabs.currentWidget() is not self.dispute)
        if self._wanted_entry is not None and self.timeline.card(self._wanted_entry):
            entry, self._wanted_entry = self._wanted_entry, None
            self.tabs.setCurrentWidget(self.timeline)
            self.timeline.show_interaction(entry)

    def _case_not_read(self, generation: int, sentence: str) -> None:
        if generation != self._generation:
            return
        self._asking, self._asked = False, set()
        self._case = None
        self.timeline.show_rows(None, [])
        self.checklist.show_items(None, [], {})
        self.dispute.load(None)
        self.empty.setText(sentence)
        self.stack.setCurrentWidget(self.empty)

    def show_checklist(self) -> None:
        """Ctrl+Shift+K: the checklist tab, with the keyboard in it."""
        if self._case_id is not None and self.stack.currentWidget() is self._page:
            self.tabs.setCurrentWidget(self.checklist)
            self.checklist.focus_list()

    def show_interaction(self, interaction_id: int) -> bool:
        """Show the entry (opening its case if needed), scroll to it and highlight it; True
        when it was on screen, else it is shown once its case has been read."""
        if not self._asking and self.timeline.card(interaction_id) is not None:
            self.tabs.setCurrentWidget(self.timeline)
            return self.timeline.show_interaction(interaction_id)
        self._session.read(lambda j: j.interaction(interaction_id).case_id,
                           weak(self._entry_found, interaction_id))
        return False

    def _entry_found(self, interaction_id: int, case_id: int) -> None:
        if case_id == self._case_id and not self._asking:
            self._wanted_entry = None
            if self.timeline.card(interaction_id) is not None:
                self.tabs.setCurrentWidget(self.timeline)
                self.timeline.show_interaction(interaction_id)
        else:
            self.show_case(case_id, interaction_id)

    def _tab_changed(self, index: int) -> None:
        self._chosen_tab = index

    def _show_open_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Checklist (%n open)", "", count) if count
                             else self.tr("Checklist"))

    # -- header ------------------------------------------------------------------------

    def _show_header(self, case: Case, risk: list, clocks: list) -> None:
        self._case = case
        self.title.setText(case.title)
        parts = [case.platform]
        if case.account_id:
            parts.append(self.tr("Account {0}").format(case.account_id))
        parts.append(labels.category(case.category))
        parts.append(self.tr("Opened {0}").format(formatting.date(case.opened_at)))
        self.details.setText(" · ".join(parts))
        self.deadlines.setText(deadline_lines().header(clocks))
        self.deadlines.setVisible(bool(clocks))
        overdue = any(c.state == "overdue" for c in clocks)
        # Red while one is overdue; else the page's own colours (an empty palette inherits).
        self.deadlines.setPalette(palette.error_palette(self.deadlines) if overdue
                                  else QPalette())
        self.deadlines.setToolTip(deadline_lines().disclaimer() if clocks else "")
        days = formatting.days_since(case.opened_at)
        since = [self.tr("%n day(s) open", "", days),
                 self.tr("%n open promise(s)", "", case.open_promises)]
        self.since.setText(" · ".join(since))
        self.risk.setText(self.tr("Scam risk: the notes describe what official support never "
                                  "asks for. Contact {0} only through its official website "
                                  "or app.").format(case.platform))
        self.risk.setVisible(bool(risk))
        self.status.setCurrentIndex(self.status.findData(case.status.value))
        self.status.setEnabled(True)

    def _status_chosen(self, _index: int) -> None:
        case, value = self._case, self.status.currentData()
        if case is None or value == case.status.value:
            return
        self.status.setEnabled(False)
        self.status_error.hide()
        cid = case.id
        self._session.submit(lambda j: j.set_case_status(cid, value),
                             on_error=weak(self._status_failed, cid))

    def _status_failed(self, case_id: int, sentence: str) -> None:
        if self._case_id == case_id:
            self.status_error.setText(sentence)
            self.status_error.show()
            self._ask(set())   # the header again: the status the journal holds

    # -- refreshing --------------------------------------------------------------------

    def _on_changes(self, kinds: frozenset) -> None:
        if self._case_id is None:
            return
        if kinds == ALL_KINDS:   # everything changed: the whole case again, in one read
            self.show_case(self._case_id)
            return
        # The header shows the case and its scam risk (from the notes); the timeline, the
        # entries with their promises (reported as TIMELINE too); the header, the deadlines
        # (DISPUTE). The checklist and the dispute tab read themselves.
        topics = kinds & {CASES, TIMELINE, DISPUTE}
        if topics:
            self._topics |= topics
            self._refresh.start()

    def _apply_changes(self) -> None:
        topics, self._topics = self._topics, set()
        if self._case_id is None or not self._session.is_open:
            return
        self._ask({ENTRIES} if TIMELINE in topics else set())

    def _on_locked(self, locked: bool) -> None:
        if locked:  # drop what was on screen; the window opens the case again after unlocking
            self.show_case(None)

    # -- dialogs -----------------------------------------------------------------------

    def _open_amend(self, interaction_id: int) -> None:
        self._session.read(lambda j: j.interaction(interaction_id), weak(self._amend),
                           weak(self._amend_failed))

    def _amend_failed(self, sentence: str) -> None:
        self.status_error.setText(sentence)
        self.status_error.show()

    def _amend(self, interaction) -> None:
        if self.amend_dialog is not None:
            return   # one at a time, as a modal dialog allows
        dialog = AmendDialog(self._session, interaction, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "amend_dialog", None))
        self.amend_dialog = dialog
        dialog.open()

    def _open_history(self, interaction_id: int) -> None:
        dialog = HistoryDialog(self._session, interaction_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "history_dialog", None))
        self.history_dialog = dialog
        dialog.open()
