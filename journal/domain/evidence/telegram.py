"""A Telegram Desktop export in JSON ("Export chat history", or "Export Telegram data" with
the JSON format): its `result.json` read into a Conversation.

The format is Telegram Desktop's (export_output_json.cpp). An export of one chat is that chat
at the top level: {"name", "type", "id", "messages": [...]}. An export of the account puts its
chats under {"chats": {"list": [...]}} (and the channels and groups left under "left_chats").
Each message has "id", "type" ("message", "service", or "unsupported"), "date" (the exporting
machine's local time, without a zone) and, since 2021, "date_unixtime" (seconds, as a
string); "from"/"from_id" (a service message: "actor"/"actor_id" and "action"); "text" (a
string, or a list of strings and entity objects {"type", "text", "href"...}) and
"text_entities" (the same, every part an object); media as a path relative to the export
folder ("photo", "file") or, when the export left it out, a sentence in brackets.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from ...errors import BadInput
from ..times import in_range
from . import Conversation, ImportedFile, ImportedMessage, time_zone

# A result.json larger than this is refused before it is read: json.loads holds the whole text
# and the objects made from it, several times its size, in memory. An account's full export
# with years of chats is tens of MiB; the media are beside it, not in it.
MAX_BYTES = 512 * 2**20

# What Telegram Desktop writes in place of a path when the export left the file out:
# "(File not included. Change data exporting settings to download.)", "(File exceeds maximum
# size. ...)", "(File unavailable, please try again later)"; "Photo" for pictures.
_LEFT_OUT = re.compile(r"\((?:File|Photo) (?:not included|exceeds maximum size|unavailable)")

# Telegram Desktop writes a control character other than \n, \r and \t inside a string as
# "\x0B", which JSON does not allow; it becomes "\u000B" (when not itself escaped, "\\x").
_X_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")

# The media a message may carry, as a path. "thumbnail" is left out: a preview Telegram made of
# a video or document, not something anyone sent.
_MEDIA_KEYS = ("photo", "file", "contact_vcard")

_MEDIA_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
                "webp": "image/webp", "gif": "image/gif", "mp4": "video/mp4",
                "ogg": "audio/ogg", "oga": "audio/ogg", "mp3": "audio/mpeg",
                "pdf": "application/pdf", "vcard": "text/vcard", "vcf": "text/vcard",
                "tgs": "application/x-tgsticker"}

# The chat types Telegram gives a chat without a name.
_UNNAMED = {"saved_messages": "Saved Messages", "replies": "Replies"}


def telegram_chats(data: bytes, name: str = "result.json") -> list[tuple[int | str, str, str, int]]:
    """The chats in an export, each (chat id, name, type, number of messages), in the export's
    order: for a user to choose from when the export holds several."""
    return [(chat.get("id"), _chat_name(chat), str(chat.get("type") or ""),
             len(chat["messages"]))
            for chat in _chats(_load(data, name), name)]


def read_telegram(data: bytes, name: str, *, chat: int | str | None = None,
                  files: Mapping[str, bytes] | Callable[[str], bytes | None] | None = None,
                  timezone: str | None = None) -> Conversation:
    """The chat of a Telegram export as a Conversation.

    `name` is the file's name (for the title of an unnamed chat and for the sentences of
    errors); `chat` the id or name of the chat to read, needed when the export holds several;
    `files` the export folder's other files by path relative to it ("photos/photo_1@…jpg"):
    a mapping, or a function giving a file's bytes (None when it cannot), asked only for the
    files the chat names; or None; `timezone` an IANA zone to give the times in (UTC without
    one), needed for an export older than 2021, whose times have no zone.

    Its `first_contact` is the account that reached the user first, when the export shows it:
    the other person of a personal chat who wrote or called first, or who added the user to
    a group or channel.
    """
    zone = time_zone(timezone)
    root = _load(data, name)
    chosen = _choose(_chats(root, name), chat, name)
    present = _files_by_path(files)
    messages, senders, read = [], [], []
    for n, raw in enumerate(chosen["messages"], start=1):
        message = _message(raw, n, name, zone, present)
        if message is None:
            continue
        messages.append(message)
        read.append((raw, message))
        if raw.get("type") == "message" and message.sender and message.sender not in senders:
            senders.append(message.sender)
    if not messages:
        raise BadInput("evidence.telegram_empty", name=name,
                       chat=_chat_name(chosen) or str(chosen.get("id", "")))
    return Conversation(source="telegram", title=_chat_name(chosen) or name,
                        messages=tuple(messages), participants=tuple(senders),
                        first_contact=_first_contact(chosen, read, _exporter(root)))


# -- the file ----------------------------------------------------------------------------------

def _load(data: bytes, name: str):
    if len(data) > MAX_BYTES:
        raise BadInput("evidence.telegram_too_big", name=name, limit=f"{MAX_BYTES // 2**20} MiB")
    text = _decode(data, name)
    try:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if not (exc.msg.startswith("Invalid \\escape") and "\\x" in text):
                raise
            return json.loads(_X_ESCAPE.sub(r"\1\\u00\2", text))
    except json.JSONDecodeError as exc:
        if _cut_short(text, exc):
            raise BadInput("evidence.telegram_truncated", name=name) from None
        raise BadInput("evidence.telegram_not_export", name=name) from None
    except (RecursionError, ValueError):
        # Nesting deeper than the interpreter's stack, or an integer of more digits than
        # Python converts (4,300): no export of Telegram's is either.
        raise BadInput("evidence.telegram_too_deep", name=name) from None


def _decode(data: bytes, name: str) -> str:
    """Telegram writes UTF-8 without a BOM; a copy saved again by an editor may have one, or be
    UTF-16 with its BOM."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("evidence.telegram_not_text", name=name) from None


def _cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """The JSON object of an export that ends too soon (a copy or a download stopped part-way):
    the error is at its end, or a string runs to the end (JSON's strings cannot hold a raw line
    break, so an unclosed one met the end of the text). Its "chats" may come after megabytes
    of contacts and sessions, so any object cut short counts."""
    at_end = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
    return text.lstrip().startswith("{") and at_end


def _chats(root, name: str) -> list[dict]:
    """The chats of an export of one chat or of the account, each with its list of messages."""
    if not isinstance(root, dict):
        raise BadInput("evidence.telegram_not_export", name=name)
    if isinstance(root.get("messages"), list):
        return [root]
    found = []
    for section in ("chats", "left_chats"):
        listed = root.get(section)
        listed = listed.get("list") if isinstance(listed, dict) else None
        if isinstance(listed, list):
            found += [c for c in listed
                      if isinstance(c, dict) and isinstance(c.get("messages"), list)]
    if not found:
        raise BadInput("evidence.telegram_not_export", name=name)
    return found


def _chat_name(chat: dict) -> str:
    given = chat.get("name")
    return given if isinstance(given, str) else _UNNAMED.get(chat.get("type"), "")


def _choose(chats: list[dict], chat: int | str | None, name: str) -> dict:
    if chat is None or str(chat).strip() == "":
        if len(chats) > 1:
            raise BadInput("evidence.telegram_choose_chat", name=name, count=len(chats))
        return chats[0]
    wanted = str(chat).strip()
    by_id = [c for c in chats if str(c.get("id")) == wanted]
    if by_id:
        return by_id[0]
    by_name = [c for c in chats if _chat_name(c) == wanted] or \
              [c for c in chats if _chat_name(c).casefold() == wanted.casefold()]
    if len(by_name) > 1:
        raise BadInput("evidence.telegram_chat_ambiguous", name=name, chat=wanted,
                       count=len(by_name))
    if not by_name:
        raise BadInput("evidence.telegram_no_such_chat", name=name, chat=wanted)
    return by_name[0]


def _files_by_path(files) -> Callable[[str], bytes | None]:
    """The export folder's files looked up by their path as result.json writes it: forward
    slashes, no leading "./" (a mapping made on Windows may have backslashes)."""
    if callable(files):
        return files
    by_path = {_clean_path(path): content for path, content in (files or {}).items()}
    return by_path.get


def _clean_path(path: str) -> str:
    path = path.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


# -- who wrote first -----------------------------------------------------------------------------

# Chats where someone can bring the user in: groups and channels, which an admin adds people to.
_GROUPS = {"private_group", "private_supergroup", "public_supergroup", "private_channel",
           "public_channel"}
# The service messages by which a member brings others in: "invite_members", and "create_group"
# for the people a basic group was made with. Each names the people by name only.
_ADDING = {"invite_members", "create_group"}


def _exporter(root) -> tuple[str | None, set[str]]:
    """The exporting user's account ("user5550001234") and names, when the export says: an
    export of the account has its "personal_information"; an export of one chat has not."""
    info = root.get("personal_information") if isinstance(root, dict) else None
    if not isinstance(info, dict):
        return None, set()
    account = _account(info.get("user_id"))
    # The name as the export writes a user's: first and last name, either alone if the other
    # is empty (export_data_types.cpp, ContactInfo::name).
    parts = [info.get(k) for k in ("first_name", "last_name")]
    full = " ".join(p for p in parts if isinstance(p, str) and p)
    return (account if account and account.startswith("user") else None), {full} - {""}


def _account(value) -> str | None:
    """"user42", "channel7"; an export older than 2021 wrote a user's id as a bare number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, str) and value.isdecimal()):
        return f"user{value}"
    return value if isinstance(value, str) and value else None


def _first_contact(chat: dict, read: list[tuple[dict, ImportedMessage]],
                   exporter: tuple[str | None, set[str]]) -> str | None:
    """Who contacted the user first, as the export shows it, or None.

    A personal chat: the other person, when the first message (or call) is theirs; its "id"
    is their user id, so this needs no more than an export of that chat. A group or channel:
    who added the user, when that came before anything the user wrote or did; the user is
    known only in an export of the account. What the export holds is all this sees: an
    export of a range of dates, or of a chat whose first messages were deleted, starts later."""
    me, names = exporter
    kind = chat.get("type")
    if kind == "personal_chat":
        other = _account(chat.get("id"))
        for raw, message in read:
            who = _doer(raw)
            # A call is contact as much as a message; other service lines ("joined
            # Telegram", a theme, a timer) are not anyone reaching out.
            if raw["type"] == "service" and raw.get("action") != "phone_call":
                continue
            if who is None or who == me:
                return None
            return message.sender if who == other or me is not None else None
        return None
    if kind not in _GROUPS or me is None:
        return None
    # The user's name as this chat writes it too (their own messages, under the same name).
    names = names | {message.sender for raw, message in read if _doer(raw) == me}
    for raw, message in read:
        who = _doer(raw)
        if who == me:  # the user wrote, or joined, or made the group, first
            return None
        members = raw.get("members") if raw.get("action") in _ADDING else None
        if isinstance(members, list) and names & {m for m in members if isinstance(m, str)}:
            return message.sender
    return None


def _doer(raw: dict) -> str | None:
    """The account that sent a message or did what a service message says."""
    return _account(raw.get("actor_id") if raw["type"] == "service" else raw.get("from_id"))


# -- messages ----------------------------------------------------------------------------------

def _message(raw, n: int, name: str, zone, present) -> ImportedMessage | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise BadInput("evidence.telegram_bad_message", name=name, n=n)
    kind = raw["type"]
    # "unsupported" is all Telegram Desktop writes of a message it could not export: its id,
    # nothing else, not even a time. Nothing of it can be shown; it is left out, as is a kind
    # a later Telegram may add.
    if kind not in ("message", "service"):
        return None
    sent_at = _time(raw, "date", n, name, zone)
    if kind == "service":
        # Kept, as one line in brackets, not skipped: a call ("[phone call, 312 s, hangup]"),
        # an invitation into a group, a pinned message are part of what happened in a scam.
        sender, address = raw.get("actor"), raw.get("actor_id")
        text, links, attachments = _service_line(raw), (), ()
    else:
        sender, address = raw.get("from"), raw.get("from_id")
        text, links, attachments = _content(raw, n, name, zone, present)
    return ImportedMessage(
        sender=sender if isinstance(sender, str) else str(address or ""),
        sent_at=sent_at, text=text, message_id=str(raw.get("id")),
        attachments=attachments, links=links,
        from_address=str(address) if address is not None else None)


def _time(raw: dict, key: str, n: int, name: str, zone) -> str:
    """The time of `key` ("date", "edited") from its "_unixtime" twin: the instant, shown in
    `zone` or UTC. Only an export older than 2021 lacks it; its local time then needs the
    zone it was exported in (the earlier of two times when the clocks went back)."""
    seconds = raw.get(key + "_unixtime")
    try:
        if seconds is not None:
            if isinstance(seconds, bool) or not re.fullmatch(r"\d{1,12}", str(seconds)):
                raise ValueError(seconds)
            t = datetime.fromtimestamp(int(seconds), zone or UTC)
        elif isinstance(raw.get(key), str):
            if zone is None:
                raise BadInput("evidence.telegram_needs_timezone", name=name)
            t = datetime.fromisoformat(raw[key]).replace(tzinfo=zone)
        else:
            raise ValueError(key)
        if not in_range(t):
            raise ValueError(t)
    except (ValueError, OverflowError, OSError):
        raise BadInput("evidence.telegram_bad_message", name=name, n=n) from None
    return t.isoformat(timespec="seconds")


def _content(raw: dict, n: int, name: str, zone, present):
    """The text, links and files of an ordinary message."""
    lines = []
    forwarded = raw.get("forwarded_from")
    if forwarded:
        lines.append(f"[forwarded from {forwarded}]")
    if raw.get("reply_to_message_id") is not None:
        lines.append(f"[reply to message {raw['reply_to_message_id']}]")
    body, links = _text(raw)
    if body:
        lines.append(body)
    lines += _media_lines(raw)
    attachments = []
    for key in _MEDIA_KEYS:
        path = raw.get(key)
        if not isinstance(path, str) or not path:
            continue
        label = _file_label(raw, key, path)
        content = None if _LEFT_OUT.search(path) else present(_clean_path(path))
        if content is None:
            lines.append(f"[file not in the export: {label}]")
        else:
            attachments.append(ImportedFile(name=label, media_type=_media_type(raw, key, path),
                                            data=content))
    if raw.get("edited") or raw.get("edited_unixtime"):
        lines.append(f"[edited {_time(raw, 'edited', n, name, zone)}]")
    return "\n".join(lines), tuple(links), tuple(attachments)


def _text(raw: dict) -> tuple[str, list[str]]:
    """The message's text with its parts joined, and its links in order, once each.

    A link written out ("link") is its own text; a link under other words ("text_link") keeps
    its words and its address after them in brackets, since where a link really goes is what
    a look-alike hides: "binance.com/security (https://binance-com.security-check.top/…)"."""
    parts = raw.get("text_entities")
    if not isinstance(parts, list):
        parts = raw.get("text")
        parts = [parts] if isinstance(parts, str) else parts if isinstance(parts, list) else []
    out, links = [], []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
            continue
        if not isinstance(part, dict):
            continue
        text = part.get("text") if isinstance(part.get("text"), str) else ""
        href = part.get("href") if isinstance(part.get("href"), str) else ""
        if part.get("type") == "link" and text:
            links.append(text)
        elif part.get("type") == "text_link" and href:
            links.append(href)
            if href != text:
                text = f"{text} ({href})"
        out.append(text)
    return "".join(out).strip(), list(dict.fromkeys(links))


def _media_lines(raw: dict) -> list[str]:
    """A short line for what a message shares that is not text or a file."""
    lines = []
    if raw.get("media_type") == "sticker" and raw.get("sticker_emoji"):
        lines.append(f"[sticker {raw['sticker_emoji']}]")
    contact = raw.get("contact_information")
    if isinstance(contact, dict):
        who = " ".join(str(contact.get(k) or "") for k in ("first_name", "last_name")).strip()
        lines.append(f"[contact: {who}, {contact.get('phone_number') or ''}]".replace(", ]", "]"))
    place = raw.get("location_information")
    if isinstance(place, dict):
        lines.append(f"[location: {place.get('latitude')}, {place.get('longitude')}]")
    poll = raw.get("poll")
    if isinstance(poll, dict) and poll.get("question"):
        lines.append(f"[poll: {poll['question']}]")
    return lines


def _file_label(raw: dict, key: str, path: str) -> str:
    """The file's name: the export's "file_name" (newer exports), else the last part of its
    path, else, when the export left it out, what it was ("photo", "voice_message")."""
    if key == "file" and isinstance(raw.get("file_name"), str) and raw["file_name"]:
        return raw["file_name"]
    if not _LEFT_OUT.search(path):
        return _clean_path(path).rsplit("/", 1)[-1]
    if key == "file" and isinstance(raw.get("media_type"), str):
        return raw["media_type"]
    return key


def _media_type(raw: dict, key: str, path: str) -> str:
    if key == "file" and isinstance(raw.get("mime_type"), str) and "/" in raw["mime_type"]:
        return raw["mime_type"]
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return _MEDIA_TYPES.get(extension, "image/jpeg" if key == "photo" else
                            "application/octet-stream")


def _service_line(raw: dict) -> str:
    """"[phone call, 312 s, hangup]", "[invite members: Li Wei]", "[pin message 12]"."""
    if isinstance(raw.get("information_text"), str):  # a bot's or the server's own sentence
        return f"[{raw['information_text']}]"
    line = str(raw.get("action") or "service message").replace("_", " ")
    if isinstance(raw.get("title"), str):
        line += f' "{raw["title"]}"'
    if raw.get("message_id") is not None:
        line += f" {raw['message_id']}"
    if isinstance(raw.get("duration_seconds"), int):
        line += f", {raw['duration_seconds']} s"
    if isinstance(raw.get("discard_reason"), str):
        line += f", {raw['discard_reason']}"
    members = raw.get("members")
    if isinstance(members, list) and members:
        line += ": " + ", ".join(str(m) for m in members)
    return f"[{line}]"
