"""The dump's format: its sections, the fields of each record and the kind of each value.

docs/dump-format.md describes it for people; journal/store/dump.py writes it, and
journal/store/dump_import.py reads one in as it streams (dump_stream.py), checking it as it
goes (dump_check.py, dump_chain.py).
"""
from __future__ import annotations

from ..domain import model as m
from ..domain.dispute import facts as f

FORMAT = "support-journal-dump"
VERSION = 1

# Kinds of value a field holds ("?": or null); an enum class stands for one of its words.
ID, ID_OR_NULL, TEXT, TEXT_OR_NULL, TIME, TIME_OR_NULL = "id", "id?", "text", "text?", "time", "time?"
MINUTES_OR_NULL, SIZE, HASH, HASH_OR_NULL = "minutes?", "size", "hash", "hash?"
LANGUAGES, OBJECT, COUNTRIES, DATE_OR_NULL = "languages", "object", "countries", "date?"
OBJECT_OR_NULL = "object?"

# section: (table, the singular for messages and the ledger's entity, {key: kind}).
# In the order of insertion: parents before children.
SECTIONS = {
    "platforms": ("platforms", "platform", {
        "id": ID, "name": TEXT, "kind": m.PlatformKind, "website": TEXT_OR_NULL,
        "recorded_at": TIME, "help_url": TEXT_OR_NULL, "status_url": TEXT_OR_NULL,
        "support_hours": TEXT_OR_NULL, "time_zone": TEXT_OR_NULL, "languages": LANGUAGES,
        "countries": COUNTRIES}),
    "channels": ("channels", "channel", {
        "id": ID, "platform_id": ID, "kind": m.ChannelKind, "value": TEXT,
        "source": m.ChannelSource, "source_url": TEXT_OR_NULL, "languages": LANGUAGES,
        "recorded_at": TIME, "status": m.ChannelStatus, "last_checked": DATE_OR_NULL,
        "hours": TEXT_OR_NULL}),
    "cases": ("cases", "case", {
        "id": ID, "platform_id": ID, "title": TEXT, "category": m.CaseCategory,
        "account_id": TEXT_OR_NULL, "status": m.CaseStatus, "opened_at": TIME,
        "recorded_at": TIME, "last_activity": TIME, "jurisdiction": TEXT_OR_NULL}),
    "interactions": ("interactions", "interaction", {
        "id": ID, "case_id": ID, "kind": m.InteractionKind, "outcome": m.Outcome,
        "channel_id": ID_OR_NULL, "contact": TEXT_OR_NULL, "started_at": TIME,
        "ended_at": TIME_OR_NULL, "wait_minutes": MINUTES_OR_NULL, "agent": TEXT_OR_NULL,
        "language": TEXT_OR_NULL, "notes": TEXT, "recorded_at": TIME, "revision": ID,
        "voided_at": TIME_OR_NULL, "void_reason": TEXT_OR_NULL}),
    "references": ("refs", "reference", {
        "id": ID, "interaction_id": ID, "kind": m.ReferenceKind, "value": TEXT,
        "recorded_at": TIME}),
    "promises": ("promises", "promise", {
        "id": ID, "interaction_id": ID, "case_id": ID, "text": TEXT, "due_at": TIME,
        "status": m.PromiseStatus, "recorded_at": TIME, "status_changed_at": TIME_OR_NULL}),
    "attachments": ("attachments", "attachment", {
        "id": ID, "interaction_id": ID, "name": TEXT, "media_type": TEXT, "size": SIZE,
        "sha256": HASH, "recorded_at": TIME}),
    "stages": ("stages", "stage", {
        "id": ID, "case_id": ID, "stage": f.StageKind, "happened_at": TIME, "how": TEXT_OR_NULL,
        "reference": TEXT_OR_NULL, "to_body": TEXT_OR_NULL, "jurisdiction": TEXT_OR_NULL,
        "kind": f.ComplaintKind, "recorded_at": TIME, "voided_at": TIME_OR_NULL,
        "void_reason": TEXT_OR_NULL}),
    "money": ("money", "money", {
        "id": ID, "case_id": ID, "amount": TEXT, "asset": TEXT, "network": TEXT_OR_NULL,
        "fiat_amount": TEXT_OR_NULL, "fiat_currency": TEXT_OR_NULL, "valued_on": DATE_OR_NULL,
        "recorded_at": TIME, "voided_at": TIME_OR_NULL, "void_reason": TEXT_OR_NULL}),
    "transactions": ("transactions", "transaction", {
        "id": ID, "case_id": ID, "tx_hash": TEXT, "network": TEXT, "from_address": TEXT_OR_NULL,
        "to_address": TEXT_OR_NULL, "amount": TEXT_OR_NULL, "asset": TEXT_OR_NULL,
        "happened_at": TIME_OR_NULL, "recorded_at": TIME, "voided_at": TIME_OR_NULL,
        "void_reason": TEXT_OR_NULL}),
    "wallets": ("wallets", "wallet", {
        "id": ID, "case_id": ID, "address": TEXT, "network": TEXT, "whose": f.Whose,
        "label": TEXT_OR_NULL, "recorded_at": TIME, "voided_at": TIME_OR_NULL,
        "void_reason": TEXT_OR_NULL}),
    "checklist": ("checklist", "checklist item", {
        "id": ID, "case_id": ID, "kind": m.ChecklistKind, "text": TEXT, "position": SIZE,
        "answered_at": TIME_OR_NULL, "interaction_id": ID_OR_NULL, "recorded_at": TIME}),
    "ledger": ("ledger", "ledger entry", {
        "seq": ID, "case_id": ID_OR_NULL, "entity": TEXT, "entity_id": ID, "action": TEXT,
        "recorded_at": TIME, "body": OBJECT, "prev_hash": HASH, "case_prev_hash": HASH_OR_NULL,
        "hash": HASH, "salts": OBJECT_OR_NULL}),
}
# Sections the hash chain records; the checklist is preparation, not evidence.
RECORDS = [s for s in SECTIONS if s not in ("ledger", "checklist")]
# What a dump of an older schema lacks, and the value it gets on import: schema 3 added the
# platforms' and channels' details and the checklists. A missing channel status is worked
# out from its source, as migration 3 does.
ADDED = {"platforms": {"help_url": None, "status_url": None, "support_hours": None,
                       "time_zone": None, "languages": [], "countries": []},
         "channels": {"status": None, "last_checked": None, "hours": None},
         "ledger": {"salts": None}, "cases": {"jurisdiction": None}}
# The schema that brought each section's added fields (schema 4: chain format 2's salts;
# schema 6: a case's jurisdiction and the dispute's sections).
ADDED_IN = {"platforms": 3, "channels": 3, "ledger": 4, "cases": 6}
ADDED_SECTIONS = {"checklist": 3, "stages": 6, "money": 6, "transactions": 6, "wallets": 6}
# Columns computed from another column, on import, rather than carried in the dump.
DERIVED = {"cases": ("last_activity_ts", "last_activity"),
           "interactions": ("started_ts", "started_at"), "promises": ("due_ts", "due_at")}
HEADER = ("format", "version", "schema", "exported_at")
