"""Nothing secret leaves: seed phrases, private keys and one-time codes are blanked, the rest
of a note is left exactly as written, and ordinary support notes are left alone."""
from __future__ import annotations

import hashlib
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from journal.domain.redaction import Finding, find_secrets, redact, redaction_counts

EN = Mnemonic("english")
ZH = Mnemonic("chinese_simplified")
ENTROPY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
EN_PHRASE = EN.to_mnemonic(ENTROPY)      # audit vapor excuse note … they
ZH_PHRASE = ZH.to_mnemonic(ENTROPY)      # 那 贪 杂 禁 颜 悲 区 凉 渡 放 允 渗
KEY_HEX = "0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d"
TX_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
# BIP-32 test vector 1, master key: public test data, not anyone's wallet.
XPRV = ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kej"
        "MRNNU3TGtRBeJgk33yuGBxrMPHi")
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

ORDINARY_NOTES = [
    "The agent said my withdrawal is under review and I should wait three more days for the "
    "team to finish",
    "Called the official number, waited 45 minutes on hold, then the call dropped.",
    "Support asked me to verify my identity again and upload a photo of my passport.",
    "The chat agent promised that the compliance team would review the case and reply by "
    "email within five business days.",
    "He told me to move my funds to a safe wallet because my account was compromised.",
    "Agent Lisa confirmed the refund was approved and will arrive within 7 working days.",
    "I asked about the 2FA reset policy and was told to send a selfie holding my ID.",
    "客服说账户因风控审核被冻结，需要补充资金来源证明。退款将在审核后处理。",
    "我昨天打电话给客服他们说三个工作日内会处理我的提现申请但是到现在还没有任何消息",
    "今天上午十点打了官方客服电话排队等了四十分钟才接通客服小王说工单已经升级到技术部门让我耐心等待",
    "在线客服回复说我的提现被系统自动拦截因为收款地址被标记为高风险需要人工复核预计七到十五个工作日",
    "这个人自称是平台安全中心的工作人员说我的账户存在异常登录要我下载远程控制软件配合检查我没有照做",
    "对方说需要先缴纳一笔保证金才能解冻账户这明显是诈骗我已经报警并保存了所有证据",
    f"Withdrawal stuck, tx hash {TX_HASH}, ticket CS-2026-118, order 55667788.",
]


def assert_only_secrets_changed(text: str, out: str, findings: list[Finding]) -> None:
    """`out` is `text` with exactly the findings replaced by their placeholders."""
    pos = 0
    pieces = []
    for f in findings:
        assert pos <= f.start < f.end <= len(text)
        pieces += [text[pos:f.start], f"[redacted: {f.kind}]"]
        pos = f.end
    pieces.append(text[pos:])
    assert out == "".join(pieces)


def redacted(text: str) -> str:
    out, findings = redact(text)
    assert_only_secrets_changed(text, out, findings)
    return out


def kinds(text: str) -> list[str]:
    return [f.kind for f in find_secrets(text)]


def b58check(payload: bytes) -> str:
    data = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n, out = int.from_bytes(data, "big"), ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


# --- ordinary notes stay as they are -----------------------------------------------------

@pytest.mark.parametrize("note", ORDINARY_NOTES)
def test_ordinary_support_notes_are_not_redacted(note):
    assert find_secrets(note) == []
    assert redact(note) == (note, [])


def test_prose_has_far_fewer_than_twelve_list_words_in_a_row():
    words = set(EN.wordlist)
    sentence = ORDINARY_NOTES[0].lower().split()
    assert sum(w in words for w in sentence) == 8   # agent under review wait three more team …
    assert "the" not in words and "and" not in words and "my" not in words
    eleven = " ".join(EN_PHRASE.split()[:11])
    assert find_secrets(f"Words: {eleven}.") == []


# --- seed phrases -------------------------------------------------------------------------

@pytest.mark.parametrize("layout", [
    lambda ws: " ".join(ws),
    lambda ws: ", ".join(ws),
    lambda ws: "\n".join(ws),
    lambda ws: " ".join(f"{i}. {w}" for i, w in enumerate(ws, 1)),
    lambda ws: "\n".join(f"{i}) {w}" for i, w in enumerate(ws, 1)),
    lambda ws: " ".join(ws).upper(),
])
def test_an_english_seed_phrase_is_redacted_however_it_is_written(layout):
    phrase = layout(EN_PHRASE.split())
    text = f"The fake agent asked for my words:\n{phrase}\nI did not send them."
    out = redacted(text)
    assert kinds(text) == ["seed phrase"]
    assert "vapor" not in out.lower() and "they" not in out.lower()
    assert out.startswith("The fake agent asked for my words:\n")
    assert out.endswith("[redacted: seed phrase]\nI did not send them.")


def test_an_english_phrase_is_one_finding_from_first_to_last_word():
    text = f"He said: {EN_PHRASE}. Then he hung up."
    assert redacted(text) == "He said: [redacted: seed phrase]. Then he hung up."


def test_24_words_and_a_mistyped_phrase_are_redacted_too():
    long_phrase = EN.to_mnemonic(bytes(range(32)))
    assert redacted(long_phrase) == "[redacted: seed phrase]"
    mistyped = EN_PHRASE.rsplit(" ", 1)[0] + " abandon"
    assert not EN.check(mistyped)
    assert redacted(mistyped) == "[redacted: seed phrase]"


def test_a_chinese_phrase_is_redacted_with_and_without_spaces():
    unspaced = ZH_PHRASE.replace(" ", "")
    assert redacted(f"记下：{ZH_PHRASE}。") == "记下：[redacted: seed phrase]。"
    assert redacted(f"助记词是{unspaced}，他要我发给他") == \
        "助记词是[redacted: seed phrase]，他要我发给他"
    assert redacted(f"他还要{ZH_PHRASE}和钱包密码") == "他还要[redacted: seed phrase]和钱包密码"
    numbered = " ".join(f"{i}.{c}" for i, c in enumerate(ZH_PHRASE.split(), 1))
    assert kinds(numbered) == ["seed phrase"]
    # Glued to its sentence, a window or two around the phrase may also pass the checksum by
    # chance; they are joined, so the phrase is always covered, with at most a little more.
    text = f"客服让我{unspaced}然后"
    [finding] = find_secrets(text)
    assert finding.start <= 4 and finding.end >= 16
    assert not set(ZH_PHRASE.split()) & set(redacted(text))


def test_a_spaced_chinese_phrase_needs_no_checksum_but_an_unspaced_one_does():
    chars = ZH_PHRASE.split()
    broken = chars[:-1] + ["渡" if chars[-1] != "渡" else "放"]
    assert not ZH.check(" ".join(broken))
    assert kinds(" ".join(broken)) == ["seed phrase"]                 # a typo stays hidden
    assert find_secrets("他发来：" + "".join(broken) + "。") == []   # prose would pass as often
    assert kinds("他发来：" + "".join(chars) + "。") == ["seed phrase"]


def test_generated_chinese_phrases_are_caught():
    rng = random.Random(4)
    phrases = [ZH.to_mnemonic(rng.randbytes(rng.choice([16, 20, 24, 28, 32])))
               for _ in range(300)]
    for p in phrases:
        assert kinds(f"他要 {p} 我没给") == ["seed phrase"], p
        assert kinds(f"他要的助记词{p.replace(' ', '')}我没给") == ["seed phrase"], p
    # Unspaced and unlabelled is judged strictly, to spare prose: a few in a thousand slip.
    alone = sum(bool(find_secrets(f"他要{p.replace(' ', '')}我没给")) for p in phrases)
    assert alone >= 294


# --- private keys -------------------------------------------------------------------------

@pytest.mark.parametrize("key", [KEY_HEX, "0x" + KEY_HEX, KEY_HEX.upper()])
def test_a_bare_64_hex_key_is_a_private_key(key):
    assert redacted(f"He asked me to paste {key} into the form") == \
        "He asked me to paste [redacted: private key] into the form"


@pytest.mark.parametrize("label", ["tx hash ", "TxID: ", "txid=", "transaction hash is ",
                                   "Hash: ", "交易哈希：", "哈希 ", "https://etherscan.io/tx/"])
def test_a_transaction_hash_stays_as_evidence(label):
    for value in (TX_HASH, "0x" + TX_HASH):
        note = f"Deposit arrived on chain, {label}{value}, but not in my balance."
        assert redact(note) == (note, [])


def test_hashes_listed_after_a_label_stay_and_a_key_beside_them_does_not():
    other = "ab" * 32
    note = f"txids: {TX_HASH}, {other} and {TX_HASH}. The agent wanted {KEY_HEX}."
    assert redacted(note) == \
        f"txids: {TX_HASH}, {other} and {TX_HASH}. The agent wanted [redacted: private key]."


def test_hex_that_is_not_a_64_digit_token_is_left_alone():
    for note in ["address 0x" + "ab" * 20, "signature " + KEY_HEX * 2, "id " + KEY_HEX[:63],
                 "ref X" + KEY_HEX]:
        assert find_secrets(note) == []


def test_a_wif_key_is_found_by_its_checksum():
    secret = bytes.fromhex(KEY_HEX)
    uncompressed = b58check(b"\x80" + secret)
    compressed = b58check(b"\x80" + secret + b"\x01")
    assert uncompressed == "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"  # the known one
    assert len(compressed) == 52 and compressed[0] in "KL"
    for wif in (uncompressed, compressed):
        assert redacted(f"他让我导入私钥 {wif} 到新钱包") == \
            "他让我导入私钥 [redacted: private key] 到新钱包"
        typo = wif[:20] + ("2" if wif[20] != "2" else "3") + wif[21:]
        assert find_secrets(f"key {typo}") == []


def test_an_extended_private_key_is_redacted_and_a_public_one_is_not():
    assert redacted(f"xprv: {XPRV}!") == "xprv: [redacted: extended private key]!"
    tprv = "tprv" + XPRV[4:]
    assert kinds(tprv) == ["extended private key"]
    xpub = "xpub" + XPRV[4:]
    assert find_secrets(f"watch-only {xpub}") == []
    assert find_secrets("xprv" + XPRV[4:60]) == []   # too short to be one


# --- one-time codes -----------------------------------------------------------------------

@pytest.mark.parametrize("note, code", [
    ("My 2FA code is 483920, please hurry", "483920"),
    ("OTP: 5521", "5521"),
    ("Google Authenticator shows 123 456 right now", "123 456"),
    ("the verification code 48291037 expired", "48291037"),
    ("483920 is the SMS code they sent", "483920"),
    ("Agent: what is your verification code?\nMe: 774411", "774411"),
    ("验证码是 739201，不要告诉别人", "739201"),
    ("动态码：884213", "884213"),
    ("收到短信码5566后他又打来", "5566"),
    ("校验码 2048", "2048"),                      # a year-like code, but introduced as one
    ("code is 1999", "1999"),
])
def test_a_one_time_code_is_redacted(note, code):
    assert redacted(note) == note.replace(code, "[redacted: one-time code]")


@pytest.mark.parametrize("note", [
    "I asked about the 2FA reset policy",
    "2FA reset ticket TK-483920",
    "2FA problem, ticket A123456",
    "order 55667788 stuck after the 2FA check",
    "2FA fee was $1500",
    "2000 USDT withdrawal blocked by 2FA",
    "the 2FA amount shown was 1234.50",
    "enabled 2FA in 2023",
    "2FA reset on 2024-05-01 at 10:30",
    "error code: 1003 when entering the 2FA",
    "SMS code went to phone 138 1234 5678",
    "验证码收不到，订单号 20240501",
    "充值5000元后要验证码",
    "2024年开通了验证码",
    "验证码发到手机尾号 5678",
    "zip code is 10001",
    "ticket 483920, no code mentioned",
])
def test_numbers_that_are_not_one_time_codes_stay(note):
    assert redact(note) == (note, [])


# --- several secrets, counts, robustness --------------------------------------------------

def test_several_secrets_in_one_note_are_all_redacted_in_order():
    note = (f"Fake support on Telegram.\nHe asked for my phrase ({EN_PHRASE}), then my key "
            f"{KEY_HEX}, then 验证码 551234. Refund tx {TX_HASH}. 他还要{ZH_PHRASE}和 {XPRV}")
    out, findings = redact(note)
    assert_only_secrets_changed(note, out, findings)
    assert [f.kind for f in findings] == ["seed phrase", "private key", "one-time code",
                                          "seed phrase", "extended private key"]
    assert TX_HASH in out and "Fake support on Telegram." in out
    assert redaction_counts(findings) == {"seed phrase": 2, "extended private key": 1,
                                          "private key": 1, "one-time code": 1}
    assert redaction_counts([]) == {}
    assert find_secrets(out) == []    # nothing left to find


def test_a_finding_is_a_plain_frozen_value():
    f = Finding("private key", 1, 65)
    with pytest.raises(AttributeError):
        f.start = 0  # type: ignore[misc]
    assert f == Finding("private key", 1, 65)


PIECES = st.one_of(
    st.sampled_from(EN.wordlist[:40] + EN_PHRASE.split()),
    st.sampled_from(ZH.wordlist[:40] + ZH_PHRASE.split()),
    st.sampled_from(["2FA", "OTP", "验证码", "code is", "tx hash", "xprv", "0x", "1.", "，", "\n",
                     " ", " ", ", ", "$", "元", "-", KEY_HEX, TX_HASH, XPRV[:60]]),
    st.from_regex(r"\d{1,9}", fullmatch=True),
    st.from_regex(r"[0-9a-f]{60,66}", fullmatch=True),
    st.text(max_size=5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_redact_never_raises_and_changes_only_what_it_reports(text):
    out, findings = redact(text)
    assert_only_secrets_changed(text, out, findings)
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
    if not findings:
        assert out == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_without_secrets_comes_back_unchanged(text):
    out, findings = redact(text)
    assert_only_secrets_changed(text, out, findings)
    assert len(out) <= len(text) or findings
