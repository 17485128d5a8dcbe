"""Secrets in notes, found and blanked before anything leaves the journal.

People paste into their notes what a fake agent asked for: the seed phrase, a private
key, a 2FA code, a password. An export goes to strangers, so each such secret is replaced
by "[redacted: seed phrase]" (or private key, extended private key, 2FA setup key, backup
code, password, one-time code); every other character stays exactly as written, and the
journal itself keeps the original.

The notes are ordinary support conversations, so each rule is narrow; the rules live
beside this module, one module for each family:

- redaction_phrases: BIP-39 seed phrases in English and Chinese, however written down
  (spaces, dashes, slashes, commas, lines, numbering, JSON), with a mistyped word or two;
  Monero's 25-word seeds by their checksum word.
- redaction_keys: 64-hex private keys, whole or in groups, unless labelled as a transaction
  hash; WIF keys by their checksum; extended private keys; Solana's 64-byte secret keys in
  base58 or as a JSON array of 64 numbers.
- redaction_credentials: passwords after a label ("password:", "密码："), backup codes after
  "backup codes"/"备用码", 2FA setup keys (base32 after "secret"/"setup key"/"密钥", and
  otpauth:// links).
- here, one-time codes: 4–8 digits (or "123 456") within 30 characters of words like 2FA,
  OTP, verification code, authenticator, 验证码, 动态码; not when the number is labelled an
  order, ticket or phone number, is an amount, a decimal, a date or a year. And Google's
  "G-123456" text-message codes, unless labelled as a ticket or order number.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from .redaction_credentials import (
    backup_code_spans,
    labels,
    lowered,
    password_spans,
    totp_key_spans,
)
from .redaction_keys import base58check_decode, extended_key_spans, private_key_spans
from .redaction_phrases import seed_phrase_spans

SEED_PHRASE = "seed phrase"
PRIVATE_KEY = "private key"
EXTENDED_PRIVATE_KEY = "extended private key"
TOTP_KEY = "2FA setup key"
BACKUP_CODE = "backup code"
PASSWORD = "password"
ONE_TIME_CODE = "one-time code"
KINDS = (SEED_PHRASE, EXTENDED_PRIVATE_KEY, PRIVATE_KEY, TOTP_KEY, BACKUP_CODE, PASSWORD,
         ONE_TIME_CODE)  # also merge priority

__all__ = ["BACKUP_CODE", "EXTENDED_PRIVATE_KEY", "KINDS", "ONE_TIME_CODE", "PASSWORD",
           "PRIVATE_KEY", "SEED_PHRASE", "TOTP_KEY", "Finding", "base58check_decode",
           "find_secrets", "placeholder", "redact", "redaction_counts"]


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def placeholder(kind: str) -> str:
    return f"[redacted: {kind}]"


def find_secrets(text: str) -> list[Finding]:
    """Every secret in `text`, in order; overlapping finds are merged into one."""
    low = lowered(text)
    found = [Finding(kind, s, e) for kind, spans in (
        (SEED_PHRASE, seed_phrase_spans(text, low)),
        (EXTENDED_PRIVATE_KEY, extended_key_spans(text)),
        (PRIVATE_KEY, private_key_spans(text)),
        (TOTP_KEY, totp_key_spans(text, low)),
        (BACKUP_CODE, backup_code_spans(text, low)),
        (PASSWORD, password_spans(text, low)),
        (ONE_TIME_CODE, _one_time_codes(text, low)),
    ) for s, e in spans if s < e]
    found.sort(key=lambda f: (f.start, -f.end))
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


# --- one-time codes -------------------------------------------------------------------

_NEAR = 30
_CODE_WORDS_EN = [
    "2fa", "two-factor", "two factor", "otp", "one-time passcode", "one time passcode",
    "one-time code", "one time code", "one-time password", "one time password",
    *(f"{w} code" for w in ("verification", "security", "sms", "text", "auth",
                            "authentication", "confirmation", "login", "email", "withdrawal")),
    "google authenticator", "authenticator"]
# Plain words, searched in the lowercased note (far faster than a pattern ignoring case).
_CODE_WORD = labels(
    _CODE_WORDS_EN,
    ["验证码", "动态码", "校验码", "短信码", "动态口令", "动态密码", "安全码", "谷歌验证"],
    extra=r"code(?:\s+(?:is|was)|\s*[:：])(?![a-z])")
# "error code: 1003" or "zip code is 10001" are not one-time codes.
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
_NOT_A_CODE_WORD = {"zip", "postal", "post", "promo", "promotion", "referral", "invite",
                    "invitation", "error", "area", "country", "status", "reason", "tracking",
                    "discount", "coupon", "qr", "swift", "bank", "branch", "sort", "source"}
_CODE_NUMBER = re.compile(      # the first digit is matched, then what stands before it
    r"\d(?<![0-9A-Za-z_#$€£¥￥]\d)(?<!\d[-_/.,:]\d)(?<![A-Za-z][-_/]\d)(?<!\d\s\d)"
    r"(?:\d{3,7}|\d{2}[ -]\d{3})"
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
# Google texts "G-123456 is your Google verification code."
_GOOGLE_CODE = re.compile(r"G(?<![0-9A-Za-z_-]G)-\d{6}(?![0-9A-Za-z_-])")


def _one_time_codes(text: str, low: str) -> list[tuple[int, int]]:
    found = [m.span() for m in _GOOGLE_CODE.finditer(text)
             if not _ID_LABEL.search(text, max(0, m.start() - 24), m.start())]
    words = [m for m in _CODE_WORD.finditer(low) if not _not_a_code_word(low, m)]
    if not words:
        return found
    ends, starts = [w.end() for w in words], [w.start() for w in words]
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
        found.append(m.span())
    return found


def _not_a_code_word(low: str, m: re.Match) -> bool:
    """Inside a longer word, or "code is" after a word such as zip, error or promo."""
    start = m.start()
    if start and m.group().isascii() and (low[start - 1].isascii() and low[start - 1].isalnum()):
        return True
    if not m.group().startswith("code"):
        return False
    before = _WORD_BEFORE.search(low, max(0, start - 40), start)
    return before is not None and before.group(1) in _NOT_A_CODE_WORD
