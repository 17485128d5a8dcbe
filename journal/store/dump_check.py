"""Checking a dump completely before anything is written (see docs/dump-format.md).

The first problem found is one sentence naming it; a document that passes imports whole.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
from datetime import datetime

from ..domain import model as m
from ..domain.chain import ChainEntry, canonical, first_break
from ..domain.times import MAX_YEAR, MIN_YEAR, in_range
from ..errors import BadInput, Phrase, Term
from .dump_format import (
    ADDED,
    ADDED_IN,
    ADDED_SECTIONS,
    COUNTRIES,
    FORMAT,
    HASH,
    HEADER,
    ID,
    LANGUAGES,
    OBJECT,
    RECORDS,
    SECTIONS,
    SIZE,
    TEXT,
    TIME,
    VERSION,
)
from .migrations import LATEST


# A time as the journal writes it: extended ISO 8601, with seconds (and a fraction) optional
# and an offset required; no week dates, basic format or a space for the T, which the rest of
# the program would show garbled.
_TIME_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
                         r"(Z|[+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)", re.ASCII)


def _is_time(value) -> bool:
    if not isinstance(value, str) or not _TIME_SHAPE.fullmatch(value):
        return False
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return False
    return t.tzinfo is not None and in_range(t)  # year 1 or 9999 breaks moving it to UTC


def _is_date(value: str) -> bool:
    try:
        return len(value) == 10 and bool(datetime.strptime(value, "%Y-%m-%d"))
    except ValueError:
        return False


def _is_text(value) -> bool:
    """A string SQLite can store: JSON's \\ud800 escapes give lone surrogates, which it can't."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _show(value) -> str:
    """A value as a message quotes it: short, and printable even when it is not valid text."""
    if not _nests_at_most(value, MAX_DEPTH):  # json.dumps would recurse past Python's limit
        return "[…]" if isinstance(value, list) else "{…}"
    text = json.dumps(value, ensure_ascii=False)
    text = text if _is_text(text) else json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _nests_at_most(value, limit: int) -> bool:
    """No list or object in value lies deeper than limit (counted without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return False
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict)
                                                  else item))
    return True


MAX_DEPTH = 32  # a ledger body is a flat record; writing and hashing one recurse per level
_HEX = frozenset("0123456789abcdef")
# kind without "?": (test, what a value of the kind is, for the message)
_KINDS = {
    ID: (lambda v: type(v) is int and 0 < v < 2**63, Phrase("dump.expect.id")),
    SIZE: (lambda v: type(v) is int and 0 <= v < 2**63, Phrase("dump.expect.size")),
    TEXT: (_is_text, Phrase("dump.expect.text")),
    TIME: (_is_time, Phrase("dump.expect.time", first=MIN_YEAR, last=MAX_YEAR)),
    "minutes": (lambda v: type(v) in (int, float) and math.isfinite(v) and 0 <= v < 2**63,
                Phrase("dump.expect.minutes")),
    HASH: (lambda v: isinstance(v, str) and len(v) == 64 and _HEX.issuperset(v),
           Phrase("dump.expect.sha256")),
    LANGUAGES: (lambda v: isinstance(v, list) and all(map(_is_text, v)),
                Phrase("dump.expect.languages")),
    OBJECT: (lambda v: isinstance(v, dict) and _nests_at_most(v, MAX_DEPTH),
             Phrase("dump.expect.object", depth=MAX_DEPTH)),
    COUNTRIES: (lambda v: isinstance(v, list) and all(
        isinstance(c, str) and len(c) == 2 and c.isascii() and c.isupper() for c in v),
        Phrase("dump.expect.countries")),
    "date": (lambda v: isinstance(v, str) and _is_date(v), Phrase("dump.expect.date")),
}


def _test(kind):
    """(test, what is expected, may be null) for a kind."""
    if isinstance(kind, type):
        words = frozenset(e.value for e in kind)
        return (lambda v: isinstance(v, str) and v in words), \
            Phrase("dump.expect.one_of", words=", ".join(e.value for e in kind)), False
    return *_KINDS[kind.rstrip("?")], kind.endswith("?")


_TESTS = {section: [(field, *_test(kind)) for field, kind in fields.items()]
          for section, (_, _, fields) in SECTIONS.items()}


def _check_shape(document) -> None:
    if not isinstance(document, dict):
        raise BadInput("dump.not_object")
    if document.get("format") != FORMAT:
        raise BadInput("dump.wrong_format", format=FORMAT)
    version, schema = document.get("version"), document.get("schema")
    if type(version) is not int or version < 1:
        raise BadInput("dump.bad_version", value=_show(version))
    if version > VERSION:
        raise BadInput("dump.newer_version", version=version, latest=VERSION)
    if type(schema) is not int or schema < 0:
        raise BadInput("dump.bad_schema", value=_show(schema))
    if schema > LATEST:
        raise BadInput("dump.newer_schema", schema=schema, latest=LATEST)
    if not _is_time(document.get("exported_at")):
        raise BadInput("dump.bad_exported_at")
    unknown = [key for key in document if key not in SECTIONS and key not in HEADER]
    if unknown:
        raise BadInput("dump.unknown_section", name=_show(unknown[0]))
    for section in SECTIONS:
        if section in ADDED_SECTIONS and schema < ADDED_SECTIONS[section] \
                and section not in document:
            document[section] = []
        if not isinstance(document.get(section), list):
            raise BadInput("dump.no_section", section=section)


def _check_records(section: str, records: list, old: bool = False) -> dict:
    """Check each record's keys and values; return {id: record}."""
    _, what, fields = SECTIONS[section]
    tests, key = _TESTS[section], next(iter(fields))
    allowed = set(fields) | ({"content_base64"} if section == "attachments" else set())
    by_id: dict[int, dict] = {}
    added = ADDED.get(section, {}) if old else {}
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise BadInput("dump.record_not_object", n=n, section=section)
        for field, value in added.items():
            record.setdefault(field, list(value) if isinstance(value, list) else value)
        if section == "channels" and record.get("status") is None and old:
            source = record.get("source")
            record["status"] = m.ChannelStatus.default_for(m.ChannelSource(source)).value \
                if source in {e.value for e in m.ChannelSource} else "unverified"
        ident = record.get(key)
        name = _record(what, ident) if _KINDS[ID][0](ident) else \
            Phrase("dump.record_in_list", entity=Term(what), n=n)
        for field, test, expected, nullable in tests:
            if field not in record:
                raise BadInput("dump.no_field", record=name, field=field)
            value = record[field]
            if not (test(value) or nullable and value is None):
                raise BadInput("dump.bad_value", record=name, field=field, value=_show(value),
                               expected=expected)
        if len(record) != len(allowed):  # every field is there: so an extra key, or no content
            extra = sorted(set(record) - allowed)
            if extra:
                raise BadInput("dump.unknown_key", record=name, key=_show(extra[0]))
            raise BadInput("dump.no_content", record=name)
        if ident in by_id:
            plural = "ledger entries" if section == "ledger" else section
            raise BadInput("dump.duplicate_id", records=Term(plural), key=key, id=ident)
        by_id[ident] = record
    return by_id


def _record(entity: str, ident) -> Phrase:
    """"channel 3", in the words of the user's language."""
    return Phrase("dump.record", entity=Term(entity), id=ident)


def _refer(name: Phrase, ident, target: dict, what: str) -> None:
    if ident is not None and ident not in target:
        raise BadInput("dump.dangling", record=name, entity=Term(what), id=ident)


def _check_links(t: dict) -> None:
    """Every reference between records resolves, and what the schema keeps unique is."""
    names, triples = set(), set()
    for p in t["platforms"].values():
        folded = p["name"].translate(_ASCII_FOLD)  # SQLite's NOCASE folds A-Z only
        if folded in names:
            raise BadInput("dump.duplicate_platform", name=_show(p["name"]))
        names.add(folded)
    for c in t["channels"].values():
        _refer(_record("channel", c["id"]), c["platform_id"], t["platforms"], "platform")
        if (c["platform_id"], c["kind"], c["value"]) in triples:
            raise BadInput("dump.duplicate_channel", kind=Term(c["kind"]),
                           value=_show(c["value"]), platform=c["platform_id"])
        triples.add((c["platform_id"], c["kind"], c["value"]))
    for c in t["cases"].values():
        _refer(_record("case", c["id"]), c["platform_id"], t["platforms"], "platform")
    for i in t["interactions"].values():
        _refer(_record("interaction", i["id"]), i["case_id"], t["cases"], "case")
        _refer(_record("interaction", i["id"]), i["channel_id"], t["channels"], "channel")
        if i["channel_id"] is not None and t["channels"][i["channel_id"]]["platform_id"] != \
                t["cases"][i["case_id"]]["platform_id"]:
            raise BadInput("dump.channel_of_other_platform", interaction=i["id"],
                           channel=i["channel_id"], case=i["case_id"])
    for section in ("references", "promises", "attachments"):
        for r in t[section].values():
            _refer(_record(SECTIONS[section][1], r["id"]), r["interaction_id"],
                   t["interactions"], "interaction")
    for item in t["checklist"].values():
        _refer(_record("checklist item", item["id"]), item["case_id"], t["cases"], "case")
        _refer(_record("checklist item", item["id"]), item["interaction_id"], t["interactions"],
               "interaction")
    for p in t["promises"].values():
        case_id = t["interactions"][p["interaction_id"]]["case_id"]
        if p["case_id"] != case_id:
            raise BadInput("dump.promise_case_mismatch", promise=p["id"], case=p["case_id"],
                           interaction=p["interaction_id"], its_case=case_id)


_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def decode_content(record: dict) -> bytes:
    try:
        return base64.b64decode(record["content_base64"], validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise BadInput("dump.bad_base64", attachment=record["id"]) from None


def _check_files(records: dict) -> None:
    for a in records.values():
        data = decode_content(a)  # one file at a time: decoded again when it is written
        if len(data) != a["size"] or hashlib.sha256(data).hexdigest() != a["sha256"]:
            raise BadInput("dump.file_mismatch", attachment=a["id"], name=_show(a["name"]))


def _check_chain(entries: list) -> None:
    """The chain recomputes along both its links (see first_break), in seq order."""
    try:
        broken = first_break(ChainEntry(**e) for e in entries)
    except ValueError:  # NaN, Infinity or a lone surrogate in a body: no canonical form
        bad = next(e for e in entries if not _canonical_ok(e["body"]))
        raise BadInput("dump.ledger_body", seq=bad["seq"]) from None
    if broken:  # the same link first_break names, inside this sentence
        raise BadInput("dump.chain_broken", link=Phrase(f"dump.{broken.code}", **broken.params))
    previous = 0
    for e in entries:
        if e["seq"] <= previous:
            raise BadInput("dump.ledger_order", seq=e["seq"])
        previous = e["seq"]


def _canonical_ok(body: dict) -> bool:
    try:
        canonical(body)
    except ValueError:
        return False
    return True


def _replay(entries: list) -> tuple[dict, dict]:
    """Each record's fields as the chain has them, and the case its entries are filed under."""
    state: dict[tuple, dict] = {}
    filed: dict[tuple, int | None] = {}
    for e in entries:
        key, body = (e["entity"], e["entity_id"]), e["body"]
        if e["entity"] == "signing_key":  # a key's introduction into a case: not a record
            continue
        if e["action"] == "create":
            if key in state:
                raise BadInput("dump.created_twice", entity=Term(key[0]), id=key[1])
            state[key] = {"revision": 1, "voided_at": None, "void_reason": None,
                          "status_changed_at": None, **body, "recorded_at": e["recorded_at"]}
            filed[key] = e["case_id"]
        elif key not in state:
            raise BadInput("dump.changed_before_created", seq=e["seq"], entity=Term(key[0]),
                           id=key[1])
        elif e["action"] == "amend":
            state[key].update(body)
        elif e["action"] == "status":
            state[key].update(status=body.get("to"), status_changed_at=e["recorded_at"])
        elif e["action"] == "void":
            state[key].update(voided_at=e["recorded_at"], void_reason=body.get("reason"))
    return state, filed


def _check_against_ledger(t: dict, entries: list) -> None:
    """Each record is what its ledger entries say, and each created record is in the dump."""
    state, filed = _replay(entries)
    records = [(s, SECTIONS[s][1], ident, r) for s in RECORDS for ident, r in t[s].items()]
    for _, entity, ident, _ in records:  # first, so that a file cut short says so
        if (entity, ident) not in state:
            raise BadInput("dump.not_in_chain", entity=Term(entity), id=ident)
    for section, entity, ident, record in records:
        for field, value in state[(entity, ident)].items():
            if field in record and record[field] != value:
                raise BadInput("dump.differs_from_chain", entity=Term(entity), id=ident,
                               field=field)
        case = _case_of(section, record, t)
        if filed[(entity, ident)] != case:
            raise BadInput("dump.filed_elsewhere", entity=Term(entity), id=ident,
                           filed=filed[(entity, ident)], case=case)
    if len(records) != len(state):
        seen = {(entity, ident) for _, entity, ident, _ in records}
        entity, ident = next(key for key in state if key not in seen)
        raise BadInput("dump.chain_extra", entity=Term(entity), id=ident)


def _case_of(section: str, record: dict, t: dict) -> int | None:
    if section == "cases":
        return record["id"]
    if section in ("references", "attachments"):
        return t["interactions"][record["interaction_id"]]["case_id"]
    return record.get("case_id")  # interactions and promises; none for platforms, channels


def check(document) -> dict:
    """Check everything; return {section: {id: record}}, or raise BadInput on the first problem."""
    _check_shape(document)
    # A section written before its added fields (ADDED_IN) gets them filled in.
    t = {section: _check_records(section, document[section],
                                 document["schema"] < ADDED_IN.get(section, 0))
         for section in SECTIONS}
    _check_links(t)
    _check_files(t["attachments"])
    _check_chain(document["ledger"])
    _check_against_ledger(t, document["ledger"])
    return t
