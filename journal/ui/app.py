"""`journal` with no command: the window on the default (or chosen) journal."""
from __future__ import annotations

import logging
import os
import signal
import sys

from PySide6.QtCore import QCoreApplication, QLoggingCategory, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..service import folders
from .kit import resources, settings
from .kit.session import Session
from .kit.single_instance import SingleInstance, server_name

# The journal's reads run in Python on a worker thread, and painting calls Python too (a
# model's data(), a card's picture): the GUI thread waits for the interpreter lock while the
# worker holds it, up to the switch interval each time (5 ms by default; a page of the case
# list alone makes some 1,500 such calls). At 1 ms the longest stall of an unlock fell from
# 87 to 48 ms (median of 4, tests/bench/window.py, same load).
SWITCH_INTERVAL = 0.001

# Qt's font database says, for every installed font without OpenType tables for a script it
# looks at (a language's own name in the language picker, say), "OpenType support missing
# for …": dozens of lines on the terminal at each start, about nothing the user can change.
# Only that category is quieted; the user's QT_LOGGING_RULES still come after this.
QUIET_LOGGING = "qt.text.font.db.info=false\nqt.text.font.db.warning=false"
DESKTOP_ID = "org.supportjournal.SupportJournal"


def product_name() -> str:
    """The program's name as every window says it, in the language installed."""
    return QCoreApplication.translate("MainWindow", "Support Journal")


def application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL)
    QLoggingCategory.setFilterRules(QUIET_LOGGING)   # before Qt loads the fonts
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName("SupportJournal")
    QCoreApplication.setApplicationName("Support Journal")
    # The menu entry the packages install (packaging/linux/): Wayland's app id and the
    # desktop's way to give the window that entry's icon and name.
    QGuiApplication.setDesktopFileName(DESKTOP_ID)
    app.setStyle("Fusion")
    app.setWindowIcon(resources.icon("app"))
    app.setQuitOnLastWindowClosed(True)
    return app


class Launcher:
    """Owns the session and the window; rebuilds the window when the language changes. Files
    asked for (--open, or a later start's) wait in `opened` until the window can import them."""

    def __init__(self, folder=None, open_file: str | None = None):
        from .capture.opened_files import OpenedFiles
        self.session = Session(folder)
        self.window = None
        self.opened = OpenedFiles(self.session)
        if open_file:
            self.opened.add(open_file)

    def show(self) -> None:
        from .main_window import MainWindow
        resources.install_language(settings.language())
        # Dialogs' titles end with it where the desktop does so: the same name as the window.
        QApplication.setApplicationDisplayName(product_name())
        old = self.window
        geometry = old.saveGeometry() if old is not None else None
        case_id = old._current_case() if old is not None else None
        self.window = MainWindow(self.session)
        self.window.languageChanged.connect(self._relaunch)
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        self.window.show()
        if case_id is not None:   # the case that was open stays open, in the new language
            self.window.open_case(case_id)
        if old is not None:
            old.retire()
        self.opened.attach(self.window)

    def later_start(self, come_forward: bool, path: str) -> None:
        """Another `journal` started on this journal: this window comes forward instead,
        and imports the file it was given."""
        from .capture.opened_files import bring_forward
        if come_forward and self.window is not None:
            bring_forward(self.window)
        if path:
            self.opened.add(path)

    def _relaunch(self, _language: str) -> None:
        self.window.save_drafts()
        self.show()


def _no_screen() -> bool:
    """On Linux without X11 or Wayland, Qt would abort with a core dump; say it instead."""
    env = os.environ
    return sys.platform.startswith("linux") and not any(
        env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(folder=None, open_file: str | None = None) -> int:
    """The window on the journal at `folder`, with `open_file` (an absolute path) to import;
    when a window is already open on that journal, it is given the file instead (exit 0)."""
    if _no_screen():
        sys.stderr.write("journal: there is no screen to open the window on (neither DISPLAY "
                         "nor WAYLAND_DISPLAY is set); every command works without one, see "
                         "`journal --help`.\n")
        return 1
    debug = bool(os.environ.get("JOURNAL_DEBUG"))
    logging.basicConfig(level=logging.INFO if debug else logging.WARNING,
                        format="journal: %(message)s")
    app = application()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal closes the window
    instance = SingleInstance(server_name(folders.resolve(folder)))
    handed = instance.hand_over(open_file)
    if handed == "done":
        return 0
    if handed == "none":
        instance.listen()
    else:   # a window took the message but did not answer: this one opens (and is told)
        logging.getLogger(__name__).warning(
            "a window open on this journal did not answer; opening another")
    launcher = Launcher(folder, open_file)
    instance.received.connect(launcher.later_start)
    launcher.show()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    code = app.exec()
    instance.close()
    launcher.session.close()
    return code
