"""The panel shown beside the window while a call is in progress.

Everything typed is kept as an encrypted draft (see draft_controller: debounced, ~1 s after
the last change), so a crash, a lock or a closed lid never loses a word of the call.
"""
from __future__ import annotations

from datetime import datetime

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ...domain import times
from ..kit import formatting, messages
from ..kit.session import weak
from . import call_layout
from .call_actions import build_call_actions
from .draft_controller import DraftController
from .failed_attempt import log_failed_attempt

DRAFT = "call"
PICKER_CASES = 50   # the open cases the picker offers, latest activity first


def now() -> datetime:
    """The wall clock (tests replace it); elapsed time is now − start, so sleep cannot skew it."""
    return times.now()


def _minutes(start: str, end: str) -> float:
    return (times.instant(end) - times.instant(start)) / 60.0


def read_cases(journal, selected: int | None) -> list:
    """On the worker: the open cases the picker offers, and the one already chosen (closed
    or not). Open cases only, filtered by the query: an old open case is still offered even
    when many newer ones are closed."""
    cases = list(journal.cases(open_only=True, limit=PICKER_CASES))
    if selected is not None and all(c.id != selected for c in cases):
        cases.insert(0, journal.case(selected))
    return cases


class CallCapture(QWidget):
    finished = Signal(int)   # the id of the logged interaction
    cancelled = Signal()

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._started: str | None = None
        self._holds: list[list] = []      # [start ISO, end ISO or None]
        self._quiet = False               # True while the panel is being filled in by code
        self._ending = False
        self._cases_asked = 0             # the newest question for the case picker
        self._picking = False             # the case picker is being filled
        self._wanted_case: int | None = None   # the case chosen while the picker fills
        self._followed: object = False    # the case the channels and checklist are for
        self._restoring = False           # the kept draft is being read: a start waits
        self._start_asked: tuple | None = None
        self._asked_for_case = False      # the message asks to choose the case
        self.setObjectName("callCapture")
        self._build()
        self._ticker = QTimer(self, interval=250, timeout=self._tick)
        self.drafts = DraftController(session, DRAFT, self.draft_body, self.draft_state,
                                      ready=self._typing, parent=self)
        self._set_enabled(False)  # nothing to click until a call starts

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        call_layout.build(self)
        self.case.currentIndexChanged.connect(self._case_picked)
        self.channel.changed.connect(self._edited)
        self.channel.changed.connect(lambda: self.language.suggest(self.channel.languages()))
        self.hold.toggled.connect(self._hold_toggled)
        self.agent.textChanged.connect(self._edited)
        self.agent.returnPressed.connect(lambda: self.notes.setFocus())
        self.language.picked.connect(self._edited)
        self.references.changed.connect(self._edited)
        self.promises.changed.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.notes.textChanged.connect(
            lambda: self.scam_banner.check(self.notes.toPlainText()))
        self.checklist.changed.connect(self._edited)
        self.end.clicked.connect(self.end_call)
        self.cancel.clicked.connect(self.cancel_call)
        self._actions = build_call_actions(self)

    def call_actions(self) -> list[QAction]:
        """Hold, promise, reference, agent, didn't connect, checklist, end, discard: for the
        window's Call menu and its list of keys. Enabled only while a call is in progress."""
        return self._actions.all()

    def add_promise(self) -> None:
        editor = self.promises.editor
        if editor is not None and shiboken6.isValid(editor) and editor.isVisible():
            editor.activateWindow()
            return
        self.promises.open_editor()

    # -- state ---------------------------------------------------------------------------

    @property
    def in_progress(self) -> bool:
        return self._started is not None

    def case_id(self) -> int | None:
        if self._picking:
            return self._wanted_case   # the picker is still being filled
        data = self.case.currentData()
        return int(data) if data is not None else None

    def _fill_cases(self, selected: int | None) -> None:
        """Fill the case picker off the GUI thread; `selected` is the case until then."""
        self._wanted_case, self._picking = selected, True
        self._cases_asked += 1
        asked = self._cases_asked
        self.session.read(lambda j: read_cases(j, selected),
                          weak(self._cases_read, asked, selected),
                          weak(self._cases_not_read, asked, selected))

    def _cases_not_read(self, asked: int, selected, sentence: str) -> None:
        if asked == self._cases_asked:
            self._say(sentence)
            self._cases_read(asked, selected, [])

    def _cases_read(self, asked: int, selected: int | None, cases) -> None:
        if asked != self._cases_asked:
            return
        self._picking, self._wanted_case = False, None
        quiet, self._quiet = self._quiet, True
        self.case.blockSignals(True)
        self.case.clear()
        for c in cases:
            self.case.addItem(self.tr("#{0} {1}: {2}").format(c.id, c.platform, c.title), c.id)
        # No case chosen (Ctrl+T with none selected): none is guessed, the picker asks.
        self.case.setCurrentIndex(self.case.findData(selected) if selected is not None else -1)
        self.case.blockSignals(False)
        self.case.setToolTip(self.case.currentText())   # a long title is cut in the picker
        if self.in_progress and self.case_id() != self._followed:
            self._follow_case()   # the case was not known before (none chosen, or gone)
        self._quiet = quiet
        if self.in_progress:
            self._edited()

    def _case_picked(self) -> None:
        if self._asked_for_case and self.case_id() is not None:
            self._asked_for_case = False
            self._say("")
        self.case.setToolTip(self.case.currentText())
        self._follow_case()
        self._edited()

    def _follow_case(self) -> None:
        self._followed = self.case_id()
        self.channel.set_case(self._followed, prefer_kind="phone")
        self.checklist.set_case(self._followed)

    def start(self, case_id: int | None = None) -> None:
        """Begin timing a call now (if one is already running, keep it and just focus it).
        While a kept call is being read back, the start waits for it: that call may be the
        one running."""
        if self._restoring:
            self._start_asked = (case_id,)
            return
        if self.in_progress:
            self.notes.setFocus()
            return
        self._clear()
        self._quiet = True
        self._fill_cases(case_id)
        self._follow_case()
        self._quiet = False
        self._started = times.format_time(now())
        self._ticker.start()
        self._tick()
        (self.notes if case_id is not None else self.case).setFocus()
        self.drafts.save()

    def _clear(self) -> None:
        self._quiet = True
        self._started, self._holds, self._ending = None, [], False
        self._ticker.stop()
        self.drafts.hold()
        self.hold.setChecked(False)
        self.case.blockSignals(True)
        self.case.clear()   # the last call's cases: refilled for this one
        self.case.blockSignals(False)
        self.agent.clear()
        self.language.set_value(None)
        self.notes.clear()
        self.references.set_references([])
        self.promises.set_promises([])
        self.checklist.set_ticked([])
        self.message.hide()
        self.draft_state.clear()
        self._set_enabled(True)
        self._show_hold()
        self._quiet = False

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.case, self.channel, self.hold, self.no_connect, self.agent,
                       self.language, self.references, self.promises, self.notes,
                       self.checklist, self.end, self.cancel):
            widget.setEnabled(enabled)
        self._actions.set_enabled(enabled)

    def hold_minutes(self) -> float:
        at = times.format_time(now())
        return sum(_minutes(start, end or at) for start, end in self._holds)

    def _hold_toggled(self, on: bool) -> None:
        if self._quiet or not self.in_progress:
            return
        at = times.format_time(now())
        if on:
            self._holds.append([at, None])
        elif self._holds and self._holds[-1][1] is None:
            self._holds[-1][1] = at
        self._show_hold()
        self._edited()

    def _show_hold(self) -> None:
        on = bool(self._holds) and self._holds[-1][1] is None
        self.state.setText(self.tr("On hold") if on else self.tr("On the line"))
        self.hold.setText(self.tr("Back") if on else self.tr("On hold"))
        total = self.hold_minutes() * 60
        self.hold_total.setText(self.tr("Held {0} in total").format(formatting.clock(total))
                                if self._holds else "")

    def _tick(self) -> None:
        if self._started is None:
            return
        self.clock.setText(formatting.clock((now() - times.parse_time(self._started))
                                            .total_seconds()))
        self._show_hold()

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))

    # -- drafts --------------------------------------------------------------------------

    def draft_body(self) -> dict:
        channel_id, contact = self.channel.value()
        return {"case_id": self.case_id(), "channel_id": channel_id, "contact": contact,
                "started_at": self._started, "holds": [list(h) for h in self._holds],
                "on_hold": self.hold.isChecked(), "agent": self.agent.text(),
                "language": self.language.value() if self.language.touched else None,
                "notes": self.notes.toPlainText(),
                "references": [list(r) for r in self.references.references()],
                "reference_typed": self.references.pending_text(),
                "promises": [[p.text, p.due] for p in self.promises.promises()],
                "answered": self.checklist.ticked()}

    def _typing(self) -> bool:
        """A call is running and not being saved: its draft follows what is typed."""
        return self.in_progress and not self._ending

    def _edited(self) -> None:
        if not self._quiet:
            self.drafts.edited()

    def save_draft_now(self) -> None:
        """Save the draft and wait for it (the window calls this before it locks)."""
        self.drafts.save_now()

    def restore_draft(self, on_done=None) -> None:
        """Rebuild the panel from the saved draft (after unlock or a crash), read off the GUI
        thread; on_done(True) if there was one."""
        if self.in_progress:
            self._edited()
            if on_done is not None:
                on_done(True)
            return
        self._restoring = True
        self.drafts.load(weak(self._draft_read, on_done))

    def _draft_read(self, on_done, body) -> None:
        self._restoring = False
        restored = bool(body and body.get("started_at")) and not self.in_progress
        if restored:
            self._restore(body)
        if on_done is not None:
            on_done(restored or self.in_progress)
        asked, self._start_asked = self._start_asked, None
        if asked is not None:
            self.start(*asked)

    def _restore(self, body: dict) -> None:
        self._clear()
        self._quiet = True
        self._fill_cases(body.get("case_id"))
        self._follow_case()
        self.checklist.set_ticked(body.get("answered") or [])
        self.channel.set_value(body.get("channel_id"), body.get("contact"))
        self._started = times.normalize(body["started_at"])
        self._holds = [list(h) for h in body.get("holds") or []]
        self.hold.setChecked(bool(self._holds) and self._holds[-1][1] is None)
        self.agent.setText(body.get("agent") or "")
        if body.get("language"):
            self.language.set_value(body["language"], by_user=True)
        else:
            self.language.suggest(self.channel.languages())
        self.notes.setPlainText(body.get("notes") or "")
        self.references.set_references(body.get("references") or [],
                                       body.get("reference_typed") or "")
        self.promises.set_promises(body.get("promises") or [])
        self._quiet = False
        self._ticker.start()
        self._tick()
        self.drafts.show_restored()

    # -- ending --------------------------------------------------------------------------

    def _ready_to_log(self) -> int | None:
        """The case to log into, with any hold closed now; None (and a sentence) if not ready."""
        if not self.in_progress or self._ending:
            return None
        case_id = self.case_id()
        if case_id is None:
            self._say(self.tr("Choose the case this call belongs to; nothing typed is lost."))
            self._asked_for_case = True
            self.case.setFocus()
            return None
        if self.hold.isChecked():
            self.hold.setChecked(False)
        return case_id

    def _wait_minutes(self) -> float | None:
        return round(self.hold_minutes(), 2) if self._holds else None

    def end_call(self) -> None:
        """Log the call, its notes, references and promises; the draft goes in the same commit."""
        if not self.in_progress or not self.references.add_pending():
            return
        case_id = self._ready_to_log()
        if case_id is None:
            return
        channel_id, contact = self.channel.value()
        fields = dict(kind="call", channel_id=channel_id, contact=contact,
                      start=self._started, end=times.format_time(now()),
                      wait_minutes=self._wait_minutes(),
                      agent=self.agent.text().strip() or None, language=self.language.value(),
                      notes=self.notes.toPlainText(), references=self.references.references(),
                      promises=self.promises.promises(), draft=DRAFT)
        ticked = self.checklist.ticked()
        self._begin_saving()
        self.session.submit(lambda j: j.log(case_id, answered=j.answerable(case_id, ticked),
                                            **fields), on_done=self._logged,
                            on_error=self._not_logged)

    def log_not_connected(self, outcome: str) -> None:
        """The call never reached a person: log it as a failed attempt and close the panel."""
        case_id = self._ready_to_log()
        if case_id is None:
            return
        channel_id, contact = self.channel.value()
        wait = self._wait_minutes()
        self._begin_saving()
        log_failed_attempt(self.session, case_id, outcome, channel_id, contact,
                           self.notes.toPlainText().strip(), start=self._started,
                           end=times.format_time(now()), wait_minutes=wait, draft=DRAFT,
                           on_done=self._logged, on_error=self._not_logged)

    def _begin_saving(self) -> None:
        self._ending = True
        self.drafts.hold()
        self._set_enabled(False)
        self._say("")
        self.draft_state.setText(self.tr("Saving…"))

    def _logged(self, interaction) -> None:
        self._clear()
        self._set_enabled(False)
        self.clock.setText(formatting.clock(0))
        self.draft_state.setText(self.tr("Saved"))
        self.finished.emit(interaction.id)

    def _not_logged(self, sentence: str) -> None:
        self._ending = False
        self._set_enabled(True)
        self.draft_state.clear()
        self._say(sentence)
        self._edited()  # the draft still holds everything typed

    def cancel_call(self) -> None:
        if not self.in_progress or self._ending:
            return
        typed = (self.notes.toPlainText().strip() or self.agent.text().strip()
                 or self.references.references() or self.promises.promises())
        if typed and not messages.confirm(
                self, self.tr("Discard this call? Its notes, references and promises will not "
                              "be saved."), self.tr("Discard call")):
            return
        self._clear()
        self._set_enabled(False)
        self.drafts.discard()
        self.cancelled.emit()
