"""Each case's checklist through the service: suggested from the category, editable, ticked in
the contact where it was answered, and the rest carried to the next contact."""
from __future__ import annotations

import pytest

from journal.domain.checklist import suggestions
from journal.domain.model import CaseCategory
from journal.errors import BadInput, NotFound


@pytest.fixture
def case(journal):
    journal.add_platform("Binance")
    return journal.open_case("Binance", "Withdrawal stuck", category="withdrawal",
                             account_id="UID 31415926")


def _texts(items) -> list[str]:
    return [i.text for i in items]


def test_a_new_case_starts_with_the_suggestions_for_its_category(journal, case):
    items = journal.checklist(case.id)
    texts = _texts(items)
    assert texts[0] == "Account ID or the e-mail of the account: UID 31415926"
    assert "Transaction hash (TXID) or withdrawal ID" in texts
    assert "The agent's name and the ticket or case number" in texts
    assert {i.kind.value for i in items} == {"ask", "have"}
    assert not any(i.answered for i in items)
    assert [i.position for i in items] == sorted(i.position for i in items)


def test_suggestions_differ_by_category_and_come_in_chinese(journal):
    journal.add_platform("OKX")
    frozen = journal.open_case("OKX", "冻结", category="account-frozen",
                               checklist_language="zh_CN")
    texts = _texts(journal.checklist(frozen.id))
    assert "解除限制需要哪些材料？" in texts and "账户 ID 或账户邮箱" in texts
    assert not any("TXID" in t for t in texts)
    empty = journal.open_case("OKX", "No list", checklist_language=None)
    assert journal.checklist(empty.id) == []


def test_no_suggestion_asks_the_user_to_give_a_secret():
    for category in CaseCategory:
        for language in ("en", "zh_CN"):
            for _, text in suggestions(category, language):
                lowered = text.lower()
                assert "seed" not in lowered and "private key" not in lowered
                assert "助记词" not in text and "私钥" not in text and "验证码" not in text


def test_suggest_adds_only_what_is_missing(journal, case):
    before = journal.checklist(case.id)
    assert journal.suggest_checklist(case.id) == []
    journal.remove_checklist_item(before[1].id)
    added = journal.suggest_checklist(case.id)
    assert _texts(added) == [before[1].text]
    assert len(journal.checklist(case.id)) == len(before)


def test_items_are_added_edited_moved_and_removed(journal, case):
    item = journal.add_checklist_item(case.id, "  Ask for the compliance team's e-mail  ")
    assert (item.text, item.kind.value) == ("Ask for the compliance team's e-mail", "ask")
    have = journal.add_checklist_item(case.id, "Bank statement of March", kind="have")
    assert journal.checklist(case.id)[-2:] == [item, have]
    assert journal.edit_checklist_item(have.id, "Bank statement, March").text == \
        "Bank statement, March"
    moved = journal.move_checklist_item(have.id, 0)
    assert moved[0].id == have.id and moved[-1].id == item.id
    journal.remove_checklist_item(item.id)
    assert item.id not in [i.id for i in journal.checklist(case.id)]
    with pytest.raises(NotFound):
        journal.remove_checklist_item(item.id)
    with pytest.raises(BadInput, match="empty"):
        journal.add_checklist_item(case.id, "   ")
    with pytest.raises(BadInput, match="kind of checklist item"):
        journal.add_checklist_item(case.id, "x", kind="maybe")
    with pytest.raises(BadInput, match="longer than"):
        journal.edit_checklist_item(have.id, "x" * 501)
    assert journal.checklist_item(have.id).text == "Bank statement, March"


def test_items_answered_in_a_call_are_linked_to_it_and_the_rest_carry_over(journal, case):
    first, second, *rest = journal.checklist(case.id)
    call = journal.log(case.id, kind="call", notes="They need the TXID", answered=[second.id])
    after = {i.id: i for i in journal.checklist(case.id)}
    assert after[second.id].answered and after[second.id].interaction_id == call.id
    assert after[second.id].answered_at == call.recorded_at
    assert not after[first.id].answered
    # The next contact starts with what is still open.
    assert [i.id for i in journal.checklist(case.id) if not i.answered] == \
        [first.id] + [i.id for i in rest]
    undone = journal.tick_checklist_item(second.id, False)
    assert (undone.answered, undone.interaction_id) == (False, None)
    ticked = journal.tick_checklist_item(first.id, interaction_id=call.id)
    assert ticked.answered and ticked.interaction_id == call.id
    plain = journal.tick_checklist_item(second.id)
    assert plain.answered and plain.interaction_id is None


def test_an_item_of_another_case_stops_the_whole_log(journal, case):
    other = journal.open_case("Binance", "Another")
    foreign = journal.checklist(other.id)[0]
    before = len(journal.timeline(case.id))
    with pytest.raises(BadInput, match="belongs to case"):
        journal.log(case.id, kind="call", notes="x", answered=[foreign.id])
    with pytest.raises(NotFound):
        journal.log(case.id, kind="call", notes="x", answered=[99999])
    assert len(journal.timeline(case.id)) == before
    assert not journal.checklist_item(foreign.id).answered
    call = journal.log(other.id, kind="call")
    with pytest.raises(BadInput, match="belongs to case"):
        journal.tick_checklist_item(journal.checklist(case.id)[0].id, interaction_id=call.id)


def test_a_checklist_has_a_limit(journal, case):
    from journal.service.checklist import MAX_ITEMS
    for n in range(MAX_ITEMS - len(journal.checklist(case.id))):
        journal.add_checklist_item(case.id, f"item {n}")
    with pytest.raises(BadInput, match=f"at most {MAX_ITEMS}"):
        journal.add_checklist_item(case.id, "one too many")


@pytest.mark.parametrize("category, english, chinese", [
    ("refund", "Has the refund been issued, and what is its reference?",
     "退款是否已经发出？退款编号是什么？"),
    ("account-hacked", "Can you freeze the account and block all withdrawals now?",
     "能否立即冻结账户并禁止一切提现？"),
])
def test_refund_and_account_hacked_have_suggestions_of_their_own(category, english, chinese):
    other = set(suggestions(CaseCategory.OTHER, "en"))
    mine = suggestions(CaseCategory(category), "en")
    assert english in [text for _, text in mine]
    assert len(set(mine) - other) >= 4  # more than the items every case gets
    assert chinese in [text for _, text in suggestions(CaseCategory(category), "zh_CN")]
    assert len(mine) == len(suggestions(CaseCategory(category), "zh_CN"))


def test_every_category_suggests_items_of_its_own_and_never_asks_for_a_code_or_key():
    common = set(suggestions(CaseCategory.OTHER, "en"))
    for category in CaseCategory:
        for language in ("en", "zh_CN"):
            texts = [text for _, text in suggestions(category, language)]
            if category is not CaseCategory.OTHER and language == "en":
                assert set(suggestions(category, language)) - common, category
            for text in texts:
                lowered = text.lower()
                assert " code" not in lowered and "2fa" not in lowered, text
                assert " key" not in lowered and "recovery" not in lowered, text
                assert "验证码" not in text and "密钥" not in text and "恢复" not in text, text


def test_the_cli_opens_refund_and_account_hacked_cases_and_they_survive_dump_import_and_verify(
        empty_cli, run_cli, tmp_path, templates):
    empty_cli("platform", "add", "Binance", check=0)
    ids = {}
    for category in ("refund", "account-hacked"):  # the real program, in its own process
        out = run_cli("case", "open", "Binance", f"A {category} case", "--category", category,
                      "--checklist-language", "zh_CN", check=0).stdout
        ids[category] = int(out)
    listed = {c["id"]: c["category"] for c in empty_cli.json("case", "list")}
    assert listed == {ids["refund"]: "refund", ids["account-hacked"]: "account-hacked"}
    items = [i["text"] for i in empty_cli.json("checklist", "list", ids["refund"])]
    assert "退款是否已经发出？退款编号是什么？" in items
    shown = empty_cli("case", "show", ids["account-hacked"], check=0).stdout
    assert "account-hacked" in shown

    bad = empty_cli("case", "open", "Binance", "Nope", "--category", "hacked", check=1)
    assert "refund" in bad.stderr and "account-hacked" in bad.stderr
    assert "Traceback" not in bad.stderr

    assert empty_cli("check", check=0).returncode == 0  # the chain replays them
    target = tmp_path / "hacked.zip"
    empty_cli("export", ids["account-hacked"], "--bundle", target, check=0)
    assert empty_cli("verify", target, check=0).returncode == 0

    dump = tmp_path / "all.json"
    empty_cli("dump", "--output", dump, check=0)
    other = tmp_path / "other"
    copy = type(empty_cli)(other, expect=None)
    templates.copy("empty", copy.dir)
    copy("import", dump, check=0)
    assert {c["category"] for c in copy.json("case", "list")} == {"refund", "account-hacked"}
    assert copy("check", check=0).returncode == 0
