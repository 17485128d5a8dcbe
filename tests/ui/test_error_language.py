"""The service's errors in the window's language: a Chinese window says them in Chinese, the
user's own data in them as typed; a bug is one sentence naming the log, in Chinese too."""
from __future__ import annotations

import pytest

from journal.errors import BadInput, Term
from journal.ui.cases.case_view import CaseView
from journal.ui.kit import resources
from journal.ui.kit.error_text import translated
from tests.ui import WAIT

NOTE = "my seed phrase is abandon ability able"


def _broken(journal):
    raise RuntimeError(f"failed on {NOTE}")


@pytest.fixture
def chinese():
    assert resources.install_language("zh_CN"), "the Chinese translation is built (make)"
    yield
    resources.install_language("en")


def test_a_case_that_is_not_there_is_said_in_chinese(session, qtbot, chinese):
    view = CaseView(session)
    qtbot.addWidget(view)
    view.show_case(999)  # read off the GUI thread
    qtbot.waitUntil(lambda: view.empty.text() == "没有案件 999。", timeout=WAIT)
    assert view.stack.currentWidget() is view.empty


def test_work_off_the_gui_thread_fails_in_chinese_with_the_typed_name_kept(session, qtbot,
                                                                           chinese):
    said = []
    session.submit(lambda j: j.open_case("Krakken 交易所", "Refund"), on_error=said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)
    assert said == ["没有名为 'Krakken 交易所' 的平台；请用 `journal platform add` 添加。"]


def test_a_bad_time_names_its_field_in_chinese(session, qtbot, chinese):
    said = []
    case = session.journal.cases()[0]
    session.submit(lambda j: j.log(case.id, kind="call", start="yesterday"),
                   on_error=said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)
    assert said == ["'yesterday' 不是 ISO 8601 格式的开始时间，例如 2026-11-25T14:30 或 "
                    "2026-11-25T14:30+08:00。"]


def test_the_english_window_says_the_english_sentence(session, qtbot):
    resources.install_language("en")
    exc = BadInput("text.empty", what=Term("case title"))
    assert translated(exc) == "The case title is empty."


def test_a_bug_in_the_chinese_window_is_one_sentence_naming_the_log(session, qtbot, chinese,
                                                                    tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    said = []
    session.submit(_broken, on_error=said.append)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)
    log = tmp_path / "state" / "support-journal" / "log" / "bugs.log"
    assert said == [f"客服记录本内部出现问题（RuntimeError），此次操作没有做任何更改。"
                    f"详细情况（不含任何记录内容）已写入 {log}。"]
    text = log.read_text(encoding="utf-8")
    assert "in _broken" in text and "seed" not in text and "abandon" not in text
