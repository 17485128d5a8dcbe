"""The journal's signing key and its SSH signatures: what we sign, OpenSSH's own ssh-keygen
accepts, and what ssh-keygen signs, we accept; anything else is a ValueError with a sentence."""
from __future__ import annotations

import base64
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.crypto import signature
from journal.crypto.signature import (
    allowed_signers_line,
    fingerprint,
    new_seed,
    pdf_public_key,
    public_key_openssh,
    sign_sshsig,
    verify_sshsig,
)

# RFC 8032 §7.1, test 1: the seed and the public key Ed25519 derives from it.
RFC8032_SEED = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
DATA = b"3f7a9c0e  README.txt\nbd31e5aa  case.pdf\n"
GOOD = sign_sshsig(RFC8032_SEED, DATA)

SSH_KEYGEN = shutil.which("ssh-keygen")
needs_ssh_keygen = pytest.mark.skipif(SSH_KEYGEN is None, reason="ssh-keygen is not installed")


def ssh_keygen(*args, cwd, input=None) -> subprocess.CompletedProcess:
    return subprocess.run([SSH_KEYGEN, *args], cwd=cwd, input=input, capture_output=True,
                          timeout=30, check=False)


# --- the SSH wire format, written out here from PROTOCOL.sshsig to forge signatures with ---

def _string(value: bytes) -> bytes:
    return len(value).to_bytes(4, "big") + value


def fields_of(armored: str) -> list[bytes]:
    """MAGIC, version, and the five strings of an SSHSIG blob."""
    blob = base64.b64decode("".join(armored.strip().splitlines()[1:-1]))
    assert blob[:6] == b"SSHSIG"
    out, pos = [blob[:6], blob[6:10]], 10
    while pos < len(blob):
        n = int.from_bytes(blob[pos:pos + 4], "big")
        out.append(blob[pos + 4:pos + 4 + n])
        pos += 4 + n
    assert len(out) == 7
    return out


def armor(fields: list[bytes], tail: bytes = b"") -> str:
    blob = fields[0] + fields[1] + b"".join(_string(f) for f in fields[2:]) + tail
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i:i + 70] for i in range(0, len(text), 70)]
    return "\n".join(["-----BEGIN SSH SIGNATURE-----", *lines, "-----END SSH SIGNATURE-----"])


@pytest.fixture(scope="module")
def seed() -> bytes:
    return new_seed()


@pytest.fixture(scope="module")
def signed(seed) -> str:
    return sign_sshsig(seed, DATA)


def test_the_public_key_is_ed25519s_own():
    line = public_key_openssh(RFC8032_SEED)
    kind, body = line.split(" ")
    assert kind == "ssh-ed25519"
    assert base64.b64decode(body) == _string(b"ssh-ed25519") + _string(RFC8032_PUBLIC)


def test_new_seeds_are_32_random_bytes():
    seeds = {new_seed() for _ in range(8)}
    assert len(seeds) == 8 and all(len(s) == 32 for s in seeds)


@pytest.mark.parametrize("bad", [b"", b"\0" * 31, b"\0" * 33, "0" * 32, None])
def test_a_seed_that_is_not_32_bytes_is_refused(bad):
    with pytest.raises(ValueError, match="32 bytes"):
        public_key_openssh(bad)


def test_round_trip_names_the_signer(seed, signed):
    assert signed.startswith("-----BEGIN SSH SIGNATURE-----\n")
    assert signed.endswith("\n-----END SSH SIGNATURE-----\n")
    assert verify_sshsig(signed, DATA) == public_key_openssh(seed)


def test_the_blob_says_what_protocol_sshsig_says(seed, signed):
    magic, version, public, namespace, reserved, hash_alg, sig = fields_of(signed)
    assert (magic, version) == (b"SSHSIG", (1).to_bytes(4, "big"))
    assert public == base64.b64decode(public_key_openssh(seed).split()[1])
    assert (namespace, reserved, hash_alg) == (b"support-journal", b"", b"sha512")
    assert sig[:15] == _string(b"ssh-ed25519") and len(sig) == 15 + 4 + 64


@pytest.mark.parametrize("flip", ["data", "signature", "namespace", "public key"])
def test_one_changed_byte_fails(seed, signed, flip):
    data, fields = DATA, fields_of(signed)
    if flip == "data":
        data = DATA.replace(b"3f7a", b"3f7b")
    elif flip == "signature":
        fields[6] = fields[6][:-1] + bytes([fields[6][-1] ^ 1])
    elif flip == "namespace":
        fields[3] = b"support-journam"
    else:
        other = base64.b64decode(public_key_openssh(new_seed()).split()[1])
        fields[2] = other
    with pytest.raises(ValueError) as err:
        verify_sshsig(armor(fields), data)
    assert str(err.value).endswith(".") and "\n" not in str(err.value)


def test_another_namespace_is_refused_by_name(signed):
    with pytest.raises(ValueError, match="namespace"):
        verify_sshsig(signed, DATA, namespace="git")
    with pytest.raises(ValueError, match="namespace"):
        verify_sshsig(sign_sshsig(new_seed(), DATA, namespace="file"), DATA)


def test_a_hash_algorithm_other_than_sha512_or_sha256_is_refused(signed):
    fields = fields_of(signed)
    fields[5] = b"sha1"
    with pytest.raises(ValueError, match="hash algorithm"):
        verify_sshsig(armor(fields), DATA)


def test_trailing_junk_is_refused(signed):
    with pytest.raises(ValueError, match="armored"):
        verify_sshsig(signed + "and one more line\n", DATA)
    with pytest.raises(ValueError, match="left over"):
        verify_sshsig(armor(fields_of(signed), tail=b"\0"), DATA)


def test_crlf_and_surrounding_blank_lines_are_only_whitespace(seed, signed):
    assert verify_sshsig("\r\n" + signed.replace("\n", "\r\n") + "\n\n", DATA) \
        == public_key_openssh(seed)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_fuzzed_armor_gives_value_error_only(data):
    good = GOOD
    kind = data.draw(st.sampled_from(["text", "armor", "blob"]))
    if kind == "text":
        text = data.draw(st.text(max_size=400))
    elif kind == "armor":
        chars = list(good)
        for _ in range(data.draw(st.integers(1, 6))):
            i = data.draw(st.integers(0, len(chars) - 1))
            chars[i] = data.draw(st.characters(codec="ascii"))
        text = "".join(chars)
    else:  # valid base64 of a damaged blob: every length and string of it read with care
        blob = bytearray(base64.b64decode("".join(good.splitlines()[1:-1])))
        for _ in range(data.draw(st.integers(1, 6))):
            blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.integers(0, 255))
        cut = data.draw(st.integers(0, len(blob)))
        body = base64.b64encode(bytes(blob[:cut])).decode("ascii")
        text = f"-----BEGIN SSH SIGNATURE-----\n{body}\n-----END SSH SIGNATURE-----\n"
    try:
        signer = verify_sshsig(text, DATA)
    except ValueError as exc:
        assert str(exc)
    else:  # a change that decodes to the same blob (a newline, base64's spare bits) is no change
        assert signer == public_key_openssh(RFC8032_SEED)


@pytest.mark.parametrize("hostile", [b"\xff\xfe", 12, None, "x" * 100_000])
def test_what_is_not_text_is_a_value_error_too(hostile):
    with pytest.raises(ValueError):
        verify_sshsig(hostile, DATA)


def test_allowed_signers_line():
    key = public_key_openssh(RFC8032_SEED)
    assert allowed_signers_line("support-journal", key + " a comment") \
        == f'support-journal namespaces="support-journal" {key}'
    for bad in ("two words", "a,b", 'quo"te', "wild*", ""):
        with pytest.raises(ValueError, match="identity"):
            allowed_signers_line(bad, key)
    with pytest.raises(ValueError, match="OpenSSH public key"):
        allowed_signers_line("support-journal", "ssh-ed25519 not-base64")


def test_the_pdf_key_is_derived_from_the_seed_and_never_changes():
    # Every journal introduces this key into its chains: the derivation is fixed for good.
    assert pdf_public_key(RFC8032_SEED) == (
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBH+cI43Aya7O5TQU"
        "7uSZKOI0XJQTSre5khN6mM/T8MZHd9RILkDMqbQ314AimNlyH6iLu30h/a2xUssDguIwP1g=")
    assert fingerprint(pdf_public_key(RFC8032_SEED)) \
        == "SHA256:KmvX4bBKKn2p9JaMDeN2WzMq/OTjfEW75nPCDaNgOi0"
    assert pdf_public_key(new_seed()) != pdf_public_key(RFC8032_SEED)
    assert 0 < signature.pdf_signing_key(RFC8032_SEED).private_numbers().private_value


def test_fingerprint_of_the_seed_and_of_the_public_key_agree(seed):
    assert fingerprint(seed) == fingerprint(public_key_openssh(seed))
    assert fingerprint(RFC8032_SEED) == "SHA256:bbXpuKG6zhzdmnxq256TlqzFBzRl2f6OOg722cYNbU8"
    with pytest.raises(ValueError):
        fingerprint("not a key")


@needs_ssh_keygen
def test_fingerprint_is_what_ssh_keygen_prints(tmp_path, seed):
    for key in (public_key_openssh(seed), pdf_public_key(seed)):
        (tmp_path / "key.pub").write_text(key + " journal\n")
        out = ssh_keygen("-lf", "key.pub", cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert out.stdout.decode().split()[1] == fingerprint(key)


@needs_ssh_keygen
def test_ssh_keygen_verifies_our_signature(tmp_path, seed, signed):
    (tmp_path / "allowed_signers").write_text(
        allowed_signers_line("support-journal", public_key_openssh(seed)) + "\n")
    (tmp_path / "MANIFEST.sha256.sig").write_text(signed)
    args = ("-Y", "verify", "-f", "allowed_signers", "-I", "support-journal",
            "-n", "support-journal", "-s", "MANIFEST.sha256.sig")
    good = ssh_keygen(*args, cwd=tmp_path, input=DATA)
    assert good.returncode == 0, good.stderr
    assert fingerprint(seed).encode() in good.stdout
    bad = ssh_keygen(*args, cwd=tmp_path, input=DATA + b"x")
    assert bad.returncode != 0


@needs_ssh_keygen
def test_we_verify_what_ssh_keygen_signs(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519
    seed = new_seed()
    key = ed25519.Ed25519PrivateKey.from_private_bytes(seed)
    (tmp_path / "id_ed25519").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
        serialization.NoEncryption()))
    (tmp_path / "id_ed25519").chmod(0o600)
    (tmp_path / "MANIFEST.sha256").write_bytes(DATA)
    out = ssh_keygen("-Y", "sign", "-f", "id_ed25519", "-n", "support-journal",
                     "MANIFEST.sha256", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    theirs = (tmp_path / "MANIFEST.sha256.sig").read_text()
    assert verify_sshsig(theirs, DATA) == public_key_openssh(seed)
    with pytest.raises(ValueError):
        verify_sshsig(theirs, DATA[:-1])
