"""The directory, the warnings before a doubtful contact, and case checklists, driven as a user
drives them: the CLI (journal.cli.main, in this process) on a journal of each test's own, a
copy of an empty one or of the module's `world`."""
from __future__ import annotations

import json
import re
import shutil
from datetime import date
from types import SimpleNamespace

import pytest

from .conftest import Cli

WARNING = "journal: warning: "


def _json(run_cli, *args):
    return json.loads(run_cli(*args, "--json", check=0).stdout)


def _new_id(run_cli, *args) -> int:
    """A creating command prints the new record's id on stdout, and only that."""
    out = run_cli(*args, check=0).stdout
    assert re.fullmatch(r"\d+\n", out), out
    return int(out)


def _refused(result) -> str:
    """Bad input: exit 1, one sentence on stderr, nothing on stdout."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("journal: "), result.stderr
    assert lines[0].endswith(".") and "Traceback" not in result.stderr, result.stderr
    assert result.stdout == ""
    return lines[0]


def _warnings(result) -> list[str]:
    return [line[len(WARNING):] for line in result.stderr.splitlines()
            if line.startswith(WARNING)]


def _interaction(run_cli, case: int, iid: int) -> dict:
    shown = _json(run_cli, "case", "show", case)["interactions"]
    return next(i for i in shown if i["id"] == iid)


def _state(run_cli) -> tuple:
    return (_json(run_cli, "platform", "list"), _json(run_cli, "channel", "list"),
            _json(run_cli, "case", "list"))


@pytest.fixture
def run_cli(empty_cli):
    """The CLI in this process, on a copy of an empty journal (what `journal init` makes)."""
    return empty_cli


@pytest.fixture(scope="module")
def world_made(tmp_path_factory, templates):
    """Coinbase (US, CA) with a verified, an unverified and a reported-fake number, and a
    number Kraken lists too; Bitstamp (GB); a case on each. Made once; see `world`."""
    run_cli = Cli(tmp_path_factory.mktemp("world"), expect=None)
    templates.copy("empty", run_cli.dir)
    run_cli("platform", "add", "Coinbase", "--kind", "exchange", "--country", "US",
            "--country", "CA", "--status-url", "https://status.coinbase.com",
            "--help-url", "https://help.coinbase.com", check=0)
    run_cli("platform", "add", "Kraken", check=0)
    run_cli("platform", "add", "Bitstamp", "--country", "GB", check=0)
    add = ("channel", "add", "Coinbase", "--kind", "phone", "--value")
    w = SimpleNamespace(
        verified=_new_id(run_cli, *add, "+1 888 908 7930", "--source", "official-site"),
        unverified=_new_id(run_cli, *add, "+1 800 555 0100", "--source", "community"),
        fake=_new_id(run_cli, *add, "+1 800 555 0199", "--status", "reported-fake"),
        shared=_new_id(run_cli, *add, "+1 844 555 0100", "--source", "official-site"))
    shared_twice = run_cli("channel", "add", "Kraken", "--kind", "phone", "--value",
                           "+1 844 555 0100", check=0)
    w.shared_add = shared_twice
    w.coinbase_case = _new_id(run_cli, "case", "open", "Coinbase", "Card charged twice",
                              "--no-checklist")
    w.bitstamp_case = _new_id(run_cli, "case", "open", "Bitstamp", "Deposit missing",
                              "--no-checklist")
    return run_cli.dir, w


@pytest.fixture
def world(world_made, run_cli):
    """The module's world, as a copy of its own in place of run_cli's empty journal."""
    folder, w = world_made
    shutil.rmtree(run_cli.dir)
    shutil.copytree(folder, run_cli.dir)
    return SimpleNamespace(**vars(w))


# -- the directory ---------------------------------------------------------------------------

def test_a_phone_number_is_kept_in_e164_and_shown_so(run_cli):
    run_cli("platform", "add", "Coinbase", check=0)
    a = _new_id(run_cli, "channel", "add", "Coinbase", "--kind", "phone",
                "--value", "+1 (888) 908-7930")
    b = _json(run_cli, "channel", "add", "Coinbase", "--kind", "phone",
              "--value", "0044 20 7946 0958")
    assert b["value"] == "+442079460958"
    listed = {c["id"]: c for c in _json(run_cli, "channel", "list", "Coinbase")}
    assert listed[a]["value"] == "+18889087930"
    plain = run_cli("channel", "list", check=0).stdout
    assert re.search(rf"^{a}\s+Coinbase\s+phone\s+\+18889087930\s", plain, re.MULTILINE), plain
    assert "+442079460958" in plain and "(888)" not in plain


@pytest.mark.parametrize("args, words", [
    (("channel", "add", "Coinbase", "--kind", "phone", "--value", "888 908 7930"),
     "no country code"),
    (("channel", "add", "Coinbase", "--kind", "phone", "--value", "+44 20 79"), "phone number"),
    (("channel", "add", "Coinbase", "--kind", "email", "--value", "help@coinbase.com",
      "--checked", "2999-01-01"), "in the future"),
    (("channel", "edit", "1", "--value", "555 0100"), "no country code"),
    (("channel", "mark", "1", "unverified", "--checked", "2999-01-01"), "in the future"),
    (("channel", "mark", "1", "maybe"), "channel status"),
    (("platform", "add", "Kraken", "--country", "XX"), "country code"),
    (("platform", "add", "Kraken", "--time-zone", "Mars/Olympus"), "time zone"),
    (("platform", "edit", "Coinbase", "--country", "GB", "--country", "UK"), "country code"),
    (("platform", "edit", "Coinbase", "--time-zone", "GMT+25"), "time zone"),
    (("platform", "edit", "Coinbase"), "Say what to change"),
    (("channel", "edit", "1"), "Say what to change"),
])
def test_bad_directory_input_is_one_sentence_and_changes_nothing(run_cli, args, words):
    run_cli("platform", "add", "Coinbase", "--country", "US", check=0)
    run_cli("channel", "add", "Coinbase", "--kind", "phone", "--value", "+1 888 908 7930",
            check=0)
    before = _state(run_cli)
    assert words in _refused(run_cli(*args))
    assert _state(run_cli) == before


def test_platform_add_edit_show_with_every_option(run_cli):
    added = _json(run_cli, "platform", "add", "Coinbase", "--kind", "exchange",
                  "--website", "https://www.coinbase.com",
                  "--help-url", "https://help.coinbase.com",
                  "--status-url", "https://status.coinbase.com",
                  "--hours", "Mon-Fri 09:00-18:00", "--time-zone", "America/New_York",
                  "--language", "en", "--language", "es", "--country", "us", "--country", "CA")
    assert added["name"] == "Coinbase" and added["kind"] == "exchange"
    assert added["website"] == "https://www.coinbase.com"
    assert added["help_url"] == "https://help.coinbase.com"
    assert added["status_url"] == "https://status.coinbase.com"
    assert added["support_hours"] == "Mon-Fri 09:00-18:00"
    assert added["time_zone"] == "America/New_York"
    assert added["languages"] == ["en", "es"] and added["countries"] == ["CA", "US"]
    assert _json(run_cli, "platform", "list") == [added]
    plain = run_cli("platform", "list", check=0).stdout
    assert re.search(r"^1\s+Coinbase\s+exchange\s+CA,US\s+en,es\s+https://www.coinbase.com$",
                     plain, re.MULTILINE), plain

    edited = _json(run_cli, "platform", "edit", "coinbase", "--name", "Coinbase Global",
                   "--kind", "other", "--website", "https://coinbase.com",
                   "--help-url", "https://help.coinbase.com/en",
                   "--status-url", "https://status.coinbase.com/history",
                   "--hours", "24/7", "--time-zone", "Europe/Dublin",
                   "--language", "fr", "--country", "IE")
    assert edited == {**added, "name": "Coinbase Global", "kind": "other",
                      "website": "https://coinbase.com",
                      "help_url": "https://help.coinbase.com/en",
                      "status_url": "https://status.coinbase.com/history",
                      "support_hours": "24/7", "time_zone": "Europe/Dublin",
                      "languages": ["fr"], "countries": ["IE"]}
    cleared = _json(run_cli, "platform", "edit", "Coinbase Global", "--website", "",
                    "--help-url", "", "--status-url", "", "--hours", "", "--time-zone", "",
                    "--language", "", "--country", "")
    assert cleared == {**edited, "website": None, "help_url": None, "status_url": None,
                       "support_hours": None, "time_zone": None, "languages": [],
                       "countries": []}
    assert run_cli("platform", "edit", "1", "--country", "GB", check=0).stdout == \
        "Platform 1 (Coinbase Global) is updated.\n"
    assert _json(run_cli, "platform", "list")[0]["countries"] == ["GB"]


def test_platform_show_gives_its_details_and_channels(run_cli):
    run_cli("platform", "add", "Kraken", "--help-url", "https://support.kraken.com",
            "--hours", "24/7", "--time-zone", "UTC", "--country", "GB", check=0)
    run_cli("platform", "add", "OKX", check=0)
    cid = _new_id(run_cli, "channel", "add", "Kraken", "--kind", "email",
                  "--value", "support@kraken.com", "--source", "official-site", "--hours", "24/7")
    _new_id(run_cli, "channel", "add", "OKX", "--kind", "email", "--value", "help@okx.com")
    text = run_cli("platform", "show", "kraken", check=0).stdout
    assert text.startswith("Kraken (platform 1, other)\n")
    assert "help centre: https://support.kraken.com" in text
    assert "support hours: 24/7 (UTC)" in text and "countries: GB" in text
    assert re.search(rf"^{cid}\s+Kraken\s+email\s+support@kraken.com\s+official-site\s+verified"
                     rf"\s+\d{{4}}-\d\d-\d\d\s+24/7$", text, re.MULTILINE), text
    assert "help@okx.com" not in text
    shown = _json(run_cli, "platform", "show", "Kraken")
    assert shown["platform"]["name"] == "Kraken"
    assert [c["id"] for c in shown["channels"]] == [cid]
    run_cli("platform", "add", "Empty", check=0)
    assert "No channels yet" in run_cli("platform", "show", "Empty", check=0).stdout


def test_channel_add_with_status_checked_and_hours_then_edit_and_mark(run_cli):
    run_cli("platform", "add", "OKX", check=0)
    ch = _json(run_cli, "channel", "add", "OKX", "--kind", "phone", "--value", "+65 6123 4567",
               "--source", "community", "--checked", "2026-01-05", "--hours", "Mon-Fri")
    assert ch["status"] == "unverified" and ch["last_checked"] == "2026-01-05"
    assert ch["hours"] == "Mon-Fri" and ch["value"] == "+6561234567"
    official = _json(run_cli, "channel", "add", "OKX", "--kind", "chat", "--value", "in-app chat",
                     "--source", "in-app")
    assert official["status"] == "verified" and official["last_checked"] == date.today().isoformat()

    edited = _json(run_cli, "channel", "edit", ch["id"], "--value", "+65 6123 4568",
                   "--source", "official-site", "--source-url", "https://www.okx.com/help",
                   "--language", "en", "--language", "zh_CN", "--status", "verified",
                   "--checked", "2026-02-01", "--hours", "24/7")
    assert edited == {**ch, "value": "+6561234568", "source": "official-site",
                      "source_url": "https://www.okx.com/help", "languages": ["en", "zh-CN"],
                      "status": "verified", "last_checked": "2026-02-01", "hours": "24/7"}
    cleared = _json(run_cli, "channel", "edit", ch["id"], "--source-url", "", "--hours", "",
                    "--language", "")
    assert cleared["source_url"] is None and cleared["hours"] is None
    assert cleared["languages"] == []
    kind = _json(run_cli, "channel", "edit", ch["id"], "--kind", "email",
                 "--value", "help@okx.com")
    assert kind["kind"] == "email" and kind["value"] == "help@okx.com"

    marked = run_cli("channel", "mark", ch["id"], "reported-fake", "--checked", "2026-03-01",
                     check=0)
    assert marked.stdout == (f"Channel {ch['id']} of OKX: email help@okx.com, reported-fake, "
                             f"checked 2026-03-01.\n")
    again = _json(run_cli, "channel", "mark", ch["id"], "verified")
    assert again["status"] == "verified" and again["last_checked"] == date.today().isoformat()
    plain = run_cli("channel", "list", "OKX", check=0).stdout
    assert plain.splitlines()[0].split()[5:7] == ["STATUS", "CHECKED"]
    assert re.search(rf"^{ch['id']}\s+OKX\s+email\s+help@okx.com\s+official-site\s+verified\s+"
                     rf"{date.today().isoformat()}", plain, re.MULTILINE), plain


def test_channel_list_by_language_keeps_working_with_json(run_cli):
    run_cli("platform", "add", "OKX", check=0)
    zh = _new_id(run_cli, "channel", "add", "OKX", "--kind", "email", "--value", "cn@okx.com",
                 "--language", "zh-CN")
    _new_id(run_cli, "channel", "add", "OKX", "--kind", "email", "--value", "en@okx.com",
            "--language", "en")
    assert [c["id"] for c in _json(run_cli, "channel", "list", "--language", "zh")] == [zh]
    plain = run_cli("channel", "list", "OKX", "--language", "zh", check=0).stdout
    assert "cn@okx.com" in plain and "en@okx.com" not in plain


# -- warnings ----------------------------------------------------------------------------------

def test_adding_a_doubtful_channel_warns_and_still_adds_it(world, run_cli):
    assert world.shared_add.returncode == 0 and world.shared_add.stdout.strip().isdigit()
    assert _warnings(world.shared_add) == [
        "+18445550100 is also recorded for Coinbase. A number shared by two platforms is a "
        "common sign of a fake support line."]
    far = run_cli("channel", "add", "Bitstamp", "--kind", "phone", "--value", "+1 212 736 5000",
                  check=0)
    assert far.stdout.strip().isdigit()
    assert _warnings(far) == ["+12127365000 is a number in US, but Bitstamp lists support in "
                              "GB only."]
    assert len(_json(run_cli, "channel", "list", "Bitstamp")) == 1


@pytest.mark.parametrize("how, sentence", [
    (("--contact", "+1 800 555 0111"),
     "+1 800 555 0111 is not a listed channel of Coinbase. Check it on the platform's official "
     "website or app before you share anything."),
    (("--channel", "{unverified}"),
     "+18005550100 is an unverified channel of Coinbase (source: community). Check it on the "
     "official website or app first."),
    (("--contact", "+1 800-555-0100"),   # typed another way, still the unverified channel
     "+1 800-555-0100 is an unverified channel of Coinbase (source: community)."),
    (("--channel", "{fake}"),
     "+18005550199 is marked as reported fake for Coinbase. It is probably a scam: do not call "
     "it, pay or share anything."),
    (("--channel", "{shared}"),
     "+18445550100 is also recorded for Kraken. A number shared by two platforms is a common "
     "sign of a fake support line."),
    (("--contact", "+44 20 7946 0958"),
     "+44 20 7946 0958 is a number in GB, but Coinbase lists support in CA, US only."),
], ids=["not-listed", "unverified", "unverified-typed-otherwise", "reported-fake",
        "other-platform", "country"])
def test_log_warns_about_a_doubtful_contact_and_records_it(world, run_cli, how, sentence):
    option, value = how[0], how[1].format(**vars(world))
    result = run_cli("log", world.coinbase_case, "--kind", "call", option, value,
                     "--note", "Asked about the double charge.", check=0)
    iid = int(result.stdout)
    assert any(w.startswith(sentence) for w in _warnings(result)), result.stderr
    logged = _interaction(run_cli, world.coinbase_case, iid)
    assert logged["notes"] == "Asked about the double charge."
    if option == "--channel":
        assert logged["channel_id"] == int(value)


def test_a_number_outside_the_platforms_countries_is_warned_about(world, run_cli):
    result = run_cli("log", world.bitstamp_case, "--kind", "call",
                     "--contact", "+1 212 736 5000", check=0)
    assert _warnings(result) == [
        "+1 212 736 5000 is not a listed channel of Bitstamp. Check it on the platform's "
        "official website or app before you share anything.",
        "+1 212 736 5000 is a number in US, but Bitstamp lists support in GB only."]
    assert _interaction(run_cli, world.bitstamp_case, int(result.stdout))["contact"] == \
        "+1 212 736 5000"


def test_a_verified_channel_and_no_contact_give_no_warning(world, run_cli):
    for how in (("--channel", world.verified), ("--contact", "+1 (888) 908-7930"), ()):
        result = run_cli("log", world.coinbase_case, "--kind", "call", *how, check=0)
        assert result.stdout.strip().isdigit() and result.stderr == "", (how, result.stderr)


def test_a_failed_attempt_points_to_the_status_page_and_help_centre(world, run_cli):
    result = run_cli("log", world.coinbase_case, "--kind", "call", "--outcome", "no-answer",
                     "--channel", world.unverified, check=0)
    assert result.stdout.strip().isdigit()
    tip = result.stderr
    assert "did not connect (no-answer)" in tip and "unverified channel" in tip
    assert "status page and announcements for outages: https://status.coinbase.com" in tip
    assert "help centre: https://help.coinbase.com" in tip
    assert "phone +18889087930" in tip and "+18005550199" not in tip  # verified ones only
    assert "support hours" not in tip          # none listed yet
    run_cli("platform", "edit", "Coinbase", "--hours", "Mon-Fri 09:00-18:00", "--time-zone",
            "America/New_York", check=0)
    again = run_cli("log", world.coinbase_case, "--kind", "call", "--outcome", "busy",
                    "--channel", world.verified, check=0).stderr
    assert re.search(r"Its support hours: Mon-Fri 09:00-18:00 \(America/New_York; it is "
                     r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d there now\)\.", again), again


# -- checklists ---------------------------------------------------------------------------------

def _items(run_cli, case) -> dict[str, dict]:
    return {i["text"]: i for i in _json(run_cli, "checklist", "list", case)}


def test_checklist_from_case_open_to_log_answered_and_carry_over(run_cli):
    run_cli("platform", "add", "Binance", check=0)
    case = _new_id(run_cli, "case", "open", "Binance", "Withdrawal stuck",
                   "--category", "withdrawal", "--account", "UID 42")
    items = _items(run_cli, case)
    assert "Account ID or the e-mail of the account: UID 42" in items
    assert items["Transaction hash (TXID) or withdrawal ID"]["kind"] == "have"
    status_q = items["What is the status of the withdrawal, and why is it held?"]
    assert status_q["kind"] == "ask" and status_q["answered_at"] is None
    mine = _new_id(run_cli, "checklist", "add", case, "Why", "was", "my", "KYC", "rejected?")
    doc = _json(run_cli, "checklist", "add", case, "Passport scan", "--have")
    assert doc["kind"] == "have" and doc["case_id"] == case

    first = run_cli("log", case, "--kind", "chat", "--note", "queued", check=0)
    assert first.stderr == ""  # a checklist nobody ticks yet is not nagged about
    call = run_cli("log", case, "--kind", "call", "--answered", status_q["id"],
                   "--answered", mine, check=0)
    iid = int(call.stdout)
    items = _items(run_cli, case)
    assert items["Why was my KYC rejected?"]["interaction_id"] == iid
    assert items["What is the status of the withdrawal, and why is it held?"]["answered_at"]
    asks = sum(1 for i in items.values() if i["kind"] == "ask" and not i["answered_at"])
    haves = sum(1 for i in items.values() if i["kind"] == "have" and not i["answered_at"])
    assert call.stderr == (f"journal: still to ask next time (case {case}): {asks} questions, "
                           f"{haves} details — see `journal checklist list {case}`.\n")
    plain = run_cli("checklist", "list", case, check=0).stdout
    assert re.search(rf"^{mine}\s+\[x\]\s+ask\s+Why was my KYC rejected\?\s+\d{{4}}-\d\d-\d\d "
                     rf"\d\d:\d\d \S+ in #{iid}$", plain, re.MULTILINE), plain
    assert re.search(rf"^{doc['id']}\s+\[ \]\s+have\s+Passport scan$", plain, re.MULTILINE)
    shown = run_cli("case", "show", case, check=0).stdout
    assert "Passport scan" in shown and "Why was my KYC rejected?" not in shown
    assert f"`journal checklist list {case}`" in shown

    failed = run_cli("log", case, "--kind", "call", "--outcome", "busy", check=0)
    assert "still to ask" not in failed.stderr   # nothing was asked in a call that failed
    for i in _items(run_cli, case).values():
        if not i["answered_at"]:
            run_cli("checklist", "done", i["id"], check=0)
    done = run_cli("log", case, "--kind", "email", check=0)
    assert done.stderr == ""


def test_checklist_done_undo_edit_move_remove_suggest(run_cli):
    run_cli("platform", "add", "OKX", check=0)
    case = _new_id(run_cli, "case", "open", "OKX", "Fees", "--category", "fees")
    other = _new_id(run_cli, "case", "open", "OKX", "Another", "--no-checklist")
    call = _new_id(run_cli, "log", case, "--kind", "call")
    elsewhere = _new_id(run_cli, "log", other, "--kind", "call")
    item = _items(run_cli, case)["Will the fee be refunded?"]

    ticked = _json(run_cli, "checklist", "done", item["id"], "--interaction", call)
    assert ticked["interaction_id"] == call and ticked["answered_at"]
    assert run_cli("checklist", "undo", item["id"], check=0).stdout == \
        f"Checklist item {item['id']} is open again.\n"
    assert _items(run_cli, case)["Will the fee be refunded?"]["answered_at"] is None
    assert "belongs to case" in _refused(run_cli("checklist", "done", item["id"],
                                                 "--interaction", elsewhere))
    before = _json(run_cli, "case", "show", other)["interactions"]
    assert "belongs to case" in _refused(run_cli("log", other, "--kind", "call",
                                                 "--answered", item["id"]))
    assert _json(run_cli, "case", "show", other)["interactions"] == before

    edited = _json(run_cli, "checklist", "edit", item["id"], "Refund", "the", "fee?")
    assert edited["text"] == "Refund the fee?"
    order = _json(run_cli, "checklist", "move", item["id"], 1)
    assert order[0]["id"] == item["id"]
    assert "1 is the first" in _refused(run_cli("checklist", "move", item["id"], 0))
    assert run_cli("checklist", "remove", item["id"], check=0).stdout == \
        f"Removed checklist item {item['id']} from case {case}.\n"
    assert "Refund the fee?" not in _items(run_cli, case)
    _refused(run_cli("checklist", "remove", item["id"]))

    back = _json(run_cli, "checklist", "suggest", case)
    assert [i["text"] for i in back] == ["Will the fee be refunded?"]
    assert _json(run_cli, "checklist", "suggest", case) == []
    chinese = _json(run_cli, "checklist", "suggest", case, "--language", "zh_CN")
    assert "费用能否退还？" in [i["text"] for i in chinese]
    assert "en or zh_CN" in _refused(run_cli("checklist", "suggest", case, "--language", "fr"))
    assert "checklist item" in _refused(run_cli("checklist", "add", case, " "))


def test_case_open_without_a_checklist_or_in_chinese(run_cli):
    run_cli("platform", "add", "OKX", check=0)
    empty = _new_id(run_cli, "case", "open", "OKX", "Nothing to prepare", "--no-checklist")
    assert _json(run_cli, "checklist", "list", empty) == []
    listed = run_cli("checklist", "list", empty, check=0)
    assert listed.stdout == "" and "empty checklist" in listed.stderr
    assert "checklist:" not in run_cli("case", "show", empty, check=0).stdout
    chinese = _new_id(run_cli, "case", "open", "OKX", "提现", "--category", "withdrawal",
                      "--checklist-language", "zh_CN")
    assert "收款地址" in _items(run_cli, chinese)
    assert "en or zh_CN" in _refused(run_cli("case", "open", "OKX", "X",
                                             "--checklist-language", "de"))
    assert [c["id"] for c in _json(run_cli, "case", "list")] == [chinese, empty]
