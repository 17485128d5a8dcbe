"""Sentences about evidence imported from a file (email): what is wrong with the file."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "evidence.email_not_email": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not an e-mail: it has no From or Date header; nothing was "
                  "imported."),
    "evidence.email_not_mbox": QT_TRANSLATE_NOOP(
        "Errors", "{file} is not an .mbox mailbox: it does not begin with a \"From \" line; "
                  "nothing was imported."),
    "evidence.email_no_date": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail {file} has no Date header, so when it was sent is unknown; "
                  "nothing was imported."),
    "evidence.email_bad_date": QT_TRANSLATE_NOOP(
        "Errors", "The Date header of the e-mail {file}, '{value}', is not a date; nothing was "
                  "imported."),
    "evidence.email_date_no_zone": QT_TRANSLATE_NOOP(
        "Errors", "The Date header of the e-mail {file}, '{value}', has no time zone; give the "
                  "sender's with --timezone (e.g. --timezone Asia/Shanghai). Nothing was "
                  "imported."),
    "evidence.email_bad_timezone": QT_TRANSLATE_NOOP(
        "Errors", "'{value}' is not a time zone; give one such as Asia/Shanghai or "
                  "Europe/London with --timezone. Nothing was imported."),
    "evidence.email_bad_encoding": QT_TRANSLATE_NOOP(
        "Errors", "The text of the e-mail {file} is neither {charset}, as it says, nor UTF-8, "
                  "so it cannot be read; nothing was imported."),
    "evidence.email_attachment_too_big": QT_TRANSLATE_NOOP(
        "Errors", "The attachment {name} is {size:,} bytes, more than the 100 MiB an e-mail "
                  "attachment may be; nothing was imported."),
    "evidence.email_mbox_too_big": QT_TRANSLATE_NOOP(
        "Errors", "The mailbox {file} is {size:,} bytes, more than the 2 GiB that can be "
                  "imported at once; export fewer messages (one label) and import that. "
                  "Nothing was imported."),
    "evidence.email_truncated": QT_TRANSLATE_NOOP(
        "Errors", "The e-mail {file} is cut short (its last part is missing or incomplete); "
                  "download it again. Nothing was imported."),
    "evidence.email_no_thread": QT_TRANSLATE_NOOP(
        "Errors", "No thread of the mailbox {file} holds the message {thread}; nothing was "
                  "imported."),
    "evidence.email_no_match": QT_TRANSLATE_NOOP(
        "Errors", "No message of the mailbox {file} matches the sender or subject asked for; "
                  "nothing was imported."),
}
