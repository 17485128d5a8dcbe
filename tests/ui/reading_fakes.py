"""A reader for the reading tests: it answers lines of text for the pictures it was told of
(by their colour's bytes), at once or when the test lets it, and counts how often the journal
stopped it."""
from __future__ import annotations

import threading

from journal.domain.recognised_text import RecognisedText, from_lines
from journal.service import NewAttachment
from tests.ui import WAIT
from tests.ui.pictures import png_bytes


def words_of(line: str, y: int = 10):
    """A line's words, each with a box: 12 px a character, 4 px between words."""
    out, x = [], 10
    for word in line.split():
        out.append((word, (x, y, 12 * len(word), 20)))
        x += 12 * len(word) + 4
    return out


class FakeReader:
    def __init__(self):
        self.texts: dict[bytes, list[str]] = {}
        self.read: list[bytes] = []
        self.closed = 0
        self.hold = False                  # True: each picture waits for release()
        self.started = threading.Event()   # a picture is being read
        self._go = threading.Event()

    def picture(self, lines, color: str) -> bytes:
        data = png_bytes(200, 120, color)
        self.texts[data] = list(lines)
        return data

    def release(self) -> None:
        self._go.set()

    def read_image(self, data: bytes) -> RecognisedText:
        self.started.set()
        if self.hold:
            self._go.wait(WAIT / 1000)
            self._go.clear()
        self.started.clear()
        self.read.append(data)
        lines = self.texts.get(data, [])
        return from_lines([(line, words_of(line, 10 + 30 * i)) for i, line in enumerate(lines)])

    def close(self) -> None:
        self.closed += 1


def use_reader(monkeypatch, reader: FakeReader) -> FakeReader:
    """The journal's own worker is `reader` (stop_reader closes it, as the real one)."""
    from journal.service.reading import Readings

    def worker(self):
        if self._reader is None:
            self._reader = reader
        return self._reader
    monkeypatch.setattr(Readings, "_worker", worker)
    return reader


def log_pictures(journal, pictures, case_id: int = 1, notes: str = "Screenshots of the chat"):
    """One chat entry holding `pictures` (bytes), named shot-1.png, …; returns the entry."""
    return journal.log(case_id, kind="chat", notes=notes, attachments=[
        NewAttachment(f"shot-{n}.png", "image/png", data=data)
        for n, data in enumerate(pictures, 1)])


def blank() -> RecognisedText:
    return RecognisedText("", ())
