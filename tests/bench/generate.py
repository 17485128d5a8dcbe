"""Generate a realistic, large journal for the benchmark, and cache it in bench-out/.

The journal is written through the store layer, the same functions the
service composes in `Journal.log()` (interactions.create, add_reference,
add_promise, attachments.add, search.index_interaction, cases.open_case …),
so its ledger, hash chain and search index are exactly what real use
produces; only the transactions are bigger (a few thousand interactions per
COMMIT instead of one), which makes 100,000 interactions take minutes
instead of an hour of fsyncs.

Everything is drawn from one seeded random generator: the same GEN_VERSION
and size give the same content (ids, times of recording and the random keys
differ from run to run).

Next to the journal, two unencrypted copies are built for the search ratio:
- plain-sqlcipher.db: `sqlcipher_export` of the journal into a database with
  no key: the same SQLite build (the one bundled with sqlcipher3) and the
  same FTS5 index, byte for byte in its rows; only the codec is missing.
- plain-stdlib.db: the same tables in the Python standard library's sqlite3
  with the same FTS5 definition and the same pre-split text; its SQLite may
  be older than 3.43, which has no `contentless_delete`, in which case that
  one option is left out (it changes only how rows are deleted).

Run directly: python -m tests.bench.generate [--small] [--regenerate]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3 as stdlib_sqlite3
import sys
import time
from bisect import bisect
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from itertools import accumulate
from pathlib import Path

GEN_VERSION = 3            # bump when the generator's output changes: the cache is keyed by it
SEED = 20261125
PASSPHRASE = "bench passphrase: not a secret"
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "bench-out"

FULL = {"interactions": 100_000, "cases": 10_000, "platforms": 200}
SMALL = {"interactions": 5_000, "cases": 500, "platforms": 40}
BATCH = 2_000              # interactions per transaction

PERIOD_START = datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=8)))
PERIOD_END = datetime(2026, 11, 1, tzinfo=timezone(timedelta(hours=8)))

# -- vocabulary -------------------------------------------------------------------------------
# Ranked roughly most to least frequent; words are drawn with Zipf-like weights by rank.

ZH_WORDS = """
客服 账户 提现 处理 需要 已经 没有 审核 退款 等待 问题 系统 时间 到账 我们 工单 回复 资金 他们
订单 验证 今天 交易 联系 说明 平台 充值 冻结 钱包 情况 申请 提交 转账 告诉 部门 确认 继续 一直
还是 目前 身份 材料 风控 邮件 电话 技术 记录 手续费 金额 余额 网络 地址 反馈 核实 再次 截图 尽快
延迟 失败 认证 安全 登录 限制 承诺 工作日 小时 明天 昨天 上周 人工 经理 主管 投诉 升级 解冻 解除
银行 卡号 凭证 催促 多次 重新 补充 上传 护照 照片 视频 人脸 识别 合规 链上 哈希 区块 节点 拥堵
维护 公告 异常 密码 重置 谷歌 短信 验证码 绑定 解绑 申诉 结果 通知 答复 态度 敷衍 拖延 理由 规定
政策 条款 协议 用户 个人 信息 隐私 泄露 盗号 被盗 追回 损失 赔偿 补偿 奖励 活动 合约 杠杆 爆仓
保证金 期货 现货 币种 法币 承兑 商家 场外 买家 卖家 付款 收款 放币 仲裁 纠纷 证据 聊天 群组 电报
官方 假冒 诈骗 骗子 报警 律师 监管 举报 媒体 曝光 关闭 注销 恢复 解锁 账号 邮箱 手机 更换 设备
异地 警告 提示 弹窗 页面 错误 代码 显示 刷新 卡住 排队 转接 挂断 占线 无人 接听 留言 回电 预约
"""
ZH_FUNCTION = ("的 了 是 在 说 我 他 也 都 就 还 又 再 才 只 很 要 会 能 让 给 把 被 和 但 因为 所以 "
               "如果 可能 应该 必须 不能 可以 一个 这个 那个 什么 为什么 怎么 多少")

EN_WORDS = """
support account withdrawal pending review agent ticket said the team will days still
frozen verification refund deposit transfer wallet fee email reply escalated waiting
compliance risk security balance transaction hash confirmations network delay issue
request documents identity passport selfie address proof limit unlock restore password
login reset phone chat manager supervisor complaint again never promised deadline urgent
update status policy terms appeal blocked restriction suspicious bank card chargeback
fraud scam regulator ombudsman police lawyer evidence screenshot recording transcript
queue hold dropped callback voicemail bot template automated department specialist
investigation approved rejected cancelled completed processing credited missing stuck
blockchain explorer mempool memo tag whitelist authenticator device location unusual
activity notice closure terminated reopened resolved unresolved compensation interest
liquidation margin futures spot order trade leverage position stablecoin exchange
merchant buyer seller dispute arbitration escrow released payment received sent
refused apologised insisted confirmed denied explained repeated transferred hung
reconciliation subpoena affidavit notarised jurisdiction sanction embargo audit
"""
EN_FUNCTION = "the a to and of that it was is they I my for on with but not no at have has be"

COINS = ["USDT", "BTC", "ETH", "USDC", "TRX", "SOL", "BNB", "XRP", "DOGE", "TON"]
ZH_AGENT_NAMES = ("小美 小王 小李 小张 小刘 小陈 小杨 小赵 小周 小吴 李娜 王伟 张敏 刘洋 陈静 "
                  "杨帆 赵磊 周婷 吴刚 孙丽 马超 胡军 郭强 何芳 林涛 高洁 罗斌 郑爽 梁晨 宋佳 "
                  "客服小雪 客服阿杰 专员小琳 经理老黄").split()
EN_AGENT_NAMES = ("Kevin Sarah Michael Emily David Jessica Daniel Ashley James Amanda Robert "
                  "Jennifer John Melissa Chris Nicole Ryan Stephanie Brian Rachel Jason Lauren "
                  "Eric Megan Adam Hannah Tom Olivia Lucas Sophie Mark Grace Paul Chloe Alex "
                  "Mia Sam Zoe Ivan Anna Omar Leila Raj Priya Ken Yuki Carlos Maria").split()
REAL_PLATFORMS = ["Binance", "Coinbase", "Kraken", "OKX", "Bybit", "KuCoin", "Gate.io",
                  "Bitget", "HTX", "MEXC", "Crypto.com", "Bitfinex", "Gemini", "Bitstamp",
                  "Upbit", "Bithumb", "MetaMask", "Trust Wallet", "Ledger", "Exodus",
                  "火币", "欧易", "币安", "抹茶"]
NAME_A = ("Nova Astra Zen Orbit Apex Lumen Vertex Solar Polar Quantum Cobalt Crimson Aurora "
          "Nimbus Pulse Harbor Summit Vector Prism Echo Atlas Titan Falcon Coral Jade").split()
NAME_B = "Exchange Wallet Markets Pay Trade Coin Vault Swap Finance Capital".split()

ZH_TEMPLATES = [
    "今天打电话给{platform}客服，接线的是{agent}，对方说我的提现还在审核中，需要再等{days}个工作日。",
    "客服表示账户因为风控被冻结，要求我重新提交身份验证材料。",
    "我问为什么退款还没有到账，{agent}说已经提交给技术部门处理，工单号是{ticket}。",
    "充值{amount} {coin}一直没有到账，链上已经确认，交易哈希是{tx}。",
    "对方承诺{days}天内回复邮件，但是到现在还没有任何消息。",
    "排队等待了{wait}分钟才接通，转了{n}次人工客服。",
    "客服让我提供银行卡照片和手持身份证视频，我已经上传。",
    "提现手续费被多扣了{amount} {coin}，申请退还，客服说要核实。",
    "他们说解冻需要主管审批，没有给具体时间。",
    "我要求升级投诉，{agent}说会转给经理处理。",
    "订单{order}显示已完成，但是钱包余额没有变化。",
    "在线客服一直发同样的常见问题链接，没有人工回复。",
    "邮件回复说我的账户存在异常登录，需要重置密码和谷歌验证。",
    "{agent}说这笔{coin}转账被网络拥堵卡住了，让我耐心等待。",
    "我再次催促{platform}处理工单{ticket}，得到的答复还是在排队。",
    "客服说退款已经原路退回，一般三到五个工作日到账。",
    "提现申请被拒绝，理由是需要补充资金来源证明。",
    "电话无人接听，留言后也没有回电。",
    "对方承认系统出错，答应补偿手续费。",
    "有人在电报群冒充官方客服，要求我提供助记词，我没有理会。",
]
EN_TEMPLATES = [
    "Called {platform} support, agent {agent} said the withdrawal is still pending review "
    "and will take {days} business days.",
    "Account frozen after the KYC review; they asked for a new selfie and proof of address.",
    "Ticket {ticket} was escalated to the compliance team.",
    "Deposit of {amount} {coin} not credited although the transaction has {n} "
    "confirmations, tx {tx}.",
    "Agent said the refund was approved but it has not arrived yet.",
    "Waited {wait} minutes on hold, then the call dropped.",
    "They promised an email reply within {hours} hours; nothing so far.",
    "Asked for a supervisor; {agent} refused and said the case is with the risk department.",
    "Order {order} shows completed but the balance did not change.",
    "The chat bot kept sending the same FAQ link about withdrawal limits.",
    "Support confirmed the account is restricted pending an internal investigation.",
    "{agent} asked me to resend the documents, the third time this month.",
    "I told them I will file a complaint with the regulator if nothing happens by Friday.",
    "The withdrawal of {amount} {coin} was cancelled by the system without explanation.",
    "Email from {platform} says ticket {ticket} is resolved, but the funds are still frozen.",
    "They claim the transaction is stuck in the mempool and will be rebroadcast.",
    "Agent {agent} apologised and promised compensation for the fee.",
    "No answer on the official phone line; left a voicemail with the ticket number.",
    "A fake support account on social media asked for my seed phrase; ignored and reported it.",
    "Chargeback request filed with the bank card issuer as a backup plan.",
]
FAILED_ZH = ["电话没人接。", "占线，稍后再试。", "排队{wait}分钟后自动挂断。", "拨打后提示号码错误。",
             "通话中途断线，没有回电。"]
FAILED_EN = ["No answer.", "Line busy, will try again later.",
             "Dropped after {wait} minutes in the queue.", "Wrong number, went to a fax line.",
             "Call dropped mid-conversation; no callback."]
PROMISES_ZH = ["{days}个工作日内退款到账", "{hours}小时内邮件回复", "主管会回电", "解冻账户",
               "退还多扣的手续费", "工单升级给技术部门"]
PROMISES_EN = ["Refund within {days} business days", "Email reply within {hours} hours",
               "Supervisor will call back", "Unfreeze the account after review",
               "Refund the extra fee", "Escalate the ticket to the withdrawal team"]
ATTACHMENT_NAMES = ["screenshot-{d}.png", "chat-export-{d}.txt", "email-{d}.eml", "聊天记录-{d}.txt",
                    "bank-statement-{d}.pdf", "截图-{d}.png"]


class Zipf:
    """Draw items by rank with weights 1/(rank+1)**s."""

    def __init__(self, items, s: float = 1.0):
        self.items = list(items)
        self.cum = list(accumulate(1.0 / (r + 1) ** s for r in range(len(self.items))))

    def pick(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.cum[-1])]

    def sample(self, rng: random.Random, k: int) -> list:
        return rng.choices(self.items, cum_weights=self.cum, k=k)


# -- the content model ----------------------------------------------------------------------

class Content:
    def __init__(self, rng: random.Random):
        self.rng = rng
        zh = ZH_WORDS.split()
        self.zh_words = Zipf(zh, 0.95)
        self.zh_function = Zipf(ZH_FUNCTION.split(), 1.0)
        self.en_words = Zipf(EN_WORDS.split(), 0.95)
        self.en_function = Zipf(EN_FUNCTION.split(), 1.0)
        self.zh_templates = Zipf(ZH_TEMPLATES, 0.6)
        self.en_templates = Zipf(EN_TEMPLATES, 0.6)

    def ticket(self, style: int) -> str:
        r = self.rng
        if style == 0:
            return f"#{r.randrange(1_000_000, 9_999_999)}"
        if style == 1:
            return f"T{r.randrange(10**8, 10**9)}"
        if style == 2:
            return f"CS-{r.choice((2024, 2025, 2026))}-{r.randrange(0, 10**7):07d}"
        return f"SR{r.randrange(10**9, 10**10)}"

    def tx_hash(self) -> str:
        h = f"{self.rng.getrandbits(256):064x}"
        return "0x" + h if self.rng.random() < 0.6 else h

    def order_id(self) -> str:
        r = self.rng
        return (f"ORD{r.randrange(10**13, 10**14)}" if r.random() < 0.5
                else str(r.randrange(10**17, 10**18)))

    def slots(self, ctx: dict) -> dict:
        r = self.rng
        return {"platform": ctx["platform"], "agent": ctx["agent"] or ctx["any_agent"],
                "ticket": ctx["ticket"], "tx": ctx["tx"], "order": ctx["order"],
                "amount": r.choice((50, 100, 120.5, 300, 888, 1000, 2500, 5000, 12000)),
                "coin": r.choice(COINS), "days": r.randint(1, 14), "hours": r.choice((24, 48, 72)),
                "wait": r.randint(3, 95), "n": r.randint(2, 40)}

    def zh_chain(self) -> str:
        r = self.rng
        words = []
        for _ in range(r.randint(5, 12)):
            words.append(self.zh_words.pick(r))
            if r.random() < 0.45:
                words.append(self.zh_function.pick(r))
        return "".join(words) + r.choice("。。。，！？")

    def en_chain(self) -> str:
        r = self.rng
        words = []
        for _ in range(r.randint(6, 14)):
            words.append(self.en_words.pick(r) if r.random() < 0.7 else self.en_function.pick(r))
        text = " ".join(words)
        return text[0].upper() + text[1:] + r.choice("...;!?")

    def sentence(self, lang: str, ctx: dict, used: set) -> str:
        r = self.rng
        if r.random() < 0.55:
            tpl = (self.zh_templates if lang == "zh" else self.en_templates).pick(r)
            if tpl not in used:   # a note does not say the same thing twice
                used.add(tpl)
                return tpl.format(**self.slots(ctx))
        return self.zh_chain() if lang == "zh" else self.en_chain()

    def note(self, lang: str, ctx: dict) -> str:
        r = self.rng
        target = r.randint(300, 460)
        parts, length, used = [], 0, set()
        while length < target:
            other = r.random() < 0.12
            s = self.sentence(("en" if lang == "zh" else "zh") if other else lang, ctx, used)
            parts.append(s)
            length += len(s) + (0 if lang == "zh" else 1)
        return ("" if lang == "zh" else " ").join(parts)

    def failed_note(self, lang: str, ctx: dict) -> str:
        return self.rng.choice(FAILED_ZH if lang == "zh" else FAILED_EN).format(**self.slots(ctx))

    def promise(self, lang: str, ctx: dict) -> str:
        return self.rng.choice(PROMISES_ZH if lang == "zh" else PROMISES_EN).format(
            **self.slots(ctx))


# -- writing through the store layer ----------------------------------------------------------

class _CaseId:
    """What the generator needs of the Case that open_case/set_status return: its id."""

    def __init__(self, case_id: int):
        self.id = case_id


@contextmanager
def _no_case_reads():
    """open_case and set_status end by re-reading the whole Case (with counts of its
    interactions and pending promises, which scan every pending promise of the journal);
    the generator needs only the id, so that read is skipped. What they write is unchanged."""
    from journal.store import cases as case_store
    real = case_store.get_case
    case_store.get_case = lambda db, case_id: _CaseId(case_id)
    try:
        yield
    finally:
        case_store.get_case = real


class InTransaction:
    """The store's `db`-taking functions (open_case, add_platform, set_status …) open their own
    transaction; this lets them run unchanged inside a bigger one the generator holds."""

    def __init__(self, conn):
        self.conn = conn

    @contextmanager
    def transaction(self):
        yield self.conn

    def query(self, sql, params=()):
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql, params=()):
        rows = self.query(sql, params)
        return rows[0] if rows else None


def cache_dir(small: bool) -> Path:
    size = SMALL if small else FULL
    return OUT / f"journal-g{GEN_VERSION}-{size['interactions']}"


def load_meta(small: bool) -> dict | None:
    meta = cache_dir(small) / "meta.json"
    if not meta.is_file():
        return None
    doc = json.loads(meta.read_text("utf-8"))
    return doc if doc.get("complete") and doc.get("gen_version") == GEN_VERSION else None


def _fmt(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def generate(small: bool = False) -> dict:
    """Build the journal and its plain copies from scratch; return the meta document."""
    from journal.domain import times
    from journal.domain.model import (
        CaseCategory,
        CaseStatus,
        ChannelKind,
        ChannelSource,
        ChannelStatus,
        PlatformKind,
        PromiseStatus,
        ReferenceKind,
    )
    from journal.service import Journal
    from journal.store import attachments as attachment_store
    from journal.store import cases as case_store
    from journal.store import directory, search
    from journal.store import interactions as interaction_store

    # The unlock target is measured on this journal: it must carry the real calibration.
    os.environ.pop("JOURNAL_KDF_TARGET_SECONDS", None)
    from .variants import apply_variant
    apply_variant("memsec-off")   # only the speed of writing; see variants.py
    size = SMALL if small else FULL
    base = cache_dir(small)
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    rng = random.Random(SEED + (1 if small else 0))
    content = Content(rng)
    t_all = time.perf_counter()

    t0 = time.perf_counter()
    journal, _recovery = Journal.create(base / "journal", passphrase=PASSPHRASE)
    create_seconds = time.perf_counter() - t0
    db = journal.db
    header = json.loads((base / "journal" / "journal.key").read_text("utf-8"))
    kdf = {k: header["kdf"][k] for k in ("memory_kib", "time_cost", "parallelism")}
    _progress(f"created journal (key derivation {kdf}, {create_seconds:.2f} s)")

    # Platforms, their channels and agents.
    n_platforms = size["platforms"]
    names = list(REAL_PLATFORMS)
    while len(names) < n_platforms:
        name = f"{rng.choice(NAME_A)} {rng.choice(NAME_B)}"
        if name not in names:
            names.append(name)
        elif rng.random() < 0.3:
            names.append(f"{name} {rng.randint(2, 99)}")
            names = list(dict.fromkeys(names))
    names = names[:n_platforms]
    platforms = []   # dicts: id, name, domain, channels {kind: (id, value)}, agents, ticket style
    with db.transaction() as conn:
        tx = InTransaction(conn)
        for i, name in enumerate(names):
            slug = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum()) or f"p{i}"
            kind = PlatformKind.WALLET if "Wallet" in name or name in (
                "MetaMask", "Trust Wallet", "Ledger", "Exodus") else PlatformKind.EXCHANGE
            p = directory.add_platform(tx, {"name": name, "kind": kind.value,
                                            "website": f"https://www.{slug}.com"})
            channels = {}
            for ckind, value in ((ChannelKind.PHONE, f"+1800{rng.randrange(200, 999)}"
                                                     f"{rng.randrange(1000, 9999)}"),
                                 (ChannelKind.EMAIL, f"support@{slug}.com"),
                                 (ChannelKind.CHAT, f"https://www.{slug}.com/support/chat"),
                                 (ChannelKind.IN_APP, "Help > Contact us")):
                if ckind is ChannelKind.PHONE and rng.random() < 0.4:
                    continue
                source = rng.choice([ChannelSource.OFFICIAL_SITE, ChannelSource.IN_APP,
                                     ChannelSource.OFFICIAL_SOCIAL, ChannelSource.COMMUNITY])
                ch = directory.add_channel(tx, p, {
                    "kind": ckind.value, "value": value, "source": source.value,
                    "source_url": f"https://www.{slug}.com/contact", "languages": ["en", "zh"],
                    "status": ChannelStatus.default_for(source).value})
                channels[ckind.value] = (ch.id, value)
            agents = []
            for _ in range(rng.randint(8, 40)):
                if rng.random() < 0.45:
                    agents.append(rng.choice(ZH_AGENT_NAMES))
                else:
                    agent = rng.choice(EN_AGENT_NAMES)
                    agents.append(agent + (f" {rng.choice('ABCDEFGHJKLMNPRSTW')}."
                                           if rng.random() < 0.4 else ""))
            platforms.append({"id": p.id, "name": name, "channels": channels,
                              "agents": Zipf(agents, 0.8), "style": rng.randrange(4)})
    _progress(f"{len(platforms)} platforms")

    # Cases: platform by Zipf (a few big exchanges dominate); interactions per case skewed.
    n_cases, n_inter = size["cases"], size["interactions"]
    platform_pick = Zipf(range(len(platforms)), 0.9)
    weights = [min(rng.paretovariate(1.6), 40.0) for _ in range(n_cases)]
    scale = (n_inter - n_cases) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    i = 0
    while sum(counts) < n_inter:
        counts[i % n_cases] += 1
        i += 1
    while sum(counts) > n_inter:
        j = max(range(n_cases), key=counts.__getitem__)
        counts[j] -= min(counts[j] - 1, sum(counts) - n_inter)
    # The categories generator 3 drew from (refund and account-hacked came later): the same
    # seed keeps making the same journal.
    categories = [CaseCategory(v) for v in ("withdrawal", "deposit", "account-frozen",
                                            "verification", "transaction", "scam", "card",
                                            "fees", "security", "other")]
    zh_titles = ["提现一直未到账", "账户被冻结", "退款未收到", "充值未到账", "身份验证失败",
                 "手续费多扣", "账号被盗", "场外交易纠纷", "合约强平申诉", "银行卡被冻结"]
    en_titles = ["Withdrawal pending for weeks", "Account frozen without reason",
                 "Refund not received", "Deposit not credited", "KYC verification rejected",
                 "Overcharged withdrawal fee", "Account hacked", "P2P trade dispute",
                 "Liquidation appeal", "Card payment declined"]
    span = (PERIOD_END - PERIOD_START).total_seconds()
    cases = []
    events = []   # (time, kind, case index, interaction number)
    for c in range(n_cases):
        p = platforms[platform_pick.pick(rng)]
        lang = "zh" if rng.random() < 0.55 else "en"
        opened = PERIOD_START + timedelta(seconds=rng.random() * span * 0.97)
        tickets = [content.ticket(p["style"]) for _ in range(1 + (rng.random() < 0.3))]
        case = {"platform": p, "lang": lang, "opened": opened, "tickets": tickets,
                "title": (rng.choice(zh_titles) if lang == "zh" else rng.choice(en_titles)),
                "category": rng.choice(categories), "n": counts[c], "id": None,
                "account": f"UID{rng.randrange(10**7, 10**9)}" if rng.random() < 0.6 else None}
        cases.append(case)
        events.append((opened, 0, c, 0))
        t = opened + timedelta(minutes=rng.randint(0, 120))
        for k in range(counts[c]):
            events.append((min(t, PERIOD_END), 1, c, k))
            t += timedelta(seconds=rng.expovariate(1 / (3 * 86400)))
    events.sort(key=lambda e: (e[0], e[1]))

    t_write = time.perf_counter()
    stats = {"references": 0, "promises": 0, "attachments": 0, "note_chars": 0,
             "failed_attempts": 0}
    samples = {"tickets": [], "tx": [], "orders": [], "agents_en": {}, "agents_zh": {}}
    promise_ids = []
    done = 0
    for start in range(0, len(events), BATCH):
        with _no_case_reads(), db.transaction() as conn:
            tx = InTransaction(conn)
            for when, what, c, k in events[start:start + BATCH]:
                case = cases[c]
                p = case["platform"]
                if what == 0:
                    opened = case_store.open_case(tx, p["id"], case["title"], case["category"],
                                                  case["account"], _fmt(when))
                    case["id"] = opened.id
                    search.index_case(conn, opened.id)  # as the service does on opening
                    continue
                lang = case["lang"] if rng.random() < 0.9 else ("en" if case["lang"] == "zh"
                                                               else "zh")
                kind = rng.choices(["call", "chat", "email", "in-app", "social"],
                                   [35, 30, 25, 8, 2])[0]
                failed = kind == "call" and rng.random() < 0.25
                outcome = (rng.choice(["no-answer", "busy", "dropped", "queue-timeout",
                                       "wrong-number"]) if failed else "answered")
                agent = None if failed or rng.random() < 0.25 else p["agents"].pick(rng)
                ticket = rng.choice(case["tickets"])
                ctx = {"platform": p["name"], "agent": agent,
                       "any_agent": p["agents"].pick(rng), "ticket": ticket,
                       "tx": content.tx_hash(), "order": content.order_id()}
                notes = content.failed_note(lang, ctx) if failed else content.note(lang, ctx)
                channel_kind = {"call": "phone", "chat": "chat", "email": "email",
                                "in-app": "in-app"}.get(kind)
                channel = p["channels"].get(channel_kind)
                end = None if failed and rng.random() < 0.5 else \
                    when + timedelta(minutes=rng.randint(2, 90))
                fields = {"kind": kind, "outcome": outcome,
                          "channel_id": channel[0] if channel else None,
                          "contact": channel[1] if channel else None,
                          "started_at": _fmt(when), "ended_at": _fmt(end) if end else None,
                          "wait_minutes": float(rng.randint(0, 60)) if kind == "call" else None,
                          "agent": agent, "language": lang, "notes": notes}
                refs = []
                if not failed:
                    if rng.random() < 0.7:
                        refs.append((ReferenceKind.TICKET, ticket))
                    if rng.random() < 0.2:
                        refs.append((ReferenceKind.TX_HASH, ctx["tx"]))
                    if rng.random() < 0.15:
                        refs.append((ReferenceKind.ORDER_ID, ctx["order"]))
                    if rng.random() < 0.05:
                        refs.append((ReferenceKind.WITHDRAWAL_ID,
                                     f"W{rng.randrange(10**11, 10**12)}"))
                promises = []
                if not failed and rng.random() < 0.25:
                    due = when + timedelta(days=rng.randint(1, 14))
                    promises.append((content.promise(lang, ctx), _fmt(due)))
                files = []
                if not failed and rng.random() < 0.02:
                    d = when.strftime("%Y%m%d")
                    name = rng.choice(ATTACHMENT_NAMES).format(d=d)
                    media = {"png": "image/png", "txt": "text/plain", "eml": "message/rfc822",
                             "pdf": "application/pdf"}[name.rsplit(".", 1)[1]]
                    files.append((name, media, rng.randbytes(rng.randint(1024, 8192))))

                # The same composition as Journal.log(), inside the batch's transaction.
                recorded = times.now_text()
                iid = interaction_store.create(conn, case["id"], fields, recorded)
                for rkind, value in refs:
                    interaction_store.add_reference(conn, case["id"], iid, rkind, value, recorded)
                for text, due in promises:
                    promise_ids.append(interaction_store.add_promise(conn, case["id"], iid, text,
                                                                     due, recorded))
                for name, media, data in files:
                    attachment_store.add(conn, case["id"], iid, name, media, [data], recorded)
                search.index_interaction(conn, iid)

                stats["references"] += len(refs)
                stats["promises"] += len(promises)
                stats["attachments"] += len(files)
                stats["note_chars"] += len(notes)
                stats["failed_attempts"] += failed
                for rkind, value in refs:
                    key = {ReferenceKind.TICKET: "tickets", ReferenceKind.TX_HASH: "tx",
                           ReferenceKind.ORDER_ID: "orders"}.get(rkind)
                    if key and len(samples[key]) < 500:
                        samples[key].append(value)
                if agent:
                    bucket = samples["agents_zh" if search._CJK_RUN.search(agent)
                                     else "agents_en"]
                    first = agent.split()[0]
                    bucket[first] = bucket.get(first, 0) + 1
                done += 1
        rate = done / (time.perf_counter() - t_write)
        _progress(f"  {done:,} interactions ({rate:,.0f}/s)")

    # Later life of cases and promises: statuses set as a user would, through the store.
    with _no_case_reads(), db.transaction() as conn:
        tx = InTransaction(conn)
        status_pick = [CaseStatus.RESOLVED] * 45 + [CaseStatus.CLOSED] * 15 + \
            [CaseStatus.ESCALATED] * 10 + [CaseStatus.WAITING] * 15 + [CaseStatus.OPEN] * 15
        for case in cases:
            status = rng.choice(status_pick)
            if status is not CaseStatus.OPEN:
                case_store.set_status(tx, case["id"], status,
                                      "bench" if rng.random() < 0.3 else None)
        for pid in promise_ids:
            if rng.random() < 0.7:
                interaction_store.set_promise_status(
                    tx, pid, rng.choice([PromiseStatus.KEPT, PromiseStatus.BROKEN,
                                         PromiseStatus.BROKEN, PromiseStatus.CANCELLED]))
    write_seconds = time.perf_counter() - t_write
    _progress(f"wrote {n_inter:,} interactions in {write_seconds:.1f} s")

    counts_db = {t: db.one(f"SELECT count(*) FROM {t}")[0] for t in
                 ("platforms", "channels", "cases", "interactions", "refs", "promises",
                  "attachments", "ledger")}
    journal.close()   # checkpoints the WAL into the database file
    db_bytes = (base / "journal" / "journal.db").stat().st_size

    t0 = time.perf_counter()
    plain = build_plain_copies(base)
    plain_seconds = time.perf_counter() - t0

    queries = choose_queries(rng, samples)
    meta = {
        "gen_version": GEN_VERSION, "seed": SEED, "small": small, "complete": True,
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "target_size": size, "counts": counts_db, "kdf": kdf,
        "avg_note_chars": round(stats["note_chars"] / n_inter, 1),
        "failed_attempts": stats["failed_attempts"],
        "journal_create_seconds": round(create_seconds, 3),
        "write_seconds": round(write_seconds, 1),
        "plain_copies_seconds": round(plain_seconds, 1),
        "generation_seconds": round(time.perf_counter() - t_all, 1),
        "db_bytes": db_bytes, "plain": plain, "queries": queries,
    }
    (base / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), "utf-8")
    _progress(f"generation done in {meta['generation_seconds']} s; database "
              f"{db_bytes / 2**20:.0f} MiB")
    return meta


def choose_queries(rng: random.Random, samples: dict) -> list[dict]:
    """The 20 benchmark queries: Chinese words, English words, references, agent names."""
    en_agents = sorted(samples["agents_en"].items(), key=lambda kv: -kv[1])
    zh_agents = sorted(samples["agents_zh"].items(), key=lambda kv: -kv[1])
    q = [("zh-word", w) for w in ("退款", "冻结", "提现", "客服", "到账", "解冻", "工单",
                                  "手续费", "助记词")]
    q += [("en-word", w) for w in ("withdrawal", "frozen", "KYC", "refund approved",
                                   "escalated", "chargeback")]
    q.append(("ticket", samples["tickets"][len(samples["tickets"]) // 3]))
    q.append(("tx-hash", samples["tx"][len(samples["tx"]) // 2]))
    q.append(("order-id", samples["orders"][len(samples["orders"]) // 4]))
    q.append(("agent-en", en_agents[len(en_agents) // 2][0]))   # a mid-frequency name
    q.append(("agent-zh", zh_agents[0][0]))                     # the most frequent name
    return [{"kind": k, "query": v} for k, v in q]


# -- unencrypted copies for the encryption-cost ratio ----------------------------------------

def build_plain_copies(base: Path) -> dict:
    from sqlcipher3 import dbapi2 as sqlcipher

    from journal.service import Journal
    from journal.store import search

    out = {}
    target = base / "plain-sqlcipher.db"
    journal = Journal.open(base / "journal", passphrase=PASSPHRASE)
    try:
        journal.db.conn.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
        journal.db.conn.execute("SELECT sqlcipher_export('plaintext')")
        journal.db.conn.execute("DETACH DATABASE plaintext")
    finally:
        journal.close()
    with open(target, "rb") as f:
        assert f.read(16) == b"SQLite format 3\x00", "the plain copy is not plaintext"
    conn = sqlcipher.connect(str(target))
    n = conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '\"退款\"'") \
        .fetchone()[0]
    conn.close()
    out["sqlcipher_unkeyed"] = {"file": target.name, "bytes": target.stat().st_size,
                                "check_matches_退款": n}
    _progress(f"plain copy (same SQLite, no key): {target.stat().st_size / 2**20:.0f} MiB")

    # The standard library's sqlite3: same tables, same FTS5 definition and pre-split text.
    target2 = base / "plain-stdlib.db"
    conn = stdlib_sqlite3.connect(str(target2), isolation_level=None)
    conn.execute(f"ATTACH DATABASE '{target}' AS src")
    for table in ("platforms", "channels", "cases", "interactions", "refs", "attachments"):
        sql = conn.execute("SELECT sql FROM src.sqlite_master WHERE type='table' AND name=?",
                           (table,)).fetchone()[0]
        conn.execute(sql)
        conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
    for (sql,) in conn.execute("SELECT sql FROM src.sqlite_master WHERE type='index' AND sql "
                               "IS NOT NULL AND tbl_name IN ('platforms','channels','cases',"
                               "'interactions','refs','attachments')").fetchall():
        conn.execute(sql)
    conn.execute("DETACH DATABASE src")
    fts = ("CREATE VIRTUAL TABLE search_index USING fts5 (notes, refs, agent, title, platform, "
           "files, tokenize = 'unicode61 remove_diacritics 2', prefix = '1', content = ''{})")
    try:
        conn.execute(fts.format(", contentless_delete = 1"))
        option = "contentless_delete = 1"
    except stdlib_sqlite3.OperationalError:
        conn.execute(fts.format(""))
        option = "without contentless_delete (unsupported by this SQLite)"
    conn.execute("BEGIN")
    for (cid, title, pname, account) in conn.execute(
            "SELECT c.id, c.title, p.name, c.account_id FROM cases c "
            "JOIN platforms p ON p.id = c.platform_id").fetchall():
        conn.execute("INSERT INTO search_index (rowid, refs, title, platform) VALUES (?,?,?,?)",
                     (-cid, search.index_text(account), search.index_text(title),
                      search.index_text(pname)))
    rows = conn.execute(
        "SELECT i.id, i.notes, i.agent, c.title, p.name, "
        "(SELECT group_concat(value, ' ') FROM (SELECT value FROM refs r WHERE "
        " r.interaction_id = i.id ORDER BY r.id)), "
        "(SELECT group_concat(name, ' ') FROM (SELECT name FROM attachments a WHERE "
        " a.interaction_id = i.id ORDER BY a.id)) "
        "FROM interactions i JOIN cases c ON c.id = i.case_id "
        "JOIN platforms p ON p.id = c.platform_id WHERE i.voided_at IS NULL")
    for iid, notes, agent, title, pname, refs, files in rows:
        conn.execute("INSERT INTO search_index (rowid, notes, refs, agent, title, platform, "
                     "files) VALUES (?,?,?,?,?,?,?)",
                     (iid, search.index_text(notes), search.index_text(refs),
                      search.index_text(agent), search.index_text(title),
                      search.index_text(pname), search.index_text(files)))
    conn.execute("COMMIT")
    n2 = conn.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '\"退款\"'") \
        .fetchone()[0]
    version = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    out["stdlib"] = {"file": target2.name, "bytes": target2.stat().st_size,
                     "sqlite_version": version, "fts5_option": option,
                     "check_matches_退款": n2}
    _progress(f"plain copy (stdlib sqlite3 {version}): {target2.stat().st_size / 2**20:.0f} MiB"
              f", 退款 matches {n2} vs {n}")
    return out


def ensure(small: bool = False, regenerate: bool = False) -> dict:
    """The cached journal's meta, generating it (in a child process) when needed."""
    meta = None if regenerate else load_meta(small)
    if meta is not None:
        return meta
    import subprocess
    args = [sys.executable, "-m", "tests.bench.generate"] + (["--small"] if small else [])
    env = {k: v for k, v in os.environ.items() if k != "JOURNAL_KDF_TARGET_SECONDS"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    subprocess.run(args, check=True, cwd=ROOT, env=env)
    meta = load_meta(small)
    if meta is None:
        raise SystemExit("generation did not complete")
    return meta


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="5,000 interactions instead of 100,000")
    args = ap.parse_args(argv)
    generate(small=args.small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
