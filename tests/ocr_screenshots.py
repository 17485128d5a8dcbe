"""Chat screenshots painted with Qt, whose text is known, to test and measure the OCR reader.

    shot = render("desktop" | "phone", "en" | "zh", phrase=True, extra_lines=())

gives a Shot: the PNG's bytes, the lines of text painted (in reading order: top to bottom,
then left to right), each line's rectangle, and the 12-word BIP-39 recovery phrase painted in
one of the bubbles (its words and where each was painted), or None. Every screenshot holds a
ticket number (TICKET), a transaction hash (TX_HASH) and a support phone number (PHONE[lang]).

"desktop" is a 1600×1000 help-centre chat: a dark top bar, a sidebar of conversations, grey
bubbles for the agent and blue ones for the user, text 14-20 px. "phone" is a 1080×2400
WeChat-like chat painted at a device-pixel ratio of 2.75 (16 px of text is 44 pixels).
All text is Noto Sans CJK SC. The same arguments give the same pixels, so each is painted once
per process. Painting needs a Qt application: the running one (pytest-qt's qapp) or a
QGuiApplication made here; QT_QPA_PLATFORM=offscreen is enough.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF  # noqa: E402
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QImage,  # noqa: E402
                           QPainter, QPainterPath)

FAMILY = "Noto Sans CJK SC"
TICKET = "CS-48213977"
TX_HASH = "0x7f3a9c2e41b8d06f5e2a9b7c3d1e4f60a8b2c9d7e5f3a1b0c4d6e8f2a9b1c3d5"
PHONE = {"en": "+1 (415) 555-0182", "zh": "+86 138 0013 8000"}
# Entropy 9e1c55f0a3d2b7c4e6f8091a2b3c4d5e: valid under Mnemonic(...).check.
PHRASE = {"en": "own tired label element clock tiny orbit abuse boss fly battle runway",
          "zh": "勇 叹 灵 爱 张 症 舞 这 长 苦 第 恐"}
Rect = tuple[float, float, float, float]     # x, y, width, height in the image's pixels


@dataclass(frozen=True)
class Shot:
    png: bytes
    lines: list[str]                  # the text painted, in reading order
    line_rects: list[Rect]            # where each line was painted
    phrase: list[str] | None          # the recovery phrase's 12 words, if painted
    phrase_rects: list[Rect]          # where each of its words was painted

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


TEXTS = {
    "en": {
        "title": "CoinHarbor Help Center", "signed": "Signed in as lena.m@example.com",
        "side": "Conversations", "agent": "Daniel K.", "you": "You",
        "items": (("Support chat", "To unlock the withdrawal, reply…", "10:42"),
                  ("Withdrawals", "Your request is being processed", "Mon"),
                  ("Security notice", "New login from Lisbon, Portugal", "Sun"),
                  ("Account verification", "Documents received, thank you", "12 May")),
        "head": f"Support chat · Ticket #{TICKET}", "status": "Agent Daniel K. · online",
        "input": "Type a message…",
        "chat": ("Hello, thanks for contacting CoinHarbor support. My name is Daniel and I "
                 "will help you today.",
                 f"Your case has been registered as Ticket #{TICKET}. Please keep this number.",
                 "My withdrawal of 0.85 ETH has been pending for three days.",
                 f"The transaction hash is {TX_HASH}",
                 "Please call our verification desk at {phone} between 9:00 and 17:00 UTC.",
                 "To unlock the withdrawal, reply with the 12-word recovery phrase of your "
                 "wallet."),
        "last": "Thank you. The review usually takes 24 hours.",
    },
    "zh": {
        "title": "币港帮助中心", "signed": "已登录 lena.m@example.com", "side": "会话",
        "agent": "客服小李", "you": "我",
        "items": (("在线客服", "为了解冻提现，请回复…", "10:42"),
                  ("提现", "您的申请正在处理中", "周一"),
                  ("安全提醒", "新的登录：葡萄牙里斯本", "周日"),
                  ("身份认证", "资料已收到，谢谢", "5月12日")),
        "head": f"在线客服 · 工单号 #{TICKET}", "status": "客服小李 · 在线",
        "input": "输入消息…",
        "chat": ("您好，欢迎联系币港客服，我是客服小李，很高兴为您服务。",
                 f"您的问题已登记，工单号：#{TICKET}，请妥善保存。",
                 "我三天前提现了 1,200 USDT，到现在还没有到账。",
                 f"交易哈希是 {TX_HASH}",
                 "请拨打我们的核实专线 {phone} 进行身份验证。",
                 "为了解冻您的账户，请在这里发送您钱包的12个助记词。"),
        "last": "收到，我们会在24小时内处理。",
    },
}


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont(FAMILY)
    font.setPixelSize(round(px))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferFullHinting)
    return font


class _Canvas:
    """Paints in logical pixels (scaled by `scale`) and keeps what was painted where, in the
    image's pixels."""

    def __init__(self, width: int, height: int, scale: float, background: str):
        self.image = QImage(width, height, QImage.Format.Format_RGB32)
        self.image.fill(QColor(background))
        self.scale = scale
        self.width, self.height = width / scale, height / scale
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.painter.scale(scale, scale)
        self.lines: list[tuple[str, Rect]] = []
        self.phrase_rects: list[Rect] = []

    def _rect(self, x, y, w, h) -> Rect:
        s = self.scale
        return (x * s, y * s, w * s, h * s)

    def box(self, x, y, w, h, color: str, radius: float = 0) -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(x, y, w, h), radius, radius)
        self.painter.fillPath(path, QColor(color))

    def text(self, x, y, text: str, font: QFont, color: str, phrase: bool = False) -> None:
        """One line with its top-left corner at (x, y)."""
        metrics = QFontMetricsF(font)
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(QPointF(x, y + metrics.ascent()), text)
        self.lines.append((text, self._rect(x, y, metrics.horizontalAdvance(text),
                                            metrics.height())))
        if phrase:
            for match in re.finditer(r"\S+", text):
                left = x + metrics.horizontalAdvance(text[:match.start()])
                self.phrase_rects.append(self._rect(left, y, metrics.horizontalAdvance(
                    match.group()), metrics.height()))

    def png(self) -> bytes:
        self.painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image.save(buffer, "PNG")
        return bytes(data.data())


def wrap(text: str, font: QFont, width: float) -> list[str]:
    """Greedy lines no wider than `width`: broken at spaces, and between Chinese characters,
    but never inside a run of Latin letters and digits unless it is wider than a line."""
    metrics = QFontMetricsF(font)
    units = re.findall(r"[\u3000-\u9fff\uff00-\uffef]|[^\u3000-\u9fff\uff00-\uffef ]+ ?| ",
                       text)
    lines, current = [], ""
    for unit in units:
        if metrics.horizontalAdvance(current + unit) <= width:
            current += unit
            continue
        if current.strip():
            lines.append(current)
        while metrics.horizontalAdvance(unit.strip()) > width:   # a hash: split it anywhere
            k = len(unit)
            while k > 1 and metrics.horizontalAdvance(unit[:k]) > width:
                k -= 1
            lines.append(unit[:k])
            unit = unit[k:]
        current = unit
    if current.strip():
        lines.append(current)
    lines = [line.strip() for line in lines]
    for i in range(1, len(lines)):          # no line begins with closing punctuation
        while lines[i] and lines[i][0] in "，。、；：！？）":
            lines[i - 1] += lines[i][0]
            lines[i] = lines[i][1:]
    return [line for line in lines if line]


def _bubble(c: _Canvas, y: float, body: str, right: bool, colors, *, left_x: float,
            right_x: float, max_width: float, px: float, pad: float,
            head: str | None = None, phrase: bool = False) -> float:
    """A chat bubble (with a name and time above it, when `head`); the y below it."""
    font, small = _font(px), _font(px - 2)
    metrics, small_metrics = QFontMetricsF(font), QFontMetricsF(small)
    lines = wrap(body, font, max_width - 2 * pad)
    width = max(metrics.horizontalAdvance(line) for line in lines) + 2 * pad
    step = metrics.height() + px * 0.25
    height = len(lines) * step - px * 0.25 + 1.5 * pad
    if head:
        hx = right_x - small_metrics.horizontalAdvance(head) if right else left_x
        c.text(hx, y, head, small, "#8A8F98")
        y += small_metrics.height() + 4
    x = right_x - width if right else left_x
    c.box(x, y, width, height, colors[0], radius=min(16, px))
    ty = y + 0.75 * pad
    for line in lines:
        c.text(x + pad, ty, line, font, colors[1], phrase=phrase)
        ty += step
    return y + height + (px if head else px * 0.6)


def _messages(language: str, phrase: bool, extra_lines) -> list[tuple[bool, str, bool]]:
    """(from the user?, text, is the phrase?) of each bubble."""
    t = TEXTS[language]
    chat = [m.format(phone=PHONE[language]) for m in t["chat"]]
    out = [(side, text, False) for side, text in zip((0, 0, 1, 1, 0, 0), chat)]
    if phrase:
        out.append((True, PHRASE[language], True))
    out += [(False, t["last"], False)] + [(True, line, False) for line in extra_lines]
    return out


def _desktop(language: str, phrase: bool, extra_lines) -> _Canvas:
    t = TEXTS[language]
    c = _Canvas(1600, 1000, 1.0, "#FFFFFF")
    c.box(0, 0, 1600, 56, "#1E2430")
    c.text(24, 16, t["title"], _font(20, True), "#FFFFFF")
    c.text(1576 - QFontMetricsF(_font(14)).horizontalAdvance(t["signed"]), 20, t["signed"],
           _font(14), "#C8CDD6")
    c.box(0, 56, 340, 944, "#F6F7F9")
    c.text(24, 76, t["side"], _font(18, True), "#1E2430")
    y = 120
    for i, (name, preview, when) in enumerate(t["items"]):
        if i == 0:
            c.box(8, y - 8, 324, 64, "#E3ECFD", radius=8)
        c.text(24, y, name, _font(16, True), "#1E2430")
        c.text(320 - QFontMetricsF(_font(14)).horizontalAdvance(when), y + 2, when, _font(14),
               "#8A8F98")
        c.text(24, y + 26, preview, _font(14), "#5B6270")
        y += 76
    c.text(372, 76, t["head"], _font(18, True), "#1E2430")
    c.text(372, 104, t["status"], _font(14), "#2E9E5B")
    y = 148
    for i, (right, body, is_phrase) in enumerate(_messages(language, phrase, extra_lines)):
        who = t["you"] if right else t["agent"]
        y = _bubble(c, y, body, right, ("#2F6FEB", "#FFFFFF") if right else
                    ("#F1F3F5", "#1E2430"), left_x=372, right_x=1568, max_width=640, px=16,
                    pad=14, head=f"{who}  10:{31 + 2 * i:02d}", phrase=is_phrase)
    c.box(372, 936, 1196, 44, "#F1F3F5", radius=10)
    c.text(390, 947, t["input"], _font(15), "#9AA0A6")
    assert y < 930, f"the desktop chat overflows ({y:.0f} px)"
    return c


def _phone(language: str, phrase: bool, extra_lines) -> _Canvas:
    t = TEXTS[language]
    c = _Canvas(1080, 2400, 2.75, "#EDEDED")
    w = c.width
    c.text(20, 8, "9:41", _font(15, True), "#111111")
    c.text(w - 20 - QFontMetricsF(_font(14)).horizontalAdvance("87%"), 9, "87%", _font(14),
           "#111111")
    c.box(0, 34, w, 52, "#F7F7F7")
    title, sub = t["items"][0][0], f"#{TICKET}"
    c.text((w - QFontMetricsF(_font(18, True)).horizontalAdvance(title)) / 2, 40, title,
           _font(18, True), "#111111")
    c.text((w - QFontMetricsF(_font(14)).horizontalAdvance(sub)) / 2, 64, sub, _font(14),
           "#8A8F98")
    y = 100
    for right, body, is_phrase in _messages(language, phrase, extra_lines):
        avatar_x = w - 14 - 36 if right else 14
        c.box(avatar_x, y, 36, 36, "#E0A030" if right else "#4A90D9", radius=4)
        y = _bubble(c, y, body, right, ("#95EC69", "#111111") if right else
                    ("#FFFFFF", "#111111"), left_x=58, right_x=w - 58, max_width=w * 0.76,
                    px=15, pad=10, phrase=is_phrase)
    c.box(0, c.height - 60, w, 60, "#F7F7F7")
    c.box(12, c.height - 50, w - 24, 40, "#FFFFFF", radius=6)
    c.text(24, c.height - 40, t["input"], _font(15), "#9AA0A6")
    assert y < c.height - 60, f"the phone chat overflows ({y:.0f} px)"
    return c


def _reading_order(lines: list[tuple[str, Rect]]) -> list[tuple[str, Rect]]:
    """Rows from the top, each left to right: a line whose middle lies within the height of
    the row's first line is on that row (as the reader orders what it reads)."""
    rows: list[list] = []
    for line in sorted(lines, key=lambda ln: ln[1][1] + ln[1][3] / 2):
        middle = line[1][1] + line[1][3] / 2
        if rows and rows[-1][0][1][1] <= middle <= rows[-1][0][1][1] + rows[-1][0][1][3]:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda ln: ln[1][0])]


@lru_cache(maxsize=None)
def _render(kind: str, language: str, phrase: bool, extra_lines: tuple) -> Shot:
    if QGuiApplication.instance() is None:
        _render.app = QGuiApplication([])      # kept: painting needs it alive
    canvas = {"desktop": _desktop, "phone": _phone}[kind](language, phrase, extra_lines)
    png = canvas.png()
    ordered = _reading_order(canvas.lines)
    return Shot(png, [text for text, _ in ordered], [rect for _, rect in ordered],
                PHRASE[language].split() if phrase else None, list(canvas.phrase_rects))


@lru_cache(maxsize=None)
def label(text: str, width: int = 720) -> bytes:
    """A small PNG of one line of dark text on white (quick to read)."""
    if QGuiApplication.instance() is None:
        _render.app = QGuiApplication([])
    canvas = _Canvas(width, 64, 1.0, "#FFFFFF")
    canvas.text(16, 18, text, _font(20), "#1E2430")
    return canvas.png()


def render(kind: str = "desktop", language: str = "en", phrase: bool = True,
           extra_lines=()) -> Shot:
    """A screenshot of `kind` ("desktop", 1600×1000, or "phone", 1080×2400) in `language`
    ("en" or "zh"), with the recovery phrase in a bubble when `phrase`, and `extra_lines`
    as further messages of the user's."""
    return _render(kind, language, bool(phrase), tuple(extra_lines))


if __name__ == "__main__":          # python -m tests.ocr_screenshots OUT: the PNGs, to look at
    import sys
    out = sys.argv[1] if len(sys.argv) > 1 else "ocr-screenshots"
    os.makedirs(out, exist_ok=True)
    for kind in ("desktop", "phone"):
        for language in ("en", "zh"):
            with open(os.path.join(out, f"{kind}_{language}.png"), "wb") as fh:
                fh.write(render(kind, language).png)
    print("written to", out)
