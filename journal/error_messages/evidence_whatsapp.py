"""Sentences about evidence imported from a file (whatsapp): what is wrong with the file."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP  # noqa: F401 - the sentences below use it

MESSAGES: dict[str, str] = {
    "evidence.whatsapp_too_big": QT_TRANSLATE_NOOP(
        "Errors", "{name} is larger than {limit} MiB, more than a WhatsApp chat export is "
                  "read; nothing was imported."),
    "evidence.whatsapp_bad_zip": QT_TRANSLATE_NOOP(
        "Errors", "{name} is a damaged or incomplete zip file; nothing was imported."),
    "evidence.whatsapp_zip_without_chat": QT_TRANSLATE_NOOP(
        "Errors", "The zip {name} holds no WhatsApp chat (a _chat.txt or \"WhatsApp Chat "
                  "with …\" text file); nothing was imported."),
    "evidence.whatsapp_not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not UTF-8 text, as a WhatsApp chat export is; nothing was "
                  "imported."),
    "evidence.whatsapp_not_export": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a WhatsApp chat export: it does not begin with a dated "
                  "message; nothing was imported."),
    "evidence.whatsapp_date_order": QT_TRANSLATE_NOOP(
        "Errors", "Every date in {name} (such as {example}) could be day first or month "
                  "first; say which with `--date-order dmy|mdy`; nothing was imported."),
    "evidence.whatsapp_date_order_wrong": QT_TRANSLATE_NOOP(
        "Errors", "The dates of {name} are not in the order `--date-order {order}` says: "
                  "line {line} has {value}; nothing was imported."),
    "evidence.whatsapp_bad_date": QT_TRANSLATE_NOOP(
        "Errors", "Line {line} of {name} has the date and time {value}, which do not exist; "
                  "nothing was imported."),
    "evidence.whatsapp_timezone": QT_TRANSLATE_NOOP(
        "Errors", "The times in {name} carry no time zone; give the zone the phone was set "
                  "to with `--timezone`, such as Europe/London; nothing was imported."),
    "evidence.whatsapp_bad_timezone": QT_TRANSLATE_NOOP(
        "Errors", "{timezone} is not a known time zone; give a name such as Europe/London "
                  "or Asia/Shanghai; nothing was imported."),
}
