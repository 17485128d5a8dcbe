"""Scam signs in notes: what a fake agent asked for is found in English and Chinese, and
ordinary notes, or notes quoting the warning itself, raise no alarm."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.domain.scam_patterns import lowered
from journal.domain.scam_signs import KINDS, ScamSign, _scam_signs_ungated, advice, scam_signs

POSITIVE = [
    # (kind, note, words the excerpt must contain)
    ("seed phrase requested", "He asked for my seed phrase to verify the wallet.", "seed phrase"),
    ("seed phrase requested", "The agent wanted my 12 words.", "12 words"),
    ("seed phrase requested", "She told me to type the recovery phrase into a form.",
     "recovery phrase"),
    ("seed phrase requested", "They need the mnemonic to restore access.", "mnemonic"),
    ("seed phrase requested", "客服让我提供助记词才能解冻账户", "助记词"),
    ("private key requested", "He asked me to send my private key.", "private key"),
    ("private key requested", "他要我的私钥", "私钥"),
    ("code requested", "The agent asked me for the SMS code he just sent.", "SMS code"),
    ("code requested", "He wanted my 2FA code to confirm my identity.", "2FA code"),
    ("code requested", "Please read me the code they sent you.", "code"),
    ("code requested", "对方让我把验证码发给他", "验证码"),
    ("code requested", "客服要求我提供动态码", "动态码"),
    ("password requested", "The agent asked for my password to check the account.", "password"),
    ("password requested", "He needed my login details.", "login details"),
    ("password requested", "客服让我告诉他登录密码", "密码"),
    ("remote access", "Support told me to install AnyDesk.", "AnyDesk"),
    ("remote access", "They sent a TeamViewer link.", "TeamViewer"),
    ("remote access", "He asked me to screen share so he could help.", "screen share"),
    ("remote access", "对方要求下载向日葵", "向日葵"),
    ("remote access", "客服让我装ToDesk远程控制电脑", "ToDesk"),
    ("safe wallet transfer", "He said to move my funds to a secure wallet.", "secure wallet"),
    ("safe wallet transfer", 'Agent wanted me to transfer everything to a "safe" account.',
     'safe" account'),
    ("safe wallet transfer", "客服让我转到安全账户", "安全账户"),
    ("safe wallet transfer", "他说资金有风险，先放到安全钱包里", "安全钱包"),
    ("fee to unlock", "I must pay 10% tax to release the withdrawal.", "tax"),
    ("fee to unlock", "They want an unlock fee of 500 USDT.", "unlock fee"),
    ("fee to unlock", "Your withdrawal stays frozen until you pay the deposit.", "until you pay"),
    ("fee to unlock", "需要先交保证金才能提现", "保证金"),
    ("fee to unlock", "客服说要缴税才可以出金", "缴税"),
    ("fee to unlock", "对方说要先交20%手续费才能提现", "手续费"),
    ("gift cards", "He told me to buy Apple gift cards.", "Apple gift cards"),
    ("gift cards", "They wanted Steam cards as payment.", "Steam cards"),
    ("gift cards", "客服让我买礼品卡", "礼品卡"),
    ("gift cards", "让我去买充值卡", "充值卡"),
    ("contacted first", "Support DMed me first on Telegram.", "DMed me first"),
    ("contacted first", "Someone messaged me on WhatsApp saying they were support.",
     "messaged me on WhatsApp"),
    ("contacted first", "对方主动私信说是客服", "主动私信"),
    ("contacted first", "有人加我微信说是客服", "加我微信"),
    ("contacted first", "Someone from 'Binance support' messaged me on Telegram.", "Telegram"),
    ("contacted first", "A support agent DMed me on X after my tweet.", "DMed me"),
    ("contacted first", "收到自称币安客服的Telegram私信", "自称币安客服"),
    ("contacted first", "客服主动在WhatsApp上联系我", "主动在WhatsApp上联系"),
    ("wallet verification link", "Click the link to validate your wallet.", "validate your wallet"),
    ("wallet verification link", "Scan this QR code to sync your wallet.", "QR code"),
    ("wallet verification link", "扫描二维码同步钱包", "同步钱包"),
    ("wallet verification link", "点击链接验证钱包", "验证钱包"),
    ("connect and sign", "Connect your wallet and sign a transaction to get a refund.", "refund"),
    ("connect and sign", "Connect your wallet and sign to claim the airdrop.", "airdrop"),
    ("connect and sign", "连接钱包并签名即可领取退款", "连接钱包"),
    ("fee to unlock", "You must deposit 20% as an AML verification deposit before you can "
     "withdraw.", "verification deposit"),
    ("fee to unlock", "需要缴纳反洗钱保证金才能提现", "反洗钱保证金"),
    ("fee to unlock", "合规审查需要先存入保证金", "保证金"),
    ("fund recovery for a fee", "A recovery service contacted me.", "recovery service"),
    ("fund recovery for a fee", "We can recover your lost crypto for a fee of 10%.", "recover"),
    ("fund recovery for a fee", "He is an asset recovery agent.", "asset recovery agent"),
    ("fund recovery for a fee", "I found a hacker who can get your funds back.", "hacker"),
    ("fund recovery for a fee", "追回资金需要先支付手续费", "追回资金"),
    ("fund recovery for a fee", "对方是做资产追回的", "资产追回"),
]

NEGATIVE = [
    "I asked about the 2FA reset policy",
    "I reset my password myself on the website",
    "The agent said they will never ask for my seed phrase",
    "They reminded me not to share my private key",
    "Withdrawal fee was 0.0005 BTC as listed",
    "I paid the normal network fee",
    "客服提醒我不要泄露助记词",
    "我自己在官网修改了密码",
    "提现手续费按官网标准收取",
    "I contacted support first through the in-app chat",
    "Official support will never ask for your password or 2FA code.",
    "Don't give your recovery phrase to anyone, the agent said.",
    "客服不会让你提供验证码",
    "The exchange sent me an SMS code and I used it on the official site.",
    "Called the official number, waited 45 minutes on hold, then the call dropped.",
    "The agent said my withdrawal is under review; wait three more days.",
    "我在官网提交了工单，客服说三个工作日内回复。",
    "I wrote my seed phrase on paper and keep it safe.",
    "I asked for a password reset link.",
    "I keep my coins in a secure wallet.",
    "I had to pay the gas fee to withdraw.",
    "合约保证金不足被强平了",
    "客服说验证码五分钟内有效",
    "The agent asked for a screenshot of the error code.",
    "我自己在官网修改了密码，客服让我提供订单号",
    "I reset my password, then he asked for the order number.",
    "Agent: we will never DM you first.",
    "I emailed support first",
    "the agent said they will never contact me on Telegram",
    "I connected my wallet to the official site to check the balance",
    "the refund will arrive in 3 days",
    "compliance team reviewed my KYC documents",
    "I asked whether tax is withheld on withdrawals.",   # three false alarms, now quiet
    "我主动联系了客服，对方说三天内回复。",
    "客服让我主动联系他们的官方邮箱。",
]


@pytest.mark.parametrize("kind,note,words", POSITIVE, ids=[p[1][:40] for p in POSITIVE])
def test_each_kind_is_found(kind, note, words):
    signs = scam_signs(note)
    assert [s.kind for s in signs] == [kind]
    sign = signs[0]
    assert words in sign.excerpt
    assert 0 <= sign.start < sign.end <= len(note)
    assert sign.excerpt in note or "…" in sign.excerpt


def test_every_kind_has_english_and_chinese_examples():
    for kind in KINDS:
        notes = [note for k, note, _ in POSITIVE if k == kind]
        assert any(note.isascii() for note in notes), kind
        assert any(not note.isascii() for note in notes), kind


@pytest.mark.parametrize("note", NEGATIVE)
def test_ordinary_notes_and_warnings_do_not_alarm(note):
    assert scam_signs(note) == []


def test_several_signs_in_one_note_are_ordered_and_one_per_kind():
    note = ("A 'support agent' DMed me first on Telegram. He asked for my seed phrase, "
            "then told me to install AnyDesk. Later he asked for my seed phrase again "
            "and said I had to pay a 5% tax to release the withdrawal.")
    signs = scam_signs(note)
    assert [s.kind for s in signs] == ["contacted first", "seed phrase requested",
                                       "remote access", "fee to unlock"]
    assert [s.start for s in signs] == sorted(s.start for s in signs)
    seed = signs[1]
    assert "seed phrase" in note[seed.start:seed.end]
    assert seed.start < note.index("again")  # the first mention, not the repeat


def test_mixed_language_note():
    note = "客服主动联系我。He asked for the verification code. 然后让我转到安全钱包。"
    assert [s.kind for s in scam_signs(note)] == ["contacted first", "code requested",
                                                 "safe wallet transfer"]


def test_a_negation_in_an_earlier_clause_does_not_hide_the_request():
    note = "He said not to worry, then asked for my seed phrase."
    assert [s.kind for s in scam_signs(note)] == ["seed phrase requested"]


def test_user_handing_over_a_secret_is_a_sign_too():
    assert [s.kind for s in scam_signs("I gave him my seed phrase.")] == ["seed phrase requested"]


def test_warning_in_one_sentence_does_not_hide_a_request_in_the_next():
    note = "They reminded me not to share my private key. Then he asked for my private key."
    [sign] = scam_signs(note)
    assert sign.kind == "private key requested"
    assert sign.start > note.index("Then")


def test_long_sentence_excerpt_is_shortened_around_the_evidence():
    note = "word " * 60 + "he asked for my seed phrase " + "word " * 60
    [sign] = scam_signs(note)
    assert "seed phrase" in sign.excerpt
    assert len(sign.excerpt) <= 130


def test_decimal_numbers_and_domains_do_not_end_a_sentence():
    note = "He said to pay a 0.5 BTC fee to unlock the withdrawal."
    assert [s.kind for s in scam_signs(note)] == ["fee to unlock"]
    assert [s.kind for s in scam_signs("Open wallet-sync.io to validate your wallet.")] == [
        "wallet verification link"]


def test_lowered_keeps_the_length_and_folds_what_re_ignorecase_folds():
    for text in ("Seed PHRASE 助记词", "İstanbul ſeed \u212aey", "ǅ Σ ß", ""):
        low = lowered(text)
        assert len(low) == len(text)
        for a, b in zip(text, low):
            if b.isascii() and b.isalpha():
                assert re.fullmatch(b, a, re.I)
    assert lowered("ſeed") == "seed" and lowered("\u212aEY") == "key"


def test_sign_is_frozen():
    sign = ScamSign("gift cards", 0, 4, "gift")
    with pytest.raises(AttributeError):
        sign.kind = "x"  # type: ignore[misc]


def test_advice_in_english_says_what_support_never_asks_and_what_to_do():
    text = advice(["seed phrase requested", "remote access"])
    for words in ("never", "seed phrase", "private key", "2FA", "password", "remote access",
                  "safe", "gift cards", "message you first", "official website",
                  "do not send anything", "Report"):
        assert words in text
    assert "asked for your seed phrase" in text and "remote access to your device" in text


def test_advice_in_chinese():
    text = advice(["code requested"], language="zh_CN")
    for words in ("绝不会", "助记词", "私钥", "验证码", "密码", "远程", "安全账户", "礼品卡",
                  "主动", "官方网站", "不要发送"):
        assert words in text
    assert text.startswith("这条记录显示对方索要验证码")
    assert advice([], "zh-CN") == advice((), "zh_CN")
    for words in ("验证", "同步", "签名", "反洗钱", "追回"):
        assert words in text


def test_advice_names_every_kind_in_both_languages():
    for kind in KINDS:
        for language in ("en", "zh_CN"):
            general = advice([], language)
            text = advice([kind], language)
            assert text.endswith(general) and len(text) > len(general) + 4, (kind, language)
    text = advice(["wallet verification link", "connect and sign", "fund recovery for a fee"])
    assert "\"verify\" or \"sync\" your wallet" in text and "connect your wallet and sign" in text
    assert "recover lost funds for a fee" in text and "second scam" in text


def test_advice_without_kinds_is_the_general_paragraph_and_unknown_kinds_are_refused():
    assert advice([]).startswith("Official support never asks")
    assert advice([], language="fr") == advice([])
    with pytest.raises(ValueError):
        advice(["seed phrse requested"])


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    signs = scam_signs(text)
    assert len({s.kind for s in signs}) == len(signs)
    assert all(s.kind in KINDS and 0 <= s.start < s.end <= len(text) for s in signs)
    assert signs == _scam_signs_ungated(text)


PIECES = ["asked for my", "seed phrase", "不要", "让我", "验证码", "pay", "tax", "to release", ".",
          "\n", "AnyDesk", "never", "礼品卡", " ", "主动", "me first", "DMed", "me", "on X", "x",
          "Telegram", "claiming to be", "support", "called me", "out of the blue", "email",
          "click the link", "to validate", "sync", "your wallet", "wallet address", "QR code",
          "connect my wallet", "and sign", "the message", "to claim", "refund", "airdrop",
          "recovery service", "account", "recover", "lost crypto", "for a fee", "10%", "0.5",
          "hacker who can", "get your funds back", "compliance", "deposit", "AML", "before",
          "withdraw", "自称", "客服", "私信", "WhatsApp", "上", "联系我", "有人", "说是", "扫描", "二维码",
          "同步钱包", "点击链接", "连接钱包", "并签名", "即可", "领取", "退款", "追回", "资金",
          "需要先支付", "手续费", "资产追回", "警方", "合规", "反洗钱", "保证金", "才能", "提现",
          "存入", "我", "，", "。", "İ", "ſ", "K"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.booleans())
def test_the_gates_change_nothing_on_text_made_of_pattern_pieces(pieces, upper):
    text = "".join(pieces)
    text = text.upper() if upper else text
    signs = scam_signs(text)
    assert [s.start for s in signs] == sorted(s.start for s in signs)
    assert signs == _scam_signs_ungated(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join))
def test_the_gates_change_nothing_on_words_with_spaces(text):
    assert scam_signs(text) == _scam_signs_ungated(text)
