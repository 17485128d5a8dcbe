"""Preferences: the window's language, auto-lock, and whose public holidays business days skip."""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..kit import settings

# Each language is named in itself, so anyone can find theirs whatever the window speaks now.
LANGUAGE_NAMES = (("en", "English"), ("zh_CN", "简体中文"))
MAX_AUTO_LOCK_MINUTES = 240


@cache
def holiday_countries() -> tuple[tuple[str, str], ...]:
    """(code, "Name (CODE)") for every country the holidays package knows, sorted by name."""
    import holidays  # loaded when the dialog first opens, not at start-up

    rows = []
    for code in holidays.list_supported_countries(include_aliases=False):
        if len(code) != 2:
            continue
        territory = QLocale.codeToTerritory(code)
        if territory == QLocale.Country.AnyTerritory:
            rows.append((code, code))
            continue
        name = QLocale.territoryToString(territory)
        native = QLocale(QLocale.Language.AnyLanguage, territory).nativeTerritoryName()
        shown = f"{name} · {native}" if native and native != name else name
        rows.append((code, f"{shown} ({code})"))
    return tuple(sorted(rows, key=lambda row: row[1].casefold()))


class PreferencesDialog(QDialog):
    """Shows the current preferences; OK saves them and announces what changed."""

    languageChanged = Signal(str)   # the language now in effect: "en" or "zh_CN"
    autoLockChanged = Signal(int)   # minutes; 0 means never
    countryChanged = Signal(str)    # ISO code, "" for weekends only

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))

        self.language = QComboBox(objectName="languageCombo")
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self._select(self.language, settings.chosen_language())
        language_note = self._note(self.tr(
            "The new language applies right away; if some text stays as it was, restart "
            "Support Journal."))

        self.auto_lock = QSpinBox(objectName="autoLockSpin")
        self.auto_lock.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setValue(min(settings.auto_lock_minutes(), MAX_AUTO_LOCK_MINUTES))
        lock_note = self._note(self.tr(
            "Locks the journal after this long without typing or mouse use. Unsaved drafts are "
            "kept, encrypted."))

        self.country = QComboBox(objectName="countryCombo")
        current = settings.country()
        if current not in dict(holiday_countries()):
            # settings.country() falls back to the locale's country, so "none" is offered only
            # when that has none (a C/POSIX system, a locale of no country)
            self.country.addItem(self.tr("None (weekends only)"), "")
        for code, name in holiday_countries():
            self.country.addItem(name, code)
        self._select(self.country, current)
        country_note = self._note(self.tr(
            "Due dates counted in business days skip weekends and this country's public "
            "holidays."))

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("&Auto-lock after:"), self.auto_lock)
        form.addRow("", lock_note)
        form.addRow(self.tr("&Country for business days:"), self.country)
        form.addRow("", country_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.language.setFocus()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def _note(self, text: str) -> QLabel:
        label = QLabel(text, wordWrap=True)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        label.setFont(font)
        return label

    def accept(self) -> None:
        """Save, then announce each preference that changed."""
        language = self.language.currentData() or ""
        minutes = self.auto_lock.value()
        country = self.country.currentData() or ""
        language_moved = language != settings.chosen_language()
        lock_moved = minutes != settings.auto_lock_minutes()
        country_moved = bool(country) and country != settings.country()
        settings.set_language(language)
        settings.set_auto_lock_minutes(minutes)
        if country_moved:
            settings.set_country(country)
        super().accept()
        if language_moved:
            self.languageChanged.emit(settings.language())
        if lock_moved:
            self.autoLockChanged.emit(minutes)
        if country_moved:
            self.countryChanged.emit(country)
