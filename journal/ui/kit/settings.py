"""The user's preferences: language, auto-lock, the country for business days.

Kept in Qt's settings file. Nothing about the journal's content is ever stored
here; the journal folder is the default one unless chosen on the command line.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QLocale, QSettings

from ...domain import system_locale
from ...domain.rules import LANGUAGES

DEFAULT_AUTO_LOCK_MINUTES = 5


def _store() -> QSettings:
    return QSettings("SupportJournal", "Support Journal")


def language() -> str:
    """"en" or "zh_CN": the chosen one, else the system's when we ship it, else English."""
    chosen = _store().value("language", "", str)
    if chosen in LANGUAGES:
        return chosen
    system = QLocale.system()
    return language_for(system.uiLanguages(), system.name(), os.environ)


def language_for(ui_languages: Iterable[str], locale_name: str, env: Mapping[str, str]) -> str:
    """The language we ship that the system asks for first; English under C/POSIX (as
    gettext, which ignores LANGUAGE there) and when it asks for none of ours."""
    if system_locale.is_posix(locale_name, env):
        return "en"
    for name in ui_languages:
        if name.replace("-", "_").lower().startswith(("zh_cn", "zh_hans", "zh")):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "en"


def posix_system() -> bool:
    """True when the system locale is C/POSIX (it says nothing of the user's country)."""
    return system_locale.is_posix(QLocale.system().name(), os.environ)


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
    """ISO country code whose public holidays "business days" skip: the one chosen, else the
    system locale's ("zh_CN" → "CN"); "" (weekends only) under C/POSIX or a locale of no
    country, whatever language the window speaks."""
    value = _store().value("country", "", str)
    if value:
        return value
    return system_locale.territory(QLocale.system().name(), os.environ)


def set_country(code: str) -> None:
    _store().setValue("country", (code or "").upper())


def check_dkim() -> bool:
    """Whether an evidence import may ask DNS for the keys of the e-mails' DKIM signers (the
    one look-up on the network the journal makes): off until the user ticks it."""
    return _store().value("check_dkim", False, bool)


def set_check_dkim(allowed: bool) -> None:
    _store().setValue("check_dkim", bool(allowed))
