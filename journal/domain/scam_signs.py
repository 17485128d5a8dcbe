"""Signs in a note that the "support" on the other end was a scammer.

Users write down what the agent said in their own words ("he asked for my seed phrase",
"客服让我提供助记词"). Each kind below is a pattern for the thing asked for, and for most
kinds also a word of asking or handing over in the same sentence, because the thing alone
is ordinary in a support note ("I reset my password", "the withdrawal fee was 0.0005 BTC").
A few things are a sign by themselves (AnyDesk, a "safe wallet", gift cards, an agent who
messaged first, a link to "validate" a wallet, connecting a wallet and signing to get a
refund, a "recovery agent" who wants a fee, an "AML deposit" before a withdrawal). Honest
support and users often write the warning itself ("they will never ask for your seed
phrase", "客服提醒我不要泄露助记词"), so a negation just before the request, or a
reminder/warning earlier in the sentence, cancels the match.

The patterns live in domain.scam_patterns. Pure Python: no Qt, no storage. The window and
the CLI turn the result into an alarm.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .scam_patterns import (
    CODE, CONNECT_AND_SIGN, CONTACTED_FIRST, FIRST_PERSON, GATES, GIFT_CARDS, KINDS,
    NEEDS_REQUEST, NEGATION, PASSWORD, PRIVATE_KEY, RECOVERY_FEE, REMOTE_ACCESS, REQUEST,
    RULES, SAFE_WALLET, SEED_PHRASE, SUBJECTS, UNLOCK_FEE, USER_ASKING, WALLET_LINK, WARNING,
    Rule, lowered,
)

__all__ = ["KINDS", "ScamSign", "advice", "note_alarms", "scam_signs", "SEED_PHRASE",
           "PRIVATE_KEY", "CODE", "PASSWORD", "REMOTE_ACCESS", "SAFE_WALLET", "WALLET_LINK",
           "CONNECT_AND_SIGN", "UNLOCK_FEE", "RECOVERY_FEE", "GIFT_CARDS", "CONTACTED_FIRST"]


@dataclass(frozen=True)
class ScamSign:
    kind: str
    start: int    # the evidence: from the request word to the thing asked for
    end: int
    excerpt: str  # the sentence around it, shortened, for a banner


_ANY_COMMA = re.compile(r"[,;:，、；：]")
_CJK_COMMA = re.compile(r"[，、；：]")
_STOPS = re.compile(r"[。！？；\n.!?;]")   # .!?; end a sentence only before a space
_REACH_BEFORE, _REACH_AFTER = 60, 40
_NEGATION_REACH = 20
_EXCERPT_LIMIT = 120


def scam_signs(text: str) -> list[ScamSign]:
    """The scam signs in a note, in order of appearance, at most one of each kind.

    Only the sentences that hold one of a kind's gate words (scam_patterns.GATES, or each
    rule's own) are looked at: a few str.find over the note instead of every pattern over
    every sentence, which keeps it fast while the user types a long transcript."""
    sentences = list(_sentences(text))
    gated = _Gates(lowered(text), sentences)
    found: list[ScamSign] = []
    for kind in KINDS:
        rules = RULES.get(kind, ())
        hits = [gated(rule.gate) for rule in rules]
        for i in sorted(set().union(*hits) if rules else gated(GATES[kind])):
            lo, hi = sentences[i]
            span = (_first_rule(text, lo, hi, [r for r, h in zip(rules, hits) if i in h])
                    if rules else _first_subject(text, lo, hi, kind))
            if span:
                found.append(ScamSign(kind, *span, _excerpt(text, lo, hi, *span)))
                break
    return sorted(found, key=lambda s: (s.start, KINDS.index(s.kind)))


_NOWHERE: frozenset[int] = frozenset()


class _Gates:
    """Which sentences of a note hold a gate word: every word looked for once, up front."""

    def __init__(self, low: str, sentences: list[tuple[int, int]]):
        self.low, self.sentences = low, sentences
        self.starts = [lo for lo, _ in sentences]
        self.seen = {w: self._find(w) if w in low else _NOWHERE for w in _GATE_WORDS}

    def __call__(self, words: tuple[str, ...]) -> set[int]:
        """The indexes of the sentences that hold one of `words`."""
        return set().union(*map(self.seen.__getitem__, words))

    def _find(self, word: str) -> frozenset[int]:
        low, sentences, hit = self.low, self.sentences, set()
        at = low.find(word)
        while at >= 0:
            i = bisect_right(self.starts, at) - 1
            if i >= 0 and at + len(word) <= sentences[i][1]:
                hit.add(i)
                at = low.find(word, sentences[i][1])
            else:
                at = low.find(word, at + 1)
        return frozenset(hit)


_GATE_WORDS = tuple(dict.fromkeys(
    word for gate in (*GATES.values(), *(rule.gate for rules in RULES.values() for rule in rules))
    for word in gate))


def _scam_signs_ungated(text: str) -> list[ScamSign]:
    """scam_signs() trying every rule on every sentence: what the gates must not change."""
    found: dict[str, ScamSign] = {}
    for lo, hi in _sentences(text):
        for kind in KINDS:
            if kind in found:
                continue
            span = _first_rule(text, lo, hi, RULES[kind]) if kind in RULES \
                else _first_subject(text, lo, hi, kind)
            if span:
                found[kind] = ScamSign(kind, *span, _excerpt(text, lo, hi, *span))
    return sorted(found.values(), key=lambda s: (s.start, KINDS.index(s.kind)))


def _sentences(text: str):
    lo, n = 0, len(text)
    for m in _STOPS.finditer(text):
        p = m.start()
        if p + 1 < n and text[p] in ".!?;" and not text[p + 1].isspace():
            continue  # 0.5 BTC, x.com
        if p > lo:
            yield lo, p
        lo = p + 1
    if lo < n:
        yield lo, n


def _first_subject(text: str, lo: int, hi: int, kind: str) -> tuple[int, int] | None:
    for m in SUBJECTS[kind].finditer(text, lo, hi):
        # "a secure wallet" can be the user's own; 安全账户 is only ever the scammer's word
        if kind in NEEDS_REQUEST and not (kind == SAFE_WALLET and not m.group().isascii()):
            cue = _request(text, lo, hi, m)
            if cue is None or _negated(text, lo, cue[0], m.start()):
                continue
            return min(cue[0], m.start()), max(cue[1], m.end())
        if not _negated(text, lo, m.start(), m.start()):
            return m.start(), m.end()
    return None


def _first_rule(text: str, lo: int, hi: int, rules: Iterable[Rule]) -> tuple[int, int] | None:
    """The earliest match of any of `rules` in the sentence that nothing cancels."""
    best = None
    for rule in rules:
        needs = rule.needs if isinstance(rule.needs, tuple) else (rule.needs,)
        if not all(need.search(text, lo, hi) for need in needs):
            continue
        if rule.unless is not None and rule.unless.search(text, lo, hi):
            continue
        for m in rule.pattern.finditer(text, lo, hi):
            if best is not None and m.start() >= best[0]:
                break
            if rule.excuse is not None and rule.excuse.search(m.group()):
                continue
            if rule.not_by is not None and rule.not_by.search(text, lo, m.start()):
                continue
            if _negated(text, lo, m.start(), m.start()):
                continue
            act = m.start("act") if "act" in rule.pattern.groupindex else -1
            if act > m.start() and _negated(text, lo, act, act):
                continue
            best = (m.start(), m.end())
            break
    return best


def _request(text: str, lo: int, hi: int, subject) -> tuple[int, int] | None:
    """The nearest request word around `subject` in its sentence, not inside it."""
    best = None
    start = max(lo, subject.start() - _REACH_BEFORE)
    stop = min(hi, subject.end() + _REACH_AFTER)
    for c in REQUEST.finditer(text, start, stop):
        if c.start() < subject.end() and c.end() > subject.start():
            continue
        if USER_ASKING.match(c.group()) and FIRST_PERSON.search(text, lo, c.start()):
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
    if NEGATION.search(text, reach, first):
        return True
    return bool(WARNING.search(text, lo, max(cue_start, subject_start)))


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
        WALLET_LINK: "sent a link or QR code to \"verify\" or \"sync\" your wallet",
        CONNECT_AND_SIGN: "asked you to connect your wallet and sign to get a refund, "
                          "compensation or an airdrop",
        UNLOCK_FEE: "wanted a fee, tax or \"compliance\" deposit before a withdrawal",
        RECOVERY_FEE: "offered to recover lost funds for a fee",
        GIFT_CARDS: "asked for gift cards", CONTACTED_FIRST: "contacted you first",
    },
    "zh_CN": {
        SEED_PHRASE: "索要助记词", PRIVATE_KEY: "索要私钥", CODE: "索要验证码",
        PASSWORD: "索要密码", REMOTE_ACCESS: "要求远程控制你的设备",
        SAFE_WALLET: "让你把资金转到“安全账户”",
        WALLET_LINK: "发来链接或二维码让你“验证”或“同步”钱包",
        CONNECT_AND_SIGN: "让你连接钱包并签名来领取退款、补偿或空投",
        UNLOCK_FEE: "要求先交费用、税或“合规/反洗钱”保证金才能提现",
        RECOVERY_FEE: "声称收费帮你追回损失的资金",
        GIFT_CARDS: "要求购买礼品卡", CONTACTED_FIRST: "主动联系你",
    },
}
_ADVICE = {
    "en": ("Official support never asks for your seed phrase, private key, 2FA/SMS codes or "
           "passwords, never needs remote access to your device, never tells you to move funds "
           "to a \"safe\" wallet, never sends a link or QR code to \"verify\" or \"sync\" "
           "your wallet, never asks you to connect your wallet and sign anything to get a "
           "refund, never charges a fee, tax or \"compliance\" deposit to unlock a withdrawal, "
           "never asks for gift cards, and does not message you first. Nobody can recover "
           "stolen crypto for an upfront fee: such \"recovery services\" are a second scam. "
           "Stop now and do not send anything. "
           "Contact the platform only through its official website or app. If you shared "
           "anything, change your passwords and 2FA at once and move the funds you still "
           "control to a new wallet. Report it to the platform and the police."),
    "zh_CN": ("官方客服绝不会索要助记词、私钥、验证码（短信/2FA）或密码，不会要求远程控制你的设备，"
              "不会让你把资金转到“安全账户”，不会发链接或二维码让你“验证”或“同步”钱包，"
              "不会让你连接钱包并签名来领取退款，不会要求先交费用、税或“合规/反洗钱”保证金才能提现，"
              "不会让你购买礼品卡，也不会主动私信联系你。没有人能先收费再帮你追回被骗的资金，"
              "这类“追回服务”是二次诈骗。请立即停止，不要发送任何东西。只通过官方网站或App联系平台。"
              "如已泄露任何信息，请立刻修改密码和2FA，并把仍在你控制下的资金转到新钱包。"
              "向平台和警方举报。"),
}


def sign_names(kinds: Iterable[str], language: str = "en") -> list[str]:
    """What the other side did, for each kind of sign ("asked for your seed phrase"), in the
    order of KINDS."""
    lang = "zh_CN" if language.replace("-", "_").lower().startswith("zh") else "en"
    kinds = set(kinds)
    return [_NAMES[lang][k] for k in KINDS if k in kinds]


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
