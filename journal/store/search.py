"""Full-text search with SQLite FTS5, for Chinese as well as English.

FTS5's unicode61 tokenizer splits on spaces and punctuation, which leaves a
run of Chinese characters as one long token. So text is split before it is
indexed: each run of CJK characters becomes its overlapping pairs plus its
last character (退款已到账 → 退款 款已 已到 到账 账). A two-character query
is then one token, a longer one a phrase of pairs, and a single character a
prefix query, which finds it in every position.

A user's query is always data: each word goes into a quoted FTS5 string, so
quotes, `*`, `AND`, `NEAR(` and brackets are searched for or ignored, never
parsed as syntax.
"""
from __future__ import annotations

import re
from operator import add

from ..domain.model import SearchHit

_CJK = (r"\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u3190-\u31ff"
        r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f")
_CJK_RUN = re.compile(f"[{_CJK}]+")
_SPLIT = re.compile(f"([{_CJK}]+)")
_WORDISH = re.compile(r"[^\W_]", re.UNICODE)
MAX_QUERY_WORDS = 16


def index_text(text: str | None) -> str:
    """The form of text that goes into the index."""
    if not text:
        return ""
    if not _CJK_RUN.search(text):
        return text
    out = []
    for part in _SPLIT.split(text):
        if not part:
            continue
        if _CJK_RUN.fullmatch(part):
            out.extend(part[i:i + 2] for i in range(len(part) - 1))
            out.append(part[-1])
        else:
            out.append(part)
    return " ".join(out)


def _pairs(run: str) -> str:
    """A CJK run as index_text writes it: 退款已 → 退款 款已 已."""
    return " ".join(map(add, run, run[1:])) + " " + run[-1] if len(run) > 1 else run


def index_text_fast(text: str | None, runs: dict | None = None, keep: int = 50_000) -> str:
    """index_text's result, faster, for journal check, which recomputes the whole index.

    re.split with a capturing group alternates: other text at even places (empty only at the
    ends), CJK runs at odd ones, so no run needs testing; each run becomes its pairs in one
    join. With `runs` (a dict the caller keeps), the pairs of the first `keep` runs met are
    remembered for the next time the same run comes. tests/test_check_tamper.py holds the
    two functions equal.
    """
    if not text:
        return ""
    parts = _SPLIT.split(text)
    if len(parts) == 1:
        return text
    if runs is None:
        parts[1::2] = map(_pairs, parts[1::2])
    else:
        for n in range(1, len(parts), 2):
            run = parts[n]
            pairs = runs.get(run)
            if pairs is None:
                pairs = _pairs(run)
                if len(runs) < keep:
                    runs[run] = pairs
            parts[n] = pairs
    if not parts[-1]:
        parts.pop()
    return " ".join(parts[1:] if not parts[0] else parts)


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def query_terms(query: str, *, prefix_last: bool = True) -> list[str]:
    """Split a user's query into FTS5 terms (each one quoted), to be ANDed."""
    terms: list[str] = []
    words = query.split()[:MAX_QUERY_WORDS]
    for w_index, word in enumerate(words):
        last_word = w_index == len(words) - 1
        parts = [p for p in _SPLIT.split(word) if p]
        for p_index, part in enumerate(parts):
            last_part = last_word and p_index == len(parts) - 1
            if _CJK_RUN.fullmatch(part):
                if len(part) == 1:
                    terms.append(_quote(part) + " *")
                else:
                    terms.append(_quote(" ".join(part[i:i + 2] for i in range(len(part) - 1))))
            elif _WORDISH.search(part):
                terms.append(_quote(part) + (" *" if prefix_last and last_part else ""))
    return terms


def match_expression(query: str, *, prefix_last: bool = True) -> str | None:
    terms = query_terms(query, prefix_last=prefix_last)
    return " AND ".join(terms) if terms else None


def highlight_words(query: str) -> list[str]:
    """The words to mark in a snippet: the query's words and CJK runs, lower-cased."""
    out = []
    for word in query.split()[:MAX_QUERY_WORDS]:
        for part in _SPLIT.split(word):
            if _CJK_RUN.fullmatch(part or ""):
                out.append(part)
            else:
                out.extend(t.lower() for t in re.findall(r"[^\W_]+", part or ""))
    return [w for w in out if w]


def _marker(words: list[str]):
    """The pattern snippet marks with: the longest words first, case ignored."""
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)),
                      re.IGNORECASE)


def snippet(text: str, words: list[str], width: int = 120, mark=("[", "]"),
            marker=None) -> str:
    """A window of text around the first matched word, each match marked.

    `marker` is _marker(words), made once by a caller marking many snippets for one query."""
    if not text:
        return ""
    flat = " ".join(text.split())
    lower = flat.lower()
    positions = [at for at in (lower.find(w) for w in words if w) if at >= 0]
    first = min(positions) if positions else 0
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    window = flat[start:end]
    if words:
        before, after = mark
        window = (marker or _marker(words)).sub(lambda m: f"{before}{m.group(0)}{after}", window)
    return ("…" if start > 0 else "") + window + ("…" if end < len(flat) else "")


# -- keeping the index in step (called inside the writer's transaction) -------------------

_INSERT_INTERACTION = ("INSERT INTO search_index (rowid, notes, refs, agent, title, platform, "
                       "files) VALUES (?,?,?,?,?,?,?)")
_INSERT_CASE = "INSERT INTO search_index (rowid, refs, title, platform) VALUES (?,?,?,?)"


def _interaction_row(iid, notes, refs, agent, title, platform, files, recurring=None) -> tuple:
    """An interaction's index row: its words, and its case's title and platform."""
    again = recurring or index_text  # agents, titles and platforms recur from row to row
    return (iid, index_text(notes), index_text(refs), again(agent), again(title),
            again(platform), index_text(files))


def case_refs_sql(schema: str = "") -> str:
    """SQL for a case's (alias c) own references: its account id, then its transactions'
    ids and addresses, its wallet addresses and its complaint stages' references (in that
    order, by id), so a transaction hash or an address finds its case."""
    live = "case_id = c.id AND voided_at IS NULL"
    return (
        "coalesce(c.account_id, '') || coalesce(' ' || (SELECT group_concat(v, ' ' ORDER BY "
        "k1, k2) FROM ("
        f"SELECT 1 AS k1, id AS k2, trim(tx_hash || ' ' || coalesce(from_address, '') || ' ' "
        f"|| coalesce(to_address, '')) AS v FROM {schema}transactions WHERE {live} "
        f"UNION ALL SELECT 2, id, address FROM {schema}wallets WHERE {live} "
        f"UNION ALL SELECT 3, id, reference FROM {schema}stages WHERE {live} "
        "AND reference IS NOT NULL)), '')")


def _case_row(case_id, title, platform, refs) -> tuple:
    """A case's own index row (rowid = -case id); `refs`: case_refs_sql's text."""
    return (-case_id, index_text(refs), index_text(title), index_text(platform))


def index_interaction(conn, interaction_id: int) -> None:
    row = conn.execute(
        "SELECT i.notes, i.agent, i.voided_at, c.title, p.name "
        "FROM interactions i JOIN cases c ON c.id = i.case_id "
        "JOIN platforms p ON p.id = c.platform_id WHERE i.id = ?", (interaction_id,)).fetchone()
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (interaction_id,))
    if row is None or row[2] is not None:
        return  # voided entries leave the search
    refs = " ".join(v for (v,) in conn.execute(
        "SELECT value FROM refs WHERE interaction_id = ?", (interaction_id,)))
    files = " ".join(n for (_iid, n) in conn.execute(
        files_sql("", "WHERE a.interaction_id = ?"), (interaction_id,)))
    conn.execute(_INSERT_INTERACTION,
                 _interaction_row(interaction_id, row[0], refs, row[1], row[3], row[4], files))


def index_case(conn, case_id: int) -> None:
    row = conn.execute(f"SELECT c.title, p.name, {case_refs_sql()} FROM cases c "
                       "JOIN platforms p ON p.id = c.platform_id WHERE c.id = ?",
                       (case_id,)).fetchone()
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (-case_id,))
    if row is not None:
        conn.execute(_INSERT_CASE, _case_row(case_id, row[0], row[1], row[2]))


def files_sql(schema: str, where: str = "") -> str:
    """(interaction id, a file's name and the text read out of it) for each attachment, in
    the order the files column joins them; `schema` is "" or "main." (check_index.py)."""
    return (f"SELECT a.interaction_id, a.name || coalesce(' ' || nullif(t.text, ''), '') "
            f"FROM {schema}attachments a LEFT JOIN {schema}attachment_texts t "
            f"ON t.attachment_id = a.id {where} ORDER BY a.interaction_id, a.id")


def _grouped(conn, sql: str) -> dict[int, str]:
    """{interaction id: its values joined by spaces, in id order}, as index_interaction joins."""
    out: dict[int, list[str]] = {}
    for iid, value in conn.execute(sql):
        out.setdefault(iid, []).append(value)
    return {iid: " ".join(values) for iid, values in out.items()}


def rebuild(conn, batch: int = 10_000, progress=None) -> None:
    """Re-make the whole index: the same rows index_case and index_interaction write.

    Done in bulk rather than row by row, so that an import of 100,000 interactions is
    indexed in seconds rather than minutes. progress("indexing", done, total) is called
    after each batch (interactions); it may raise Cancelled, which the caller's
    transaction undoes.
    """
    conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
    # A larger buffer while the whole index is written (FTS5 flushes it as a segment when
    # full): fewer segments to merge, a third less time. Only speed changes, not content.
    hashsize = conn.execute("SELECT v FROM search_index_config WHERE k = 'hashsize'").fetchone()
    _set_hashsize(conn, BULK_HASHSIZE)
    _index_all(conn, batch, progress)
    _set_hashsize(conn, hashsize[0] if hashsize else DEFAULT_HASHSIZE)  # (an error rolls back)


BULK_HASHSIZE = 32 * 2**20  # 64 MiB gains little more; 16 MiB loses a third of the gain
DEFAULT_HASHSIZE = 2**20  # FTS5's own default


def _set_hashsize(conn, size: int) -> None:
    conn.execute("INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ?)", (size,))


# journal/store/check_index.py checks the index against these same rows: keep them alike.
def _index_all(conn, batch: int, progress=None) -> None:
    cases = conn.execute(f"SELECT c.id, c.title, p.name, {case_refs_sql()} FROM cases c "
                         "JOIN platforms p ON p.id = c.platform_id").fetchall()
    conn.executemany(_INSERT_CASE, (_case_row(*case) for case in cases))
    refs = _grouped(conn, "SELECT interaction_id, value FROM refs ORDER BY interaction_id, id")
    files = _grouped(conn, files_sql(""))
    seen: dict[str | None, str] = {}

    def repeated(text):
        if text not in seen:
            seen[text] = index_text(text)
        return seen[text]

    after, done = 0, 0
    total = conn.execute("SELECT count(*) FROM interactions WHERE voided_at IS NULL").fetchone()[0]
    while True:  # in batches: the notes of a large journal need not all sit in memory at once
        if progress is not None:
            progress("indexing", done, total)
        rows = conn.execute(
            "SELECT i.id, i.notes, i.agent, c.title, p.name FROM interactions i "
            "JOIN cases c ON c.id = i.case_id JOIN platforms p ON p.id = c.platform_id "
            "WHERE i.id > ? AND i.voided_at IS NULL ORDER BY i.id LIMIT ?",
            (after, batch)).fetchall()
        if not rows:
            return
        conn.executemany(_INSERT_INTERACTION, (
            _interaction_row(iid, notes, refs.get(iid), agent, title, platform, files.get(iid),
                             recurring=repeated)
            for iid, notes, agent, title, platform in rows))
        after, done = rows[-1][0], done + len(rows)


# Column weights for bm25: notes, refs, agent, title, platform, files. An interaction's row
# also carries its case's title and platform (so "Binance 退款" finds it), weighted low so
# that entries whose own words match come first; the case's own row is short and still ranks.
_WEIGHTS = "bm25(search_index, 1.0, 4.0, 3.0, 0.5, 0.3, 2.0)"


# Ranking costs time for every matching row (bm25 reads each row's sizes and positions): a
# word found in half of 100,000 interactions would take ~100 ms to rank in full. So only the
# RANK_WINDOW newest matching interactions are ranked, plus every matching case; a search
# matching fewer is ranked over all its matches. The newest are read straight off the index in
# descending rowid order (FTS5 stops after RANK_WINDOW): no count of all matches first, and no
# `rowid < 0 OR rowid >= ?` condition, which FTS5 cannot use to skip, so it walked every match.
# Each part costs bm25 one pass over the phrase's matches for its IDF (the other reason not to
# rank everything); the cases' part costs it only when a case matches.
#
# A filtered search (a platform, a date) resolves each hit's case. It ranks the matches that
# pass the filter among those at or above the RANK_WINDOW-th newest match (the same window as
# unfiltered), plus the matching cases that pass it; if that gives less than a full page (old
# matches, a narrow filter), the range is widened four times over until it does or covers
# everything. Equal scores are ordered newest first, so the same search always shows the same
# page.
RANK_WINDOW = 2000

_RANKED = (
    f"SELECT rowid, score FROM (SELECT rowid, {_WEIGHTS} AS score FROM search_index "
    f"WHERE search_index MATCH ?1 AND rowid > 0 ORDER BY rowid DESC LIMIT ?2) "
    f"UNION ALL "
    f"SELECT rowid, {_WEIGHTS} AS score FROM search_index "
    f"WHERE search_index MATCH ?1 AND rowid < 0 "
    f"ORDER BY score, rowid DESC LIMIT ?3")
_WINDOW_FLOOR = ("SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid > 0 "
                 "ORDER BY rowid DESC LIMIT 1 OFFSET ?")
# Filtered searches resolve each hit's case; the plain search stays on the index alone.
_FILTER_JOIN = ("LEFT JOIN interactions i ON i.id = search_index.rowid "
                "JOIN cases c ON c.id = CASE WHEN search_index.rowid < 0 "
                "THEN -search_index.rowid ELSE i.case_id END")


def _filtered_sql(filters: list[str]) -> str:
    def part(rows: str) -> str:
        where = " AND ".join(["search_index MATCH ?", rows, *filters])
        return (f"SELECT search_index.rowid AS rowid, {_WEIGHTS} AS score FROM search_index "
                f"{_FILTER_JOIN} WHERE {where}")
    return (f"{part('search_index.rowid >= ?')} UNION ALL {part('search_index.rowid < 0')} "
            f"ORDER BY score, rowid DESC LIMIT ?")


def search(db, query: str, *, platform_id: int | None = None, since_ts: float | None = None,
           limit: int = 20, prefix_last: bool = True) -> list[tuple]:
    """Rows of (rowid, rank), best first. rowid > 0 is an interaction, < 0 a case."""
    expr = match_expression(query, prefix_last=prefix_last)
    if expr is None:
        return []
    window = max(RANK_WINDOW, limit)
    if platform_id is None and since_ts is None:
        return db.query(_RANKED, (expr, window, limit))
    filters, params = [], []
    if platform_id is not None:
        filters.append("c.platform_id = ?")
        params.append(platform_id)
    if since_ts is not None:
        filters.append("COALESCE(i.started_ts, c.last_activity_ts) >= ?")
        params.append(since_ts)
    sql = _filtered_sql(filters)
    floor = db.one(_WINDOW_FLOOR, (expr, window - 1))
    lowest, top = (floor[0] if floor else 1), None
    while True:
        rows = db.query(sql, (expr, lowest, *params, expr, *params, limit))
        if len(rows) >= limit or lowest <= 1:
            return rows
        if top is None:
            top = db.one("SELECT max(id) FROM interactions")[0] or 1
        lowest = max(1, top - 4 * (top - lowest + 1))


def hits(db, rows, words) -> list[SearchHit]:
    """The SearchHits for ranked rows: two queries for the whole page, in the rank's order."""
    iids = [rowid for rowid, _ in rows if rowid > 0]
    cids = [-rowid for rowid, _ in rows if rowid < 0]
    found = {}
    if iids:
        for r in db.query(
                "SELECT i.id, i.case_id, c.title, p.name, i.started_at, i.notes, i.agent, "
                "(SELECT group_concat(value, ' ') FROM refs WHERE interaction_id = i.id), "
                "(SELECT group_concat(name, ' ') FROM attachments WHERE interaction_id = i.id),"
                " i.kind, i.outcome FROM interactions i JOIN cases c ON c.id = i.case_id "
                "JOIN platforms p ON p.id = c.platform_id "
                f"WHERE i.id IN ({','.join('?' * len(iids))})", iids):
            found[r[0]] = r[1:]
    if cids:
        for r in db.query("SELECT c.id, c.title, p.name, c.account_id FROM cases c "
                               "JOIN platforms p ON p.id = c.platform_id "
                               f"WHERE c.id IN ({','.join('?' * len(cids))})", cids):
            found[-r[0]] = r
    hits = []
    marker = _marker(words) if words else None
    matched = tuple(words)
    read = _read_files(db, iids, words)
    for rowid, rank in rows:
        r = found.get(rowid)
        if r is None:
            continue
        if rowid > 0:
            own = " ".join(t for t in (r[4], r[5], r[6], r[7]) if t).lower()
            attachment_id, name, file_text = read.get(rowid, (None, None, None))
            if file_text is not None and not any(w in own for w in words):
                shown = f"{name}: {snippet(file_text, words, marker=marker)}"  # a screenshot's
            else:
                attachment_id = None
                text = " · ".join(t for t in (r[4], r[5], r[6], r[7]) if t)
                if not any(w in (r[4] or "").lower() for w in words):
                    text = " · ".join(t for t in (r[6], r[5], r[7], r[4], r[1]) if t)
                shown = snippet(text, words, marker=marker)
            hits.append(SearchHit(r[0], r[1], r[2], rowid, r[3], shown, rank, matched,
                                  kind=r[8], outcome=r[9], attachment_id=attachment_id))
        else:
            text = " · ".join(t for t in (r[1], r[2], r[3]) if t)
            hits.append(SearchHit(r[0], r[1], r[2], None, None,
                                  snippet(text, words, marker=marker), rank, matched))
    return hits


def _read_files(db, iids, words) -> dict[int, tuple]:
    """{interaction id: (attachment id, name, text)} of the first attachment whose read text
    holds one of the searched words, for the interactions on the page."""
    out: dict[int, tuple] = {}
    if not iids or not words:
        return out
    for iid, aid, name, text in db.query(
            "SELECT a.interaction_id, a.id, a.name, t.text FROM attachments a "
            "JOIN attachment_texts t ON t.attachment_id = a.id WHERE t.text != '' AND "
            f"a.interaction_id IN ({','.join('?' * len(iids))}) ORDER BY a.id", iids):
        low = text.lower()
        if iid not in out and any(w in low for w in words):
            out[iid] = (aid, name, text)
    return out


def reindex_platform(conn, platform_id: int) -> None:
    """Re-make the index rows of a platform's cases and interactions, inside the caller's
    transaction: each row carries its platform's name, so a rename must be followed by this."""
    for (case_id,) in conn.execute("SELECT id FROM cases WHERE platform_id = ?",
                                   (platform_id,)).fetchall():
        index_case(conn, case_id)
    for (iid,) in conn.execute("SELECT i.id FROM interactions i JOIN cases c ON c.id = i.case_id"
                               " WHERE c.platform_id = ?", (platform_id,)).fetchall():
        index_interaction(conn, iid)
