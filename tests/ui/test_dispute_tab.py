"""The case's Dispute tab: the jurisdiction, the complaint's stages and the deadlines they start
(also in the case's header), money, transactions and wallet addresses, each added through its
form; a bad value gets the service's sentence in the form and nothing is saved."""
from __future__ import annotations

from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox

from journal.domain.dispute.deadlines import Clock
from journal.ui.cases.case_view import CaseView
from journal.ui.dispute.dispute_models import (
    ClocksModel,
    MoneyModel,
    RecordRole,
    StagesModel,
    TransactionsModel,
    WalletsModel,
)
from journal.ui.dispute.dispute_panel import DisputePanel
from journal.ui.dispute.dispute_words import day
from journal.ui.dispute.money_dialogs import TransactionDialog, WalletDialog
from journal.ui.dispute.stage_dialog import StageDialog, VoidDialog
from tests.ui import WAIT

LEFT = Qt.MouseButton.LeftButton
MISTYPED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"   # EIP-55's example, one case flipped
TX = "0x" + "ab" * 32


@pytest.fixture
def view(session, qtbot):
    """The case view on case 1 (a Coinbase withdrawal), its Dispute tab chosen and read."""
    widget = CaseView(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    widget.show_case(1)
    qtbot.waitUntil(lambda: widget.current_case_id() == 1 and not widget.loading(),
                    timeout=WAIT)
    widget.tabs.setCurrentWidget(widget.dispute)
    qtbot.waitUntil(lambda: widget.dispute.case is not None, timeout=WAIT)
    yield widget
    session.wait()


def ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)


def open_form(qtbot, panel: DisputePanel, button, kind):
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, kind) and panel.dialog.isVisible(),
                    timeout=WAIT)
    return panel.dialog


def closed(qtbot, panel: DisputePanel, dialog) -> None:
    """Saved: the form closed (and, closed, deleted)."""
    qtbot.waitUntil(lambda: panel.dialog is None and not (
        shiboken6.isValid(dialog) and dialog.isVisible()), timeout=WAIT)


def cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


# -- the tab in the case view ---------------------------------------------------------------

def test_the_case_view_has_a_dispute_tab(view):
    assert view.tabs.tabText(view.tabs.indexOf(view.dispute)) == "Dispute"
    panel = view.dispute
    assert panel.jurisdiction.currentData() is None
    assert panel.jurisdiction.currentText() == "Not set"
    assert panel.no_clocks.isVisible() and not panel.clock_list.isVisible()
    assert panel.stage_section.empty.isVisible()
    assert not view.deadlines.isVisible()   # no clock yet: no line in the header


def test_choosing_a_jurisdiction_saves_it(view, session, qtbot):
    panel = view.dispute
    assert [panel.jurisdiction.itemText(i) for i in range(panel.jurisdiction.count())] == [
        "Not set", "United Kingdom", "European Union", "United States", "Hong Kong",
        "Mainland China", "Other"]
    panel.jurisdiction.setFocus()
    qtbot.keyClick(panel.jurisdiction, Qt.Key.Key_Down)   # as the user picks it
    assert panel.jurisdiction.currentText() == "United Kingdom"
    qtbot.waitUntil(lambda: panel.case.jurisdiction == "uk", timeout=WAIT)   # read back
    session.wait()
    assert session.journal.case(1).jurisdiction == "uk"
    qtbot.keyClick(panel.jurisdiction, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.case.jurisdiction is None, timeout=WAIT)
    session.wait()
    assert session.journal.case(1).jurisdiction is None


def test_a_complaint_added_through_the_form_starts_its_clock(view, session, qtbot):
    session.journal.set_jurisdiction(1, "uk")
    session.announce("cases")
    panel = view.dispute
    qtbot.waitUntil(lambda: panel.jurisdiction.currentData() == "uk", timeout=WAIT)

    dialog = open_form(qtbot, panel, panel.stage_section.add_button, StageDialog)
    assert dialog.stage.currentData() == "complaint"
    assert abs(dialog.when.dateTime().secsTo(QDateTime.currentDateTime())) < 120  # now
    dialog.when.setDateTime(QDateTime(QDate(2026, 3, 20), QTime(10, 0)))
    dialog.how.setCurrentIndex(dialog.how.findData("email"))
    qtbot.keyClicks(dialog.reference, "CMP-88120")
    dialog.kind.setCurrentIndex(dialog.kind.findData("payment"))
    ok(qtbot, dialog)
    closed(qtbot, panel, dialog)

    qtbot.waitUntil(lambda: panel.stages.rowCount() == 1 and panel.clocks.rowCount() > 0,
                    timeout=WAIT)
    assert cells(panel.stages, 0)[1:4] == ["Formal complaint (payment)", "Email", "CMP-88120"]
    [stage] = session.journal.stages(1)
    assert (stage.stage.value, stage.kind.value, stage.reference) == (
        "complaint", "payment", "CMP-88120")

    # 15 business days from the day after 20 March 2026 (Good Friday and Easter Monday off).
    rows = [panel.clocks.index(r, 0) for r in range(panel.clocks.rowCount())]
    final = next(i for i in rows if i.data(RecordRole).rule.id == "uk-payment-final-response")
    clock: Clock = final.data(RecordRole)
    assert clock.due == date(2026, 4, 14)
    line = final.data()
    assert line.startswith("Final response due ") and day(date(2026, 4, 14)) in line
    tip = final.data(Qt.ItemDataRole.ToolTipRole)
    assert "DISP 1.6.2A" in tip and "https://www.handbook.fca.org.uk/" in tip
    assert panel.disclaimer.text() == ("Counted from published rules (sources in the "
                                       "tooltip); not legal advice.")
    assert panel.clock_list.isVisible() and not panel.no_clocks.isVisible()

    # The header of the case says it too, soonest first.
    qtbot.waitUntil(lambda: view.deadlines.isVisible(), timeout=WAIT)
    assert view.deadlines.text().startswith("Final response ")


def test_a_stage_line_reads_as_the_rule_counts(view, session, qtbot):
    """The lines, with `today` fixed: running, due, then the FOS once the time ran out."""
    session.journal.set_jurisdiction(1, "uk")
    session.journal.add_stage(1, "complaint", on="2026-03-20T10:00:00+00:00", kind="payment")
    model = ClocksModel()
    model.set_clocks(session.journal.deadlines(1, today=date(2026, 3, 25)))
    assert model.index(0, 0).data() == (
        f"Final response due {day(date(2026, 4, 14))} — the platform must answer")
    model.set_clocks(session.journal.deadlines(1, today=date(2026, 5, 1)))
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == [
        f"Final response due {day(date(2026, 4, 14))} — overdue since "
        f"{day(date(2026, 4, 15))}: the platform has not answered",
        f"FOS: you can escalate from {day(date(2026, 4, 15))}; no deadline yet"]
    red = model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert red.name() in ("#b3261e", "#f28b82")


def test_an_escalation_names_whom_it_went_to(view, session, qtbot):
    panel = view.dispute
    dialog = open_form(qtbot, panel, panel.stage_section.add_button, StageDialog)
    assert dialog.to.itemData(0) is None   # a complaint goes to the platform itself
    dialog.stage.setCurrentIndex(dialog.stage.findData("escalation"))
    assert None not in [dialog.to.itemData(i) for i in range(dialog.to.count())]
    assert not dialog.kind.isEnabled()
    dialog.stage.setCurrentIndex(dialog.stage.findData("final-response"))
    ok(qtbot, dialog)   # a final response before any complaint: the service's sentence
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "before its final response" in dialog.error.text()
    assert panel.dialog is dialog
    session.wait()
    assert session.journal.stages(1, voided=True) == []
    dialog.reject()


def test_a_mistyped_address_shows_a_sentence_and_saves_nothing(view, session, qtbot):
    panel = view.dispute
    dialog = open_form(qtbot, panel, panel.wallet_section.add_button, WalletDialog)
    dialog.network.setCurrentIndex(dialog.network.findData("ethereum"))
    qtbot.keyClicks(dialog.address, MISTYPED)
    ok(qtbot, dialog)
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    assert "checksum" in dialog.error.text() and MISTYPED in dialog.error.text()
    assert panel.dialog is dialog and dialog.isVisible()   # kept open, to correct it
    session.wait()
    assert session.journal.wallets(1, voided=True) == []
    assert panel.wallets.rowCount() == 0

    dialog.address.setText(MISTYPED.lower())   # no checksum to fail in one case
    ok(qtbot, dialog)
    closed(qtbot, panel, dialog)
    qtbot.waitUntil(lambda: panel.wallets.rowCount() == 1, timeout=WAIT)
    assert cells(panel.wallets, 0) == ["0x5aaeb605…ef1beaed", "Ethereum", "Theirs", ""]
    assert panel.wallets.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == MISTYPED.lower()


def test_a_reference_that_looks_like_a_transaction_can_be_added(view, session, qtbot,
                                                                monkeypatch):
    panel = view.dispute
    assert panel.offers == []
    session.journal.log(1, kind="chat", outcome="answered", notes="They sent the hash",
                        references=[TX])
    session.announce("timeline", "cases")
    qtbot.waitUntil(lambda: len(panel.offers) == 1, timeout=WAIT)
    bar = panel.offers[0]
    assert bar.text.text() == "The reference 0xabababab…abababab looks like a transaction."
    assert bar.add_button.text() == "Add as transaction"

    qtbot.mouseClick(bar.add_button, LEFT)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, TransactionDialog), timeout=WAIT)
    dialog = panel.dialog
    assert dialog.tx_hash.text() == TX and dialog.network.currentData() == "ethereum"
    qtbot.keyClicks(dialog.amount, "1.25")
    qtbot.keyClicks(dialog.asset, "eth")
    ok(qtbot, dialog)
    closed(qtbot, panel, dialog)
    qtbot.waitUntil(lambda: panel.transactions.rowCount() == 1 and not panel.offers,
                    timeout=WAIT)
    session.wait()
    [tx] = session.journal.transactions(1)
    assert (tx.tx_hash, tx.network, tx.amount, tx.asset) == (TX, "ethereum", "1.25", "ETH")
    assert cells(panel.transactions, 0)[:3] == ["0xabababab…abababab", "Ethereum", "1.25 ETH"]

    # Its explorer page opens in the browser.
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    table = panel.transaction_section.table
    table.selectRow(0)
    assert panel.explorer_button.isEnabled()
    qtbot.mouseClick(panel.explorer_button, LEFT)
    assert [u.toString() for u in opened] == [f"https://etherscan.io/tx/{TX}"]


def test_money_added_and_voided_stays_struck_through(view, session, qtbot):
    from journal.ui.dispute.money_dialogs import MoneyDialog
    panel = view.dispute
    dialog = open_form(qtbot, panel, panel.money_section.add_button, MoneyDialog)
    qtbot.keyClicks(dialog.amount, "0.5")
    qtbot.keyClicks(dialog.asset, "BTC")
    qtbot.keyClicks(dialog.fiat, "31250.00")
    ok(qtbot, dialog)   # a value with no currency: one sentence, nothing saved
    qtbot.waitUntil(dialog.error.isVisible, timeout=WAIT)
    session.wait()
    assert session.journal.money(1, voided=True) == []
    qtbot.keyClicks(dialog.currency, "gbp")
    ok(qtbot, dialog)
    closed(qtbot, panel, dialog)
    qtbot.waitUntil(lambda: panel.money.rowCount() == 1, timeout=WAIT)
    assert cells(panel.money, 0)[0] == "0.5 BTC"
    assert cells(panel.money, 0)[2].startswith("31250.00 GBP on ")

    section = panel.money_section
    assert not section.void_button.isEnabled()   # nothing chosen yet
    section.table.selectRow(0)
    void = open_form(qtbot, panel, section.void_button, VoidDialog)
    assert not void.ok.isEnabled()   # a reason is needed
    qtbot.keyClicks(void.reason, "recorded twice")
    ok(qtbot, void)
    closed(qtbot, panel, void)
    qtbot.waitUntil(lambda: panel.money.live_count() == 0, timeout=WAIT)
    assert panel.money.rowCount() == 1
    assert panel.money.index(0, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "recorded twice" in panel.money.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    session.wait()
    [money] = session.journal.money(1, voided=True)
    assert money.void_reason == "recorded twice"


def test_the_header_lists_the_pending_clocks_soonest_first(view, session, qtbot):
    assert not view.deadlines.isVisible()
    session.journal.set_jurisdiction(1, "uk")
    session.submit(lambda j: j.add_stage(1, "complaint", on="2026-03-20T10:00:00+00:00",
                                         kind="payment"))
    qtbot.waitUntil(view.deadlines.isVisible, timeout=WAIT)
    clocks = [c for c in session.journal.deadlines(1) if c.pending]
    from journal.ui.dispute.deadline_lines import lines
    assert view.deadlines.text() == " · ".join(lines().brief(c) for c in clocks)
    assert view.deadlines.text().startswith("Final response ")
    # The final response stops the platform's clock; the FOS clock then runs from it.
    session.submit(lambda j: j.add_stage(1, "final-response", on="2026-04-10T10:00:00+00:00"))
    qtbot.waitUntil(lambda: view.deadlines.text().startswith("FOS "), timeout=WAIT)
    assert "Final response" not in view.deadlines.text()


# -- the models ------------------------------------------------------------------------------

def test_the_models_pass_the_model_tester(session, qtmodeltester):
    j = session.journal
    j.set_jurisdiction(1, "uk")
    j.add_stage(1, "complaint", on="2026-03-20T10:00:00+00:00", how="email", ref="C-1",
                kind="payment")
    voided = j.add_stage(1, "escalation", on="2026-03-21T10:00:00+00:00", to="data-access")
    j.void_dispute_record("stage", voided.id, "sent to the wrong address")
    j.add_money(1, "0.5", "BTC", network="bitcoin", fiat="31250", currency="GBP")
    j.add_transaction(1, TX, "ethereum", amount="1", asset="ETH")
    j.add_wallet(1, MISTYPED.lower(), "ethereum", whose="mine", label="my wallet")
    filled = [(StagesModel(), j.stages(1, voided=True)), (MoneyModel(), j.money(1)),
              (TransactionsModel(), j.transactions(1)), (WalletsModel(), j.wallets(1))]
    for model, records in filled:
        model.set_records(records)
        assert model.rowCount() == len(records) > 0
        qtmodeltester.check(model)
        model.set_records([])
        qtmodeltester.check(model)
    clocks = ClocksModel()
    clocks.set_clocks(j.deadlines(1))
    assert clocks.rowCount() > 0
    qtmodeltester.check(clocks)
    clocks.set_clocks([])
    qtmodeltester.check(clocks)
    stages = StagesModel()
    stages.set_records(j.stages(1, voided=True))
    assert stages.index(1, 0).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert stages.live_count() == 1


# -- names and the tab order -----------------------------------------------------------------

def test_the_tab_and_its_forms_can_be_read_out_and_tabbed_through(view, session, qtbot):
    """As tests/ui/test_accessibility.py checks every screen: each control has a name, Tab
    goes as the page reads (the tab filled: stages, money, a transaction, an address, and a
    reference offered as a transaction)."""
    from PySide6.QtGui import QAccessible

    from journal.ui.dispute.money_dialogs import MoneyDialog
    from tests.ui.test_accessibility import misordered, unnamed
    j = session.journal
    j.set_jurisdiction(1, "uk")
    j.add_stage(1, "complaint", on="2026-03-20T10:00:00+00:00", kind="payment", ref="C-1")
    j.add_money(1, "0.5", "BTC")
    j.add_transaction(1, "0x" + "cd" * 32, "ethereum")
    j.add_wallet(1, MISTYPED.lower(), "ethereum")
    j.log(1, kind="chat", outcome="answered", notes="The hash", references=[TX])
    QAccessible.setActive(True)
    try:
        session.announce("cases", "timeline", "dispute")
        panel = view.dispute
        qtbot.waitUntil(lambda: bool(panel.offers) and panel.wallets.rowCount() == 1,
                        timeout=WAIT)
        panel.transaction_section.table.selectRow(0)
        problems = unnamed(view, "the Dispute tab") + misordered(view, "the Dispute tab")
        for open_it, kind in [(panel.stage_section.add_button, StageDialog),
                              (panel.money_section.add_button, MoneyDialog),
                              (panel.transaction_section.add_button, TransactionDialog),
                              (panel.wallet_section.add_button, WalletDialog),
                              (panel.transaction_section.void_button, VoidDialog)]:
            dialog = open_form(qtbot, panel, open_it, kind)
            qtbot.waitExposed(dialog, timeout=WAIT)
            problems += unnamed(dialog, kind.__name__) + misordered(dialog, kind.__name__)
            dialog.reject()
            qtbot.waitUntil(lambda: panel.dialog is None, timeout=WAIT)
        assert problems == [], "\n".join(["", *problems])
    finally:
        QAccessible.setActive(False)
