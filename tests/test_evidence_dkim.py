"""DKIM signatures of imported e-mails, checked offline: a test key signs the fixtures here,
and a stand-in for DNS publishes (or does not publish) its public key."""
from __future__ import annotations

import base64
import re
from pathlib import Path

import dkim
import pytest
from cryptography.hazmat.primitives import serialization

from journal.domain.evidence.email_signature import LookupFailed, check_again, check_dkim

FIXTURES = Path(__file__).parent / "fixtures" / "evidence" / "email"
KEY = (FIXTURES / "dkim-test-key.pem").read_bytes()
NOW = "2026-12-02T10:00:00Z"
RECORD_NAME = "s1._domainkey.binance.com"


def _public_record() -> bytes:
    key = serialization.load_pem_private_key(KEY, password=None)
    der = key.public_key().public_bytes(serialization.Encoding.DER,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


RECORD = _public_record()


def _unsigned_message() -> bytes:
    """The help desk's reply without the made-up signature it carries."""
    raw = (FIXTURES / "helpdesk_reply.eml").read_bytes()
    lines = raw.split(b"\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(b"DKIM-Signature:"))
    end = start + 1
    while lines[end][:1] in (b" ", b"\t"):
        end += 1
    return b"\n".join(lines[:start] + lines[end:])


def _signed(message: bytes | None = None, **options) -> bytes:
    message = message if message is not None else _unsigned_message()
    signature = dkim.sign(message, b"s1", b"binance.com", KEY,
                          include_headers=[b"from", b"to", b"subject", b"date",
                                           b"message-id"], **options)
    return signature + message


def dns(name: str) -> bytes | None:
    return RECORD if name == RECORD_NAME else None


def no_key(name: str) -> bytes | None:
    return None


def offline(name: str) -> bytes | None:
    raise LookupFailed(name)


def test_a_signed_message_passes_with_its_signer_selector_and_time():
    result = check_dkim(_signed(), dns, NOW)
    assert (result.status, result.domain, result.selector, result.checked_at) == \
        ("pass", "binance.com", "s1", NOW)
    assert result.reason == "unsigned-headers:cc"   # Cc was not among the signed headers


def test_a_changed_body_fails():
    forged = _signed().replace(b"is being reviewed", b"was sent to a new wallet")
    result = check_dkim(forged, dns, NOW)
    assert (result.status, result.reason) == ("fail", "body-changed")


def test_a_changed_subject_fails():
    forged = _signed().replace(b"Subject: Re: [#12345]", b"Subject: Re: [#99999]")
    result = check_dkim(forged, dns, NOW)
    assert (result.status, result.reason) == ("fail", "headers-changed")


def test_a_subject_added_above_the_signed_one_fails():
    """The email package shows the topmost Subject; the signature covers the bottom one."""
    signed = _signed()
    forged = b"Subject: Your refund is approved\n" + signed
    result = check_dkim(forged, dns, NOW)
    assert (result.status, result.reason) == ("fail", "headers-added")


def test_no_key_published_is_no_key_not_a_pass():
    result = check_dkim(_signed(), no_key, NOW)
    assert (result.status, result.domain, result.checked_at) == ("no-key", "binance.com", NOW)


def test_offline_is_not_checked_never_pass():
    assert check_dkim(_signed(), offline, NOW).status == "not-checked"
    assert check_dkim(_signed(), offline, NOW).reason == "no-network"
    not_allowed = check_dkim(_signed(), None, NOW)
    assert (not_allowed.status, not_allowed.reason, not_allowed.domain, not_allowed.checked_at) \
        == ("not-checked", "not-allowed", "binance.com", None)


def test_a_message_without_a_signature_is_unsigned():
    assert check_dkim(_unsigned_message(), dns, NOW).status == "unsigned"


def test_a_made_up_signature_fails():
    raw = (FIXTURES / "helpdesk_reply.eml").read_bytes()
    assert check_dkim(raw, dns, NOW).status == "fail"


def test_a_key_from_another_signer_fails():
    """A forger with a key of their own, publishing it under their domain, cannot make a
    signature that binance.com's key verifies: the look-up is by the signature's own d=."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    other = rsa.generate_private_key(public_exponent=65537, key_size=1024 * 2)
    pem = other.private_bytes(serialization.Encoding.PEM,
                              serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption())
    message = _unsigned_message()
    forged = dkim.sign(message, b"s1", b"binance.com", pem,
                       include_headers=[b"from", b"subject"]) + message
    assert check_dkim(forged, dns, NOW).status == "fail"


def test_a_body_signed_only_in_part_is_said():
    result = check_dkim(_signed(length=True), dns, NOW)
    assert (result.status, result.reason) == ("pass", "body-length-limited")


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_line_endings_as_saved_do_not_matter(ending):
    message = re.sub(rb"\r?\n", ending, _unsigned_message())
    assert check_dkim(_signed(message), dns, NOW).status == "pass"


def test_a_pass_is_checked_again_offline_with_the_key_kept_and_a_forgery_is_not():
    signed = _signed()
    result = check_dkim(signed, dns, NOW)
    assert result.key == RECORD.split(b"p=")[1].decode()
    assert check_again(signed, result)
    forged = signed.replace(b"is being reviewed", b"was approved")
    assert not check_again(forged, result)
    # A pass claimed with another key (a forger's own) does not hold for this message.
    from cryptography.hazmat.primitives.asymmetric import rsa
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    der = other.public_bytes(serialization.Encoding.DER,
                             serialization.PublicFormat.SubjectPublicKeyInfo)
    from dataclasses import replace
    assert not check_again(signed, replace(result, key=base64.b64encode(der).decode()))
    assert not check_again(signed, replace(result, status="fail"))
