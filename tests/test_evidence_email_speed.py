"""Reading e-mail fast gives what the standard library's reading gives: the same parts,
payloads, defects and headers, the same attachments' bytes, the same conversations.

email.py sets runs of base64 lines aside while the standard library parses a message, parses
each header once per message, and decodes clean base64 with pybase64; email_mbox.py gives
">From " lines back their "From " with a faster pattern. None of it may change what is read.
"""
from __future__ import annotations

import base64
import email.policy
import random
import re
from email.parser import BytesParser
from pathlib import Path

import pytest

from journal.domain.evidence import email as mail
from journal.domain.evidence import email_mbox

FIXTURES = Path(__file__).parent / "fixtures" / "evidence" / "email"
STDLIB = BytesParser(policy=email.policy.default)


def _lines(data: bytes, eol: bytes = b"\n") -> bytes:
    return eol.join(base64.encodebytes(data).splitlines()) + eol


BLOB = random.Random(5).randbytes(30_000)     # ~540 lines of base64


def message(body: bytes, content_type: str = "multipart/mixed; boundary=b", eol=b"\n",
            extra: bytes = b"") -> bytes:
    head = (b"From: Help <help@example.com>\nTo: me@example.org\nSubject: =?UTF-8?B?"
            + base64.b64encode("退款 refund".encode()) + b"?=\nDate: Tue, 1 Dec 2026 10:00:00 "
            b"+0100\nMessage-ID: <m@example.com>\nMIME-Version: 1.0\n" + extra
            + b"Content-Type: " + content_type.encode() + b"\n\n")
    return head.replace(b"\n", eol) + body


def attachment(data: bytes = BLOB, eol=b"\n", name: str = "statement.pdf") -> bytes:
    return (b"--b\nContent-Type: text/plain; charset=utf-8\n\nSee the file.\n--b\n"
            b"Content-Type: application/pdf; name=\"" + name.encode() + b"\"\n"
            b"Content-Disposition: attachment; filename=\"" + name.encode() + b"\"\n"
            b"Content-Transfer-Encoding: base64\n\n").replace(b"\n", eol) + _lines(data, eol)


CASES = {
    "attachment": message(attachment() + b"--b--\n"),
    "crlf": message(attachment(eol=b"\r\n") + b"--b--\r\n", eol=b"\r\n"),
    "no closing boundary": message(attachment()),
    "cut in a line": message(attachment()[:-30]),
    "no newline at the end": message(attachment().rstrip(b"\n")),
    "base64 in preamble and epilogue": message(_lines(BLOB) + attachment() + b"--b--\n"
                                               + _lines(BLOB)),
    "boundary never found": message(_lines(BLOB), "multipart/mixed; boundary=zz"),
    "a plain body of base64 letters": message(_lines(BLOB), "text/plain"),
    "base64 right after the headers": message(_lines(BLOB), "text/plain").replace(
        b"\n\n", b"\n", 1),
    "a message attached": message(
        b"--b\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n"
        + message(attachment() + b"--b--\n").replace(b"--b", b"--c").replace(b"=b\n", b"=c\n")
        + b"\n--b--\n"),
    "the marker's character": message(attachment() + b"--b--\n", extra=b"X-Odd: \x01\n"),
    "a marker written out": message(attachment() + b"\x011\x01\n--b--\n"),
}


def anatomy(msg) -> list:
    """Everything a parse decides, part by part."""
    out = []
    for part in msg.walk():
        payload = part._payload
        out.append((part._headers, part.get_content_type(), part.preamble, part.epilogue,
                    [type(d).__name__ for d in part.defects],
                    payload if isinstance(payload, str) else len(payload)))
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_setting_base64_runs_aside_parses_as_the_standard_library_does(case):
    data = CASES[case]
    assert anatomy(mail.parse(data, "t.eml")) == anatomy(STDLIB.parsebytes(data))


def test_a_marker_not_given_back_means_the_message_is_parsed_as_it_stands(monkeypatch):
    monkeypatch.setattr(mail, "_MARKER", re.compile("\x02never\x02"))
    data = CASES["attachment"]
    assert anatomy(mail.parse(data, "t.eml")) == anatomy(STDLIB.parsebytes(data))


def test_the_runs_are_set_aside_at_all():
    # Not a shortcut never taken: the message the parser is given is far smaller.
    runs = mail._RUN.findall(CASES["attachment"])
    assert runs and sum(map(len, runs)) > 0.9 * len(_lines(BLOB))


@pytest.mark.parametrize("encoded", [
    _lines(BLOB),                                   # clean: pybase64
    _lines(BLOB)[:-3] + b"\n",                      # padding missing: the stdlib, a defect
    _lines(BLOB).replace(b"\n", b" \n", 3),         # spaces in it
    _lines(BLOB)[:200] + b"*!\n" + _lines(BLOB)[200:],  # letters that are not base64
    b"QUJD\n====\n", b"QQ==QQ==\n", b"\n",
])
def test_attachments_decode_to_the_bytes_the_standard_library_gives(encoded):
    data = message(b"--b\nContent-Type: application/octet-stream\nContent-Disposition: "
                   b"attachment; filename=x.bin\nContent-Transfer-Encoding: base64\n\n"
                   + encoded + b"--b--\n")
    ours = mail.parse(data, "t.eml").get_payload()[0]
    theirs = STDLIB.parsebytes(data).get_payload()[0]
    assert mail._payload(ours) == theirs.get_payload(decode=True)
    # pybase64's path registers no defect; the standard library's, when it is taken, does.
    assert [type(d) for d in ours.defects] == [type(d) for d in theirs.defects]


def _stdlib_parser(headers_only: bool = False):
    return STDLIB


def _read_all(data: bytes):
    return mail.read_mbox(data, "x.mbox")


def _mbox(*messages: bytes) -> bytes:
    return b"".join(b"From x@xxx Mon Dec 01 00:00:00 +0000 2026\n"
                    + m.replace(b"\r\n", b"\n").replace(b"<m@", b"<m%d@" % i) + b"\n\n"
                    for i, m in enumerate(messages))


def test_what_is_read_is_what_the_default_policy_reads(monkeypatch):
    mixed = [CASES[k] for k in ("attachment", "a message attached", "no closing boundary")]
    files = [(FIXTURES / "takeout.mbox").read_bytes(), _mbox(*mixed)]
    emls = [p.read_bytes() for p in sorted(FIXTURES.glob("*.eml")) if p.name != "truncated.eml"]
    ours = [_read_all(f) for f in files] + [mail.read_eml(e, "t.eml") for e in emls]
    assert sum(len(m.attachments) for c in ours[1] for m in c.messages) >= 3
    # The standard library alone: its default policy, every header parsed when asked for,
    # base64 decoded by it, no line set aside.
    monkeypatch.setattr(mail, "_parser", _stdlib_parser)
    monkeypatch.setattr(mail, "_parse_squeezed", STDLIB.parsebytes)
    monkeypatch.setattr(mail, "_payload", _stdlib_payload)
    theirs = [_read_all(f) for f in files] + [mail.read_eml(e, "t.eml") for e in emls]
    assert ours == theirs


def _stdlib_payload(part):
    return part.get_payload(decode=True) or b""


def test_escaped_from_lines_get_their_from_back_anywhere_on_a_line_start():
    mbox_re = re.compile(rb"^>(>*From )", re.MULTILINE)   # what the mailbox format means
    for chunk in (b">From the start\n>>From two\nx >From not\n\n>From after a blank",
                  b"a\r\n>From crlf\r\n>>>From three", b">>From \n>From"):
        assert email_mbox._unescaped(chunk) == mbox_re.sub(rb"\1", chunk)
    data = b"From x@y Mon Dec 01 00:00:00 2026\nFrom: a@example.com\n\n>>From here on\n"
    assert email_mbox.split(data, "x.mbox") == [b"From: a@example.com\n\n>From here on\n"]
