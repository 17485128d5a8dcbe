"""The case file as a PDF a busy stranger can read: cover, summary, chronology, exhibits,
earlier texts and what the file proves; every page numbered "Page n of N".

Qt's QPdfWriter writes it (PDF/A-1b, fonts embedded as subsets, text selectable).
Flowing text is laid out by QTextDocument; exhibit images are drawn one at a time,
straight from the journal's bytes, so a case with many screenshots stays small in memory.
"""
from __future__ import annotations

import dataclasses
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..domain import bundled, system_locale
from ..domain.case_file import CaseFile
from ..errors import BadInput, EnvironmentProblem, os_reason
from . import pdf_fonts, pdf_unicode
from .pdf_exhibits import MAX_IMAGE_DPI, ExhibitPages
from .pdf_html import PAGE_MARKS, CaseFileHtml
from .pdf_labels import INTEGRITY, LABELS, LANGUAGES, WORDS, Words

STYLESHEET = bundled.resource("export", "case_file.css")
DPI = 600
MARGINS_MM = (20.0, 18.0, 20.0, 22.0)   # left, top, right, bottom (the footer sits below)


def write_pdf(case_file: CaseFile, target: Path | io.BytesIO, *, language: str = "en",
              exhibit_bytes: Callable[[int], bytes] | None = None,
              paper: str | None = None, image_dpi: int | None = None) -> dict:
    """Write the case file's PDF to `target` (a path or a binary stream); {"pages": n}.

    `exhibit_bytes(attachment_id)` gives an image exhibit's bytes; without it images are
    listed like other files. Raises BadInput, before anything is written, for an unknown
    language or paper, or text that no font on this computer can show.
    """
    if language not in LANGUAGES:
        raise BadInput("pdf.unknown_language", language=language)
    paper_name = _paper(paper)
    pdf_fonts.ensure_gui()
    chars = _characters(case_file, language)
    fonts = pdf_fonts.choose(chars)
    writer = _Writer(case_file, Words(language), fonts, paper_name, exhibit_bytes)
    if image_dpi is not None:
        writer.image_dpi, writer.lossless = image_dpi, False
    data = writer.run()
    data.pdf = pdf_unicode.repair(data.pdf, pdf_unicode.fixes_for(fonts.body + fonts.mono, chars))
    if isinstance(target, (str, Path)):
        path = Path(target)
        try:
            path.write_bytes(data.pdf)
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise EnvironmentProblem("pdf.could_not_write", path=path,
                                     reason=os_reason(exc)) from None
    else:
        target.write(data.pdf)
    return {"pages": data.pages}


def _paper(paper: str | None) -> str:
    if paper is None:
        # Letter only where the system locale's country uses it (US, Canada); A4 elsewhere
        # and under C/POSIX, which says nothing of where the user is.
        import os

        from PySide6.QtCore import QLocale
        return system_locale.paper(QLocale.system().name(), os.environ)
    name = paper.strip().lower()
    if name not in ("a4", "letter"):
        raise BadInput("pdf.unknown_paper", paper=paper)
    return name


def _characters(cf: CaseFile, language: str) -> set[str]:
    """Every character the PDF may print: the case's text and this language's labels."""
    chars: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            chars.update(value)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    walk(cf)
    walk(LABELS[language])
    walk(WORDS[language])
    walk(INTEGRITY[language])
    chars.update("0123456789 +-:()·–—…“”#%")
    return chars


def _plain_letters(font) -> None:
    """No ligatures: text copied out of the PDF must say "file", not "ﬁle"."""
    from PySide6.QtGui import QFont
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)


@dataclass
class _Result:
    pdf: bytes
    pages: int


class _Writer:
    def __init__(self, cf: CaseFile, words: Words, fonts: pdf_fonts.Fonts, paper: str,
                 exhibit_bytes: Callable[[int], bytes] | None):
        self.cf, self.words, self.fonts, self.paper = cf, words, fonts, paper
        self.exhibit_bytes = exhibit_bytes
        self.dpi = DPI
        self.image_dpi, self.lossless = MAX_IMAGE_DPI, True
        self.html = CaseFileHtml(cf, words, self.css_px, fonts.mono[0])

    def px(self, points: float) -> float:
        """Points as the writer's device pixels, for drawing by hand."""
        return points * DPI / 72.0

    @staticmethod
    def css_px(points: float) -> float:
        """Points as rich-text pixels: Qt scales those from 96 dpi to the writer's resolution
        (vertical margins, table borders and padding; not left and right margins)."""
        return round(points * 96.0 / 72.0, 1)

    def mm(self, millimetres: float) -> float:
        return millimetres * DPI / 25.4

    # ---- set-up -------------------------------------------------------------------------
    def run(self) -> _Result:
        data, buffer = self._begin()
        return self._continue_run(data, buffer, self.document(self.html.front()))

    def _begin(self):
        """The PDF writer on a buffer in memory, its pages laid out and the stylesheet read:
        (the bytes it fills, the buffer)."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
        from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        versions = QPagedPaintDevice.PdfVersion
        if hasattr(versions, "PdfVersion_A1b"):
            writer.setPdfVersion(versions.PdfVersion_A1b)
        size = QPageSize.PageSizeId.Letter if self.paper == "letter" else QPageSize.PageSizeId.A4
        writer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0)))
        writer.setResolution(DPI)
        writer.setTitle(self.cf.title)
        writer.setCreator("Support Journal")
        self.writer = writer
        left, top, right, bottom = MARGINS_MM
        self.page_w, self.page_h = writer.width(), writer.height()
        self.left, self.top = self.mm(left), self.mm(top)
        # Whole pixels, so Qt's page breaks (in 1/64 pixel) fall exactly where pages are cut.
        self.body_w = float(int(self.page_w - self.mm(left) - self.mm(right)))
        self.body_h = float(int(self.page_h - self.mm(top) - self.mm(bottom)))
        self.css = self._stylesheet()
        return data, buffer

    def _continue_run(self, data, buffer, front) -> _Result:
        exhibits = ExhibitPages(self)
        plan = exhibits.plan()
        back = self.document(self.html.back())
        front_pages, back_pages = front.pageCount(), back.pageCount()
        total = front_pages + len(plan) + back_pages
        starts = self._section_pages(front, 0) + [front_pages + 1] + \
            self._section_pages(back, front_pages + len(plan))
        self._fill_page_numbers(front, starts)
        if front.pageCount() != front_pages:   # cannot happen unless the cover overflowed
            total += front.pageCount() - front_pages
            front_pages = front.pageCount()

        from PySide6.QtGui import QPainter
        painter = QPainter(self.writer)
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, self.lossless)
        page = 0
        try:
            for i in range(front_pages):
                page = self._next_page(painter, page, total)
                self._draw_flow(painter, front, i)
            for items in plan:
                page = self._next_page(painter, page, total)
                exhibits.draw(painter, items)
            for i in range(back_pages):
                page = self._next_page(painter, page, total)
                self._draw_flow(painter, back, i)
        finally:
            painter.end()
        buffer.close()
        return _Result(pdf=bytes(data.data()), pages=total)

    def _stylesheet(self) -> str:
        try:
            css = STYLESHEET.read_text(encoding="utf-8")
        except OSError:
            return ""   # a plainer PDF, with the same facts
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)

        def convert(match: re.Match) -> str:   # font sizes stay points; lengths become pixels
            prop, value = match.group(1), match.group(2)
            name = prop.rstrip(": ")
            if name == "font-size":
                return match.group(0)
            to_px = self.px if name in ("margin-left", "margin-right", "text-indent") \
                else self.css_px
            return prop + re.sub(r"(\d+(?:\.\d+)?)pt",
                                 lambda m: f"{round(to_px(float(m.group(1))))}px", value)
        return re.sub(r"([\w-]+\s*:)([^;{}]*)", convert, css)

    def document(self, html: str, width: float | None = None):
        from PySide6.QtCore import QSizeF
        from PySide6.QtGui import QFont, QTextDocument, QTextOption
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        font = QFont()
        font.setFamilies(self.fonts.body)
        font.setPointSizeF(10)
        _plain_letters(font)
        doc.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(self.css)
        doc.setHtml(html)
        if width is None:
            doc.setPageSize(QSizeF(self.body_w, self.body_h))
        else:
            doc.setTextWidth(width)
        return doc

    def _section_pages(self, doc, before: int) -> list[int]:
        """The page (1-based, in the whole PDF) of each heading that starts a new page."""
        from PySide6.QtGui import QTextFormat
        layout, pages, block = doc.documentLayout(), [], doc.begin()
        always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
        while block.isValid():
            if block.blockFormat().pageBreakPolicy() & always:
                top = layout.blockBoundingRect(block).top() + 1   # + rounding
                pages.append(before + int(top // self.body_h) + 1)
            block = block.next()
        if before:   # the back's first heading opens its first page
            pages.insert(0, before + 1)
        return pages

    def _fill_page_numbers(self, doc, starts: list[int]) -> None:
        from PySide6.QtGui import QTextCursor
        edit = QTextCursor(doc)
        edit.beginEditBlock()   # one relayout for all of them, not one per number
        for mark, page in zip(PAGE_MARKS, starts):
            found = doc.find(mark)
            if not found.isNull():
                edit.setPosition(found.selectionStart())
                edit.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(str(page))
        edit.endEditBlock()

    # ---- pages ----------------------------------------------------------------------------
    def _next_page(self, painter, page: int, total: int) -> int:
        if page:
            self.writer.newPage()
        page += 1
        self._footer(painter, page, total)
        return page

    def _draw_flow(self, painter, doc, index: int) -> None:
        from PySide6.QtCore import QRectF
        painter.save()
        painter.translate(self.left, self.top - index * self.body_h)
        # Inset by a hair: a line that starts exactly on the next page is not drawn here at
        # all (clipped text would still be in the page's copyable text).
        doc.drawContents(painter, QRectF(0, index * self.body_h + 0.5, self.body_w,
                                         self.body_h - 1))
        painter.restore()

    def draw_at(self, painter, doc, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        doc.drawContents(painter)
        painter.restore()

    def _footer(self, painter, page: int, total: int) -> None:
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
        font = QFont()
        font.setFamilies(self.fonts.body)
        font.setPointSizeF(8)
        _plain_letters(font)
        painter.save()
        painter.setFont(font)
        metrics = QFontMetricsF(font, self.writer)
        y_line = self.page_h - self.mm(MARGINS_MM[3]) + self.mm(7)
        painter.setPen(QPen(QColor("#b8c0cc"), self.px(0.5)))
        painter.drawLine(QPointF(self.left, y_line), QPointF(self.left + self.body_w, y_line))
        painter.setPen(QColor("#4a5363"))
        baseline = y_line + self.mm(2) + metrics.ascent()
        right = self.words("page_of", n=page, total=total)
        right_w = metrics.horizontalAdvance(right)
        title = metrics.elidedText(self.cf.title, Qt.TextElideMode.ElideRight,
                                   self.body_w - right_w - self.mm(8))
        painter.drawText(QPointF(self.left, baseline), title)
        painter.drawText(QPointF(self.left + self.body_w - right_w, baseline), right)
        painter.restore()
