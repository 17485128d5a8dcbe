"""The case file's words for the dispute (issue 16): the complaint's stages and deadlines, the
money, the transactions and the wallet addresses, in English and Simplified Chinese; merged
into pdf_labels.LABELS and WORDS."""
from __future__ import annotations

DISPUTE_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "dispute": "The complaint and the money",
        "jurisdiction": "Jurisdiction",
        "stages": "Complaint stages", "stage": "Stage", "on": "On", "how": "How",
        "reference": "Reference", "to_whom": "To", "no_stages": "No formal complaint was "
        "recorded.",
        "deadlines": "Deadlines", "deadline": "Deadline", "whose": "Whose", "from": "From",
        "due_on": "Due", "state": "State", "rule": "Rule (source, checked)",
        "deadlines_note": "Counted by this program from the published rules named here, each "
                          "with the date it was checked; not legal advice.",
        "whose_platform": "the platform must answer", "whose_you": "the complainant must act",
        "no_limit": "no limit yet",
        "money": "Money at stake", "amount": "Amount", "network": "Network",
        "fiat": "Value", "fiat_value": "{amount} {currency} on {date}",
        "transactions": "Transactions", "tx_hash": "Transaction id", "from_to": "From → to",
        "wallets": "Wallet addresses", "address": "Address", "label": "Label", "owner": "Whose",
        "void_mark": "VOID: {reason}",
        "fitted": "To fit an upload limit of {mb} MB, the pictures in this PDF were resampled "
                  "to at most {dpi} dpi and JPEG-compressed. The evidence bundle and the "
                  "journal keep the originals; Appendix A gives each original's SHA-256.",
    },
    "zh_CN": {
        "dispute": "投诉与涉及金额",
        "jurisdiction": "适用地区",
        "stages": "投诉阶段", "stage": "阶段", "on": "日期", "how": "方式",
        "reference": "编号", "to_whom": "对象", "no_stages": "未记录正式投诉。",
        "deadlines": "期限", "deadline": "期限", "whose": "责任方", "from": "起",
        "due_on": "截止", "state": "状态", "rule": "规则（来源、核对日期）",
        "deadlines_note": "由本程序依据此处列出的已公布规则计算，每条均注明核对日期；不构成法律意见。",
        "whose_platform": "平台须答复", "whose_you": "投诉人须行动",
        "no_limit": "尚无期限",
        "money": "涉及金额", "amount": "金额", "network": "网络",
        "fiat": "价值", "fiat_value": "{date}：{amount} {currency}",
        "transactions": "交易", "tx_hash": "交易 ID", "from_to": "发送方 → 接收方",
        "wallets": "钱包地址", "address": "地址", "label": "标签", "owner": "所属",
        "void_mark": "已作废：{reason}",
        "fitted": "为符合 {mb} MB 的上传限制，本 PDF 中的图片已重新采样至最高 {dpi} dpi 并以 "
                  "JPEG 压缩。证据包和日志保留原件；附录 A 列出每个原件的 SHA-256。",
    },
}

DISPUTE_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "complaint": "formal complaint", "holding-reply": "holding reply",
        "final-response": "final response", "escalation": "escalation",
        "ombudsman": "ombudsman", "regulator": "regulator", "card-issuer": "card issuer",
        "police": "police", "data-access": "data access request",
        "payment": "payment", "web-form": "web form", "letter": "letter",
        "in-person": "in person", "running": "running", "due-soon": "due soon",
        "met": "met", "late": "met late", "open": "open now",
        "mine": "the complainant's", "theirs": "the other side's",
        "uk": "United Kingdom", "eu": "European Union", "us": "United States",
        "hk": "Hong Kong", "cn": "Mainland China", "cards": "card schemes",
    },
    "zh_CN": {
        "complaint": "正式投诉", "holding-reply": "暂缓答复", "final-response": "最终答复",
        "escalation": "升级投诉", "ombudsman": "申诉专员", "regulator": "监管机构",
        "card-issuer": "发卡行", "police": "警方", "data-access": "数据查阅请求",
        "payment": "支付", "web-form": "网页表单", "letter": "信函", "in-person": "当面",
        "running": "进行中", "due-soon": "即将到期", "met": "已按时完成", "late": "逾期完成",
        "open": "现可办理", "mine": "投诉人的", "theirs": "对方的",
        "uk": "英国", "eu": "欧盟", "us": "美国", "hk": "香港", "cn": "中国大陆",
        "cards": "银行卡组织",
    },
}
