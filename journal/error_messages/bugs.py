"""What a front end says of a bug (journal/errors/bug_log.py): something went wrong, nothing was
changed, and where the record of it is. The command line's sentences follow "journal: "."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "bug.window": QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong inside Support Journal ({kind}); nothing was changed by "
                  "this action. The details, without any journal content, are in {log}."),
    "bug.window_unlogged": QT_TRANSLATE_NOOP(
        "Errors", "Something went wrong inside Support Journal ({kind}); nothing was changed by "
                  "this action."),
    "bug.window_memory": QT_TRANSLATE_NOOP(
        "Errors", "Support Journal ran out of memory; nothing was changed by this action. Close "
                  "some other programs and try again; the details are in {log}."),
    "bug.cli": QT_TRANSLATE_NOOP(
        "Errors", "something went wrong inside Support Journal ({kind}); nothing was changed. "
                  "The details, without any journal content, are in {log} (JOURNAL_DEBUG=1 "
                  "shows them here)."),
    "bug.cli_unlogged": QT_TRANSLATE_NOOP(
        "Errors", "something went wrong inside Support Journal ({kind}); nothing was changed. "
                  "Set JOURNAL_DEBUG=1 to see details."),
    "bug.cli_memory": QT_TRANSLATE_NOOP(
        "Errors", "something went wrong inside Support Journal: it ran out of memory; nothing "
                  "was changed. Close some other programs and try again; the details are in "
                  "{log} (JOURNAL_DEBUG=1 shows them here)."),
}
