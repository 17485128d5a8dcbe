"""Pure rules: times, reference numbers, the chain, the key header."""
from __future__ import annotations

import json

import pytest

from journal.domain import times
from journal.domain.chain import GENESIS, ChainEntry, entry_hash, first_break, hashed_form
from journal.domain.model import ReferenceKind
from journal.domain.references import parse_reference
from journal.errors import BadInput, IntegrityFailure, WrongPassphrase
from journal.store.keyheader import FLOOR, KeyHeader, new_recovery_key, normalize_recovery_key


def test_times_keep_their_offset_and_local_time_gets_one():
    assert times.normalize("2026-11-25T14:30+08:00") == "2026-11-25T14:30:00+08:00"
    assert times.normalize("2026-11-25 14:30Z") == "2026-11-25T14:30:00+00:00"
    local = times.parse_time("2026-11-25T14:30")
    assert local.tzinfo is not None
    assert times.minutes_between("2026-11-25T14:00+08:00", "2026-11-25T07:30+00:00") == 90


@pytest.mark.parametrize("text", ["", "tomorrow", "2026-13-01", "25/11/2026", "14:30"])
def test_bad_times_are_one_sentence(text):
    with pytest.raises(BadInput, match="ISO 8601|empty"):
        times.parse_time(text)


def test_reference_kinds():
    assert parse_reference("ticket: 123") == (ReferenceKind.TICKET, "123")
    assert parse_reference("tx:abc") == (ReferenceKind.TX_HASH, "abc")
    assert parse_reference("0x" + "F" * 64)[0] is ReferenceKind.TX_HASH
    assert parse_reference("f" * 64)[0] is ReferenceKind.TX_HASH
    assert parse_reference("CS-2026-1") == (ReferenceKind.TICKET, "CS-2026-1")
    assert parse_reference("https://x.example/a:b")[1] == "https://x.example/a:b"
    assert parse_reference("W-1", "withdrawal-id")[0] is ReferenceKind.WITHDRAWAL_ID
    with pytest.raises(BadInput):
        parse_reference("   ")
    with pytest.raises(BadInput):
        parse_reference("a" * 201)


def _chain(n):
    entries, prev = [], GENESIS
    for seq in range(1, n + 1):
        form = hashed_form(seq, 1, "interaction", seq, "create", "2026-11-25T00:00:00+00:00",
                           {"notes": f"n{seq}"}, prev, prev)
        h = entry_hash(form)
        entries.append(ChainEntry(seq, 1, "interaction", seq, "create", form["recorded_at"],
                                  form["body"], prev, prev, h))
        prev = h
    return entries


def test_chain_names_the_first_broken_link():
    entries = _chain(5)
    assert first_break(entries) is None and first_break(entries, per_case=True) is None
    tampered = list(entries)
    e = tampered[2]
    tampered[2] = ChainEntry(e.seq, e.case_id, e.entity, e.entity_id, e.action, e.recorded_at,
                             {"notes": "rewritten"}, e.prev_hash, e.case_prev_hash, e.hash)
    assert "Entry 3" in first_break(tampered)
    assert "Entry 4" in first_break(entries[:2] + entries[3:])


def test_key_header_round_trip_and_wrong_secrets():
    key = bytes(range(32))
    recovery = new_recovery_key()
    header = KeyHeader.create("a long passphrase", key, recovery, dict(FLOOR))
    again = KeyHeader.from_bytes(header.to_bytes())
    assert again.unlock("a long passphrase") == key
    assert again.unlock_with_recovery_key(recovery.lower().replace("-", " ")) == key
    with pytest.raises(WrongPassphrase):
        again.unlock("a wrong passphrase")
    other = new_recovery_key()
    with pytest.raises(WrongPassphrase):
        again.unlock_with_recovery_key(other)
    assert key.hex() not in header.to_bytes().decode()


def test_recovery_key_typos_are_caught():
    key = new_recovery_key()
    typo = ("B" if key[0] != "B" else "C") + key[1:]
    with pytest.raises(BadInput, match="not a valid recovery key"):
        normalize_recovery_key(typo)


def test_weakened_or_damaged_headers_are_refused():
    header = KeyHeader.create("a long passphrase", bytes(32), new_recovery_key(), dict(FLOOR))
    doc = json.loads(header.to_bytes())
    doc["kdf"]["memory_kib"] = 1024
    with pytest.raises(IntegrityFailure, match="weaker"):
        KeyHeader.from_bytes(json.dumps(doc).encode())
    with pytest.raises(IntegrityFailure, match="damaged"):
        KeyHeader.from_bytes(b"{not json")
    doc = json.loads(header.to_bytes())
    doc["kdf"]["time_cost"] = 4  # a stronger but different parameter: the AEAD refuses it
    with pytest.raises(WrongPassphrase):
        KeyHeader.from_bytes(json.dumps(doc).encode()).unlock("a long passphrase")


def test_chain_checks_each_cases_own_links_too():
    def build(case_links_right: bool):
        entries, prev, last = [], GENESIS, {}
        for seq in range(1, 5):
            case = 1 + seq % 2  # two cases, interleaved
            case_prev = last.get(case, GENESIS) if case_links_right else prev
            form = hashed_form(seq, case, "interaction", seq, "create",
                               "2026-11-25T00:00:00+00:00", {}, prev, case_prev)
            h = entry_hash(form)
            entries.append(ChainEntry(seq, case, "interaction", seq, "create",
                                      form["recorded_at"], {}, prev, case_prev, h))
            prev, last[case] = h, h
        return entries
    assert first_break(build(True)) is None
    assert "Entry 2" in first_break(build(False)) and "in its case" in first_break(build(False))


def test_every_case_category_has_its_words_in_the_case_file_in_both_languages():
    from journal.domain.model import CaseCategory
    from journal.export.pdf_labels import LANGUAGES, WORDS
    for language in LANGUAGES:
        for category in CaseCategory:
            assert category.value in WORDS[language], (language, category)
    assert WORDS["en"]["account-hacked"] == "account hacked"
    assert WORDS["zh_CN"]["refund"] == "退款" and WORDS["zh_CN"]["account-hacked"] == "账户被盗"
    assert CaseCategory.parse(" Account-Hacked ", "case category") is CaseCategory.ACCOUNT_HACKED
    assert CaseCategory.parse("refund", "case category") is CaseCategory.REFUND
