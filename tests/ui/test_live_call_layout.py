"""The live-call panel as it is in the window at 1280×800 and 1366×768 (a third of the width,
the height less the menu, the toolbar and the status bar), in English and Chinese, with the
scam alarm shown, three references and two promises: no control below the size it needs, no
two rows or chips over each other, and the alarm's whole advice a click away."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollBar,
    QStyle,
    QWidget,
)

from journal.domain.scam_signs import advice
from journal.service import NewPromise
from journal.ui.capture.call_capture import CallCapture
from journal.ui.kit import resources, settings
from journal.ui.promises.promise_editor import Chip
from tests.ui import WAIT

# main_window._show_capture asks 33 % of the splitter for the panel; the other panes' own
# minimums leave it 394–410 pixels at 1280 and 433–448 at 1366 (measured, English and
# Chinese). Menu, toolbar and status bar take at most 110 pixels of the height.
SIZES = {"1280x800": (390, 800 - 110), "1366x768": (430, 768 - 110)}
SCAM = {"en": "Please send your 12-word seed phrase to verify your wallet",
        "zh_CN": "请把助记词发给我们验证钱包"}
LONG_PROMISE = {"en": "Risk team will release the withdrawal after the review and email me",
                "zh_CN": "风控团队会在审核结束后放款，并发邮件通知我"}


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    settings.set_language(request.param)
    resources.install_language(request.param)
    yield request.param
    settings.set_language("en")
    resources.install_language("en")


def settle() -> None:
    """Let every posted layout request and deferred deletion run (no waiting for time)."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def live_call(session, qtbot, language: str, size: tuple[int, int]) -> CallCapture:
    panel = CallCapture(session)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    panel.start(1)
    session.wait()
    settle()
    panel.agent.setText("Daniel")
    for typed in ("ticket:CS-20261125-0042", "case:88213",
                  "tx:0x9f2c4e1b7a3d5f6e8c0b1a2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f"):
        panel.references.value.setText(typed)
        assert panel.references.add_pending()
    panel.promises.add(NewPromise(LONG_PROMISE[language], "2026-12-04T21:32:00+01:00"))
    panel.promises.add(NewPromise("Call back", "2026-12-03T17:00:00+01:00"))
    panel.notes.setPlainText(SCAM[language])
    panel.scam_banner.check_now(panel.notes.toPlainText())
    settle()
    return panel


def _internal(widget: QWidget, panel: CallCapture) -> bool:
    """Parts of a compound control (a combo's line edit, a text field's scroll bars, the
    panel's own scroll bars): the control itself is checked, not its parts."""
    scroll = getattr(panel, "form_scroll", None)
    if isinstance(widget, QScrollBar) or widget.parentWidget() is scroll or \
            scroll is not None and widget is scroll.viewport():
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not panel:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractScrollArea) and \
                parent is not scroll:
            return True
        parent = parent.parentWidget()
    return False


def shown_controls(panel: CallCapture) -> list[QWidget]:
    return [w for w in panel.findChildren(QWidget)
            if w.isVisibleTo(panel) and not w.isWindow() and not _internal(w, panel)]


def squeezed(panel: QWidget) -> list[str]:
    """Every shown control smaller than it needs to be, described."""
    bad = []
    for w in shown_controls(panel):
        need = w.minimumSizeHint()
        if isinstance(w, QAbstractButton | Chip):
            need = need.expandedTo(w.sizeHint())
        elif isinstance(w, QLineEdit | QComboBox):   # as tall as they like; narrower may do
            need.setHeight(max(need.height(), w.sizeHint().height()))
        if isinstance(w, QLabel) and w.wordWrap() and w.text():
            need.setHeight(max(need.height(), w.heightForWidth(w.width())))
        if isinstance(w, Chip):   # a chip is never wider than its row
            if w.geometry().right() >= w.parentWidget().width():
                bad.append(f"chip {w.label.text()!r} goes past its row")
        if need.isValid() and (w.height() < need.height() or w.width() < need.width()):
            bad.append(f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} "
                       f"{w.width()}x{w.height()} < {need.width()}x{need.height()}")
    return bad


def overlapping(panel: QWidget) -> list[str]:
    """Sibling controls drawn over each other."""
    bad = []
    by_parent: dict[int, list[QWidget]] = {}
    for w in shown_controls(panel):
        by_parent.setdefault(id(w.parentWidget()), []).append(w)
    for siblings in by_parent.values():
        for i, a in enumerate(siblings):
            for b in siblings[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    bad.append(f"{type(a).__name__} {a.geometry()} and "
                               f"{type(b).__name__} {b.geometry()}")
    return bad


def inside(widget: QWidget, panel: QWidget) -> bool:
    """The whole of `widget` is within the panel (not cut off at an edge)."""
    top_left = widget.mapTo(panel, widget.rect().topLeft())
    return panel.rect().contains(QRect(top_left, widget.size()))


@pytest.mark.parametrize("window", SIZES)
def test_the_scam_alarm_leaves_every_control_its_room(session, qtbot, language, window):
    panel = live_call(session, qtbot, language, SIZES[window])
    banner = panel.scam_banner
    assert banner.isVisible() and banner.kinds
    assert squeezed(panel) == []
    assert overlapping(panel) == []
    # The alarm is a one-line headline, always in view, above End call.
    line = banner.headline.fontMetrics().lineSpacing()
    assert banner.headline.height() < 2 * line
    assert inside(banner, panel) and inside(panel.end, panel) and inside(panel.cancel, panel)
    assert banner.geometry().bottom() < panel.end.geometry().top()
    # Its whole advice is one click away.
    whole = advice(banner.kinds, language)
    assert not banner.details.isVisible()
    qtbot.mouseClick(banner.details_button, Qt.MouseButton.LeftButton)
    settle()
    assert banner.details.isVisible() and whole in banner.details.text()
    assert banner.details.height() >= banner.details.heightForWidth(banner.details.width())
    assert inside(banner.details, panel)
    assert squeezed(panel) == []
    assert overlapping(panel) == []
    qtbot.mouseClick(banner.details_button, Qt.MouseButton.LeftButton)
    settle()
    assert not banner.details.isVisible()
    # The fields that do not fit scroll instead of being squeezed: the form is whole.
    form = panel.form_scroll.widget()
    assert form.height() >= form.heightForWidth(form.width())
    assert form.width() <= panel.form_scroll.viewport().width()
    panel.drafts.hold()


@pytest.mark.parametrize("window", SIZES)
def test_the_reference_hint_and_didnt_connect_fit(session, qtbot, language, window):
    panel = live_call(session, qtbot, language, SIZES[window])
    value = panel.references.value
    margins = value.textMargins()
    frame = value.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, value)
    # The frame on each side, and QLineEdit's own 2-pixel margin each side of the text.
    room = value.width() - 2 * frame - 4 - margins.left() - margins.right()
    assert value.fontMetrics().horizontalAdvance(value.placeholderText()) <= room
    assert "transaction" in value.toolTip() or "交易" in value.toolTip()
    # The menu arrow of "Didn't connect" sits beside its text, with room made for it.
    button = panel.no_connect
    assert isinstance(button, QPushButton) and button.menu() is not None
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    assert button.width() >= button.sizeHint().width()
    assert button.sizeHint().width() >= button.fontMetrics().horizontalAdvance(
        button.text()) + arrow
    panel.drafts.hold()


def test_the_alarm_does_not_move_the_notes_being_typed(session, qtbot):
    panel = CallCapture(session)
    qtbot.addWidget(panel)
    panel.resize(*SIZES["1280x800"])
    panel.show()
    panel.start(1)
    session.wait()
    settle()
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "He is from security and asked for my seed phrase")
    settle()
    before = panel.notes.mapTo(panel, panel.notes.rect().topLeft())
    panel.scam_banner.check_now()
    settle()
    assert panel.scam_banner.isVisible()
    assert panel.notes.mapTo(panel, panel.notes.rect().topLeft()) == before
    qtbot.mouseClick(panel.scam_banner.details_button, Qt.MouseButton.LeftButton)
    settle()
    assert panel.notes.mapTo(panel, panel.notes.rect().topLeft()) == before
    panel.drafts.hold()


def test_a_promise_chip_loses_the_end_of_its_text_never_its_due_date(session, qtbot):
    panel = live_call(session, qtbot, "en", SIZES["1280x800"])
    long_chip, short_chip = panel.promises.chip_widgets
    shown = long_chip.label.text()
    due = shown[shown.index(" (due "):]
    assert shown.startswith("Risk team will") and shown.endswith(")")
    assert "…" in shown[:shown.index(" (due ")]           # the promise was shortened…
    assert due.endswith(")") and "2026" in due            # …its due date is whole
    assert long_chip.label.toolTip() == f"{LONG_PROMISE['en']}{due}"
    # The chips wrap: one under the other, each within the row.
    assert short_chip.geometry().top() > long_chip.geometry().bottom()
    assert short_chip.label.text() == short_chip.full_text       # one that fits is whole
    assert short_chip.label.text().startswith("Call back (due ")
    # A wider panel shows more of the promise.
    panel.resize(900, panel.height())
    settle()
    assert len(long_chip.label.text()) > len(shown)
    assert squeezed(panel) == [] and overlapping(panel) == []
    panel.drafts.hold()


def test_a_shortcut_scrolls_its_field_into_view(session, qtbot):
    panel = live_call(session, qtbot, "en", (390, 420))   # short: the fields scroll
    bar = panel.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=WAIT)
    panel.checklist.focus_list()     # below the fold: the fields scroll down to it
    settle()
    assert panel.checklist.list.hasFocus() and bar.value() > 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    settle()
    value = panel.references.value
    assert value.hasFocus()
    viewport = panel.form_scroll.viewport()
    shown = QRect(value.mapTo(viewport, value.rect().topLeft()), value.size())
    assert viewport.rect().contains(shown)
    panel.drafts.hold()
