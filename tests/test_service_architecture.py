"""The service's own promises: one transaction per user action, one owner of the search
index, the changes each write reports, open cases found in SQL, and a failed create that
leaves the folder free to try again."""
from __future__ import annotations

import errno

import pytest

from journal.domain import changes
from journal.errors import BadInput, EnvironmentProblem
from journal.service import Journal

from .conftest import PASSPHRASE


class _DiskFull:
    """Stands in for a write to the disk (the key header, the checklist): the disk is full."""

    def __init__(self, calls: list):
        self.calls = calls

    def __call__(self, *args):
        self.calls.append(args[0])
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def world(journal):
    journal.add_platform("Coinbase", kind="exchange")
    case = journal.open_case("Coinbase", "Withdrawal stuck")
    journal.log(case.id, kind="call", notes="the agent said two days", agent="Mia")
    return journal, case


def test_a_renamed_platform_is_found_under_its_new_name_only(world):
    j, case = world
    assert {h.case_id for h in j.search("Coinbase")} == {case.id}
    j.update_platform("Coinbase", name="Zebrabase")
    assert {h.case_id for h in j.search("Zebrabase")} == {case.id}
    assert j.search("Coinbase") == []
    assert j.check().index_ok


def test_a_voided_interaction_leaves_search_and_an_amended_note_is_found(world):
    j, case = world
    [i] = j.timeline(case.id)
    j.amend(i.id, notes="the agent promised a refund", reason="misheard")
    assert [h.interaction_id for h in j.search("refund")] == [i.id]
    j.void(i.id, reason="wrong case")
    assert j.search("refund") == []
    assert j.check().index_ok


def test_opening_a_case_is_one_transaction_with_its_checklist(world, monkeypatch):
    from journal.store import checklist as checklist_store
    j, _case = world
    before, head = j.cases(), j.chain_head()
    monkeypatch.setattr(checklist_store, "add", _DiskFull([]))
    with pytest.raises(OSError):  # the checklist cannot be written
        j.open_case("Coinbase", "Account frozen", checklist_language="en")
    assert j.cases() == before and j.chain_head() == head   # no case without its checklist
    assert j.search("frozen") == []
    monkeypatch.undo()
    case = j.open_case("Coinbase", "Account frozen", checklist_language="en")
    assert j.checklist(case.id) and j.search("frozen")


def test_each_write_reports_the_kinds_of_record_it_touched(world):
    j, case = world
    j.take_changes()
    j.save_draft("call", {"notes": "typing"})
    assert j.last_changes == {changes.DRAFTS}
    item = j.add_checklist_item(case.id, "Ask for the ticket number")
    assert j.last_changes == {changes.CHECKLIST}
    j.log(case.id, kind="chat", notes="ticket 12345", draft="call", answered=[item.id])
    assert {changes.TIMELINE, changes.CASES, changes.CHECKLIST, changes.DRAFTS} \
        <= j.last_changes
    j.set_case_status(case.id, "escalated")
    assert j.last_changes == {changes.CASES}
    j.update_platform("Coinbase", website="https://coinbase.com")
    assert changes.DIRECTORY in j.last_changes
    taken = j.take_changes()
    assert {changes.DRAFTS, changes.CHECKLIST, changes.TIMELINE, changes.DIRECTORY} <= taken
    j.timeline(case.id), j.search("ticket"), j.cases()   # reads change nothing
    assert j.take_changes() == frozenset()


def test_a_refused_write_reports_nothing(world):
    j, case = world
    j.take_changes()
    with pytest.raises(BadInput):
        j.log(case.id, kind="call", start="2999-01-01 10:00")
    assert j.take_changes() == frozenset()


def test_open_cases_are_found_in_the_query_beyond_the_first_page(journal):
    journal.add_platform("Kraken")
    oldest = journal.open_case("Kraken", "The one still open", opened_at="2026-01-01 09:00")
    for n in range(60):
        c = journal.open_case("Kraken", f"Closed {n}", checklist_language=None)
        journal.set_case_status(c.id, "closed" if n % 2 else "resolved")
    page = journal.cases(open_only=True, limit=50)
    assert [c.id for c in page] == [oldest.id]
    assert len(journal.cases(limit=50)) == 50


def test_answerable_keeps_only_items_still_open_on_the_case(world):
    j, case = world
    a = j.add_checklist_item(case.id, "Ask for a ticket")
    b = j.add_checklist_item(case.id, "Ask for the agent's name")
    c = j.add_checklist_item(case.id, "Ask when")
    j.tick_checklist_item(b.id)
    j.remove_checklist_item(c.id)
    assert j.answerable(case.id, [a.id, b.id, c.id]) == [a.id]


def test_a_create_that_fails_once_can_be_tried_again_in_the_same_process(tmp_path,
                                                                         monkeypatch):
    from journal.store import folder as store_folder
    folder = tmp_path / "journal"
    real = store_folder.write_atomically
    calls = []
    monkeypatch.setattr(store_folder, "write_atomically", _DiskFull(calls))
    with pytest.raises(EnvironmentProblem) as refused:
        Journal.create(folder, passphrase=PASSPHRASE)
    assert calls and "disk is full" in str(refused.value)
    assert not (folder / "journal.key").exists() and not (folder / "journal.db").exists()
    monkeypatch.setattr(store_folder, "write_atomically", real)
    j, recovery = Journal.create(folder, passphrase=PASSPHRASE)   # the folder is not held
    try:
        assert recovery and j.platforms() == []
    finally:
        j.close()
    with Journal.open(folder, passphrase=PASSPHRASE) as again:
        assert again.cases() == []
