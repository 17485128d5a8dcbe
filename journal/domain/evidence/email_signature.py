"""Whether an imported e-mail's DKIM signature holds: the message's own bytes checked against
the public key its signer publishes in DNS (RFC 6376), with dkimpy.

The look-up is given, never made here: `lookup(name)` returns the TXT record of a DNS name as
bytes, None when there is none, and raises LookupFailed when DNS cannot be asked (offline, a
timeout). Without a look-up (the user did not allow one) the result is "not-checked", never
"pass". A result is true of the day it was checked: keys rotate, and a key withdrawn later
makes a once-good signature unverifiable, which is why the time of the check is kept with it.

What a pass proves: the domain `d=` signed these headers and this body, and neither changed
since. It does not prove that `d=` is the platform (a look-alike domain signs its own mail
perfectly well: see look_alike.py), nor that what the message says is true.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import Callable

__all__ = ["DkimResult", "LookupFailed", "check_dkim", "check_again", "DKIM_STATUSES"]

# pass: a signature verified; fail: the signature does not match the message (it changed since
# it was signed, or the signature is not the signer's); no-key: the signer publishes no key
# (withdrawn, or never there); unsigned: the message has no DKIM signature; not-checked: no
# look-up was allowed, DNS could not be reached, or the key is of a type not supported here.
DKIM_STATUSES = ("pass", "fail", "no-key", "unsigned", "not-checked")

_SIGNATURE = re.compile(rb"^dkim-signature\s*:", re.IGNORECASE | re.MULTILINE)
_TAG = re.compile(rb"(?:^|;)\s*([a-z]+)\s*=\s*([^;]*)", re.IGNORECASE)


class LookupFailed(Exception):
    """DNS could not be asked (no network, a timeout): nothing is known about the key."""


@dataclass(frozen=True)
class DkimResult:
    status: str                   # one of DKIM_STATUSES
    domain: str | None = None     # the signer, d=
    selector: str | None = None   # s=: which of the signer's keys
    checked_at: str | None = None  # ISO 8601 UTC; None when nothing was looked up
    reason: str | None = None     # "body-changed", "headers-changed", "bad-signature",
    #                               "no-network", "not-allowed", "unsupported-key"
    # The public key DNS gave that day (its p=, base64), kept so that anyone can check the
    # signature again offline, and compare the key with the signer's published or archived
    # keys, after the signer has rotated it.
    key: str | None = None

    @property
    def passed(self) -> bool:
        return self.status == "pass"


def check_dkim(raw: bytes, lookup: Callable[[str], bytes | None] | None,
               now: str) -> DkimResult:
    """The DKIM result of the message `raw` (its bytes as received, headers and body),
    checked at `now` (ISO 8601 UTC) through `lookup`, or not checked when it is None.
    Every signature is tried; the first that verifies is the result, else the first
    signature's failure."""
    signatures = _signatures(raw)
    if not signatures:
        return DkimResult("unsigned")
    first = signatures[0]
    if lookup is None:
        return DkimResult("not-checked", first.domain, first.selector, reason="not-allowed")
    import dkim   # only when a check is asked for

    results = []
    for index, signature in enumerate(signatures):
        result = _verify(dkim, raw, index, signature.domain, signature.selector, lookup, now)
        if result.passed:
            return _covered(raw, signature, result)
        results.append(result)
    return results[0]


# The headers the journal shows of an e-mail. The email package reads the topmost of a
# repeated header, while a signature covers them from the bottom up: a Subject added above
# the signed one would be the one shown, under a "pass".
SHOWN_HEADERS = (b"from", b"to", b"cc", b"subject", b"date", b"message-id")


def _covered(raw: bytes, signature: "_Signature", result: DkimResult) -> DkimResult:
    """A verified signature's result, failed if a shown header has more instances than the
    signature covers (one was added), noting the shown headers it does not cover at all and
    a body signed only in part (l=: text may have been added after it)."""
    present = _header_counts(raw)
    unsigned = []
    for name in SHOWN_HEADERS:
        covered = signature.headers.count(name)
        if present.get(name, 0) > covered > 0:
            return replace(result, status="fail", reason="headers-added")
        if present.get(name, 0) and not covered:
            unsigned.append(name.decode())
    if signature.body_length is not None:
        return replace(result, reason="body-length-limited")
    if unsigned:
        return replace(result, reason="unsigned-headers:" + ",".join(unsigned))
    return result


def _verify(dkim, raw: bytes, index: int, domain, selector, lookup, now: str) -> DkimResult:
    # dkimpy logs a missing key, a bad key and a DNS timeout and returns False, as for a
    # signature that does not match: what the look-up found is noted here to tell them apart.
    found = {"offline": False, "missing": False, "bad-key": False, "record": None}

    def dnsfunc(name, timeout=5):
        text = name.decode("ascii", "replace") if isinstance(name, bytes) else str(name)
        try:
            record = lookup(text.rstrip("."))
        except LookupFailed:
            found["offline"] = True
            raise dkim.DnsTimeoutError(text) from None
        if not record:
            found["missing"] = True
            return None
        found["record"] = record
        try:
            dkim.evaluate_pk(name, record)
        except (dkim.KeyFormatError, ValueError, TypeError):
            found["bad-key"] = True
        return record

    try:
        good = dkim.DKIM(raw, logger=_QUIET).verify(idx=index, dnsfunc=dnsfunc)
    except (dkim.NaClNotFoundError, dkim.UnknownKeyTypeError):
        return DkimResult("not-checked", domain, selector, reason="unsupported-key")
    except dkim.ValidationError as exc:
        reason = ("body-changed" if "body hash" in str(exc)
                  else "expired" if "x= value is past" in str(exc) else "bad-signature")
        return DkimResult("fail", domain, selector, now, reason, _key(found["record"]))
    except dkim.DKIMException:
        return DkimResult("fail", domain, selector, now, "bad-signature", _key(found["record"]))
    if found["offline"]:
        return DkimResult("not-checked", domain, selector, reason="no-network")
    if found["missing"]:
        return DkimResult("no-key", domain, selector, now)
    key = _key(found["record"])
    if good:
        return DkimResult("pass", domain, selector, now, key=key)
    return DkimResult("fail", domain, selector, now,
                      "bad-key" if found["bad-key"] else "headers-changed", key)


def check_again(raw: bytes, recorded: DkimResult) -> bool:
    """Whether the recorded pass of `raw` holds again, offline, with the key recorded with
    it (the check of a case file's reader: no DNS, no trust in the journal's word beyond the
    key, which they can compare with the signer's published keys)."""
    if not recorded.passed or not recorded.key or not recorded.domain or not recorded.selector:
        return False
    name = f"{recorded.selector}._domainkey.{recorded.domain}"
    record = b"v=DKIM1; k=rsa; p=" + recorded.key.encode("ascii")
    again = check_dkim(raw, lambda asked: record if asked == name else None,
                       recorded.checked_at or "")
    return again.passed and again.domain == recorded.domain and \
        again.selector == recorded.selector


def _key(record: bytes | None) -> str | None:
    """The p= of a DKIM key record (base64, spaces taken out), or None."""
    if not record:
        return None
    m = re.search(rb"(?:^|;)\s*p\s*=\s*([A-Za-z0-9+/=\s]+)", record)
    return re.sub(rb"\s+", b"", m.group(1)).decode("ascii") if m and m.group(1).strip() \
        else None


@dataclass(frozen=True)
class _Signature:
    domain: str | None
    selector: str | None
    headers: tuple[bytes, ...]        # h=, lower case, in order (a name may repeat)
    body_length: int | None           # l=, if the body is signed only in part


def _head(raw: bytes) -> list[bytes]:
    """The header section's lines, continuation lines joined to their header."""
    end = re.search(rb"\r?\n\r?\n", raw)
    fields: list[bytes] = []
    for line in re.split(rb"\r?\n", raw[:end.start()] if end else raw):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += line
        else:
            fields.append(line)
    return fields


def _header_counts(raw: bytes) -> dict[bytes, int]:
    counts: dict[bytes, int] = {}
    for line in _head(raw):
        name = line.split(b":", 1)[0].strip().lower()
        counts[name] = counts.get(name, 0) + 1
    return counts


def _signatures(raw: bytes) -> list[_Signature]:
    """Each DKIM-Signature header's d=, s=, h= and l=, in order."""
    out = []
    for line in _head(raw):
        if not _SIGNATURE.match(line):
            continue
        tags = {k.lower(): re.sub(rb"\s+", b"", v) for k, v in _TAG.findall(line.split(b":", 1)[1])}
        length = tags.get(b"l")
        out.append(_Signature(
            _text(tags.get(b"d")), _text(tags.get(b"s")),
            tuple(h.lower() for h in (tags.get(b"h") or b"").split(b":") if h),
            int(length) if length and length.isdigit() else None))
    return out


def _text(value: bytes | None) -> str | None:
    if not value:
        return None
    return value.decode("ascii", "replace").lower()


_QUIET = logging.getLogger("journal.dkim")
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False
