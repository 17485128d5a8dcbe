"""An imported message's sender, links and signer against the platform's official domains."""
from __future__ import annotations

import pytest

from journal.domain.evidence.look_alike import (OfficialDomains, check_message, host_of,
                                                 official_domains, registrable)
from journal.domain.model import (Channel, ChannelKind, ChannelSource, ChannelStatus,
                                  Platform, PlatformKind)

BINANCE = OfficialDomains("Binance", frozenset({"binance.com", "binance.zendesk.com"}),
                          unverified=frozenset({"binance-help.net"}),
                          reported_fake=frozenset({"binance-refund.org"}))


def _kinds(**message):
    return [(f.kind, f.where, f.domain, f.like) for f in check_message(BINANCE, **message)]


@pytest.mark.parametrize("link", [
    "https://www.binance.com/en/my/wallet", "https://help.binance.com/x",
    "HTTPS://ACCOUNTS.BINANCE.COM.", "https://binance.zendesk.com/hc/requests/12345"])
def test_the_platforms_own_domains_say_nothing(link):
    assert _kinds(links=[link]) == []


@pytest.mark.parametrize("link, domain", [
    ("https://blnance.com/release", "blnance.com"),                   # a letter that looks the same
    ("https://b1nance.com", "b1nance.com"),                           # a digit that looks the same
    ("https://bіnance.com", "bіnance.com"),                           # Cyrillic і
    ("https://xn--bnance-pvf.com/login", "bіnance.com"),              # the same, as punycode
    ("https://login.blnance.com/x", "login.blnance.com"),
    ("https://binnance.com", "binnance.com"),                         # a letter added
    ("https://bniance.com", "bniance.com"),                           # letters swapped
    ("https://binace.com", "binace.com"),                             # a letter dropped
    ("https://www.binance.co/", "www.binance.co"),                    # another ending
    ("https://binance.com.verify-wallet.help/release", "binance.com.verify-wallet.help"),
    ("https://support-binance.org", "support-binance.org"),
])
def test_look_alike_links_are_told_with_what_they_imitate(link, domain):
    assert _kinds(links=[link]) == [("look-alike", "link", domain, "binance.com")]


def test_a_look_alike_sender_and_signer():
    """A domain is said once: the sender's, when the signer is the same domain."""
    assert _kinds(sender="support@binance-support.help", signer="binance-support.help") == [
        ("look-alike", "sender", "binance-support.help", "binance.com")]
    assert _kinds(sender="support@binance.com", signer="mailer-blnance.com") == [
        ("look-alike", "signer", "mailer-blnance.com", "binance.com")]


@pytest.mark.parametrize("value, domain", [
    ("https://bit.ly/3xYz", "bit.ly"), ("http://203.0.113.9/login", "203.0.113.9"),
    ("https://evil.zendesk.com/hc", "evil.zendesk.com"), ("https://gateway.io", "gateway.io")])
def test_other_domains_are_not_listed(value, domain):
    assert _kinds(links=[value]) == [("not-listed", "link", domain, None)]


def test_a_personal_mailbox_is_not_listed_and_unverified_and_fake_channels_are_said():
    assert _kinds(sender="binance.helpdesk@gmail.com") == [
        ("not-listed", "sender", "gmail.com", None)]
    assert _kinds(sender="desk@binance-help.net")[0][0] == "look-alike"  # name in it wins
    plain = OfficialDomains("Kraken", frozenset({"kraken.com"}),
                            unverified=frozenset({"help-desk.net"}),
                            reported_fake=frozenset({"refunds.org"}))
    assert [f.kind for f in check_message(plain, links=["https://help-desk.net/a",
                                                         "https://refunds.org/b"])] \
        == ["unverified", "reported-fake"]


def test_each_domain_is_said_once():
    links = ["https://blnance.com/a", "https://blnance.com/b", "https://www.blnance.com/c"]
    assert len(check_message(BINANCE, links=links)) == 1


def test_short_names_are_only_matched_whole():
    okx = OfficialDomains("OKX", frozenset({"okx.com"}))
    assert [f.kind for f in check_message(okx, links=["https://okx.support", "https://ok.com",
                                                       "https://bookx.com"])] \
        == ["look-alike", "not-listed", "not-listed"]


def test_hosts_and_registrable_domains():
    assert host_of("Binance <support@Binance.com>") == "binance.com"
    assert host_of("www.binance.com/en") == "www.binance.com"
    assert registrable("a.b.example.co.uk") == "example.co.uk"
    assert registrable("user.github.io") == "user.github.io"    # the list's private part
    assert registrable("localhost") is None


def channel(n, kind, value, status, platform_id=1):
    return Channel(n, platform_id, "Binance", kind, value, ChannelSource.OFFICIAL_SITE,
                   None, (), "2026-01-01T00:00:00Z", status)


def test_official_domains_come_from_the_directory():
    platform = Platform(1, "Binance", PlatformKind.EXCHANGE, "https://www.binance.com",
                        "2026-01-01T00:00:00Z", help_url="https://binance.zendesk.com/hc",
                        status_url="https://status.binance.com")

    assert platform.website.endswith("binance.com")
    channels = [
        channel(1, ChannelKind.EMAIL, "support@binance.me", ChannelStatus.VERIFIED),
        channel(2, ChannelKind.SOCIAL, "https://x.com/binance", ChannelStatus.VERIFIED),
        channel(3, ChannelKind.CHAT, "https://chat.binance-help.net", ChannelStatus.UNVERIFIED),
        channel(4, ChannelKind.EMAIL, "refund@binance-refund.org", ChannelStatus.REPORTED_FAKE),
        channel(5, ChannelKind.EMAIL, "help@coinbase.com", ChannelStatus.VERIFIED, 2),
        channel(6, ChannelKind.PHONE, "+18889087930", ChannelStatus.VERIFIED),
    ]
    d = official_domains(platform, channels)
    assert d.official == {"binance.com", "binance.zendesk.com", "binance.me"}
    assert d.unverified == {"binance-help.net"}
    assert d.reported_fake == {"binance-refund.org"}
