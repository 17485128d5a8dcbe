"""The case list: lazy pages, filters, selection that survives a refresh, the empty state."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from journal.ui.cases.case_list import (
    INTERACTIONS,
    PAGE,
    PLATFORM,
    STATUS,
    TITLE,
    CaseIdRole,
    CaseListModel,
    CaseListPanel,
)
from journal.ui.kit.session import Session
from tests.conftest import demo_content, open_copy
from tests.ui import WAIT

MANY = 450  # more than two pages


def open_many(journal, count=MANY):
    """Quick bulk cases through the service; the oldest first, so the first is on the last page."""
    first = None
    for n in range(count):
        case = journal.open_case("Coinbase", f"Bulk case {n}",
                                 opened_at=f"2025-01-01T00:{n // 60:02d}:{n % 60:02d}+00:00")
        first = first or case
    return first


def demo_and_many(journal):
    demo_content(journal)
    open_many(journal)


# The session's demo journal with MANY bulk cases too: made once, each test gets a copy.
WITH_MANY = pytest.mark.journal_template("demo and many cases", demo_and_many)


def choose(qtbot, combo, text):
    """Pick an entry the way a keyboard user does: focus the combo and arrow to it."""
    target = combo.findText(text)
    assert target >= 0, text
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def shown_ids(model):
    return [model.index(r, 0).data(CaseIdRole) for r in range(model.rowCount())]


def read(qtbot, model):
    """Wait for the model's question to the journal (off the GUI thread) to be answered."""
    qtbot.waitUntil(lambda: not model.loading(), timeout=WAIT)


def filtered(qtbot, panel, combo, text):
    choose(qtbot, combo, text)
    read(qtbot, panel.model)


def selected(qtbot, panel, case_id):
    found = []
    panel.select_case(case_id, on_done=found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT)
    return found[0]


@pytest.fixture
def panel(session, qtbot):
    widget = CaseListPanel(session)
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    widget.show()
    read(qtbot, widget.model)
    return widget


@WITH_MANY
def test_model_passes_the_model_tester_and_fetches_page_by_page(session, qtmodeltester, qtbot):
    model = CaseListModel(session)
    read(qtbot, model)
    assert model.rowCount() == PAGE  # one page, not the whole journal
    assert model.canFetchMore()
    qtmodeltester.check(model)
    model.fetchMore()
    read(qtbot, model)
    assert model.rowCount() == 2 * PAGE  # one more page
    while model.canFetchMore():
        model.fetchMore()
        read(qtbot, model)
    assert model.rowCount() == MANY + 1
    assert len(set(shown_ids(model))) == MANY + 1
    qtmodeltester.check(model)


def test_rows_show_the_case_and_its_counts(session, qtbot):
    model = CaseListModel(session)
    read(qtbot, model)
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[0] == "Coinbase"
    assert row[1] == "Withdrawal stuck since Monday"
    assert row[2] == "Open"
    assert row[4] == "1" and row[5] == "1"  # one open promise, one interaction
    assert model.index(0, 1).data(CaseIdRole) == 1
    assert model.index(0, 2).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    session.journal.set_case_status(1, "resolved")
    model.refresh()
    read(qtbot, model)
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # muted


def test_filter_by_status_and_by_platform(session, panel, qtbot):
    journal = session.journal
    journal.add_platform("Kraken", kind="exchange")
    kraken = journal.open_case("Kraken", "Account frozen after KYC")
    resolved = journal.open_case("Coinbase", "Card charged twice")
    journal.set_case_status(resolved.id, "resolved")
    session.announce("directory")
    panel.refresh()
    read(qtbot, panel.model)
    assert sorted(shown_ids(panel.model)) == [1, kraken.id, resolved.id]
    qtbot.waitUntil(lambda: panel.platform_combo.findText("Kraken") >= 0, timeout=WAIT)

    filtered(qtbot, panel, panel.status_combo, "Resolved")
    assert shown_ids(panel.model) == [resolved.id]
    filtered(qtbot, panel, panel.status_combo, "All statuses")
    filtered(qtbot, panel, panel.platform_combo, "Kraken")
    assert shown_ids(panel.model) == [kraken.id]
    filtered(qtbot, panel, panel.status_combo, "Resolved")
    assert shown_ids(panel.model) == []
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "No cases match these filters."
    filtered(qtbot, panel, panel.status_combo, "All statuses")
    assert panel.stack.currentWidget() is panel.table


@WITH_MANY
def test_select_case_fetches_later_pages(session, panel, qtbot):
    oldest = session.journal.case(2)  # the demo's case is 1; then open_many's, oldest first
    assert oldest.title == "Bulk case 0"
    panel.refresh()
    read(qtbot, panel.model)
    assert panel.model.rowCount() == PAGE
    with qtbot.waitSignal(panel.caseActivated, timeout=WAIT) as signal:
        assert selected(qtbot, panel, oldest.id)
    assert signal.args == [oldest.id]
    assert panel.current_case_id() == oldest.id
    assert panel.model.rowCount() > 2 * PAGE
    assert not selected(qtbot, panel, 99_999)


def test_select_case_clears_a_filter_that_hides_it(session, panel, qtbot):
    filtered(qtbot, panel, panel.status_combo, "Resolved")
    assert panel.model.rowCount() == 0
    assert selected(qtbot, panel, 1)
    assert panel.status_combo.currentText() == "All statuses"
    assert panel.current_case_id() == 1


def test_list_refreshes_after_a_new_case_and_keeps_the_selection(session, panel, qtbot):
    assert selected(qtbot, panel, 1)
    activated = []
    panel.caseActivated.connect(activated.append)
    opened = []
    session.submit(lambda j: j.open_case("Coinbase", "Deposit not credited"),
                   on_done=opened.append)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=WAIT)
    assert panel.model.index(0, TITLE).data() == "Deposit not credited"  # newest first
    assert panel.current_case_id() == 1
    assert activated == []  # the same case stays chosen: no reload of the case view


def test_click_and_enter_activate_a_case(session, panel, qtbot):
    second = session.journal.open_case("Coinbase", "Second case")
    panel.refresh()
    read(qtbot, panel.model)
    table = panel.table
    with qtbot.waitSignal(panel.caseActivated, timeout=WAIT) as signal:
        rect = table.visualRect(panel.model.index(1, TITLE))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [1]
    table.setFocus()
    with qtbot.waitSignal(panel.caseActivated, timeout=WAIT) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Up)
    assert signal.args == [second.id]
    with qtbot.waitSignal(panel.caseActivated, timeout=WAIT) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == [second.id]


def test_empty_journal_says_how_to_start(journal_dir, templates, qtbot):
    session = Session(journal_dir)
    session.journal = open_copy(templates, "empty", journal_dir)
    try:
        panel = CaseListPanel(session)
        qtbot.addWidget(panel)
        read(qtbot, panel.model)
        assert panel.stack.currentWidget() is panel.empty
        assert panel.empty.text() == "No cases yet. Open one with New case (Ctrl+N)."
        assert panel.current_case_id() is None
        session.journal.add_platform("Binance")
        session.announce("directory")
        qtbot.waitUntil(lambda: [panel.platform_combo.itemText(i)
                                 for i in range(panel.platform_combo.count())]
                        == ["All platforms", "Binance"], timeout=WAIT)
    finally:
        session.close()


def test_locking_forgets_the_rows(session, panel, qtbot):
    assert panel.model.rowCount() == 1
    session.lock()
    assert panel.model.rowCount() == 0
    assert not panel.model.canFetchMore()


def test_columns_give_way_to_the_title_when_the_list_is_narrow(session, qtbot):
    panel = CaseListPanel(session)
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=WAIT)
    hidden = [c for c in range(panel.model.columnCount()) if panel.table.isColumnHidden(c)]
    assert INTERACTIONS in hidden and TITLE not in hidden and STATUS not in hidden
    panel.resize(1000, 400)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(PLATFORM), timeout=WAIT)
    assert not any(panel.table.isColumnHidden(c) for c in range(panel.model.columnCount()))
    assert panel.table.columnWidth(TITLE) > 200


def test_the_row_the_focus_makes_current_is_drawn_chosen(session, panel, qtbot):
    # Qt makes the first row current as the list gets the focus, which opens that case: its
    # row is then selected too, so the list shows what the case view shows.
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.isActiveWindow(), timeout=WAIT)
    assert panel.current_case_id() is None
    with qtbot.waitSignal(panel.caseActivated, timeout=WAIT) as signal:
        panel.focus_list()
    assert signal.args == [1]
    assert panel.table.hasFocus()
    assert panel.current_case_id() == 1
    assert panel.table.selectionModel().isRowSelected(0)


def test_a_case_asked_for_wins_over_the_first_row_the_focus_makes_current(session, qtbot):
    # As after an unlock: the keyboard is given to the list while it shows no rows, and the
    # window asks for the case it had open; the rows come, the table is shown and takes the
    # focus, and Qt makes its first row (another case) current. The case asked for opens.
    second = session.journal.open_case("Coinbase", "Second case")   # the first row
    widget = CaseListPanel(session)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.isActiveWindow(), timeout=WAIT)
    read(qtbot, widget.model)
    filtered(qtbot, widget, widget.status_combo, "Resolved")
    assert widget.stack.currentWidget() is widget.empty
    activated, found = [], []
    widget.caseActivated.connect(activated.append)
    widget.focus_list()                            # the table is hidden: it gets it when shown
    widget.select_case(1, on_done=found.append)    # clears the filter, reads the rows again
    qtbot.waitUntil(lambda: bool(found), timeout=WAIT)
    assert widget.table.hasFocus()
    assert widget.model.case_at(0).id == second.id
    assert found == [True]
    assert widget.current_case_id() == 1
    assert activated == [1]
