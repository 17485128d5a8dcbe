"""Where the window's icons and translations are, and loading them."""
from __future__ import annotations

import os
from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

from ...domain import bundled, system_locale

ROOT = bundled.root()
ICONS = ROOT / "icons"
TRANSLATIONS = ROOT / "translations"

_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    """The language the window speaks now ("en" or "zh_CN")."""
    return _current


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons/NAME.svg (an empty icon if it is missing)."""
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def _locale_for(language: str) -> QLocale:
    """Dates and numbers as the user's own locale writes them when it speaks this language
    (en_GB stays day/month), else the language's usual form. A C/POSIX system says nothing
    of the user: English there keeps Qt's C locale, which formatting writes in ISO order
    (2026-12-01 14:03) and which groups no digits; Chinese gets zh_CN's forms."""
    system = QLocale.system()
    if system_locale.is_posix(system.name(), os.environ):
        return QLocale.c() if language == "en" else QLocale(language)
    wanted = QLocale(language)
    if system.language() == wanted.language() and (
            language != "zh_CN" or system.script() != QLocale.Script.TraditionalHanScript):
        return system
    return wanted


def install_language(language: str) -> bool:
    """Use "en" or "zh_CN" for every string from now on; True when its translation loaded.

    English is the source language; its file only supplies plural forms ("1 day",
    "3 days"). Qt's own strings (standard dialog buttons) come from Qt's translations.
    """
    global _current
    _current = language
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(_locale_for(language))
    ours = QTranslator(app)
    loaded = ours.load(str(TRANSLATIONS / f"journal_{language}.qm"))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    if language == "en":
        return loaded
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded
