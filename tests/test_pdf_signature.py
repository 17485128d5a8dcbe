"""The PDF's PAdES signature: pyHanko's validator and poppler's pdfsig both call it valid; a
changed byte or an update appended after signing is reported; garbage is not an exception."""
from __future__ import annotations

import io
import logging
import re
import shutil
import socket
import subprocess
from datetime import UTC, datetime, timedelta, timezone

import pytest

pypdf = pytest.importorskip("pypdf")

from journal.crypto.signature import fingerprint, new_seed, pdf_public_key, public_key_openssh
from journal.export.pdf_signature import (
    PdfSignature,
    certificate,
    read_pdf_signature,
    sign_pdf,
)

SEED = bytes(range(32))
WHEN = datetime(2026, 3, 14, 9, 26, 53, tzinfo=timezone(timedelta(hours=8)))
PDFSIG = shutil.which("pdfsig")


def blank_pdf(pages: int = 1) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def signed() -> bytes:
    return sign_pdf(blank_pdf(), SEED, when=WHEN, reason="Case file of case 7",
                    name="Support Journal")


def appended(pdf: bytes, change) -> bytes:
    """pdf with an incremental update made by pypdf: the signed bytes stay as they were."""
    writer = pypdf.PdfWriter(io.BytesIO(pdf), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert data.startswith(pdf) and len(data) > len(pdf)
    return data


def test_read_back_intact_with_the_pdf_key(signed):
    sig = read_pdf_signature(signed)
    assert sig == PdfSignature(signed=True, intact=True, public_key=pdf_public_key(SEED),
                               fingerprint=fingerprint(pdf_public_key(SEED)), signed_at=WHEN,
                               signer_name=f"Journal key {fingerprint(public_key_openssh(SEED))}",
                               problems=())


def test_pyhankos_validator_calls_it_intact_valid_and_whole(signed):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(certificate(SEED, WHEN).public_bytes(Encoding.DER))
    (sig,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.md_algorithm == "sha256" and "ecdsa" in status.pkcs7_signature_mechanism
    obj = sig.sig_object
    assert obj["/SubFilter"] == "/ETSI.CAdES.detached"     # PAdES baseline
    assert obj["/Reason"] == "Case file of case 7" and obj["/Name"] == "Support Journal"
    assert [float(x) for x in sig.sig_field["/Rect"]] == [0, 0, 0, 0]   # invisible
    attrs = {a["type"].native for a in sig.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attrs and "signing_time" not in attrs  # B-B, not CAdES


def test_the_certificate_names_the_key_and_lasts_ten_years_from_the_export_day():
    from cryptography.x509.oid import NameOID
    cert = certificate(SEED, WHEN)
    (cn,) = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert cn.value == f"Journal key {fingerprint(public_key_openssh(SEED))}"
    assert cert.issuer == cert.subject
    assert cert.not_valid_before_utc == datetime(2026, 3, 14, tzinfo=UTC)
    assert cert.not_valid_after_utc == datetime(2036, 3, 14, tzinfo=UTC)
    assert certificate(SEED, WHEN + timedelta(hours=3)) == cert   # the same all that day


@pytest.mark.skipif(PDFSIG is None, reason="pdfsig (poppler-utils) is not installed")
def test_pdfsig_says_the_signature_is_valid(tmp_path, signed):
    (tmp_path / "case.pdf").write_bytes(signed)
    out = subprocess.run([PDFSIG, "case.pdf"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=30, check=False)
    assert "Signature Validation: Signature is Valid." in out.stdout, out.stdout + out.stderr
    assert "Total document signed" in out.stdout
    assert "ETSI.CAdES.detached" in out.stdout
    assert fingerprint(public_key_openssh(SEED)) in out.stdout   # the journal's key, by name


def test_a_changed_byte_in_the_signed_range_is_not_intact(signed):
    edited = re.sub(rb"/MediaBox \[ 0 0 595 842 \]", b"/MediaBox [ 0 0 595 843 ]", signed,
                    count=1)
    assert edited != signed and len(edited) == len(signed)
    sig = read_pdf_signature(edited)
    assert sig.signed and not sig.intact
    assert any("changed" in p for p in sig.problems), sig.problems


@pytest.mark.parametrize("change", ["a page", "the title"])
def test_an_update_appended_after_signing_is_not_intact(signed, change):
    if change == "a page":
        data = appended(signed, lambda w: w.add_blank_page(595, 842))
    else:
        data = appended(signed, lambda w: w.add_metadata({"/Title": "Nothing happened"}))
    sig = read_pdf_signature(data)
    assert sig.signed and not sig.intact
    assert sig.public_key == pdf_public_key(SEED)   # still says whose signature it was
    assert any("changed after it was signed" in p for p in sig.problems), sig.problems


def test_a_second_signature_after_ours_leaves_ours_not_intact(signed):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from journal.crypto.signature import pdf_signing_key
    other = new_seed()
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(
            certificate(other, WHEN).public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(pdf_signing_key(other).private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore())
    resigned = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(signed)),
                                signers.PdfSignatureMetadata(field_name="Countersignature"),
                                signer=signer).getvalue()
    sig = read_pdf_signature(resigned)
    assert sig.public_key == pdf_public_key(SEED) and not sig.intact
    assert any("2 signatures" in p for p in sig.problems)


@pytest.mark.parametrize("data", [b"", b"garbage", b"%PDF-1.7\n%%EOF\n", b"\0" * 4096])
def test_garbage_is_unsigned_not_an_exception(data):
    sig = read_pdf_signature(data)
    assert sig.signed is False and sig.intact is False and sig.public_key is None
    assert sig.problems and sig.problems[0].endswith(".")


def test_an_unsigned_pdf_says_so():
    assert read_pdf_signature(blank_pdf()).problems == ("The PDF is not signed.",)


def test_a_damaged_signature_is_a_sentence(signed):
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    cut = signed[:start] + b"0" * 64 + signed[start + 64:]
    truncated = signed[:len(signed) // 2]
    for data in (cut, truncated, signed[:-40]):
        sig = read_pdf_signature(data)
        assert not sig.intact and sig.problems


def test_hostile_files_log_nothing_to_a_program_without_logging(monkeypatch, signed):
    # With no handler set up, Python prints a library's warnings raw on stderr.
    printed = io.StringIO()
    monkeypatch.setattr(logging.root, "handlers", [])
    monkeypatch.setattr(logging, "lastResort", logging.StreamHandler(printed))
    odd = signed.replace(b"/SubFilter /ETSI.CAdES.detached", b"/SubFilter /ETSI.CAdES.detachex")
    sig = read_pdf_signature(odd)
    assert sig.signed and not sig.intact and "kind" in sig.problems[0]
    assert printed.getvalue() == ""


def _refuse_network(*args, **kwargs):
    raise AssertionError("no network")


def test_signing_and_reading_use_no_network(monkeypatch):
    refuse = _refuse_network
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    data = sign_pdf(blank_pdf(2), SEED, when=WHEN, reason="r", name="n")
    assert read_pdf_signature(data).intact
