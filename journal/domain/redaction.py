"""Secrets in notes, found and blanked before anything leaves the journal.

People paste into their notes what a fake agent asked for: the seed phrase, a private
key, a 2FA code. An export goes to strangers, so each such secret is replaced by
"[redacted: seed phrase]" (or private key, extended private key, one-time code); every
other character stays exactly as written, and the journal itself keeps the original.

The notes are ordinary support conversations, so each rule is narrow:

- English seed phrase: 12 or more BIP-39 words in a row, separated only by spaces,
  commas, line breaks or numbering ("1. abandon 2) ability"). No checksum is required (a
  user may mistype a word). English prose never gets there: in 100 MB of manuals and
  Python source the longest run of list words was 8, because "the", "and", "is", "my",
  "I", "to" are not in the list.
- Chinese seed phrase: the Chinese list is the 2048 most used characters, so prose is
  made of it. A run counts if it is exactly 12/15/18/21/24 single characters set apart
  by spaces or numbers (as wallets show a phrase; no checksum, for typos), or if 12–24
  characters in a row, spaced or not, pass the BIP-39 checksum. Both must also look drawn
  at random (`_looks_random`; judged more leniently when spaced out or when 助记词, seed,
  mnemonic… is written nearby): the list is ordered by frequency, so prose keeps to its
  first few hundred characters while a generated phrase spreads over all 2048. Without
  that, one 12-character window of prose in 16 would pass the checksum; with it, 13
  windows in 1 MB of dense technical translations did, and none of our support notes.
- Private key: 64 hex digits (0x optional) as a whole token, unless a transaction-hash
  label comes right before it (users cite tx hashes as evidence, and they look the
  same); a WIF key (51/52 base58 characters, 5/K/L) whose base58check checksum holds
  (9/c on testnet); an extended private key (xprv, yprv, zprv, tprv… and 96+ base58
  characters; no checksum, so a mistyped one is hidden too).
- One-time code: 4–8 digits (or "123 456") within 30 characters of words like 2FA, OTP,
  verification code, authenticator, 验证码, 动态码; not when the number is labelled an
  order, ticket or phone number, is an amount, a decimal, a date or a year.
"""
from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache

SEED_PHRASE = "seed phrase"
PRIVATE_KEY = "private key"
EXTENDED_PRIVATE_KEY = "extended private key"
ONE_TIME_CODE = "one-time code"
KINDS = (SEED_PHRASE, EXTENDED_PRIVATE_KEY, PRIVATE_KEY, ONE_TIME_CODE)  # also merge priority


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def placeholder(kind: str) -> str:
    return f"[redacted: {kind}]"


def find_secrets(text: str) -> list[Finding]:
    """Every secret in `text`, in order; overlapping finds are merged into one."""
    found = sorted([*_seed_phrases(text), *_extended_keys(text), *_private_keys(text),
                    *_one_time_codes(text)], key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    for f in found:
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, f.kind, key=KINDS.index)
            merged[-1] = Finding(kind, last.start, max(last.end, f.end))
        else:
            merged.append(f)
    return merged


def redact(text: str) -> tuple[str, list[Finding]]:
    """`text` with each secret replaced by its placeholder, and what was replaced."""
    findings = find_secrets(text)
    parts, pos = [], 0
    for f in findings:
        parts += [text[pos:f.start], placeholder(f.kind)]
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts), findings


def redaction_counts(findings) -> dict[str, int]:
    counts = Counter(f.kind for f in findings)
    return {kind: counts[kind] for kind in KINDS if counts[kind]}


# --- seed phrases ---------------------------------------------------------------------

_LENGTHS = (12, 15, 18, 21, 24)
# What may stand between two words of a written-down phrase: spaces, commas, one number.
_GAP = re.compile(r"[\s,;，；、]*(?:[(（]?\d{1,2}[.)）:：、-]?[\s,;，；、]*)?")
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,8}(?![A-Za-z])")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
# The Chinese list is ordered by frequency. A generated phrase draws its characters
# uniformly, so ln(rank) averages 6.63 (sd 0.99 a character); prose keeps to the common
# ones and averages about 4.6. A window passes when its mean is at most Z standard errors
# below a phrase's: Z=3 alone (about 1 unlabelled unspaced phrase in 200 is missed),
# Z=5 next to a word such as 助记词 or for a phrase spaced out (about 1 in 20,000).
_PHRASE_MEAN, _PHRASE_SD = 6.627, 0.991
_Z_ALONE, _Z_EXPECTED = 3.0, 5.0
_SEED_CONTEXT = re.compile(r"助记词|种子|私钥|密语|(?:恢复|备份|秘密)(?:短语|词)|seed|mnemonic"
                           r"|(?:recovery|secret|backup) (?:phrase|words)", re.I)
_CONTEXT_REACH = 40


@cache
def _wordlist(language: str) -> dict[str, int]:
    from mnemonic import Mnemonic
    return {w: i for i, w in enumerate(Mnemonic(language).wordlist)}


@cache
def _chinese_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    listed = f"[{''.join(_wordlist('chinese_simplified'))}]"
    run = re.compile(f"{listed}{{12,}}")
    # Characters each set apart by a _GAP; the first and last may touch the words around.
    spaced = re.compile(f"{listed}(?:(?!{listed}){_GAP.pattern}{listed}){{11,}}")
    return run, spaced, re.compile(listed)


def _seed_phrases(text: str) -> list[Finding]:
    return [Finding(SEED_PHRASE, s, e) for s, e in _english_phrases(text) + _chinese_phrases(text)]


def _english_phrases(text: str) -> list[tuple[int, int]]:
    """Runs of 12+ list words with only a _GAP between one and the next."""
    words = _wordlist("english")
    spans, run = [], []
    for m in _ENGLISH_WORD.finditer(text):
        if m.group().lower() not in words:
            continue
        if run and not _GAP.fullmatch(text, run[-1].end(), m.start()):
            if len(run) >= 12:
                spans.append((run[0].start(), run[-1].end()))
            run = []
        run.append(m)
    if len(run) >= 12:
        spans.append((run[0].start(), run[-1].end()))
    return spans


def _chinese_phrases(text: str) -> list[tuple[int, int]]:
    if not _HAN_CHAR.search(text):
        return []
    run_re, spaced_re, listed_re = _chinese_patterns()
    ranks = _wordlist("chinese_simplified")
    spans = []
    for m in run_re.finditer(text):
        indices = [ranks[c] for c in m.group()]
        spans += _checksummed(indices, list(range(m.start(), m.end())),
                              _expected(text, m.start(), m.end()))
    for spaced in spaced_re.finditer(text):
        run = list(listed_re.finditer(text, spaced.start(), spaced.end()))
        indices, starts = [ranks[m.group()] for m in run], [m.start() for m in run]
        # An end glued to a word ("他要 那 贪 … 渗 我没给") may or may not belong to the phrase.
        left = (0, 1) if spaced.start() and _HAN_CHAR.match(text, spaced.start() - 1) else (0,)
        right = (0, 1) if _HAN_CHAR.match(text, spaced.end()) else (0,)
        for a, b in [(a, b) for b in right for a in left]:
            core = indices[a:len(indices) - b]
            if len(core) in _LENGTHS and _looks_random(core, _Z_EXPECTED):
                # No checksum here: a mistyped character would fail it.
                spans.append((starts[a], starts[len(indices) - b - 1] + 1))
                break
        else:
            if len(indices) > 12:
                spans += _checksummed(indices, starts, _expected(text, starts[0], starts[-1]))
    return spans


def _expected(text: str, start: int, end: int) -> bool:
    """Whether the note speaks of a seed phrase near here."""
    reach = _CONTEXT_REACH
    return _SEED_CONTEXT.search(text, max(0, start - reach), end + reach) is not None


def _looks_random(indices: list[int], z: float) -> bool:
    """Not frequency-ordered like prose; alone, also few repeats (prose repeats its words)."""
    n = len(indices)
    mean = sum(math.log(i + 1) for i in indices) / n
    if mean < _PHRASE_MEAN - z * _PHRASE_SD / math.sqrt(n):
        return False
    return z == _Z_EXPECTED or n - len(set(indices)) <= n // 9  # 1 in 2,000 phrases has more


def _checksummed(indices: list[int], starts: list[int], expected: bool) -> list[tuple[int, int]]:
    """Spans of every 12–24-character window that looks random and passes the checksum;
    overlapping windows are joined so that a lucky window beside a phrase hides no less."""
    z = _Z_EXPECTED if expected else _Z_ALONE
    floor = {n: _PHRASE_MEAN - z * _PHRASE_SD / math.sqrt(n) for n in _LENGTHS}
    logs = [0.0]
    for i in indices:
        logs.append(logs[-1] + math.log(i + 1))
    spans: list[tuple[int, int]] = []
    for i in range(len(indices)):
        for n in _LENGTHS:
            j = i + n
            if j > len(indices) or (logs[j] - logs[i]) / n < floor[n]:
                continue
            window = indices[i:j]
            if _checksum_holds(window) and _looks_random(window, z):
                start, end = starts[i], starts[j - 1] + 1
                if spans and start < spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
                else:
                    spans.append((start, end))
    return spans


def _checksum_holds(indices: list[int]) -> bool:
    """BIP-39: 11 bits a word; the last len/3 bits are the first bits of SHA-256(entropy)."""
    bits = 0
    for i in indices:
        bits = (bits << 11) | i
    check_bits = len(indices) * 11 // 33
    entropy = (bits >> check_bits).to_bytes(check_bits * 4, "big")
    return hashlib.sha256(entropy).digest()[0] >> (8 - check_bits) == bits & ((1 << check_bits) - 1)


# --- keys -----------------------------------------------------------------------------

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_CLASS = "1-9A-HJ-NP-Za-km-z"
_HEX64 = re.compile(r"(?<![0-9A-Za-z])(?:0[xX])?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
_TX_LABEL = re.compile(
    r"(?:(?<![A-Za-z])(?:txn?s?|txids?|tx[ _-]?(?:hash(?:es)?|ids?)"
    r"|transactions?(?:[ _-]?(?:hash(?:es)?|ids?))?|hash(?:es)?|sha-?256)"
    r"|交易哈希|哈希|交易ID|交易号|交易编号)"
    r"(?:[\s:：=#/(（\-—]|(?<![A-Za-z])(?:is|was)(?![A-Za-z])|是|为)*$", re.I)
_AND = re.compile(r"[\s,;，；、]*(?:(?:and|和|及|以及)[\s]*)?", re.I)
_WIF = re.compile(f"(?<![0-9A-Za-z])[5KL9c][{_B58_CLASS}]{{50,51}}(?![0-9A-Za-z])")
_XPRV = re.compile(f"(?<![0-9A-Za-z])[xyztuvYZUV]prv[{_B58_CLASS}]{{96,}}(?![0-9A-Za-z])")


def _private_keys(text: str) -> list[Finding]:
    found, last_hash_end = [], None
    for m in _HEX64.finditer(text):
        # A hash named as such stays, and so do the ones listed right after it.
        if _TX_LABEL.search(text, max(0, m.start() - 40), m.start()) or (
                last_hash_end is not None and _AND.fullmatch(text, last_hash_end, m.start())):
            last_hash_end = m.end()
        else:
            last_hash_end = None
            found.append(Finding(PRIVATE_KEY, m.start(), m.end()))
    for m in _WIF.finditer(text):
        payload = base58check_decode(m.group())
        if payload and payload[0] in (0x80, 0xEF) and (
                len(payload) == 33 or (len(payload) == 34 and payload[-1] == 1)):
            found.append(Finding(PRIVATE_KEY, m.start(), m.end()))
    return found


def _extended_keys(text: str) -> list[Finding]:
    return [Finding(EXTENDED_PRIVATE_KEY, m.start(), m.end()) for m in _XPRV.finditer(text)]


def base58check_decode(s: str) -> bytes | None:
    """The payload of a base58check string, or None when a character or the checksum is wrong."""
    n = 0
    for c in s:
        i = _B58.find(c)
        if i < 0:
            return None
        n = n * 58 + i
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(s) - len(s.lstrip("1"))) + raw
    if len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    ok = hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check
    return payload if ok else None


# --- one-time codes -------------------------------------------------------------------

_NEAR = 30
_CODE_WORD = re.compile(
    r"(?<![A-Za-z0-9])(?:2fa|two[- ]factor|otp|one[- ]time (?:pass)?code|one[- ]time password"
    r"|(?:verification|security|sms|text|auth|authentication|confirmation|login|email|"
    r"withdrawal|2fa) code|(?:google )?authenticator|(?:(\w+)\s+)?code(?:\s+(?:is|was)|\s*[:：]))"
    r"(?![A-Za-z])|验证码|动态码|校验码|短信码|动态口令|安全码|谷歌验证", re.I)
# "error code: 1003" or "zip code is 10001" are not one-time codes.
_NOT_A_CODE_WORD = {"zip", "postal", "post", "promo", "promotion", "referral", "invite",
                    "invitation", "error", "area", "country", "status", "reason", "tracking",
                    "discount", "coupon", "qr", "swift", "bank", "branch", "sort", "source"}
_CODE_NUMBER = re.compile(
    r"(?<![0-9A-Za-z_#$€£¥￥])(?<!\d[-_/.,:])(?<![A-Za-z][-_/])(?<!\d\s)"
    r"(?:\d{4,8}|\d{3}[ -]\d{3})"
    r"(?![0-9A-Za-z_])(?![-_/.,:]\d)(?![-_/][A-Za-z])(?!\s\d)")
_ID_LABEL = re.compile(
    r"(?:(?<![A-Za-z])(?:order|ticket|case|ref|reference|id|no\.|nr\.?|number|invoice|account|acct"
    r"|uid|user|error|tracking|phone|tel|mobile|call|room|ext|zip|postal|promo|referral|invite"
    r"|invitation|coupon|discount)|订单|工单|单号|编号|案件|错误码|账号"
    r"|账户|用户|电话|手机|号码|尾号|分机)"
    r"(?:\s*(?:id|no\.?|number|code|#|号))?(?:\s|[:：#=]|(?<![A-Za-z])(?:is|was)(?![A-Za-z])|是|为)*$",
    re.I)
_CURRENCY_CODES = r"usd|usdt|usdc|busd|btc|eth|eur|gbp|cny|rmb|hkd|jpy|sol|bnb|trx|xrp"
_AMOUNT_BEFORE = re.compile(rf"(?:[$€£¥￥]|(?<![A-Za-z])(?:{_CURRENCY_CODES}))\s*$", re.I)
_UNIT_AFTER = re.compile(
    rf"\s*(?:(?:{_CURRENCY_CODES}|dollars?|euros?|yuan|days?|hours?|hrs?|minutes?|mins?|seconds?"
    r"|secs?|times|people|users|accounts|words?|characters?)(?![A-Za-z])"
    r"|[%‰元块年月日号天个次笔]|美元|美金|人民币|小时|分钟|秒)", re.I)
_DIRECT = re.compile(r"(?:\s|[:：=]|(?<![A-Za-z])(?:is|was)(?![A-Za-z])|是|为)*")


def _one_time_codes(text: str) -> list[Finding]:
    words = [m for m in _CODE_WORD.finditer(text)
             if not (m.group(1) and m.group(1).lower() in _NOT_A_CODE_WORD)]
    if not words:
        return []
    ends, starts = [w.end() for w in words], [w.start() for w in words]
    found = []
    for m in _CODE_NUMBER.finditer(text):
        after = words[bisect_left(ends, m.start() - _NEAR):bisect_right(ends, m.start())]
        before = bisect_right(starts, m.end() + _NEAR) > bisect_left(starts, m.end())
        if not (after or before):
            continue
        lead = max(0, m.start() - 24)
        if (_ID_LABEL.search(text, lead, m.start()) or _AMOUNT_BEFORE.search(text, lead, m.start())
                or _UNIT_AFTER.match(text, m.end())):
            continue
        direct = any(_DIRECT.fullmatch(text, w.end(), m.start()) for w in after)
        if not direct and len(m.group()) == 4 and 1900 <= int(m.group()) <= 2099:
            continue  # a year, unless the code word introduces it
        found.append(Finding(ONE_TIME_CODE, m.start(), m.end()))
    return found
