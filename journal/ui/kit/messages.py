"""One clear sentence in a message box; nothing else reaches the user."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QWidget


def show_error(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Messages", "Support Journal"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorMessage")
    box.open() if parent is not None and parent.isVisible() else box.exec()


def confirm(parent: QWidget | None, text: str, action: str) -> bool:
    """Ask before something the user might not mean; `action` names the button."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Messages", "Support Journal"), text,
                      QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def error_label(parent: QWidget) -> QLabel:
    """The line under a form where its one-sentence error appears (hidden until then)."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a message quoting user text stays text
    label.hide()
    return label


def ok_cancel(parent: QWidget, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel; OK is `buttons.button(Ok)`."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, parent)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    return buttons
