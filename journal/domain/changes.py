"""What a write touched, by kind of record, so each view refreshes only when it must.

The service works the kinds out from the ledger entries a write appended (and from the
drafts and checklists it wrote, which are not in the record); see `Journal.last_changes`.
"""
from __future__ import annotations

CASES = "cases"            # a case was opened, or its status, counts or last activity moved
TIMELINE = "timeline"      # an interaction, its references, promises or files
PROMISES = "promises"      # a promise was made or its status set
DIRECTORY = "directory"    # a platform or channel was added or edited
CHECKLIST = "checklist"    # a checklist item was added, edited, moved, ticked or removed
DRAFTS = "drafts"          # a draft was saved or discarded
DISPUTE = "dispute"        # a complaint stage, an amount, a transaction or a wallet address
EVERYTHING = frozenset({CASES, TIMELINE, PROMISES, DIRECTORY, CHECKLIST, DRAFTS, DISPUTE})

NONE: frozenset[str] = frozenset()

# Each ledger entity, and the views that show it.
_OF_ENTITY = {
    "case": {CASES},
    "interaction": {TIMELINE, CASES},
    "reference": {TIMELINE},
    "attachment": {TIMELINE},
    "promise": {PROMISES, TIMELINE, CASES},
    "platform": {DIRECTORY, CASES, TIMELINE},
    "channel": {DIRECTORY, TIMELINE},
    "signing_key": set(),
    "stage": {DISPUTE, CASES, PROMISES},
    "money": {DISPUTE},
    "transaction": {DISPUTE},
    "wallet": {DISPUTE},
}


def of_entities(entities, *extra: str) -> frozenset[str]:
    """The kinds of change for the ledger entities a write appended, plus `extra` kinds."""
    kinds = set(extra)
    for entity in entities:
        kinds |= _OF_ENTITY.get(entity, EVERYTHING)
    return frozenset(kinds)
