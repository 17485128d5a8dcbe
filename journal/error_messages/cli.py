"""Sentences of the command line's own: its files, its secrets, its arguments."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "window.no_qt": QT_TRANSLATE_NOOP(
        "Errors", "the window cannot start because Qt could not be loaded ({detail}); every "
                  "command works without it, see `journal --help`."),
    "id.too_large": QT_TRANSLATE_NOOP(
        "Errors", "{shown} is too large to be the number of any {what}; nothing was changed."),
    "file.exists": QT_TRANSLATE_NOOP("Errors", "{path} already exists; choose another name."),
    "open.folder": QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder; give a file to import (or a Telegram export folder, "
                  "which holds result.json)."),
    "import.not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not UTF-8 text, so it is not a journal dump."),
    "import.not_json": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not complete JSON ({why} at line {line}); nothing was imported."),
    "import.too_deep": QT_TRANSLATE_NOOP(
        "Errors", "{name} nests too deeply or holds too long a number to be a journal dump; "
                  "nothing was imported."),
    "note_file.not_regular": QT_TRANSLATE_NOOP(
        "Errors", "The note file {path} is not a regular file."),
    "note_file.none": QT_TRANSLATE_NOOP("Errors", "The note file {path} does not exist."),
    "note_file.not_utf8": QT_TRANSLATE_NOOP("Errors", "The note file {path} is not UTF-8 text."),
    "note_file.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the note file {path}: {reason}."),
    "promise.due_missing": QT_TRANSLATE_NOOP(
        "Errors", "Give each --promise its own --due time (they pair up in order)."),
    "checklist.unknown_language": QT_TRANSLATE_NOOP(
        "Errors", "{language!r} is not a language of the suggestions; use en or zh_CN."),
    "checklist.bad_position": QT_TRANSLATE_NOOP(
        "Errors", "{position!r} is not a place in the list; 1 is the first."),
    "verify.failed_one": QT_TRANSLATE_NOOP("Errors", "{file} does not verify: 1 problem above."),
    "verify.failed": QT_TRANSLATE_NOOP(
        "Errors", "{file} does not verify: {count} problems above."),
    "platform.edit_nothing": QT_TRANSLATE_NOOP(
        "Errors", "Say what to change, e.g. --website URL or --country GB; see "
                  "`journal platform edit --help`."),
    "channel.edit_nothing": QT_TRANSLATE_NOOP(
        "Errors", "Say what to change, e.g. --status verified or --value VALUE; see "
                  "`journal channel edit --help`."),
    "secret_file.none": QT_TRANSLATE_NOOP("Errors", "The {what} file {path} does not exist."),
    "secret_file.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the {what} file {path}: {reason}."),
    "passphrase.none": QT_TRANSLATE_NOOP(
        "Errors", "No passphrase given: set JOURNAL_PASSPHRASE, use --passphrase-file, or run "
                  "in a terminal."),
    "passphrase.differ": QT_TRANSLATE_NOOP(
        "Errors", "The two passphrases differ; nothing was changed."),
    "new_passphrase.none": QT_TRANSLATE_NOOP(
        "Errors", "No new passphrase given: set JOURNAL_NEW_PASSPHRASE, use "
                  "--new-passphrase-file, or run in a terminal."),
    "recovery_key.none": QT_TRANSLATE_NOOP(
        "Errors", "No recovery key given: set JOURNAL_RECOVERY_KEY, use --recovery-key-file, "
                  "or run in a terminal."),
}
