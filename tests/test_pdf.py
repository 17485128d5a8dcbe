"""The case file PDF: every fact a stranger needs is in its text, in English and Chinese;
images embedded; A4 or Letter; a character no font can show is refused before writing."""
from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest

pytest.importorskip("PySide6")
pypdf = pytest.importorskip("pypdf")

from journal.domain.case_file import (  # noqa: E402
    CaseFile,
    Entry,
    Exhibit,
    PromiseFact,
    Revision,
    Summary,
)
from journal.errors import BadInput  # noqa: E402

HEAD = "3f7a9c0e5b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a"
CHINESE_NOTE = "客服说退款已经处理，请耐心等待三到五个工作日。"
LONG_NOTE = " ".join(f"Sentence {i} of a very long note about the frozen withdrawal."
                     for i in range(1, 400)) + " THE-END-OF-THE-LONG-NOTE"
ORIGINAL_TEXT = "Agent said the withdrawal was never received (first version)."
TX = "0x9b2c6f1e8d7a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c"


def png_bytes(width: int, height: int, color: str, alpha: bool = False) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    from journal.export.pdf_fonts import ensure_gui
    ensure_gui()
    fmt = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    image = QImage(width, height, fmt)
    image.fill(QColor(color))
    p = QPainter(image)
    p.fillRect(width // 4, height // 4, width // 2, height // 2, QColor("white"))
    p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def promise(entry, text, agent, made, due, status, overdue=False):
    return PromiseFact(entry=entry, text=text, agent=agent, made_at=made, due_at=due,
                       status=status, overdue=overdue, settled_at=None)


def entry(number, started, **kw):
    base = dict(number=number, interaction_id=int(number[2:]), kind="call", outcome="answered",
                started_at=started, ended_at=None, duration_minutes=None, wait_minutes=None,
                channel_kind="phone", contact="+1 800 555 0100", channel_source="official-site",
                verified_channel=True, agent=None, language="en", references=(), notes="",
                promises=(), exhibits=(), recorded_at=started, amended=False, revisions=(),
                voided=False, void_reason=None)
    base.update(kw)
    return Entry(**base)


P_OVERDUE = promise("E-1", "Refund the withdrawal within 3 days", "Anna K.",
                    "2026-11-02T09:00:00+01:00", "2026-11-05T17:00:00+01:00", "pending", True)
P_KEPT = promise("E-3", "Send the ticket number by email", "李明",
                 "2026-11-06T10:00:00+08:00", "2026-11-07T12:00:00+08:00", "kept")
P_BROKEN = promise("E-4", "Escalate to the payments team", "Bob",
                   "2026-11-08T15:30:00+01:00", "2026-11-09T15:30:00+01:00", "broken")


def rich_case_file(**overrides) -> CaseFile:
    entries = (
        entry("E-1", "2026-11-02T09:00:00+01:00", ended_at="2026-11-02T09:40:00+01:00",
              duration_minutes=28, wait_minutes=12, agent="Anna K.",
              references=(("ticket", "TCK-448812"),),
              notes="Withdrawal of 0.5 BTC stuck since 30 October. [redacted: seed phrase]",
              promises=(P_OVERDUE,), exhibits=("A-1",)),
        entry("E-2", "2026-11-03T11:15:00+01:00", outcome="no-answer", wait_minutes=25,
              notes="Queue, then the line went dead."),
        entry("E-3", "2026-11-06T10:00:00+08:00", kind="chat", channel_kind="chat",
              contact="https://help.example.com/chat", agent="李明", language="zh",
              references=(("chat-id", "CH-2026-77"), ("tx-hash", TX)),
              notes=CHINESE_NOTE, promises=(P_KEPT,), exhibits=("A-2", "A-3")),
        entry("E-4", "2026-11-08T15:30:00+01:00", contact="+44 20 7946 0000",
              channel_source="community", verified_channel=False, agent="Bob",
              duration_minutes=15, ended_at="2026-11-08T15:45:00+01:00",
              notes="Agent said it was sent. Amended after listening to the recording.",
              promises=(P_BROKEN,), amended=True, recorded_at="2026-11-08T16:00:00+01:00",
              revisions=(Revision(recorded_at="2026-11-08T15:50:00+01:00",
                                  reason="Corrected after the recording", notes=ORIGINAL_TEXT),)),
        entry("E-5", "2026-11-10T08:00:00+01:00", kind="email", channel_kind="email",
              contact="support@example.com", notes=LONG_NOTE,
              references=(("case", "CASE-90210"),)),
        entry("E-6", "2026-11-11T08:00:00+01:00", notes="Logged twice by mistake.",
              voided=True, void_reason="Duplicate of E-5"),
    )
    exhibits = (
        Exhibit("A-1", "E-1", 101, "withdrawal-screen.png", "image/png", 20480, "a" * 64),
        Exhibit("A-2", "E-3", 102, "chat-transcript.png", "image/png", 10240, "b" * 64),
        Exhibit("A-3", "E-3", 103, "statement.pdf", "application/pdf", 55555,
                "c0ffee" + "d" * 58),
    )
    summary = Summary(days_open=12, contacts_by_channel={"call": 3, "chat": 1, "email": 1},
                      failed_attempts=1, call_minutes=43, wait_minutes=37,
                      references=(("ticket", "TCK-448812", "E-1"),
                                  ("chat-id", "CH-2026-77", "E-3"), ("tx-hash", TX, "E-3"),
                                  ("case", "CASE-90210", "E-5")),
                      promises_made=3, promises_kept=1, promises_broken=1, promises_overdue=1,
                      promises_pending=0)
    values = dict(case_id=7, title="Withdrawal of 0.5 BTC stuck", platform="ExampleX",
                  platform_website="https://example.com", account_id="UID-4471-2290",
                  category="withdrawal", status="escalated",
                  opened_at="2026-11-01T08:30:00+01:00",
                  last_contact_at="2026-11-10T08:00:00+01:00",
                  exported_at="2026-11-13T18:45:00+01:00", chain_head=HEAD, chain_entries=9,
                  entries=entries, exhibits=exhibits, summary=summary,
                  redactions={"seed phrase": 1}, exporter_name="Jane Doe",
                  exporter_contact="jane@example.org")
    values.update(overrides)
    return CaseFile(**values)


IMAGES = {}


def exhibit_bytes(attachment_id: int) -> bytes:
    if not IMAGES:
        IMAGES[101] = png_bytes(1600, 1000, "#3060c0")
        IMAGES[102] = png_bytes(600, 1300, "#c03030", alpha=True)
        IMAGES[103] = b"%PDF-1.4 not shown"
    return IMAGES[attachment_id]


def write(cf=None, **kw) -> tuple[bytes, dict]:
    from journal.export.pdf import write_pdf
    out = io.BytesIO()
    kw.setdefault("exhibit_bytes", exhibit_bytes)
    kw.setdefault("paper", "a4")
    result = write_pdf(cf or rich_case_file(), out, **kw)
    return out.getvalue(), result


def text_of(pdf: bytes) -> tuple[str, list]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    return " ".join(" ".join(pages).split()), reader.pages


@pytest.fixture(scope="module")
def english():
    pdf, result = write()
    text, pages = text_of(pdf)
    return pdf, result, text, pages


def test_every_fact_is_in_the_text(english):
    pdf, result, text, pages = english
    assert pdf.startswith(b"%PDF") and result["pages"] == len(pages)
    squeezed = re.sub(r"\s", "", text)
    for fact in ["Withdrawal of 0.5 BTC stuck", "ExampleX", "UID-4471-2290", "withdrawal",
                 "escalated", "2026-11-01 08:30 (UTC+01:00)", "2026-11-10 08:00 (UTC+01:00)",
                 "Jane Doe", "jane@example.org", "2026-11-13 18:45 (UTC+01:00)",
                 "Secrets were removed before export: 1 seed phrase. The journal itself keeps "
                 "the user's text.",
                 "Days open", "12", "Failed attempts", "43 min", "37 min",
                 "3 made", "1 kept", "1 broken", "1 overdue",
                 "E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "A-1", "A-2", "A-3",
                 "TCK-448812", "CH-2026-77", "CASE-90210",
                 "Refund the withdrawal within 3 days", "2026-11-05 17:00 (UTC+01:00)",
                 "Send the ticket number by email", "2026-11-07 12:00 (UTC+08:00)",
                 "Escalate to the payments team", "2026-11-09 15:30 (UTC+01:00)",
                 "Anna K.", "Bob", "OVERDUE", "kept", "broken",
                 "verified official channel", "not a verified channel",
                 "failed attempt: no answer", "amended; the original text is in Appendix B",
                 "Voided by the user: Duplicate of E-5",
                 "Appendix B", "Corrected after the recording",
                 "Appendix C", "journal verify FILE.zip", "sha256sum -c MANIFEST.sha256",
                 "sent it to the platform, to a regulator or to themselves by email",
                 "withdrawal-screen.png", "statement.pdf", "54.3 KB",
                 f"Page 1 of {len(pages)}", f"Page {len(pages)} of {len(pages)}"]:
        assert fact.lower() in text.lower(), fact
    for fact in [HEAD, TX, "c0ffee" + "d" * 58, ORIGINAL_TEXT.replace(" ", ""),
                 CHINESE_NOTE, "李明", "THE-END-OF-THE-LONG-NOTE"]:
        assert fact in squeezed, fact


def test_sections_are_on_their_own_pages_in_order(english):
    _pdf, _result, _text, pages = english
    texts = [" ".join((p.extract_text() or "").split()) for p in pages]
    assert "Hash-chain head" in texts[0] and "Summary" in texts[1]
    assert "Chronology" in texts[2] and "Chronology" not in texts[1]
    first = {key: next(i for i, t in enumerate(texts) if key in t and i > 0)
             for key in ("Appendix A: Exhibits", "Appendix B: Earlier", "Appendix C: Integrity")}
    assert 2 < first["Appendix A: Exhibits"] < first["Appendix B: Earlier"] \
        < first["Appendix C: Integrity"]
    # The long note flowed over more than one page, each with the footer.
    long_pages = [t for t in texts if "Sentence" in t and "frozen withdrawal" in t]
    assert len(long_pages) >= 2
    assert all("Withdrawal of 0.5 BTC stuck" in t and "Page" in t for t in texts)
    # The contents on the cover give the real pages.
    assert f"Appendix C: Integrity: what this file proves and how to check it · page " \
           f"{first['Appendix C: Integrity'] + 1}" in texts[0]


def images_of(pages) -> list[tuple[int, int]]:
    """(width, height) of every image drawn on the pages (without needing Pillow)."""
    found = []
    for page in pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            x = ref.get_object()
            if x.get("/Subtype") == "/Image":
                found.append((int(x["/Width"]), int(x["/Height"])))
    return found


def test_images_are_embedded_and_other_files_listed(english):
    _pdf, _result, text, pages = english
    assert sorted(images_of(pages)) == [(600, 1300), (1600, 1000)]
    assert "not shown here" in text and "c0ffee" in text


def test_a_very_tall_capture_is_cut_into_readable_slices():
    """A scrolling capture of a chat, shrunk onto one page, could not be read."""
    tall = png_bytes(800, 9000, "#208040")
    cf = rich_case_file(exhibits=(Exhibit("A-1", "E-1", 201, "whole-chat.png", "image/png",
                                          len(tall), "e" * 64),), entries=())
    pdf, _ = write(cf, exhibit_bytes=lambda _id: tall)
    text, pages = text_of(pdf)
    drawn = images_of(pages)
    assert len(drawn) >= 3 and all(w == 800 for w, _h in drawn)
    assert sum(h for _w, h in drawn) == 9000
    assert f"continued: part {len(drawn)} of {len(drawn)}" in text


def test_without_exhibit_bytes_images_are_listed_not_drawn():
    pdf, _ = write(exhibit_bytes=None)
    _text, pages = text_of(pdf)
    assert images_of(pages) == []


def test_chinese_labels(english):
    pdf, _ = write(language="zh_CN")
    text, pages = text_of(pdf)
    squeezed = re.sub(r"\s", "", text)
    for label in ["案件档案", "平台", "账户", "摘要", "时间线", "承诺", "参考编号", "已兑现",
                  "未兑现", "已逾期", "附录A：证据", "附录B", "附录C",
                  "导出前已删除机密信息：助记词1处", f"第1页，共{len(pages)}页", "已核实的官方渠道",
                  "未经核实的渠道", CHINESE_NOTE, HEAD, "UID-4471-2290", "2026-11-05 17:00",
                  "journalverifyFILE.zip", "sha256sum-cMANIFEST.sha256"]:
        assert label.replace(" ", "") in squeezed, label
    assert "Summary" not in text and "Chronology" not in text
    # Copied text says what was printed: 户 and 页 are not the look-alike radicals ⼾ and ⻚.
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]


def test_copied_text_has_spaces_not_tabs(english):
    raw = english[3][0].extract_text()
    assert "Case file: dispute with customer support" in raw and "\t" not in raw


def test_fonts_embedded_and_pdf_a(english):
    pdf = english[0]
    assert b"pdfaid:part" in pdf or b"PDF/A" in pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for d in font.get("/DescendantFonts", []):
                descriptor = d.get_object()["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                fonts.add(str(font["/BaseFont"]))
    assert any("CJK" in f for f in fonts), fonts


@pytest.mark.parametrize("paper, points", [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(paper, points):
    cf = rich_case_file(entries=(), exhibits=())
    pdf, _ = write(cf, paper=paper)
    box = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


def test_paper_follows_the_locale_when_not_given(monkeypatch):
    from PySide6.QtCore import QLocale

    from journal.export import pdf as pdf_module
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    assert pdf_module._paper(None) == "letter"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert pdf_module._paper(None) == "a4"
    with pytest.raises(BadInput):
        pdf_module._paper("tabloid")


def test_a_c_or_posix_system_gets_a4(monkeypatch):
    from PySide6.QtCore import QLocale

    from journal.export import pdf as pdf_module
    monkeypatch.setattr(QLocale, "system", staticmethod(QLocale.c))
    assert pdf_module._paper(None) == "a4"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_US")))
    monkeypatch.setenv("LC_ALL", "en_US_POSIX")   # Qt reads it as en_US; it is still C
    assert pdf_module._paper(None) == "a4"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert pdf_module._paper(None) == "letter"


@pytest.mark.parametrize("char", ["\U0010FFFD", "\uE000"])
def test_a_character_no_font_has_is_refused_and_nothing_written(tmp_path, char):
    from journal.export.pdf import write_pdf
    target = tmp_path / "case.pdf"
    cf = rich_case_file(title=f"Withdrawal {char} stuck")
    with pytest.raises(BadInput) as caught:
        write_pdf(cf, target, exhibit_bytes=exhibit_bytes, paper="a4")
    message = str(caught.value)
    assert f"U+{ord(char):04X}" in message and "install" in message
    assert "\n" not in message
    assert not target.exists()


def test_writes_a_file_and_refuses_unknown_language(tmp_path):
    from journal.export.pdf import write_pdf
    target = tmp_path / "case.pdf"
    result = write_pdf(rich_case_file(), target, exhibit_bytes=exhibit_bytes, paper="letter")
    assert target.read_bytes().startswith(b"%PDF") and result["pages"] > 4
    with pytest.raises(BadInput):
        write_pdf(rich_case_file(), tmp_path / "other.pdf", language="fr")
    assert not (tmp_path / "other.pdf").exists()


def test_no_redaction_notice_when_nothing_was_removed():
    pdf, _ = write(rich_case_file(redactions={}, entries=(), exhibits=()))
    text, _pages = text_of(pdf)
    assert "Secrets were removed" not in text
    assert "No files were attached" in text and "No entry was amended" in text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pages_render(tmp_path, english):
    """poppler reads the file (the pictures themselves were looked at by a person)."""
    source = tmp_path / "case.pdf"
    source.write_bytes(english[0])
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "2", str(source),
                    str(tmp_path / "page")], check=True, capture_output=True)
    assert len(list(tmp_path.glob("page-*.png"))) == 2
