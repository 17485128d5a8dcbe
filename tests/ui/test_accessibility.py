"""Every control of every screen and dialog has a name a screen reader can say, in English and
in Chinese, and Tab goes through each screen in the order it is read.

The name is the one assistive technology gets: QAccessible's Name text, which Qt makes from
the accessible name, the buddy label or the button's text (for a combo box, whose Name on
Linux is its current item: the accessible name or its label). A control "is" one when it
takes focus or is a kind of control a person works (buttons, fields, lists...); parts of
Qt's own controls (a spin box's line edit, a line edit's clear button, scroll bars) are read
through their owner. For item views the first row must say something too (what is read
when the row is reached).

The tab order is checked against reading order: of two consecutive stops, the second must be
in the same row and to the right of the first, or below it; two stops are compared through
the children of their closest common container, so a row of a form, a column or a group box
is one unit wherever its own controls are.

Every QWidget subclass of journal.ui must show up in one of the screens built here, so a new
dialog cannot be left out.
"""
from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollBar,
    QTableView,
    QTabBar,
    QTextEdit,
    QWidget,
)

import journal.ui
from journal.ui.kit import resources, settings
from journal.ui.kit.session import Session
from tests.conftest import ROOT
from tests.ui import WAIT
from tests.ui.pictures import png_bytes
from tests.ui.windows import window_in_a_call

CONTROLS = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
            QAbstractItemView, QAbstractSlider, QTabBar)
NAME = QAccessible.Text.Name


# -- what is checked -------------------------------------------------------------------------

def _is_part_of_a_qt_control(w: QWidget) -> bool:
    """The line edit of a spin box or combo box, a scroll area's scroll bars, a tab bar's
    scroll arrows, a header: parts that assistive technology reads through their owner."""
    if isinstance(w, QScrollBar | QHeaderView):
        return True
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QTabBar | QLineEdit):
            return True
        if isinstance(parent, QAbstractScrollArea) and w is parent.viewport():
            return True
        parent = parent.parentWidget() if not parent.isWindow() else None
    return False


def controls(root: QWidget) -> Iterator[QWidget]:
    for w in [root, *root.findChildren(QWidget)]:
        if w.window() is not root.window() or not w.isVisible():
            continue
        if _is_part_of_a_qt_control(w):
            continue
        if w.focusProxy() is not None:   # focus goes to the proxy, which is checked
            continue
        if isinstance(w, QLabel) and not w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue   # a label is read as its text; one selectable by mouse is no control
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(w, CONTROLS):
            yield w


def spoken_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    if iface is None or not iface.isValid():
        return ""
    if isinstance(w, QComboBox) and not w.accessibleName().strip():
        # On Linux a combo box's Name is its current item; what it is for comes from its
        # label, given as a relation.
        return next((label.text(NAME).strip() for label, _ in iface.relations(
            QAccessible.RelationFlag.Label) if label.text(NAME).strip()), "")
    return iface.text(NAME).strip()


ROWS = (QAccessible.Role.Cell, QAccessible.Role.ListItem, QAccessible.Role.TreeItem)


def first_row_name(view: QAbstractItemView) -> str | None:
    """What is said of the first row (its first cell that says something), or None when the
    view has no rows."""
    model = view.model()
    if model is None or model.rowCount(view.rootIndex()) == 0:
        return None
    iface = QAccessible.queryAccessibleInterface(view)
    cells = [iface.child(i) for i in range(min(iface.childCount(), 200))]
    cells = [c for c in cells if c is not None and c.role() in ROWS]
    columns = model.columnCount(view.rootIndex()) if isinstance(view, QTableView) else 1
    for cell in cells[:columns]:
        if cell.text(NAME).strip():
            return cell.text(NAME).strip()
    return ""


def _attribute(w: QWidget) -> str:
    """Where the code keeps w: "CallCapture.agent", or "" when no object holds it."""
    holder = w.parentWidget()
    while holder is not None:
        for name, value in vars(holder).items():
            if value is w:
                return f"{type(holder).__name__}.{name}"
        holder = holder.parentWidget()
    return ""


def _words(w: QWidget) -> str:
    for get in ("text", "placeholderText", "windowTitle", "currentText"):
        if hasattr(w, get) and not isinstance(w, QAbstractItemView | QAbstractScrollArea):
            value = getattr(w, get)()
            if isinstance(value, str) and value.strip():
                return value.strip()[:30]
    return ""


def describe(w: QWidget) -> str:
    where = _attribute(w)
    said = _words(w)
    return (f"{type(w).__name__}#{w.objectName() or '-'}" + (f" ({where})" if where else "")
            + (f" {said!r}" if said else ""))


def unnamed(root: QWidget, where: str) -> list[str]:
    found = []
    for w in controls(root):
        if not spoken_name(w):
            found.append(f"{where}: {describe(w)} has no accessible name")
        if isinstance(w, QAbstractItemView) and first_row_name(w) == "":
            found.append(f"{where}: the first row of {describe(w)} says nothing")
    return found


# -- the tab order ---------------------------------------------------------------------------

def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets Tab reaches in the window of `root`, in order, from its first one."""
    stops, w = [], root.nextInFocusChain()
    seen = set()
    while w is not root and id(w) not in seen:
        seen.add(id(w))
        if (root.isAncestorOf(w) and w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
                and not _is_part_of_a_qt_control(w)):
            stops.append(w)
        w = w.nextInFocusChain()
    return stops


def _rect(w: QWidget, root: QWidget) -> QRect:
    return QRect(w.mapTo(root, w.rect().topLeft()), w.size())


def _units(a: QWidget, b: QWidget) -> tuple[QWidget, QWidget]:
    """The children of the closest container holding both that hold a and b."""
    ancestors = []
    x = a
    while x is not None:
        ancestors.append(x)
        x = x.parentWidget()
    y, below = b, b
    while y not in ancestors:
        below, y = y, y.parentWidget()
    common = y
    x = a
    while x.parentWidget() is not common and x is not common:
        x = x.parentWidget()
    return x, (below if below is not common else b)


def comes_after(a: QWidget, b: QWidget, root: QWidget) -> bool:
    ua, ub = _units(a, b)
    ra, rb = _rect(ua, root), _rect(ub, root)
    overlap = min(ra.bottom(), rb.bottom()) - max(ra.top(), rb.top())
    if overlap > min(ra.height(), rb.height()) // 3:      # the same row
        return rb.center().x() > ra.center().x()
    return rb.center().y() > ra.center().y()


def misordered(root: QWidget, where: str) -> list[str]:
    """Tab goes round: the order is right when, started from the right stop, every step goes
    forward in reading order. The steps that go back, from the best start, are reported."""
    stops = tab_stops(root)
    steps = list(zip(stops, stops[1:] + stops[:1]))
    back = [not comes_after(a, b, root) for a, b in steps]
    if sum(back) <= 1:
        return []
    # The wrap from the last stop to the first is the one step back that is allowed: the one
    # into the stop nothing else comes before.
    wraps = [i for i, (a, b) in enumerate(steps) if back[i] and not any(
        comes_after(other, b, root) for other in stops if other is not b)]
    allowed = wraps[0] if wraps else None
    return [f"{where}: Tab goes from {describe(a)} to {describe(b)}, which is before it"
            for i, (a, b) in enumerate(steps) if back[i] and i != allowed]


# -- the screens -----------------------------------------------------------------------------

def widget_classes() -> set[type]:
    """Every QWidget subclass defined in journal.ui."""
    found = set()
    for info in pkgutil.walk_packages(journal.ui.__path__, "journal.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QWidget) and cls.__module__ == info.name:
                found.add(cls)
    return found




class Checker:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.problems: list[str] = []
        self.seen: set[type] = set()
        self.kept: list[QWidget] = []   # every screen and dialog, alive till the test ends

    def check(self, root: QWidget, where: str) -> None:
        self.kept.append(root)
        self.seen.update(type(w) for w in [root, *root.findChildren(QWidget)])
        self.problems += unnamed(root, where)
        self.problems += misordered(root, where)

    def dialog(self, dialog: QDialog, where: str, close=None) -> None:
        if dialog.parentWidget() is None:
            self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog, timeout=WAIT)
        self.check(dialog, where)
        (close or dialog.hide)()


@pytest.fixture
def accessibility():
    """Qt's accessibility on, as with a screen reader running: Qt keeps the interfaces it
    made for the test up to date as the views change. Off again once the widgets are gone
    (pytest-qt closes them before fixtures are torn down)."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    settings.set_language(request.param)
    assert resources.install_language(request.param)
    yield request.param
    settings.set_language("en")
    resources.install_language("en")


def test_every_control_has_a_name_and_tab_follows_the_reading_order(
        accessibility, session, qtbot, tmp_path, language):
    # Walked in a function of its own: a failure's traceback keeps no widget alive.
    problems = every_screen(session, qtbot, tmp_path)
    assert problems == [], "\n".join(["", *problems])


def every_screen(session, qtbot, tmp_path) -> list[str]:
    """Build every screen and dialog, each as the user finds it, and say what is wrong."""
    from journal.service import NewAttachment
    from journal.ui.capture.failed_attempt import FailedAttemptDialog
    from journal.ui.capture.import_dialog import ImportDialog
    from journal.ui.capture.log_dialog import LogDialog
    from journal.ui.capture.saved_notice import show_saved
    from journal.ui.cases.amend_dialog import AmendDialog, HistoryDialog
    from journal.ui.cases.new_case_dialog import NewCaseDialog
    from journal.ui.dialogs.export_dialog import ExportDialog
    from journal.ui.dialogs.image_preview import ImagePreview
    from journal.ui.dialogs.journal_tasks import JournalTasks, TaskProgressDialog
    from journal.ui.dialogs.letter_dialog import LetterDialog
    from journal.ui.dialogs.preferences_dialog import PreferencesDialog
    from journal.ui.dialogs.stats_view import StatsView
    from journal.ui.directory.channel_form import ChannelForm
    from journal.ui.directory.directory_screen import DirectoryScreen
    from journal.ui.directory.platform_form import PlatformForm
    from journal.ui.kit.messages import show_error
    from journal.ui.promises.promise_editor import PromiseEditor
    from journal.ui.unlock.unlock_screen import UnlockScreen

    c = Checker(qtbot)
    journal = session.journal
    journal.amend(1, reason="typo", notes="Agent said the withdrawal is in review!")
    shot = journal.log(1, kind="chat", notes="Chat with a screenshot", attachments=[
        NewAttachment("balance.png", "image/png", data=png_bytes(60, 40))])

    # The unlock screen, in its three modes. (Every widget is kept referenced till the end:
    # one without a parent dropped early could be freed on the session's worker thread.)
    fresh = Session(tmp_path / "new")
    creating = UnlockScreen(fresh)
    qtbot.addWidget(creating)
    creating.show()
    qtbot.keyClicks(creating.new_passphrase, "a long enough passphrase for this test")
    qtbot.keyClicks(creating.repeat_passphrase, "a long enough passphrase for this test")
    c.check(creating, "UnlockScreen (create)")
    qtbot.mouseClick(creating.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: creating.mode == "recovery", timeout=WAIT)
    c.check(creating, "UnlockScreen (recovery key)")
    creating.hide()
    locked = Session(session.folder)
    unlocking = UnlockScreen(locked)
    qtbot.addWidget(unlocking)
    unlocking.show()
    assert unlocking.mode == "unlock"
    c.check(unlocking, "UnlockScreen (unlock)")
    unlocking.hide()

    # The main window: the case list, a case's timeline and checklist, the promises, a call.
    window = window_in_a_call(session, qtbot)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=WAIT)
    qtbot.keyClicks(window.capture.references.value, "CB-99001")
    qtbot.mouseClick(window.capture.references.add_button, Qt.MouseButton.LeftButton)
    c.check(window, "MainWindow (cases, timeline, call)")
    window.case_view.tabs.setCurrentWidget(window.case_view.checklist)
    session.wait()
    c.check(window, "MainWindow (checklist)")
    journal.add_stage(1, "complaint", on="2026-11-24T10:00+00:00", kind="payment", ref="C-1")
    journal.log(1, kind="chat", notes="The withdrawal's id.", references=["0x" + "ab" * 32])
    window.case_view.tabs.setCurrentWidget(window.case_view.dispute)
    session.wait()
    qtbot.waitUntil(lambda: window.case_view.dispute.case_id == 1, timeout=WAIT)
    from journal.ui.dispute.dispute_panel import OfferBar
    qtbot.waitUntil(lambda: window.case_view.dispute.findChild(OfferBar) is not None,
                    timeout=WAIT)
    c.check(window, "MainWindow (dispute)")
    from journal.ui.dispute.money_dialogs import MoneyDialog, TransactionDialog, WalletDialog
    from journal.ui.dispute.stage_dialog import StageDialog, VoidDialog
    c.dialog(StageDialog(session, 1, window), "StageDialog")
    c.dialog(VoidDialog(session, "stage", 1, "the formal complaint", window), "VoidDialog")
    c.dialog(MoneyDialog(session, 1, window), "MoneyDialog")
    c.dialog(TransactionDialog(session, 1, window), "TransactionDialog")
    c.dialog(WalletDialog(session, 1, window), "WalletDialog")
    window.side.setCurrentWidget(window.promises)
    session.wait()
    qtbot.waitUntil(lambda: window.promises.model.rowCount() > 0, timeout=WAIT)
    c.check(window, "MainWindow (promises)")
    window.capture.notes.insertPlainText(" He asked for my seed phrase to unlock it.")
    qtbot.waitUntil(lambda: window.capture.scam_banner.isVisible(), timeout=WAIT)
    c.check(window, "MainWindow (call, scam warning)")
    window.side.setCurrentWidget(window.cases)

    # Every dialog.
    c.dialog(FailedAttemptDialog(session, 1, window), "FailedAttemptDialog")
    log = LogDialog(session, 1, "chat", window)
    session.wait()
    c.dialog(log, "LogDialog (chat)", lambda: None)
    log.text.insertPlainText("The agent wants my seed phrase.")
    qtbot.waitUntil(lambda: log.scam_banner.isVisible(), timeout=WAIT)
    c.dialog(log, "LogDialog (chat, scam warning)", log.keep_draft_and_close)
    email = LogDialog(session, 1, "email", window)
    session.wait()
    c.dialog(email, "LogDialog (email)", email.keep_draft_and_close)
    c.dialog(NewCaseDialog(session, window), "NewCaseDialog")
    c.dialog(AmendDialog(session, journal.interaction(1), window), "AmendDialog")
    history = HistoryDialog(session, 1, window)
    session.wait()
    c.dialog(history, "HistoryDialog")
    c.dialog(PromiseEditor(window), "PromiseEditor")
    export = ExportDialog(session, 1, window)
    session.wait()
    c.dialog(export, "ExportDialog")
    letter = LetterDialog(session, 1, window)
    qtbot.waitUntil(lambda: letter.text.toPlainText() != "", timeout=WAIT)
    c.dialog(letter, "LetterDialog")
    evidence = ROOT / "tests" / "fixtures" / "evidence"
    eml = tmp_path / "with_attachment.eml"   # sent in September: not after today
    eml.write_bytes((evidence / "email" / "with_attachment.eml").read_bytes()
                    .replace(b"Dec 2026", b"Sep 2026"))
    importing = ImportDialog(session, 1, window)
    importing.add_files([eml, evidence / "whatsapp" / "WhatsApp Chat with +44 7700 900123.txt"])
    session.wait()
    c.dialog(importing, "ImportDialog (a preview, a time zone asked for)")
    c.dialog(PreferencesDialog(window), "PreferencesDialog")
    stats = StatsView(session, window)
    session.wait()
    c.dialog(stats, "StatsView")
    directory = DirectoryScreen(session, window)
    session.wait()
    c.dialog(directory, "DirectoryScreen")
    c.dialog(PlatformForm(session, window), "PlatformForm")
    c.dialog(ChannelForm(session, 1, None, window), "ChannelForm (add)")
    c.dialog(ChannelForm(session, 1, journal.channels()[0], window), "ChannelForm (edit)")
    c.dialog(ImagePreview(png_bytes(60, 40), "balance", window), "ImagePreview")
    beside = ImagePreview(png_bytes(60, 40), "balance.png", window, session=session,
                          attachment_id=shot.attachments[0].id)
    session.wait()
    c.dialog(beside, "ImagePreview (with the text read out of the file)")
    tasks = JournalTasks(session, window)
    progress = tasks.check()
    qtbot.waitUntil(lambda: not progress.running, timeout=WAIT)
    c.dialog(progress, "TaskProgressDialog (check)")
    found = TaskProgressDialog("Check", {}, "Stopped", window)
    found._end(False, "The check found 2 problems", ["one", "two"])   # as a check ends
    c.dialog(found, "TaskProgressDialog (problems found)")
    window.case_view.timeline._show_whole_note(journal.interaction(1))
    note = window.case_view.timeline.findChild(QDialog, "wholeNote")
    c.dialog(note, "the whole note")
    window.search()
    window.search_panel.field.insert("withdrawal")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=WAIT)
    c.check(window.search_panel, "SearchPanel")
    window.search_panel.close()
    window.capture.save_draft_now()

    window.show_shortcuts()
    c.dialog(window.shortcuts_dialog, "ShortcutsDialog")
    window.about()
    about = window.about_dialog
    c.dialog(about, "AboutDialog (about)", lambda: None)
    about.tabs.setCurrentWidget(about.licences)
    qtbot.waitUntil(about.licences.loaded, timeout=WAIT)
    c.dialog(about, "AboutDialog (licences)")
    from journal.ui.capture.opened_files import CaseForFileDialog
    chooser = CaseForFileDialog(session, [str(eml)], window)
    session.wait()
    c.dialog(chooser, "CaseForFileDialog (which case a file given to the window is for)")
    show_error(window, "The folder does not exist.")
    c.dialog(window.findChild(QMessageBox, "errorMessage"), "an error message")
    notice = show_saved(window, "Chat saved")
    c.check(notice, "SavedNotice")
    notice._gone()

    missing = sorted(cls.__qualname__ for cls in widget_classes()
                     if not any(issubclass(seen, cls) for seen in c.seen))
    for opened in (fresh, locked):
        opened.wait()
        opened.close()
    problems = c.problems + [f"{name} is built by no screen of this test" for name in missing]
    return problems


def test_a_timeline_entry_is_read_out_whole(session, qtbot, qtmodeltester):
    """The timeline's cards are painted: a screen reader gets each entry's words from the
    model, who, the numbers, the note and the promises, not only its title."""
    from journal.ui.cases.timeline_model import TimelineModel
    model = TimelineModel(session)
    with qtbot.waitSignal(model.loaded, timeout=WAIT):
        model.load(1)
    first = model.index(0, 0)
    said = first.data(Qt.ItemDataRole.AccessibleTextRole)
    assert said.startswith(first.data())   # "Call · <when>" first
    for words in ("Agent: Dana", "CB-55120", "Agent said the withdrawal is in review.",
                  "Promised: Email update"):
        assert words in said
    qtmodeltester.check(model)


def test_the_answer_rate_chart_is_said_in_words(session, qtbot):
    """The chart is painted: its bars are given to a screen reader as its description."""
    from journal.ui.dialogs.stats_view import StatsView
    view = StatsView(session)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.chart.bars() != [], timeout=WAIT)
    said = view.chart.accessibleDescription()
    assert view.chart.accessibleName() and said
    for name, _rate in view.chart.bars():
        assert name in said and "%" in said
