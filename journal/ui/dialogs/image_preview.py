"""Looking at a screenshot closely: scaled to fit, zoom with Ctrl+wheel or +/-.

Built from bytes in memory only: evidence never passes through a temporary file. Given the
session and the attachment's id, a panel beside the picture shows the text read out of it
(reading/reading_panel.py); `outline` boxes (in the image's pixels: a search's words) are
drawn over the picture, at every zoom.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QSplitter, QVBoxLayout

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
PANEL_WIDTH = 340
OUTLINE = QColor("#ff6d00")   # reads on a light and a dark screenshot alike


def thumbnail(data: bytes, size: int = 64) -> QPixmap:
    """A pixmap at most size×size of the image in `data`; a null pixmap if it is not one."""
    image = QImage.fromData(data)
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))


class ImagePreview(QDialog):
    def __init__(self, data: bytes, title: str = "", parent=None, *, session=None,
                 attachment_id: int | None = None, words=(), outline=()):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Image"))
        self.image = QImage.fromData(data)
        self.zoom = 1.0
        self.outline: tuple = tuple(outline)   # boxes (x, y, w, h) in the image's pixels
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.picture)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setAccessibleName(self.tr("Image: {0}").format(title) if title
                                      else self.tr("Image"))
        self.scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.panel = None
        if session is not None and attachment_id is not None:
            from ..reading.reading_panel import ReadingPanel
            self.panel = ReadingPanel(session, attachment_id, title, words)
            self.panel.outlineFound.connect(self.set_outline)
            split = QSplitter(Qt.Orientation.Horizontal)
            split.setChildrenCollapsible(False)
            split.addWidget(self.scroll)
            split.addWidget(self.panel)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 0)
            split.setSizes([PANEL_WIDTH * 3, PANEL_WIDTH])   # the picture first
            layout.addWidget(split)
        else:
            layout.addWidget(self.scroll)
        if self.image.isNull():
            self.picture.setText(self.tr("This file is not an image this program can show."))
        for keys, action in (((QKeySequence.StandardKey.ZoomIn, "+", "="), self.zoom_in),
                             ((QKeySequence.StandardKey.ZoomOut, "-"), self.zoom_out),
                             (("0", "Ctrl+0"), self.fit)):
            for key in keys:
                QShortcut(QKeySequence(key), self, action)
        self.resize(1180 if self.panel is not None else 900, 700)
        self._fitted = False
        self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted:  # only now does the viewport have its real size
            self._fitted = True
            self.fit()

    def fit(self) -> None:
        """Scale the whole image into the window (never enlarge a small one)."""
        if self.image.isNull():
            return
        area = self.scroll.viewport().size()
        w, h = max(1, area.width() - 4), max(1, area.height() - 4)
        self.set_zoom(min(1.0, w / self.image.width(), h / self.image.height()))

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def set_zoom(self, factor: float) -> None:
        if self.image.isNull():
            return
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        size = self.image.size() * self.zoom
        pixmap = QPixmap.fromImage(self.image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        if self.outline:
            self._draw_outline(pixmap)
        self.picture.setPixmap(pixmap)

    def set_outline(self, boxes) -> None:
        """Outline these boxes (x, y, w, h in the image's pixels) over the picture."""
        self.outline = tuple(boxes)
        self.set_zoom(self.zoom)

    def _draw_outline(self, pixmap: QPixmap) -> None:
        scale = pixmap.width() / max(1, self.image.width())
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(OUTLINE)
        pen.setWidthF(2.0)
        painter.setPen(pen)
        fill = QColor(OUTLINE)
        fill.setAlpha(48)
        painter.setBrush(fill)
        for x, y, w, h in self.outline:
            painter.drawRect(QRectF(x * scale - 2, y * scale - 2, w * scale + 4, h * scale + 4))
        painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
            return True
        return super().eventFilter(watched, event)
