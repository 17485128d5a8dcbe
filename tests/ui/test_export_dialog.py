"""Export case file… from the window: off the GUI thread, the same files as the CLI writes;
the PDF, the bundle or both in one pass; a folder that exists; Open and Show in folder."""
from __future__ import annotations

import threading
import zipfile

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog

from journal.export.verify import PDF, verify_bundle
from journal.ui.dialogs import export_dialog
from journal.ui.dialogs.export_dialog import ExportDialog
from journal.ui.main_window import MainWindow
from tests.ui import WAIT


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home folder of the test's own, with no Documents folder in it yet."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    return home


def make_dialog(session, qtbot) -> ExportDialog:
    dialog = ExportDialog(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def export(qtbot, dialog: ExportDialog) -> str:
    with qtbot.waitSignal(dialog.exported, timeout=WAIT) as done:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_the_window_exports_the_pdf_and_the_bundle_in_one_pass(session, qtbot, tmp_path, home):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.pages.currentWidget() is w.splitter, timeout=WAIT)
    w.open_case(1)
    w.export_action.trigger()
    dialog = next(d for d in QApplication.topLevelWidgets()
                  if isinstance(d, ExportDialog) and d.isVisible())
    assert dialog.both.isChecked()   # what someone going to a regulator needs
    dialog.folder.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT) as done:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.progress.isVisible() and not dialog.ok.isEnabled()
    pdf, bundle = tmp_path / "case-1.pdf", tmp_path / "case-1.zip"
    assert done.args == [str(bundle)] and dialog.paths == [str(pdf), str(bundle)]
    assert verify_bundle(bundle) == []
    with zipfile.ZipFile(bundle) as zf:   # one export: the PDF beside is the one inside
        assert zf.read(PDF) == pdf.read_bytes()
    assert str(bundle) in w.statusBar().currentMessage()
    # The dialog stays, saying what it wrote and with which key.
    assert dialog.isVisible() and dialog.result.isVisible() and not dialog.form_page.isVisible()
    assert str(pdf) in dialog.result.files.text() and str(bundle) in dialog.result.files.text()
    assert dialog.fingerprint and dialog.fingerprint in dialog.result.key.text()
    assert dialog.open_button.isVisible() and dialog.folder_button.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_name_contact_folder_and_choice_are_remembered(session, qtbot, tmp_path, home):
    dialog = make_dialog(session, qtbot)
    out = tmp_path / "new" / "exports"   # missing: made for the export
    qtbot.mouseClick(dialog.pdf, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Ada Lovelace")
    qtbot.keyClicks(dialog.contact, "ada@example.org")
    dialog.folder.setText(str(out))
    assert export(qtbot, dialog) == str(out / "case-1.pdf")
    assert (out / "case-1.pdf").is_file() and not (out / "case-1.zip").exists()
    assert str(out) in dialog.result.heading.text()   # says it made the folder
    again = make_dialog(session, qtbot)
    assert (again.name.text(), again.contact.text(), again.folder.text()) == \
        ("Ada Lovelace", "ada@example.org", str(out))
    assert again.pdf.isChecked() and not again.folder_note.isVisible()
    assert "case-1.pdf" in again.writes.text() and "Replaces" in again.writes.text()


def test_a_relative_folder_is_in_home_not_in_the_programs_folder(session, qtbot, home):
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText("Case files")
    assert export(qtbot, dialog) == str(home / "Case files" / "case-1.zip")


def tab_stops(dialog):
    stops, w = [], dialog.nextInFocusChain()
    while w is not dialog:
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(w)
        w = w.nextInFocusChain()
    return stops


def test_tab_follows_the_form_and_then_the_result(session, qtbot, tmp_path, home):
    dialog = make_dialog(session, qtbot)
    assert tab_stops(dialog) == [dialog.both, dialog.pdf, dialog.bundle, dialog.language,
                                 dialog.size_limit, dialog.name, dialog.contact, dialog.folder,
                                 dialog.choose,
                                 dialog.file_name, dialog.ok, dialog.cancel_button]
    dialog.folder.setText(str(tmp_path))
    export(qtbot, dialog)
    assert tab_stops(dialog) == [dialog.open_button, dialog.folder_button, dialog.close_button]
    assert dialog.focusWidget() is dialog.open_button


def test_without_documents_it_offers_home_and_says_so(session, qtbot, home):
    dialog = make_dialog(session, qtbot)
    assert dialog.folder.text() == str(home)
    assert dialog.folder_note.isVisible() and str(home) in dialog.folder_note.text()
    (home / "Documents").mkdir()
    dialog = make_dialog(session, qtbot)
    assert dialog.folder.text() == str(home / "Documents") and not dialog.folder_note.isVisible()


def test_a_remembered_folder_that_is_gone_falls_back_and_says_so(session, qtbot, tmp_path,
                                                                 home):
    (home / "Documents").mkdir()
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText(str(tmp_path / "usb"))
    export(qtbot, dialog)
    (tmp_path / "usb" / "case-1.pdf").unlink()
    (tmp_path / "usb" / "case-1.zip").unlink()
    (tmp_path / "usb").rmdir()
    dialog = make_dialog(session, qtbot)
    assert dialog.folder.text() == str(home / "Documents")
    assert str(tmp_path / "usb") in dialog.folder_note.text() and dialog.folder_note.isVisible()


def test_choose_opens_at_the_folder_shown_and_clears_the_old_error(session, qtbot, tmp_path,
                                                                   monkeypatch, home):
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: asked.append(start) or str(tmp_path))
    dialog = make_dialog(session, qtbot)
    shown = tmp_path / "not yet" / "made"
    dialog.folder.setText(str(shown))
    dialog.file_name.setText("")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert asked == [str(tmp_path)]   # the nearest folder of the one shown that exists
    assert dialog.folder.text() == str(tmp_path) and not dialog.error.isVisible()
    dialog.folder.setText(str(home))
    qtbot.mouseClick(dialog.choose, Qt.MouseButton.LeftButton)
    assert asked[-1] == str(home)
    # Typing a new name clears the old error as well.
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    qtbot.keyClicks(dialog.file_name, "x")
    assert not dialog.error.isVisible()


@pytest.mark.parametrize("what", ["file", "inside a file", "unwritable", "no name",
                                  "a path as name"])
def test_bad_input_is_one_sentence_and_changes_nothing(session, qtbot, tmp_path, home, what):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText(str(out))
    if what == "file":
        dialog.folder.setText(str(out / "notes.txt"))
    elif what == "inside a file":
        dialog.folder.setText(str(out / "notes.txt" / "inside"))
    elif what == "unwritable":   # even root cannot make a file in /proc
        dialog.folder.setText("/proc")
    elif what == "no name":
        dialog.file_name.setText("  ")
    else:
        dialog.file_name.setText("../case-1")
    before = sorted(out.rglob("*"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    sentence = dialog.error.text()
    assert sentence.endswith(".") and sentence.count(". ") == 0 and "\n" not in sentence
    assert dialog.task is None and dialog.ok.isEnabled() and not dialog.progress.isVisible()
    assert sorted(out.rglob("*")) == before
    assert not dialog.paths


def _held_until(release: threading.Event) -> type:
    """A TaskProgress that holds the export at its first step until `release` is set."""
    class Held(export_dialog.TaskProgress):
        """Holds the export at its first step until the test has pressed Cancel."""
        def __call__(self, stage, done, total):
            super().__call__(stage, done, total)
            release.wait(WAIT / 1000)
            super().__call__(stage, done, total)
    return Held


def test_the_export_shows_progress_and_can_be_cancelled(session, qtbot, tmp_path, monkeypatch,
                                                        home):
    release = threading.Event()
    Held = _held_until(release)

    monkeypatch.setattr(export_dialog, "TaskProgress", Held)
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText(str(out))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    # The worker is held and the window still answers: the stage it reported is painted.
    qtbot.waitUntil(lambda: dialog.stage.text() == dialog.tr("Reading the case…"), timeout=WAIT)
    assert dialog.progress.isVisible() and not dialog.form_page.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.stage.text() == dialog.tr("Stopping…")
    release.set()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=WAIT)
    assert dialog.error.isVisible() and "stopped" in dialog.error.text()
    assert list(out.iterdir()) == [] and dialog.ok.isEnabled() and dialog.isVisible()


@pytest.mark.parametrize("opened", [True, False])
def test_open_and_show_in_folder(session, qtbot, tmp_path, monkeypatch, home, opened):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or opened)
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText(str(tmp_path))
    export(qtbot, dialog)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert urls == [QUrl.fromLocalFile(str(tmp_path / "case-1.pdf")),
                    QUrl.fromLocalFile(str(tmp_path))]
    assert dialog.result.error.isVisible() is not opened


def test_the_service_reports_the_files_read_and_stops_cleanly(session, tmp_path):
    from journal.errors import Cancelled
    evidence = tmp_path / "statement.bin"
    evidence.write_bytes(bytes(range(256)) * 4096)   # 1 MiB: four stored chunks
    session.journal.log(1, kind="email", contact="help@coinbase.com", notes="statement",
                        attachments=[str(evidence)])
    told = []
    result = session.journal.export_case(1, tmp_path / "a", kind="both",
                                         progress=lambda *a: told.append(a))
    assert result["paths"] == [str(tmp_path / "a.pdf"), str(tmp_path / "a.zip")]
    assert told[0] == ("case", 0, 0)
    files = [t for t in told if t[0] == "files"]
    assert files and all(0 <= done <= total for _, done, total in files)
    assert files[-1][1] == files[-1][2] == 2**20   # streamed into the bundle, chunk by chunk
    assert len(files) == 4

    def stop(stage, done, total):
        if stage == "files":
            raise Cancelled("task.cancelled")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        session.journal.export_case(1, out / "b", kind="both", progress=stop)
    assert list(out.iterdir()) == []   # no half file, no PDF without its bundle


def test_the_result_names_the_covered_pictures_and_those_not_read(session, qtbot, tmp_path,
                                                                   home):
    from tests.ocr_screenshots import PHRASE
    from tests.ui.reading_fakes import FakeReader, log_pictures
    reader = FakeReader()
    shows_phrase = reader.picture(["Support: type your words here", PHRASE["en"]], "#336699")
    log_pictures(session.journal, [shows_phrase])
    session.journal.read_attachments(reader=reader)
    log_pictures(session.journal, [reader.picture(["Not read yet"], "#993366")])
    dialog = make_dialog(session, qtbot)
    dialog.folder.setText(str(tmp_path))
    export(qtbot, dialog)
    covered, not_read = dialog.result.covered, dialog.result.not_read
    assert covered.isVisible() and not_read.isVisible()
    number = next(x["number"] for x in _case_json(tmp_path)["exhibits"] if x["covered"])
    assert number in covered.text() and "Covered in black" in covered.text()
    assert not_read.text().startswith("1 picture") and "had not been read yet" in not_read.text()


def _case_json(folder):
    import json
    bundle = next(folder.glob("*.zip"))
    with zipfile.ZipFile(bundle) as zf:
        return json.loads(zf.read("case.json"))


class _Recorder:
    """Journal.export_case, noting the max_size each call asks for."""

    def __init__(self, real):
        self.real, self.asked = real, []

    def __call__(self, journal, *args, **kwargs):
        self.asked.append(kwargs.get("max_size"))
        return self.real(journal, *args, **kwargs)


def test_a_size_limit_is_passed_to_the_export_and_remembered(session, qtbot, tmp_path, home,
                                                             monkeypatch):
    from journal.service import Journal
    recorder = _Recorder(Journal.export_case)
    monkeypatch.setattr(Journal, "export_case",
                        lambda self, *a, **k: recorder(self, *a, **k))
    dialog = make_dialog(session, qtbot)
    assert dialog.size_limit.currentData() == 0        # full quality unless asked
    dialog.size_limit.setCurrentIndex(dialog.size_limit.findData(10_000_000))
    dialog.pdf.setChecked(True)
    dialog.folder.setText(str(tmp_path))
    export(qtbot, dialog)
    assert recorder.asked == [10_000_000]
    assert not dialog.result.fitted.isVisible()       # the demo case fits as it is
    again = make_dialog(session, qtbot)
    assert again.size_limit.currentData() == 10_000_000
