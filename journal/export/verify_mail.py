"""`journal verify`, for the imported e-mails of a bundle: each DKIM pass the case file
records is checked again, offline, against the original file in the bundle and the public key
recorded with it on the day it was checked.

So a reader need not take the journal's word for "signed by binance.com": the signature holds
for the original they hold, with a key they can compare with the signer's published or
archived ones. A pass that does not hold again (a line typed into a note, an original that is
not the one signed) is a problem; one that cannot be checked (the original is not in the
bundle, or was redacted for a seed phrase it held) is a note.
"""
from __future__ import annotations

import re
import zipfile
import zlib

from ..domain.evidence.origin import read_origin
from ..errors import BadInput

_MAIL_TYPES = ("message/rfc822", "application/mbox")
_MESSAGE_ID = re.compile(r"^Message-ID: (.+)$", re.M)


def check_mail(zf: zipfile.ZipFile, case: dict, matching: dict, proof) -> None:
    """Adds to `proof` a problem for each recorded DKIM pass that does not hold again or has
    no original to hold for, and a note for each that holds or whose original was redacted."""
    try:
        _check(zf, case, matching, proof)
    except (TypeError, AttributeError, ValueError):
        proof.problems.append("case.json: an e-mail entry or exhibit is incomplete.")


def _check(zf: zipfile.ZipFile, case: dict, matching: dict, proof) -> None:
    claims = []
    for entry in case.get("entries") or []:
        if entry.get("kind") != "email" or entry.get("voided"):
            continue
        dkim = read_origin(entry.get("notes") or "").dkim
        if dkim is not None and dkim.passed:
            ids = _MESSAGE_ID.findall(entry.get("notes") or "")
            claims.append((entry, dkim, ids[0].strip() if ids else None))
    if not claims:
        return
    from ..domain.evidence.email_signature import check_again
    originals, redacted = _originals(zf, case, matching), _redacted(case)
    for entry, dkim, message_id in claims:
        number = entry.get("number")
        raw = originals.get(message_id)
        if raw is None and redacted:
            proof.notes.append(f"{number}: its DKIM pass (signed by {dkim.domain}) cannot be "
                               f"checked again: the bundle's e-mail originals were redacted "
                               f"(a seed phrase or key in them), which changes what was "
                               f"signed.")
        elif raw is None:
            proof.problems.append(f"{number} records a DKIM pass by {dkim.domain}, but the "
                                  f"bundle holds no original e-mail with its Message-ID to "
                                  f"check it against.")
        elif not check_again(raw, dkim):
            proof.problems.append(f"{number} records a DKIM pass by {dkim.domain}, but the "
                                  f"signature does not hold for its original with the key "
                                  f"recorded with it.")
        elif not _says_what_was_signed(entry, raw):
            proof.problems.append(f"{number} records a DKIM pass by {dkim.domain}, but its "
                                  f"text is not what its signed original says.")
        else:
            proof.notes.append(f"{number}: its DKIM signature by {dkim.domain} holds again for "
                               f"the original, with the key recorded on {dkim.checked_at} "
                               f"(selector {dkim.selector}), and the entry says what it "
                               f"says.")


def _says_what_was_signed(entry: dict, raw: bytes) -> bool:
    """The entry's sender, subject and text are those of the signed original, read again as
    the import read it (an entry amended since, or with text redacted in case.json, has its
    earlier text in its revisions: its signed From and Subject must still match)."""
    from ..domain.evidence.email import read_message
    notes = entry.get("notes") or ""
    try:
        m = read_message(raw, "original", timezone="UTC")
    except BadInput:
        return False
    head = notes.split("\n\n", 1)[0].split("\n")
    if f"From: {m.sender}" not in head or f"Subject: {m.subject or ''}" not in head:
        return False
    if entry.get("amended") or entry.get("redactions"):
        return True
    return (m.text or "") in notes


def _redacted(case: dict) -> bool:
    return any(ex.get("media_type") in _MAIL_TYPES and ex.get("redactions")
               for ex in case.get("exhibits") or [])


def _originals(zf: zipfile.ZipFile, case: dict, matching: dict) -> dict[str, bytes]:
    """Each unredacted e-mail original of the bundle (an .eml, or each message of an .mbox)
    by its Message-ID."""
    from ..domain.evidence import email as mail
    from ..domain.evidence.email_mbox import split
    out: dict[str, bytes] = {}
    for ex in case.get("exhibits") or []:
        name = ex.get("file")
        if ex.get("media_type") not in _MAIL_TYPES or ex.get("redactions") or \
                name not in matching:
            continue
        try:
            data = zf.read(name)
            messages = split(data, name) if ex.get("media_type") == "application/mbox" \
                else [data]
            for raw in messages:
                own = mail.message_id(mail.parse(raw, name, headers_only=True))
                if own:
                    out.setdefault(own, raw)
        except (BadInput, KeyError, OSError, zipfile.BadZipFile, zlib.error):
            continue      # an exhibit that is no mail (or cannot be read) is just not one
    return out
