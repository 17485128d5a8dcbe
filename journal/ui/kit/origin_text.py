"""Where an imported message came from, in the window's words: its DKIM result, what is
doubtful about its domains and who wrote first (domain/evidence/origin.py), translated.

The import preview and the timeline's card say the same sentences; a warning is what the user
should act on (a look-alike domain, a signature that does not hold), the rest is information.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.evidence.email_signature import DkimResult
from ...domain.evidence.look_alike import DomainFinding
from ...domain.evidence.origin import Origin
from . import formatting


translate = QCoreApplication.translate


def warnings(origin: Origin) -> list[str]:
    """The sentences to warn with: each doubtful domain, the first contact, a signature that
    does not hold. Empty when there is nothing to warn about."""
    out = [finding(f) for f in origin.findings]
    if origin.first_contact:
        out.append(translate(
            "Origin", "{0} contacted you first. Real support answers you; it does not write "
                      "to you first.").format(origin.first_contact))
    if origin.dkim is not None and origin.dkim.status in ("fail", "no-key"):
        out.append(dkim(origin.dkim))
    return out


def notes(origin: Origin) -> list[str]:
    """The sentences that inform without warning: a signature that holds or was not checked,
    domains that could not be compared."""
    out = []
    if origin.dkim is not None and origin.dkim.status not in ("fail", "no-key"):
        out.append(dkim(origin.dkim))
    if origin.not_compared:
        out.append(translate(
            "Origin", "The directory lists no website or e-mail address of {0}, so the "
                      "domains were not compared. Add them in the Directory.").format(
                          origin.not_compared))
    return out


def finding(f: DomainFinding) -> str:
    if f.kind == "look-alike":
        text = {"sender": translate(
            "Origin", "The sender's domain {0} looks like {1}, but is not it: a "
                             "look-alike, as scams use."),
                "link": translate(
                    "Origin", "A link goes to {0}, which looks like {1}, but is not it: a "
                           "look-alike, as scams use."),
                "signer": translate(
                    "Origin", "It was signed by {0}, which looks like {1}, but is not "
                             "it.")}[f.where]
        return text.format(f.domain, f.like)
    if f.kind == "reported-fake":
        text = {"sender": translate(
            "Origin", "The sender's domain {0} is reported fake for this platform."),
                "link": translate(
                    "Origin", "A link goes to {0}, a domain reported fake for this platform."),
                "signer": translate(
                    "Origin", "It was signed by {0}, a domain reported fake for this "
                             "platform.")}[f.where]
    elif f.kind == "unverified":
        text = {"sender": translate(
            "Origin", "The sender's domain {0} is an unverified channel of this "
                             "platform."),
                "link": translate(
                    "Origin", "A link goes to {0}, an unverified channel of this platform."),
                "signer": translate("Origin", "It was signed by {0}, an unverified channel of this "
                             "platform.")}[f.where]
    else:
        text = {"sender": translate(
            "Origin", "The sender's domain {0} is not one of the platform's listed "
                             "domains. Check it on the official website or app before you "
                             "trust it."),
                "link": translate(
                    "Origin", "A link goes to {0}, not one of the platform's listed domains."),
                "signer": translate(
                    "Origin", "It was signed by {0}, not one of the platform's listed "
                             "domains.")}[f.where]
    return text.format(f.domain)


def dkim(r: DkimResult) -> str:
    when = formatting.date_time(r.checked_at) if r.checked_at else ""
    signer = r.domain or translate("Origin", "the signer")
    if r.status == "pass":
        text = translate(
            "Origin", "DKIM, checked {1}: signed by {0} and unchanged since.").format(signer, when)
        if r.reason == "body-length-limited":
            text += " " + translate("Origin", "Only the first part of the body is signed.")
        elif r.reason and r.reason.startswith("unsigned-headers:"):
            text += " " + translate(
                "Origin", "Not signed: {0}.").format(r.reason.split(":", 1)[1].replace(
                ",", ", "))
        return text
    if r.status == "fail":
        why = {"body-changed": translate("Origin", "the text changed after it was signed"),
               "headers-changed": translate("Origin", "a signed header changed"),
               "headers-added": translate("Origin", "a header was added above the signed one"),
               "expired": translate("Origin", "the signature has expired"),
               "bad-key": translate("Origin", "the published key is not valid"),
               }.get(r.reason or "", translate("Origin", "the signature is not valid"))
        return translate(
            "Origin", "DKIM, checked {2}: the signature of {0} does not hold: {1}.").format(
            signer, why, when)
    if r.status == "no-key":
        return translate(
            "Origin", "DKIM, checked {1}: {0} publishes no key for this signature, so it cannot be "
                  "verified.").format(signer, when)
    if r.status == "unsigned":
        return translate("Origin", "DKIM: the message is not signed.")
    if r.reason == "no-network":
        return translate("Origin", "DKIM: not checked: DNS could not be reached.")
    if r.reason == "unsupported-key":
        return translate("Origin", "DKIM: not checked: its key type is not supported.")
    return translate("Origin", "DKIM: not checked.")
