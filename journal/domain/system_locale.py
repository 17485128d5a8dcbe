"""What the computer's locale says about the user, decided from its name and the environment.

A system left at the C or POSIX locale (LANG=C, LC_ALL=C, or nothing set) says nothing
about the user: it gets English, ISO dates, A4 paper and business days of no country until
the user picks one. Pure functions of (the locale's name as Qt reports it, the environment),
so the decision can be tested without changing the process's locale.
"""
from __future__ import annotations

from collections.abc import Mapping

#: Names of locales that say nothing about the user (en_US_POSIX is Apple's and ICU's C).
POSIX_NAMES = frozenset({"C", "POSIX", "en_US_POSIX"})

#: Where Letter paper is the usual size; A4 everywhere else.
LETTER_TERRITORIES = frozenset({"US", "CA"})


def _bare(name: str | None) -> str:
    """"C.UTF-8" → "C", "en_GB.utf8@euro" → "en_GB", "en-US" → "en_US"."""
    text = (name or "").strip()
    for mark in (".", "@"):
        text = text.split(mark, 1)[0]
    return text.replace("-", "_")


def environment_locale(env: Mapping[str, str]) -> str:
    """The locale the environment names for messages: LC_ALL, else LC_MESSAGES, else LANG
    (the order of POSIX and of Qt); "" when none is set."""
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(key) or "").strip()
        if value:
            return value
    return ""


def is_posix(locale_name: str, env: Mapping[str, str]) -> bool:
    """True when the system locale is C/POSIX: Qt names it "C" (LANG=C, LC_ALL=POSIX,
    LANG=C.UTF-8, nothing set), or the environment names en_US_POSIX, which Qt reads as
    plain en_US. The environment is believed only where it is what Qt read: a system whose
    locale Qt took from elsewhere (macOS preferences) keeps it though a shell says LANG=C."""
    name = _bare(locale_name)
    if not name or name in POSIX_NAMES:
        return True
    return name == "en_US" and _bare(environment_locale(env)) == "en_US_POSIX"


def territory(locale_name: str, env: Mapping[str, str]) -> str:
    """The two-letter country of the system locale ("zh_CN" → "CN"); "" under C/POSIX or
    when the name has no country ("en", "es_419")."""
    if is_posix(locale_name, env):
        return ""
    parts = _bare(locale_name).split("_")
    last = parts[-1] if len(parts) > 1 else ""
    return last.upper() if len(last) == 2 and last.isalpha() else ""


def paper(locale_name: str, env: Mapping[str, str]) -> str:
    """"letter" where the locale's country uses it (US, Canada), else "a4" (also under C)."""
    return "letter" if territory(locale_name, env) in LETTER_TERRITORIES else "a4"
