"""A WhatsApp chat export ("Export chat" on the phone) read into a Conversation.

The export is a text file, "WhatsApp Chat with NAME.txt" (Android) or "_chat.txt" (iOS),
alone or in a .zip with the photos and files it mentions. One message a line, later lines
of a message following it unmarked:

    Android  24/11/2023, 14:02 - Name: text          11/24/23, 2:02 PM - Name: text
    iOS      [24/11/2023, 14:02:33] Name: text       [11/24/23, 2:02:33 PM] Name: text

The date is written in the phone's locale (slashes, dots or dashes; day or month first;
year of two or four digits), the clock is 12- or 24-hour ("PM", "pm", "p.m.", newer exports
put a narrow no-break space before it) and no line says its time zone. So the day/month
order is read from the whole file when some date shows it, and otherwise, like the zone,
must be given (`date_order`, `timezone`): a wrong guess would put every message on another
day, and a dispute is about dates.

The line parsing and dates are in whatsapp_lines.py; this module reads the file or zip.
"""
from __future__ import annotations

import mimetypes
import posixpath
import re
import zipfile
from io import BytesIO

from journal.errors import BadInput

from . import Conversation, ImportedFile, ImportedMessage
from .whatsapp_lines import Entry, parse_lines, resolve_order, sent_at, zone

MAX_BYTES = 512 * 1024 * 1024     # the export, and what is read out of a zip in all
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

_TITLE = re.compile(r"WhatsApp Chat (?:with|-) (.+?)(?:\.txt|\.zip)?", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)

# What a message says about its media. Android writes "IMG-20231124-WA0003.jpg (file
# attached)"; iOS "<attached: 00000012-PHOTO-2023-11-24-14-02-33.jpg>". Other languages
# word these differently ("(Datei angehängt)", "<Anhang: …>"): inside a zip, a line of that
# shape naming a file the zip holds counts too, whatever its words.
_ANDROID_FILE = re.compile(r"(?P<file>[^\s<>:/\\][^<>:/\\]*?\.\w{1,8}) \((?P<note>[^()]+)\)")
_IOS_FILE = re.compile(r"<(?P<note>[^<>:]+): (?P<file>[^<>]+)>")
_MEDIA_OMITTED = "<Media omitted>"
# iOS, exported without media, writes "‎image omitted" (with its left-to-right mark).
_IOS_OMITTED = re.compile(r"\u200e(?:image|video|audio|sticker|GIF|document|Contact card)"
                          r" omitted", re.IGNORECASE)
NOT_IN_EXPORT = "[media not in the export]"

# WhatsApp's notices about the members of a group ("Ken created group “Refund”", "Ken added
# you", "Mei left"): a chat that has one is a group, not a chat with one person.
_GROUP_WORDS = (r".*\bcreated (?:the )?group|.*\bcreated this group|.*\b(?:added|removed) "
                r"|.*\bleft$|.*\bchanged (?:the subject|this group|the group)|.*\bjoined using"
                r"|.*now an admin")
_GROUP_NOTICE = re.compile(_GROUP_WORDS)
# iOS writes "‎" before the text WhatsApp makes itself; of that, the notices about the chat
# itself (not an act of the sender, as a deleted message or a missed call is) are left out.
# Only the English wording is known; a notice in another language stays a message, which
# loses nothing.
_IOS_NOTICE = re.compile(
    r"\u200e(?:.*end-to-end encrypted|" + _GROUP_WORDS + r"|.*\bchanged (?:their phone number"
    r"|to )|.*security code|.*disappearing messages|.*default (?:message )?timer"
    r"|.*business account|.*\bis a contact|.*\bpinned a message)")
# Who brought the user into a group: "Ken added you" (Android: a line of its own; iOS: under
# the group's name). What the user did themselves comes out as "You created group …", "You
# joined using this group's invite link", "You added Mei". English only, as above: in
# another language no one is named, which claims nothing.
_ADDED_YOU = re.compile(r"(?P<who>.+?) added you")
_YOU_DID = re.compile(r"You (?:created|joined|added) ")

_PHONE = re.compile(r"\+[\d\s().\-]{6,}")
_MEDIA_TYPES = mimetypes.MimeTypes()   # the built-in table only: the same on every machine


def read_whatsapp(data: bytes, name: str, *, date_order: str | None = None,
                  timezone: str | None = None) -> Conversation:
    """The chat of a WhatsApp export: `data` is the .txt or the .zip (known by its first
    bytes, not its name), `name` its file name. `date_order` ("dmy", "mdy", "ymd") is needed
    only when no date of the file shows it; `timezone` (an IANA name: the zone the phone was
    set to) always, as no line carries one.

    WhatsApp's notices ("Messages and calls are end-to-end encrypted", "Ken created group")
    are not messages of anyone and are left out: a Conversation has no place for them, and
    the original, kept as an exhibit, still holds them."""
    if len(data) > MAX_BYTES:
        raise BadInput("evidence.whatsapp_too_big", name=name, limit=MAX_BYTES >> 20)
    media: dict[str, zipfile.ZipInfo] = {}
    title = _title(name)
    archive = None
    if data[:4] in _ZIP_MAGIC:
        archive, chat = _open_zip(data, name)
        media = {posixpath.basename(i.filename): i for i in archive.infolist()
                 if not i.is_dir() and i is not chat}
        title = title or _title(posixpath.basename(chat.filename))
        data = _read_member(archive, chat, name, [0])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("evidence.whatsapp_not_utf8", name=name) from None

    entries = parse_lines(text, name)
    order = resolve_order(entries, date_order, name)
    tz = zone(timezone, name)
    budget = [len(data)]       # what has been read out of the zip, against MAX_BYTES
    messages = []
    timeline: list[str | ImportedMessage] = []   # the messages, and the notices as text
    for entry in entries:
        if entry.sender is None:
            timeline.append(entry.lines[0])
            continue
        if _is_notice(entry):
            title = title or _clean_name(entry.sender)   # iOS: the chat's name
            timeline.append(_strip_marks(entry.lines[0]))
            continue
        messages.append(_message(entry, sent_at(entry, order, tz, name), archive, media,
                                 name, budget))
        timeline.append(messages[-1])
    participants = tuple(dict.fromkeys(m.sender for m in messages))
    return Conversation(source="whatsapp", title=title or name, messages=tuple(messages),
                        participants=participants,
                        first_contact=_first_contact(timeline, title, participants))


def _first_contact(timeline: list[str | ImportedMessage], title: str | None,
                   participants: tuple[str, ...]) -> str | None:
    """Who contacted the user first, as the export shows it, or None.

    A chat with one person is named after them ("WhatsApp Chat with NAME"): they did, when
    the first message is theirs. A group: who added the user, when that is the first thing
    of the export but its notices. A message before it may be the user's, from before they
    left and were added again (the export names the user by name, never as "you"), so then
    it is not known."""
    notices = [item for item in timeline if isinstance(item, str)]
    if len(participants) <= 2 and not any(_GROUP_NOTICE.match(n) for n in notices):
        first = next((item for item in timeline if not isinstance(item, str)), None)
        if first is not None and title is not None and _same_person(first.sender, title):
            return first.sender
        return None
    for item in timeline:
        if not isinstance(item, str) or _YOU_DID.match(item):
            return None
        added = _ADDED_YOU.fullmatch(item)
        if added:
            return _clean_name(added["who"])
    return None


def _same_person(sender: str, title: str) -> bool:
    """The sender is the one the chat is named after: the same name, or the same number
    however it is spaced ("+44 7700 900123", "+447700900123")."""
    title = _clean_name(title)
    if sender.casefold() == title.casefold():
        return True
    digits = re.sub(r"\D", "", sender)
    return bool(_PHONE.fullmatch(sender) and _PHONE.fullmatch(title)
                and len(digits) >= 7 and digits == re.sub(r"\D", "", title))


def _title(file_name: str) -> str | None:
    """NAME of "WhatsApp Chat with NAME.txt" (Android) or "WhatsApp Chat - NAME.zip" (iOS)."""
    m = _TITLE.fullmatch(posixpath.basename(file_name.replace("\\", "/")))
    return m.group(1).strip() if m else None


def _open_zip(data: bytes, name: str) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
    """The zip and its chat: "_chat.txt" (iOS), "WhatsApp Chat with NAME.txt" (Android), or
    its only text file."""
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        members = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise BadInput("evidence.whatsapp_bad_zip", name=name) from None
    texts = [i for i in members if i.filename.lower().endswith(".txt")]
    named = [i for i in texts if posixpath.basename(i.filename) == "_chat.txt"
             or _title(i.filename) is not None]
    chats = named or texts
    if len(chats) != 1:
        raise BadInput("evidence.whatsapp_zip_without_chat", name=name)
    return archive, chats[0]


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str,
                 budget: list[int]) -> bytes:
    """A file of the zip, refused before it is read if it would take what is read past
    MAX_BYTES (the sizes a zip declares are checked again as it is read)."""
    budget[0] += member.file_size
    if budget[0] > MAX_BYTES:
        raise BadInput("evidence.whatsapp_too_big", name=name, limit=MAX_BYTES >> 20)
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, ValueError,
            OSError):
        # damaged, cut short, encrypted or in a compression zipfile does not know
        raise BadInput("evidence.whatsapp_bad_zip", name=name) from None


def _is_notice(entry: Entry) -> bool:
    return entry.ios and bool(_IOS_NOTICE.match(entry.lines[0]))


def _message(entry: Entry, when: str, archive: zipfile.ZipFile | None,
             media: dict[str, zipfile.ZipInfo], name: str, budget: list[int]
             ) -> ImportedMessage:
    lines, files = [], []
    for line in entry.lines:
        if line.strip() == _MEDIA_OMITTED or _IOS_OMITTED.fullmatch(line.strip()):
            lines.append(NOT_IN_EXPORT)
            continue
        line = _strip_marks(line)
        for file_name in _files_named(line, media):
            if archive is not None and file_name in media:
                data = _read_member(archive, media[file_name], name, budget)
                files.append(ImportedFile(name=file_name, media_type=_media_type(file_name),
                                          data=data))
        lines.append(line)
    text = "\n".join(lines).rstrip()
    sender = _clean_name(entry.sender)
    digits = re.sub(r"\D", "", sender)
    phone = _PHONE.fullmatch(sender) and len(digits) >= 7
    return ImportedMessage(
        sender=sender, sent_at=when, text=text, attachments=tuple(files),
        links=tuple(_links(text)),
        from_address="+" + digits if phone else None)


def _files_named(line: str, media: dict[str, zipfile.ZipInfo]) -> list[str]:
    """The files a line of a message says came with it."""
    found = []
    m = _ANDROID_FILE.fullmatch(line.strip())
    if m and (m["note"] == "file attached" or m["file"] in media):
        found.append(m["file"])
    for m in _IOS_FILE.finditer(line):
        if m["note"] == "attached" or m["file"].strip() in media:
            found.append(m["file"].strip())
    return found


def _strip_marks(line: str) -> str:
    """Without the left-to-right marks iOS puts at the start and before "<attached: …>";
    a mark inside the text the person wrote (Arabic, Hebrew) is theirs and stays."""
    return line.lstrip("\u200e").replace("\u200e<", "<")


def _clean_name(sender: str) -> str:
    """The name as shown: without the direction marks around a number ("\u202a+44 7700
    900123\u202c"), with plain spaces and hyphens for the no-break ones."""
    sender = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]", "", sender)
    return sender.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2011", "-").strip()


def _links(text: str) -> list[str]:
    """Every URL of the text as written, without the full stop or bracket that ends the
    sentence around it."""
    links = []
    for m in _URL.finditer(text):
        url = m.group().rstrip(".,;:!?'")
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(".,;:!?'")
        links.append(url)
    return links


def _media_type(file_name: str) -> str:
    return _MEDIA_TYPES.guess_type(file_name)[0] or "application/octet-stream"
