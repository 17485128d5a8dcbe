"""The Import evidence dialog: each file previewed off the GUI thread, what a reader needs asked
for and used only once confirmed, duplicates skipped, a bad file said in one sentence, Cancel
writing nothing, and files dropped on the case opening the dialog with them."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from journal.ui.capture.import_dialog import ImportDialog
from tests.conftest import ROOT
from tests.ui import WAIT
from tests.ui.windows import shown_window

EVIDENCE = ROOT / "tests" / "fixtures" / "evidence"
WHATSAPP = EVIDENCE / "whatsapp" / "WhatsApp Chat with +44 7700 900123.txt"


def in_the_past(source: Path, target_dir: Path) -> Path:
    """A copy of an e-mail fixture sent in September (the fixtures are dated December 2026,
    partly after today)."""
    target = target_dir / source.name
    target.write_bytes(source.read_bytes().replace(b"Dec 2026", b"Sep 2026"))
    return target


@pytest.fixture
def eml(tmp_path):
    return in_the_past(EVIDENCE / "email" / "with_attachment.eml", tmp_path)


def dialog_with(session, qtbot, *paths) -> ImportDialog:
    dialog = ImportDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_files([str(p) for p in paths])
    session.wait()
    return dialog


def entries(session) -> int:
    return len(session.journal.timeline(1))


def chats(session) -> int:
    return sum(i.kind.value == "chat" for i in session.journal.timeline(1))


def test_an_eml_and_a_whatsapp_chat_are_previewed_and_imported(session, qtbot, eml):
    before, chats_before = entries(session), chats(session)
    dialog = dialog_with(session, qtbot, eml, WHATSAPP)
    assert dialog.windowTitle().startswith("Import evidence into «")
    mail, chat = dialog.previews[str(eml)], dialog.previews[str(WHATSAPP)]
    assert mail.plan is not None and mail.plan.format == "email"
    text = mail.body.text()
    assert "E-mail: 1 message" in text and "Kraken Support" in text
    assert "statement-2026-11.pdf" in text and "Ticket 12345" in text
    # The chat's times have no zone: asked for, with the system's zone shown, not used yet.
    assert chat.need == "timezone" and chat.plan is None
    assert dialog.needs.isVisible() and dialog.timezone.isVisible()
    assert "time zone" in dialog.need_text.text()
    assert "timezone" not in dialog.options
    assert dialog.to_make == 1
    dialog.timezone.setCurrentText("Mars/Olympus")       # refused: asked for again
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    session.wait()
    assert chat.need == "timezone" and "Mars/Olympus" in chat.body.text()
    assert dialog.timezone.isVisible()
    dialog.timezone.setCurrentText("Europe/London")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    session.wait()
    assert chat.plan is not None and chat.plan.format == "whatsapp"
    assert "Mei Lin" in chat.body.text() and not dialog.needs.isVisible()
    assert dialog.to_make == 2 and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Imported 2" in dialog.done_text
    assert entries(session) == before + 2 and chats(session) == chats_before + 1
    assert not dialog.isVisible()


def test_a_file_already_in_the_case_is_skipped(session, qtbot, eml):
    session.journal.import_evidence(1, [eml])
    dialog = dialog_with(session, qtbot, eml)
    preview = dialog.previews[str(eml)]
    assert preview.plan.already_in_case
    assert "already in the case: skipped" in preview.body.text().lower()
    assert dialog.to_make == 0 and not dialog.import_button.isEnabled()


def test_a_bad_file_is_one_sentence_and_the_others_still_import(session, qtbot, eml,
                                                                tmp_path):
    odd = tmp_path / "photo.png"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    truncated = EVIDENCE / "email" / "truncated.eml"
    before = entries(session)
    dialog = dialog_with(session, qtbot, odd, truncated)
    for path in (odd, truncated):
        preview = dialog.previews[str(path)]
        assert preview.error and preview.plan is None
        assert preview.body.text() == preview.error
    assert "photo.png" in dialog.previews[str(odd)].error
    assert not dialog.import_button.isEnabled()
    dialog.add_files([str(eml)])
    session.wait()
    assert dialog.to_make == 1
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        dialog.start_import()
    assert entries(session) == before + 1


def test_cancel_writes_nothing(session, qtbot, eml):
    before = entries(session), session.journal.chain_head(1)
    dialog = dialog_with(session, qtbot, eml)
    held = threading.Event()         # the worker kept busy: the import waits behind it
    session.read(lambda j: held.wait(WAIT / 1000), lambda _: None)
    dialog.start_import()
    assert dialog.running and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.cancelled and dialog.isVisible()
    held.set()
    session.wait()
    assert not dialog.running and dialog.isVisible()
    assert "nothing was written" in dialog.status.text()
    assert dialog.import_button.isEnabled()           # can be tried again
    assert (entries(session), session.journal.chain_head(1)) == before


def test_files_dropped_on_the_case_open_the_dialog_with_them(session, qtbot, eml):
    window = shown_window(session, qtbot)
    window.open_case(1)
    qtbot.waitUntil(lambda: window.case_view.current_case_id() == 1, timeout=WAIT)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(eml))])
    at = QPoint(10, 10)
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.case_view, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.case_view, drop)
    dialog = window.findChild(ImportDialog)
    assert dialog is not None and str(eml) in dialog.previews
    session.wait()
    assert dialog.previews[str(eml)].plan is not None
    dialog.reject()


def test_the_log_menu_imports_evidence_with_ctrl_i(session, qtbot):
    window = shown_window(session, qtbot)
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    assert window.import_action in window.menuBar().actions()[1].menu().actions()


def test_a_telegram_export_with_several_chats_offers_them(session, qtbot):
    full = EVIDENCE / "telegram" / "full" / "result.json"
    dialog = dialog_with(session, qtbot, full)
    preview = dialog.previews[str(full)]
    assert preview.need == "chat" and dialog.chat.isVisible()
    assert not dialog.timezone.isVisible()
    names = [dialog.chat.itemText(i) for i in range(dialog.chat.count())]
    assert any(n.startswith("Crypto Recovery Help") for n in names)
    dialog.chat.setCurrentIndex(names.index(next(n for n in names
                                                 if n.startswith("Crypto Recovery Help"))))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    session.wait()
    assert preview.plan is not None
    assert preview.plan.entries[0].title == "Crypto Recovery Help"


LOOK_ALIKE = b"""From: Coinbase Support <help@coinbase-support.help>
To: li.wei@example.org
Subject: [#5512] Verify your wallet today
Date: Tue, 8 Sep 2026 10:00:00 +0000
Message-ID: <verify-1@coinbase-support.help>
Content-Type: text/plain; charset=utf-8

Your withdrawal is on hold. Verify at https://c0inbase.com/verify within 24 hours.
To release the funds you must first pay a verification fee of 50 USDT.
"""


def test_look_alikes_are_warned_before_import_and_on_the_card(session, qtbot, tmp_path):
    from PySide6.QtGui import QFont

    from journal.ui.cases.interaction_card import InteractionCard
    path = tmp_path / "verify.eml"
    path.write_bytes(LOOK_ALIKE)
    dialog = dialog_with(session, qtbot, path)
    preview = dialog.previews[str(path)]
    assert not preview.warnings.isHidden()
    warned = preview.warnings.text()
    assert "⚠ [#5512] Verify your wallet today" in warned
    assert "coinbase-support.help looks like coinbase.com" in warned
    assert "c0inbase.com, which looks like coinbase.com" in warned
    assert "Signatures (DKIM): 1 unsigned" in preview.body.text()
    assert "Looks like a scam: the other side wanted a fee" in warned
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    (entry,) = [i for i in session.journal.timeline(1) if i.kind.value == "email"]
    card = InteractionCard(entry, 640, QFont())
    shown = [p.label for p in card.parts if p.name == "originWarning"]
    assert len(shown) == 2 and all(p.tone == "warning" for p in card.parts
                                   if p.name == "originWarning")
    assert [p.label for p in card.parts if p.name == "originNote"] == [
        "DKIM: the message is not signed."]


def test_ticking_the_signature_check_reads_again_with_dns_allowed(session, qtbot, tmp_path,
                                                                   monkeypatch):
    from journal.service import dns_lookup
    asked = []
    monkeypatch.setattr(dns_lookup, "_resolve", asked.append)   # stands in for DNS: no key
    from tests.test_evidence_dkim import _signed
    path = tmp_path / "signed.eml"
    path.write_bytes(_signed().replace(b"Dec 2026", b"Sep 2026"))
    dialog = dialog_with(session, qtbot, path)
    preview = dialog.previews[str(path)]
    assert "1 not checked" in preview.body.text() and not dialog.dkim.isChecked()
    dialog.dkim.setChecked(True)
    session.wait()
    assert asked == ["s1._domainkey.binance.com"]
    assert "1 without a published key" in preview.body.text()
    assert "binance.com publishes no key" in preview.warnings.text()
    reopened = dialog_with(session, qtbot)       # the choice is remembered
    assert reopened.dkim.isChecked() and reopened.options["check_dkim"] is True
    reopened.dkim.setChecked(False)


def test_a_dropped_telegram_export_folder_is_its_result_json(session, qtbot):
    from journal.ui.capture.import_dialog import local_files
    folder = EVIDENCE / "telegram" / "single"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(EVIDENCE))])
    assert local_files(mime) == [str(folder)]     # a folder without result.json is not one
    dialog = dialog_with(session, qtbot, folder)
    assert list(dialog.previews) == [str(folder / "result.json")]
    assert dialog.previews[str(folder / "result.json")].plan.format == "telegram"
