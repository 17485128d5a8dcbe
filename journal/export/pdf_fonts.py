"""Fonts for the PDF: ones that can show every character, or one sentence saying which cannot.

Qt embeds the subsets it uses; a character no font has would come out as an
empty box, which in a dispute reads as a hidden word, so it is refused instead.
"""
from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass

from ..errors import BadInput

SANS = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica Neue",
        "Helvetica", "Segoe UI")
CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
       "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
       "Droid Sans Fallback", "SimSun", "Noto Sans SC")
MONO = ("DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Consolas", "Menlo",
        "Courier New")
_APP = None   # the QGuiApplication this module had to create, kept alive


def ensure_gui() -> None:
    """QPdfWriter and fonts need a QGuiApplication: use the window's, or start a headless one."""
    global _APP
    from PySide6.QtGui import QGuiApplication
    if QGuiApplication.instance() is not None:
        return
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin") \
            and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A QApplication (not just a QGuiApplication): the same process may open windows later
    # (the tests do), and Qt allows only one application object for its whole life.
    from PySide6.QtWidgets import QApplication
    _APP = QApplication([sys.argv[0] if sys.argv else "journal"])


@dataclass
class Fonts:
    body: list[str]     # families in order of preference; Qt falls back along the list
    mono: list[str]


def _ignorable(ch: str) -> bool:
    """Characters that are never drawn as a glyph (controls, joiners, variation selectors)."""
    cp = ord(ch)
    return (unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF)


class _Coverage:
    def __init__(self):
        from PySide6.QtGui import QFont, QRawFont
        self._QFont, self._QRawFont = QFont, QRawFont
        self._raw: dict[str, object] = {}

    def covers(self, family: str, ch: str) -> bool:
        raw = self._raw.get(family)
        if raw is None:
            raw = self._raw[family] = self._QRawFont.fromFont(self._QFont(family))
        return raw.isValid() and raw.supportsCharacter(ord(ch))


def choose(text_chars: set[str]) -> Fonts:
    """Fonts that cover every character of `text_chars`, or BadInput naming the ones none can."""
    from PySide6.QtGui import QFontDatabase
    available = set(QFontDatabase.families())
    sans = [f for f in SANS if f in available]
    if not sans:
        sans = [QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()]
    cjk = [f for f in CJK if f in available]
    if not cjk:
        chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        cjk = [f for f in chinese if not QFontDatabase.isPrivateFamily(f)][:1]
    # Latin first in both languages: Qt's PDF loses the digits of CFF-based CJK fonts
    # (Noto Sans CJK) in copied text, and their Latin letters are no better than these.
    body = sans[:1] + cjk[:1]
    mono = [f for f in MONO if f in available][:1] or \
        [QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()]
    coverage = _Coverage()
    missing: list[str] = []
    others: list[str] | None = None
    for ch in sorted(text_chars):
        if ch in " \n\t" or _ignorable(ch) or any(coverage.covers(f, ch) for f in body):
            continue
        if unicodedata.category(ch) != "Cs":
            if others is None:   # rare: only for characters the usual fonts lack
                others = [f for f in sorted(available) if f not in body
                          and not QFontDatabase.isPrivateFamily(f)]
            extra = next((f for f in others if coverage.covers(f, ch)), None)
            if extra is not None:
                body.append(extra)   # named in the font list, so Qt surely falls back to it
                others.remove(extra)
                continue
        missing.append(ch)
    if missing:
        shown = ", ".join(_describe(ch) for ch in missing[:6])
        if len(missing) > 6:
            raise BadInput("pdf.no_font_more", shown=shown, more=len(missing) - 6)
        raise BadInput("pdf.no_font", shown=shown)
    if not all(coverage.covers(mono[0], ch) for ch in "0123456789abcdef"):
        mono = body[:1]
    return Fonts(body=body, mono=mono)


def _describe(ch: str) -> str:
    printable = unicodedata.category(ch) not in ("Cs", "Co", "Cn")
    return f"{ch} (U+{ord(ch):04X})" if printable else f"U+{ord(ch):04X}"
