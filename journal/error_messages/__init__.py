"""The catalogue: every sentence of a JournalError, in English, keyed by a stable code, and
the words (terms) that go into them. One place for the English; the Chinese is in the
"Errors" context of resources/translations/journal_zh_CN.ts (the window reads it through
Qt, the command line through the gettext catalogue `make locale` builds from it).

Each string is wrapped in QT_TRANSLATE_NOOP so that pyside6-lupdate (make ts) finds it; this
package imports no Qt. A code names what happened ("case.none"); rewording its English keeps
the code, and the translation is marked for review by lupdate.
"""
from __future__ import annotations

from . import (bugs, cli, dispute, dump, evidence_email, evidence_import, evidence_telegram,
               evidence_transcript, evidence_whatsapp, export, inputs, journal, ocr, service,
               terms)

MESSAGES: dict[str, str] = {}
for _part in (inputs, journal, dump, export, service, cli, bugs, evidence_email,
              evidence_telegram, evidence_whatsapp, evidence_transcript, evidence_import, ocr,
              dispute):
    _clash = MESSAGES.keys() & _part.MESSAGES.keys()
    assert not _clash, _clash
    MESSAGES.update(_part.MESSAGES)

TERMS: frozenset[str] = frozenset(terms.TERMS)
