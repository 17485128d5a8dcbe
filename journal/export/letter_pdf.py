"""A letter as a PDF, made by the case file's own writer (pdf.py: its fonts, page, footer and
"Page n of N", its PDF/A settings) and signed by the journal's key the same way."""
from __future__ import annotations

from html import escape
from types import SimpleNamespace

from . import pdf_fonts, pdf_unicode
from .letters import Letter
from .pdf import _Result, _Writer
from .pdf_labels import LABELS, Words


class _LetterWriter(_Writer):
    """The case file's writer, with one flowing text instead of its sections."""

    def __init__(self, letter: Letter, fonts: pdf_fonts.Fonts, paper: str):
        self.cf = SimpleNamespace(title=letter.title)   # what the footer and the PDF title use
        self.words, self.fonts, self.paper = Words(letter.language), fonts, paper
        self.exhibit_bytes = None
        self.letter = letter

    def html(self) -> str:
        paragraphs = self.letter.text.split("\n\n")
        return "".join(
            f'<p class="letter" style="white-space: pre-wrap; margin-bottom: 8px;">'
            f"{escape(p, quote=False)}</p>" for p in paragraphs)

    def run(self) -> _Result:
        data, buffer = self._begin()
        doc = self.document(self.html())
        total = doc.pageCount()
        from PySide6.QtGui import QPainter
        painter = QPainter(self.writer)
        page = 0
        try:
            for i in range(total):
                page = self._next_page(painter, page, total)
                self._draw_flow(painter, doc, i)
        finally:
            painter.end()
        buffer.close()
        return _Result(pdf=bytes(data.data()), pages=total)


def letter_pdf(letter: Letter, *, paper: str | None = None) -> tuple[bytes, int]:
    """The letter's PDF in memory (not signed yet) and its page count."""
    from .pdf import _paper
    pdf_fonts.ensure_gui()
    chars = set(letter.text) | set(letter.title) | set(LABELS[letter.language]["page_of"]) | \
        set("0123456789 ")
    fonts = pdf_fonts.choose(chars)
    data = _LetterWriter(letter, fonts, _paper(paper)).run()
    return pdf_unicode.repair(data.pdf, pdf_unicode.fixes_for(fonts.body + fonts.mono, chars)), \
        data.pages
