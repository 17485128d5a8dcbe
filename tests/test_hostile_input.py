"""Hostile input is one plain sentence and exit 1, never an internal error, and changes nothing.

Ids beyond SQLite's 64 bits, times at the ends of what Python's datetime can hold, JSON
nested a hundred thousand deep, dumps with such values inside; and the files
`journal attachment --output` writes are the owner's alone. One journal is made per
module; each case works on a copy of its folder.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain import times
from journal.errors import BadInput
from journal.service import Journal, NewAttachment, NewPromise
from journal.store import folder as jf

from .conftest import PASSPHRASE, Cli

BUG = "something went wrong"
BEYOND = [2**63, 2**64, 99999999999999999999, 2**70]


@pytest.fixture(scope="module")
def made(tmp_path_factory, templates):
    """A journal with platform 1, channel 1, case 1, interaction 1, promise 1, attachment 1
    and checklist items; an empty journal (another one) to import into; and the first one's
    dump."""
    base = tmp_path_factory.mktemp("hostile")
    templates.copy("empty", base / "full")
    j = Journal.open(base / "full", passphrase=PASSPHRASE)
    with j:
        p = j.add_platform("Binance", kind="exchange")
        j.add_channel(p.id, kind="chat", value="in-app chat", source="in-app")
        case = j.open_case(p.id, "Withdrawal stuck")
        j.log(case.id, kind="chat", channel_id=1, start="2026-01-02T10:00+08:00",
              end="2026-01-02T10:20+08:00", wait_minutes=5, notes="agent: 3 days",
              references=["ticket:T-1"], promises=[NewPromise("refund", "2026-01-05T18:00+08:00")],
              attachments=[NewAttachment("chat.txt", "text/plain", data=b"the chat")])
        document = j.dump()
    templates.copy("other", base / "empty")
    return {"full": base / "full", "empty": base / "empty", "dump": document}


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "journal"
    shutil.copytree(source, target)
    return target


@pytest.fixture
def full(made, tmp_path):
    return _copy(made["full"], tmp_path)


@pytest.fixture
def empty(made, tmp_path):
    return _copy(made["empty"], tmp_path)


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.name != jf.LOCK}


def main(folder: Path, *args):
    """The CLI in this process (tests/conftest.py Cli): (exit code, stdout, stderr)."""
    result = Cli(folder.parent, expect=None)(*args, "--journal", folder)
    return result.returncode, result.stdout, result.stderr


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith("journal: ") and line.endswith("."), err
    assert "Traceback" not in err and BUG not in err, err
    assert line.count(". ") == 0, err
    return line


def assert_refused(folder: Path, *args, words: str) -> str:
    """The command exits 1 with one sentence holding `words`, and no file changed."""
    before = digests(folder)
    code, out, err = main(folder, *args)
    assert code == 1, (args, code, out, err)
    line = one_sentence(err)
    assert words in line, line
    assert digests(folder) == before
    return line


def run_cli(base: Path, *args):
    """`python -m journal ARGS` in a subprocess: the real program."""
    return Cli(base, process=True, expect=None)(*args)


# -- ids beyond 64 bits ----------------------------------------------------------------------

ID_COMMANDS = {
    "case show": ["case", "show", "{}"],
    "case status": ["case", "status", "{}", "waiting"],
    "log": ["log", "{}", "--kind", "call"],
    "log --channel": ["log", "1", "--kind", "call", "--channel", "{}"],
    "log --answered": ["log", "1", "--kind", "call", "--answered", "{}"],
    "amend": ["amend", "{}", "--note", "x"],
    "amend --channel": ["amend", "1", "--channel", "{}"],
    "void": ["void", "{}", "--reason", "typo"],
    "history": ["history", "{}"],
    "promise set": ["promise", "set", "{}", "kept"],
    "promise list --case": ["promise", "list", "--case", "{}"],
    "attachment": ["attachment", "{}", "--output", "{out}"],
    "export": ["export", "{}", "--pdf", "{out}"],
    "checklist list": ["checklist", "list", "{}"],
    "checklist add": ["checklist", "add", "{}", "a question"],
    "checklist done": ["checklist", "done", "{}"],
    "checklist done --interaction": ["checklist", "done", "1", "--interaction", "{}"],
    "channel edit": ["channel", "edit", "{}", "--hours", "9-5"],
    "channel mark": ["channel", "mark", "{}", "verified"],
    "with a #": ["case", "show", "#{}"],
}


@pytest.mark.parametrize("command", list(ID_COMMANDS))
@pytest.mark.parametrize("number", BEYOND[:2])
def test_an_id_beyond_64_bits_is_one_sentence(full, tmp_path, command, number):
    out = tmp_path / "out.bin"
    args = [a.format(number, out=out) for a in ID_COMMANDS[command]]
    assert_refused(full, *args, words="too large")
    assert not out.exists()


@pytest.mark.parametrize("number", BEYOND)
def test_the_commands_of_the_brief(full, number):
    for args in (["case", "show", number], ["promise", "set", number, "kept"],
                 ["amend", number, "--note", "x"]):
        line = assert_refused(full, *args, words=str(number))
        assert "too large" in line


def test_the_largest_64_bit_id_is_simply_not_found(full):
    for args in (["case", "show", 2**63 - 1], ["promise", "set", 2**63 - 1, "kept"],
                 ["case", "show", -(2**70)]):
        code, _, err = main(full, *args)
        assert code == 1, err
        one_sentence(err)


def test_ids_beyond_64_bits_through_the_real_cli(full):
    for args in (["case", "show", "99999999999999999999"],
                 ["promise", "set", "18446744073709551616", "kept"],
                 ["amend", str(2**70), "--note", "x"]):
        result = run_cli(full.parent, *args)
        assert result.returncode == 1, result
        assert "too large" in one_sentence(result.stderr) and result.stdout == ""


def test_a_long_run_of_digits_is_one_short_sentence(full):
    line = assert_refused(full, "case", "show", "9" * 200,
                   words="too large")
    assert len(line) < 200


# -- times at the ends of the calendar -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "0001-01-01", "0001-01-01T00:00", "0001-01-01T00:00+08:00", "0001-01-01T00:00-08:00",
    "0999-12-31T23:59Z", "9999-12-31T23:00-05:00", "9999-12-31", "9999-06-01T00:00+14:00",
    "10000-01-01", "10000-01-01T00:00+00:00", "+10000-01-01T00:00Z", "-0001-01-01",
    "123456-01-01"])
def test_a_time_out_of_range_is_bad_input(text):
    with pytest.raises(BadInput) as caught:
        times.parse_time(text, "start time")
    message = str(caught.value)
    assert "out of range" in message and "1000" in message and "9998" in message, message
    assert message.startswith("The start time") and message.count(". ") == 0


@pytest.mark.parametrize("text", ["1000-01-01T00:00+14:00", "1000-01-01T00:00-14:00",
                                  "9998-12-31T23:59-14:00", "9998-12-31T23:59+14:00",
                                  "1000-01-01", "9998-12-31T23:59", "20261125T143000+0800"])
def test_a_time_at_the_edges_converts_anywhere(text):
    t = times.parse_time(text)
    for moved in (t.astimezone(UTC), t.astimezone()):  # the display's conversions
        assert datetime.fromisoformat(times.format_time(moved)) == t
    stored = times.normalize(text)
    assert times.utc_text(stored) and times.instant(stored) == t.timestamp()


TIME_ARGS = {
    "start year 1 east": ["log", "1", "--kind", "call", "--start", "0001-01-01T00:00+08:00"],
    "start year 1 local": ["log", "1", "--kind", "call", "--start", "0001-01-01T00:00"],
    "start year 10000": ["log", "1", "--kind", "call", "--start", "10000-01-01T00:00"],
    "end year 1": ["log", "1", "--kind", "call", "--start", "2026-01-01T00:00",
                   "--end", "0001-01-01T00:00Z"],
    "due 9999 west": ["log", "1", "--kind", "call", "--promise", "x",
                      "--due", "9999-12-31T23:00-05:00"],
    "due year 1": ["log", "1", "--kind", "call", "--promise", "x", "--due", "0001-01-01"],
    "since year 1": ["search", "refund", "--since", "0001-01-01T00:00+08:00"],
    "amend start": ["amend", "1", "--start", "0001-01-01T00:00+14:00"],
}


@pytest.mark.parametrize("name", list(TIME_ARGS))
def test_a_time_out_of_range_on_the_command_line(full, name):
    assert_refused(full, *TIME_ARGS[name],
            words="out of range")


# -- imports -----------------------------------------------------------------------------------

def _write(tmp_path: Path, content) -> Path:
    path = tmp_path / "dump.json"
    path.write_bytes(content if isinstance(content, bytes)
                     else json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return path


def assert_import_refused(empty, path, words):
    line = assert_refused(empty, "import", path, words=words)
    with Journal.open(empty, passphrase=PASSPHRASE) as j:  # as empty as it was
        assert j.platforms() == [] and j.cases() == []
    return line


RAW_IMPORTS = {
    "100,000 nested [": (b"[" * 100_000, "too deeply"),
    "100,000 nested [ closed": (b"[" * 100_000 + b"]" * 100_000, "too deeply"),
    "100,000 nested objects": (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "too deeply"),
    "a 5,000-digit number": (b'{"format": "support-journal-dump", "version": ' + b"9" * 5000
                             + b"}", "too long a number"),
}


@pytest.mark.parametrize("name", list(RAW_IMPORTS))
def test_hostile_json_on_import(empty, tmp_path, name):
    content, words = RAW_IMPORTS[name]
    assert_import_refused(empty, _write(tmp_path, content), words)


def test_hostile_json_through_the_real_cli(empty, tmp_path):
    path = _write(tmp_path, b"[" * 100_000)
    before = digests(empty)
    result = run_cli(empty.parent, "import", path)
    assert result.returncode == 1, result
    assert "too deeply" in one_sentence(result.stderr)
    assert digests(empty) == before


def test_the_service_refuses_deep_json_text_too(made, empty):
    with Journal.open(empty, passphrase=PASSPHRASE) as j:
        for text in ("[" * 100_000, b"{\"a\":" * 100_000):
            with pytest.raises(BadInput, match="too deeply"):
                j.import_dump(text)
        deep = copy.deepcopy(made["dump"])
        body: list = []
        deep["ledger"][0]["body"]["deep"] = body
        for _ in range(5000):  # parsed already: the check must not recurse into it either
            body.append([])
            body = body[0]
        with pytest.raises(BadInput, match="nested at most"):
            j.import_dump(deep)
        assert j.platforms() == []


def _at(section, index, field, value):
    def spoil(d):
        d[section][index][field] = value
    return spoil


def _nested(depth):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


SPOILED = {
    # times
    "year 1": (_at("interactions", 0, "started_at", "0001-01-01T00:00:00+08:00"), "1000"),
    "year 1 in a promise": (_at("promises", 0, "due_at", "0001-01-01T00:00:00-08:00"), "1000"),
    "year 10000": (_at("cases", 0, "opened_at", "10000-01-01T00:00:00+00:00"), "ISO 8601"),
    "year 9999 west": (_at("promises", 0, "due_at", "9999-12-31T23:00:00-05:00"), "9998"),
    "week date": (_at("interactions", 0, "started_at", "2026-W01-5T10:00:00+08:00"),
                  "ISO 8601"),
    "basic format": (_at("interactions", 0, "started_at", "20260102T100000+0800"), "ISO 8601"),
    "a space for the T": (_at("ledger", 0, "recorded_at", "2026-01-02 10:00:00+08:00"),
                          "ISO 8601"),
    "no offset": (_at("interactions", 0, "ended_at", "2026-01-02T10:20:00"), "UTC offset"),
    "lower-case z": (_at("interactions", 0, "ended_at", "2026-01-02T02:20:00z"), "UTC offset"),
    "not a time": (_at("interactions", 0, "started_at", 20260102), "ISO 8601"),
    "exported in year 1": (lambda d: d.update(exported_at="0001-01-01T00:00:00+00:00"),
                           "exported_at"),
    # ids and numbers beyond 64 bits
    "platform id 2**63": (_at("platforms", 0, "id", 2**63), "whole number"),
    "platform_id 2**64": (_at("cases", 0, "platform_id", 2**64), "whole number"),
    "interaction id 2**70": (_at("interactions", 0, "id", 2**70), "whole number"),
    "channel_id 2**64": (_at("interactions", 0, "channel_id", 2**64), "whole number"),
    "ledger seq 2**63": (_at("ledger", 0, "seq", 2**63), "whole number"),
    "ledger entity_id 2**64": (_at("ledger", 0, "entity_id", 2**64), "whole number"),
    "attachment size 2**63": (_at("attachments", 0, "size", 2**63), "whole number"),
    "a negative id": (_at("references", 0, "id", -(2**70)), "whole number"),
    "wait 2**70 minutes": (_at("interactions", 0, "wait_minutes", 2**70), "minutes"),
    "version 2**70": (lambda d: d.update(version=2**70), "version"),
    # nesting
    "a body 40 deep": (lambda d: d["ledger"][0]["body"].update(deep=_nested(40)),
                       "nested at most"),
    "languages nested": (_at("platforms", 0, "languages", _nested(500)), "language codes"),
}


@pytest.mark.parametrize("name", list(SPOILED))
def test_a_spoiled_dump_is_one_sentence_and_imports_nothing(made, empty, tmp_path, name):
    spoil, words = SPOILED[name]
    document = copy.deepcopy(made["dump"])
    spoil(document)
    assert_import_refused(empty, _write(tmp_path, document), words)


def test_the_unspoiled_dump_imports(made, empty, tmp_path):
    """The control: the refusals above are the spoiling's doing, not the dump's."""
    code, out, err = main(empty, "import", _write(tmp_path, made["dump"]))
    assert code == 0, err
    with Journal.open(empty, passphrase=PASSPHRASE) as j:
        assert [c.title for c in j.cases()] == ["Withdrawal stuck"]


# -- attachment --output -------------------------------------------------------------------------

def test_a_saved_attachment_is_readable_by_its_owner_only(full, tmp_path):
    out = tmp_path / "saved.txt"
    old = os.umask(0)  # whatever the umask, the file is 0600
    try:
        code, stdout, err = main(full, "attachment", "1", "--output", out)
    finally:
        os.umask(old)
    assert code == 0, err
    assert out.read_bytes() == b"the chat"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Saved chat.txt" in stdout

    out.write_bytes(b"mine")
    line = assert_refused(full, "attachment", "1", "--output", out, words="already exists")
    assert str(out) in line and out.read_bytes() == b"mine"


def test_a_saved_attachment_through_the_real_cli(full, tmp_path):
    out = tmp_path / "via-cli.txt"
    result = run_cli(full.parent, "attachment", "1", "--output", out)
    assert result.returncode == 0, result
    assert stat.S_IMODE(out.stat().st_mode) == 0o600 and out.read_bytes() == b"the chat"


def test_a_backup_claiming_a_huge_header_is_refused_in_one_sentence(cli_here, tmp_path):
    from journal.store.backup import MAGIC
    for claim in (b"9" * 30, b"0", b"-5", b"70000"):
        bad = tmp_path / "bad.sjb"
        bad.write_bytes(MAGIC + claim + b"\n" + b"x" * 100)
        result = cli_here("restore", bad, "--journal", tmp_path / "restored", check=1)
        assert "damaged backup" in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "restored").exists()


def test_a_platform_named_by_a_huge_number_is_not_found(empty_cli):
    result = empty_cli("case", "open", "99999999999999999999", "t", check=1)
    assert "There is no platform called '99999999999999999999'" in result.stderr
    assert "Traceback" not in result.stderr
