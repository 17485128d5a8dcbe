"""Sentences about the journal itself: its folder, database, key header, backups, records."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    # The database (store/db.py), by SQLite's error code.
    "db.busy": QT_TRANSLATE_NOOP(
        "Errors", "The journal database is busy in another process; close it there first."),
    "db.disk_full": QT_TRANSLATE_NOOP(
        "Errors", "The disk is full; nothing was saved. Free some space and try again."),
    "db.cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "The journal folder cannot be written to; check its permissions."),
    "db.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The journal database is damaged; run `journal check` and restore from a "
                  "backup."),
    "db.io_error": QT_TRANSLATE_NOOP(
        "Errors", "The journal could not be read or written ({detail})."),
    "db.missing": QT_TRANSLATE_NOOP(
        "Errors", "The journal database {path} is missing."),
    "journal.newer_schema": QT_TRANSLATE_NOOP(
        "Errors", "This journal was written by a newer Support Journal (schema {schema}; this "
                  "one knows up to {latest}); update the program. Nothing was changed."),
    # The folder and its lock.
    "folder.not_a_journal": QT_TRANSLATE_NOOP(
        "Errors", "{folder} is not a journal (no key header or database there)."),
    "folder.no_journal": QT_TRANSLATE_NOOP(
        "Errors", "There is no journal at {folder}; create one with `journal init`."),
    "folder.journal_exists": QT_TRANSLATE_NOOP(
        "Errors", "A journal already exists at {folder}; nothing was changed."),
    "folder.not_empty": QT_TRANSLATE_NOOP(
        "Errors", "{folder} is not empty; choose an empty or new folder for the journal."),
    "folder.cannot_create": QT_TRANSLATE_NOOP(
        "Errors", "Cannot create {folder}: {reason}."),
    "folder.in_use": QT_TRANSLATE_NOOP(
        "Errors", "This journal is open in another Support Journal process; close it there "
                  "first."),
    # Files named on the command line or in a dialog.
    "file.none": QT_TRANSLATE_NOOP(
        "Errors", "There is no file {path}."),
    "file.no_folder": QT_TRANSLATE_NOOP(
        "Errors", "The folder {folder} does not exist."),
    "file.cannot_open": QT_TRANSLATE_NOOP(
        "Errors", "Cannot open {path}: {reason}."),
    "file.cannot_read": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read {path}: {reason}."),
    "file.cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write {path}: {reason}."),
    # Unlocking: the passphrase, the recovery key, the key header.
    "passphrase.wrong": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is wrong; nothing was changed."),
    "recovery_key.wrong": QT_TRANSLATE_NOOP(
        "Errors", "That recovery key does not open this journal; nothing was changed."),
    "recovery_key.invalid": QT_TRANSLATE_NOOP(
        "Errors", "That is not a valid recovery key; check it against the one you wrote down."),
    "recovery_copy.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The recovery copy of the key in journal.key is damaged, so the recovery key "
                  "would not open this journal; while your passphrase still works, make a new "
                  "recovery key with `journal recovery-key` and write it down."),
    "recovery_copy.unusable": QT_TRANSLATE_NOOP(
        "Errors", "The recovery copy of the key in journal.key is damaged, so no recovery key "
                  "can open this journal; unlock with your passphrase and make a new recovery "
                  "key with `journal recovery-key`, or restore the journal from a backup."),
    "keyheader.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "Cannot read the key header: {reason}."),
    "keyheader.unwritable_recovery": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write the key header: {reason}; the old recovery key still opens the "
                  "journal."),
    "keyheader.kdf_too_weak": QT_TRANSLATE_NOOP(
        "Errors", "The key header asks for key derivation weaker than the journal allows; it "
                  "has been tampered with."),
    "keyheader.kdf_too_costly": QT_TRANSLATE_NOOP(
        "Errors", "The key header asks for key derivation far costlier than any journal uses "
                  "(kdf.{key} above {ceiling}); it has been damaged or tampered with."),
    "keyheader.unknown_format": QT_TRANSLATE_NOOP(
        "Errors", "The key header is of an unknown format; this version cannot open the "
                  "journal."),
    "keyheader.not_argon2id": QT_TRANSLATE_NOOP(
        "Errors", "The key header names a key derivation other than Argon2id, which this "
                  "version cannot use to open the journal."),
    "keyheader.not_hkdf": QT_TRANSLATE_NOOP(
        "Errors", "The key header names a recovery key derivation other than HKDF-SHA256, "
                  "which this version cannot use."),
    "keyheader.too_large": QT_TRANSLATE_NOOP(
        "Errors", "The key header is larger than {kib} KiB, so it is not one Support Journal "
                  "wrote; restore the journal from a backup."),
    "keyheader.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The key header is damaged: {detail}; restore the journal from a backup."),
    # {detail} of keyheader.damaged.
    "keyheader.detail.not_utf8": QT_TRANSLATE_NOOP("Errors", "it is not UTF-8 text"),
    "keyheader.detail.too_deep": QT_TRANSLATE_NOOP(
        "Errors", "it nests too deeply to be a key header"),
    "keyheader.detail.repeated": QT_TRANSLATE_NOOP("Errors", "it gives a field twice"),
    "keyheader.detail.not_json": QT_TRANSLATE_NOOP("Errors", "it is not JSON"),
    "keyheader.detail.not_object": QT_TRANSLATE_NOOP("Errors", "it is not a JSON object"),
    "keyheader.detail.part_not_object": QT_TRANSLATE_NOOP(
        "Errors", "{part} is not a JSON object"),
    "keyheader.detail.no_field": QT_TRANSLATE_NOOP("Errors", "{part} has no {field}"),
    "keyheader.detail.unknown_field": QT_TRANSLATE_NOOP(
        "Errors", "{part} has a field it should not have, {field}"),
    "keyheader.detail.not_text": QT_TRANSLATE_NOOP("Errors", "its {field} is not text"),
    "keyheader.detail.not_base64": QT_TRANSLATE_NOOP("Errors", "its {field} is not base64"),
    "keyheader.detail.wrong_size": QT_TRANSLATE_NOOP(
        "Errors", "its {field} is {size} bytes instead of {expected}"),
    "keyheader.detail.kdf_not_number": QT_TRANSLATE_NOOP(
        "Errors", "its kdf.{key} is not a whole number"),
    # Backups.
    "backup.target_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{target} is a folder; give a file name for the backup."),
    "backup.cannot_write": QT_TRANSLATE_NOOP(
        "Errors", "Cannot write the backup to {target}: {reason}."),
    "backup.no_space": QT_TRANSLATE_NOOP(
        "Errors", "There is not enough free space in {folder} for the backup ({needed} "
                  "needed, {free} free); nothing was written."),
    "backup.in_journal_folder": QT_TRANSLATE_NOOP(
        "Errors", "{target} is inside the journal's own folder; save the backup somewhere "
                  "else."),
    "backup.not_a_backup": QT_TRANSLATE_NOOP(
        "Errors", "{source} is not a Support Journal backup."),
    "backup.bad_header_length": QT_TRANSLATE_NOOP(
        "Errors", "{source} is a damaged backup (bad header length)."),
    "backup.truncated": QT_TRANSLATE_NOOP(
        "Errors", "{source} is a truncated backup."),
    "backup.is_folder": QT_TRANSLATE_NOOP(
        "Errors", "{source} is a folder, not a backup file."),
    # Records that are not there, or not in a state to change.
    "case.none": QT_TRANSLATE_NOOP("Errors", "There is no case {case}."),
    "interaction.none": QT_TRANSLATE_NOOP("Errors", "There is no interaction {interaction}."),
    "interaction.voided": QT_TRANSLATE_NOOP(
        "Errors", "Interaction {interaction} was voided; it cannot be amended."),
    "interaction.already_voided": QT_TRANSLATE_NOOP(
        "Errors", "Interaction {interaction} is already voided."),
    "promise.none": QT_TRANSLATE_NOOP("Errors", "There is no promise {promise}."),
    "attachment.none": QT_TRANSLATE_NOOP("Errors", "There is no attachment {attachment}."),
    "checklist_item.none": QT_TRANSLATE_NOOP("Errors", "There is no checklist item {item}."),
    "checklist_item.other_case": QT_TRANSLATE_NOOP(
        "Errors", "Checklist item {item} belongs to case {its_case}, not to case {case}."),
    "platform.none": QT_TRANSLATE_NOOP("Errors", "There is no platform {platform}."),
    "platform.no_such_name": QT_TRANSLATE_NOOP(
        "Errors", "There is no platform called {name!r}; add it with `journal platform add`."),
    "platform.exists": QT_TRANSLATE_NOOP(
        "Errors", "A platform named {name!r} already exists."),
    "channel.none": QT_TRANSLATE_NOOP("Errors", "There is no channel {channel}."),
    "channel.exists": QT_TRANSLATE_NOOP(
        "Errors", "{platform} already has the {kind} channel {value!r}."),
    "channel.exists_here": QT_TRANSLATE_NOOP(
        "Errors", "This platform already has the {kind} channel {value!r}."),
}
