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

from ..kit import formatting
from ..kit.session import Session, weak

DRAFT_DELAY_MS = 800


def draft_saved_text(saved_at: str) -> str:
    """The quiet "Draft saved 14:03:22", shown only once the save has returned."""
    when = formatting.to_qdatetime(saved_at).toLocalTime().time().toString("HH:mm:ss")
    return QCoreApplication.translate("DraftState", "Draft saved {0}").format(when)


class DraftController(QObject):
    """Keeps `body()` as the draft `name` while `ready()` says the contact is being typed.

    The panel calls `edited()` on every change, `load()` when it opens, `save_now()` before a
    lock, `hold()` when it starts saving the contact itself, and `discard()` on cancel. While
    the stored draft is being read, nothing is saved over it unless `typed()` says the user
    typed something meanwhile (what was typed then wins over the stored draft)."""

    def __init__(self, session: Session, name: str, body: Callable[[], dict], state: QLabel,
                 *, ready: Callable[[], bool] = lambda: True,
                 typed: Callable[[], bool] = lambda: False, parent: QObject | None = None,
                 delay_ms: int = DRAFT_DELAY_MS):
        super().__init__(parent)
        self.session = session
        self.name = name
        self._body = body
        self._ready = ready
        self._typed = typed
        self._state = state
        self._timer = QTimer(self, singleShot=True, interval=delay_ms, timeout=self.save)
        self._loading = False
        self._missed = False   # an edit came while loading: saved once the draft is read

    @property
    def pending(self) -> bool:
        """A change is waiting for its save."""
        return self._timer.isActive()

    def load(self, on_done: Callable[[dict | None], None]) -> None:
        """Read the stored draft off the GUI thread; on_done(body), or on_done(None) when none
        is kept or the journal cannot be read now."""
        name, self._loading = self.name, True
        self.session.read(lambda j: j.draft(name), weak(self._loaded, on_done),
                          weak(self._not_loaded, on_done))

    def _loaded(self, on_done, body) -> None:
        self._loading = False
        on_done(body)
        if self._missed:
            self._missed = False
            self.edited()

    def _not_loaded(self, on_done, _sentence: str) -> None:
        self._loaded(on_done, None)

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
        if self._loading and not self._typed():
            self._missed = True
            return
        name, body = self.name, self._body()
        self.session.submit(lambda j: j.save_draft(name, body), on_done=weak(self._saved),
                            on_error=weak(self._not_saved))

    def save_now(self) -> None:
        """Save now (the window calls this before it locks or quits): the save is queued
        before the lock or the close, which wait for it."""
        if self._ready():
            self._timer.stop()
            self.save()

    def hold(self) -> None:
        """Drop the save that was waiting (the contact itself is being saved, or cleared)."""
        self._timer.stop()

    def discard(self) -> None:
        """The contact was cancelled: its draft goes too."""
        self._timer.stop()
        name = self.name
        self.session.submit(lambda j: j.discard_draft(name))

    def _saved(self, saved_at: str) -> None:
        self._state.setText(draft_saved_text(saved_at))

    def _not_saved(self, sentence: str) -> None:
        self._state.setText(
            QCoreApplication.translate("DraftState", "Draft not saved: {0}").format(sentence))
