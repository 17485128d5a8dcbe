"""What the mouse and the keyboard do on a case's timeline (case_timeline.py): a click on a
chip copies its number, on a button acts, on a picture shows it larger; arrows choose an
entry, Tab walks its buttons and chips, Enter or Space acts, Ctrl+C copies."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
)

from ...domain.model import Interaction
from ..dialogs.image_preview import ImagePreview
from ..kit.session import weak
from .interaction_card import CHIP, THUMB, InteractionCard
from .timeline_style import headline

COPIED_MS = 1200


class TimelineInput:
    """Mixed into CaseTimeline (a QListView): its events, and what they do to the cards."""

    # -- the mouse ---------------------------------------------------------------------

    def _hit(self, pos: QPoint):
        """(row, card, index of the part in its actions or -1) under a viewport point."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        card = self._card(index.row())
        part = card.at(pos - self.visualRect(index).topLeft())
        return index.row(), card, card.actions.index(part) if part is not None else -1

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mousePressEvent(event)
        hit = self._hit(event.position().toPoint())
        self._pressed = None
        if hit and hit[2] >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self._focused = (hit[1].interaction.id, hit[2])
        self.viewport().update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        hit = self._hit(event.position().toPoint())
        self.viewport().update()
        if pressed and hit and (hit[1].interaction.id, hit[2]) == pressed:
            self._activate(hit[1], hit[1].actions[hit[2]])

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().mouseMoveEvent(event)
        hit = self._hit(event.position().toPoint())
        hovered = (hit[1].interaction.id, hit[2]) if hit and hit[2] >= 0 else None
        if hovered != self._hovered:
            self._hovered = hovered
            if hovered:
                self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.viewport().unsetCursor()
            self.viewport().update()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().leaveEvent(event)
        if self._hovered:
            self._hovered = None
            self.viewport().unsetCursor()
            self.viewport().update()

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            index = self.indexAt(pos)
            tip = ""
            if index.isValid():
                card = self._card(index.row())
                tip = card.tip_at(pos - self.visualRect(index).topLeft())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        card = self._card(index.row())
        menu = QMenu(self)
        translate = QCoreApplication.translate   # in CaseTimeline's words: it is that widget
        menu.addAction(translate("CaseTimeline", "Copy entry"),
                       lambda: self._copy(card.plain_text()))
        if card.interaction.notes:
            menu.addAction(translate("CaseTimeline", "Copy note"),
                           lambda: self._copy(card.interaction.notes))
        for chip in card.chips:
            menu.addAction(translate("CaseTimeline", "Copy {0}").format(chip.label),
                           lambda chip=chip: self._copy_chip(card, chip))
        acts = [p for p in card.actions if p.kind not in (CHIP, THUMB)]
        if acts:
            menu.addSeparator()
        for button in acts:
            menu.addAction(button.label, lambda button=button: self._activate(card, button))
        menu.popup(event.globalPos())

    # -- the keyboard ------------------------------------------------------------------

    def _current_card(self) -> InteractionCard | None:
        row = self.currentIndex().row()
        if row < 0 and self.model().rowCount():
            row = self.model().rowCount() - 1   # none chosen yet: the newest
            self.setCurrentIndex(self.model().index(row))
        return self._card(row) if row >= 0 else None

    def _focused_part(self, card: InteractionCard | None):
        if card is None or self._focused is None or self._focused[0] != card.interaction.id:
            return -1
        found = self._focused[1]
        return found if isinstance(found, int) and found < len(card.actions) else -1

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab: the next button or chip of the chosen entry; past its last, out."""
        card = self._current_card() if self.model().rowCount() else None
        if card is not None and card.actions:
            at = self._focused_part(card)
            step = at + 1 if forward else (len(card.actions) - 1 if at < 0 else at - 1)
            if 0 <= step < len(card.actions):
                self._focus_part(card, step)
                return True
        self._focused = None
        self.viewport().update()
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        card = self._current_card()
        if card is not None and card.actions:
            if event.reason() == Qt.FocusReason.TabFocusReason:
                self._focus_part(card, 0)
            elif event.reason() == Qt.FocusReason.BacktabFocusReason:
                self._focus_part(card, len(card.actions) - 1)

    def _focus_part(self, card: InteractionCard, number: int) -> None:
        self._focused = (card.interaction.id, number)
        row = self.model().row_of(card.interaction.id)
        self.scrollTo(self.model().index(row))
        self.viewport().update()

    def currentChanged(self, current, previous) -> None:  # noqa: N802 - Qt's name
        super().currentChanged(current, previous)
        item = self.model().interaction(current.row())
        if self._focused and (item is None or self._focused[0] != item.id):
            self._focused = None
        self.viewport().update()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        card = self._current_card() if self.model().rowCount() else None
        at = self._focused_part(card)
        if event.matches(QKeySequence.StandardKey.Copy) and card is not None:
            if at >= 0 and card.actions[at].kind == CHIP:
                self._copy_chip(card, card.actions[at])
            else:
                self._copy(card.plain_text())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and at >= 0:
            self._activate(card, card.actions[at])
            return
        super().keyPressEvent(event)

    # -- acting ------------------------------------------------------------------------

    def _activate(self, card: InteractionCard, part) -> None:
        item = card.interaction
        if part.kind == CHIP:
            self._copy_chip(card, part)
        elif part.kind == THUMB:
            self._preview(part.value, part.label)
        elif part.name == "amendButton":
            self.amendRequested.emit(item.id)
        elif part.name == "historyButton":
            self.historyRequested.emit(item.id)
        elif part.name == "wholeNote":
            self._show_whole_note(item)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def _copy_chip(self, card: InteractionCard, chip) -> None:
        self._copy(chip.value)
        chip.copied = True
        rect = self.card_rect(card.interaction.id)
        QToolTip.showText(self.viewport().mapToGlobal(chip.rect.translated(
            rect.topLeft()).bottomLeft()), chip.text(), self.viewport())
        self.viewport().update()

        def restore():
            chip.copied = False
            self.viewport().update()
        QTimer.singleShot(COPIED_MS, self, restore)

    def _show_whole_note(self, item: Interaction) -> None:
        """A read-only editor in its own window: it copes with a million characters."""
        dialog = QDialog(self)
        dialog.setObjectName("wholeNote")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        row = self.model().row_of(item.id)
        dialog.setWindowTitle(self.model().index(row).data() if row >= 0 else headline(item))
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setAccessibleName(QCoreApplication.translate("CaseTimeline", "Note"))
        text.setPlainText(item.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(720, 560)
        dialog.open()
        text.setFocus()

    def _preview(self, attachment_id: int, name: str) -> None:
        self._session.read(lambda j: j.attachment_bytes(attachment_id),
                           weak(self._show_preview, name, attachment_id),
                           weak(self._preview_failed))

    def _show_preview(self, name: str, attachment_id: int, data: bytes) -> None:
        # Decoded in memory, no temp file; beside it, the text read out of it.
        dialog = ImagePreview(data, name, self, session=self._session,
                              attachment_id=attachment_id)
        dialog.setObjectName("imagePreview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _preview_failed(self, sentence: str) -> None:
        if self._session.is_open:   # not locked meanwhile: the window says it
            self._session.failed.emit(sentence)
