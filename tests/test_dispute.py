"""The dispute through the service: a case's jurisdiction, complaint stages, money,
transactions and wallets in the chain, the search, the case file, case.json and `journal
verify`; the letters filled from it in both languages; the calendar of its due dates; and the
case file fitted to a portal's upload limit."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta

import pytest

from journal.domain import times
from journal.errors import BadInput
from journal.service import NewAttachment, NewPromise

from .test_case_file import ENGLISH_SEED

TX = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
ETH_TX = "0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b"
MY_BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
THEIR_ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def dispute_case(j):
    """A UK payment complaint with a holding reply, a phone call whose agent asked for the
    seed phrase (which the notes and a promise repeat), money, transactions and wallets."""
    j.add_platform("Binance", website="https://www.binance.com")
    case = j.open_case("Binance", "Withdrawal of 0.5 BTC stuck", category="withdrawal",
                       account_id="UID-31415926", jurisdiction="uk")
    j.log(case.id, kind="call", contact="+44 20 7946 0000", start="2026-11-02T10:00+00:00",
          end="2026-11-02T10:20+00:00", agent="Dana",
          notes=f"Agent asked me to confirm my phrase: {ENGLISH_SEED}",
          references=["ticket:BN-88123", ETH_TX],
          promises=[NewPromise(f"Refund once you send {ENGLISH_SEED}", "2026-11-05T17:00+00:00"),
                    NewPromise("Email update", "2026-11-06T17:00+00:00")])
    j.add_stage(case.id, "complaint", on="2026-11-03T09:00+00:00", how="email",
                ref="CMP-2026-771", kind="payment")
    j.add_stage(case.id, "holding-reply", on="2026-11-20T09:00+00:00")
    j.add_money(case.id, "0.5", "BTC", network="bitcoin", fiat="31250.00", currency="GBP",
                valued_on="2026-11-01")
    j.add_transaction(case.id, TX, "bitcoin", to_address=MY_BTC, amount="0.5", asset="BTC",
                      at="2026-11-01T08:00+00:00")
    j.add_wallet(case.id, MY_BTC, "bitcoin", whose="mine", label="my Ledger")
    j.add_wallet(case.id, THEIR_ETH, "ethereum", whose="theirs", label="the 'safe' wallet")
    return case


@pytest.fixture
def case(journal):
    return dispute_case(journal)


def test_each_record_is_in_the_chain_and_check_agrees(journal, case):
    entities = [e.entity for e in journal.chain_segment(case.id)]
    for entity in ("stage", "money", "transaction", "wallet"):
        assert entity in entities
    assert journal.check().ok
    # Written straight into the table behind the chain's back: check names it.
    journal.db.conn.execute("UPDATE money SET amount = '5' WHERE case_id = ?", (case.id,))
    problems = journal.check().problems
    assert any("money" in p and "amount" in p for p in problems), problems


def test_bad_input_gets_one_sentence_and_changes_nothing(journal, case):
    before = journal.chain_head()
    for call, words in [
        (lambda: journal.add_wallet(case.id, THEIR_ETH[:-1] + "D", "ethereum"), "checksum"),
        (lambda: journal.add_transaction(case.id, TX, "ethereum"), "transaction id"),
        (lambda: journal.add_transaction(case.id, TX, "bitcoin"), "already has"),
        (lambda: journal.add_money(case.id, "lots", "BTC"), "not a number"),
        (lambda: journal.add_money(case.id, "1", "BTC", fiat="10"), "currency"),
        (lambda: journal.add_stage(case.id, "escalation"), "escalated to"),
        (lambda: journal.add_stage(case.id, "appeal"), "not a complaint stage"),
        (lambda: journal.add_stage(case.id, "complaint", on="2999-01-01"), "future"),
        (lambda: journal.set_jurisdiction(case.id, "mars"), "not a jurisdiction"),
    ]:
        with pytest.raises(BadInput, match=words):
            call()
    assert journal.chain_head() == before


def test_a_reply_before_the_complaint_is_refused(journal):
    journal.add_platform("OKX")
    c = journal.open_case("OKX", "Frozen")
    with pytest.raises(BadInput, match="formal complaint"):
        journal.add_stage(c.id, "final-response", on="2026-01-01T09:00+00:00")
    # A data access request's answer is not the platform's final response: no complaint needed.
    journal.add_stage(c.id, "escalation", on="2026-01-01T09:00+00:00", to="data-access")
    assert journal.add_stage(c.id, "final-response", on="2026-01-20T09:00+00:00",
                             to="data-access").to.value == "data-access"


def test_transaction_ids_addresses_and_stage_references_find_their_case(journal, case):
    for words in (TX, THEIR_ETH, "CMP-2026-771"):
        hits = journal.search(words)
        assert any(h.case_id == case.id for h in hits), words
    assert journal.offered_transactions(case.id) == [(ETH_TX, "ethereum")]
    journal.add_transaction(case.id, ETH_TX, "ethereum")
    assert journal.offered_transactions(case.id) == []


def test_deadlines_of_the_case_and_of_every_open_case(journal, case):
    clocks = journal.deadlines(case.id, today=date(2026, 11, 25))
    final = next(c for c in clocks if c.rule.id == "uk-payment-final-response")
    assert final.extended and final.due == date(2026, 12, 22)     # 35 business days
    pending = journal.deadlines(today=date(2026, 11, 25))
    assert {c.rule.id for c in pending} >= {"uk-payment-final-response"}
    journal.set_case_status(case.id, "closed")
    assert journal.deadlines(today=date(2026, 11, 25)) == []


def test_a_voided_stage_stops_its_clock_and_stays_in_the_record(journal, case):
    stage = journal.stages(case.id)[0]
    journal.void_dispute_record("stage", stage.id, "recorded on the wrong case")
    assert [c.rule.id for c in journal.deadlines(case.id, today=date(2026, 11, 25))
            if c.rule.pack == "uk"] == []
    assert journal.stages(case.id, voided=True)[0].void_reason == "recorded on the wrong case"
    with pytest.raises(BadInput, match="already voided"):
        journal.void_dispute_record("stage", stage.id, "again")


def test_the_case_file_summary_page_and_case_json_carry_the_dispute(journal, case, tmp_path):
    from pypdf import PdfReader
    pdf = tmp_path / "case.pdf"
    journal.export_case(case.id, pdf, kind="pdf")
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages[:4])
    for fact in ("The complaint and the money", "CMP-2026-771", "31250.00 GBP", "mempool.space",
                 "Final response", "FCA Handbook DISP 1.6.2A", "my Ledger"):
        assert fact in text.replace("\n", " "), fact
    bundle = tmp_path / "case.zip"
    journal.export_case(case.id, bundle, kind="bundle")
    doc = json.loads(zipfile.ZipFile(bundle).read("case.json"))
    assert doc["version"] == 4 and doc["dispute"]["jurisdiction"] == "uk"
    assert [s["stage"] for s in doc["dispute"]["stages"]] == ["complaint", "holding-reply"]
    assert doc["dispute"]["transactions"][0]["explorer_url"] == f"https://mempool.space/tx/{TX}"
    assert doc["dispute"]["deadlines"][0]["source_url"].startswith("https://")
    from journal.export.verify import verify_bundle
    assert verify_bundle(bundle) == []


def _forge_the_money(doc):
    """What a forger with the key would change: the amount, where it went, a stage."""
    doc["dispute"]["money"][0]["amount"] = "5.0"
    doc["dispute"]["transactions"][0]["to_address"] = THEIR_ETH
    del doc["dispute"]["stages"][1]
    doc["dispute"]["deadlines"][0]["due"] = "2027-06-30"   # more time than the rule gives


def test_a_forger_with_the_key_cannot_change_the_money_in_case_json(journal, case, tmp_path):
    from journal.crypto.signature import sign_sshsig
    from journal.export.verify import verify_bundle

    from .test_forgery import edit_json, files_of, forge
    bundle = tmp_path / "case.zip"
    journal.export_case(case.id, bundle, kind="bundle")
    key = journal.signing_key()
    change = _forge_the_money
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, edit_json(files_of(bundle), "case.json", change),
          resign=lambda m: sign_sshsig(key.seed, m).encode())
    problems = verify_bundle(bad)
    assert not any("sig" in p for p in problems)
    assert any("money 1's amount is '5.0'" in p for p in problems), problems
    assert any("transaction 1's to address" in p for p in problems), problems
    assert any("leaves out the stage 2" in p for p in problems), problems
    assert any("deadline uk-payment-final-response is given as due 2027-06-30" in p
               for p in problems), problems


# -- letters ---------------------------------------------------------------------------------

# What each letter must say of the case, in either language.
FACTS = {
    "complaint": ["BN-88123", TX, MY_BTC, "0.5 BTC", "31250.00 GBP", ETH_TX],
    "chaser": ["CMP-2026-771", "BN-88123", TX, "0.5 BTC"],
    "sar": ["BN-88123", ETH_TX],
    "chargeback": ["BN-88123", TX, "0.5 BTC", "31250.00 GBP", "CMP-2026-771"],
    "police": ["BN-88123", TX, "0.5 BTC", "31250.00 GBP", THEIR_ETH, MY_BTC, "Dana",
               "+44 20 7946 0000"],
    "mica": ["BN-88123", TX, "0.5 BTC", "31250.00 GBP", "UID-31415926"],
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("kind", ["complaint", "chaser", "sar", "chargeback", "police", "mica"])
def test_every_letter_holds_the_facts_and_no_secret(journal, case, kind, language):
    letter = journal.letter(case.id, kind, language=language)
    text = letter.text
    assert letter.title and text.endswith("\n") and "\n\n\n" not in text
    for word in ENGLISH_SEED.split()[2:6]:
        assert word not in text, (kind, word)
    for fact in FACTS[kind]:
        assert fact in text, (kind, language, fact)
    if kind in ("complaint", "chaser", "chargeback", "mica"):
        due = "5 November 2026" if language == "en" else "2026年11月5日"
        assert due in text, (kind, language)          # the broken promise's date
    if kind in ("complaint", "chaser"):
        assert "Dana" in text
    if language == "zh_CN":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_a_letter_as_a_signed_pdf_and_logged_when_sent(journal, case, tmp_path):
    from pypdf import PdfReader
    target = tmp_path / "complaint.pdf"
    edited = journal.letter(case.id, "complaint").text.replace("[Your name]", "Jane Doe")
    made = journal.write_letter_pdf(case.id, "complaint", target, text=edited)
    reader = PdfReader(target)
    assert made["pages"] == len(reader.pages) >= 1
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Jane Doe" in text and "BN-88123" in text
    assert "/Sig" in str(reader.trailer["/Root"]["/AcroForm"]["/Fields"][0].get_object())
    entry = journal.log_letter(case.id, edited, on="2026-11-25T10:00+00:00")
    assert entry.kind.value == "letter" and entry.notes.startswith("To: Binance")
    assert "Jane Doe" in journal.interaction(entry.id).notes


def test_unknown_letters_and_languages_get_a_sentence(journal, case):
    with pytest.raises(BadInput, match="not a letter"):
        journal.letter(case.id, "poem")
    with pytest.raises(BadInput, match="English"):
        journal.letter(case.id, "sar", language="fr")


# -- the calendar ----------------------------------------------------------------------------

def test_the_calendar_parses_back_with_stable_uids_alarms_and_time_zones(journal, case,
                                                                         monkeypatch):
    from icalendar import Calendar
    monkeypatch.setenv("TZ", "Europe/London")
    journal.log(case.id, kind="chat", start=times.now_text(), notes="chat",
                promises=[NewPromise("Call back", (times.now() + timedelta(days=2))
                                     .isoformat(timespec="minutes"))])
    first = Calendar.from_ical(journal.calendar())
    second = Calendar.from_ical(journal.calendar())
    events = first.walk("VEVENT")
    uids = [str(e["UID"]) for e in events]
    assert uids == [str(e["UID"]) for e in second.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert any(u.startswith("promise-") for u in uids)
    assert any(u.startswith("deadline-") for u in uids)
    assert all(e.walk("VALARM") for e in events)
    assert [tz["TZID"] for tz in first.walk("VTIMEZONE")] == ["Europe/London"]
    timed = next(e for e in events if str(e["UID"]).startswith("promise-"))
    assert timed["DTSTART"].params["TZID"] == "Europe/London"
    # The pending promises only: kept ones leave; one more promise is one more event.
    promise = journal.promises(status="pending")[0]
    journal.set_promise(promise.id, "kept")
    third = Calendar.from_ical(journal.calendar())
    assert len(third.walk("VEVENT")) == len(events) - 1


# -- a case file that fits a portal ----------------------------------------------------------

def _photo(seed: int) -> bytes:
    import numpy as np
    from PIL import Image
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:900, 0:1200]
    base = np.stack([x * 255 // 1200, y * 255 // 900, (x + y) * 127 // 2100 + 64], -1)
    pixels = np.clip(base + rng.integers(-40, 40, (900, 1200, 3)), 0, 255).astype("uint8")
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "PNG", compress_level=1)
    return out.getvalue()


def test_twenty_large_pictures_fit_ten_megabytes_with_the_same_text(journal, tmp_path):
    from pypdf import PdfReader
    journal.add_platform("Kraken")
    c = journal.open_case("Kraken", "Statements")
    journal.log(c.id, kind="email", notes="Photos of the bank statements.",
                references=["ticket:KR-1"], attachments=[
                    NewAttachment(f"statement-{i}.png", "image/png", data=_photo(i))
                    for i in range(20)])
    full, small = tmp_path / "full.pdf", tmp_path / "small.pdf"
    journal.export_case(c.id, full, kind="pdf")
    result = journal.export_case(c.id, small, kind="pdf", max_size="10MB")
    assert full.stat().st_size > 10_000_000
    assert small.stat().st_size <= 10_000_000 and result["fitted_dpi"] >= 60
    full_text = [p.extract_text() for p in PdfReader(full).pages]
    small_text = [p.extract_text() for p in PdfReader(small).pages]
    assert len(full_text) == len(small_text)
    assert "upload limit of 10 MB" in small_text[0].replace("\n", " ")
    assert small_text[1:] == full_text[1:]        # every page but the cover is the same text
    cover = small_text[0].splitlines()
    assert [line for line in full_text[0].splitlines() if line not in cover] == []
    with pytest.raises(BadInput, match="not a size"):
        journal.export_case(c.id, tmp_path / "x.pdf", kind="pdf", max_size="tiny")
