"""The language a contact was held in: the common ones by their own names, any code typed.

Recorded on each interaction (the record's `language`), so that a case file says which
language the agent spoke and the directory's language filter has something to go on.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox

# Languages crypto platforms' support commonly works in; anything else can be typed as a code.
COMMON = ("en", "zh", "zh-CN", "zh-TW", "es", "fr", "de", "ja", "ko", "ru", "pt", "tr", "vi", "id",
          "th", "ar", "hi", "it", "nl", "pl", "uk")


def language_name(code: str) -> str:
    """A code as its speakers write it: "zh-CN" → "中文 (中国)", "fr" → "français"."""
    locale = QLocale(code.replace("-", "_"))
    if locale.language() == QLocale.Language.C:
        return code
    # Qt names plain "en" and "zh" after their default territory ("American English",
    # "简体中文"): a code without a territory gets the language's plain name.
    name = {"en": "English", "zh": "中文"}.get(code) or locale.nativeLanguageName() or code
    if "-" in code and locale.nativeTerritoryName():
        name = f"{name} ({locale.nativeTerritoryName()})"
    return name


class LanguagePicker(QComboBox):
    """An editable list of languages; value() is a code such as "en" or None (not recorded)."""

    picked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("languagePicker")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName(self.tr("Language of the conversation"))
        self.setToolTip(self.tr("The language the conversation was held in; type any code, "
                                "such as pt-BR, if it is not listed."))
        self.addItem(self.tr("Not recorded"), None)
        for code in COMMON:
            self.addItem(f"{language_name(code)} — {code}", code)
        self._touched = False
        self.activated.connect(self._user_picked)
        self.lineEdit().textEdited.connect(self._user_picked)

    def _user_picked(self, *_):
        self._touched = True
        self.picked.emit()

    @property
    def touched(self) -> bool:
        """True once the user chose a language: suggestions no longer change it."""
        return self._touched

    def value(self) -> str | None:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return self.itemData(index)
        return text or None   # a typed code: the service checks it, with one sentence if bad

    def set_value(self, code: str | None, *, by_user: bool = False) -> None:
        index = self.findData(code) if code else 0
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code)
        self._touched = by_user

    def suggest(self, codes) -> None:
        """Preselect the first of `codes` (a channel's languages, the last one used…) unless
        the user has already chosen."""
        if self._touched:
            return
        for code in codes or ():
            if code:
                self.set_value(code)
                return
