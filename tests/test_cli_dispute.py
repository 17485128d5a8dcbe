"""The dispute on the command line, as the contract and issue 16 give it: `case open
--jurisdiction`, `stage`, `deadlines [--json]`, `tx add`, `money add`, `wallet add`, `letter`,
`calendar --ics` and `export --max-size`; bad input is one sentence, exit 1, and changes
nothing."""
from __future__ import annotations

import json
import re

import pytest

TX = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
MY_BTC = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


def _refused(result) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("journal: "), result.stderr
    assert lines[0].endswith(".") and "Traceback" not in result.stderr
    assert result.stdout == ""
    return lines[0]


@pytest.fixture
def cli(empty_cli):
    empty_cli("platform", "add", "Binance", check=0)
    case = empty_cli.new_id("case", "open", "Binance", "Withdrawal stuck", "--category",
                            "withdrawal", "--account", "UID-1", "--jurisdiction", "uk", check=0)
    assert case == 1
    return empty_cli


def test_a_complaint_its_deadlines_and_the_money_from_the_command_line(cli, tmp_path):
    result = cli("stage", "1", "complaint", "--on", "2026-03-20T10:00+00:00", "--how", "email",
                 "--ref", "CMP-9", "--kind", "payment", check=0)
    assert result.stdout == "1\n"
    assert "Final response: the platform must answer by 2026-04-14" in result.stderr
    clocks = cli.json("deadlines", "1", check=0)
    final = next(c for c in clocks if c["rule"] == "uk-payment-final-response")
    assert final["due"] == "2026-04-14" and final["start"] == "2026-03-20T10:00:00+00:00"
    assert final["source"]["url"].startswith("https://www.handbook.fca.org.uk/")
    assert final["source"]["checked"] == "2026-12-03" and final["period"] == {"business_days": 15}
    assert cli.new_id("tx", "add", "1", "--hash", TX, "--network", "bitcoin", "--to", MY_BTC,
                      "--amount", "0.5", "--asset", "BTC", "--at", "2026-03-18T08:00+00:00",
                      check=0) == 1
    assert cli.new_id("money", "add", "1", "--amount", "0.5", "--asset", "BTC", "--fiat",
                      "31250.00", "GBP", "--valued-on", "2026-03-18", check=0) == 1
    assert cli.new_id("wallet", "add", "1", "--address", MY_BTC, "--network", "btc",
                      "--whose", "mine", check=0) == 1
    listed = cli("tx", "list", "1", check=0).stdout
    assert f"https://mempool.space/tx/{TX}" in listed
    table = cli("deadlines", check=0)
    assert re.search(r"1\s+Final response\s+platform\s+2026-04-14\s+OVERDUE", table.stdout)
    assert "not legal advice" in table.stderr
    assert cli.json("money", "list", "1", check=0)[0]["fiat_amount"] == "31250.00"
    assert cli("check", check=0).returncode == 0


@pytest.mark.parametrize("args,words", [
    (["stage", "1", "escalation"], "escalated to"),
    (["stage", "1", "appeal"], "not a complaint stage"),
    (["stage", "1", "final-response"], "formal complaint"),
    (["stage", "1", "complaint", "--jurisdiction", "mars"], "not a jurisdiction"),
    (["tx", "add", "1", "--hash", "0x" + TX, "--network", "bitcoin"], "transaction id"),
    (["tx", "add", "1", "--hash", TX, "--network", "bitcoin", "--to", MY_BTC[:-1] + "x"],
     "checksum"),
    (["tx", "add", "1", "--hash", TX, "--network", "dogechain"], "not a network"),
    (["wallet", "add", "1", "--address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD",
      "--network", "ethereum"], "checksum"),
    (["money", "add", "1", "--amount", "-3", "--asset", "BTC"], "more than zero"),
    (["money", "add", "1", "--amount", "3", "--asset", "BTC", "--fiat", "1", "pounds"],
     "currency code"),
    (["letter", "1", "poem"], "not a letter"),
    (["letter", "1", "sar", "--language", "fr"], "English"),
    (["export", "1", "--pdf", "x.pdf", "--max-size", "tiny"], "not a size"),
    (["case", "open", "Binance", "X", "--jurisdiction", "atlantis"], "not a jurisdiction"),
])
def test_bad_dispute_input_is_one_sentence_and_changes_nothing(cli, args, words):
    before = cli("dump", check=0).stdout
    assert words in _refused(cli(*args))
    after = cli("dump", check=0).stdout
    assert re.sub(r'"exported_at": "[^"]+"', "", after) == \
        re.sub(r'"exported_at": "[^"]+"', "", before)


def test_letters_on_stdout_as_pdf_and_logged_when_sent(cli, tmp_path):
    cli("stage", "1", "complaint", "--on", "2026-03-20T10:00+00:00", "--ref", "CMP-9", check=0)
    text = cli("letter", "1", "chaser", check=0)
    assert text.stdout.startswith("To: Binance") and "CMP-9" in text.stdout
    assert "--sent" in text.stderr
    zh = cli("letter", "1", "sar", "--language", "zh_CN", check=0).stdout
    assert "个人数据查阅请求" in zh
    pdf = tmp_path / "letter.pdf"
    assert cli("letter", "1", "complaint", "--pdf", pdf, check=0).stdout == f"{pdf}\n"
    assert pdf.read_bytes().startswith(b"%PDF")
    edited = tmp_path / "edited.txt"
    edited.write_text(text.stdout.replace("[Your name]", "Jane Doe"), encoding="utf-8")
    sent = cli("letter", "1", "chaser", "--sent", "--text-file", edited, check=0)
    assert "logged as letter entry" in sent.stderr
    shown = cli.json("case", "show", "1", check=0)["interactions"]
    assert shown[-1]["kind"] == "letter" and "Jane Doe" in shown[-1]["notes"]


def test_the_calendar_file_and_a_second_export_of_it(cli, tmp_path):
    cli("stage", "1", "complaint", "--kind", "payment", check=0)
    ics = tmp_path / "due.ics"
    out = cli("calendar", "--ics", ics, check=0).stdout
    assert out == f"{ics}: 1 events\n"
    first = ics.read_bytes()
    cli("calendar", "--ics", ics, check=0)
    uids = lambda data: re.findall(rb"UID:(\S+)", data)  # noqa: E731
    assert uids(first) == uids(ics.read_bytes()) and len(uids(first)) == 1
    assert _refused(cli("calendar", "--ics", tmp_path / "nowhere" / "x.ics"))


def test_the_contract_in_a_subprocess(run_cli):
    run_cli("init", check=0)
    run_cli("platform", "add", "OKX", check=0)
    run_cli("case", "open", "OKX", "Scam", "--category", "scam", "--jurisdiction", "hk",
            check=0)
    run_cli("tx", "add", "1", "--hash", "0x" + "ab" * 32, "--network", "ethereum", "--at",
            "2026-11-30T09:00+08:00", check=0)
    clocks = json.loads(run_cli("deadlines", "--json", check=0).stdout)
    assert clocks[0]["rule"] == "hk-adcc" and clocks[0]["due_time"] == \
        "2026-12-01T09:00:00+08:00"
    assert run_cli("stage", "1", "escalation", "--to", "police", "--ref", "RN-1", "--on",
                   "2026-11-30T11:00+08:00", check=0).stdout == "1\n"
    assert json.loads(run_cli("deadlines", "1", "--json", check=0).stdout)[0]["state"] == "met"
