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
