"""Backups: format 2 written in one pass straight into FILE.partial (no scratch copy), with
progress and cancel; format 1 backups (a real one, tests/fixtures/backup_v1.sjb) restored
still; damaged and foreign files refused in one sentence, nothing created."""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from journal.errors import BadInput, Cancelled, EnvironmentProblem
from journal.service import Journal, NewAttachment
from journal.store import backup as backup_store

from .conftest import PASSPHRASE, open_copy

FIXTURE_V1 = Path(__file__).resolve().parent / "fixtures" / "backup_v1.sjb"
V1_PASSPHRASE = "fixture passphrase backup v1"
BLOB = bytes(range(256)) * 3000  # 750 KiB: several chunks, many pages


def _fill(j) -> None:
    j.add_platform("Kraken", kind="exchange")
    case = j.open_case("Kraken", "Deposit not credited", category="deposit")
    j.log(case.id, kind="chat", notes="platypusword 退款 before the backup",
          attachments=[NewAttachment("blob.bin", "application/octet-stream", data=BLOB)])


@pytest.fixture
def filled(templates, tmp_path):
    j = open_copy(templates, "backup-filled", tmp_path / "journal", _fill)
    yield j
    j.close()


def _contents(j) -> dict:
    cases = j.cases()
    timelines = [j.timeline(c.id) for c in cases]
    return {"cases": [c.title for c in cases], "head": j.chain_head(),
            "notes": [i.notes for t in timelines for i in t],
            "files": [hashlib.sha256(j.attachment_bytes(a.id)).hexdigest()
                      for t in timelines for i in t for a in i.attachments],
            "search": [h.interaction_id for h in j.search("platypusword")]}


def test_a_backup_is_the_database_then_the_key_header_then_the_trailer(filled, tmp_path):
    target = tmp_path / "out" / "journal.sjb"
    target.parent.mkdir()
    size = filled.backup(target)
    data = target.read_bytes()
    assert size == len(data) == target.stat().st_size
    header = (filled.folder / "journal.key").read_bytes()
    trailer = data[data.rindex(backup_store.TRAILER):]
    database, length = (int(n) for n in trailer[len(backup_store.TRAILER):].split())
    assert trailer.endswith(b"\n") and length == len(header)
    assert data[database:database + length] == header
    assert database + length + len(trailer) == len(data)
    assert not data.startswith(backup_store.MAGIC) and not data.startswith(b"SQLite format 3")
    for secret in (b"platypusword", "退款".encode(), BLOB[:4096], PASSPHRASE.encode()):
        assert secret not in data  # encrypted, as the journal is
    assert sorted(p.name for p in target.parent.iterdir()) == ["journal.sjb"]
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_a_backup_restores_to_the_same_journal(filled, tmp_path):
    before = _contents(filled)
    filled.backup(tmp_path / "b.sjb")
    with Journal.restore(tmp_path / "b.sjb", tmp_path / "restored", passphrase=PASSPHRASE) as r:
        assert _contents(r) == before and r.check().ok
    assert sorted(p.name for p in (tmp_path / "restored").iterdir()) == [
        "journal.db", "journal.key", "journal.lock"]


def _recording_progress(seen: list, beside: list, folder):
    """A progress callback noting each report, and the files beside the target at it."""
    def progress(stage, done, total):
        seen.append((stage, done, total))
        beside.append(sorted(p.name for p in folder.iterdir() if p.name != "journal"))
    return progress


def test_a_backup_is_written_once_beside_its_target_with_progress(filled, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(backup_store, "STEP", 16)  # pages a step: several steps here
    target = tmp_path / "b.sjb"
    seen, beside = [], []
    progress = _recording_progress(seen, beside, tmp_path)

    filled.backup(target, progress=progress)
    copying = [(d, t) for s, d, t in seen if s == "copying"]
    pages = int(filled.db.one("PRAGMA page_count")[0])
    assert copying and copying[-1] == (pages, pages) and len(copying) >= 2
    assert [d for d, _ in copying] == sorted(d for d, _ in copying)
    assert seen[-1] == ("saving", 0, 0)
    # While it is written, the only file there is its .partial: no scratch copy.
    assert set(map(tuple, beside)) == {("b.sjb.partial",)}


def _cancelling_at(stage: str):
    """A progress callback that cancels at the first report of that stage."""
    def progress(at, done, total):
        if at == stage and done >= 0:
            raise Cancelled("task.cancelled")
    return progress


@pytest.mark.parametrize("stage", ["copying", "saving"])
def test_a_cancelled_backup_leaves_nothing(filled, tmp_path, stage):
    target = tmp_path / "b.sjb"
    before = _contents(filled)
    progress = _cancelling_at(stage)

    with pytest.raises(Cancelled):
        filled.backup(target, progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal"]
    assert _contents(filled) == before
    filled.backup(target)  # and the journal is fine for the next one
    assert target.is_file()


def test_a_backup_over_an_old_one_replaces_it_whole(filled, tmp_path):
    target = tmp_path / "b.sjb"
    target.write_bytes(b"an older backup")
    filled.backup(target)
    assert backup_store.read_header(target)[1].database_offset == 0


def _with_free_space(real, free: int):
    """disk_usage as `real` says it, but with only `free` bytes free."""
    def small(path):
        return real(path)._replace(free=free)
    return small


def test_a_backup_needs_room_for_the_whole_file_before_it_starts(filled, tmp_path,
                                                                 monkeypatch):
    real = shutil.disk_usage
    small = _with_free_space(real, 100_000)  # the journal is ~1 MB
    monkeypatch.setattr(backup_store.shutil, "disk_usage", small)
    with pytest.raises(EnvironmentProblem, match="not enough free space") as got:
        filled.backup(tmp_path / "b.sjb")
    assert "nothing was written" in str(got.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal"]


def test_a_backup_into_the_journal_folder_itself_is_refused(filled):
    for name in ("backup.sjb", "journal.db"):
        with pytest.raises(BadInput, match="journal's own folder"):
            filled.backup(filled.folder / name)
    assert sorted(p.name for p in filled.folder.iterdir()) == [
        "journal.db", "journal.db-shm", "journal.db-wal", "journal.key", "journal.lock"]


def test_a_format_1_backup_made_by_the_old_program_restores(tmp_path):
    assert FIXTURE_V1.read_bytes().startswith(backup_store.MAGIC)
    with Journal.restore(FIXTURE_V1, tmp_path / "restored", passphrase=V1_PASSPHRASE) as r:
        [case] = r.cases()
        assert case.title == "Withdrawal on hold"
        [entry] = r.timeline(case.id)
        assert "客服说三天内处理" in entry.notes
        assert r.attachment_bytes(entry.attachments[0].id) == bytes(range(256)) * 40
        assert [h.interaction_id for h in r.search("compliance")] == [entry.id]
        assert r.check().ok
        # …and what it holds is backed up again, in format 2, to the same journal.
        before = _contents(r)
        r.backup(tmp_path / "again.sjb")
    with Journal.restore(tmp_path / "again.sjb", tmp_path / "again",
                         passphrase=V1_PASSPHRASE) as again:
        assert _contents(again) == before


def test_the_cli_restores_a_format_1_backup(cli_here, tmp_path):
    result = cli_here("restore", FIXTURE_V1, "--journal", tmp_path / "restored",
                      env={"JOURNAL_PASSPHRASE": V1_PASSPHRASE})
    assert result.returncode == 0, result
    assert str(tmp_path / "restored") in result.stdout and result.stderr == ""


def _backup_bytes(filled, tmp_path) -> bytes:
    filled.backup(tmp_path / "good.sjb")
    return (tmp_path / "good.sjb").read_bytes()


@pytest.mark.parametrize("damage, words", [
    (lambda d: d[:-1], "truncated"),                            # the trailer's newline gone
    (lambda d: d[:len(d) // 2], "not a Support Journal backup"),  # no trailer at all
    (lambda d: d[:4096] + d[8192:], "truncated"),                # pages missing
    (lambda d: b"x" + d, "truncated"),                           # lengths that do not add up
    (lambda d: os.urandom(5000), "not a Support Journal backup"),
    (lambda d: d[:d.rindex(backup_store.TRAILER)] + backup_store.TRAILER + b"12 999999\n",
     "bad header length"),
])
def test_a_damaged_backup_is_refused_in_one_sentence_and_nothing_is_made(filled, tmp_path,
                                                                        cli_here, damage,
                                                                        words):
    bad = tmp_path / "bad.sjb"
    bad.write_bytes(damage(_backup_bytes(filled, tmp_path)))
    with pytest.raises(BadInput, match=words):
        Journal.restore(bad, tmp_path / "restored", passphrase=PASSPHRASE)
    result = cli_here("restore", bad, "--journal", tmp_path / "restored")
    assert result.returncode == 1, result
    assert words in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "restored").exists()
