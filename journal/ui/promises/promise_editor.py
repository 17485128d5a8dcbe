"""What the agent gave: a promise with its due time, and reference numbers, shown as chips.

The call panel and the log dialog both use these fields, so they live together here.
"""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
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
from ...domain.due import QUICK_PICKS, quick_pick_due
from ...domain.model import ReferenceKind
from ...domain.references import parse_reference
from ...errors import JournalError
from ...service import NewPromise
from ..kit import formatting, labels, settings
from ..kit.error_text import translated
from ..kit.flow_layout import FlowLayout


class Chip(QFrame):
    """One value with a small remove button. A value too long for the room is shortened where
    it can lose the least (the middle of a hash, the end of a sentence); `prefix` and `suffix`
    (a promise's due date) are always shown whole, and the tooltip has everything."""

    removeClicked = Signal()

    def __init__(self, text: str, parent=None, *, prefix: str = "", suffix: str = "",
                 elide=Qt.TextElideMode.ElideMiddle, widest: int = 240):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.full_text = prefix + text + suffix
        self._parts, self._elide, self._widest = (prefix, text, suffix), elide, widest
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 1, 1, 1)
        row.setSpacing(2)
        self.label = QLabel(self.full_text)
        # A chip may be narrower than its text (fit() shortens it), never wider than the row.
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("M") * 4)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        remove = QToolButton()
        remove.setText("×")
        remove.setAutoRaise(True)
        remove.setToolTip(self.tr("Remove {0}").format(self.full_text))
        remove.setAccessibleName(self.tr("Remove {0}").format(self.full_text))
        remove.clicked.connect(self.removeClicked)
        self.remove_button = remove
        row.addWidget(self.label)
        row.addWidget(remove)
        self.fit(widest)

    def fit(self, width: int) -> None:
        """Show as much of the text as a chip `width` pixels wide (at most `widest`) holds."""
        prefix, text, suffix = self._parts
        metrics = self.label.fontMetrics()
        margins = self.layout().contentsMargins()
        room = (min(width, self._widest) - margins.left() - margins.right()
                - self.layout().spacing() - self.remove_button.sizeHint().width()
                - 2 * self.frameWidth() - metrics.horizontalAdvance(prefix + suffix) - 2)
        shown = prefix + metrics.elidedText(text, self._elide, max(room, 0)) + suffix
        if shown != self.label.text():
            self.label.setText(shown)
            self.updateGeometry()
        whole = shown == self.full_text
        self.label.setToolTip("" if whole and not suffix else self.full_text)


class _Chips(QWidget):
    """Chips that wrap like words; each is shortened to the width of the row if it must."""

    def __init__(self, parent=None, *, elide=Qt.TextElideMode.ElideMiddle, widest: int = 240):
        super().__init__(parent)
        self.flow = FlowLayout(self)
        self._elide, self._widest = elide, widest
        self._chips: list[Chip] = []

    def replace(self, parts: list[tuple[str, str, str]], on_remove, after: QWidget | None = None
                ) -> list[Chip]:
        """One chip for each (prefix, text, suffix); Tab goes to their × buttons from `after`
        (the field's Add button), in reading order."""
        while (item := self.flow.takeAt(0)) is not None:
            item.widget().hide()   # not drawn over the new ones until it is deleted
            item.widget().deleteLater()
        chips = []
        for index, (prefix, text, suffix) in enumerate(parts):
            chip = Chip(text, self, prefix=prefix, suffix=suffix, elide=self._elide,
                        widest=self._widest)
            chip.removeClicked.connect(lambda i=index: on_remove(i))
            if self.testAttribute(Qt.WidgetAttribute.WA_Resized):   # else at its first size
                chip.fit(self.width())
            self.flow.addWidget(chip)
            chips.append(chip)
        self._chips = chips
        for chip in chips if after is not None else ():
            QWidget.setTabOrder(after, chip.remove_button)
            after = chip.remove_button
        self.setVisible(bool(parts))
        self.updateGeometry()
        return chips

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for chip in self._chips:
            chip.fit(event.size().width())


def _around(shape: str, text: str) -> tuple[str, str, str]:
    """`shape` with {0} replaced by `text`, as (before, text, after): the chip shortens the text
    alone, so a reference's kind and a promise's due date are always seen whole."""
    before, _, after = shape.partition("{0}")
    return before, text, after


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
        # Short enough for a third of the window; the kind is the combo's, the rest a tip.
        self.value.setPlaceholderText(self.tr("Number"))
        self.value.setToolTip(self.tr("The ticket, case or transaction number they gave; Enter "
                                      "adds it. Type tx:, ticket: or case: first to say its "
                                      "kind."))
        self.value.setAccessibleName(self.tr("Reference number"))
        # Never narrower than its hint: a narrow form puts the row under its label instead.
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("M" * 8))
        self.value.returnPressed.connect(self.add_pending)
        self.value.textChanged.connect(self.changed)
        # A tool button: as wide as its word (a push button is 80 pixels at least), so the
        # number keeps its room in a narrow panel.
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setAccessibleName(self.tr("Add the reference"))
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
        parts = [_around(self.tr("{0}: {1}").format(labels.reference_kind(k), "{0}"), v)
                 for k, v in self._refs]
        self.chip_widgets = self.chips.replace(parts, self._remove, self.add_button)

    def _remove(self, index: int) -> None:
        del self._refs[index]
        self._show()
        self.changed.emit()


class PromiseEditor(QDialog):
    """What they promised and by when; quick picks count business days like support desks do.
    Enter in any field adds the promise; Escape cancels."""

    def __init__(self, parent=None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a promise"))
        self.text = QLineEdit(text)
        self.text.setPlaceholderText(self.tr("e.g. Email an update on the withdrawal"))
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(formatting.date_time_pattern())
        self.due.setDateTime(self._at(quick_pick_due("days:1", times.now())))
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add promise"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Promise"), self.text)
        form.addRow(self.tr("&Due"), self.due)
        form.addRow(self.tr("Quick picks"), grid)
        form.addRow(self.error)
        form.addRow(buttons)
        # Only now are the buttons in the dialog: a default set before is not the dialog's,
        # and on show the dialog would make the first button in the tab order (Cancel) its
        # default, so Enter after typing the promise would throw it away.
        self.cancel_button.setAutoDefault(False)
        self.ok_button.setAutoDefault(False)
        self.ok_button.setDefault(True)

    @staticmethod
    def _at(due: datetime) -> QDateTime:
        return formatting.to_qdatetime(times.format_time(due)).toLocalTime()

    def use_pick(self, pick: str) -> None:
        self.due.setDateTime(self._at(quick_pick_due(pick, times.now(), settings.country())))

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
        # A promise is a sentence: its end is what can go; its due date always shows whole.
        self.chips = _Chips(elide=Qt.TextElideMode.ElideRight, widest=10_000)
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
        shape = self.tr("{0} (due {1})")
        parts = [_around(shape.replace("{1}", formatting.date_time(p.due, with_offset=False)),
                         p.text) for p in self._promises]
        self.chip_widgets = self.chips.replace(parts, self._remove, self.add_button)

    def _remove(self, index: int) -> None:
        del self._promises[index]
        self._show()
        self.changed.emit()
