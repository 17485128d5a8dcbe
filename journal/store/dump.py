"""The whole journal as one JSON document: docs/dump-format.md describes it.

Importing one (checked as it streams, written all or nothing): dump_import.py.
"""
from __future__ import annotations

import base64
import json

from ..domain.times import now_text
from . import attachments
from .dump_format import FORMAT, RECORDS, SECTIONS, VERSION

__all__ = ["FORMAT", "RECORDS", "SECTIONS", "VERSION", "dump", "write"]


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
                record["salts"] = None if record["salts"] is None else json.loads(record["salts"])
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
