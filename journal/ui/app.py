"""`journal` with no command: the window on the default (or chosen) journal."""
from __future__ import annotations

import logging
import signal
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from . import resources, settings
from .session import Session


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("SupportJournal")
    QCoreApplication.setApplicationName("Support Journal")
    app.setStyle("Fusion")
    app.setWindowIcon(resources.icon("app"))
    app.setQuitOnLastWindowClosed(True)
    return app


class Launcher:
    """Owns the session and the window; rebuilds the window when the language changes."""

    def __init__(self, folder=None):
        self.session = Session(folder)
        self.window = None

    def show(self) -> None:
        from .main_window import MainWindow
        resources.install_language(settings.language())
        old = self.window
        geometry = old.saveGeometry() if old is not None else None
        self.window = MainWindow(self.session)
        self.window.languageChanged.connect(self._relaunch)
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        self.window.show()
        if old is not None:
            old.retire()

    def _relaunch(self, _language: str) -> None:
        self.window.save_drafts()
        self.show()


def main(folder=None) -> int:
    logging.basicConfig(level=logging.WARNING, format="journal: %(message)s")
    app = application()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal closes the window
    launcher = Launcher(folder)
    launcher.show()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    code = app.exec()
    launcher.session.close()
    return code
