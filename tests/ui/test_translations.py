"""Every string a person sees goes through Qt's translation, and the Chinese build has them all.

Three checks: the shipped .ts is complete and keeps every placeholder; it is current
(lupdate finds no string in the code that it lacks); and the running Chinese window, with
each screen and dialog open, shows no English source string that has a translation.
"""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from journal.ui.cases.case_timeline import CaseTimeline
from journal.ui.kit import resources
from tests.conftest import PASSPHRASE
from tests.ui import WAIT
from tests.ui.windows import window_in_a_call

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "journal_zh_CN.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
# Names and abbreviations that stay Latin in the Chinese window.
ALLOWED_WORDS = {"kyc", "url", "utc", "ctrl", "shift", "alt", "enter", "esc", "argon", "sha",
                 "anydesk", "teamviewer", "png", "jpg", "gif", "kib", "mib", "gib", "https",
                 "http", "www", "com", "the", "del", "backspace", "return", "tab", "space",
                 "pdf", "zip", "json",   # names of file formats
                 "english",   # each language is offered under its own name
                 "ticket",    # the "ticket:NUMBER" syntax a reference may be typed in
                 "asia", "shanghai"}   # an IANA time-zone name, given as an example of one
PLACEHOLDER = re.compile(r"\{\d*\}|%L?n|%\d|<[^>]+>")


def messages(path: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation) for every message; numerus forms joined."""
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for m in context.iter("message"):
            t = m.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] or [t.text or ""]
            out.append((name, m.findtext("source"), " ".join(forms) if t.get("type") not in (
                "unfinished", "vanished", "obsolete") else ""))
    return out


def test_every_chinese_message_is_translated_and_keeps_its_placeholders():
    found = messages(TS)
    assert len(found) > 300
    missing = [(c, s) for c, s, t in found if not t.strip()]
    assert missing == []
    for context, source, translation in found:
        assert sorted(set(PLACEHOLDER.findall(source))) == \
            sorted(set(PLACEHOLDER.findall(translation))), (context, source, translation)
        if "&" in source.replace("&&", "") and not source.startswith("<"):
            letter = source[source.index("&") + 1].lower()
            assert f"&{letter}" in translation.lower(), (context, source, translation)


def test_the_chinese_messages_are_current_with_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "journal" / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    in_code = {(c, s) for c, s, _ in messages(fresh)}
    shipped = {(c, s) for c, s, _ in messages(TS)}
    assert sorted(in_code - shipped) == [], "run `make ts` and translate the new strings"


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = set()
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        if w.isWindow():
            texts.add(w.windowTitle())
        texts.add(w.toolTip())
        if isinstance(w, QLabel):
            texts.add(w.text())
        elif isinstance(w, QAbstractButton):
            texts.add(w.text())
        elif isinstance(w, QGroupBox):
            texts.add(w.title())
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            texts.add(w.placeholderText())
        elif isinstance(w, QComboBox) and w.objectName() not in (
                "countryCombo", "timeZoneCombo", "languagePicker"):
            # (Country names come from Qt's locale data, in English and the country's own; time
            # zones are IANA names such as Asia/Shanghai; each language is named in itself.)
            texts.update(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, CaseTimeline):   # its cards are painted, not made of widgets
            texts.update(w.shown_texts())
        elif isinstance(w, QHeaderView) and w.model() is not None:
            texts.update(str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")
                         for c in range(w.count()) if not w.isSectionHidden(c))
        for action in w.actions():
            texts.update((action.text(), action.toolTip()))
    return {t for t in texts if t}


@pytest.fixture
def chinese():
    assert resources.install_language("zh_CN"), "the Chinese .qm is built by make"
    yield
    resources.install_language("en")


def test_no_visible_string_of_the_chinese_window_is_left_in_english(session, qtbot, chinese):
    from journal.ui.capture.failed_attempt import FailedAttemptDialog
    from journal.ui.capture.log_dialog import LogDialog
    from journal.ui.cases.amend_dialog import AmendDialog, HistoryDialog
    from journal.ui.cases.new_case_dialog import NewCaseDialog
    from journal.ui.dialogs.export_dialog import ExportDialog
    from journal.ui.dialogs.preferences_dialog import PreferencesDialog
    from journal.ui.dialogs.stats_view import StatsView
    from journal.ui.directory.directory_screen import ChannelForm, DirectoryScreen, PlatformForm
    from journal.ui.promises.promise_editor import PromiseEditor

    english = {s: t for _, s, t in messages(TS) if t and t != s}
    session.journal.amend(1, reason="typo", notes="Agent said the withdrawal is in review!")
    window = window_in_a_call(session, qtbot)
    shown = visible_texts(window)
    for menu in window.menuBar().actions():
        shown.add(menu.text())
        shown.update(a.text() for a in menu.menu().actions())

    dialogs = [NewCaseDialog(session, window), LogDialog(session, 1, "email", window),
               FailedAttemptDialog(session, 1, window), DirectoryScreen(session, window),
               PlatformForm(session, window), ChannelForm(session, 1, None, window),
               PreferencesDialog(window),
               AmendDialog(session, session.journal.interaction(1), window),
               HistoryDialog(session, 1, window), PromiseEditor(window),
               ExportDialog(session, 1, window), StatsView(session, window)]
    session.wait()   # every dialog has what it read
    window.search()
    window.search_panel.field.insert("withdrawal")
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() > 0, timeout=WAIT)
    dialogs.append(window.search_panel)
    for dialog in dialogs:
        dialog.show()
        shown |= visible_texts(dialog)
    leftover = sorted(t for t in shown if t in english)
    # Text never passed through tr() is caught here: Latin words not from the journal's data.
    data = " ".join([*(p.name + " " + (p.website or "") for p in session.journal.platforms()),
                     *(c.value for c in session.journal.channels()),
                     *(c.title + " " + (c.account_id or "") for c in session.journal.cases()),
                     *(i.notes + " " + (i.agent or "") + " " + (i.contact or "") + " "
                       + " ".join(r.value for r in i.references)
                       + " ".join(p.text for p in i.promises)
                       for i in session.journal.timeline(1)),
                     str(session.folder), "Support Journal",
                     # what the export dialog's fields hold: a file name and folders, data
                     *(d.file_name.text() + " " + d.folder.text() + " " + str(Path.home()) + "/Documents"
                       for d in dialogs if isinstance(d, ExportDialog))])
    allowed = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", data)} | ALLOWED_WORDS | {
        w.lower() for _, s, t in messages(TS) if s == t for w in re.findall(r"[A-Za-z]{3,}", s)}
    english_words = sorted(t for t in shown if any(
        w.lower() not in allowed for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"<[^>]+>", "", t))))
    for dialog in dialogs:
        if isinstance(dialog, LogDialog):
            dialog.keep_draft_and_close()
        else:
            dialog.close()
    window.capture.save_draft_now()
    assert leftover == []
    assert english_words == []
    assert len(shown) > 150
    assert QApplication.translate("Labels", "Open") != "Open"
    assert PASSPHRASE not in shown
