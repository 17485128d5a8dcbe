"""A recorded DKIM pass checked again against the original e-mail, offline: by `journal
verify` for a bundle, and by the export itself before the case file calls it a pass.

The pass must hold for the original (found by the entry's Message-ID, in an .eml or an .mbox
kept as an exhibit) with the key recorded with it, and the entry's From, Subject and text must
be what that original says: so a pass typed into a note by hand, or a note that borrows a
real message's signature line with other words, is not taken for one.
"""
from __future__ import annotations

import re

from ...errors import BadInput
from .email_signature import DkimResult, check_again
from .origin import read_origin

MAIL_TYPES = ("message/rfc822", "application/mbox")
_NAME = "the original e-mail"   # the file's name in a reader's sentence (never shown here)
_MESSAGE_ID = re.compile(r"^Message-ID: (.+)$", re.M)

# What the check found: the pass holds; no original with its Message-ID; the signature does
# not hold for it; the entry's text is not the original's.
HOLDS, NO_ORIGINAL, NOT_HOLDING, TEXT_DIFFERS = ("holds", "no-original", "not-holding",
                                                 "text-differs")


def pass_claimed(kind: str, notes: str, voided: bool) -> tuple[DkimResult, str | None] | None:
    """The DKIM pass an e-mail entry's notes record, with its Message-ID; None if none."""
    if kind != "email" or voided:
        return None
    dkim = read_origin(notes or "").dkim
    if dkim is None or not dkim.passed:
        return None
    ids = _MESSAGE_ID.findall(notes)
    return dkim, ids[0].strip() if ids else None


def originals(files) -> dict[str, bytes]:
    """Each e-mail of `files` ((media type, bytes) pairs: .eml and .mbox exhibits; others are
    passed over) by its Message-ID."""
    from .email import message_id, parse
    from .email_mbox import split
    out: dict[str, bytes] = {}
    for media_type, data in files:
        if media_type not in MAIL_TYPES:
            continue
        try:
            messages = split(data, _NAME) if media_type == "application/mbox" else [data]
            for raw in messages:
                own = message_id(parse(raw, _NAME, headers_only=True))
                if own:
                    out.setdefault(own, raw)
        except BadInput:
            continue      # an exhibit that is no mail is just not one
    return out


def recheck(notes: str, dkim: DkimResult, raw: bytes | None, *, changed: bool) -> str:
    """HOLDS, NO_ORIGINAL, NOT_HOLDING or TEXT_DIFFERS for the pass `dkim` of an entry whose
    notes are `notes`, its original `raw`. `changed`: the entry was amended since, or its
    text redacted in the export: its From and Subject must still be the original's."""
    if raw is None:
        return NO_ORIGINAL
    if not check_again(raw, dkim):
        return NOT_HOLDING
    return HOLDS if _says_what_was_signed(notes, raw, changed) else TEXT_DIFFERS


def _says_what_was_signed(notes: str, raw: bytes, changed: bool) -> bool:
    from .email import read_message
    try:
        m = read_message(raw, _NAME, timezone="UTC")
    except BadInput:
        return False
    head = notes.split("\n\n", 1)[0].split("\n")
    if f"From: {m.sender}" not in head or f"Subject: {m.subject or ''}" not in head:
        return False
    return changed or (m.text or "") in notes
