"""The case's Dispute tab: whose rules the complaint follows, its stages and the deadlines they
start, the money at stake, the transactions and the wallet addresses. Read off the GUI thread
and read again when the journal says a dispute record (or the case) changed."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain import times
from ...domain.changes import CASES, DISPUTE, TIMELINE
from ...domain.dispute import onchain
from ...domain.dispute.facts import Jurisdiction
from ...domain.model import Case
from ..kit import palette
from ..kit.session import weak
from .deadline_lines import lines
from .dispute_models import (
    ClocksModel,
    MoneyModel,
    StagesModel,
    TransactionsModel,
    WalletsModel,
)
from .dispute_words import short_hash, words
from .money_dialogs import MoneyDialog, TransactionDialog, WalletDialog
from .record_section import RecordSection, button, fit_rows, greyed, heading
from .stage_dialog import StageDialog, VoidDialog


@dataclass
class DisputeFile:
    """What the tab shows of one case, read in one go on the worker."""
    case: Case
    stages: list = field(default_factory=list)
    clocks: list = field(default_factory=list)
    money: list = field(default_factory=list)
    transactions: list = field(default_factory=list)
    wallets: list = field(default_factory=list)
    offered: list = field(default_factory=list)   # [(reference, network code)]


def read_dispute(j, case_id: int) -> DisputeFile:
    # The stages as they happened (one recorded late is still read in its place).
    stages = sorted(j.stages(case_id, voided=True),
                    key=lambda s: (times.instant(s.happened_at), s.id))
    return DisputeFile(j.case(case_id), stages, j.deadlines(case_id),
                       j.money(case_id, voided=True), j.transactions(case_id, voided=True),
                       j.wallets(case_id, voided=True), j.offered_transactions(case_id))


def explorer_link(transaction) -> str | None:
    network = onchain.NETWORKS.get(transaction.network)
    return onchain.explorer_url(network, tx=transaction.tx_hash) if network else None


class OfferBar(QFrame):
    """"The reference 0xab… looks like a transaction. [Add as transaction]"."""

    addRequested = Signal(str, str)   # (reference, network code)

    def __init__(self, reference: str, network: str, parent=None):
        super().__init__(parent)
        self.setObjectName("transactionOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.reference, self.network = reference, network
        self.text = QLabel(self.tr("The reference {0} looks like a transaction.").format(
            short_hash(reference)), self)
        self.text.setToolTip(reference)
        self.add_button = button(self.tr("Add as transaction"), self, "add")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addWidget(self.add_button)
        self.add_button.clicked.connect(lambda: self.addRequested.emit(reference, network))


class DisputePanel(QWidget):
    """The dispute of the case on screen; each form writes at once through the session."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("disputePanel")
        self._session = session
        self.case_id: int | None = None
        self.case: Case | None = None   # as last read with its dispute
        self._generation = 0
        self.dialog = None   # the form open now, if any
        self.offers: list[OfferBar] = []

        inner = QWidget(self)
        self.jurisdiction = QComboBox(inner)
        self.jurisdiction.setObjectName("jurisdiction")
        self.jurisdiction.addItem(words().jurisdiction(None), None)
        for value in Jurisdiction:
            self.jurisdiction.addItem(words().jurisdiction(value.value), value.value)
        self.jurisdiction.setToolTip(self.tr("Whose complaint rules the deadlines follow"))
        jurisdiction_label = QLabel(self.tr("Jurisdiction:"), inner)
        jurisdiction_label.setBuddy(self.jurisdiction)
        self.jurisdiction_hint = greyed(self.tr("Where the platform is regulated for you, as "
                                                "its terms say."), inner)
        top = QHBoxLayout()
        top.addWidget(jurisdiction_label)
        top.addWidget(self.jurisdiction)
        top.addWidget(self.jurisdiction_hint, 1)

        self.message = QLabel(inner)
        self.message.setObjectName("disputeMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setPalette(palette.error_palette(self.message))
        self.message.hide()
        self.offer_box = QVBoxLayout()
        self.offer_box.setSpacing(4)

        self.clocks = ClocksModel(self)
        self.clock_list = QListView(inner)
        self.clock_list.setObjectName("clocks")
        self.clock_list.setModel(self.clocks)
        self.clock_list.setAccessibleName(self.tr("Deadlines"))
        self.clock_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clock_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clock_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clock_list.setToolTip(self.tr("Hover a deadline for the rule it follows"))
        self.clock_list.setFrameShape(QFrame.Shape.NoFrame)
        self.clock_list.setSpacing(2)
        self.clock_list.viewport().setAutoFillBackground(False)   # lines on the page
        self.clock_list.setWordWrap(True)
        self.no_clocks = greyed(self.tr("No deadline yet: choose the jurisdiction and record "
                                        "the formal complaint below, and the deadlines it "
                                        "starts are counted here."), inner)
        self.disclaimer = greyed(lines().disclaimer(), inner)
        font = self.disclaimer.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.disclaimer.setFont(font)

        self.stages = StagesModel(self)
        self.money = MoneyModel(self)
        self.transactions = TransactionsModel(self)
        self.wallets = WalletsModel(self)
        self.stage_section = RecordSection(
            self.tr("The complaint"), self.tr("Add stage…"),
            self.tr("No stage recorded: add the formal complaint once you have sent it."),
            self.stages, inner)
        self.money_section = RecordSection(
            self.tr("Money at stake"), self.tr("Add amount…"),
            self.tr("No amount recorded."), self.money, inner)
        self.transaction_section = RecordSection(
            self.tr("Transactions"), self.tr("Add transaction…"),
            self.tr("No transaction recorded."), self.transactions, inner)
        self.wallet_section = RecordSection(
            self.tr("Wallet addresses"), self.tr("Add address…"),
            self.tr("No wallet address recorded."), self.wallets, inner)
        self.explorer_button = button(self.tr("Open in explorer"), inner)
        self.explorer_button.setToolTip(self.tr("Open the chosen transaction on the network's "
                                                "public block explorer"))
        self.transaction_section.buttons.insertWidget(2, self.explorer_button)
        self.sections = [self.stage_section, self.money_section, self.transaction_section,
                         self.wallet_section]

        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 8, 12, 8)
        column.setSpacing(6)
        column.addLayout(top)
        column.addWidget(self.message)
        column.addLayout(self.offer_box)
        column.addSpacing(6)
        column.addWidget(heading(self.tr("Deadlines"), inner))
        column.addWidget(self.clock_list)
        column.addWidget(self.no_clocks)
        column.addWidget(self.disclaimer)
        for section in self.sections:
            column.addSpacing(10)
            column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes to what it holds
        scroll.setAccessibleName(self.tr("Dispute"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.jurisdiction)

        self._refresh = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        self.jurisdiction.activated.connect(self._jurisdiction_chosen)
        self.stage_section.addRequested.connect(self.add_stage)
        self.money_section.addRequested.connect(
            lambda: self._open(MoneyDialog(self._session, self.case_id, self)))
        self.transaction_section.addRequested.connect(lambda: self.add_transaction())
        self.wallet_section.addRequested.connect(
            lambda: self._open(WalletDialog(self._session, self.case_id, self)))
        for section in self.sections:
            section.voidRequested.connect(lambda record, s=section: self.void(s, record))
        self.explorer_button.clicked.connect(self.open_explorer)
        self.transaction_section.table.activated.connect(lambda _index: self.open_explorer())
        self.transaction_section.table.selectionModel().selectionChanged.connect(
            self._update)
        session.changes.connect(self._on_changes)
        session.lockedChanged.connect(self._on_locked)
        self._show(None, None)

    # -- reading -----------------------------------------------------------------------

    def load(self, case_id: int | None, *, background: bool = False) -> None:
        """Read the case's dispute off the GUI thread; what is shown stays until it comes.
        A background read waits for the reads of what is on screen."""
        self._generation += 1
        if case_id != self.case_id:
            self.message.hide()
        if case_id is None:
            self._show(None, None)
            return
        self.case_id = case_id
        self._session.read(lambda j: read_dispute(j, case_id),
                           weak(self._read, self._generation, case_id),
                           weak(self._not_read, self._generation, case_id),
                           background=background)

    def refresh(self) -> None:
        if self.case_id is not None and self._session.is_open:
            self.load(self.case_id, background=not self.isVisible())

    def _read(self, generation: int, case_id: int, file: DisputeFile) -> None:
        if generation == self._generation:
            self._show(case_id, file)

    def _not_read(self, generation: int, case_id: int, sentence: str) -> None:
        if generation == self._generation:
            self._show(case_id, None)
            self._say(sentence)

    def _on_changes(self, kinds) -> None:
        # CASES: the jurisdiction is the case's; TIMELINE: a reference may look like a
        # transaction. The changes say no case: the tab's own case is read again.
        if self.case_id is not None and kinds & {DISPUTE, CASES, TIMELINE}:
            self._refresh.start()

    def _on_locked(self, locked: bool) -> None:
        if locked:
            self.load(None)

    # -- showing -----------------------------------------------------------------------

    def _show(self, case_id: int | None, file: DisputeFile | None) -> None:
        self.case_id = case_id
        self.case = file.case if file else None
        self.stages.set_records(file.stages if file else [])
        self.money.set_records(file.money if file else [])
        self.transactions.set_records(file.transactions if file else [])
        self.wallets.set_records(file.wallets if file else [])
        self.clocks.set_clocks(file.clocks if file else [])
        rows = self.clocks.rowCount()
        self.clock_list.setVisible(bool(rows))
        self.no_clocks.setVisible(not rows)
        if rows:
            fit_rows(self.clock_list, rows)
        code = file.case.jurisdiction if file else None
        self.jurisdiction.setCurrentIndex(max(0, self.jurisdiction.findData(code)))
        self._show_offers(file.offered if file else [])
        self._update()

    def _show_offers(self, offered) -> None:
        for bar in self.offers:
            self.offer_box.removeWidget(bar)
            bar.deleteLater()
        self.offers = []
        for reference, network in offered:
            bar = OfferBar(reference, network, self)
            bar.addRequested.connect(self.add_transaction)
            self.offer_box.addWidget(bar)
            self.offers.append(bar)
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab as the tab reads: the jurisdiction, the offers, the deadlines, then each part's
        buttons and its table."""
        chain = [self.jurisdiction, *(bar.add_button for bar in self.offers), self.clock_list]
        for section in self.sections:
            if section is self.transaction_section:
                chain.append(self.explorer_button)
            chain += [section.add_button, section.void_button, section.table]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _update(self, *_args) -> None:
        ready = self.case is not None
        self.jurisdiction.setEnabled(ready)
        for section in self.sections:
            section.set_enabled(ready)
        chosen = self.transaction_section.chosen()
        self.explorer_button.setEnabled(chosen is not None and explorer_link(chosen) is not None)

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))

    # -- acting ------------------------------------------------------------------------

    def _jurisdiction_chosen(self, _index: int) -> None:
        code, case = self.jurisdiction.currentData(), self.case
        if case is None or code == case.jurisdiction:
            return
        self._say("")
        case_id = case.id
        self._session.submit(lambda j: j.set_jurisdiction(case_id, code),
                             on_error=weak(self._not_written))

    def _not_written(self, sentence: str) -> None:
        self._say(sentence)
        self.refresh()   # what the journal holds, not the choice that failed

    def add_stage(self) -> None:
        if self.case_id is not None:
            self._open(StageDialog(self._session, self.case_id, self))

    def add_transaction(self, reference: str = "", network: str | None = None) -> None:
        if self.case_id is not None:
            self._open(TransactionDialog(self._session, self.case_id, self,
                                         tx_hash=reference, network=network))

    def void(self, section: RecordSection, record) -> None:
        what = section.model.cell(record, 0)
        if section is self.stage_section:
            what = f"{section.model.cell(record, 1)}, {what}"
        self._open(VoidDialog(self._session, section.model.entity, record.id, what, self))

    def open_explorer(self) -> None:
        chosen = self.transaction_section.chosen()
        url = explorer_link(chosen) if chosen is not None else None
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def _open(self, dialog) -> None:
        if self.dialog is not None or self.case_id is None:
            dialog.deleteLater()
            return   # one form at a time
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
