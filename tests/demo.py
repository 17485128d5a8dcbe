"""A small, realistic journal for screenshots and for looking at the window by hand."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from journal.service import NewAttachment, NewPromise

CST = timezone(timedelta(hours=8))
CET = timezone(timedelta(hours=1))


def _at(days_ago: float, hour: int, minute: int = 0, tz=CET) -> str:
    day = datetime.now(tz) - timedelta(days=days_ago)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0).isoformat()


def _png(width: int = 360, height: int = 220) -> bytes:
    """A screenshot-like image made with Qt (a chat bubble with a reference number)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f6f8"))
    p = QPainter(image)
    p.setBrush(QColor("#ffffff"))
    p.setPen(QColor("#d0d7de"))
    p.drawRoundedRect(QRect(16, 20, width - 32, 80), 12, 12)
    p.drawRoundedRect(QRect(60, 120, width - 76, 70), 12, 12)
    p.setPen(QColor("#24292f"))
    p.setFont(QFont("Sans", 10))
    p.drawText(QRect(28, 28, width - 56, 64), Qt.TextFlag.TextWordWrap,
               "Support: your withdrawal WD-88213 is under review by our risk team.")
    p.drawText(QRect(72, 128, width - 100, 54), Qt.TextFlag.TextWordWrap,
               "Me: it has been 6 days. When will it be released?")
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def populate(j) -> dict:
    """Fill an empty, open journal; return the ids worth showing."""
    binance = j.add_platform("Binance", kind="exchange", website="https://www.binance.com",
                             help_url="https://www.binance.com/en/support",
                             status_url="https://www.binance.com/en/support/announcement",
                             support_hours="24/7 chat; phone Mon-Fri 09:00-18:00",
                             time_zone="Asia/Singapore", languages=["en", "zh-CN"],
                             countries=["US", "SG", "GB"])
    okx = j.add_platform("OKX", kind="exchange", website="https://www.okx.com")
    j.add_platform("MetaMask", kind="wallet", website="https://metamask.io")
    j.add_platform("火币 HTX", kind="exchange", website="https://www.htx.com")
    phone = j.add_channel(binance.name, kind="phone", value="+1 888 908 1234",
                          source="official-site",
                          source_url="https://www.binance.com/en/support", languages=["en"])
    j.add_channel(binance.name, kind="chat", value="In-app live chat", source="in-app",
                  languages=["en", "zh"])
    j.add_channel(okx.name, kind="email", value="support@okx.com", source="official-site",
                  source_url="https://www.okx.com/help")
    j.add_channel("火币 HTX", kind="chat", value="App 在线客服", source="in-app", languages=["zh"])
    # A number that "support" called the user from: the kind of line the warnings are for.
    j.add_channel(binance.name, kind="phone", value="+44 20 7946 0321", source="community",
                  status="reported-fake", last_checked=_at(2, 9, 0)[:10])

    stuck = j.open_case(binance.name, "Withdrawal of 2.4 ETH stuck since Monday",
                        category="withdrawal", account_id="UID 31415926",
                        opened_at=_at(6, 9, 10))
    j.log(stuck.id, kind="call", outcome="no-answer", channel_id=phone.id,
          start=_at(6, 9, 15), end=_at(6, 9, 45), wait_minutes=30,
          notes="Queue message said 'high call volume', then the line dropped.")
    txid_item = next(i for i in j.checklist(stuck.id) if "TXID" in i.text)
    j.log(stuck.id, kind="call", channel_id=phone.id, start=_at(5, 14, 2), end=_at(5, 14, 31),
          answered=[txid_item.id],
          wait_minutes=11, agent="Alice Wong", language="en",
          notes="Alice confirmed the withdrawal WD-88213 is under review by the risk team. "
                "She said I do not need to do anything and must not share my 2FA codes.",
          references=["ticket:CS-20261119-7781", "withdrawal-id:WD-88213"],
          promises=[NewPromise("Email an update on the review", _at(3, 17, 0))])
    chat = j.log(stuck.id, kind="chat", start=_at(3, 10, 5), end=_at(3, 10, 40),
                 agent="Ken", language="en",
                 notes="Chat transcript:\nKen: The review is complete; the funds will be "
                       "released within 3 business days.\nMe: Please confirm by email.",
                 references=["chat-id:LC-449120"],
                 promises=[NewPromise("Release the 2.4 ETH withdrawal", _at(-1, 18, 0))],
                 attachments=[NewAttachment("chat-screenshot.png", "image/png", data=_png())])
    j.amend(chat.id, reason="Added what Ken said about the email",
            notes="Chat transcript:\nKen: The review is complete; the funds will be released "
                  "within 3 business days.\nMe: Please confirm by email.\nKen: An email "
                  "confirmation will follow today.")
    j.set_case_status(stuck.id, "waiting")

    frozen = j.open_case("火币 HTX", "账户被冻结，无法提现", category="account-frozen",
                         account_id="UID 20231188", opened_at=_at(12, 20, 0, CST),
                         checklist_language="zh_CN")
    j.log(frozen.id, kind="chat", start=_at(12, 20, 5, CST), end=_at(12, 20, 50, CST),
          agent="客服小林", language="zh",
          notes="客服说账户因风控审核被冻结，需要补充资金来源证明。退款将在审核后处理。",
          references=["ticket:HTX-5521903"],
          promises=[NewPromise("三个工作日内回复审核结果", _at(8, 20, 0, CST))])
    j.log(frozen.id, kind="call", outcome="busy", start=_at(7, 9, 0, CST), end=_at(7, 9, 2, CST),
          notes="电话一直占线。")
    broken = j.promises(case_id=frozen.id)[0]
    j.set_promise(broken.id, "broken")

    fee = j.open_case(okx.name, "Unexpected fee on a USDT transfer", category="fees",
                      opened_at=_at(20, 11, 0))
    j.log(fee.id, kind="email", start=_at(20, 11, 30), agent="OKX Support",
          notes="Asked why a 25 USDT fee was charged on a TRC-20 transfer.",
          references=["ticket:OKX-99120"],
          promises=[NewPromise("Refund the fee if charged in error", _at(15, 12, 0))])
    kept = j.promises(case_id=fee.id)[0]
    j.set_promise(kept.id, "kept")
    j.set_case_status(fee.id, "resolved")
    return {"case": stuck.id, "chinese_case": frozen.id, "phone": phone.id}
