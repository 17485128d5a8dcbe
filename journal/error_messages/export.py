"""Sentences about exporting a case file and verifying one."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "export.cannot_write_in": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write in {folder}: {reason}."),
    "export.cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write {path}: {reason}; nothing was written."),
    "pdf.unknown_language": QT_TRANSLATE_NOOP(
        "Errors", "{language!r} is not a language of the case file; use en or zh_CN."),
    "pdf.unknown_paper": QT_TRANSLATE_NOOP(
        "Errors", "{paper!r} is not a paper size for the case file; use a4 or letter."),
    "pdf.could_not_write": QT_TRANSLATE_NOOP(
        "Errors", "Could not write {path}: {reason}."),
    "pdf.no_font": QT_TRANSLATE_NOOP(
        "Errors", "No font on this computer can show these characters: {shown}; install a font "
                  "that has them (for Chinese, a CJK font such as Noto Sans CJK) and export "
                  "again."),
    "pdf.no_font_more": QT_TRANSLATE_NOOP(
        "Errors", "No font on this computer can show these characters: {shown} and {more} more; "
                  "install a font that has them (for Chinese, a CJK font such as Noto Sans CJK) "
                  "and export again."),
    "pdf.is_folder": QT_TRANSLATE_NOOP("Errors", "{path} is a folder, not a PDF."),
    "pdf.not_pdf": QT_TRANSLATE_NOOP("Errors", "{path} is not a PDF file."),
    "bundle.not_a_bundle": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a Support Journal bundle: {why}."),
    # {why} of bundle.not_a_bundle.
    "bundle.why.folder": QT_TRANSLATE_NOOP("Errors", "it is a folder"),
    "bundle.why.not_zip": QT_TRANSLATE_NOOP("Errors", "it is not a ZIP file"),
    "bundle.why.no_file": QT_TRANSLATE_NOOP("Errors", "it has no {name}"),
    "bundle.why.unreadable": QT_TRANSLATE_NOOP("Errors", "its {name} cannot be read"),
    "bundle.why.other_kind": QT_TRANSLATE_NOOP("Errors", "its {name} is of another kind"),
}
