"""Sentences of the service's own checks: what one action asks, beyond each field's rules."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "journal.locked": QT_TRANSLATE_NOOP("Errors", "The journal is locked."),
    "task.cancelled": QT_TRANSLATE_NOOP("Errors", "Stopped; nothing of it was kept."),
    "time.in_future": QT_TRANSLATE_NOOP("Errors", "The {what} {text!r} is in the future."),
    "interaction.ends_before_start": QT_TRANSLATE_NOOP(
        "Errors", "The end time is before the start time."),
    "wait.not_a_number": QT_TRANSLATE_NOOP("Errors", "{value!r} is not a number of minutes."),
    "wait.out_of_range": QT_TRANSLATE_NOOP(
        "Errors", "The wait must be between 0 and 1440 minutes."),
    "channel.other_platform": QT_TRANSLATE_NOOP(
        "Errors", "Channel {channel} belongs to {its_platform}, not to {platform}."),
    "amend.unknown_fields": QT_TRANSLATE_NOOP("Errors", "Cannot amend {fields}."),
    "amend.nothing": QT_TRANSLATE_NOOP(
        "Errors", "Nothing to amend: give a new note, agent, time, reference, promise or file."),
    "promise.bad_status": QT_TRANSLATE_NOOP(
        "Errors", "A promise can be set to kept, broken or cancelled."),
    "checklist.full": QT_TRANSLATE_NOOP("Errors", "A checklist holds at most {limit} items."),
    "checklist.interaction_of_other_case": QT_TRANSLATE_NOOP(
        "Errors", "Interaction {interaction} belongs to case {its_case}, not to case {case}."),
    "search.too_long": QT_TRANSLATE_NOOP("Errors", "The search is longer than 1,000 characters."),
    "search.bad_limit": QT_TRANSLATE_NOOP("Errors", "The limit must be between 1 and 1000."),
    "draft.bad_content": QT_TRANSLATE_NOOP(
        "Errors", "A draft holds only text, numbers, lists and mappings."),
    "draft.too_long": QT_TRANSLATE_NOOP(
        "Errors", "The draft is longer than {limit:,} characters."),
    "export.no_suffix": QT_TRANSLATE_NOOP(
        "Errors", "Give a file name ending in .pdf (the case file) or .zip (the bundle), not "
                  "{name}."),
    "export.unknown_kind": QT_TRANSLATE_NOOP(
        "Errors", "{kind!r} is not a kind of export; use pdf or bundle."),
    "export.target_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder; give a file name ending in {suffix}."),
    "reading.waiting": QT_TRANSLATE_NOOP(
        "Errors", "The text of {name} has not been read yet; `journal ocr run` reads it."),
    "reading.not_readable": QT_TRANSLATE_NOOP(
        "Errors", "{name} is a {media_type} file, which holds no text to read; only pictures "
                  "and PDFs are read."),
    "reading.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The text of {name} could not be read: {reason}"),
}
