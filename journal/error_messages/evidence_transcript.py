"""Sentences about evidence imported from a file (transcript): what is wrong with the file."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "evidence.transcript_too_big": QT_TRANSLATE_NOOP(
        "Errors", "{name} is larger than {limit} MiB, too large for a chat transcript; nothing "
                  "was imported."),
    "evidence.transcript_not_text": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not text (UTF-8, UTF-16 or GB18030), so it is not a chat "
                  "transcript; nothing was imported."),
    "evidence.transcript_not_transcript": QT_TRANSLATE_NOOP(
        "Errors", "{name} has no line such as \"Name: message\", so it is not a chat "
                  "transcript; nothing was imported."),
    "evidence.transcript_no_times": QT_TRANSLATE_NOOP(
        "Errors", "{name} gives no time for its messages, so they cannot be dated; nothing "
                  "was imported."),
    "evidence.transcript_no_date": QT_TRANSLATE_NOOP(
        "Errors", "{name} gives times but no date for its messages, so they cannot be dated; "
                  "nothing was imported."),
    "evidence.transcript_timezone": QT_TRANSLATE_NOOP(
        "Errors", "{name} does not say which time zone its times are in; give it with "
                  "{option} (such as {option} Asia/Shanghai). Nothing was imported."),
    "evidence.transcript_date_order": QT_TRANSLATE_NOOP(
        "Errors", "The dates in {name} could be day/month or month/day; say which with "
                  "{option} dmy, mdy or ymd. Nothing was imported."),
    "evidence.transcript_bad_date": QT_TRANSLATE_NOOP(
        "Errors", "{name} has the date {date}, which is no day of the calendar; nothing was "
                  "imported."),
}
