"""A dump's JSON text read as it streams, as a series of events, in bounded memory.

The outline of the document (the top object, its header values and its section lists, an
attachment's keys) is followed here; each record is parsed whole by Python's own json
module, straight from the buffer, and an attachment's content_base64 is decoded from base64
a block at a time, never held whole. So memory holds one record and one block of text,
however large the dump, and every problem is the sentence json.loads would give of the
whole text ("Expecting ',' delimiter" at the same line; nesting too deep; not UTF-8). A dict
(a dump already parsed) gives the same events (`document_events`), so both are checked by
the same code. (Not ijson: its C parser refuses an id beyond 2^63 as "integer overflow"
instead of letting the check name it, turns a lone \\ud800 into "?", and hands a long
string over whole: an 85 MiB one took 180 MiB and 40 s.)

Events (tuples):
    ("header", key, value)         a top-level key that is not a section, with its value
    ("section", name)              a section's list begins (name is one of SECTIONS)
    ("not_list", name)             a section whose value is not a list
    ("not_object",)                the text (or the value given) is JSON, but not an object
    ("record", section, n, value)  the n-th element (from 1) of a section's list
    ("content", n, partial)        attachment n's content_base64 begins (partial: the record's
                                   keys read so far; the "record" event follows the pieces)
    ("data", bytes)                a piece of the bytes that content stands for
    ("content_end", valid)         the content ended; valid: whether it was all base64
    ("section_end", name)
    ("end",)                       the whole text was read and is complete JSON
A streamed content_base64 is STREAMED in its record.
"""
from __future__ import annotations

import binascii
import codecs
import functools
import io
import json
import math
import re

from pybase64 import b64decode

from ..errors import BadInput, Term
from .dump_format import HEADER, SECTIONS

BLOCK = 1 << 20            # bytes read at a time
PIECE = 1 << 20            # characters of content handed on at a time, at most
MAX_OTHER = 64 << 20       # a top-level value that is no object: only this much is parsed

STREAMED = object()        # what a content_base64 handed on in pieces is, in its record

_WS = re.compile(r"[ \t\n\r]*")
_decode = json.JSONDecoder().raw_decode
_CONTROL = re.compile(r"[\x00-\x1f]")  # no JSON, raw inside a string
_HIGH_SURROGATE = re.compile(r"u[dD][89abAB][0-9a-fA-F]{2}\\u")  # the first of a \\u pair


class _TooLong(Exception):
    """A value that is no record grew past MAX_OTHER unfinished."""


def not_json(why: str, line: int) -> BadInput:
    return BadInput("dump.not_json", why=Term(why), line=line)


class Reader:
    """The events of a dump's text: from a binary or text file object, or a str or bytes."""

    def __init__(self, source, progress=None, total: int = 0):
        self._text = isinstance(source, io.TextIOBase)
        if isinstance(source, str):
            self.buf, self._stream, self.eof = source, None, True
        else:
            if isinstance(source, (bytes, bytearray, memoryview)):
                source = io.BytesIO(source)
            self.buf, self._stream, self.eof = "", source, False
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._progress, self._total = progress, total
        self.pos = 0         # where reading is, in buf
        self._lines = 0      # newlines in the text before buf[0]
        self.bytes_read = 0  # (characters, for text)
        self._limit = math.inf  # the longest a value may grow

    # -- the text, block by block ----------------------------------------------------------

    def _more(self, at_least: int = BLOCK) -> bool:
        """Append at least `at_least` more characters to buf (fewer at the end); False at
        the end of the text."""
        if self.eof:
            return False
        raw = self._stream.read(max(BLOCK, at_least))
        self.bytes_read += len(raw)
        try:
            text = raw if self._text else self._decoder.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise BadInput("dump.not_utf8") from None
        if not raw:
            self.eof = True
        self.buf += text
        if self._progress is not None:
            self._progress("reading", self.bytes_read, self._total)
        return bool(text) or not self.eof

    def _release(self, *, count: bool = True, now: bool = False) -> None:
        """Forget the text before pos (once it is long, or `now`), keeping count of its lines
        (a string's plain characters hold none: a raw newline in one is no JSON)."""
        if now or self.pos > BLOCK or self.pos == len(self.buf):
            if count:
                self._lines += self.buf.count("\n", 0, self.pos)
            self.buf, self.pos = self.buf[self.pos:], 0

    def _line(self, i: int) -> int:
        return self._lines + self.buf.count("\n", 0, i) + 1

    def _char(self, i: int):
        """buf[i], reading more when needed; None at the end of the text."""
        while i >= len(self.buf):
            if not self._more():
                return None
        return self.buf[i]

    def _ws(self) -> None:
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()
            if self.pos < len(self.buf) or not self._more():
                return

    def _fail(self, why: str, i: int):
        """Not JSON at buf[i]: but text that is not UTF-8 anywhere is said first."""
        problem = not_json(why, self._line(i))
        self.drain()
        raise problem

    def drain(self) -> None:
        """Read the rest of the text, so that bytes that are not UTF-8 are found; the text
        itself is dropped as it is read."""
        while not self.eof:
            self.buf, self.pos = "", 0
            self._more()

    # -- values ------------------------------------------------------------------------------

    def _value(self):
        """The JSON value at pos, parsed by json's own scanner straight from the buffer; one
        cut short by the buffer's end is parsed again with more text (twice as much each
        time, so a long one costs little more)."""
        i = self.pos
        while True:
            try:
                value, end = _decode(self.buf, i)
                if end < len(self.buf) or not self._more():  # a number may go on: "1" of "12"
                    self.pos = end
                    return value
                continue
            except json.JSONDecodeError as exc:
                cut = exc.msg.startswith("Unterminated string") or exc.pos + 64 >= len(self.buf)
                if not (cut and self._more(len(self.buf) - i)):
                    self._fail(exc.msg, exc.pos)
            except (RecursionError, ValueError):  # nested thousands deep, a 5,000-digit number
                self.drain()
                raise BadInput("dump.too_deep") from None
            if len(self.buf) - i > self._limit:
                raise _TooLong

    # -- the document ------------------------------------------------------------------------

    def events(self):
        self._ws()
        if self._char(self.pos) != "{":
            yield from self._not_an_object()
            return
        self.pos += 1
        yield from self._members(self._top_member)
        self._ws()
        if self._char(self.pos) is not None:
            self._fail("Extra data", self.pos)
        yield ("end",)

    def _not_an_object(self):
        """Whatever the text holds, it is no dump; but text that is not JSON (or nests too
        deep) says so first, as it always did: parsed up to MAX_OTHER."""
        self._limit = MAX_OTHER
        try:
            self._value()
            self._ws()
            if self._char(self.pos) is not None:
                self._fail("Extra data", self.pos)
        except _TooLong:
            pass
        self.drain()
        yield ("not_object",)
        yield ("end",)

    def _members(self, member):
        """The members of the object whose "{" was just read: member(key) reads each value."""
        self._ws()
        if self._char(self.pos) == "}":
            self.pos += 1
            return
        while True:
            if self._char(self.pos) != '"':
                self._fail("Expecting property name enclosed in double quotes", self.pos)
            key = self._value()
            self._ws()
            if self._char(self.pos) != ":":
                self._fail("Expecting ':' delimiter", self.pos)
            self.pos += 1
            self._ws()
            yield from member(key)
            self._ws()
            c = self._char(self.pos)
            self.pos += 1
            if c == "}":
                return
            if c != ",":
                self._fail("Expecting ',' delimiter", self.pos - 1)
            self._ws()

    def _top_member(self, key):
        if key not in SECTIONS:
            if key not in HEADER and self._char(self.pos) == "[":
                self.pos += 1  # a list of no use, but perhaps long: element by element
                yield from self._elements(None)
                yield ("header", key, None)
            else:
                yield ("header", key, self._value())
            return
        if self._char(self.pos) != "[":
            self._value()
            yield ("not_list", key)
            return
        self.pos += 1
        yield ("section", key)
        yield from self._elements(key)
        yield ("section_end", key)

    def _elements(self, section):
        """The elements of the list whose "[" was just read."""
        self._ws()
        if self._char(self.pos) == "]":
            self.pos += 1
            return
        n = 0
        while True:
            n += 1
            self._release()
            if section == "attachments" and self._char(self.pos) == "{":
                self.pos += 1
                record: dict = {}
                yield from self._members(functools.partial(self._attachment_member, record, n))
            else:
                record = self._value()
            if section is not None:
                yield ("record", section, n, record)
            self._ws()
            c = self._char(self.pos)
            self.pos += 1
            if c == "]":
                return
            if c != ",":
                self._fail("Expecting ',' delimiter", self.pos - 1)
            self._ws()

    def _attachment_member(self, record: dict, n: int, key: str):
        if key == "content_base64" and self._char(self.pos) == '"':
            yield ("content", n, record)
            yield from self._content()
            record[key] = STREAMED
        else:
            record[key] = self._value()

    def _content(self):
        """The string at pos, as the bytes its base64 stands for ("data" events, then
        "content_end"): plain base64, as `journal dump` writes it, is found and decoded a
        block at a time; JSON escapes and what is no base64 are read as json.loads would
        (a control character is no JSON), and nothing of the string is kept."""
        self._release(now=True)
        start_line = self._line(self.pos)
        decoder = Base64()
        i = self.pos + 1
        while True:
            quote = self.buf.find('"', i)
            end = quote if quote >= 0 else len(self.buf)
            backslash = self.buf.find("\\", i, end)
            if backslash >= 0:
                end = backslash
            elif quote < 0 and not self.eof:
                end = i + (end - i) // 4 * 4  # whole groups of four, the rest with more text
            while i < end:
                j = min(end, i + PIECE)
                yield from self._plain(decoder, i, j)
                i = j
            if i == quote:
                data = decoder.close()
                if data:
                    yield ("data", data)
                yield ("content_end", decoder.valid)
                self.pos = quote + 1
                self._release(count=False, now=True)  # the string's end: no newline in it
                return
            if i == backslash:
                text, i = self._escape(i, start_line)
                yield from self._decoded(decoder, text)
                continue
            self.pos = i
            self._release(count=False, now=True)  # (so that more text is added to little)
            i = self.pos
            if not self._more() and i == len(self.buf):
                self.drain()
                raise not_json("Unterminated string starting at", start_line)

    def _plain(self, decoder: Base64, i: int, j: int):
        """buf[i:j], characters of a string with no escape in them."""
        if decoder.valid:
            data = decoder.feed(self.buf[i:j])
            if data:
                yield ("data", data)
            if decoder.valid:
                return
        control = _CONTROL.search(self.buf, i, j)
        if control is not None:
            self._fail("Invalid control character at", control.start())

    def _decoded(self, decoder: Base64, text: str):
        if decoder.valid:
            data = decoder.feed(text)
            if data:
                yield ("data", data)

    def _escape(self, k: int, start_line: int) -> tuple[str, int]:
        """The character(s) of the escape at buf[k] (a backslash), and where it ends."""
        self._char(k + 11)  # a \\uXXXX\\uXXXX pair at most
        if k + 1 >= len(self.buf):
            self.drain()
            raise not_json("Unterminated string starting at", start_line)
        length = 2
        if self.buf[k + 1] == "u":
            length = 12 if _HIGH_SURROGATE.match(self.buf, k + 1) else 6
        try:
            return json.loads('"' + self.buf[k:k + length] + '"'), k + length
        except json.JSONDecodeError as exc:
            self._fail(exc.msg, k - 1 + exc.pos)


class Base64:
    """Standard base64 with padding (RFC 4648 §4), decoded a piece at a time and as strictly
    as base64.b64decode(validate=True) takes it whole: `valid` turns False for good at the
    first piece that is not (feed and close then give None)."""

    def __init__(self):
        self.valid, self._carry, self._padded = True, "", False

    def feed(self, text: str) -> bytes | None:
        if self._carry:
            text = self._carry + text
        cut = len(text) - len(text) % 4
        self._carry = text[cut:]
        return self._decode(text if cut == len(text) else text[:cut]) if cut else b""

    def close(self) -> bytes | None:
        return self._decode(self._carry) if self._carry else b""  # not four: never base64

    def _decode(self, text: str) -> bytes | None:
        if self.valid and not self._padded:  # nothing may follow the "=" that ends it
            try:
                data = b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                pass
            else:
                self._padded = text.endswith("=")
                return data
        self.valid = False
        return None


def document_events(document):
    """The same events for a dump given as a dict (any other value is no dump). A dict's keys
    have no order that matters: header keys come first, then the sections in their order."""
    if not isinstance(document, dict):
        yield ("not_object",)
        yield ("end",)
        return
    for key, value in document.items():
        if key not in SECTIONS:
            yield ("header", key, value)
    for section in SECTIONS:
        if section not in document:
            continue
        records = document[section]
        if not isinstance(records, list):
            yield ("not_list", section)
            continue
        yield ("section", section)
        for n, record in enumerate(records, 1):
            content = record.get("content_base64") if isinstance(record, dict) else None
            if section == "attachments" and isinstance(content, str):
                yield ("content", n, record)
                decoder = Base64()
                for at in range(0, len(content), PIECE):
                    data = decoder.feed(content[at:at + PIECE])
                    if data:
                        yield ("data", data)
                data = decoder.close()
                if data:
                    yield ("data", data)
                yield ("content_end", decoder.valid)
                record = {**record, "content_base64": STREAMED}
            yield ("record", section, n, record)
        yield ("section_end", section)
    yield ("end",)
