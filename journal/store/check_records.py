"""`journal check`: every record against what its hash-chain entries make of it.

The chain proves what was recorded; this proves the tables still say it. One pass over the
ledger (the same pass that recomputes the chain) replays each record's entries, create then
amends, status changes and void, into the row they produce. Then each evidence table is read
once, in batches by id, and every row is compared with its replayed state: a row the chain
created that is gone, a row no entry created, a column that differs — each is named in one
sentence. A note or a promise's text is kept as its SHA-256 only, so memory stays small.

Columns the ledger does not record are left alone: a case's last_activity and
last_activity_ts (a cache of its latest interaction's time, for sorting) and every column
of the checklist, drafts and signing-key tables, which are not evidence. Columns computed
from a recorded one (an interaction's started_ts, a promise's due_ts) are checked against it.
Entities this check does not know (a signing key's introduction) are passed over.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from operator import itemgetter

from ..domain.model import ChannelSource, ChannelStatus
from ..domain.times import instant
from .directory import CHANNEL_FIELDS, LISTS, PLATFORM_FIELDS
from .dispute import TABLES as DISPUTE_TABLES
from .interactions import FIELDS

SHOWN = 10  # problems named; the rest are counted


@contextmanager
def snapshot(db):
    """db.reading(); when an error has already ended the transaction (SQLite ends it on
    some), a fresh one is begun for reading()'s COMMIT, so the error raised is the first."""
    with db.reading() as conn:
        try:
            yield conn
        except BaseException:
            if not conn.in_transaction:
                conn.execute("BEGIN")
            raise


def _recorded(e):
    return e.recorded_at


def _text_digest(value):
    """Long text as its digest; anything that is not text can never equal one."""
    if type(value) is str:
        return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()
    return ("not text", value)


def _list(value):
    """A list column as stored (JSON text) → the list; what does not parse matches nothing."""
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return ("not a list", value)
    return parsed if type(parsed) is list else ("not a list", value)


def _channel_status(body: dict):
    """A channel recorded before statuses existed: the status migration 3 gave it."""
    try:
        return ChannelStatus.default_for(ChannelSource(body.get("source"))).value
    except ValueError:
        return ChannelStatus.UNVERIFIED.value


class Kind:
    """One evidence table, and how its ledger entries make its rows."""

    def __init__(self, entity: str, table: str, columns: tuple, *, at_create=None,
                 defaults=None, hashed=(), lists=(), derived=None):
        self.entity, self.table, self.columns = entity, table, columns
        self.position = {c: i for i, c in enumerate(columns)}
        self.at_create = at_create or {}  # column: f(entry), for what the body does not carry
        self.defaults = defaults or {}    # column: value (or f(body)) when the body lacks it
        self.hashed, self.lists = frozenset(hashed), frozenset(lists)
        self.derived = derived or {}      # column: (the recorded column it is computed from, f)
        self.records: dict[int, list] = {}
        # A create's body gives the first columns, the entry itself the rest (at_create).
        self._from_body = [c for c in columns if c not in self.at_create]
        assert list(columns[:len(self._from_body)]) == self._from_body
        self._body = itemgetter(*self._from_body)
        self._late = [self.at_create[c] for c in columns[len(self._from_body):]]
        self._hashed_at = [self.position[c] for c in self.hashed]
        self._lists_at = [self.position[c] for c in self.lists]

    def _fold(self, column: str, value):
        if column in self.hashed:
            return _text_digest(value)
        return list(value) if column in self.lists and type(value) is list else value

    def _default(self, column: str, body: dict):
        default = self.defaults.get(column, [] if column in self.lists else None)
        return default(body) if callable(default) else default

    def add(self, e) -> None:
        if e.action == "create":
            body = e.body
            try:
                state = list(self._body(body))
            except KeyError:  # recorded before a field existed: the default it was given
                state = [body[c] if c in body else self._default(c, body)
                         for c in self._from_body]
            for f in self._late:
                state.append(f(e))
            for i in self._hashed_at:
                state[i] = _text_digest(state[i])
            for i in self._lists_at:
                state[i] = list(state[i]) if type(state[i]) is list else state[i]
            self.records[e.entity_id] = state
            return
        state = self.records.get(e.entity_id)
        if state is None:  # changed before any entry created it: its row, if any, is "added"
            return
        position = self.position
        if e.action == "amend":
            for key, value in e.body.items():
                if key in position:
                    state[position[key]] = self._fold(key, value)
        elif e.action == "status" and "status" in position:
            state[position["status"]] = e.body.get("to")
            if "status_changed_at" in position:
                state[position["status_changed_at"]] = e.recorded_at
        elif e.action == "void" and "voided_at" in position:
            state[position["voided_at"]] = e.recorded_at
            state[position["void_reason"]] = e.body.get("reason")

    def select(self) -> str:
        extra = "".join(f", {c}" for c in self.derived)
        return f"SELECT id, {', '.join(self.columns)}{extra} FROM {self.table}"

    def row_state(self, row) -> tuple[list, list]:
        """A row as a state to compare, and the derived columns that disagree with theirs."""
        n = len(self.columns)
        state = list(row[1:n + 1])
        for c in self.hashed:
            state[self.position[c]] = _text_digest(state[self.position[c]])
        for c in self.lists:
            state[self.position[c]] = _list(state[self.position[c]])
        wrong = []
        for k, (column, (source, f)) in enumerate(self.derived.items()):
            try:
                if f(row[1 + self.position[source]]) != row[n + 1 + k]:
                    wrong.append(column)
            except (TypeError, ValueError, OverflowError):
                wrong.append(column)
        return state, wrong


def kinds() -> list[Kind]:
    """The evidence tables, parents first (the order their problems are listed in)."""
    return [
        Kind("platform", "platforms", (*PLATFORM_FIELDS, "recorded_at"),
             at_create={"recorded_at": _recorded}, lists=LISTS & set(PLATFORM_FIELDS)),
        Kind("channel", "channels", ("platform_id", *CHANNEL_FIELDS, "recorded_at"),
             at_create={"recorded_at": _recorded}, defaults={"status": _channel_status},
             lists=LISTS & set(CHANNEL_FIELDS)),
        Kind("case", "cases", ("platform_id", "title", "category", "account_id", "status",
                               "opened_at", "jurisdiction", "recorded_at"),
             at_create={"recorded_at": _recorded}),
        Kind("interaction", "interactions", ("case_id", *FIELDS, "recorded_at", "revision",
                                             "voided_at", "void_reason"),
             at_create={"recorded_at": _recorded, "revision": lambda e: 1,
                        "voided_at": lambda e: None, "void_reason": lambda e: None},
             hashed={"notes"}, derived={"started_ts": ("started_at", instant)}),
        Kind("reference", "refs", ("interaction_id", "kind", "value", "recorded_at"),
             at_create={"recorded_at": _recorded}),
        Kind("promise", "promises", ("interaction_id", "text", "due_at", "status", "case_id",
                                     "recorded_at", "status_changed_at"),
             at_create={"recorded_at": _recorded, "case_id": lambda e: e.case_id,
                        "status_changed_at": lambda e: None},
             defaults={"status": "pending"}, hashed={"text"},
             derived={"due_ts": ("due_at", instant)}),
        Kind("attachment", "attachments", ("interaction_id", "name", "media_type", "size",
                                           "sha256", "recorded_at"),
             at_create={"recorded_at": _recorded}),
        *(Kind(t.entity, t.table, ("case_id", *t.fields, "recorded_at", "voided_at",
                                   "void_reason"),
               at_create={"recorded_at": _recorded, "voided_at": lambda e: None,
                          "void_reason": lambda e: None})
          for t in DISPUTE_TABLES),
    ]


class Replay:
    """Each record's row as its ledger entries make it, built in one pass over the ledger."""

    def __init__(self):
        self.kinds = kinds()
        self._by_entity = {k.entity: k for k in self.kinds}

    def feed(self, entries):
        """Pass `entries` through unchanged, replaying each on the way."""
        by_entity = self._by_entity
        for e in entries:
            kind = by_entity.get(e.entity)
            if kind is not None:
                kind.add(e)
            yield e

    def expected(self) -> int:
        """How many rows the replay expects in the tables (for the progress of differences)."""
        return sum(len(k.records) for k in self.kinds)


# A column as a sentence names it; one not here is "a" and its name.
_WORDS = {
    "case_id": "a case", "interaction_id": "an interaction", "platform_id": "a platform",
    "channel_id": "a channel", "started_at": "a start time", "started_ts": "a start time",
    "ended_at": "an end time", "wait_minutes": "a waiting time",
    "recorded_at": "a time of recording", "revision": "a revision number",
    "voided_at": "a time of voiding", "void_reason": "a reason for voiding",
    "due_at": "a due time", "due_ts": "a due time",
    "status_changed_at": "a time of status change", "opened_at": "an opening time",
    "account_id": "an account id", "media_type": "a media type", "sha256": "a SHA-256",
    "source_url": "a source URL", "last_checked": "a date checked", "help_url": "a help URL",
    "status_url": "a status URL", "languages": "languages", "countries": "countries",
    "hours": "hours", "support_hours": "support hours", "time_zone": "a time zone",
    "notes": "a note", "outcome": "an outcome", "agent": "an agent", "text": "a text",
    "jurisdiction": "a jurisdiction", "happened_at": "a time", "tx_hash": "a transaction id",
    "from_address": "a sending address", "to_address": "a receiving address",
    "to_body": "an addressee", "fiat_amount": "a fiat value", "fiat_currency": "a currency",
    "valued_on": "a date of valuation",
}


def _words(column: str) -> str:
    return _WORDS.get(column) or ("an " if column[0] in "aeiou" else "a ") + \
        column.replace("_", " ")


def _added(kind: Kind, rid: int) -> str:
    return f"The {kind.entity} {rid} was added outside the program: the hash chain never " \
           f"recorded it."


def _deleted(kind: Kind, rid: int) -> str:
    return f"The {kind.entity} {rid} was deleted outside the program: the hash chain recorded " \
           f"it, but the journal no longer has it."


def _changed(kind: Kind, rid: int, columns: list[str], expected: list, state: list) -> str:
    name = f"The {kind.entity} {rid}"
    if "voided_at" in columns:
        was, now = (x[kind.position["voided_at"]] is not None for x in (expected, state))
        if now and not was:
            return f"{name} was voided outside the program: the hash chain never voided it."
        if was and not now:
            return f"{name} was un-voided outside the program: the hash chain voided it."
    words = list(dict.fromkeys(_words(c) for c in columns))
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"{name} differs from the hash chain: it has {listed} the chain never recorded, " \
           f"so it was changed outside the program."


def differences(db, replay: Replay, batch: int = 5000, progress=None) -> list[str]:
    """Sentences naming each record that differs from the chain (the first SHOWN of them,
    then how many more), reading each table once in batches; progress(done, total) in rows
    after each batch."""
    shown: list[str] = []
    more = 0
    total, done = replay.expected(), 0

    def problem(sentence, *args) -> None:
        """Name the problem while fewer than SHOWN are named; count it after."""
        nonlocal more
        if len(shown) < SHOWN:
            shown.append(sentence(*args))
        else:
            more += 1

    for kind in replay.kinds:
        expected_rows, select, columns = kind.records, kind.select(), kind.columns
        after = -2**63
        while True:
            rows = db.query(f"{select} WHERE id > ? ORDER BY id LIMIT {batch}", (after,))
            if not rows:
                break
            for row in rows:
                rid = row[0]
                state, wrong = kind.row_state(row)
                expected = expected_rows.pop(rid, None)
                if expected is None:
                    problem(_added, kind, rid)
                elif wrong or state != expected:
                    differ = [c for c, a, b in zip(columns, state, expected) if a != b] + wrong
                    problem(_changed, kind, rid, differ, expected, state)
            after = rows[-1][0]
            done += len(rows)
            if progress is not None:
                progress(min(done, total), total)
        for rid in sorted(expected_rows):
            problem(_deleted, kind, rid)
        expected_rows.clear()
    if more:
        shown.append(f"…and {more:,} more records that differ from the hash chain.")
    return shown
