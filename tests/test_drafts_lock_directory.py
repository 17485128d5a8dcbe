"""Drafts, locking an open journal, and correcting platforms and channels."""
from __future__ import annotations

import io
import json
from datetime import datetime

import pytest

from journal.domain.due import add_business_days, due_from_pick, is_business_day
from journal.errors import BadInput, JournalInUse, WrongPassphrase
from journal.service import Journal

from .conftest import PASSPHRASE, open_copy


@pytest.fixture
def case(journal):
    journal.add_platform("OKX", kind="exchange")
    return journal.open_case("OKX", "Account frozen after deposit", category="account-frozen")


def test_a_draft_is_replaced_whole_and_read_back(journal):
    assert journal.draft("call") is None
    journal.save_draft("call", {"notes": "first words", "agent": None})
    journal.save_draft("call", {"notes": "first words, then more 退款", "refs": ["T-1"]})
    assert journal.draft("call") == {"notes": "first words, then more 退款", "refs": ["T-1"]}
    assert [name for name, _ in journal.drafts()] == ["call"]
    journal.discard_draft("call")
    assert journal.draft("call") is None and journal.drafts() == []


def test_a_draft_that_is_not_json_is_refused_and_nothing_changes(journal):
    journal.save_draft("call", {"notes": "kept"})
    with pytest.raises(BadInput, match="draft"):
        journal.save_draft("call", {"notes": object()})
    assert journal.draft("call") == {"notes": "kept"}


def test_logging_from_a_draft_removes_it_in_the_same_commit(journal, case):
    journal.save_draft("call", {"notes": "typed during the call"})
    journal.log(case.id, kind="call", notes="typed during the call", draft="call")
    assert journal.draft("call") is None


def test_a_failed_log_keeps_the_draft(journal, case):
    journal.save_draft("call", {"notes": "typed during the call"})
    with pytest.raises(BadInput):
        journal.log(case.id, kind="call", start="yesterday-ish", notes="x", draft="call")
    assert journal.draft("call") == {"notes": "typed during the call"}


def test_drafts_survive_closing_and_are_not_in_the_dump(journal_dir, journal, case):
    journal.save_draft("log-1", {"notes": "half a transcript"})
    journal.close()
    with Journal.open(journal_dir, passphrase=PASSPHRASE) as again:
        assert again.draft("log-1") == {"notes": "half a transcript"}
        out = io.StringIO()
        again.write_dump(out)
        assert "half a transcript" not in out.getvalue()
        assert again.check().ok


def test_a_locked_journal_keeps_its_folder_and_reopens_with_the_passphrase(journal_dir, journal):
    journal.save_draft("call", {"notes": "kept across the lock"})
    journal.lock()
    assert journal.locked and journal.db is None and journal._key == b""
    with pytest.raises(JournalInUse):
        Journal.open(journal_dir, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        journal.unlock(passphrase="not the passphrase")
    assert journal.locked
    journal.unlock(passphrase=PASSPHRASE)
    assert not journal.locked
    assert journal.draft("call") == {"notes": "kept across the lock"}
    journal.close()
    Journal.open(journal_dir, passphrase=PASSPHRASE).close()


def test_a_platform_is_corrected_and_the_ledger_keeps_what_it_was(journal):
    p = journal.add_platform("Binanse", kind="other")
    fixed = journal.update_platform("Binanse", name="Binance", kind="exchange",
                                    website="https://www.binance.com")
    assert (fixed.id, fixed.name, fixed.kind.value, fixed.website) == \
        (p.id, "Binance", "exchange", "https://www.binance.com")
    journal.add_platform("Kraken")
    with pytest.raises(BadInput, match="already exists"):
        journal.update_platform("Kraken", name="binance")
    with pytest.raises(BadInput, match="https://"):
        journal.update_platform("Kraken", website="ftp://kraken")
    assert journal.platform("Kraken").website is None
    assert journal.check().ok
    document = journal.dump()
    bodies = [e["body"] for e in document["ledger"] if e["entity"] == "platform"
              and e["entity_id"] == p.id]
    assert bodies[0]["name"] == "Binanse" and bodies[-1]["name"] == "Binance"


def test_a_channel_is_corrected_and_the_dump_imports(tmp_path, journal, templates):
    journal.add_platform("Kraken")
    ch = journal.add_channel("Kraken", kind="phone", value="+1 800 555 0100", source="community")
    other = journal.add_channel("Kraken", kind="phone", value="+1 800 555 0199")
    fixed = journal.update_channel(ch.id, value="+1 800 555 0101", source="official-site",
                                   source_url="https://support.kraken.com",
                                   languages=["en", "zh_CN"])
    assert (fixed.value, fixed.source.value, fixed.languages) == \
        ("+18005550101", "official-site", ("en", "zh-CN"))
    with pytest.raises(BadInput, match="already has"):
        journal.update_channel(other.id, value="+1 800 555 0101")
    with pytest.raises(BadInput, match="language"):
        journal.update_channel(other.id, languages=["not a code!"])
    assert journal.channel(other.id).value == "+18005550199"
    with pytest.raises(BadInput, match="https://"):
        journal.update_channel(ch.id, source_url="javascript:alert(1)")
    with pytest.raises(BadInput, match="https://"):
        journal.add_channel("Kraken", kind="email", value="help@kraken.com", source_url="kraken")
    cleared = journal.update_channel(ch.id, source_url="")
    assert cleared.source_url is None
    document = json.loads(json.dumps(journal.dump()))
    with open_copy(templates, "other", tmp_path / "copy") as copy:
        copy.import_dump(document)
        assert copy.channel(ch.id).value == "+18005550101"
        assert copy.check().ok


def test_business_days_skip_weekends_and_public_holidays():
    friday = datetime(2026, 11, 27, 15, 0)
    assert add_business_days(friday, 1) == datetime(2026, 11, 30, 15, 0)  # Monday
    assert add_business_days(datetime(2026, 12, 23, 10), 3, "GB") == datetime(2026, 12, 30, 10)
    # China's National Day week: the 3rd business day after 30 September is 12 October.
    assert add_business_days(datetime(2026, 9, 30, 10), 3, "CN") == datetime(2026, 10, 12, 10)
    assert not is_business_day(datetime(2026, 12, 25).date(), "US")
    assert is_business_day(datetime(2026, 12, 25).date(), "XX")  # unknown country: weekends only
    start = datetime(2026, 11, 25, 9, 30)
    assert due_from_pick("hours:24", start) == datetime(2026, 11, 26, 9, 30)
    assert due_from_pick("days:7", start) == datetime(2026, 12, 2, 9, 30)
    assert due_from_pick("business-days:3", start, "US") == datetime(2026, 12, 1, 9, 30)


def test_channels_are_filtered_by_the_languages_they_serve(journal, cli_here):
    journal.add_platform("HTX")
    journal.add_channel("HTX", kind="chat", value="App 在线客服", languages=["zh-CN"])
    journal.add_channel("HTX", kind="email", value="support@htx.com", languages=["en", "zh"])
    journal.add_channel("HTX", kind="phone", value="+65 6000 0001")
    assert [c.value for c in journal.channels("HTX", language="zh")] == \
        ["App 在线客服", "support@htx.com"]
    assert [c.value for c in journal.channels("HTX", language="en")] == ["support@htx.com"]
    assert journal.channels(language="fr") == []
    with pytest.raises(BadInput, match="language code"):
        journal.channels("HTX", language="not a code!")
    journal.close()
    listed = cli_here("channel", "list", "HTX", "--language", "zh-CN", "--json", check=0)
    assert [c["value"] for c in json.loads(listed.stdout)] == ["App 在线客服"]
