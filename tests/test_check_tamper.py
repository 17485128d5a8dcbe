"""`journal check` sees every record: each evidence table against the hash chain, and the
search index against the records. Each tampering is made with the real key, in SQL, around
the program, as someone holding the key could."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from journal.service import Journal, NewAttachment, NewPromise
from journal.store import check_index
from journal.store import folder as jf
from journal.store.db import Database
from journal.store.search import index_text, index_text_fast

from .conftest import PASSPHRASE, open_copy

NOTES = ["客服说退款已到账，但是账户仍然冻结。",
         "Agent said the withdrawal is pending review.",
         "排队等待了40分钟才接通 ticket KR-7",
         "No answer."]


@pytest.fixture(scope="module")
def built(tmp_path_factory, templates):
    """One journal of every kind of record, closed; tests work on copies of its folder."""
    folder = tmp_path_factory.mktemp("tamper") / "journal"
    j = open_copy(templates, "empty", folder)
    try:
        j.add_platform("Kraken", kind="exchange", website="https://www.kraken.com")
        j.add_platform("币安 Binance", kind="exchange")
        phone = j.add_channel("Kraken", kind="phone", value="+18889087930",
                              source="official-site")
        j.add_channel("Kraken", kind="email", value="support@kraken.com", source="community")
        case = j.open_case("Kraken", "Deposit not credited", category="deposit",
                           account_id="UID-42")
        other = j.open_case("币安 Binance", "提现卡住三天", category="withdrawal")
        ids = {}
        for n, note in enumerate(NOTES):
            ids[f"full{n}"] = j.log(
                case.id, kind="call", channel_id=phone.id, agent=f"Agent {n}", notes=note,
                wait_minutes=5 + n, references=[f"ticket:KR-{1000 + n}"],
                promises=[NewPromise("Credit the deposit", "2030-01-01T12:00:00Z")],
                attachments=[NewAttachment(f"screen-{n}.png", "image/png",
                                           data=bytes([n]) * 100)]).id
        ids["bare"] = j.log(other.id, kind="chat", notes="退款 no parts at all").id
        ids["amended"] = j.log(other.id, kind="email", notes="first text").id
        j.amend(ids["amended"], notes="amended 冻结 text", reason="typo")
        ids["voided"] = j.log(other.id, kind="chat", notes="logged twice").id
        j.void(ids["voided"], reason="a duplicate")
        j.set_case_status(other.id, "waiting")
        j.set_promise(j.interaction(ids["full1"]).promises[0].id, "kept")
        key = j._key
    finally:
        j.close()
    return folder, key, case.id, other.id, phone.id, ids


@pytest.fixture
def copy(built, tmp_path):
    """A copy of the built journal at tmp_path/journal (where the CLI fixtures look)."""
    folder, key, case_id, other_id, phone_id, ids = built
    target = tmp_path / "journal"
    shutil.copytree(folder, target)
    return target, key, case_id, other_id, phone_id, ids


def tamper(folder: Path, key: bytes, *statements) -> None:
    """Run SQL statements ((sql, params) or sql) on the journal with its key, around it."""
    raw = Database(folder / jf.DATABASE, key)
    try:
        with raw.transaction() as conn:
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, ())
                conn.execute(sql, params)
    finally:
        raw.close()


def report_of(folder: Path):
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        return j.check()


def one(report, *words: str) -> str:
    """The one problem naming all of `words`."""
    found = [p for p in report.problems if all(w in p for w in words)]
    assert len(found) == 1, (words, report.problems)
    return found[0]


def records_fail(report, *words: str) -> str:
    assert not report.ok and not report.chain_ok, report
    return one(report, *words)


# -- untouched, and changed through the program ----------------------------------------------

def test_an_untouched_journal_is_intact_records_and_index_too(copy):
    report = report_of(copy[0])
    assert report.ok and report.index_ok and report.problems == (), report.problems


def test_amends_voids_status_changes_and_directory_edits_through_the_program_stay_intact(copy):
    folder, _, case_id, _, phone_id, ids = copy
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        j.amend(ids["full2"], notes="corrected: 已经退款", start="2026-01-02T10:00:00+08:00",
                references=["order:ORD-1"], reason="misheard")
        j.void(ids["full3"], reason="wrong case")
        j.set_case_status(case_id, "escalated")
        j.set_promise(j.interaction(ids["full0"]).promises[0].id, "broken")
        j.update_channel(phone_id, value="+18005550123", status="reported-fake")
        j.update_platform("Kraken", website="https://kraken.com", languages=["en", "zh"])
        report = j.check()
    assert report.ok and report.index_ok, report.problems


def test_a_platform_renamed_through_the_program_stays_intact(copy):
    with Journal.open(copy[0], passphrase=PASSPHRASE) as j:
        before = {h.interaction_id for h in j.search("Kraken")}
        j.update_platform("Kraken", name="Zebrabase")
        report = j.check()
        found = {h.interaction_id for h in j.search("Zebrabase")}
        stale = {h.interaction_id for h in j.search("Kraken")}
    assert report.ok and report.index_ok, report.problems
    assert before and found == before and not stale   # the search follows the new name


# -- each record tampered with -----------------------------------------------------------------

def test_a_deleted_interaction_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, ("DELETE FROM interactions WHERE id = ?", (ids["bare"],)))
    sentence = records_fail(report_of(folder), f"The interaction {ids['bare']} ")
    assert "deleted outside the program" in sentence


def test_an_interaction_voided_in_sql_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, (("UPDATE interactions SET voided_at = '2026-05-01T10:00:00+00:00', "
                          "void_reason = 'gone' WHERE id = ?"), (ids["full0"],)))
    sentence = records_fail(report_of(folder), f"The interaction {ids['full0']} ")
    assert "voided outside the program" in sentence


def test_a_void_taken_back_in_sql_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, (("UPDATE interactions SET voided_at = NULL, void_reason = NULL "
                          "WHERE id = ?"), (ids["voided"],)))
    assert "un-voided" in records_fail(report_of(folder), f"The interaction {ids['voided']} ")


def test_a_promise_status_changed_in_sql_is_named(copy):
    folder, key, *_ = copy
    tamper(folder, key, "UPDATE promises SET status = 'kept', "
                        "status_changed_at = '2026-05-01T10:00:00+00:00' WHERE status = 'pending'")
    report = report_of(folder)
    assert "a status" in records_fail(report, "The promise 1 ")
    assert sum("The promise" in p for p in report.problems) == len(NOTES) - 1


def test_a_case_status_changed_in_sql_is_named(copy):
    folder, key, case_id, *_ = copy
    tamper(folder, key, ("UPDATE cases SET status = 'resolved' WHERE id = ?", (case_id,)))
    assert "a status the chain never recorded" in records_fail(
        report_of(folder), f"The case {case_id} ")


@pytest.mark.parametrize("column, value, words", [
    ("value", "+18005550000", "a value"), ("status", "reported-fake", "a status")])
def test_a_channel_number_or_status_swapped_in_sql_is_named(copy, column, value, words):
    folder, key, _, _, phone_id, _ = copy
    tamper(folder, key, (f"UPDATE channels SET {column} = ? WHERE id = ?", (value, phone_id)))
    assert words in records_fail(report_of(folder), f"The channel {phone_id} ")


def test_a_platform_renamed_in_sql_is_named(copy):
    folder, key, *_ = copy
    tamper(folder, key, "UPDATE platforms SET name = 'Krakken' WHERE name = 'Kraken'")
    report = report_of(folder)
    assert records_fail(report, "The platform 1 ") == (
        "The platform 1 differs from the hash chain: it has a name the chain never recorded, "
        "so it was changed outside the program.")
    assert not report.index_ok  # the index still holds the name the records no longer give


def test_an_attachment_renamed_in_sql_is_named(copy):
    folder, key, *_ = copy
    tamper(folder, key, "UPDATE attachments SET name = 'receipt.png' WHERE id = 2")
    assert "a name" in records_fail(report_of(folder), "The attachment 2 ")


def test_an_interaction_moved_in_time_in_sql_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, (("UPDATE interactions SET started_at = '2025-01-01T09:00:00+00:00', "
                          "started_ts = 1735722000 WHERE id = ?"), (ids["full1"],)))
    assert "a start time" in records_fail(report_of(folder), f"The interaction {ids['full1']} ")


def test_an_interaction_reordered_by_its_sort_time_alone_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, ("UPDATE interactions SET started_ts = 0 WHERE id = ?", (ids["full2"],)))
    assert "a start time" in records_fail(report_of(folder), f"The interaction {ids['full2']} ")


def test_a_reference_added_in_sql_is_named(copy):
    folder, key, *_, ids = copy
    tamper(folder, key, (("INSERT INTO refs (id, interaction_id, kind, value, recorded_at) "
                          "VALUES (999, ?, 'ticket', 'KR-FAKE', '2026-01-01T00:00:00+00:00')"),
                         (ids["full0"],)))
    assert "added outside the program" in records_fail(report_of(folder), "The reference 999 ")


def test_more_than_ten_problems_are_counted_not_listed(copy):
    folder, key, *_ = copy
    tamper(folder, key, "UPDATE refs SET value = value || 'x'",
           "UPDATE promises SET text = 'Nothing'", "UPDATE attachments SET media_type = 'a/b'",
           "UPDATE interactions SET agent = 'Nobody'")
    problems = report_of(folder).problems
    records = [p for p in problems if p.startswith("The ") and "search index" not in p]
    assert len(records) == 10 and problems[10].startswith("…and ") and "more" in problems[10]
    assert problems[10].split()[1] == str(4 + 4 + 4 + 7 - 10)  # refs, promises, files, agents


# -- the search index -------------------------------------------------------------------------

@pytest.mark.parametrize("poison", [
    "INSERT INTO search_index (rowid, notes) VALUES (777, 'free money')",          # extra row
    "DELETE FROM search_index WHERE rowid = 1",                                    # missing row
    "DELETE FROM search_index WHERE rowid = -1",                                   # a case's row
    ["DELETE FROM search_index WHERE rowid = 2",                                   # altered row
     ("INSERT INTO search_index (rowid, notes, refs, agent, title, platform, files) VALUES "
      "(2, 'nothing to see', 'ticket:KR-1001', 'Agent 1', 'Deposit not credited', 'Kraken', "
      "'screen-1.png')")],
])
def test_a_poisoned_search_index_is_named_and_repaired(copy, poison):
    folder, key, *_ = copy
    tamper(folder, key, *(poison if isinstance(poison, list) else [poison]))
    report = report_of(folder)
    assert not report.ok and not report.index_ok and report.chain_ok, report
    assert one(report, "search index") == check_index.MISMATCH
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        j.repair_index()
        report = j.check()
        assert report.ok and report.index_ok, report.problems
        assert {h.interaction_id for h in j.search("退款")} >= {1}


def test_one_word_swapped_in_an_indexed_row_is_found(copy):
    """The same words, counts and rows, one word different: FTS5's per-posting checksum."""
    folder, key, *_, ids = copy
    rowid = ids["full1"]
    tamper(folder, key, ("DELETE FROM search_index WHERE rowid = ?", (rowid,)),
           (("INSERT INTO search_index (rowid, notes, refs, agent, title, platform, files) "
             "VALUES (?, 'Agent said the deposit is pending review.', 'ticket:KR-1001', "
             "'Agent 1', 'Deposit not credited', 'Kraken', 'screen-1.png')"), (rowid,)))
    assert not report_of(folder).index_ok


def test_the_check_s_fast_index_text_is_index_text():
    """The check recomputes the index with index_text_fast: it must give what index_text
    gives, at every edge of the CJK ranges, in runs of every length."""
    alphabet = list("aZ09 ，。!_-\n\té\u0301") + [
        "退", "款", "\u2e7f", "\u2e80", "\u2fdf", "\u2fe0", "\u3004", "\u3005", "\u3006",
        "\u3007", "\u3020", "\u3021", "\u3029", "\u302a", "\u3040", "\u30ff", "\u3100",
        "\u312f", "\u3130", "\u3190", "\u31ff", "\u3400", "\u4dbf", "\u4e00", "\u9fff",
        "\uac00", "\ud7af", "\uf900", "\ufaff", "\ufb00", "\U00020000", "\U0003134f",
        "\U00031350", "\U0001f600"]
    rng, runs = random.Random(20261125), {}
    for _ in range(30_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert index_text_fast(text) == index_text_fast(text, runs) == index_text(text), text
    for text in (None, "", " ", "退", " 退 ", "退款已到账", "a退b款c", *NOTES):
        assert index_text_fast(text) == index_text_fast(text, runs) == index_text(text), text
    assert runs


# -- through the CLI ---------------------------------------------------------------------------

def test_the_cli_names_a_record_changed_in_sql_with_exit_4(copy, cli_here):
    folder, key, *_ = copy
    assert cli_here("check").returncode == 0
    tamper(folder, key, "UPDATE channels SET value = '+18005550000' WHERE id = 1")
    result = cli_here("check")
    assert result.returncode == 4, result
    assert "journal: The channel 1 differs from the hash chain: it has a value" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_cli_repairs_a_poisoned_index(copy, cli_here):
    folder, key, *_ = copy
    tamper(folder, key, "DELETE FROM search_index WHERE rowid = 1")
    result = cli_here("check")
    assert result.returncode == 4 and "journal check --repair-index" in result.stderr, result
    result = cli_here("check", "--repair-index")
    assert result.returncode == 0, result
    assert "rebuilt" in result.stdout and "intact" in result.stdout and result.stderr == ""
    assert cli_here("check", "--json", check=0).returncode == 0
