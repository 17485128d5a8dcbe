"""The one look-up on the network the journal makes, and only when the user allows it: the
TXT record of a DKIM key (selector._domainkey.domain), through dnspython.

"No such record" (the key is not published) is told apart from "DNS could not be asked"
(offline, a timeout, no resolver configured): the first is a result, the second leaves the
signature not checked. Answers are kept for an hour within a running journal, so a preview
and the import that follows ask once.
"""
from __future__ import annotations

import time

from ..domain.evidence.email_signature import LookupFailed

TIMEOUT_SECONDS = 5.0
KEEP_SECONDS = 3600.0


class TxtLookup:
    """`lookup(name)`: the TXT record of `name` as bytes (a DKIM key record when the name
    has several), None when there is none; raises LookupFailed when DNS cannot be asked."""

    def __init__(self, resolve=None):
        self._resolve = resolve      # None: dnspython's resolver (looked up when asked)
        self._kept: dict[str, tuple[float, bytes | None]] = {}

    def __call__(self, name: str) -> bytes | None:
        kept = self._kept.get(name)
        if kept is not None and time.monotonic() - kept[0] < KEEP_SECONDS:
            return kept[1]
        record = (self._resolve or _resolve)(name)
        self._kept[name] = (time.monotonic(), record)
        return record


def _resolve(name: str) -> bytes | None:
    import dns.exception
    import dns.resolver
    try:
        answer = dns.resolver.resolve(name, "TXT", lifetime=TIMEOUT_SECONDS, search=False)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return None
    except (dns.resolver.NoNameservers, dns.resolver.NoResolverConfiguration,
            dns.exception.Timeout, dns.resolver.LifetimeTimeout, OSError) as exc:
        raise LookupFailed(name) from exc
    except dns.exception.DNSException as exc:   # a malformed name, an answer we cannot read
        raise LookupFailed(name) from exc
    records = [b"".join(r.strings) for r in answer]
    keys = [r for r in records if b"p=" in r]
    return (keys or records or [None])[0]
