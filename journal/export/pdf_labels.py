"""The case file's words in English and Simplified Chinese, and how it writes times.

The window's Qt translations serve the window; the export must also work from the
CLI without them, so its labels live here, one dict per language.
"""
from __future__ import annotations

from datetime import datetime, timezone

LANGUAGES = ("en", "zh_CN")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "case_file": "Case file: dispute with customer support",
        "platform": "Platform", "account": "Account", "category": "Category",
        "status": "Status", "opened": "Opened", "last_contact": "Last contact",
        "entries": "Entries", "exhibits_count": "Exhibits", "exported_by": "Exported by",
        "exported_at": "Exported at", "none": "—", "not_given": "not given",
        "chain_head": "Hash-chain head of this case",
        "chain_note": "SHA-256 fingerprint of the case's {n} recorded changes at the moment "
                      "of export. Appendix C says what it proves and how to check it.",
        "signing_key": "Signed by the journal key",
        "signing_note": "This PDF carries a digital signature by the key of the journal it "
                        "was exported from; a PDF reader shows whether it changed since.",
        "redacted": "Secrets were removed before export: {what}. "
                    "The journal itself keeps the user's text.",
        "contents": "Contents", "page_ref": "page {n}",
        "summary": "Summary", "days_open": "Days open",
        "days_open_value": "{days} (opened {opened}; exported {exported})",
        "contacts": "Contacts by channel", "contacts_total": "{n} in all",
        "failed": "Failed attempts",
        "failed_value": "{n} (no answer, busy, dropped, queue timeout or wrong number)",
        "call_time": "Time on answered calls", "wait_time": "Time waiting (queues, holds)",
        "promises_line": "Promises", "promises_value": "{made} made · {kept} kept · "
                                                        "{broken} broken · {overdue} overdue · "
                                                        "{pending} not yet due",
        "references": "Reference numbers", "kind": "Kind", "value": "Value",
        "first_entry": "Entry", "no_references": "No reference numbers were given.",
        "promises": "Promises", "who": "Who", "what": "What", "made": "Made",
        "due": "Due", "no_promises": "No promises were recorded.",
        "unknown_agent": "(name not given)",
        "chronology": "Chronology",
        "chronology_note": "Entries in the order things happened. Times are as the user "
                           "recorded them, with their offset from UTC; \"recorded\" is when "
                           "the program saved the entry.",
        "channel": "Channel", "verified": "verified official channel",
        "unverified": "not a verified channel", "source": "source: {s}",
        "agent": "Agent", "time": "Time", "duration": "{m} on the line",
        "waited": "waited {m}", "notes": "Notes", "no_notes": "(no notes)",
        "recorded": "Recorded", "failed_attempt": "failed attempt: {o}",
        "amended": "Amended; the original text is in Appendix B.",
        "voided": "Voided by the user: {r} The entry is kept for the record and not "
                  "counted in the summary.",
        "no_reason": "(no reason given).", "by": "by {who}", "due_on": "due {when}",
        "exhibits": "Appendix A: Exhibits", "exhibit_refs": "Exhibits",
        "exhibit_from": "From {entry} · {type} · {size}",
        "exhibit_sha": "SHA-256", "not_shown": "This file is not shown here; it is in the "
                                               "evidence bundle under this exhibit number.",
        "not_image": "The image could not be read; the original file is in the evidence "
                     "bundle under this exhibit number.",
        "no_exhibits": "No files were attached to this case.",
        "continued": "continued: part {part} of {parts}",
        "appendix_b": "Appendix B: Earlier texts of amended entries",
        "appendix_b_note": "An amendment never erases: each earlier text is kept with the "
                           "time it was recorded and the reason given for changing it.",
        "no_amendments": "No entry was amended.",
        "earlier_text": "{entry}: text recorded {when}", "reason": "Reason for the change",
        "appendix_c": "Appendix C: Integrity: what this file proves and how to check it",
        "page_of": "Page {n} of {total}",
        "origin": "Origin", "the_signer": "the signer", "checked": " (checked {when})",
        "dkim.pass": "Signed by {d} (DKIM) and unchanged since it was signed{checked}.",
        "dkim.part_signed": "Only the first part of the body is signed: text may have been "
                            "added after it.",
        "dkim.unsigned_headers": "Not covered by the signature: {h}.",
        "dkim.fail": "The DKIM signature of {d} does not hold: {why}{checked}. The message "
                     "changed after it was signed, or the signature is not {d}'s.",
        "dkim.no-key": "{d} publishes no key for this DKIM signature{checked}, so it cannot "
                       "be verified.",
        "dkim.unsigned": "The message carries no DKIM signature.",
        "dkim.recheck.no-original": "Recorded as signed by {d} (DKIM), but the case holds no "
                                    "original e-mail to check it against: do not rely on it.",
        "dkim.recheck.not-holding": "Recorded as signed by {d} (DKIM), but the signature does "
                                    "not hold for the original kept in the journal: do not "
                                    "rely on it.",
        "dkim.recheck.text-differs": "Recorded as signed by {d} (DKIM), but this entry's text "
                                     "is not what the signed original says: do not rely on "
                                     "it.",
        "dkim.not-checked": "The DKIM signature was not checked.",
        "dkim.not-checked_why": "The DKIM signature was not checked: {why}.",
        "why.body-changed": "the body changed", "why.headers-changed": "a signed header changed",
        "why.headers-added": "a header was added above the signed one",
        "why.bad-signature": "the signature is not valid",
        "why.bad-key": "the published key is not valid", "why.expired": "the signature expired",
        "why.not-allowed": "no DNS look-up was allowed when it was imported",
        "why.no-network": "DNS could not be reached",
        "why.unsupported-key": "its type of key is not supported",
        "look-alike.sender": "The sender's domain {d} looks like {like}, a domain of {p}, but "
                             "is not it: a look-alike, as scams use.",
        "look-alike.link": "A link goes to {d}, which looks like {like}, a domain of {p}, but "
                           "is not it: a look-alike, as scams use.",
        "look-alike.signer": "It was signed by {d}, which looks like {like}, a domain of {p}, "
                             "but is not it: a look-alike, as scams use.",
        "reported-fake.sender": "The sender's domain {d} is that of a channel reported fake "
                                "for {p}.",
        "reported-fake.link": "A link goes to {d}, the domain of a channel reported fake for "
                              "{p}.",
        "reported-fake.signer": "It was signed by {d}, the domain of a channel reported fake "
                                "for {p}.",
        "unverified.sender": "The sender's domain {d} is that of a channel of {p} that is not "
                             "verified.",
        "unverified.link": "A link goes to {d}, the domain of a channel of {p} that is not "
                           "verified.",
        "unverified.signer": "It was signed by {d}, the domain of a channel of {p} that is not "
                             "verified.",
        "not-listed.sender": "The sender's domain {d} is not one of the domains the directory "
                             "lists for {p}.",
        "not-listed.link": "A link goes to {d}, which is not one of the domains the directory "
                           "lists for {p}.",
        "not-listed.signer": "It was signed by {d}, which is not one of the domains the "
                             "directory lists for {p}.",
        "first_contact": "{who} contacted the user first, as the export shows. Real support "
                         "answers a customer; it does not contact them first.",
        "not_compared": "The directory lists no website or e-mail address of {p}, so the "
                        "domains were not compared with the platform's.",
        "imported": "Imported e-mails and chats", "imported_value": "{n} ({which})",
        "imported_warned": "{n} with origin warnings ({which})",
        "imported_clean": "none with origin warnings",
        "h": "{h} h {m:02d} min", "min": "{m} min",
        "bytes": "{n} bytes", "kb": "{n:.1f} KB", "mb": "{n:.1f} MB",
    },
    "zh_CN": {
        "case_file": "案件档案：与客服的纠纷",
        "platform": "平台", "account": "账户", "category": "类别",
        "status": "状态", "opened": "立案时间", "last_contact": "最后联系",
        "entries": "记录条数", "exhibits_count": "证据", "exported_by": "导出人",
        "exported_at": "导出时间", "none": "—", "not_given": "未填写",
        "chain_head": "本案哈希链头",
        "chain_note": "导出时本案 {n} 条已记录变更的 SHA-256 指纹。附录 C 说明它能证明什么，"
                      "以及如何核对。",
        "signing_key": "签名所用的日志密钥",
        "signing_note": "本 PDF 带有导出它的日志的密钥所作的数字签名；PDF 阅读器会显示签名后"
                        "文件是否被改动。",
        "redacted": "导出前已删除机密信息：{what}。日志本身仍保留用户原文。",
        "contents": "目录", "page_ref": "第 {n} 页",
        "summary": "摘要", "days_open": "立案天数",
        "days_open_value": "{days} 天（立案 {opened}；导出 {exported}）",
        "contacts": "各渠道联系次数", "contacts_total": "共 {n} 次",
        "failed": "未成功的联系",
        "failed_value": "{n} 次（无人接听、占线、中断、排队超时或号码错误）",
        "call_time": "已接通通话时长", "wait_time": "等待时长（排队、保持）",
        "promises_line": "承诺", "promises_value": "共 {made} 项 · 已兑现 {kept} · "
                                                   "未兑现 {broken} · 已逾期 {overdue} · "
                                                   "未到期 {pending}",
        "references": "参考编号", "kind": "类型", "value": "编号",
        "first_entry": "记录", "no_references": "没有提供参考编号。",
        "promises": "承诺", "who": "承诺人", "what": "内容", "made": "作出时间",
        "due": "期限", "no_promises": "没有记录任何承诺。",
        "unknown_agent": "（未留姓名）",
        "chronology": "时间线",
        "chronology_note": "按事情发生的先后排列。时间为用户记录的时间，并注明与 UTC 的时差；"
                           "“记录于”是程序保存该条记录的时间。",
        "channel": "渠道", "verified": "已核实的官方渠道",
        "unverified": "未经核实的渠道", "source": "来源：{s}",
        "agent": "客服人员", "time": "时间", "duration": "通话 {m}",
        "waited": "等待 {m}", "notes": "记录内容", "no_notes": "（无记录内容）",
        "recorded": "记录于", "failed_attempt": "未成功：{o}",
        "amended": "已修改，原文见附录 B。",
        "voided": "已被用户作废：{r}该记录仍予保留，但不计入摘要。",
        "no_reason": "（未说明原因）。", "by": "承诺人：{who}", "due_on": "期限：{when}",
        "exhibits": "附录 A：证据", "exhibit_refs": "证据",
        "exhibit_from": "出自 {entry} · {type} · {size}",
        "exhibit_sha": "SHA-256", "not_shown": "此文件不在此处显示；证据包中以该证据编号保存原件。",
        "not_image": "无法读取该图片；证据包中以该证据编号保存原件。",
        "no_exhibits": "本案没有附件。",
        "continued": "续：第 {part} 部分，共 {parts} 部分",
        "appendix_b": "附录 B：修改前的原文",
        "appendix_b_note": "修改不会抹去原文：每一版旧文本都连同其记录时间和修改原因一并保留。",
        "no_amendments": "没有修改过的记录。",
        "earlier_text": "{entry}：{when} 记录的原文", "reason": "修改原因",
        "appendix_c": "附录 C：完整性——本档案能证明什么，如何核对",
        "page_of": "第 {n} 页，共 {total} 页",
        "origin": "来源核查", "the_signer": "签名方", "checked": "（核查于 {when}）",
        "dkim.pass": "由 {d} 签名（DKIM），签名后未被改动{checked}。",
        "dkim.part_signed": "签名只覆盖正文的前一部分：其后的文字可能是后来加上的。",
        "dkim.unsigned_headers": "以下邮件头不在签名范围内：{h}。",
        "dkim.fail": "{d} 的 DKIM 签名不成立：{why}{checked}。邮件在签名后被改动过，"
                     "或签名并非 {d} 所作。",
        "dkim.no-key": "{d} 没有公布该 DKIM 签名的密钥{checked}，因此无法验证。",
        "dkim.unsigned": "该邮件没有 DKIM 签名。",
        "dkim.recheck.no-original": "记录称由 {d} 签名（DKIM），但本案件中没有可供核对的原始邮件："
                                    "请勿采信。",
        "dkim.recheck.not-holding": "记录称由 {d} 签名（DKIM），但该签名对记录本中保存的原始邮件"
                                    "不成立：请勿采信。",
        "dkim.recheck.text-differs": "记录称由 {d} 签名（DKIM），但这条记录的内容与已签名的原始"
                                     "邮件不符：请勿采信。",
        "dkim.not-checked": "未核查 DKIM 签名。",
        "dkim.not-checked_why": "未核查 DKIM 签名：{why}。",
        "why.body-changed": "正文被改动过", "why.headers-changed": "已签名的邮件头被改动过",
        "why.headers-added": "已签名的邮件头上方被加了同名邮件头",
        "why.bad-signature": "签名无效", "why.bad-key": "公布的密钥无效",
        "why.expired": "签名已过期", "why.not-allowed": "导入时未允许查询 DNS",
        "why.no-network": "无法连接 DNS", "why.unsupported-key": "不支持其密钥类型",
        "look-alike.sender": "发件人的域名 {d} 看似 {p} 的域名 {like}，实则不是：这是诈骗常用的"
                             "仿冒域名。",
        "look-alike.link": "有链接指向 {d}，看似 {p} 的域名 {like}，实则不是：这是诈骗常用的"
                           "仿冒域名。",
        "look-alike.signer": "签名域名 {d} 看似 {p} 的域名 {like}，实则不是：这是诈骗常用的"
                             "仿冒域名。",
        "reported-fake.sender": "发件人的域名 {d} 属于一个被举报为假冒 {p} 的渠道。",
        "reported-fake.link": "有链接指向 {d}，该域名属于一个被举报为假冒 {p} 的渠道。",
        "reported-fake.signer": "签名域名 {d} 属于一个被举报为假冒 {p} 的渠道。",
        "unverified.sender": "发件人的域名 {d} 属于 {p} 的一个未经核实的渠道。",
        "unverified.link": "有链接指向 {d}，该域名属于 {p} 的一个未经核实的渠道。",
        "unverified.signer": "签名域名 {d} 属于 {p} 的一个未经核实的渠道。",
        "not-listed.sender": "发件人的域名 {d} 不在平台目录所列的 {p} 域名之中。",
        "not-listed.link": "有链接指向 {d}，该域名不在平台目录所列的 {p} 域名之中。",
        "not-listed.signer": "签名域名 {d} 不在平台目录所列的 {p} 域名之中。",
        "first_contact": "导出记录显示，是 {who} 先联系了用户。真正的客服只会答复客户，不会主动"
                         "先联系。",
        "not_compared": "平台目录中没有 {p} 的网站或电子邮件地址，因此未将这些域名与该平台的"
                        "域名比对。",
        "imported": "导入的邮件和聊天", "imported_value": "{n} 条（{which}）",
        "imported_warned": "其中 {n} 条来源有警告（{which}）",
        "imported_clean": "来源均无警告",
        "h": "{h} 小时 {m:02d} 分钟", "min": "{m} 分钟",
        "bytes": "{n} 字节", "kb": "{n:.1f} KB", "mb": "{n:.1f} MB",
    },
}

# The words the journal stores (enum values), as the reader should see them.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "call": "call", "chat": "chat", "email": "email", "in-app": "in-app message",
        "social": "social media", "letter": "letter", "phone": "phone",
        "web-form": "web form",
        "answered": "answered", "no-answer": "no answer", "busy": "busy",
        "dropped": "dropped", "queue-timeout": "queue timeout", "wrong-number": "wrong number",
        "open": "open", "waiting": "waiting for the platform", "escalated": "escalated",
        "resolved": "resolved", "closed": "closed",
        "withdrawal": "withdrawal", "deposit": "deposit", "account-frozen": "account frozen",
        "verification": "verification", "transaction": "transaction", "scam": "scam",
        "card": "card", "fees": "fees", "security": "security", "refund": "refund",
        "account-hacked": "account hacked", "other": "other",
        "ticket": "ticket", "case": "case", "chat-id": "chat ID", "tx-hash": "transaction hash",
        "withdrawal-id": "withdrawal ID", "order-id": "order ID",
        "pending": "not yet due", "kept": "kept", "broken": "broken",
        "cancelled": "cancelled", "overdue": "OVERDUE",
        "official-site": "official website", "official-social": "official social account",
        "community": "community report",
        "seed phrase": ("seed phrase", "seed phrases"),
        "private key": ("private key", "private keys"),
        "extended private key": ("extended private key", "extended private keys"),
        "one-time code": ("one-time code", "one-time codes"),
        "2FA setup key": ("2FA setup key", "2FA setup keys"),
        "backup code": ("backup code", "backup codes"),
        "password": ("password", "passwords"),
    },
    "zh_CN": {
        "call": "电话", "chat": "在线聊天", "email": "电子邮件", "in-app": "应用内消息",
        "social": "社交媒体", "letter": "信件", "phone": "电话", "web-form": "网页表单",
        "answered": "已接通", "no-answer": "无人接听", "busy": "占线", "dropped": "通话中断",
        "queue-timeout": "排队超时", "wrong-number": "号码错误",
        "open": "处理中", "waiting": "等待平台答复", "escalated": "已升级投诉",
        "resolved": "已解决", "closed": "已关闭",
        "withdrawal": "提现", "deposit": "充值", "account-frozen": "账户冻结",
        "verification": "身份验证", "transaction": "交易", "scam": "诈骗", "card": "银行卡",
        "fees": "费用", "security": "账户安全", "refund": "退款",
        "account-hacked": "账户被盗", "other": "其他",
        "ticket": "工单号", "case": "案件号", "chat-id": "聊天编号", "tx-hash": "交易哈希",
        "withdrawal-id": "提现编号", "order-id": "订单号",
        "pending": "未到期", "kept": "已兑现", "broken": "未兑现", "cancelled": "已取消",
        "overdue": "已逾期",
        "official-site": "官方网站", "official-social": "官方社交账号",
        "community": "社区报告",
        "seed phrase": "助记词", "private key": "私钥", "extended private key": "扩展私钥",
        "one-time code": "一次性验证码",
        "2FA setup key": "双重验证密钥", "backup code": "备用码", "password": "密码",
    },
}

# Appendix C, paragraph by paragraph: headings start with "## ", commands with "$ ".
INTEGRITY: dict[str, list[str]] = {
    "en": [
        "## How the records are kept",
        "The journal never rewrites a record silently. Each entry, each amendment and each "
        "voiding is added to a hash chain when it is recorded: a SHA-256 hash over the record "
        "and over the hash before it. The last hash, the chain head printed on the cover, "
        "therefore depends on every record of this case and on their order. Each field of a "
        "record is hashed with a random salt of its own, so a field that held a secret can be "
        "left out of the export and the rest of its record still be checked.",
        "## What is proven by this file",
        "This PDF is signed with the key of the journal that exported it (its fingerprint is "
        "on the cover). A PDF reader shows whether the file changed after it was signed; the "
        "certificate is the journal's own, so the reader calls it not trusted. The evidence "
        "bundle's manifest is signed by the same key, and the case's chain, which introduces "
        "that key, recomputes up to the chain head on the cover.",
        "## What it does not prove",
        "The journal is kept by the user on their own computer. Anyone holding its passphrase "
        "could make a new journal, and a new, self-consistent chain and signature, today. The "
        "records were not altered after they were recorded, and this file comes from the "
        "journal that holds them, only to someone who received the chain head or the key's "
        "fingerprint earlier, for instance because the user sent it to the platform, to a "
        "regulator or to themselves by email on a given date, and who compares it now. "
        "Amendments are not hidden: earlier texts are in Appendix B. Nothing here proves that "
        "what the notes say is true, nor that the times the user entered are right; the "
        "\"recorded\" times come from the user's computer clock.",
        "## The evidence bundle and its manifest",
        "The evidence bundle (a ZIP file) holds this PDF, case.json, the exhibit files, the "
        "case's chain, MANIFEST.sha256, which lists the SHA-256 of every file, and the "
        "manifest's signature. The SHA-256 of each exhibit is also printed in Appendix A, so "
        "a paper copy of this file can be checked against the originals.",
        "## How to check",
        "With the Support Journal program, which checks every file, both signatures, the "
        "hash chain and every fact of case.json against it:",
        "$ journal verify FILE.zip",
        "Without it: unzip the bundle and, in its folder, run the two commands below; every "
        "line of the first must end in OK, the second must say \"Good signature\".",
        "$ sha256sum -c MANIFEST.sha256",
        "$ ssh-keygen -Y verify -f allowed_signers -I support-journal -n support-journal "
        "-s MANIFEST.sha256.sig < MANIFEST.sha256",
        "Then compare the chain head and the key fingerprint on the cover with the copies "
        "sent earlier, if there are any.",
    ],
    "zh_CN": [
        "## 记录如何保存",
        "本日志从不悄悄改写记录。每条记录、每次修改、每次作废在保存时都会加入一条哈希链："
        "对该记录及其前一个哈希值计算 SHA-256。最后一个哈希值，即封面上的“哈希链头”，"
        "因此取决于本案的每一条记录及其先后顺序。记录的每个字段都用各自的随机盐计算哈希，"
        "因此含有机密的字段可以不导出，而该记录的其余部分仍可核对。",
        "## 本文件能证明什么",
        "本 PDF 由导出它的日志的密钥签名（指纹见封面）。PDF 阅读器会显示签名后文件是否被改动；"
        "证书是日志自己的，因此阅读器会称其“不受信任”。证据包的清单由同一密钥签名，本案的哈希链"
        "引入了该密钥，并可重新计算到封面上的链头。",
        "## 它不能证明什么",
        "日志由用户保存在自己的电脑上。任何持有其密码的人今天都可以另建日志，另造一条自洽的链"
        "和签名。只有较早时已收到链头或密钥指纹的人（例如用户在某日把它发给了平台、监管机构或"
        "用电子邮件发给自己），现在加以比对，才能确认记录在记录之后未被改动、且本文件来自保存"
        "这些记录的日志。修改不会被隐藏：旧文本见附录 B。它也不能证明记录内容属实，或用户填写的"
        "时间准确；“记录于”的时间来自用户电脑的时钟。",
        "## 证据包及其清单",
        "证据包（ZIP 文件）包含本 PDF、case.json、证据文件、本案的哈希链、列出每个文件 SHA-256 "
        "的 MANIFEST.sha256 以及清单的签名。每件证据的 SHA-256 也印在附录 A 中，纸质副本同样可以"
        "与原件核对。",
        "## 如何核对",
        "使用客服记录本（Support Journal）程序（核对每个文件、两个签名、哈希链，以及 case.json 的每项事实）：",
        "$ journal verify FILE.zip",
        "不使用该程序：解压证据包，在其文件夹中运行以下两条命令；第一条的每一行都应以 OK 结尾，"
        "第二条应显示 “Good signature”。",
        "$ sha256sum -c MANIFEST.sha256",
        "$ ssh-keygen -Y verify -f allowed_signers -I support-journal -n support-journal "
        "-s MANIFEST.sha256.sig < MANIFEST.sha256",
        "如有较早发出的链头或密钥指纹副本，再将其与封面上的比对。",
    ],
}


from .pdf_labels_dispute import DISPUTE_LABELS, DISPUTE_WORDS  # noqa: E402  (merged)
from .pdf_labels_reading import READING_LABELS  # noqa: E402  (merged into LABELS)

for _language in LANGUAGES:
    LABELS[_language].update(READING_LABELS[_language])
    LABELS[_language].update(DISPUTE_LABELS[_language])
    for _key, _word in DISPUTE_WORDS[_language].items():
        WORDS[_language].setdefault(_key, _word)


class Words:
    """Labels and values in one language, and the case file's way of writing times."""

    def __init__(self, language: str):
        self.language = language
        self.labels = LABELS[language]
        self.words = WORDS[language]

    def __call__(self, key: str, **values) -> str:
        return self.labels[key].format(**values) if values else self.labels[key]

    def word(self, value: str | None) -> str:
        if not value:
            return self.labels["none"]
        found = self.words.get(value, value)
        return found[0] if isinstance(found, tuple) else found

    def count_of(self, kind: str, n: int) -> str:
        """'1 seed phrase', '2 private keys'; '助记词 1 处'."""
        found = self.words.get(kind, kind)
        if self.language == "zh_CN":
            return f"{found} {n} 处"
        if isinstance(found, tuple):
            return f"{n} {found[0] if n == 1 else found[1]}"
        return f"{n} {found}"

    def minutes(self, total: float | None) -> str:
        m = int(round(total or 0))
        if m < 60:
            return self("min", m=m)
        return self("h", h=m // 60, m=m % 60)

    def size(self, n: int) -> str:
        if n < 1024:
            return self("bytes", n=n)
        if n < 1024 * 1024:
            return self("kb", n=n / 1024)
        return self("mb", n=n / (1024 * 1024))

    def separator(self) -> str:
        return "；" if self.language == "zh_CN" else "; "

    def listing(self, items) -> str:
        return ("、" if self.language == "zh_CN" else ", ").join(items)

    def between_sentences(self) -> str:
        return "" if self.language == "zh_CN" else " "

    def colon(self) -> str:
        return "：" if self.language == "zh_CN" else ": "

    def parenthesised(self, text: str) -> str:
        return f"（{text}）" if self.language == "zh_CN" else f" ({text})"


def when(text: str | None, *, date_only: bool = False) -> str:
    """'2026-11-20 14:02 (UTC+01:00)': unambiguous in every language and locale."""
    if not text:
        return "—"
    try:
        t = datetime.fromisoformat(text)
    except ValueError:
        return text
    if date_only:
        return t.strftime("%Y-%m-%d")
    shown = t.strftime("%Y-%m-%d %H:%M")
    return f"{shown} ({offset(t)})" if t.tzinfo else shown


def utc(text: str | None) -> str:
    """'2026-12-02 10:00 UTC': a time the program took (a DKIM check), in UTC."""
    try:
        t = datetime.fromisoformat(text) if text else None
    except ValueError:
        return text or ""
    if t is None:
        return ""
    if t.tzinfo is not None:
        t = t.astimezone(timezone.utc)
    return t.strftime("%Y-%m-%d %H:%M UTC")


def clock(text: str | None) -> str:
    """Just the time of day, for the end of an interaction that began the same day."""
    try:
        return datetime.fromisoformat(text).strftime("%H:%M") if text else ""
    except ValueError:
        return text or ""


def same_day(a: str | None, b: str | None) -> bool:
    try:
        return bool(a and b) and datetime.fromisoformat(a).date() == \
            datetime.fromisoformat(b).date()
    except ValueError:
        return False


def offset(t: datetime) -> str:
    delta = t.utcoffset()
    seconds = int(delta.total_seconds()) if delta is not None else 0
    sign = "+" if seconds >= 0 else "-"
    seconds = abs(seconds)
    return f"UTC{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
