"""`journal verify`, for the imported e-mails of a bundle: each DKIM pass the case file
records is checked again, offline, against the original file in the bundle and the public key
recorded with it on the day it was checked (domain/evidence/email_recheck.py).

So a reader need not take the journal's word for "signed by binance.com": the signature holds
for the original they hold, with a key they can compare with the signer's published or
archived ones. A pass that does not hold again (a line typed into a note, an original that is
not the one signed) is a problem; one that cannot be checked because the export redacted the
originals (a seed phrase in them) is a note.
"""
from __future__ import annotations

import zipfile
import zlib

from ..domain.evidence import email_recheck as mail


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
        claim = mail.pass_claimed(entry.get("kind"), entry.get("notes") or "",
                                  bool(entry.get("voided")))
        if claim is not None:
            claims.append((entry, *claim))
    if not claims:
        return
    exhibits = [ex for ex in case.get("exhibits") or [] if ex.get("media_type") in
                mail.MAIL_TYPES]
    redacted = any(ex.get("redactions") for ex in exhibits)
    found = mail.originals(_files(zf, exhibits, matching))
    for entry, dkim, message_id in claims:
        number, by = entry.get("number"), dkim.domain
        verdict = mail.recheck(entry.get("notes") or "", dkim, found.get(message_id),
                               changed=bool(entry.get("amended") or entry.get("redactions")))
        if verdict == mail.NO_ORIGINAL and redacted:
            proof.notes.append(f"{number}: its DKIM pass (signed by {by}) cannot be checked "
                               f"again: the bundle's e-mail originals were redacted (a seed "
                               f"phrase or key in them), which changes what was signed.")
        elif verdict == mail.NO_ORIGINAL:
            proof.problems.append(f"{number} records a DKIM pass by {by}, but the bundle holds "
                                  f"no original e-mail with its Message-ID to check it against.")
        elif verdict == mail.NOT_HOLDING:
            proof.problems.append(f"{number} records a DKIM pass by {by}, but the signature "
                                  f"does not hold for its original with the key recorded "
                                  f"with it.")
        elif verdict == mail.TEXT_DIFFERS:
            proof.problems.append(f"{number} records a DKIM pass by {by}, but its text is not "
                                  f"what its signed original says.")
        else:
            proof.notes.append(f"{number}: its DKIM signature by {by} holds again for the "
                               f"original, with the key recorded on {dkim.checked_at} "
                               f"(selector {dkim.selector}), and the entry says what it says.")


def _files(zf: zipfile.ZipFile, exhibits, matching: dict):
    """(media type, bytes) of each unredacted e-mail exhibit the manifest vouches for."""
    for ex in exhibits:
        name = ex.get("file")
        if ex.get("redactions") or name not in matching:
            continue
        try:
            yield ex.get("media_type"), zf.read(name)
        except (KeyError, OSError, zipfile.BadZipFile, zlib.error):
            continue
