"""chain.json: a case's hash chain as a stranger can recompute it, secrets left out.

An entry of chain format 2 shows each field of its body by its value and salt, except a
field whose text holds a secret: that one is shown by its digest alone, and the entry's
hash is still recomputed whole (see journal/domain/chain.py). An entry of format 1 that
held a secret can only be shown redacted; its own hash then cannot be recomputed, and
`journal verify` names it as not provable.
"""
from __future__ import annotations

from ..domain.chain import field_digests

CHAIN_JSON_NAME = "chain.json"
CHAIN_FORMAT = "support-journal-chain"
CHAIN_VERSION = 2
# Free text in the ledger's entries; identifiers (references, titles, hashes) are left alone,
# as the case file leaves them.
PROSE_KEYS = ("notes", "reason", "text")


def _redactor():
    from ..domain.redaction import redact
    return redact


def _header(e) -> dict:
    return {"seq": e.seq, "case": e.case_id, "entity": e.entity, "id": e.entity_id,
            "action": e.action, "recorded_at": e.recorded_at, "prev": e.prev_hash,
            "case_prev": e.case_prev_hash, "hash": e.hash}


def secret_fields(body: dict, redact) -> list[str]:
    return [key for key in PROSE_KEYS
            if isinstance(body.get(key), str) and body[key] and redact(body[key])[1]]


def shown_entry(e, redact=None) -> dict:
    """One ledger entry as chain.json shows it."""
    redact = redact or _redactor()
    shown = _header(e)
    hidden = secret_fields(e.body, redact)
    if e.salts is None:  # format 1: the body is hashed as it is
        body = dict(e.body)
        for key in hidden:
            body[key] = redact(body[key])[0]
        shown["body"] = body
    else:
        digests = field_digests(e.body, e.salts)
        shown["v"] = 2
        shown["body"] = {k: v for k, v in e.body.items() if k not in hidden}
        shown["salts"] = {k: e.salts.get(k, "") for k in shown["body"]}
        if hidden:
            shown["digests"] = {k: digests[k] for k in hidden}
    if hidden:
        shown["redacted"] = hidden
    return shown


def chain_document(case_id: int, head: str, segment, directory=(), signing_key=None) -> dict:
    """The case's entries exactly as hashed (secrets by digest), the platform's and
    channels' entries that the case file's names and statuses come from, and the key
    that signs the export."""
    redact = _redactor()
    doc = {"format": CHAIN_FORMAT, "version": CHAIN_VERSION, "case_id": case_id, "head": head,
           "entries": [shown_entry(e, redact) for e in segment],
           "directory": [shown_entry(e, redact) for e in directory]}
    if signing_key is not None:
        doc["signing_key"] = {"public_key": signing_key.public_key,
                              "fingerprint": signing_key.fingerprint,
                              "pdf_public_key": signing_key.pdf_public_key}
    return doc
