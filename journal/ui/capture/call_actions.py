"""The live call's actions (hold, promise, reference, agent, didn't connect, checklist, end,
discard) as QActions, so the window can list them in its Call menu and its Keyboard
shortcuts window with their keys, and the panel's buttons show the same keys in their tips.

They are enabled only while a call is in progress. Ctrl+Return ends the call only while the
keyboard is in the panel (Enter in another field or window is never taken); the Ctrl+Shift
keys work anywhere in the call's window, since the user may be reading the case meanwhile.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

IN_WINDOW = Qt.ShortcutContext.WindowShortcut
IN_PANEL = Qt.ShortcutContext.WidgetWithChildrenShortcut


translate = QCoreApplication.translate


def key_text(action: QAction) -> str:
    """The action's main key as the user's platform writes it: "Ctrl+Shift+H"."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


@dataclass
class CallActions:
    hold: QAction
    promise: QAction
    reference: QAction
    agent: QAction
    not_connected: QAction
    checklist: QAction
    end: QAction
    discard: QAction

    def all(self) -> list[QAction]:
        return [self.hold, self.promise, self.reference, self.agent, self.not_connected,
                self.checklist, self.end, self.discard]

    def set_enabled(self, enabled: bool) -> None:
        for action in self.all():
            action.setEnabled(enabled)


def build_call_actions(panel) -> CallActions:
    """The actions of `panel` (a CallCapture), added to it; each also sets the tooltip of the
    control it stands for, with its key."""

    def make(name: str, text: str, keys: list[str], slot, tip: str, control,
             context=IN_WINDOW) -> QAction:
        action = QAction(text, panel)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(context)
        action.setToolTip(tip.format(key_text(action)))
        action.setStatusTip(action.toolTip())
        action.triggered.connect(slot)
        panel.addAction(action)
        control.setToolTip(action.toolTip())
        return action

    hold = make("callHoldAction", translate("CallActions", "&Hold / back on the line"),
                ["Ctrl+Shift+H"], lambda: panel.hold.click(),
                translate("CallActions", "Mark the time you are on hold, and back ({0})"),
                panel.hold)
    hold.setCheckable(True)
    panel.hold.toggled.connect(hold.setChecked)
    promise = make("callPromiseAction", translate("CallActions", "Add a &promise…"),
                   ["Ctrl+Shift+P"], lambda: panel.add_promise(),
                   translate("CallActions", "Record what they promised and by when ({0})"),
                   panel.promises.add_button)
    reference = make("callReferenceAction", translate("CallActions", "Type a &reference"),
                     ["Ctrl+Shift+R"], lambda: panel.references.value.setFocus(),
                     translate("CallActions", "Type a ticket or reference number ({0})"),
                     panel.references.add_button)
    value = panel.references.value
    value.setToolTip(f"{reference.toolTip()}\n{value.toolTip()}")
    agent = make("callAgentAction", translate("CallActions", "The &agent's name"),
                 ["Alt+A"], lambda: panel.agent.setFocus(),
                 translate("CallActions", "The agent's name or ID ({0})"), panel.agent,
                 IN_PANEL)
    not_connected = make("callNotConnectedAction", translate("CallActions", "&Didn't connect…"),
                         ["Ctrl+Shift+D"], lambda: panel.no_connect.showMenu(),
                         translate("CallActions",
                                   "Log an attempt that did not get through ({0})"),
                         panel.no_connect)
    checklist = make("callChecklistAction", translate("CallActions", "Tick the &checklist"),
                     ["Ctrl+Shift+C"], lambda: panel.checklist.focus_list(),
                     translate("CallActions", "Tick what was answered; Space ticks ({0})"),
                     panel.checklist.list)
    end = make("callEndAction", translate("CallActions", "&End and save the call"),
               ["Ctrl+Return", "Ctrl+Enter"], lambda: panel.end_call(),
               translate("CallActions", "Save the call and its notes ({0})"), panel.end,
               IN_PANEL)
    discard = make("callDiscardAction", translate("CallActions", "Discard the call…"),
                   ["Ctrl+Shift+X"], lambda: panel.cancel_call(),
                   translate("CallActions", "Discard this call without saving ({0})"),
                   panel.cancel)
    return CallActions(hold, promise, reference, agent, not_connected, checklist, end, discard)
