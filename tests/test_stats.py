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


# -- when to call again: only with evidence (reach_suggestions) ---------------------------------

def _answered_calls(j, case_id, starts):
    for start in starts:
        j.log(case_id, kind="call", contact="+1 800 555 0100", start=start)


def test_one_answered_call_names_no_day_or_hour(journal):
    journal.add_platform("Binance", kind="exchange")
    case = journal.open_case("Binance", "Withdrawal stuck")
    _answered_calls(journal, case.id, ["2026-11-17T21:10:00+01:00"])   # a Tuesday
    tips = journal.reach_suggestions(case.id)
    assert tips["answered"] == 1
    assert tips["best_weekdays"] == [] and tips["best_hours"] == []


def test_chats_and_emails_are_not_answered_calls(record):
    case = record.cases()[0]
    tips = record.reach_suggestions(case.id)
    assert tips["answered"] == 3      # the chat and the email answered too, but are no calls
    assert tips["best_weekdays"] == [] and tips["best_hours"] == []


def test_a_clear_pattern_in_eight_answered_calls_is_named(journal):
    journal.add_platform("Binance", kind="exchange")
    case = journal.open_case("Binance", "Withdrawal stuck")
    _answered_calls(journal, case.id, [
        "2026-11-03T21:05:00+01:00", "2026-11-10T21:20:00+01:00", "2026-11-17T21:40:00+01:00",
        "2026-11-24T21:15:00+01:00", "2026-12-01T21:30:00+01:00",     # five Tuesdays at 21
        "2026-11-05T10:00:00+01:00", "2026-11-13T15:00:00+01:00",     # a Thursday, a Friday
        "2026-11-18T21:50:00+01:00"])                                 # a Wednesday at 21
    journal.log(case.id, kind="call", contact="+1 800 555 0100", outcome="busy",
                start="2026-11-06T10:00:00+01:00")     # a failed attempt is no answer
    tips = journal.reach_suggestions(case.id)
    assert tips["answered"] == 8
    assert tips["best_weekdays"] == [1] and tips["best_hours"] == [21]


def test_five_answers_spread_over_five_days_name_no_day(journal):
    journal.add_platform("Binance", kind="exchange")
    case = journal.open_case("Binance", "Withdrawal stuck")
    _answered_calls(journal, case.id, [f"2026-11-{day:02d}T09:30:00+01:00"
                                       for day in (16, 17, 18, 19, 20)])   # Mon to Fri, at 9
    tips = journal.reach_suggestions(case.id)
    assert tips["answered"] == 5 and tips["best_weekdays"] == []
    assert tips["best_hours"] == [9]         # every one of them at 9: that is a pattern


def test_best_slots_by_hand():
    from journal.domain.reach import best_slots
    assert best_slots({1: 1}) == []                        # one call
    assert best_slots({1: 4}) == []                        # four calls: not yet enough
    assert best_slots({1: 5}) == [1]
    assert best_slots({1: 2, 2: 1, 3: 1, 4: 1}) == [1]     # twice any other
    assert best_slots({1: 2, 2: 2, 3: 1}) == [1, 2]        # a tie of two, both clear
    assert best_slots({1: 2, 2: 2, 3: 2}) == []            # a tie of three: no advice
    assert best_slots({1: 3, 2: 2, 3: 1}) == [1, 2]
    assert best_slots({1: 1, 2: 1, 3: 1, 4: 1, 5: 1}) == []
    assert best_slots({1: 3, 2: 2}) == [1, 2]              # every answer on those two
    assert best_slots({1: 3, 2: 2, 3: 2}) == []            # 3 against 2 is not clear
