"""Search: Chinese of every length, English, references, and queries that are always data."""
from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.store.search import index_text, match_expression, query_terms, snippet


@pytest.fixture
def filled(journal):
    journal.add_platform("币安 Binance", kind="exchange")
    journal.add_platform("Kraken", kind="exchange")
    c1 = journal.open_case("币安 Binance", "提现卡住三天", category="withdrawal",
                           account_id="UID-778899")
    c2 = journal.open_case("Kraken", "Account frozen after KYC", category="account-frozen")
    a = journal.log(c1.id, kind="call", agent="王小明",
                    notes="客服说退款已到账，但是账户仍然冻结。请提供交易哈希。",
                    references=["ticket:BN-2026-0042", "0x" + "ab12" * 16])
    b = journal.log(c2.id, kind="chat", agent="Maria Lopez",
                    notes="Agent said the withdrawal is pending compliance review.",
                    references=["order:ORD-55-XY"])
    return journal, c1, c2, a, b


def ids(hits):
    return {(h.case_id, h.interaction_id) for h in hits}


@pytest.mark.parametrize("query", ["退款", "冻结", "账户", "到账", "交易哈希", "客服说退款"])
def test_chinese_words_of_two_or_more_characters_are_found(filled, query):
    j, c1, _, a, _ = filled
    assert (c1.id, a.id) in ids(j.search(query))


@pytest.mark.parametrize("query", ["退", "冻", "款", "希"])  # 希 ends the run: last-character path
def test_single_chinese_characters_are_found(filled, query):
    j, c1, _, a, _ = filled
    assert (c1.id, a.id) in ids(j.search(query))


def test_chinese_words_not_in_the_note_are_not_found(filled):
    j, *_ = filled
    assert j.search("充值") == []
    assert j.search("退冻") == []  # both characters occur, but never side by side


def test_english_words_references_agents_titles_platforms(filled):
    j, c1, c2, a, b = filled
    assert (c2.id, b.id) in ids(j.search("compliance"))
    assert (c2.id, b.id) in ids(j.search("COMPLIANCE review"))
    assert (c1.id, a.id) in ids(j.search("BN-2026-0042"))
    assert (c2.id, b.id) in ids(j.search("ORD-55-XY"))
    assert (c1.id, a.id) in ids(j.search("0x" + "ab12" * 16))
    assert (c2.id, b.id) in ids(j.search("Maria"))
    assert (c1.id, a.id) in ids(j.search("王小明"))
    assert (c2.id, None) in ids(j.search("KYC"))
    assert (c1.id, None) in ids(j.search("币安"))
    assert (c1.id, None) in ids(j.search("UID-778899"))


def test_last_word_is_a_prefix_so_results_come_while_typing(filled):
    j, _, c2, _, b = filled
    assert (c2.id, b.id) in ids(j.search("withdr"))
    assert j.search("withdr", prefix_last=False) == []


def test_snippet_marks_matches_in_the_original_text(filled):
    j, *_ = filled
    hit = next(h for h in j.search("退款") if h.interaction_id)
    assert "[退款]" in hit.snippet and "款已" not in hit.snippet.replace("退款已", "")
    hit = next(h for h in j.search("compliance") if h.interaction_id)
    assert "[compliance]" in hit.snippet


def test_results_are_ranked_and_limited(journal):
    journal.add_platform("OKX")
    case = journal.open_case("OKX", "fees")
    strong = journal.log(case.id, kind="email", notes="fee fee fee fee refund of the fee")
    for _ in range(5):
        journal.log(case.id, kind="email", notes="a long note " * 30 + "fee")
    hits = journal.search("fee", limit=3)
    assert len(hits) == 3
    assert hits[0].interaction_id == strong.id
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_filters_by_platform_and_since(filled):
    j, c1, c2, a, b = filled
    assert ids(j.search("Agent OR 客服", platform="Kraken")) <= {(c2.id, b.id)}
    assert (c2.id, b.id) in ids(j.search("compliance", platform="Kraken"))
    assert j.search("compliance", platform="币安 Binance") == []
    assert j.search("compliance", since="2999-01-01") == []
    assert (c2.id, b.id) in ids(j.search("compliance", since="2000-01-01"))


def test_amended_text_is_searched_and_voided_entries_leave_search(filled):
    j, c1, _, a, _ = filled
    j.amend(a.id, notes="改为：已经解冻", reason="agent corrected himself")
    assert (c1.id, a.id) in ids(j.search("解冻"))
    assert (c1.id, a.id) not in ids(j.search("退款"))
    j.void(a.id, reason="logged on the wrong case")
    assert (c1.id, a.id) not in ids(j.search("解冻"))


@pytest.mark.parametrize("query", ['"', '""', "*", "AND", "OR NOT", "NEAR(", "(", ")", "a AND (",
                                   '"unterminated', "col:value", "^start", "-", "+", "{a b}:c",
                                   "NEAR(a b, 3)", "退款 AND", "\\", "'", "%", "_"])
def test_fts_syntax_in_a_query_is_data_never_an_error(filled, query):
    j, *_ = filled
    assert isinstance(j.search(query), list)  # a list, never an FTS5 syntax error


def test_syntax_words_are_searched_for_as_words(journal):
    journal.add_platform("Bybit")
    case = journal.open_case("Bybit", "near and or not")
    hit = journal.log(case.id, kind="chat", notes="He said NEAR the end AND then OR maybe NOT")
    assert (case.id, hit.id) in ids(journal.search("NEAR AND"))
    assert (case.id, hit.id) in ids(journal.search('"OR" NOT'))


_query_text = st.lists(st.one_of(
    st.text(alphabet=string.printable + "退款冻结账户到提现客服“”：，。", max_size=8),
    st.sampled_from(["NEAR", "AND", "OR", "NOT", "NEAR(", '"', "*", "(", ")", ":", "^"])),
    max_size=8).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_query_text)
def test_any_query_is_accepted_by_fts5(filled, query):
    j, *_ = filled
    for hit in j.search(query):
        assert hit.case_id > 0


@settings(max_examples=300, deadline=None)
@given(query=_query_text)
def test_every_term_is_one_quoted_string(query):
    for term in query_terms(query):
        body = term.removesuffix(" *")
        assert body.startswith('"') and body.endswith('"')
        inner = body[1:-1]
        assert '"' not in inner.replace('""', "")


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("退款冻结账户 abcXYZ12，。")), max_size=30))
def test_index_text_keeps_every_character_findable(text):
    indexed = index_text(text).split()
    for ch in set(text) - set(" ，。"):
        assert any(token.startswith(ch) or ch in token for token in indexed)


def test_match_expression_is_none_for_punctuation_only():
    assert match_expression("*** ((( ,,,") is None
    assert match_expression("") is None


def test_snippet_window_and_marks():
    text = "x" * 300 + " the refund arrived " + "y" * 300
    s = snippet(text, ["refund"])
    assert "[refund]" in s and s.startswith("…") and s.endswith("…")


def test_a_very_common_word_is_ranked_among_its_recent_matches(journal, monkeypatch):
    from journal.store import search as search_store
    monkeypatch.setattr(search_store, "RANK_WINDOW", 4)
    journal.add_platform("OKX")
    journal.add_platform("Kraken")
    old_case = journal.open_case("Kraken", "old")
    old = journal.log(old_case.id, kind="email", notes="fee fee fee fee fee")
    case = journal.open_case("OKX", "fees")
    recent = [journal.log(case.id, kind="email", notes=f"note {n} about a fee") for n in range(12)]
    hits = journal.search("fee", limit=3)
    assert len(hits) == 3 and old.id not in {h.interaction_id for h in hits}
    assert {h.interaction_id for h in hits} <= {i.id for i in recent}
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    # Too few recent matches pass the filter: the window widens until the page is full.
    assert [h.interaction_id for h in journal.search("fee", platform="Kraken")] == [old.id]
    assert len(journal.search("fee", limit=13)) == 13


def test_only_the_newest_matches_are_ranked_and_the_cases_with_them(journal, monkeypatch):
    from journal.store import search as search_store
    monkeypatch.setattr(search_store, "RANK_WINDOW", 3)
    journal.add_platform("OKX")
    case = journal.open_case("OKX", "refund refund refund")
    strong_old = [journal.log(case.id, kind="email", notes="refund refund refund refund")
                  for _ in range(3)]
    weak_new = [journal.log(case.id, kind="email", notes="a long note " * 20 + "refund")
                for _ in range(3)]
    hits = journal.search("refund", limit=3)
    # Only the 3 newest interactions are ranked, however well the older ones would score, and
    # the case's own row among them (its title says it three times in three words: first).
    assert [h.interaction_id for h in hits][0] is None and hits[0].case_id == case.id
    assert {h.interaction_id for h in hits[1:]} <= {i.id for i in weak_new}
    assert not {i.id for i in strong_old} & {h.interaction_id for h in hits}
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    # A page as long as the journal's matches ranks them all: the strong old ones lead.
    everything = journal.search("refund", limit=7)
    assert {h.interaction_id for h in everything[:4]} == {i.id for i in strong_old} | {None}


def test_equal_scores_come_newest_first_so_a_search_always_shows_the_same_page(journal):
    journal.add_platform("OKX")
    case = journal.open_case("OKX", "fees")
    same = [journal.log(case.id, kind="email", notes="the fee again").id for _ in range(8)]
    first = journal.search("fee", limit=4, prefix_last=False)
    assert [h.interaction_id for h in first] == sorted(same, reverse=True)[:4]
    assert [h.interaction_id for h in journal.search("fee", limit=4, prefix_last=False)] == \
        [h.interaction_id for h in first]


def test_a_filtered_search_ranks_within_the_same_window_and_widens_for_a_full_page(
        journal, monkeypatch):
    from journal.store import search as search_store
    monkeypatch.setattr(search_store, "RANK_WINDOW", 2)
    journal.add_platform("OKX")
    journal.add_platform("Kraken")
    kraken = journal.open_case("Kraken", "old ones")
    okx = journal.open_case("OKX", "new ones")
    old = [journal.log(kraken.id, kind="email", notes="a deposit").id for _ in range(3)]
    for _ in range(5):
        journal.log(okx.id, kind="email", notes="a deposit")
    # None of the two newest matches is Kraken's: the range widens until the page is full.
    got = [h.interaction_id for h in journal.search("deposit", platform="Kraken", limit=3)]
    assert sorted(got) == sorted(old)
    assert [h.interaction_id for h in journal.search("deposit", platform="Kraken", limit=1)] \
        == [max(old)]
