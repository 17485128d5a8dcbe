"""The one network look-up: a DKIM key's TXT record through dnspython, with "no such record"
told apart from "DNS could not be asked", and answers kept for an hour. DNS itself is stood
in for: no test asks the network."""
from __future__ import annotations

import dns.exception
import dns.resolver
import pytest

from journal.domain.evidence.email_signature import LookupFailed
from journal.service import dns_lookup
from journal.service.dns_lookup import TxtLookup


class _Record:
    def __init__(self, *strings: bytes):
        self.strings = strings


def _answers(*records):
    def resolve(name, rdtype, lifetime, search):
        assert (rdtype, search) == ("TXT", False) and lifetime == dns_lookup.TIMEOUT_SECONDS
        return list(records)
    return resolve


def _raising(exc):
    def resolve(*args, **kwargs):
        raise exc
    return resolve


def test_the_key_record_is_joined_and_chosen_among_others(monkeypatch):
    monkeypatch.setattr(dns.resolver, "resolve", _answers(
        _Record(b"google-site-verification=abc"), _Record(b"v=DKIM1; k=rsa; ", b"p=MIIB")))
    assert dns_lookup._resolve("s1._domainkey.binance.com") == b"v=DKIM1; k=rsa; p=MIIB"


@pytest.mark.parametrize("exc", [dns.resolver.NXDOMAIN(), dns.resolver.NoAnswer()])
def test_no_such_record_is_none(monkeypatch, exc):
    monkeypatch.setattr(dns.resolver, "resolve", _raising(exc))
    assert dns_lookup._resolve("s1._domainkey.binance.com") is None


@pytest.mark.parametrize("exc", [dns.exception.Timeout(), dns.resolver.NoNameservers(),
                                 dns.resolver.NoResolverConfiguration(), OSError("offline")])
def test_dns_that_cannot_be_asked_is_lookup_failed(monkeypatch, exc):
    monkeypatch.setattr(dns.resolver, "resolve", _raising(exc))
    with pytest.raises(LookupFailed):
        dns_lookup._resolve("s1._domainkey.binance.com")


def test_answers_are_kept_for_an_hour(monkeypatch):
    asked = []
    lookup = TxtLookup(lambda name: asked.append(name) or b"p=KEY")
    clock = [1000.0]
    monkeypatch.setattr(dns_lookup.time, "monotonic", lambda: clock[0])
    assert lookup("a") == lookup("a") == b"p=KEY" and asked == ["a"]
    clock[0] += dns_lookup.KEEP_SECONDS + 1
    assert lookup("a") == b"p=KEY" and asked == ["a", "a"]
