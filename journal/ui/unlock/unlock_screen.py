"""The first page the window shows: create a journal (and save its recovery key), or unlock it.

Key derivation takes about a second, so it runs off the GUI thread through the Session while
a busy bar moves and the button says what is being done. A passphrase leaves its field as
soon as it is handed to the Session (a journal that could not be created gives the two fields
back, so nothing has to be typed again).

Nothing above the estimate moves while the user types: the column's place is set when the
screen is shown or resized, never by what appears under the fields.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.rules import MIN_PASSPHRASE, passphrase_problem
from ..kit.error_text import translated
from ..kit.palette import error_palette, muted_palette, verified_colour
from ..kit.resources import icon
from ..kit.session import Session
from .passphrase_strength import PassphraseStrength
from .recovery_key_page import RecoveryKeyPage

class UnlockScreen(QWidget):
    """Create mode (no journal yet), then the recovery key step; or unlock mode."""

    unlocked = Signal()

    PAGE_CREATE, PAGE_RECOVERY, PAGE_UNLOCK = range(3)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.session = session
        self._use_recovery = False
        self._busy = False
        self._creating: tuple[str, str] | None = None

        self.heading = QLabel(objectName="heading", wordWrap=True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(objectName="intro", wordWrap=True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_create())
        self.pages.addWidget(self._build_recovery())
        self.pages.addWidget(self._build_unlock())
        self.pages.currentChanged.connect(self._fit_pages)
        self._fit_pages(0)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setPalette(error_palette(self))
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.busy = QProgressBar(objectName="busy", textVisible=False)
        self.busy.setRange(0, 0)  # indeterminate: derivation gives no progress to report
        self.busy.setMaximumHeight(6)
        self.busy.setAccessibleName(self.tr("Working"))
        kept = self.busy.sizePolicy()
        kept.setRetainSizeWhenHidden(True)
        self.busy.setSizePolicy(kept)
        self.busy.hide()
        self.folder = QLabel(objectName="folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        small = self.folder.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.folder.setFont(small)
        self.folder.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.column = QWidget()
        self.column.setMaximumWidth(520)
        inner = QVBoxLayout(self.column)
        inner.setSpacing(12)
        for widget in (self.heading, self.intro, self.pages, self.busy, self.error):
            inner.addWidget(widget)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(self.column, 3)
        centre.addStretch(1)
        outer = QVBoxLayout(self)
        self._top = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        outer.addSpacerItem(self._top)
        outer.addLayout(centre)
        outer.addStretch(1)
        outer.addWidget(self.folder, 0, Qt.AlignmentFlag.AlignHCenter)
        self.reset()

    # -- building the three pages ---------------------------------------------------------

    def _password_field(self, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible)
        field.textEdited.connect(self._clear_error)
        return field

    def _show_action(self, fields: list[QLineEdit]) -> QAction:
        action = QAction(icon("show"), self.tr("Show the passphrase"), self, checkable=True)

        def toggled(shown: bool) -> None:
            mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            for field in fields:
                field.setEchoMode(mode)
            action.setIcon(icon("hide" if shown else "show"))
            action.setText(self.tr("Hide the passphrase") if shown
                           else self.tr("Show the passphrase"))
        action.toggled.connect(toggled)
        fields[0].addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        return action

    def _build_create(self) -> QWidget:
        page = QWidget()
        self.new_passphrase = self._password_field("newPassphrase", self.tr("Passphrase"))
        self.repeat_passphrase = self._password_field("repeatPassphrase",
                                                      self.tr("Repeat the passphrase"))
        self.create_show = self._show_action([self.new_passphrase, self.repeat_passphrase])
        self.estimate = PassphraseStrength(self._duration, page)
        self.meter, self.strength = self.estimate.meter, self.estimate.strength
        self.guess_time, self.advice = self.estimate.guess_time, self.estimate.advice
        self.new_passphrase.textChanged.connect(self.estimate.rate)
        self.new_passphrase.textChanged.connect(self._compare)
        self.repeat_passphrase.textChanged.connect(self._compare)
        self.new_passphrase.returnPressed.connect(self.repeat_passphrase.setFocus)
        self.repeat_passphrase.returnPressed.connect(self._create)
        self.match = QLabel(objectName="passphrasesMatch")
        self.match.setMinimumHeight(self.match.fontMetrics().lineSpacing())
        self.create_button = QPushButton(icon("lock"), self.tr("&Create journal"),
                                         objectName="createButton")
        self.create_button.clicked.connect(self._create)
        self._fit_texts(self.create_button, self.tr("&Create journal"), self.tr("Creating…"))

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.new_passphrase)
        form.addRow(self.tr("&Repeat it:"), self.repeat_passphrase)
        form.addRow("", self.match)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.estimate)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_recovery(self) -> QWidget:
        self.recovery = RecoveryKeyPage(self.session.folder)
        self.recovery.confirmed.connect(self.unlocked)
        self.recovery_label, self.copy_button = self.recovery.recovery_label, \
            self.recovery.copy_button
        self.copied, self.stored = self.recovery.status, self.recovery.stored
        self.continue_button = self.recovery.continue_button
        return self.recovery

    def _build_unlock(self) -> QWidget:
        page = QWidget()
        self.passphrase = self._password_field("passphrase", self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_show = self._show_action([self.passphrase])
        self.unlock_button = QPushButton(icon("unlock"), self.tr("&Unlock"),
                                         objectName="unlockButton")
        self.unlock_button.clicked.connect(self._unlock)
        self._fit_texts(self.unlock_button, self.tr("&Unlock"), self.tr("Unlocking…"))
        self.switch_button = QPushButton(objectName="switchButton", flat=True)
        self.switch_button.setCursor(Qt.CursorShape.PointingHandCursor)
        link = self.switch_button.palette()
        link.setColor(QPalette.ColorRole.ButtonText, link.color(QPalette.ColorRole.Link))
        self.switch_button.setPalette(link)
        self.switch_button.clicked.connect(lambda: self._set_recovery_input(not self._use_recovery))

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    # -- modes ----------------------------------------------------------------------------

    @property
    def _recovery_key(self) -> str:
        return self.recovery.key

    def reset(self) -> None:
        """Clear every field and choose the mode again; call it each time the screen shows.

        A recovery key not yet confirmed stays on screen: it is never shown again."""
        if self._busy or self._recovery_key:
            return
        for field in (self.new_passphrase, self.repeat_passphrase, self.passphrase):
            field.clear()
        self.create_show.setChecked(False)
        self.unlock_show.setChecked(False)
        self._clear_error()
        self.folder.setText(self.tr("Journal folder: {0}").format(self.session.folder))
        if self.session.journal is not None:
            self.heading.setText(self.tr("The journal is locked"))
            self.intro.setText(self.tr("Unlock it to go on. Unsaved drafts are kept, encrypted, "
                                       "and come back when you unlock."))
            self._show_page(self.PAGE_UNLOCK)
        elif not self.session.exists():
            self.heading.setText(self.tr("Create your journal"))
            self.intro.setText(self.tr(
                "Everything you record is encrypted with a passphrase that only you know. "
                "Choose one you can remember: a few unrelated words work well."))
            self._show_page(self.PAGE_CREATE)
        else:
            self.heading.setText(self.tr("Unlock your journal"))
            self.intro.setText(self.tr("Type the passphrase of this journal."))
            self._show_page(self.PAGE_UNLOCK)

    @property
    def mode(self) -> str:
        """"create", "recovery" or "unlock" (tests and the main window may ask)."""
        return ("create", "recovery", "unlock")[self.pages.currentIndex()]

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index == self.PAGE_UNLOCK:
            self._set_recovery_input(False)
        elif index == self.PAGE_CREATE:
            self.new_passphrase.setFocus()
        self._place()

    def _fit_pages(self, current: int) -> None:
        # A stack is as tall as its tallest page; only the page shown should count.
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == current \
                else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.adjustSize()

    def _place(self) -> None:
        """Set the column's distance from the top: about a third of the room left, decided
        only here (on showing and resizing), so what appears below never moves the fields."""
        room = self.height() - self.column.sizeHint().height() - self.folder.sizeHint().height()
        top = max(0, room // 3)
        if self._top.sizeHint().height() != top:
            self._top.changeSize(0, top, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.layout().invalidate()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place()

    def _set_recovery_input(self, use_recovery: bool) -> None:
        self._use_recovery = use_recovery
        self.passphrase.clear()
        self._clear_error()
        self.unlock_show.setChecked(False)
        self.unlock_show.setVisible(not use_recovery)
        if use_recovery:
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Normal)
            self.passphrase.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.passphrase.setPlaceholderText(self.tr("Recovery key (XXXX-XXXX-…)"))
            self.passphrase.setAccessibleName(self.tr("Recovery key"))
            self.switch_button.setText(self.tr("Use the &passphrase instead"))
        else:
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase.setFont(self.font())
            self.passphrase.setPlaceholderText(self.tr("Passphrase"))
            self.passphrase.setAccessibleName(self.tr("Passphrase"))
            self.switch_button.setText(self.tr("Use &recovery key instead"))
        self.passphrase.setFocus()

    @staticmethod
    def _fit_texts(button: QPushButton, *texts: str) -> None:
        """As wide as its widest text, so saying "Unlocking…" moves nothing beside it."""
        shown = button.text()
        widths = []
        for text in texts:
            button.setText(text)
            widths.append(button.sizeHint().width())
        button.setText(shown)
        button.setMinimumWidth(max(widths))

    def _set_busy(self, busy: bool) -> None:
        """While the key is derived: the bar moves, the form waits, the button says so."""
        self._busy = busy
        self.busy.setVisible(busy)
        self.pages.setEnabled(not busy)
        self.create_button.setText(self.tr("Creating…") if busy else self.tr("&Create journal"))
        self.unlock_button.setText(self.tr("Unlocking…") if busy else self.tr("&Unlock"))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # -- create ---------------------------------------------------------------------------

    def _compare(self, *_args) -> None:
        """Under the repeat field, once it has text: whether the two are the same yet."""
        repeat = self.repeat_passphrase.text()
        if not repeat:
            self.match.clear()
        elif repeat == self.new_passphrase.text():
            self.match.setText(self.tr("✓ Matches"))
            palette = self.match.palette()
            palette.setColor(QPalette.ColorRole.WindowText, verified_colour(palette))
            self.match.setPalette(palette)
        else:
            self.match.setText(self.tr("Doesn't match yet"))
            self.match.setPalette(muted_palette(self))

    def _duration(self, seconds: float) -> str:
        minute, hour, day, year = 60, 3600, 86400, 365.25 * 86400
        if seconds < 1:
            return self.tr("less than a second")
        if seconds < minute:
            return self.tr("about %Ln second(s)", "", int(seconds))
        if seconds < hour:
            return self.tr("about %Ln minute(s)", "", int(seconds // minute))
        if seconds < day:
            return self.tr("about %Ln hour(s)", "", int(seconds // hour))
        if seconds < year:
            return self.tr("about %Ln day(s)", "", int(seconds // day))
        if seconds < 1e6 * year:
            return self.tr("about %Ln year(s)", "", int(seconds // year))
        return self.tr("more than a million years")

    def _create(self) -> None:
        if self._busy:
            return
        first, second = self.new_passphrase.text(), self.repeat_passphrase.text()
        problem = passphrase_problem(first)
        if problem is not None:  # said before the key derivation, in the window's language
            self._show_error(self.tr("The passphrase must be at least {0} characters long.")
                             .format(MIN_PASSPHRASE) if len(first) < MIN_PASSPHRASE
                             else translated(problem))
            self.new_passphrase.setFocus()
            return
        if first != second:
            self._show_error(self.tr("The two passphrases are not the same; type the second "
                                     "one again."))
            self.repeat_passphrase.clear()
            self.repeat_passphrase.setFocus()
            return
        self._creating = (first, second)  # given back if the journal cannot be made
        self.new_passphrase.clear()
        self.repeat_passphrase.clear()
        self._clear_error()
        self._set_busy(True)
        self.session.create(first, on_done=self._created, on_error=self._create_failed)

    def _created(self, recovery_key: str) -> None:
        self._creating = None
        self._set_busy(False)
        self.heading.setText(self.tr("Save your recovery key"))
        self.intro.setText(self.tr(
            "Your journal is ready. This recovery key unlocks it if you ever forget the "
            "passphrase. Write it on paper or keep it in a password manager, away from this "
            "computer. It is shown only now and will not be shown again."))
        self.pages.setCurrentIndex(self.PAGE_RECOVERY)
        self.recovery.show_key(recovery_key)
        self._place()

    def _create_failed(self, sentence: str) -> None:
        self._set_busy(False)
        if self._creating is not None:
            first, second = self._creating
            self._creating = None
            self.new_passphrase.setText(first)
            self.repeat_passphrase.setText(second)
        self._show_error(sentence)
        self.new_passphrase.setFocus()

    # -- unlock ---------------------------------------------------------------------------

    def _unlock(self) -> None:
        if self._busy:
            return
        secret = self.passphrase.text()
        if not secret.strip():
            self._show_error(self.tr("Type your recovery key first.") if self._use_recovery
                             else self.tr("Type your passphrase first."))
            return
        self.passphrase.clear()  # the widget forgets it as soon as the session has it
        self._clear_error()
        self._set_busy(True)
        if self._use_recovery:
            self.session.unlock(recovery_key=secret, on_done=self._unlock_done,
                                on_error=self._unlock_failed)
        else:
            self.session.unlock(passphrase=secret, on_done=self._unlock_done,
                                on_error=self._unlock_failed)

    def _unlock_done(self) -> None:
        self._set_busy(False)
        self.unlocked.emit()

    def _unlock_failed(self, sentence: str) -> None:
        self._set_busy(False)
        self._show_error(sentence)
        self.passphrase.setFocus()
        self.passphrase.selectAll()
