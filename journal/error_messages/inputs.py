"""Sentences about what a person typed or chose: times, texts, numbers, files to attach."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "choice.unknown": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a {what}; use one of: {words}."),
    "time.empty": QT_TRANSLATE_NOOP(
        "Errors", "The {what} is empty; give it as ISO 8601, e.g. 2026-11-25T14:30."),
    "time.out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {raw!r} is out of range; give a year from {first} to {last}."),
    "time.not_iso": QT_TRANSLATE_NOOP(
        "Errors", "{raw!r} is not a {what} in ISO 8601, e.g. 2026-11-25T14:30 or "
                  "2026-11-25T14:30+08:00."),
    "passphrase.too_short": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase must be at least {count} characters long."),
    "passphrase.spaces": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase must not start or end with spaces."),
    "attachment.not_regular": QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a regular file (a pipe or a device); attach a file."),
    "attachment.folder": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder; attach files one by one."),
    "attachment.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the attachment {path}: {reason}."),
    "attachment.too_large": QT_TRANSLATE_NOOP(
        "Errors", "{name} is larger than {mb} MB."),
    "text.empty": QT_TRANSLATE_NOOP(
        "Errors", "The {what} is empty."),
    "text.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The {what} is longer than {limit:,} characters."),
    "text.nul": QT_TRANSLATE_NOOP(
        "Errors", "The {what} contains a NUL character."),
    "note.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The note is longer than {limit:,} characters; attach long transcripts as a "
                  "file instead."),
    "note.nul": QT_TRANSLATE_NOOP(
        "Errors", "The note contains a NUL character; is it a binary file?"),
    "id.not_a_number": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a {what} number."),
    "language.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{code!r} is not a language code such as en, zh or zh-CN."),
    "reference.empty": QT_TRANSLATE_NOOP(
        "Errors", "A reference number is empty."),
    "reference.too_long": QT_TRANSLATE_NOOP(
        "Errors", "A reference number must be one line of at most {limit} characters."),
    "phone.no_country_code": QT_TRANSLATE_NOOP(
        "Errors", "The phone number {value!r} has no country code; write it with + and the "
                  "country code, e.g. +1 888 908 7930."),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a phone number."),
    "phone.wrong_digits": QT_TRANSLATE_NOOP(
        "Errors", "{value!r} is not a valid phone number for country code +{country_code}; "
                  "check the digits."),
    "country.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{code!r} is not a two-letter country code such as US, GB, SG or CN."),
    "time_zone.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{name!r} is not a time zone; use a name such as Europe/London, "
                  "America/New_York or Asia/Shanghai."),
    "date.invalid": QT_TRANSLATE_NOOP(
        "Errors", "{text!r} is not a date such as 2026-11-25."),
    "date.checked_in_future": QT_TRANSLATE_NOOP(
        "Errors", "The date checked {text!r} is in the future."),
    "web_address.scheme": QT_TRANSLATE_NOOP(
        "Errors", "The {what} {url!r} must start with https:// or http://."),
}

# The hash chain's first broken link (journal check, and a dump's chain).
MESSAGES.update({
    "chain.no_match": QT_TRANSLATE_NOOP(
        "Errors", "Entry {seq} ({entity} {id}, {action}) does not match its hash."),
    "chain.no_link": QT_TRANSLATE_NOOP(
        "Errors", "Entry {seq} ({entity} {id}) does not link to the entry before it."),
    "chain.no_case_link": QT_TRANSLATE_NOOP(
        "Errors", "Entry {seq} ({entity} {id}) does not link to the entry before it in its "
                  "case."),
})
