"""The key header: the database's random data key, wrapped twice.

The data key (256 random bits) is SQLCipher's raw key. It is stored only
wrapped with ChaCha20-Poly1305: once under a key derived from the passphrase
with Argon2id, once under the recovery key shown at creation. The header's
own fields are the AEAD's associated data, so a changed parameter fails to
unwrap instead of weakening anything.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import BadInput, IntegrityFailure, WrongPassphrase

FORMAT = "support-journal-key/1"
FLOOR = {"memory_kib": 64 * 1024, "time_cost": 3, "parallelism": 4}
MAX_MEMORY_KIB = 256 * 1024  # the window must stay well under 300 MB resident
DEFAULT_TARGET_SECONDS = 0.7   # unlock must stay within 1.2 s, even on a busy machine
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: it is read off paper


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


def derive(passphrase: str, salt: bytes, params: dict) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=params["time_cost"],
                           memory_cost=params["memory_kib"], parallelism=params["parallelism"],
                           hash_len=32, type=Type.ID)


def calibrate(target_seconds: float | None = None) -> dict:
    """Argon2id parameters at or above the floor that take about target_seconds here."""
    if target_seconds is None:
        target_seconds = float(os.environ.get("JOURNAL_KDF_TARGET_SECONDS", DEFAULT_TARGET_SECONDS))
    params = dict(FLOOR)
    if target_seconds <= 0:
        return params
    salt = os.urandom(16)
    while True:
        t0 = time.perf_counter()
        derive("calibration", salt, params)
        took = time.perf_counter() - t0
        if took * 2 > target_seconds:
            break
        if params["memory_kib"] * 2 <= MAX_MEMORY_KIB:
            params["memory_kib"] *= 2
        else:
            params["time_cost"] += max(1, int(params["time_cost"] * (target_seconds / took - 1)))
            break
    return params


def _check_params(params: dict) -> None:
    for key, floor in FLOOR.items():
        if not isinstance(params.get(key), int) or params[key] < floor:
            raise IntegrityFailure("The key header asks for key derivation weaker than the "
                                   "journal allows; it has been tampered with.")


def new_recovery_key() -> str:
    body = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(52))  # ~260 bits
    check = _recovery_check(body)
    full = body + check
    return "-".join(full[i:i + 4] for i in range(0, len(full), 4))


def _recovery_check(body: str) -> str:
    digest = hashlib.sha256(body.encode("ascii")).digest()
    return "".join(RECOVERY_ALPHABET[b % len(RECOVERY_ALPHABET)] for b in digest[:4])


def normalize_recovery_key(text: str) -> str:
    body = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(body) != 56 or any(ch not in RECOVERY_ALPHABET for ch in body) \
            or _recovery_check(body[:52]) != body[52:]:
        raise BadInput("That is not a valid recovery key; check it against the one you wrote down.")
    return body[:52]


def _recovery_wrapping_key(recovery_key: str, salt: bytes) -> bytes:
    # The recovery key is random (~260 bits), so a plain KDF suffices; no stretching needed.
    return HKDF(algorithm=SHA256(), length=32, salt=salt,
                info=b"support-journal recovery wrap").derive(normalize_recovery_key(recovery_key)
                                                              .encode("ascii"))


def _aad(kind: str, params: dict | None, salt: bytes) -> bytes:
    return json.dumps({"format": FORMAT, "kind": kind, "params": params, "salt": _b64(salt)},
                      sort_keys=True).encode("utf-8")


def _wrap(wrapping_key: bytes, data_key: bytes, aad: bytes) -> dict:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(ChaCha20Poly1305(wrapping_key)
                                                    .encrypt(nonce, data_key, aad))}


def _unwrap(wrapping_key: bytes, wrapped: dict, aad: bytes) -> bytes | None:
    try:
        return ChaCha20Poly1305(wrapping_key).decrypt(_unb64(wrapped["nonce"]),
                                                      _unb64(wrapped["ciphertext"]), aad)
    except InvalidTag:
        return None


@dataclass
class KeyHeader:
    params: dict
    salt: bytes
    wrapped: dict
    recovery_salt: bytes
    recovery_wrapped: dict

    @classmethod
    def create(cls, passphrase: str, data_key: bytes, recovery_key: str,
               params: dict | None = None) -> KeyHeader:
        params = params or calibrate()
        _check_params(params)
        salt, rsalt = os.urandom(16), os.urandom(16)
        wrapped = _wrap(derive(passphrase, salt, params), data_key,
                        _aad("passphrase", params, salt))
        rwrapped = _wrap(_recovery_wrapping_key(recovery_key, rsalt), data_key,
                         _aad("recovery", None, rsalt))
        return cls(params, salt, wrapped, rsalt, rwrapped)

    def unlock(self, passphrase: str) -> bytes:
        key = _unwrap(derive(passphrase, self.salt, self.params), self.wrapped,
                      _aad("passphrase", self.params, self.salt))
        if key is None:
            raise WrongPassphrase("The passphrase is wrong; nothing was changed.")
        return key

    def unlock_with_recovery_key(self, recovery_key: str) -> bytes:
        key = _unwrap(_recovery_wrapping_key(recovery_key, self.recovery_salt),
                      self.recovery_wrapped, _aad("recovery", None, self.recovery_salt))
        if key is None:
            raise WrongPassphrase("That recovery key does not open this journal; nothing was changed.")
        return key

    def rewrapped(self, data_key: bytes, new_passphrase: str) -> KeyHeader:
        params = calibrate() if self.params == FLOOR else dict(self.params)
        params = {k: max(params[k], FLOOR[k]) for k in FLOOR}
        salt = os.urandom(16)
        wrapped = _wrap(derive(new_passphrase, salt, params), data_key,
                        _aad("passphrase", params, salt))
        return KeyHeader(params, salt, wrapped, self.recovery_salt, self.recovery_wrapped)

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "kdf": {"name": "argon2id", **self.params, "salt": _b64(self.salt)},
               "wrapped_key": self.wrapped,
               "recovery": {"kdf": "hkdf-sha256", "salt": _b64(self.recovery_salt),
                            "wrapped_key": self.recovery_wrapped}}
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyHeader:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise IntegrityFailure("The key header is of an unknown format; "
                                       "this version cannot open the journal.")
            kdf = doc["kdf"]
            params = {k: kdf[k] for k in FLOOR}
            _check_params(params)
            return cls(params, _unb64(kdf["salt"]), doc["wrapped_key"],
                       _unb64(doc["recovery"]["salt"]), doc["recovery"]["wrapped_key"])
        except IntegrityFailure:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise IntegrityFailure("The key header is damaged; restore the journal "
                                   "from a backup.") from None
