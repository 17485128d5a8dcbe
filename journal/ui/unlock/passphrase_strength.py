"""How strong a new passphrase is, as the user types it: a meter, a word, an honest guess time
and zxcvbn's advice.

Its height is reserved from the start, so the form around it never moves as the estimate
appears, grows or goes.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget
from zxcvbn import zxcvbn

SECONDS_PER_GUESS = 0.5  # one Argon2id derivation on one core, as calibrated on a desktop
ATTACKER_CORES = 1000
HINT_WORDS = ["support", "journal", "crypto", "bitcoin", "exchange", "wallet", "coinbase"]
RESERVED_LINES = 8  # the guess time (up to three lines) and the usual advice (up to five)

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


class PassphraseStrength(QWidget):
    """The estimate under the two passphrase fields; rate(text) on every change."""

    def __init__(self, duration: Callable[[float], str], parent: QWidget | None = None):
        """`duration(seconds)` words a guess time ("about 3 years")."""
        super().__init__(parent)
        self._duration = duration
        self.setObjectName("passphraseStrength")
        self.meter = QProgressBar(objectName="strengthMeter", textVisible=False)
        self.meter.setRange(0, 4)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.strength = QLabel(objectName="strength")
        self.guess_time = QLabel(objectName="guessTime", wordWrap=True)
        self.advice = QLabel(objectName="advice", wordWrap=True)
        self._words = (self.tr("Very weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Strong"),
                       self.tr("Very strong"))
        # The meter keeps its length whichever word stands beside it.
        self.strength.setMinimumWidth(max(self.strength.fontMetrics().horizontalAdvance(w)
                                          for w in self._words))

        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.strength)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(meter_row)
        layout.addWidget(self.guess_time)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        lines = self.fontMetrics().lineSpacing() * RESERVED_LINES
        self.setMinimumHeight(meter_row.sizeHint().height() + 2 * layout.spacing() + lines)
        self.rate("")

    def rate(self, text: str) -> None:
        """Strength as the user types: zxcvbn's score, its advice, and an honest guess time."""
        if not text:
            self.meter.setValue(0)
            for label in (self.strength, self.guess_time, self.advice):
                label.clear()
            return
        result = zxcvbn(text[:72], user_inputs=HINT_WORDS)  # zxcvbn refuses longer input
        score = int(result["score"])
        seconds = float(result["guesses"]) * SECONDS_PER_GUESS
        self.meter.setValue(score)
        self.strength.setText(self._words[score])
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
