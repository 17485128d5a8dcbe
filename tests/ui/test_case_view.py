"""The case view: header, timeline cards, reference chips, amending, history, new case."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
)

from journal.domain.inputs import NewAttachment
from journal.ui.cases.case_timeline import InteractionIdRole, InteractionRole, TimelineModel
from journal.ui.cases.case_view import CaseView
from journal.ui.cases.new_case_dialog import NewCaseDialog
from tests.ui import WAIT
from tests.ui.pictures import png_bytes

NOTE = "Agent said the withdrawal is in review."
LEFT = Qt.MouseButton.LeftButton


def click(qtbot, timeline, rect):
    """A click where a part of a card is painted, as a user's."""
    assert rect.isValid() and timeline.viewport().rect().contains(rect.center())
    qtbot.mouseClick(timeline.viewport(), LEFT, pos=rect.center())




def shown(qtbot, view, case_id=1):
    """Wait for the case (read off the GUI thread) to be on screen."""
    qtbot.waitUntil(lambda: view.stack.currentWidget() is not view.empty
                    and view.timeline.model().case_id == case_id
                    and view.checklist.model.case_id == case_id, timeout=WAIT)


@pytest.fixture
def view(session, qtbot):
    widget = CaseView(session)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.show_case(1)
    shown(qtbot, widget)
    return widget


def amend_dialog(qtbot, view):
    qtbot.waitUntil(lambda: view.amend_dialog is not None, timeout=WAIT)
    return view.amend_dialog


def first_call(session):
    return session.journal.timeline(1)[0]


def test_timeline_model_passes_the_model_tester(session, qtmodeltester, qtbot):
    session.journal.log(1, kind="chat", outcome="answered", notes="Second contact")
    model = TimelineModel(session)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.load(1)
    assert model.rowCount() == 2
    first = model.index(0, 0)
    assert first.data(InteractionRole).agent == "Dana"
    assert first.data(InteractionIdRole) == first_call(session).id
    assert first.data().startswith("Call · ")
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.load(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_header_shows_the_case(view):
    assert view.stack.currentWidget() is not view.empty
    assert view.title.text() == "Withdrawal stuck since Monday"
    details = view.details.text()
    assert "Coinbase" in details and "acct-7781" in details and "Withdrawal" in details
    assert "1 open promise" in view.since.text()
    assert view.status.currentText() == "Open"


def test_no_case_shows_the_empty_state(view):
    view.show_case(None)
    assert view.stack.currentWidget() is view.empty
    assert view.empty.text() == "Choose a case on the left, or open a new one"
    assert view.current_case_id() is None
    assert view.timeline.cards() == []


def test_card_shows_agent_time_wait_note_and_promise(view, session):
    call = first_call(session)
    card = view.timeline.card(call.id)
    assert card.title.text() == "Call"
    assert "Agent: Dana" in card.who.text()
    assert "+1 888 908 7930" in card.who.text()
    assert "25 min · waited 12 min" in card.when.text()
    assert "(UTC+01:00)" in card.when.text()
    assert card.note.text() == NOTE
    texts = [part.text() for part in card.texts()]
    assert any("Email update" in t and "due" in t for t in texts)
    # ... and it is what the timeline paints, on screen
    assert view.timeline.viewport().rect().intersects(view.timeline.card_rect(call.id))
    assert {"Call", card.note.text(), card.who.text()} <= view.timeline.shown_texts()


def test_ticket_chip_copies_its_number(view, session, qtbot):
    call = first_call(session)
    timeline = view.timeline
    card = timeline.card(call.id)
    [chip] = card.chips
    assert chip.text() == "Ticket CB-55120"
    assert chip.toolTip() == "Click to copy"
    QGuiApplication.clipboard().setText("something else")
    click(qtbot, timeline, timeline.chip_rect(call.id, 0))
    assert QGuiApplication.clipboard().text() == "CB-55120"
    assert chip.text() == "Copied"
    qtbot.waitUntil(lambda: chip.text() == "Ticket CB-55120", timeout=WAIT)
    # From the keyboard: Tab walks the entry's buttons and chips, Ctrl+C copies the chip.
    QGuiApplication.clipboard().setText("something else")
    timeline.setFocus()
    assert timeline.reached() is chip   # the click reached the chip, as it focuses a button
    qtbot.keyClick(timeline, Qt.Key.Key_Backtab)
    assert timeline.reached().name == "amendButton"   # the Amend… button comes before it
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert timeline.reached() is chip
    qtbot.keyClick(timeline, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "CB-55120"
    # With no chip reached, Ctrl+C copies the whole entry.
    qtbot.keyClick(timeline, Qt.Key.Key_Backtab)
    qtbot.keyClick(timeline, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "Agent: Dana" in copied and NOTE in copied and "CB-55120" in copied


def test_failed_attempt_is_marked_failed(view, session, qtbot):
    failed = session.journal.log(1, kind="call", outcome="no-answer", wait_minutes=30,
                                 contact="+1 888 908 7930")
    session.announce("timeline")
    qtbot.waitUntil(lambda: view.timeline.card(failed.id) is not None, timeout=WAIT)
    card = view.timeline.card(failed.id)
    assert card.title.text() == "Call — No answer"
    assert "failed attempt" in card.title.toolTip()
    assert view.timeline.card(first_call(session).id).title.text() == "Call"


def test_amend_through_the_dialog(view, session, qtbot):
    call = first_call(session)
    card = view.timeline.card(call.id)
    assert card.part("historyButton") is None  # not amended yet
    click(qtbot, view.timeline, view.timeline.part_rect(call.id, "amendButton"))
    dialog = amend_dialog(qtbot, view)
    assert dialog is not None and dialog.isVisible()
    assert dialog.note.toPlainText() == NOTE
    assert dialog.changes() == {}  # the times and the wait read back exactly as recorded
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.note.selectAll()
    qtbot.keyClicks(dialog.note, "Agent said review takes 5 business days.")
    assert not ok.isEnabled()  # a change without a reason is not enough
    qtbot.keyClicks(dialog.reason, "I misheard the agent")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.amend_dialog is None, timeout=WAIT)  # closed after saving

    qtbot.waitUntil(lambda: view.timeline.card(call.id) is not card, timeout=WAIT)
    card = view.timeline.card(call.id)
    assert card.note.text() == "Agent said review takes 5 business days."
    assert card.amended.text() == "Amended"
    assert session.journal.interaction(call.id).revision == 2

    click(qtbot, view.timeline, view.timeline.part_rect(call.id, "historyButton"))
    qtbot.waitUntil(lambda: "Revision 2" in view.history_dialog.text.toPlainText(),
                    timeout=WAIT)
    history = view.history_dialog.text.toPlainText()
    assert "Revision 1" in history and "Revision 2" in history
    assert NOTE in history
    assert "Agent said review takes 5 business days." in history
    assert "I misheard the agent" in history


def test_amend_dialog_shows_a_bad_time_inline(view, session, qtbot):
    call = first_call(session)
    view.amendRequested.emit(call.id)
    dialog = amend_dialog(qtbot, view)
    dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
    qtbot.keyClicks(dialog.reason, "Fix the end")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert dialog.error.text() == "The end time is before the start time."
    assert dialog.isVisible()
    assert session.journal.interaction(call.id).revision == 1


def test_amend_dialog_adds_a_reference(view, session, qtbot):
    call = first_call(session)
    view.amendRequested.emit(call.id)
    dialog = amend_dialog(qtbot, view)
    dialog.activateWindow()  # the shortcut works in the active window, as for a user
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    qtbot.keyClicks(dialog.reference, "case:ESC-9")
    qtbot.keyClicks(dialog.reason, "The agent gave an escalation number")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(view.timeline.card(call.id).chips) == 2, timeout=WAIT)
    assert view.timeline.card(call.id).chips[1].text() == "Case number ESC-9"


def test_voided_entry_is_greyed_with_its_reason(view, session, qtbot):
    call = first_call(session)
    session.journal.void(call.id, reason="Logged in the wrong case")
    session.announce("timeline")
    qtbot.waitUntil(lambda: view.timeline.card(call.id).interaction.voided, timeout=WAIT)
    card = view.timeline.card(call.id)
    assert card.title.font.strikeOut()
    assert card.part("voidReason").text() == "Voided: Logged in the wrong case"
    assert card.part("amendButton") is None
    assert card.part("historyButton") is not None


def test_status_combo_changes_the_case_status(view, session, qtbot):
    combo = view.status
    combo.setFocus()
    target = combo.findData("waiting")
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: session.journal.case(1).status.value == "waiting", timeout=WAIT)
    qtbot.waitUntil(lambda: combo.isEnabled(), timeout=WAIT)
    assert combo.currentText() == "Waiting on them"


def test_show_interaction_scrolls_to_it(view, session, qtbot):
    for n in range(30):
        session.journal.log(1, kind="chat", start=f"2026-11-21T10:{n:02d}:00+01:00",
                            notes=f"Chat number {n}\nwith a second line")
    session.announce("timeline")
    qtbot.waitUntil(lambda: len(view.timeline.cards()) == 31, timeout=WAIT)
    call = first_call(session)
    assert view.show_interaction(call.id)
    assert view.timeline.flashing() == call.id  # highlighted for a moment (before it ends)

    def top():
        return view.timeline.card_rect(call.id).top()
    qtbot.waitUntil(lambda: 0 <= top() < view.timeline.viewport().height(), timeout=WAIT)
    QApplication.processEvents()  # it scrolls once more when the layout has settled: still there
    assert 0 <= top() < view.timeline.viewport().height()


def test_image_attachment_gets_a_thumbnail_and_a_preview(view, session, qtbot):
    logged = session.journal.log(1, kind="chat", notes="Screenshot of the error",
                                 attachments=[NewAttachment("error.png", "image/png",
                                                            data=png_bytes(color="#2878c8"))])
    session.announce("timeline")
    qtbot.waitUntil(lambda: view.timeline.card(logged.id) is not None, timeout=WAIT)
    card = view.timeline.card(logged.id)
    attachment = logged.attachments[0]
    assert card.part(f"thumbnail-{attachment.id}") is not None
    qtbot.waitUntil(lambda: view.timeline.thumbnail(attachment.id) is not None, timeout=WAIT)
    assert view.timeline.thumbnail(attachment.id).width() <= 96   # a thumbnail, made small
    assert any("error.png" in part.text() for part in card.texts())
    click(qtbot, view.timeline, view.timeline.part_rect(logged.id, f"thumbnail-{attachment.id}"))
    qtbot.waitUntil(lambda: view.timeline.findChild(QDialog,
                                                    "imagePreview") is not None, timeout=WAIT)
    preview = view.timeline.findChild(QDialog, "imagePreview")
    assert preview.image.width() == 400  # the full image, not the thumbnail


def test_new_case_dialog_opens_a_case(session, qtbot):
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.platform.count() > 0, timeout=WAIT)
    assert dialog.platform.currentText() == "Coinbase"  # the only platform is preselected
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.title, "Card payment refused")
    qtbot.keyClicks(dialog.account, "acct-1")
    assert dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.caseOpened, timeout=WAIT) as opened:
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    case = session.journal.case(opened.args[0])
    assert (case.title, case.platform, case.account_id) == ("Card payment refused", "Coinbase",
                                                            "acct-1")
    assert not dialog.isVisible()


def test_new_case_dialog_adds_a_platform_inline(session, qtbot):
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.platform.count() > 0, timeout=WAIT)
    dialog.platform.setFocus()
    while dialog.platform.currentText() != "Add platform…":
        qtbot.keyClick(dialog.platform, Qt.Key.Key_Down)
    assert dialog.add_row.isVisible()
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.new_platform, "Kraken")
    qtbot.keyClick(dialog.new_platform, Qt.Key.Key_Return)  # adds; does not open a case
    qtbot.waitUntil(lambda: dialog.platform.currentText() == "Kraken", timeout=WAIT)
    assert not dialog.add_row.isVisible()
    assert dialog.isVisible()
    assert session.journal.platform("Kraken").name == "Kraken"
    qtbot.keyClicks(dialog.title, "Account frozen")
    with qtbot.waitSignal(dialog.caseOpened, timeout=WAIT) as opened:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert session.journal.case(opened.args[0]).platform == "Kraken"


def test_new_case_dialog_shows_a_failure_inline(session, qtbot):
    dialog = NewCaseDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.platform.count() > 0, timeout=WAIT)
    dialog.platform.setFocus()
    while dialog.platform.currentText() != "Add platform…":
        qtbot.keyClick(dialog.platform, Qt.Key.Key_Down)
    qtbot.keyClicks(dialog.new_platform, "x" * 150)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert "longer than 100 characters" in dialog.error.text()
    assert [p.name for p in session.journal.platforms()] == ["Coinbase"]


def test_a_very_long_note_is_cut_until_asked_for(view, session, qtbot):
    long_note = "Transcript line. " * 2000
    logged = session.journal.log(1, kind="chat", notes=long_note)
    session.announce("timeline")
    qtbot.waitUntil(lambda: view.timeline.card(logged.id) is not None, timeout=WAIT)
    card = view.timeline.card(logged.id)
    assert len(card.note.text()) < 5000
    assert card.part("wholeNote").text().startswith("Show the whole")
    click(qtbot, view.timeline, view.timeline.part_rect(logged.id, "wholeNote"))
    qtbot.waitUntil(lambda: view.timeline.findChild(QDialog, "wholeNote") is not None,
                    timeout=WAIT)
    dialog = view.timeline.findChild(QDialog, "wholeNote")
    [editor] = dialog.findChildren(QPlainTextEdit)
    assert editor.toPlainText() == long_note
    assert editor.isReadOnly() and dialog.isVisible()


def test_a_case_whose_notes_describe_a_scam_is_flagged(session, qtbot):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.show()
    view.show_case(1)
    shown(qtbot, view)
    assert not view.risk.isVisible()
    session.journal.log(1, kind="call", notes="They told me to move my coins to a safe wallet")
    session.announce("timeline")
    view.show_case(1)
    qtbot.waitUntil(lambda: view.risk.isVisible(), timeout=WAIT)
    assert "Scam risk" in view.risk.text() and "Coinbase" in view.risk.text()
    assert session.journal.scam_risk(1) == ["safe wallet transfer"]


def test_a_card_shows_a_stored_number_as_people_read_it():
    from journal.ui.cases.interaction_card import shown_contact
    assert shown_contact("+18889081234") == "+1 888-908-1234"
    assert shown_contact("+1 (888) 908-1234") == "+1 (888) 908-1234"   # typed: kept
    assert shown_contact("help@okx.com") == "help@okx.com"


def test_a_case_that_cannot_be_read_is_not_the_chosen_case(view, qtbot):
    # The pane says why instead of a case: nothing there for a call or an export to go to.
    view.show_case(99_999)
    assert view.current_case_id() == 99_999     # on its way
    qtbot.waitUntil(lambda: not view.loading(), timeout=WAIT)
    assert view.stack.currentWidget() is view.empty and view.empty.text()
    assert view.current_case_id() is None


def test_the_checklist_key_is_an_action_the_window_can_list(view, qtbot):
    from PySide6.QtGui import QKeySequence
    action = view.checklist_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+K")
    assert action.text() == "Checklist of the case"
    assert "Ctrl+Shift+K" in action.toolTip()
    action.trigger()
    assert view.tabs.currentWidget() is view.checklist
    view.focus_entries()   # the keyboard into what the tab shows
    focus = view.window().focusWidget()
    assert focus is view.checklist or view.checklist.isAncestorOf(focus), focus


def test_a_line_break_in_a_note_is_kept_on_its_card(qapp):
    from PySide6.QtGui import QFont

    from journal.ui.cases.interaction_card import _wrapped
    layout, _ = _wrapped("Daniel\nAgent says the withdrawal is under review", QFont(), 2000)
    first = layout.lineAt(0)
    assert layout.lineCount() == 2
    assert (first.textStart(), first.textLength()) == (0, len("Daniel") + 1)
