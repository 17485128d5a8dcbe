"""The text of a PDF attachment (a statement, a letter from the platform), as it is written in
the file: no OCR, so no boxes. A scanned PDF, which holds only pictures, has no text here."""
from __future__ import annotations

import io
import logging

from ..domain.recognised_text import RecognisedText
from ..errors import BadInput


def read_pdf(data: bytes) -> RecognisedText:
    """The text of every page, one page after another (empty when the PDF holds none). Raises
    BadInput "ocr.pdf_unreadable" for a damaged PDF or one locked with a password."""
    from pypdf import PdfReader
    logging.getLogger("pypdf").setLevel(logging.ERROR)   # its warnings about sloppy files
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput("ocr.pdf_unreadable")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
    except BadInput:
        raise
    except Exception:   # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise BadInput("ocr.pdf_unreadable") from None
    text = "\n".join(page for page in pages if page.strip())
    return RecognisedText(text, ())
