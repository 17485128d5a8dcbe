"""The first page the window shows: create a journal (and save its recovery key), or unlock it.

Key derivation takes about a second, so it runs off the GUI thread through the Session while
a busy bar moves. A passphrase leaves its field as soon as it is handed to the Session.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from zxcvbn import zxcvbn

from ...domain.rules import MIN_PASSPHRASE, passphrase_problem
from ..kit.error_text import translated
from ..kit.palette import error_palette
from ..kit.resources import icon
from ..kit.session import Session

SECONDS_PER_GUESS = 0.5  # one Argon2id derivation on one core, as calibrated on a desktop
ATTACKER_CORES = 1000
HINT_WORDS = ["support", "journal", "crypto", "bitcoin", "exchange", "wallet", "coinbase"]

# zxcvbn speaks English; these let lupdate see its sentences so they can be translated.
_ADVICE = (
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Use a few words, avoid common phrases."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "No need for symbols, digits, or uppercase letters."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Add another word or two. Uncommon words are better."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Straight rows of keys are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Short keyboard patterns are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Use a longer keyboard pattern with more turns."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", 'Repeats like "aaa" are easy to guess.'),
    QT_TRANSLATE_NOOP("PassphraseAdvice",
                      'Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid repeated words and characters."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", 'Sequences like "abc" or "6543" are easy to guess.'),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid sequences."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Recent years are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid recent years."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid years that are associated with you."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Dates are often easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Avoid dates and years that are associated with you."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a top-10 common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a top-100 common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is a very common password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "This is similar to a commonly used password."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "A word by itself is easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Names and surnames by themselves are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Common names and surnames are easy to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Capitalization doesn't help very much."),
    QT_TRANSLATE_NOOP("PassphraseAdvice",
                      "All-uppercase is almost as easy to guess as all-lowercase."),
    QT_TRANSLATE_NOOP("PassphraseAdvice", "Reversed words aren't much harder to guess."),
    QT_TRANSLATE_NOOP("PassphraseAdvice",
                      "Predictable substitutions like '@' instead of 'a' don't help very much."),
)


def _advice(text: str) -> str:
    return QCoreApplication.translate("PassphraseAdvice", text)


class UnlockScreen(QWidget):
    """Create mode (no journal yet), then the recovery key step; or unlock mode."""

    unlocked = Signal()

    PAGE_CREATE, PAGE_RECOVERY, PAGE_UNLOCK = range(3)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockScreen")
        self.session = session
        self._recovery_key = ""
        self._use_recovery = False
        self._busy = False

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
        self.busy.hide()
        self.folder = QLabel(objectName="folder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        small = self.folder.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.folder.setFont(small)
        self.folder.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        column = QWidget()
        column.setMaximumWidth(520)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        for widget in (self.heading, self.intro, self.pages, self.error, self.busy):
            inner.addWidget(widget)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(column, 3)
        centre.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)
        outer.addWidget(self.folder, 0, Qt.AlignmentFlag.AlignHCenter)
        self.reset()

    # -- building the three pages ---------------------------------------------------------

    def _password_field(self, name: str) -> QLineEdit:
        field = QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password)
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
        self.new_passphrase = self._password_field("newPassphrase")
        self.repeat_passphrase = self._password_field("repeatPassphrase")
        self.create_show = self._show_action([self.new_passphrase, self.repeat_passphrase])
        self.new_passphrase.textChanged.connect(self._rate)
        self.new_passphrase.returnPressed.connect(self.repeat_passphrase.setFocus)
        self.repeat_passphrase.returnPressed.connect(self._create)
        self.meter = QProgressBar(objectName="strengthMeter", textVisible=False)
        self.meter.setRange(0, 4)
        self.meter.setMaximumHeight(8)
        self.strength = QLabel(objectName="strength")
        self.guess_time = QLabel(objectName="guessTime", wordWrap=True)
        self.advice = QLabel(objectName="advice", wordWrap=True)
        self.create_button = QPushButton(icon("lock"), self.tr("&Create journal"),
                                         objectName="createButton")
        self.create_button.clicked.connect(self._create)

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.new_passphrase)
        form.addRow(self.tr("&Repeat it:"), self.repeat_passphrase)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.strength)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(meter_row)
        layout.addWidget(self.guess_time)
        layout.addWidget(self.advice)
        layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_recovery(self) -> QWidget:
        page = QWidget()
        self.recovery_label = QLabel(objectName="recoveryKey", wordWrap=True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(mono.pointSizeF() * 1.5)
        self.recovery_label.setFont(mono)
        self.recovery_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.recovery_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recovery_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.recovery_label.setMargin(12)
        self.copy_button = QPushButton(icon("copy"), self.tr("&Copy"), objectName="copyButton")
        self.copy_button.clicked.connect(self._copy_key)
        self.copied = QLabel(objectName="copied")
        self.stored = QCheckBox(self.tr("I have &stored my recovery key safely"),
                                objectName="storedCheck")
        self.continue_button = QPushButton(self.tr("C&ontinue"), objectName="continueButton",
                                           enabled=False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._finish_recovery_step)

        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.recovery_label)
        layout.addLayout(copy_row)
        layout.addWidget(self.stored)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_unlock(self) -> QWidget:
        page = QWidget()
        self.passphrase = self._password_field("passphrase")
        self.passphrase.returnPressed.connect(self._unlock)
        self.unlock_show = self._show_action([self.passphrase])
        self.unlock_button = QPushButton(icon("unlock"), self.tr("&Unlock"),
                                         objectName="unlockButton")
        self.unlock_button.clicked.connect(self._unlock)
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
            self._rate("")
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

    def _fit_pages(self, current: int) -> None:
        # A stack is as tall as its tallest page; only the page shown should count.
        for index in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if index == current \
                else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.pages.adjustSize()

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
            self.switch_button.setText(self.tr("Use the &passphrase instead"))
        else:
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase.setFont(self.font())
            self.passphrase.setPlaceholderText(self.tr("Passphrase"))
            self.switch_button.setText(self.tr("Use &recovery key instead"))
        self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.pages.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # -- create ---------------------------------------------------------------------------

    def _rate(self, text: str) -> None:
        """Strength as the user types: zxcvbn's score, its advice, and an honest guess time."""
        if not text:
            self.meter.setValue(0)
            for label in (self.strength, self.guess_time, self.advice):
                label.clear()
            self.guess_time.hide()
            self.advice.hide()
            return
        result = zxcvbn(text[:72], user_inputs=HINT_WORDS)  # zxcvbn refuses longer input
        score = int(result["score"])
        seconds = float(result["guesses"]) * SECONDS_PER_GUESS
        words = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Strong"),
                 self.tr("Very strong"))
        self.meter.setValue(score)
        self.strength.setText(words[score])
        self.guess_time.show()
        self.guess_time.setText(self.tr(
            "Someone who copied the journal folder and tried passphrases on one processor core "
            "would need {0} to guess it (each guess costs half a second of key "
            "derivation); with {1} cores, {2}.").format(
                self._duration(seconds), self.locale().toString(ATTACKER_CORES),
                self._duration(seconds / ATTACKER_CORES)))
        lines = []
        feedback = result["feedback"]
        if feedback.get("warning"):
            lines.append(_advice(feedback["warning"]))
        if score <= 2:
            lines.append(self.tr("This passphrase is weak even so: attackers try common words, "
                                 "names, dates and patterns first."))
        lines.extend(_advice(s) for s in feedback.get("suggestions", []))
        self.advice.setText("\n".join(lines))
        self.advice.setVisible(bool(lines))

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
        self.new_passphrase.clear()
        self.repeat_passphrase.clear()
        self._clear_error()
        self._set_busy(True)
        self.session.create(first, on_done=self._created, on_error=self._create_failed)

    def _created(self, recovery_key: str) -> None:
        self._set_busy(False)
        self._recovery_key = recovery_key
        groups = recovery_key.split("-")
        half = (len(groups) + 1) // 2
        self.recovery_label.setText("-".join(groups[:half]) + "-\n" + "-".join(groups[half:]))
        self.copied.clear()
        self.stored.setChecked(False)
        self.heading.setText(self.tr("Save your recovery key"))
        self.intro.setText(self.tr(
            "Your journal is ready. This recovery key unlocks it if you ever forget the "
            "passphrase. Write it on paper or keep it in a password manager, away from this "
            "computer. It is shown only now and will not be shown again."))
        self.pages.setCurrentIndex(self.PAGE_RECOVERY)
        self.copy_button.setFocus()

    def _create_failed(self, sentence: str) -> None:
        self._set_busy(False)
        self._show_error(sentence)
        self.new_passphrase.setFocus()

    def _copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self._recovery_key)
        self.copied.setText(self.tr("Copied. Paste it into your password manager now."))

    def _finish_recovery_step(self) -> None:
        if not self.stored.isChecked():
            return
        self._recovery_key = ""
        self.recovery_label.clear()
        self.stored.setChecked(False)
        self.unlocked.emit()

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
