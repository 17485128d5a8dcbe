"""Rules both front ends need, defined once: the passphrase policy, the languages of the
window and of the case file, and which case statuses count as closed."""
from __future__ import annotations

from ..errors import BadInput, Phrase
from .model import CaseStatus

#: The languages of the window, the CLI's messages, the checklists and the case file.
LANGUAGES = ("en", "zh_CN")

#: A new passphrase has at least this many characters.
MIN_PASSPHRASE = 8

#: A case in one of these statuses is done with: pickers offer only the others.
CLOSED_STATUSES = frozenset({CaseStatus.RESOLVED, CaseStatus.CLOSED})
OPEN_STATUSES = tuple(s for s in CaseStatus if s not in CLOSED_STATUSES)


def passphrase_problem(passphrase: str | None) -> Phrase | None:
    """Why `passphrase` cannot be a new passphrase, as one sentence; None when it can."""
    if passphrase is None or len(passphrase) < MIN_PASSPHRASE:
        return Phrase("passphrase.too_short", count=MIN_PASSPHRASE)
    if passphrase != passphrase.strip():
        return Phrase("passphrase.spaces")
    return None


def check_new_passphrase(passphrase: str | None) -> None:
    """Raise BadInput when `passphrase` cannot be a new passphrase."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise BadInput(problem)


def is_closed(status: CaseStatus) -> bool:
    return status in CLOSED_STATUSES
