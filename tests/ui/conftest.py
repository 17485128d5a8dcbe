"""Fixtures for the window's tests: Qt offscreen, settings in a temporary folder, and an
open Session on a small journal."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402

from journal.service import NewPromise  # noqa: E402
from journal.ui.session import Session  # noqa: E402
from tests.conftest import PASSPHRASE  # noqa: E402


@pytest.fixture(autouse=True)
def ui_settings(tmp_path_factory, qapp):
    """Each test starts from default preferences, kept away from the real user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings("SupportJournal", "Support Journal").clear()
    yield
    QSettings("SupportJournal", "Support Journal").clear()


@pytest.fixture
def session(journal_dir, qtbot):
    """An open Session on a journal with one platform, two channels, a case and a call."""
    s = Session(journal_dir)
    from journal.service import Journal
    journal, _ = Journal.create(journal_dir, passphrase=PASSPHRASE)
    s.journal = journal
    exchange = journal.add_platform("Coinbase", kind="exchange", website="https://coinbase.com")
    journal.add_channel(exchange.name, kind="phone", value="+1 888 908 7930",
                        source="official-site", source_url="https://help.coinbase.com")
    journal.add_channel(exchange.name, kind="chat", value="help.coinbase.com/chat",
                        source="official-site")
    case = journal.open_case(exchange.name, "Withdrawal stuck since Monday",
                             category="withdrawal", account_id="acct-7781")
    journal.log(case.id, kind="call", contact="+1 888 908 7930",
                start="2026-11-20T09:00:00+01:00", end="2026-11-20T09:25:00+01:00",
                wait_minutes=12, agent="Dana", notes="Agent said the withdrawal is in review.",
                references=["ticket:CB-55120"],
                promises=[NewPromise("Email update", "2026-11-23T17:00:00+01:00")])
    yield s
    s.close()
