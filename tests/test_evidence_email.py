"""Support e-mails read into conversations: .eml and Google Takeout .mbox."""
from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.evidence import email as mail
from journal.domain.evidence import email_mbox
from journal.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures" / "evidence" / "email"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def eml(body: str, *, headers: str = "", content_type: str = "text/plain; charset=utf-8",
        date: str | None = "Tue, 1 Dec 2026 10:00:00 +0100") -> bytes:
    """A small message built in the test: headers, then the body as given."""
    lines = ["From: Help Desk <help@example.com>", "To: user@example.org", "Subject: Test",
             *([f"Date: {date}"] if date else []), "Message-ID: <t@example.com>",
             "MIME-Version: 1.0", f"Content-Type: {content_type}"]
    top = "\r\n".join(lines) + "\r\n" + headers.replace("\n", "\r\n")
    return (top + "\r\n").encode() + body.replace("\n", "\r\n").encode()


def one(data: bytes, **kw):
    conversation = mail.read_eml(data, "test.eml", **kw)
    assert conversation.source == "email" and len(conversation.messages) == 1
    return conversation.messages[0]


def code_of(call, *args, **kw) -> str:
    with pytest.raises(BadInput) as got:
        call(*args, **kw)
    return got.value.code


# -- one .eml ----------------------------------------------------------------------------------

def test_a_help_desk_reply_prefers_the_plain_text_and_folds_the_quoted_reply():
    conversation = mail.read_eml(fixture("helpdesk_reply.eml"), "helpdesk_reply.eml")
    m = conversation.messages[0]
    assert conversation.title == m.subject == "Re: [#12345] Withdrawal not received"
    assert m.sender == "Binance Support <support@binance.com>"
    assert m.from_address == "support@binance.com"
    assert m.recipients == ("Li Wei <li.wei@example.org>", "Case Desk <cases@binance.com>")
    assert m.sent_at == "2026-12-01T18:42:05+08:00"
    assert m.message_id == "<reply-2.12345@help.binance.com>"
    assert m.text.startswith("Dear Li Wei,\n\nYour withdrawal (ID 87341265)")
    assert m.text.endswith("Binance Support\n\n[earlier message quoted: 3 lines]")
    assert "wrote:" not in m.text and "0.5 BTC" not in m.text
    assert "<p>" not in m.text  # the HTML alternative was not used
    assert m.links == ("https://www.binance.com/en/my/wallet/history/withdraw",)
    assert conversation.participants[0] == m.sender


def test_the_raw_headers_are_kept_in_order_as_written():
    m = one(fixture("helpdesk_reply.eml"))
    names = [name for name, _ in m.headers]
    assert names[:4] == ["Return-Path", "Received", "DKIM-Signature", "From"]
    dkim = dict(m.headers)["DKIM-Signature"]
    assert dkim.startswith("v=1; a=rsa-sha256;") and "\r\n\th=from:to" in dkim  # folding kept


def test_an_html_only_message_becomes_text_with_its_links():
    m = one(fixture("html_only.eml"))
    assert "track(" not in m.text and "color:" not in m.text and "OKX\n" not in m.text
    assert m.text.splitlines()[:3] == [
        "Security verification", "",
        "Hello, we noticed a login from a new device & location."]
    assert ("If this was not you, lock your account (https://www.okx.com/account/security) at "
            "once.") in m.text
    assert "Device: Chrome on Windows" in m.text and "Place: Lisbon — Portugal" in m.text
    assert "Café Wi-Fi?" in m.text  # iso-8859-1 quoted-printable
    assert m.links == ("https://www.okx.com/account/security", "https://www.okx.com/help")
    assert m.sent_at == "2026-12-02T02:15:44-05:00"


def test_encoded_headers_and_a_gb2312_body_are_read_and_the_chinese_quote_is_folded():
    m = one(fixture("chinese_gb2312.eml"))
    assert m.sender == "火币客服 <service@htx.com>" and m.from_address == "service@htx.com"
    assert m.recipients == ("李伟 <li.wei@example.org>",)
    assert m.subject == "回复: 提现到账问题"
    assert "您的提现申请（编号 87341265）已经处理完毕" in m.text
    assert m.text.endswith("火币客服\n\n[earlier message quoted: 2 lines]")
    assert "写道" not in m.text and "为什么" not in m.text


def test_attachments_pdf_and_inline_png_are_kept_with_their_bytes():
    m = one(fixture("with_attachment.eml"))
    assert [(a.name, a.media_type) for a in m.attachments] == [
        ("statement-2026-11.pdf", "application/pdf"), ("screenshot.png", "image/png")]
    assert m.attachments[0].data.startswith(b"%PDF-1.4") and m.attachments[0].data.endswith(
        b"%%EOF\n")
    assert m.attachments[1].data.startswith(b"\x89PNG\r\n\x1a\n")
    assert m.text == "Please find your statement attached, and the screenshot you asked for."


def test_a_look_alike_sender_and_the_html_link_it_hides_are_both_kept():
    m = one(fixture("lookalike_sender.eml"))
    assert m.from_address == "support@binance-support.help"
    assert m.sender == "Binance Support <support@binance-support.help>"
    # The plain text shows one address, the HTML link goes to another: both are links.
    assert m.links == ("https://binance.com.verify-wallet.help/release",
                       "https://blnance.com/release?id=12345")


def test_outlook_original_message_and_header_blocks_are_folded_but_a_forward_is_kept():
    original = "Thanks, we refunded it.\n\n-----Original Message-----\nFrom: user\nhelp me\n"
    assert one(eml(original)).text == ("Thanks, we refunded it.\n\n"
                                       "[earlier message quoted: 2 lines]")
    block = ("Done.\n________________________________\nFrom: Li Wei <u@example.org>\n"
             "Sent: Monday, November 30, 2026 9:10 PM\nTo: Help\nSubject: refund\n\nwhere?\n")
    assert one(eml(block)).text == "Done.\n[earlier message quoted: 5 lines]"
    forward = eml("See below.\n\nFrom: Scam <x@binance-support.help>\nSent: today\n\nPay now.",
                  headers="X-Note: forward\n").replace(b"Subject: Test", b"Subject: Fwd: pay")
    assert "Pay now." in one(forward).text


def test_inline_replies_keep_the_answers_between_quotes():
    text = one(eml("On Mon, 30 Nov 2026, Li Wei <u@example.org>\nwrote:\n> Question one?\n"
                   "Answer one.\n> Question two?\n>\n> more\nAnswer two.\n")).text
    assert text.splitlines() == ["[earlier message quoted: 1 lines]", "Answer one.",
                                 "[earlier message quoted: 2 lines]", "Answer two."]


def test_a_charset_that_lies_is_read_as_utf8_and_undecodable_text_is_refused():
    assert one(eml("Café 咖啡", content_type="text/plain; charset=us-ascii")).text == "Café 咖啡"
    assert one(eml("咖啡", content_type="text/plain; charset=x-no-such")).text == "咖啡"
    bad = eml("", content_type="text/plain; charset=utf-8") + b"\xb9\xfe\xff\xfe caf\xe9"
    with pytest.raises(BadInput) as got:
        mail.read_eml(bad, "bad.eml")
    assert got.value.code == "evidence.email_bad_encoding"
    assert got.value.params == {"file": "bad.eml", "charset": "utf-8"}


def test_a_raw_utf8_header_is_read_as_utf8():
    data = eml("hi").replace(b"Subject: Test", "Subject: 提现 café".encode())
    assert one(data).subject == "提现 café"


def test_the_date_keeps_its_offset_and_a_bad_or_missing_one_is_refused():
    assert one(eml("x", date="Tue, 01 Dec 2026 10:00:00 -0000")).sent_at == \
        "2026-12-01T10:00:00+00:00"
    assert code_of(mail.read_eml, eml("x", date=None), "a.eml") == "evidence.email_no_date"
    assert code_of(mail.read_eml, eml("x", date="next Tuesday"), "a.eml") == \
        "evidence.email_bad_date"
    no_zone = eml("x", date="Tue, 01 Dec 2026 10:00:00")
    assert code_of(mail.read_eml, no_zone, "a.eml") == "evidence.email_date_no_zone"
    assert one(no_zone, timezone="Asia/Shanghai").sent_at == "2026-12-01T10:00:00+08:00"
    assert code_of(mail.read_eml, no_zone, "a.eml", timezone="Mars/Base") == \
        "evidence.email_bad_timezone"


def test_what_is_not_an_email_is_refused():
    png = fixture("with_attachment.eml")  # its PNG, decoded, is binary
    binary = one(png).attachments[1].data
    for data in (binary, b"Just some notes I typed.\nNothing else.\n", b""):
        assert code_of(mail.read_eml, data, "x.eml") == "evidence.email_not_email"


def test_a_truncated_message_is_refused():
    assert code_of(mail.read_eml, fixture("truncated.eml"), "t.eml") == "evidence.email_truncated"
    mixed = "multipart/mixed; boundary=b"
    cut_after_boundary = eml("--b\nContent-Type: text/plain\n\nhello\n--b\n", content_type=mixed)
    assert code_of(mail.read_eml, cut_after_boundary, "t.eml") == "evidence.email_truncated"
    cut_in_preamble = eml("This is a multi-part message in MIME format.\n", content_type=mixed)
    assert code_of(mail.read_eml, cut_in_preamble, "t.eml") == "evidence.email_truncated"
    # Only the closing line missing, the last part whole: read, as mail clients do.
    unclosed = eml("--b\nContent-Type: text/plain\n\nhello\n", content_type=mixed)
    assert one(unclosed).text == "hello"


def test_an_attachment_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(mail, "MAX_ATTACHMENT_BYTES", 100)
    with pytest.raises(BadInput) as got:
        mail.read_eml(fixture("with_attachment.eml"), "a.eml")
    assert got.value.code == "evidence.email_attachment_too_big"
    assert got.value.params == {"name": "statement-2026-11.pdf", "size": 125}
    assert "125 bytes" in str(got.value)


# -- an .mbox ----------------------------------------------------------------------------------

MBOX = "takeout.mbox"


def test_an_mbox_is_listed_by_thread_for_a_person_to_pick():
    assert mail.mbox_threads(fixture(MBOX), MBOX) == [
        ("<user-1.12345@example.org>", "[#12345] Withdrawal not received", 2,
         "2026-11-30T21:10:00+08:00", "2026-12-01T18:42:05+08:00"),
        ("<scam-3@binance-support.help>", "回复: 账户冻结", 1,
         "2026-12-02T16:00:00+08:00", "2026-12-02T16:00:00+08:00")]


def test_an_mbox_is_read_into_one_conversation_a_thread():
    first, second = mail.read_mbox(fixture(MBOX), MBOX)
    assert first.title == "[#12345] Withdrawal not received"
    assert [m.message_id for m in first.messages] == [
        "<user-1.12345@example.org>", "<reply-2.12345@help.binance.com>"]
    # mboxrd's ">From " escape is undone, so the line is not taken for a quote.
    assert first.messages[0].text.endswith("\nFrom my side the TxID is 3f1c0d9e5b7a.")
    assert first.messages[1].text.endswith("[earlier message quoted: 1 lines]")
    scam = second.messages[0]
    assert scam.sender == "币安客服 <support@binance-support.help>"
    assert scam.links == ("https://binance-support.help/unlock",)
    assert not any(name.startswith("From ") for name, _ in scam.headers)


def test_an_mbox_is_filtered_by_thread_sender_or_subject():
    data = fixture(MBOX)
    by_reply = mail.read_mbox(data, MBOX, thread="reply-2.12345@help.binance.com")
    assert [c.title for c in by_reply] == ["[#12345] Withdrawal not received"]
    assert len(by_reply[0].messages) == 2
    by_sender = mail.read_mbox(data, MBOX, sender="BINANCE-SUPPORT")
    assert [m.message_id for c in by_sender for m in c.messages] == [
        "<scam-3@binance-support.help>"]
    by_subject = mail.read_mbox(data, MBOX, subject="[#12345]", sender="support@binance.com")
    assert [m.message_id for c in by_subject for m in c.messages] == [
        "<reply-2.12345@help.binance.com>"]
    assert code_of(mail.read_mbox, data, MBOX, thread="<nope@x>") == "evidence.email_no_thread"
    assert code_of(mail.read_mbox, data, MBOX, sender="kraken") == "evidence.email_no_match"


def _message(n: int, subject: str, day: int) -> str:
    """One message of an mbox, with no References or In-Reply-To."""
    return (f"From x@y Mon Dec 01 00:00:00 2026\nFrom: a{n}@example.com\n"
            f"Subject: {subject}\nDate: {day} Dec 2026 10:00:00 +0000\n"
            f"Message-ID: <m{n}@example.com>\n\nbody {n}\n\n")


def test_messages_without_references_are_threaded_by_their_subject():
    data = (_message(1, "Refund 555", 1) + _message(2, "RE: Fwd: Refund  555", 3)
            + _message(3, "回复：Refund 555", 2) + _message(4, "Other", 4)).encode()
    threads = mail.mbox_threads(data)
    assert [(key, count) for key, _, count, _, _ in threads] == [
        ("<m1@example.com>", 3), ("<m4@example.com>", 1)]
    first = mail.read_mbox(data, "x.mbox")[0]
    assert [m.text for m in first.messages] == ["body 1", "body 3", "body 2"]  # by time


def test_what_is_not_an_mbox_or_too_big_is_refused():
    assert code_of(mail.read_mbox, fixture("helpdesk_reply.eml"), "a.mbox") == \
        "evidence.email_not_mbox"
    garbage = b"From x Mon Dec 01 00:00:00 2026\n\x00\x01\x02binary\n"
    assert code_of(mail.read_mbox, garbage, "a.mbox") == "evidence.email_not_email"

    class Huge(bytes):  # only its length is asked for before it is refused
        def __len__(self):
            return email_mbox.MAX_MBOX_BYTES + 1
    with pytest.raises(BadInput) as got:
        mail.read_mbox(Huge(b"From "), "big.mbox")
    assert got.value.code == "evidence.email_mbox_too_big"
    assert got.value.params == {"file": "big.mbox", "size": 2 * 1024 ** 3 + 1}


def test_an_unescaped_from_line_stays_in_its_body_and_a_repeated_message_is_read_once():
    message = (b"From x@y Mon Dec 01 00:00:00 2026\nFrom: a@example.com\nSubject: Hi\n"
               b"Date: 1 Dec 2026 10:00:00 +0000\nMessage-ID: <same@example.com>\n\n"
               b"Read this.\n\nFrom now on, write to us here.\n\n")
    (conversation,) = mail.read_mbox(message + message, "x.mbox")
    assert [m.text for m in conversation.messages] == [
        "Read this.\n\nFrom now on, write to us here."]


def test_an_empty_plain_part_beside_the_html_gives_way_to_it():
    body = ("--a\nContent-Type: text/plain\n\n\n--a\nContent-Type: text/html\n\n"
            "<p>Your ticket <b>[#777]</b> is closed.</p>\n--a--\n")
    assert one(eml(body, content_type="multipart/alternative; boundary=a")).text == \
        "Your ticket [#777] is closed."


def test_a_quoted_reply_in_html_is_folded_too():
    html = ('<div>Thanks, done.</div><div class="gmail_quote">On Mon, 30 Nov 2026 at 21:10, '
            'Li Wei &lt;u@example.org&gt; wrote:<blockquote>Hello<br>TxID <b>3f1c</b>.'
            '<blockquote>older</blockquote></blockquote></div>')
    assert one(eml(html, content_type="text/html; charset=utf-8")).text == (
        "Thanks, done.\n\n[earlier message quoted: 3 lines]")
