"""Dump and import: the whole journal as JSON, back again exactly, and all or nothing."""
from __future__ import annotations

import base64
import copy
import hashlib
import io
import json
import string
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.errors import BadInput
from journal.service import Journal, NewAttachment, NewPromise
from journal.store import dump as dump_store
from journal.store import ledger

from .conftest import open_copy

EVERY_BYTE = bytes(range(256)) * 1200  # more than one 256 KiB chunk, every byte value


def without_time(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


def index_content(j: Journal) -> list:
    """Every token the search index holds, where: equal lists mean the same index."""
    j.db.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                      "USING fts5vocab(main, search_index, instance)")
    return j.db.query("SELECT term, doc, col, offset FROM temp.vocab ORDER BY doc, col, offset")


def is_empty(j: Journal) -> bool:
    return j.platforms() == [] and ledger.count(j.db) == 0 and \
        j.db.one("SELECT count(*) FROM search_index")[0] == 0


def fill(j: Journal) -> dict:
    """A small journal with every kind of record and every kind of change."""
    j.add_platform("币安 Binance", kind="exchange", website="https://www.binance.com")
    j.add_platform("Kraken", kind="exchange")
    phone = j.add_channel("币安 Binance", kind="phone", value="+65 6000 0000",
                          source="official-site", languages=["en", "zh-CN"])
    c1 = j.open_case("币安 Binance", "提现卡住三天", category="withdrawal", account_id="UID-7788")
    c2 = j.open_case("Kraken", "Account frozen after KYC", category="account-frozen")
    a = j.log(c1.id, kind="call", channel_id=phone.id, wait_minutes=12.5, agent="王小明",
              language="zh", notes="客服说退款已到账，但是账户仍然冻结。",
              references=["ticket:BN-2026-0042", "0x" + "ab12" * 16],
              promises=[NewPromise("三天内退款", "2026-01-05T18:00+08:00"),
                        NewPromise("call back", "2026-01-02T10:00+08:00")],
              attachments=[NewAttachment("chat.bin", "application/octet-stream",
                                         data=EVERY_BYTE),
                           NewAttachment("empty.txt", "text/plain", data=b"")])
    b = j.log(c2.id, kind="chat", agent="Maria Lopez", outcome="answered",
              notes="Agent said the withdrawal is pending compliance review.",
              references=["order:ORD-55-XY"])
    failed = j.log(c2.id, kind="call", outcome="no-answer", contact="+1 800 555 0000",
                   notes="")
    j.amend(a.id, notes="改为：已经解冻，退款处理中。", reason="agent corrected himself",
            references=["case:CS-1"])
    j.amend(b.id, agent="María López", attachments=[
        NewAttachment("note.txt", "text/plain", data="中文 text\n".encode())])
    j.void(failed.id, reason="logged on the wrong case")
    # The dispute: a jurisdiction set later, complaint stages, money, transactions, wallets.
    j.set_jurisdiction(c1.id, "uk")
    j.add_stage(c1.id, "complaint", on="2026-01-06T09:00+08:00", how="email", ref="CMP-881",
                kind="payment")
    j.add_stage(c1.id, "holding-reply", on="2026-01-20T09:00+08:00")
    j.add_stage(c2.id, "escalation", on="2026-01-10T09:00+01:00", to="regulator",
                jurisdiction_="us", ref="CFPB 260110-1")
    j.add_money(c1.id, "0.5", "BTC", network="bitcoin", fiat="31000.50", currency="USD",
                valued_on="2026-01-02")
    tx = j.add_transaction(c1.id, "0x" + "ab12" * 16, "ethereum",
                           to_address="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                           amount="1200", asset="USDT", at="2026-01-02T08:00+08:00")
    j.add_wallet(c1.id, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bitcoin", whose="mine",
                 label="my Ledger")
    j.void_dispute_record("transaction", tx.id, "typed on the wrong case")
    j.set_promise(a.promises[0].id, "kept")
    j.set_promise(a.promises[1].id, "broken")
    j.set_case_status(c2.id, "escalated", reason="sent to the regulator")
    return {"c1": c1, "c2": c2, "a": a, "b": b, "failed": failed}


@pytest.fixture
def other(tmp_path, templates):
    """Another empty journal, made apart from `journal` (its own keys and salts)."""
    j = open_copy(templates, "other", tmp_path / "other")
    yield j
    j.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory, templates) -> dict:
    """One filled journal's dump, shared by the tests that spoil a copy of it."""
    j = open_copy(templates, "empty", tmp_path_factory.mktemp("sample") / "journal")
    with j:
        fill(j)
        return j.dump()


# -- round trip ------------------------------------------------------------------------------

def test_round_trip_is_exact(journal, other):
    made = fill(journal)
    first = journal.dump()
    counts = other.import_dump(first)
    assert counts == {"platforms": 2, "channels": 1, "cases": 2, "interactions": 3,
                      "references": 4, "promises": 2, "attachments": 3, "stages": 3,
                      "money": 1, "transactions": 1, "wallets": 1,
                      "ledger entries": ledger.count(journal.db)}
    assert [s.stage.value for s in other.stages(made["c1"].id)] == ["complaint",
                                                                     "holding-reply"]
    assert other.case(made["c1"].id).jurisdiction == "uk"
    assert other.money(made["c1"].id)[0].fiat_amount == "31000.50"
    assert other.transactions(made["c1"].id) == []  # voided, and still voided
    assert other.transactions(made["c1"].id, voided=True)[0].void_reason == \
        "typed on the wrong case"
    assert [c.due for c in other.deadlines(made["c1"].id)] == \
        [c.due for c in journal.deadlines(made["c1"].id)]
    assert without_time(other.dump()) == without_time(first)
    assert other.check().ok
    assert other.chain_head() == journal.chain_head()
    assert other.chain_head(made["c1"].id) == journal.chain_head(made["c1"].id)
    assert index_content(other) == index_content(journal)
    a = other.interaction(made["a"].id)
    assert a.notes == "改为：已经解冻，退款处理中。" and a.revision == 2
    assert [p.status.value for p in a.promises] == ["kept", "broken"]
    assert [other.attachment_bytes(f.id) for f in a.attachments] == [EVERY_BYTE, b""]
    assert other.interaction(made["failed"].id).voided
    assert other.case(made["c2"].id).status.value == "escalated"
    assert [e.action for e in other.history(made["a"].id)] == ["create", "amend"]


def test_dump_format(journal):
    fill(journal)
    doc = journal.dump()
    assert doc["format"] == "support-journal-dump" and doc["version"] == 1
    assert doc["schema"] == journal.db.one("PRAGMA user_version")[0]
    assert list(doc) == ["format", "version", "schema", "exported_at", "platforms", "channels",
                         "cases", "interactions", "references", "promises", "attachments", "stages",
                         "money", "transactions", "wallets", "checklist", "ledger"]
    assert doc["channels"][0]["languages"] == ["en", "zh-CN"]
    assert all(isinstance(e["body"], dict) for e in doc["ledger"])
    assert [e["seq"] for e in doc["ledger"]] == list(range(1, len(doc["ledger"]) + 1))
    for a in doc["attachments"]:
        data = base64.b64decode(a["content_base64"])
        assert len(data) == a["size"] and hashlib.sha256(data).hexdigest() == a["sha256"]
    json.dumps(doc, allow_nan=False)  # plain JSON all through


def test_search_finds_imported_chinese_and_not_voided(journal, other):
    made = fill(journal)
    other.import_dump(journal.dump())
    hits = {(h.case_id, h.interaction_id) for h in other.search("解冻")}
    assert (made["c1"].id, made["a"].id) in hits
    assert (made["c2"].id, made["b"].id) in {(h.case_id, h.interaction_id)
                                             for h in other.search("compliance")}
    assert made["failed"].id not in {h.interaction_id for h in other.search("wrong")}


def test_import_takes_json_text_and_bytes(sample, tmp_path, templates):
    text = json.dumps(sample, ensure_ascii=False, indent=1)
    for n, document in enumerate([text, text.encode("utf-8")]):
        j = open_copy(templates, "other", tmp_path / f"t{n}")
        with j:
            j.import_dump(document)
            assert without_time(j.dump()) == without_time(sample)


def test_streamed_dump_is_the_same_document(journal):
    fill(journal)
    out = io.StringIO()
    dump_store.write(journal.db, out)
    assert without_time(json.loads(out.getvalue())) == without_time(journal.dump())


def test_an_empty_journal_round_trips(journal, other):
    doc = journal.dump()
    assert all(doc[s] == [] for s in dump_store.SECTIONS)
    assert set(other.import_dump(doc).values()) == {0}


# -- refusals: one sentence, and nothing written ----------------------------------------------

def _set(path, value):
    def change(d):
        *parents, last = path
        node = d
        for p in parents:
            node = node[p]
        node[last] = value
    return change


def _drop(path):
    def change(d):
        *parents, last = path
        node = d
        for p in parents:
            node = node[p]
        del node[last]
    return change


def _tamper_notes(d):
    d["interactions"][0]["notes"] += " (edited later)"


def _tamper_hash(d):
    d["ledger"][4]["hash"] = "f" * 64


def _tamper_body(d):
    d["ledger"][4]["body"]["tampered"] = True


def _bad_sha(d):
    d["attachments"][0]["sha256"] = "0" * 64


def _changed_bytes(d):
    a = next(a for a in d["attachments"] if a["size"] > 0)
    data = bytearray(base64.b64decode(a["content_base64"]))
    data[0] ^= 1
    a["content_base64"] = base64.b64encode(bytes(data)).decode()


def _dangling_case(d):
    d["interactions"][0]["case_id"] = 99


def _dangling_interaction(d):
    d["references"][0]["interaction_id"] = 999


def _promise_in_other_case(d):
    d["promises"][0]["case_id"] = next(c["id"] for c in d["cases"]
                                       if c["id"] != d["promises"][0]["case_id"])


def _duplicate_interaction(d):
    d["interactions"].append(copy.deepcopy(d["interactions"][0]))


def _nan_in_body(d):
    d["ledger"][0]["body"]["name"] = float("nan")


SPOILERS = {
    "wrong format": (_set(["format"], "anki-deck"), "not a Support Journal dump"),
    "newer version": (_set(["version"], 7), "version 7"),
    "newer schema": (_set(["schema"], 999), "schema 999"),
    "missing section": (_drop(["ledger"]), "no \"ledger\" list"),
    "unknown section": (_set(["extras"], []), "unknown section"),
    "truncated ledger": (_drop(["ledger", slice(5, None)]), "no entry in the hash chain"),
    "last changes cut from the ledger": (_drop(["ledger", slice(-3, None)]),
                                         "does not match the hash chain in its \"status\""),
    "tampered ledger hash": (_tamper_hash, "does not match its hash"),
    "tampered ledger body": (_tamper_body, "hash chain is broken"),
    "edited notes": (_tamper_notes, "does not match the hash chain in its \"notes\""),
    "bad sha256": (_bad_sha, "does not match its size and SHA-256"),
    "changed attachment bytes": (_changed_bytes, "does not match its size and SHA-256"),
    "not base64": (lambda d: d["attachments"][0].update(content_base64="@@@"),
                   "not valid base64"),
    "no content": (_drop(["attachments", 0, "content_base64"]), "content_base64"),
    "dangling case": (_dangling_case, "refers to case 99, which is not in the dump"),
    "dangling interaction": (_dangling_interaction, "refers to interaction 999"),
    "promise in another case": (_promise_in_other_case, "belongs to case"),
    "channel of another platform": (lambda d: d["interactions"][1].update(channel_id=1),
                                    "belongs to another platform"),
    "duplicate id": (_duplicate_interaction, "two interactions with id"),
    "unknown enum": (lambda d: d["cases"][0].update(status="lost"), "one of: open"),
    "bad time": (lambda d: d["interactions"][0].update(started_at="yesterday"), "ISO 8601"),
    "time without offset": (lambda d: d["promises"][0].update(due_at="2026-01-05T18:00"),
                            "UTC offset"),
    "missing key": (_drop(["platforms", 0, "name"]), "has no \"name\""),
    "unknown key": (lambda d: d["platforms"][0].update(colour="red"), "unknown key"),
    "bool for an id": (lambda d: d["cases"][0].update(platform_id=True), "whole number"),
    "lone surrogate": (lambda d: d["interactions"][0].update(notes="\ud800"), "not text"),
    "NaN in a body": (_nan_in_body, "not plain JSON"),
}


@pytest.mark.parametrize("name", list(SPOILERS))
def test_a_spoiled_dump_is_refused_and_nothing_is_written(sample, other, name):
    spoil, words = SPOILERS[name]
    document = copy.deepcopy(sample)
    spoil(document)
    with pytest.raises(BadInput) as caught:
        other.import_dump(document)
    message = str(caught.value)
    assert words in message, message
    assert message.count(". ") == 0 and message.endswith((".", "?")), message  # one sentence
    assert is_empty(other)


@pytest.mark.parametrize("document", [None, ["a", "list"], 42])
def test_what_is_not_an_object_is_refused(other, document):
    with pytest.raises(BadInput, match="not a Support Journal dump"):
        other.import_dump(document)
    assert is_empty(other)


def test_truncated_file_is_refused(sample, other):
    text = json.dumps(sample, ensure_ascii=False)
    with pytest.raises(BadInput, match="not complete JSON"):
        other.import_dump(text[: len(text) // 2])
    with pytest.raises(BadInput, match="not UTF-8"):
        other.import_dump(text.encode("utf-8")[:-1] + b"\xff")
    assert is_empty(other)


def test_non_empty_target_is_refused_and_unchanged(sample, other):
    other.add_platform("OKX")
    before = other.dump()
    with pytest.raises(BadInput, match="needs a new, empty journal"):
        other.import_dump(sample)
    assert without_time(other.dump()) == without_time(before)


def _rebuild_fails(conn, **_):
    raise OSError("disk on fire")


def test_a_failure_while_writing_leaves_nothing(sample, other, monkeypatch):
    from journal.store import search
    monkeypatch.setattr(search, "rebuild", _rebuild_fails)
    with pytest.raises(OSError):
        other.import_dump(sample)
    assert is_empty(other) and other.db.one("SELECT count(*) FROM interactions")[0] == 0


def test_a_journal_can_import_after_a_refusal(sample, other):
    with pytest.raises(BadInput):
        other.import_dump({**sample, "version": 2})
    other.import_dump(sample)
    assert without_time(other.dump()) == without_time(sample)


# -- property: any journal survives dump → import → dump ---------------------------------------

_CJK = "退款冻结账户到提现客服说已经审核中工单编号币安火币钱包"
_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
# Runs of Chinese between runs of any other characters, so notes hold both.
_any_text = st.lists(st.one_of(st.text(st.sampled_from(_CJK), min_size=1, max_size=8),
                               st.text(_chars, max_size=12)), max_size=6).map("".join)
_line = st.text(st.one_of(st.sampled_from(string.ascii_letters + string.digits + "-_#"),
                          st.sampled_from(_CJK)), min_size=1, max_size=20)

_interaction = st.fixed_dictionaries({
    "kind": st.sampled_from(["call", "chat", "email", "in-app", "social", "letter"]),
    "outcome": st.sampled_from(["answered", "no-answer", "busy", "dropped", "queue-timeout",
                                "wrong-number"]),
    "notes": _any_text,
    "agent": st.one_of(st.none(), _line),
    "wait": st.one_of(st.none(), st.floats(0, 1440, allow_nan=False)),
    "channel": st.booleans(),
    "refs": st.lists(st.tuples(st.sampled_from(["ticket", "tx-hash", "order-id", "chat-id"]),
                               _line), max_size=3),
    "promises": st.lists(st.tuples(_line, st.datetimes(
        datetime(2000, 1, 1), datetime(2100, 1, 1)).map(
        lambda t: t.replace(microsecond=0).isoformat() + "+08:00")), max_size=2),
    "files": st.lists(st.binary(max_size=300), max_size=2),
    "amend": st.one_of(st.none(), _any_text),
    "void": st.booleans(),
    "promise_status": st.sampled_from([None, "kept", "broken", "cancelled"]),
})
_plan = st.fixed_dictionaries({
    "platforms": st.lists(_any_text, min_size=1, max_size=3),
    "cases": st.lists(st.tuples(st.integers(0, 2), _any_text,
                                st.lists(_interaction, min_size=1, max_size=3)),
                      min_size=1, max_size=3),
    "case_status": st.sampled_from([None, "waiting", "resolved"]),
})


def build(j: Journal, plan: dict) -> None:
    platforms = []
    for n, name in enumerate(plan["platforms"]):
        p = j.add_platform(f"P{n} {name}"[:100])
        platforms.append((p, j.add_channel(p.id, kind="chat", value=f"chat {n}",
                                           languages=["zh-CN"])))
    for n, (which, title, interactions) in enumerate(plan["cases"]):
        platform, channel = platforms[which % len(platforms)]
        case = j.open_case(platform.id, f"C{n} {title}"[:300])
        if plan["case_status"]:
            j.set_case_status(case.id, plan["case_status"])
        for i in interactions:
            logged = j.log(case.id, kind=i["kind"], outcome=i["outcome"], notes=i["notes"],
                           agent=i["agent"], wait_minutes=i["wait"],
                           channel_id=channel.id if i["channel"] else None,
                           references=i["refs"],
                           promises=[NewPromise(f"p {t}", due) for t, due in i["promises"]],
                           attachments=[NewAttachment(f"f{k}.bin", "application/octet-stream",
                                                      data=data)
                                        for k, data in enumerate(i["files"])])
            if i["amend"] is not None:
                j.amend(logged.id, notes=i["amend"] + " (amended)", reason="fix")
            if logged.promises and i["promise_status"]:
                j.set_promise(logged.promises[0].id, i["promise_status"])
            if i["void"]:
                j.void(logged.id, reason="mistake")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(plan=_plan)
def test_any_journal_survives_dump_import_dump(plan, templates):
    with tempfile.TemporaryDirectory() as tmp:
        source = open_copy(templates, "empty", Path(tmp) / "a")
        target = open_copy(templates, "other", Path(tmp) / "b")
        with source, target:
            build(source, plan)
            first = source.dump()
            # Through JSON text, as `journal dump` and `journal import` carry it.
            target.import_dump(json.dumps(first, ensure_ascii=False))
            assert without_time(target.dump()) == without_time(first)
            assert index_content(target) == index_content(source)
            assert target.check().ok
