"""Opening a new case: which platform, what it is about; a new platform can be added inline."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import CaseCategory
from ..kit import labels, resources
from ..kit.messages import error_label, ok_cancel
from ..kit.session import weak

_ADD = "\x00add"  # the combo's "Add platform…" entry; no platform can have this name
# What people open cases about most comes first; "Other" stays last.
CATEGORY_ORDER = (
    CaseCategory.WITHDRAWAL, CaseCategory.DEPOSIT, CaseCategory.ACCOUNT_FROZEN,
    CaseCategory.ACCOUNT_HACKED, CaseCategory.SCAM, CaseCategory.REFUND,
    CaseCategory.VERIFICATION, CaseCategory.TRANSACTION, CaseCategory.CARD, CaseCategory.FEES,
    CaseCategory.SECURITY, CaseCategory.OTHER,
)


class NewCaseDialog(QDialog):
    """Ask for the platform and a title (category and account id optional), then open it."""

    caseOpened = Signal(int)

    def __init__(self, session, parent=None, *, platform: str | None = None):
        super().__init__(parent)
        self._session = session
        self._busy = False
        self.setWindowTitle(self.tr("New case"))
        self.setObjectName("newCaseDialog")

        self.platform = QComboBox(self)
        self.platform.setObjectName("platform")
        self.new_platform = QLineEdit(self)
        self.new_platform.setObjectName("newPlatform")
        self.new_platform.setPlaceholderText(self.tr("Name of the exchange, wallet or service"))
        self.new_platform.installEventFilter(self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addPlatform")
        self.add_button.setAutoDefault(False)
        self.add_row = QWidget(self)
        row = QHBoxLayout(self.add_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.new_platform, 1)
        row.addWidget(self.add_button)
        self.add_row.hide()

        self.title = QLineEdit(self)
        self.title.setObjectName("title")
        self.title.setPlaceholderText(self.tr("e.g. Withdrawal stuck since Monday"))
        self.title.setMaxLength(300)
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        for category in CATEGORY_ORDER + tuple(c for c in CaseCategory
                                               if c not in CATEGORY_ORDER):
            self.category.addItem(labels.category(category), category.value)
        self.category.setCurrentIndex(self.category.findData(CaseCategory.OTHER.value))
        self.account = QLineEdit(self)
        self.account.setObjectName("account")
        self.account.setPlaceholderText(self.tr("Your account or user ID there (optional)"))

        form = QFormLayout()
        form.addRow(self.tr("&Platform:"), self.platform)
        form.addRow("", self.add_row)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Account ID:"), self.account)

        self.error = error_label(self)
        self.buttons = ok_cancel(self, self.tr("Open case"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._open)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        self.platform.currentIndexChanged.connect(self._platform_chosen)
        self.title.textChanged.connect(self._update)
        self.add_button.clicked.connect(self._add_platform)
        self.new_platform.textChanged.connect(self._update)
        self._update()
        self._load_platforms(platform)

    # -- platforms ---------------------------------------------------------------------

    def _load_platforms(self, chosen: str | None = None) -> None:
        """Read the platforms off the GUI thread; the list fills when they come."""
        self._session.read(lambda j: [p.name for p in j.platforms()],
                           weak(self._platforms_read, chosen), weak(self._platforms_failed))

    def _platforms_failed(self, sentence: str) -> None:
        self._show_error(sentence)
        self._platforms_read(None, [])

    def _platforms_read(self, chosen: str | None, names: list[str]) -> None:
        first = self.platform.count() == 0
        self.platform.blockSignals(True)
        self.platform.clear()
        if len(names) != 1:  # with several, the user chooses: no silent default
            self.platform.addItem(self.tr("Choose a platform…"), None)
        for name in names:
            self.platform.addItem(name, name)
        self.platform.insertSeparator(self.platform.count())
        self.platform.addItem(self.tr("Add platform…"), _ADD)
        index = self.platform.findData(chosen) if chosen else -1
        self.platform.setCurrentIndex(index if index >= 0 else 0)
        self.platform.blockSignals(False)
        self._platform_chosen()
        if not names:
            self.platform.setCurrentIndex(self.platform.findData(_ADD))
        elif first and self._chosen_platform() and not self.title.hasFocus():
            self.title.setFocus()

    def _platform_chosen(self, *_args) -> None:
        adding = self.platform.currentData() == _ADD
        self.add_row.setVisible(adding)
        if adding:
            self.new_platform.setFocus()
        self._update()

    def _add_platform(self) -> None:
        name = self.new_platform.text().strip()
        if not name or self._busy:
            return
        self._busy = True
        self.error.hide()
        self._update()

        self._session.submit(lambda j: j.add_platform(name), on_done=weak(self._added),
                             on_error=weak(self._failed))

    def _added(self, platform) -> None:
        self._busy = False
        self.new_platform.clear()
        self._load_platforms(platform.name)
        self.title.setFocus()

    def eventFilter(self, watched, event):
        # Enter in the new platform's name adds it; it must not open the case.
        if (watched is self.new_platform and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._add_platform()
            return True
        return super().eventFilter(watched, event)

    # -- opening -----------------------------------------------------------------------

    def _chosen_platform(self) -> str | None:
        data = self.platform.currentData()
        return None if data in (None, _ADD) else data

    def _update(self, *_args) -> None:
        ready = bool(self._chosen_platform() and self.title.text().strip())
        self.ok.setEnabled(ready and not self._busy)
        self.add_button.setEnabled(bool(self.new_platform.text().strip()) and not self._busy)

    def _open(self) -> None:
        if not self.ok.isEnabled():
            return
        platform, title = self._chosen_platform(), self.title.text().strip()
        category = self.category.currentData()
        account = self.account.text().strip() or None
        language = resources.current_language()  # suggestions in the window's language
        self._busy = True
        self.error.hide()
        self._update()
        self._session.submit(
            lambda j: j.open_case(platform, title, category=category, account_id=account,
                                  checklist_language=language),
            on_done=weak(self._opened), on_error=weak(self._failed))

    def _opened(self, case) -> None:
        self._busy = False
        self.caseOpened.emit(case.id)
        self.accept()

    def _failed(self, sentence: str) -> None:
        self._busy = False
        self._show_error(sentence)
        self._update()

    def _show_error(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()
