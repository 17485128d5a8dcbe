"""One entry of a case's timeline as a card: what happened, who said what, the numbers
to copy, the promises and the files.

A card is laid out once for a width, then painted and hit-tested from that layout by the
timeline (case_timeline.py), which paints only the cards on screen. No widget per card: a
card of labels, chips and buttons cost 10-30 ms to build and lay out, so a case of 80 entries
froze the window for a second or more; laying a card out here is a few text layouts.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QLocale, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from ...domain.evidence.origin import Origin, read_origin
from ...domain.model import Interaction
from ..kit import formatting, labels, origin_text, resources
from .timeline_style import (
    NOTE_SHOWN,
    THUMBNAIL,
    THUMBNAIL_MAX_BYTES,
    _overdue,
    headline,
    shown_contact,
)

WARNING = QColor("#b71c1c")   # the scam-risk label's red (case_view.py)
MARGIN = 9       # inside the card's border
GAP = 4          # between two rows of a card
CHIP_GAP = 6
BUTTON, CHIP, THUMB = "button", "chip", "thumbnail"   # the parts a click or a key acts on


def _thumbnail(data: bytes) -> QImage:
    """Runs on the worker: QImage (unlike QPixmap) may be made off the GUI thread."""
    image = QImage.fromData(data)
    if image.isNull():
        return image
    return image.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


def copied_text() -> str:
    return QCoreApplication.translate("ReferenceChip", "Copied")


class Part:
    """A piece of a card as laid out: its kind, where it is in the card, what it says."""

    __slots__ = ("copied", "font", "icon", "kind", "label", "layout", "name", "rect", "shown",
                 "tip", "tone", "value")

    def __init__(self, kind: str, rect: QRect, label: str = "", *, name: str = "",
                 tip: str = "", value=None, layout: QTextLayout | None = None,
                 font: QFont | None = None, icon: str = ""):
        self.kind, self.rect, self.label, self.name = kind, rect, label, name
        self.tip, self.value, self.layout, self.font, self.icon = tip, value, layout, font, icon
        self.copied = False   # a chip just clicked says "Copied" for a moment
        self.shown = label    # as painted: cut to its room with "…" (set when laid out)
        self.tone = ""        # "warning": painted in the warning colour

    def text(self) -> str:
        return copied_text() if self.copied else self.label

    def toolTip(self) -> str:  # noqa: N802 - as a widget names it
        return self.tip

    def objectName(self) -> str:  # noqa: N802 - as a widget names it
        return self.name

    @property
    def acts(self) -> bool:
        return self.kind in (BUTTON, CHIP, THUMB)


def _wrapped(text: str, font: QFont, width: int) -> tuple[QTextLayout, int]:
    """The text broken into lines of `width` (anywhere, if one word is wider): its layout,
    made once, and its height. A line break typed in a note stays one (QTextLayout breaks
    only at U+2028, and would run "Daniel⏎Agent said" together)."""
    layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1, width))
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, math.ceil(y)


def _button_size(text: str, fm: QFontMetrics, with_icon: bool) -> QSize:
    option = QStyleOptionButton()
    option.text = text
    if with_icon:
        option.iconSize = QSize(16, 16)
    content = QSize(fm.horizontalAdvance(text) + (20 if with_icon else 0), fm.height())
    return QApplication.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option,
                                                 content)


class InteractionCard:
    """Everything recorded about one interaction, laid out at one width to be read at a
    glance: `parts` in reading order, `actions` (buttons, chips, thumbnails) in Tab order."""

    def __init__(self, interaction: Interaction, width: int, font: QFont):
        self.interaction = item = interaction
        self.width = width
        self.parts: list[Part] = []
        self.chips: list[Part] = []
        self.amended: Part | None = None
        self.who: Part | None = None
        self.note: Part | None = None
        self._font = font
        self._fm = fm = QFontMetrics(font)
        self._strike = QFont(font)
        self._strike.setStrikeOut(True)
        inner = max(40, width - 2 * MARGIN)
        x, y = MARGIN, MARGIN
        y = self._header(x, y, inner) + GAP

        when = [formatting.date_time(item.started_at)]
        if item.duration_minutes is not None:
            when.append(formatting.duration(item.duration_minutes))
        if item.wait_minutes:
            when.append(self.tr("waited {0}").format(formatting.duration(item.wait_minutes)))
        self.when = self._text(" · ".join(when), x, y, inner, name="when", tip=self.tr(
            "Recorded {0}").format(formatting.date_time(item.recorded_at)))
        y = self.when.rect.bottom() + 1 + GAP
        who = []
        if item.agent:
            who.append(self.tr("Agent: {0}").format(item.agent))
        if item.contact:
            who.append(self.tr("Contact: {0}").format(shown_contact(item.contact)))
        if item.language:
            who.append(self.tr("Language: {0}").format(item.language))
        if who:
            self.who = self._text(" · ".join(who), x, y, inner, name="who")
            y = self.who.rect.bottom() + 1 + GAP
        if item.references:
            y = self._chips(x, y, inner) + GAP
        y = self._origin(x, y, inner)

        if item.notes:
            cut = item.notes[:NOTE_SHOWN] + ("…" if len(item.notes) > NOTE_SHOWN else "")
            self.note = self._text(cut, x, y, inner, name="note",
                                   font=self._strike if item.voided else font)
            y = self.note.rect.bottom() + 1 + GAP
        if len(item.notes) > NOTE_SHOWN:
            label = self.tr("Show the whole note (%n character(s))", "", len(item.notes))
            size = _button_size(label, fm, False)
            self.parts.append(Part(BUTTON, QRect(x, y, min(size.width(), inner),
                                                 size.height()), label, name="wholeNote"))
            y += size.height() + GAP

        for promise in item.promises:
            status = (self.tr("Overdue") if _overdue(promise)
                      else labels.promise_status(promise.status))
            text = self.tr("Promised: {0} — due {1} · {2}").format(
                promise.text, formatting.date_time(promise.due_at), status)
            y = self._with_icon("promise", text, x, y, inner) + GAP
        for attachment in item.attachments:
            y = self._attachment(attachment, x, y, inner) + GAP
        if item.voided:
            y = self._with_icon("voided", self.tr("Voided: {0}").format(
                item.void_reason or ""), x, y, inner, name="voidReason") + GAP
        self.height = y - GAP + MARGIN
        self.actions = [p for p in self.parts if p.acts]

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """As QObject.tr: this class's strings are translated in its own context."""
        return QCoreApplication.translate("InteractionCard", text, disambiguation, n)

    # -- laying out -------------------------------------------------------------------

    def _header(self, x: int, y: int, inner: int) -> int:
        item, fm = self.interaction, self._fm
        size = fm.height() + 4
        right = x + inner
        height = size
        buttons = []
        if not item.voided:
            buttons.append(("amendButton", self.tr("Amend…"), "", self.tr(
                "Correct or complete this entry; the original stays in the record.")))
        if item.amended or item.voided:
            buttons.append(("historyButton", self.tr("History…"), "amended", ""))
        for name, label, icon, tip in buttons:
            hint = _button_size(label, fm, bool(icon))
            right -= hint.width()
            self.parts.append(Part(BUTTON, QRect(right, y, hint.width(), hint.height()), label,
                                   name=name, tip=tip, icon=icon))
            right -= 4
            height = max(height, hint.height())
        if item.amended:
            label = self.tr("Amended")
            width = fm.horizontalAdvance(label) + 4
            right -= width + 4
            self.amended = Part("badge", QRect(right, y, width, height), label,
                                name="amendedBadge", tip=self.tr(
                                    "Changed after it was recorded; the earlier version stays "
                                    "in the record."))
            self.parts.append(self.amended)
        icon = "failed-call" if item.outcome.failed else item.kind.value
        self.parts.append(Part("icon", QRect(x, y + (height - size) // 2, size, size),
                               icon=icon))
        bold = QFont(self._font)
        bold.setBold(True)
        bold.setStrikeOut(item.voided)
        left = x + size + 6
        self.title = Part("title", QRect(left, y, max(10, right - 6 - left), height),
                          headline(item), name="title", font=bold, tip=self.tr(
                              "A failed attempt: nobody was reached.")
                          if item.outcome.failed else "")
        self.title.shown = QFontMetrics(bold).elidedText(
            self.title.label, Qt.TextElideMode.ElideRight, self.title.rect.width())
        self.parts.append(self.title)
        return y + height

    def _text(self, text: str, x: int, y: int, width: int, *, name: str = "", tip: str = "",
              font: QFont | None = None) -> Part:
        font = font or self._font
        layout, height = _wrapped(text, font, width)
        part = Part("text", QRect(x, y, width, height), text, name=name, tip=tip,
                    layout=layout, font=font)
        self.parts.append(part)
        return part

    def _with_icon(self, icon: str, text: str, x: int, y: int, width: int, *,
                   name: str = "", tone: str = "") -> int:
        size = self._fm.height()
        self.parts.append(Part("icon", QRect(x, y, size, size), icon=icon))
        part = self._text(text, x + size + 4, y, width - size - 4, name=name)
        part.tone = tone
        return part.rect.bottom() + 1

    def _origin(self, x: int, y: int, width: int) -> int:
        """An imported entry's origin: its warnings (a look-alike domain, who wrote first, a
        signature that does not hold) in the warning colour, then its DKIM result."""
        origin = card_origin(self.interaction)
        for sentence in origin_text.warnings(origin):
            y = self._with_icon("warning", sentence, x, y, width, name="originWarning",
                                tone="warning") + GAP
        for sentence in origin_text.notes(origin):
            signed = origin.dkim is not None and origin.dkim.passed and \
                sentence == origin_text.dkim(origin.dkim)
            y = self._with_icon("signed" if signed else "unsigned", sentence, x, y, width,
                                name="originNote") + GAP
        return y

    def _chips(self, x: int, y: int, width: int) -> int:
        fm = self._fm
        height = fm.height() + 6
        left, right = x, x + width
        for ref in self.interaction.references:
            label = QCoreApplication.translate("ReferenceChip", "{0} {1}").format(
                labels.reference_kind(ref.kind), ref.value)
            natural = 8 + 14 + 4 + fm.horizontalAdvance(label) + 10
            chip_width = min(width, natural)
            if left + chip_width > right and left > x:
                left, y = x, y + height + CHIP_GAP
            chip = Part(CHIP, QRect(left, y, chip_width, height), label, value=ref.value,
                        tip=QCoreApplication.translate("ReferenceChip", "Click to copy"))
            if natural > width:   # a hash longer than the card is wide: its middle goes
                chip.shown = fm.elidedText(label, Qt.TextElideMode.ElideMiddle, chip_width - 33)
            self.parts.append(chip)
            self.chips.append(chip)
            left += chip_width + CHIP_GAP
        return y + height

    def _attachment(self, attachment, x: int, y: int, width: int) -> int:
        size = self._fm.height()
        self.parts.append(Part("icon", QRect(x, y, size, size), icon="attachment"))
        left = x + size + 4
        bottom = y
        if attachment.media_type.startswith("image/") and attachment.size <= THUMBNAIL_MAX_BYTES:
            box = THUMBNAIL + 6
            self.parts.append(Part(THUMB, QRect(left, y, box, box), attachment.name,
                                   name=f"thumbnail-{attachment.id}", value=attachment.id,
                                   tip=self.tr("Show larger")))
            left += box + 4
            bottom = y + box
        text = self.tr("{0} · {1}").format(attachment.name,
                                             QLocale().formattedDataSize(attachment.size))
        part = self._text(text, left, y, x + width - left)
        return max(bottom, part.rect.bottom() + 1)

    # -- reading it -------------------------------------------------------------------

    def part(self, name: str) -> Part | None:
        """The part of this name (amendButton, historyButton, wholeNote, voidReason,
        thumbnail-<attachment id>, title, when, who, note), None if the card has none."""
        return next((p for p in self.parts if p.name == name), None)

    def texts(self) -> list[Part]:
        """Every piece of text, in reading order."""
        return [p for p in self.parts if p.kind == "text"]

    def at(self, point: QPoint) -> Part | None:
        """The part a click at `point` (in the card) acts on, if any."""
        return next((p for p in self.actions if p.rect.contains(point)), None)

    def tip_at(self, point: QPoint) -> str:
        return next((p.tip for p in self.parts if p.tip and p.rect.contains(point)), "")

    def plain_text(self) -> str:
        """The entry as text: what Copy entry puts on the clipboard."""
        lines = [self.title.label, *(p.label for p in self.texts())]
        if self.chips:
            lines.insert(3 if self.who else 2, ", ".join(c.label for c in self.chips))
        if len(self.interaction.notes) > NOTE_SHOWN and self.note is not None:
            lines[lines.index(self.note.label)] = self.interaction.notes
        return "\n".join(lines)

    # -- painting ---------------------------------------------------------------------

    def paint(self, painter: QPainter, origin: QPoint, palette: QPalette, *, widget=None,
              current: bool = False, focused: Part | None = None, hovered: Part | None = None,
              pressed: Part | None = None, flash: bool = False,
              thumbnails: dict | None = None) -> None:
        painter.save()
        painter.translate(origin)
        frame = QRect(0, 0, self.width, self.height).adjusted(0, 0, -1, -1)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight if current
                                     else QPalette.ColorRole.Mid))
        background = QColor(palette.color(QPalette.ColorRole.Base))
        if flash:   # the entry asked for: the eye finds it
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(60)
            painter.setBrush(background)
            painter.drawRoundedRect(frame, 4, 4)
            background = highlight
        painter.setBrush(background)
        painter.drawRoundedRect(frame, 4, 4)
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText if self.interaction.voided
                                    else QPalette.ColorRole.Text)
        for part in self.parts:
            if part.kind == "text":
                painter.setPen(WARNING if part.tone == "warning" and not self.interaction.voided
                               else text_colour)
                part.layout.draw(painter, QPointF(part.rect.topLeft()))
            elif part.kind in ("title", "badge"):
                painter.setPen(text_colour)
                painter.setFont(part.font or self._font)
                painter.drawText(part.rect, Qt.AlignmentFlag.AlignVCenter
                                 | Qt.AlignmentFlag.AlignLeft, part.shown)
                painter.setFont(self._font)
            elif part.kind == "icon":
                painter.drawPixmap(part.rect.topLeft(), _pixmap(part.icon, part.rect.height()))
            elif part.kind == BUTTON:
                self._paint_button(painter, part, palette, widget, focused is part,
                                   hovered is part, pressed is part)
            elif part.kind == CHIP:
                self._paint_chip(painter, part, palette, focused is part or hovered is part)
            elif part.kind == THUMB:
                self._paint_thumbnail(painter, part, palette, focused is part,
                                      (thumbnails or {}).get(part.value))
        painter.restore()

    def _paint_button(self, painter, part, palette, widget, focused, hovered, pressed) -> None:
        option = QStyleOptionButton()
        option.rect = part.rect
        option.text = part.label
        option.palette = palette
        option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
        if focused:
            option.state |= QStyle.StateFlag.State_HasFocus
        if hovered:
            option.state |= QStyle.StateFlag.State_MouseOver
        if pressed:
            option.state |= QStyle.StateFlag.State_Sunken
        if part.icon:
            option.icon = resources.icon(part.icon)
            option.iconSize = QSize(16, 16)
        QApplication.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter,
                                         widget)

    def _paint_chip(self, painter, part, palette, lit) -> None:
        rect = part.rect.adjusted(0, 0, -1, -1)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight if lit
                                     else QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 9, 9)
        icon = 14
        painter.drawPixmap(rect.left() + 8, rect.top() + (rect.height() - icon) // 2,
                           _pixmap("reference", icon))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        text_rect = rect.adjusted(8 + icon + 4, 0, -6, 0)
        shown = part.shown if not part.copied else self._fm.elidedText(
            part.text(), Qt.TextElideMode.ElideMiddle, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         shown)

    def _paint_thumbnail(self, painter, part, palette, focused, pixmap) -> None:
        rect = part.rect.adjusted(0, 0, -1, -1)
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            painter.drawPixmap(rect.left() + (rect.width() - size.width()) // 2,
                               rect.top() + (rect.height() - size.height()) // 2, pixmap)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(3, 3, -3, -3))
        if focused:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)


_pixmaps: dict[tuple[str, int], QPixmap] = {}


def _pixmap(name: str, size: int) -> QPixmap:
    found = _pixmaps.get((name, size))
    if found is None:
        found = _pixmaps[(name, size)] = resources.icon(name).pixmap(size, size)
    return found


def card_origin(item: Interaction) -> Origin:
    """What an imported entry's notes record of its origin (nothing for a typed entry)."""
    if item.kind.value not in ("email", "chat"):
        return Origin()
    return read_origin(item.notes)


def estimated_height(item: Interaction, width: int, fm: QFontMetrics) -> int:
    """A card's height guessed without laying it out (cheap): for the cards not yet laid out,
    so the scroll bar is about right until they are."""
    line = fm.lineSpacing()
    inner = max(40, width - 2 * MARGIN)
    chars = max(1, inner // max(1, fm.averageCharWidth()))
    height = 2 * MARGIN + fm.height() + 10 + GAP + line + GAP
    if item.agent or item.contact or item.language:
        height += line + GAP
    if item.references:
        height += (fm.height() + 6 + CHIP_GAP) * math.ceil(len(item.references) / 2)
    origin = card_origin(item)
    if origin:
        rows = len(origin.findings) + bool(origin.first_contact) + bool(origin.dkim) \
            + bool(origin.not_compared)
        height += rows * (2 * line + GAP)      # a sentence of about two lines each
    notes = item.notes[:NOTE_SHOWN]
    if notes:
        rows = sum(1 + len(piece) // chars for piece in notes.split("\n"))
        height += rows * line + GAP
    if len(item.notes) > NOTE_SHOWN:
        height += fm.height() + 10 + GAP
    height += len(item.promises) * (line + GAP)
    height += sum(THUMBNAIL + 6 + GAP if a.media_type.startswith("image/") else line + GAP
                  for a in item.attachments)
    if item.voided:
        height += line + GAP
    return height
