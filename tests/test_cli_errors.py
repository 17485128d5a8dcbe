"""The CLI's errors: the exit codes of the contract, one plain sentence on stderr, no change.

Every case runs the CLI (journal.cli.main, in this process: tests/conftest.py `Cli`; a real
second process where the lock between processes is the point) against one journal shared
by the module and then checks that every byte of every file in the journal folder is as it was
(a command that only reads leaves the files byte for byte alone, so any
difference is a write that should not have happened).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PASSPHRASE, ROOT, Cli

CONTRACT_COMMANDS = ["init", "platform", "channel", "case", "log", "amend", "promise", "search",
                     "export", "verify", "check", "backup", "restore", "passwd", "dump", "import"]
EXTENSIONS = ["void", "history", "attachment"]
BUG_SENTENCE = "something went wrong inside"  # what the CLI says when a bug escapes


def one_sentence(result, code: int) -> str:
    """The error is one line on stderr, plain words, nothing on stdout."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    err = result.stderr
    assert "Traceback" not in err and BUG_SENTENCE not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("journal: ") and lines[0][-1] in ".?!", err
    assert len(lines[0]) < 400, err
    assert result.stdout == "", result.stdout
    return lines[0]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A journal with a platform, a channel, a case, an interaction with a reference, a
    promise and a file, and a voided interaction; and files to feed to bad commands."""
    c = Cli(tmp_path_factory.mktemp("errors"))
    c("init")
    c("platform", "add", "Binance", "--kind", "exchange")
    c("platform", "add", "OKX")
    c("channel", "add", "OKX", "--kind", "phone", "--value", "+1 800 555 0100")
    case = c.json("case", "open", "Binance", "Withdrawal stuck")["id"]
    shot = c.base / "shot.png"
    shot.write_bytes(os.urandom(2048))
    logged = c.json("log", case, "--kind", "call", "--note", "退款 in 3 days", "--ref", "T-1",
                    "--promise", "Refund", "--due", "2099-01-01", "--attach", shot)
    voided = c.json("log", case, "--kind", "chat", "--note", "wrong case")["id"]
    c("void", voided, "--reason", "wrong case")

    data = c.base / "data"
    data.mkdir()
    (data / "folder").mkdir()
    (data / "big.txt").write_bytes((b"x" * 1023 + b"\n") * (50 * 1024))  # 50 MB
    (data / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (data / "nul.txt").write_bytes(b"a\x00b")
    (data / "good.txt").write_text("fine", encoding="utf-8")
    (data / "existing.bin").write_bytes(b"keep me")
    (data / "not-a-backup").write_bytes(b"hello")
    os.symlink(data / "nowhere", data / "dangling")
    c.values = {"case": case, "iid": logged["id"], "voided": voided,
                "promise": logged["promises"][0]["id"],
                "attachment": logged["attachments"][0]["id"],
                "data": str(data), "missing": str(data / "missing.png")}
    assert set(c.files()) == {"journal.db", "journal.key", "journal.lock"}, set(c.files())
    return c


@pytest.fixture(autouse=True)
def _files_before(world):
    """What the journal folder held before this test: each test compares with its own start,
    so one product bug fails one test, not every test after it."""
    world.baseline = world.files()


def unchanged(world) -> None:
    after = world.files()
    assert sorted(after) == sorted(world.baseline)
    changed = [name for name in after if after[name] != world.baseline[name]]
    assert changed == [], f"these files changed: {changed}"


def _args(world, args):
    return [a.format(**world.values) for a in args]


# -- exit 1: bad input or not found ------------------------------------------------------------

NOT_FOUND = [
    ("case", "show", "999"),
    ("case", "show", "abc"),
    ("case", "status", "999", "closed"),
    ("log", "999", "--kind", "call", "--note", "x"),
    ("promise", "list", "--case", "999"),
    ("amend", "999", "--note", "x"),
    ("void", "999", "--reason", "x"),
    ("history", "999"),
    ("promise", "set", "999", "kept"),
    ("promise", "set", "-1", "kept"),
    ("case", "open", "Nowhere", "A title"),
    ("channel", "add", "Nowhere", "--kind", "phone", "--value", "1"),
    ("channel", "list", "Nowhere"),
    ("case", "list", "--platform", "Nowhere"),
    ("search", "x", "--platform", "Nowhere"),
    ("log", "{case}", "--kind", "call", "--channel", "999"),
    ("log", "{case}", "--kind", "call", "--channel", "1"),  # OKX's channel on a Binance case
    ("attachment", "999", "--output", "{data}/out-999"),
]

BAD_TIME = [
    ("log", "{case}", "--kind", "call", "--start", "yesterday"),
    ("log", "{case}", "--kind", "call", "--start", "2024-13-01"),
    ("log", "{case}", "--kind", "call", "--start", "2024-02-30T10:00"),
    ("log", "{case}", "--kind", "call", "--end", "25:00"),
    ("log", "{case}", "--kind", "call", "--start", "2099-01-01T10:00"),  # in the future
    ("log", "{case}", "--kind", "call", "--promise", "Refund", "--due", "next week"),
    ("amend", "{iid}", "--start", "soon"),
    ("search", "x", "--since", "last tuesday"),
]

BAD_WORDS = [
    ("log", "{case}", "--kind", "fax"),
    ("log", "{case}", "--kind", "call", "--outcome", "hung-up"),
    ("amend", "{iid}", "--outcome", "maybe"),
    ("amend", "{iid}", "--kind", "telegram"),
    ("case", "status", "{case}", "pending"),
    ("case", "list", "--status", "sleeping"),
    ("promise", "list", "--status", "forgotten"),
    ("promise", "set", "{promise}", "pending"),
    ("promise", "set", "{promise}", "done"),
    ("platform", "add", "Bank X", "--kind", "bank"),
    ("channel", "add", "Binance", "--kind", "pigeon", "--value", "v"),
    ("channel", "add", "Binance", "--kind", "phone", "--value", "v", "--source", "rumour"),
    ("case", "open", "Binance", "T", "--category", "lottery"),
    ("log", "{case}", "--kind", "call", "--language", "english!"),
    ("log", "{case}", "--kind", "call", "--wait", "a while"),
    ("log", "{case}", "--kind", "call", "--wait", "-5"),
]

BAD_INPUT = [
    ("log", "{case}", "--kind", "call", "--start", "2024-03-05T10:00",
     "--end", "2024-03-05T09:00"),                                     # end before start
    ("amend", "{iid}", "--end", "2000-01-01T00:00Z"),                  # end before start
    ("log", "{case}", "--kind", "call", "--promise", "Refund"),        # --promise without --due
    ("log", "{case}", "--kind", "call", "--promise", "A", "--due", "2099-01-01",
     "--promise", "B"),
    ("log", "{case}", "--kind", "call", "--due", "2099-01-01"),        # --due without --promise
    ("log", "{case}", "--kind", "call", "--promise", "  ", "--due", "2099-01-01"),
    ("log", "{case}", "--kind", "call", "--attach", "{missing}"),
    ("log", "{case}", "--kind", "call", "--attach", "{data}/folder"),
    ("log", "{case}", "--kind", "call", "--attach", "{data}/dangling"),
    ("log", "{case}", "--kind", "call", "--attach", "{data}/good.txt", "--attach", "{missing}"),
    ("log", "{case}", "--kind", "call", "--note-file", "{missing}"),
    ("log", "{case}", "--kind", "call", "--note-file", "{data}/folder"),
    ("log", "{case}", "--kind", "call", "--note-file", "{data}/latin1.txt"),
    ("log", "{case}", "--kind", "call", "--note-file", "{data}/nul.txt"),
    ("log", "{case}", "--kind", "call", "--ref", " "),
    ("log", "{case}", "--kind", "call", "--ref", "ticket:" + "9" * 300),
    ("amend", "{iid}"),                                                 # nothing to amend
    ("amend", "{iid}", "--reason", "only a reason"),
    ("amend", "{voided}", "--note", "x"),
    ("void", "{voided}", "--reason", "again"),
    ("void", "{iid}", "--reason", "  "),
    ("platform", "add", "binance"),                                     # already exists
    ("platform", "add", "  "),
    ("platform", "add", "X", "--website", "javascript:alert(1)"),
    ("channel", "add", "OKX", "--kind", "phone", "--value", "+1 800 555 0100"),  # already there
    ("case", "open", "Binance", "  "),
    ("search", "x", "--limit", "0"),
    ("search", "x", "--limit", "100000"),
    ("search", "x" * 1001),
    ("attachment", "{attachment}", "--output", "{data}/existing.bin"),
    ("attachment", "{attachment}", "--output", "{data}/no/such/folder/f"),
    ("backup", "{data}/no/such/folder/backup"),
    ("backup", "{data}/folder"),
    ("restore", "{missing}", "--journal", "{data}/restored"),
    ("restore", "{data}/not-a-backup", "--journal", "{data}/restored"),
    ("import", "{missing}"),
    ("import", "{data}/not-a-backup"),
    ("import", "{data}/latin1.txt"),
]


@pytest.mark.parametrize(
    "args", NOT_FOUND + BAD_TIME + BAD_WORDS + BAD_INPUT,
    ids=lambda a: " ".join(a)[:60])
def test_bad_input_exits_1_with_one_sentence_and_changes_nothing(world, args):
    one_sentence(world(*_args(world, args), expect=None), 1)
    unchanged(world)
    data = Path(world.values["data"])
    assert sorted(p.name for p in data.iterdir()) == [
        "big.txt", "dangling", "existing.bin", "folder", "good.txt", "latin1.txt",
        "not-a-backup", "nul.txt"]  # no output file, backup or restored folder was made
    assert (data / "existing.bin").read_bytes() == b"keep me"
    assert list((data / "folder").iterdir()) == []


def test_messages_name_the_problem(world):
    v = world.values
    cases = [
        (("case", "show", "999"), "case 999"),
        (("amend", "999", "--note", "x"), "interaction 999"),
        (("promise", "set", "999", "kept"), "promise 999"),
        (("case", "open", "Nowhere", "T"), "Nowhere"),
        (("log", v["case"], "--kind", "call", "--start", "yesterday"), "ISO 8601"),
        (("log", v["case"], "--kind", "call", "--start", "2024-03-05T10:00",
          "--end", "2024-03-05T09:00"), "before the start"),
        (("log", v["case"], "--kind", "fax"), "call, chat, email"),
        (("log", v["case"], "--kind", "call", "--outcome", "hung-up"), "no-answer"),
        (("log", v["case"], "--kind", "call", "--attach", v["missing"]), "missing.png"),
        (("log", v["case"], "--kind", "call", "--attach", f"{v['data']}/folder"), "folder"),
        (("log", v["case"], "--kind", "call", "--promise", "Refund"), "--due"),
    ]
    for args, words in cases:
        line = one_sentence(world(*args, expect=None), 1)
        assert words in line, (args, line)
    unchanged(world)


def test_unreadable_attachment_and_note_file(world, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    locked = tmp_path / "locked.png"
    locked.write_bytes(b"secret")
    locked.chmod(0)
    case = world.values["case"]
    one_sentence(world("log", case, "--kind", "call", "--attach", locked, expect=None), 1)
    one_sentence(world("log", case, "--kind", "call", "--note-file", locked, expect=None), 1)
    unchanged(world)


def test_a_50_mb_note_is_refused_and_nothing_is_saved(world):
    case = world.values["case"]
    before = world.json("case", "show", case)
    big = Path(world.values["data"]) / "big.txt"
    assert big.stat().st_size == 50 * 2**20
    line = one_sentence(world("log", case, "--kind", "call", "--note-file", big, expect=None), 1)
    assert "longer than" in line
    line = one_sentence(world("amend", world.values["iid"], "--note-file", big, expect=None), 1)
    assert "longer than" in line
    after = world.json("case", "show", case)
    assert after == before and len(after["interactions"]) == 2
    unchanged(world)


def test_a_note_on_stdin_that_is_too_long_is_refused(world):
    line = one_sentence(world("log", world.values["case"], "--kind", "call", "--note-file", "-",
                              input="y" * 1_000_001, expect=None), 1)
    assert "longer than" in line
    unchanged(world)


def test_existing_attachment_output_is_not_overwritten(world):
    target = Path(world.values["data"]) / "existing.bin"
    one_sentence(world("attachment", world.values["attachment"], "--output", target,
                       expect=None), 1)
    assert target.read_bytes() == b"keep me"


def test_no_journal_at_the_folder(world, tmp_path):
    empty = tmp_path / "empty"
    line = one_sentence(world("case", "list", env={"JOURNAL_DIR": str(empty)}, expect=None), 1)
    assert "journal init" in line and not empty.exists()
    stranger = tmp_path / "stranger"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine", encoding="utf-8")
    one_sentence(world("case", "list", "--journal", stranger, expect=None), 1)
    one_sentence(world("init", "--journal", stranger, expect=None), 1)  # not an empty folder
    assert [p.name for p in stranger.iterdir()] == ["notes.txt"]


def test_init_with_a_short_passphrase_makes_nothing(world, tmp_path):
    target = tmp_path / "new"
    line = one_sentence(world("init", "--journal", target, env={"JOURNAL_PASSPHRASE": "short"},
                              expect=None), 1)
    assert "8 characters" in line
    assert not target.exists() or list(target.iterdir()) == []


def test_passwd_refuses_a_short_new_passphrase(world):
    line = one_sentence(world("passwd", env={"JOURNAL_NEW_PASSPHRASE": "short"}, expect=None), 1)
    assert "8 characters" in line
    one_sentence(world("passwd", "--new-passphrase-file", Path(world.values["missing"]),
                       expect=None), 1)
    unchanged(world)


# -- exit 2: usage --------------------------------------------------------------------------

USAGE = [
    ("log", "{case}"),                                  # no --kind
    ("log",),
    ("log", "{case}", "--kind", "call", "--note", "a", "--note-file", "{data}/good.txt"),
    ("log", "{case}", "--kind", "call", "--note"),      # an option without its value
    ("case", "open", "Binance"),
    ("case", "open"),
    ("case", "status", "{case}"),
    ("case", "show"),
    ("case",),
    ("case", "frobnicate"),
    ("platform", "add"),
    ("platform",),
    ("channel", "add", "Binance", "--kind", "phone"),   # no --value
    ("channel", "add", "Binance", "--value", "v"),      # no --kind
    ("void", "{iid}"),                                  # no --reason
    ("amend",),
    ("history",),
    ("attachment", "{attachment}"),                     # no --output
    ("promise", "set", "{promise}"),
    ("promise",),
    ("search",),
    ("search", "x", "--limit", "many"),
    ("backup",),
    ("restore",),
    ("import",),
    ("frobnicate",),
    ("case", "list", "--bogus"),
    ("--bogus",),
    # A secret is never taken from a flag's value, nor is `--passphrase` short for
    # `--passphrase-file` (which would read the secret as a file name and echo it back).
    ("case", "list", "--passphrase", PASSPHRASE),
    ("case", "list", "--passphrase=" + PASSPHRASE),
    ("passwd", "--new-passphrase", "something long"),
    ("passwd", "--recovery-key", "ABCD-EFGH"),
]


@pytest.mark.parametrize("args", USAGE, ids=lambda a: " ".join(a)[:60] or "nothing")
def test_usage_errors_exit_2_with_one_sentence(world, args):
    line = one_sentence(world(*_args(world, args), expect=None), 2)
    assert "--help" in line
    unchanged(world)


def test_an_unknown_command_is_named(world):
    line = one_sentence(world("frobnicate", expect=None), 2)
    assert "frobnicate" in line


# -- exit 3: wrong passphrase -----------------------------------------------------------------

WRONG_PASSPHRASE_COMMANDS = [
    ("case", "list"),
    ("case", "show", "{case}"),
    ("platform", "add", "Kraken"),
    ("case", "open", "Binance", "New case"),
    ("log", "{case}", "--kind", "call", "--note", "x", "--attach", "{data}/good.txt"),
    ("amend", "{iid}", "--note", "x"),
    ("void", "{iid}", "--reason", "x"),
    ("promise", "set", "{promise}", "kept"),
    ("search", "退款"),
    ("check",),
    ("backup", "{data}/backup-wrong"),
    ("dump",),
    ("passwd",),
    ("history", "{iid}"),
    ("attachment", "{attachment}", "--output", "{data}/out-wrong"),
]


@pytest.mark.parametrize("args", WRONG_PASSPHRASE_COMMANDS, ids=lambda a: " ".join(a)[:40])
def test_wrong_passphrase_exits_3_and_every_byte_stays(world, args):
    line = one_sentence(world(*_args(world, args), env={
        "JOURNAL_PASSPHRASE": "not the right passphrase",
        "JOURNAL_NEW_PASSPHRASE": "a new passphrase 123"}, expect=None), 3)
    assert "passphrase" in line.lower()
    unchanged(world)
    data = Path(world.values["data"])
    assert not (data / "backup-wrong").exists() and not (data / "out-wrong").exists()


def test_wrong_passphrase_from_a_file(world, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("wrong wrong wrong\n", encoding="utf-8")
    one_sentence(world("case", "list", "--passphrase-file", secret,
                       unset=("JOURNAL_PASSPHRASE",), expect=None), 3)
    one_sentence(world("case", "list", env={"JOURNAL_PASSPHRASE_FILE": str(secret)},
                       unset=("JOURNAL_PASSPHRASE",), expect=None), 3)
    one_sentence(world("case", "list", "--passphrase-file", tmp_path / "none",
                       unset=("JOURNAL_PASSPHRASE",), expect=None), 1)
    unchanged(world)


# -- no passphrase and no terminal ----------------------------------------------------------

@pytest.mark.parametrize("args", [("case", "list"), ("log", "{case}", "--kind", "call"),
                                  ("platform", "add", "Kraken"), ("passwd",), ("check",)],
                         ids=lambda a: " ".join(a))
def test_no_passphrase_and_no_terminal_exits_1(world, args):
    line = one_sentence(world(*_args(world, args), unset=("JOURNAL_PASSPHRASE",),
                              expect=None), 1)
    assert "No passphrase" in line
    unchanged(world)


def test_init_without_a_passphrase_or_terminal_makes_nothing(world, tmp_path):
    target = tmp_path / "new"
    line = one_sentence(world("init", "--journal", target, unset=("JOURNAL_PASSPHRASE",),
                              expect=None), 1)
    assert "No passphrase" in line
    assert not target.exists()


def test_passwd_without_a_new_passphrase_or_terminal_exits_1(world):
    line = one_sentence(world("passwd", expect=None), 1)
    assert "No new passphrase" in line
    line = one_sentence(world("passwd", "--with-recovery-key", unset=("JOURNAL_PASSPHRASE",),
                              env={"JOURNAL_NEW_PASSPHRASE": "a new passphrase 123"},
                              expect=None), 1)
    assert "No recovery key" in line
    unchanged(world)


# -- exit 5: in use by another process -----------------------------------------------------

HOLDER = """
import os, sys
from journal.service import Journal
journal = Journal.open(sys.argv[1], passphrase=os.environ["JOURNAL_PASSPHRASE"])
print("ready", flush=True)
sys.stdin.readline()  # hold the journal until the test closes our stdin
journal.close()
"""


def test_a_second_process_is_told_the_journal_is_in_use(world):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(world.dir)], cwd=ROOT,
                              env=world.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready", holder.stderr.read()
        before = {name: data for name, data in world.files().items()}
        data = Path(world.values["data"])
        for args in [("case", "list"), ("case", "show", world.values["case"]),
                     ("log", world.values["case"], "--kind", "call", "--note", "x"),
                     ("platform", "add", "Kraken"), ("check",), ("search", "退款"),
                     ("backup", data / "backup-in-use"), ("dump",), ("passwd",),
                     ("case", "list", "--json")]:
            line = one_sentence(world(*args, env={"JOURNAL_NEW_PASSPHRASE": "another one 123"},
                                      expect=None, process=True), 5)
            assert "another" in line and "process" in line, line
        # Even with a wrong passphrase: the lock is checked first, the key is never tried.
        one_sentence(world("case", "list", env={"JOURNAL_PASSPHRASE": "wrong wrong"},
                           expect=None, process=True), 5)
        assert world.files() == before
        assert not (data / "backup-in-use").exists()
    finally:
        holder.stdin.close()
        try:
            holder.wait(timeout=30)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait()
        holder.stdout.close()
        holder.stderr.close()
    assert holder.returncode == 0
    # Once the other process has ended (its lock ends with it), the journal opens again,
    # unchanged.
    result = world("case", "list", "--json", expect=None, process=True)
    assert result.returncode == 0, result.stderr
    unchanged(world)


# -- help --------------------------------------------------------------------------------------

def _built_commands() -> list[str]:
    import argparse

    from journal.cli import build_parser
    sub = next(a for a in build_parser()._actions
               if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_help_lists_every_command_and_needs_no_journal(world, tmp_path):
    nowhere = tmp_path / "nowhere"
    result = world("--help", env={"JOURNAL_DIR": str(nowhere)},
                   unset=("JOURNAL_PASSPHRASE",))
    assert result.stderr == ""
    built = _built_commands()
    # export and verify are in the contract but not built yet; once built they must show.
    expected = [c for c in CONTRACT_COMMANDS if c in built or c not in ("export", "verify")]
    expected += EXTENSIONS
    for command in expected:
        assert command in built, command
        assert f"\n    {command} " in result.stdout or f"\n  {command} " in result.stdout \
            or f" {command}\n" in result.stdout, (command, result.stdout)
    assert "--journal" in result.stdout and "--json" in result.stdout
    assert not nowhere.exists()
    assert world("--version", unset=("JOURNAL_PASSPHRASE",)).stdout.startswith("journal ")


def test_log_help_lists_every_option_of_the_contract(world):
    text = world("log", "--help", unset=("JOURNAL_PASSPHRASE",)).stdout
    for option in ["--kind", "--channel", "--contact", "--start", "--end", "--wait",
                   "--outcome", "--agent", "--language", "--ref", "--note", "--note-file",
                   "--promise", "--due", "--attach", "--journal", "--passphrase-file",
                   "--json"]:
        assert f"{option} " in text or f"{option}\n" in text, option
    for word in ["call", "chat", "email", "in-app", "social", "letter", "answered", "no-answer",
                 "busy", "dropped", "queue-timeout", "wrong-number"]:
        assert word in text, word


@pytest.mark.parametrize("group, actions", [("platform", ["add", "list"]),
                                            ("channel", ["add", "list"]),
                                            ("case", ["open", "list", "show", "status"]),
                                            ("promise", ["list", "set"])])
def test_group_help_lists_its_actions(world, group, actions):
    text = world(group, "--help", unset=("JOURNAL_PASSPHRASE",)).stdout
    for action in actions:
        assert f"    {action} " in text or f"    {action}\n" in text, (action, text)


def test_every_command_has_help(world):
    for command in _built_commands():
        result = world(command, "--help", unset=("JOURNAL_PASSPHRASE",))
        assert result.stdout.startswith("usage: journal " + command), command


# -- and after all that ---------------------------------------------------------------------------

def test_the_journal_is_intact_after_every_refusal(world):
    unchanged(world)
    report = world.json("check")
    assert report["chain_ok"] and report["problems"] == []
    cases = world.json("case", "list")
    assert [c["title"] for c in cases] == ["Withdrawal stuck"]
    assert [p["name"] for p in world.json("platform", "list")] == ["Binance", "OKX"]
