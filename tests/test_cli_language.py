"""The command line says its errors in the language the environment asks for (LANG=zh_CN…):
the same sentence as the window, from the gettext catalogue made from the .ts; exit codes and
the user's own data in the sentence are unchanged, and English stays byte for byte as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Cli, private_env

CHINESE = {"LANG": "zh_CN.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH = {"LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """`journal` in processes of its own: gettext reads the language once per process."""
    base = tmp_path_factory.mktemp("cli-language")
    journal = Cli(base, process=True, expect=None)

    def run(*args, lang=ENGLISH, **extra):
        return journal(*args, env={**lang, **extra})
    assert run("init").returncode == 0
    assert run("platform", "add", "Kraken").returncode == 0
    assert run("case", "open", "Kraken", "Deposit not credited").returncode == 0
    run.base = base
    return run


def _line(result, code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    return line


@pytest.mark.parametrize("args, extra, code, english, chinese", [
    (("case", "list"), {"JOURNAL_PASSPHRASE": "not the passphrase"}, 3,
     "journal: The passphrase is wrong; nothing was changed.",
     "journal: 主密码不正确，未做任何更改。"),
    (("case", "show", "999"), {}, 1,
     "journal: There is no case 999.",
     "journal: 没有案件 999。"),
    (("log", "1", "--kind", "call", "--start", "2026-13-01"), {}, 1,
     "journal: '2026-13-01' is not a start time in ISO 8601, e.g. 2026-11-25T14:30 or "
     "2026-11-25T14:30+08:00.",
     "journal: '2026-13-01' 不是 ISO 8601 格式的开始时间，例如 2026-11-25T14:30 或 "
     "2026-11-25T14:30+08:00。"),
    (("case", "open", "Krakken 交易所", "Refund"), {}, 1,
     "journal: There is no platform called 'Krakken 交易所'; add it with `journal platform add`.",
     "journal: 没有名为 'Krakken 交易所' 的平台；请用 `journal platform add` 添加。"),
])
def test_an_error_in_chinese_and_in_english(cli, args, extra, code, english, chinese):
    assert _line(cli(*args, lang=CHINESE, **extra), code) == chinese
    assert _line(cli(*args, lang=ENGLISH, **extra), code) == english


def test_language_comes_before_lang_as_gettext_reads_them(cli):
    both = {**ENGLISH, "LANGUAGE": "zh_CN:en"}
    assert _line(cli("case", "show", "999", lang=both), 1) == "journal: 没有案件 999。"
    both = {**CHINESE, "LC_ALL": "en_US.UTF-8"}
    assert _line(cli("case", "show", "999", lang=both), 1) == "journal: There is no case 999."


def test_a_journal_in_use_and_a_missing_one_keep_their_exit_codes_in_chinese(cli, tmp_path):
    from journal.store.folder import FolderLock
    folder = tmp_path / "nowhere"
    assert _line(cli("case", "list", lang=CHINESE, JOURNAL_DIR=str(folder)), 1) == \
        f"journal: {folder} 处没有记录本；请用 `journal init` 创建一个。"
    journal_dir = Path(private_env(Path(cli.base))["JOURNAL_DIR"])
    with FolderLock(journal_dir):
        assert _line(cli("case", "list", lang=CHINESE), 5) == \
            "journal: 此记录本已在另一个客服记录本程序中打开，请先在那里关闭。"
