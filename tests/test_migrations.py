"""Schema migrations against a real journal written by schema version 1.

tests/fixtures/journal_v1/ was made once by tests/fixtures/make_journal_v1.py
and is kept, so that every later version is tested against old files rather
than against files it makes itself.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from journal.errors import BadInput
from journal.service import Journal
from journal.store import folder as jf
from journal.store import migrations, unlock
from journal.store.db import Database

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "journal_v1"
FIXTURE_PASSPHRASE = "fixture passphrase v1"
# The fixture's ledger as written by version 1: a migration must add to it, never rewrite it.
V1_ENTRIES = 14
V1_HEAD = "40edbf9c527d5ffb586d4d2de6e03928fb6e568b4551c81a0f23f1d77f3ff9dc"
V1_ATTACHMENT_SHA256 = "5b3789d7f626d5a834f130fbd993a31a904ea63e034313ec676f7cd2c6542158"


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def old_journal(tmp_path) -> Path:
    assert sorted(p.name for p in FIXTURE.iterdir()) == [jf.DATABASE, jf.HEADER], \
        "the fixture must hold only the database and the key header (no -wal, -shm or lock)"
    target = tmp_path / "journal_v1"
    shutil.copytree(FIXTURE, target)
    return target


def _raw_db(folder: Path) -> Database:
    """The fixture's database opened with its data key, without migrating it."""
    return Database(folder / jf.DATABASE, unlock.data_key(folder, FIXTURE_PASSPHRASE))


def test_the_fixture_is_a_version_1_journal(old_journal):
    db = _raw_db(old_journal)
    try:
        assert migrations.current_version(db) == 1
        assert db.query("SELECT version, name FROM schema_migrations") == [(1, "first schema")]
    finally:
        db.close()


def test_a_version_1_journal_opens_checks_and_keeps_its_records(old_journal):
    with Journal.open(old_journal, passphrase=FIXTURE_PASSPHRASE) as j:
        report = j.check()
        assert report.ok, report.problems
        assert report.entries >= V1_ENTRIES

        assert migrations.current_version(j.db) == migrations.LATEST
        versions = [v for (v,) in j.db.query("SELECT version FROM schema_migrations "
                                             "ORDER BY version")]
        assert versions == list(range(1, migrations.LATEST + 1))

        # The old ledger is kept as it was: its first V1_ENTRIES entries end in the old head.
        old = list(j.db.query("SELECT hash FROM ledger WHERE seq <= ? ORDER BY seq",
                              (V1_ENTRIES,)))
        assert len(old) == V1_ENTRIES and old[-1][0] == V1_HEAD

        names = sorted(p.name for p in j.platforms())
        assert names == sorted(["Binance", "火币 HTX", "MetaMask"])
        assert [c.value for c in j.channels("Binance")] == ["in-app live chat"]

        [case] = j.cases()
        assert case.title == "Withdrawal stuck / 提现未到账"
        assert case.account_id == "UID 31415926"
        assert case.status.value == "waiting"
        first, second, third = j.timeline(case.id)

        assert first.agent == "Alice Wong"
        assert [r.value for r in first.references] == ["CS-20240312-7781"]
        assert [(p.text, p.status.value) for p in first.promises] == \
            [("Escalate to the withdrawal team", "pending")]
        assert [p.text for p in j.promises(case_id=case.id)] == ["Escalate to the withdrawal team"]

        assert second.revision == 2 and second.amended
        assert second.notes.startswith("客服说退款已经处理") and "refund processed" in second.notes
        history = j.history(second.id)
        assert [e.action for e in history] == ["create", "amend"]
        assert history[0].body["notes"] == "客服说退款已经处理，三个工作日内到账。"
        [attachment] = second.attachments
        assert attachment.sha256 == V1_ATTACHMENT_SHA256
        data = j.attachment_bytes(attachment.id)
        assert hashlib.sha256(data).hexdigest() == V1_ATTACHMENT_SHA256
        assert "CS-20240312-7781" in data.decode("utf-8")

        assert third.outcome.value == "no-answer" and third.wait_minutes == 30

        assert [h.interaction_id for h in j.search("退款")] == [second.id]
        assert second.id in [h.interaction_id for h in j.search("到账")]
        assert [h.interaction_id for h in j.search("refund")] == [second.id]
        assert first.id in [h.interaction_id for h in j.search("CS-20240312-7781")]
        assert any(h.interaction_id is None and h.case_id == case.id
                   for h in j.search("提现"))


def test_a_journal_from_a_newer_version_is_refused_untouched(old_journal, cli_here):
    db = _raw_db(old_journal)
    db.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    db.close()
    before = _digests(old_journal)
    assert set(before) == {jf.DATABASE, jf.HEADER}

    with pytest.raises(BadInput) as excinfo:
        Journal.open(old_journal, passphrase=FIXTURE_PASSPHRASE)
    message = str(excinfo.value)
    assert "newer" in message and "\n" not in message and message.endswith(".")
    # Nothing was written, and no connection was left open behind the refusal.
    after = _digests(old_journal)
    after.pop(jf.LOCK, None)
    assert after == before

    result = cli_here("case", "list", "--journal", old_journal,
                      env={"JOURNAL_PASSPHRASE": FIXTURE_PASSPHRASE})
    assert result.returncode == 1, result
    assert "newer" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    after = _digests(old_journal)
    after.pop(jf.LOCK, None)
    assert after == before

    # The refusal released the folder lock.
    with jf.FolderLock(old_journal):
        pass


def m002_breaks_half_way(conn):
    conn.execute("CREATE TABLE half_done (x INTEGER)")
    conn.execute("INSERT INTO half_done VALUES (1)")
    raise RuntimeError("migration step failed")


def test_a_failing_migration_step_is_rolled_back(old_journal, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(migrations, "MIGRATIONS",
                  [*migrations.MIGRATIONS, (migrations.LATEST + 1, "breaks", m002_breaks_half_way)])
        m.setattr(migrations, "LATEST", migrations.LATEST + 1)
        with pytest.raises(RuntimeError, match="migration step failed"):
            Journal.open(old_journal, passphrase=FIXTURE_PASSPHRASE)

    db = _raw_db(old_journal)
    try:
        assert db.one("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")[0] == 0
        assert migrations.current_version(db) == migrations.LATEST
        assert [v for (v,) in db.query("SELECT version FROM schema_migrations")] == \
            list(range(1, migrations.LATEST + 1))
    finally:
        db.close()
    # The failed open released the folder lock, and the journal is whole.
    with Journal.open(old_journal, passphrase=FIXTURE_PASSPHRASE) as j:
        assert j.check().ok


# -- schema 2 (drafts) -> 3 (directory details and checklists) --------------------------------

FIXTURE_V2 = Path(__file__).resolve().parent / "fixtures" / "journal_v2"
V2_PASSPHRASE = "fixture passphrase v2"
V2_ENTRIES = 8
V2_HEAD = "85c7997e1612ee3360b9f78b882210567dda4c607b83b2dae851c573d3bd91de"


@pytest.fixture
def journal_v2(tmp_path) -> Path:
    assert sorted(p.name for p in FIXTURE_V2.iterdir()) == [jf.DATABASE, jf.HEADER]
    target = tmp_path / "journal_v2"
    shutil.copytree(FIXTURE_V2, target)
    return target


def test_the_v2_fixture_is_a_version_2_journal(journal_v2):
    db = Database(journal_v2 / jf.DATABASE, unlock.data_key(journal_v2, V2_PASSPHRASE))
    try:
        assert migrations.current_version(db) == 2
    finally:
        db.close()


def test_a_version_2_journal_gains_statuses_and_checklists_and_keeps_the_rest(journal_v2,
                                                                              tmp_path):
    with Journal.open(journal_v2, passphrase=V2_PASSPHRASE) as j:
        assert migrations.current_version(j.db) == migrations.LATEST >= 3
        assert j.check().ok
        old = j.db.query("SELECT hash FROM ledger WHERE seq <= ? ORDER BY seq", (V2_ENTRIES,))
        assert len(old) == V2_ENTRIES and old[-1][0] == V2_HEAD
        official, community = j.channels("Coinbase")
        # Official sources count as verified, as the case file already called them; the typed
        # number is not rewritten, and is still matched by its E.164 form.
        assert (official.value, official.status.value) == ("+1 (888) 908-7930", "verified")
        assert community.status.value == "unverified" and community.last_checked is None
        [okx] = j.channels("OKX")
        assert okx.status.value == "verified" and okx.languages == ("en", "zh-CN")
        assert j.platform("Coinbase").countries == () and j.platform("OKX").time_zone is None
        [case] = j.cases()
        assert j.checklist(case.id) == []
        assert j.draft("call") == {"case_id": case.id, "notes": "second call, half typed"}
        assert [w.kind for w in j.contact_warnings("Coinbase", contact="+18889087930")] == []
        # The new fields work on the old records, and the whole journal still dumps and imports.
        j.update_channel(community.id, status="reported-fake")
        j.suggest_checklist(case.id)
        document = j.dump()
        with Journal.create(tmp_path / "copy", passphrase=V2_PASSPHRASE)[0] as copy:
            copy.import_dump(document)
            assert copy.channel(community.id).status.value == "reported-fake"
            assert len(copy.checklist(case.id)) == len(j.checklist(case.id)) > 0
            assert copy.check().ok


V3 = Path(__file__).resolve().parent / "fixtures" / "journal_v3"
V3_PASSPHRASE = "fixture passphrase v3"


@pytest.fixture
def journal_v3(tmp_path) -> Path:
    target = tmp_path / "journal_v3"
    shutil.copytree(V3, target)
    return target


def test_a_version_3_journal_gains_a_signing_key_and_keeps_its_format_1_chain(journal_v3,
                                                                              tmp_path):
    db = Database(journal_v3 / jf.DATABASE, unlock.data_key(journal_v3, V3_PASSPHRASE))
    try:
        assert migrations.current_version(db) == 3
        before = db.query("SELECT seq, hash FROM ledger ORDER BY seq")
    finally:
        db.close()
    with Journal.open(journal_v3, passphrase=V3_PASSPHRASE) as j:
        assert migrations.current_version(j.db) == migrations.LATEST >= 4
        after = j.db.query("SELECT seq, hash, salts, entity, action FROM ledger ORDER BY seq")
        assert [tuple(r[:2]) for r in after[:len(before)]] == [tuple(r) for r in before]
        assert all(r[2] is None for r in after[:len(before)])     # format 1, as recorded
        [case] = j.cases()
        key = j.signing_key()
        intro = [r for r in after[len(before):] if r[3] == "signing_key"]
        assert len(intro) == 1 and intro[0][4] == "introduce" and intro[0][2] is not None
        assert key.fingerprint.startswith("SHA256:") and key.public_key in repr(
            j.chain_segment(case.id)[-1].body)
        assert j.check().ok
        # A new record is of format 2, and the mixed chain still checks out.
        j.log(case.id, kind="call", contact="+1 415 555 0132", start="2026-03-04T10:00+01:00",
              notes="third call")
        assert j.chain_segment(case.id)[-1].salts is not None
        assert j.check().ok
        # Opening again adds nothing: the key is introduced once.
    with Journal.open(journal_v3, passphrase=V3_PASSPHRASE) as j:
        assert len(j.db.query("SELECT 1 FROM ledger WHERE entity = 'signing_key'")) == 1


def test_a_version_3_dump_imports_exactly_and_its_first_export_introduces_the_key(tmp_path):
    dump = (V3.parent / "dump_v3.json").read_text(encoding="utf-8")
    with Journal.create(tmp_path / "copy", passphrase=V3_PASSPHRASE)[0] as j:
        j.import_dump(dump)
        [case] = j.cases()
        original = json.loads(dump)
        assert [e["hash"] for e in j.dump()["ledger"]] == [e["hash"] for e in original["ledger"]]
        assert j.check().ok
        key = j.signing_key(case.id)    # what an export asks first
        intro = j.chain_segment(case.id)[-1]
        assert (intro.entity, intro.action) == ("signing_key", "introduce")
        assert intro.body["public_key"] == key.public_key and intro.salts is not None
        assert j.signing_key(case.id) == key and j.chain_segment(case.id)[-1] == intro
        assert j.check().ok
        again = j.dump()
        assert all(e["salts"] is None for e in again["ledger"][:-1])
    with Journal.create(tmp_path / "second", passphrase=V3_PASSPHRASE)[0] as k:
        k.import_dump(again)   # a schema-4 dump, with its salts and the other key's entry
        assert k.check().ok
        assert [e["hash"] for e in k.dump()["ledger"]] == [e["hash"] for e in again["ledger"]]
