"""Sentences about importing evidence files into a case (service/evidence.py): which file could
not be taken, and why."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP  # noqa: F401 - the sentences below use it

MESSAGES: dict[str, str] = {
    "evidence_import.no_files": QT_TRANSLATE_NOOP(
        "Errors", "Name at least one file to import; nothing was imported."),
    "evidence_import.no_file": QT_TRANSLATE_NOOP(
        "Errors", "There is no file {file}; nothing was imported."),
    "evidence_import.folder": QT_TRANSLATE_NOOP(
        "Errors", "{file} is a folder with no Telegram export (result.json) in it; name the "
                  "file to import; nothing was imported."),
    "evidence_import.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "{file} cannot be read ({reason}); nothing was imported."),
    "evidence_import.too_big": QT_TRANSLATE_NOOP(
        "Errors", "{file} is larger than {limit} GiB, more than an evidence file is read; "
                  "nothing was imported."),
    "evidence_import.unknown_format": QT_TRANSLATE_NOOP(
        "Errors", "{file} is none of the files the journal imports (an e-mail, an mbox, a "
                  "Telegram or WhatsApp chat export, a chat transcript); nothing was "
                  "imported."),
    "evidence_import.bad_date_order": QT_TRANSLATE_NOOP(
        "Errors", "{value} is not a date order; use `--date-order dmy`, `mdy` or `ymd`; "
                  "nothing was imported."),
}
