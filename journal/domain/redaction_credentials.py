"""Login secrets in notes: passwords, 2FA backup codes, authenticator setup keys.

Each is found only after a label, so the words in prose stay ("I reset my password").

- Password: the value after "password:", "pwd=", "passcode:", "PIN:", "密码：", "密码是"…,
  up to the next space or the end of the line (quoted: up to the closing quote;
  passphrase: to the end of the line). After "password is/was" (or 密码是) the value must
  look like one (a digit, a symbol such as ! or @, or quotes), so "the password is wrong"
  stays. Words such as "reset", "changed" or "forgotten" after a colon are not a password,
  nor is a name such as update-passwd or challenge_password.
- Backup codes: after "backup codes", "recovery codes", "备用码", "恢复码"…, each code of
  the list that follows (8–10 digits, "1234 5678", "ab12-cd34", 8–12 letters and digits);
  each code is one finding.
- 2FA setup key: base32 (16–64 letters A–Z and digits 2–7, maybe in groups of 4, as
  authenticator apps show it) within a few words after "secret", "setup key", "2FA key",
  "authenticator", "密钥"…; and any otpauth:// link, whole.
"""
from __future__ import annotations

import re

_END = r"(?<!\d)[.!?](?!\S)|[。！？]"        # a sentence ends (not "1." of a list)


def lowered(text: str) -> str:
    """`text` in lower case, each character where it was (the labels are looked for in it:
    a pattern of plain words is searched far faster than one that ignores case)."""
    low = text.replace("\u0130", "I").lower()      # İ is the one letter that grows
    if len(low) != len(text):                        # pragma: no cover - a newer Unicode
        low = text.translate({c: c + 32 for c in range(65, 91)})
    return low


def labels(english, chinese=(), extra: str = "") -> re.Pattern:
    """A pattern for lowercase English words (which must end there) and Chinese ones, as a
    trie: each alternative starts with a plain character and the longest word wins, which
    makes it quick to search."""
    root: dict = {}
    for word, end in [*((w, "(?![a-z])") for w in english), *((w, "") for w in chinese)]:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = end

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return re.compile("|".join([re.escape(ch) + emit(child) for ch, child in sorted(root.items())]
                               + ([extra] if extra else [])))


def _word_start(low: str, i: int) -> bool:
    """Not inside a word, a name (update-passwd, challenge_password) or an option (--pwd)."""
    return i == 0 or not ("a" <= low[i - 1] <= "z" or "0" <= low[i - 1] <= "9"
                          or low[i - 1] in "_-./\\")


_PASSWORD_LABEL = labels(
    ["passphrase", "pass phrase", "passwords", "password", "passwd", "passcodes", "passcode",
     "pass", "pwd", "pw", "pin code", "pincode", "pin"], ["密码", "口令", "pin码"])
_PASSWORD_SEP = re.compile(
    r"(?P<colon>[ \t]*[:：=][ \t]*)|(?P<is>[ \t]+(?:is|was)[ \t]+|[ \t]*(?:是|为|為)[ \t]*)"
    r"|(?P<space>[ \t]+)", re.I)
_QUOTED = re.compile(r"\"[^\"\n]{1,64}\"|'[^'\n]{1,64}'|“[^”\n]{1,64}”|「[^」\n]{1,64}」")
_VALUE = re.compile(r"(?![\"'“「]?\[redacted)[!-~]+")
_VALUE_TRAILER = ".,;:)]}"
_SYMBOLS = set("!@#$%^&*+=?~<>|{}")
_NOT_A_PASSWORD = {
    "reset", "changed", "change", "forgot", "forgotten", "expired", "wrong", "incorrect",
    "invalid", "required", "none", "n/a", "na", "unknown", "same", "new", "old", "manager",
    "protected", "hidden", "set", "updated", "sent", "ok", "yes", "no", "not", "null", "empty",
    "correct", "weak", "strong", "too", "still", "also", "again", "the", "a", "my", "your",
    "it", "and", "or", "of", "for", "to", "via", "by", "in", "on", "please", "password",
    "passwd", "pwd", "passphrase", "passcode", "pin", "is", "was", "be", "can", "must",
}
_LINE_VALUE = re.compile(r"(?!\[redacted)[^\n]{1,100}")

_BACKUP_LABEL = labels(
    [f"{a}{sep}{c}" for a in ("backup", "recovery", "emergency", "scratch", "2fa", "mfa")
     for sep in ("", " ", "-") for c in ("code", "codes")],
    ["备用码", "恢复码", "备份码", "应急码", "救援码", "备用代码", "恢复代码", "備用碼", "恢復碼"])
_CODE = re.compile(
    r"(?<![0-9A-Za-z])(?:\d{4}[ -]\d{4}|\d{8,10}|[A-Za-z0-9]{4,5}-[A-Za-z0-9]{4,5}"
    r"|(?=[A-Za-z]*\d)[A-Za-z0-9]{8,12})(?![0-9A-Za-z])")
_CODE_GAP = re.compile(r"[\s,;，；、|/]*(?:(?:\d{1,2}|[(（]\d{1,2})[.)）:：、][\s]*)?")
_ID_WORDS = re.compile(r"(?<![A-Za-z])(?:ticket|order|case|ref|id|uid|account|number|no\.|phone"
                       r"|error)(?![A-Za-z])|#|工单|订单|单号|编号|电话|账号|错误", re.I)
_BACKUP_REACH = 40

_TOTP_LABEL = labels(
    ["secret key", "secret", "setup key", "authenticator",
     *(f"{a}{app} {setup}{k}" for a in ("2fa", "mfa", "totp", "otp", "authenticator", "google",
                                          "authentication", "backup", "recovery")
       for app in ("", " app") for setup in ("", "setup ") for k in ("key", "secret", "seed"))],
    ["密钥", "秘钥", "密鑰", "验证器密钥", "备份密钥", "谷歌密钥"])
_BASE32 = re.compile(
    r"(?<![0-9A-Za-z])(?:[A-Za-z2-7]{4}(?:[ -][A-Za-z2-7]{4}){3,15}|[A-Za-z2-7]{16,64})"
    r"(?:={1,6})?(?![0-9A-Za-z])")
_OTPAUTH = re.compile(r"otpauth://[^\s<>\"'“”]+|otpauth-migration://[^\s<>\"'“”]+")
_TOTP_REACH = 30


# --- passwords ------------------------------------------------------------------------

def password_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    low = lowered(text) if low is None else low
    found = []
    for label in _PASSWORD_LABEL.finditer(low):
        word, start = label.group(), label.start()
        chinese = not word.isascii()
        if (not chinese and not _word_start(low, start)) or low[max(0, start - 2):start] == "动态":
            continue                 # 动态密码 is a one-time code
        sep = _PASSWORD_SEP.match(text, label.end())
        if sep is None or (sep.group("space") and not chinese):
            continue
        kind = "is" if sep.group("is") else "colon" if sep.group("colon") else "space"
        if word in ("pass", "pw") and (kind != "colon" or text[start:label.end()] == "PASS"):
            continue                 # "pass: …", "pw=…"; not a test log's "PASS: …"
        span = _password_value(text, sep.end(), kind, word, "=" in sep.group())
        if span:
            found.append(span)
    return found


def _password_value(text: str, start: int, kind: str, label: str, in_link: bool):
    quoted = _QUOTED.match(text, start)
    if quoted and not quoted.group()[1:].startswith("[redacted"):
        return quoted.start() + 1, quoted.end() - 1
    if "phrase" in label and kind == "colon":
        m = _LINE_VALUE.match(text, start)
        return (m.start(), m.start() + len(m.group().rstrip())) if m and m.group().strip() \
            else None
    m = _VALUE.match(text, start)
    if not m:
        return None
    value = m.group()
    if in_link:
        value = value.split("&")[0]          # pwd=…&user=… in a link
    value = value.rstrip(_VALUE_TRAILER) or value
    if value.lower() in _NOT_A_PASSWORD or set(value) <= set("*•xX.-_") or value[0] == "=":
        return None
    if label.startswith("pin") and not value.isdigit():
        return None
    if (kind != "colon" or label in ("pass", "pw")) \
            and not any(c.isdigit() or c in _SYMBOLS for c in value):
        return None                  # "password is wrong", "密码 abc", "pass: yes" are not
    return m.start(), m.start() + len(value)


# --- backup codes ---------------------------------------------------------------------

def backup_code_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    low = lowered(text) if low is None else low
    found: list[tuple[int, int]] = []
    for label in _BACKUP_LABEL.finditer(low):
        if (found and label.start() < found[-1][1]) or (
                label.group().isascii() and not _word_start(low, label.start())):
            continue
        first = _CODE.search(text, label.end(), label.end() + _BACKUP_REACH + 12)
        if first is None or _cut(text, first.end()):
            continue
        between = text[label.end():first.start()]
        if len(between) > _BACKUP_REACH or re.search(_END, between) or _ID_WORDS.search(between):
            continue
        if not any(c.isdigit() for c in first.group()):
            continue
        code = first
        while code:
            found.append(code.span())
            gap = _CODE_GAP.match(text, code.end())
            code = _CODE.match(text, gap.end()) if gap.end() > code.end() else None
    return found


# --- 2FA setup keys -------------------------------------------------------------------

def totp_key_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    low = lowered(text) if low is None else low
    found = [m.span() for m in _OTPAUTH.finditer(low)]
    for label in _TOTP_LABEL.finditer(low):
        if label.group().isascii() and not _word_start(low, label.start()):
            continue
        for m in _BASE32.finditer(text, label.end(), label.end() + _TOTP_REACH + 80):
            between = text[label.end():m.start()]
            if len(between) > _TOTP_REACH or re.search(_END, between):
                break
            if _base32_secret(m.group()) and not _cut(text, m.end()):
                found.append(m.span())
                break
    return found


def _cut(text: str, end: int) -> bool:
    """Whether a match that a search bounded in length ended at `end` goes on after it."""
    return end < len(text) and text[end].isascii() and text[end].isalnum()


def _base32_secret(value: str) -> bool:
    """Base32 as apps print it, not a word or a few: one case, and a digit 2–7 unless it is
    long (32 characters of a real secret hold one 99.9% of the time) or in capitals."""
    groups = re.split(r"[ -]", value.rstrip("="))
    chars = "".join(groups)
    if not 16 <= len(chars) <= 64 or chars not in (chars.upper(), chars.lower()):
        return False
    has_digit = any(c.isdigit() for c in chars)
    if len(groups) > 1:
        return has_digit or len(groups) >= 8
    return has_digit or chars.isupper()
