"""The whole journal as one JSON document, and back: docs/dump-format.md describes it.

An import is checked completely (dump_check.py) before anything is written, then written
in one transaction, so a dump is taken in whole or not at all. Every record must agree
with what the hash chain says of it, so the imported journal proves exactly what the
original did.
"""
from __future__ import annotations

import base64
import json

from sqlcipher3 import dbapi2 as sqlite

from ..domain.chain import canonical
from ..domain.times import instant, now_text
from ..errors import BadInput, Term
from . import attachments, search
from .db import environment_error
from .dump_check import check, decode_content
from .dump_format import DERIVED, FORMAT, RECORDS, SECTIONS, VERSION

__all__ = ["FORMAT", "RECORDS", "SECTIONS", "VERSION", "check", "dump", "load", "write"]


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


# -- import: writing --------------------------------------------------------------------------

_COUNT = "SELECT (SELECT count(*) FROM platforms) + (SELECT count(*) FROM ledger)"
_TOO_DEEP = "dump.too_deep"
_NOT_EMPTY = "dump.journal_not_empty"


def _parse(document):
    """A document given as JSON text (str or bytes) is parsed; a parsed one is kept."""
    if isinstance(document, (bytes, bytearray)):
        try:
            document = document.decode("utf-8")
        except UnicodeDecodeError:
            raise BadInput("dump.not_utf8") from None
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except json.JSONDecodeError as exc:
            raise BadInput("dump.not_json", why=Term(exc.msg), line=exc.lineno) from None
        except (RecursionError, ValueError):  # nested thousands deep, or a 5,000-digit number
            raise BadInput(_TOO_DEEP) from None
    return document


def _inserter(section: str):
    """The INSERT for a section's table, and a record's row for it."""
    table, _, fields = SECTIONS[section]
    columns = list(fields)
    derived, source = DERIVED.get(section, (None, None))
    columns += [derived] if derived else []
    # Stored as the store writes them: languages as a JSON list, a body in canonical form.
    encode = {"languages": json.dumps, "countries": json.dumps,
              "body": lambda v: canonical(v).decode("utf-8"),
              "salts": lambda v: None if v is None else canonical(v).decode("utf-8")}
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
    data, size = decode_content(record), attachments.CHUNK
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
    try:
        check(document)
    except RecursionError:  # a value nested deeper than Python can follow
        raise BadInput(_TOO_DEEP) from None
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
            raise BadInput("dump.breaks_schema", detail=str(exc)) from None  # no data in it
        except sqlite.DatabaseError as exc:
            raise environment_error(exc) from None
    counts = {section: len(document[section]) for section in RECORDS}
    counts["ledger entries"] = len(document["ledger"])
    return counts
