"""Evidence as it arrives from elsewhere: support e-mails, chat exports and transcripts, read
into conversations of messages before any of it becomes an entry of the journal.

Each format has its reader here (email.py, telegram.py, whatsapp.py, transcript.py), and
detect.py says which reader takes a file. A reader takes the original file's bytes (and, for
an export folder or a zip, the files beside it), changes nothing, reads nothing from the
network, and returns a Conversation; a file that is not its format, or is cut short, raises
BadInput with one sentence. What becomes an entry,
and the original kept as an exhibit, is the service's work.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ...errors import BadInput


@dataclass(frozen=True)
class ImportedFile:
    """A file that came with a message (an e-mail attachment, a photo of a chat export)."""
    name: str
    media_type: str
    data: bytes


@dataclass(frozen=True)
class ImportedMessage:
    sender: str                       # "Binance Support <support@binance.com>", "Ken"
    sent_at: str                      # ISO 8601 with its UTC offset, to the second
    text: str                         # the readable body: plain text, quoted replies folded
    recipients: tuple[str, ...] = ()  # e-mail To/Cc; empty for a chat
    subject: str | None = None        # e-mail only
    message_id: str | None = None     # e-mail Message-ID; a chat export's message id
    attachments: tuple[ImportedFile, ...] = ()
    links: tuple[str, ...] = ()       # every URL in the body, as written
    from_address: str | None = None   # the bare address or account of the sender, if known
    headers: tuple[tuple[str, str], ...] = ()   # e-mail: the raw headers, in order
    raw: bytes | None = None          # e-mail: the message's own bytes, as signed (DKIM)


@dataclass(frozen=True)
class Conversation:
    """One thread or chat read from one original file."""
    source: str                       # "email", "telegram", "whatsapp", "transcript"
    title: str                        # subject, chat name, or the file's name
    messages: tuple[ImportedMessage, ...]
    participants: tuple[str, ...] = field(default=())
    # The account that contacted the user first, when the export shows it (a Telegram
    # personal chat whose first message is theirs, a WhatsApp group someone added the user
    # to): real support answers, it does not write first. None: not known, or the user did.
    first_contact: str | None = None


def time_zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone a reader was given for times written without one (None: not given)."""
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput("time_zone.invalid", name=name) from None
