"""How the live-call panel is laid out: case and channel, the clock, the agent's details, the
notes and the checklist; under them, always in view, the scam alarm and End / Cancel.

The panel shares the window with the case list and the case (a third of 1280 pixels), so
when everything does not fit, the fields scroll: no field is ever squeezed below the size it
needs, and End call stays visible under the scrolled part.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ..checklist.checklist_panel import LiveChecklist
from ..kit import formatting, labels
from ..promises.promise_editor import PromisesField, ReferencesField
from .failed_attempt import FAILED_OUTCOMES, ChannelPicker
from .language_picker import LanguagePicker
from .scam_banner import ScamBanner

translate = QCoreApplication.translate
NOTES_LINES = 5   # the notes never shrink below this many lines: the form scrolls instead


class FormScroll(QScrollArea):
    """Scrolls the panel's fields up and down, never sideways: it is as wide as they need."""

    def __init__(self, form: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("callForm")
        self.setWidget(form)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a stop of its own: Tab goes through the fields, and the area scrolls to each
        # field that gets the keyboard (by Tab, a click or a shortcut such as Ctrl+Shift+R).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(translate("CallCapture", "Call details"))
        QApplication.instance().focusChanged.connect(self._show_focused)

    def _show_focused(self, _old, new) -> None:
        # Not for a click: what was clicked is in view, and must not move under the pointer.
        if new is not None and self.widget().isAncestorOf(new) \
                and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.ensureWidgetVisible(new, 0, 8)

    def minimumSizeHint(self) -> QSize:
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = self.widget().minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return self.widget().sizeHint().expandedTo(self.minimumSizeHint())


def _label_gap(form: QFormLayout, panel) -> None:
    """Put the gap between label and field inside the label. QFormLayout decides whether a
    row fits side by side without counting that gap, and would squeeze the field by it."""
    gap = panel.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
    form.setHorizontalSpacing(0)
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            item.widget().setContentsMargins(0, 0, max(gap, 0), 0)


def build(panel) -> None:
    """Make the widgets of `panel` (a CallCapture) as its attributes, and lay them out."""
    panel.case = QComboBox()
    panel.case.setAccessibleName(translate("CallCapture", "Case"))
    panel.case.setPlaceholderText(translate("CallCapture", "Choose the case…"))
    panel.case.setSizeAdjustPolicy(
        QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    panel.case.setMinimumContentsLength(20)
    panel.channel = ChannelPicker(panel.session, translate("CallCapture", "Other number…"), panel)
    setup = QFormLayout()
    setup.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    setup.addRow(translate("CallCapture", "Ca&se"), panel.case)
    setup.addRow(translate("CallCapture", "Cha&nnel"), panel.channel)
    _label_gap(setup, panel)

    panel.clock = QLabel(formatting.clock(0))
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * 2.6)
    font.setFeature(QFont.Tag("tnum"), 1)  # digits of equal width: the clock does not jiggle
    panel.clock.setFont(font)
    panel.clock.setAccessibleName(translate("CallCapture", "Call duration"))
    panel.state = QLabel(translate("CallCapture", "On the line"))
    panel.hold_total = QLabel()
    panel.hold = QPushButton(translate("CallCapture", "On hold"))
    panel.hold.setCheckable(True)
    panel.hold.setAutoDefault(False)
    # A push button with a menu draws its arrow beside the text and makes room for it.
    panel.no_connect = QPushButton(translate("CallCapture", "Didn't connect"))
    panel.no_connect.setAutoDefault(False)
    menu = QMenu(panel.no_connect)
    for outcome in FAILED_OUTCOMES:
        menu.addAction(labels.outcome(outcome), lambda o=outcome: panel.log_not_connected(o))
    panel.no_connect.setMenu(menu)
    timer_row = QHBoxLayout()
    timer_row.addWidget(panel.clock)
    states = QVBoxLayout()
    states.addWidget(panel.state)
    states.addWidget(panel.hold_total)
    timer_row.addLayout(states, 1)
    buttons_row = QHBoxLayout()
    buttons_row.addWidget(panel.hold)
    buttons_row.addWidget(panel.no_connect)
    buttons_row.addStretch(1)

    panel.agent = QLineEdit()
    panel.agent.setPlaceholderText(translate("CallCapture", "Name or ID the agent gave"))
    panel.agent.setAccessibleName(translate("CallCapture", "Agent"))
    panel.language = LanguagePicker(panel)
    panel.references = ReferencesField(panel)
    panel.promises = PromisesField(panel)
    details = QFormLayout()
    # A field that does not fit beside its label (a narrow panel, large text) goes under it.
    details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    # No mnemonic here: Alt+A is the agent action's (call_actions).
    details.addRow(translate("CallCapture", "Agent"), panel.agent)
    details.addRow(translate("CallCapture", "Lan&guage"), panel.language)
    details.addRow(translate("CallCapture", "&Reference"), panel.references)
    details.addRow(translate("CallCapture", "Promises"), panel.promises)
    _label_gap(details, panel)

    panel.notes = QPlainTextEdit()
    # NOTES_LINES lines at the least and no wish for more: the room left is the notes' (their
    # stretch), and when there is none the fields scroll.
    lines = panel.notes.fontMetrics().lineSpacing() * NOTES_LINES
    panel.notes.setMinimumHeight(lines + 2 * panel.notes.frameWidth() + 8)
    panel.notes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    panel.notes.setPlaceholderText(translate(
        "CallCapture", "Notes: what they said, what you asked, what happens next…"))
    panel.notes.setAccessibleName(translate("CallCapture", "Notes"))
    panel.checklist = LiveChecklist(panel.session, panel)  # ticks go with the call, not before
    # Below the fields, outside what scrolls: always in view, and when it appears (or opens
    # its advice) the text being typed does not move. (Made in reading order: so is Tab.)
    panel.scam_banner = ScamBanner(panel)

    panel.draft_state = QLabel()
    panel.draft_state.setEnabled(False)  # greyed: a quiet indicator, not a message
    panel.draft_state.setWordWrap(True)   # beside the buttons: two short lines if narrow
    panel.draft_state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    panel.message = QLabel()
    panel.message.setWordWrap(True)
    panel.message.hide()
    panel.cancel = QPushButton(translate("CallCapture", "Cancel call"))
    panel.cancel.setAutoDefault(False)
    panel.end = QPushButton(translate("CallCapture", "End call"))
    panel.end.setDefault(True)
    bottom = QHBoxLayout()
    bottom.addWidget(panel.draft_state, 1)
    bottom.addWidget(panel.cancel)
    bottom.addWidget(panel.end)

    form = QWidget()
    form.setObjectName("callFields")
    fields = QVBoxLayout(form)
    fields.setContentsMargins(0, 0, 0, 0)
    fields.addLayout(setup)
    fields.addLayout(timer_row)
    fields.addLayout(buttons_row)
    fields.addLayout(details)
    fields.addWidget(panel.notes, 1)
    fields.addWidget(panel.checklist)
    panel.form_scroll = FormScroll(form, panel)
    layout = QVBoxLayout(panel)
    layout.addWidget(panel.form_scroll, 1)
    layout.addWidget(panel.scam_banner)
    layout.addWidget(panel.message)
    layout.addLayout(bottom)
    # The banner was made before the fields moved into the scroll area: in reading order its
    # button comes after the notes and the checklist, before Cancel and End.
    chain = [panel.notes, panel.checklist.list, panel.scam_banner.details_button,
             panel.cancel, panel.end]
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
