"""The About box's Licences tab: how Qt is used, and every third-party licence in full.

The text is read the first time the tab is shown, off the GUI thread (from the installed
distributions that can take a second, and it runs to about a megabyte), and once per process.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain import licences

QT_SOURCE = "https://code.qt.io"
QT_FOR_PYTHON = "https://download.qt.io/official_releases/QtForPython/"


class _LicenceText(QObject):
    """The licences' text, read once per process; `loaded` says it is there."""

    loaded = Signal(str)

    def __init__(self):
        super().__init__()
        self.text: str | None = None
        self._reading = False

    def ask(self) -> None:
        if self.text is not None:
            self.loaded.emit(self.text)
        elif not self._reading:
            self._reading = True
            QThreadPool.globalInstance().start(self._read)

    def _read(self) -> None:   # on a pool thread; the signal is queued to the GUI thread's
        try:
            text = licences.text()
        except Exception as exc:  # noqa: BLE001 - shown in the tab instead of a crash
            text = f"The licences could not be read: {type(exc).__name__}: {exc}"
        self.text = text
        self._reading = False
        self.loaded.emit(text)


@cache
def licence_text() -> _LicenceText:
    """The one reader of the process (made on the GUI thread, never deleted)."""
    return _LicenceText()


class LicencesTab(QWidget):
    """One paragraph on Qt's licence and source, and the full texts below it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.asked = False
        self.intro = QLabel(self.tr(
            "Support Journal uses Qt and Qt for Python (PySide6) under the GNU Lesser General "
            "Public License version 3 (LGPL-3.0). Their source code is at {0} and {1}.")
            .format(f'<a href="{QT_SOURCE}">{QT_SOURCE}</a>',
                    f'<a href="{QT_FOR_PYTHON}">{QT_FOR_PYTHON}</a>'))
        self.intro.setWordWrap(True)
        self.intro.setOpenExternalLinks(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("licences")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)   # as the authors wrote
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Licences of the software Support Journal uses"))
        self.text.setPlaceholderText(self.tr("Reading the licences…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.text, 1)

    def load(self) -> None:
        """Read the texts (once; the tab calls this when first shown)."""
        if self.asked:
            return
        self.asked = True
        reader = licence_text()
        reader.loaded.connect(self._loaded)
        reader.ask()

    def loaded(self) -> bool:
        return bool(self.text.toPlainText())

    def _loaded(self, text: str) -> None:
        if not self.text.toPlainText():
            self.text.setPlainText(text)
