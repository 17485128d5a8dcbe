"""The main window's actions, and the menus and toolbar that hold them.

Every key of the window is on an action in a menu, with its key beside it: the Keyboard
shortcuts window (dialogs/shortcuts_dialog.py) lists the menus' actions as they are, so the
list cannot drift from what the keys do. The strings keep the window's context
("MainWindow"): the menus are the window's, moved here only to keep main_window.py short.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from .dialogs.journal_tasks import JournalTasks
from .kit import resources

translate = QCoreApplication.translate


def key_text(keys) -> str:
    """Keys as the user's platform writes them ("Ctrl+Shift+E"; "⇧⌘E" on a Mac)."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in keys)


def add_action(window, icon: str, text: str, slot, shortcuts=(), tip: str = "") -> QAction:
    """An action of the window: its keys work anywhere in the program, and its tooltip says
    them."""
    action = QAction(resources.icon(icon), text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(f"{tip or text} ({key_text(shortcuts)})")
    elif tip:
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _fill(menu, actions) -> None:
    for action in actions:
        menu.addSeparator() if action is None else menu.addAction(action)


def call_actions(capture) -> list[QAction]:
    """The live call's actions (hold, promise, reference, …), owned by the call panel."""
    actions = getattr(capture, "call_actions", None)
    return list(actions()) if actions is not None else []


def build_menus(w) -> None:
    """Make the window's actions (as attributes of `w`), its menus and its toolbar."""
    def a(*args) -> QAction:
        return add_action(w, *args)

    w.new_case_action = a("add", translate("MainWindow", "New case…"), w.new_case, ["Ctrl+N"],
                          translate("MainWindow", "Open a new case"))
    w.call_action = a("call", translate("MainWindow", "Start call"), w.start_call, ["Ctrl+T"],
                      translate("MainWindow",
                                "Start a call on the chosen case, with a timer and notes"))
    w.failed_action = a("failed-call", translate("MainWindow", "Failed attempt…"),
                        w.failed_attempt, ["Ctrl+Shift+F"],
                        translate("MainWindow", "Record a call that did not connect"))
    w.log_action = a("chat", translate("MainWindow", "Log chat or email…"), w.log_message,
                     ["Ctrl+E"],
                     translate("MainWindow", "Log a chat, email or message with its files"))
    w.import_action = a("attachment", translate("MainWindow", "Import evidence…"),
                        w.import_evidence, ["Ctrl+I"],
                        translate("MainWindow",
                                  "Import e-mails, chat exports and transcripts into the case"))
    w.export_action = a("export", translate("MainWindow", "Export case file…"), w.export_case,
                        ["Ctrl+Shift+E"],
                        translate("MainWindow",
                                  "A PDF for a dispute, or a bundle anyone can check"))
    w.letter_action = a("letter", translate("MainWindow", "Write a letter…"), w.write_letter,
                        ["Ctrl+Shift+L"],
                        translate("MainWindow", "A complaint, chaser, data access request, "
                                                "chargeback or police letter, filled from the "
                                                "case"))
    w.calendar_action = a("promise", translate("MainWindow", "Export to calendar…"),
                          w.export_calendar, [],
                          translate("MainWindow", "Every pending promise and deadline as "
                                                  "events with alarms, for your calendar"))
    w.search_action = a("search", translate("MainWindow", "Search…"), w.search,
                        ["Ctrl+F", "Ctrl+K"],
                        translate("MainWindow",
                                  "Search every note, agent and reference number"))
    w.promises_action = a("promise", translate("MainWindow", "Promises"), w.show_promises,
                          ["Ctrl+P"])
    w.stats_action = a("case", translate("MainWindow", "Response times…"), w.stats,
                       ["Ctrl+Shift+S"],
                       translate("MainWindow",
                                 "How each platform answered you, from your own record"))
    w.cases_action = a("case", translate("MainWindow", "Cases"), w.show_cases, ["Ctrl+1"])
    w.directory_action = a("directory", translate("MainWindow", "Platforms and channels…"),
                           w.directory, ["Ctrl+D"])
    w.preferences_action = a("preferences", translate("MainWindow", "Preferences…"),
                             w.preferences,
                             [QKeySequence.StandardKey.Preferences, "Ctrl+,"])
    w.lock_action = a("lock", translate("MainWindow", "Lock"), w.lock, ["Ctrl+L"],
                      translate("MainWindow", "Hide the journal behind the passphrase"))
    w.quit_action = a("", translate("MainWindow", "Quit"), w.close, ["Ctrl+Q"])
    w.shortcuts_action = a("", translate("MainWindow", "Keyboard shortcuts…"),
                           w.show_shortcuts, ["F1", "Ctrl+/"],
                           translate("MainWindow", "Every key of the window and of a call"))
    w.about_action = a("", translate("MainWindow", "About Support Journal"), w.about)
    # The case's checklist tab (Ctrl+Shift+K) is the case view's own action.
    checklist_action = w.case_view.checklist_action

    # Check, back up and import a dump: long work, with its progress and a Cancel button.
    w.journal_tasks = JournalTasks(w.session, w)
    bar = w.menuBar()
    journal = bar.addMenu(translate("MainWindow", "&Journal"))
    _fill(journal, (w.new_case_action, w.export_action, w.letter_action, w.calendar_action,
                    w.directory_action, None,
                    *w.journal_tasks.actions, None,
                    w.preferences_action, w.lock_action, None, w.quit_action))
    log = bar.addMenu(translate("MainWindow", "&Log"))
    _fill(log, (w.call_action, w.failed_action, w.log_action, w.import_action))
    # What the keys of a live call do, with the keys: enabled while a call is in progress.
    call = bar.addMenu(translate("MainWindow", "&Call"))
    call.setObjectName("callMenu")
    live = call_actions(w.capture)
    _fill(call, (*live[:6], None, *live[6:]) if len(live) > 6 else live)
    view = bar.addMenu(translate("MainWindow", "&View"))
    _fill(view, (w.search_action, w.cases_action, w.promises_action, checklist_action,
                 w.stats_action))
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    _fill(help_menu, (w.shortcuts_action, None, w.about_action))
    # The Keyboard shortcuts window's sections, each named for what its keys are for.
    w.shortcut_groups = [(translate("MainWindow", "Journal"), journal),
                         (translate("MainWindow", "Log"), log),
                         (translate("MainWindow", "During a call"), call),
                         (translate("MainWindow", "View"), view),
                         (translate("MainWindow", "Help"), help_menu)]

    w.toolbar = w.addToolBar(translate("MainWindow", "Main"))
    w.toolbar.setObjectName("mainToolbar")
    w.toolbar.setMovable(False)
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    _fill(w.toolbar, (w.new_case_action, w.call_action, w.failed_action, w.log_action, None,
                      w.search_action, w.export_action, w.directory_action, None,
                      w.lock_action))
    # Enabled only while the journal is open.
    w.journal_actions = [w.new_case_action, w.call_action, w.failed_action, w.log_action,
                         w.import_action, w.letter_action, w.calendar_action,
                         w.export_action, w.search_action, w.promises_action, w.stats_action,
                         w.cases_action, w.directory_action, w.lock_action, checklist_action]
