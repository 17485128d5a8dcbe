"""The evidence part of the log dialog: a zone to drop files on or paste an image into, and
the small pictures of what was added (read by Qt from the file, never kept whole)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QKeySequence, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
THUMBNAIL_MAX_BYTES = 30 * 1024 * 1024  # larger images get no thumbnail: reading them would lag


def file_thumbnail(path: Path, size: int = 48) -> QPixmap:
    """A pixmap at most size×size of the image file at `path`, read by Qt from the file and
    decoded at that size where the format can (JPEG): the file's bytes are never kept."""
    reader = QImageReader(str(path))
    full = reader.size()
    if full.isValid() and not full.isEmpty():
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return QPixmap() if image.isNull() else QPixmap.fromImage(image)


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:   # gone meanwhile: the preview says it is no image it can show
        return b""


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class DropZone(QFrame):
    """Where files are dropped, or an image pasted with Ctrl+V."""

    filesDropped = Signal(list)     # local paths
    imagePasted = Signal(QImage)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setAccessibleName(self.tr("Attachments drop zone"))
        self.hint = QLabel(self.tr("Drop screenshots or files here, or click here and paste an "
                                   "image ({0}).").format(
            QKeySequence(QKeySequence.StandardKey.Paste).toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        self.setMinimumHeight(56)

    def _take(self, mime) -> bool:
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []
        if paths:
            self.filesDropped.emit(paths)
            return True
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.imagePasted.emit(image)
                return True
        return False

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasImage():
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        if self._take(event.mimeData()):
            event.acceptProposedAction()

    def mousePressEvent(self, event) -> None:
        self.setFocus()
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self._take(QGuiApplication.clipboard().mimeData())
            return
        super().keyPressEvent(event)
