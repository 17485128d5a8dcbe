"""Response times from the user's own record, against values worked out by hand."""
from __future__ import annotations

import json

import pytest

from journal.service import NewPromise


@pytest.fixture
def record(journal):
    j = journal
    j.add_platform("Binance", kind="exchange")
    j.add_platform("OKX", kind="exchange")
    phone = j.add_channel("Binance", kind="phone", value="+1 800 555 0100", source="official-site")
    a = j.open_case("Binance", "Withdrawal stuck", opened_at="2026-11-01T09:00:00+00:00")
    b = j.open_case("Binance", "Card refused", opened_at="2026-11-10T09:00:00+00:00")
    j.open_case("OKX", "Fee", opened_at="2026-11-12T09:00:00+00:00")
    # Binance phone: 4 calls, 3 answered; waits 10, 20, 40 (one failed call has no wait).
    j.log(a.id, kind="call", channel_id=phone.id, start="2026-11-01T10:00:00+00:00",
          wait_minutes=10, promises=[NewPromise("Email me", "2026-11-03T10:00:00+00:00")])
    j.log(a.id, kind="call", channel_id=phone.id, start="2026-11-02T10:00:00+00:00",
          outcome="no-answer")
    j.log(a.id, kind="call", channel_id=phone.id, start="2026-11-03T10:00:00+00:00",
          wait_minutes=20, promises=[NewPromise("Refund", "2026-11-05T10:00:00+00:00")])
    j.log(b.id, kind="call", channel_id=phone.id, start="2026-11-10T10:00:00+00:00",
          wait_minutes=40)
    # Binance chat and email by contact: first replies 5 and 125 minutes → median 65.
    j.log(b.id, kind="chat", contact="in-app chat", start="2026-11-11T10:00:00+00:00",
          wait_minutes=5)
    j.log(b.id, kind="email", contact="support@binance.com",
          start="2026-11-12T10:00:00+00:00", wait_minutes=125)
    voided = j.log(b.id, kind="call", channel_id=phone.id, start="2026-11-13T10:00:00+00:00",
                   outcome="busy")
    j.void(voided.id, reason="logged twice")
    kept, broken = j.promises(case_id=a.id)
    j.set_promise(kept.id, "kept")
    j.set_promise(broken.id, "broken")
    j.set_case_status(a.id, "resolved")
    return j


def test_each_figure_matches_the_hand_count(record):
    [binance] = record.stats(platform="Binance")
    assert binance["contacts"] == 6 and binance["calls"] == 4
    assert binance["answered_calls"] == 3 and binance["answer_rate"] == 0.75
    assert binance["median_wait_minutes"] == 20
    assert binance["median_first_reply_minutes"] == 65
    assert (binance["promises_kept"], binance["promises_broken"]) == (1, 1)
    assert binance["resolved_cases"] == 1
    opened_days = binance["median_days_to_resolution"]
    assert opened_days >= 24  # opened 2026-11-01, resolved when the test runs (2026-11-25+)
    phone = next(c for c in binance["channels"] if c["kind"] == "phone")
    assert (phone["value"], phone["contacts"], phone["answer_rate"]) == ("+18005550100", 4, 0.75)
    chat = next(c for c in binance["channels"] if c["kind"] == "chat")
    assert chat["median_first_reply_minutes"] == 5 and chat["answer_rate"] is None
    assert [p["platform"] for p in record.stats()] == ["Binance"]  # OKX: nothing logged


def test_the_cli_prints_and_emits_json(record, cli_here, journal_dir, cli_env):
    record.close()
    text = cli_here("stats", check=0).stdout
    assert "Binance: 6 contacts · answer rate 75% (3/4 calls) · median wait 20 min" in text
    assert "median first reply (chat, email) 65 min" in text
    assert "promises kept 1, broken 1" in text
    data = json.loads(cli_here("stats", "--platform", "Binance", "--json", check=0).stdout)
    assert data[0]["answer_rate"] == 0.75
    assert "no platform" in cli_here("stats", "--platform", "Nope", check=1).stderr.lower()
