"""The service API: what the window and the CLI both do, through one door."""
from __future__ import annotations

import os

import pytest

from journal.domain import times
from journal.domain.model import CaseStatus, Outcome, PromiseStatus, ReferenceKind
from journal.errors import BadInput, NotFound
from journal.service import NewAttachment, NewPromise


@pytest.fixture
def case(journal):
    journal.add_platform("Binance", kind="exchange", website="https://www.binance.com")
    return journal.open_case("binance", "Withdrawal stuck since Monday", category="withdrawal",
                             account_id="UID 1234", opened_at="2026-11-19T08:00+08:00")


def test_platform_names_are_unique_whatever_their_case(journal):
    journal.add_platform("Kraken")
    with pytest.raises(BadInput, match="already exists"):
        journal.add_platform("KRAKEN")
    assert [p.name for p in journal.platforms()] == ["Kraken"]


def test_bad_platform_input_is_refused(journal):
    with pytest.raises(BadInput):
        journal.add_platform("  ")
    with pytest.raises(BadInput, match="platform kind"):
        journal.add_platform("X", kind="bank")
    with pytest.raises(BadInput, match="https://"):
        journal.add_platform("X", website="javascript:alert(1)")
    assert journal.platforms() == []


def test_channels_belong_to_a_platform(journal, case):
    ch = journal.add_channel("Binance", kind="phone", value="+1 800 555 0100",
                             source="official-site", source_url="https://www.binance.com/support",
                             languages=["en", "zh_CN"])
    assert ch.languages == ("en", "zh-CN") and ch.platform == "Binance"
    with pytest.raises(BadInput, match="already has"):
        journal.add_channel("Binance", kind="phone", value="+1 800 555 0100")
    with pytest.raises(BadInput, match="language code"):
        journal.add_channel("Binance", kind="email", value="a@b.c", languages=["english!"])
    assert [c.id for c in journal.channels("Binance")] == [ch.id]


def test_a_call_is_logged_with_everything_the_agent_gave(journal, case, tmp_path):
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4000)
    i = journal.log(case.id, kind="call", contact="+1 800 555 0100", start="2026-11-20T09:00+08:00",
                    end="2026-11-20T09:42+08:00", wait_minutes="17", agent="Lily",
                    language="zh", notes="Agent said it is with the risk team.",
                    references=["ticket:BN-1", "0x" + "a" * 64, ("withdrawal", "W-9")],
                    promises=[NewPromise("Call back with an update", "2026-11-22T12:00+08:00")],
                    attachments=[shot])
    assert i.started_at == "2026-11-20T09:00:00+08:00"
    assert i.duration_minutes == 42 and i.wait_minutes == 17
    assert [r.kind for r in i.references] == [ReferenceKind.TICKET, ReferenceKind.TX_HASH,
                                              ReferenceKind.WITHDRAWAL_ID]
    assert i.promises[0].status is PromiseStatus.PENDING
    assert journal.attachment_bytes(i.attachments[0].id) == shot.read_bytes()
    assert i.attachments[0].media_type == "image/png"
    updated = journal.case(case.id)
    assert updated.last_activity == "2026-11-20T09:42:00+08:00"
    assert updated.interaction_count == 1 and updated.open_promises == 1


def test_a_failed_attempt_is_one_call(journal, case):
    i = journal.log(case.id, kind="call", outcome="queue-timeout", wait_minutes=45)
    assert i.outcome is Outcome.QUEUE_TIMEOUT and i.outcome.failed


def test_an_attempt_that_waited_began_that_long_before_now(journal, case):
    waited = journal.log(case.id, kind="call", outcome="busy", wait_minutes=40)
    lasted = times.instant(waited.ended_at) - times.instant(waited.started_at)
    assert lasted == 40 * 60
    assert abs(times.instant(waited.ended_at) - times.now().timestamp()) < 60
    given = journal.log(case.id, kind="call", outcome="busy", wait_minutes=40,
                        start="2026-11-20T10:00:00+00:00")
    assert (given.started_at, given.ended_at) == ("2026-11-20T10:00:00+00:00", None)
    answered = journal.log(case.id, kind="call", wait_minutes=40)
    assert answered.ended_at is None   # a call that was answered keeps the times it is given


def test_bad_interaction_input_changes_nothing(journal, case, tmp_path):
    os.mkfifo(tmp_path / "pipe")  # reading it would wait forever
    attempts = [
        dict(kind="fax"),
        dict(kind="call", outcome="hung-up"),
        dict(kind="call", start="yesterday"),
        dict(kind="call", start=""),
        dict(kind="call", start="2026-11-20T10:00", end="2026-11-20T09:00"),
        dict(kind="call", start="2999-01-01T00:00"),
        dict(kind="call", wait_minutes="-3"),
        dict(kind="call", wait_minutes="soon"),
        dict(kind="call", notes="x" * 1_000_001),
        dict(kind="call", notes="binary\x00junk"),
        dict(kind="call", references=[""]),
        dict(kind="call", promises=[NewPromise("", "2026-12-01")]),
        dict(kind="call", promises=[NewPromise("refund", "next week")]),
        dict(kind="call", attachments=[tmp_path / "missing.png"]),
        dict(kind="call", attachments=[tmp_path]),
        dict(kind="call", attachments=[tmp_path / "pipe"]),
        dict(kind="call", channel_id=999),
    ]
    for kwargs in attempts:
        with pytest.raises(BadInput if "channel_id" not in kwargs else NotFound):
            journal.log(case.id, **kwargs)
    assert journal.timeline(case.id) == []
    assert journal.check().entries == 3  # the platform, the case, the signing key in the case
    with pytest.raises(NotFound):
        journal.log(999, kind="call")


def test_a_channel_of_another_platform_is_refused(journal, case):
    journal.add_platform("OKX")
    other = journal.add_channel("OKX", kind="email", value="support@okx.example")
    with pytest.raises(BadInput, match="belongs to OKX"):
        journal.log(case.id, kind="email", channel_id=other.id)


def test_a_known_contact_is_linked_to_its_channel(journal, case):
    ch = journal.add_channel("Binance", kind="email", value="support@binance.example")
    i = journal.log(case.id, kind="email", contact="support@binance.example")
    assert i.channel_id == ch.id
    j = journal.log(case.id, kind="email", contact="help@fake-binance.example")
    assert j.channel_id is None and j.contact == "help@fake-binance.example"


def test_amending_keeps_every_earlier_revision(journal, case):
    i = journal.log(case.id, kind="call", agent="Lily", notes="first text")
    amended = journal.amend(i.id, notes="second text", reason="typo in the ticket number",
                            references=["ticket:T-2"])
    assert amended.revision == 2 and amended.amended and amended.notes == "second text"
    assert amended.recorded_at == i.recorded_at  # recorded time never changes
    history = journal.history(i.id)
    assert [h.action for h in history] == ["create", "amend"]
    assert history[0].body["notes"] == "first text"
    assert history[1].body["notes"] == "second text"
    assert history[1].body["reason"] == "typo in the ticket number"
    with pytest.raises(BadInput, match="Nothing to amend"):
        journal.amend(i.id)
    with pytest.raises(BadInput, match="Cannot amend"):
        journal.amend(i.id, recorded_at="2000-01-01")


def test_voiding_keeps_the_record(journal, case):
    i = journal.log(case.id, kind="chat", notes="wrong case")
    with pytest.raises(BadInput):
        journal.void(i.id, reason="")
    v = journal.void(i.id, reason="logged on the wrong case")
    assert v.voided and v.notes == "wrong case"
    assert [h.action for h in journal.history(i.id)] == ["create", "void"]
    with pytest.raises(BadInput, match="voided"):
        journal.amend(i.id, notes="x")
    assert journal.timeline(case.id, include_voided=False) == []


def test_promises_are_kept_broken_or_cancelled(journal, case):
    i = journal.log(case.id, kind="call", promises=[
        NewPromise("refund", "2020-01-01T00:00Z"), NewPromise("callback", "2999-01-01T00:00Z")])
    overdue = journal.promises(overdue=True)
    assert [p.text for p in overdue] == ["refund"]
    kept = journal.set_promise(overdue[0].id, "kept")
    assert kept.status is PromiseStatus.KEPT and kept.status_changed_at
    assert journal.promises(overdue=True) == []
    with pytest.raises(BadInput):
        journal.set_promise(i.promises[1].id, "pending")
    with pytest.raises(NotFound):
        journal.set_promise(999, "kept")
    assert [p.text for p in journal.promises(status="pending")] == ["callback"]


def test_promises_due_in_a_window_are_those_after_its_start_and_by_its_end(journal, case):
    from datetime import datetime
    journal.log(case.id, kind="call", promises=[
        NewPromise(text, due) for text, due in (
            ("before", "2020-01-01T09:00Z"), ("at the start", "2020-01-01T10:00Z"),
            ("inside", "2020-01-01T10:30Z"), ("at the end", "2020-01-01T11:00Z"),
            ("after", "2020-01-01T11:01Z"))])
    start, end = (datetime.fromisoformat(t).timestamp()
                  for t in ("2020-01-01T10:00+00:00", "2020-01-01T11:00+00:00"))
    due = journal.promises(status="pending", due_after=start, due_until=end)
    assert [p.text for p in due] == ["inside", "at the end"]
    journal.set_promise(due[0].id, "kept")
    assert [p.text for p in journal.promises(status="pending", due_after=start,
                                             due_until=end)] == ["at the end"]
    assert [p.text for p in journal.promises(due_until=start)] == ["before", "at the start"]


def test_case_status_and_listing(journal, case):
    journal.add_platform("OKX")
    other = journal.open_case("OKX", "Card charged twice", category="card")
    journal.log(case.id, kind="call", start="2026-11-01T10:00Z")
    assert journal.set_case_status(case.id, "escalated", reason="to the ombudsman").status \
        is CaseStatus.ESCALATED
    assert [c.id for c in journal.cases(status="escalated")] == [case.id]
    assert [c.id for c in journal.cases(platform="OKX")] == [other.id]
    with pytest.raises(BadInput, match="case status"):
        journal.set_case_status(case.id, "done")
    with pytest.raises(BadInput, match="case number"):
        journal.case("abc")
    assert [e.action for e in journal.chain_segment(case.id)][-1] == "status"


def test_attachment_from_memory(journal, case):
    i = journal.log(case.id, kind="chat", attachments=[
        NewAttachment("chat.txt", "text/plain", data="聊天记录".encode())])
    assert journal.attachment_bytes(i.attachments[0].id).decode() == "聊天记录"


def test_chain_covers_every_change_and_case_segments_verify(journal, case):
    from journal.domain.chain import first_break
    i = journal.log(case.id, kind="call", notes="a", promises=[NewPromise("x", "2026-12-01")])
    journal.amend(i.id, notes="b", reason="r")
    journal.set_promise(i.promises[0].id, "broken")
    segment = journal.chain_segment(case.id)
    assert [e.entity for e in segment] == ["case", "signing_key", "interaction", "promise",
                                           "interaction", "promise"]
    assert first_break(segment, per_case=True) is None
    assert journal.chain_head(case.id) == segment[-1].hash
    assert journal.check().ok


def test_check_finds_a_record_changed_around_the_program(journal, case):
    i = journal.log(case.id, kind="call", notes="the agent promised a refund", wait_minutes=3)
    journal.amend(i.id, notes="the agent promised a full refund", reason="more precise")
    assert journal.check().ok
    with journal.db.transaction() as conn:  # someone with the key edits the row itself
        conn.execute("UPDATE interactions SET notes = 'no promise was made' WHERE id = ?",
                     (i.id,))
    report = journal.check()
    assert not report.ok and not report.chain_ok
    assert any(f"interaction {i.id} differs" in p for p in report.problems)


def test_the_journal_files_are_private(journal, journal_dir, tmp_path):
    journal.backup(tmp_path / "backup.sjb")
    for path in [*journal_dir.iterdir(), tmp_path / "backup.sjb"]:
        assert path.stat().st_mode & 0o077 == 0, path
