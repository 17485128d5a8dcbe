"""A WhatsApp chat export (.txt or .zip with media) read into a Conversation: Android and iOS
lines, 12- and 24-hour clocks, the day/month order and time zone asked when unknown."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from journal.domain.evidence import whatsapp
from journal.domain.evidence.whatsapp import read_whatsapp
from journal.errors import BadInput

FIXTURES = Path(__file__).parent / "fixtures" / "evidence" / "whatsapp"
ANDROID = "WhatsApp Chat with +44 7700 900123.txt"
IOS = "_chat.txt"
AMBIGUOUS = "WhatsApp Chat with Kraken Support.txt"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def expect_refused(code: str, data: bytes, name: str = "chat.txt", **kw) -> BadInput:
    kw.setdefault("timezone", "Europe/London")
    with pytest.raises(BadInput) as caught:
        read_whatsapp(data, name, **kw)
    assert caught.value.code == code, str(caught.value)
    return caught.value


def one(line: str, **kw) -> whatsapp.ImportedMessage:
    kw.setdefault("timezone", "UTC")
    (message,) = read_whatsapp(line.encode(), "chat.txt", **kw).messages
    return message


# -- the two fixtures of the two phones -------------------------------------------------------

def test_an_android_export_with_a_fake_support_number():
    chat = read_whatsapp(fixture(ANDROID), ANDROID, timezone="Europe/London")
    assert chat.source == "whatsapp" and chat.title == "+44 7700 900123"
    assert chat.participants == ("+44 7700 900123", "Mei Lin")
    first, _, fee, media, question, answer, *_, last = chat.messages
    assert len(chat.messages) == 8           # the encryption notice is no one's message
    assert first.sender == "+44 7700 900123" and first.from_address == "+447700900123"
    assert first.sent_at == "2023-11-24T14:02:00+00:00"
    assert chat.messages[1].sender == "Mei Lin" and chat.messages[1].from_address is None
    # A message of three lines, its link without the sentence's full stop.
    assert fee.text.splitlines() == [
        "Case 48213. To release the funds you must first pay a verification fee of 50 USDT.",
        "Send it to the wallet on this page and confirm here:",
        "https://binance-support.help/verify?case=48213."]
    assert fee.links == ("https://binance-support.help/verify?case=48213",)
    assert media.text == "[media not in the export]" and media.attachments == ()
    assert question.text == "你们是币安官方客服吗？" and "验证费" in answer.text
    assert last.links == ("www.binance-support.help",)
    assert last.sent_at == "2023-11-25T09:30:00+00:00"


def test_an_ios_export_with_a_12_hour_clock_narrow_spaces_and_marks_across_a_dst_change():
    chat = read_whatsapp(fixture(IOS), IOS, timezone="America/New_York")
    assert chat.title == "Coinbase Help"     # from the notice, as "_chat.txt" names no one
    assert [m.sent_at for m in chat.messages] == [
        "2023-11-03T21:15:40-04:00", "2023-11-03T21:17:05-04:00",
        "2023-11-04T10:01:12-04:00", "2023-11-06T08:30:00-05:00",   # clocks went back 5 Nov
        "2023-11-14T12:05:09-05:00", "2023-11-15T00:01:30-05:00"]   # 12 PM noon, 12 AM night
    assert chat.messages[0].text == "Hi Sam, we got your request about the locked account."
    photo = chat.messages[2]
    assert photo.text == "<attached: 00000012-PHOTO-2023-11-04-10-01-12.jpg>"
    assert photo.attachments == ()           # the .txt alone has no photo to give
    assert chat.messages[-1].text == "[media not in the export]"
    assert not any("\u200e" in m.text or "\ufeff" in m.sender for m in chat.messages)


# -- the day/month order and the zone ---------------------------------------------------------

def test_a_file_whose_every_date_could_be_either_order_asks_for_it():
    data = fixture(AMBIGUOUS)
    error = expect_refused("evidence.whatsapp_date_order", data, AMBIGUOUS)
    assert "`--date-order dmy|mdy`" in str(error) and "03.04.24" in str(error)
    day_first = read_whatsapp(data, AMBIGUOUS, date_order="dmy", timezone="Europe/Berlin")
    month_first = read_whatsapp(data, AMBIGUOUS, date_order="mdy", timezone="Europe/Berlin")
    assert day_first.messages[0].sent_at == "2024-04-03T10:15:00+02:00"
    assert month_first.messages[0].sent_at == "2024-03-04T10:15:00+01:00"
    assert day_first.title == "Kraken Support"


def test_a_given_order_the_file_contradicts_is_refused():
    error = expect_refused("evidence.whatsapp_date_order_wrong", fixture(ANDROID), ANDROID,
                    date_order="mdy")
    assert error.params["line"] == 1 and error.params["value"] == "24/11/2023"
    agreeing = read_whatsapp(fixture(ANDROID), ANDROID, date_order="dmy", timezone="UTC")
    assert len(agreeing.messages) == 8


def test_the_time_zone_must_be_given_and_known():
    error = expect_refused("evidence.whatsapp_timezone", fixture(ANDROID), ANDROID, timezone=None)
    assert "`--timezone`" in str(error)
    expect_refused("evidence.whatsapp_bad_timezone", fixture(ANDROID), timezone="Mars/Olympus_Mons")
    expect_refused("evidence.whatsapp_bad_timezone", fixture(ANDROID), timezone="../../etc/passwd")


@pytest.mark.parametrize("line, sent_at", [
    ("11/24/23, 2:02 PM - Ken: hi", "2023-11-24T14:02:00+00:00"),
    ("11/24/23, 2:02\u202fpm - Ken: hi", "2023-11-24T14:02:00+00:00"),
    ("24/11/2023, 2:02 p.m. - Ken: hi", "2023-11-24T14:02:00+00:00"),
    ("[24/11/2023, 14:02:33] Ken: hi", "2023-11-24T14:02:33+00:00"),
    ("\u200e[11/24/23, 2:02:33\u00a0AM] Ken: hi", "2023-11-24T02:02:33+00:00"),
    ("24.11.23, 14:02 - Ken: hi", "2023-11-24T14:02:00+00:00"),
    ("24-11-2023 14:02 - Ken: hi", "2023-11-24T14:02:00+00:00"),
    ("2023-11-24, 14:02 - Ken: hi", "2023-11-24T14:02:00+00:00"),
])
def test_the_line_formats_of_the_locales(line, sent_at):
    message = one(line)
    assert (message.sender, message.text, message.sent_at) == ("Ken", "hi", sent_at)


def test_a_date_or_time_that_does_not_exist_is_refused_with_its_line():
    error = expect_refused("evidence.whatsapp_bad_date",
                    b"24/11/2023, 14:02 - Ken: hi\n30/02/2023, 14:03 - Ken: again\n")
    assert error.params["line"] == 2
    expect_refused("evidence.whatsapp_bad_date", b"11/24/23, 13:02 PM - Ken: hi\n")


# -- notices, numbers and media ---------------------------------------------------------------

def test_notices_are_left_out_and_acts_of_the_sender_kept():
    android = ("24/11/2023, 14:00 - Ken created group \"Refund\"\n"
               "24/11/2023, 14:01 - Ken changed the subject to \"Refund: case 42\"\n"
               "24/11/2023, 14:02 - \u202a+44\u00a07700\u00a0900123\u202c: hello\n")
    (message,) = read_whatsapp(android.encode(), "chat.txt", timezone="UTC").messages
    assert message.sender == "+44 7700 900123" and message.from_address == "+447700900123"
    ios = ("[24/11/2023, 14:00:00] Refund: \u200eKen added you\n"
           "[24/11/2023, 14:01:00] Ken: \u200eThis message was deleted.\n"
           "[24/11/2023, 14:02:00] Ken: \u200eMissed voice call\n")
    chat = read_whatsapp(ios.encode(), "chat.txt", timezone="UTC")
    assert [m.text for m in chat.messages] == ["This message was deleted.", "Missed voice call"]
    assert chat.title == "Refund"


def test_an_ios_zip_gives_the_photo_a_line_names():
    data = zipped({"_chat.txt": fixture(IOS),
                   "00000012-PHOTO-2023-11-04-10-01-12.jpg": JPEG})
    chat = read_whatsapp(data, "WhatsApp Chat - Coinbase Help.zip",
                         timezone="America/New_York")
    assert chat.title == "Coinbase Help"
    (photo,) = chat.messages[2].attachments
    assert (photo.name, photo.media_type, photo.data) == (
        "00000012-PHOTO-2023-11-04-10-01-12.jpg", "image/jpeg", JPEG)
    assert sum(len(m.attachments) for m in chat.messages) == 1


def test_an_android_zip_attaches_what_it_holds_in_any_wording_and_keeps_the_caption():
    chat_txt = ("24/11/2023, 14:02 - Ken: IMG-20231124-WA0003.jpg (file attached)\n"
                "my screenshot of the withdrawal\n"
                "24/11/2023, 14:03 - Ken: Kontoauszug.pdf (Datei angehängt)\n"
                "24/11/2023, 14:04 - Ken: VID-20231124-WA0004.mp4 (file attached)\n")
    data = zipped({"WhatsApp Chat with Ken.txt": chat_txt.encode(),
                   "IMG-20231124-WA0003.jpg": JPEG, "Kontoauszug.pdf": b"%PDF-1.4\n"})
    chat = read_whatsapp(data, "export.zip", timezone="UTC")
    assert chat.title == "Ken"
    photo, statement, missing = chat.messages
    assert photo.text == "IMG-20231124-WA0003.jpg (file attached)\nmy screenshot of the withdrawal"
    assert [(f.name, f.media_type) for f in photo.attachments] == [
        ("IMG-20231124-WA0003.jpg", "image/jpeg")]
    assert statement.attachments[0].media_type == "application/pdf"
    assert missing.attachments == () and "VID-20231124-WA0004.mp4" in missing.text


# -- who contacted the user first --------------------------------------------------------------

ANDROID_GROUP = "WhatsApp Chat with Binance VIP Refund.txt"
IOS_GROUP = "ios_group/_chat.txt"
HISTORY_FIRST = "WhatsApp Chat with USDT Signals.txt"


def first_contact(data: bytes, name: str = "chat.txt", timezone: str = "UTC") -> str | None:
    return read_whatsapp(data, name, timezone=timezone).first_contact


def test_a_chat_with_one_person_who_wrote_first_names_them():
    assert first_contact(fixture(ANDROID), ANDROID) == "+44 7700 900123"
    # iOS: "_chat.txt" names no one; the chat's name is that of its notices.
    assert first_contact(fixture(IOS), IOS) == "Coinbase Help"


def test_a_chat_the_user_began_has_no_first_contact():
    chat = read_whatsapp(fixture(AMBIGUOUS), AMBIGUOUS, date_order="dmy", timezone="UTC")
    assert chat.messages[0].sender == "Ken" and chat.first_contact is None


def test_an_android_group_names_who_made_it_and_added_the_user():
    chat = read_whatsapp(fixture(ANDROID_GROUP), ANDROID_GROUP, timezone="Europe/London")
    assert chat.first_contact == "+44 7700 900456"
    assert chat.title == "Binance VIP Refund" and len(chat.messages) == 4   # notices stay out
    assert chat.messages[0].text.startswith("Welcome to the Binance VIP refund desk")


def test_an_ios_group_names_who_added_the_user_alone_or_in_its_zip():
    chat = read_whatsapp(fixture(IOS_GROUP), "_chat.txt", timezone="America/New_York")
    assert chat.first_contact == "Agent Tom" and chat.title == "Crypto Recovery Desk"
    assert [m.sender for m in chat.messages] == ["Agent Tom", "Sam Ortiz", "Agent Tom"]
    zipped_chat = zipped({"_chat.txt": fixture(IOS_GROUP)})
    assert first_contact(zipped_chat, "WhatsApp Chat - Crypto Recovery Desk.zip") == "Agent Tom"


def test_a_group_where_messages_came_before_the_user_was_added_does_not_say():
    chat = read_whatsapp(fixture(HISTORY_FIRST), HISTORY_FIRST, timezone="UTC")
    assert chat.first_contact is None and chat.participants == (
        "Tom Baker", "Anna K", "Mei Lin")


@pytest.mark.parametrize("notice", [
    "You created group \"Refund\"", "You joined using this group's invite link",
    "You added Tom"])
def test_a_group_the_user_made_or_joined_themselves_has_no_first_contact(notice):
    android = (f"24/11/2023, 14:00 - {notice}\n24/11/2023, 14:01 - Tom added you\n"
               "24/11/2023, 14:02 - Tom: welcome\n")
    assert first_contact(android.encode(), "WhatsApp Chat with Refund.txt") is None
    ios = (f"[24/11/2023, 14:00:00] Refund: \u200e{notice}\n"
           "[24/11/2023, 14:01:00] Refund: \u200eTom added you\n"
           "[24/11/2023, 14:02:00] Tom: welcome\n")
    assert first_contact(ios.encode(), "_chat.txt") is None


def test_the_adder_is_named_only_in_the_english_wording_known():
    chat = ("24/11/2023, 14:00 - Tom hat dich hinzugefügt\n"
            "24/11/2023, 14:01 - Tom: willkommen\n24/11/2023, 14:02 - Ana: hallo\n"
            "24/11/2023, 14:03 - Mei: ?\n")
    assert first_contact(chat.encode(), "WhatsApp Chat with Refund.txt") is None


def test_the_person_a_chat_is_named_after_is_known_however_their_number_is_spaced():
    chat = b"24/11/2023, 14:02 - \xe2\x80\xaa+44 7700 900123\xe2\x80\xac: hello\n"
    assert first_contact(chat, "WhatsApp Chat with +447700900123.txt") == "+44 7700 900123"
    assert first_contact(chat, "WhatsApp Chat with +44 7700 900124.txt") is None


def test_a_chat_without_a_name_or_with_more_than_two_people_names_no_one_who_wrote():
    two = b"24/11/2023, 14:02 - Ken: hello\n24/11/2023, 14:03 - Mei: hi\n"
    assert first_contact(two, "chat.txt") is None
    assert first_contact(two, "WhatsApp Chat with Ken.txt") == "Ken"
    three = two + b"24/11/2023, 14:04 - Ana: hi all\n"
    assert first_contact(three, "WhatsApp Chat with Ken.txt") is None


# -- what is not an export --------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"Dear customer,\n24/11/2023, 14:02 - Ken: hi\n",
                                  b'{"name": "chat", "messages": []}', b"\x00\x01\x02"])
def test_what_is_not_an_export_is_refused(data):
    expect_refused("evidence.whatsapp_not_export", data)


def test_bytes_that_are_not_utf8_are_refused():
    expect_refused("evidence.whatsapp_not_utf8", "24/11/2023, 14:02 - José: olá\n".encode("latin-1"))


def test_a_zip_without_a_chat_or_cut_short_is_refused():
    expect_refused("evidence.whatsapp_zip_without_chat", zipped({"IMG-1.jpg": JPEG}), "a.zip")
    whole = zipped({"_chat.txt": fixture(IOS)})
    expect_refused("evidence.whatsapp_bad_zip", whole[:len(whole) // 2], "a.zip")


def test_more_than_the_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr(whatsapp, "MAX_BYTES", 1000)
    expect_refused("evidence.whatsapp_too_big", fixture(ANDROID) + b" " * 1000)
    # A zip small in itself whose photo unpacks past the limit.
    data = zipped({"_chat.txt": fixture(IOS),
                   "00000012-PHOTO-2023-11-04-10-01-12.jpg": b"\0" * 5000})
    assert len(data) < 1000
    expect_refused("evidence.whatsapp_too_big", data, "a.zip", timezone="America/New_York")
