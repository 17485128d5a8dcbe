"""Private keys in notes: hex, WIF, extended (xprv…), Solana's 64-byte secret keys.

- Hex: 64 hex digits (0x optional) as one token, or written in groups ("e8f3 2e72 3dec …",
  with dashes, colons or line breaks between them) that add up to 64 digits with a few
  letters and a few digits among them (so a list of numbers is not a key). Not when a
  transaction-hash label comes right before it (users cite tx hashes as evidence, and they
  look the same; so are "sha256", "checksum", "fingerprint", "ID"), nor when it is two
  UUIDs side by side.
- WIF: 51/52 base58 characters, 5/K/L (9/c on testnet), whose base58check checksum holds.
- Extended private key: xprv, yprv, zprv, tprv… and 96+ base58 characters; no checksum, so
  a mistyped one is hidden too.
- Solana (Phantom, Solflare, solana-keygen): 86–90 base58 characters that decode to exactly
  64 bytes, or the keypair file's JSON array of 64 numbers 0–255. A transaction signature
  is also 64 bytes in base58, so one labelled as a signature or tx (or in an explorer's
  /tx/ link) stays.
"""
from __future__ import annotations

import hashlib
import re

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_CLASS = "1-9A-HJ-NP-Za-km-z"
# Each pattern matches its first character before looking at the one standing before it:
# a pattern that starts with a character class is searched far faster than one that starts
# with a look-behind.
_HEX64 = re.compile(r"[0-9a-fA-F](?<![0-9A-Za-z].)(?:(?<=0)[xX][0-9a-fA-F]{64}|[0-9a-fA-F]{63})"
                    r"(?![0-9A-Za-z])")
_HEX_SEP = r"(?:[ \t]*[-:_][ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)"
_HEX_GROUPS = re.compile(rf"[0-9a-fA-F](?<![0-9A-Za-z].)(?:(?<=0)[xX][0-9a-fA-F]{{2,32}}"
                         rf"|[0-9a-fA-F]{{1,31}})(?:{_HEX_SEP}[0-9a-fA-F]{{2,32}}){{1,39}}"
                         rf"(?![0-9A-Za-z])")
_HEX_GROUP = re.compile(r"[0-9a-fA-F]+")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_TX_LABEL = re.compile(
    r"(?:(?<![A-Za-z])(?:txn?s?|txids?|tx[ _-]?(?:hash(?:es)?|ids?|sig(?:nature)?s?)"
    r"|transactions?(?:[ _-]?(?:hash(?:es)?|ids?|signatures?))?|hash(?:es)?"
    r"|sha-?(?:3-)?(?:256|512)|checksums?|digests?|fingerprints?(?:256|512)?|ids?"
    r"|signatures?|sigs?)"
    r"|交易哈希|哈希|交易ID|交易号|交易编号|交易签名|签名|区块|校验和|指纹)"
    r"(?:[\s:：=#/(（\-—\"']|(?<![A-Za-z])(?:is|was)(?![A-Za-z])|是|为)*$", re.I)
_AND = re.compile(r"[\s,;，；、]*(?:(?:and|和|及|以及)[\s]*)?", re.I)
_WIF = re.compile(f"[5KL9c](?<![0-9A-Za-z].)[{_B58_CLASS}]{{50,51}}(?![0-9A-Za-z])")
_XPRV = re.compile(f"[xyztuvYZUV](?<![0-9A-Za-z].)prv[{_B58_CLASS}]{{96,}}(?![0-9A-Za-z])")
_SOLANA = re.compile(f"[{_B58_CLASS}](?<![0-9A-Za-z].)[{_B58_CLASS}]{{85,89}}(?![0-9A-Za-z])")
_BYTE_ARRAY = re.compile(r"\[\s*\d{1,3}(?:\s*,\s*\d{1,3}){63}\s*,?\s*\]")
_LABEL_REACH = 40


def private_key_spans(text: str) -> list[tuple[int, int]]:
    return _hex_keys(text) + _wif_keys(text) + _solana_keys(text)


def extended_key_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _XPRV.finditer(text)]


def _labelled_hash(text: str, start: int) -> bool:
    return _TX_LABEL.search(text, max(0, start - _LABEL_REACH), start) is not None


def _hex_keys(text: str) -> list[tuple[int, int]]:
    candidates = [m.span() for m in _HEX64.finditer(text)]
    for m in _HEX_GROUPS.finditer(text):
        candidates += _grouped_keys(text, m)
    found, last_hash_end = [], None
    for start, end in sorted(candidates):
        # A hash named as such stays, and so do the ones listed right after it.
        if _labelled_hash(text, start) or (
                last_hash_end is not None and _AND.fullmatch(text, last_hash_end, start)):
            last_hash_end = end
        else:
            last_hash_end = None
            found.append((start, end))
    return found


def _grouped_keys(text: str, m: re.Match) -> list[tuple[int, int]]:
    """Keys in a stretch of hex groups: 2+ groups adding up to 64 digits, some of them
    letters and some digits (a list of numbers is no key), not two UUIDs side by side. A
    stretch little longer than one key is hidden whole (a number may stand beside it)."""
    skip = 2 if m.group()[:2] in ("0x", "0X") else 0
    groups = [g.span() for g in _HEX_GROUP.finditer(text, m.start() + skip, m.end())]
    sizes = [e - s for s, e in groups]
    if sum(sizes) < 64 or sum(c.isalpha() for c in m.group()) < 8 or _UUID.search(m.group()):
        return []
    windows, i = [], 0
    while i < len(groups):
        total, j = 0, i
        while j < len(groups) and total < 64:
            total, j = total + sizes[j], j + 1
        digits = "".join(text[s:e] for s, e in groups[i:j])
        if total == 64 and j - i >= 2 and 8 <= sum(c.isalpha() for c in digits) <= 56:
            windows.append((groups[i][0] if i else m.start(), groups[j - 1][1]))
            i = j
        else:
            i += 1
    if windows and sum(sizes) <= 96:
        return [m.span()]
    return windows


def _wif_keys(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _WIF.finditer(text):
        payload = base58check_decode(m.group())
        if payload and payload[0] in (0x80, 0xEF) and (
                len(payload) == 33 or (len(payload) == 34 and payload[-1] == 1)):
            found.append(m.span())
    return found


def _solana_keys(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in _SOLANA.finditer(text)
             if len(base58_decode(m.group()) or b"") == 64 and not _labelled_hash(text, m.start())]
    found += [m.span() for m in _BYTE_ARRAY.finditer(text)
              if all(int(n) <= 255 for n in re.findall(r"\d+", m.group()))]
    return found


def base58_decode(s: str) -> bytes | None:
    """The bytes a base58 string stands for (leading 1s are zero bytes), or None."""
    n = 0
    for c in s:
        i = _B58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\0" * (len(s) - len(s.lstrip("1"))) + raw


def base58check_decode(s: str) -> bytes | None:
    """The payload of a base58check string, or None when a character or the checksum is wrong."""
    raw = base58_decode(s)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    ok = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check
    return payload if ok else None
