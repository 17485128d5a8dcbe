"""Painting a search result: what it was and when on one line, the words around the match
under it, wrapped to at most three lines and ended with "…" — never cut at the right edge.

A hit row:   [icon] Chat · 2 Dec 2026 09:14 · today
                    …the agent said the **withdrawal** is in review and that the ticket
                    number is T-4411, to be quoted in every…
A case row:  [icon] Withdrawal stuck since Monday · Coinbase

The snippet is laid out with QTextLayout at the row's width (bold for the matched words);
if the first match would fall past the last line shown, the text before it is dropped (and
said to be, with "…") so the match is always in view. Laid-out snippets are kept, by text,
font and width, for the rows of the current results: a view asks for a row's size and paint
again and again (expanding, selecting, scrolling).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QIcon,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from ..kit import resources
from .results_model import SEPARATOR, IconRole, MetaRole, SnippetRole

HIT_LINES = 3     # a hit's snippet: at most this many lines
CASE_LINES = 2    # a case row's title, platform and account: at most this many
MARGIN = 4        # around a row's content, and between the icon and the text
ELLIPSIS = "…"
KEEP_AHEAD = 12   # when the match must be brought into view: characters kept before it


class Wrapped:
    """A snippet laid out in at most so many lines of a width."""
    __slots__ = ("layout", "lines", "height", "ellipsis_at", "text", "ranges")

    def visible_end(self) -> int:
        last = self.lines[-1] if self.lines else None
        return last.textStart() + last.textLength() if last is not None else 0


def lay_out(text: str, ranges, font: QFont, width: int, max_lines: int) -> Wrapped:
    """`text` in at most `max_lines` lines of `width` pixels, the `ranges` (start, length) in
    bold; the last line shortened to leave room for "…" when text is left over."""
    width = max(8, int(width))
    wrapped = _lay_out(text, ranges, font, width, max_lines)
    if ranges:
        first, length = ranges[0]
        if first > 0 and first + length > wrapped.visible_end():
            # The match would be out of view: start just before it.
            cut = text.rfind(" ", max(0, first - KEEP_AHEAD), first)
            cut = cut + 1 if cut >= 0 else max(0, first - KEEP_AHEAD // 3)
            shift = cut - len(ELLIPSIS)
            text = ELLIPSIS + text[cut:]
            ranges = tuple((s - shift, n) for s, n in ranges if s >= cut)
            wrapped = _lay_out(text, ranges, font, width, max_lines)
    return wrapped


def _lay_out(text: str, ranges, font: QFont, width: int, max_lines: int) -> Wrapped:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    if ranges:
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        formats = []
        for start, length in ranges:
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, bold
            formats.append(r)
        layout.setFormats(formats)
    ellipsis_width = QFontMetrics(font).horizontalAdvance(ELLIPSIS) + 1
    lines, y, ellipsis_at = [], 0.0, None
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if len(lines) == max_lines - 1 and line.textStart() + line.textLength() < len(text):
            line.setLineWidth(max(1, width - ellipsis_width))   # text is left: room for "…"
            ellipsis_at = QPointF(min(line.naturalTextWidth(), width - ellipsis_width), y)
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines.append(line)
    layout.endLayout()
    wrapped = Wrapped()
    wrapped.layout, wrapped.lines, wrapped.height = layout, lines, int(y + 0.999)
    wrapped.ellipsis_at, wrapped.text, wrapped.ranges = ellipsis_at, text, tuple(ranges)
    return wrapped


class HighlightDelegate(QStyledItemDelegate):
    """Paints a result row: icon, what and when (muted), and the snippet with its matches
    bold, wrapped; its size hint is the height of what it paints at the row's width."""

    KEEP = 512   # laid-out snippets kept at most: a few pages of results at a few widths

    def __init__(self, parent=None):
        super().__init__(parent)
        self._kept: dict[tuple, Wrapped] = {}

    def forget(self) -> None:
        """New results: the layouts of the old ones are not needed any more."""
        self._kept.clear()

    # -- geometry --------------------------------------------------------------------

    @staticmethod
    def _icon_size(font: QFont) -> int:
        return max(16, QFontMetrics(font).height())

    def _text_width(self, option, index) -> int:
        """The width the row's text has: the row's own, or (asked for a size before the
        row has one) the view's column less the indentation of a hit."""
        width = option.rect.width()
        view = option.widget if isinstance(option.widget, QTreeView) else self.parent()
        if width <= 0 and isinstance(view, QTreeView):
            width = view.columnWidth(0) or view.viewport().width()
            if index.parent().isValid():
                width -= view.indentation()
        return max(8, width - 3 * MARGIN - self._icon_size(option.font))

    def wrapped(self, option, index) -> Wrapped:
        text, ranges = index.data(SnippetRole) or ("", ())
        hit = index.parent().isValid()
        width = self._text_width(option, index)
        key = (text, ranges, option.font.key(), width, hit)
        wrapped = self._kept.get(key)
        if wrapped is None:
            if len(self._kept) >= self.KEEP:
                self._kept.clear()
            wrapped = self._kept[key] = lay_out(text, ranges, option.font, width,
                                                HIT_LINES if hit else CASE_LINES)
        return wrapped

    def sizeHint(self, option, index):
        opt = option   # the view's font: the model sets no font of its own
        icon = self._icon_size(opt.font)
        wrapped = self.wrapped(opt, index)
        if index.parent().isValid():
            height = icon + 1 + wrapped.height
        else:
            height = max(icon, wrapped.height)
        width = icon + 3 * MARGIN + (
            int(max((line.naturalTextWidth() for line in wrapped.lines), default=0)) + 1)
        return QSize(width, height + 2 * MARGIN)

    # -- painting --------------------------------------------------------------------

    def paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)   # its state and palette; no text nor icon:
        opt.text, opt.icon = "", QIcon()       # they are drawn below
        hit = index.parent().isValid()
        if not hit:   # a case heads its group: set it apart, calmly
            opt.backgroundBrush = opt.palette.alternateBase()
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                        else QPalette.ColorRole.Text)
        muted = text_colour if selected else opt.palette.color(
            QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        size = self._icon_size(opt.font)
        fm = QFontMetrics(opt.font)
        left = rect.left() + size + MARGIN
        wrapped = self.wrapped(opt, index)

        painter.save()
        painter.setClipRect(opt.rect)
        top = rect.top()
        icon_top = top if hit else top + max(0, (min(rect.height(), wrapped.height) - size) // 2)
        resources.icon(index.data(IconRole) or "case").paint(
            painter, QRect(rect.left(), icon_top, size, size))
        if hit:
            self._paint_meta(painter, fm, index.data(MetaRole) or ("", "", ""),
                             QRect(left, top, rect.right() - left + 1, size),
                             text_colour, muted)
            top += size + 1
        painter.setPen(text_colour)
        wrapped.layout.draw(painter, QPointF(left, top))
        if wrapped.ellipsis_at is not None:
            painter.setFont(opt.font)
            at = wrapped.ellipsis_at
            line = wrapped.lines[-1]
            painter.drawText(QPointF(left + at.x(), top + at.y() + line.ascent()), ELLIPSIS)
        painter.restore()

    @staticmethod
    def _paint_meta(painter, fm: QFontMetrics, meta: tuple[str, str, str], rect: QRect,
                    text_colour, muted) -> None:
        """"Chat" in the text colour, " · 2 Dec 2026 09:14 · today" muted; where that is too
        long, without "today"; then elided."""
        (what, when, short), sep = meta, SEPARATOR
        if fm.horizontalAdvance(what + sep + when) > rect.width():
            when = short
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        what = fm.elidedText(what, Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(text_colour)
        painter.drawText(rect, flags, what)
        rest_left = fm.horizontalAdvance(what)
        if when and rest_left < rect.width():
            rest = fm.elidedText(sep + when, Qt.TextElideMode.ElideRight,
                                 rect.width() - rest_left)
            painter.setPen(muted)
            painter.drawText(rect.adjusted(rest_left, 0, 0, 0), flags, rest)
