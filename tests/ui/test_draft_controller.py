"""The draft a contact is typed in, on its own: saved after an edit, back on reopening, gone
once the contact is logged or cancelled. The call panel and the log dialog both use it."""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from journal.ui.capture.draft_controller import DraftController
from tests.ui import WAIT

NAME = "log-1"


class NotesPanel(QWidget):
    """The smallest panel that keeps a draft: one text field and its quiet state label."""

    def __init__(self, session, name: str = NAME):
        super().__init__()
        self.notes = QPlainTextEdit(self)
        self.state = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.state)
        self.saving = False
        self.extra: dict = {}
        self.drafts = DraftController(session, name, self.body, self.state,
                                      ready=lambda: not self.saving, parent=self)
        self.notes.textChanged.connect(self.drafts.edited)

    def body(self) -> dict:
        return {"notes": self.notes.toPlainText(), **self.extra}

    def reopen(self, session) -> bool:
        """Read the draft back (off the GUI thread) and put it in; True if there was one."""
        found = []
        self.drafts.load(found.append)
        session.wait()
        body = found[0]
        if not body:
            return False
        self.notes.blockSignals(True)
        self.notes.setPlainText(body["notes"])
        self.notes.blockSignals(False)
        self.drafts.show_restored()
        return True


def stored(session, name: str = NAME) -> dict | None:
    return session.journal.draft(name)


def panel(session, qtbot, name: str = NAME) -> NotesPanel:
    widget = NotesPanel(session, name)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_an_edit_is_saved_a_moment_later_and_said_once_it_is(session, qtbot):
    p = panel(session, qtbot)
    qtbot.keyClicks(p.notes, "Agent asked for my ID again")
    assert p.drafts.pending, "typing waits for a pause before it writes"
    assert p.state.text() == ""
    qtbot.waitUntil(lambda: (stored(session) or {}).get("notes") == "Agent asked for my ID again",
                    timeout=WAIT)
    qtbot.waitUntil(lambda: p.state.text().startswith("Draft saved "), timeout=WAIT)
    assert not p.drafts.pending


def test_reopening_gets_the_draft_back(session, qtbot):
    first = panel(session, qtbot)
    qtbot.keyClicks(first.notes, "Transcript pasted before the lock")
    first.drafts.save_now()
    session.wait()   # the save runs on the worker; a lock or a close waits for it too
    assert stored(session) == {"notes": "Transcript pasted before the lock"}

    again = panel(session, qtbot)
    assert again.reopen(session)
    assert again.notes.toPlainText() == "Transcript pasted before the lock"
    assert again.state.text() == "Draft restored"
    other = panel(session, qtbot, name="log-2")   # another case's dialog: nothing to restore
    assert not other.reopen(session) and other.notes.toPlainText() == ""


def test_logging_takes_the_draft_with_it_and_a_late_edit_does_not_bring_it_back(
        session, qtbot):
    p = panel(session, qtbot)
    qtbot.keyClicks(p.notes, "They will refund on Friday")
    p.drafts.save_now()
    qtbot.keyClicks(p.notes, ", they said")
    assert p.drafts.pending

    p.saving = True          # the panel starts saving the contact itself
    p.drafts.hold()
    assert not p.drafts.pending
    logged = []
    session.submit(lambda j: j.log(1, kind="chat", notes=p.notes.toPlainText(),
                                   draft=p.drafts.name), on_done=logged.append)
    qtbot.waitUntil(lambda: bool(logged), timeout=WAIT)
    assert stored(session) is None
    assert session.journal.timeline(1)[-1].notes == "They will refund on Friday, they said"

    p.drafts.edited()         # a change arriving while the contact is saved writes nothing
    p.drafts.save()
    p.drafts.save_now()
    assert not p.drafts.pending
    session.wait()
    assert stored(session) is None


def test_cancelling_discards_the_draft(session, qtbot):
    p = panel(session, qtbot)
    qtbot.keyClicks(p.notes, "never mind")
    p.drafts.save_now()
    session.wait()
    assert stored(session) is not None
    p.drafts.discard()
    assert not p.drafts.pending
    qtbot.waitUntil(lambda: stored(session) is None, timeout=WAIT)


def test_a_draft_that_cannot_be_saved_says_so_in_one_sentence(session, qtbot):
    p = panel(session, qtbot)
    p.extra = {"file": object()}   # not JSON: the service refuses it
    p.drafts.save()
    qtbot.waitUntil(lambda: p.state.text().startswith("Draft not saved: "), timeout=WAIT)
    assert "A draft holds only text" in p.state.text()
    assert stored(session) is None


def test_an_answer_for_a_closed_panel_reaches_nobody(session, qtbot):
    p = NotesPanel(session)
    p.notes.setPlainText("typed, then the window closed")
    with qtbot.captureExceptions() as exceptions:
        p.drafts.save()
        p.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert not shiboken6.isValid(p)
        session.wait()
        QCoreApplication.processEvents()
    assert exceptions == []
    assert stored(session) == {"notes": "typed, then the window closed"}
