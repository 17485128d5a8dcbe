"""Secrets covered in the exported copy of a picture: where the text read out of a
screenshot holds a seed phrase, a private key or a one-time code, the copy that leaves the
journal has those words' boxes filled in black. The original stays untouched in the journal
(its SHA-256 is the one the hash chain records); the copy's own SHA-256 is given beside it,
in the PDF's caption, in case.json and in the bundle's manifest.

A secret the redaction rules find in the text but whose words' boxes cannot be told (the
reader gave a line without word boxes that do not line up) blacks out the whole picture:
a copy that still shows a secret is never exported.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import replace

from ..domain import recognised_text as rt
from ..domain.case_file import CaseFile
from ..errors import BadInput

PAD = 2   # pixels around each box, so no edge of a letter stays visible
# The format each picture's covered copy is written in: its own, where Pillow writes it
# without losing what is not covered (JPEG at its finest quality).
SAVE = {"image/png": ("PNG", {}), "image/jpeg": ("JPEG", {"quality": 95, "subsampling": 0}),
        "image/webp": ("WEBP", {"lossless": True}), "image/bmp": ("BMP", {}),
        "image/tiff": ("TIFF", {"compression": "tiff_lzw"}), "image/gif": ("GIF", {})}


def cover_exhibits(cf: CaseFile, readings: dict[int, rt.Reading], original) -> \
        tuple[CaseFile, dict[int, bytes]]:
    """The case file with each covered exhibit marked (the kinds of secret, the copy's
    SHA-256), and the covered copies by attachment id. `original(attachment_id)` gives a
    picture's bytes as the journal keeps them."""
    copies: dict[int, bytes] = {}
    exhibits = []
    for x in cf.exhibits:
        reading = readings.get(x.attachment_id)
        if reading is None or reading.status != rt.TEXT or reading.source != rt.OCR:
            exhibits.append(x)
            continue
        from ..domain.redaction import find_secrets   # here: only a read picture needs it
        found = find_secrets(reading.text)
        if not found:
            exhibits.append(x)
            continue
        covers = rt.covers(reading.recognised)
        boxes = [b for c in covers for b in c.boxes]
        whole = len(covers) < len(found)   # a secret whose boxes cannot be told
        copy = covered_copy(original(x.attachment_id), x.media_type, boxes, whole=whole,
                            name=x.name)
        copies[x.attachment_id] = copy
        kinds = tuple(dict.fromkeys(f.kind for f in found))
        exhibits.append(replace(x, covered=kinds,
                                covered_sha256=hashlib.sha256(copy).hexdigest()))
    return replace(cf, exhibits=tuple(exhibits)), copies


def kind_counts(reading: rt.Reading) -> dict[str, int]:
    from ..domain.redaction import find_secrets, redaction_counts
    return dict(redaction_counts(find_secrets(reading.text)))


def covered_copy(data: bytes, media_type: str, boxes, *, whole: bool = False,
                 name: str = "") -> bytes:
    """The picture in `data` with `boxes` (x, y, w, h in its stored pixels) filled in black,
    written in its own format; every box, or the whole picture when `whole`. Only the first
    frame of an animated picture is kept: the others were not read."""
    from PIL import Image, ImageDraw, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = opened.convert("RGBA" if opened.mode in ("RGBA", "LA", "P") else "RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput("export.cover_failed", name=name) from exc
    draw = ImageDraw.Draw(image)
    black = (0, 0, 0, 255) if image.mode == "RGBA" else (0, 0, 0)
    if whole:
        draw.rectangle((0, 0, image.width, image.height), fill=black)
    for x, y, w, h in boxes:
        left, top = max(0, x - PAD), max(0, y - PAD)
        right = min(image.width - 1, x + w + PAD)
        bottom = min(image.height - 1, y + h + PAD)
        if left <= right and top <= bottom:   # a box beyond the picture's edge covers nothing
            draw.rectangle((left, top, right, bottom), fill=black)
    form, options = SAVE.get(media_type, ("PNG", {}))
    if form in ("JPEG", "BMP") and image.mode == "RGBA":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, form, **options)
    return out.getvalue()
