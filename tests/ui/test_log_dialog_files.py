"""A dropped photo in the log dialog: a thumbnail read by Qt from the file, its bytes not kept
in the dialog (they stream from disk into the journal when it is saved)."""
from __future__ import annotations

import os
import tracemalloc

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QToolButton

from journal.ui.capture.log_dialog import file_thumbnail
from tests.ui import WAIT
from tests.ui.test_log_dialog import dialog, drop, no_modal_questions, save  # noqa: F401

LEFT = Qt.MouseButton.LeftButton


def _photo(path, width=2400, height=1600):
    """A JPEG of noise: several MiB, like a phone's photo."""
    raw = os.urandom(width * height * 4)
    image = QImage(raw, width, height, QImage.Format.Format_RGB32)
    assert image.save(str(path), "JPEG", 95)
    return path


def test_a_dropped_photo_keeps_only_its_thumbnail(dialog, session, tmp_path, qtbot):  # noqa: F811
    photo = _photo(tmp_path / "receipt.jpg")
    size = photo.stat().st_size
    assert size > 3 * 2**20
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        drop(dialog.drop, photo)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert dialog.files == [photo]
    assert kept < size / 4, f"{kept} bytes kept for a {size}-byte photo"
    row = dialog.file_list.itemAt(0).widget()
    view = row.findChildren(QToolButton)[0]
    assert max(view.iconSize().width(), view.iconSize().height()) == 48
    qtbot.mouseClick(view, LEFT)    # the preview reads the file when it opens
    preview = dialog.findChild(QDialog)
    qtbot.waitUntil(lambda: preview is not None and preview.isVisible(), timeout=WAIT)
    assert (preview.image.width(), preview.image.height()) == (2400, 1600)
    preview.close()
    qtbot.keyClicks(dialog.text, "the receipt")
    iid = save(dialog, qtbot)
    (attachment,) = session.journal.interaction(iid).attachments
    assert attachment.media_type == "image/jpeg" and attachment.size == size
    assert session.journal.attachment_bytes(attachment.id) == photo.read_bytes()


def test_file_thumbnail_scales_to_fit_and_refuses_what_is_no_image(tmp_path):
    photo = _photo(tmp_path / "wide.jpg", 400, 100)
    thumb = file_thumbnail(photo, 48)
    assert (thumb.width(), thumb.height()) == (48, 12)
    other = tmp_path / "notes.png"
    other.write_bytes(b"not an image")
    assert file_thumbnail(other, 48).isNull()
    assert file_thumbnail(tmp_path / "gone.png", 48).isNull()
