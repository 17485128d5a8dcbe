"""The case file's PDF signature: PAdES baseline B-B (ETSI.CAdES.detached), invisible, offline.

Signed by the journal's P-256 PDF key (`crypto.signature.pdf_signing_key`, derived from its
Ed25519 seed), not by the Ed25519 key itself: poppler's pdfsig on Debian 12 (NSS 3.87) answers
an Ed25519 PAdES signature with "Document isn't signed or corrupted data." and calls the same
signature by a P-256 key "Signature is Valid."; ECDSA P-256 is what PDF readers have verified
for longest. The certificate is self-signed; its subject names the fingerprint of the
journal's Ed25519 key, the one on the case file's cover and in its chain, so a PDF reader
shows which journal signed (the chain's entry introducing the key ties the two keys).

pyHanko is imported inside the functions: it takes a second to load, and only an export or a
verification needs it.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..service.signing import fingerprint, pdf_signing_key, public_key_openssh

__all__ = ["PdfSignature", "certificate", "read_pdf_signature", "sign_pdf"]

FIELD = "SupportJournalSignature"
VALIDITY = timedelta(days=3653)  # ten years from the export day
DIGEST = "sha256"                # P-256's own strength

UNREADABLE = "The file cannot be read as a PDF."
UNSIGNED = "The PDF is not signed."


@dataclass(frozen=True)
class PdfSignature:
    """What a PDF's (first) signature says, as plain facts and sentences."""
    signed: bool
    intact: bool = False         # the digest matches and the signature covers the whole file
    public_key: str | None = None   # the signer's key in OpenSSH form, from its certificate
    fingerprint: str | None = None  # "SHA256:…" of public_key
    signer_name: str | None = None  # the certificate's common name: "Journal key SHA256:…"
    signed_at: datetime | None = None
    problems: tuple[str, ...] = ()


def certificate(seed: bytes, when: datetime):
    """The PDF key's self-signed certificate, valid from the start of `when`'s day (UTC) for
    ten years; the same bytes for the same seed and day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    key = pdf_signing_key(seed)
    public = key.public_key()
    day = when.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    # "Journal key SHA256:…" is 62 characters: "Support Journal key …" would pass X.509's 64.
    name = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME,
                           f"Journal key {fingerprint(public_key_openssh(seed))}"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Support Journal"),
    ])
    spki = public.public_bytes(serialization.Encoding.DER,
                               serialization.PublicFormat.SubjectPublicKeyInfo)
    # Positive and under 20 octets (RFC 5280 4.1.2.2); derived, so the day's certificate repeats.
    serial = int.from_bytes(hashlib.sha256(spki + day.date().isoformat().encode()).digest()[:16],
                            "big") >> 1 or 1
    builder = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(public).serial_number(serial)
        .not_valid_before(day).not_valid_after(day + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
    )
    return builder.sign(key, hashes.SHA256(), ecdsa_deterministic=True)


def _aware(when: datetime) -> datetime:
    # A time without an offset is local time, as everywhere in the journal.
    return when if when.tzinfo is not None else when.astimezone()


def sign_pdf(pdf_bytes: bytes, seed: bytes, *, when: datetime, reason: str, name: str) -> bytes:
    """pdf_bytes with an invisible PAdES B-B signature appended as an incremental update.

    No network and no time-stamp server: the signing time is `when`, in the signature's /M.
    pyHanko still stamps the clock's time in the XMP ModifyDate and a random half of /ID.
    """
    _quiet_pyhanko()
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    when = _aware(when)
    key_der = pdf_signing_key(seed).private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption())
    cert_der = certificate(seed, when).public_bytes(serialization.Encoding.DER)
    signer = signers.SimpleSigner(signing_cert=asn1_x509.Certificate.load(cert_der),
                                  signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
                                  cert_registry=SimpleCertificateStore())
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm=DIGEST,
        reason=reason, name=name)
    writer = IncrementalPdfFileWriter(io.BytesIO(bytes(pdf_bytes)))
    return _pdf_signer_class()(meta, signer=signer, when=when).sign_pdf(writer).getvalue()


def _pdf_signer_class():
    """pyHanko's PdfSigner, signing at a given time rather than at the clock's."""
    from pyhanko.sign.signers import PdfSigner

    class PdfSignerAt(PdfSigner):
        def __init__(self, *args, when: datetime, **kwargs):
            super().__init__(*args, **kwargs)
            self._when = when

        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out,
                                                   existing_fields_only=existing_fields_only)
            session.system_time = self._when
            return session

        def register_extensions(self, pdf_out, *, md_algorithm: str):
            # PAdES's own extension only (PDF 1.7). pyHanko would also declare ISO 32002 for
            # the P-256 key, which makes the file PDF 2.0 and so no longer the PDF/A-1b the
            # case file is written as; readers verify ECDSA in a 1.7 file all the same.
            from pyhanko.sign.signers.pdf_signer import _ensure_esic_ext
            _ensure_esic_ext(pdf_out)

    return PdfSignerAt


def read_pdf_signature(pdf_bytes: bytes) -> PdfSignature:
    """The PDF's first signature, checked against the certificate it carries; never raises."""
    _quiet_pyhanko()
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    try:
        reader = PdfFileReader(io.BytesIO(bytes(pdf_bytes)))
        filled = list(enumerate_sig_fields(reader, filled_status=True))
    except Exception:  # noqa: BLE001 - hostile bytes can break the parser anywhere
        return PdfSignature(signed=False, problems=(UNREADABLE,))
    if not filled:
        return PdfSignature(signed=False, problems=(UNSIGNED,))
    try:
        found = reader.embedded_signatures
        if not found:
            return PdfSignature(signed=True, problems=(
                "The PDF's signature is of a kind this program does not check.",))
        return _check(found[0], extra=len(found) - 1)
    except Exception:  # noqa: BLE001
        return PdfSignature(signed=True, problems=(
            "The PDF's signature is damaged: it cannot be read or checked.",))


def _check(sig, *, extra: int) -> PdfSignature:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    cert = sig.signer_cert
    public_key, problems = _openssh_key(cert.dump())
    try:
        signed_at = sig.self_reported_timestamp
    except Exception:  # noqa: BLE001 - a malformed /M is no reason to stop
        signed_at = None
    # Trust the certificate the PDF carries, and no other: whether that key is the journal's
    # is the caller's question (it compares public_key with the chain's).
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[cert]), skip_diff=True)
    if not status.intact:
        problems.append("The PDF's signed content was changed: it no longer matches its "
                        "signature.")
    elif not status.valid:
        problems.append("The signature does not verify with the key in its certificate.")
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        problems.append("The PDF was changed after it was signed: an update was added to the "
                        "end of the signed file.")
    elif not whole:
        problems.append("The signature does not cover the whole file.")
    if extra:
        problems.append(f"The PDF carries {extra + 1} signatures; only the first was checked.")
    return PdfSignature(
        signed=True, intact=bool(status.intact and status.valid and whole),
        public_key=public_key, fingerprint=fingerprint(public_key) if public_key else None,
        signer_name=_common_name(cert),
        signed_at=signed_at, problems=tuple(problems))


def _common_name(cert) -> str | None:
    try:
        return cert.subject.native.get("common_name")
    except Exception:  # noqa: BLE001 - a hostile certificate may have any subject
        return None


def _openssh_key(cert_der: bytes) -> tuple[str | None, list[str]]:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    try:
        key = x509.load_der_x509_certificate(cert_der).public_key()
        line = key.public_bytes(serialization.Encoding.OpenSSH,
                                serialization.PublicFormat.OpenSSH).decode("ascii")
    except (ValueError, TypeError):
        return None, ["The signer's key is of a kind this program cannot name."]
    return line, []


def _quiet_pyhanko() -> None:
    """pyHanko logs its warnings about a hostile file; the sentences we return say it, and a
    command line with no logging set up would print them raw to stderr. Its network clients
    are never loaded (pyhanko_offline)."""
    import logging

    from .pyhanko_offline import offline, ready
    offline()
    ready()
    for name in ("pyhanko", "pyhanko_certvalidator"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
