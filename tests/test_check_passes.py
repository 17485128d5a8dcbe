"""`journal check` reads each page as few times as it can (store/check.py): SQLite's check
of every page on a connection of its own, beside the files, chain and records; progress by
stage, and a cancel that stops it with nothing left running; the files hashed in one pass;
a ledger entry the program could never have written named, not a crash."""
from __future__ import annotations

import json
import threading

import pytest

from journal.errors import Cancelled
from journal.service import Journal, NewAttachment
from journal.store import check as check_store
from journal.store import folder as jf
from journal.store.db import Database

from .conftest import PASSPHRASE, open_copy

BLOB = bytes(range(251)) * 4000  # ~1 MB: four chunks


def _fill(j) -> None:
    j.add_platform("Kraken", kind="exchange")
    case = j.open_case("Kraken", "Deposit not credited", category="deposit",
                       account_id="UID-42")
    for n in range(30):
        j.log(case.id, kind="chat", notes=f"客服说退款 {n} \"quoted\" \\ back\tslash",
              references=[f"ticket:KR-{n}"], agent=f"Agent {n % 3}")
    j.log(case.id, kind="email", notes="with files",
          attachments=[NewAttachment("big.bin", "application/octet-stream", data=BLOB),
                       NewAttachment("empty.txt", "text/plain", data=b"")])
    j.set_case_status(case.id, "waiting")


@pytest.fixture
def folder(templates, tmp_path):
    open_copy(templates, "check-passes", tmp_path / "journal", _fill).close()
    return tmp_path / "journal"


def _check_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("journal check")]


def _bytes(folder) -> dict:
    """The journal's files (not the WAL index, where every reader leaves its read mark)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if not p.name.endswith("-shm")}


def test_progress_names_each_stage_in_order_and_counts_up_to_its_total(folder):
    seen = []
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        report = j.check(progress=lambda *args: seen.append(args))
        entries = j.db.one("SELECT count(*) FROM ledger")[0]
    assert report.ok, report.problems
    stages = list(dict.fromkeys(s for s, _, _ in seen))
    assert set(stages) <= set(check_store.STAGES)
    assert [s for s in check_store.STAGES if s in stages] == stages  # in their order
    assert {"files", "records", "index"} <= set(stages)
    for stage in stages:
        told = [(d, t) for s, d, t in seen if s == stage]
        assert all(0 <= d <= t or t == 0 for d, t in told), (stage, told)
        assert [d for d, _ in told] == sorted(d for d, _ in told), stage
    assert [x for x in seen if x[0] == "files"][-1] == ("files", len(BLOB), len(BLOB))
    last_index = [x for x in seen if x[0] == "index"][-1]
    assert last_index[1] == last_index[2] == 1 + 31  # a case's row and each interaction's
    assert report.entries == entries
    assert _check_threads() == []


@pytest.mark.parametrize("stage", ["files", "records", "index", "pages-or-end"])
def test_a_cancel_stops_the_check_and_changes_nothing(folder, stage):
    before = None

    def progress(at, done, total):
        if at == stage or (stage == "pages-or-end" and at in ("pages", "index")):
            raise Cancelled("task.cancelled")

    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        j.db.query("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _bytes(folder)
        with pytest.raises(Cancelled):
            j.check(progress=progress)
        assert _check_threads() == []   # the page check was stopped, not left running
        assert _bytes(folder) == before  # a check writes nothing
        assert j.check().ok              # and the journal is as good as before


def test_a_cancel_while_only_the_page_check_runs_interrupts_it(folder, monkeypatch):
    """The page check on its own connection is interrupted, not waited for: here it runs a
    statement that would never end."""
    started = threading.Event()

    def endless(self):
        started.set()
        try:
            self.conn.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)"
                              " SELECT count(*) FROM n").fetchall()
        except BaseException as exc:  # noqa: BLE001 - as PageCheck._run keeps it
            self.error = exc
    monkeypatch.setattr(check_store.PageCheck, "_run", endless)

    def progress(at, done, total):
        if at == "pages":
            raise Cancelled("task.cancelled")

    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        with pytest.raises(Cancelled):
            j.check(progress=progress)
    assert started.is_set() and _check_threads() == []


def test_a_page_damaged_after_the_journal_was_read_is_still_found(folder):
    """The page check reads from the file, not from pages the window already holds."""
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        assert j.db.one("PRAGMA freelist_count")[0] == 0  # every page holds the journal's
        j.check()  # every page read once on the journal's connection
        db = folder / jf.DATABASE
        with open(db, "r+b") as f:
            f.seek(db.stat().st_size // 2 + 123)
            byte = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([byte[0] ^ 0x5A]))
        report = j.check()
    assert not report.ok and not report.cipher_ok and not report.sqlite_ok
    assert any(p.startswith("Encrypted page check: HMAC verification failed for page")
               for p in report.problems), report.problems
    # Each finding one line, the first ten of SQLite's and how many more.
    assert all("\n" not in p for p in report.problems), report.problems
    assert len([p for p in report.problems if p.startswith("Database check")]) <= \
        check_store.SHOWN + 1


def _tamper(folder, *statements) -> None:
    key = None
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        key = j._key
    raw = Database(folder / jf.DATABASE, key)
    try:
        with raw.transaction() as conn:
            for sql, params in statements:
                conn.execute(sql, params)
    finally:
        raw.close()


def _report(folder):
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        return j.check()


def test_a_byte_changed_in_an_attachment_s_middle_chunk_is_named(folder):
    _tamper(folder, ("UPDATE attachment_chunks SET data = zeroblob(length(data)) "
                     "WHERE attachment_id = 1 AND seq = 2", ()))
    report = _report(folder)
    assert not report.chain_ok and report.cipher_ok and report.sqlite_ok
    assert [p for p in report.problems if "SHA-256" in p] == [
        "Attachment 1 (big.bin) does not match its SHA-256."]


def test_an_attachment_whose_chunks_are_gone_or_reordered_is_named(folder):
    _tamper(folder, ("UPDATE attachment_chunks SET seq = 9 - seq WHERE attachment_id = 1", ()),
            ("DELETE FROM attachment_chunks WHERE attachment_id = 2", ()),
            ("INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (2, 0, x'00')",
             ()))
    problems = [p for p in _report(folder).problems if "SHA-256" in p]
    assert problems == ["Attachment 1 (big.bin) does not match its SHA-256.",
                        "Attachment 2 (empty.txt) does not match its SHA-256."]


def test_a_ledger_body_rewritten_in_an_equal_json_form_holds_and_a_changed_one_is_named(folder):
    """The hash is over the decoded values, as the rule (domain.chain) has it: the same
    values in other JSON text still hold, and a changed value is named by its entry."""
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        seq, body = j.db.one("SELECT seq, body FROM ledger WHERE entity = 'interaction' "
                             "ORDER BY seq LIMIT 1")
    spaced = json.dumps(json.loads(body), indent=2, ensure_ascii=True)
    assert spaced != body and json.loads(spaced) == json.loads(body)
    _tamper(folder, ("DROP TRIGGER ledger_no_update", ()),
            ("UPDATE ledger SET body = ? WHERE seq = ?", (spaced, seq)))
    report = _report(folder)
    assert report.ok, report.problems
    # …while a changed value breaks it, named by the rule's own sentence.
    _tamper(folder, ("UPDATE ledger SET body = ? WHERE seq = ?",
                     (spaced.replace("Agent", "Agentx"), seq)))
    report = _report(folder)
    assert not report.chain_ok and any(f"Entry {seq}" in p for p in report.problems)


@pytest.mark.parametrize("body, named", [("[1, 2]", "Entry {seq} "), ("{not json", "An entry ")])
def test_a_ledger_body_that_is_not_a_json_object_is_a_broken_chain_not_a_crash(folder, body,
                                                                               named):
    with Journal.open(folder, passphrase=PASSPHRASE) as j:
        seq = j.db.one("SELECT max(seq) FROM ledger")[0]
    _tamper(folder, ("DROP TRIGGER ledger_no_update", ()),
            ("UPDATE ledger SET body = ? WHERE seq = ?", (body, seq)))
    report = _report(folder)
    assert not report.chain_ok and report.cipher_ok and report.sqlite_ok
    assert [p for p in report.problems if "changed outside the program" in p] == [
        f"Hash chain: {named.format(seq=seq)}of the hash chain cannot be read as one the "
        f"program wrote: the ledger was changed outside the program."], report.problems
