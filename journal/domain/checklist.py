"""What to prepare before contacting support: questions to ask and details to have ready,
suggested from the case's category, in English and Simplified Chinese.

The suggestions follow the usual advice: have your account id, transaction hashes, amounts,
times and screenshots at hand; get a name and a reference number; ask what happens next and
by when. None of them ever asks the user to give a seed phrase, a key or a code.
"""
from __future__ import annotations

from .model import CaseCategory, ChecklistKind

ASK, HAVE = ChecklistKind.ASK.value, ChecklistKind.HAVE.value

# Each entry: (kind, English, Chinese). "{account}" is the case's account id when it has one.
_FIRST = [
    (HAVE, "Account ID or the e-mail of the account{account}", "账户 ID 或账户邮箱{account}"),
]
_LAST = [
    (HAVE, "Screenshots of the problem (error messages, the transaction page)",
     "问题截图（错误提示、交易页面）"),
    (ASK, "The agent's name and the ticket or case number", "客服的名字和工单号或案件号"),
    (ASK, "What happens next, and by what date?", "下一步是什么？最晚什么时候完成？"),
]
_BY_CATEGORY = {
    CaseCategory.WITHDRAWAL: [
        (HAVE, "Transaction hash (TXID) or withdrawal ID", "交易哈希（TXID）或提现 ID"),
        (HAVE, "Amount, asset and network of the withdrawal", "提现金额、币种和网络"),
        (HAVE, "Date and time of the withdrawal request", "提交提现的日期和时间"),
        (HAVE, "Destination address", "收款地址"),
        (ASK, "What is the status of the withdrawal, and why is it held?",
         "提现现在是什么状态？为什么被卡住？"),
        (ASK, "What exactly is needed from me to release it?", "需要我提供什么才能放行？"),
    ],
    CaseCategory.DEPOSIT: [
        (HAVE, "Transaction hash (TXID) of the deposit", "充值的交易哈希（TXID）"),
        (HAVE, "Amount, asset, network and memo/tag used", "金额、币种、网络以及使用的 memo/标签"),
        (HAVE, "Deposit address you sent to", "你转入的充值地址"),
        (ASK, "Has the deposit been detected on your side?", "平台是否已检测到这笔充值？"),
        (ASK, "When will it be credited to my account?", "什么时候能到账？"),
    ],
    CaseCategory.ACCOUNT_FROZEN: [
        (HAVE, "Date the account was restricted and the message you got",
         "账户被限制的日期和收到的通知"),
        (HAVE, "Identity documents, ready but sent only through the official app or site",
         "身份证件（只通过官方 App 或网站提交）"),
        (ASK, "Why is the account restricted, under which term of service?",
         "账户为什么被限制？依据哪条服务条款？"),
        (ASK, "Which documents are needed to lift the restriction?", "解除限制需要哪些材料？"),
        (ASK, "Can I withdraw my funds in the meantime?", "在此期间我能否提取资金？"),
    ],
    CaseCategory.VERIFICATION: [
        (HAVE, "The documents you submitted, and when", "已提交的材料及提交时间"),
        (ASK, "Which document was rejected, and why?", "哪份材料被拒？原因是什么？"),
        (ASK, "How long will the review take?", "审核需要多长时间？"),
    ],
    CaseCategory.TRANSACTION: [
        (HAVE, "Order ID or transaction hash", "订单号或交易哈希"),
        (HAVE, "Amount, asset and the time of the transaction", "交易的金额、币种和时间"),
        (ASK, "What went wrong with the transaction?", "这笔交易出了什么问题？"),
        (ASK, "Will it be reversed or refunded, and when?", "能否撤销或退款？什么时候？"),
    ],
    CaseCategory.SCAM: [
        (HAVE, "The scammer's numbers, accounts and addresses", "骗子的电话、账号和地址"),
        (HAVE, "Transaction hashes of what was sent", "被转走资金的交易哈希"),
        (HAVE, "Police report number, if you have one", "报警回执编号（如有）"),
        (ASK, "Can you freeze the receiving accounts or addresses?", "能否冻结收款账户或地址？"),
        (ASK, "What reference should I give the police?", "我应向警方提供哪个参考编号？"),
    ],
    CaseCategory.CARD: [
        (HAVE, "Last four digits of the card", "银行卡后四位"),
        (HAVE, "Date, amount and description of the charge", "扣款的日期、金额和描述"),
        (ASK, "Has the charge been reversed, and what is the dispute reference?",
         "扣款是否已撤回？争议编号是什么？"),
    ],
    CaseCategory.FEES: [
        (HAVE, "The fee charged and the transaction it was charged on", "被收取的费用及对应交易"),
        (ASK, "Which published fee schedule applies?", "适用哪一份公开的费率表？"),
        (ASK, "Will the fee be refunded?", "费用能否退还？"),
    ],
    CaseCategory.SECURITY: [
        (HAVE, "Time of the suspicious activity and the e-mails you received",
         "可疑活动的时间和收到的邮件"),
        (ASK, "Which devices and IP addresses logged in?", "有哪些设备和 IP 登录过？"),
        (ASK, "Are withdrawals blocked on the account now?", "账户现在是否已禁止提现？"),
    ],
    CaseCategory.REFUND: [
        (HAVE, "Order ID or transaction hash of the payment to be refunded",
         "需要退款的那笔付款的订单号或交易哈希"),
        (HAVE, "Amount, asset and date of the original payment", "原付款的金额、币种和日期"),
        (HAVE, "When the refund was requested or promised, and its reference",
         "申请退款或对方承诺退款的时间及编号"),
        (ASK, "Has the refund been issued, and what is its reference?",
         "退款是否已经发出？退款编号是什么？"),
        (ASK, "To which account or address will it be paid, and by what date?",
         "退款会退到哪个账户或地址？最晚什么时候到账？"),
    ],
    CaseCategory.ACCOUNT_HACKED: [
        (HAVE, "When you lost access or noticed activity that was not yours",
         "你无法登录或发现非本人操作的时间"),
        (HAVE, "Alert e-mails and messages (new login, password or phone changed)",
         "收到的提醒邮件和短信（新设备登录、密码或手机号被改）"),
        (HAVE, "Transaction hashes and amounts of withdrawals you did not make",
         "非本人提现的交易哈希和金额"),
        (ASK, "Can you freeze the account and block all withdrawals now?",
         "能否立即冻结账户并禁止一切提现？"),
        (ASK, "Which devices and IP addresses logged in, and what was changed?",
         "有哪些设备和 IP 登录过？改动了哪些设置？"),
        (ASK, "How do I get the account back through the official app or site?",
         "如何通过官方 App 或网站找回账户？"),
        (ASK, "Can the receiving addresses be flagged or the funds traced?",
         "能否标记收款地址或追踪被转走的资金？"),
    ],
    CaseCategory.OTHER: [
        (ASK, "Who handles this, and how do I reach them again?", "由谁处理？之后怎么再联系？"),
    ],
}


def suggestions(category: CaseCategory, language: str = "en",
                account_id: str | None = None) -> list[tuple[str, str]]:
    """(kind, text) items suggested for a case of `category`, in `language` (en or zh…)."""
    chinese = (language or "en").lower().replace("-", "_").startswith("zh")
    account = (f"：{account_id}" if chinese else f": {account_id}") if account_id else ""
    entries = _FIRST + _BY_CATEGORY.get(category, []) + _LAST
    return [(kind, (zh if chinese else en).format(account=account)) for kind, en, zh in entries]
