"""Reference numbers as people type them: `ticket:12345`, `tx:0xabc…`, or just `12345`."""
from __future__ import annotations

import re

from ..errors import BadInput
from .model import ReferenceKind

_ALIASES = {
    "ticket": ReferenceKind.TICKET, "case": ReferenceKind.CASE, "chat": ReferenceKind.CHAT_ID,
    "chat-id": ReferenceKind.CHAT_ID, "tx": ReferenceKind.TX_HASH, "txid": ReferenceKind.TX_HASH,
    "tx-hash": ReferenceKind.TX_HASH, "hash": ReferenceKind.TX_HASH,
    "withdrawal": ReferenceKind.WITHDRAWAL_ID, "withdrawal-id": ReferenceKind.WITHDRAWAL_ID,
    "order": ReferenceKind.ORDER_ID, "order-id": ReferenceKind.ORDER_ID,
    "other": ReferenceKind.OTHER,
}
_TX_HASH = re.compile(r"^(0x)?[0-9a-fA-F]{64}$")
MAX_LENGTH = 200


def guess_kind(value: str) -> ReferenceKind:
    return ReferenceKind.TX_HASH if _TX_HASH.match(value) else ReferenceKind.TICKET


def parse_reference(text: str, kind: str | None = None) -> tuple[ReferenceKind, str]:
    """Split 'kind:value'; a bare value is a transaction hash if it looks like one, else a ticket."""
    raw = (text or "").strip()
    if kind is None and ":" in raw:
        head, _, rest = raw.partition(":")
        if head.strip().lower() in _ALIASES and rest.strip():
            kind, raw = head.strip().lower(), rest.strip()
    if not raw:
        raise BadInput("reference.empty")
    if len(raw) > MAX_LENGTH or "\n" in raw:
        raise BadInput("reference.too_long", limit=MAX_LENGTH)
    if kind is None:
        return guess_kind(raw), raw
    if kind.lower() in _ALIASES:
        return _ALIASES[kind.lower()], raw
    return ReferenceKind.parse(kind, "reference kind"), raw


# References in free text, conservatively: a ticket number in brackets as help desks put it
# in subjects ("[#12345]"), a number after a word saying what it is ("Ticket 12345",
# "Case ID: 12345", "工单号：12345"), "#12345" alone, and a 0x transaction hash. A value must
# hold a digit, so "ticket was closed" or "case of" are never references.
_VALUE = r"(?P<value>[A-Za-z0-9-]*\d[A-Za-z0-9-]*)"
_REFERENCES = [
    (re.compile(r"\[#\s?" + _VALUE + r"\]"), "ticket"),
    (re.compile(r"\b(?:ticket|request|conversation)(?:\s+(?:id|no\.?|number))?\s*[#:：]?\s*#?"
                + _VALUE + r"\b", re.I), "ticket"),
    (re.compile(r"\bcase(?:\s+(?:id|no\.?|number))?\s*[#:：]?\s*#?" + _VALUE + r"\b", re.I),
     "case"),
    (re.compile(r"(?:工单|单号|案件|会话)(?:编号|号码|号)?\s*[:：#]?\s*" + _VALUE), "ticket"),
    (re.compile(r"(?<![\w#&/])#(?P<value>\d{4,20})\b"), "ticket"),
    (re.compile(r"\b(?P<value>0x[0-9a-fA-F]{64})\b"), "tx"),
]


def find_references(*texts: str) -> tuple[str, ...]:
    """The reference numbers in `texts`, each once, as "kind:value" (see _REFERENCES)."""
    found: dict[str, None] = {}
    for text in texts:
        for pattern, kind in _REFERENCES:
            for match in pattern.finditer(text or ""):
                value = match.group("value").strip("-")
                if 4 <= len(value) <= 64 and any(ch.isdigit() for ch in value):
                    if not any(k.endswith(":" + value) for k in found):
                        found[f"{kind}:{value}"] = None
    return tuple(found)[:50]
