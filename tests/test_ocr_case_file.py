"""Screenshots read by the real OCR worker, end to end: search finds a ticket number that
only a screenshot holds, a screenshot of "support" asking for the phrase raises the alarm,
the case file quotes the read text (marked as machine-read) and covers the phrase in black
in its copy of the picture, the phrase is in no exported file, and nothing read is left
in plaintext anywhere the program wrote. The screenshots are painted with Qt
(ocr_screenshots.py) and read once, into a template journal that each test copies.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from journal.domain.inputs import NewAttachment
from journal.export.bundle import write_bundle
from journal.export.verify import check_bundle, verify_bundle

from .conftest import Cli, open_copy
from .ocr_screenshots import PHRASE, TICKET, TX_HASH, render

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _fill(journal) -> None:
    journal.add_platform("CoinHarbor", kind="exchange", website="https://coinharbor.example")
    case = journal.open_case("CoinHarbor", "Withdrawal held", category="withdrawal")
    journal.log(case.id, kind="chat", notes="Chat with the help centre; screenshot attached.",
                start="2026-11-20T10:42:00+00:00",
                attachments=[NewAttachment("chat.png", "image/png",
                                           data=render("desktop", "en").png),
                             NewAttachment("ticket.png", "image/png",
                                           data=render("desktop", "en", phrase=False).png)])
    journal.read_attachments()


@pytest.fixture
def read(qapp, templates, tmp_path):
    j = open_copy(templates, "ocr-read", tmp_path / "journal", _fill)
    yield j
    j.close()


def _case(j):
    return j.cases()[0]


def _attachments(j):
    entry = j.timeline(_case(j).id)[0]
    return {a.name: a for a in entry.attachments}


def _phrase_words_in(text: str) -> list[str]:
    """Runs of three or more of the phrase's words, in order, found in `text`."""
    words = PHRASE["en"].split()
    return [" ".join(words[i:i + 3]) for i in range(len(words) - 2)
            if " ".join(words[i:i + 3]) in re.sub(r"\s+", " ", text)]


def test_search_finds_a_ticket_number_that_only_a_screenshot_holds(read):
    hits = read.search(TICKET.split("-")[1])
    assert hits, "the ticket number read in the screenshot is not found"
    names = {read.attachment(h.attachment_id).name for h in hits if h.attachment_id}
    assert "chat.png" in names
    assert read.search(TX_HASH), "the transaction hash is not found"


def test_the_scam_alarm_is_raised_by_a_screenshot(read):
    ids = _attachments(read)
    signs, secrets = read.attachment_alarms(ids["chat.png"].id)
    assert signs and "seed phrase" in secrets
    alarms = {a: (signs, secrets) for a, signs, secrets in read.case_file_alarms(_case(read).id)}
    # Both screenshots show "support" asking for the phrase; only one shows a phrase.
    assert set(alarms) == {ids["chat.png"].id, ids["ticket.png"].id}
    assert alarms[ids["ticket.png"].id] == (["seed phrase requested"], [])


def test_the_bundle_quotes_the_text_and_covers_the_phrase_in_black(read, tmp_path, qapp):
    from PySide6.QtGui import QImage
    target = tmp_path / "case.zip"
    result = write_bundle(read, _case(read).id, target)
    assert result["covered"] == {"A-1": ["seed phrase"]} and result["not_read"] == 0
    shot = render("desktop", "en")
    original = shot.png
    with zipfile.ZipFile(target) as zf:
        case = json.loads(zf.read("case.json"))
        chat, ticket = case["exhibits"]
        assert chat["covered"] == ["seed phrase"] and ticket["covered"] == []
        assert chat["sha256"] == hashlib.sha256(original).hexdigest()   # as in the chain
        copy = zf.read(chat["file"])
        assert hashlib.sha256(copy).hexdigest() == chat["file_sha256"] == chat["covered_sha256"]
        assert ticket["file_sha256"] == ticket["sha256"]                # nothing to cover
        assert chat["recognised_by"] == "ocr" and TICKET in chat["recognised_text"]
        assert "[redacted" in chat["recognised_text"]
        manifest = zf.read("MANIFEST.sha256").decode()
        assert chat["covered_sha256"] in manifest
        texts = {n: zf.read(n) for n in zf.namelist()}
    image = QImage.fromData(copy)
    for x, y, w, h in shot.phrase_rects:
        colour = image.pixelColor(int(x + w / 2), int(y + h / 2))
        assert (colour.red(), colour.green(), colour.blue()) == (0, 0, 0), (x, y)
    before = QImage.fromData(original)
    assert image.pixelColor(5, 5) == before.pixelColor(5, 5)   # the rest is untouched
    for name, data in texts.items():
        assert not _phrase_words_in(data.decode("utf-8", "ignore")), name
    pdf_text = _pdftotext(texts["case-file.pdf"], tmp_path)
    assert not _phrase_words_in(pdf_text)
    flat = re.sub(r"\s+", " ", pdf_text)
    assert "Text in A-1, recognised by OCR; may contain errors:" in flat
    assert TICKET in flat and "Covered in this copy: seed phrase." in flat
    assert chat["covered_sha256"] in pdf_text.replace("\n", "")
    drawn = _pdf_images(texts["case-file.pdf"], tmp_path)   # the picture the PDF shows
    assert drawn, "the PDF draws no picture"
    first = next(p for p in drawn if p.size == before.size().toTuple())   # A-1 comes first
    for x, y, w, h in shot.phrase_rects:
        assert first.getpixel((int(x + w / 2), int(y + h / 2))) == (0, 0, 0)
    assert verify_bundle(target) == []
    notes = check_bundle(target).notes
    assert any(n.startswith("Exhibit A-1 is a copy of the picture") and "seed phrase" in n
               for n in notes)


def test_a_bundle_whose_covered_copy_is_swapped_for_the_original_fails_to_verify(read, tmp_path):
    target = tmp_path / "case.zip"
    write_bundle(read, _case(read).id, target)
    forged = tmp_path / "forged.zip"
    with zipfile.ZipFile(target) as zf, zipfile.ZipFile(forged, "w") as out:
        case = json.loads(zf.read("case.json"))
        name = case["exhibits"][0]["file"]
        lines = []
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename == name:
                data = render("desktop", "en").png
            if info.filename == "MANIFEST.sha256":
                continue
            out.writestr(info, data)
            if info.filename not in ("MANIFEST.sha256.sig",):
                lines.append(f"{hashlib.sha256(data).hexdigest()}  {info.filename}")
        out.writestr("MANIFEST.sha256", "\n".join(lines) + "\n")
    problems = verify_bundle(forged)
    assert problems and any(name in p or "signature" in p.lower() for p in problems)


def test_the_chinese_case_file_marks_the_text_as_read_by_ocr(read, tmp_path):
    from journal.export import write_case_pdf
    target = tmp_path / "case.pdf"
    write_case_pdf(read, _case(read).id, target, language="zh_CN")
    text = re.sub(r"\s+", "", _pdftotext(target.read_bytes(), tmp_path))
    assert "A-1中的文字，由OCR识别，可能有误：" in text and TICKET in text
    assert "此副本中已遮盖：助记词" in text


def test_a_picture_not_read_yet_is_said_so_and_not_quoted(journal, qapp, tmp_path):
    journal.add_platform("CoinHarbor", kind="exchange")
    case = journal.open_case("CoinHarbor", "Held")
    journal.log(case.id, kind="chat", start="2026-11-20T10:42:00+00:00",
                attachments=[NewAttachment("chat.png", "image/png",
                                           data=render("desktop", "en").png)])
    from journal.export import write_case_pdf
    result = write_case_pdf(journal, case.id, tmp_path / "case.pdf")
    assert result["not_read"] == 1 and result["covered"] == {}
    text = re.sub(r"\s+", " ", _pdftotext((tmp_path / "case.pdf").read_bytes(), tmp_path))
    assert "had not been read by OCR when the case file was made" in text


def _pdf_images(data: bytes, tmp_path) -> list:
    """The pictures a PDF holds, as pdfimages takes them out (Pillow images)."""
    from PIL import Image
    folder = tmp_path / "pdfimages"
    folder.mkdir()
    (folder / "in.pdf").write_bytes(data)
    subprocess.run(["pdfimages", "-png", str(folder / "in.pdf"), str(folder / "img")],
                   check=True, capture_output=True)
    return [Image.open(p).convert("RGB") for p in sorted(folder.glob("img-*.png"))]


def _pdftotext(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is needed: .ci/run installs it")
    path = tmp_path / "for-pdftotext.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


# -- the worker and the process killed, and what is left on disk ---------------------------

_KILLED = """
import os, signal, sys
from journal.service import Journal
j = Journal.open(sys.argv[1], passphrase=sys.argv[2])
def progress(stage, done, total):
    if done == 1:
        os.kill(os.getpid(), signal.SIGKILL)   # as a power cut after the first file
j.read_attachments(progress=progress)
"""


def test_a_reading_killed_mid_queue_keeps_what_was_read_and_goes_on_after(qapp, journal,
                                                                           journal_dir):
    from .conftest import PASSPHRASE
    journal.add_platform("CoinHarbor", kind="exchange")
    case = journal.open_case("CoinHarbor", "Held")
    journal.log(case.id, kind="chat", start="2026-11-20T10:42:00+00:00",
                attachments=[NewAttachment(f"shot-{n}.png", "image/png",
                                           data=render("desktop", "en", phrase=False).png
                                           if n else render("phone", "zh").png)
                             for n in range(3)])
    journal.close()
    killed = subprocess.run([sys.executable, "-c", _KILLED, str(journal_dir), PASSPHRASE],
                            capture_output=True, timeout=120,
                            env={**os.environ, "JOURNAL_KDF_TARGET_SECONDS": "0"})
    assert killed.returncode == -9, killed.stderr
    from journal.service import Journal
    with Journal.open(journal_dir, passphrase=PASSPHRASE) as j:
        status = j.reading_status()
        assert (status.done, status.waiting) == (1, 2)
        assert j.read_attachments().waiting == 0
        assert j.reading_status().with_text == 3
        assert j.search(TICKET.split("-")[1])


def test_nothing_read_is_left_in_plaintext_where_the_program_wrote(qapp, tmp_path):
    outside = tmp_path / "in"
    outside.mkdir()
    shot = outside / "chat.png"
    shot.write_bytes(render("desktop", "en").png)
    cli = Cli(tmp_path / "base", process=True)
    cli.init()
    cli("platform", "add", "CoinHarbor", "--kind", "exchange")
    case = cli.new_id("case", "open", "CoinHarbor", "Held")
    cli("log", case, "--kind", "chat", "--attach", shot)
    run = cli("ocr", "run")
    assert "Read 1 file" in run.stdout
    assert "chat.png" in run.stderr and "seed phrase" in run.stderr   # the alarm
    said = cli("search", TICKET).stdout
    assert "chat.png" in said
    out = tmp_path / "out"
    out.mkdir()
    exported = cli("export", case, "--pdf", out / "case.pdf")
    assert "exhibit A-1 shows a seed phrase" in exported.stderr
    cli("log", case, "--kind", "chat", "--attach", shot)          # a picture not read yet
    exported = cli("export", case, "--pdf", out / "again.pdf")
    assert "1 picture of this case was not read yet" in exported.stderr
    assert f"journal ocr run --case {case}" in exported.stderr
    needles = [TICKET.encode(), TICKET.split("-")[1].encode(), TX_HASH[2:20].encode(),
               b"verification desk", "verification desk".encode("utf-16-le"),
               TICKET.encode("utf-16-le")]
    for path in (tmp_path / "base").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for needle in needles:
                assert needle not in data, (path, needle)


def test_a_box_beyond_the_pictures_edge_is_passed_over_and_the_rest_covered():
    from PIL import Image

    from journal.export.covers import covered_copy
    out = io.BytesIO()
    Image.new("RGB", (100, 40), "white").save(out, "PNG")
    copy = Image.open(io.BytesIO(covered_copy(out.getvalue(), "image/png",
                                              [(10, 10, 20, 10), (150, 60, 30, 10)])))
    assert copy.getpixel((20, 15)) == (0, 0, 0) and copy.getpixel((60, 30)) == (255, 255, 255)
