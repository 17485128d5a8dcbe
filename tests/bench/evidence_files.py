"""The files the evidence-import bench (evidence_import.py) reads, made from a fixed seed:

  make_mbox      an .mbox as Google Takeout writes it: 1,000 support e-mails in threads
                 (X-GM-THRID, References, In-Reply-To), plain, plain + HTML and HTML-only,
                 Chinese bodies (UTF-8 and GB2312, base64 and quoted-printable), encoded-word
                 headers and RFC 2231 file names, quoted replies, ">From " escapes, 20 % of the
                 messages with base64 attachments (PDFs and PNGs of random bytes), 100 MB in all
  make_telegram  a Telegram Desktop export of one chat: result.json of 20,000 messages (text
                 and entities, links, replies, edits, calls, photos left out) and a few photos
                 beside it
"""
from __future__ import annotations

import base64
import json
import quopri
import random
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote

SEED = 14
MBOX_MESSAGES = 1_000
MBOX_BYTES = 100 * 10**6
ATTACHED_SHARE = 0.20
TELEGRAM_MESSAGES = 20_000


# -- the mbox ------------------------------------------------------------------------------

PLATFORMS = (("Binance Support", "support@binance.com", "help.binance.com", "币安客服"),
             ("OKX Customer Service", "support@okx.com", "okx.zendesk.com", "欧易客服"),
             ("Kraken Support", "support@kraken.com", "support.kraken.com", "Kraken 客服"),
             ("Bybit Help Center", "help@bybit.com", "bybit.zendesk.com", "Bybit 帮助中心"))
USERS = (("Li Wei", "li.wei@example.org", "李伟"), ("Zhang Min", "zhang.min@example.net", "张敏"))
TOPICS_EN = ("Withdrawal not received", "Account frozen after login", "Deposit missing",
             "Verification stuck at level 2", "Refund of failed P2P order",
             "Unauthorized API key", "Two-factor reset request", "Wrong network deposit")
TOPICS_ZH = ("提现未到账", "账户被冻结", "充值未到账", "身份认证卡住", "P2P 订单退款",
             "资金被盗", "二次验证重置", "充错网络")
EN_LINES = ("Thank you for contacting us about your case.",
            "Your withdrawal is being reviewed by our risk team and should complete within "
            "24 hours.",
            "Please provide a screenshot of the transaction and the TxID.",
            "We are sorry for the inconvenience this has caused.",
            "I withdrew 0.5 BTC on Monday and it still has not arrived in my wallet.",
            "From our side the transfer shows as completed.",
            "Could you please escalate this? It has been a week.",
            "For your security, never share your password or verification codes.",
            "The order was cancelled but the funds were not returned to my account.",
            "Attached is the bank statement showing the payment.")
ZH_LINES = ("您好，感谢您联系我们的客服团队。", "您的提现正在由风控团队审核，预计24小时内完成。",
            "请提供交易截图和交易哈希。", "给您带来的不便我们深表歉意。",
            "我周一提现了0.5个比特币，到现在还没有到账。", "订单已取消，但资金没有退回我的账户。",
            "请尽快帮我处理，已经一个星期了。", "为了您的账户安全，请勿向任何人透露密码或验证码。",
            "附件是银行流水，显示付款已完成。", "您的工单已升级，我们会尽快回复您。")


class _Mail:
    """One message of the mbox while it is made: its header lines, body, attachment sizes."""

    def __init__(self, when: datetime, thrid: str, gm_id: int):
        self.when, self.thrid, self.gm_id = when, thrid, gm_id
        self.headers: list[str] = []
        self.body = b""           # the whole body of a message without attachments
        self.parts: list[bytes] = []   # the text part(s) when it has attachments
        self.files: list[tuple[str, str, float]] = []   # (filename, type, weight)
        self.boundary = ""


def _encoded(text: str, charset: str = "utf-8") -> str:
    """A header's words as an encoded-word when they are not ASCII (what mail clients write)."""
    if text.isascii():
        return text
    return Header(text, charset).encode()


def _address(name: str, addr: str, rng: random.Random) -> str:
    if name.isascii():
        return f'"{name}" <{addr}>' if rng.random() < 0.3 else f"{name} <{addr}>"
    return f"{_encoded(name, rng.choice(('utf-8', 'gb2312')))} <{addr}>"


def _text(rng: random.Random, zh: bool, lines: int) -> list[str]:
    pool = ZH_LINES if zh else EN_LINES
    out = [rng.choice(pool) for _ in range(lines)]
    if rng.random() < 0.3:
        out.append(f"Ticket #{rng.randint(100000, 999999)}, TxID "
                   f"{rng.getrandbits(128):032x}, see https://{rng.choice(PLATFORMS)[2]}/hc/"
                   f"requests/{rng.randint(1000, 9999)}")
    if rng.random() < 0.05:
        out.append("From what I can see the deposit was credited.")   # escaped in the mbox
    return out


def _html(lines: list[str], quoted: list[str]) -> str:
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    if quoted:
        body += "<blockquote>" + "<br>\n".join(quoted) + "</blockquote>\n"
    return ('<html><head><style>p{margin:0}</style></head><body><div dir="ltr">\n'
            f'{body}<p>Regards,<br><a href="https://www.binance.com/en/support">Support</a>'
            "</p></div></body></html>")


def _part(content_type: str, text: str, charset: str, encoding: str) -> bytes:
    raw = text.encode(charset)
    if encoding == "base64":
        payload = base64.encodebytes(raw)
    elif encoding == "quoted-printable":
        payload = quopri.encodestring(raw)
    else:
        payload = raw
    if not payload.endswith(b"\n"):
        payload += b"\n"
    return (f"Content-Type: {content_type}; charset={charset}\n"
            f"Content-Transfer-Encoding: {encoding}\n\n").encode() + payload


def _mails(rng: random.Random) -> list[_Mail]:
    mails: list[_Mail] = []
    start = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)
    thread = 0
    while len(mails) < MBOX_MESSAGES:
        thread += 1
        name, support, desk, zh_name = rng.choice(PLATFORMS)
        user, user_addr, user_zh = rng.choice(USERS)
        zh = rng.random() < 0.4
        ticket = rng.randint(1_000_000, 9_999_999)
        topic = rng.choice(TOPICS_ZH if zh else TOPICS_EN)
        subject = f"[#{ticket}] {topic}"
        thrid = str(1786000000000000000 + rng.getrandbits(48))
        when = start + timedelta(minutes=rng.randint(0, 330 * 24 * 60))
        ids: list[str] = []
        previous: list[str] = []
        previous_sender = ""
        for k in range(min(rng.randint(1, 8), MBOX_MESSAGES - len(mails))):
            when += timedelta(minutes=rng.randint(5, 3 * 24 * 60))
            m = _Mail(when, thrid, 1786000000000000000 + rng.getrandbits(52))
            from_support = k % 2 == 1 or (k == 0 and rng.random() < 0.3)
            offset = timezone(timedelta(hours=rng.choice((8, 8, 0, -5, 1))))
            own = (f"<{rng.getrandbits(64):x}.{ticket}@{desk}>" if from_support
                   else f"<CA+{rng.getrandbits(96):x}@mail.gmail.com>")
            sender = _address(zh_name if zh and rng.random() < 0.5 else name, support, rng) \
                if from_support else _address(user_zh if zh else user, user_addr, rng)
            to = _address(user, user_addr, rng) if from_support else _address(name, support, rng)
            h = [f"X-GM-THRID: {thrid}",
                 f"X-Gmail-Labels: {'Inbox,Opened' if from_support else 'Sent'}",
                 f"Received: from {desk} ({desk} [203.0.113.{rng.randint(1, 254)}])\n"
                 f"        by mx.google.com with ESMTPS id {rng.getrandbits(40):x}\n"
                 f"        for <{user_addr}>; {format_datetime(when)}"]
            if from_support:
                h.append(f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d={desk}; "
                         f"s=s1;\n        h=from:to:subject:date:message-id; "
                         f"bh={base64.b64encode(rng.randbytes(32)).decode()};\n        "
                         f"b={base64.b64encode(rng.randbytes(128)).decode()}")
            h += [f"From: {sender}", f"To: {to}",
                  f"Subject: {_encoded(('Re: ' if k else '') + subject)}",
                  f"Date: {format_datetime(when.astimezone(offset))}", f"Message-ID: {own}"]
            if ids:
                h.append(f"In-Reply-To: {ids[-1]}")
                h.append("References: " + "\n ".join(ids[-6:]))
            h.append("MIME-Version: 1.0")
            ids.append(own)
            lines = _text(rng, zh, rng.randint(2, 12))
            quoted = [f"> {line}" for line in previous][:20]
            m.headers = h
            charset = "gb2312" if zh and rng.random() < 0.3 else "utf-8"
            plain_lines = lines + ([f"On {format_datetime(when)}, {previous_sender} wrote:"]
                                   + quoted if quoted else [])
            plain = "\n".join(plain_lines) + "\n"
            kind = rng.random()
            if kind < 0.3:
                enc = "base64" if zh else rng.choice(("8bit", "quoted-printable"))
                parts = [_part("text/plain", plain, charset, enc)]
            elif kind < 0.8:
                html = _html(lines, [q[2:] for q in quoted])
                alt = f"alt-{rng.getrandbits(64):x}"
                enc = "base64" if zh else "quoted-printable"
                parts = [(f'Content-Type: multipart/alternative; boundary="{alt}"\n\n'
                          f"--{alt}\n").encode() + _part("text/plain", plain, charset, enc)
                         + f"\n--{alt}\n".encode()
                         + _part("text/html", html, "utf-8", "quoted-printable")
                         + f"\n--{alt}--\n".encode()]
            else:   # HTML only, as many help desks send
                parts = [_part("text/html", _html(lines, [q[2:] for q in quoted]), "utf-8",
                               rng.choice(("base64", "quoted-printable")))]
            m.parts = parts
            previous, previous_sender = lines, support if from_support else user_addr
            mails.append(m)
    for m in rng.sample(mails, int(MBOX_MESSAGES * ATTACHED_SHARE)):
        for n in range(1 if rng.random() < 0.7 else rng.randint(2, 3)):
            pdf = rng.random() < 0.5
            label = rng.choice((f"statement-{n + 1}", f"screenshot_{m.gm_id % 1000}",
                                f"银行流水{n + 1}", f"截图 {n + 1}"))
            m.files.append((label + (".pdf" if pdf else ".png"),
                            "application/pdf" if pdf else "image/png",
                            rng.lognormvariate(0, 0.8)))
        m.boundary = f"mixed-{rng.getrandbits(64):x}"
    return mails


def _file_headers(name: str, media: str, rng: random.Random) -> bytes:
    if name.isascii():
        disposition = f'attachment; filename="{name}"'
        typed = f'{media}; name="{name}"'
    elif rng.random() < 0.5:   # RFC 2231, as Thunderbird and Apple Mail write it
        disposition = f"attachment; filename*=utf-8''{quote(name)}"
        typed = f"{media}; name*=utf-8''{quote(name)}"
    else:                      # encoded words, as Outlook and many web mailers write it
        disposition = f'attachment; filename="{_encoded(name)}"'
        typed = f'{media}; name="{_encoded(name)}"'
    return (f"Content-Type: {typed}\nContent-Disposition: {disposition}\n"
            f"Content-Transfer-Encoding: base64\n\n").encode()


def _file_bytes(media: str, size: int, rng: random.Random) -> bytes:
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" if media == "application/pdf" else \
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return head + rng.randbytes(max(0, size - len(head)))


def _separator(m: _Mail) -> bytes:
    return f"From {m.gm_id}@xxx {m.when.strftime('%a %b %d %H:%M:%S +0000 %Y')}\n".encode()


def _escaped(body: bytes) -> bytes:
    return body.replace(b"\nFrom ", b"\n>From ")


def make_mbox(path: Path, seed: int = SEED) -> dict:
    """Write the mbox; what it holds."""
    rng = random.Random(seed)
    mails = _mails(rng)
    mails.sort(key=lambda m: (m.headers[1], m.when))   # Takeout: by label, then time
    texts = []
    for m in mails:
        head = ("\n".join(m.headers) + "\n").encode()
        if m.files:
            head += f'Content-Type: multipart/mixed; boundary="{m.boundary}"\n\n'.encode()
            body = f"--{m.boundary}\n".encode() + m.parts[0] + b"\n"
        else:
            body = m.parts[0]
            head += body[:body.index(b"\n\n") + 1]
            body = body[body.index(b"\n\n") + 1:]
        texts.append((_separator(m), head, _escaped(body)))
    fixed = sum(len(a) + len(b) + len(c) + 1 for a, b, c in texts)
    files = [(i, f) for i, m in enumerate(mails) for f in m.files]
    overhead = sum(len(_file_headers(f[0], f[1], random.Random(0))) + 80 for _, f in files)
    encoded_budget = MBOX_BYTES - fixed - overhead
    weight = sum(f[2] for _, f in files)
    sizes = [int(encoded_budget * f[2] / weight * 57 / 77) for _, f in files]
    total_files = 0
    with open(path, "wb") as out:
        at = 0
        for i, (sep, head, body) in enumerate(texts):
            out.write(sep + head)
            if not mails[i].files:
                out.write(body + b"\n")
                continue
            out.write(body)
            for name, media, _w in mails[i].files:
                data = _file_bytes(media, sizes[at], rng)
                at += 1
                total_files += 1
                out.write(f"--{mails[i].boundary}\n".encode() + _file_headers(name, media, rng)
                          + base64.encodebytes(data) + b"\n")
            out.write(f"--{mails[i].boundary}--\n\n".encode())
    return {"messages": len(mails), "threads": len({m.thrid for m in mails}),
            "with_attachments": sum(bool(m.files) for m in mails), "attachments": total_files,
            "attachment_bytes": sum(sizes), "bytes": path.stat().st_size,
            "html_only": sum(b"multipart/alternative" not in m.parts[0]
                             and m.parts[0].startswith(b"Content-Type: text/html")
                             for m in mails)}


# -- the Telegram export ----------------------------------------------------------------------

TG_SCAMMER, TG_SCAMMER_ID = "Binance Support", "user7012345678"
TG_ME, TG_ME_ID = "Li Wei", "user5550001234"
LEFT_OUT = "(File not included. Change data exporting settings to download.)"
TG_PHOTOS = 20


def _tg_text(rng: random.Random) -> list:
    zh = rng.random() < 0.5
    words = " ".join(rng.choice(ZH_LINES if zh else EN_LINES)
                     for _ in range(rng.randint(1, 3)))
    r = rng.random()
    if r < 0.05:
        return [words + " ", {"type": "link", "text": "https://binance-verify-secure.com/login"}]
    if r < 0.08:
        return [{"type": "bold", "text": "Official notice:"}, " " + words + " ",
                {"type": "text_link", "text": "binance.com/security",
                 "href": "https://binance-com.security-check.top/verify"}]
    return [words]


def make_telegram(folder: Path, seed: int = SEED) -> dict:
    """Write result.json (and its photos/) in `folder`; what it holds."""
    rng = random.Random(seed)
    (folder / "photos").mkdir(parents=True)
    local = datetime(2025, 3, 1, 9, 0)
    zone = timezone(timedelta(hours=8))
    messages, photos = [], 0
    for n in range(1, TELEGRAM_MESSAGES + 1):
        local += timedelta(seconds=rng.randint(5, 900))
        stamp = {"date": local.isoformat(),
                 "date_unixtime": str(int(local.replace(tzinfo=zone).timestamp()))}
        mine = rng.random() < 0.45
        who, who_id = (TG_ME, TG_ME_ID) if mine else (TG_SCAMMER, TG_SCAMMER_ID)
        if rng.random() < 0.01:
            messages.append({"id": n, "type": "service", **stamp, "actor": who,
                             "actor_id": who_id, "action": "phone_call",
                             "duration_seconds": rng.randint(10, 900),
                             "discard_reason": "hangup", "text": "", "text_entities": []})
            continue
        m = {"id": n, "type": "message", **stamp}
        if rng.random() < 0.03:
            edited = local + timedelta(seconds=rng.randint(10, 300))
            m["edited"] = edited.isoformat()
            m["edited_unixtime"] = str(int(edited.replace(tzinfo=zone).timestamp()))
        m["from"], m["from_id"] = who, who_id
        if rng.random() < 0.1 and n > 1:
            m["reply_to_message_id"] = rng.randint(max(1, n - 50), n - 1)
        r = rng.random()
        if r < 0.03 and photos < TG_PHOTOS and not mine:
            photos += 1
            path = f"photos/photo_{photos}@{local.strftime('%d-%m-%Y_%H-%M-%S')}.jpg"
            (folder / path).write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"
                                        + rng.randbytes(40_000) + b"\xff\xd9")
            m.update(photo=path, width=1280, height=960)
        elif r < 0.05:
            m.update(photo=LEFT_OUT, width=1280, height=960)
        elif r < 0.06:
            m.update(file=LEFT_OUT, file_name="bank_statement.pdf", mime_type="application/pdf")
        parts = _tg_text(rng)
        entities = [{"type": "plain", "text": p} if isinstance(p, str) else p for p in parts]
        m["text"] = parts[0] if len(parts) == 1 else parts
        m["text_entities"] = entities
        messages.append(m)
    export = {"name": TG_SCAMMER, "type": "personal_chat", "id": 7012345678,
              "messages": messages}
    path = folder / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), "utf-8")
    return {"messages": len(messages), "photos": photos, "bytes": path.stat().st_size}
