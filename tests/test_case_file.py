"""The case file a stranger reads: numbering, the summary's figures, revisions and redaction,
built from a journal whose figures are worked out by hand below."""
from __future__ import annotations

import struct
import sys
import types
import zlib

import pytest

from journal.domain import case_file
from journal.export import gather
from journal.service import NewAttachment, NewPromise

EXPORTED_AT = "2025-03-20T12:00:00+00:00"
TX = "0x" + "ab" * 32
MARKER = "SECRET-MARKER-42"
# BIP-39 phrases of one random-looking entropy (checksums valid), in English and in Chinese.
ENGLISH_SEED = "timber alarm obscure boil truck also admit dial ketchup scatter wrong thing"
CHINESE_SEED = "昨 子 岸 次 迈 法 出 参 弱 吊 逻 脏"


def png(width: int = 4, height: int = 3) -> bytes:
    """A real (tiny, grey) PNG, without Qt."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def stub_redaction(monkeypatch) -> None:
    """A stand-in redactor that knows one secret, MARKER, so the plumbing is tested on its own
    terms whatever the real rules are."""
    stub = types.ModuleType("journal.domain.redaction")

    def redact(text):
        n = text.count(MARKER)
        return text.replace(MARKER, "[redacted: marker]"), ["marker"] * n

    def redaction_counts(findings):
        return {"marker": len(findings)} if findings else {}

    stub.redact, stub.redaction_counts = redact, redaction_counts
    monkeypatch.setitem(sys.modules, "journal.domain.redaction", stub)


def populate(j, *, secret: str = MARKER) -> dict:
    """A case with English and Chinese notes, an amendment, failed attempts, a voided entry,
    kept, broken, overdue and pending promises, and image and text files. Logged out of order,
    so numbering has to follow the times, not the ids."""
    j.add_platform("Binance", kind="exchange", website="https://www.binance.com")
    official = j.add_channel("Binance", kind="phone", value="+1 800 555 0100", source="official-site")
    j.add_channel("Binance", kind="phone", value="+1 800 555 0199", source="community")
    case = j.open_case("Binance", "Withdrawal stuck", category="withdrawal",
                       account_id="UID 1234", opened_at="2025-03-01T08:00:00+00:00")
    # E-3, logged first: a chat in Chinese with two files and a promise later kept.
    chat = j.log(case.id, kind="chat", start="2025-03-04T10:00+08:00",
                 end="2025-03-04T10:30+08:00", agent="小王", language="zh",
                 notes="客服说退款已经处理，请等待。", references=["ticket:T-100", TX],
                 promises=[NewPromise("发邮件确认退款", "2025-03-06T18:00+08:00")],
                 attachments=[NewAttachment("照片.jpg", "image/jpeg", data=png(5, 5)),
                              NewAttachment("chat.txt", "text/plain",
                                            data=f"agent: hi\nme: {secret}\n".encode())])
    # E-1: an answered call on the official number, 25 minutes after a 15-minute wait.
    first = j.log(case.id, kind="call", channel_id=official.id,
                  start="2025-03-02T10:00+08:00", end="2025-03-02T10:25+08:00",
                  wait_minutes=15, agent="Lily", language="en",
                  notes=f"Agent Lily says the withdrawal is under review. {secret}",
                  references=["ticket:T-100"],
                  promises=[NewPromise("Refund within 3 days", "2025-03-05T10:00+08:00")],
                  attachments=[NewAttachment("screenshot.png", "image/png", data=png())])
    # E-2: no answer on a community-reported number, 20 minutes waiting, 2 minutes ringing.
    j.log(case.id, kind="call", contact="+1 800 555 0199", outcome="no-answer",
          start="2025-03-03T09:00+08:00", end="2025-03-03T09:02+08:00", wait_minutes=20)
    # E-4: busy, 5 minutes waiting.
    j.log(case.id, kind="call", contact="+1 800 555 0100", outcome="busy",
          start="2025-03-05T09:00+08:00", wait_minutes=5)
    # E-5: an email, amended; its promise was broken, and another is not yet due.
    email = j.log(case.id, kind="email", contact="support@binance.com",
                  start="2025-03-06T08:00+00:00", notes=f"Original email text. {secret}",
                  promises=[NewPromise("Call back tomorrow", "2025-03-07T08:00+00:00"),
                            NewPromise("Final answer", "2030-01-01T00:00+00:00")])
    j.amend(email.id, notes="Corrected email text.", reason="typo fixed")
    # E-6: voided; kept in the chronology, left out of every figure.
    void = j.log(case.id, kind="call", contact="+1 800 555 0100", start="2025-03-07T09:00+00:00",
                 end="2025-03-07T10:00+00:00", wait_minutes=99, notes="Logged by mistake.",
                 references=["ticket:T-999"], promises=[NewPromise("x", "2025-03-08")])
    j.void(void.id, reason="wrong case")
    chat = j.interaction(chat.id)
    email = j.interaction(email.id)
    j.set_promise(chat.promises[0].id, "kept")
    j.set_promise(email.promises[0].id, "broken")
    return {"case": case, "chat": chat, "first": first, "email": email, "void": void}


def build(j, case_id, **kw):
    case = j.case(case_id)
    platform = next(p for p in j.platforms() if p.id == case.platform_id)
    timeline = j.timeline(case_id)
    histories = {i.id: j.history(i.id) for i in timeline if i.amended}
    segment = j.chain_segment(case_id)
    return case_file.build(case, platform, timeline, j.channels(), histories,
                           j.chain_head(case_id), segment, EXPORTED_AT, **kw)


@pytest.fixture
def made(journal, monkeypatch):
    stub_redaction(monkeypatch)
    return populate(journal)


def test_entries_are_numbered_in_time_order_and_exhibits_in_entry_order(journal, made):
    cf = build(journal, made["case"].id)
    assert [e.number for e in cf.entries] == ["E-1", "E-2", "E-3", "E-4", "E-5", "E-6"]
    assert [e.interaction_id for e in cf.entries][:3] == \
        [made["first"].id, made["first"].id + 1, made["chat"].id]
    assert [(x.number, x.entry, x.name) for x in cf.exhibits] == [
        ("A-1", "E-1", "screenshot.png"), ("A-2", "E-3", "照片.jpg"), ("A-3", "E-3", "chat.txt")]
    assert cf.entries[0].exhibits == ("A-1",) and cf.entries[2].exhibits == ("A-2", "A-3")
    assert [x.is_image for x in cf.exhibits] == [True, True, False]
    assert cf.exhibits[0].sha256 == made["first"].attachments[0].sha256


def test_each_entry_says_whether_its_channel_was_official(journal, made):
    e1, e2, e3, e4 = build(journal, made["case"].id).entries[:4]
    assert (e1.verified_channel, e1.channel_source, e1.contact) == \
        (True, "official-site", "+18005550100")
    assert (e2.verified_channel, e2.channel_source) == (False, "community")
    assert (e3.verified_channel, e3.channel_source, e3.channel_kind) == (False, None, None)
    assert e4.verified_channel is True  # typed by hand, but it is the official number


def test_the_summary_figures_are_the_ones_worked_out_by_hand(journal, made):
    cf = build(journal, made["case"].id)
    s = cf.summary
    assert s.days_open == 19                              # 1 Mar 08:00 → 20 Mar 12:00 UTC
    assert s.contacts_by_channel == {"call": 3, "chat": 1, "email": 1}   # voided call left out
    assert s.failed_attempts == 2                         # no-answer, busy
    assert s.call_minutes == 25                           # only the answered call; not 2 ringing
    assert s.wait_minutes == 40                           # 15 + 20 + 5, not the voided 99
    assert s.references == (("ticket", "T-100", "E-1"), ("tx-hash", TX, "E-3"))
    assert (s.promises_made, s.promises_kept, s.promises_broken, s.promises_overdue,
            s.promises_pending) == (4, 1, 1, 1, 1)
    assert cf.last_contact_at == "2025-03-06T08:00:00+00:00"   # the email, not the voided call
    assert (cf.title, cf.platform, cf.account_id, cf.category, cf.status) == \
        ("Withdrawal stuck", "Binance", "UID 1234", "withdrawal", "open")
    assert cf.chain_head == journal.chain_head(made["case"].id)
    assert cf.chain_entries == len(journal.chain_segment(made["case"].id))


def test_promises_carry_who_made_them_and_whether_they_are_overdue(journal, made):
    cf = build(journal, made["case"].id)
    facts = {p.text: p for e in cf.entries for p in e.promises}
    refund = facts["Refund within 3 days"]
    assert (refund.entry, refund.agent, refund.status, refund.overdue) == \
        ("E-1", "Lily", "pending", True)
    assert refund.made_at == "2025-03-02T10:00:00+08:00" and refund.settled_at is None
    kept = facts["发邮件确认退款"]
    assert (kept.entry, kept.agent, kept.status, kept.overdue) == ("E-3", "小王", "kept", False)
    assert kept.settled_at is not None
    assert facts["Final answer"].overdue is False and facts["Final answer"].status == "pending"


def test_amended_and_voided_entries_are_marked_with_their_earlier_text(journal, made):
    cf = build(journal, made["case"].id)
    e5, e6 = cf.entries[4], cf.entries[5]
    assert e5.amended and e5.notes == "Corrected email text."
    assert len(e5.revisions) == 1
    assert e5.revisions[0].notes == "Original email text. [redacted: marker]"
    assert e5.revisions[0].reason == "typo fixed"
    assert e6.voided and e6.void_reason == "wrong case" and not e6.amended
    assert not cf.entries[0].amended and cf.entries[0].revisions == ()


def test_user_text_is_redacted_and_counted_but_the_journal_keeps_it(journal, made):
    cf = build(journal, made["case"].id)
    assert cf.entries[0].notes.endswith("[redacted: marker]")
    assert MARKER not in repr(cf)
    assert cf.redactions == {"marker": 2}       # E-1's note and E-5's earlier text
    assert MARKER in journal.interaction(made["first"].id).notes
    plain = build(journal, made["case"].id, redact=False)
    assert MARKER in plain.entries[0].notes and plain.redactions == {}


def test_the_exporter_is_named_only_when_they_choose(journal, made):
    cf = build(journal, made["case"].id, exporter_name="Wang Fang",
               exporter_contact="wf@example.org")
    assert (cf.exporter_name, cf.exporter_contact) == ("Wang Fang", "wf@example.org")
    assert build(journal, made["case"].id).exporter_name is None


def test_the_export_package_gathers_the_same_case_file(journal, made):
    got = gather(journal, made["case"].id, exporter_name="W")
    cf, segment = got.case_file, got.segment
    entities = [e.entity for e in got.directory]
    assert entities[0] == "platform" and set(entities[1:]) == {"channel"}
    expected = build(journal, made["case"].id, exporter_name="W")
    assert cf.entries == expected.entries and cf.exhibits == expected.exhibits
    assert cf.chain_head == segment[-1].hash and cf.exporter_name == "W"
    assert cf.exported_at > "2025"


def test_an_empty_case_has_an_empty_summary(journal, monkeypatch):
    stub_redaction(monkeypatch)
    journal.add_platform("OKX")
    case = journal.open_case("OKX", "Nothing yet", opened_at="2025-03-19T13:00:00+00:00")
    cf = build(journal, case.id)
    assert cf.entries == () and cf.exhibits == () and cf.last_contact_at is None
    assert cf.summary.days_open == 0 and cf.summary.contacts_by_channel == {}


def test_real_seed_phrases_never_reach_the_case_file(journal):
    made = populate(journal, secret=ENGLISH_SEED)
    journal.log(made["case"].id, kind="chat", start="2025-03-08T10:00+08:00",
                notes=f"他让我输入助记词：{CHINESE_SEED}")
    cf = build(journal, made["case"].id)
    text = repr(cf)
    assert "obscure boil truck" not in text and "迈 法 出" not in text
    assert sum(cf.redactions.values()) >= 3
    assert ENGLISH_SEED in journal.interaction(made["first"].id).notes
