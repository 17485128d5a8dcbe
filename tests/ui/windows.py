"""The main window as the tests open it: shown on an open session, and in a call on case 1."""
from __future__ import annotations

from journal.ui.main_window import MainWindow
from tests.ui import WAIT


def shown_window(session, qtbot) -> MainWindow:
    """The main window on an open session, showing the journal's page."""
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter, timeout=WAIT)
    return window


def window_in_a_call(session, qtbot) -> MainWindow:
    """The main window with case 1 open and a call started on it, everything read and shown
    (the window reads off the GUI thread)."""
    window = shown_window(session, qtbot)
    window.open_case(1)
    window.start_call()
    qtbot.waitUntil(lambda: window.case_view.current_case_id() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: not window.case_view.loading() and window.capture.in_progress,
                    timeout=WAIT)
    session.wait()
    qtbot.waitUntil(lambda: window.case_view.timeline.cards() != [], timeout=WAIT)
    return window
