"""Beside a screenshot in its preview, the text read out of it; a search hit in that text
opens the picture with the words outlined."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QDialog

from journal.domain.recognised_text import boxes_matching
from journal.errors import BadInput
from journal.ui.dialogs.image_preview import OUTLINE, ImagePreview
from tests.ui import WAIT
from tests.ui.pictures import png_bytes
from tests.ui.reading_fakes import FakeReader, log_pictures, use_reader
from tests.ui.windows import shown_window


@pytest.fixture
def reader(monkeypatch):
    return use_reader(monkeypatch, FakeReader())


def read_all(session):
    session.wait()
    session.journal.read_attachments()
    session.announce("timeline")


def preview_of(session, qtbot, attachment_id, data=None, **kw) -> ImagePreview:
    preview = ImagePreview(data or png_bytes(200, 120), "shot-1.png", session=session,
                           attachment_id=attachment_id, **kw)
    qtbot.addWidget(preview)
    preview.show()
    with qtbot.waitSignal(preview.panel.loaded, timeout=WAIT):
        pass
    return preview


def test_the_text_read_shows_beside_the_picture_and_copies(session, qtbot, reader):
    data = reader.picture(["Your refund is on its way", "Case ID: CS-2291-XK"], "#204080")
    entry = log_pictures(session.journal, [data])
    read_all(session)
    preview = preview_of(session, qtbot, entry.attachments[0].id, data)
    panel = preview.panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.text.isVisible() and panel.text.isReadOnly()
    assert panel.text.toPlainText() == "Your refund is on its way\nCase ID: CS-2291-XK"
    assert panel.state_text() == "Recognised by OCR; may contain errors."
    assert panel.alarm.isHidden()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == panel.text.toPlainText()


def test_a_reference_in_the_text_is_offered_and_added_as_an_amendment(session, qtbot, reader):
    data = reader.picture(["Case ID: CS-2291-XK"], "#204080")
    entry = log_pictures(session.journal, [data])
    read_all(session)
    preview = preview_of(session, qtbot, entry.attachments[0].id, data)
    panel = preview.panel
    qtbot.waitUntil(lambda: panel.references == ("case:CS-2291-XK",), timeout=WAIT)
    assert panel.refs_heading.isVisible()
    add = panel.findChild(type(panel.copy_button), "addReference")
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):   # read again once it is recorded
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    session.wait()
    amended = session.journal.interaction(entry.id)
    assert [r.value for r in amended.references] == ["CS-2291-XK"]
    assert amended.references[0].kind.value == "case"
    assert amended.notes == "Screenshots of the chat"     # the entry is otherwise as it was
    qtbot.waitUntil(lambda: panel.references == () and panel.refs_heading.isHidden(),
                    timeout=WAIT)


def test_a_picture_without_text_says_so(session, qtbot, reader):
    entry = log_pictures(session.journal, [reader.picture([], "#eeeeee")])
    read_all(session)
    preview = preview_of(session, qtbot, entry.attachments[0].id)
    panel = preview.panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.state_text() == "No text found."
    assert panel.text.isHidden() and panel.copy_button.isHidden()


def _damaged(data):
    raise BadInput("ocr.damaged")


def test_an_unreadable_picture_says_why(session, qtbot, reader, monkeypatch):
    monkeypatch.setattr(reader, "read_image", _damaged)
    entry = log_pictures(session.journal, [png_bytes(50, 50)])
    read_all(session)
    preview = preview_of(session, qtbot, entry.attachments[0].id)
    panel = preview.panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.state_text() == ("This picture is damaged or cut short, so its text cannot "
                                  "be read.")
    assert panel.text.isHidden()


def test_a_file_waiting_to_be_read_fills_in_once_it_is(session, qtbot, reader):
    data = reader.picture(["Withdrawal approved"], "#208040")
    entry = log_pictures(session.journal, [data])
    preview = preview_of(session, qtbot, entry.attachments[0].id, data)
    panel = preview.panel
    assert panel.reading is None
    assert panel.state_text().startswith("Waiting to be read")
    assert panel.text.isHidden()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        read_all(session)                          # the queue read it: TIMELINE changed
    assert panel.text.toPlainText() == "Withdrawal approved"


def test_the_preview_without_an_attachment_has_no_panel(qtbot):
    preview = ImagePreview(png_bytes(60, 40), "balance")   # as the log dialog opens it
    qtbot.addWidget(preview)
    assert preview.panel is None and preview.outline == ()


def test_outline_boxes_are_drawn_over_the_picture_at_every_zoom(qtbot):
    preview = ImagePreview(png_bytes(400, 300, "#ffffff"), "shot", outline=[(100, 100, 80, 20)])
    qtbot.addWidget(preview)
    preview.set_zoom(1.0)
    image = preview.picture.pixmap().toImage()
    assert image.pixelColor(100 - 2, 110).rgb() != QColor("#ffffff").rgb()    # left edge
    assert image.pixelColor(300, 250) == QColor("#ffffff")                     # elsewhere
    preview.set_zoom(0.5)
    image = preview.picture.pixmap().toImage()
    assert image.width() == 200
    edge = image.pixelColor(50 - 2, 55)
    assert edge.red() > 200 and edge.blue() < 120                            # OUTLINE-ish
    assert OUTLINE.red() > 200


def test_a_search_hit_in_a_screenshot_opens_it_with_the_words_outlined(session, qtbot,
                                                                       reader, qtmodeltester):
    data = reader.picture(["Your refund 退款 is pending", "Agent Mia"], "#ffffff")
    entry = log_pictures(session.journal, [data], notes="Chat about the transfer")
    read_all(session)
    window = shown_window(session, qtbot)
    window.search()
    panel = window.search_panel
    panel.set_query("refund")
    qtbot.waitUntil(lambda: panel.model.hit_count() > 0, timeout=WAIT)
    hits = session.journal.search("refund", limit=50)
    assert [h.attachment_id for h in hits if h.interaction_id == entry.id] == \
        [entry.attachments[0].id]
    qtmodeltester.check(panel.model)      # with the roles that name the file and the words
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "attachmentPreview") is not None,
                    timeout=WAIT)
    preview = window.findChild(QDialog, "attachmentPreview")
    qtbot.waitUntil(lambda: preview.outline != (), timeout=WAIT)
    reading = session.journal.attachment_text(entry.attachments[0].id)
    assert preview.outline == boxes_matching(reading.recognised, ["refund"])
    x, y, w, h = preview.outline[0]
    assert (x, y) == (62, 10) and (w, h) == (72, 20)   # "refund", second word of line one
    image = preview.picture.pixmap().toImage()
    scale = image.width() / preview.image.width()
    assert image.pixelColor(int((x - 2) * scale), int((y + h / 2) * scale)) != \
        QColor("#ffffff")
    assert window.case_view.current_case_id() == 1   # and the case is open behind it


def test_a_thumbnail_on_the_timeline_opens_the_picture_with_its_text(session, qtbot, reader):
    data = reader.picture(["Withdrawal approved"], "#208040")
    entry = log_pictures(session.journal, [data])
    window = shown_window(session, qtbot)
    qtbot.waitUntil(lambda: len(reader.read) == 1 and not window.reading.queue.active,
                    timeout=WAIT)
    window.open_case(1, entry.id)
    timeline = window.case_view.timeline
    attachment_id = entry.attachments[0].id
    qtbot.waitUntil(lambda: timeline.thumbnail(attachment_id) is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: timeline.viewport().rect().contains(
        timeline.part_rect(entry.id, f"thumbnail-{attachment_id}").center()), timeout=WAIT)
    rect = timeline.part_rect(entry.id, f"thumbnail-{attachment_id}")
    qtbot.mouseClick(timeline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: timeline.findChild(QDialog, "imagePreview") is not None,
                    timeout=WAIT)
    panel = timeline.findChild(QDialog, "imagePreview").panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.text.toPlainText() == "Withdrawal approved"
    assert panel.state_text() == "Recognised by OCR; may contain errors."


def pdf_bytes(text: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawText(200, 400, text)
    painter.end()
    buffer.close()
    return bytes(data)


def test_a_pdf_s_own_text_is_said_to_be_the_pdf_s(session, qtbot, reader):
    from journal.service import NewAttachment
    data = pdf_bytes("Refund confirmed for order 5531")
    entry = session.journal.log(1, kind="email", notes="The bank's letter", attachments=[
        NewAttachment("letter.pdf", "application/pdf", data=data)])
    read_all(session)
    preview = preview_of(session, qtbot, entry.attachments[0].id, data)
    panel = preview.panel
    qtbot.waitUntil(lambda: panel.reading is not None, timeout=WAIT)
    assert panel.state_text() == "Text taken from the PDF."
    assert "5531" in panel.text.toPlainText()     # (as pypdf gives it: tabs, ligatures)
    assert preview.image.isNull()      # no picture to show: the text is what there is
