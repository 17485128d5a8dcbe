"""A case's checklist as a Qt model, and how an answered item is drawn.

The case view edits the list (text, order, ticks are written at once); a contact being
logged shows only the items still open and keeps its ticks until the contact is saved.
"""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ...domain import times
from ...domain.model import ChecklistItem
from ..kit import formatting, labels, resources
from ..kit.session import CHECKLIST, TIMELINE, weak

ItemRole = Qt.ItemDataRole.UserRole + 1       # the ChecklistItem
ItemIdRole = Qt.ItemDataRole.UserRole + 2
AnsweredRole = Qt.ItemDataRole.UserRole + 3   # "Answered 11/25/26 · Call of …", or None
MIME = "application/x-journal-checklist-item"
MAX_TEXT = 500


def read_checklist(journal, case_id: int):
    """A case's items, and the contacts they were answered in (on the worker)."""
    items = journal.checklist(case_id)
    contacts = {}
    for item in items:
        if item.interaction_id is not None and item.interaction_id not in contacts:
            contacts[item.interaction_id] = journal.interaction(item.interaction_id)
    return items, contacts


def _checked(value) -> bool:
    return value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)


class ChecklistModel(QAbstractListModel):
    """One case's items in their order. In the case view a change shows at once and is written
    through the session (a failure puts back what the journal holds); `live` lists only the
    open items, and its ticks stay here until the contact they were answered in is logged."""

    failed = Signal(str)       # one sentence
    tickedChanged = Signal()   # live: the ticks of the contact being logged changed
    loaded = Signal()

    def __init__(self, session, parent=None, *, live: bool = False):
        super().__init__(parent)
        self._session = session
        self.live = live
        self.case_id: int | None = None
        self.error: str | None = None
        self._items: list[ChecklistItem] = []
        self._contacts: dict = {}
        self._ticked: set[int] = set()
        self._pending = 0      # writes not yet back: a refresh waits for them
        self._stale = False
        self._generation = 0   # bumped by every load: an older answer is dropped
        self._loading = False  # live ticks set meanwhile are kept until the items come
        self._refresh = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        session.changed.connect(self._on_changed)
        if live:   # a contact being typed through a lock: its items come back with the key
            session.lockedChanged.connect(self._on_locked)

    # -- reading -----------------------------------------------------------------------

    def load(self, case_id: int | None) -> None:
        """Read the case's items off the GUI thread; what is shown stays until they come."""
        self._generation += 1
        if case_id is None:
            self.set_items(None, [], {})
            return
        self._loading = True
        self._session.read(lambda j: read_checklist(j, case_id),
                           weak(self._read, self._generation, case_id),
                           weak(self._not_read, self._generation, case_id))

    def _read(self, generation: int, case_id: int, answer) -> None:
        if generation == self._generation:
            self.set_items(case_id, *answer)

    def _not_read(self, generation: int, case_id: int, sentence: str) -> None:
        if generation == self._generation:
            self.set_items(case_id, [], {}, sentence)

    def set_items(self, case_id: int | None, items, contacts, error: str | None = None) -> None:
        """Show what was read (read_checklist); rows that stay in the same order are updated
        in place, so the selection and an open editor survive a refresh."""
        self._generation += 1   # this answer is newer than any still on its way
        self._loading = False
        if self._pending and case_id == self.case_id:
            self._stale = True      # read before a change still on its way: read again after
            return
        if self.live:
            items = [i for i in items if not i.answered]
        same = case_id == self.case_id and [i.id for i in items] == self.ids()
        if same:
            self._items, self._contacts, self.error = list(items), contacts, error
            if items:
                self.dataChanged.emit(self.index(0), self.index(len(items) - 1))
        else:
            self.beginResetModel()
            self.case_id, self._items, self._contacts, self.error = (
                case_id, list(items), contacts, error)
            self.endResetModel()
        if self.live and error is None:
            self._keep_ticks(self._ticked & set(self.ids()))
        self.loaded.emit()

    def refresh(self) -> None:
        if self._pending:
            self._stale = True
        elif self.case_id is not None:
            self.load(self.case_id)

    def _on_changed(self, topic: str) -> None:
        # TIMELINE too: an item names the contact it was answered in.
        if topic in (CHECKLIST, TIMELINE) and self._session.is_open:
            self._refresh.start()   # one read for the kinds of one change

    def _on_locked(self, locked: bool) -> None:
        if not locked:
            self.refresh()

    def ids(self) -> list[int]:
        return [i.id for i in self._items]

    def items(self) -> list[ChecklistItem]:
        return list(self._items)

    def item(self, row: int) -> ChecklistItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int) -> int:
        ids = self.ids()
        return ids.index(item_id) if item_id in ids else -1

    def open_count(self) -> int:
        return sum(not i.answered for i in self._items)

    # -- live ticks --------------------------------------------------------------------

    def ticked(self) -> list[int]:
        if self._loading:   # the items are on their way: the ticks as they were set
            return sorted(self._ticked)
        return [i for i in self.ids() if i in self._ticked]

    def set_ticked(self, ids) -> None:
        ticks = {int(i) for i in ids}
        self._keep_ticks(ticks if self._loading else ticks & set(self.ids()))
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1),
                                  [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole])

    def _keep_ticks(self, ticks: set[int]) -> None:
        if ticks != self._ticked:
            self._ticked = ticks
            self.tickedChanged.emit()

    # -- the model ---------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def kind_text(self, kind) -> str:
        return (self.tr("Question to ask") if kind.value == "ask"
                else self.tr("Detail to have ready"))

    def answered_text(self, item: ChecklistItem) -> str | None:
        if self.live or not item.answered:
            return None
        contact = self._contacts.get(item.interaction_id)
        if contact is None:
            return self.tr("Answered {0}").format(formatting.date(item.answered_at))
        return self.tr("Answered {0} · {1} of {2}").format(
            formatting.date(item.answered_at), labels.interaction_kind(contact.kind),
            formatting.date_time(contact.started_at, with_offset=False))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        done = item.id in self._ticked if self.live else item.answered
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            return resources.icon(item.kind.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, [self.kind_text(item.kind), self.answered_text(item)]))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ": ".join(filter(None, [self.kind_text(item.kind), item.text,
                                           self.answered_text(item)]))
        if role == Qt.ItemDataRole.FontRole and done:
            font = QFont(QApplication.font())
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and done:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == ItemRole:
            return item
        if role == ItemIdRole:
            return item.id
        if role == AnsweredRole:
            return self.answered_text(item)
        return None

    def flags(self, index):
        if not index.isValid():
            return (Qt.ItemFlag.NoItemFlags if self.live else Qt.ItemFlag.ItemIsDropEnabled)
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)
        if not self.live:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            return self._tick(index, item, _checked(value))
        if role != Qt.ItemDataRole.EditRole or self.live:
            return False
        text = str(value or "").strip()
        if text == item.text:
            return False
        if not text:
            self.failed.emit(self.tr("An item needs some text; to take it off the list, "
                                     "remove it."))
            return False
        self._replace(index, dataclasses.replace(item, text=text))
        self._write(lambda j: j.edit_checklist_item(item.id, text))
        return True

    def _tick(self, index, item: ChecklistItem, on: bool) -> bool:
        if self.live:
            ticks = set(self._ticked)
            ticks.add(item.id) if on else ticks.discard(item.id)
            self._keep_ticks(ticks)
            self.dataChanged.emit(index, index)
            return True
        if on == item.answered:
            return False
        self._replace(index, dataclasses.replace(
            item, answered_at=times.now_text() if on else None, interaction_id=None))
        self._write(lambda j: j.tick_checklist_item(item.id, on))
        return True

    def _replace(self, index, item: ChecklistItem) -> None:
        self._items[index.row()] = item
        self.dataChanged.emit(index, index)

    # -- order: Ctrl+Up/Down and drag and drop ------------------------------------------

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        ids = [str(self.item(i.row()).id) for i in indexes if self.item(i.row())]
        mime.setData(MIME, ",".join(ids).encode())
        return mime

    def moveRows(self, source_parent, source_row: int, count: int, destination_parent,
                 destination_child: int) -> bool:
        """Move one row before `destination_child` (the list view's drop calls this too)."""
        if (self.live or count != 1 or source_parent.isValid() or destination_parent.isValid()
                or not 0 <= source_row < len(self._items)
                or not 0 <= destination_child <= len(self._items)
                or destination_child in (source_row, source_row + 1)):
            return False
        self.beginMoveRows(QModelIndex(), source_row, source_row, QModelIndex(),
                           destination_child)
        item = self._items.pop(source_row)
        position = destination_child if destination_child < source_row else destination_child - 1
        self._items.insert(position, item)
        self.endMoveRows()
        self._write(lambda j: j.move_checklist_item(item.id, position))
        return True

    # -- writing -----------------------------------------------------------------------

    def remove(self, row: int) -> None:
        item = self.item(row)
        if item is None or self.live:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._items[row]
        self.endRemoveRows()
        self._write(lambda j: j.remove_checklist_item(item.id))

    def add(self, kind: str, text: str, on_done=None) -> None:
        case_id = self.case_id
        if case_id is not None:
            self._write(lambda j: j.add_checklist_item(case_id, text, kind=kind), on_done)

    def suggest(self, language: str, on_done=None) -> None:
        case_id = self.case_id
        if case_id is not None:
            self._write(lambda j: j.suggest_checklist(case_id, language=language), on_done)

    def _write(self, fn, on_done=None) -> None:
        self._pending += 1
        self._session.submit(fn, on_done=weak(self._written, on_done),
                             on_error=weak(self._not_written))

    def _settle(self) -> None:
        self._pending -= 1
        if not self._pending and self._stale:
            self._stale = False
            self.refresh()

    def _written(self, on_done, value) -> None:
        self._settle()
        if on_done is not None:
            on_done(value)

    def _not_written(self, sentence: str) -> None:
        self._stale = True  # show what the journal holds, not the change that failed
        self._settle()
        self.failed.emit(sentence)


class ChecklistDelegate(QStyledItemDelegate):
    """An answered item: its text struck through and greyed, when and where it was answered
    in a smaller line below."""

    def createEditor(self, parent, option, index):
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setMaxLength(MAX_TEXT)
        return editor

    def _note_font(self, font: QFont) -> QFont:
        small = QFont(font)
        small.setStrikeOut(False)
        small.setPointSizeF(font.pointSizeF() * 0.88)
        return small

    def sizeHint(self, option, index):
        size = super().sizeHint(option, index)
        if index.data(AnsweredRole):
            lines = (QFontMetrics(option.font).height()
                     + QFontMetrics(self._note_font(option.font)).height() + 6)
            size.setHeight(max(size.height(), lines))
        return size

    def paint(self, painter, option, index) -> None:
        note = index.data(AnsweredRole)
        if not note:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        area = area.adjusted(3, 0, -3, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected
                else QPalette.ColorRole.PlaceholderText)
        small = self._note_font(opt.font)
        first, second = QFontMetrics(opt.font), QFontMetrics(small)
        top = area.center().y() - (first.height() + second.height()) // 2
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        painter.drawText(QRect(area.left(), top, area.width(), first.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         first.elidedText(text, Qt.TextElideMode.ElideRight, area.width()))
        painter.setFont(small)
        painter.drawText(QRect(area.left(), top + first.height(), area.width(), second.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         second.elidedText(note, Qt.TextElideMode.ElideRight, area.width()))
        painter.restore()
