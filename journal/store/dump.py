"""The whole journal as one JSON document, and back: docs/dump-format.md describes it.

An import is checked completely before anything is written, then written in one
transaction, so a dump is taken in whole or not at all. Every record must agree
with what the hash chain says of it, so the imported journal proves exactly what
the original did.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from datetime import datetime

from sqlcipher3 import dbapi2 as sqlite

from ..domain import model as m
from ..domain.chain import ChainEntry, canonical, first_break
from ..domain.times import instant, now_text
from ..errors import BadInput
from . import attachments, search
from .db import environment_error
from .migrations import LATEST

FORMAT = "support-journal-dump"
VERSION = 1

# Kinds of value a field holds ("?": or null); an enum class stands for one of its words.
ID, ID_OR_NULL, TEXT, TEXT_OR_NULL, TIME, TIME_OR_NULL = "id", "id?", "text", "text?", "time", "time?"
MINUTES_OR_NULL, SIZE, HASH, HASH_OR_NULL = "minutes?", "size", "hash", "hash?"
LANGUAGES, OBJECT, COUNTRIES, DATE_OR_NULL = "languages", "object", "countries", "date?"

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
        "recorded_at": TIME, "last_activity": TIME}),
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
    "checklist": ("checklist", "checklist item", {
        "id": ID, "case_id": ID, "kind": m.ChecklistKind, "text": TEXT, "position": SIZE,
        "answered_at": TIME_OR_NULL, "interaction_id": ID_OR_NULL, "recorded_at": TIME}),
    "ledger": ("ledger", "ledger entry", {
        "seq": ID, "case_id": ID_OR_NULL, "entity": TEXT, "entity_id": ID, "action": TEXT,
        "recorded_at": TIME, "body": OBJECT, "prev_hash": HASH, "case_prev_hash": HASH_OR_NULL,
        "hash": HASH}),
}
# Sections the hash chain records; the checklist is preparation, not evidence.
RECORDS = [s for s in SECTIONS if s not in ("ledger", "checklist")]
# What a dump of an older schema lacks, and the value it gets on import: schema 3 added the
# platforms' and channels' details and the checklists. A missing channel status is worked
# out from its source, as migration 3 does.
ADDED = {"platforms": {"help_url": None, "status_url": None, "support_hours": None,
                       "time_zone": None, "languages": [], "countries": []},
         "channels": {"status": None, "last_checked": None, "hours": None}}
ADDED_SECTIONS = {"checklist": 3}
# Columns computed from another column, on import, rather than carried in the dump.
DERIVED = {"cases": ("last_activity_ts", "last_activity"),
           "interactions": ("started_ts", "started_at"), "promises": ("due_ts", "due_at")}
HEADER = ("format", "version", "schema", "exported_at")


# -- dump -----------------------------------------------------------------------------------

def _records(db, section: str, batch: int = 2000):
    """One section's records in id order, read in batches so memory stays bounded."""
    table, _, fields = SECTIONS[section]
    columns, after = list(fields), 0
    while rows := db.query(f"SELECT {', '.join(columns)} FROM {table} WHERE {columns[0]} > ? "
                           f"ORDER BY {columns[0]} LIMIT {batch}", (after,)):
        for row in rows:
            record = dict(zip(columns, row))
            if section in ("channels", "platforms"):
                for key in ("languages", "countries"):
                    if key in record:
                        record[key] = json.loads(record[key])
            elif section == "ledger":
                record["body"] = json.loads(record["body"])
            yield record
        after = rows[-1][0]


def _base64_pieces(db, attachment_id: int):
    """The file as base64 text, chunk by chunk (cut at multiples of 3 bytes, so they join)."""
    carry = b""
    for chunk in attachments.read(db, attachment_id):
        data = carry + chunk
        cut = len(data) - len(data) % 3
        carry = data[cut:]
        if cut:
            yield base64.b64encode(data[:cut]).decode("ascii")
    if carry:
        yield base64.b64encode(carry).decode("ascii")


def _header(db) -> dict:
    return {"format": FORMAT, "version": VERSION, "schema": db.one("PRAGMA user_version")[0],
            "exported_at": now_text()}


def dump(db) -> dict:
    """The whole journal as a dict of plain JSON values."""
    with db.reading():  # one snapshot, so the ledger and the tables agree
        document = _header(db)
        for section in SECTIONS:
            document[section] = list(_records(db, section))
        for record in document["attachments"]:
            record["content_base64"] = "".join(_base64_pieces(db, record["id"]))
    return document


def write(db, stream) -> None:
    """Write what dump() returns as JSON text to `stream`, never holding all of it."""
    def text(value):
        return json.dumps(value, ensure_ascii=False)

    with db.reading():
        stream.write("{" + ", ".join(f"{text(k)}: {text(v)}" for k, v in _header(db).items()))
        for section in SECTIONS:
            stream.write(f",\n {text(section)}: [")
            for n, record in enumerate(_records(db, section)):
                stream.write(",\n  " if n else "\n  ")
                if section != "attachments":
                    stream.write(text(record))
                    continue
                stream.write(text(record)[:-1] + ', "content_base64": "')
                for piece in _base64_pieces(db, record["id"]):
                    stream.write(piece)
                stream.write('"}')
            stream.write("]")
        stream.write("}\n")


# -- import: checking -------------------------------------------------------------------------

def _is_time(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


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
    text = json.dumps(value, ensure_ascii=False)
    text = text if _is_text(text) else json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "…"


_HEX = frozenset("0123456789abcdef")
# kind without "?": (test, what a value of the kind is, for the message)
_KINDS = {
    ID: (lambda v: type(v) is int and 0 < v < 2**63, "a whole number above 0"),
    SIZE: (lambda v: type(v) is int and 0 <= v < 2**63, "a whole number of 0 or more"),
    TEXT: (_is_text, "text"),
    TIME: (_is_time, "an ISO 8601 time with a UTC offset"),
    "minutes": (lambda v: type(v) in (int, float) and math.isfinite(v) and v >= 0,
                "a number of minutes"),
    HASH: (lambda v: isinstance(v, str) and len(v) == 64 and _HEX.issuperset(v),
           "a SHA-256 in 64 lower-case hex digits"),
    LANGUAGES: (lambda v: isinstance(v, list) and all(map(_is_text, v)),
                "a list of language codes"),
    OBJECT: (lambda v: isinstance(v, dict), "a JSON object"),
    COUNTRIES: (lambda v: isinstance(v, list) and all(
        isinstance(c, str) and len(c) == 2 and c.isascii() and c.isupper() for c in v),
        "a list of two-letter country codes"),
    "date": (lambda v: isinstance(v, str) and _is_date(v), "a date such as 2026-11-25"),
}


def _test(kind):
    """(test, what is expected, may be null) for a kind."""
    if isinstance(kind, type):
        words = frozenset(e.value for e in kind)
        return (lambda v: isinstance(v, str) and v in words), \
            "one of: " + ", ".join(e.value for e in kind), False
    return *_KINDS[kind.rstrip("?")], kind.endswith("?")


_TESTS = {section: [(field, *_test(kind)) for field, kind in fields.items()]
          for section, (_, _, fields) in SECTIONS.items()}


def _check_shape(document) -> None:
    if not isinstance(document, dict):
        raise BadInput("This is not a Support Journal dump: it is not a JSON object.")
    if document.get("format") != FORMAT:
        raise BadInput(f"This is not a Support Journal dump: its \"format\" is not \"{FORMAT}\".")
    version, schema = document.get("version"), document.get("schema")
    if type(version) is not int or version < 1:
        raise BadInput(f"The dump's version {_show(version)} is not a version number.")
    if version > VERSION:
        raise BadInput(f"The dump is format version {version}, but this Support Journal reads "
                       f"only up to version {VERSION}; update the program to import it.")
    if type(schema) is not int or schema < 0:
        raise BadInput(f"The dump's schema {_show(schema)} is not a schema number.")
    if schema > LATEST:
        raise BadInput(f"The dump comes from a journal of schema {schema}, newer than this "
                       f"Support Journal knows ({LATEST}); update the program to import it.")
    if not _is_time(document.get("exported_at")):
        raise BadInput("The dump's exported_at is not an ISO 8601 time with a UTC offset.")
    unknown = [key for key in document if key not in SECTIONS and key not in HEADER]
    if unknown:
        raise BadInput(f"The dump has an unknown section {_show(unknown[0])}.")
    for section in SECTIONS:
        if section in ADDED_SECTIONS and schema < ADDED_SECTIONS[section] \
                and section not in document:
            document[section] = []
        if not isinstance(document.get(section), list):
            raise BadInput(f"The dump has no \"{section}\" list; is the file complete?")


def _check_records(section: str, records: list, old: bool = False) -> dict:
    """Check each record's keys and values; return {id: record}."""
    _, what, fields = SECTIONS[section]
    tests, key = _TESTS[section], next(iter(fields))
    allowed = set(fields) | ({"content_base64"} if section == "attachments" else set())
    by_id: dict[int, dict] = {}
    added = ADDED.get(section, {}) if old else {}
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise BadInput(f"Record {n} of the dump's {section} is not a JSON object.")
        for field, value in added.items():
            record.setdefault(field, list(value) if isinstance(value, list) else value)
        if section == "channels" and record.get("status") is None and old:
            source = record.get("source")
            record["status"] = m.ChannelStatus.default_for(m.ChannelSource(source)).value \
                if source in {e.value for e in m.ChannelSource} else "unverified"
        ident = record.get(key)
        name = f"{what} {ident}" if _KINDS[ID][0](ident) else f"{what} number {n} in the list"
        for field, test, expected, nullable in tests:
            if field not in record:
                raise BadInput(f"The dump's {name} has no \"{field}\".")
            value = record[field]
            if not (test(value) or nullable and value is None):
                raise BadInput(f"The dump's {name} has {field} {_show(value)}, "
                               f"which is not {expected}.")
        if len(record) != len(allowed):  # every field is there: so an extra key, or no content
            extra = sorted(set(record) - allowed)
            raise BadInput(f"The dump's {name} has an unknown key {_show(extra[0])}." if extra
                           else f"The dump's {name} has no \"content_base64\".")
        if ident in by_id:
            plural = "ledger entries" if section == "ledger" else section
            raise BadInput(f"The dump has two {plural} with {key} {ident}.")
        by_id[ident] = record
    return by_id


def _refer(name: str, ident, target: dict, what: str) -> None:
    if ident is not None and ident not in target:
        raise BadInput(f"The dump's {name} refers to {what} {ident}, which is not in the dump.")


def _check_links(t: dict) -> None:
    """Every reference between records resolves, and what the schema keeps unique is."""
    names, triples = set(), set()
    for p in t["platforms"].values():
        folded = p["name"].translate(_ASCII_FOLD)  # SQLite's NOCASE folds A-Z only
        if folded in names:
            raise BadInput(f"The dump has two platforms named {_show(p['name'])}.")
        names.add(folded)
    for c in t["channels"].values():
        _refer(f"channel {c['id']}", c["platform_id"], t["platforms"], "platform")
        if (c["platform_id"], c["kind"], c["value"]) in triples:
            raise BadInput(f"The dump has two {c['kind']} channels {_show(c['value'])} for "
                           f"platform {c['platform_id']}.")
        triples.add((c["platform_id"], c["kind"], c["value"]))
    for c in t["cases"].values():
        _refer(f"case {c['id']}", c["platform_id"], t["platforms"], "platform")
    for i in t["interactions"].values():
        _refer(f"interaction {i['id']}", i["case_id"], t["cases"], "case")
        _refer(f"interaction {i['id']}", i["channel_id"], t["channels"], "channel")
        if i["channel_id"] is not None and t["channels"][i["channel_id"]]["platform_id"] != \
                t["cases"][i["case_id"]]["platform_id"]:
            raise BadInput(f"The dump's interaction {i['id']} uses channel {i['channel_id']}, "
                           f"which belongs to another platform than case {i['case_id']}.")
    for section in ("references", "promises", "attachments"):
        for r in t[section].values():
            _refer(f"{SECTIONS[section][1]} {r['id']}", r["interaction_id"], t["interactions"],
                   "interaction")
    for item in t["checklist"].values():
        _refer(f"checklist item {item['id']}", item["case_id"], t["cases"], "case")
        _refer(f"checklist item {item['id']}", item["interaction_id"], t["interactions"],
               "interaction")
    for p in t["promises"].values():
        case_id = t["interactions"][p["interaction_id"]]["case_id"]
        if p["case_id"] != case_id:
            raise BadInput(f"The dump's promise {p['id']} names case {p['case_id']}, but its "
                           f"interaction {p['interaction_id']} belongs to case {case_id}.")


_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _decode(record: dict) -> bytes:
    try:
        return base64.b64decode(record["content_base64"], validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise BadInput(f"The dump's attachment {record['id']} has content_base64 that is not "
                       f"valid base64.") from None


def _check_files(records: dict) -> None:
    for a in records.values():
        data = _decode(a)  # one file at a time: decoded again when it is written
        if len(data) != a["size"] or hashlib.sha256(data).hexdigest() != a["sha256"]:
            raise BadInput(f"The dump's attachment {a['id']} ({_show(a['name'])}) does not "
                           f"match its size and SHA-256.")


def _check_chain(entries: list) -> None:
    """The chain recomputes along both its links (see first_break), in seq order."""
    try:
        broken = first_break(ChainEntry(**e) for e in entries)
    except ValueError:  # NaN, Infinity or a lone surrogate in a body: no canonical form
        bad = next(e for e in entries if not _canonical_ok(e["body"]))
        raise BadInput(f"The dump's ledger entry {bad['seq']} has a body that is not plain "
                       f"JSON text.") from None
    if broken:
        raise BadInput(f"The dump's hash chain is broken: {broken[0].lower()}{broken[1:]}")
    previous = 0
    for e in entries:
        if e["seq"] <= previous:
            raise BadInput(f"The dump's ledger entry {e['seq']} is out of order.")
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
        if e["action"] == "create":
            if key in state:
                raise BadInput(f"The dump's ledger creates {key[0]} {key[1]} twice.")
            state[key] = {"revision": 1, "voided_at": None, "void_reason": None,
                          "status_changed_at": None, **body, "recorded_at": e["recorded_at"]}
            filed[key] = e["case_id"]
        elif key not in state:
            raise BadInput(f"The dump's ledger entry {e['seq']} changes {key[0]} {key[1]} "
                           f"before any entry creates it.")
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
            raise BadInput(f"The dump's {entity} {ident} has no entry in the hash chain; "
                           f"is the file complete?")
    for section, entity, ident, record in records:
        for field, value in state[(entity, ident)].items():
            if field in record and record[field] != value:
                raise BadInput(f"The dump's {entity} {ident} does not match the hash chain "
                               f"in its \"{field}\".")
        case = _case_of(section, record, t)
        if filed[(entity, ident)] != case:
            raise BadInput(f"The dump's hash chain files {entity} {ident} under case "
                           f"{filed[(entity, ident)]}, not case {case}.")
    if len(records) != len(state):
        seen = {(entity, ident) for _, entity, ident, _ in records}
        entity, ident = next(key for key in state if key not in seen)
        raise BadInput(f"The dump's hash chain records {entity} {ident}, which is not in the "
                       f"dump.")


def _case_of(section: str, record: dict, t: dict) -> int | None:
    if section == "cases":
        return record["id"]
    if section in ("references", "attachments"):
        return t["interactions"][record["interaction_id"]]["case_id"]
    return record.get("case_id")  # interactions and promises; none for platforms, channels


def check(document) -> dict:
    """Check everything; return {section: {id: record}}, or raise BadInput on the first problem."""
    _check_shape(document)
    old = document["schema"] < 3  # written before the directory details: filled in
    t = {section: _check_records(section, document[section], old) for section in SECTIONS}
    _check_links(t)
    _check_files(t["attachments"])
    _check_chain(document["ledger"])
    _check_against_ledger(t, document["ledger"])
    return t


# -- import: writing --------------------------------------------------------------------------

_COUNT = "SELECT (SELECT count(*) FROM platforms) + (SELECT count(*) FROM ledger)"
_NOT_EMPTY = "Import needs a new, empty journal; create one with `journal init --journal DIR`."


def _parse(document):
    """A document given as JSON text (str or bytes) is parsed; a parsed one is kept."""
    if isinstance(document, (bytes, bytearray)):
        try:
            document = document.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("The dump is not UTF-8 text, so it is not a journal dump.") from None
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError as exc:
            raise BadInput(f"The dump is not complete JSON ({exc.msg} at line {exc.lineno}); "
                           f"nothing was imported.") from None
    return document


def _inserter(section: str):
    """The INSERT for a section's table, and a record's row for it."""
    table, _, fields = SECTIONS[section]
    columns = list(fields)
    derived, source = DERIVED.get(section, (None, None))
    columns += [derived] if derived else []
    # Stored as the store writes them: languages as a JSON list, a body in canonical form.
    encode = {"languages": json.dumps, "countries": json.dumps, "body": lambda v: canonical(v).decode("utf-8")}
    encoded = [(n, encode[c]) for n, c in enumerate(columns) if c in encode]

    def to_row(record):
        row = [record[k] for k in fields]
        for n, how in encoded:
            row[n] = how(row[n])
        if derived:
            row.append(instant(record[source]))
        return row
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", to_row


def _insert_chunks(conn, record: dict) -> None:
    data, size = _decode(record), attachments.CHUNK
    pieces = [data[i:i + size] for i in range(0, len(data), size)] or [b""]
    conn.executemany("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?,?,?)",
                     [(record["id"], seq, piece) for seq, piece in enumerate(pieces)])


def load(db, document) -> dict:
    """Import a dump (parsed, or its JSON text) into an empty journal; return counts per kind.

    Nothing is written unless all of the dump checks out; then all of it is written in
    one transaction, so a failure part-way leaves the journal as empty as it was.
    """
    if db.one(_COUNT)[0]:
        raise BadInput(_NOT_EMPTY)
    document = _parse(document)
    check(document)
    with db.transaction() as conn:
        if conn.execute(_COUNT).fetchone()[0]:
            raise BadInput(_NOT_EMPTY)
        try:
            for section in SECTIONS:
                sql, to_row = _inserter(section)
                conn.executemany(sql, map(to_row, document[section]))
            for record in document["attachments"]:
                _insert_chunks(conn, record)
            search.rebuild(conn)
        except sqlite.IntegrityError as exc:  # a rule of the schema the checks above missed
            raise BadInput(f"The dump breaks a rule of the journal's database ({exc}); "
                           f"nothing was imported.") from None
        except sqlite.DatabaseError as exc:
            raise environment_error(exc) from None
    counts = {section: len(document[section]) for section in RECORDS}
    counts["ledger entries"] = len(document["ledger"])
    return counts
