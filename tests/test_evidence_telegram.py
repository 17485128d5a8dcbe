"""Telegram Desktop's JSON export (result.json) read into a conversation: one chat or the
account's export, its text, links, files and service lines, and every way a file is refused."""
from __future__ import annotations

import json

import pytest

from journal.domain.evidence import telegram
from journal.domain.evidence.telegram import read_telegram, telegram_chats
from journal.errors import BadInput

from .conftest import ROOT

HERE = ROOT / "tests" / "fixtures" / "evidence" / "telegram"
SINGLE = (HERE / "single" / "result.json").read_bytes()
FULL = (HERE / "full" / "result.json").read_bytes()
PHOTO_PATH = "photos/photo_1@28-11-2026_18-15-02.jpg"
PHOTO = (HERE / "single" / PHOTO_PATH).read_bytes()


def refused(data: bytes, **options) -> BadInput:
    with pytest.raises(BadInput) as got:
        read_telegram(data, "result.json", **options)
    return got.value


def export(*messages, **chat) -> bytes:
    """An export of one chat holding `messages`."""
    return json.dumps({"name": "Ken", "type": "personal_chat", "id": 42, **chat,
                       "messages": list(messages)}).encode()


def message(id=1, **fields) -> dict:
    return {"id": id, "type": "message", "date": "2026-11-28T18:02:11",
            "date_unixtime": "1795860131", "from": "Ken", "from_id": "user42", "text": "hi",
            **fields}


# -- one chat ----------------------------------------------------------------------------------

def test_a_single_chat_export_is_one_chat_to_choose():
    assert telegram_chats(SINGLE) == [(7012345678, "Binance Support", "personal_chat", 7)]


def test_the_chat_is_read_in_order_with_sender_account_and_id_the_scammer_first():
    chat = read_telegram(SINGLE, "result.json")
    assert (chat.source, chat.title) == ("telegram", "Binance Support")
    assert chat.participants == ("Binance Support", "Li Wei")
    first = chat.messages[0]
    assert (first.sender, first.from_address, first.message_id) == \
        ("Binance Support", "user7012345678", "1")
    assert [m.message_id for m in chat.messages] == ["1", "2", "3", "4", "5", "6", "7"]


def test_times_come_from_date_unixtime_in_utc_or_in_the_zone_asked_for():
    assert read_telegram(SINGLE, "r.json").messages[0].sent_at == "2026-11-28T10:02:11+00:00"
    shanghai = read_telegram(SINGLE, "r.json", timezone="Asia/Shanghai")
    assert shanghai.messages[0].sent_at == "2026-11-28T18:02:11+08:00"


def test_an_unknown_time_zone_is_refused():
    assert refused(SINGLE, timezone="Mars/Olympus").code == "time_zone.invalid"


def test_text_parts_are_joined_and_a_written_out_link_is_kept():
    first = read_telegram(SINGLE, "r.json").messages[0]
    assert first.text == ("Hello, this is Binance Support. We detected an unauthorized "
                          "withdrawal attempt on your account. Verify your wallet now: "
                          "https://binance-verify-secure.com/login or your funds will be frozen.")
    assert first.links == ("https://binance-verify-secure.com/login",)


def test_a_link_under_other_words_shows_where_it_really_goes():
    third = read_telegram(SINGLE, "r.json").messages[2]
    assert third.links == ("https://binance-com.security-check.top/verify",)
    assert third.text.startswith("Official notice: complete the check on binance.com/security "
                                 "(https://binance-com.security-check.top/verify) within")


def test_chinese_text_is_kept_as_written():
    second = read_telegram(SINGLE, "r.json").messages[1]
    assert second.text == "你好，我没有申请提现。这是真的币安客服吗？"


def test_a_photo_of_the_export_folder_becomes_a_file_of_its_message():
    fourth = read_telegram(SINGLE, "r.json", files={PHOTO_PATH: PHOTO}).messages[3]
    assert fourth.text == "This is your case file."
    [photo] = fourth.attachments
    assert (photo.name, photo.media_type, photo.data) == \
        ("photo_1@28-11-2026_18-15-02.jpg", "image/jpeg", PHOTO)


def test_a_photo_not_given_with_the_export_is_said_in_the_text():
    fourth = read_telegram(SINGLE, "r.json", files=None).messages[3]
    assert fourth.attachments == ()
    assert fourth.text.endswith("[file not in the export: photo_1@28-11-2026_18-15-02.jpg]")


def test_a_file_the_export_left_out_is_named_in_the_text_and_nothing_fails():
    fifth = read_telegram(SINGLE, "r.json", files={PHOTO_PATH: PHOTO}).messages[4]
    assert fifth.attachments == ()
    assert fifth.text == \
        "[reply to message 4]\n我的银行流水\n[file not in the export: bank_statement.pdf]"


def test_a_service_message_is_kept_as_a_short_line_of_its_actor():
    call = read_telegram(SINGLE, "r.json").messages[5]
    assert (call.sender, call.from_address, call.text) == \
        ("Binance Support", "user7012345678", "[phone call, 312 s, hangup]")


def test_forwarded_and_edited_messages_say_so():
    chat = read_telegram(SINGLE, "r.json")
    assert chat.messages[6].text.startswith("[forwarded from Binance]\nBinance will never ask")
    assert chat.messages[2].text.endswith("\n[edited 2026-11-28T10:06:30+00:00]")


def test_an_older_export_without_unix_times_needs_the_zone_it_was_made_in():
    old = export({k: v for k, v in message().items() if k != "date_unixtime"})
    error = refused(old)
    assert error.code == "evidence.telegram_needs_timezone" and "--timezone" in str(error)
    assert read_telegram(old, "r.json", timezone="Europe/London").messages[0].sent_at == \
        "2026-11-28T18:02:11+00:00"


def test_a_control_character_written_as_backslash_x_is_read():
    data = export(message(text="a\\x0Bb")).replace(b"a\\\\x0Bb", b"a\\x0Bb")
    assert read_telegram(data, "r.json").messages[0].text == "a\x0bb"


def test_a_result_json_saved_again_as_utf16_is_read():
    assert read_telegram(SINGLE.decode().encode("utf-16"), "r.json").messages[1].sender == "Li Wei"


# -- the account's export: several chats ---------------------------------------------------------

def test_a_full_export_lists_its_chats():
    assert telegram_chats(FULL) == [
        (7012345678, "Binance Support", "personal_chat", 2),
        (1987654321, "Crypto Recovery Help", "private_supergroup", 3)]


def test_a_full_export_needs_the_chat_to_be_chosen():
    error = refused(FULL)
    assert error.code == "evidence.telegram_choose_chat" and error.params["count"] == 2
    assert "--chat" in str(error)


def test_a_chat_is_chosen_by_id_or_by_name():
    assert read_telegram(FULL, "r.json", chat=1987654321).title == "Crypto Recovery Help"
    assert read_telegram(FULL, "r.json", chat="7012345678").title == "Binance Support"
    group = read_telegram(FULL, "r.json", chat="crypto recovery help")
    assert group.messages[0].text == "[invite members: Li Wei]"
    assert group.participants == ("Recovery Agent Tom", "Li Wei")


def test_a_full_exports_media_paths_are_relative_to_its_folder():
    path = "chats/chat_02/photos/photo_3@29-11-2026_09-01-30.jpg"
    group = read_telegram(FULL, "r.json", chat="Crypto Recovery Help", files={path: b"jpeg"})
    assert group.messages[1].attachments[0].data == b"jpeg"


def test_a_chat_not_in_the_export_is_refused():
    assert refused(FULL, chat="Binance").code == "evidence.telegram_no_such_chat"


def test_two_chats_of_one_name_need_the_id():
    twice = json.dumps({"chats": {"list": [
        {"name": "Ken", "type": "personal_chat", "id": 1, "messages": [message()]},
        {"name": "Ken", "type": "personal_chat", "id": 2, "messages": [message()]}]}}).encode()
    assert refused(twice, chat="Ken").code == "evidence.telegram_chat_ambiguous"
    assert read_telegram(twice, "r.json", chat=2).messages[0].sender == "Ken"


# -- who contacted the user first ---------------------------------------------------------------

def read_fixture(folder: str, **options):
    return read_telegram((HERE / folder / "result.json").read_bytes(), "result.json", **options)


def account(*chats, user_id=5550001234) -> bytes:
    """An export of the account of Li Wei (user5550001234) holding `chats`."""
    return json.dumps({"personal_information": {"user_id": user_id, "first_name": "Li",
                                                "last_name": "Wei"},
                       "chats": {"list": list(chats)}}).encode()


def group(*messages) -> dict:
    return {"name": "Refund Desk", "type": "private_supergroup", "id": 77,
            "messages": list(messages)}


def service(id, actor, actor_id, action, **fields) -> dict:
    return {"id": id, "type": "service", "date": "2026-11-28T18:00:00",
            "date_unixtime": "1795860000", "actor": actor, "actor_id": actor_id,
            "action": action, "text": "", **fields}


ME = {"from": "Li Wei", "from_id": "user5550001234"}


def test_a_personal_chat_the_other_person_began_names_them_from_one_chat_alone():
    assert read_fixture("single").first_contact == "Binance Support"


def test_an_account_export_names_who_began_the_personal_chat_and_who_added_the_user():
    assert read_fixture("full", chat="Binance Support").first_contact == "Binance Support"
    assert read_fixture("full", chat="Crypto Recovery Help").first_contact == \
        "Recovery Agent Tom"


def test_a_chat_the_user_began_has_no_first_contact_whatever_came_before_it():
    chat = read_fixture("user_first")
    assert chat.messages[0].text == "[joined telegram]"   # a service line, no one reaching out
    assert chat.messages[1].sender == "Li Wei" and chat.first_contact is None


def test_a_group_exported_alone_cannot_say_who_was_added_is_the_user():
    chat = read_fixture("group_unknown")
    assert chat.messages[0].text == "[invite members: Li Wei]" and chat.first_contact is None


def test_a_call_counts_as_contact_whoever_made_it():
    call = {"type": "service", "action": "phone_call", "actor": "Ken", "actor_id": "user42",
            "discard_reason": "missed"}
    they_called = export(message(1, **call), message(2, **ME))
    assert read_telegram(they_called, "r.json").first_contact == "Ken"
    user_called = export(message(1, **{**call, "actor": "Li Wei",
                                       "actor_id": "user5550001234"}), message(2))
    assert read_telegram(user_called, "r.json").first_contact is None


def test_an_export_older_than_2021_with_numeric_ids_is_read_alike():
    old = export(message(1, from_id=42), message(2, from_id=5550001234, **{"from": "Li Wei"}))
    assert read_telegram(old, "r.json").first_contact == "Ken"
    in_account = account({"name": "Ken", "type": "personal_chat", "id": 42, "messages": [
        message(1, from_id=5550001234, **{"from": "Li Wei"}), message(2, from_id=42)]})
    assert read_telegram(in_account, "r.json").first_contact is None


def test_the_account_export_knows_the_user_in_a_personal_chat_by_their_id():
    chat = {"name": "Ken", "type": "personal_chat", "id": 42, "messages": [message(1, **ME),
                                                                            message(2)]}
    assert read_telegram(account(chat), "r.json").first_contact is None
    assert read_telegram(account(chat, user_id=9), "r.json").first_contact == "Li Wei"


def test_who_made_a_group_with_the_user_in_it_contacted_them():
    made = group(service(1, "Tom", "user66", "create_group", title="Refund Desk",
                         members=["Tom", "Li Wei"]), message(2, **ME))
    assert read_telegram(account(made), "r.json").first_contact == "Tom"


@pytest.mark.parametrize("first", [
    message(1, **ME),                                                 # the user spoke first
    service(1, "Li Wei", "user5550001234", "join_group_by_link", inviter="Tom"),
    service(1, "Li Wei", "user5550001234", "invite_members", members=["Li Wei"]),  # joined
])
def test_a_group_the_user_spoke_in_or_joined_first_has_no_first_contact(first):
    later = service(2, "Tom", "user66", "invite_members", members=["Li Wei"])
    assert read_telegram(account(group(first, later)), "r.json").first_contact is None


def test_inviting_someone_else_is_no_contact_of_the_user():
    others = group(service(1, "Tom", "user66", "invite_members", members=["Ken"]),
                   message(2, **ME))
    assert read_telegram(account(others), "r.json").first_contact is None


def test_the_users_name_as_the_chat_writes_it_is_known_as_theirs():
    renamed = group(service(1, "Tom", "user66", "invite_members", members=["Wei Li"]),
                    message(2, **{**ME, "from": "Wei Li"}))
    assert read_telegram(account(renamed), "r.json").first_contact == "Tom"


# -- bad input ---------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"28/11/2026, 18:02 - Ken: hi\n", b"[1, 2]", b'{"about": "x"}',
                                  b""])
def test_what_is_not_a_telegram_export_is_refused(data):
    assert refused(data).code == "evidence.telegram_not_export"


def test_a_cut_short_export_is_refused_as_truncated():
    assert refused((HERE / "truncated" / "result.json").read_bytes()).code == \
        "evidence.telegram_truncated"


def test_a_file_that_is_not_text_is_refused():
    assert refused(PHOTO).code == "evidence.telegram_not_text"


def test_a_chat_without_messages_is_refused():
    error = refused(export())
    assert error.code == "evidence.telegram_empty" and error.params["chat"] == "Ken"


def test_a_message_without_a_readable_time_is_refused_with_its_number():
    error = refused(export(message(), message(2, date_unixtime="soon")))
    assert error.code == "evidence.telegram_bad_message" and error.params["n"] == 2


def test_a_message_the_export_could_not_write_is_left_out():
    chat = read_telegram(export({"id": 1, "type": "unsupported"}, message(2)), "r.json")
    assert [m.message_id for m in chat.messages] == ["2"]


@pytest.mark.parametrize("data", [b"[" * 100_000 + b"]" * 100_000,
                                  b'{"messages": [], "id": ' + b"9" * 5000 + b"}"])
def test_absurd_nesting_or_numbers_are_refused(data):
    assert refused(data).code == "evidence.telegram_too_deep"


def test_a_file_over_the_limit_is_refused_before_it_is_read(monkeypatch):
    assert telegram.MAX_BYTES == 512 * 2**20  # a test does not make 512 MiB: the limit shrinks
    monkeypatch.setattr(telegram, "MAX_BYTES", len(SINGLE) - 1)
    assert refused(SINGLE).code == "evidence.telegram_too_big"
