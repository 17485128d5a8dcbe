"""Text copied out of Qt's PDF must say what was printed.

Qt writes each embedded font's ToUnicode map by giving every glyph the *lowest*
code point the font maps to it. Where one glyph serves several code points, a
copied word comes out wrong: a space becomes a tab, and in Chinese fonts 户 页 面
一 become the look-alike radicals ⼾ ⻚ ⾯ ⼀, so a clerk searching the PDF for 账户
finds nothing. We know every character we printed, so we know which code point
each such glyph stood for, and swap it in: same-length tokens in uncompressed
CMap streams, so no offset in the file moves.
"""
from __future__ import annotations

import re


def fixes_for(families: list[str], text_chars: set[str]) -> dict[int, int]:
    """{code point Qt will write: code point printed} for the fonts of `families`."""
    from PySide6.QtGui import QFont, QRawFont
    fixes: dict[int, int] = {0x09: 0x20}   # Qt maps the tab to the space glyph, tab first
    printed = sorted(c for c in text_chars if 0x80 <= ord(c) < 0x10000)
    if not printed:
        return fixes
    everything = "".join(chr(u) for u in range(0x20, 0x10000)
                         if not 0xD800 <= u < 0xE000)   # no surrogates
    for family in families:
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        first: dict[int, int] = {}
        for u, g in zip((ord(c) for c in everything), raw.glyphIndexesForString(everything)):
            if g:
                first.setdefault(g, u)
        for c, g in zip(printed, raw.glyphIndexesForString("".join(printed))):
            lowest = first.get(g)
            if g and lowest is not None and lowest != ord(c) and chr(lowest) not in text_chars:
                fixes.setdefault(lowest, ord(c))
    return fixes


_TOUNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_RANGE = re.compile(rb"^<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4})> (.*)$")
_CHAR = re.compile(rb"^(<[0-9A-Fa-f]{4}> )(<[0-9A-Fa-f]{4}>)$")
_TOKEN = re.compile(rb"<([0-9A-Fa-f]{4})>")


def repair(pdf: bytes, fixes: dict[int, int]) -> bytes:
    """The PDF with its ToUnicode destinations swapped per `fixes`; same length."""
    if not fixes:
        return pdf
    out = bytearray(pdf)
    for number in set(_TOUNICODE.findall(pdf)):
        start = pdf.find(b"\n" + number + b" 0 obj\n")
        if start < 0:
            continue
        begin = pdf.find(b"stream\n", start) + len(b"stream\n")
        end = pdf.find(b"endstream", begin)
        if begin < len(b"stream\n") or end < 0 or b"/Filter" in pdf[start:begin]:
            continue   # not the plain CMap Qt writes: leave it alone
        body = pdf[begin:end]
        fixed = b"\n".join(_fix_line(line, fixes) for line in body.split(b"\n"))
        assert len(fixed) == len(body)
        out[begin:end] = fixed
    return bytes(out)


def _swap(token: re.Match, fixes: dict[int, int]) -> bytes:
    right = fixes.get(int(token.group(1), 16))
    return b"<%04X>" % right if right is not None else token.group(0)


def _fix_line(line: bytes, fixes: dict[int, int]) -> bytes:
    """Only destinations change: in `<a> <b> [<d> …]` or `<a> <b> <d>`, and `<a> <d>`."""
    ranged = _RANGE.match(line)
    if ranged:
        first, last, rest = ranged.groups()
        if not rest.startswith(b"[") and first != last:
            return line   # a run of consecutive code points: swapping its start would shift all
        head = line[:len(line) - len(rest)]
        return head + _TOKEN.sub(lambda t: _swap(t, fixes), rest)
    single = _CHAR.match(line)
    if single:
        return single.group(1) + _TOKEN.sub(lambda t: _swap(t, fixes), single.group(2))
    return line
