"""The key header: the database's random data key, wrapped twice.

The data key (256 random bits) is SQLCipher's raw key. It is stored only
wrapped with ChaCha20-Poly1305: once under a key derived from the passphrase
with Argon2id, once under the recovery key shown at creation. The header's
own fields are the AEAD's associated data, so a changed parameter fails to
unwrap instead of weakening anything. A MAC under a key derived from the
data key covers the recovery copy, so `journal check` can tell that copy is
intact without the recovery key.

`from_bytes` checks every field's presence, type, size and range before any
key derivation can run: a damaged or hostile header is one sentence, never
a hang or an internal error.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass, field

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..errors import BadInput, IntegrityFailure, Phrase, Term, WrongPassphrase

FORMAT = "support-journal-key/1"
KDF_NAME, RECOVERY_KDF = "argon2id", "hkdf-sha256"
FLOOR = {"memory_kib": 64 * 1024, "time_cost": 3, "parallelism": 4}
# Far above anything calibration makes: a header asking for more was damaged or tampered with,
# and must not make unlock allocate without bound or run for hours.
CEILING = {"memory_kib": 4 * 1024 * 1024, "time_cost": 100, "parallelism": 64}
MAX_MEMORY_KIB = 256 * 1024  # the window must stay well under 300 MB resident
DEFAULT_TARGET_SECONDS = 0.7   # unlock must stay within 1.2 s, even on a busy machine
MAX_HEADER_BYTES = 64 * 1024   # a real header is under 1 KiB
SALT_BYTES, NONCE_BYTES, WRAPPED_BYTES = 16, 12, 32 + 16
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
    params["time_cost"] = min(params["time_cost"], CEILING["time_cost"])  # from_bytes' limit
    return params


def _check_params(params: dict) -> None:
    for key, floor in FLOOR.items():
        value = params.get(key)
        if type(value) is not int:  # a bool is no number of iterations
            raise _damaged("keyheader.detail.kdf_not_number", key=key)
        if value < floor:
            raise IntegrityFailure("keyheader.kdf_too_weak")
        if value > CEILING[key]:
            raise IntegrityFailure("keyheader.kdf_too_costly", key=key, ceiling=CEILING[key])


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
        raise BadInput("recovery_key.invalid")
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


def _recovery_mac(data_key: bytes, recovery: dict) -> str:
    """HMAC-SHA256 over the recovery entry as written (kdf, salt, nonce, ciphertext)."""
    mac_key = HKDF(algorithm=SHA256(), length=32, salt=None,
                   info=b"support-journal recovery mac").derive(data_key)
    covered = {"format": FORMAT, "kdf": recovery["kdf"], "salt": recovery["salt"],
               "nonce": recovery["wrapped_key"]["nonce"],
               "ciphertext": recovery["wrapped_key"]["ciphertext"]}
    message = json.dumps(covered, sort_keys=True).encode("utf-8")
    return _b64(hmac.new(mac_key, message, hashlib.sha256).digest())


def _new_recovery_entry(data_key: bytes, recovery_key: str) -> dict:
    salt = os.urandom(SALT_BYTES)
    entry = {"kdf": RECOVERY_KDF, "salt": _b64(salt),
             "wrapped_key": _wrap(_recovery_wrapping_key(recovery_key, salt), data_key,
                                  _aad("recovery", None, salt))}
    entry["mac"] = _recovery_mac(data_key, entry)
    return entry


@dataclass
class KeyHeader:
    params: dict
    salt: bytes
    wrapped: dict
    # The recovery entry as the file holds it: kdf, salt, wrapped_key and (since the MAC came
    # in) mac, all text. Kept as text so a damaged one is written back as found.
    recovery: dict = field(repr=False)
    # Why the recovery entry's values do not decode, if they do not: the passphrase still opens
    # the journal, and `journal check` and `journal recovery-key` deal with it.
    recovery_damage: str | None = None

    @classmethod
    def create(cls, passphrase: str, data_key: bytes, recovery_key: str,
               params: dict | None = None) -> KeyHeader:
        params = params or calibrate()
        _check_params(params)
        salt = os.urandom(SALT_BYTES)
        wrapped = _wrap(derive(passphrase, salt, params), data_key,
                        _aad("passphrase", params, salt))
        return cls(params, salt, wrapped, _new_recovery_entry(data_key, recovery_key))

    def unlock(self, passphrase: str) -> bytes:
        key = _unwrap(derive(passphrase, self.salt, self.params), self.wrapped,
                      _aad("passphrase", self.params, self.salt))
        if key is None:
            raise WrongPassphrase("passphrase.wrong")
        return key

    def unlock_with_recovery_key(self, recovery_key: str) -> bytes:
        normalize_recovery_key(recovery_key)  # a typo is the user's to fix, whatever the header
        if self.recovery_damage is not None:
            raise IntegrityFailure("recovery_copy.unusable")
        salt = _unb64(self.recovery["salt"])
        key = _unwrap(_recovery_wrapping_key(recovery_key, salt), self.recovery["wrapped_key"],
                      _aad("recovery", None, salt))
        if key is None:
            raise WrongPassphrase("recovery_key.wrong")
        return key

    def rewrapped(self, data_key: bytes, new_passphrase: str) -> KeyHeader:
        params = calibrate() if self.params == FLOOR else dict(self.params)
        params = {k: min(max(params[k], FLOOR[k]), CEILING[k]) for k in FLOOR}
        salt = os.urandom(SALT_BYTES)
        wrapped = _wrap(derive(new_passphrase, salt, params), data_key,
                        _aad("passphrase", params, salt))
        header = KeyHeader(params, salt, wrapped, dict(self.recovery), self.recovery_damage)
        return header.sealed(data_key) or header

    def sealed(self, data_key: bytes, *, recovery_proven: bool = False) -> KeyHeader | None:
        """This header with the MAC over its recovery entry, or None when nothing changes.

        A header without a MAC gains one. One whose MAC is wrong is only mended when the
        recovery key has just opened it (`recovery_proven`): that proves the entry intact."""
        if self.recovery_damage is not None:
            return None
        mac = _recovery_mac(data_key, self.recovery)
        if self.recovery.get("mac") == mac or ("mac" in self.recovery and not recovery_proven):
            return None
        return KeyHeader(self.params, self.salt, self.wrapped, {**self.recovery, "mac": mac})

    def with_new_recovery_key(self, data_key: bytes) -> tuple[KeyHeader, str]:
        """This header with its recovery copy re-wrapped under a new recovery key."""
        recovery_key = new_recovery_key()
        return KeyHeader(self.params, self.salt, self.wrapped,
                         _new_recovery_entry(data_key, recovery_key)), recovery_key

    def to_bytes(self) -> bytes:
        doc = {"format": FORMAT, "kdf": {"name": KDF_NAME, **self.params, "salt": _b64(self.salt)},
               "wrapped_key": self.wrapped, "recovery": self.recovery}
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyHeader:
        doc = _parse(raw)
        if doc.get("format") != FORMAT:
            raise IntegrityFailure("keyheader.unknown_format")
        _fields(doc, "", {"format", "kdf", "wrapped_key", "recovery"},
                nested={"kdf", "wrapped_key", "recovery"})
        kdf = _fields(doc["kdf"], "kdf", {"name", "salt", *FLOOR}, numbers=set(FLOOR))
        if kdf["name"] != KDF_NAME:
            raise IntegrityFailure("keyheader.not_argon2id")
        params = {k: kdf[k] for k in FLOOR}
        _check_params(params)
        salt = _decoded(kdf["salt"], SALT_BYTES, "kdf.salt")
        wrapped = _wrapped_fields(doc["wrapped_key"], "wrapped_key")
        _decoded(wrapped["nonce"], NONCE_BYTES, "wrapped_key.nonce")
        _decoded(wrapped["ciphertext"], WRAPPED_BYTES, "wrapped_key.ciphertext")
        recovery = _fields(doc["recovery"], "recovery", {"kdf", "salt", "wrapped_key"},
                           optional={"mac"}, nested={"wrapped_key"})
        if recovery["kdf"] != RECOVERY_KDF:
            raise IntegrityFailure("keyheader.not_hkdf")
        recovery["wrapped_key"] = _wrapped_fields(recovery["wrapped_key"], "recovery.wrapped_key")
        return cls(params, salt, wrapped, recovery, _recovery_damage(recovery))


def recovery_problem(header: KeyHeader, data_key: bytes) -> Phrase | None:
    """One sentence if the recovery copy of the key is damaged, else None.

    A header from before the MAC has none to check (the next unlock adds it)."""
    if header.recovery_damage is not None:
        return Phrase("recovery_copy.damaged")
    mac = header.recovery.get("mac")
    if mac is not None and not hmac.compare_digest(mac.encode("ascii", "replace"),
                                                   _recovery_mac(data_key, header.recovery)
                                                   .encode("ascii")):
        return Phrase("recovery_copy.damaged")
    return None


# -- reading a header: every field checked before any of it is used -----------------------

def _damaged(detail: str, /, **params) -> IntegrityFailure:
    """The key header is damaged: `detail` (a code of the catalogue's keyheader.detail.*)."""
    return IntegrityFailure("keyheader.damaged", detail=Phrase(detail, **params))


def _parse(raw: bytes) -> dict:
    if len(raw) > MAX_HEADER_BYTES:
        raise IntegrityFailure("keyheader.too_large", kib=MAX_HEADER_BYTES // 1024)
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise _damaged("keyheader.detail.not_utf8") from None
    try:
        doc = json.loads(text, object_pairs_hook=_no_repeats)
    except RecursionError:
        raise _damaged("keyheader.detail.too_deep") from None
    except ValueError as exc:  # not JSON, a repeated field, or a number of thousands of digits
        raise _damaged("keyheader.detail.repeated" if isinstance(exc, _Repeated)
                       else "keyheader.detail.not_json") from None
    if not isinstance(doc, dict):
        raise _damaged("keyheader.detail.not_object")
    return doc


class _Repeated(ValueError):
    pass


def _no_repeats(pairs: list) -> dict:
    doc = dict(pairs)
    if len(doc) != len(pairs):
        raise _Repeated("a field given twice")
    return doc


def _fields(obj, where: str, required: set, *, optional: set = frozenset(),
            nested: set = frozenset(), numbers: set = frozenset()) -> dict:
    """obj as a dict holding exactly the required keys (and maybe the optional ones), each
    text but for the nested objects (checked next) and numbers (checked by _check_params)."""
    name = where or Term("the header")
    if not isinstance(obj, dict):
        raise _damaged("keyheader.detail.part_not_object", part=name)
    for key in sorted(required):
        if key not in obj:
            raise _damaged("keyheader.detail.no_field", part=name, field=key)
    unknown = set(obj) - required - optional
    if unknown:
        raise _damaged("keyheader.detail.unknown_field", part=name, field=_quote(min(unknown)))
    for key, value in obj.items():
        dotted = f"{where}.{key}" if where else key
        if key not in nested and key not in numbers and not isinstance(value, str):
            raise _damaged("keyheader.detail.not_text", field=dotted)
    return dict(obj)


def _wrapped_fields(obj, where: str) -> dict:
    return _fields(obj, where, {"nonce", "ciphertext"})


def _decoded(text: str, size: int, where: str) -> bytes:
    try:
        value = _unb64(text)
    except (binascii.Error, ValueError):
        raise _damaged("keyheader.detail.not_base64", field=where) from None
    if len(value) != size:
        raise _damaged("keyheader.detail.wrong_size", field=where, size=len(value),
                       expected=size)
    return value


def _recovery_damage(recovery: dict) -> Phrase | None:
    """Why the recovery entry's values do not decode, or None if they all do. (A MAC that
    does not decode just does not match: recovery_problem says so.)"""
    sizes = [(recovery["salt"], SALT_BYTES, "recovery.salt"),
             (recovery["wrapped_key"]["nonce"], NONCE_BYTES, "recovery.wrapped_key.nonce"),
             (recovery["wrapped_key"]["ciphertext"], WRAPPED_BYTES,
              "recovery.wrapped_key.ciphertext")]
    for text, size, where in sizes:
        try:
            _decoded(text, size, where)
        except IntegrityFailure as exc:
            return exc.phrase
    return None


def _quote(key: str) -> str:
    shown = json.dumps(key)  # one line, whatever the key holds
    return shown if len(shown) <= 40 else shown[:37] + "…\""
