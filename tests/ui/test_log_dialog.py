"""Logging a chat or an email with its evidence: drop, paste, add, save."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton

from journal.service import NewAttachment
from journal.ui.capture.log_dialog import LogDialog
from journal.ui.dialogs.image_preview import ImagePreview, thumbnail
from journal.ui.kit import messages
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """Closing a dialog with text typed asks first; a modal box would hang the test run."""
    monkeypatch.setattr(messages, "confirm", lambda *a: True)


@pytest.fixture
def screenshot(tmp_path):
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    path = tmp_path / "balance screen.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def dialog(session, qtbot):
    d = LogDialog(session, 1, kind="chat")
    qtbot.addWidget(d)
    d.show()
    session.wait()   # its channels, checklist and draft are read off the GUI thread
    yield d
    session.wait()


def drop(widget, *paths) -> None:
    """What the window system sends when files are dragged in and released."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, LEFT,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, LEFT,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def save(dialog, qtbot) -> int:
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.mouseClick(dialog.save_button, LEFT)
    return logged.args[0]


def test_chat_with_a_dropped_screenshot_is_saved(dialog, session, screenshot, qtbot):
    qtbot.keyClicks(dialog.text, "Agent: your withdrawal is pending.")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "Me: since Monday?")
    qtbot.keyClicks(dialog.agent, "Sam")
    drop(dialog.drop, screenshot)
    assert dialog.files == [screenshot]
    assert dialog.file_list.count() == 1
    iid = save(dialog, qtbot)
    chat = session.journal.interaction(iid)
    assert chat.kind.value == "chat"
    assert chat.notes == "Agent: your withdrawal is pending.\nMe: since Monday?"
    assert chat.agent == "Sam"
    (attachment,) = chat.attachments
    assert attachment.name == "balance screen.png"
    assert session.journal.attachment_bytes(attachment.id) == screenshot.read_bytes()
    assert session.journal.draft("log-1") is None
    assert not dialog.isVisible()


def test_add_files_button_and_remove(dialog, session, screenshot, tmp_path, qtbot, monkeypatch):
    mail = tmp_path / "reply.eml"
    mail.write_bytes(b"From: support@example.com\r\n\r\nWe are looking into it.")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(mail), str(screenshot)], "")))
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.files == [mail, screenshot]
    row = dialog.file_list.itemAt(1).widget()
    buttons = row.findChildren(QToolButton)
    assert len(buttons) == 2  # the image's row: a thumbnail to open, and remove
    qtbot.mouseClick(buttons[-1], LEFT)
    assert dialog.files == [mail]
    dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
    iid = save(dialog, qtbot)
    email = session.journal.interaction(iid)
    assert email.kind.value == "email"
    assert [a.name for a in email.attachments] == ["reply.eml"]


def test_a_file_over_200_mb_is_refused(dialog, tmp_path):
    big = tmp_path / "screen recording.mp4"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024 + 1)  # sparse: costs no disk
    drop(dialog.drop, big)
    assert dialog.files == []
    assert not dialog.file_note.isHidden()
    assert "larger than 200 MB" in dialog.file_note.text()


def test_pasting_an_image_attaches_png_bytes(dialog, session, qtbot):
    image = QImage(30, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("orange"))
    QGuiApplication.clipboard().setImage(image)
    dialog.drop.setFocus()
    qtbot.keyClick(dialog.drop, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (pasted,) = dialog.files
    assert isinstance(pasted, NewAttachment)
    assert pasted.name.startswith("pasted-image-") and pasted.name.endswith(".png")
    assert pasted.data.startswith(b"\x89PNG")
    qtbot.keyClicks(dialog.text, "screenshot of the chat")
    iid = save(dialog, qtbot)
    (attachment,) = session.journal.interaction(iid).attachments
    assert attachment.media_type == "image/png"
    assert session.journal.attachment_bytes(attachment.id) == pasted.data


def test_transcript_survives_as_a_draft(dialog, session, qtbot, screenshot):
    qtbot.keyClicks(dialog.text, "Long transcript pasted here")
    qtbot.keyClicks(dialog.references.value, "CHAT-4411")
    drop(dialog.drop, screenshot)
    qtbot.waitUntil(lambda: (session.journal.draft("log-1") or {}).get("notes")
                    == "Long transcript pasted here", timeout=WAIT)
    dialog.save_draft_now()
    again = LogDialog(session, 1)
    qtbot.addWidget(again)
    session.wait()
    assert again.text.toPlainText() == "Long transcript pasted here"
    assert again.references.pending_text() == "CHAT-4411"
    assert again.files == [screenshot]
    assert again.draft_state.text() == "Draft restored"


def test_enter_in_the_reference_field_adds_it_and_does_not_save(dialog, session, qtbot):
    qtbot.keyClicks(dialog.references.value, "order:778")
    qtbot.keyClick(dialog.references.value, Qt.Key.Key_Return)
    QApplication.processEvents()   # whatever the key led to has happened,
    assert session.wait()          # and a save, had one started, has come back
    assert dialog.isVisible() and not dialog.progress.isVisible()
    assert dialog.references.references() == [("order-id", "778")]
    assert len(session.journal.timeline(1)) == 1


def test_a_reference_left_typed_is_saved_too_with_ctrl_return(dialog, session, qtbot):
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    qtbot.keyClicks(dialog.text, "chat")
    qtbot.keyClicks(dialog.references.value, "T-9")
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    iid = logged.args[0]
    assert [r.value for r in session.journal.interaction(iid).references] == ["T-9"]


def test_bad_times_give_one_sentence_and_keep_the_dialog(dialog, session, qtbot):
    qtbot.keyClicks(dialog.text, "typed")
    dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.message.isHidden(), timeout=WAIT)
    assert dialog.message.text() == "The end time is before the start time."
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert dialog.text.toPlainText() == "typed"


def test_cancel_asks_before_discarding(dialog, session, qtbot, monkeypatch):
    monkeypatch.setattr(messages, "confirm", lambda *a: False)
    qtbot.keyClicks(dialog.text, "half a transcript")
    dialog.save_draft_now()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    monkeypatch.setattr(messages, "confirm", lambda *a: True)
    dialog.reject()
    session.wait()
    assert not dialog.isVisible()
    assert session.journal.draft("log-1") is None


def test_image_preview_zooms_from_bytes(qtbot, screenshot):
    data = screenshot.read_bytes()
    assert thumbnail(data, 16).width() == 16
    assert thumbnail(b"not an image", 16).isNull()
    preview = ImagePreview(data, "balance")
    qtbot.addWidget(preview)
    preview.show()
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow, timeout=WAIT)
    assert preview.zoom == pytest.approx(1.0)  # small images are not enlarged to fit
    qtbot.keyClick(preview, Qt.Key.Key_Plus)
    assert preview.zoom == pytest.approx(1.25)
    assert preview.picture.pixmap().width() == 50
    qtbot.keyClick(preview, Qt.Key.Key_Minus)
    assert preview.zoom == pytest.approx(1.0)
    viewport = preview.scroll.viewport()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(viewport.mapToGlobal(QPoint(5, 5))), QPoint(),
                        QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert preview.zoom == pytest.approx(1.25)



def test_channel_follows_the_kind_of_conversation(dialog):
    assert dialog.channel.value() == (2, None)  # chat: the chat channel
    dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
    assert dialog.channel.value() == (1, None)  # the phone number


def test_a_pasted_seed_phrase_warns_in_the_log_dialog(session, qtbot):
    dialog = LogDialog(session, 1, "chat")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.insertPlainText("Agent: please type your 12 words here: abandon ability able "
                                "about above absent absorb abstract absurd abuse access "
                                "accident")
    qtbot.waitUntil(lambda: dialog.scam_banner.isVisible(), timeout=WAIT)
    assert dialog.scam_banner.secrets == ["seed phrase"]
    dialog.keep_draft_and_close()


# -- which case, when, and what saving says -------------------------------------------------

def test_the_dialog_names_the_case_it_is_for(dialog, qtbot):
    qtbot.waitUntil(lambda: dialog.heading.text() != "", timeout=WAIT)
    assert dialog.heading.text() == "Withdrawal stuck since Monday"
    assert dialog.case_line.text() == "Coinbase · Withdrawal"
    assert dialog.heading.isVisible() and dialog.case_line.isVisible()
    assert "Withdrawal stuck since Monday" in dialog.windowTitle()
    assert "Coinbase" in dialog.windowTitle()


def test_a_chat_is_taken_to_have_just_ended_and_an_email_is_one_moment(dialog, session, qtbot):
    from PySide6.QtCore import QDateTime
    now = QDateTime.currentDateTime()
    assert dialog.start.dateTime().secsTo(dialog.end.dateTime()) == 15 * 60
    assert abs(dialog.end.dateTime().secsTo(now)) < 120
    assert dialog.end.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
    assert not dialog.end.isVisible()   # an email was sent or received at one moment
    assert abs(dialog.start.dateTime().secsTo(now)) < 120
    qtbot.keyClicks(dialog.text, "We are looking into it.")
    email = session.journal.interaction(save(dialog, qtbot))
    assert email.ended_at is None
    from journal.ui.kit import formatting
    saved = formatting.to_qdatetime(email.started_at)
    assert abs(saved.secsTo(now)) < 120


def test_both_times_can_be_edited_and_moving_the_start_keeps_the_length(dialog, session,
                                                                         qtbot):
    start = dialog.start.dateTime()
    dialog.start.setDateTime(start.addSecs(-3600))          # it was an hour earlier
    assert dialog.start.dateTime().secsTo(dialog.end.dateTime()) == 15 * 60
    dialog.end.setDateTime(dialog.start.dateTime().addSecs(40 * 60))   # and lasted 40 min
    dialog.kind.setCurrentIndex(dialog.kind.findData("email"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("chat"))   # times typed stay as typed
    assert dialog.start.dateTime() == start.addSecs(-3600)
    qtbot.keyClicks(dialog.text, "the chat")
    chat = session.journal.interaction(save(dialog, qtbot))
    assert chat.duration_minutes == 40
    from journal.ui.kit import formatting
    assert formatting.to_qdatetime(chat.started_at).toSecsSinceEpoch() == \
        start.addSecs(-3600).toSecsSinceEpoch()


def test_the_times_are_kept_in_the_draft(dialog, session, qtbot):
    dialog.start.setDateTime(dialog.start.dateTime().addSecs(-7200))
    qtbot.keyClicks(dialog.text, "typed")
    dialog.save_draft_now()
    session.wait()
    again = LogDialog(session, 1)
    qtbot.addWidget(again)
    session.wait()
    assert again.start.dateTime() == dialog.start.dateTime()
    assert again.end.dateTime() == dialog.end.dateTime()


def test_saving_says_where_the_conversation_went(session, qtbot):
    from PySide6.QtWidgets import QMainWindow
    from journal.ui.capture.saved_notice import SavedNotice
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    qtbot.waitExposed(window, timeout=WAIT)
    dialog = LogDialog(session, 1, kind="chat", parent=window)
    dialog.show()
    session.wait()
    qtbot.keyClicks(dialog.text, "Agent: it is in review.")
    save(dialog, qtbot)
    sentence = "Chat saved to “Withdrawal stuck since Monday”"
    assert dialog.saved_text == sentence
    assert not dialog.isVisible()
    (notice,) = window.findChildren(SavedNotice)
    assert notice.isVisible() and notice.text() == sentence
    assert notice.accessibleName() == sentence
    assert window.rect().contains(notice.geometry())   # inside the window, whole
    assert notice._timer.isActive()                    # and it goes by itself
    qtbot.mouseClick(notice, LEFT)                     # or at a click
    assert not notice.isVisible()


def test_the_saved_notice_goes_when_the_journal_locks(session, qtbot):
    """It names the case: nothing of the journal stays on screen behind a lock."""
    from PySide6.QtWidgets import QMainWindow
    from journal.ui.capture.saved_notice import show_saved
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window, timeout=WAIT)
    notice = show_saved(window, "Chat saved to “Withdrawal stuck since Monday”", session)
    assert notice.isVisible()
    session.lock()
    assert not notice.isVisible()


def test_on_a_short_screen_the_fields_scroll_and_the_buttons_stay(dialog, qtbot):
    """1280×800 at 150 % leaves about 500 points of height: the dialog fits in it, its fields
    scroll, and which case it is and Save stay in view."""
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    dialog.resize(520, 460)
    qtbot.waitUntil(lambda: dialog.height() == 460, timeout=WAIT)
    assert dialog.minimumSizeHint().height() <= 460
    assert dialog.scroll.verticalScrollBar().maximum() > 0
    from PySide6.QtCore import QRect
    for widget in (dialog.heading, dialog.save_button, dialog.cancel_button):
        assert dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size()))
