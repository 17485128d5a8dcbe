"""Where an imported message came from, as the import judges and the entry records it: DKIM
through a stand-in for DNS, look-alike senders and links, who wrote first."""
from __future__ import annotations

import re

import pytest

from journal.domain.evidence.origin import read_origin
from journal.service import verify_export

from .conftest import ROOT
from .test_evidence_dkim import RECORD, RECORD_NAME, _signed

EMAIL = ROOT / "tests" / "fixtures" / "evidence" / "email"


@pytest.fixture
def binance(journal):
    journal.add_platform("Binance", kind="exchange", website="https://www.binance.com")
    journal.add_channel("Binance", kind="email", value="support@binance.com",
                        source="official-site")
    return journal.open_case("binance", "Withdrawal stuck", opened_at="2026-08-01T08:00+00:00")


def _in_september(data: bytes) -> bytes:
    return data.replace(b"Dec 2026", b"Sep 2026")


def dns(name: str):
    return RECORD if name == RECORD_NAME else None


def test_a_look_alike_sender_and_link_are_warned_and_recorded(journal, binance, tmp_path):
    path = tmp_path / "urgent.eml"
    path.write_bytes(_in_september((EMAIL / "lookalike_sender.eml").read_bytes()))
    plan = journal.read_evidence([path], case_id=binance.id)
    origin = plan.files[0].entries[0].origin
    assert {(f.kind, f.where, f.domain) for f in origin.findings} == {
        ("look-alike", "sender", "binance-support.help"),
        ("look-alike", "link", "binance.com.verify-wallet.help"),
        ("look-alike", "link", "blnance.com")}
    assert origin.warned and plan.platform == "Binance"
    entry = journal.interaction(journal.import_evidence(binance.id, [path]).interaction_ids[0])
    assert "\nWarning: look-alike sender binance-support.help (like binance.com)\n" in entry.notes
    assert read_origin(entry.notes) == origin
    hits = journal.search("blnance.com")
    assert [h.interaction_id for h in hits] == [entry.id]


def test_a_signed_email_checked_through_dns_records_its_pass(journal, binance, tmp_path):
    path = tmp_path / "reply.eml"
    path.write_bytes(_signed(_in_september(_unsigned())))
    result = journal.import_evidence(binance.id, [path], check_dkim=True, dns=dns)
    entry = journal.interaction(result.interaction_ids[0])
    dkim = read_origin(entry.notes).dkim
    assert (dkim.status, dkim.domain, dkim.selector) == ("pass", "binance.com", "s1")
    key = RECORD.split(b"p=")[1].decode()
    assert re.search(r"^DKIM: pass \(unsigned headers: cc\); d=binance\.com; s=s1; checked "
                     r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ; key " + re.escape(key) + "$",
                     entry.notes, re.M)
    assert dkim.key == key          # kept, so anyone can check the signature again offline
    assert not read_origin(entry.notes).findings     # binance.com is the platform's own


def test_a_changed_body_fails_and_no_lookup_is_not_checked(journal, binance, tmp_path):
    forged = tmp_path / "forged.eml"
    forged.write_bytes(_signed(_in_september(_unsigned())).replace(
        b"is being reviewed", b"was sent to a safe wallet"))
    plan = journal.read_evidence([forged], case_id=binance.id, check_dkim=True, dns=dns)
    dkim = plan.files[0].entries[0].origin.dkim
    assert (dkim.status, dkim.reason) == ("fail", "body-changed")
    offline = journal.read_evidence([forged], case_id=binance.id)
    assert offline.files[0].entries[0].origin.dkim.status == "not-checked"


def test_without_the_platforms_domains_nothing_is_called_not_listed(journal, tmp_path):
    journal.add_platform("Kraken", kind="exchange")
    case = journal.open_case("kraken", "Statement", opened_at="2026-08-01T08:00+00:00")
    path = tmp_path / "urgent.eml"
    path.write_bytes(_in_september((EMAIL / "lookalike_sender.eml").read_bytes()))
    origin = journal.read_evidence([path], case_id=case.id).files[0].entries[0].origin
    assert (origin.findings, origin.not_compared) == ((), "Kraken")


def test_a_bundle_of_an_entry_with_its_origin_verifies(journal, binance, tmp_path):
    path = tmp_path / "urgent.eml"
    path.write_bytes(_in_september((EMAIL / "lookalike_sender.eml").read_bytes()))
    journal.import_evidence(binance.id, [path])
    target = tmp_path / "case.zip"
    journal.export_case(binance.id, target, kind="bundle")
    assert verify_export(target).problems == []


def _unsigned() -> bytes:
    from .test_evidence_dkim import _unsigned_message
    return _unsigned_message()


def test_the_users_own_mail_in_a_mailbox_is_not_warned_of(journal, binance, tmp_path):
    """Li Wei's own message of the Takeout thread is theirs, not a stranger's domain: the
    platform's own support@binance.com wrote to that address."""
    path = tmp_path / "takeout.mbox"
    path.write_bytes(_in_september((EMAIL / "takeout.mbox").read_bytes()))
    plan = journal.read_evidence([path], case_id=binance.id)
    by_sender = {e.senders[0]: e.origin.findings for e in plan.files[0].entries}
    assert by_sender["Li Wei <li.wei@example.org>"] == ()
    assert by_sender["Binance Support <support@binance.com>"] == ()
    (scam,) = [f for s, f in by_sender.items() if "binance-support.help" in s]
    assert [(f.kind, f.where) for f in scam][0] == ("look-alike", "sender")


def test_scam_signs_and_secrets_of_imported_text_are_in_the_plan(journal, binance, tmp_path):
    whatsapp = ROOT / "tests" / "fixtures" / "evidence" / "whatsapp" / \
        "WhatsApp Chat with +44 7700 900123.txt"
    (entry,) = journal.read_evidence([whatsapp], case_id=binance.id,
                                     timezone="Europe/London").files[0].entries
    assert entry.scam_signs == ("fee to unlock",) and entry.secrets == ()
    assert entry.origin.first_contact == "+44 7700 900123"
    seed = tmp_path / "seed.txt"
    from mnemonic import Mnemonic
    phrase = Mnemonic("english").to_mnemonic(bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f0"))
    seed.write_text("[2026-09-01 10:00] Agent: Please type your 12 words here to sync.\n"
                    f"[2026-09-01 10:01] Me: {phrase}\n", encoding="utf-8")
    (typed,) = journal.read_evidence([seed], case_id=binance.id,
                                     timezone="Europe/London").files[0].entries
    assert typed.secrets == ("seed phrase",)


def test_verify_checks_a_recorded_dkim_pass_again_and_refuses_a_typed_one(journal, binance,
                                                                         tmp_path):
    """A stranger with the bundle need not take the journal's word: the pass holds again for
    the original with the recorded key. A pass typed into a note by hand does not."""
    path = tmp_path / "reply.eml"
    path.write_bytes(_signed(_in_september(_unsigned())))
    journal.import_evidence(binance.id, [path], check_dkim=True, dns=dns)
    target = tmp_path / "case.zip"
    journal.export_case(binance.id, target, kind="bundle")
    proof = verify_export(target)
    assert proof.problems == []
    assert any("E-1: its DKIM signature by binance.com holds again" in n for n in proof.notes)
    entry = journal.timeline(binance.id)[0]
    line = next(x for x in entry.notes.splitlines() if x.startswith("DKIM: pass"))
    journal.log(binance.id, kind="email", start="2026-09-02T10:00:00+00:00",
                notes=f"From: Binance <support@binance.com>\nMessage-ID: <typed@binance.com>\n"
                      f"{line}\n\nYour refund of 2 BTC is approved.")
    forged = tmp_path / "forged.zip"
    journal.export_case(binance.id, forged, kind="bundle")
    assert verify_export(forged).problems == [
        "E-2 records a DKIM pass by binance.com, but the bundle holds no original e-mail "
        "with its Message-ID to check it against."]


def test_verify_refuses_a_note_that_borrows_a_real_signature(journal, binance, tmp_path):
    """A forger who copies a real message's Message-ID and DKIM line into a typed note with
    other words is caught: the text is not what the signed original says."""
    path = tmp_path / "reply.eml"
    path.write_bytes(_signed(_in_september(_unsigned())))
    journal.import_evidence(binance.id, [path], check_dkim=True, dns=dns)
    real = journal.timeline(binance.id)[0]
    head = real.notes.split("\n\n", 1)[0]
    journal.log(binance.id, kind="email", start="2026-09-02T10:00:00+00:00",
                notes=head + "\n\nYour refund of 2 BTC is approved and will arrive today.")
    target = tmp_path / "case.zip"
    journal.export_case(binance.id, target, kind="bundle")
    assert verify_export(target).problems == [
        "E-2 records a DKIM pass by binance.com, but its text is not what its signed "
        "original says."]


def test_the_case_file_does_not_call_a_typed_pass_a_pass(journal, binance, tmp_path):
    """The export checks each recorded pass again against the original the journal keeps:
    the real one is green, a typed one says not to rely on it, in the PDF and case.json."""
    from pypdf import PdfReader
    path = tmp_path / "reply.eml"
    path.write_bytes(_signed(_in_september(_unsigned())))
    journal.import_evidence(binance.id, [path], check_dkim=True, dns=dns)
    line = next(x for x in journal.timeline(binance.id)[0].notes.splitlines()
                if x.startswith("DKIM: pass"))
    journal.log(binance.id, kind="email", start="2026-09-02T10:00:00+00:00",
                notes=f"From: Binance <support@binance.com>\nMessage-ID: <typed@binance.com>\n"
                      f"{line}\n\nYour refund of 2 BTC is approved.")
    target = tmp_path / "case.pdf"
    journal.export_case(binance.id, target, kind="pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "Signed by binance.com (DKIM) and unchanged since it was signed" in text
    assert ("Recorded as signed by binance.com (DKIM), but the case holds no original e-mail "
            "to check it against: do not rely on it.") in text
    from journal.export import case_file
    assert case_file(journal, binance.id).dkim_rechecks == {"E-1": "holds",
                                                            "E-2": "no-original"}
