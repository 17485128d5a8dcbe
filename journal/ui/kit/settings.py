"""The user's preferences: language, auto-lock, the country for business days.

Kept in Qt's settings file. Nothing about the journal's content is ever stored
here; the journal folder is the default one unless chosen on the command line.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

from ...domain.rules import LANGUAGES

DEFAULT_AUTO_LOCK_MINUTES = 5


def _store() -> QSettings:
    return QSettings("SupportJournal", "Support Journal")


def language() -> str:
    """"en" or "zh_CN": the chosen one, else the system's when we ship it, else English."""
    chosen = _store().value("language", "", str)
    if chosen in LANGUAGES:
        return chosen
    for name in QLocale.system().uiLanguages():
        if name.replace("-", "_").lower().startswith(("zh_cn", "zh_hans", "zh")):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def chosen_language() -> str:
    """The stored choice, or "" for "as the system"."""
    value = _store().value("language", "", str)
    return value if value in LANGUAGES else ""


def set_language(code: str) -> None:
    _store().setValue("language", code if code in LANGUAGES else "")


def auto_lock_minutes() -> int:
    """Minutes of inactivity before the journal locks; 0 means never."""
    try:
        value = int(_store().value("auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_AUTO_LOCK_MINUTES
    return max(0, min(value, 24 * 60))


def set_auto_lock_minutes(minutes: int) -> None:
    _store().setValue("auto_lock_minutes", max(0, min(int(minutes), 24 * 60)))


def country() -> str:
    """ISO country code whose public holidays "business days" skip (from the locale)."""
    value = _store().value("country", "", str)
    if value:
        return value
    name = QLocale.system().name()  # e.g. "zh_CN", "en_GB"
    return name.split("_")[1] if "_" in name else ""


def set_country(code: str) -> None:
    _store().setValue("country", (code or "").upper())
