"""What an imported conversation becomes: the entries it makes (an e-mail each, a chat one or,
if long, consecutive pieces) and the notes each entry holds, its origin lines first."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parseaddr

from ..domain.evidence import Conversation, ImportedMessage
from ..domain.evidence.origin import Origin, origin_lines
from ..domain.references import find_references
from ..domain.scam_signs import note_alarms

# A chat longer than this (in the characters of its notes) is entered in consecutive pieces,
# each an entry of its own: a note has a limit (MAX_NOTE_CHARS), and a timeline card or a page
# of the case file stays readable. An ordinary support chat is far below it: one entry.
PIECE_CHARS = 200_000


@dataclass(frozen=True)
class PlannedEntry:
    """One entry an import would make: an e-mail, or a whole chat."""
    kind: str                         # "email" or "chat"
    title: str                        # the subject, or the chat's name
    start: str
    end: str | None
    senders: tuple[str, ...]
    messages: int
    attachments: tuple[str, ...]      # the names of the files that came with the messages
    references: tuple[str, ...]       # "ticket:12345", as `journal log --ref` takes them
    message_id: str | None = None     # an e-mail's Message-ID
    already_in_case: bool = False     # its Message-ID is in the case: it will be skipped
    origin: Origin = Origin()         # its DKIM result, doubtful domains, first contact
    scam_signs: tuple[str, ...] = ()  # the kinds of scam sign its text shows (scam_signs.py)
    secrets: tuple[str, ...] = ()     # "seed phrase", "private key": exports redact them


def pieces(c: Conversation) -> list[Conversation]:
    """The conversation as one piece, or, if its notes would be longer than PIECE_CHARS, as
    consecutive pieces of whole messages each within it (a message longer than that alone is
    a piece of its own, and log() says if it is too long for a note)."""
    out, current, size = [], [], 0
    for m in c.messages:
        length = len(chat_notes((m,))) + 1
        if current and size + length > PIECE_CHARS:
            out.append(current)
            current, size = [], 0
        current.append(m)
        size += length
    if current:
        out.append(current)
    if len(out) == 1:
        return [c]
    return [replace(c, messages=tuple(piece)) for piece in out]


def email_entry(m: ImportedMessage, origin: Origin = Origin()) -> PlannedEntry:
    return PlannedEntry(kind="email", title=m.subject or "", start=m.sent_at, end=None,
                        senders=(m.sender,), messages=1,
                        attachments=tuple(f.name for f in m.attachments),
                        references=find_references(m.subject or "", m.text),
                        message_id=m.message_id, origin=origin)


def chat_entry(c: Conversation, origin: Origin = Origin()) -> PlannedEntry:
    times = sorted((m.sent_at for m in c.messages), key=instant)
    return PlannedEntry(kind="chat", title=c.title, start=times[0], end=times[-1],
                        senders=tuple(dict.fromkeys(m.sender for m in c.messages if m.sender)),
                        messages=len(c.messages),
                        attachments=tuple(f.name for m in c.messages for f in m.attachments),
                        references=find_references(c.title, *(m.text for m in c.messages)),
                        origin=origin)


def with_alarms(entry: PlannedEntry, messages) -> PlannedEntry:
    """The entry with the scam signs and secrets its messages' text shows, as the log
    dialog's banner shows them for typed notes."""
    signs, secrets = note_alarms("\n".join(m.text or "" for m in messages))
    return replace(entry, scam_signs=tuple(signs), secrets=tuple(secrets))


def entry_notes(entry: PlannedEntry, messages) -> str:
    if entry.kind == "email":
        return email_notes(messages[0], entry.origin)
    return chat_notes(messages, entry.origin)


def email_notes(m: ImportedMessage, origin: Origin = Origin()) -> str:
    head = [f"From: {m.sender}", f"To: {', '.join(m.recipients)}",
            f"Subject: {m.subject or ''}", f"Date: {m.sent_at}",
            f"Message-ID: {m.message_id or ''}", *origin_lines(origin)]
    return "\n".join(head) + "\n\n" + (m.text or "")


def chat_notes(messages, origin: Origin = Origin()) -> str:
    """One line per message, "[YYYY-MM-DD HH:MM] Name: text", in the time the message was
    sent in (its own offset); the lines of a long message that follow are indented. What is
    doubtful about the chat comes first, in a paragraph of its own."""
    lines = []
    for m in messages:
        first, *rest = (m.text or "").split("\n")
        lines.append(f"[{m.sent_at[:10]} {m.sent_at[11:16]}] {m.sender}: {first}".rstrip())
        lines += [f"    {line}".rstrip() for line in rest]
    head = origin_lines(origin)
    return "\n".join(head) + "\n\n" + "\n".join(lines) if head else "\n".join(lines)


def display_name(sender: str) -> str | None:
    """"Binance Support <support@binance.com>" → "Binance Support"; a bare address → None."""
    name, _ = parseaddr(sender or "")
    return name.strip()[:200] or None   # the agent name's limit (domain/inputs.py)


def instant(text: str) -> float:
    return datetime.fromisoformat(text).timestamp()
