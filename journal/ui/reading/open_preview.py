"""Open an attachment's preview from its id alone (a search hit, the reading warning): its
name and bytes are read through the session, then the preview opens with the text read out
of it beside the picture, and `words` (a search's) outlined where they stand in it."""
from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ..dialogs.image_preview import ImagePreview
from ..kit.session import Session

OBJECT_NAME = "attachmentPreview"


def open_attachment(session: Session, attachment_id: int, parent: QWidget, *,
                    words=(), on_open=None) -> None:
    """Read the file off the GUI thread, then show it; on_open(preview) once it is shown.
    A failure (the journal locked meanwhile, the file gone) goes to the window's message,
    unless the journal is locked: then nothing of it is shown."""
    home = weakref.ref(parent)

    def read(journal):
        return journal.attachment(attachment_id).name, journal.attachment_bytes(attachment_id)

    def shown(found) -> None:
        widget = home()
        if widget is None or not shiboken6.isValid(widget) or not session.is_open:
            return
        name, data = found
        preview = ImagePreview(data, name, widget, session=session,
                               attachment_id=attachment_id, words=words)
        preview.setObjectName(OBJECT_NAME)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.open()
        if on_open is not None:
            on_open(preview)

    def failed(sentence: str) -> None:
        if session.is_open:
            session.failed.emit(sentence)

    session.read(read, shown, failed)
