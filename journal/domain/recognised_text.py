"""Text read out of a screenshot, with where each word stands in the picture.

The reader (OCR) gives lines, and for each line its words (Chinese: its characters) with a
box in the image's pixels. Kept together as one text, each word knowing its offset in it,
the same rules that read typed notes can read a screenshot, and what they find can be
pointed at in the picture: the boxes to fill in black on an exported copy where a secret
stands (`covers`), and the boxes to outline where a search's words were found
(`boxes_matching`).
"""
from __future__ import annotations

from dataclasses import dataclass

Box = tuple[int, int, int, int]   # x, y, width, height in the image's pixels


@dataclass(frozen=True)
class Word:
    text: str
    start: int        # where the word begins in RecognisedText.text
    box: Box

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class RecognisedText:
    text: str                     # the lines, joined by "\n"
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Cover:
    kind: str                     # a redaction kind: "seed phrase", "one-time code", …
    boxes: tuple[Box, ...]        # the words' boxes to fill


def from_lines(lines) -> RecognisedText:
    """`lines`: (line text, [(word text, box), …]) in reading order. A word is looked for in
    its line from where the previous one ended; one the line does not hold (a reader may
    return a word's text differently from its line's) keeps its box at the next place."""
    parts: list[str] = []
    words: list[Word] = []
    offset = 0
    for line_text, line_words in lines:
        at = 0
        for word_text, box in line_words:
            if not word_text:
                continue
            found = line_text.find(word_text, at)
            if found < 0:
                found = min(at, len(line_text))
                word_text = line_text[found:found + len(word_text)]
                if not word_text:
                    continue
            words.append(Word(word_text, offset + found, _box(box)))
            at = found + len(word_text)
        parts.append(line_text)
        offset += len(line_text) + 1
    return RecognisedText("\n".join(parts), tuple(words))


def _box(box) -> Box:
    x, y, w, h = (int(round(v)) for v in box)
    return (x, y, max(0, w), max(0, h))


def _overlapping(words, start: int, end: int) -> tuple[Box, ...]:
    return tuple(w.box for w in words if w.start < end and w.end > start)


def covers(recognised: RecognisedText) -> list[Cover]:
    """The secrets the redaction rules find in the text, each with the boxes that show it."""
    from .redaction import find_secrets
    out = []
    for finding in find_secrets(recognised.text):
        boxes = _overlapping(recognised.words, finding.start, finding.end)
        if boxes:
            out.append(Cover(finding.kind, boxes))
    return out


def boxes_matching(recognised: RecognisedText, words: list[str]) -> tuple[Box, ...]:
    """The boxes of every place where one of `words` (as search marks them: lower-cased
    words and CJK runs) stands in the text, case ignored."""
    low = recognised.text.lower()
    spans = []
    for word in {w.lower() for w in words if w}:
        at = low.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = low.find(word, at + 1)
    seen: dict[Box, None] = {}
    for start, end in sorted(spans):
        for box in _overlapping(recognised.words, start, end):
            seen.setdefault(box, None)
    return tuple(seen)


# -- what the journal keeps of a reading ---------------------------------------------------

TEXT, NO_TEXT, UNREADABLE = "text", "no-text", "unreadable"   # a reading's status
OCR, PDF = "ocr", "pdf"                                         # how its text was got
READABLE_IMAGES = frozenset({"image/png", "image/jpeg", "image/webp", "image/gif",
                             "image/bmp", "image/tiff"})
PDF_TYPE = "application/pdf"


def source_for(media_type: str) -> str | None:
    """How an attachment of this type is read (OCR for a picture, its text for a PDF), or
    None for a file that holds no text to read (a recording, a zip)."""
    media = (media_type or "").lower()
    if media in READABLE_IMAGES:
        return OCR
    return PDF if media == PDF_TYPE else None


@dataclass(frozen=True)
class Reading:
    """An attachment's text as the journal keeps it: read once, never rewritten."""
    attachment_id: int
    status: str                   # TEXT, NO_TEXT or UNREADABLE
    source: str                   # OCR or PDF
    engine: str                   # what read it, e.g. "rapidocr 3.10.0"
    recognised: RecognisedText
    reason: str | None            # why it could not be read (one sentence), or None
    read_at: str

    @property
    def text(self) -> str:
        return self.recognised.text


@dataclass(frozen=True)
class ReadingStatus:
    """How far the reading of a journal's (or a case's) pictures and PDFs has gone."""
    readable: int                 # attachments that can be read
    with_text: int
    no_text: int
    unreadable: int

    @property
    def done(self) -> int:
        return self.with_text + self.no_text + self.unreadable

    @property
    def waiting(self) -> int:
        return self.readable - self.done


def words_to_json(recognised: RecognisedText) -> list:
    """The words as the database keeps them: [start, length, x, y, w, h] each."""
    return [[w.start, len(w.text), *w.box] for w in recognised.words]


def words_from_json(text: str, rows) -> RecognisedText:
    """A RecognisedText from its text and words_to_json's rows (a row that does not fit the
    text is passed over)."""
    words = []
    for row in rows or ():
        if not isinstance(row, list) or len(row) != 6 or not all(type(v) is int for v in row):
            continue
        start, length, x, y, w, h = row
        if 0 <= start and 0 < length and start + length <= len(text):
            words.append(Word(text[start:start + length], start, (x, y, w, h)))
    return RecognisedText(text, tuple(words))
