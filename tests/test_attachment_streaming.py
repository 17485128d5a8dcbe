"""Attachments stream in and out: attaching from bytes copies each byte once (no quadratic
slicing), reading and saving hold one chunk, a bundle writes each exhibit piece by piece and
stores compressed media as it is, and `journal verify` still hashes every exhibit."""
from __future__ import annotations

import hashlib
import os
import stat
import tracemalloc
import zipfile

import pytest

from journal.errors import BadInput, Cancelled, JournalError
from journal.export.bundle import write_bundle
from journal.export.verify import verify_bundle
from journal.service import NewAttachment
from journal.store import attachments as attachment_store

from .conftest import PASSPHRASE

MIB = 2**20


@pytest.fixture
def case(journal):
    journal.add_platform("Binance", kind="exchange")
    return journal.open_case("Binance", "Withdrawal stuck", category="withdrawal")


def _peak_while(action) -> tuple[object, int]:
    """What `action()` returns, and the most memory Python held meanwhile beyond its start."""
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        result = action()
        return result, tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def _incompressible(size: int) -> bytes:
    return os.urandom(size)


def test_attaching_64_mib_from_bytes_holds_no_copy_of_them(journal, case):
    data = _incompressible(64 * MIB)
    pasted = NewAttachment("screen recording.bin", "application/octet-stream", data=data)
    item, peak = _peak_while(lambda: journal.log(case.id, kind="chat", attachments=[pasted]))
    # Cut by memoryview into 256 KiB rows: a chunk or two in flight, never the file again
    # (slicing `buffer = buffer[CHUNK:]` held 64 MiB more and copied 8 GiB in all).
    assert peak < 4 * MIB, f"{peak / MIB:.1f} MiB held while attaching 64 MiB"
    (attachment,) = item.attachments
    assert attachment.size == len(data)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert journal.attachment_bytes(attachment.id) == data


def test_attaching_from_a_path_holds_one_read_at_a_time(journal, case, tmp_path):
    path = tmp_path / "call.m4a"
    data = _incompressible(24 * MIB)
    path.write_bytes(data)
    item, peak = _peak_while(lambda: journal.log(case.id, kind="chat", attachments=[path]))
    assert peak < 4 * MIB
    assert item.attachments[0].sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("sizes", [
    [0], [1], [attachment_store.CHUNK], [attachment_store.CHUNK + 1],
    [7, attachment_store.CHUNK - 7, 3], [3 * attachment_store.CHUNK + 5, 1, 0, 2 * 10**5],
    [10**5] * 9])
def test_pieces_of_any_size_are_stored_byte_for_byte(journal, case, sizes):
    data = _incompressible(sum(sizes))
    pieces, at = [], 0
    for n, size in enumerate(sizes):   # bytes, bytearray and memoryview, as callers give
        part = data[at:at + size]
        pieces.append((bytes, bytearray, memoryview)[n % 3](part))
        at += size
    iid = journal.log(case.id, kind="chat").id
    db = journal.db
    with db.transaction() as conn:   # the store itself: the service hands it one piece
        aid = attachment_store.add(conn, case.id, iid, "f.bin", "application/octet-stream",
                                   iter(pieces), "2026-01-02T09:00:00+01:00")
    stored = list(attachment_store.read(db, aid))
    assert b"".join(stored) == data
    assert all(len(p) == attachment_store.CHUNK for p in stored[:-1])
    assert len(stored) == max(1, -(-len(data) // attachment_store.CHUNK))
    a = attachment_store.get(db, aid)
    assert (a.size, a.sha256) == (len(data), hashlib.sha256(data).hexdigest())


def test_chunks_written_at_another_size_read_back_whole(journal, case, monkeypatch):
    """Rows are read by seq, whatever their size: journals written with another CHUNK."""
    data = _incompressible(5 * MIB + 3)
    monkeypatch.setattr(attachment_store, "CHUNK", 1 * MIB)
    item = journal.log(case.id, kind="chat", attachments=[
        NewAttachment("old.bin", "application/octet-stream", data=data)])
    monkeypatch.undo()
    aid = item.attachments[0].id
    assert b"".join(journal.attachment_chunks(aid)) == data
    assert journal.attachment_bytes(aid) == data


# -- out of the journal ----------------------------------------------------------------------

@pytest.fixture
def video(journal, case):
    data = _incompressible(9 * MIB + 17)
    item = journal.log(case.id, kind="chat", attachments=[
        NewAttachment("screen recording.mp4", "video/mp4", data=data)])
    return item.attachments[0], data


def test_attachment_chunks_are_pieces_of_one_chunk(journal, video):
    attachment, data = video
    pieces = list(journal.attachment_chunks(attachment.id))
    assert b"".join(pieces) == data
    assert max(len(p) for p in pieces) <= attachment_store.CHUNK


def test_save_attachment_writes_it_chunk_by_chunk_for_its_owner_alone(journal, video,
                                                                        tmp_path):
    attachment, data = video
    target = tmp_path / "out" / "recording.mp4"
    target.parent.mkdir()
    seen = []
    saved, peak = _peak_while(lambda: journal.save_attachment(
        attachment.id, target, progress=lambda stage, done, total: seen.append((done, total))))
    assert saved == attachment
    assert target.read_bytes() == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert peak < 2 * MIB
    assert seen[-1] == (len(data), len(data)) and len(seen) > 10
    assert sorted(p.name for p in target.parent.iterdir()) == ["recording.mp4"]


def test_save_attachment_refuses_an_existing_file_unless_told(journal, video, tmp_path):
    attachment, data = video
    target = tmp_path / "recording.mp4"
    target.write_bytes(b"keep me")
    with pytest.raises(BadInput) as refused:
        journal.save_attachment(attachment.id, target)
    assert refused.value.code == "file.exists"
    assert target.read_bytes() == b"keep me"
    journal.save_attachment(attachment.id, target, replace=True)
    assert target.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal", "recording.mp4"]


def test_save_attachment_says_why_it_cannot(journal, video, tmp_path):
    attachment, _ = video
    with pytest.raises(BadInput) as no_folder:
        journal.save_attachment(attachment.id, tmp_path / "nowhere" / "x.mp4")
    assert no_folder.value.code == "file.no_folder"
    with pytest.raises(BadInput) as folder:
        journal.save_attachment(attachment.id, tmp_path)
    assert folder.value.code == "file.exists"
    with pytest.raises(JournalError) as none:
        journal.save_attachment(999, tmp_path / "x.mp4")
    assert none.value.code == "attachment.none"
    assert not (tmp_path / "x.mp4").exists()


def _cancel_past_two_mib(stage, done, total):
    if done > 2 * MIB:
        raise Cancelled("task.cancelled")


def test_a_cancelled_save_leaves_no_file(journal, video, tmp_path):
    attachment, _ = video
    target = tmp_path / "recording.mp4"
    with pytest.raises(Cancelled):
        journal.save_attachment(attachment.id, target, progress=_cancel_past_two_mib)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal"]


def test_locking_while_reading_chunks_says_the_journal_is_locked(journal, video):
    attachment, _ = video
    pieces = journal.attachment_chunks(attachment.id)
    next(pieces)
    journal.lock()
    with pytest.raises(JournalError) as locked:
        next(pieces)
    assert locked.value.code == "journal.locked"
    journal.unlock(passphrase=PASSPHRASE)
    unread = journal.attachment_chunks(attachment.id)
    journal.lock()
    with pytest.raises(JournalError) as before_any:
        next(unread)
    assert before_any.value.code == "journal.locked"


# -- the bundle ------------------------------------------------------------------------------

def _jpeg() -> bytes:
    """A real JPEG (Qt writes it), so the PDF can draw it."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from journal.export.pdf_fonts import ensure_gui
    ensure_gui()   # the application the PDF uses too (a QApplication: windows may follow)
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(data)


@pytest.fixture
def evidence(journal, case):
    files = {
        "photo.jpg": ("image/jpeg", _jpeg()),
        "screen recording.mp4": ("video/mp4", _incompressible(3 * MIB)),
        "chat.txt": ("text/plain", ("Agent: your withdrawal is under review.\n" * 4000)
                     .encode()),
        "export.dat": ("application/octet-stream", b"\x00\x01 log line, repeated\n" * 9000),
        "blob.dat": ("application/octet-stream", _incompressible(MIB)),
    }
    journal.log(case.id, kind="chat", notes="The agent sent these.", attachments=[
        NewAttachment(name, media, data=data) for name, (media, data) in files.items()])
    return files


def _entries(target) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(target) as zf:
        return {i.filename: i for i in zf.infolist()}


def test_compressed_media_is_stored_and_text_deflated(journal, case, evidence, tmp_path):
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, target)
    entries = _entries(target)
    method = {name.split("-", 2)[-1]: info.compress_type
              for name, info in entries.items() if name.startswith("exhibits/")}
    assert method == {"photo.jpg": zipfile.ZIP_STORED,
                      "screen recording.mp4": zipfile.ZIP_STORED,
                      "chat.txt": zipfile.ZIP_DEFLATED,
                      "export.dat": zipfile.ZIP_DEFLATED,   # unknown type that shrinks
                      "blob.dat": zipfile.ZIP_STORED}       # unknown type that does not
    for name in ("case.json", "chain.json", "README.txt", "MANIFEST.sha256"):
        assert entries[name].compress_type == zipfile.ZIP_DEFLATED
    video = next(i for n, i in entries.items() if n.endswith(".mp4"))
    assert video.compress_size == video.file_size   # not grown by a deflate that gains nothing
    with zipfile.ZipFile(target) as zf:
        for name, (_, data) in evidence.items():
            assert zf.read(next(n for n in entries if n.endswith(name))) == data
    assert verify_bundle(target) == []


def test_a_bundle_holds_no_exhibit_whole_in_memory(journal, case, tmp_path):
    data = _incompressible(32 * MIB)
    journal.log(case.id, kind="chat", attachments=[
        NewAttachment("screen recording.mp4", "video/mp4", data=data)])
    del data
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, tmp_path / "warm.zip")   # fonts and signer loaded once
    _, peak = _peak_while(lambda: write_bundle(journal, case.id, target))
    assert peak < 12 * MIB, f"{peak / MIB:.1f} MiB held while writing a 32 MiB exhibit"
    assert verify_bundle(target) == []


def _repack(source, target, method: int) -> None:
    """The same files, every one compressed with `method` (bundles before this change
    deflated every exhibit)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            with zin.open(info) as f:
                zout.writestr(zipfile.ZipInfo(info.filename, info.date_time),
                              f.read(), compress_type=method)


def test_verify_accepts_old_deflated_and_new_stored_bundles(journal, case, evidence,
                                                           tmp_path):
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, target)
    for method in (zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED):
        again = tmp_path / f"repacked-{method}.zip"
        _repack(target, again, method)
        assert verify_bundle(again) == []


def test_verify_catches_a_changed_byte_in_a_stored_exhibit(journal, case, evidence,
                                                          tmp_path):
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, target)
    video = next(i for n, i in _entries(target).items() if n.endswith(".mp4"))
    assert video.compress_type == zipfile.ZIP_STORED
    raw = bytearray(target.read_bytes())
    name_len, extra_len = (int.from_bytes(raw[video.header_offset + k:
                                              video.header_offset + k + 2], "little")
                           for k in (26, 28))
    at = video.header_offset + 30 + name_len + extra_len + video.file_size // 2
    raw[at] ^= 0x40
    flipped = tmp_path / "flipped.zip"
    flipped.write_bytes(bytes(raw))
    assert verify_bundle(flipped) == [
        f"{video.filename} was altered: its SHA-256 does not match the manifest."]


def test_verify_catches_an_exhibit_swapped_for_another_file(journal, case, evidence,
                                                           tmp_path):
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, target)
    photo = next(n for n in _entries(target) if n.endswith("photo.jpg"))
    swapped = tmp_path / "swapped.zip"
    with zipfile.ZipFile(target) as zin, zipfile.ZipFile(swapped, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data[:-1] + b"\x00" if info.filename == photo else data)
    assert f"{photo} was altered: its SHA-256 does not match the manifest." \
        in verify_bundle(swapped)


def test_an_exhibit_beyond_the_zip64_limit_streams_in_as_zip64(journal, case, evidence,
                                                               tmp_path, monkeypatch):
    """Over 2 GiB an entry needs ZIP64, which a streamed entry must ask for before its first
    byte: the limit is lowered here so that the 3 MiB video is over it."""
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 2 * MIB)
    target = tmp_path / "case.zip"
    write_bundle(journal, case.id, target)
    video = next(i for n, i in _entries(target).items() if n.endswith(".mp4"))
    assert video.file_size > zipfile.ZIP64_LIMIT
    assert video.extract_version >= zipfile.ZIP64_VERSION
    assert verify_bundle(target) == []
