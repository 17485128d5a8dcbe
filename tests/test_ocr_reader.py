"""The OCR reader through its public surface, `Reader().read_image(bytes)`, on chat screenshots
painted with known text (tests/ocr_screenshots.py): how much it gets right, where it says each
word is, what it says of a file it cannot read, and that it survives its worker dying.

Character error rate (CER): the Levenshtein distance between what was painted and what was
read, over the length of what was painted, both after NFKC (full-width punctuation as ASCII)
and without spaces (the Chinese model drops the space between Chinese and Latin text). Each
word read is put with the painted line its box lies in, so the order the reader gives the
lines in does not count; a word in no painted line counts as inserted.

One worker is shared by the module (it costs about a second to start), and every screenshot
is painted and read once.
"""
from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import threading
import unicodedata
import zlib

import pytest

from journal.errors import BadInput
from journal.ocr import client
from journal.ocr.client import Reader

from .ocr_screenshots import PHONE, TICKET, TX_HASH, label, render

SHOTS = [("desktop", "en"), ("phone", "en"), ("desktop", "zh"), ("phone", "zh")]
MAX_CER = {"en": 0.03, "zh": 0.05}


@pytest.fixture(scope="module")
def reader():
    with Reader() as r:
        yield r


@pytest.fixture(scope="module")
def readings(qapp, reader):
    return {key: (render(*key), reader.read_image(render(*key).png)) for key in SHOTS}


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(shot, recognised) -> float:
    by_line: dict[int, list] = {i: [] for i in range(len(shot.lines))}
    stray = []
    for word in recognised.words:
        x, y, w, h = word.box
        cx, cy = x + w / 2, y + h / 2
        home = next((i for i, (lx, ly, lw, lh) in enumerate(shot.line_rects)
                     if lx - 4 <= cx <= lx + lw + 4 and ly <= cy <= ly + lh), None)
        (by_line[home] if home is not None else stray).append(word)
    read = "".join(w.text for i in by_line for w in sorted(by_line[i], key=lambda w: w.box[0]))
    read += "".join(w.text for w in stray)
    truth = _norm("".join(shot.lines))
    return levenshtein(truth, _norm(read)) / len(truth)


def _overlap(box, rect) -> float:
    """How much of the painted rect's width the box covers (0 when they do not meet)."""
    x, y, w, h = box
    rx, ry, rw, rh = rect
    if y >= ry + rh or y + h <= ry:
        return 0.0
    return max(0.0, min(x + w, rx + rw) - max(x, rx)) / rw


def _tiny_png_header(width: int, height: int) -> bytes:
    """A 1-bit greyscale PNG of width × height, all black: huge in pixels, small in bytes."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    row = b"\x00" * (1 + (width + 7) // 8)
    pack = zlib.compressobj(9)
    idat = b"".join(pack.compress(row) for _ in range(height)) + pack.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0,
                                                            0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


# -- what it reads ---------------------------------------------------------------------------

@pytest.mark.parametrize("key", SHOTS, ids=lambda k: f"{k[0]}-{k[1]}")
def test_the_characters_read_are_within_the_error_rate(readings, key):
    shot, recognised = readings[key]
    assert cer(shot, recognised) <= MAX_CER[key[1]], recognised.text


@pytest.mark.parametrize("key", SHOTS, ids=lambda k: f"{k[0]}-{k[1]}")
def test_the_ticket_the_hash_and_the_phone_number_are_found(readings, key):
    _, recognised = readings[key]
    # The phone wraps the hash over two lines; the Chinese model drops some spaces.
    flat = _norm(recognised.text)
    assert f"#{TICKET}" in flat
    assert TX_HASH in flat
    assert _norm(PHONE[key[1]]) in flat


@pytest.mark.parametrize("key", SHOTS, ids=lambda k: f"{k[0]}-{k[1]}")
def test_the_phrase_words_have_boxes_where_they_were_painted(readings, key):
    shot, recognised = readings[key]
    assert len(shot.phrase) == 12 and len(shot.phrase_rects) == 12
    for word, rect in zip(shot.phrase, shot.phrase_rects):
        covering = [w for w in recognised.words if w.text == word and _overlap(w.box, rect) > 0]
        assert covering, f"{word!r} painted at {rect} has no box there"
        # Grown boxes cover the word's painted advance (which begins with the side bearing
        # before the first letter's ink, up to 3 px here) but for a few pixels.
        best = max(covering, key=lambda w: _overlap(w.box, rect))
        x, y, w, h = best.box
        assert _overlap(best.box, rect) >= 0.95, (word, best.box, rect)
        assert y <= rect[1] + rect[3] / 2 <= y + h


def test_lines_come_in_reading_order(readings):
    _, recognised = readings[("phone", "en")]
    text = recognised.text
    assert text.index("Hello") < text.index(TICKET, text.index("registered")) \
        < text.index("0x7f3a") < text.index("verification") < text.index("own tired") \
        < text.index("Thank you")


def test_a_picture_with_no_text_gives_an_empty_text(qapp, reader):
    blank = label("")
    recognised = reader.read_image(blank)
    assert recognised.text == "" and recognised.words == ()


# -- what it says of a file it cannot read -----------------------------------------------------

NOT_IMAGE = ("This file is not a picture that can be read (its bytes are not PNG, JPEG, WebP, "
             "GIF, BMP or TIFF).")
DAMAGED = "This picture is damaged or cut short, so its text cannot be read."
BAD_INPUTS = {
    "empty": (lambda png: b"", NOT_IMAGE),
    "text named .png": (lambda png: b"Ticket #CS-48213977: call me back\n" * 20, NOT_IMAGE),
    "PNG header then garbage": (lambda png: png[:8] + bytes(range(256)) * 64, DAMAGED),
    "truncated PNG": (lambda png: png[:len(png) // 2], DAMAGED),
    "20000 x 20000 PNG": (lambda png: _tiny_png_header(20000, 20000),
                          "This picture is 20,000 × 20,000 pixels, more than the 40 million "
                          "pixels whose text can be read."),
}


@pytest.mark.parametrize("name", BAD_INPUTS)
def test_a_file_it_cannot_read_gets_its_sentence_and_the_worker_goes_on(qapp, reader, name):
    make, sentence = BAD_INPUTS[name]
    good = label(f"Ticket #{TICKET}")
    before = reader.pid
    with pytest.raises(BadInput) as got:
        reader.read_image(make(render("desktop", "en").png))
    assert str(got.value) == sentence
    assert reader.read_image(good).text == f"Ticket #{TICKET}"
    assert before is None or reader.pid == before     # the same worker read the next one


# -- the worker dying ------------------------------------------------------------------------

def test_a_worker_killed_between_pictures_is_started_again(qapp, reader):
    good = label(f"Ticket #{TICKET}")
    assert reader.read_image(good).text == f"Ticket #{TICKET}"
    dead = reader.pid
    os.kill(dead, signal.SIGKILL)
    assert reader.read_image(good).text == f"Ticket #{TICKET}"
    assert reader.pid not in (None, dead)


HOLDING_WORKER = """
import os, signal, sys
from journal.ocr import engine, worker
real, fifo = engine.read, sys.argv[1]
def held(data):
    if os.path.exists(fifo):       # once: the test removes it before it kills this worker
        fd = os.open(fifo, os.O_WRONLY)
        os.write(fd, b"%d" % os.getpid())
        os.close(fd)               # the test's read ends here
        signal.pause()
    return real(data)
engine.read = held
sys.exit(worker.main())
"""


def _kill_once_holding(fifo: str) -> None:
    with open(fifo, "rb") as held:       # opens when the worker has the picture in hand
        pid = int(held.read())
    os.unlink(fifo)
    os.kill(pid, signal.SIGKILL)


def test_a_worker_killed_while_reading_is_started_again_and_the_picture_read(
        qapp, tmp_path, monkeypatch):
    fifo = str(tmp_path / "hold")
    os.mkfifo(fifo)
    monkeypatch.setattr(client, "worker_command",
                        lambda: [sys.executable, "-c", HOLDING_WORKER, fifo])
    killer = threading.Thread(target=_kill_once_holding, args=(fifo,), daemon=True)
    killer.start()
    with Reader() as r:
        assert r.read_image(label(f"Ticket #{TICKET}")).text == f"Ticket #{TICKET}"
        killer.join(timeout=30)
        assert not killer.is_alive() and not os.path.exists(fifo)


def test_two_deaths_in_a_row_say_the_picture_could_not_be_read(qapp, monkeypatch):
    monkeypatch.setattr(client, "worker_command",
                        lambda: [sys.executable, "-c", "import sys; sys.stdin.buffer.read(4)"])
    with Reader() as r:
        with pytest.raises(BadInput) as got:
            r.read_image(label("anything"))
    assert got.value.code == "ocr.worker_failed"
    assert str(got.value) == ("The text of this picture could not be read: the reader stopped "
                              "twice while reading it.")


def test_a_worker_stuck_past_the_timeout_is_killed(qapp, monkeypatch):
    monkeypatch.setattr(client, "worker_command",
                        lambda: [sys.executable, "-c", "import sys; sys.stdin.buffer.read()"])
    with Reader(timeout=0.3) as r:
        with pytest.raises(BadInput) as got:
            r.read_image(label("anything"))
        assert r.pid is None
    assert got.value.code == "ocr.timed_out"


def _read_into(reader, outcome: dict, started, cancelled) -> None:
    started.set()
    try:
        outcome["value"] = reader.read_image(render("phone", "zh").png)
    except cancelled as exc:
        outcome["cancelled"] = exc


def test_closing_while_a_picture_is_read_kills_the_worker_at_once(qapp):
    """A window that locks mid-reading does not wait for the picture: the reading is
    cancelled (nothing kept, the file still waits) and the worker is gone."""
    from journal.errors import Cancelled
    from journal.ocr.client import Reader
    reader = Reader()
    reader.read_image(label("warm"))               # started, models loaded
    pid, outcome = reader.pid, {}
    started = threading.Event()
    thread = threading.Thread(target=_read_into, args=(reader, outcome, started, Cancelled))
    thread.start()
    started.wait()
    while not reader._lock.locked():                # the reading has begun
        threading.Event().wait(0.001)
    reader.close()
    thread.join(10)
    assert not thread.is_alive()
    assert "cancelled" in outcome or "value" in outcome   # it may have finished first
    assert reader.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


_LOADED = """
import runpy, sys
sys.argv = ["journal", "--help"]
try:
    runpy.run_module("journal", run_name="__main__")
except SystemExit:
    pass
import journal.service, journal.ui.main_window, journal.export.bundle  # the window's start
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_only_the_worker_loads_the_ocr_libraries():
    """`journal --help`, the service, the window and the export start without rapidocr,
    onnxruntime or numpy: they load in the worker process alone."""
    done = subprocess.run([sys.executable, "-c", _LOADED], capture_output=True, text=True,
                          check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    loaded = set(done.stdout.split())
    assert "journal" in loaded and "PySide6" in loaded
    assert not loaded & {"rapidocr", "onnxruntime", "numpy", "cv2"}, loaded
