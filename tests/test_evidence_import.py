"""Importing evidence files into a case (service/evidence.py): what a plan shows, what an import
writes (entries, exhibits, references), and that a second import, a dry run, a bad file or a
cancelled one writes nothing."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from journal.domain.references import find_references
from journal.errors import BadInput, Cancelled
from journal.service import verify_export

from .conftest import ROOT

EVIDENCE = ROOT / "tests" / "fixtures" / "evidence"
WHATSAPP = EVIDENCE / "whatsapp" / "WhatsApp Chat with +44 7700 900123.txt"
TRANSCRIPT_ZH = EVIDENCE / "transcript" / "webchat_zh.txt"


def in_the_past(source: Path, target_dir: Path) -> Path:
    """A copy of an e-mail fixture sent in September: the fixtures are dated early December
    2026, and an entry may not start in the future."""
    target = target_dir / source.name
    target.write_bytes(source.read_bytes().replace(b"Dec 2026", b"Sep 2026"))
    return target


@pytest.fixture
def case(journal):
    journal.add_platform("Kraken", kind="exchange")
    return journal.open_case("kraken", "Statement missing", opened_at="2026-08-01T08:00+00:00")


@pytest.fixture
def eml(tmp_path):
    return in_the_past(EVIDENCE / "email" / "with_attachment.eml", tmp_path)


def _state(journal, case):
    return [(i.id, i.revision, len(i.attachments)) for i in journal.timeline(case.id)], \
        journal.chain_head(case.id)


def test_an_eml_becomes_one_email_entry_with_its_files_and_the_original(journal, case, eml):
    result = journal.import_evidence(case.id, [eml])
    assert result.made == 1 and not result.dry_run
    (entry,) = journal.timeline(case.id)
    assert entry.kind.value == "email" and entry.ended_at is None
    assert entry.started_at.startswith("2026-09-04T14:05:00")
    assert (entry.contact, entry.agent) == ("support@kraken.com", "Kraken Support")
    assert entry.notes.startswith("From: Kraken Support <support@kraken.com>\nTo: ")
    assert "\nSubject: [#12345] Your account statement\n" in entry.notes
    assert ("\nMessage-ID: <att-4@kraken.com>\nDKIM: unsigned\n"
            "Domains: not compared (the directory lists no website or e-mail of Kraken in the "
            "directory)\n\nPlease find your statement") in entry.notes
    names = [a.name for a in entry.attachments]
    assert names == ["statement-2026-11.pdf", "screenshot.png", eml.name]
    original = entry.attachments[-1]
    assert original.sha256 == hashlib.sha256(eml.read_bytes()).hexdigest()
    assert journal.attachment_bytes(original.id) == eml.read_bytes()   # untouched
    assert [(r.kind.value, r.value) for r in entry.references] == [("ticket", "12345")]
    assert [h.interaction_id for h in journal.search("asked")] == [entry.id]


def test_a_chinese_word_of_an_imported_transcript_is_found(journal, case):
    journal.import_evidence(case.id, [TRANSCRIPT_ZH], timezone="Asia/Shanghai")
    (entry,) = journal.timeline(case.id)
    assert entry.kind.value == "chat" and entry.ended_at > entry.started_at
    assert entry.notes.splitlines()[0] == "[2026-11-24 14:02] 客服: 您好，欢迎咨询币安客服，请问有什么可以帮您？"
    assert "\n    提现编号 2026112400187733\n" in entry.notes     # a continuation, indented
    assert [h.interaction_id for h in journal.search("提现")] == [entry.id]


def test_the_plan_shows_each_file_and_what_the_case_already_holds(journal, case, eml):
    plan = journal.read_evidence([eml, WHATSAPP], timezone="Europe/London", case_id=case.id)
    mail, chat = plan.files
    assert (mail.format, mail.messages, mail.attachments, mail.to_make) == ("email", 1, 2, 1)
    assert mail.sha256 == hashlib.sha256(eml.read_bytes()).hexdigest()
    assert mail.entries[0].message_id == "<att-4@kraken.com>"
    assert chat.format == "whatsapp" and chat.entries[0].kind == "chat"
    assert chat.entries[0].senders == ("+44 7700 900123", "Mei Lin")
    assert plan.to_make == 2 and journal.timeline(case.id) == []
    journal.import_evidence(case.id, [eml])
    again = journal.read_evidence([eml], case_id=case.id)
    assert again.files[0].already_in_case and again.to_make == 0


def test_the_same_file_twice_writes_nothing_the_second_time(journal, case, eml):
    journal.import_evidence(case.id, [eml, WHATSAPP], timezone="Europe/London")
    before = _state(journal, case)
    second = journal.import_evidence(case.id, [eml, WHATSAPP], timezone="Europe/London")
    assert (second.made, second.skipped) == (0, 2)
    assert all(f.already_in_case for f in second.files)
    assert _state(journal, case) == before


def test_an_email_already_imported_from_another_file_is_skipped(journal, case, tmp_path, eml):
    journal.import_evidence(case.id, [eml])
    resaved = tmp_path / "resaved.eml"          # other bytes, the same Message-ID
    resaved.write_bytes(b"X-Saved-By: Outlook\r\n" + eml.read_bytes())
    result = journal.import_evidence(case.id, [resaved])
    assert result.made == 0 and result.files[0].entries[0].already_in_case


def test_an_mbox_keeps_its_original_once_and_names_it_in_the_other_entries(journal, case,
                                                                             tmp_path):
    mbox = in_the_past(EVIDENCE / "email" / "takeout.mbox", tmp_path)
    result = journal.import_evidence(case.id, [mbox])
    first, *others = result.interaction_ids
    assert others
    holding = [i for i in journal.timeline(case.id) if any(a.name == mbox.name
                                                            for a in i.attachments)]
    assert [i.id for i in holding] == [first]
    for iid in others:
        assert f"kept as an exhibit of entry {first}" in journal.interaction(iid).notes


def test_the_messages_of_an_mbox_can_be_chosen_by_thread_sender_or_subject(journal, case,
                                                                          tmp_path):
    mbox = in_the_past(EVIDENCE / "email" / "takeout.mbox", tmp_path)
    thread = journal.read_evidence([mbox], thread="<reply-2.12345@help.binance.com>")
    assert thread.to_make == 2
    assert journal.read_evidence([mbox], sender="binance-support.help").to_make == 1
    assert journal.read_evidence([mbox], subject="Withdrawal").to_make == 2
    result = journal.import_evidence(case.id, [mbox], sender="support@binance.com")
    assert result.made == 1
    assert "Subject: Re: [#12345] Withdrawal not received" in journal.interaction(
        result.interaction_ids[0]).notes


def test_a_dry_run_writes_nothing(journal, case, eml):
    before = _state(journal, case)
    result = journal.import_evidence(case.id, [eml], dry_run=True)
    assert result.dry_run and result.made == 1 and result.interaction_ids == ()
    assert _state(journal, case) == before


def test_a_truncated_file_changes_nothing(journal, case, eml):
    before = _state(journal, case)
    with pytest.raises(BadInput) as caught:
        journal.import_evidence(case.id, [eml, EVIDENCE / "email" / "truncated.eml"])
    assert caught.value.code.startswith("evidence.email_")
    assert _state(journal, case) == before


def test_a_whatsapp_export_without_a_time_zone_names_the_option(journal, case):
    with pytest.raises(BadInput, match="--timezone") as caught:
        journal.import_evidence(case.id, [WHATSAPP])
    assert caught.value.code == "evidence.whatsapp_timezone"
    assert journal.timeline(case.id) == []


def test_a_long_chat_is_entered_in_pieces_of_whole_messages(journal, case, monkeypatch):
    from journal.service import evidence_entries
    monkeypatch.setattr(evidence_entries, "PIECE_CHARS", 300)
    result = journal.import_evidence(case.id, [WHATSAPP], timezone="Europe/London")
    entries = [journal.interaction(i) for i in result.interaction_ids]
    assert len(entries) > 2
    assert all(e.kind.value == "chat" for e in entries)
    lines = [line for e in entries for line in e.notes.splitlines() if line.startswith("[20")]
    assert len(lines) == 8          # every message of the chat, each in one piece only
    assert lines[0].startswith("[2023-11-24 14:02] +44 7700 900123: Hello")
    holding = [e for e in entries if any(a.name == WHATSAPP.name for a in e.attachments)]
    assert [e.id for e in holding] == [entries[0].id]   # the original kept once, and named
    assert all(f"kept as an exhibit of entry {entries[0].id}" in e.notes for e in entries[1:])


def test_a_file_no_reader_takes_is_refused_by_name(journal, case, tmp_path):
    odd = tmp_path / "photo.png"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(BadInput, match="photo.png") as caught:
        journal.import_evidence(case.id, [odd])
    assert caught.value.code == "evidence_import.unknown_format"
    with pytest.raises(BadInput) as caught:
        journal.import_evidence(case.id, [tmp_path / "none.eml"])
    assert caught.value.code == "evidence_import.no_file"


def test_a_file_over_2_gib_is_refused_before_it_is_read(journal, case, tmp_path):
    big = tmp_path / "huge.mbox"
    with open(big, "wb") as f:       # sparse: no disk used
        f.truncate(2 * 1024 ** 3 + 1)
    with pytest.raises(BadInput) as caught:
        journal.read_evidence([big])
    assert caught.value.code == "evidence_import.too_big"


def _cancel_after_one_entry(stage, done, total):
    if stage == "importing" and done == 1:
        raise Cancelled("task.cancelled")


def test_a_cancelled_import_leaves_nothing(journal, case, eml):
    before = _state(journal, case)
    with pytest.raises(Cancelled):
        journal.import_evidence(case.id, [eml, TRANSCRIPT_ZH], timezone="Asia/Shanghai",
                                progress=_cancel_after_one_entry)
    assert _state(journal, case) == before


def test_check_passes_and_a_bundle_with_an_imported_email_verifies(journal, case, eml,
                                                                    tmp_path):
    journal.import_evidence(case.id, [eml])
    assert journal.check().ok
    target = tmp_path / "case.zip"
    journal.export_case(case.id, target, kind="bundle")
    proof = verify_export(target)
    assert proof.problems == [] and proof.exhibits >= 3


def test_references_are_found_conservatively():
    assert find_references("Re: [#12345] Withdrawal", "Ticket 778812 and Case ID: 99-123") \
        == ("ticket:12345", "ticket:778812", "case:99-123")
    assert find_references("工单号：A20261124") == ("ticket:A20261124",)
    assert find_references("the ticket was closed in case of doubt; colour #fff") == ()


def test_a_telegram_export_keeps_its_photos_and_asks_which_of_several_chats(journal, case):
    journal.import_evidence(case.id, [EVIDENCE / "telegram" / "single" / "result.json"])
    (entry,) = journal.timeline(case.id)
    assert [a.name for a in entry.attachments] == ["photo_1@28-11-2026_18-15-02.jpg",
                                                   "result.json"]
    full = EVIDENCE / "telegram" / "full" / "result.json"
    with pytest.raises(BadInput, match="--chat") as caught:
        journal.read_evidence([full])
    assert caught.value.code == "evidence.telegram_choose_chat"
    plan = journal.read_evidence([full], chat="Crypto Recovery Help")
    assert plan.files[0].entries[0].title == "Crypto Recovery Help"


def test_a_telegram_export_folder_is_read_through_its_result_json(journal, case, tmp_path):
    folder = EVIDENCE / "telegram" / "single"
    plan = journal.read_evidence([folder], case_id=case.id)
    assert (plan.files[0].name, plan.files[0].format) == ("result.json", "telegram")
    with pytest.raises(BadInput) as caught:
        journal.read_evidence([tmp_path], case_id=case.id)
    assert caught.value.code == "evidence_import.folder"


def test_a_telegram_export_reads_no_file_outside_its_folder(journal, case, tmp_path):
    import json
    (tmp_path / "secret.txt").write_text("not evidence")
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    message = {"id": 1, "type": "message", "date": "2026-11-28T10:00:00",
               "date_unixtime": "1795860000", "from": "Binance Support", "from_id": "user1",
               "text": "see the file", "file": "../secret.txt"}
    (folder / "result.json").write_text(json.dumps(
        {"name": "Binance Support", "type": "personal_chat", "id": 1, "messages": [message]}))
    journal.import_evidence(case.id, [folder / "result.json"])
    (entry,) = journal.timeline(case.id)
    assert [a.name for a in entry.attachments] == ["result.json"]
    assert "[file not in the export: secret.txt]" in entry.notes

