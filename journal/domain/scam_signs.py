"""Signs in a note that the "support" on the other end was a scammer.

Users write down what the agent said in their own words ("he asked for my seed phrase",
"客服让我提供助记词"). Each kind below is a pattern for the thing asked for, and for most
kinds also a word of asking or handing over in the same sentence, because the thing alone
is ordinary in a support note ("I reset my password", "the withdrawal fee was 0.0005 BTC").
A few things are a sign by themselves (AnyDesk, a "safe wallet", gift cards, an agent who
messaged first). Honest support and users often write the warning itself ("they will never
ask for your seed phrase", "客服提醒我不要泄露助记词"), so a negation just before the
request, or a reminder/warning earlier in the sentence, cancels the match.

Pure Python: no Qt, no storage. The window and the CLI turn the result into an alarm.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SEED_PHRASE = "seed phrase requested"
PRIVATE_KEY = "private key requested"
CODE = "code requested"
PASSWORD = "password requested"
REMOTE_ACCESS = "remote access"
SAFE_WALLET = "safe wallet transfer"
UNLOCK_FEE = "fee to unlock"
GIFT_CARDS = "gift cards"
CONTACTED_FIRST = "contacted first"
KINDS = (SEED_PHRASE, PRIVATE_KEY, CODE, PASSWORD, REMOTE_ACCESS, SAFE_WALLET, UNLOCK_FEE,
         GIFT_CARDS, CONTACTED_FIRST)


@dataclass(frozen=True)
class ScamSign:
    kind: str
    start: int    # the evidence: from the request word to the thing asked for
    end: int
    excerpt: str  # the sentence around it, shortened, for a banner


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I | re.X)


# What was asked for. Kinds in _NEEDS_REQUEST only count with a request word nearby.
_SUBJECTS: dict[str, re.Pattern] = {
    SEED_PHRASE: _re(r"""
        \b(?:seed|recovery|secret|backup|mnemonic|wallet)[\s-]+(?:phrase|words?|sentence)s?\b
        | \bmnemonics?\b | \bseed\b
        | \b(?:12|24|18|twelve|eighteen|twenty[\s-]*four)[\s-]+(?:secret\s+|recovery\s+
            |seed\s+|backup\s+|wallet\s+)?words\b
        | 助记词 | 恢复短语 | 种子短语 | 备份短语 | 种子词 | (?:12|24|十二|二十四)个(?:单词|词)"""),
    PRIVATE_KEY: _re(r"""\bprivate[\s-]*keys?\b | \bpriv\s*key\b | \bsecret\s+keys?\b
        | \bxprv\b | \bwif\b | 私钥 | 密钥"""),
    CODE: _re(r"""
        \b(?:2fa|two[\s-]factor|sms|text|verification|verify|otp|one[\s-]time|authenticator
            |google\s+auth\w*|security|confirmation|login|log-in|6[\s-]digit|six[\s-]digit
            |email|e-mail|withdrawal)\s+(?:codes?|pins?|passcodes?|numbers?)\b
        | \botps?\b | \b2fa\b
        | \bthe\s+code\s+(?:(?:they|he|she|you|we|i|that|which)\s+)?(?:just\s+)?
            (?:sent|received|got|texted|emailed)
        | \bcodes?\s+(?:from|in)\s+(?:the\s+|my\s+|your\s+)?(?:sms|text|email|phone|app
            |authenticator)
        | 验证码 | 动态码 | 动态口令 | 短信码 | 谷歌验证 | 安全码 | 校验码 | 二次验证"""),
    PASSWORD: _re(r"""\bpass(?:words?|codes?)\b | \blog-?in\s+(?:details|credentials|info\w*)
        | \bcredentials\b | \bpin(?:\s+code)?\b
        | 密码 | 登录信息 | 登录凭证 | 账号信息"""),
    REMOTE_ACCESS: _re(r"""
        \b(?:any\s?desk|team\s?viewer|rust\s?desk|ultra\s?viewer|quicksupport
            |screen\s?connect|connectwise|splashtop|supremo|ammyy|chrome\s+remote\s+desktop)\b
        | \bremote[\s-]+(?:desktop|access|control|support\s+app)\b
        | \bscreen[\s-]*shar(?:e|es|ed|ing)\b | \bshar(?:e|ed|ing)\s+(?:my|your|the)\s+screen\b
        | 向日葵 | todesk | 远程控制 | 远程协助 | 远程桌面 | 远程操作 | 屏幕共享 | 共享屏幕"""),
    SAFE_WALLET: _re(r"""
        ["'“‘]?\b(?:safe|safer|secure|secured|protected|safety|safekeeping|quarantine
            |escrow|protection)["'”’]?\s+(?:wallet|account|address|vault)s?\b
        | 安全账户 | 安全账号 | 安全钱包 | 安全地址 | 保护账户 | 保险账户
        | 安全资金账户 | 监管账户"""),
    GIFT_CARDS: _re(r"""
        \bgift[\s-]*cards?\b
        | \b(?:itunes|apple|google\s+play|play\s+store|steam|amazon|razer\s+gold|ebay
            |vanilla|walmart|sephora)\s+(?:gift\s+)?cards?\b
        | 礼品卡 | 充值卡 | 购物卡 | 苹果卡 | itunes卡 | steam卡 | 游戏点卡 | 点卡"""),
    CONTACTED_FIRST: _re(r"""
        \b(?:contacted|messaged|dm'?e?d|pm'?e?d|texted|called|reached\s+out\s+to|approached
            |added|wrote\s+to|pinged)\s+me\s+first\b
        | \b(?:dm'?e?d|pm'?e?d|direct[\s-]messaged|private[\s-]messaged|messaged|texted
            |added|reached\s+out\s+to|contacted)\s+me\b[^.!?\n]{0,40}?
            \b(?:telegram|whatsapp|wechat|discord|signal|twitter|instagram|facebook|line)\b
        | \bsent\s+me\s+an?\s+(?:private|direct|unsolicited)\s+message\b
        | \bunsolicited\s+(?:call|message|dm|email|text)\b
        | 主动联系 | 主动私信 | 主动加我 | 主动找我 | 主动打(?:电话)?给我 | 主动来电 | 私信我
        | 给我发私信 | 发私信给我 | 加我(?:的)?(?:微信|好友|qq|telegram|whatsapp|飞机|电报)
        | 加了我(?:的)?(?:微信|好友|qq|telegram|whatsapp|飞机|电报)"""),
}
_NEEDS_REQUEST = {SEED_PHRASE, PRIVATE_KEY, CODE, PASSWORD, SAFE_WALLET}

# Someone asking, demanding or being handed something. "I asked" is the user asking
# about something, so a request word right after "I"/"we" does not count (see _request);
# "sent me" is the platform's own code arriving, not the user handing one over.
_REQUEST = _re(r"""
    \bask(?:ed|s|ing)?\s+(?:me\s+|us\s+)?(?:for|to)\b | \bwant(?:ed|s|ing)?\b
    | \brequest(?:ed|s|ing)?\b | \bdemand(?:ed|s|ing)?\b | \binsist(?:ed|s|ing)?\b
    | \bneed(?:ed|s)?\b | \brequir(?:e|ed|es)\b | \b(?:told|tell|tells)\s+(?:me|us)\s+to\b
    | \bsaid\s+to\b | \bsays\s+to\b | \binstruct(?:ed|s)?\b | \burg(?:ed|es)\b
    | \bpressur\w*\b | \bmade\s+me\b | \bmust\b | \bhave\s+to\b | \bhad\s+to\b | \bplease\b
    | \b(?:give|send|share|shared|provide|read|tell|told|show|forward|dictate|dictated
        |type|typed|enter|entered|paste|pasted|confirm|verify|import|move|moved|moving
        |transfer\w*|deposit\w*|put|shift)\b
    | \b(?:sent|gave|showed|forwarded|provided)\b(?!\s+(?:me|us)\b)
    | 让我 | 要我 | 叫我 | 要求 | 索要 | 索取 | 问我要 | 要了 | 让你 | 要你 | 提供 | 发给 | 发送给
    | 告诉他 | 告诉她 | 告诉对方 | 报给 | 说出 | 念给 | 输入 | 填写 | 填入 | 给他 | 给她
    | 给对方 | 需要 | 截图给 | 转到 | 转入 | 转移 | 转账到 | 存入 | 提到""")
_FIRST_PERSON = re.compile(r"\b(?:i|we)\s+$", re.I)
_USER_ASKING = re.compile(r"^(?:ask|want|request|need|demand|insist|require|please)", re.I)

_NEGATION = _re(r"""\bnever\b | \bnot\b | n't\b | \bno\s+one\b | \bnobody\b
    | 不要 | 不会 | 别 | 勿 | 千万不 | 不得 | 不能 | 从不 | 绝不 | 不可 | 不应 | 不用 | 没有""")
_WARNING = _re(r"""\bremind\w* | \bwarn\w* | \bbeware\b | \bcaution\w* | \bcareful\b
    | \bscam\s+alert\b | 提醒 | 警告 | 谨防 | 警惕 | 小心 | 防范 | 提示""")

# A fee or tax that has to be paid before a withdrawal is let go.
_FEE_EN = _re(r"""
    \b(?:unlock(?:ing)?|release|unfreez\w*|activation|clearance|anti[\s-]money[\s-]laundering
        |aml|verification|insurance|liquidity|withdrawal\s+activation)\s+
        (?:fee|tax|deposit|charge|payment)s?\b
    | \b(?:pay|paid|send|deposit|transfer|top[\s-]?up)\b[^.!?\n]{0,40}?
        \b(?:fees?|tax(?:es)?|deposit|charge|commission|margin|percent)\b[^.!?\n]{0,40}?
        \b(?:to|before|so|until|otherwise|or|for)\b[^.!?\n]{0,25}?
        \b(?:release|unlock|unfreeze|free|withdraw\w*|receive|get\s+(?:my|the|your)\s+
            (?:funds|money|coins))
    | \b(?:tax(?:es)?|unlock\w*\s+fee)\b[^.!?\n]{0,40}?\b(?:withdraw\w*|release|unlock\w*)
    | \b(?:until|unless|only\s+after)\s+(?:you|i|we)\s+(?:pay|deposit|send|top\s+up)\b""")
_FEE_ZH = re.compile(
    r"解冻费|解冻金|激活费|认证金|提现保证金|出金保证金|缴税|交税"
    r"|(?:手续费|保证金|税|费用|押金|服务费|认证费|会员费)[^。！？\n]{0,20}?"
    r"(?:才能|才可以|方可|才可|才会|才给|才能够)[^。！？\n]{0,10}?(?:提现|提币|出金|解冻|到账|解锁|放款|释放)"
    r"|(?:提现|提币|出金|解冻|到账|放款)[^。！？\n]{0,15}?(?:交|缴|付|支付|充值?)[^。！？\n]{0,8}?"
    r"(?:保证金|税|押金|解冻费)")
# An ordinary fee the user names as such: not a sign.
_ORDINARY_FEE = _re(r"""\b(?:network|gas|miner|mining|transaction|trading|normal|standard
    |usual|listed|regular)\b""")

_ANY_COMMA = re.compile(r"[,;:，、；：]")
_CJK_COMMA = re.compile(r"[，、；：]")
_CLAUSE_END = re.compile(r"[。！？；\n]|[.!?;](?=\s|$)")
_REACH_BEFORE, _REACH_AFTER = 60, 40
_NEGATION_REACH = 20
_EXCERPT_LIMIT = 120


def scam_signs(text: str) -> list[ScamSign]:
    """The scam signs in a note, in order of appearance, at most one of each kind."""
    found: dict[str, ScamSign] = {}
    for lo, hi in _sentences(text):
        for kind in KINDS:
            if kind in found:
                continue
            span = _first_sign(text, lo, hi, kind)
            if span:
                found[kind] = ScamSign(kind, span[0], span[1], _excerpt(text, lo, hi, *span))
    return sorted(found.values(), key=lambda s: (s.start, KINDS.index(s.kind)))


def _sentences(text: str):
    lo = 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > lo:
            yield lo, m.start()
        lo = m.end()
    if lo < len(text):
        yield lo, len(text)


def _first_sign(text: str, lo: int, hi: int, kind: str) -> tuple[int, int] | None:
    if kind == UNLOCK_FEE:
        return _fee(text, lo, hi)
    for m in _SUBJECTS[kind].finditer(text, lo, hi):
        # "a secure wallet" can be the user's own; 安全账户 is only ever the scammer's word
        if kind in _NEEDS_REQUEST and not (kind == SAFE_WALLET and not m.group().isascii()):
            cue = _request(text, lo, hi, m)
            if cue is None or _negated(text, lo, cue[0], m.start()):
                continue
            return min(cue[0], m.start()), max(cue[1], m.end())
        if not _negated(text, lo, m.start(), m.start()):
            return m.start(), m.end()
    return None


def _request(text: str, lo: int, hi: int, subject: re.Match) -> tuple[int, int] | None:
    """The nearest request word around `subject` in its sentence, not inside it."""
    best = None
    start = max(lo, subject.start() - _REACH_BEFORE)
    stop = min(hi, subject.end() + _REACH_AFTER)
    for c in _REQUEST.finditer(text, start, stop):
        if c.start() < subject.end() and c.end() > subject.start():
            continue
        if _USER_ASKING.match(c.group()) and _FIRST_PERSON.search(text, lo, c.start()):
            continue
        if c.start() >= subject.end():  # "验证码发给他": after it, but in the same clause
            if _ANY_COMMA.search(text, subject.end(), c.start()):
                continue
        elif _CJK_COMMA.search(text, c.end(), subject.start()):
            continue
        distance = subject.start() - c.end() if c.end() <= subject.start() \
            else c.start() - subject.end()
        if best is None or distance < best[0]:
            best = (distance, c.start(), c.end())
    return (best[1], best[2]) if best else None


def _negated(text: str, lo: int, cue_start: int, subject_start: int) -> bool:
    """A negation just before the request in its clause, or a warning earlier in the
    sentence ("he said not to worry, then asked for my seed phrase" is still a request)."""
    first = min(cue_start, subject_start)
    reach = max(lo, first - _NEGATION_REACH)
    for comma in _ANY_COMMA.finditer(text, reach, first):
        reach = comma.end()
    if _NEGATION.search(text, reach, first):
        return True
    return bool(_WARNING.search(text, lo, max(cue_start, subject_start)))


def _fee(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    for pattern in (_FEE_EN, _FEE_ZH):
        for m in pattern.finditer(text, lo, hi):
            if _ORDINARY_FEE.search(m.group()) or _negated(text, lo, m.start(), m.start()):
                continue
            return m.start(), m.end()
    return None


def _excerpt(text: str, lo: int, hi: int, start: int, end: int) -> str:
    """The sentence around the evidence, cut to about _EXCERPT_LIMIT characters."""
    while lo < start and text[lo].isspace():
        lo += 1
    while hi > end and text[hi - 1].isspace():
        hi -= 1
    if hi - lo <= _EXCERPT_LIMIT:
        return text[lo:hi]
    room = max(0, _EXCERPT_LIMIT - (end - start)) // 2
    a, b = max(lo, start - room), min(hi, end + room)
    return ("…" if a > lo else "") + text[a:b] + ("…" if b < hi else "")


# --- advice ------------------------------------------------------------------------------

_NAMES = {
    "en": {
        SEED_PHRASE: "asked for your seed phrase", PRIVATE_KEY: "asked for your private key",
        CODE: "asked for a 2FA/SMS code", PASSWORD: "asked for your password",
        REMOTE_ACCESS: "wanted remote access to your device",
        SAFE_WALLET: "told you to move funds to a \"safe\" wallet",
        UNLOCK_FEE: "wanted a fee or tax to unlock a withdrawal",
        GIFT_CARDS: "asked for gift cards", CONTACTED_FIRST: "contacted you first",
    },
    "zh_CN": {
        SEED_PHRASE: "索要助记词", PRIVATE_KEY: "索要私钥", CODE: "索要验证码",
        PASSWORD: "索要密码", REMOTE_ACCESS: "要求远程控制你的设备",
        SAFE_WALLET: "让你把资金转到“安全账户”", UNLOCK_FEE: "要求先交费用或税才能提现",
        GIFT_CARDS: "要求购买礼品卡", CONTACTED_FIRST: "主动联系你",
    },
}
_ADVICE = {
    "en": ("Official support never asks for your seed phrase, private key, 2FA/SMS codes or "
           "passwords, never needs remote access to your device, never tells you to move funds "
           "to a \"safe\" wallet, never charges a fee or tax to unlock a withdrawal, never asks "
           "for gift cards, and does not message you first. Stop now and do not send anything. "
           "Contact the platform only through its official website or app. If you shared "
           "anything, change your passwords and 2FA at once and move the funds you still "
           "control to a new wallet. Report it to the platform and the police."),
    "zh_CN": ("官方客服绝不会索要助记词、私钥、验证码（短信/2FA）或密码，不会要求远程控制你的设备，"
              "不会让你把资金转到“安全账户”，不会要求先交费用或税才能提现，不会让你购买礼品卡，"
              "也不会主动私信联系你。请立即停止，不要发送任何东西。只通过官方网站或App联系平台。"
              "如已泄露任何信息，请立刻修改密码和2FA，并把仍在你控制下的资金转到新钱包。"
              "向平台和警方举报。"),
}


def advice(kinds: Iterable[str], language: str = "en") -> str:
    """One paragraph: what was seen, what official support never asks, what to do now."""
    lang = "zh_CN" if language.replace("-", "_").lower().startswith("zh") else "en"
    kinds = list(dict.fromkeys(kinds))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown scam sign: {unknown[0]!r}")
    names = [_NAMES[lang][k] for k in KINDS if k in kinds]
    if not names:
        return _ADVICE[lang]
    if lang == "zh_CN":
        return f"这条记录显示对方{'、'.join(names)}。{_ADVICE[lang]}"
    seen = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"This note says the other side {seen}. {_ADVICE[lang]}"


def note_alarms(text: str | None) -> tuple[list[str], list[str]]:
    """What a note shows before it is saved: the kinds of scam sign it describes, and the
    kinds of secret it holds (seed phrase, private keys). Both empty for an ordinary note."""
    if not text:
        return [], []
    from .redaction import find_secrets
    signs = [s.kind for s in scam_signs(text)]
    secrets = sorted({f.kind for f in find_secrets(text)
                      if f.kind in ("seed phrase", "private key", "extended private key")})
    return signs, secrets
