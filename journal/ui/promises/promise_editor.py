"""What the agent gave: a promise with its due time, and reference numbers, shown as chips.

The call panel and the log dialog both use these fields, so they live together here.
"""
from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import times
from ...domain.due import QUICK_PICKS, due_from_pick
from ...domain.model import ReferenceKind
from ...domain.references import parse_reference
from ...errors import JournalError
from ...service import NewPromise
from ..kit import formatting, labels, settings
from ..kit.error_text import translated
from ..kit.flow_layout import FlowLayout


class Chip(QFrame):
    """One value with a small remove button."""

    removeClicked = Signal()

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 1, 1, 1)
        row.setSpacing(2)
        self.label = QLabel(text)
        shown = self.label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, 240)
        if shown != text:  # a 66-character hash must not widen a narrow panel
            self.label.setText(shown)
            self.label.setToolTip(text)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        remove = QToolButton()
        remove.setText("×")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove {0}").format(text))
        remove.setAccessibleName(self.tr("Remove {0}").format(text))
        remove.clicked.connect(self.removeClicked)
        self.remove_button = remove
        row.addWidget(self.label)
        row.addWidget(remove)


class _Chips(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.flow = FlowLayout(self)

    def replace(self, texts: list[str], on_remove) -> list[Chip]:
        while (item := self.flow.takeAt(0)) is not None:
            item.widget().deleteLater()
        chips = []
        for index, text in enumerate(texts):
            chip = Chip(text, self)
            chip.removeClicked.connect(lambda i=index: on_remove(i))
            self.flow.addWidget(chip)
            chips.append(chip)
        self.setVisible(bool(texts))
        self.updateGeometry()
        return chips


class ReferencesField(QWidget):
    """Kind + number + Add; the numbers given so far as removable chips."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._refs: list[tuple[str, str]] = []
        self.kind = QComboBox()
        for value, text in labels.choices(ReferenceKind, labels.reference_kind):
            self.kind.addItem(text, value)
        self.kind.setAccessibleName(self.tr("Kind of reference"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("Ticket, case or transaction number"))
        self.value.setAccessibleName(self.tr("Reference number"))
        self.value.returnPressed.connect(self.add_pending)
        self.value.textChanged.connect(self.changed)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_pending)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        self.chips = _Chips()
        self.chips.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.value, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.chips)

    def add_pending(self) -> bool:
        """Add what is typed in the number field; False (with a sentence shown) if it is bad."""
        text = self.value.text().strip()
        self.error.hide()
        if not text:
            return True
        try:
            kind, value = parse_reference(text)
            if value == text:  # no "kind:" prefix typed: the combo says what it is
                kind, value = parse_reference(text, self.kind.currentData())
        except JournalError as exc:
            self.error.setText(translated(exc))
            self.error.show()
            return False
        if (kind.value, value) not in self._refs:
            self._refs.append((kind.value, value))
        self.value.clear()
        self._show()
        self.changed.emit()
        return True

    def pending_text(self) -> str:
        return self.value.text()

    def references(self) -> list[tuple[str, str]]:
        return list(self._refs)

    def set_references(self, refs, pending: str = "") -> None:
        self._refs = [(str(k), str(v)) for k, v in refs]
        self.value.setText(pending)
        self.error.hide()
        self._show()

    def _show(self) -> None:
        texts = [self.tr("{0}: {1}").format(labels.reference_kind(k), v) for k, v in self._refs]
        self.chip_widgets = self.chips.replace(texts, self._remove)

    def _remove(self, index: int) -> None:
        del self._refs[index]
        self._show()
        self.changed.emit()


class PromiseEditor(QDialog):
    """What they promised and by when; quick picks count business days like support desks do."""

    def __init__(self, parent=None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a promise"))
        self.text = QLineEdit(text)
        self.text.setPlaceholderText(self.tr("e.g. Email an update on the withdrawal"))
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        self.due.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.picks = {}
        grid = QGridLayout()
        for index, pick in enumerate(QUICK_PICKS):
            button = QPushButton(labels.quick_pick(pick))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, p=pick: self.use_pick(p))
            grid.addWidget(button, index // 4, index % 4)
            self.picks[pick] = button
        self.error = QLabel()
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Add promise"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Promise"), self.text)
        form.addRow(self.tr("&Due"), self.due)
        form.addRow(self.tr("Quick picks"), grid)
        form.addRow(self.error)
        form.addRow(buttons)

    def use_pick(self, pick: str) -> None:
        due = due_from_pick(pick, times.now(), settings.country())
        self.due.setDateTime(formatting.to_qdatetime(times.format_time(due)).toLocalTime())

    def new_promise(self) -> NewPromise:
        return NewPromise(self.text.text().strip(), formatting.from_qdatetime(self.due.dateTime()))

    def accept(self) -> None:
        if not self.text.text().strip():
            self.error.setText(self.tr("Write what they promised, e.g. \"Call back tomorrow\"."))
            self.error.show()
            self.text.setFocus()
            return
        super().accept()


class PromisesField(QWidget):
    """The promises made so far as chips, and a button that opens the PromiseEditor."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._promises: list[NewPromise] = []
        self.editor: PromiseEditor | None = None
        self.add_button = QPushButton(self.tr("Add &promise…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.open_editor)
        self.chips = _Chips()
        self.chips.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.chips)

    def open_editor(self) -> PromiseEditor:
        self.editor = PromiseEditor(self)
        self.editor.accepted.connect(lambda e=self.editor: self.add(e.new_promise()))
        self.editor.finished.connect(self.editor.deleteLater)
        self.editor.open()
        return self.editor

    def add(self, promise: NewPromise) -> None:
        self._promises.append(promise)
        self._show()
        self.changed.emit()

    def promises(self) -> list[NewPromise]:
        return list(self._promises)

    def set_promises(self, promises) -> None:
        self._promises = [p if isinstance(p, NewPromise) else NewPromise(*p) for p in promises]
        self._show()

    def _show(self) -> None:
        texts = [self.tr("{0} (due {1})").format(
            p.text, formatting.date_time(p.due, with_offset=False)) for p in self._promises]
        self.chip_widgets = self.chips.replace(texts, self._remove)

    def _remove(self, index: int) -> None:
        del self._promises[index]
        self._show()
        self.changed.emit()
