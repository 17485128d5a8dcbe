"""The patterns behind domain.scam_signs: what each kind of scam sign looks like in a note.

Two sorts of kind. A *subject* kind (seed phrase, private key, code, password, remote access,
safe wallet, gift cards) is a thing asked for, found by `SUBJECTS`; most of them count only
with a request word nearby (`NEEDS_REQUEST`, `REQUEST`). A *rule* kind (fee to unlock,
wallet verification link, connect and sign, fund recovery, contacted first) is a set of
`Rule`s, each a pattern that is a sign by itself, with what else the sentence must or must
not hold.

Each subject kind has a `GATES` entry, and each Rule a `gate`: lower-case words at least one
of which is in every sentence where it is found. scam_signs() looks only at the sentences
that hold a gate word, which keeps it fast on long notes; when a pattern changes, its gate
must still cover it (tests/test_scam_signs.py checks the gated and ungated results agree).

Pure Python: no Qt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SEED_PHRASE = "seed phrase requested"
PRIVATE_KEY = "private key requested"
CODE = "code requested"
PASSWORD = "password requested"
REMOTE_ACCESS = "remote access"
SAFE_WALLET = "safe wallet transfer"
WALLET_LINK = "wallet verification link"
CONNECT_AND_SIGN = "connect and sign"
UNLOCK_FEE = "fee to unlock"
RECOVERY_FEE = "fund recovery for a fee"
GIFT_CARDS = "gift cards"
CONTACTED_FIRST = "contacted first"
KINDS = (SEED_PHRASE, PRIVATE_KEY, CODE, PASSWORD, REMOTE_ACCESS, SAFE_WALLET, WALLET_LINK,
         CONNECT_AND_SIGN, UNLOCK_FEE, RECOVERY_FEE, GIFT_CARDS, CONTACTED_FIRST)


def _re(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I | re.X)


# --- subject kinds -------------------------------------------------------------------------

SUBJECTS: dict[str, re.Pattern] = {
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
}
NEEDS_REQUEST = {SEED_PHRASE, PRIVATE_KEY, CODE, PASSWORD, SAFE_WALLET}

# Someone asking, demanding or being handed something. "I asked" is the user asking
# about something, so a request word right after "I"/"we" does not count (see _request);
# "sent me" is the platform's own code arriving, not the user handing one over.
REQUEST = _re(r"""
    \bask(?:ed|s|ing)?\s+(?:me\s+|us\s+)?(?:for|to)\b | \bwant(?:ed|s|ing)?\b
    | \brequest(?:ed|s|ing)?\b | \bdemand(?:ed|s|ing)?\b | \binsist(?:ed|s|ing)?\b
    | \bneed(?:ed|s)?\b | \brequir(?:e|ed|es)\b | \b(?:told|tell|tells)\s+(?:me|us)\s+to\b
    | \bsaid\s+to\b | \bsays\s+to\b | \binstruct(?:ed|s)?\b | \burg(?:ed|es)\b
    | \bpressur\w*\b | \bmade\s+me\b | \bmust\b | \bhave\s+to\b | \bhad\s+to\b | \bplease\b
    | \b(?:give|send|share|shared|provide|read|tell|told|show|forward|dictate|dictated
        |type|typed|enter|entered|paste|pasted|confirm|verify|import|move|moved|moving
        |transfer\w*|deposit\w*|put|shift)\b
    | \b(?:sent|gave|showed|forwarded|provided)\b(?!\s+(?:me|us)\b)
    | \b(?:reply|replies|replied|replying|respond|responds|responded)\s+with\b
    | 让我 | 要我 | 叫我 | 要求 | 索要 | 索取 | 问我要 | 要了 | 让你 | 要你 | 提供 | 发给 | 发送给
    | 告诉他 | 告诉她 | 告诉对方 | 报给 | 说出 | 念给 | 输入 | 填写 | 填入 | 给他 | 给她
    | 给对方 | 需要 | 截图给 | 转到 | 转入 | 转移 | 转账到 | 存入 | 提到 | 发送 | 回复""")
FIRST_PERSON = re.compile(r"\b(?:i|we)\s+$", re.I)
USER_ASKING = re.compile(r"^(?:ask|want|request|need|demand|insist|require|please)", re.I)

NEGATION = _re(r"""\bnever\b | \bnot\b | n't\b | \bno\s+one\b | \bnobody\b | \bno\s+need\b
    | 不要 | 不会 | 别 | 勿 | 千万不 | 不得 | 不能 | 从不 | 绝不 | 不可 | 不应 | 不用 | 没有 | 不需要
    | 无需""")
WARNING = _re(r"""\bremind\w* | \bwarn\w* | \bbeware\b | \bcaution\w* | \bcareful\b
    | \bscam\s+alert\b | 提醒 | 警告 | 谨防 | 警惕 | 小心 | 防范 | 提示""")


def _gate(words: str, *phrases: str) -> tuple[str, ...]:
    """Lower-case words, and phrases with a space in them."""
    return (*words.split(), *phrases)


# --- rule kinds ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    """A match of `pattern` is a sign unless negated (just before it or before its group
    "act"), or unless the sentence lacks one of `needs` or holds `unless`, the match itself
    holds `excuse`, or the words just before it match `not_by` (the user is the one doing it).
    `gate`: lower-case words one of which is in every sentence the rule fires in (see GATES)."""
    pattern: re.Pattern
    gate: tuple[str, ...]
    needs: re.Pattern | tuple[re.Pattern, ...] = ()
    unless: re.Pattern | None = None
    excuse: re.Pattern | None = None
    not_by: re.Pattern | None = None


# In the English rules "…" is any character of the sentence: sentences end at .!? before a
# space, so "0.5 BTC" and "x.com" are inside one.
_GAP = r"(?:[^.!?\n]|[.!?](?=\S))"


def _en(pattern: str) -> re.Pattern:
    return _re(pattern.replace("…", _GAP))


# A fee, tax or deposit that has to be paid before a withdrawal is let go, or one a fake
# "compliance" or anti-money-laundering check demands.
_OUT_EN = r"""(?:release|unlock\w*|unfreez\w*|withdraw\w*|cash\s+out|take\s+(?:my|the|your|our)
    \s+(?:\w+\s+)?(?:money|funds|coins|crypto|assets)\s+out)"""
_FEE_EN = _en(rf"""
    \b(?:unlock(?:ing)?|release|unfreez\w*|activation|clearance|anti[\s-]money[\s-]laundering
        |aml|compliance|kyc|verification|validation|solvency|liquidity|insurance
        |withdrawal\s+activation)\s+(?:verification\s+|check\s+|review\s+)?
        (?:fee|tax|deposit|charge|payment|bond)s?\b
    | \b(?:pay|paid|send|deposit|transfer|top[\s-]?up)\b…{{0,40}}?
        (?:\b(?:fees?|tax(?:es)?|deposit|charge|commission|margin|percent|same\s+amount
        |equal\s+amount)\b|\d\s?%)…{{0,40}}?\b(?:to|before|so|until|otherwise|or|for)\b…{{0,25}}?
        \b(?:{_OUT_EN}|free|receive|get\s+(?:my|the|your)\s+(?:funds|money|coins))
    | \b(?:tax(?:es)?|unlock\w*\s+fee)\b…{{0,40}}?
        \b(?:before|prior\s+to|until|required|must|needs?|has\s+to|have\s+to|first)\b…{{0,25}}?
        \b{_OUT_EN}
    | \b(?:until|unless|only\s+after)\s+(?:you|i|we)\s+(?:pay|deposit|send|top\s+up)\b
    | \b(?:compliance|aml|anti[\s-]money[\s-]laundering|money[\s-]laundering|kyc|audit
        |risk\s+control)\b…{{0,60}}?\b(?:deposit|pay|send|transfer|top[\s-]?up)\s+
        (?:(?:a|an|the|another|at\s+least|in|of|my|your|us|them|him|her)\s+)*(?:\$\s?)?\d
        …{{0,40}}?\b(?:before|to|until|so|or)\b…{{0,30}}?\b(?:{_OUT_EN}|prove|verify)""")
_ZH_OUT = "(?:提现|提币|出金|解冻|到账|解锁|放款|释放)"
_ZH_ONLY_THEN = "(?:才能|才可以|方可|才可|才会|才给|才能够)"
_FEE_ZH = re.compile(
    r"解冻费|解冻金|激活费|认证金|提现保证金|出金保证金|缴税|交税|验资|验证金"
    r"|(?:反洗钱|合规)(?:保证金|押金|审查金|费)"
    rf"|(?:手续费|保证金|税|费用|押金|服务费|认证费|会员费)[^。！？\n]{{0,20}}?{_ZH_ONLY_THEN}"
    rf"[^。！？\n]{{0,10}}?{_ZH_OUT}"
    r"|(?:提现|提币|出金|解冻|到账|放款)[^。！？\n]{0,15}?(?:交|缴|付|支付|充值?)[^。！？\n]{0,8}?"
    r"(?:保证金|税|押金|解冻费)"
    r"|(?:反洗钱|洗钱|合规|风控|审计|资金证明|资金来源|资金核验)[^。！？\n]{0,20}?"
    r"(?:保证金|押金|认证金|解冻金|(?:先|需要|必须|要求|要|得|须)[^。！？\n]{0,4}?"
    r"(?:存入|缴纳|交纳|充值|转入|转账|打款|汇款|支付|付款|交钱|缴费|交费))"
    r"|(?:先|必须|需要|要)[^。！？\n]{0,4}?(?:充值|存入|转入|缴纳|交纳|支付|打款|汇款)[^。！？\n]{0,15}?"
    rf"{_ZH_ONLY_THEN}[^。！？\n]{{0,6}}?{_ZH_OUT}")
# An ordinary fee the user names as such: not a sign.
_ORDINARY_FEE = _re(r"""\b(?:network|gas|miner|mining|transaction|trading|normal|standard
    |usual|listed|regular|futures|leverage|position)\b | 网络手续费 | 矿工费 | 正常 | 能量 | 带宽
    | 合约 | 杠杆""")

# A link, QR code or site to "verify", "validate", "sync" or "rectify" a wallet.
_LINK_EN = r"""(?:links?|urls?|qr(?:[\s-]*codes?)?|d-?apps?|[\w-]+\.(?:io|com|app|net|org|xyz
    |site|online|info|top|cc|me|pro|live|link))"""
_VERIFY_EN = r"""(?:verify|verifying|validate|validating|validated|re-?validate|sync|syncing
    |re-?sync|synchroni[sz]e|synchroni[sz]ing|rectify|rectifying|rectified|whitelist
    |authenticate|re-?activate)"""
_WALLET_NAMES = r"""(?:wallets?|metamask|ledger|trezor|phantom|exodus|tronlink|tokenpocket
    |imtoken|safepal|rabby|keplr)"""
_WALLET_EN = rf"""(?:(?:your|my|the|his|her|their|our)\s+)?(?:[\w-]+\s+)?{_WALLET_NAMES}\b
    (?!\s+address)"""
_STRONG_VERIFY_EN = r"""(?:validate|validating|validated|validation\s+of|re-?validate|rectify
    |rectifying|rectified|rectification\s+of)"""
_WALLET_GATE = _gate("wallet metamask ledger trezor phantom exodus tronlink tokenpocket imtoken "
                     "safepal rabby keplr")
_LINK_ZH = r"(?:链接|二维码|扫码|扫一扫|网址|网站|网页|点击|点开)"
_VERIFY_ZH = r"(?:验证|同步|校验|认证|激活|修复|升级|重新同步)"
_WALLET_LINK_RULES = (
    Rule(_en(rf"""\b{_LINK_EN}\b…{{0,50}}?\b(?:to|and)\s+(?:\w+\s+){{0,2}}?{_VERIFY_EN}\s+
        {_WALLET_EN}"""), _WALLET_GATE),
    Rule(_en(rf"""\b{_VERIFY_EN}\s+{_WALLET_EN}…{{0,40}}?\b{_LINK_EN}\b"""), _WALLET_GATE),
    Rule(_en(rf"""\b{_STRONG_VERIFY_EN}\s+{_WALLET_EN}
        | \bwallet\s+(?:validation|rectification|synchroni[sz]ation)\b
        | \b{_WALLET_NAMES}\s+(?:needs?|requires?|must\s+be)\s+(?:an?\s+|to\s+be\s+)?
            (?:validat\w*|rectif\w*|re-?validat\w*)"""), _WALLET_GATE),
    Rule(re.compile(rf"{_LINK_ZH}[^，。！？；\n]{{0,15}}?{_VERIFY_ZH}(?:你的|我的|您的|一下)?钱包(?!地址)"
                    rf"|{_VERIFY_ZH}(?:你的|我的|您的)?钱包[^，。！？；\n]{{0,10}}?{_LINK_ZH}"
                    rf"|钱包{_VERIFY_ZH}(?:链接|二维码|网址|网站|页面)"), _gate("钱包")),
)

# Connect a wallet, sign or approve, and a refund, compensation or airdrop is the bait.
_ACT_EN = rf"""(?P<act>\bconnect(?:ing|ed|s)?\s+(?:your|my|the|a|his|her)?\s*(?:[\w-]+\s+)?
        {_WALLET_NAMES}\b
    | \b(?:sign|signing|signed|approve|approving|approved|authori[sz]e)\s+(?:a|an|the|this|that
        |one|my|your)?\s*(?:[\w-]+\s+)?(?:transactions?|tx|messages?|permits?|approvals?
        |contracts?|signature\s+requests?)\b)"""
_GOAL_EN = r"""(?:refunds?|compensation|reimbursement|airdrops?|rewards?|bonus(?:es)?|payouts?
    |giveaway|(?:lost\s+|stolen\s+)?(?:funds|money|coins|crypto)\s+back)"""
_GOAL_VERB_EN = r"""(?:get|receive|claim|collect|redeem|release|process|withdraw|unlock)\w*"""
_ACT_ZH = (r"(?P<act>(?:连接|链接|接入|绑定|授权|登录|打开)(?:你的|我的|您的)?钱包|钱包(?:签名|授权)"
           r"|签名(?:授权|交易|确认)|授权(?:签名|合约|交易)|(?:并|然后|再)(?:签名|授权))")
_ACT_GATE = _gate("connect sign approv authori 钱包 签名 授权")
_GOAL_ZH = r"(?:退款|赔偿|补偿|空投|奖励|返还|理赔|补贴|红包)"
_CONNECT_AND_SIGN_RULES = (
    Rule(_en(rf"""{_ACT_EN}…{{0,60}}?\b(?:to|and|for|so|then|in\s+order\s+to)\b…{{0,15}}?
        \b{_GOAL_VERB_EN}\b…{{0,20}}?\b{_GOAL_EN}\b"""), _ACT_GATE),
    Rule(_en(rf"""{_ACT_EN}…{{0,60}}?\bfor\s+(?:the|your|my|a)?\s*{_GOAL_EN}\b"""), _ACT_GATE),
    Rule(_en(rf"""\b(?:to|and)\s+{_GOAL_VERB_EN}\b…{{0,20}}?\b{_GOAL_EN}\b…{{0,40}}?
        {_ACT_EN}"""), _ACT_GATE),
    Rule(re.compile(rf"{_ACT_ZH}[^。！？；\n]{{0,20}}?(?:即可|就能|就可以|才能|才可以|以|来|后)"
                    rf"[^。！？；\n]{{0,6}}?{_GOAL_ZH}"), _ACT_GATE),
    Rule(re.compile(rf"(?:领取|获得|申领|得到|拿到){_GOAL_ZH}[^。！？；\n]{{0,10}}?"
                    rf"(?:需要|要|请|先|必须)[^。！？；\n]{{0,6}}?{_ACT_ZH}"), _ACT_GATE),
)

# The second scam: a "recovery agent" or "hacker" who gets stolen funds back, for a fee.
_FEE_CUE_EN = _re(r"""\b(?:fees?|upfront|up-front|in\s+advance|advance|commission|retainer
    |charges?|percent|pay|paid|payment)\b | \d\s?%""")
_WRONG_DEPOSIT = r"""\bwrong\s+(?:network|chain|memo|tag|address|coin|token)\b
    | \bwithout\s+(?:a\s+|the\s+)?(?:memo|tag)\b | \bmissing\s+(?:memo|tag)\b"""
_POLICE = r"""\b(?:police|fbi|court|law\s+enforcement|regulator)\b"""
_POLICE_ZH = "警方|公安|警察|法院|派出所"
_NOT_A_RECOVERY_FEE = _re(rf"""{_WRONG_DEPOSIT} | {_POLICE} | \bchargeback\b
    | \bno\s+(?:fee|charge|cost)s?\b | \bfree\s+of\s+charge\b | \bfor\s+free\b
    | \bat\s+no\s+cost\b""")
_RECOVER_ZH = "(?:追回|挽回|要回|拿回)"
_RECOVERY_RULES = (
    Rule(_re(r"""\b(?:(?:fund|funds|asset|assets|crypto|cryptocurrency|bitcoin|btc|coin|coins
        |money|scam|fraud|lost[\s-]funds?|stolen[\s-]funds?)[\s-]+)?recovery\s+(?:services?
        |agents?|agenc(?:y|ies)|compan(?:y|ies)|firms?|experts?|specialists?|hackers?
        |lawyers?|attorneys?|professionals?|pros|consultants?|officers?|programs?
        |programmes?)\b"""), _gate("recovery"),
         not_by=_re(r"""\b(?:account|password|phrase|key|seed|deposit|data|disaster|login|2fa
             |wallet)[\s-]+$""")),
    Rule(_en(r"""\b(?:ethical\s+)?hackers?\s+(?:who|that|which|to|can|could|will|would
        |offer\w*|promis\w*|claim\w*|says?|said)\b…{0,40}?\b(?:recover|retriev|reclaim
        |get\b…{0,25}?\bback|hack\w*\s+(?:it\s+|them\s+)?back|reverse|trace)
        | \b(?:hire|hired|hiring)\s+an?\s+(?:ethical\s+)?hacker\b"""), _gate("hacker")),
    Rule(_re(r"""\b(?:recover|retrieve|reclaim|get\s+back|return)\w*\s+(?:all\s+)?(?:of\s+)?
        (?:your|my|the|his|her|their)?\s*(?:lost|stolen|scammed|hacked|missing)\b
        | \b(?:get|got)\s+(?:your|my|the|all)\s+(?:lost\s+|stolen\s+|scammed\s+)?(?:funds|money
        |crypto|coins|bitcoin|btc|eth|usdt|assets)\s+back\b"""),
         _gate("recover retriev reclaim back return"), needs=_FEE_CUE_EN, unless=_NOT_A_RECOVERY_FEE),
    Rule(re.compile(r"(?:资产|资金|财产|数字货币|虚拟币|加密货币|币|损失)?追回(?:公司|机构|服务|团队|专家"
                    r"|中心|律师|大师|黑客|专员|工作室)"
                    r"|(?<!被)黑客[^，。！？；\n]{0,12}?(?:追回|找回|挽回|要回|拿回)"), _gate("追回 黑客")),
    Rule(re.compile(r"资产追回|资金追回"), _gate("追回"), unless=re.compile(_POLICE_ZH)),
    Rule(re.compile(rf"{_RECOVER_ZH}[^。！？；\n]{{0,20}}?(?:(?:需要|要|必须|得|先|需|请)[^。！？；\n]{{0,4}}?"
                    r"(?:支付|交|缴|付|打款|转账|汇款)|\d+\s?%|百分之|佣金|抽成|提成|分成|报酬|律师费)"
                    rf"|(?:先交|先付|先支付|先缴|预付)[^。！？；\n]{{0,15}}?{_RECOVER_ZH}"
                    r"|(?:手续费|服务费|保证金|定金|佣金)[^。！？；\n]{0,6}?(?:才能|才可以|就能|就可以)"
                    rf"[^。！？；\n]{{0,6}}?{_RECOVER_ZH}"), _gate("追回 挽回 要回 拿回"),
         unless=re.compile(f"免费|不收|无需|不需要|不用|不要钱|充错|错链|错误网络|错误的网络|{_POLICE_ZH}")),
)

# "Support" that reaches out first: by DM, on a messenger, out of the blue, or posing as it.
_PLATFORM = r"""(?:telegram|whatsapp|wechat|discord|signal|twitter|x\.com|instagram|facebook
    |messenger|line|reddit|tiktok|snapchat|skype|viber|kakao\w*|linkedin|youtube
    |(?:(?<=on\ )|(?<=via\ )|(?<=over\ )|(?<=through\ ))(?-i:X))"""   # "on X", not "X times"
_PLATFORM_GATE = _gate("telegram whatsapp wechat discord signal twitter x.com instagram facebook "
                       "messenger line reddit tiktok snapchat skype viber kakao linkedin youtube",
                       "on x", "via x", "over x", "through x")
_PLATFORM_ZH = (r"(?:telegram|whatsapp|电报|飞机|推特|twitter|discord|脸书|facebook|instagram|微信|qq"
                r"|signal|line)")
_PLATFORM_ZH_GATE = _gate("telegram whatsapp 电报 飞机 推特 twitter discord 脸书 facebook "
                          "instagram 微信 qq signal line 邮件 邮箱 短信")
_CONTACT_ME_EN = _re(r"""
    \b(?:contacted|messaged|called|rang|texted|e-?mailed|dm'?e?d|pm'?e?d|wrote\s+to
        |reached\s+out\s+to|added|approached|pinged|found)\s+me\b(?!\s+back)
    | \breached\s+out\b | \bgot\s+in\s+touch\b
    | \b(?:got|received|had)\s+an?\s+(?:\w+\s+)?(?:call|message|dm|pm|e-?mail|text|sms)\b
    | \b(?:a|an)\s+(?:call|message|dm|pm|e-?mail|text|sms)\s+from\b""")
_CONTACT_WORD_EN = _re(r"""\b(?:call\w*|messag\w*|dm\w*|pm'?e?d|e-?mail\w*|text\w*|sms
    |contact\w*|wrote|rang|reached)\b""")
_CONTACT_ZH = re.compile(r"私信|联系(?:了)?我|加(?:了)?我|找(?:到|上)?(?:了)?我|打(?:了)?(?:电话|来电话)?给我"
                         r"|给我打(?:了)?电话|来电|发来|给我发|发(?:了)?(?:消息|邮件|短信|私信)给我|收到|找上门")
_STRANGER_GATE = _gate("有人 陌生 一个人 某人 一个号码 一个账号 不认识")
_STRANGER_ZH = re.compile("|".join(_STRANGER_GATE))
_SUPPORT_ZH = "(?:客服|官方|工作人员|专员|技术支持|经理|管理员)"
_CONTACTED_FIRST_RULES = (
    Rule(_re(r"""\b(?:contacted|messaged|dm'?e?d|pm'?e?d|texted|called|reached\s+out\s+to
        |approached|added|wrote\s+to|pinged)\s+me\s+first\b"""), _gate("first")),
    Rule(_en(rf"""\b(?:dm'?e?d|pm'?e?d|direct[\s-]messaged|private[\s-]messaged|messaged|texted
        |added|reached\s+out\s+to|contacted|called|approached|found|hit\s+me\s+up|wrote\s+to)
        \s+me\b…{{0,40}}?\b{_PLATFORM}\b"""), _PLATFORM_GATE),
    Rule(_re(r"""\bslid\s+into\s+my\s+(?:dms?|pms?|inbox)\b
        | \bsent\s+me\s+an?\s+(?:private|direct|unsolicited)\s+message\b
        | \bsent\s+me\s+an?\s+(?:dm|pm)\b
        | \bunsolicited\s+(?:call|message|dm|email|e-mail|text)\b
        | \b(?:which|whom|that|who|though|although)\s+(?:i|we)\s+(?:had\s+)?never\s+(?:even\s+)?
            (?:contacted|messaged|e-?mailed|written\s+to|wrote\s+to|reached\s+out\s+to)\b"""),
         _gate("slid sent unsolicited never")),
    Rule(_re(r"""\b(?:dm'?e?d|dm'?ing|pm'?e?d|direct[\s-]messaged|private[\s-]messaged|inboxed)
            \s+me\b(?!\s+back)
        | \b(?:messaged|contacted|wrote\s+to|texted)\s+me\s+(?:privately|in\s+private|directly
            |personally)\b"""), _gate("dm pm messag inbox contact wrote text"),
         unless=_re(r"""\bin[\s-]app\b | \b(?:app|live|support|ticket)\s+chat\b
             | \bofficial\s+(?:app|site|website|chat)\b""")),
    Rule(_re(rf"""\b(?:reached\s+out|got\s+in\s+touch)(?:\s+(?:to|with)\s+me)?\s+(?:on|via
        |through|over|in)\s+(?:[\w-]+\s+)?{_PLATFORM}\b"""), _gate("reach touch"),
         not_by=_re(r"""\b(?:i|we)\s+(?:\w+\s+)?$""")),
    Rule(_re(r"""\bout\s+of\s+(?:the\s+)?(?:blue|nowhere)\b"""), _gate("blue nowhere"),
         needs=_CONTACT_WORD_EN),
    Rule(_re(r"""\b(?:claiming|claimed|claims|pretending|pretended|posing|posed|impersonating
        |impersonated)\s+(?:to\s+be\s+|as\s+)?(?:from\s+|with\s+)?(?:an?\s+|the\s+)?
        (?:[\w.'’"“”-]+\s+){0,3}?(?:support|customer\s+(?:service|care)|help\s*desk|admins?
        |moderators?|mods|staff|agents?|security|compliance|team|representatives?|reps?)\b"""),
         _gate("claim pretend posing posed impersonat"), needs=_CONTACT_ME_EN),
    Rule(re.compile(r"主动[^，。！？；\n]{0,12}?(?:联系|联络|私信|加|找|打|来电|发|添加)"),
         _gate("主动"), not_by=re.compile(r"我(?:们)?(?:自己|先|就|也|又|还|已经|便|再|都)?$")),
    Rule(re.compile(r"私信我|给我发私信|发私信给我|加我(?:的)?(?:微信|好友|qq|telegram|whatsapp|飞机|电报)"
                    r"|加了我(?:的)?(?:微信|好友|qq|telegram|whatsapp|飞机|电报)", re.I),
         _gate("私信 加我 加了我")),
    Rule(re.compile(rf"(?:自称|冒充|假冒|假装)[^。！？；\n]{{0,20}}?{_SUPPORT_ZH}"),
         _gate("自称 冒充 假冒 假装"), needs=_CONTACT_ZH),
    Rule(re.compile(rf"(?:说|称)(?:自己|他|她|他们)?是[^，。！？；\n]{{0,10}}?{_SUPPORT_ZH}"),
         _STRANGER_GATE, needs=(_CONTACT_ZH, _STRANGER_ZH)),   # a stranger "says he is support"
    Rule(re.compile(rf"(?:{_PLATFORM_ZH}|邮件|邮箱|短信)上?[^，。！？；\n]{{0,12}}?"
                    r"(?:有人|客服|对方|陌生人|一个人|账号)[^，。！？；\n]{0,12}?(?:私信|联系|加|找)(?:了)?我"
                    rf"|(?:有人|陌生|一个人|某人|一个号码|一个账号)[^，。！？；\n]{{0,10}}?(?:通过|用|在)"
                    rf"{_PLATFORM_ZH}上?(?:联系|私信|加|找)(?:了)?我", re.I), _PLATFORM_ZH_GATE),
)

RULES: dict[str, tuple[Rule, ...]] = {
    UNLOCK_FEE: (Rule(_FEE_EN, _gate("fee tax deposit charge payment bond pay paid send transfer "
                                     "top until unless after"), excuse=_ORDINARY_FEE),
                 Rule(_FEE_ZH, _gate("费 金 税 验资 存入 缴纳 交纳 充值 转入 转账 打款 汇款 支付 付款 "
                                     "交钱"), excuse=_ORDINARY_FEE)),
    WALLET_LINK: _WALLET_LINK_RULES,
    CONNECT_AND_SIGN: _CONNECT_AND_SIGN_RULES,
    RECOVERY_FEE: _RECOVERY_RULES,
    CONTACTED_FIRST: _CONTACTED_FIRST_RULES,
}

# --- gates ---------------------------------------------------------------------------------
# Lower-case words, one of which is in every sentence where the subject kind is found. They are
# looked for with str.find in lowered(note), which is many times faster than running the
# kind's patterns (re.I, alternations, \b) over every sentence of a long note.

_LOWER = {**{c: c + 32 for c in range(ord("A"), ord("Z") + 1)},
          0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def lowered(text: str) -> str:
    """`text` of the same length with every character that re.I matches to an ASCII letter
    made that lower-case letter (str.lower() is much faster than translate(), and right
    unless it changes the length or the text holds ı, İ or ſ, which it leaves alone)."""
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return text.translate(_LOWER)
    return low


GATES: dict[str, tuple[str, ...]] = {
    SEED_PHRASE: _gate("phrase word sentence mnemonic seed 助记词 短语 种子 单词 个词"),
    PRIVATE_KEY: _gate("key xprv wif 私钥 密钥"),
    CODE: _gate("code pin number otp 2fa 验证码 动态码 动态口令 短信码 谷歌验证 安全码 校验码 二次验证"),
    PASSWORD: _gate("pass log credential pin 密码 登录信息 登录凭证 账号信息"),
    REMOTE_ACCESS: _gate("desk viewer quicksupport connect splashtop supremo ammyy remote screen "
                         "向日葵 远程 屏幕"),
    SAFE_WALLET: _gate("safe secur protect quarantine escrow 安全 保护账户 保险账户 监管账户"),
    GIFT_CARDS: _gate("card 礼品卡 充值卡 购物卡 苹果卡 卡"),
}   # the rule kinds: each Rule has its own gate
