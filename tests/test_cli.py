"""The CLI contract, driven as a user drives it: the commands, their output and exit codes.

Most calls run `journal.cli.main(argv)` in this process (tests/conftest.py `Cli`): the same
parsing, output and exit codes without a new interpreter each time. What needs the real
program runs it: `python -m journal` and the `journal` executable, in subprocesses.

One journal is shared by the whole module; every test opens its own case or platform in it
and looks only at what it made. Tests that change the passphrase or need an empty journal
get their own folder (a copy of an empty journal).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from .conftest import PASSPHRASE, ROOT, Cli

# A local time zone that is not UTC, so "a time without an offset is local time" shows.
# A POSIX TZ string: it needs no tzdata. (It means UTC+8.)
LOCAL_TZ = "CST-8"
LOCAL_OFFSET = "+08:00"
RECOVERY_KEY = re.compile(r"\b[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7,}\b")
HEX64 = re.compile(r"^[0-9a-f]{64}$")


def local_cli(base: Path, **kw) -> Cli:
    """`journal` in a private folder, in the module's local time zone."""
    return Cli(base, TZ=LOCAL_TZ, **kw)


def copied_cli(templates, base: Path, name: str = "empty") -> Cli:
    """A Cli on a copy of the empty journal `name` at base/journal."""
    c = local_cli(base)
    c.recovery_key = templates.copy(name, c.dir)
    return c


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    c = local_cli(tmp_path_factory.mktemp("cli"))
    c.init()
    c("platform", "add", "Binance", "--kind", "exchange", "--website", "https://www.binance.com")
    c("platform", "add", "OKX", "--kind", "exchange")
    return c


@pytest.fixture
def fresh(tmp_path, templates):
    """A journal of its own, for tests that change the passphrase or need it empty."""
    return copied_cli(templates, tmp_path)


def _case(cli, title, platform="Binance", *extra) -> int:
    return cli.new_id("case", "open", platform, title, *extra)


# -- init ---------------------------------------------------------------------------------

def test_init_prints_the_recovery_key_once_and_a_second_init_changes_nothing(tmp_path):
    c = local_cli(tmp_path, process=True)  # the real program, end to end
    out = c("init").stdout
    keys = RECOVERY_KEY.findall(out)
    assert len(keys) == 1, out
    key = RECOVERY_KEY.search(out).group(0)
    assert out.count(key) == 1
    assert str(c.dir) in out
    before = _files(c.dir)
    assert set(before) >= {"journal.db", "journal.key"}
    for name, data in before.items():  # the key is shown, never stored
        assert key.encode() not in data and key.replace("-", "").encode() not in data, name
        assert PASSPHRASE.encode() not in data, name

    from journal.service import Journal
    with Journal.open(c.dir, recovery_key=key) as j:  # the printed key is the real one
        assert j.platforms() == []

    for args in (("init",), ("init", "--json")):
        again = c(*args, expect=1)
        assert again.stdout == ""
        assert "already exists" in again.stderr and len(again.stderr.splitlines()) == 1
        assert RECOVERY_KEY.search(again.stderr) is None
    assert _files(c.dir) == before


def test_init_json_gives_the_folder_and_the_recovery_key(tmp_path):
    c = local_cli(tmp_path)
    doc = c.json("init")
    assert set(doc) == {"journal", "recovery_key"}
    assert Path(doc["journal"]) == c.dir
    assert RECOVERY_KEY.fullmatch(doc["recovery_key"])
    assert c.json("case", "list") == []


def test_journal_flag_and_passphrase_file_are_honoured(cli, tmp_path):
    listed = cli.json("platform", "list")
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    no_env = ("JOURNAL_DIR", "JOURNAL_PASSPHRASE")
    assert cli.json("platform", "list", "--journal", cli.dir, "--passphrase-file", secret,
                    unset=no_env) == listed
    assert json.loads(cli("--journal", cli.dir, "--passphrase-file", secret, "--json",
                          "platform", "list", unset=no_env).stdout) == listed
    assert cli.json("platform", "list", env={"JOURNAL_PASSPHRASE_FILE": str(secret)},
                    unset=("JOURNAL_PASSPHRASE",)) == listed


# -- the program itself ------------------------------------------------------------------

@pytest.mark.parametrize("program", ["journal", "python -m journal"])
def test_the_program_exits_with_the_contracts_codes(program, tmp_path, templates):
    """The exit code is the process's own, whether run as the installed `journal` executable
    or as `python -m journal` (the other tests mostly call journal.cli.main in-process)."""
    c = copied_cli(templates, tmp_path)
    command = [str(Path(sys.executable).parent / "journal")] if program == "journal" \
        else [sys.executable, "-m", "journal"]
    assert os.access(command[0], os.X_OK), command

    def run(*args, **env):
        return subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT,
                              env={**c.env, **env}, stdin=subprocess.DEVNULL, timeout=120)

    listed = run("platform", "list", "--json")
    assert (listed.returncode, json.loads(listed.stdout), listed.stderr) == (0, [], "")
    for args, env, code in [(("case", "show", "999"), {}, 1),
                            (("frobnicate",), {}, 2),
                            (("case", "list"), {"JOURNAL_PASSPHRASE": "not the passphrase"}, 3)]:
        result = run(*args, **env)
        assert result.returncode == code, (args, result)
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result
        assert result.stderr.startswith("journal: "), result
    (c.dir / "journal.key").write_bytes(b"[" * 100)
    damaged = run("check")
    assert damaged.returncode == 4 and damaged.stderr.startswith("journal: "), damaged


# -- platforms and channels -------------------------------------------------------------------

def test_platform_add_and_list(cli):
    pid = cli.new_id("platform", "add", "Kraken", "--kind", "exchange",
                     "--website", "https://www.kraken.com")
    record = cli.json("platform", "add", "MetaMask", "--kind", "wallet")
    assert record["name"] == "MetaMask" and record["kind"] == "wallet" and record["id"] > pid
    assert record["website"] is None and record["recorded_at"]
    listed = {p["name"]: p for p in cli.json("platform", "list")}
    assert listed["Kraken"]["id"] == pid
    assert listed["Kraken"]["website"] == "https://www.kraken.com"
    assert listed["Kraken"]["kind"] == "exchange"
    assert listed["MetaMask"] == record
    assert listed["Binance"]["kind"] == "exchange"
    plain = cli("platform", "list").stdout
    assert plain.splitlines()[0].split() == ["ID", "PLATFORM", "KIND", "COUNTRIES", "LANGUAGES",
                                             "WEBSITE"]
    assert re.search(rf"^{pid}\s+Kraken\s+exchange\s+https://www.kraken.com$", plain, re.MULTILINE)


def test_channel_add_and_list(cli):
    cid = cli.new_id("channel", "add", "Binance", "--kind", "phone", "--value", "+1 800 555 0100",
                     "--source", "official-site",
                     "--source-url", "https://www.binance.com/en/support",
                     "--language", "en", "--language", "zh_CN")
    email = cli.json("channel", "add", "OKX", "--kind", "email", "--value", "support@okx.com")
    assert email["platform"] == "OKX" and email["kind"] == "email"
    assert email["source"] == "other" and email["languages"] == []

    binance = cli.json("channel", "list", "Binance")
    mine = next(c for c in binance if c["id"] == cid)
    assert mine["platform"] == "Binance" and mine["kind"] == "phone"
    assert mine["value"] == "+18005550100" and mine["source"] == "official-site"
    assert mine["source_url"] == "https://www.binance.com/en/support"
    assert mine["languages"] == ["en", "zh-CN"]
    assert mine["status"] == "verified" and mine["last_checked"] == email["last_checked"]
    assert email["status"] == "unverified" and re.fullmatch(r"\d{4}-\d\d-\d\d",
                                                            email["last_checked"])
    assert all(c["platform"] == "Binance" for c in binance)
    everything = cli.json("channel", "list")
    assert {cid, email["id"]} <= {c["id"] for c in everything}
    plain = cli("channel", "list", "Binance").stdout
    assert plain.splitlines()[0].split() == ["ID", "PLATFORM", "KIND", "VALUE", "SOURCE",
                                             "STATUS", "CHECKED", "LANGUAGES", "HOURS"]
    assert re.search(rf"^{cid}\s+Binance\s+phone\s+\+18005550100\s+official-site\s+verified\s+"
                     rf"{mine['last_checked']}\s+en,zh-CN$", plain, re.MULTILINE), plain
    assert "support@okx.com" not in plain


# -- cases ----------------------------------------------------------------------------------

def test_case_open_list_filters_show_and_status(cli):
    first = _case(cli, "Withdrawal stuck since Monday", "Binance",
                  "--category", "withdrawal", "--account", "UID 1234")
    second = cli.json("case", "open", "okx", "Card charged twice", "--category", "card")
    assert second["platform"] == "OKX" and second["status"] == "open"
    assert second["category"] == "card" and second["account_id"] is None

    cases = {c["id"]: c for c in cli.json("case", "list")}
    assert cases[first]["title"] == "Withdrawal stuck since Monday"
    assert cases[first]["category"] == "withdrawal" and cases[first]["account_id"] == "UID 1234"
    assert cases[first]["status"] == "open" and cases[second["id"]]["platform"] == "OKX"

    okx = cli.json("case", "list", "--platform", "OKX")
    assert second["id"] in {c["id"] for c in okx} and first not in {c["id"] for c in okx}
    assert all(c["platform"] == "OKX" for c in okx)
    okx_id = next(p["id"] for p in cli.json("platform", "list") if p["name"] == "OKX")
    assert cli.json("case", "list", "--platform", okx_id) == okx

    assert cli("case", "status", first, "waiting", "--reason", "they asked for 5 days").stdout \
        == f"Case {first} is now waiting.\n"
    waiting = cli.json("case", "list", "--status", "waiting")
    assert first in {c["id"] for c in waiting} and all(c["status"] == "waiting" for c in waiting)
    assert first not in {c["id"] for c in cli.json("case", "list", "--status", "open")}
    assert cli.json("case", "list", "--status", "waiting", "--platform", "OKX") == [
        c for c in waiting if c["platform"] == "OKX"]
    escalated = cli.json("case", "status", first, "escalated")
    assert escalated["id"] == first and escalated["status"] == "escalated"

    plain = cli("case", "list", "--platform", "Binance").stdout
    assert plain.splitlines()[0].split()[:4] == ["ID", "PLATFORM", "TITLE", "STATUS"]
    assert re.search(rf"^{first}\s+Binance\s+Withdrawal stuck since Monday\s+escalated", plain,
                     re.MULTILINE), plain

    shown = cli.json("case", "show", first)
    assert set(shown) == {"case", "interactions", "chain_head", "scam_risk", "stages", "money",
                          "transactions", "deadlines"}
    assert shown["scam_risk"] == []
    assert shown["case"]["id"] == first and shown["case"]["status"] == "escalated"
    assert shown["interactions"] == [] and HEX64.match(shown["chain_head"])
    text = cli("case", "show", first).stdout
    assert text.startswith(f"Case {first}: Withdrawal stuck since Monday\n")
    assert "escalated" in text and "account UID 1234" in text
    assert f"chain head {shown['chain_head']}" in text


def test_chain_head_moves_with_its_case_only(cli):
    a, b = _case(cli, "Head A"), _case(cli, "Head B")
    head_a, head_b = (cli.json("case", "show", c)["chain_head"] for c in (a, b))
    assert head_a != head_b
    cli("log", a, "--kind", "chat", "--note", "first words")
    after_a, after_b = (cli.json("case", "show", c)["chain_head"] for c in (a, b))
    assert after_a != head_a and HEX64.match(after_a)
    assert after_b == head_b


# -- log --------------------------------------------------------------------------------------

def test_log_prints_the_id_and_json_prints_the_record(cli):
    case = _case(cli, "Log basics")
    iid = cli.new_id("log", case, "--kind", "call")
    record = cli.json("log", case, "--kind", "email", "--note", "Sent the form")
    assert record["id"] > iid and record["case_id"] == case
    assert record["kind"] == "email" and record["outcome"] == "answered"
    assert record["notes"] == "Sent the form" and record["revision"] == 1
    assert record["voided"] is False and record["amended"] is False
    assert record["started_at"] and record["recorded_at"]
    shown = cli.json("case", "show", case)["interactions"]
    assert [i["id"] for i in shown] == [iid, record["id"]]
    assert shown[0]["kind"] == "call" and shown[1] == record


def test_log_with_channel_contact_agent_language_wait(cli):
    case = _case(cli, "Channels and people")
    channel = cli.json("channel", "add", "Binance", "--kind", "chat",
                       "--value", "https://www.binance.com/chat", "--source", "in-app")
    via_channel = cli.json("log", case, "--kind", "chat", "--channel", channel["id"],
                           "--agent", "Lina Zhou", "--language", "zh_CN", "--wait", "12.5")
    assert via_channel["channel_id"] == channel["id"]
    assert via_channel["contact"] == "https://www.binance.com/chat"
    assert via_channel["agent"] == "Lina Zhou" and via_channel["language"] == "zh-CN"
    assert via_channel["wait_minutes"] == 12.5
    known = cli.json("log", case, "--kind", "chat", "--contact", "https://www.binance.com/chat")
    assert known["channel_id"] == channel["id"]
    unknown = cli.json("log", case, "--kind", "call", "--contact", "+44 20 7946 0000")
    assert unknown["channel_id"] is None and unknown["contact"] == "+44 20 7946 0000"

    text = cli("case", "show", case).stdout
    assert "agent Lina Zhou" in text and "waited 12.5 min" in text
    assert "via +44 20 7946 0000" in text


def test_log_times_with_and_without_offsets(cli):
    case = _case(cli, "Times")
    local = cli.json("log", case, "--kind", "call", "--start", "2024-03-05T09:00",
                     "--end", "2024-03-05T09:42:30")
    assert local["started_at"] == f"2024-03-05T09:00:00{LOCAL_OFFSET}"
    assert local["ended_at"] == f"2024-03-05T09:42:30{LOCAL_OFFSET}"
    assert local["duration_minutes"] == 42.5
    spaced = cli.json("log", case, "--kind", "call", "--start", "2024-03-05 10:00")
    assert spaced["started_at"] == f"2024-03-05T10:00:00{LOCAL_OFFSET}"
    date_only = cli.json("log", case, "--kind", "letter", "--start", "2024-03-01")
    assert date_only["started_at"] == f"2024-03-01T00:00:00{LOCAL_OFFSET}"
    offset = cli.json("log", case, "--kind", "call", "--start", "2024-03-05T09:00+02:00",
                      "--end", "2024-03-05T07:30Z")
    assert offset["started_at"] == "2024-03-05T09:00:00+02:00"  # the offset is kept
    assert offset["ended_at"] == "2024-03-05T07:30:00+00:00"
    assert offset["duration_minutes"] == 30
    # The timeline is in the order things happened (09:00+02:00 is 07:00 UTC, after
    # 10:00+08:00), not the order they were typed.
    order = [i["id"] for i in cli.json("case", "show", case)["interactions"]]
    assert order == [date_only["id"], local["id"], spaced["id"], offset["id"]]
    assert "lasted 42.5 min" in cli("case", "show", case).stdout


def test_log_every_outcome_including_failed_attempts(cli):
    case = _case(cli, "Attempts")
    outcomes = ["answered", "no-answer", "busy", "dropped", "queue-timeout", "wrong-number"]
    ids = {}
    for outcome in outcomes:
        record = cli.json("log", case, "--kind", "call", "--outcome", outcome,
                          "--contact", "+1 800 555 0199")
        assert record["outcome"] == outcome
        ids[outcome] = record["id"]
    default = cli.json("log", case, "--kind", "chat")
    assert default["outcome"] == "answered"
    text = cli("case", "show", case).stdout
    for outcome in outcomes[1:]:
        assert f"#{ids[outcome]} " in text
        assert re.search(rf"#{ids[outcome]} .*FAILED: {outcome}", text), text
    assert not re.search(rf"#{ids['answered']} .*FAILED", text)


def test_log_references_of_every_kind(cli):
    case = _case(cli, "References")
    tx = "0x" + "ab" * 32
    record = cli.json("log", case, "--kind", "chat",
                      "--ref", "889977", "--ref", "ticket:T-1",
                      "--ref", f"tx:{tx}", "--ref", "c" * 64,
                      "--ref", "order:O-9", "--ref", "withdrawal:W-1", "--ref", "chat:C-7",
                      "--ref", "case:CS-3", "--ref", "other:X", "--ref", "foo:bar")
    refs = [(r["kind"], r["value"]) for r in record["references"]]
    assert refs == [("ticket", "889977"), ("ticket", "T-1"), ("tx-hash", tx),
                    ("tx-hash", "c" * 64), ("order-id", "O-9"), ("withdrawal-id", "W-1"),
                    ("chat-id", "C-7"), ("case", "CS-3"), ("other", "X"), ("ticket", "foo:bar")]
    text = cli("case", "show", case).stdout
    assert "ref ticket: 889977" in text and f"ref tx-hash: {tx}" in text
    assert "ref withdrawal-id: W-1" in text


def test_log_notes_from_flag_file_and_stdin(cli, tmp_path):
    case = _case(cli, "Notes")
    flag = cli.json("log", case, "--kind", "chat", "--note", "客服说退款已到账")
    assert flag["notes"] == "客服说退款已到账"
    note = tmp_path / "note.txt"
    text = "Agent: please wait 3–5 days.\n客服：请耐心等待。\n\n  indented line\n"
    note.write_text(text, encoding="utf-8")
    from_file = cli.json("log", case, "--kind", "chat", "--note-file", note)
    assert from_file["notes"] == text.strip("\n")
    from_stdin = cli.json("log", case, "--kind", "chat", "--note-file", "-", input=text)
    assert from_stdin["notes"] == text.strip("\n")
    shown = cli("case", "show", case).stdout
    assert "    | 客服：请耐心等待。" in shown and "    |   indented line" in shown


def test_log_promises_pair_with_due_times(cli):
    case = _case(cli, "Promises")
    record = cli.json("log", case, "--kind", "call",
                      "--promise", "Refund within 3 days", "--due", "2024-01-05T18:00",
                      "--promise", "A supervisor calls back", "--due", "2099-01-01T10:00+02:00")
    promises = [(p["text"], p["due_at"], p["status"]) for p in record["promises"]]
    assert promises == [("Refund within 3 days", f"2024-01-05T18:00:00{LOCAL_OFFSET}", "pending"),
                        ("A supervisor calls back", "2099-01-01T10:00:00+02:00", "pending")]
    assert all(p["case_id"] == case for p in record["promises"])
    assert cli.json("case", "show", case)["case"]["open_promises"] == 2
    text = cli("case", "show", case).stdout
    first = record["promises"][0]["id"]
    assert f"promise #{first} (pending, due 2024-01-05 18:00 {LOCAL_OFFSET}): " \
           f"Refund within 3 days" in text


def test_log_attachments_come_back_byte_for_byte(cli, tmp_path):
    case = _case(cli, "Evidence")
    chat = tmp_path / "chat export.txt"
    chat.write_text("Agent: 您好\nMe: where is my withdrawal?\n", encoding="utf-8")
    shot = tmp_path / "screenshot.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 1200 + os.urandom(5000)
                     + b"\x00" * 10 + b"\r\n\r")  # > one 256 KiB chunk, every byte value
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    record = cli.json("log", case, "--kind", "chat", "--attach", chat, "--attach", shot,
                      "--attach", empty)
    files = {a["name"]: a for a in record["attachments"]}
    assert list(files) == ["chat export.txt", "screenshot.png", "empty.bin"]
    for path in (chat, shot, empty):
        a = files[path.name]
        data = path.read_bytes()
        assert a["size"] == len(data) and a["sha256"] == hashlib.sha256(data).hexdigest()
        out = tmp_path / "out" / path.name
        out.parent.mkdir(exist_ok=True)
        saved = cli("attachment", a["id"], "--output", out)
        assert saved.stdout == f"Saved {path.name} ({len(data):,} bytes) to {out}.\n"
        assert out.read_bytes() == data
    assert files["screenshot.png"]["media_type"] == "image/png"
    assert files["chat export.txt"]["media_type"] == "text/plain"
    assert files["empty.bin"]["media_type"] == "application/octet-stream"

    # An existing file is never overwritten.
    out = tmp_path / "out" / "screenshot.png"
    refused = cli("attachment", files["chat export.txt"]["id"], "--output", out, expect=1)
    assert "already exists" in refused.stderr and out.read_bytes() == shot.read_bytes()
    assert f"file #{files['screenshot.png']['id']} screenshot.png" in cli("case", "show",
                                                                        case).stdout


def test_log_with_every_option_at_once(cli, tmp_path):
    case = _case(cli, "Everything")
    channel = cli.json("channel", "add", "Binance", "--kind", "phone", "--value", "+1 800 555 0142")
    note = tmp_path / "n.txt"
    note.write_text("Full call notes", encoding="utf-8")
    shot = tmp_path / "s.bin"
    shot.write_bytes(os.urandom(1000))
    record = cli.json("log", case, "--kind", "call", "--channel", channel["id"],
                      "--start", "2024-04-01T10:00", "--end", "2024-04-01T10:20", "--wait", "7",
                      "--outcome", "answered", "--agent", "Sam", "--language", "en",
                      "--ref", "ticket:555", "--note-file", note,
                      "--promise", "Unfreeze", "--due", "2024-04-03",
                      "--attach", shot)
    assert (record["contact"], record["wait_minutes"], record["agent"], record["language"]) == \
        ("+18005550142", 7, "Sam", "en")
    assert record["notes"] == "Full call notes" and record["duration_minutes"] == 20
    assert len(record["references"]) == len(record["promises"]) == 1
    assert record["attachments"][0]["size"] == 1000
    assert cli.json("case", "show", case)["interactions"] == [record]


# -- amend, history, void -----------------------------------------------------------------

def test_amend_keeps_the_earlier_text_readable(cli):
    case = _case(cli, "Amendments")
    iid = cli.new_id("log", case, "--kind", "call", "--note", "Agent said 2 days",
                     "--agent", "Tom")
    assert cli("amend", iid, "--note", "Agent said 3 days", "--reason", "misheard").stdout \
        == f"Interaction {iid} is now at revision 2.\n"
    record = cli.json("amend", iid, "--agent", "Tommy", "--ref", "ticket:A-1",
                      "--promise", "Call back", "--due", "2099-02-01")
    assert record["revision"] == 3 and record["amended"] is True
    assert record["notes"] == "Agent said 3 days" and record["agent"] == "Tommy"
    assert [r["value"] for r in record["references"]] == ["A-1"]
    assert [p["text"] for p in record["promises"]] == ["Call back"]

    history = cli.json("history", iid)
    assert [e["action"] for e in history] == ["create", "amend", "amend"]
    assert [e["body"]["notes"] for e in history] == ["Agent said 2 days", "Agent said 3 days",
                                                     "Agent said 3 days"]
    assert history[1]["body"]["reason"] == "misheard" and history[1]["body"]["revision"] == 2
    assert history[2]["body"]["agent"] == "Tommy"
    assert all(HEX64.match(e["hash"]) for e in history)
    recorded = [datetime.fromisoformat(e["recorded_at"]) for e in history]
    assert recorded == sorted(recorded)

    text = cli("history", iid).stdout
    assert "| Agent said 2 days" in text and "| Agent said 3 days" in text
    assert "reason: misheard" in text and text.index("2 days") < text.index("3 days")
    shown = cli("case", "show", case).stdout
    assert "amended" in shown and "| Agent said 3 days" in shown
    # The timeline shows the latest revision; the first text stays in the history only.
    assert "Agent said 2 days" not in shown


def test_void_keeps_the_record_and_leaves_search(cli):
    case = _case(cli, "Voiding")
    keep = cli.new_id("log", case, "--kind", "chat", "--note", "quokkaword stays")
    gone = cli.new_id("log", case, "--kind", "chat", "--note", "quokkaword logged by mistake")
    assert {h["interaction_id"] for h in cli.json("search", "quokkaword")} == {keep, gone}
    out = cli("void", gone, "--reason", "wrong case").stdout
    assert out.startswith(f"Interaction {gone} is void")
    shown = {i["id"]: i for i in cli.json("case", "show", case)["interactions"]}
    assert shown[gone]["voided"] is True and shown[gone]["void_reason"] == "wrong case"
    assert shown[gone]["notes"] == "quokkaword logged by mistake"
    assert shown[keep]["voided"] is False
    assert f"#{gone} " in cli("case", "show", case).stdout
    assert "VOID: wrong case" in cli("case", "show", case).stdout
    assert {h["interaction_id"] for h in cli.json("search", "quokkaword")} == {keep}
    assert [e["action"] for e in cli.json("history", gone)] == ["create", "void"]
    again = cli.json("void", keep, "--reason", "duplicate")
    assert again["voided"] is True and again["id"] == keep


# -- promises -----------------------------------------------------------------------------

def test_promise_list_overdue_status_and_set(cli):
    case = _case(cli, "Promise keeping")
    record = cli.json("log", case, "--kind", "call",
                      "--promise", "Refund by new year 2024", "--due", "2024-01-01",
                      "--promise", "Escalate by 2099", "--due", "2099-01-01",
                      "--promise", "Email a summary", "--due", "2024-02-01")
    late, future, summary = (p["id"] for p in record["promises"])

    pending = cli.json("promise", "list", "--case", case)
    assert [p["id"] for p in pending] == [late, summary, future]  # soonest due first
    everywhere = {p["id"] for p in cli.json("promise", "list")}
    assert {late, summary, future} <= everywhere
    overdue = {p["id"] for p in cli.json("promise", "list", "--overdue")}
    assert {late, summary} <= overdue and future not in overdue

    assert cli("promise", "set", summary, "kept").stdout == f"Promise {summary} is now kept.\n"
    broken = cli.json("promise", "set", late, "broken")
    assert broken["status"] == "broken" and broken["status_changed_at"]
    overdue = {p["id"] for p in cli.json("promise", "list", "--overdue")}
    assert late not in overdue and summary not in overdue
    assert [p["id"] for p in cli.json("promise", "list", "--case", case)] == [future]
    assert [p["id"] for p in cli.json("promise", "list", "--status", "kept", "--case", case)] \
        == [summary]
    assert [p["id"] for p in cli.json("promise", "list", "--status", "broken", "--case", case)] \
        == [late]
    cancelled = cli.json("promise", "set", future, "cancelled")
    assert cancelled["status"] == "cancelled"
    assert cli.json("case", "show", case)["case"]["open_promises"] == 0
    plain = cli("promise", "list", "--status", "kept").stdout
    assert plain.splitlines()[0].split() == ["ID", "CASE", "DUE", "STATUS", "PROMISE"]
    assert re.search(rf"^{summary}\s+{case}\s+2024-02-01 00:00 \{LOCAL_OFFSET}\s+kept\s+"
                     rf"Email a summary$", plain, re.MULTILINE), plain


# -- search -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def searchable(cli):
    """Cases with Chinese and English notes, references and agents, on two platforms."""
    cli("platform", "add", "HTX")
    cli("platform", "add", "Gate")
    zh = _case(cli, "HTX search case", "HTX")
    en = _case(cli, "Frozen account search case", "Gate")
    ids = {
        "zh": cli.new_id("log", zh, "--kind", "chat", "--note", "客服说退款已到账，请耐心等待",
                         "--start", "2024-05-01T10:00"),
        "en": cli.new_id("log", en, "--kind", "call",
                         "--note", "The agent promised the withdrawal would be processed",
                         "--agent", "Margarethe Okonkwo", "--ref", "ticket:TCK-731904",
                         "--ref", "0x" + "5e" * 32, "--start", "2024-06-01T10:00"),
        "syntax": cli.new_id("log", en, "--kind", "chat",
                             "--note", 'Agent wrote: NEAR(refund) AND "escalate*" (urgent) OR -x',
                             "--start", "2024-06-02T10:00"),
    }
    return {"zh_case": zh, "en_case": en, **ids}


def _hit_ids(cli, *query):
    return [h["interaction_id"] for h in cli.json("search", *query)]


def test_search_chinese_two_characters_one_character_and_longer(cli, searchable):
    zh, htx = searchable["zh"], ("--platform", "HTX")
    assert zh in _hit_ids(cli, "退款")
    assert _hit_ids(cli, "退款", *htx) == [zh]
    assert _hit_ids(cli, "账", *htx) == [zh]       # one character, last in the run
    assert _hit_ids(cli, "耐", *htx) == [zh]       # one character, inside the run
    assert _hit_ids(cli, "说", *htx) == [zh]
    assert _hit_ids(cli, "已到账", *htx) == [zh]
    assert _hit_ids(cli, "请耐心等待", *htx) == [zh]
    assert _hit_ids(cli, "退款 等待", *htx) == [zh]
    assert _hit_ids(cli, "退货") == [] and _hit_ids(cli, "款退", *htx) == []
    hit = cli.json("search", "退款", *htx)[0]
    assert hit["case_id"] == searchable["zh_case"] and "[退款]" in hit["snippet"]
    assert hit["platform"] == "HTX" and hit["started_at"].startswith("2024-05-01T10:00")
    text = cli("search", "退款", *htx).stdout
    assert f"Case {searchable['zh_case']} · HTX · HTX search case" in text and "[退款]" in text


def test_search_english_words_references_and_agents(cli, searchable):
    en = searchable["en"]
    assert _hit_ids(cli, "withdrawal", "processed") == [en]   # every word must match
    assert _hit_ids(cli, "withdrawal processed") == [en]
    assert _hit_ids(cli, "PROCESSED") == [en]
    assert _hit_ids(cli, "process") == [en]                    # the last word is a prefix
    assert _hit_ids(cli, "withdrawal", "zebra") == []
    assert _hit_ids(cli, "TCK-731904") == [en]
    assert _hit_ids(cli, "731904") == [en]
    assert _hit_ids(cli, "0x" + "5e" * 32) == [en]
    assert _hit_ids(cli, "Okonkwo") == [en]
    assert _hit_ids(cli, "margarethe") == [en]
    text = cli("search", "processed").stdout
    assert f"Case {searchable['en_case']} · Gate · Frozen account search case" in text
    assert f"#{en} 2024-06-01 10:00 {LOCAL_OFFSET}" in text and "[processed]" in text


def test_search_finds_cases_by_title(cli, searchable):
    hits = cli.json("search", "Frozen", "account")
    assert any(h["case_id"] == searchable["en_case"] and h["interaction_id"] is None
               for h in hits)


FTS_SYNTAX = ['"', "*", "AND", "NEAR(", "(", ")", '"unterminated', "OR", "NOT", "-x", "^",
              "notes:refund", "a AND (b OR", '退款 AND "', "NEAR(refund, escalate)", "escalate*",
              "' OR 1=1 --", "{notes}", "+", "\\"]


@pytest.mark.parametrize("query", FTS_SYNTAX)
def test_search_with_fts_syntax_characters_is_plain_data(cli, searchable, query):
    result = cli("search", "--", query)  # `--`: so that "-x" is a query, not an option
    assert result.stderr in ("", "No matches.\n"), result.stderr


def test_search_with_fts_syntax_characters_as_json(cli, searchable):
    for query in ['"', "*", "AND", "NEAR(", "(", 'x" OR "y']:
        as_json = cli("search", "--json", "--", query)
        assert as_json.stderr == "", query
        assert isinstance(json.loads(as_json.stdout), list), query


def test_search_with_syntax_characters_still_finds_the_words(cli, searchable):
    syntax = searchable["syntax"]
    assert syntax in _hit_ids(cli, "NEAR(refund")
    assert syntax in _hit_ids(cli, '"escalate*"')
    assert syntax in _hit_ids(cli, "(urgent)")
    assert _hit_ids(cli, '"', "*", "(") == []


def test_search_platform_since_and_limit(cli, searchable):
    cli("log", searchable["zh_case"], "--kind", "chat", "--note", "wombat in Binance",
        "--start", "2024-05-02T10:00")
    cli("log", searchable["en_case"], "--kind", "chat", "--note", "wombat in OKX",
        "--start", "2024-06-03T10:00")
    assert {h["platform"] for h in cli.json("search", "wombat")} == {"HTX", "Gate"}
    assert {h["platform"] for h in cli.json("search", "wombat", "--platform", "Gate")} == {"Gate"}
    assert {h["platform"] for h in cli.json("search", "wombat", "--platform", "htx")} == {"HTX"}
    recent = cli.json("search", "wombat", "--since", "2024-06-01")
    assert [h["platform"] for h in recent] == ["Gate"]
    assert cli.json("search", "wombat", "--since", "2024-06-03T12:00+08:00") == []
    assert len(cli.json("search", "wombat")) == 2
    assert len(cli.json("search", "wombat", "--limit", "1")) == 1
    no_hits = cli("search", "wombat", "--platform", "HTX", "--since", "2024-06-01")
    assert no_hits.stdout == "" and no_hits.stderr == "No matches.\n"


# -- check, backup and restore ----------------------------------------------------------------

def test_check_on_a_good_journal(cli):
    out = cli("check")
    assert "intact" in out.stdout and out.stderr == ""
    report = cli.json("check")
    assert report["cipher_ok"] and report["sqlite_ok"] and report["chain_ok"]
    assert report["problems"] == [] and report["entries"] > 0


def _everything(folder: Path, passphrase: str = PASSPHRASE) -> dict:
    """All a journal holds, read in this process (one unlock instead of dozens of CLI calls)."""
    from journal.cli.output import plain
    from journal.service import Journal
    from journal.store import ledger
    with Journal.open(folder, passphrase=passphrase) as j:
        cases = j.cases()
        timelines = [j.timeline(c.id) for c in cases]
        files = {a.id: hashlib.sha256(j.attachment_bytes(a.id)).hexdigest()
                 for t in timelines for i in t for a in i.attachments}
        return plain({
            "platforms": j.platforms(), "channels": j.channels(), "cases": cases,
            "timelines": timelines, "promises": j.promises(), "files": files,
            "case_heads": [j.chain_head(c.id) for c in cases], "head": j.chain_head(),
            "ledger": list(ledger.entries(j.db)),
        })


def test_backup_and_restore_into_a_new_folder(cli, tmp_path, searchable):
    case = _case(cli, "Backed up")
    blob = os.urandom(3000)
    (tmp_path / "blob.bin").write_bytes(blob)
    logged = cli.json("log", case, "--kind", "chat", "--note", "platypusword before the backup",
                      "--attach", tmp_path / "blob.bin")
    backup = tmp_path / "backup.sjb"
    out = cli("backup", backup).stdout
    assert str(backup) in out and backup.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sjb", "blob.bin"]
    data = backup.read_bytes()
    for secret in ("platypusword", "退款", "Okonkwo", "TCK-731904", PASSPHRASE):
        assert secret.encode() not in data, secret  # the backup is encrypted
    assert blob not in data
    before = _everything(cli.dir)
    assert before["files"] and before["timelines"]

    target = tmp_path / "restored"
    restored = cli("restore", backup, "--journal", target)
    assert str(target) in restored.stdout
    assert _everything(target) == before
    in_target = {"JOURNAL_DIR": str(target)}
    aid = logged["attachments"][0]["id"]
    cli("attachment", aid, "--output", tmp_path / "from-copy", env=in_target)
    assert (tmp_path / "from-copy").read_bytes() == blob
    assert cli.json("case", "list", env=in_target) == cli.json("case", "list")
    assert cli.json("search", "platypusword", env=in_target) == cli.json("search", "platypusword")
    assert cli.json("search", "退款", env=in_target) == cli.json("search", "退款")
    assert cli.json("check", env=in_target)["chain_ok"]
    # The restored journal is a journal of its own: writing to it leaves the original alone.
    cli("log", case, "--kind", "chat", "--note", "only in the copy", env=in_target)
    assert cli.json("search", "only in the copy") == []
    assert _everything(cli.dir) == before

    wrong = tmp_path / "wrong"
    refused = cli("restore", backup, "--journal", wrong,
                  env={"JOURNAL_PASSPHRASE": "not the passphrase"}, expect=3)
    assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr
    assert not wrong.exists()
    header = (cli.dir / "journal.key").read_bytes()
    onto = cli("restore", backup, "--journal", cli.dir, expect=1)  # never over a journal
    assert "already exists" in onto.stderr
    assert (cli.dir / "journal.key").read_bytes() == header and _everything(cli.dir) == before


# -- passwd -------------------------------------------------------------------------------

def test_passwd_from_the_environment_and_from_a_file(fresh, tmp_path):
    pid = fresh.new_id("platform", "add", "Bybit")
    second, third = "second passphrase 2", "third passphrase 3"
    out = fresh("passwd", env={"JOURNAL_NEW_PASSPHRASE": second})
    assert "changed" in out.stdout
    assert fresh("platform", "list", expect=3).stdout == ""
    assert [p["id"] for p in fresh.json("platform", "list",
                                        env={"JOURNAL_PASSPHRASE": second})] == [pid]

    new_file = tmp_path / "new.txt"
    new_file.write_text(third + "\n", encoding="utf-8")
    fresh("passwd", "--new-passphrase-file", new_file, env={"JOURNAL_PASSPHRASE": second})
    fresh("platform", "list", env={"JOURNAL_PASSPHRASE": second}, expect=3)
    fresh("platform", "list", expect=3)
    assert [p["name"] for p in fresh.json("platform", "list",
                                          env={"JOURNAL_PASSPHRASE": third})] == ["Bybit"]


def test_passwd_with_the_recovery_key_from_init(fresh, tmp_path):
    fresh("platform", "add", "Bitget")
    forgotten = {"JOURNAL_PASSPHRASE": "I forgot it entirely"}
    fresh("platform", "list", env=forgotten, expect=3)
    new = "after recovery 1"
    fresh("passwd", "--with-recovery-key", unset=("JOURNAL_PASSPHRASE",),
          env={"JOURNAL_RECOVERY_KEY": fresh.recovery_key, "JOURNAL_NEW_PASSPHRASE": new})
    fresh("platform", "list", expect=3)
    assert [p["name"] for p in fresh.json("platform", "list",
                                          env={"JOURNAL_PASSPHRASE": new})] == ["Bitget"]
    # The recovery key stays the same; from a file, lower case and without dashes too.
    key_file = tmp_path / "key.txt"
    key_file.write_text(fresh.recovery_key.lower().replace("-", "") + "\n", encoding="utf-8")
    newer = "after recovery 2"
    fresh("passwd", "--with-recovery-key", "--recovery-key-file", key_file,
          unset=("JOURNAL_PASSPHRASE",), env={"JOURNAL_NEW_PASSPHRASE": newer})
    fresh("platform", "list", env={"JOURNAL_PASSPHRASE": new}, expect=3)
    fresh.json("platform", "list", env={"JOURNAL_PASSPHRASE": newer})
    from journal.store.keyheader import new_recovery_key
    header = (fresh.dir / "journal.key").read_bytes()
    another_journals_key = new_recovery_key()
    fresh("passwd", "--with-recovery-key", unset=("JOURNAL_PASSPHRASE",),
          env={"JOURNAL_RECOVERY_KEY": another_journals_key,
               "JOURNAL_NEW_PASSPHRASE": "never set 123"}, expect=3)
    mistyped = fresh.recovery_key[:-1] + ("A" if fresh.recovery_key[-1] != "A" else "B")
    typo = fresh("passwd", "--with-recovery-key", unset=("JOURNAL_PASSPHRASE",),
                 env={"JOURNAL_RECOVERY_KEY": mistyped,
                      "JOURNAL_NEW_PASSPHRASE": "never set 123"}, expect=1)
    assert "not a valid recovery key" in typo.stderr  # its checksum catches the typo
    assert (fresh.dir / "journal.key").read_bytes() == header
    fresh.json("platform", "list", env={"JOURNAL_PASSPHRASE": newer})


# -- dump and import ------------------------------------------------------------------------

def test_dump_then_import_into_a_fresh_journal(cli, tmp_path, templates, searchable):
    blob = os.urandom(2000) + bytes(range(256))
    (tmp_path / "evidence.bin").write_bytes(blob)
    case = _case(cli, "Dumped")
    logged = cli.json("log", case, "--kind", "chat", "--note", "narwhalword 退款 dumped",
                      "--attach", tmp_path / "evidence.bin",
                      "--promise", "Reply", "--due", "2099-03-01")
    cli("amend", logged["id"], "--note", "narwhalword 退款 dumped and amended", "--reason", "r")
    dumped = cli("dump")
    document = json.loads(dumped.stdout)
    assert isinstance(document, dict) and dumped.stderr == ""
    all_json = tmp_path / "all.json"
    all_json.write_text(dumped.stdout, encoding="utf-8")
    before = _everything(cli.dir)

    other = copied_cli(templates, tmp_path / "other", "other")
    imported = other("import", all_json)
    assert imported.stdout.startswith("Imported ")
    after = _everything(other.dir)
    for part in before:
        assert after[part] == before[part], part
    # Through the CLI too: the same cases, timelines (with chain heads) and search hits.
    assert other.json("case", "list") == cli.json("case", "list")
    assert other.json("case", "show", case) == cli.json("case", "show", case)
    assert other.json("history", logged["id"]) == cli.json("history", logged["id"])
    aid = logged["attachments"][0]["id"]
    other("attachment", aid, "--output", tmp_path / "from-import")
    assert (tmp_path / "from-import").read_bytes() == blob
    assert _hit_ids(other, "narwhalword") == _hit_ids(cli, "narwhalword") == [logged["id"]]
    assert _hit_ids(other, "退款") == _hit_ids(cli, "退款")
    assert other.json("check")["chain_ok"]


def test_dump_output_file_and_import_from_stdin(cli, tmp_path, templates):
    out = tmp_path / "dump.json"
    written = cli("dump", "--output", out)
    assert "NOT encrypted" in written.stderr and written.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    again = json.loads(cli("dump").stdout)
    document.pop("exported_at", None), again.pop("exported_at", None)
    assert document == again
    kept = out.read_bytes()
    cli("dump", "--output", out, expect=1)  # never overwrites
    assert out.read_bytes() == kept
    other = copied_cli(templates, tmp_path / "other", "other")
    other("import", "-", input=out.read_text(encoding="utf-8"))
    assert other.json("case", "list") == cli.json("case", "list")


def test_import_refuses_a_truncated_dump_and_a_journal_that_is_not_empty(cli, tmp_path, templates):
    cli("log", _case(cli, "Truncated"), "--kind", "call", "--note", "to be cut short")
    text = cli("dump").stdout
    document = json.loads(text)
    other = copied_cli(templates, tmp_path / "other", "other")
    empty = _everything(other.dir)
    assert empty["ledger"] == [] and empty["platforms"] == []

    cut = dict(document, ledger=document["ledger"][: len(document["ledger"]) // 2])
    no_interactions = {k: v for k, v in document.items() if k != "interactions"}
    for name, content in [("half.json", text[: len(text) // 2]),
                          ("cut-ledger.json", json.dumps(cut)),
                          ("no-interactions.json", json.dumps(no_interactions)),
                          ("empty.json", "")]:
        bad = tmp_path / name
        bad.write_text(content, encoding="utf-8")
        refused = other("import", bad, expect=1)
        assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr, name
        assert refused.stdout == "", name
        assert _everything(other.dir) == empty, name

    full = tmp_path / "all.json"
    full.write_text(text, encoding="utf-8")
    other("import", full)
    imported = _everything(other.dir)
    assert imported["cases"] and imported["ledger"]
    again = other("import", full, expect=1)  # only into a new, empty journal
    assert len(again.stderr.splitlines()) == 1 and "empty" in again.stderr
    assert _everything(other.dir) == imported


def test_import_of_truncated_json_imports_nothing(fresh, tmp_path):
    """Needs no dump module: a file that is not complete JSON is refused before opening."""
    bad = tmp_path / "truncated.json"
    bad.write_text('{"format": "support-journal-dump", "platforms": [{"id": 1, "na',
                   encoding="utf-8")
    before = _files(fresh.dir)
    refused = fresh("import", bad, expect=1)
    assert "nothing was imported" in refused.stderr and len(refused.stderr.splitlines()) == 1
    assert _files(fresh.dir) == before
    assert fresh.json("platform", "list") == [] and fresh.json("case", "list") == []


def test_a_note_with_scam_signs_is_saved_with_a_warning(empty_cli):
    empty_cli("platform", "add", "Binance", check=0)
    case = empty_cli("case", "open", "Binance", "Frozen", check=0).stdout.strip()
    scam = empty_cli("log", case, "--kind", "call", "--contact", "+1 800 555 0199", "--note",
                     "The agent asked for my seed phrase and told me to install AnyDesk.",
                     check=0)
    assert scam.stdout.strip().isdigit()
    assert "warning" in scam.stderr and "seed phrase" in scam.stderr
    assert "never" in scam.stderr.lower()
    ordinary = empty_cli("log", case, "--kind", "chat", "--note",
                         "I asked about the 2FA reset policy; they will email me.", check=0)
    assert ordinary.stderr == ""
    chinese = empty_cli("log", case, "--kind", "chat", "--note", "客服让我提供助记词", check=0)
    assert "warning" in chinese.stderr
    seed = ("abandon ability able about above absent absorb abstract absurd abuse access "
            "accident")
    held = empty_cli("log", case, "--kind", "chat", "--note", f"my words: {seed}", check=0)
    assert "looks like a seed phrase" in held.stderr
    shown = empty_cli("case", "show", case, check=0).stdout
    assert seed in shown  # the journal keeps what the user wrote
    assert "SCAM RISK" in shown and "seed phrase requested" in shown
    data = json.loads(empty_cli("case", "show", case, "--json", check=0).stdout)
    assert data["scam_risk"][:2] == ["seed phrase requested", "remote access"]


def test_a_failed_attempt_suggests_other_official_channels_and_hours(empty_cli):
    empty_cli("platform", "add", "Kraken", "--website", "https://status.kraken.com", check=0)
    empty_cli("channel", "add", "Kraken", "--kind", "phone", "--value", "+1 800 555 0100",
              "--source", "official-site", check=0)
    empty_cli("channel", "add", "Kraken", "--kind", "chat", "--value", "in-app chat",
              "--source", "in-app", check=0)
    empty_cli("channel", "add", "Kraken", "--kind", "phone", "--value", "+1 800 555 0666",
              "--source", "community", check=0)
    case = empty_cli("case", "open", "Kraken", "Deposit missing", check=0).stdout.strip()
    for start in ("2026-11-17T09:10:00+01:00", "2026-11-18T09:40:00+01:00",
                  "2026-11-19T15:00:00+01:00"):   # Tue 09, Wed 09, Thu 15 (local)
        empty_cli("log", case, "--kind", "call", "--start", start, "--contact", "+1 800 555 0100",
                  check=0)
    failed = empty_cli("log", case, "--kind", "call", "--outcome", "busy",
                       "--contact", "+1 800 555 0100", check=0)
    assert failed.stdout.strip().isdigit()
    tip = failed.stderr
    assert "did not connect (busy)" in tip
    assert "chat in-app chat" in tip and "+1 800 555 0100" not in tip
    assert "+1 800 555 0666" not in tip            # a community report is not an official channel
    assert "https://status.kraken.com" in tip
    assert "answered most" not in tip    # three answers, one a day: no pattern to speak of
    for start in ("2026-11-24T09:20:00+01:00", "2026-11-24T09:50:00+01:00",
                  "2026-12-01T09:05:00+01:00"):   # three more Tuesday mornings
        empty_cli("log", case, "--kind", "call", "--start", start, "--contact", "+1 800 555 0100",
                  check=0)
    tip = empty_cli("log", case, "--kind", "call", "--outcome", "busy",
                    "--contact", "+1 800 555 0100", check=0).stderr
    assert ("In your record (6 answered calls), Kraken answered most on Tuesdays, around "
            "09:00 (your local time then).") in tip
    answered = empty_cli("log", case, "--kind", "call", "--contact", "+1 800 555 0100", check=0)
    assert answered.stderr == ""
