"""Appendix A: every exhibit with its caption (number, name, entry, size, SHA-256) and
images drawn at readable size, laid out by hand so each picture is read from the journal,
drawn and dropped one at a time.

An image is scaled to the page width, or shrunk to fit the page when it is somewhat
taller; a very tall one (a scrolling capture of a chat) is cut into page-high slices at
readable width, because shrunk to one page its text could not be read.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..domain.case_file import Exhibit

MAX_IMAGE_DPI = 300     # finer than print needs; the original is in the bundle
MAX_UPSCALE = 2.0       # a tiny image is enlarged, but not into a blur
SLICE_BEYOND = 2.0      # taller than this many pages at full width: cut into slices
SLICE_WIDTH = 0.65      # of the page width, for the slices: a phone's column stays readable
QUOTED = 20_000         # characters of an exhibit's read text quoted in the PDF
PART_LINES, PART_CHARS = 24, 1800   # one part of it: less than a page


def text_parts(text: str) -> list[str]:
    """The text in parts of at most PART_LINES lines and PART_CHARS characters, cut between
    lines (a line longer than a part is cut at the part's length)."""
    parts, lines, size = [], [], 0
    for line in text.split("\n"):
        while len(line) > PART_CHARS:
            head, line = line[:PART_CHARS], line[PART_CHARS:]
            if lines:
                parts.append("\n".join(lines))
            parts.append(head)
            lines, size = [], 0
        if lines and (len(lines) >= PART_LINES or size + len(line) > PART_CHARS):
            parts.append("\n".join(lines))
            lines, size = [], 0
        lines.append(line)
        size += len(line) + 1
    if lines and any(lines):
        parts.append("\n".join(lines))
    return parts or [text]


@dataclass
class Placed:
    """One caption on a page of Appendix A, and the image (or slice of it) under it."""
    exhibit: Exhibit | None      # None: the appendix heading
    caption: object              # QTextDocument
    y: float
    image_size: tuple[float, float] | None = None   # drawn size, device pixels
    source: tuple[int, int] | None = None           # rows of the image: first, count
    decoded: tuple[int, int] | None = None          # decode the rows at this size


class ExhibitPages:
    def __init__(self, writer):
        self.w = writer   # the _Writer: geometry, documents, captions, the journal's bytes

    def plan(self) -> list[list[Placed]]:
        w = self.w
        self.gap = w.px(14)
        heading = w.document(w.html.exhibits_heading(), w.body_w)
        self.pages: list[list[Placed]] = [[Placed(None, heading, 0)]]
        self.y = heading.size().height() + self.gap
        for x in w.cf.exhibits:
            size = self.image_size(x)
            note = None
            if not x.is_image or w.exhibit_bytes is None:
                note = w.words("not_shown")
            elif size is None:
                note = w.words("not_image")
            caption = w.document(w.html.exhibit_caption(x, note), w.body_w)
            if note is not None:
                self.put(Placed(x, caption, 0))
            else:
                self.put_image(x, caption, *size)
            if x.recognised_text:
                self.put_text(x)
        return self.pages

    def put_text(self, x: Exhibit) -> None:
        """The text read out of the exhibit, under it, in parts that each fit a page (up to
        QUOTED characters: a long PDF's text is all in case.json)."""
        w = self.w
        text = x.recognised_text
        shown = text[:QUOTED]
        parts = text_parts(shown)
        for n, part in enumerate(parts):
            cut = len(text) - len(shown) if n == len(parts) - 1 else 0
            doc = w.document(w.html.exhibit_text(x, part, n == 0, cut), w.body_w)
            self.put(Placed(x, doc, 0))

    def put(self, item: Placed) -> None:
        height = self.height(item)
        if self.y > 0 and self.y + height > self.w.body_h:
            self.new_page()
        item.y = self.y
        self.pages[-1].append(item)
        self.y += height + self.gap

    def new_page(self) -> None:
        self.pages.append([])
        self.y = 0

    def put_image(self, x: Exhibit, caption, width: int, height: int) -> None:
        """Scaled to the page width, or shrunk to fit one page; a very tall image in slices,
        the first filling what is left of the page."""
        w = self.w
        below = w.px(4)
        box_h = w.body_h - caption.size().height() - below
        scale = min(w.body_w / width, MAX_UPSCALE * w.dpi / 96.0)
        if height * scale <= SLICE_BEYOND * box_h:
            scale = min(scale, box_h / height)
            self.put(self.sized(Placed(x, caption, 0), width, 0, height, scale))
            return
        scale = min(scale, SLICE_WIDTH * w.body_w / width)   # phone-shaped, not page-wide
        room = w.body_h - self.y - caption.size().height() - below
        if room < w.body_h / 4:
            self.new_page()
            room = box_h
        continued = w.document(w.html.exhibit_continued(x, 2, 2), w.body_w)
        full = max(1, int((w.body_h - continued.size().height() - below) / scale))
        first_rows = max(1, int(room / scale))
        parts = 1 + max(0, -(-(height - first_rows) // full))
        first, part = 0, 1
        while first < height:
            rows = first_rows if part == 1 else full
            label = caption if part == 1 else \
                w.document(w.html.exhibit_continued(x, part, parts), w.body_w)
            if part > 1:
                self.new_page()
            count = min(rows, height - first)
            self.put(self.sized(Placed(x, label, 0), width, first, count, scale))
            first += count
            part += 1

    def sized(self, item: Placed, width: int, first: int, count: int, scale: float) -> Placed:
        shown = (width * scale, count * scale)
        item.image_size, item.source = shown, (first, count)
        finest = self.w.image_dpi * shown[0] / self.w.dpi   # pixels across worth keeping
        if width > finest * 1.05:
            item.decoded = (round(finest), max(1, round(count * finest / width)))
        return item

    def height(self, item: Placed) -> float:
        h = item.caption.size().height()
        return h + (self.w.px(4) + item.image_size[1] if item.image_size else 0)

    def image_size(self, x: Exhibit) -> tuple[int, int] | None:
        if not x.is_image or self.w.exhibit_bytes is None:
            return None
        reader = self.reader(x)
        if reader is None:
            return None
        size = reader.size()
        if size.isValid() and size.width() > 0 and size.height() > 0:
            return size.width(), size.height()
        return None

    def reader(self, x: Exhibit):
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QImageReader
        raw = self.w.exhibit_bytes(x.attachment_id)   # the journal's errors are the user's to see
        buffer = QBuffer()
        buffer.setData(QByteArray(raw))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.keep = buffer   # the reader does not own its device
        return reader if reader.canRead() else None

    def draw(self, painter, items: list[Placed]) -> None:
        from PySide6.QtCore import QRect, QRectF, QSize
        from PySide6.QtGui import QColor, QImage, QPainter, QPen
        w = self.w
        for item in items:
            w.draw_at(painter, item.caption, w.left, w.top + item.y)
            if item.image_size is None:
                continue
            reader = self.reader(item.exhibit)
            if reader is None:
                continue
            size = reader.size()
            first, count = item.source
            if (first, count) != (0, size.height()):
                reader.setClipRect(QRect(0, first, size.width(), count))
            if item.decoded:
                reader.setScaledSize(QSize(*item.decoded))
            image = reader.read()
            if image.isNull():
                continue
            if image.hasAlphaChannel():   # PDF/A-1b has no transparency: flatten onto white
                flat = QImage(image.size(), QImage.Format.Format_RGB32)
                flat.fill(QColor("white"))
                p = QPainter(flat)
                p.drawImage(0, 0, image)
                p.end()
                image = flat
            width, height = item.image_size
            top = w.top + item.y + item.caption.size().height() + w.px(4)
            rect = QRectF(w.left + (w.body_w - width) / 2, top, width, height)
            painter.drawImage(rect, image)
            painter.setPen(QPen(QColor("#9aa3b0"), w.px(0.5)))
            painter.drawRect(rect)
