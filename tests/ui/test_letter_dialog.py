"""Write a letter… and Export to calendar… in the window: the letter filled from the case off
the GUI thread, in English or Chinese, edited, copied, saved as a signed PDF and logged as
sent; edits are not thrown away without asking; the calendar file written."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from journal.ui.dialogs.calendar_export import export_calendar
from journal.ui.dialogs.letter_dialog import LetterDialog
from journal.ui.main_window import MainWindow
from tests.ui import WAIT


def open_dialog(session, qtbot) -> LetterDialog:
    dialog = LetterDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.text.toPlainText() != "", timeout=WAIT)
    return dialog


def test_the_letter_is_filled_from_the_case_and_follows_the_choice(session, qtbot):
    dialog = open_dialog(session, qtbot)
    text = dialog.text.toPlainText()
    assert text.startswith("To: Coinbase") and "CB-55120" in text and "acct-7781" in text
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: "投诉" in dialog.text.toPlainText(), timeout=WAIT)
    dialog.kind.setCurrentIndex(dialog.kind.findData("sar"))
    qtbot.waitUntil(lambda: "个人数据查阅请求" in dialog.text.toPlainText(), timeout=WAIT)
    dialog.copy_text()
    assert QApplication.clipboard().text() == dialog.text.toPlainText()


def test_edits_are_kept_unless_the_user_discards_them(session, qtbot, monkeypatch):
    dialog = open_dialog(session, qtbot)
    dialog.text.setPlainText(dialog.text.toPlainText().replace("[Your name]", "Jane Doe"))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.kind.setCurrentIndex(dialog.kind.findData("police"))
    assert dialog.kind.currentData() == "complaint" and "Jane Doe" in dialog.text.toPlainText()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.kind.setCurrentIndex(dialog.kind.findData("police"))
    qtbot.waitUntil(lambda: "FRAUD REPORT" in dialog.text.toPlainText(), timeout=WAIT)
    assert "Jane Doe" not in dialog.text.toPlainText()


def test_saved_as_a_signed_pdf_with_the_edits_and_logged_as_sent(session, qtbot, tmp_path):
    from pypdf import PdfReader
    dialog = open_dialog(session, qtbot)
    dialog.text.setPlainText(dialog.text.toPlainText().replace("[Your name]", "Jane Doe"))
    target = tmp_path / "complaint"
    dialog.write_pdf(str(target))
    qtbot.waitUntil(lambda: "Saved" in dialog.status.text(), timeout=WAIT)
    pdf = tmp_path / "complaint.pdf"
    assert "Jane Doe" in " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    with qtbot.waitSignal(dialog.logged, timeout=WAIT) as logged:
        dialog.log_sent()
    entry = session.journal.interaction(logged.args[0])
    assert entry.kind.value == "letter" and "Jane Doe" in entry.notes
    assert "Logged as letter entry" in dialog.status.text()


def test_the_menu_opens_it_and_the_calendar_is_written(session, qtbot, tmp_path):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    w.open_case(1)
    w.letter_action.trigger()
    qtbot.waitUntil(lambda: getattr(w, "letter_dialog", None) is not None
                    and w.letter_dialog.isVisible(), timeout=WAIT)
    w.letter_dialog.close()
    target = tmp_path / "due"
    export_calendar(w, str(target))
    qtbot.waitUntil(lambda: "written to" in w.statusBar().currentMessage(), timeout=WAIT)
    data = (tmp_path / "due.ics").read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VALARM" in data
