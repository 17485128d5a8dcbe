"""The hash chain over every create, amend and void.

Each entry's hash is SHA-256 over a canonical JSON of the entry together with
the hash of the journal's previous entry and of the previous entry of the
same case, so a case's entries form a chain of their own that an export can
carry and a stranger can check without the rest of the journal.

Entries of format 2 commit to each field of their body through its own salted
digest, SHA-256 of [salt, name, value] (the idea of SD-JWT's disclosures): an
export can show a field that holds a secret by its digest alone, every other
field by its value and salt, and the entry's hash is still recomputed whole.
Entries of format 1 (recorded before) hash the body itself; one of those whose
text had to be redacted cannot be proven, and is reported so.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass

from ..errors import Phrase

GENESIS = "0" * 64


def canonical(obj) -> bytes:
    """The one byte form that is hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    case_id: int | None
    entity: str
    entity_id: int
    action: str
    recorded_at: str
    body: dict
    prev_hash: str
    case_prev_hash: str | None
    hash: str
    salts: dict | None = None   # format 2: one salt per body field; None for format 1

    def hashed_form(self) -> dict:
        if self.salts is None:
            return hashed_form(self.seq, self.case_id, self.entity, self.entity_id,
                               self.action, self.recorded_at, self.body, self.prev_hash,
                               self.case_prev_hash)
        return committed_form(self.seq, self.case_id, self.entity, self.entity_id, self.action,
                              self.recorded_at, field_digests(self.body, self.salts),
                              self.prev_hash, self.case_prev_hash)


def new_salts(body: dict) -> dict:
    """A fresh 128-bit salt for each field, so a digest shown alone gives nothing away."""
    return {key: secrets.token_hex(16) for key in body}


def field_digest(salt: str, key: str, value) -> str:
    """SHA-256 of the canonical JSON of [salt, name, value]."""
    return hashlib.sha256(canonical([salt, key, value])).hexdigest()


# One encoder made once: what canonical() writes, without building it per call; `journal
# check` computes this for every field of every entry.
_encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                           allow_nan=False).encode


def field_digests(body: dict, salts: dict) -> dict:
    """Each field's digest (as field_digest); a field without its salt gets none that can
    match."""
    sha256, get = hashlib.sha256, salts.get
    return {key: sha256(f"[{_encode(get(key, ''))},{_encode(key)},{_encode(value)}]"
                        .encode("utf-8")).hexdigest()
            for key, value in body.items()}


def committed_form(seq, case_id, entity, entity_id, action, recorded_at, digests: dict,
                   prev_hash, case_prev_hash) -> dict:
    """What a format-2 entry's hash is taken over: the body only by its fields' digests."""
    return {"v": 2, "seq": seq, "case": case_id, "entity": entity, "id": entity_id,
            "action": action, "recorded_at": recorded_at, "fields": digests, "prev": prev_hash,
            "case_prev": case_prev_hash}


def hashed_form(seq, case_id, entity, entity_id, action, recorded_at, body, prev_hash,
                case_prev_hash) -> dict:
    return {"seq": seq, "case": case_id, "entity": entity, "id": entity_id, "action": action,
            "recorded_at": recorded_at, "body": body, "prev": prev_hash,
            "case_prev": case_prev_hash}


def entry_hash(form: dict) -> str:
    return hashlib.sha256(canonical(form)).hexdigest()


def first_break(entries, *, per_case: bool = False) -> Phrase | None:
    """Recompute the chain; return a sentence naming the first broken link, or None.

    The whole journal's entries (in seq order) are checked along both links: each to the
    entry before it, and each case's entry to the case's entry before it. With per_case,
    entries are one case's segment and only its own links are followed.
    """
    prev = GENESIS
    last_of_case: dict[int, str] = {}
    for e in entries:
        if entry_hash(e.hashed_form()) != e.hash:
            return Phrase("chain.no_match", seq=e.seq, entity=e.entity, id=e.entity_id,
                          action=e.action)
        link = e.case_prev_hash if per_case else e.prev_hash
        if link != prev:
            return Phrase("chain.no_link", seq=e.seq, entity=e.entity, id=e.entity_id)
        prev = e.hash
        if per_case:
            continue
        expected = None if e.case_id is None else last_of_case.get(e.case_id, GENESIS)
        if e.case_prev_hash != expected:
            return Phrase("chain.no_case_link", seq=e.seq, entity=e.entity, id=e.entity_id)
        if e.case_id is not None:
            last_of_case[e.case_id] = e.hash
    return None
