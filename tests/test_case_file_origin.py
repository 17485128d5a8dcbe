"""The case file says where each imported e-mail or chat came from, as its notes record it: a
row under its heading with each warning (look-alike domains, first contact) and its DKIM
result, in English and Chinese, and a count of such entries in the summary."""
from __future__ import annotations

import io
from dataclasses import replace

import pytest

pytest.importorskip("PySide6")
pypdf = pytest.importorskip("pypdf")

from journal.export import case_file as case_file_of  # noqa: E402
from journal.export.pdf_html import CaseFileHtml  # noqa: E402
from journal.export.pdf_labels import Words  # noqa: E402

from .conftest import ROOT  # noqa: E402
from .test_evidence_dkim import _signed, _unsigned_message  # noqa: E402
from .test_evidence_origin import dns  # noqa: E402

EMAIL = ROOT / "tests" / "fixtures" / "evidence" / "email"


@pytest.fixture
def imported(journal, tmp_path):
    """A case of Binance holding a signed reply checked through DNS (E-1), a look-alike e-mail
    (E-2) and a call logged by hand (E-3)."""
    journal.add_platform("Binance", kind="exchange", website="https://www.binance.com")
    journal.add_channel("Binance", kind="email", value="support@binance.com",
                        source="official-site")
    case = journal.open_case("binance", "Withdrawal stuck", opened_at="2026-08-01T08:00+00:00")
    lookalike = tmp_path / "urgent.eml"
    lookalike.write_bytes(_in_september((EMAIL / "lookalike_sender.eml").read_bytes()))
    journal.import_evidence(case.id, [lookalike])
    reply = tmp_path / "reply.eml"
    reply.write_bytes(_signed(_in_september(_unsigned_message())))
    journal.import_evidence(case.id, [reply], check_dkim=True, dns=dns)
    journal.log(case.id, kind="call", start="2026-11-20T10:00+00:00",
                notes="Warning: first-contact Ken")
    return case


def _in_september(data: bytes) -> bytes:
    return data.replace(b"Dec 2026", b"Sep 2026")


def pdf_text(journal, case_id, tmp_path, language: str) -> str:
    target = tmp_path / f"case-{language}.pdf"
    journal.export_case(case_id, target, kind="pdf", language=language)
    reader = pypdf.PdfReader(io.BytesIO(target.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_the_case_file_reads_the_origin_of_imported_entries_only(journal, imported):
    cf = _case_file(journal, imported)
    reply, lookalike, call = cf.entries
    assert (reply.kind, lookalike.kind, call.kind) == ("email", "email", "call")
    assert {f.domain for f in lookalike.origin.findings} == {
        "binance-support.help", "binance.com.verify-wallet.help", "blnance.com"}
    assert lookalike.origin_warned and not reply.origin_warned
    assert reply.origin.dkim.status == "pass" and reply.origin.dkim.domain == "binance.com"
    assert call.origin is None    # though its notes hold a line like an origin's
    assert (cf.imported, cf.origin_warnings) == (("E-1", "E-2"), ("E-2",))


def test_the_pdf_says_each_warning_and_the_dkim_result_in_english(journal, imported,
                                                                    tmp_path):
    text = pdf_text(journal, imported.id, tmp_path, "en")
    assert ("Origin: • The sender's domain binance-support.help looks like binance.com, a "
            "domain of Binance, but is not it: a look-alike, as scams use.") in text
    assert ("A link goes to blnance.com, which looks like binance.com, a domain of Binance, "
            "but is not it") in text
    assert "The message carries no DKIM signature." in text
    assert "Origin: Signed by binance.com (DKIM) and unchanged since it was signed (checked " \
           "20" in text and " UTC). Not covered by the signature: cc." in text
    assert "Imported e-mails and chats 2 (E-1, E-2) · 1 with origin warnings (E-2)" in text
    # The notes are printed as they are: they are the record.
    assert "Warning: look-alike sender binance-support.help (like binance.com)" in text


def test_the_pdf_says_them_in_chinese(journal, imported, tmp_path):
    # Chinese lines break anywhere, and the text extraction spaces the Latin words: compare
    # without white space.
    text = _squeezed(pdf_text(journal, imported.id, tmp_path, "zh_CN"))
    for said in ["来源核查：•发件人的域名 binance-support.help 看似 Binance 的域名 binance.com，"
                 "实则不是：这是诈骗常用的仿冒域名。",
                 "有链接指向 blnance.com，看似 Binance 的域名 binance.com，实则不是",
                 "该邮件没有 DKIM 签名。",
                 "来源核查：由 binance.com 签名（DKIM），签名后未被改动（核查于 20",
                 "UTC）。以下邮件头不在签名范围内：cc。",
                 "导入的邮件和聊天 2 条（E-1、E-2） · 其中 1 条来源有警告（E-2）"]:
        assert _squeezed(said) in text, said


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_a_pass_is_good_a_failure_bad_and_a_warning_bad(journal, imported):
    cf = _case_file(journal, imported)
    reply, lookalike, call = cf.entries
    failed = _with_notes(reply, reply.notes.replace("DKIM: pass (unsigned headers: cc)",
                                                    "DKIM: fail (the body changed)"))
    unchecked = _with_notes(reply, reply.notes.replace("DKIM: pass (unsigned headers: cc)",
                                                       "DKIM: not checked (no look-up "
                                                       "allowed)"))
    html = CaseFileHtml(cf, Words("en"), lambda pt: round(pt), "Mono")
    assert html.origin(reply.origin) == [[
        ("good", f"Signed by binance.com (DKIM) and unchanged since it was signed (checked "
                 f"{_utc(reply.origin.dkim.checked_at)})."),
        ("", "Not covered by the signature: cc.")]]
    [[(cls, text)]] = html.origin(failed.origin)
    assert cls == "bad" and "does not hold: the body changed" in text
    assert html.origin(unchecked.origin) == [[
        ("", "The DKIM signature was not checked: no DNS look-up was allowed when it was "
             "imported.")]]
    assert [[cls for cls, _ in line] for line in html.origin(lookalike.origin)] == [
        ["bad"], ["bad"], ["bad"], [""]]
    assert '<b>Origin: </b><br/>• <span class="bad">The sender' in html.entry(lookalike)
    assert '<b>Origin: </b><span class="good">Signed by' in html.entry(reply)
    assert "Origin" not in html.entry(call)


def test_first_contact_and_domains_not_compared_are_warned(journal, imported):
    cf = _case_file(journal, imported)
    chat = _with_notes(cf.entries[0], "Warning: first-contact Ken\nDomains: not compared (the "
                       "directory lists no website or e-mail of Kraken in the directory)\n\n"
                       "[2026-09-01 10:00] Ken: hello", kind="chat")
    assert chat.origin_warned
    zh = CaseFileHtml(cf, Words("zh_CN"), lambda pt: round(pt), "Mono")
    assert zh.origin(chat.origin) == [
        [("bad", "导出记录显示，是 Ken 先联系了用户。真正的客服只会答复客户，不会主动先联系。")],
        [("bad", "平台目录中没有 Kraken 的网站或电子邮件地址，因此未将这些域名与该平台的"
                 "域名比对。")]]


def test_a_voided_import_is_not_counted_and_runs_of_numbers_are_shortened(journal, imported):
    cf = _case_file(journal, imported)
    reply, lookalike, call = cf.entries
    many = replace(cf, entries=(reply, replace(lookalike, voided=True),
                                *(replace(reply, number=f"E-{n}") for n in range(3, 8)),
                                replace(call, number="E-8")))
    assert many.imported == ("E-1", "E-3", "E-4", "E-5", "E-6", "E-7")
    assert many.origin_warnings == ()
    html = CaseFileHtml(many, Words("en"), lambda pt: round(pt), "Mono")
    assert html.imported_cell() == "6 (E-1, E-3 … E-7) · none with origin warnings"
    warned = replace(many, entries=many.entries[:2] + (replace(lookalike, number="E-3"),))
    assert CaseFileHtml(warned, Words("zh_CN"), lambda pt: round(pt), "Mono").imported_cell() \
        == '2 条（E-1、E-3） · <span class="bad">其中 1 条来源有警告（E-3）</span>'


def _utc(checked_at: str) -> str:
    return checked_at[:10] + " " + checked_at[11:16] + " UTC"


def _with_notes(entry, notes: str, **kw):
    return replace(entry, notes=notes, **kw)


def _case_file(journal, case):
    return case_file_of(journal, case.id)
