"""The service's sentences in the window's language.

The service and the CLI speak English. The sentences a person meets most in
the window (unlocking, a journal in use, the disk) are translated here; any
other one is shown as the service wrote it, still one clear sentence.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def translated(sentence: str) -> str:
    translate = QCoreApplication.translate
    fixed = {
        "The passphrase is wrong; nothing was changed.":
            translate("Errors", "The passphrase is wrong; nothing was changed."),
        "That recovery key does not open this journal; nothing was changed.":
            translate("Errors", "That recovery key does not open this journal; nothing was changed."),
        "That is not a valid recovery key; check it against the one you wrote down.":
            translate("Errors", "That is not a valid recovery key; check it against the one you "
                         "wrote down."),
        "This journal is open in another Support Journal process; close it there first.":
            translate("Errors", "This journal is open in another Support Journal process; close it "
                         "there first."),
        "The journal database is busy in another process; close it there first.":
            translate("Errors", "The journal database is busy in another process; close it there "
                         "first."),
        "The passphrase must not start or end with spaces.":
            translate("Errors", "The passphrase must not start or end with spaces."),
        "The disk is full; nothing was saved. Free some space and try again.":
            translate("Errors", "The disk is full; nothing was saved. Free some space and try again."),
        "The journal folder cannot be written to; check its permissions.":
            translate("Errors", "The journal folder cannot be written to; check its permissions."),
    }
    if sentence in fixed:
        return fixed[sentence]
    m = re.fullmatch(r"The passphrase must be at least (\d+) characters long\.", sentence)
    if m:
        return translate("Errors", "The passphrase must be at least {0} characters long.").format(
            m.group(1))
    return sentence
