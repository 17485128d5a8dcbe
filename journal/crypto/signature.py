"""The journal's signing key: an Ed25519 seed of 32 bytes, and the signatures made with it.

An export's manifest is signed in OpenSSH's own format (PROTOCOL.sshsig), so anyone can check
it with the `ssh-keygen -Y verify` their system already has, given the public key this journal
introduced into the case's chain. The exported PDF is signed by a P-256 key derived from the
same seed (`pdf_signing_key`): poppler's pdfsig (NSS 3.87) cannot verify Ed25519 in a PDF.

Pure functions of bytes, on the cryptography library; `verify_sshsig` meets hostile input and
answers it with ValueError alone.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NAMESPACE = "support-journal"
SEED_BYTES = 32

_MAGIC = b"SSHSIG"
_VERSION = 1
_KEY_TYPE = b"ssh-ed25519"
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"
_LINE = 70  # ssh-keygen's own wrap, so our armor and theirs look alike
_HASHES = {"sha512": hashlib.sha512, "sha256": hashlib.sha256}  # the two PROTOCOL.sshsig allows
_MAX_ARMOR = 64 * 1024  # an Ed25519 signature is ~300 characters; no need to decode megabytes

_PDF_KEY_INFO = b"support-journal pdf signing key"
# The order n of P-256's base point (SEC 2, secp256r1).
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

# An identity must stay one principal in allowed_signers and one argument to `-I`:
# no blanks, quotes, commas or pattern characters (ssh_config PATTERNS).
_IDENTITY = re.compile(r"[^\s\"',*?!]+")


def new_seed() -> bytes:
    """A fresh signing key: 32 random bytes from the OS."""
    return secrets.token_bytes(SEED_BYTES)


def _seed(seed: bytes) -> bytes:
    if not isinstance(seed, bytes | bytearray | memoryview) or len(seed) != SEED_BYTES:
        raise ValueError("A signing key's seed is 32 bytes.")
    return bytes(seed)


def _private_key(seed: bytes) -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.from_private_bytes(_seed(seed))


def public_key_openssh(seed: bytes) -> str:
    """The public key as one OpenSSH line without comment: "ssh-ed25519 AAAA…"."""
    return _openssh(_private_key(seed).public_key())


def _openssh(public_key) -> str:
    return public_key.public_bytes(serialization.Encoding.OpenSSH,
                                   serialization.PublicFormat.OpenSSH).decode("ascii")


def _wire_key(public_key_line: str) -> bytes:
    """The SSH wire form of a public key written as an OpenSSH line (ed25519, ecdsa, rsa)."""
    try:
        key = serialization.load_ssh_public_key(public_key_line.strip().encode("ascii"))
    except (ValueError, UnicodeError, UnsupportedAlgorithm, AttributeError):
        raise ValueError("That is not an OpenSSH public key.") from None
    return base64.b64decode(_openssh(key).split()[1])


def fingerprint(seed_or_public_key: bytes | str) -> str:
    """OpenSSH's fingerprint, "SHA256:<base64, no padding>", as `ssh-keygen -l` prints it.

    Takes the 32-byte seed or a public key as an OpenSSH line ("ssh-ed25519 AAAA…",
    "ecdsa-sha2-nistp256 AAAA…").
    """
    if isinstance(seed_or_public_key, str):
        wire = _wire_key(seed_or_public_key)
    else:
        wire = base64.b64decode(public_key_openssh(seed_or_public_key).split()[1])
    digest = base64.b64encode(hashlib.sha256(wire).digest()).decode("ascii")
    return "SHA256:" + digest.rstrip("=")


def allowed_signers_line(identity: str, public_key_openssh: str, *,
                         namespace: str = NAMESPACE) -> str:
    """One line of an allowed_signers file for `ssh-keygen -Y verify -f FILE -I IDENTITY`."""
    if not isinstance(identity, str) or not _IDENTITY.fullmatch(identity):
        raise ValueError("The identity must be one word without quotes, commas or wildcards.")
    if not _IDENTITY.fullmatch(namespace):
        raise ValueError("The namespace must be one word without quotes, commas or wildcards.")
    wire = _wire_key(public_key_openssh)
    key_type = _Reader(wire).string().decode("ascii")
    key = f"{key_type} {base64.b64encode(wire).decode('ascii')}"
    return f'{identity} namespaces="{namespace}" {key}'


def pdf_signing_key(seed: bytes) -> ec.EllipticCurvePrivateKey:
    """The P-256 key that signs PDFs, derived from the seed, the same on every run.

    HKDF-SHA256 (no salt, info "support-journal pdf signing key") gives 48 bytes, reduced to
    1..n-1 as FIPS 186-5 A.2.1 does (c mod (n-1) + 1): 128 spare bits leave no usable bias.
    Changing any of this changes the key every journal has already introduced.
    """
    okm = HKDF(algorithm=hashes.SHA256(), length=48, salt=None,
               info=_PDF_KEY_INFO).derive(_seed(seed))
    scalar = int.from_bytes(okm, "big") % (_P256_ORDER - 1) + 1
    return ec.derive_private_key(scalar, ec.SECP256R1())


def pdf_public_key(seed: bytes) -> str:
    """The PDF signing key's public half, as OpenSSH writes it: "ecdsa-sha2-nistp256 AAAA…"."""
    return _openssh(pdf_signing_key(seed).public_key())


def _string(value: bytes) -> bytes:
    return len(value).to_bytes(4, "big") + value


def _signed_blob(namespace: bytes, hash_algorithm: bytes, reserved: bytes, data: bytes) -> bytes:
    digest = _HASHES[hash_algorithm.decode("ascii")](data).digest()
    return (_MAGIC + _string(namespace) + _string(reserved) + _string(hash_algorithm)
            + _string(digest))


def sign_sshsig(seed: bytes, data: bytes, namespace: str = NAMESPACE) -> str:
    """An armored SSH signature of data ("-----BEGIN SSH SIGNATURE-----"), SHA-512, as
    `ssh-keygen -Y sign -n NAMESPACE` makes it."""
    if not namespace:
        raise ValueError("A signature needs a namespace.")
    key = _private_key(seed)
    ns = namespace.encode("utf-8")
    raw_public = key.public_key().public_bytes_raw()
    signature = key.sign(_signed_blob(ns, b"sha512", b"", bytes(data)))
    blob = (_MAGIC + _VERSION.to_bytes(4, "big")
            + _string(_string(_KEY_TYPE) + _string(raw_public))
            + _string(ns) + _string(b"") + _string(b"sha512")
            + _string(_string(_KEY_TYPE) + _string(signature)))
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i:i + _LINE] for i in range(0, len(text), _LINE)]
    return "\n".join([_BEGIN, *lines, _END]) + "\n"


class _Reader:
    """SSH wire format (RFC 4251 §5) read with every length checked."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if n > len(self.data) - self.pos:
            raise ValueError("The signature is cut short.")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def uint32(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def string(self) -> bytes:
        return self.take(self.uint32())

    def end(self) -> None:
        if self.pos != len(self.data):
            raise ValueError("The signature has bytes left over after its end.")


def _dearmor(armored: str) -> bytes:
    if isinstance(armored, bytes | bytearray):
        try:
            armored = bytes(armored).decode("ascii")
        except UnicodeError:
            raise ValueError("The signature is not ASCII text.") from None
    if not isinstance(armored, str):  # hostile input gets ValueError, whatever its type
        raise ValueError("The signature is not text.")  # noqa: TRY004
    if len(armored) > _MAX_ARMOR:
        raise ValueError("The signature is far too long to be an SSH signature.")
    lines = [line.strip() for line in armored.strip().splitlines()]
    if len(lines) < 3 or lines[0] != _BEGIN or lines[-1] != _END:
        raise ValueError("The text is not an armored SSH signature "
                         f"(it must run from {_BEGIN} to {_END}).")
    body = "".join(lines[1:-1])
    try:
        return base64.b64decode(body.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeError):
        raise ValueError("The SSH signature's base64 text is damaged.") from None


def verify_sshsig(armored: str, data: bytes, *, namespace: str = NAMESPACE) -> str:
    """The signer's public key ("ssh-ed25519 AAAA…") if armored is a valid SSH signature of
    data in namespace; otherwise ValueError, with a sentence saying what is wrong."""
    blob = _Reader(_dearmor(armored))
    if blob.take(len(_MAGIC)) != _MAGIC:
        raise ValueError("The text is not an SSH signature (its magic preamble is missing).")
    version = blob.uint32()
    if version != _VERSION:
        raise ValueError(f"The SSH signature has version {version}; only version 1 is known.")
    public_key = _Reader(blob.string())
    signed_namespace = blob.string()
    reserved = blob.string()
    hash_algorithm = blob.string()
    signature = _Reader(blob.string())
    blob.end()

    if public_key.string() != _KEY_TYPE:
        raise ValueError("The signature was not made with an Ed25519 key.")
    raw_public = public_key.string()
    public_key.end()
    if signed_namespace != namespace.encode("utf-8"):
        raise ValueError(f'The signature was made for another purpose than "{namespace}" '
                         "(its namespace differs).")
    if hash_algorithm.decode("ascii", "replace") not in _HASHES:
        raise ValueError("The signature uses a hash algorithm other than sha512 or sha256.")
    if signature.string() != _KEY_TYPE:
        raise ValueError("The signature's algorithm is not Ed25519.")
    raw_signature = signature.string()
    signature.end()
    if len(raw_public) != 32 or len(raw_signature) != 64:
        raise ValueError("The signature's key or value has the wrong length for Ed25519.")

    try:
        key = ed25519.Ed25519PublicKey.from_public_bytes(raw_public)
        key.verify(raw_signature, _signed_blob(signed_namespace, hash_algorithm, reserved,
                                               bytes(data)))
    except (InvalidSignature, ValueError):
        raise ValueError("The signature does not match the data: the data or the signature "
                         "was changed, or it was signed by another key.") from None
    return _openssh(key)
