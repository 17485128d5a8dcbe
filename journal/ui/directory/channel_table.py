"""The channels of a platform as a table, their status seen at a glance.

A verified channel has a green tick; an unverified one is grey; one reported fake is red
and its number struck through, so nobody dials it by mistake.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from ...domain.model import Channel, ChannelStatus
from ..kit import formatting, labels
from ..kit.palette import verified_colour, warning_colour
from .channel_form import shown_value

ChannelIdRole = Qt.ItemDataRole.UserRole + 1


def status_colour(status: ChannelStatus, palette: QPalette) -> QColor:
    if status is ChannelStatus.VERIFIED:
        return verified_colour(palette)
    if status is ChannelStatus.REPORTED_FAKE:
        return warning_colour(palette)
    return palette.color(QPalette.ColorRole.PlaceholderText)


@cache
def _icon(status: ChannelStatus, colour: str) -> QIcon:
    """A tick in a green disc, a grey ring, or a cross in a red disc (drawn: no icon files)."""
    size = 32   # drawn large, shown at 16 px: sharp on high-density screens too
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(colour)
    if status is ChannelStatus.UNVERIFIED:
        p.setPen(QPen(colour, 3))
        p.drawEllipse(4, 4, size - 8, size - 8)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(2, 2, size - 4, size - 4)
        pen = QPen(QColor("white"))
        pen.setWidthF(4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        path = QPainterPath()
        if status is ChannelStatus.VERIFIED:
            path.moveTo(QPointF(9, 17))
            path.lineTo(QPointF(14, 22))
            path.lineTo(QPointF(23, 11))
        else:
            path.moveTo(QPointF(11, 11))
            path.lineTo(QPointF(21, 21))
            path.moveTo(QPointF(21, 11))
            path.lineTo(QPointF(11, 21))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
    p.end()
    return QIcon(pixmap)


def status_icon(status: ChannelStatus, palette: QPalette) -> QIcon:
    return _icon(status, status_colour(status, palette).name())


class ChannelTableModel(QAbstractTableModel):
    """One row per channel, in the order the service lists them."""

    STATUS, KIND, VALUE, LANGUAGES, HOURS, CHECKED, SOURCE, SOURCE_URL = range(8)
    COLUMNS = 8

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._channels: list[Channel] = []

    def set_channels(self, channels: list[Channel]) -> None:
        self.beginResetModel()
        self._channels = list(channels)
        self.endResetModel()

    def channel_at(self, row: int) -> Channel | None:
        return self._channels[row] if 0 <= row < len(self._channels) else None

    def row_of(self, channel_id: int) -> int:
        return next((r for r, c in enumerate(self._channels) if c.id == channel_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._channels)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole \
                or not 0 <= section < self.COLUMNS:
            return None
        return (self.tr("Status"), self.tr("Kind"), self.tr("Value"), self.tr("Languages"),
                self.tr("Hours"), self.tr("Last checked"), self.tr("Source"),
                self.tr("Source URL"))[section]

    def text(self, ch: Channel, column: int) -> str:
        return (labels.channel_status(ch.status), labels.channel_kind(ch.kind), shown_value(ch),
                ", ".join(ch.languages), ch.hours or "", formatting.date(ch.last_checked),
                labels.channel_source(ch.source), ch.source_url or "")[column]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._channels):
            return None
        ch, column = self._channels[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(ch, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATUS:
                return self._status_tip(ch.status)
            if column == self.VALUE and ch.value != shown_value(ch):
                return self.tr("{0} (stored as {1})").format(shown_value(ch), ch.value)
            return self.text(ch, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return status_icon(ch.status, QApplication.palette())
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if column == self.STATUS or ch.status is ChannelStatus.REPORTED_FAKE:
                return status_colour(ch.status, palette)
            return None
        if role == Qt.ItemDataRole.FontRole and ch.status is ChannelStatus.REPORTED_FAKE \
                and column in (self.STATUS, self.VALUE):
            font = QFont()
            font.setBold(column == self.STATUS)
            font.setStrikeOut(column == self.VALUE)
            return font
        if role == ChannelIdRole:
            return ch.id
        return None

    def _status_tip(self, status: ChannelStatus) -> str:
        if status is ChannelStatus.VERIFIED:
            return self.tr("Checked on the platform's own website or app")
        if status is ChannelStatus.REPORTED_FAKE:
            return self.tr("Reported as a fake support line: do not use it")
        return self.tr("Not checked at the platform's own website or app yet")
