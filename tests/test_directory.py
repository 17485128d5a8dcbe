"""The directory's rules through the service: phone numbers in E.164, platform and channel
details, the warnings before a contact, and old dumps that lack the new fields."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.domain import channels as rules
from journal.errors import BadInput
from tests.conftest import open_copy

DUMP_V2 = Path(__file__).resolve().parent / "fixtures" / "dump_v2.json"


# -- phone numbers ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, e164", [
    ("+1 (888) 908-7930", "+18889087930"),
    ("+1 888 908 7930", "+18889087930"),
    ("+18889087930", "+18889087930"),
    ("001 888 908 7930", "+18889087930"),
    ("+44 20 7946 0958", "+442079460958"),
    ("+65 6123 4567", "+6561234567"),
    ("+86 400 880 0888", "+864008800888"),
    ("+800 1234 5678", "+80012345678"),
])
def test_phone_numbers_are_stored_in_e164(journal, typed, e164):
    journal.add_platform("Coinbase")
    assert journal.add_channel("Coinbase", kind="phone", value=typed).value == e164


@pytest.mark.parametrize("typed, words", [
    ("888 908 7930", "no country code"),
    ("(888) 908-7930", "no country code"),
    ("+1 555 0100", "not a valid phone number"),
    ("+1 888 123 4567", "not a valid phone number"),
    ("+44 12", "not a valid phone number"),
    ("call me", "not a phone number"),
])
def test_a_bad_phone_number_is_one_sentence_and_adds_nothing(journal, typed, words):
    journal.add_platform("Coinbase")
    with pytest.raises(BadInput) as excinfo:
        journal.add_channel("Coinbase", kind="phone", value=typed)
    message = str(excinfo.value)
    assert words in message and "\n" not in message and message.endswith(".")
    assert journal.channels("Coinbase") == []


def test_the_same_number_typed_twice_is_refused_and_found_however_it_is_written(journal):
    journal.add_platform("Coinbase")
    ch = journal.add_channel("Coinbase", kind="phone", value="+1 888 908 7930")
    with pytest.raises(BadInput, match="already has"):
        journal.add_channel("Coinbase", kind="phone", value="+1 (888) 908-7930")
    case = journal.open_case("Coinbase", "Locked")
    call = journal.log(case.id, kind="call", contact="+1-888-908-7930")
    assert call.channel_id == ch.id
    assert call.contact == "+1-888-908-7930"  # the record keeps what was typed


def test_other_kinds_of_channel_are_not_read_as_numbers(journal):
    journal.add_platform("OKX")
    assert journal.add_channel("OKX", kind="chat", value="App > Support 123").value == \
        "App > Support 123"
    assert rules.phone_key("support@okx.com") is None
    assert rules.phone_key("+1 888 908 7930") == "+18889087930"
    assert rules.display_phone("+18889087930") == "+1 888-908-7930"


# -- platform and channel details --------------------------------------------------------------

def test_a_platform_keeps_every_detail_and_the_ledger_its_history(journal):
    p = journal.add_platform(
        "Kraken", kind="exchange", website="https://www.kraken.com",
        help_url="https://support.kraken.com", status_url="https://status.kraken.com",
        support_hours="24/7 chat; phone Mon-Fri 9-17", time_zone="America/Los_Angeles",
        languages=["en", "zh_CN"], countries=["us", "GB", "gb"])
    assert (p.help_url, p.status_url, p.support_hours, p.time_zone, p.languages, p.countries) == (
        "https://support.kraken.com", "https://status.kraken.com",
        "24/7 chat; phone Mon-Fri 9-17", "America/Los_Angeles", ("en", "zh-CN"), ("GB", "US"))
    q = journal.update_platform("Kraken", countries=["US"], status_url="", time_zone="UTC")
    assert (q.countries, q.status_url, q.time_zone, q.website) == \
        (("US",), None, "UTC", "https://www.kraken.com")
    history = [e for e in _ledger(journal) if e["entity"] == "platform"]
    assert [e["action"] for e in history] == ["create", "amend"]
    assert history[0]["body"]["countries"] == ["GB", "US"]
    assert history[1]["body"] == {"countries": ["US"], "status_url": None, "time_zone": "UTC"}


def _ledger(journal) -> list[dict]:
    return journal.dump()["ledger"]


@pytest.mark.parametrize("field, value, words", [
    ("time_zone", "Mars/Olympus", "not a time zone"),
    ("countries", ["USA"], "two-letter country code"),
    ("countries", ["XX"], "two-letter country code"),
    ("help_url", "support.kraken.com", "https://"),
    ("status_url", "ftp://status", "https://"),
    ("languages", ["english!"], "language code"),
])
def test_bad_platform_details_are_refused(journal, field, value, words):
    with pytest.raises(BadInput, match=words):
        journal.add_platform("Kraken", **{field: value})
    assert journal.platforms() == []
    journal.add_platform("Kraken")
    with pytest.raises(BadInput, match=words):
        journal.update_platform("Kraken", **{field: value})
    assert journal.platform("Kraken").time_zone is None


def test_channel_status_defaults_from_its_source_and_can_be_set(journal):
    journal.add_platform("Binance")
    official = journal.add_channel("Binance", kind="email", value="support@binance.com",
                                   source="official-site", hours="24/7")
    heard = journal.add_channel("Binance", kind="phone", value="+1 800 555 0199",
                                source="community", last_checked="2026-11-01")
    assert (official.status.value, official.verified, official.hours) == ("verified", True, "24/7")
    assert (heard.status.value, heard.last_checked) == ("unverified", "2026-11-01")
    assert official.last_checked is not None  # added today: checked today
    fake = journal.update_channel(heard.id, status="reported-fake")
    assert fake.status.value == "reported-fake" and not fake.verified
    with pytest.raises(BadInput, match="channel status"):
        journal.update_channel(heard.id, status="trusted")
    with pytest.raises(BadInput, match="in the future"):
        journal.update_channel(heard.id, last_checked="2999-01-01")
    with pytest.raises(BadInput, match="not a date"):
        journal.add_channel("Binance", kind="chat", value="app", last_checked="yesterday")


def test_changing_a_value_is_checked_against_the_kind(journal):
    journal.add_platform("Binance")
    ch = journal.add_channel("Binance", kind="phone", value="+1 800 555 0100")
    assert journal.update_channel(ch.id, value="+1 (800) 555-0101").value == "+18005550101"
    with pytest.raises(BadInput, match="no country code"):
        journal.update_channel(ch.id, value="800 555 0102")
    assert journal.update_channel(ch.id, kind="email", value="help@binance.com").value == \
        "help@binance.com"
    assert journal.channel(ch.id).value == "help@binance.com"


# -- warnings before a contact -------------------------------------------------------------------

@pytest.fixture
def directory(journal):
    journal.add_platform("Coinbase", countries=["US", "CA"])
    journal.add_platform("Kraken")
    ch = {
        "official": journal.add_channel("Coinbase", kind="phone", value="+1 888 908 7930",
                                        source="official-site"),
        "community": journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0199",
                                         source="community"),
        "fake": journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0666",
                                    source="community", status="reported-fake"),
        "shared": journal.add_channel("Kraken", kind="phone", value="+1 800 555 0142",
                                      source="official-site"),
    }
    return journal, ch


def _kinds(warnings) -> list[str]:
    return [w.kind for w in warnings]


def test_a_verified_channel_gives_no_warning(directory):
    journal, ch = directory
    assert journal.contact_warnings("Coinbase", channel_id=ch["official"].id) == []
    assert journal.contact_warnings("Coinbase", contact="+1 (888) 908-7930") == []
    assert journal.contact_warnings("Coinbase", contact="  ") == []


def test_each_warning(directory):
    journal, ch = directory
    assert _kinds(journal.contact_warnings("Coinbase", contact="+1 415 555 2671")) == \
        ["not-listed"]
    assert _kinds(journal.contact_warnings("Coinbase", channel_id=ch["community"].id)) == \
        ["unverified"]
    assert _kinds(journal.contact_warnings("Coinbase", channel_id=ch["fake"].id)) == \
        ["reported-fake"]
    shared = journal.contact_warnings("Coinbase", contact="+18005550142")
    assert _kinds(shared) == ["not-listed", "other-platform"]
    assert shared[1].details["platforms"] == ["Kraken"]
    assert "Kraken" in shared[1].sentence()
    abroad = journal.contact_warnings("Coinbase", contact="+44 20 7946 0958")
    assert _kinds(abroad) == ["not-listed", "country"]
    assert abroad[1].details["countries"] == ["GB"] and abroad[1].details["listed"] == ["CA", "US"]
    assert "GB" in abroad[1].sentence() and "CA, US" in abroad[1].sentence()


def test_no_country_warning_without_listed_countries_or_for_shared_numbers(directory):
    journal, _ = directory
    # Kraken lists no countries: nothing to compare with.
    assert "country" not in _kinds(journal.contact_warnings("Kraken", contact="+44 20 7946 0958"))
    # A +1 800 number is toll-free in the US and Canada alike; +800 belongs to no country.
    assert "country" not in _kinds(journal.contact_warnings("Coinbase", contact="+1 800 555 0111"))
    journal.update_platform("Coinbase", countries=["GB"])
    assert "country" not in _kinds(journal.contact_warnings("Coinbase", contact="+800 1234 5678"))
    assert "country" in _kinds(journal.contact_warnings("Coinbase", contact="+1 415 555 2671"))


def test_a_number_reported_fake_elsewhere_warns_here_too(directory):
    journal, ch = directory
    journal.add_channel("Kraken", kind="phone", value="+1 800 555 0666", source="community",
                        status="reported-fake")
    kinds = _kinds(journal.contact_warnings("Kraken", contact="+1 800 555 0666"))
    assert kinds[0] == "reported-fake" and "other-platform" in kinds


def test_channel_warnings_are_about_the_directory_entry(directory):
    journal, ch = directory
    copy = journal.add_channel("Coinbase", kind="phone", value="+1 800 555 0142",
                               source="official-site")
    assert _kinds(journal.channel_warnings(copy.id)) == ["other-platform"]
    assert journal.channel_warnings(ch["official"].id) == []
    gb = journal.add_channel("Coinbase", kind="phone", value="+44 20 7946 0958",
                             source="official-site")
    assert _kinds(journal.channel_warnings(gb.id)) == ["country"]


def test_every_sentence_is_one_line(directory):
    journal, ch = directory
    for contact in ("+1 415 555 2671", "+18005550142", "+44 20 7946 0958", "+1 800 555 0666"):
        for w in journal.contact_warnings("Coinbase", contact=contact):
            s = w.sentence()
            assert s and "\n" not in s and s.endswith(".") and w.contact in s


# -- after a failed attempt -----------------------------------------------------------------------

def test_after_a_failed_attempt_only_verified_channels_and_the_status_page(directory):
    journal, ch = directory
    journal.update_platform("Coinbase", status_url="https://status.coinbase.com")
    email = journal.add_channel("Coinbase", kind="email", value="help@coinbase.com",
                                source="official-site")
    case = journal.open_case("Coinbase", "Locked")
    journal.log(case.id, kind="call", channel_id=ch["official"].id, outcome="no-answer")
    tips = journal.reach_suggestions(case.id, tried_channel_id=ch["official"].id)
    assert [c.id for c in tips["channels"]] == [email.id]
    assert tips["status_url"] == "https://status.coinbase.com"


# -- dumps ---------------------------------------------------------------------------------------

def test_new_details_round_trip_through_a_dump(tmp_path, directory, templates):
    journal, ch = directory
    journal.update_platform("Coinbase", time_zone="America/New_York", languages=["en"],
                            help_url="https://help.coinbase.com", support_hours="24/7")
    journal.update_channel(ch["community"].id, hours="Mon-Fri", last_checked="2026-10-01")
    case = journal.open_case("Coinbase", "Locked", category="withdrawal")
    first = journal.checklist(case.id)[0]
    call = journal.log(case.id, kind="call", channel_id=ch["official"].id, answered=[first.id])
    document = json.loads(json.dumps(journal.dump()))
    with open_copy(templates, "other", tmp_path / "copy") as copy:
        copy.import_dump(document)
        assert copy.platform("Coinbase") == journal.platform("Coinbase")
        assert copy.channels() == journal.channels()
        assert copy.checklist(case.id) == journal.checklist(case.id)
        assert copy.checklist(case.id)[0].interaction_id == call.id
        assert copy.check().ok


def test_a_dump_from_schema_2_imports_with_the_new_fields_filled_in(tmp_path, templates):
    document = json.loads(DUMP_V2.read_text("utf-8"))
    assert document["schema"] == 2 and "checklist" not in document
    assert "status" not in document["channels"][0]
    with open_copy(templates, "other", tmp_path / "new") as j:
        counts = j.import_dump(document)
        assert counts["channels"] == 3
        official, community = j.channels("Coinbase")
        assert (official.value, official.status.value) == ("+1 (888) 908-7930", "verified")
        assert (community.status.value, community.last_checked) == ("unverified", None)
        assert j.platform("Coinbase").countries == ()
        [case] = j.cases()
        assert j.checklist(case.id) == []
        assert j.check().ok
        # The old, unnormalized number is still recognised as the same line.
        assert j.contact_warnings("Coinbase", contact="+18889087930") == []


def test_a_new_dump_missing_its_checklist_is_refused(journal, templates):
    journal.add_platform("Coinbase")
    document = json.loads(json.dumps(journal.dump()))
    del document["checklist"]
    with open_copy(templates, "other", Path(journal.folder).parent / "copy2") as copy:
        with pytest.raises(BadInput, match='no "checklist" list'):
            copy.import_dump(document)
        del document["channels"]
        with pytest.raises(BadInput, match='no "channels" list'):
            copy.import_dump(document)


def test_a_number_of_many_countries_is_named_by_its_calling_code(directory):
    journal, _ = directory
    journal.update_platform("Coinbase", countries=["GB"])
    [w] = [w for w in journal.contact_warnings("Coinbase", contact="+1 800 555 0111")
           if w.kind == "country"]
    assert len(w.details["countries"]) > 20 and w.details["calling_code"] == "+1"
    assert "one of" in w.sentence() and "countries sharing +1" in w.sentence()
    assert "AG," not in w.sentence()


def test_the_time_there_is_in_the_platform_s_zone():
    from datetime import datetime, timezone
    monday_noon_utc = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)
    assert rules.time_there("Asia/Singapore", monday_noon_utc) == "0 20:00"
    assert rules.time_there("America/Los_Angeles", monday_noon_utc) == "0 04:00"
    assert rules.time_there("Pacific/Kiritimati", datetime(2026, 11, 23, 11, 0,
                                                           tzinfo=timezone.utc)) == "1 01:00"
    assert rules.time_there(None) is None
