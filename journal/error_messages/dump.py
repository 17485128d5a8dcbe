"""Sentences about a dump being imported (journal import): the first problem found."""
from __future__ import annotations

from .noop import QT_TRANSLATE_NOOP

MESSAGES = {
    "dump.not_utf8": QT_TRANSLATE_NOOP(
        "Errors", "The dump is not UTF-8 text, so it is not a journal dump."),
    "dump.not_json": QT_TRANSLATE_NOOP(
        "Errors", "The dump is not complete JSON ({why} at line {line}); nothing was imported."),
    "dump.too_deep": QT_TRANSLATE_NOOP(
        "Errors", "The dump nests lists or objects too deeply, or holds too long a number, to "
                  "be a journal dump; nothing was imported."),
    "dump.journal_not_empty": QT_TRANSLATE_NOOP(
        "Errors", "Import needs a new, empty journal; create one with "
                  "`journal init --journal DIR`."),
    "dump.breaks_schema": QT_TRANSLATE_NOOP(
        "Errors", "The dump breaks a rule of the journal's database ({detail}); nothing was "
                  "imported."),
    "dump.not_object": QT_TRANSLATE_NOOP(
        "Errors", "This is not a Support Journal dump: it is not a JSON object."),
    "dump.wrong_format": QT_TRANSLATE_NOOP(
        "Errors", "This is not a Support Journal dump: its \"format\" is not \"{format}\"."),
    "dump.bad_version": QT_TRANSLATE_NOOP(
        "Errors", "The dump's version {value} is not a version number."),
    "dump.newer_version": QT_TRANSLATE_NOOP(
        "Errors", "The dump is format version {version}, but this Support Journal reads only up "
                  "to version {latest}; update the program to import it."),
    "dump.bad_schema": QT_TRANSLATE_NOOP(
        "Errors", "The dump's schema {value} is not a schema number."),
    "dump.newer_schema": QT_TRANSLATE_NOOP(
        "Errors", "The dump comes from a journal of schema {schema}, newer than this Support "
                  "Journal knows ({latest}); update the program to import it."),
    "dump.bad_exported_at": QT_TRANSLATE_NOOP(
        "Errors", "The dump's exported_at is not an ISO 8601 time with a UTC offset."),
    "dump.unknown_section": QT_TRANSLATE_NOOP(
        "Errors", "The dump has an unknown section {name}."),
    "dump.no_section": QT_TRANSLATE_NOOP(
        "Errors", "The dump has no \"{section}\" list; is the file complete?"),
    "dump.section_twice": QT_TRANSLATE_NOOP(
        "Errors", "The dump has two \"{section}\" lists."),
    "dump.header_late": QT_TRANSLATE_NOOP(
        "Errors", "The dump's \"{key}\" comes after its lists; a dump begins with format, "
                  "version, schema and exported_at."),
    "dump.record_not_object": QT_TRANSLATE_NOOP(
        "Errors", "Record {n} of the dump's {section} is not a JSON object."),
    # {record} of the sentences below: "channel 3", or one without a usable id.
    "dump.record": QT_TRANSLATE_NOOP("Errors", "{entity} {id}"),
    "dump.record_in_list": QT_TRANSLATE_NOOP("Errors", "{entity} number {n} in the list"),
    "dump.no_field": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {record} has no \"{field}\"."),
    "dump.bad_value": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {record} has {field} {value}, which is not {expected}."),
    "dump.unknown_key": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {record} has an unknown key {key}."),
    "dump.no_content": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {record} has no \"content_base64\"."),
    # {expected} of dump.bad_value.
    "dump.expect.id": QT_TRANSLATE_NOOP("Errors", "a whole number above 0"),
    "dump.expect.size": QT_TRANSLATE_NOOP("Errors", "a whole number of 0 or more"),
    "dump.expect.text": QT_TRANSLATE_NOOP("Errors", "text"),
    "dump.expect.time": QT_TRANSLATE_NOOP(
        "Errors", "an ISO 8601 time with a UTC offset, such as 2026-11-25T14:30:00+08:00, in "
                  "the years {first} to {last}"),
    "dump.expect.minutes": QT_TRANSLATE_NOOP("Errors", "a number of minutes"),
    "dump.expect.sha256": QT_TRANSLATE_NOOP("Errors", "a SHA-256 in 64 lower-case hex digits"),
    "dump.expect.languages": QT_TRANSLATE_NOOP("Errors", "a list of language codes"),
    "dump.expect.object": QT_TRANSLATE_NOOP("Errors", "a JSON object nested at most {depth} deep"),
    "dump.expect.countries": QT_TRANSLATE_NOOP("Errors", "a list of two-letter country codes"),
    "dump.expect.date": QT_TRANSLATE_NOOP("Errors", "a date such as 2026-11-25"),
    "dump.expect.one_of": QT_TRANSLATE_NOOP("Errors", "one of: {words}"),
    "dump.duplicate_id": QT_TRANSLATE_NOOP(
        "Errors", "The dump has two {records} with {key} {id}."),
    "dump.dangling": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {record} refers to {entity} {id}, which is not in the dump."),
    "dump.duplicate_platform": QT_TRANSLATE_NOOP(
        "Errors", "The dump has two platforms named {name}."),
    "dump.duplicate_channel": QT_TRANSLATE_NOOP(
        "Errors", "The dump has two {kind} channels {value} for platform {platform}."),
    "dump.channel_of_other_platform": QT_TRANSLATE_NOOP(
        "Errors", "The dump's interaction {interaction} uses channel {channel}, which belongs "
                  "to another platform than case {case}."),
    "dump.promise_case_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The dump's promise {promise} names case {case}, but its interaction "
                  "{interaction} belongs to case {its_case}."),
    "dump.bad_base64": QT_TRANSLATE_NOOP(
        "Errors", "The dump's attachment {attachment} has content_base64 that is not valid "
                  "base64."),
    "dump.file_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The dump's attachment {attachment} ({name}) does not match its size and "
                  "SHA-256."),
    "dump.ledger_body": QT_TRANSLATE_NOOP(
        "Errors", "The dump's ledger entry {seq} has a body that is not plain JSON text."),
    "dump.chain_broken": QT_TRANSLATE_NOOP(
        "Errors", "The dump's hash chain is broken: {link}"),
    # {link} of dump.chain_broken: the chain.* sentences, inside this one.
    "dump.chain.no_match": QT_TRANSLATE_NOOP(
        "Errors", "entry {seq} ({entity} {id}, {action}) does not match its hash."),
    "dump.chain.no_link": QT_TRANSLATE_NOOP(
        "Errors", "entry {seq} ({entity} {id}) does not link to the entry before it."),
    "dump.chain.no_case_link": QT_TRANSLATE_NOOP(
        "Errors", "entry {seq} ({entity} {id}) does not link to the entry before it in its "
                  "case."),
    "dump.ledger_order": QT_TRANSLATE_NOOP(
        "Errors", "The dump's ledger entry {seq} is out of order."),
    "dump.created_twice": QT_TRANSLATE_NOOP(
        "Errors", "The dump's ledger creates {entity} {id} twice."),
    "dump.changed_before_created": QT_TRANSLATE_NOOP(
        "Errors", "The dump's ledger entry {seq} changes {entity} {id} before any entry creates "
                  "it."),
    "dump.not_in_chain": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {entity} {id} has no entry in the hash chain; is the file "
                  "complete?"),
    "dump.differs_from_chain": QT_TRANSLATE_NOOP(
        "Errors", "The dump's {entity} {id} does not match the hash chain in its \"{field}\"."),
    "dump.filed_elsewhere": QT_TRANSLATE_NOOP(
        "Errors", "The dump's hash chain files {entity} {id} under case {filed}, not case "
                  "{case}."),
    "dump.chain_extra": QT_TRANSLATE_NOOP(
        "Errors", "The dump's hash chain records {entity} {id}, which is not in the dump."),
}
