"""One case: what it is about and where it stands on top; below, its timeline and, in a tab
beside it, its checklist (what to ask and have ready before contacting them)."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Case, CaseStatus
from ..errors import JournalError
from . import formatting, labels, resources
from .amend_dialog import AmendDialog, HistoryDialog
from .case_timeline import CaseTimeline
from .checklist_panel import ChecklistPanel
from .session import CASES, DIRECTORY, PROMISES, TIMELINE


class CaseView(QWidget):
    """Shows the case chosen in the list; refreshes itself when the journal changes."""

    amendRequested = Signal(int)     # an interaction id; opens the amend dialog
    historyRequested = Signal(int)   # an interaction id; opens its history

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._case: Case | None = None
        self._case_id: int | None = None
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
        self.timeline = CaseTimeline(session, page)
        self.checklist = ChecklistPanel(session, page)
        self.tabs = QTabWidget(page)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.timeline, resources.icon("case"), self.tr("Timeline"))
        self.tabs.addTab(self.checklist, resources.icon("ask"), self.tr("Checklist"))
        keys = QKeySequence("Ctrl+Shift+K")
        self.tabs.setTabToolTip(1, self.tr("What to ask and what to have ready when you contact "
                                           "them ({0})").format(
            keys.toString(QKeySequence.SequenceFormat.NativeText)))
        QShortcut(keys, self, self.show_checklist)  # window-wide while a case is shown

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(status_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.details)
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
        self.setFocusProxy(self.timeline)

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
        session.changed.connect(self._on_changed)
        session.lockedChanged.connect(self._on_locked)

    # -- public ------------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        return self._case_id

    def show_case(self, case_id: int | None) -> None:
        self._case_id = case_id
        self.status_error.hide()
        if case_id is None:
            self._case = None
            self.timeline.load(None)
            self.checklist.load(None)
            self.empty.setText(self.tr("Choose a case on the left, or open a new one"))
            self.stack.setCurrentWidget(self.empty)
            return
        if self._load_header():
            self.timeline.load(case_id)
            self.checklist.load(case_id)
            if case_id != self._tab_case:
                # Nothing logged yet: preparing the first contact is what there is to do.
                self._tab_case, chosen = case_id, self._chosen_tab
                self.tabs.setCurrentIndex(1 if self._case.interaction_count == 0 else chosen)
                self._chosen_tab = chosen  # the user's choice, not this one, is remembered
            self.stack.setCurrentWidget(self._page)

    def show_checklist(self) -> None:
        """Ctrl+Shift+K: the checklist tab, with the keyboard in it."""
        if self._case_id is not None and self.stack.currentWidget() is self._page:
            self.tabs.setCurrentWidget(self.checklist)
            self.checklist.focus_list()

    def show_interaction(self, interaction_id: int) -> bool:
        """Show the entry (opening its case if needed), scroll to it and highlight it."""
        if self.timeline.card(interaction_id) is None:
            try:
                case_id = self._session.call(lambda j: j.interaction(interaction_id)).case_id
            except JournalError:
                return False
            self.show_case(case_id)
        self.tabs.setCurrentWidget(self.timeline)
        return self.timeline.show_interaction(interaction_id)

    def _tab_changed(self, index: int) -> None:
        self._chosen_tab = index
        self.setFocusProxy(self.tabs.currentWidget())

    def _show_open_count(self, count: int) -> None:
        self.tabs.setTabText(1, self.tr("Checklist (%n open)", "", count) if count
                             else self.tr("Checklist"))

    # -- header ------------------------------------------------------------------------

    def _load_header(self) -> bool:
        case_id = self._case_id
        try:
            case = self._session.call(lambda j: j.case(case_id))
        except JournalError as exc:
            self._case = None
            self.timeline.load(None)
            self.checklist.load(None)
            self.empty.setText(str(exc))
            self.stack.setCurrentWidget(self.empty)
            return False
        self._case = case
        self.title.setText(case.title)
        parts = [case.platform]
        if case.account_id:
            parts.append(self.tr("Account {0}").format(case.account_id))
        parts.append(labels.category(case.category))
        parts.append(self.tr("Opened {0}").format(formatting.date(case.opened_at)))
        self.details.setText(" · ".join(parts))
        days = formatting.days_since(case.opened_at)
        since = [self.tr("%n day(s) open", "", days),
                 self.tr("%n open promise(s)", "", case.open_promises)]
        self.since.setText(" · ".join(since))
        try:
            risk = self._session.call(lambda j: j.scam_risk(case_id))
        except JournalError:
            risk = []
        self.risk.setText(self.tr("Scam risk: the notes describe what official support never "
                                  "asks for. Contact {0} only through its official website "
                                  "or app.").format(case.platform))
        self.risk.setVisible(bool(risk))
        self.status.setCurrentIndex(self.status.findData(case.status.value))
        self.status.setEnabled(True)
        return True

    def _status_chosen(self, _index: int) -> None:
        case, value = self._case, self.status.currentData()
        if case is None or value == case.status.value:
            return
        self.status.setEnabled(False)
        self.status_error.hide()
        cid = case.id

        def failed(sentence: str) -> None:
            if shiboken6.isValid(self) and self._case_id == cid:
                self.status_error.setText(sentence)
                self.status_error.show()
                self._load_header()

        self._session.submit(lambda j: j.set_case_status(cid, value), topics=(CASES,),
                             on_error=failed)

    # -- refreshing --------------------------------------------------------------------

    def _on_changed(self, topic: str) -> None:
        if topic in (CASES, TIMELINE, PROMISES, DIRECTORY) and self._case_id is not None:
            self._topics.add(topic)
            self._refresh.start()

    def _apply_changes(self) -> None:
        topics, self._topics = self._topics, set()
        if self._case_id is None or not self._session.is_open:
            return
        if self._load_header() and topics & {TIMELINE, PROMISES}:
            self.timeline.reload()

    def _on_locked(self, locked: bool) -> None:
        if locked:  # drop what was on screen; the case comes back after unlocking
            remembered = self._case_id
            self.show_case(None)
            self._case_id = remembered
        elif self._case_id is not None:
            self.show_case(self._case_id)

    # -- dialogs -----------------------------------------------------------------------

    def _open_amend(self, interaction_id: int) -> None:
        try:
            dialog = AmendDialog(self._session, interaction_id, self)
        except JournalError as exc:
            self.status_error.setText(str(exc))
            self.status_error.show()
            return
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
