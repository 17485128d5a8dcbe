"""`journal check`: the search index against the records it is built from.

The index is contentless: it keeps no text to read back, only each word's postings, so
re-tokenising its rows is impossible, and a checksum kept beside it would prove nothing of
the postings themselves. So FTS5 does the comparing. The index's shadow tables are copied
into a temporary FTS5 table (in memory: temp_store is MEMORY; about 100 MB for 100,000
interactions) whose external content is a view giving, for every case and every interaction
not voided, the very row search._index_all writes (index_text applied by SQL functions).
FTS5's 'integrity-check' with rank 1 tokenises that view and compares it with what the index
holds: each row's token count per column exactly, and every posting (term, row, column,
position, prefix entries included) through FTS5's own 64-bit checksum over them all. Which
rows the index holds is compared exactly. Nothing in the journal's file is written. An
accidental or careless change is caught; postings built on purpose to cancel out in that
checksum could pass (the index is search's cache, not evidence: the records themselves are
held to the chain exactly, by check_records.py).

`journal check --repair-index` rebuilds the index (search.rebuild) in one transaction.
"""
from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite

from ..errors import Cancelled
from . import search
from .check_records import snapshot
from .db import primary_code

_TABLE = "journal_index_check"
_VIEW = "journal_index_expected"
_JOIN_CASE = "JOIN main.platforms p ON p.id = c.platform_id"
_JOIN_INTERACTION = f"JOIN main.cases c ON c.id = i.case_id {_JOIN_CASE}"
# search._index_all's rows, as one view (rid: the FTS rowid, -case id for a case's own row).
# An interaction's references and file names, joined as _index_all joins them, come from
# dicts read in the same snapshot (journal_index_refs, journal_index_files).
_EXPECTED = f"""CREATE TEMP VIEW {_VIEW} (rid, notes, refs, agent, title, platform, files) AS
SELECT -c.id, NULL, journal_index_text({search.case_refs_sql("main.")}), NULL,
       journal_index_text(c.title),
       journal_index_text(p.name), NULL
FROM main.cases c {_JOIN_CASE}
UNION ALL
SELECT i.id, journal_index_text(i.notes), journal_index_refs(i.id),
       journal_index_repeated(i.agent), journal_index_repeated(c.title),
       journal_index_repeated(p.name), journal_index_files(i.id)
FROM main.interactions i {_JOIN_INTERACTION}
WHERE i.voided_at IS NULL"""
# How many rows the index should hold. With the count of those it holds equal, and FTS5
# finding each expected row among them (a row it lacks fails its check), it holds those rows
# exactly: none missing, none extra.
_SHOULD_HOLD = f"""SELECT (SELECT count(*) FROM main.cases c {_JOIN_CASE})
    + (SELECT count(*) FROM main.interactions i {_JOIN_INTERACTION} WHERE i.voided_at IS NULL)"""
_CONTENT_OPTIONS = frozenset({"content", "content_rowid", "contentless_delete",
                              "contentless_unindexed"})
MISMATCH = ("The search index does not match the records (searches may miss entries or find "
            "ones that do not say what was searched for); run `journal check --repair-index`.")


def _arguments(create_sql: str) -> list[str]:
    """The arguments of `CREATE VIRTUAL TABLE … USING fts5 (…)`, split at top-level commas."""
    inner = create_sql[create_sql.index("(") + 1:create_sql.rindex(")")]
    out, current, quote = [], "", None
    for ch in inner:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
        elif ch == ",":
            out.append(current.strip())
            current = ""
            continue
        current += ch
    return [a for a in [*out, current.strip()] if a]


def _real_sql(conn) -> str:
    return conn.execute("SELECT sql FROM main.sqlite_master "
                        "WHERE name = 'search_index'").fetchone()[0]


def _create_sql(conn) -> str:
    """The real index's columns and options (tokenizer, prefixes), over the expected view."""
    keep = [a for a in _arguments(_real_sql(conn))
            if a.split("=", 1)[0].strip().lower() not in _CONTENT_OPTIONS]
    return (f"CREATE VIRTUAL TABLE temp.{_TABLE} USING fts5 ({', '.join(keep)}, "
            f"content = '{_VIEW}', content_rowid = 'rid')")


def _copy_index(conn) -> None:
    """The index's shadow tables into the temporary table's, before FTS5 first reads them
    (it reads its structure afresh then, so it sees the copy)."""
    for part in ("data", "idx", "config"):
        conn.execute(f"DELETE FROM temp.{_TABLE}_{part}")
        conn.execute(f"INSERT INTO temp.{_TABLE}_{part} SELECT * FROM main.search_index_{part}")
    conn.execute(f"DELETE FROM temp.{_TABLE}_docsize")
    conn.execute(f"INSERT INTO temp.{_TABLE}_docsize (id, sz) "
                 "SELECT id, sz FROM main.search_index_docsize")
    # The totals record (row 1), for ranking: a contentless delete cannot take the deleted
    # row's words out of it, so it drifts by design. The copy's is made from the rows' sizes,
    # which are themselves compared with the records row by row.
    rows, totals = 0, []
    for (sizes,) in conn.execute("SELECT sz FROM main.search_index_docsize"):
        rows += 1
        for n, value in enumerate(_varints(sizes)):
            if n < len(totals):
                totals[n] += value
            else:
                totals.append(value)
    columns = sum(1 for a in _arguments(_real_sql(conn)) if "=" not in a)
    totals += [0] * (columns - len(totals))
    conn.execute(f"UPDATE temp.{_TABLE}_data SET block = ? WHERE id = 1",
                 (b"".join(map(_varint, [rows, *totals])),))


def _varints(blob: bytes):
    """SQLite's varints (as FTS5 writes its sizes): 7 bits a byte, high bit for more."""
    value, count = 0, 0
    for byte in blob:
        count += 1
        if count == 9:  # the ninth byte carries eight bits
            yield (value << 8) | byte
            value, count = 0, 0
        elif byte & 0x80:
            value = (value << 7) | (byte & 0x7F)
        else:
            yield (value << 7) | byte
            value, count = 0, 0


def _varint(value: int) -> bytes:
    if value >> 56:
        tail = bytes([value & 0xFF])
        value >>= 8
        out = [value >> (7 * i) & 0x7F for i in range(8)][::-1]
        return bytes([b | 0x80 for b in out]) + tail
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    return bytes(out[::-1])


class _Told:
    """progress() called from inside SQLite (by a function of the view, or the progress
    handler): a Cancelled it raises is kept and the statement made to fail, and then raised
    again by the caller (an exception cannot pass through SQLite)."""

    def __init__(self, progress, done: int, total: int):
        self.progress, self.done, self.total = progress, done, total
        self.cancelled: Cancelled | None = None

    def row(self) -> None:
        """One more expected row tokenised; raises (inside SQLite) once cancelled."""
        self.done += 1
        if self.done % 1000 == 0:
            self.tell()
        if self.cancelled is not None:
            raise self.cancelled

    def tell(self) -> int:
        """Tell progress; 1 (stop the statement) once it has cancelled."""
        if self.cancelled is None and self.progress is not None:
            try:
                self.progress(min(self.done, self.total), self.total)
            except Cancelled as exc:
                self.cancelled = exc
        return 0 if self.cancelled is None else 1


def _functions(conn, told: _Told | None = None) -> None:
    """The SQL functions the view calls: index_text, and the joined references and files
    (the latter, called once for each interaction's row, counts the rows for `told`)."""
    runs: dict[str, str] = {}  # CJK runs met, with their pairs (50,000 at most: ~12 MB)

    def text(value):
        return search.index_text_fast(value, runs)

    seen: dict[str | None, str] = {}

    def repeated(value):  # agents, titles and platforms recur from row to row
        if value not in seen:
            seen[value] = search.index_text(value)
        return seen[value]

    def joined(sql, count=False):
        # {interaction id: its values joined by spaces, in id order}, as _index_all has them
        grouped = search._grouped(conn, sql)
        if not count or told is None:
            return lambda iid: text(grouped.get(iid))

        def counted(iid):
            told.row()
            return text(grouped.get(iid))
        return counted

    conn.create_function("journal_index_text", 1, text, deterministic=True)
    conn.create_function("journal_index_repeated", 1, repeated, deterministic=True)
    conn.create_function("journal_index_refs", 1, joined(
        "SELECT interaction_id, value FROM main.refs ORDER BY interaction_id, id"))
    conn.create_function("journal_index_files", 1, joined(search.files_sql("main."), count=True))


_FUNCTIONS = ("journal_index_text", "journal_index_repeated", "journal_index_refs",
              "journal_index_files")


def _drop(conn) -> None:
    """The temporary table and view gone, and the functions with what they hold."""
    conn.execute(f"DROP TABLE IF EXISTS temp.{_TABLE}")
    conn.execute(f"DROP VIEW IF EXISTS temp.{_VIEW}")
    for name in _FUNCTIONS:
        conn.create_function(name, 1, None)


def _differs(exc: Exception) -> bool:
    """FTS5 answers a failed integrity-check with SQLITE_CORRUPT_VTAB."""
    return primary_code(exc) == sqlite.SQLITE_CORRUPT


def matches_records(db, progress=None) -> bool:
    """Whether the index holds exactly the rows search.rebuild() would write from the
    records. progress(done, total), in rows tokenised, may raise Cancelled to stop it."""
    # The copy goes in the connection's in-memory temp database, which keeps the pages freed
    # when the copy is dropped unless it vacuums itself (settable while it holds no table).
    if db.one("PRAGMA temp.page_count")[0] == 0:
        db.query("PRAGMA temp.auto_vacuum = FULL")
    return _matches(db, progress)


def _matches(db, progress=None) -> bool:
    with snapshot(db) as conn:  # the index and the records of one moment
        held = conn.execute("SELECT count(*) FROM main.search_index_docsize").fetchone()[0]
        should = conn.execute(_SHOULD_HOLD).fetchone()[0]
        if held != should:
            return False
        cases = conn.execute(f"SELECT count(*) FROM main.cases c {_JOIN_CASE}").fetchone()[0]
        told = _Told(progress, cases, should)  # a case's row is quick: counted as done
        told.tell()
        _drop(conn)
        _functions(conn, told)
        # FTS5's walk over the postings calls no function of the view: the progress handler
        # still lets a cancel stop it.
        conn.set_progress_handler(told.tell, 200_000)
        comparing = False
        try:
            conn.execute(_EXPECTED)
            conn.execute(_create_sql(conn))
            _copy_index(conn)
            comparing = True
            conn.execute(f"INSERT INTO temp.{_TABLE} ({_TABLE}, rank) "
                         "VALUES ('integrity-check', 1)")
        except Exception as exc:
            if told.cancelled is not None:
                raise told.cancelled from None
            if not (comparing and _differs(exc)):
                raise
            return False
        finally:
            conn.set_progress_handler(None, 0)
            _drop(conn)
        told.done = told.total
        told.tell()
        if told.cancelled is not None:
            raise told.cancelled
        return True


def repair(db) -> None:
    """Rebuild the whole index from the records, in one transaction."""
    with db.transaction() as conn:
        search.rebuild(conn)
