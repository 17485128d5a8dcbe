"""The draft of a contact being recorded, for the live call and the chat or email log alike.

Everything typed is kept as an encrypted draft: loaded when the panel opens, saved a moment
after the last change (debounced, so typing is not a write per key), said quietly in a label
("Draft saved 14:03:22", only once the save has returned), and gone with the contact: the log
takes it out in its own commit, a cancel discards it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel

from ...errors import JournalError
from ..kit import formatting
from ..kit.session import DRAFTS, Session, weak

DRAFT_DELAY_MS = 800


def draft_saved_text(saved_at: str) -> str:
    """The quiet "Draft saved 14:03:22", shown only once the save has returned."""
    when = formatting.to_qdatetime(saved_at).toLocalTime().time().toString("HH:mm:ss")
    return QCoreApplication.translate("DraftState", "Draft saved {0}").format(when)


class DraftController(QObject):
    """Keeps `body()` as the draft `name` while `ready()` says the contact is being typed.

    The panel calls `edited()` on every change, `load()` when it opens, `save_now()` before a
    lock, `hold()` when it starts saving the contact itself, and `discard()` on cancel."""

    def __init__(self, session: Session, name: str, body: Callable[[], dict], state: QLabel,
                 *, ready: Callable[[], bool] = lambda: True, parent: QObject | None = None,
                 delay_ms: int = DRAFT_DELAY_MS):
        super().__init__(parent)
        self.session = session
        self.name = name
        self._body = body
        self._ready = ready
        self._state = state
        self._timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self.save)

    @property
    def pending(self) -> bool:
        """A change is waiting for its save."""
        return self._timer.isActive()

    def load(self) -> dict | None:
        """The stored draft, or None (none kept, or the journal cannot be read now)."""
        try:
            return self.session.call(lambda j: j.draft(self.name))
        except JournalError:
            return None

    def show_restored(self) -> None:
        self._state.setText(QCoreApplication.translate("DraftState", "Draft restored"))

    def edited(self) -> None:
        """Something was typed: save it a moment after the last change."""
        if self._ready():
            self._timer.start()

    def save(self) -> None:
        """Save the draft now, off the GUI thread."""
        if not self._ready():
            return
        name, body = self.name, self._body()
        self.session.submit(lambda j: j.save_draft(name, body), on_done=weak(self._saved),
                            on_error=weak(self._not_saved), topics=(DRAFTS,))

    def save_now(self) -> None:
        """Save and wait for it (the window calls this before it locks or quits)."""
        if self._ready():
            self._timer.stop()
            self.save()
            self.session.wait()

    def hold(self) -> None:
        """Drop the save that was waiting (the contact itself is being saved, or cleared)."""
        self._timer.stop()

    def discard(self) -> None:
        """The contact was cancelled: its draft goes too."""
        self._timer.stop()
        name = self.name
        self.session.submit(lambda j: j.discard_draft(name), topics=(DRAFTS,))

    def _saved(self, saved_at: str) -> None:
        self._state.setText(draft_saved_text(saved_at))

    def _not_saved(self, sentence: str) -> None:
        self._state.setText(
            QCoreApplication.translate("DraftState", "Draft not saved: {0}").format(sentence))
