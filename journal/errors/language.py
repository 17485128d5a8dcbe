"""The command line's error sentences in the user's language, through gettext.

The catalogue (resources/locale/<language>/LC_MESSAGES/journal.mo) is made from the window's
.ts by `make locale`, so the Chinese is written once. The language is chosen as gettext
chooses it: LANGUAGE, LC_ALL, LC_MESSAGES, then LANG (LANG=zh_CN.UTF-8 gives Chinese);
English, the catalogue's own, needs no file. Standard library only, loaded on the first
error: `journal --help` stays as quick as it was.
"""
from __future__ import annotations

from functools import cache

from ..domain import bundled
from . import JournalError, Phrase, Term, say

LOCALE_DIR = bundled.resource("locale")
DOMAIN = "journal"


@cache
def _translate():
    import gettext
    return gettext.translation(DOMAIN, LOCALE_DIR, fallback=True).gettext


def in_language(message: JournalError | Phrase | Term | str) -> str:
    """`message` in the language of the environment (a sentence without a code: as it is)."""
    return say(message, _translate())
