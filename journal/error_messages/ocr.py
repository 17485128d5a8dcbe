"""Sentences about reading the text of a screenshot or a PDF attachment: why it could not be
read. The attachment itself is kept as it is; only its text is missing."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "ocr.not_image": QT_TRANSLATE_NOOP(
        "Errors", "This file is not a picture that can be read (its bytes are not PNG, JPEG, "
                  "WebP, GIF, BMP or TIFF)."),
    "ocr.damaged": QT_TRANSLATE_NOOP(
        "Errors", "This picture is damaged or cut short, so its text cannot be read."),
    "ocr.too_large": QT_TRANSLATE_NOOP(
        "Errors", "This picture is {width:,} × {height:,} pixels, more than the {limit} million "
                  "pixels whose text can be read."),
    "ocr.file_too_large": QT_TRANSLATE_NOOP(
        "Errors", "This picture is {size:,} bytes, more than the {limit} MiB whose text can be "
                  "read."),
    "ocr.worker_failed": QT_TRANSLATE_NOOP(
        "Errors", "The text of this picture could not be read: the reader stopped twice while "
                  "reading it."),
    "ocr.timed_out": QT_TRANSLATE_NOOP(
        "Errors", "The text of this picture could not be read: reading it took longer than "
                  "{seconds} seconds, twice."),
    "ocr.not_installed": QT_TRANSLATE_NOOP(
        "Errors", "The text of pictures cannot be read: this copy of Support Journal was "
                  "installed without its text reader (the support-journal-ocr package)."),
    "ocr.pdf_unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The text of this PDF cannot be read: it is damaged, or locked with a "
                  "password."),
    "export.cover_failed": QT_TRANSLATE_NOOP(
        "Errors", "The picture {name} holds a secret that must be covered in the export, but "
                  "it cannot be opened to cover it; nothing was exported."),
}
