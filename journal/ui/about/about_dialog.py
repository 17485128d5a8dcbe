"""About Support Journal (Help menu): what this build is, what it runs on, where the journal is,
and the licences. Works whether the journal is locked or not: nothing in it is the journal's.

"Copy details" copies the version lines in English, for a bug report.
"""
from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import build_info
from ...service import engine
from ..kit import formatting
from .licences_tab import LicencesTab


def details() -> dict[str, str]:
    """The facts shown and copied: version, build, Qt, PySide6, SQLCipher, SQLite, Python."""
    build = build_info.current()
    versions = engine.versions()
    return {"version": build_info.version(), "commit": build.short_commit,
            "date": build.date, "source": build.source, "qt": qVersion(),
            "pyside": PySide6.__version__, "sqlcipher": versions["sqlcipher"],
            "sqlite": versions["sqlite"], "python": platform.python_version(),
            "system": platform.platform()}


def details_text(facts: dict[str, str]) -> str:
    """The lines "Copy details" copies (English, for whoever reads the bug report)."""
    where = {"build": "build", "checkout": "source checkout"}.get(facts["source"], "unknown")
    return "\n".join([
        f"Support Journal {facts['version']}",
        f"Build: commit {facts['commit']}, {facts['date']} ({where})",
        f"Qt {facts['qt']}, PySide6 {facts['pyside']}",
        f"SQLCipher {facts['sqlcipher']}, SQLite {facts['sqlite']}",
        f"Python {facts['python']} ({sys.implementation.name}), {facts['system']}",
    ]) + "\n"


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class AboutDialog(QDialog):
    """Two tabs: About (the facts, the folder, Copy details) and Licences (read when shown)."""

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Support Journal"))
        self.folder = str(folder)
        self.facts = details()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_page(), self.tr("About"))
        self.licences = LicencesTab(self)
        self.tabs.addTab(self.licences, self.tr("Licences"))
        self.tabs.currentChanged.connect(self._tab_shown)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton(self.tr("&Copy details"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setToolTip(self.tr("Copy the versions, for a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

    def _about_page(self) -> QWidget:
        page = QWidget(self)
        f = self.facts
        self.heading = QLabel(self.tr("Support Journal {0}").format(f["version"]))
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        summary = QLabel(self.tr("An encrypted journal of every contact with customer support. "
                                 "Nothing leaves this computer unless you export it."))
        summary.setWordWrap(True)
        self.build = _value(self._build_text(), self.tr("Build"))
        self.qt = _value(self.tr("Qt {0}, PySide6 {1}").format(f["qt"], f["pyside"]),
                         self.tr("Window toolkit"))
        self.database = _value(self.tr("SQLCipher {0}, SQLite {1}")
                               .format(f["sqlcipher"], f["sqlite"]), self.tr("Database"))
        self.python = _value(f"Python {f['python']}", "Python")
        self.folder_label = _value(self.folder, self.tr("Journal folder"))
        self.folder_label.setObjectName("journalFolder")
        self.show_folder_button = QPushButton(self.tr("&Show in file manager"), page)
        self.show_folder_button.setAutoDefault(False)
        self.show_folder_button.clicked.connect(self.show_folder)
        self.show_folder_button.setEnabled(Path(self.folder).is_dir())   # not made yet

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Build:"), self.build)
        form.addRow(self.tr("Window toolkit:"), self.qt)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Python:"), self.python)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.show_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Journal folder:"), folder_row)

        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(summary)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _build_text(self) -> str:
        f = self.facts
        if f["commit"] == build_info.UNKNOWN:
            return self.tr("not known (this copy carries no build information)")
        when = formatting.date_time(f["date"]) if f["date"] != build_info.UNKNOWN else "?"
        if f["source"] == "checkout":
            return self.tr("source checkout, commit {0} of {1}").format(f["commit"], when)
        return self.tr("commit {0}, built {1}").format(f["commit"], when)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.licences:
            self.licences.load()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(details_text(self.facts))
        self.copy_button.setText(self.tr("Copied"))

    def show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder))
