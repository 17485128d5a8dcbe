"""Chat transcripts read as text, and detect() choosing the reader of any evidence file."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from journal.domain.evidence.detect import detect
from journal.domain.evidence.transcript import read_transcript
from journal.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures" / "evidence" / "transcript"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def read(text: str, **options):
    return read_transcript(text.encode("utf-8"), "chat.txt", **options)


def code_of(data: bytes, **options) -> str:
    with pytest.raises(BadInput) as caught:
        read_transcript(data, "chat.txt", **options)
    return caught.value.code


# -- the fixtures --------------------------------------------------------------------------------

def test_intercom_transcript_keeps_zone_of_its_header_speakers_ticket_and_links():
    chat = read_transcript(fixture("intercom_binance.txt"), "intercom_binance.txt")
    assert chat.source == "transcript"
    assert chat.title == "Conversation with Ken Li (Ticket #48213077)"
    assert chat.participants == ("Ken Li", "Operator", "Anna from Binance")
    first, *_, last = chat.messages
    assert len(chat.messages) == 5
    # 02:02 PM in Asia/Shanghai, from "Started on … Asia/Shanghai time": no --timezone needed.
    assert first.sent_at == "2026-11-24T14:02:00+08:00"
    assert first.text.endswith("txid not shown yet.")       # the continuation line is kept
    assert "#48213077" in chat.messages[2].text
    assert last.links == ("https://www.binance.com/en/support/faq",)
    assert "Exported from" not in last.text                 # the footer is no one's message


def test_chinese_web_chat_with_full_width_colons_and_a_date_header():
    chat = read_transcript(fixture("webchat_zh.txt"), "webchat_zh.txt",
                           timezone="Asia/Shanghai")
    assert chat.participants == ("客服", "我")
    assert chat.title == "在线客服聊天记录 (会话编号：CS20261124-0392)"
    assert [m.sent_at for m in chat.messages][:2] == ["2026-11-24T14:02:11+08:00",
                                                      "2026-11-24T14:02:40+08:00"]
    assert chat.messages[1].text == ("我的提现一直显示“审核中”，已经三天了。\n"
                                     "提现编号 2026112400187733")


def test_times_without_a_zone_need_the_timezone_option():
    data = fixture("times_only.txt")
    with pytest.raises(BadInput) as caught:
        read_transcript(data, "times_only.txt")
    assert caught.value.code == "evidence.transcript_timezone"
    assert "--timezone" in str(caught.value)
    chat = read_transcript(data, "times_only.txt", timezone="Europe/London")
    assert [(m.sender, m.sent_at) for m in chat.messages[:2]] == [
        ("Binance Support", "2026-11-24T14:02:00+00:00"), ("Ken", "2026-11-24T14:03:00+00:00")]
    assert chat.messages[1].text == "My withdrawal is stuck since Saturday.\nIt says processing."


def test_ambiguous_numeric_dates_need_the_date_order_option():
    data = fixture("ambiguous_dates.txt")
    with pytest.raises(BadInput) as caught:
        read_transcript(data, "ambiguous_dates.txt", timezone="UTC")
    assert caught.value.code == "evidence.transcript_date_order"
    assert "--date-order" in str(caught.value)
    dmy = read_transcript(data, "x", timezone="UTC", date_order="dmy")
    mdy = read_transcript(data, "x", timezone="UTC", date_order="mdy")
    assert dmy.messages[0].sent_at == "2026-11-03T09:15:00+00:00"
    assert mdy.messages[0].sent_at == "2026-03-11T09:15:00+00:00"


# -- the line shapes -----------------------------------------------------------------------------

@pytest.mark.parametrize("line, sent_at", [
    ("[2026-11-24 14:02] Ken: text", "2026-11-24T14:02:00+08:00"),
    ("2026-11-24 14:02:33 UTC Ken: text", "2026-11-24T14:02:33+00:00"),
    ("2026-11-24T14:02:33-05:00 Ken: text", "2026-11-24T14:02:33-05:00"),
    ("[24 Nov 2026, 2:02 PM GMT+1] Ken: text", "2026-11-24T14:02:00+01:00"),
    ("[2026年11月24日 下午2:02] Ken：text", "2026-11-24T14:02:00+08:00"),
])
def test_a_stamp_with_its_date_on_the_message_line(line, sent_at):
    [message] = read(line, timezone="Asia/Shanghai").messages
    assert (message.sender, message.sent_at, message.text) == ("Ken", sent_at, "text")


@pytest.mark.parametrize("line", ["Ken (14:02): text", "14:02 Ken: text",
                                  "(02:02:00 PM) Ken: text", "02:02 PM | Ken: text",
                                  "Ken · 2:02 PM\ntext", "Ken 14:02\ntext"])
def test_a_time_only_line_under_a_date_header(line):
    [message] = read("Tuesday, November 24, 2026\n" + line, timezone="UTC").messages
    assert (message.sender, message.sent_at, message.text) == (
        "Ken", "2026-11-24T14:02:00+00:00", "text")


def test_zendesk_transcript_zone_from_chat_started_and_join_notes_dropped():
    chat = read("Chat started: 2026-11-24 02:01 PM UTC\n\n"
                "(02:01:10 PM) *** Visitor 48213 joined the chat ***\n"
                "(02:01:15 PM) Visitor 48213: my deposit is missing\n"
                "(02:02:00 PM) *** Lisa joined the chat ***\n"
                "(02:02:30 PM) Lisa: Hello! Which network did you use?\n")
    assert [(m.sender, m.sent_at, m.text) for m in chat.messages] == [
        ("Visitor 48213", "2026-11-24T14:01:15+00:00", "my deposit is missing"),
        ("Lisa", "2026-11-24T14:02:30+00:00", "Hello! Which network did you use?")]


def test_times_past_midnight_go_on_to_the_next_day_and_a_new_header_sets_the_day():
    chat = read("2026-11-24\n23:58 Ken: still waiting\n00:03 Agent: sorry for the wait\n"
                "2026-11-27\n09:00 Agent: resolved", timezone="UTC")
    assert [m.sent_at[:16] for m in chat.messages] == [
        "2026-11-24T23:58", "2026-11-25T00:03", "2026-11-27T09:00"]


def test_a_sentence_ending_in_a_time_stays_in_its_message():
    chat = read("November 24, 2026\nKen · 14:02\nI sent it at 14:00\nand again: nothing",
                timezone="UTC")
    assert [m.text for m in chat.messages] == ["I sent it at 14:00\nand again: nothing"]


def test_date_order_is_settled_by_a_day_above_twelve():
    chat = read("[03/11/2026 09:15] Ken: a\n[25/11/2026 10:00] Ken: b", timezone="UTC")
    assert chat.messages[0].sent_at.startswith("2026-11-03")


def test_a_date_that_is_no_day_is_refused():
    assert code_of(b"[31/02/2026 09:15] Ken: a", timezone="UTC") == "evidence.transcript_bad_date"


def test_an_unknown_time_zone_is_refused():
    assert code_of(b"[2026-11-24 09:15] Ken: a", timezone="Mars/Olympus") == "time_zone.invalid"


# -- encodings and bad input ---------------------------------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("gb18030", b""), ("utf-8", b"\xef\xbb\xbf")])
def test_utf16_with_bom_and_gb18030_are_read(encoding, bom):
    text = "2026年11月24日\n[14:02] 客服：您好\n[14:03] 我：提现没到账"
    chat = read_transcript(bom + text.encode(encoding), "x", timezone="Asia/Shanghai")
    assert [m.text for m in chat.messages] == ["您好", "提现没到账"]


@pytest.mark.parametrize("data, code", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "evidence.transcript_not_text"),
    (b"\xff\xfe\x00\xd8", "evidence.transcript_not_text"),          # UTF-16 BOM, lone surrogate
    (b"\xef\xbb\xbf[14:02] Ken: \xff\xfe", "evidence.transcript_not_text"),  # a lying BOM
    (b"Dear customer, your withdrawal is complete.\nRegards", "evidence.transcript_not_transcript"),
    (b"Ken: my withdrawal is stuck\nAgent: please wait", "evidence.transcript_no_times"),
    (b"14:02 Ken: hello\n14:03 Agent: hi", "evidence.transcript_no_date"),
])
def test_bad_input_is_refused_with_its_code(data, code):
    assert code_of(data, timezone="UTC") == code


def test_over_64_mib_is_too_big():
    assert code_of(b"x" * (64 * 1024 * 1024 + 1)) == "evidence.transcript_too_big"


# -- detect: which reader takes a file ---------------------------------------------------------

def _zip(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            z.writestr(name, b"24/11/2026, 14:02 - Ken: hi\n")
    return out.getvalue()


EML = (b"Return-Path: <support@binance.com>\r\nReceived: from mail.binance.com\r\n"
       b"From: Binance <support@binance.com>\r\nSubject: [#48213077] Withdrawal\r\n"
       b"Date: Tue, 24 Nov 2026 14:02:00 +0800\r\n\r\nHello Ken")


@pytest.mark.parametrize("data, name, kind", [
    (b"anything", "message.eml", "email"),
    (EML, "download", "email"),
    (b"From support@binance.com Tue Nov 24 14:02:00 2026\nFrom: a@b.c\n\nhi", "All mail.mbox",
     "mbox"),
    (b'{\n "name": "Binance Support",\n "type": "personal_chat",\n "messages": [', "result.json",
     "telegram"),
    (b'{"about": "export", "chats": {"list": []}}', "result.json", "telegram"),
    (b'{"something": "else"}', "data.json", None),
    (_zip(["_chat.txt", "00000012-PHOTO.jpg"]), "WhatsApp Chat - Ken.zip", "whatsapp"),
    (_zip(["WhatsApp Chat with Binance.txt"]), "export.zip", "whatsapp"),
    (_zip(["notes.txt"]), "other.zip", None),
    (b"24/11/2026, 14:02 - Binance Support: Hello\n", "chat.txt", "whatsapp"),
    (b"11/24/26, 2:02\xe2\x80\xafPM - Ken: hi\n", "chat.txt", "whatsapp"),
    ("[24/11/2026, 14:02:33] Ken: 你好\n".encode(), "chat.txt", "whatsapp"),
    (b"\xe2\x80\x8e[24.11.26, 14:02:33] Ken: hi\n", "_chat.txt", "whatsapp"),
    ("2026/11/24 下午2:02 - Ken: 你好\n".encode(), "chat.txt", "whatsapp"),
    (fixture("intercom_binance.txt"), "transcript.txt", "transcript"),
    (fixture("webchat_zh.txt"), "paste.txt", "transcript"),
    (fixture("ambiguous_dates.txt"), "a.txt", "transcript"),
    (b"Ken: hello\nAgent: hi there", "paste.txt", "transcript"),
    (b"Note: a single line", "notes.txt", None),
    (b"Dear Ken,\nthank you for writing.", "letter.txt", None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "shot.png", None),
])
def test_detect_names_the_reader(data, name, kind):
    assert detect(data, name) == kind


def test_detect_looks_at_the_first_64_kib_only_and_mends_a_cut_character():
    head = ("2026年11月24日\n[14:02] 客服：您好\n" + "提" * 40000).encode()
    assert detect(head[:65536], "paste.txt") == "transcript"   # a character cut in two


def test_a_line_beginning_with_a_date_is_text_not_a_header_or_a_speaker():
    chat = read("[2026-11-24 14:02] Ken: my deposit\n2026-11-20 was the day I sent it\n"
                "[2026-11-24 14:03] Agent: noted", timezone="UTC")
    assert [m.text for m in chat.messages] == [
        "my deposit\n2026-11-20 was the day I sent it", "noted"]
    assert chat.messages[1].sent_at == "2026-11-24T14:03:00+00:00"   # the day did not change


def test_utf8_cut_inside_its_last_character_is_still_utf8():
    data = "2026-11-24\n[14:02] 客服：您好，请稍等".encode()[:-1]
    [message] = read_transcript(data, "x", timezone="Asia/Shanghai").messages
    assert message.text == "您好，请稍\ufffd"


def test_a_labelled_date_line_is_a_header_not_a_speaker():
    chat = read("日期：2026年11月24日\n[14:02] 客服：您好", timezone="Asia/Shanghai")
    assert [(m.sender, m.sent_at) for m in chat.messages] == [
        ("客服", "2026-11-24T14:02:00+08:00")]
