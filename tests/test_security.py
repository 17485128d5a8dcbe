"""Storage and security: wrong passphrases, damage, tampering, the folder lock, the key header.

Every key derivation here runs Argon2id (real_kdf). The CLI runs in this process
(journal.cli.main) except where a second process is the point.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from journal.errors import BadInput, IntegrityFailure, JournalInUse, WrongPassphrase
from journal.service import Journal, NewAttachment, NewPromise
from journal.store import folder as jf
from journal.store import keyheader
from journal.store.db import Database

from .conftest import PASSPHRASE

FLOOR = {"memory_kib": 64 * 1024, "time_cost": 3, "parallelism": 4}

pytestmark = pytest.mark.real_kdf


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _fill(j: Journal, attachment_bytes: int = 64 * 1024) -> None:
    j.add_platform("Kraken", kind="exchange", website="https://www.kraken.com")
    case = j.open_case("Kraken", "Deposit not credited", category="deposit")
    for n in range(6):
        j.log(case.id, kind="chat", agent=f"Agent {n}", notes=f"Interaction number {n}: waiting.",
              references=[f"ticket:KR-{1000 + n}"],
              promises=[NewPromise("Credit the deposit", "2030-01-01T12:00:00Z")] if n == 2 else (),
              attachments=[NewAttachment(f"screen-{n}.png", "image/png",
                                         data=os.urandom(attachment_bytes))] if n % 2 else ())


@pytest.fixture(scope="module")
def filled_made(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("filled") / "journal"
    j, _ = Journal.create(folder, passphrase=PASSPHRASE)
    _fill(j)
    j.close()
    return folder


@pytest.fixture
def filled(filled_made, journal_dir) -> Path:
    """A closed journal with some records, cleanly closed (no -wal, no -shm): a copy of the
    module's own."""
    shutil.copytree(filled_made, journal_dir)
    assert sorted(p.name for p in journal_dir.iterdir()) == [jf.DATABASE, jf.HEADER, jf.LOCK]
    return journal_dir


def _one_sentence(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert lines, "nothing on stderr"
    assert "Traceback" not in stderr
    assert all(line.startswith("journal: ") for line in lines), stderr
    return lines[0]


def _flip(path: Path, offset: int) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        byte = f.read(1)
        f.seek(offset)
        f.write(bytes([byte[0] ^ 0x5A]))


# -- wrong passphrase ------------------------------------------------------------------------

def test_a_wrong_passphrase_is_refused_and_changes_no_byte(filled, cli_here):
    before = _digests(filled)
    with pytest.raises(WrongPassphrase):
        Journal.open(filled, passphrase="not the passphrase")
    with pytest.raises(WrongPassphrase):
        Journal.open(filled, passphrase="")
    result = cli_here("case", "list", env={"JOURNAL_PASSPHRASE": "not the passphrase"})
    assert result.returncode == 3, result
    assert "passphrase" in _one_sentence(result.stderr).lower()
    assert _digests(filled) == before
    # …and the right one still opens it.
    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        assert [c.title for c in j.cases()] == ["Deposit not credited"]


# -- damage ------------------------------------------------------------------------------------

def test_a_flipped_byte_in_the_middle_of_the_database_fails_the_check(filled, cli_here):
    assert cli_here("check").returncode == 0
    db = filled / jf.DATABASE
    size = db.stat().st_size
    assert size >= 16 * 4096, "the journal should span many pages for this test"
    _flip(db, size // 2 + 123)
    result = cli_here("check")
    assert result.returncode == 4, result
    sentence = _one_sentence(result.stderr)
    assert "page" in sentence.lower() or "damaged" in sentence.lower(), result.stderr
    with Journal.open(filled, passphrase=PASSPHRASE) as j:  # page 1 is fine, so it opens
        report = j.check()
    assert not report.ok and not report.cipher_ok


def test_a_flipped_byte_in_page_one_is_damage_not_a_wrong_passphrase(filled, cli_here):
    _flip(filled / jf.DATABASE, 1000)
    result = cli_here("check")
    assert result.returncode == 4, result
    sentence = _one_sentence(result.stderr)
    assert "passphrase" not in sentence.lower()
    with pytest.raises(IntegrityFailure):
        Journal.open(filled, passphrase=PASSPHRASE)
    # A refused open releases the lock (the CLI would otherwise say "in use").
    assert cli_here("check").returncode == 4


# -- tampering --------------------------------------------------------------------------------

def test_a_tampered_ledger_entry_is_named_by_check(filled, cli_here):
    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        key = j._key
        entries = list(j.db.query("SELECT seq, entity, entity_id, body FROM ledger "
                                  "WHERE entity = 'interaction' ORDER BY seq"))
    seq, entity, entity_id, body = entries[2]
    total = len(list(entries))
    assert total >= 3
    raw = Database(filled / jf.DATABASE, key)
    with pytest.raises(Exception, match="append-only"), raw.transaction() as conn:
        conn.execute("UPDATE ledger SET body = ? WHERE seq = ?", (body, seq))
    with raw.transaction() as conn:
        conn.execute("DROP TRIGGER ledger_no_update")
        doc = json.loads(body)
        doc["notes"] = "Nothing was promised."
        conn.execute("UPDATE ledger SET body = ? WHERE seq = ?",
                     (json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
                      seq))
    raw.close()

    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        report = j.check()
    assert not report.ok and not report.chain_ok
    assert any(f"Entry {seq} " in p for p in report.problems), report.problems

    result = cli_here("check")
    assert result.returncode == 4, result
    assert f"Entry {seq} " in result.stderr and f"{entity} {entity_id}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_record_edited_around_the_ledger_is_found_by_check(filled, cli_here):
    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        key = j._key
        target = j.timeline(1)[3]
    raw = Database(filled / jf.DATABASE, key)
    with raw.transaction() as conn:
        conn.execute("UPDATE interactions SET notes = ? WHERE id = ?",
                     ("The agent promised nothing.", target.id))
    raw.close()
    result = cli_here("check")
    assert result.returncode == 4, result
    assert f"interaction {target.id}" in result.stderr, result.stderr


def test_a_lowered_kdf_parameter_in_the_key_header_is_refused(filled, cli_here):
    header = filled / jf.HEADER
    doc = json.loads(header.read_text())
    doc["kdf"]["memory_kib"] = 8 * 1024
    header.write_text(json.dumps(doc))
    before = _digests(filled)
    with pytest.raises(IntegrityFailure):
        Journal.open(filled, passphrase=PASSPHRASE)
    result = cli_here("case", "list")
    assert result.returncode == 4, result
    _one_sentence(result.stderr)
    doc["kdf"]["memory_kib"] = FLOOR["memory_kib"]
    doc["kdf"]["time_cost"] = 1
    header.write_text(json.dumps(doc))
    with pytest.raises(IntegrityFailure):
        Journal.open(filled, passphrase=PASSPHRASE)
    before.pop(jf.HEADER)
    after = _digests(filled)
    after.pop(jf.HEADER)
    assert after == before


@pytest.mark.parametrize("change", ["salt", "memory_up", "nonce"])
def test_a_changed_key_header_does_not_unwrap(filled, change, cli_here):
    header = filled / jf.HEADER
    doc = json.loads(header.read_text())
    if change == "salt":
        salt = bytearray(base64.b64decode(doc["kdf"]["salt"]))
        salt[0] ^= 1
        doc["kdf"]["salt"] = base64.b64encode(bytes(salt)).decode()
    elif change == "memory_up":  # parameters are bound to the wrapped key as associated data
        doc["kdf"]["memory_kib"] = FLOOR["memory_kib"] + 1024
    else:
        nonce = bytearray(base64.b64decode(doc["wrapped_key"]["nonce"]))
        nonce[3] ^= 1
        doc["wrapped_key"]["nonce"] = base64.b64encode(bytes(nonce)).decode()
    header.write_text(json.dumps(doc))
    before = _digests(filled)
    with pytest.raises((WrongPassphrase, IntegrityFailure)):
        Journal.open(filled, passphrase=PASSPHRASE)
    assert cli_here("case", "list").returncode in (3, 4)
    assert _digests(filled) == before


def test_a_header_that_is_not_json_is_damage(filled, cli_here):
    (filled / jf.HEADER).write_bytes(b"\x00garbage")
    with pytest.raises(IntegrityFailure):
        Journal.open(filled, passphrase=PASSPHRASE)
    assert cli_here("check").returncode == 4


# -- the database's settings --------------------------------------------------------------------

def test_the_database_runs_with_the_settings_the_design_gives(journal):
    """WAL, a durable commit, foreign keys, temp tables in memory (no plaintext temp file), and
    cipher_memory_security off (DESIGN.md: it halves bulk throughput; the key is protected by
    never being written and by being dropped on lock)."""
    pragma = {name: journal.db.one(f"PRAGMA {name}")[0] for name in (
        "journal_mode", "synchronous", "foreign_keys", "temp_store", "cipher_memory_security")}
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                      "temp_store": 2, "cipher_memory_security": "0"}, pragma


# -- one process per journal ------------------------------------------------------------------

def test_a_second_process_is_told_the_journal_is_in_use(journal, run_cli):
    result = run_cli("case", "list")
    assert result.returncode == 5, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("journal: ") and lines[0].endswith("."), \
        result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(JournalInUse):
        Journal.open(journal.folder, passphrase=PASSPHRASE)
    journal.close()
    assert run_cli("case", "list").returncode == 0


def test_a_journal_cannot_be_created_over_an_open_one(journal):
    with pytest.raises((BadInput, JournalInUse)):
        Journal.create(journal.folder, passphrase=PASSPHRASE)
    assert journal.check().ok


# -- recovery key and passphrase change ---------------------------------------------------------

def test_the_recovery_key_unlocks(journal_dir):
    j, recovery = Journal.create(journal_dir, passphrase=PASSPHRASE)
    _fill(j)
    j.close()
    with Journal.open(journal_dir, recovery_key=recovery) as j:
        assert len(j.timeline(1)) == 6
    with Journal.open(journal_dir, recovery_key=recovery.lower().replace("-", " ")) as j:
        assert j.check().ok
    other = keyheader.new_recovery_key()
    with pytest.raises(WrongPassphrase):
        Journal.open(journal_dir, recovery_key=other)
    with pytest.raises(BadInput):
        Journal.open(journal_dir, recovery_key=recovery[:-1] + ("A" if recovery[-1] != "A" else "B"))


def test_changing_the_passphrase_rewraps_without_touching_the_database(filled,
                                                                       cli_here):
    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        key = j._key
    db_before = hashlib.sha256((filled / jf.DATABASE).read_bytes()).hexdigest()
    header_before = (filled / jf.HEADER).read_bytes()

    with Journal.open(filled, passphrase=PASSPHRASE) as j:
        j.change_passphrase("a completely new passphrase")
    assert sorted(p.name for p in filled.iterdir()) == [jf.DATABASE, jf.HEADER, jf.LOCK]
    assert hashlib.sha256((filled / jf.DATABASE).read_bytes()).hexdigest() == db_before
    assert (filled / jf.HEADER).read_bytes() != header_before
    new_doc = json.loads((filled / jf.HEADER).read_text())
    old_doc = json.loads(header_before)
    assert new_doc["recovery"] == old_doc["recovery"]
    assert new_doc["kdf"]["salt"] != old_doc["kdf"]["salt"]
    assert all(new_doc["kdf"][k] >= v for k, v in FLOOR.items())

    with pytest.raises(WrongPassphrase):
        Journal.open(filled, passphrase=PASSPHRASE)
    with Journal.open(filled, passphrase="a completely new passphrase") as j:
        assert j._key == key
        assert j.check().ok

    result = cli_here("passwd", env={"JOURNAL_PASSPHRASE": "a completely new passphrase",
                                     "JOURNAL_NEW_PASSPHRASE": "third passphrase here"})
    assert result.returncode == 0, result
    assert hashlib.sha256((filled / jf.DATABASE).read_bytes()).hexdigest() == db_before
    with Journal.open(filled, passphrase="third passphrase here") as j:
        assert j._key == key


def test_a_too_short_new_passphrase_changes_nothing(filled):
    before = _digests(filled)
    with Journal.open(filled, passphrase=PASSPHRASE) as j, pytest.raises(BadInput):
        j.change_passphrase("short")
    assert _digests(filled) == before


# -- key derivation parameters ----------------------------------------------------------------

@pytest.mark.parametrize("target", [0, 0.0001, 0.3])
def test_calibrated_parameters_are_never_below_the_floor(target):
    assert keyheader.FLOOR == FLOOR
    params = keyheader.calibrate(target)
    assert set(FLOOR) <= set(params)
    for name, floor in FLOOR.items():
        assert isinstance(params[name], int) and params[name] >= floor, (name, params)
    assert params["memory_kib"] <= keyheader.MAX_MEMORY_KIB


def test_a_header_is_never_made_below_the_floor():
    key = os.urandom(32)
    recovery = keyheader.new_recovery_key()
    for weak in ({**FLOOR, "memory_kib": 1024}, {**FLOOR, "time_cost": 1},
                 {**FLOOR, "parallelism": 1}):
        with pytest.raises(IntegrityFailure):
            keyheader.KeyHeader.create(PASSPHRASE, key, recovery, weak)


def test_the_header_records_the_floor_it_was_made_with(journal):
    doc = json.loads((journal.folder / jf.HEADER).read_text())
    assert doc["kdf"]["name"] == "argon2id"
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert all(doc["kdf"][k] >= v for k, v in FLOOR.items())


# -- the data key is never written ------------------------------------------------------------

def _key_forms(key: bytes) -> list[bytes]:
    return [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key),
            base64.b64encode(key).rstrip(b"="), base64.urlsafe_b64encode(key).rstrip(b"="),
            key.hex().encode("utf-16-le")]


def _scan(paths, forms) -> list[str]:
    found = []
    for path in paths:
        data = path.read_bytes()
        found += [f"{path.name} holds {form[:8]!r}…" for form in forms if form in data]
    return found


def test_the_data_key_is_in_no_file(journal, tmp_path):
    key = journal._key
    assert isinstance(key, bytes) and len(key) == 32
    _fill(journal)
    forms = _key_forms(key) + [PASSPHRASE.encode(), PASSPHRASE.encode("utf-16-le")]
    open_files = [p for p in journal.folder.iterdir() if p.is_file()]
    assert {p.name for p in open_files} >= {jf.DATABASE, jf.HEADER}
    assert _scan(open_files, forms) == []        # while open: -wal and -shm too
    backup = tmp_path / "journal.backup"
    journal.backup(backup)
    assert _scan([backup], forms) == []
    journal.close()
    assert _scan([p for p in journal.folder.iterdir() if p.is_file()], forms) == []
    assert _scan([p for p in tmp_path.rglob("*") if p.is_file()], forms) == []
