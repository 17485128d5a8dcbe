"""The OCR itself, in the worker process only: a picture's bytes in, its lines and words out.

Heavy (RapidOCR on ONNX Runtime, numpy, OpenCV, Pillow; about 80 MiB just imported, 350-400
MiB at the peak of a reading), so only `journal.ocr.worker` imports this module; the window and
the command line never do.

A picture is checked before it is decoded: Pillow reads the header (one of the six formats of
`READABLE_IMAGES`, nothing else is even tried), and a picture of more than MAX_PIXELS pixels is
refused with its size (a JPEG is first decoded at a fraction of its size, which costs little).
One whose longest side is over MAX_SIDE is made smaller before it is read, as RapidOCR would
do anyway; the boxes are given in the pixels of the picture as stored (not turned by its EXIF
orientation, as Qt shows it by default).

A line comes back as (text, [(word, (x, y, w, h)), ...]): a word is an English word or one
Chinese character. Its box is grown from what the reader gives, which clips the first or last
letter by a few pixels: to the line's full height, and sideways to the middle of the gap to
the next word (to the line's edge for the first and last word), so that a box filled in black
hides all of the word. Lines are in reading order: rows from the top, each row left to right.
"""
from __future__ import annotations

import io
import math
import os
import warnings

from PIL import Image

FORMATS = ("PNG", "JPEG", "WEBP", "GIF", "BMP", "TIFF")
SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM",
              b"II*\x00", b"MM\x00*", b"RIFF")
MAX_PIXELS = 40_000_000     # 6,300 × 6,300, or a phone's 1,080 × 37,000 scrolling screenshot
MAX_SIDE = 2000             # RapidOCR reads at most this (Global.max_side_len): shrink before
THREADS = max(1, min(2, os.cpu_count() or 1))
PARAMS = {
    "Global.log_level": "critical",
    "EngineConfig.onnxruntime.intra_op_num_threads": THREADS,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    # Detection on at most 1280 px (recognition still at full size): the worker's peak memory
    # goes from 520-550 MiB to 350-400, with the same characters read (measured, issue 15).
    "Det.limit_type": "max",
    "Det.limit_side_len": 1280,
}

# Pillow's own guard is replaced by the check in `_open`, which says the picture's size.
Image.MAX_IMAGE_PIXELS = None


class Unreadable(Exception):
    """The picture cannot be read; `code` names why (a code of the "ocr." catalogue without
    its prefix) and `params` go into its sentence."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code, self.params = code, params


_engine = None


def engine():
    """The RapidOCR engine, made once (its models load on the first reading)."""
    global _engine
    if _engine is None:
        os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")   # before onnxruntime is imported
        from rapidocr import RapidOCR
        _engine = RapidOCR(params=PARAMS)
    return _engine


def read(data: bytes) -> list:
    """The lines of text in the picture `data` (empty when it shows none), as
    journal.domain.recognised_text.from_lines takes them. Raises Unreadable."""
    image, scale = _decode(data)
    result = engine()(image, return_word_box=True)
    if not result.txts:
        return []
    word_lists = list(result.word_results or ())
    lines = []
    for i, (quad, text) in enumerate(zip(result.boxes, result.txts)):
        box = _bounds(quad)
        # A line RapidOCR gave no word boxes for is one word: its box covers all of it.
        words = _words_of(text, box, word_lists, i) or [(text.replace(" ", ""), box)]
        lines.append((box, text, words))
    out = []
    for box, text, words in _reading_order(lines):
        out.append((text, [(word, _scaled(bounds, scale, image.size))
                           for word, bounds in _grow(box, words)]))
    return out


# -- decoding ---------------------------------------------------------------------------------

def _decode(data: bytes):
    """The picture as an RGB, RGBA or greyscale Pillow image no larger than MAX_SIDE, and the
    factor from its pixels to the stored picture's."""
    image = _open(data)
    width, height = image.size
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise Unreadable("damaged") from exc
    image = _plain_mode(image)
    scale = max(width, height) / MAX_SIDE
    if scale > 1:
        size = (max(1, round(width / scale)), max(1, round(height / scale)))
        image = image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return image, (width / image.size[0], height / image.size[1])


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.UnidentifiedImageError as exc:
        # A file that begins as one of the formats does but goes on as none is damaged.
        raise Unreadable("damaged" if data.startswith(SIGNATURES) else "not_image") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise Unreadable("damaged") from exc
    width, height = image.size
    if width <= 0 or height <= 0:
        raise Unreadable("damaged")
    if width * height > MAX_PIXELS and image.format == "JPEG":
        # A JPEG decodes at 1/2, 1/4 or 1/8 of its size for the asking: cheap and small.
        factor = math.sqrt(width * height / MAX_PIXELS)
        image.draft("RGB", (math.ceil(width / factor), math.ceil(height / factor)))
    if image.size[0] * image.size[1] > MAX_PIXELS:
        raise Unreadable("too_large", width=width, height=height,
                         limit=MAX_PIXELS // 1_000_000)
    return image


def _plain_mode(image: Image.Image) -> Image.Image:
    """Grey levels ("L"), which the reader reads best: in colour, white text on a saturated
    bubble (a chat's own messages, white on blue) came back as nonsense, and in grey it is
    read like the rest (measured, issue 15). A transparent picture is seen over white, as a
    viewer shows it; a palette or 16-bit one by its colours, not its numbers."""
    if image.mode == "L":
        return image
    if image.mode in ("1", "I", "I;16", "I;16B", "I;16L", "F"):
        return image.convert("L")
    if "A" in image.mode or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        return flat.convert("L")
    return image.convert("L")


# -- lines and words --------------------------------------------------------------------------

def _bounds(quad) -> tuple[float, float, float, float]:
    """x0, y0, x1, y1 of a four-cornered box."""
    xs = [float(p[0]) for p in quad]
    ys = [float(p[1]) for p in quad]
    return min(xs), min(ys), max(xs), max(ys)


def _words_of(text: str, box, word_lists: list, i: int):
    """The (word, bounds) of line `i`: RapidOCR's word list for it, when its words make the
    line and lie in its box (it leaves out a line it found no word boxes for, so the lists
    may not line up)."""
    want = text.replace(" ", "")
    candidates = ([word_lists[i]] if i < len(word_lists) else []) + word_lists
    for entry in candidates:
        words = [(w, _bounds(quad)) for w, _score, quad in entry if w and quad is not None]
        if words and "".join(w for w, _ in words).replace(" ", "") == want \
                and all(_inside(bounds, box) for _, bounds in words):
            return words
    return None


def _inside(bounds, box) -> bool:
    middle_x, middle_y = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _reading_order(lines: list) -> list:
    """Rows from the top, each row left to right: a line belongs to the row above when its
    middle lies within that row's first line's height."""
    rows: list[list] = []
    for line in sorted(lines, key=lambda ln: (ln[0][1] + ln[0][3]) / 2):
        x0, y0, x1, y1 = line[0]
        middle = (y0 + y1) / 2
        if rows and rows[-1][0][0][1] <= middle <= rows[-1][0][0][3]:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln[0][0])]


def _grow(line_box, words: list) -> list:
    """Each word's bounds grown to the line's height and to the middle of the gaps beside it
    (to the line's edge at either end)."""
    lx0, ly0, lx1, ly1 = line_box
    out = []
    for k, (text, (x0, y0, x1, y1)) in enumerate(words):
        left = lx0 if k == 0 else (words[k - 1][1][2] + x0) / 2
        right = lx1 if k == len(words) - 1 else (x1 + words[k + 1][1][0]) / 2
        out.append((text, (min(left, x0), min(y0, ly0), max(right, x1), max(y1, ly1))))
    return out


def _scaled(bounds, scale, size) -> tuple[int, int, int, int]:
    """Bounds in the read image's pixels as (x, y, w, h) in the stored picture's, outwards."""
    sx, sy = scale
    width, height = size
    x0 = max(0, math.floor(bounds[0] * sx))
    y0 = max(0, math.floor(bounds[1] * sy))
    x1 = min(math.ceil(width * sx), math.ceil(bounds[2] * sx))
    y1 = min(math.ceil(height * sy), math.ceil(bounds[3] * sy))
    return x0, y0, max(0, x1 - x0), max(0, y1 - y0)
