"""Whose domain is it: an imported message's sender, its links and its DKIM signer compared
with the platform's official domains, as the directory lists them.

Domains are compared by their registrable part (the Public Suffix List's, from the copy that
publicsuffixlist bundles: never fetched), so help.binance.com is binance.com's and
binance.com.verify-wallet.help is verify-wallet.help's. A help desk on a shared host
(binance.zendesk.com) is compared by its whole host, since the registrable part is the host's.

A domain that is not official is one of:
- "look-alike": it imitates an official one: the same name under another ending
  (binance.co), a letter changed, added or dropped (binnance.com, blnance.com), letters of
  another script or digits that look the same (bіnance.com with a Cyrillic і, b1nance.com), or
  the platform's name as a part of it (binance-support.help, support.binance.com.verify.help);
- "unverified": a domain of a channel listed for the platform but not verified;
- "reported-fake": a domain of a channel reported fake;
- "not-listed": anything else (a personal mailbox, a link shortener, a bare IP address).
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

__all__ = ["DomainFinding", "OfficialDomains", "official_domains", "check_message",
           "registrable", "host_of"]

# Hosts of help desks, status pages and docs that many companies share: there the whole
# host (binance.zendesk.com), not its registrable part (zendesk.com), is the platform's.
SHARED_HOSTS = frozenset({
    "zendesk.com", "freshdesk.com", "freshservice.com", "intercom.help", "intercom-mail.com",
    "helpscoutdocs.com", "zohodesk.com", "zohodesk.eu", "atlassian.net", "statuspage.io",
    "gitbook.io", "hubspot.com", "force.com", "my.site.com", "kustomer.help",
    "helpshift.com", "gorgias.help", "instatus.com", "betteruptime.com",
})

# Characters that look like a Latin letter or digit in a domain, to one skeleton (a part of
# Unicode TR39's confusables, for the letters of domain names).
_CONFUSABLE = str.maketrans({
    "0": "o", "1": "l", "i": "l", "|": "l", "3": "e", "5": "s", "$": "s", "@": "a",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "l",
    "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ո": "n", "ս": "u",
    "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "α": "a", "ι": "l", "κ": "k", "ɩ": "l",
    "ı": "l", "ł": "l", "ǀ": "l", "ⅼ": "l", "ｌ": "l",
})
_DOUBLES = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("nn", "m"))
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class DomainFinding:
    """Something about a domain of a message the user should know."""
    kind: str            # "look-alike", "unverified", "reported-fake", "not-listed"
    where: str           # "sender", "link", "signer"
    domain: str          # the registrable domain (or the shared host, or the IP address);
    #                      of a look-alike, the whole host, where the trick shows
    like: str | None = None   # look-alike: the official domain it imitates
    value: str = field(default="", compare=False)   # the address or link as written (not
    #                      recorded in the notes: the notes hold the message itself)


@dataclass(frozen=True)
class OfficialDomains:
    """A platform's domains: official (its website, help centre, status page and verified
    channels), unverified and reported fake (its other channels), and its names as the
    look-alike check knows them."""
    platform: str
    official: frozenset[str]
    unverified: frozenset[str] = frozenset()
    reported_fake: frozenset[str] = frozenset()


def official_domains(platform, channels) -> OfficialDomains:
    """The domains of `platform` (a domain Platform) from its addresses and its `channels`
    (domain Channels, of any platform: only its own are used). A social channel's domain
    (x.com, t.me) is the social network's, not the platform's, and is left out."""
    official, unverified, fake = set(), set(), set()
    for url in (platform.website, platform.help_url, platform.status_url):
        domain = _domain_of(url or "")
        if domain:
            official.add(domain)
    for c in channels:
        if c.platform_id != platform.id or c.kind.value in ("phone", "social"):
            continue
        domain = _domain_of(c.value)
        if not domain:
            continue
        if c.status.value == "reported-fake":
            fake.add(domain)
        elif c.verified:
            official.add(domain)
        else:
            unverified.add(domain)
    return OfficialDomains(platform.name, frozenset(official),
                           frozenset(unverified - official - fake), frozenset(fake))


def check_message(domains: OfficialDomains, *, sender: str | None = None,
                  links=(), signer: str | None = None) -> list[DomainFinding]:
    """What is not official about a message: its sender's address (or account), each of its
    links and its DKIM signer `d=`, each domain once. Official ones say nothing."""
    findings: list[DomainFinding] = []
    seen: set[str] = set()
    candidates = []
    if sender and "@" in sender:
        candidates.append(("sender", sender))
    if signer:
        candidates.append(("signer", signer))
    candidates += [("link", link) for link in links]
    for where, value in candidates:
        host = host_of(value)
        domain = _domain_of(value)
        if not host or not domain or domain in seen:
            continue     # each domain is said once: a look-alike sender's links are the same
        seen.add(domain)
        finding = _judge(domains, where, value, host, domain)
        if finding is not None:
            findings.append(finding)
    return findings


def _judge(d: OfficialDomains, where: str, value: str, host: str,
           domain: str) -> DomainFinding | None:
    if domain in d.official:
        return None
    if domain in d.reported_fake:
        return DomainFinding("reported-fake", where, domain, value=value)
    like = _imitates(host, domain, d.official)
    if like is not None:   # the whole host: binance.com.verify-wallet.help shows the trick
        return DomainFinding("look-alike", where, host, like, value)
    if domain in d.unverified:
        return DomainFinding("unverified", where, domain, value=value)
    return DomainFinding("not-listed", where, domain, value=value)


# -- domains -----------------------------------------------------------------------------------

def host_of(value: str) -> str | None:
    """The host of a link ("https://x.example/a", "www.x.example/a"), an address
    ("a@x.example") or a bare domain, in lower case and Unicode (punycode decoded)."""
    value = value.strip().strip("<>").rstrip(".,;:!?)]}'\"")
    if not value:
        return None
    if "@" in value and "://" not in value:
        host = value.rsplit("@", 1)[1]
    else:
        try:
            host = urlsplit(value if "://" in value else "//" + value).hostname
        except ValueError:
            return None
    if not host:
        return None
    host = unicodedata.normalize("NFKC", host).strip(".").lower()
    return ".".join(_unicode_label(label) for label in host.split(".")) or None


def registrable(host: str) -> str | None:
    """The registrable domain of a host (binance.com of help.binance.com), the host itself
    when it is an IP address or a suffix alone; None for a host of one label."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    ascii_host = _ascii(host)
    found = _psl().privatesuffix(ascii_host)
    if found is None:
        return host if "." in host else None
    labels = found.count(".") + 1
    # Keep Unicode labels as they were given: "bіnance.com" stays readable.
    return ".".join(host.split(".")[-labels:])


def _domain_of(value: str) -> str | None:
    host = host_of(value)
    if host is None:
        return None
    domain = registrable(host)
    if domain in SHARED_HOSTS:
        # binance.zendesk.com is Binance's; zendesk.com alone is nobody's help desk.
        labels = domain.count(".") + 2
        return ".".join(host.split(".")[-labels:])
    return domain


def _imitates(host: str, domain: str, official: frozenset[str]) -> str | None:
    """The official domain that `host` (of registrable domain `domain`) imitates, if any."""
    try:
        ipaddress.ip_address(domain)
        return None
    except ValueError:
        pass
    own = _name_of(domain)
    words = [_skeleton(w) for w in _WORD.findall(host)]   # every label, split at hyphens
    for real in sorted(official):
        name = _name_of(real)
        if own == name or _skeleton(own) == _skeleton(name):
            return real           # another ending, or letters that look the same
        if len(name) < 4:         # "okx": too short to tell a look-alike from chance
            continue
        if _close(own, name):
            return real           # a letter changed, added, dropped or swapped
        shape = _skeleton(name)
        if shape in words or (len(name) >= 6 and any(shape in w for w in words)):
            return real           # the platform's name as a part of another domain
    return None


def _name_of(domain: str) -> str:
    """The label that names a registrable domain: "binance" of binance.com (of a shared
    host's, the customer's label: "binance" of binance.zendesk.com)."""
    labels = domain.split(".")
    return labels[0]


def _skeleton(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(_CONFUSABLE)
    for pair, single in _DOUBLES:
        text = text.replace(pair, single)
    return text.replace("-", "")


def _close(a: str, b: str) -> bool:
    """One edit apart (two for names of 8 letters or more), a swap of neighbours counting
    as one."""
    limit = 2 if len(b) >= 8 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    return _distance(a, b, limit) <= limit


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, stopping above `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (previous2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2]
                    and a[i - 2] == b[j - 1]):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def _unicode_label(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def _ascii(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


@lru_cache(maxsize=1)
def _psl():
    from publicsuffixlist import PublicSuffixList
    return PublicSuffixList()
