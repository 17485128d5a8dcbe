"""Nothing secret leaves: seed phrases, private keys and one-time codes are blanked, the rest
of a note is left exactly as written, and ordinary support notes are left alone."""
from __future__ import annotations

import hashlib
import json
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mnemonic import Mnemonic

from journal.domain.redaction import KINDS, Finding, find_secrets, redact, redaction_counts
from journal.domain.redaction_phrases import monero_checksum_holds, monero_words

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
# monero-python's test vector (tests/test_seed.py): its 25th word is the checksum word.
XMR = ("wedge going quick racetrack auburn physics lectures light waist axes whipped habitat "
       "square awkward together injury niece nugget guarded hive obnoxious waxing faked folding "
       "square").split()
SOLANA_SECRET = bytes(range(7, 71))         # 64 bytes, as a Phantom export decodes
TOTP = "JBSWY3DPEHPK3PXP"

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
    return b58(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])


def b58(data: bytes) -> str:
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


# --- the corpus: each way a secret gets written down, and what must not survive ----------

W, Z = EN_PHRASE.split(), ZH_PHRASE.split()
ZT = Mnemonic("chinese_traditional").to_mnemonic(ENTROPY).split()
TYPO1 = W[:5] + [W[5] + W[5][-1]] + W[6:]                               # one letter doubled
TYPO2 = W[:4] + [W[4][:-1]] + W[5:8] + [W[8][0] + W[8][2] + W[8][1] + W[8][3:]] + W[9:]
GRID = "\n".join("   ".join(f"{r * 4 + c + 1}. {W[r * 4 + c]}" for c in range(4)) for r in range(3))
SOL = b58(SOLANA_SECRET)
WIF = b58check(b"\x80" + bytes.fromhex(KEY_HEX) + b"\x01")
RECOVERY = [str(10_000_000 + 1_234_567 * i) for i in range(1, 11)]


def en(n: int) -> list[str]:
    return EN.to_mnemonic(bytes(range(n * 4 // 3))).split()


def hex_groups(size: int, sep: str) -> str:
    return sep.join(KEY_HEX[i:i + size] for i in range(0, 64, size))


SECRETS = {   # kind: [(note, pieces of the secret that must be gone), …]
    "seed phrase": [
        (f"He asked for {' '.join(W)} and I refused.", W),
        (f"phrase: {' - '.join(W)}", W), (f"words {'/'.join(W)} end", W), (" | ".join(W), W),
        ("seed: " + json.dumps(W), W), (" ".join(W[:6]) + "\n" + " ".join(W[6:]), W), (GRID, W),
        (f"Line 1: {' '.join(W[:6])}\nLine 2: {' '.join(W[6:])}", W),
        (f"Words 1-6: {', '.join(W[:6])}; words 7-12: {', '.join(W[6:])}", W),
        (" ".join(w.capitalize() for w in W), [w.capitalize() for w in W]),
        ("my words: " + " ".join(TYPO1) + " thanks", TYPO1),
        ("my words: " + " ".join(TYPO2) + " thanks", TYPO2),
        *((" ".join(en(n)), en(n)) for n in (15, 18, 21, 24)),
        (" - ".join(Z), Z), ("助记词：" + "/".join(Z), Z), (json.dumps(Z, ensure_ascii=False), Z),
        ("，".join(Z), Z),
        ("".join(Z[:6]) + "\n" + "".join(Z[6:]), ["".join(Z[:6]), "".join(Z[6:])]),
        (" ".join(f"{i}.{''.join(Z[i * 4 - 4:i * 4])}" for i in (1, 2, 3)), Z),
        (" ".join(Z[:4] + ["龘"] + Z[5:]), Z[:4] + Z[5:]),        # one character not on the list
        (" ".join(ZT), ZT),                                         # traditional characters
        ("monero seed " + " ".join(XMR), XMR),
        ("\n".join(f"{i}. {w}" for i, w in enumerate(XMR, 1)), XMR),
        (f"Part 1: {' '.join(XMR[:13])}\nPart 2: {' '.join(XMR[13:])}", XMR),
        (" ".join(XMR[:3] + ["racetrak"] + XMR[4:]), XMR[:3] + XMR[4:]),   # Monero reads 3 letters
        (" ".join(XMR[:24]), XMR[:24]),                                     # no checksum word
    ],
    "private key": [
        ("key " + hex_groups(4, " "), [KEY_HEX[i:i + 4] for i in range(0, 64, 4)]),
        ("0x" + hex_groups(8, "-"), [KEY_HEX[i:i + 8] for i in range(0, 64, 8)]),
        (hex_groups(32, "\n"), [KEY_HEX[:32], KEY_HEX[32:]]),
        ("0x" + hex_groups(16, "\n  "), [KEY_HEX[i:i + 16] for i in range(0, 64, 16)]),
        (hex_groups(2, ":"), [hex_groups(2, ":")]),
        ("key: " + hex_groups(4, " ") + " 12 times", [KEY_HEX[60:]]),       # a number beside it
        (f"Phantom private key: {SOL}", [SOL]), (f"私钥 {WIF}", [WIF]),
        (f"keypair.json: {json.dumps(list(SOLANA_SECRET))}",
         [json.dumps(list(SOLANA_SECRET))[1:-1]]),
        ("[" + ",\n ".join(map(str, SOLANA_SECRET)) + "]", [",\n ".join(map(str, SOLANA_SECRET))]),
    ],
    "backup code": [
        ("backup codes: 1234-5678 2345-6789 3456-7890", ["1234-5678", "2345-6789", "3456-7890"]),
        ("Google recovery codes:\n" + "\n".join(RECOVERY), RECOVERY),
        ("2FA backup codes are\n1. 1234 5678\n2. 8765 4321", ["1234 5678", "8765 4321"]),
        ("备用码 ab12-cd34 ef56-gh78 jk90-mn12", ["ab12-cd34", "ef56-gh78", "jk90-mn12"]),
        ("Recovery codes (keep safe): 3f9a1-8c2d4 77b0e-19fa2", ["3f9a1-8c2d4", "77b0e-19fa2"]),
        ("恢复码：83920174，29384756", ["83920174", "29384756"]),
    ],
    "2FA setup key": [
        (f"2FA secret key: {TOTP}", [TOTP]), (f"谷歌验证器密钥：{TOTP}", [TOTP]),
        ("Google Authenticator setup key: jbsw y3dp ehpk 3pxp ktal mnop qrst uvwx",
         ["jbsw y3dp", "ktal mnop"]),
        ("setup key JBSW Y3DP EHPK 3PXP", ["JBSW", "Y3DP", "EHPK", "3PXP"]),
        (f"QR: otpauth://totp/Binance:me@x.com?secret={TOTP}&issuer=Binance ok", [TOTP, "otpauth"]),
    ],
    "one-time code": [
        ("He wanted the text: G-482913 is your Google verification code", ["482913"]),
        ("Your code is 739201.", ["739201"]), ("验证码 551234", ["551234"]),
        ("动态密码 660123", ["660123"]),
    ],
    "password": [
        ("password: hunter2", ["hunter2"]), ("he typed pwd=S3cr3t! into the chat", ["S3cr3t!"]),
        ("Passcode: 908172", ["908172"]), ("密码：Abc12345，他让我告诉他", ["Abc12345"]),
        ("my password is Hunter2!", ["Hunter2!"]), ("资金密码是778899", ["778899"]),
        ("PIN: 4821", ["4821"]), ('password: "correct horse 7"', ["correct horse 7"]),
        ("https://x.example/login?pwd=Tr0ub4dor&user=me", ["Tr0ub4dor"]),
        ("Passphrase: tiger lamp 42 river", ["tiger lamp 42 river"]),
    ],
}
CORPUS = [(kind, note, pieces) for kind, notes in SECRETS.items() for note, pieces in notes]


@pytest.mark.parametrize("kind, note, pieces", CORPUS, ids=[n[:40] for _k, n, _p in CORPUS])
def test_every_format_of_every_secret_is_redacted(kind, note, pieces):
    out = redacted(note)
    assert [p for p in pieces if p in out] == []
    assert set(kinds(note)) == {kind}
    assert find_secrets(out) == []                 # and a redacted note stays as it is


TX_SIG = b58(hashlib.sha512(b"a Solana transaction").digest())   # 64 bytes, like a key
NOT_SECRETS = [
    f"tx hash: 0x{TX_HASH}", f"TXID {TX_HASH}", f"交易哈希：{TX_HASH}", f'"sha256": "{TX_HASH}"',
    f"txid: {' '.join(TX_HASH[i:i + 4] for i in range(0, 64, 4))}",
    f"交易哈希 {TX_HASH[:32]}\n{TX_HASH[32:]}", f"tx signature: {TX_SIG} solscan.io/tx/{TX_SIG}",
    "sent to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq from 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "ETH 0x52908400098527886E0F7030069857D2E4169EE7; 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
    "ticket 2024050112345678901, order ID 1234567890123456, case #CS-2026-0001234",
    "request 550e8400-e29b-41d4-a716-446655440000 6ba7b810-9dad-11d1-80b4-00c04fd430c8",
    "numbers " + " ".join(f"{1000 + 37 * i}" for i in range(16)),       # 64 digits, no letters
    "I reset my password yesterday and the agent said the password is wrong.",
    "Password: reset via the email link", "修改了登录密码，密码错误三次", "密码是错的",
    "update-passwd is single-threaded; challenge_password: not set",
    "I lost my backup codes, ticket 12345678", "recovery codes error 12345678",
    "the 2FA key they sent last week was wrong", "ticket G-123456 was closed",
    "I tried to withdraw my funds again today but the system said my account was under review.",
    "Please check the wallet address, then confirm the amount and submit the form again.",
    "Support asked about my phone, email, address, country, job, income and source of funds.",
    "They said the network is busy, the bridge is slow and the team will fix the problem soon.",
    "1. 打电话给客服\n2. 发邮件给官方\n3. 在线提交工单\n4. 等待三个工作日\n5. 再次催促处理",
    "我 今天 打了 客服 电话 他们 说 账户 正在 审核 需要 等待 三个 工作日 才能 处理 提现 申请",
    "朝辞白帝彩云间\n千里江陵一日还\n两岸猿声啼不住\n轻舟已过万重山",
]


@pytest.mark.parametrize("note", NOT_SECRETS)
def test_what_only_looks_like_a_secret_stays(note):
    assert redact(note) == (note, [])


def test_typos_must_not_be_english_two_in_twelve_at_most_and_tables_are_no_phrase():
    assert kinds(" ".join(W[:11] + ["words"])) == []            # "words" is English
    three = W[:2] + [W[2] + "q"] + W[3:6] + [W[6] + "q"] + W[7:10] + [W[10] + "q", W[11]]
    assert kinds(" ".join(three)) == [] and kinds(" ".join(three[:3] + W[3:])) == ["seed phrase"]
    assert kinds("CARD16, CARD8, CARD16, CARD32\n" * 3) == kinds("verify  " * 12) == []


def test_the_monero_list_and_checksum():
    words = monero_words()
    assert len(words) == len(set(words)) == 1626 == len({w[:3] for w in words})
    assert monero_checksum_holds(XMR) and not monero_checksum_holds(XMR[:24] + ["wedge"])
    assert kinds(" ".join(w[:3] + "x" for w in XMR)) == []     # listed prefixes, no listed word
    three = XMR[:1] + [w + "s" for w in XMR[1:4]] + XMR[4:]
    assert kinds(" ".join(three)) == ["seed phrase"]            # 3 typos, the checksum holds
    assert kinds(" ".join(three[:24] + ["zoom"])) == []


def test_random_phrases_in_random_layouts_are_caught():
    rng = random.Random(7)
    for _ in range(200):
        words = EN.to_mnemonic(rng.randbytes(rng.choice([16, 20, 24, 28, 32]))).split()
        for i in rng.sample(range(1, len(words) - 1), 2 if len(words) > 12 else 1):
            words[i] += "q"                         # a mistyped word, never English
        note = f"he sent {rng.choice([' ', ', ', chr(10), ' - ', '/', '  ', ' | ']).join(words)}"
        assert kinds(note) == ["seed phrase"], note


@pytest.mark.parametrize("pathological", [
    "ab " * 40_000, "1 " * 50_000, "-" * 100_000, "a1b2 " * 20_000, "那 " * 50_000,
    "password: " * 10_000, "backup codes " * 8_000, "e8f3 2e72\n" * 10_000, "密码是" * 30_000,
    ("abandon " * 11 + "the ") * 5_000, "secret " * 20_000, "wedge " * 20_000,
])
def test_long_odd_input_takes_no_time(pathological):
    # Processor time, not the clock's: a busy machine slows the clock's count, not the work.
    start = time.process_time()
    out, findings = redact(pathological)
    assert_only_secrets_changed(pathological, out, findings)
    assert time.process_time() - start < 5


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
    assert redaction_counts(find_secrets(f"password: x1 backup codes: 12345678 87654321 {TOTP}"
                                         f" secret {TOTP}")) == \
        {"2FA setup key": 1, "backup code": 2, "password": 1}
    assert KINDS == ("seed phrase", "extended private key", "private key", "2FA setup key",
                     "backup code", "password", "one-time code")
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
                     " ", " ", ", ", "$", "元", "-", KEY_HEX, TX_HASH, XPRV[:60], "password: ",
                     "密码是", "backup codes ", "secret ", "otpauth://", "G-", TOTP, "[", "e8f3 ",
                     *XMR[:5]]),
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
