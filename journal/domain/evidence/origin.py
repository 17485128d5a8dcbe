"""Where an imported message came from, as the entry records it: the DKIM result of an
e-mail, what is doubtful about its domains, and who contacted whom first.

It is written into the entry's notes, as lines a clerk can read and the program can read
back (`origin_lines`, `read_origin`): the notes are what the ledger's hash chain covers, so
the result of the day it was checked cannot be rewritten later without the chain showing it,
and search, the case file and `journal verify` see it as they see the rest of the entry.

    DKIM: pass; d=binance.com; s=s1; checked 2026-12-02T10:00:00Z; key MIIBIjANBgkq…
    Warning: look-alike link blnance.com (like binance.com)
    Warning: not-listed sender gmail.com
    Warning: first-contact Ken
    Domains: not compared (the directory lists no website or e-mail of Kraken)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .email_signature import DKIM_STATUSES, DkimResult
from .look_alike import DomainFinding

__all__ = ["Origin", "origin_lines", "read_origin", "origin_sentences", "dkim_sentence",
           "WARNING_KINDS"]

WARNING_KINDS = ("look-alike", "reported-fake", "unverified", "not-listed")

# How a DKIM status and reason are written, and read back.
_STATUS_WORDS = {"pass": "pass", "fail": "fail", "no-key": "no key", "unsigned": "unsigned",
                 "not-checked": "not checked"}
_REASON_WORDS = {
    "body-changed": "the body changed", "headers-changed": "a signed header changed",
    "headers-added": "a header was added", "bad-signature": "the signature is not valid",
    "bad-key": "the published key is not valid", "expired": "the signature expired",
    "no-network": "DNS could not be reached", "not-allowed": "no look-up allowed",
    "unsupported-key": "a key type not supported", "body-length-limited":
    "only part of the body is signed",
}
_WORDS_STATUS = {v: k for k, v in _STATUS_WORDS.items()}
_WORDS_REASON = {v: k for k, v in _REASON_WORDS.items()}
_UNSIGNED_HEADERS = "unsigned headers: "

_DKIM_LINE = re.compile(r"^DKIM: (?P<status>[a-z ]+?)(?: \((?P<reason>[^()]*)\))?"
                        r"(?:; d=(?P<d>[^;\s]+))?(?:; s=(?P<s>[^;\s]+))?"
                        r"(?:; checked (?P<at>[^;\s]+))?(?:; key (?P<key>[A-Za-z0-9+/=]+))?$")
_WARNING_LINE = re.compile(r"^Warning: (?P<kind>[a-z-]+) (?P<where>sender|link|signer) "
                           r"(?P<domain>\S+)(?: \(like (?P<like>[^()\s]+)\))?$")
_FIRST_CONTACT = "Warning: first-contact "
_NOT_COMPARED = "Domains: not compared (the directory lists no website or e-mail of "


@dataclass(frozen=True)
class Origin:
    dkim: DkimResult | None = None
    findings: tuple[DomainFinding, ...] = ()
    first_contact: str | None = None
    # The platform, when the directory lists no domain of it to compare with (nothing is
    # then said of the domains, rather than every one of them being "not listed").
    not_compared: str | None = None

    @property
    def warned(self) -> bool:
        """Something the user should know: a doubtful domain, a first contact, or a DKIM
        signature that did not hold."""
        return bool(self.findings or self.first_contact
                    or (self.dkim is not None and self.dkim.status in ("fail", "no-key")))

    def __bool__(self) -> bool:
        return (self.dkim is not None or bool(self.findings) or self.first_contact is not None
                or self.not_compared is not None)


def origin_lines(origin: Origin) -> list[str]:
    """The lines that record `origin` in an entry's notes."""
    lines = []
    if origin.dkim is not None:
        lines.append(_dkim_line(origin.dkim))
    for f in origin.findings:
        like = f" (like {f.like})" if f.like else ""
        lines.append(f"Warning: {f.kind} {f.where} {f.domain}{like}")
    if origin.first_contact:
        lines.append(_FIRST_CONTACT + _one_line(origin.first_contact))
    if origin.not_compared:
        lines.append(f"{_NOT_COMPARED}{_one_line(origin.not_compared)} in the directory)")
    return lines


def read_origin(notes: str) -> Origin:
    """The origin recorded at the head of an imported entry's notes (empty when there is
    none): its origin lines, after an e-mail's header lines, before its blank line."""
    dkim, findings, first, not_compared = None, [], None, None
    for line in _head(notes):
        if line.startswith("DKIM: ") and dkim is None:
            dkim = _read_dkim(line)
        elif line.startswith(_NOT_COMPARED) and line.endswith(" in the directory)"):
            not_compared = line[len(_NOT_COMPARED):-len(" in the directory)")] or None
        elif line.startswith(_FIRST_CONTACT):
            first = line[len(_FIRST_CONTACT):].strip() or None
        elif (m := _WARNING_LINE.match(line)) is not None and m["kind"] in WARNING_KINDS:
            findings.append(DomainFinding(m["kind"], m["where"], m["domain"], m["like"]))
    return Origin(dkim, tuple(findings), first, not_compared)


# The lines an import writes before its origin lines: an e-mail's headers.
_HEADER_LINES = ("From: ", "To: ", "Subject: ", "Date: ", "Message-ID: ")


def _head(notes: str):
    """The lines of the notes' first paragraph, up to the first that is neither an e-mail
    header line nor an origin line: a chat's notes, 200,000 characters maybe, are not split
    whole to find that they have none."""
    start = 0
    while start < len(notes):
        end = notes.find("\n", start)
        line = notes[start:] if end < 0 else notes[start:end]
        if not line.startswith((*_HEADER_LINES, "DKIM: ", "Warning: ", _NOT_COMPARED)):
            return
        yield line
        if end < 0:
            return
        start = end + 1


def _dkim_line(r: DkimResult) -> str:
    line = "DKIM: " + _STATUS_WORDS[r.status]
    if r.reason:
        if r.reason.startswith("unsigned-headers:"):
            reason = _UNSIGNED_HEADERS + r.reason.split(":", 1)[1]
        else:
            reason = _REASON_WORDS.get(r.reason, r.reason)
        line += f" ({reason})"
    if r.domain:
        line += f"; d={r.domain}"
    if r.selector:
        line += f"; s={r.selector}"
    if r.checked_at:
        line += f"; checked {r.checked_at}"
    if r.key:
        line += f"; key {r.key}"
    return line


def _read_dkim(line: str) -> DkimResult | None:
    m = _DKIM_LINE.match(line)
    if m is None or _WORDS_STATUS.get(m["status"]) not in DKIM_STATUSES:
        return None
    status = _WORDS_STATUS[m["status"]]
    reason = m["reason"]
    if reason is not None:
        if reason.startswith(_UNSIGNED_HEADERS):
            reason = "unsigned-headers:" + reason[len(_UNSIGNED_HEADERS):]
        else:
            reason = _WORDS_REASON.get(reason, reason)
    return DkimResult(status, m["d"], m["s"], m["at"], reason, m["key"])


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# -- in words ----------------------------------------------------------------------------------

_WHERE_WORDS = {"sender": "The sender's domain {d}", "link": "A link goes to {d}, which",
                "signer": "The signer {d}"}


def origin_sentences(origin: Origin, platform: str) -> list[str]:
    """What `origin` means, in English sentences for the command line and the case file
    (the window says the same in the user's language). Warnings first."""
    out = [_finding_sentence(f, platform) for f in origin.findings]
    if origin.first_contact:
        out.append(f"{origin.first_contact} contacted you first, as the export shows. Real "
                   f"support answers you; it does not contact you first.")
    if origin.not_compared:
        out.append(f"The directory lists no website or e-mail of {origin.not_compared}, so "
                   f"the domains were not compared with the platform's.")
    if origin.dkim is not None:
        out.append(dkim_sentence(origin.dkim))
    return out


def _finding_sentence(f: DomainFinding, platform: str) -> str:
    subject = _WHERE_WORDS[f.where].format(d=f.domain)
    verb = " is"
    if f.kind == "look-alike":
        return (f"{subject} looks like {f.like}, a domain of {platform}, but is not it: a "
                f"look-alike, as scams use.")
    if f.kind == "reported-fake":
        return f"{subject}{verb} the domain of a channel reported fake for {platform}."
    if f.kind == "unverified":
        return f"{subject}{verb} the domain of an unverified channel of {platform}."
    return (f"{subject}{verb} not a listed domain of {platform}. Check it on the official "
            f"website or app before you trust it.")


def dkim_sentence(r: DkimResult) -> str:
    when = f" (checked {r.checked_at})" if r.checked_at else ""
    signer = r.domain or "the signer"
    if r.status == "pass":
        extra = ""
        if r.reason == "body-length-limited":
            extra = " Only the first part of the body is signed: text may have been added."
        elif r.reason and r.reason.startswith("unsigned-headers:"):
            extra = f" Not signed: {r.reason.split(':', 1)[1].replace(',', ', ')}."
        return f"DKIM: signed by {signer}, and unchanged since{when}.{extra}"
    if r.status == "fail":
        why = _REASON_WORDS.get(r.reason or "", "the signature is not valid")
        return (f"DKIM: the signature of {signer} does not hold: {why}{when}. The message "
                f"changed after it was signed, or the signature is not {signer}'s.")
    if r.status == "no-key":
        return (f"DKIM: {signer} publishes no key for this signature{when}, so it cannot be "
                f"verified.")
    if r.status == "unsigned":
        return "DKIM: the message is not signed."
    why = _REASON_WORDS.get(r.reason or "", "")
    return f"DKIM: not checked ({why})." if why else "DKIM: not checked."
