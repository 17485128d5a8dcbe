"""Fixtures for the window's tests: Qt offscreen, settings in a temporary folder, and an
open Session on a small journal."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from journal.ui.kit.session import Session  # noqa: E402
from tests.conftest import open_copy  # noqa: E402


@pytest.fixture(autouse=True)
def ui_settings(tmp_path_factory, qapp):
    """Each test starts from default preferences, kept away from the real user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings("SupportJournal", "Support Journal").clear()
    yield
    QSettings("SupportJournal", "Support Journal").clear()


@pytest.fixture
def session(request, journal_dir, templates, qtbot):
    """An open Session on a journal with one platform, two channels, a case and a call
    (tests.conftest.demo_content, copied from its template); a test marked
    journal_template(name, fill) gets a copy of that template instead."""
    marker = request.node.get_closest_marker("journal_template")
    name, fill = marker.args if marker else ("demo", None)
    s = Session(journal_dir)
    s.journal = open_copy(templates, name, journal_dir, fill)
    yield s
    s.close()


class QuietReader:
    """A stand-in for the OCR worker: finds no text in any picture, starts no process."""

    def read_image(self, data: bytes):
        from journal.domain.recognised_text import RecognisedText
        return RecognisedText("", ())

    def close(self) -> None:
        pass


@pytest.fixture(autouse=True)
def _no_ocr_worker(monkeypatch):
    """The window reads the pictures that wait (ui/reading/): in these tests it does so with a
    reader that starts no worker process (tests/ui/test_reading_*.py give their own)."""
    from journal.service.reading import Readings

    def worker(self):
        if self._reader is None:
            self._reader = QuietReader()
        return self._reader
    monkeypatch.setattr(Readings, "_worker", worker)
