"""Preparing a contact: the case's questions to ask and details to have ready.

`ChecklistPanel` sits beside the case's timeline, where the list is written, reordered and
ticked. `LiveChecklist` goes into the live call and the log dialog: the items still open,
ticked as they are answered and saved with that contact.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..kit import resources
from ..kit.session import weak
from .checklist_model import MAX_TEXT, ChecklistDelegate, ChecklistModel

LIVE_ROWS = 5  # the live list shows this many rows before it scrolls


def _list_view(model: ChecklistModel, parent: QWidget) -> QListView:
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(ChecklistDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setAccessibleName(QCoreApplication.translate("ChecklistPanel", "Checklist"))
    view.setIconSize(QSize(18, 18))
    return view


def _shortcut(keys, widget: QWidget, action) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), widget, action)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    return shortcut


def _keys(keys) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ChecklistPanel(QWidget):
    """The checklist of the case on screen, in its order; every change is saved at once."""

    interactionRequested = Signal(int)   # the contact an item was answered in
    openCountChanged = Signal(int)       # items not answered yet, for the tab's title

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("checklistPanel")
        self.model = ChecklistModel(session, self)
        self._to_select: int | None = None
        self.list = _list_view(self.model, self)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setToolTip(self.tr("Space ticks an item, {0} edits it, {1} removes it, "
                                     "{2} and {3} move it").format(
            _keys("F2"), _keys("Delete"), _keys("Ctrl+Up"), _keys("Ctrl+Down")))
        self.empty = QLabel(self.tr("Nothing prepared for this case yet: add your own, or "
                                    "let Suggest items add the usual ones for its category."))
        self.empty.setObjectName("emptyChecklist")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setEnabled(False)  # greyed: an explanation, not a message
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty)

        self.kind = QComboBox(self)
        self.kind.addItem(resources.icon("ask"), self.tr("Question to ask"), "ask")
        self.kind.addItem(resources.icon("have"), self.tr("Detail to have ready"), "have")
        self.kind.setAccessibleName(self.tr("Kind of item"))
        self.new_text = QLineEdit(self)
        self.new_text.setMaxLength(MAX_TEXT)
        self.new_text.setPlaceholderText(self.tr("Type it here; Enter adds it"))
        self.new_text.setAccessibleName(self.tr("New checklist item"))
        self.add_button = QPushButton(resources.icon("add"), self.tr("Add"), self)
        self.add_button.setAutoDefault(False)
        add_row = QHBoxLayout()
        add_row.addWidget(self.kind)
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.add_button)

        self.suggest_button = QPushButton(self.tr("Suggest items"), self)
        self.suggest_button.setAutoDefault(False)
        self.suggest_button.setToolTip(self.tr("Add the questions and details usual for this "
                                               "case's category that the list does not have"))
        style = self.style()
        self.up_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp),
                                    self.tr("Move up ({0})").format(_keys("Ctrl+Up")))
        self.down_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown),
                                      self.tr("Move down ({0})").format(_keys("Ctrl+Down")))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Remove the chosen item ({0})")
                                      .format(_keys("Delete")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        buttons.addWidget(self.remove_button)

        self.message = QLabel(self)
        self.message.setObjectName("checklistMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        # The controls first: an empty list's explanation then sits right under Suggest.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        # Tab as it reads: the adding row, the buttons, then the list under them.
        chain = [self.kind, self.new_text, self.add_button, self.suggest_button,
                 self.up_button, self.down_button, self.remove_button, self.list]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        self.new_text.returnPressed.connect(self.add_typed)
        self.new_text.textChanged.connect(self._update)
        self.add_button.clicked.connect(self.add_typed)
        self.suggest_button.clicked.connect(self.suggest)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.remove_button.clicked.connect(self.remove_current)
        self.list.customContextMenuRequested.connect(self._menu)
        _shortcut("Delete", self.list, self.remove_current)
        _shortcut("Ctrl+Up", self.list, lambda: self.move_current(-1))
        _shortcut("Ctrl+Down", self.list, lambda: self.move_current(+1))
        self.model.failed.connect(self._say)
        self.model.loaded.connect(self._loaded)
        for signal in (self.model.rowsMoved, self.model.rowsRemoved, self.model.dataChanged):
            signal.connect(self._update)
        self.list.selectionModel().currentChanged.connect(self._update)
        self._update()

    def _tool(self, icon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    # -- public ------------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        """Read and show this case's checklist (off the GUI thread)."""
        if case_id != self.model.case_id:
            self.message.hide()
        self.model.load(case_id)

    def show_items(self, case_id: int | None, items, contacts, error: str | None = None) -> None:
        """Show items read with the rest of the case (CaseView reads them in one go)."""
        if case_id != self.model.case_id:
            self.message.hide()
        self.model.set_items(case_id, items, contacts, error)

    def focus_list(self) -> None:
        """Keyboard: to the list, or to the field that adds the first item."""
        if self.model.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))
        else:
            self.new_text.setFocus()

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    # -- actions -----------------------------------------------------------------------

    def add_typed(self) -> None:
        text = self.new_text.text().strip()
        if not text or self.model.case_id is None:
            return
        self.new_text.clear()
        self._say("")
        self.model.add(self.kind.currentData(), text, weak(self._added))

    def _added(self, item) -> None:
        self._select(item.id)

    def suggest(self) -> None:
        self._say("")
        self.model.suggest(resources.current_language(), weak(self._suggested))

    def _suggested(self, added) -> None:
        if added:
            self._say(self.tr("%n suggested item(s) added.", "", len(added)))
            self._select(added[0].id)
        else:
            self._say(self.tr("Nothing to add: the list already has every suggested item."))

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self._say("")
        self.model.remove(row)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        # moveRow puts the row before its destination: one further when moving down.
        self.model.moveRow(QModelIndex(), row, QModelIndex(), target + (1 if step > 0 else 0))
        self.list.scrollTo(self.list.currentIndex())

    # -- showing -----------------------------------------------------------------------

    def _select(self, item_id: int) -> None:
        """Choose an item; one just written is chosen once the list has been read again."""
        row = self.model.row_of(item_id)
        self._to_select = None if row >= 0 else item_id
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self.list.scrollTo(self.model.index(row))

    def _loaded(self) -> None:
        if self._to_select is not None and self.model.row_of(self._to_select) >= 0:
            self._select(self._to_select)
        if self.model.error:
            self.empty.setText(self.model.error)
        else:
            self.empty.setText(self.tr("Nothing prepared for this case yet: add your own, or "
                                       "let Suggest items add the usual ones for its category."))
        self._update()

    def _update(self, *_args) -> None:
        has_case = self.model.case_id is not None
        rows, row = self.model.rowCount(), self.current_row()
        self.stack.setCurrentWidget(self.list if rows else self.empty)
        self.setFocusProxy(self.list if rows else self.new_text)
        self.add_button.setEnabled(has_case and bool(self.new_text.text().strip()))
        self.suggest_button.setEnabled(has_case)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)
        self.openCountChanged.emit(self.model.open_count())

    def _say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))

    def _menu(self, pos) -> None:
        index = self.list.indexAt(pos)
        item = self.model.item(index.row()) if index.isValid() else None
        if item is None:
            return
        self.list.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("Edit"), lambda: self.list.edit(index))
        if item.interaction_id is not None:
            iid = item.interaction_id
            menu.addAction(self.tr("Show the contact it was answered in"),
                           lambda: self.interactionRequested.emit(iid))
        menu.addAction(self.tr("Move up"), lambda: self.move_current(-1))
        menu.addAction(self.tr("Move down"), lambda: self.move_current(+1))
        menu.addSeparator()
        menu.addAction(self.tr("Remove"), self.remove_current)
        menu.popup(self.list.viewport().mapToGlobal(pos))


class LiveChecklist(QWidget):
    """The case's open items while a contact is being logged. Ticks are not written at once:
    they go with the contact (`log(..., answered=ticked())`), so what was not answered is
    still open at the next contact."""

    changed = Signal()   # the ticks changed: the host saves its draft

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("liveChecklist")
        self.model = ChecklistModel(session, self, live=True)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.list = _list_view(self.model, self)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Checklist items answered in this contact"))
        # Only as tall as its rows: the notes or the transcript take the room left.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        self.model.tickedChanged.connect(self.changed)
        self.model.tickedChanged.connect(self._show)
        self.model.loaded.connect(self._show)
        self.model.modelReset.connect(self._fit)
        self._show()

    def set_case(self, case_id: int | None) -> None:
        self.model.load(case_id)

    def ticked(self) -> list[int]:
        return self.model.ticked()

    def set_ticked(self, ids) -> None:
        self.model.set_ticked(ids)

    def focus_list(self) -> None:
        if self.model.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))

    def _show(self) -> None:
        rows, ticked = self.model.rowCount(), len(self.model.ticked())
        if self.model.case_id is None:
            text = ""
        elif self.model.error:
            text = self.model.error
        elif not rows:
            text = self.tr("Checklist: nothing left to ask or have ready.")
        elif not ticked:
            text = self.tr("Checklist: tick what gets answered")
        else:
            text = self.tr("Checklist: %n answered in this contact", "", ticked)
        self.title.setText(text)
        self.title.setVisible(bool(text))
        self.list.setVisible(rows > 0)

    def _fit(self) -> None:
        """As tall as its rows, up to LIVE_ROWS: the notes keep the room."""
        rows = self.model.rowCount()
        if not rows:
            return
        height = sum(self.list.sizeHintForRow(r) for r in range(min(rows, LIVE_ROWS)))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 2)
