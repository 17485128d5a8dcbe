"""The readable text of an e-mail body: HTML turned into text, earlier replies folded, links.

Pure functions on strings, used by email.py.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

# An http(s) URL as written in text: up to whitespace, quotes, brackets or CJK punctuation.
_URL = re.compile(r"""https?://[^\s<>"'()\[\]{}，。、；：！？「」【】《》（）]+""", re.IGNORECASE)
_URL_TAIL = ".,;:!?*"  # sentence punctuation after a URL is not part of it

_BLOCKS = {"p", "div", "br", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
           "ul", "ol", "pre", "blockquote", "section", "article", "header", "footer", "dl",
           "dt", "dd", "address", "center", "form", "fieldset"}
_HIDDEN = {"script", "style", "head", "title", "noscript", "template"}


def urls_in(text: str) -> list[str]:
    """Every http(s) URL in `text`, in order, trailing punctuation dropped."""
    return [m.group().rstrip(_URL_TAIL) for m in _URL.finditer(text)]


class _Html(HTMLParser):
    """Collects text: blocks become line breaks, a quoted <blockquote> gets "> " so it is
    folded like a plain-text quote, a link keeps its URL beside its words."""

    def __init__(self):
        super().__init__(convert_charrefs=True)  # entities decoded for us
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.quote = 0
        self.hrefs: list[str] = []
        self.link: tuple[str, int] | None = None  # (href, where its words begin in self.line)

    def _break(self):
        text = "".join(self.line)
        text = text if self.pre else re.sub(r"[ \t\r\n\f\u00a0]+", " ", text).strip()
        if text or (self.lines and self.lines[-1] != ""):
            self.lines.append(("> " * self.quote) + text if text else "")
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "a":
            href = (dict(attrs).get("href") or "").strip()
            if re.match(r"https?://", href, re.IGNORECASE):
                self.hrefs.append(href)
                self.link = (href, len(self.line))
        elif tag in _BLOCKS:
            self._break()
            self.pre += tag == "pre"
            self.quote += tag == "blockquote"

    def handle_startendtag(self, tag, attrs):
        if tag in ("br", "hr"):
            self._break()
        else:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "a" and self.link:
            href, start = self.link
            words = "".join(self.line[start:]).strip()
            if href.rstrip("/") not in words:  # "click here" keeps where it really goes
                self.line.append(f" ({href})")
            self.link = None
        elif tag in _BLOCKS:
            self._break()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            if tag == "blockquote":
                self.quote = max(0, self.quote - 1)

    def handle_data(self, data):
        if not self.hidden:
            self.line.append(data)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """The text of an HTML body and the http(s) hrefs of its links."""
    parser = _Html()
    parser.feed(html)
    parser.close()
    parser._break()
    return "\n".join(parser.lines).strip(), parser.hrefs


# -- earlier replies folded --------------------------------------------------------------------

_ATTRIBUTION_END = re.compile(r"(wrote|writes|写道)\s*[:：]\s*$", re.IGNORECASE)
_ATTRIBUTION_START = re.compile(r"^(On\s|在|Am\s|Le\s|El\s)|于.*写道", re.IGNORECASE)
_SEPARATOR = re.compile(r"^\s*(-{3,}\s*(Original Message|原始邮件|原始郵件)\s*-{3,}|_{10,})\s*$",
                        re.IGNORECASE)
_HEADER_FROM = re.compile(r"^\s*\*?(From|发件人|寄件者)\s*\*?\s*[:：]", re.IGNORECASE)
_HEADER_SENT = re.compile(r"^\s*\*?(Sent|Date|发送时间|日期|寄件日期)\s*\*?\s*[:：]", re.IGNORECASE)


def _quoted(line: str) -> bool:
    return line.lstrip().startswith(">")


def _attribution(lines: list[str], i: int) -> int:
    """How many lines (1 or 2) an "On … wrote:" / "在 … 写道：" line at `i` takes, or 0."""
    line = lines[i].strip()
    if _ATTRIBUTION_END.search(line) and _ATTRIBUTION_START.search(line):
        return 1
    # A long attribution wraps: "On Mon, … Binance Support <" / "support@binance.com> wrote:"
    if (_ATTRIBUTION_START.match(line) and i + 1 < len(lines)
            and _ATTRIBUTION_END.search(lines[i + 1].strip()) and not _quoted(lines[i + 1])):
        return 2
    return 0


def _header_block(lines: list[str], i: int) -> bool:
    """Outlook's "From: … / Sent: …" header of the message replied to, at line `i`."""
    return bool(_HEADER_FROM.match(lines[i])) and any(
        _HEADER_SENT.match(line) for line in lines[i + 1:i + 4])


def _marker(cut: list[str]) -> str:
    words = sum(1 for line in cut if line.strip().lstrip(">").strip())
    return f"[earlier message quoted: {words} lines]"


def fold_quotes(text: str, *, forwarded: bool = False) -> str:
    """`text` with earlier messages cut, each replaced by one line "[earlier message quoted:
    N lines]" (N: the lines cut that have words). Cut: a block of ">" lines (with the "On … wrote:"
    line before it); after an "On … wrote:" not followed by ">" lines, or after Outlook's
    "-----Original Message-----" or its "From: … Sent: …" header block, the rest of the text.
    A forward (`forwarded`) keeps what it forwards: only ">" blocks are folded in it."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        taken = _attribution(lines, i)
        if taken:
            j = i + taken
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and _quoted(lines[j]):
                end = _quote_end(lines, j)
            elif forwarded:
                out.append(lines[i])
                i += 1
                continue
            else:
                end = len(lines)
            out.append(_marker(lines[i + taken:end]))
            i = end
        elif _quoted(lines[i]):
            end = _quote_end(lines, i)
            out.append(_marker(lines[i:end]))
            i = end
        elif not forwarded and (_SEPARATOR.match(lines[i]) or _header_block(lines, i)):
            start = i + 1 if _SEPARATOR.match(lines[i]) else i
            out.append(_marker(lines[start:]))
            break
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out).strip()


def _quote_end(lines: list[str], i: int) -> int:
    """Past the ">" block starting at `i`: blank lines inside it belong to it."""
    end = i
    j = i
    while j < len(lines) and (_quoted(lines[j]) or not lines[j].strip()):
        if _quoted(lines[j]):
            end = j + 1
        j += 1
    return end
