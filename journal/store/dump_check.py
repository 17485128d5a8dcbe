"""Checking a dump as it is read (see docs/dump-format.md, "What import checks"): its
header, each record as it comes, and then what needs them all (the links between records);
each attachment's bytes as they are decoded. The chain and the ledger's replay: dump_chain.py.

A problem is one sentence naming it (a BadInput); the importer (dump_import.py) keeps the
first and writes nothing more.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
from datetime import datetime

from ..domain import model as m
from ..domain.times import MAX_YEAR, MIN_YEAR, in_range
from ..errors import BadInput, Phrase, Term
from .dump_format import (
    ADDED,
    COUNTRIES,
    FORMAT,
    HASH,
    ID,
    LANGUAGES,
    OBJECT,
    SECTIONS,
    SIZE,
    TEXT,
    TIME,
    VERSION,
)
from .migrations import LATEST

DISPUTE_SECTIONS = ("stages", "money", "transactions", "wallets")

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
    stack = [(value, 1)] if isinstance(value, (dict, list)) else []
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item)
                     if isinstance(v, (dict, list)))  # only what can nest: a body is flat
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


def check_header(header: dict, unknown: str | None) -> int:
    """The header's values (and the first key that is neither header nor section); return the
    dump's schema. `header` holds what the dump gave of HEADER's keys."""
    if header.get("format") != FORMAT:
        raise BadInput("dump.wrong_format", format=FORMAT)
    version, schema = header.get("version"), header.get("schema")
    if type(version) is not int or version < 1:
        raise BadInput("dump.bad_version", value=_show(version))
    if version > VERSION:
        raise BadInput("dump.newer_version", version=version, latest=VERSION)
    if type(schema) is not int or schema < 0:
        raise BadInput("dump.bad_schema", value=_show(schema))
    if schema > LATEST:
        raise BadInput("dump.newer_schema", schema=schema, latest=LATEST)
    if not _is_time(header.get("exported_at")):
        raise BadInput("dump.bad_exported_at")
    if unknown is not None:
        raise BadInput("dump.unknown_section", name=_show(unknown))
    return schema


def unknown_section(key) -> BadInput:
    return BadInput("dump.unknown_section", name=_show(key))


_ALLOWED = {section: set(fields) | ({"content_base64"} if section == "attachments" else set())
            for section, (_, _, fields) in SECTIONS.items()}
_KEY = {section: next(iter(fields)) for section, (_, _, fields) in SECTIONS.items()}
_CHANNEL_SOURCES = frozenset(e.value for e in m.ChannelSource)


def check_record(section: str, record, n: int, old: bool, seen: set) -> dict:
    """The n-th record of a section, with the fields a dump of an older schema lacks filled
    in (`old`); `seen` holds the section's ids so far, and gains this one."""
    if not isinstance(record, dict):
        raise BadInput("dump.record_not_object", n=n, section=section)
    what = SECTIONS[section][1]
    if old:
        record = dict(record)
        for field, value in ADDED.get(section, {}).items():
            record.setdefault(field, list(value) if isinstance(value, list) else value)
        if section == "channels" and record.get("status") is None:
            source = record.get("source")
            record["status"] = m.ChannelStatus.default_for(m.ChannelSource(source)).value \
                if source in _CHANNEL_SOURCES else "unverified"
    key = _KEY[section]
    ident = record.get(key)

    def name() -> Phrase:  # made only for a sentence: a Phrase a record would cost seconds
        return _record(what, ident) if _KINDS[ID][0](ident) else \
            Phrase("dump.record_in_list", entity=Term(what), n=n)
    for field, test, expected, nullable in _TESTS[section]:
        if field not in record:
            raise BadInput("dump.no_field", record=name(), field=field)
        value = record[field]
        if not (test(value) or nullable and value is None):
            raise BadInput("dump.bad_value", record=name(), field=field, value=_show(value),
                           expected=expected)
    allowed = _ALLOWED[section]
    if len(record) != len(allowed):  # every field is there: so an extra key, or no content
        extra = sorted(set(record) - allowed)
        if extra:
            raise BadInput("dump.unknown_key", record=name(), key=_show(extra[0]))
        raise BadInput("dump.no_content", record=name())
    if ident in seen:
        plural = "ledger entries" if section == "ledger" else section
        raise BadInput("dump.duplicate_id", records=Term(plural), key=key, id=ident)
    seen.add(ident)
    return record


def _record(entity: str, ident) -> Phrase:
    """"channel 3", in the words of the user's language."""
    return Phrase("dump.record", entity=Term(entity), id=ident)


def _refer(name: Phrase, ident, target, what: str) -> None:
    if ident and ident not in target:
        raise BadInput("dump.dangling", record=name, entity=Term(what), id=ident)


_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# What each section's records refer to, kept as whole numbers (0 for null) in the order read.
_LINKED = {"platforms": ("id",), "channels": ("id", "platform_id"),
           "cases": ("id", "platform_id"), "interactions": ("id", "case_id", "channel_id"),
           "references": ("id", "interaction_id"),
           "promises": ("id", "interaction_id", "case_id"),
           "attachments": ("id", "interaction_id"),
           "checklist": ("id", "case_id", "interaction_id"),
           **{section: ("id", "case_id") for section in DISPUTE_SECTIONS}}


class Links:
    """What the references between records need, kept as the records pass (their ids and
    references only, never their text): checked once all are read (`check`), in the order
    the checks always had. A name or channel that the database keeps unique, given twice, is
    known at once (`add` says False): nothing more may be written."""

    def __init__(self):
        self._numbers = {section: array("q") for section in _LINKED}
        self._names: set[str] = set()
        self._triples: set[tuple] = set()
        self._twice: tuple | None = None  # (section, the record's position, its sentence)

    def add(self, section: str, record: dict) -> bool:
        fields = _LINKED.get(section)
        if fields is None:
            return True
        numbers = self._numbers[section]
        numbers.extend(record[f] or 0 for f in fields)
        if section == "platforms":
            folded = record["name"].translate(_ASCII_FOLD)  # SQLite's NOCASE folds A-Z only
            if folded in self._names:
                return self._once(section, BadInput("dump.duplicate_platform",
                                                    name=_show(record["name"])))
            self._names.add(folded)
        elif section == "channels":
            triple = (record["platform_id"], record["kind"], record["value"])
            if triple in self._triples:
                return self._once(section, BadInput(
                    "dump.duplicate_channel", kind=Term(record["kind"]),
                    value=_show(record["value"]), platform=record["platform_id"]))
            self._triples.add(triple)
        return True

    def _once(self, section: str, problem: BadInput) -> bool:
        if self._twice is None:
            self._twice = (section, len(self._numbers[section]) // len(_LINKED[section]) - 1,
                           problem)
        return False

    def rows(self, section: str):
        """Each record's (id, what it refers to…), in the order read."""
        numbers, width = self._numbers[section], len(_LINKED[section])
        return (tuple(numbers[i:i + width]) for i in range(0, len(numbers), width))

    def ids(self, section: str):
        width = len(_LINKED[section])
        return self._numbers[section][::width]

    def interaction_cases(self) -> dict[int, int]:
        numbers = self._numbers["interactions"]
        return dict(zip(numbers[::3], numbers[1::3]))

    def check(self) -> None:
        """Every reference resolves, and what the schema keeps unique is: the first problem,
        in the order of the checks (platforms, channels… then the promises' cases)."""
        twice = self._twice or (None, -1, None)
        if twice[0] == "platforms":
            raise twice[2]
        platforms = set(self.ids("platforms"))
        channels = dict(self.rows("channels"))
        for n, (cid, pid) in enumerate(self.rows("channels")):
            _refer(_record("channel", cid), pid, platforms, "platform")
            if twice[0] == "channels" and twice[1] == n:
                raise twice[2]
        cases = dict(self.rows("cases"))
        for cid, pid in self.rows("cases"):
            _refer(_record("case", cid), pid, platforms, "platform")
        interactions = self.interaction_cases()
        for iid, case_id, channel_id in self.rows("interactions"):
            _refer(_record("interaction", iid), case_id, cases, "case")
            _refer(_record("interaction", iid), channel_id, channels, "channel")
            if channel_id and channels[channel_id] != cases[case_id]:
                raise BadInput("dump.channel_of_other_platform", interaction=iid,
                               channel=channel_id, case=case_id)
        for section in ("references", "promises", "attachments"):
            for ident, iid, *_ in self.rows(section):
                _refer(_record(SECTIONS[section][1], ident), iid, interactions, "interaction")
        for section in DISPUTE_SECTIONS:
            for ident, case_id in self.rows(section):
                _refer(_record(SECTIONS[section][1], ident), case_id, cases, "case")
        for ident, case_id, iid in self.rows("checklist"):
            _refer(_record("checklist item", ident), case_id, cases, "case")
            _refer(_record("checklist item", ident), iid, interactions, "interaction")
        for ident, iid, case_id in self.rows("promises"):
            if case_id != interactions[iid]:
                raise BadInput("dump.promise_case_mismatch", promise=ident, case=case_id,
                               interaction=iid, its_case=interactions[iid])


class Content:
    """An attachment's bytes as they come: their size and SHA-256, and the bytes given to
    `store(seq, data)` in pieces of `chunk` bytes (the last one shorter; an empty file still
    has its one empty piece), if a store is given. `valid`: whether its base64 was."""

    def __init__(self, store=None, chunk: int = 1):
        self._digest, self.size, self.valid = hashlib.sha256(), 0, True
        self._store, self._chunk, self._buffer, self._seq = store, chunk, bytearray(), 0

    def feed(self, data: bytes) -> None:
        self._digest.update(data)
        self.size += len(data)
        if self._store is None:
            return
        if not self._buffer and len(data) % self._chunk == 0:  # whole pieces: no copy
            view = memoryview(data)
            for at in range(0, len(data), self._chunk):
                self._put(view[at:at + self._chunk])
            return
        self._buffer += data
        whole = len(self._buffer) - len(self._buffer) % self._chunk
        if whole:
            view = memoryview(self._buffer)
            for at in range(0, whole, self._chunk):
                self._put(bytes(view[at:at + self._chunk]))
            view.release()
            del self._buffer[:whole]

    def _put(self, piece) -> None:
        self._store(self._seq, piece)
        self._seq += 1

    def close(self, valid: bool) -> None:
        self.valid = valid
        if valid and self._store is not None and (self._buffer or self._seq == 0):
            self._put(bytes(self._buffer))
            self._buffer.clear()

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()


def file_problem(record: dict, content: Content | None) -> BadInput | None:
    """Whether the attachment's bytes decode, and match its size and SHA-256."""
    if content is None or not content.valid:  # not a string, or not base64
        return BadInput("dump.bad_base64", attachment=record["id"])
    if content.size != record["size"] or content.sha256 != record["sha256"]:
        return BadInput("dump.file_mismatch", attachment=record["id"], name=_show(record["name"]))
    return None
