"""The forms for the money side of a dispute: an amount at stake, a transaction and a wallet
address. The service checks each value (a mistyped address fails its checksum); its sentence
is shown in the form and nothing is saved."""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLineEdit

from ...domain.dispute.facts import Whose
from ...domain.dispute.onchain import NETWORKS
from ..kit import formatting
from .dispute_words import choices, words
from .stage_dialog import FormDialog, when_edit


def network_combo(parent, *, none: str | None = None) -> QComboBox:
    combo = QComboBox(parent)
    if none is not None:
        combo.addItem(none, None)
    for code in NETWORKS:
        combo.addItem(words().network(code), code)
    return combo


def _line(parent, placeholder: str, limit: int = 200) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(limit)
    edit.setPlaceholderText(placeholder)
    return edit


def _pair(first, second, names: tuple[str, str]) -> QHBoxLayout:
    """Two fields in one row of a form (its label names neither: each gets its own name)."""
    first.setAccessibleName(names[0])
    second.setAccessibleName(names[1])
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 2)
    row.addWidget(second, 1)
    return row


class MoneyDialog(FormDialog):
    """An amount at stake (0.5 BTC), with its value in a currency on a day if known."""

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(session, self.tr("Add money at stake"), self.tr("Add amount"), parent)
        self.setObjectName("moneyDialog")
        self.case_id = case_id
        self.amount = _line(self, self.tr("e.g. 0.5"), 60)
        self.asset = _line(self, self.tr("BTC, USDT…"), 20)
        self.network = network_combo(self, none=self.tr("—"))
        self.fiat = _line(self, self.tr("e.g. 31250.00 (optional)"), 60)
        self.currency = _line(self, self.tr("GBP, EUR…"), 3)
        self.valued_on = QDateEdit(QDate.currentDate(), self)
        self.valued_on.setCalendarPopup(True)
        self.valued_on.setDisplayFormat(formatting.date_pattern())
        self.valued_on.setMaximumDate(QDate.currentDate())
        self.form.addRow(self.tr("Amount and asset:"), _pair(
            self.amount, self.asset, (self.tr("Amount"), self.tr("Asset"))))
        self.form.addRow(self.tr("Network:"), self.network)
        self.form.addRow(self.tr("Value and currency:"), _pair(
            self.fiat, self.currency, (self.tr("Value"), self.tr("Currency"))))
        self.form.addRow(self.tr("Valued on:"), self.valued_on)
        self.fiat.textChanged.connect(self._update)
        self._update()

    def _update(self, *_args) -> None:
        self.valued_on.setEnabled(bool(self.fiat.text().strip()))

    def write(self):
        case_id = self.case_id
        amount, asset = self.amount.text().strip(), self.asset.text().strip()
        network = self.network.currentData()
        fiat = self.fiat.text().strip() or None
        currency = self.currency.text().strip() or None
        valued_on = self.valued_on.date().toString("yyyy-MM-dd") if fiat else None
        return lambda j: j.add_money(case_id, amount, asset, network=network, fiat=fiat,
                                     currency=currency, valued_on=valued_on)


class TransactionDialog(FormDialog):
    """A transaction of the case: its id on a network, and what it moved if known."""

    def __init__(self, session, case_id: int, parent=None, *, tx_hash: str = "",
                 network: str | None = None):
        super().__init__(session, self.tr("Add a transaction"), self.tr("Add transaction"),
                         parent)
        self.setObjectName("transactionDialog")
        self.case_id = case_id
        self.tx_hash = _line(self, self.tr("The transaction id (hash) from the explorer or "
                                           "the withdrawal's details"))
        self.tx_hash.setText(tx_hash)
        self.tx_hash.setCursorPosition(0)
        # A 66-character id is read whole.
        metrics = self.tx_hash.fontMetrics()
        self.tx_hash.setMinimumWidth(max(metrics.horizontalAdvance("0x" + "d" * 64),
                                         metrics.horizontalAdvance(tx_hash)) + 24)
        self.network = network_combo(self)
        self.network.setCurrentIndex(max(0, self.network.findData(network or "ethereum")))
        self.amount = _line(self, self.tr("e.g. 0.5 (optional)"), 60)
        self.asset = _line(self, self.tr("BTC, USDT…"), 20)
        self.from_address = _line(self, self.tr("optional"), 120)
        self.to_address = _line(self, self.tr("optional"), 120)
        self.known_time = QCheckBox(self.tr("Known"), self)
        self.when = when_edit(self)
        self.when.setEnabled(False)
        self.when.setAccessibleName(self.tr("When it was sent"))
        when_row = QHBoxLayout()
        when_row.addWidget(self.known_time)
        when_row.addWidget(self.when, 1)
        self.form.addRow(self.tr("Transaction id:"), self.tx_hash)
        self.form.addRow(self.tr("Network:"), self.network)
        self.form.addRow(self.tr("Amount and asset:"), _pair(
            self.amount, self.asset, (self.tr("Amount"), self.tr("Asset"))))
        self.form.addRow(self.tr("From address:"), self.from_address)
        self.form.addRow(self.tr("To address:"), self.to_address)
        self.form.addRow(self.tr("When it was sent:"), when_row)
        self.known_time.toggled.connect(self.when.setEnabled)

    def write(self):
        case_id, network = self.case_id, self.network.currentData()
        tx_hash = self.tx_hash.text().strip()
        amount = self.amount.text().strip() or None
        asset = self.asset.text().strip() or None
        from_address = self.from_address.text().strip() or None
        to_address = self.to_address.text().strip() or None
        at = formatting.from_qdatetime(self.when.dateTime()) if self.known_time.isChecked() \
            else None
        return lambda j: j.add_transaction(case_id, tx_hash, network,
                                           from_address=from_address, to_address=to_address,
                                           amount=amount, asset=asset, at=at)


class WalletDialog(FormDialog):
    """A wallet address of the case: yours, or theirs (where the money went)."""

    width_hint = 560   # a 62-character bech32 address is read whole

    def __init__(self, session, case_id: int, parent=None):
        super().__init__(session, self.tr("Add a wallet address"), self.tr("Add address"),
                         parent)
        self.setObjectName("walletDialog")
        self.case_id = case_id
        self.address = _line(self, self.tr("Paste the address as the wallet or explorer "
                                           "shows it"), 120)
        self.network = network_combo(self)
        self.whose = QComboBox(self)
        for value, text in choices(Whose):
            self.whose.addItem(text, value)
        self.whose.setCurrentIndex(self.whose.findData(Whose.THEIRS.value))
        self.label = _line(self, self.tr("e.g. the exchange's deposit address (optional)"))
        self.form.addRow(self.tr("Address:"), self.address)
        self.form.addRow(self.tr("Network:"), self.network)
        self.form.addRow(self.tr("Whose:"), self.whose)
        self.form.addRow(self.tr("Label:"), self.label)

    def write(self):
        case_id, network = self.case_id, self.network.currentData()
        address, whose = self.address.text().strip(), self.whose.currentData()
        label = self.label.text().strip() or None
        return lambda j: j.add_wallet(case_id, address, network, whose=whose, label=label)
