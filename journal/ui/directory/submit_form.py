"""A small form dialog whose OK runs the change off the GUI thread and stays open on an error,
and the little helpers the directory's forms share."""
from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..kit import labels
from ..kit.messages import error_label
from ..kit.palette import warning_colour
from ..kit.session import Session, weak


def choice_combo(parent, enum, label) -> QComboBox:
    combo = QComboBox(parent)
    for value, text in labels.choices(enum, label):
        combo.addItem(text, value)
    return combo


def select(combo: QComboBox, value) -> None:
    value = getattr(value, "value", value)
    combo.setCurrentIndex(max(0, combo.findData(str(value))))


def codes(text: str) -> list[str]:
    """"en, zh-CN" (or with the Chinese comma, or spaces) as a list of codes."""
    return [code for code in re.split(r"[,，;；\s]+", text) if code]


def red_error_label(parent: QWidget) -> QLabel:
    """messages.error_label, in the palette's warning red so it is seen next to the fields."""
    label = error_label(parent)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, warning_colour(palette))
    label.setPalette(palette)
    return label


class SubmitForm(QDialog):
    """OK runs `work()` off-thread; the form closes on success and shows the service's
    sentence under the fields on failure, with nothing saved."""

    saved = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None):
        super().__init__(parent)
        self.session = session
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = red_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        # Enter in any field saves: OK is the dialog's default button.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)

    def tab_through(self, fields: list[QWidget]) -> None:
        """Tab visits `fields` in this order, then OK and Cancel (made first, they would
        otherwise come first)."""
        chain = [*fields, self.buttons.button(QDialogButtonBox.StandardButton.Ok),
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def work(self):  # the change, as a function of the journal
        raise NotImplementedError

    def _submit(self) -> None:
        if not self.buttons.isEnabled():
            return   # already saving: a second Enter must not add the record twice
        self.error.hide()
        self.buttons.setEnabled(False)
        self.session.submit(self.work(), on_done=weak(self._done),
                            on_error=weak(self.show_error))

    def _done(self, record) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(record)
        self.accept()

    def show_error(self, text: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text)
        self.error.show()
