"""Sentences about evidence imported from a file (telegram): what is wrong with the file."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    "evidence.telegram_too_big": QT_TRANSLATE_NOOP(
        "Errors", "{name} is larger than {limit}, too large to be the result.json of a Telegram "
                  "export; nothing was imported."),
    "evidence.telegram_not_text": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not UTF-8 text, so it is not the result.json of a Telegram export; "
                  "nothing was imported."),
    "evidence.telegram_not_export": QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a Telegram export: export the chat from Telegram Desktop in the "
                  "JSON format and choose its result.json; nothing was imported."),
    "evidence.telegram_truncated": QT_TRANSLATE_NOOP(
        "Errors", "{name} is cut short: the Telegram export ends before its JSON is complete. "
                  "Copy or export it again; nothing was imported."),
    "evidence.telegram_too_deep": QT_TRANSLATE_NOOP(
        "Errors", "{name} nests lists or objects too deeply, or holds too long a number, to be "
                  "a Telegram export; nothing was imported."),
    "evidence.telegram_choose_chat": QT_TRANSLATE_NOOP(
        "Errors", "{name} holds {count} chats; choose the one to import with --chat and its "
                  "name or id. Nothing was imported."),
    "evidence.telegram_no_such_chat": QT_TRANSLATE_NOOP(
        "Errors", "{name} has no chat named \"{chat}\" or with that id; nothing was imported."),
    "evidence.telegram_chat_ambiguous": QT_TRANSLATE_NOOP(
        "Errors", "{name} holds {count} chats named \"{chat}\"; choose one by its id with "
                  "--chat. Nothing was imported."),
    "evidence.telegram_empty": QT_TRANSLATE_NOOP(
        "Errors", "The chat \"{chat}\" in {name} has no messages; nothing was imported."),
    "evidence.telegram_bad_message": QT_TRANSLATE_NOOP(
        "Errors", "Message {n} of {name} is not a message with a readable time, so the file is "
                  "not a sound Telegram export; nothing was imported."),
    "evidence.telegram_needs_timezone": QT_TRANSLATE_NOOP(
        "Errors", "{name} is an older Telegram export whose times have no time zone; give the "
                  "zone of the computer that made it with --timezone (such as Asia/Shanghai). "
                  "Nothing was imported."),
}
