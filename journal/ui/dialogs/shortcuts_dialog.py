"""Keyboard shortcuts (F1 or Ctrl+/): every key of the window and of a live call, in a table.

The rows are read from the menus' own actions each time the window opens, so the list says
what the keys do now, in the language shown, and cannot drift from them.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

_MNEMONIC = re.compile(r"\s*[(（]&\w[)）]")   # "记录本(&J)": the key letter added in Chinese


def plain_text(action: QAction) -> str:
    """An action's text as a person reads it: no mnemonic mark, no trailing ellipsis."""
    text = _MNEMONIC.sub("", action.text()).replace("&&", "\0").replace("&", "")
    return text.replace("\0", "&").rstrip("…").rstrip(".").strip()


class ShortcutsDialog(QDialog):
    """The keys, a group of rows for each menu (what they are for), each key in the
    platform's own writing ("Ctrl+Shift+H"; "⇧⌘H" on a Mac)."""

    def __init__(self, groups: list[tuple[str, QMenu]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._groups = groups

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("What it does"), self.tr("Keys")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(self.tr(
            "One row for each key: what it does, then the key. A row with a heading only "
            "starts a group."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)   # Tab goes on to Close; arrows move in the table
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        note = QLabel(self.tr("The keys of a call work while a call is in progress, wherever "
                              "the keyboard is in this window."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.refresh()

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, what it does, keys) for every key listed, in order."""
        found = []
        for title, menu in self._groups:
            for action in menu.actions():
                keys = self.keys_text(action)
                if keys and not action.isSeparator():
                    found.append((title, plain_text(action), keys))
        return found

    def keys_text(self, action: QAction) -> str:
        texts = [k.toString(QKeySequence.SequenceFormat.NativeText)
                 for k in action.shortcuts() if not k.isEmpty()]
        # Once each: in Chinese, Qt writes Return and Enter alike (回车).
        return self.tr(" or ").join(dict.fromkeys(texts))

    def refresh(self) -> None:
        """Read the menus again (a call's actions, the language shown)."""
        self.table.clearSpans()
        self.table.setRowCount(0)
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        rows, group = self.rows(), None
        for title, text, keys in rows:
            row = self.table.rowCount()
            if title != group:
                group = title
                self.table.insertRow(row)
                heading = QTableWidgetItem(title)
                heading.setFont(heading_font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)   # read, not chosen
                self.table.setItem(row, 0, heading)
                self.table.setSpan(row, 0, 1, 2)
                row += 1
            self.table.insertRow(row)
            for column, value in enumerate((text, keys)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, title)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        fm = self.table.fontMetrics()
        rows = rows or [("", "", "")]
        width = (max(fm.horizontalAdvance(text) for _, text, _ in rows)
                 + max(fm.horizontalAdvance(keys) for _, _, keys in rows)
                 + fm.horizontalAdvance("M") * 10
                 + self.table.verticalScrollBar().sizeHint().width())
        self.resize(min(max(width, 480), 800), 660)
