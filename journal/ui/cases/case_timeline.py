"""A case's interactions in the order they happened, one readable card each.

The cards are painted (interaction_card.py) by a list view over the timeline's model: only
the cards on screen are painted, and each is laid out once for a width. When a case opens,
the cards that fill the screen (the newest, at the bottom) are laid out at once; the others
get a guessed height and are laid out a few at a time while the window is idle, so a case of
hundreds of entries opens without holding the window up, and the one being read stays put.

Arrows move from entry to entry; Tab walks the buttons, chips and pictures of the one chosen
and then leaves the timeline; Enter or Space acts on what Tab reached; Ctrl+C copies a chip's
number, or the whole entry.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QListView,
    QStyledItemDelegate,
)

from ...domain.model import Interaction
from ..kit.session import weak
from .interaction_card import THUMB, InteractionCard, _thumbnail, estimated_height
from .timeline_input import TimelineInput
from .timeline_model import TimelineModel  # noqa: F401 - re-exported
from .timeline_style import (  # noqa: F401 - the model's roles, re-exported
    InteractionIdRole,
    InteractionRole,
    _overdue,
    headline,
)

SPACING = 4          # around each card
LAYOUT_SLICE = 0.008  # seconds of laying cards out per turn of the event loop, while idle
PICTURES_KEPT = 16 << 20   # bytes of painted cards kept (those on screen, and about)
FLASH_MS = 1600


class _CardPainter(QStyledItemDelegate):
    """Each row's size and picture come from its laid-out card (CaseTimeline keeps them)."""

    def __init__(self, timeline: CaseTimeline):
        super().__init__(timeline)
        self._timeline = timeline

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        return self._timeline._size_of(index.row())

    def paint(self, painter, option, index) -> None:
        self._timeline._paint_row(painter, option.rect, index.row())


class CaseTimeline(TimelineInput, QListView):
    """The cards of one case, newest at the bottom; see the module's docstring."""

    amendRequested = Signal(int)
    historyRequested = Signal(int)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self._session = session
        self._cards: dict[int, tuple[tuple, InteractionCard]] = {}   # id -> (key, card)
        self._sizes: dict[int, int] = {}     # id -> the height the view was given
        self._guesses: dict[int, tuple[tuple, int]] = {}
        self._item_keys: dict[int, tuple] = {}   # id -> what its card shows, from the reset
        self._reset_anchor: tuple[int, int] | None = None
        self._focused: tuple[int, int] | None = None   # (id, index in actions) Tab reached
        self._hovered: tuple[int, int] | None = None          # (id, index in actions)
        self._pressed: tuple[int, int] | None = None
        self._flashing: int | None = None
        self._thumbnails: dict[int, QPixmap] = {}
        self._pictures: dict[int, tuple[tuple, QPixmap]] = {}   # id -> (state, picture)
        self._picture_bytes = 0
        self._thumbnails_asked: set[int] = set()
        self._follow = True      # keep the newest entry in view until the user scrolls away
        self._adjusting = 0      # inside a change of our own making: not the user scrolling
        self._shown_case: int | None = None
        self._font_key = self.font().key()   # (QFont.key() costs ~0.1 ms: kept)
        self._waiting: list[int] = []   # rows whose cards are still guessed, oldest first
        self._moved = False             # a card laid out meanwhile is not as high as guessed
        self._empty_text = self.tr("Nothing logged in this case yet. Log a call, chat or "
                                   "email to start its timeline.")
        self.empty = QLabel(self._empty_text, self.viewport())
        self.empty.setObjectName("emptyTimeline")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty.hide()
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self._lay_out_some)
        self._flash_end = QTimer(self, singleShot=True)
        self._flash_end.timeout.connect(self._flash_over)
        self._model = TimelineModel(session, self)
        self.setModel(self._model)
        self.setItemDelegate(_CardPainter(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so the cards' width never changes with the scroll bar coming and going.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(SPACING)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setAccessibleName(self.tr("Timeline"))

        model = self.model()
        model.modelAboutToBeReset.connect(self._about_to_reset)
        model.modelReset.connect(self._rows_reset)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._on_range)
        bar.valueChanged.connect(self._on_value)

    # -- public ------------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        """Read and show this case's entries (off the GUI thread)."""
        self.model().load(case_id)

    def reload(self) -> None:
        self.load(self.model().case_id)

    def show_rows(self, case_id: int | None, rows, error: str | None = None) -> None:
        """Show entries read with the rest of the case (CaseView reads them in one go)."""
        self.model().set_rows(case_id, rows, error)

    def card(self, interaction_id: int) -> InteractionCard | None:
        """The entry's card as laid out at the timeline's width; None if it is not shown."""
        row = self.model().row_of(interaction_id)
        return self._card(row) if row >= 0 else None

    def cards(self) -> list[InteractionCard]:
        """Every card, laid out (each costs a layout: for a look at all of them)."""
        return [self._card(row) for row in range(self.model().rowCount())]

    def laid_out(self) -> int:
        """How many cards are laid out at the timeline's width (the others are guessed)."""
        return sum(1 for row in range(self.model().rowCount()) if self._laid_out(row))

    def settled(self) -> bool:
        """Every card laid out and placed: nothing is left for the idle slices."""
        return not self._waiting and not self._later.isActive()

    def card_rect(self, interaction_id: int) -> QRect:
        """Where the entry's card is in the viewport (empty if it is not shown)."""
        row = self.model().row_of(interaction_id)
        return self.visualRect(self.model().index(row)) if row >= 0 else QRect()

    def part_rect(self, interaction_id: int, name: str) -> QRect:
        """Where a part of the card (see InteractionCard.part) is in the viewport."""
        card = self.card(interaction_id)
        part = card.part(name) if card is not None else None
        if part is None:
            return QRect()
        return part.rect.translated(self.card_rect(interaction_id).topLeft())

    def chip_rect(self, interaction_id: int, number: int) -> QRect:
        card = self.card(interaction_id)
        return card.chips[number].rect.translated(self.card_rect(interaction_id).topLeft())

    def thumbnail(self, attachment_id: int) -> QPixmap | None:
        return self._thumbnails.get(attachment_id)

    def reached(self):
        """The part of the chosen entry Tab (or a click) reached: a button, chip or picture."""
        card = self._current_card() if self.model().rowCount() else None
        at = self._focused_part(card)
        return card.actions[at] if at >= 0 else None

    def flashing(self) -> int | None:
        """The entry highlighted for a moment (show_interaction), if any."""
        return self._flashing

    def shown_texts(self) -> set[str]:
        """What the cards on screen say, their tooltips included."""
        texts = set()
        for row in self._rows_on_screen():
            for part in self._card(row).parts:
                texts.update(t for t in (part.text(), part.tip) if t)
        return texts

    def show_interaction(self, interaction_id: int) -> bool:
        """Scroll to the entry, choose it and highlight it for a moment; False if it is not
        in the case shown."""
        model = self.model()
        row = model.row_of(interaction_id)
        if row < 0:
            return False
        self._follow = False
        for near in range(max(0, row - 4), min(model.rowCount(), row + 8)):
            self._card(near)
        self._relayout(None)
        index = model.index(row)
        self.setCurrentIndex(index)
        self._adjusting += 1
        try:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + self.visualRect(index).top() - 24)
        finally:
            self._adjusting -= 1
        self._flashing = interaction_id
        self._flash_end.start(FLASH_MS)
        self.viewport().update()
        return True

    # -- laying cards out --------------------------------------------------------------

    def _width(self) -> int:
        return max(120, self.viewport().width() - 2 * SPACING)

    def _key(self, item: Interaction, width: int) -> tuple:
        shows = self._item_keys.get(item.id)
        if shows is None or shows[0] is not item:
            shows = self._item_keys[item.id] = (item, tuple(_overdue(p) for p in item.promises))
        return shows, width, self._font_key

    def _laid_out(self, row: int) -> InteractionCard | None:
        item = self.model().interaction(row)
        found = self._cards.get(item.id) if item is not None else None
        return found[1] if found and found[0] == self._key(item, self._width()) else None

    def _card(self, row: int) -> InteractionCard:
        item = self.model().interaction(row)
        key = self._key(item, self._width())
        found = self._cards.get(item.id)
        if found is None or found[0] != key:
            found = self._cards[item.id] = (key, InteractionCard(item, key[1], self.font()))
        return found[1]

    def _size_of(self, row: int) -> QSize:
        item = self.model().interaction(row)
        width = self._width()
        card = self._laid_out(row)
        if card is not None:
            height = card.height
        else:
            key = self._key(item, width)
            guess = self._guesses.get(item.id)
            if guess is None or guess[0] != key:
                guess = self._guesses[item.id] = (key, estimated_height(
                    item, width, self.fontMetrics()))
            height = guess[1]
        self._sizes[item.id] = height
        return QSize(width, height)

    def _top_row(self) -> int:
        """The first row in view (-1 if none), found by the view's own search."""
        middle = self.viewport().width() // 2
        for y in range(0, 3 * SPACING + 2, 2):   # past the spacing between two cards
            index = self.indexAt(QPoint(middle, y))
            if index.isValid():
                return index.row()
        return 0 if self.model().rowCount() else -1

    def _rows_on_screen(self) -> list[int]:
        model, height = self.model(), self.viewport().height()
        rows = []
        first = self._top_row()
        for row in range(max(0, first), model.rowCount()):
            rect = self.visualRect(model.index(row))
            if rect.top() > height:
                break
            if rect.bottom() >= 0:
                rows.append(row)
        return rows

    def _lay_out_screen(self) -> bool:
        """Lay out the cards on screen; True if one's height differed from its guess."""
        changed = False
        for row in self._rows_on_screen():
            if self._laid_out(row) is None:
                card = self._card(row)
                changed |= card.height != self._sizes.get(card.interaction.id)
        return changed

    def _lay_out_later(self) -> None:
        """Lay out every card still guessed, newest first, a slice at a time while idle."""
        self._waiting = list(range(self.model().rowCount()))
        self._moved = False
        if self.isVisible():
            self._later.start()

    def _lay_out_some(self) -> None:
        """One slice of _lay_out_later. The rows are placed again once, at the end: each
        placing repaints what is on screen. (A guessed card scrolled into view is laid out
        before it is painted: paintEvent.)"""
        started = time.perf_counter()
        while self._waiting and time.perf_counter() - started < LAYOUT_SLICE:
            row = self._waiting.pop()
            if self.model().interaction(row) is not None and self._laid_out(row) is None:
                card = self._card(row)
                self._moved |= card.height != self._sizes.get(card.interaction.id)
        if self._waiting:
            self._later.start()
        elif self._moved:
            self._moved = False
            self._relayout(self._anchor())

    def _anchor(self) -> tuple[int, int] | None:
        """(id, top in the view) of the entry at the top of the view: it stays where it is
        while the cards above it change height. None while following the newest."""
        row = self._top_row()
        if self._follow or row < 0:
            return None
        item = self.model().interaction(row)
        return item.id, self.visualRect(self.model().index(row)).top()

    def _relayout(self, anchor: tuple[int, int] | None) -> None:
        """Place the rows again (their heights changed); the anchor entry stays where it is,
        or the newest stays in view while following."""
        self._adjusting += 1
        try:
            self.doItemsLayout()
            bar = self.verticalScrollBar()
            row = self.model().row_of(anchor[0]) if anchor is not None else -1
            if self._follow:
                bar.setValue(bar.maximum())
            elif row >= 0:
                now = self.visualRect(self.model().index(row)).top()
                bar.setValue(bar.value() + now - anchor[1])
        finally:
            self._adjusting -= 1

    def _about_to_reset(self) -> None:
        model = self.model()
        # Another case opens at its newest entry; the same one follows only if it was there.
        self._follow = model.incoming != model.case_id or self._at_bottom()
        self._reset_anchor = None if self._follow else self._anchor()

    def _rows_reset(self) -> None:
        model = self.model()
        if model.case_id != self._shown_case:   # another case: its own pictures and focus
            self._shown_case = model.case_id
            self._thumbnails.clear()
            self._thumbnails_asked.clear()
            self._focused = self._hovered = self._pressed = None
        ids = {i.id for i in model.interactions()}
        for store in (self._cards, self._guesses, self._sizes, self._item_keys, self._pictures):
            for gone in [i for i in store if i not in ids]:
                del store[gone]
        self.empty.setText(model.error or self._empty_text)
        self.empty.setVisible(not model.rowCount() and model.case_id is not None)
        self._place_empty()
        anchor, self._reset_anchor = self._reset_anchor, None
        self._waiting = []
        if not model.rowCount() or not self.isVisible():
            return   # laid out when shown: the width is known then
        if self._follow:   # the newest cards, enough to fill the screen, laid out now
            height, room = 0, self.viewport().height() + 2 * SPACING
            for row in range(model.rowCount() - 1, -1, -1):
                height += self._card(row).height + 2 * SPACING
                if height > room:
                    break
        self._relayout(anchor)
        if self._lay_out_screen():
            self._relayout(anchor if not self._follow else None)
        self._lay_out_later()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.model().rowCount():
            self._lay_out_later()

    def updateGeometries(self) -> None:  # noqa: N802 - Qt's name
        self._adjusting += 1
        try:
            super().updateGeometries()
        finally:
            self._adjusting -= 1

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._lay_out_screen():   # guessed heights on screen: exact before they show
            self._relayout(self._anchor())
        super().paintEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:   # the cards are laid out again
            self._font_key = self.font().key()
            if self.model().rowCount():
                self._lay_out_later()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_empty()
        if event.size().width() != event.oldSize().width() and self.model().rowCount():
            self._lay_out_later()   # the other cards are laid out again for the new width

    def _place_empty(self) -> None:
        self.empty.setGeometry(self.viewport().rect().adjusted(8, 8, -8, -8))

    # -- painting ----------------------------------------------------------------------

    def _paint_row(self, painter, rect: QRect, row: int) -> None:
        """A card, from its picture: painted again only when it or what shows on it changed
        (scrolling, a hover elsewhere and the placing of the rows repaint the others)."""
        card = self._card(row)
        item_id = card.interaction.id
        focus = self.hasFocus()

        def at(state) -> int:
            return state[1] if state is not None and state[0] == item_id else -1
        thumbs = tuple(p.value for p in card.actions if p.kind == THUMB)
        state = (card, focus and self.currentIndex().row() == row,
                 at(self._focused) if focus else -1, at(self._hovered), at(self._pressed),
                 self._flashing == item_id, tuple(c.copied for c in card.chips),
                 tuple(t in self._thumbnails for t in thumbs), self.palette().cacheKey(),
                 self.devicePixelRatioF())
        kept = self._pictures.pop(item_id, None)
        if kept is None or kept[0] != state:
            kept = (state, self._picture(card, state))
        self._pictures[item_id] = kept   # the newest last: the oldest go first
        self._picture_bytes = sum(p.width() * p.height() * 4 for _s, p in
                                  self._pictures.values())
        while self._picture_bytes > PICTURES_KEPT and len(self._pictures) > 1:
            _state, gone = self._pictures.pop(next(iter(self._pictures)))
            self._picture_bytes -= gone.width() * gone.height() * 4
        painter.drawPixmap(rect.topLeft(), kept[1])
        for attachment_id in thumbs:
            self._ask_thumbnail(attachment_id)

    def _picture(self, card: InteractionCard, state: tuple) -> QPixmap:
        _card, current, focused, hovered, pressed, flash, _copied, _thumbs, _key, ratio = state
        actions = card.actions

        def part(number: int):
            return actions[number] if 0 <= number < len(actions) else None
        picture = QPixmap(max(1, round(card.width * ratio)), max(1, round(card.height * ratio)))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        card.paint(painter, QPoint(0, 0), self.palette(), widget=self, current=current,
                   focused=part(focused), hovered=part(hovered), pressed=part(pressed),
                   flash=flash, thumbnails=self._thumbnails)
        painter.end()
        return picture

    def _ask_thumbnail(self, attachment_id: int) -> None:
        if attachment_id in self._thumbnails_asked:
            return
        self._thumbnails_asked.add(attachment_id)
        self._session.read(lambda j: _thumbnail(j.attachment_bytes(attachment_id)),
                           weak(self._thumbnail_read, attachment_id), lambda _text: None)

    def _thumbnail_read(self, attachment_id: int, image) -> None:
        if attachment_id in self._thumbnails_asked and not image.isNull():
            self._thumbnails[attachment_id] = QPixmap.fromImage(image)
            self.viewport().update()

    def _flash_over(self) -> None:
        self._flashing = None
        self.viewport().update()

    # -- scrolling ---------------------------------------------------------------------

    def _at_bottom(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - 4

    def _on_value(self, _value: int) -> None:
        if not self._adjusting:   # the user scrolled: follow only from the bottom
            self._follow = self._at_bottom()

    def _on_range(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self._adjusting += 1
            try:
                self.verticalScrollBar().setValue(maximum)
            finally:
                self._adjusting -= 1
