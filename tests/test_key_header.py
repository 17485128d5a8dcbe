"""The key header (journal.key) is read strictly, and its recovery copy is checked.

Every field of a real header is flipped, removed, made huge or given the wrong type, and
`journal check` must answer with the contract's exit code (4: damaged, 3: well-formed but
not this passphrase's) and one plain line, before any key derivation could hang on it.
One journal is made per module; each case works on a copy of its folder.
"""
from __future__ import annotations

import base64
import copy
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from journal.errors import IntegrityFailure, JournalError, WrongPassphrase
from journal.service import Journal, NewAttachment
from journal.store import folder as jf
from journal.store import keyheader

from .conftest import PASSPHRASE, Cli

BUG = "something went wrong"


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """(folder, recovery key) of a small journal: a platform, a case, an interaction."""
    folder = tmp_path_factory.mktemp("made") / "journal"
    j, recovery = Journal.create(folder, passphrase=PASSPHRASE)
    with j:
        p = j.add_platform("Kraken")
        case = j.open_case(p.id, "Deposit not credited")
        j.log(case.id, kind="chat", notes="agent said 24 hours",
              attachments=[NewAttachment("chat.txt", "text/plain", data=b"hello")])
    return folder, recovery


@pytest.fixture
def copy_of(made, tmp_path):
    """A fresh copy of the module's journal at tmp_path/journal (where private_env looks)."""
    target = tmp_path / "journal"
    shutil.copytree(made[0], target)
    return target


def header_doc(folder: Path) -> dict:
    return json.loads((folder / jf.HEADER).read_text(encoding="utf-8"))


def write_doc(folder: Path, doc) -> None:
    (folder / jf.HEADER).write_text(json.dumps(doc), encoding="utf-8")


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.name != jf.LOCK}


def main(folder: Path, *args, passphrase: str = PASSPHRASE):
    """The CLI in this process (tests/conftest.py Cli): (exit code, stdout, stderr)."""
    result = Cli(folder.parent, passphrase, expect=None)(*args, "--journal", folder)
    return result.returncode, result.stdout, result.stderr


def assert_one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("journal: ") and lines[0].endswith("."), err
    assert "Traceback" not in err and BUG not in err, err
    return lines[0]


def run_cli(base: Path, *args):
    """`python -m journal ARGS` as a subprocess. A runaway key derivation fails the test once
    the process has used 10 s of processor time (however busy the machine, unlike a limit on
    the clock); a hang that uses none, after 120 s."""
    return Cli(base, process=True, expect=None)(*args, cpu_seconds=10)


# -- the mutations -------------------------------------------------------------------------

B64 = {("kdf", "salt"): 16, ("wrapped_key", "nonce"): 12, ("wrapped_key", "ciphertext"): 48,
       ("recovery", "salt"): 16, ("recovery", "wrapped_key", "nonce"): 12,
       ("recovery", "wrapped_key", "ciphertext"): 48, ("recovery", "mac"): 32}
NUMBERS = [("kdf", "memory_kib"), ("kdf", "time_cost"), ("kdf", "parallelism")]
WORDS = [("format",), ("kdf", "name"), ("recovery", "kdf")]
OBJECTS = [("kdf",), ("wrapped_key",), ("recovery",), ("recovery", "wrapped_key")]
RECOVERY = {path for path in B64 if path[0] == "recovery"}


def _get(doc, path):
    for key in path:
        doc = doc[key]
    return doc


def _set(path, value):
    def change(doc):
        _get(doc, path[:-1])[path[-1]] = value(_get(doc, path)) if callable(value) else value
    return change


def _remove(path):
    return lambda doc: _get(doc, path[:-1]).pop(path[-1])


def _flip_bit(text: str) -> str:
    raw = bytearray(base64.b64decode(text))
    raw[len(raw) // 2] ^= 0x10
    return base64.b64encode(bytes(raw)).decode()


def _cases():
    """(name, change of the parsed header, exit code of `journal check`)."""
    wrong_types = {"null": None, "true": True, "list": [], "object": {}, "float": 1.5}
    for path in [*B64, *NUMBERS, *WORDS, *OBJECTS]:
        name = ".".join(path)
        # Only the MAC may be missing: a header from before it is still good (and gains one).
        yield f"{name} removed", _remove(path), 0 if path == ("recovery", "mac") else 4
        for label, value in wrong_types.items():
            if path in NUMBERS and label == "float":
                value = float(FLOORS[path[-1]])  # 65536.0 is not 65536 to the key derivation
            yield f"{name} is {label}", _set(path, value), 4
        if path not in NUMBERS:
            yield f"{name} is a number", _set(path, 7), 4
        if path not in [*WORDS, *B64]:
            yield f"{name} is text", _set(path, "3"), 4
    for path, size in B64.items():
        name = ".".join(path)
        # Well-formed but different: the AEAD (or, for the recovery copy, the MAC) says so.
        yield f"{name} flipped", _set(path, _flip_bit), 4 if path in RECOVERY else 3
        yield f"{name} not base64", _set(path, "!" * 24), 4
        yield f"{name} not ASCII", _set(path, "é" * 24), 4
        yield f"{name} too short", _set(path, base64.b64encode(bytes(size - 1)).decode()), 4
        yield f"{name} too long", _set(path, base64.b64encode(bytes(size + 1)).decode()), 4
        yield f"{name} huge", _set(path, "A" * 40_000), 4
    for path in NUMBERS:
        name = ".".join(path)
        yield f"{name} one more", _set(path, lambda v: v + 1), 3  # bound to the wrapped key
        yield f"{name} below the floor", _set(path, lambda v: v - 1), 4
        yield f"{name} zero", _set(path, 0), 4
        yield f"{name} negative", _set(path, -2**63), 4
        for huge in (2**23 if path[-1] == "memory_kib" else 10**6, 2**64, 10**4000):
            yield f"{name} is {str(huge)[:8]}", _set(path, huge), 4
    yield "time_cost just above the ceiling", _set(("kdf", "time_cost"), 101), 4
    yield "parallelism just above the ceiling", _set(("kdf", "parallelism"), 65), 4
    yield "memory above 4 GiB", _set(("kdf", "memory_kib"), 4 * 1024 * 1024 + 1), 4
    for path in WORDS:
        name = ".".join(path)
        yield f"{name} changed", _set(path, lambda v: v.upper()), 4
        yield f"{name} huge", _set(path, "x" * 40_000), 4
    for path in [(), *OBJECTS]:
        name = ".".join(path) or "header"
        yield f"{name} has an extra field", _set((*path, "extra"), "x"), 4
        yield f"{name} has a huge extra field", _set((*path, "pad"), ["x"] * 5000), 4
    yield "kdf.name scrypt", _set(("kdf", "name"), "scrypt"), 4
    yield "recovery.kdf pbkdf2", _set(("recovery", "kdf"), "pbkdf2-sha256"), 4


FLOORS = keyheader.FLOOR
CASES = {name: (change, code) for name, change, code in _cases()}


@pytest.mark.parametrize("name", list(CASES))
def test_each_field_damaged_is_one_sentence_with_its_exit_code(copy_of, name):
    change, expected = CASES[name]
    doc = header_doc(copy_of)
    change(doc)
    write_doc(copy_of, doc)
    before = digests(copy_of)
    code, out, err = main(copy_of, "check")
    assert code == expected, (code, out, err)
    if expected == 0:
        assert "intact" in out and err == ""
        return
    line = assert_one_line(err)
    assert out == ""
    assert digests(copy_of) == before  # refused before anything was written
    if any(name.startswith(".".join(p)) for p in RECOVERY):
        assert "recovery" in line, line


RAW = {
    "empty file": b"",
    "not UTF-8": b'{"format": "support-journal-key/1\xff"}',
    "a BOM first": b"\xef\xbb\xbf{}",
    "NUL bytes": b"\x00garbage",
    "not JSON": b"{format: 1}",
    "a list": b"[]",
    "a string": b'"support-journal-key/1"',
    "a number": b"42",
    "null": b"null",
    "NaN": b"NaN",
    "nested 30,000 deep": b"[" * 30_000,
    "nested objects": b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
    "a 5,000-digit number": b'{"format": ' + b"9" * 5000 + b"}",
    "bigger than 64 KiB": b'{"format": "support-journal-key/1", "pad": "' + b"x" * 70_000
                          + b'"}',
}


@pytest.mark.parametrize("name", list(RAW))
def test_a_header_that_is_not_a_header_object_is_refused(copy_of, name):
    (copy_of / jf.HEADER).write_bytes(RAW[name])
    code, out, err = main(copy_of, "check")
    assert code == 4, (code, out, err)
    assert "key header" in assert_one_line(err)


def test_a_field_given_twice_is_refused(copy_of):
    text = (copy_of / jf.HEADER).read_text(encoding="utf-8")
    # The second time_cost would win in a lax reader: a field given twice is damage.
    (copy_of / jf.HEADER).write_text(text.replace('"time_cost": 3', '"time_cost": 3, '
                                                  '"time_cost": 1000000'), encoding="utf-8")
    code, _, err = main(copy_of, "check")
    assert code == 4 and "twice" in assert_one_line(err)


def _no_derivation(*args):
    raise AssertionError("key derivation ran on a header that should be refused")


def test_no_key_derivation_runs_on_a_refused_header(made, monkeypatch):
    """Whatever from_bytes refuses, it refuses before derive() could be called."""
    monkeypatch.setattr(keyheader, "derive", _no_derivation)
    original = header_doc(made[0])
    refused = 0
    for name, (change, code) in CASES.items():
        if code != 4 or any(name.startswith(".".join(p)) for p in RECOVERY):
            continue  # 3: derivation is how a wrong wrap shows; recovery: the passphrase opens
        doc = copy.deepcopy(original)
        change(doc)
        with pytest.raises(IntegrityFailure) as caught:
            keyheader.KeyHeader.from_bytes(json.dumps(doc).encode())
        assert "\n" not in str(caught.value) and str(caught.value).endswith("."), name
        refused += 1
    for raw in RAW.values():
        with pytest.raises(IntegrityFailure):
            keyheader.KeyHeader.from_bytes(raw)
    assert refused > 50


@pytest.mark.parametrize("field,value", [("time_cost", 10**6), ("memory_kib", 2**40),
                                         ("parallelism", 10**4), ("time_cost", True)])
def test_a_costly_header_is_refused_at_once_by_the_real_cli(copy_of, field, value):
    """time_cost 10^6 used to make unlock run for hours; now it is refused in no time."""
    doc = header_doc(copy_of)
    doc["kdf"][field] = value
    write_doc(copy_of, doc)
    for command in (["check"], ["case", "list"]):
        result = run_cli(copy_of.parent, *command)
        assert result.returncode == 4, result
        assert_one_line(result.stderr)
        assert result.stdout == ""


@pytest.mark.parametrize("name", ["nested 30,000 deep", "bigger than 64 KiB", "not UTF-8"])
def test_a_hostile_header_file_through_the_real_cli(copy_of, name):
    (copy_of / jf.HEADER).write_bytes(RAW[name])
    result = run_cli(copy_of.parent, "case", "list")
    assert result.returncode == 4, result
    assert "key header" in assert_one_line(result.stderr)


def test_the_wrong_passphrase_is_3_and_an_intact_journal_checks_out(copy_of):
    code, out, err = main(copy_of, "check", passphrase="not the passphrase at all")
    assert code == 3 and "passphrase is wrong" in assert_one_line(err)
    code, out, err = main(copy_of, "check")
    assert code == 0 and "intact" in out and err == "", (out, err)


def test_calibration_never_goes_past_the_ceiling(monkeypatch):
    """On a machine where Argon2id seems free, calibration still makes a header it can read."""
    ticks = iter(range(10**9))
    monkeypatch.setattr(keyheader, "derive", lambda *args: bytes(32))
    monkeypatch.setattr(keyheader.time, "perf_counter", lambda: next(ticks) * 1e-9)
    params = keyheader.calibrate(5.0)
    assert params["time_cost"] == keyheader.CEILING["time_cost"]
    assert params["memory_kib"] <= keyheader.MAX_MEMORY_KIB
    header = keyheader.KeyHeader.create(PASSPHRASE, bytes(32), keyheader.new_recovery_key(),
                                        params)  # derive() is still the stand-in: no 10 s wait
    assert keyheader.KeyHeader.from_bytes(header.to_bytes()).params == params


# -- the recovery copy, checked by `journal check` -----------------------------------------

def test_a_new_journal_has_a_recovery_mac_and_checks_out(made):
    doc = header_doc(made[0])
    assert len(base64.b64decode(doc["recovery"]["mac"])) == 32
    header = keyheader.KeyHeader.from_bytes((made[0] / jf.HEADER).read_bytes())
    key = header.unlock(PASSPHRASE)
    assert keyheader.recovery_problem(header, key) is None
    assert header.unlock_with_recovery_key(made[1]) == key


@pytest.mark.parametrize("damage", ["ciphertext bit", "salt bit", "salt character",
                                    "ciphertext character", "mac bit"])
def test_a_damaged_recovery_copy_fails_check_and_a_new_recovery_key_mends_it(
        copy_of, made, damage):
    doc = header_doc(copy_of)
    rec = doc["recovery"]
    if damage == "ciphertext bit":
        rec["wrapped_key"]["ciphertext"] = _flip_bit(rec["wrapped_key"]["ciphertext"])
    elif damage == "salt bit":
        rec["salt"] = _flip_bit(rec["salt"])
    elif damage == "salt character":  # a byte of the file itself: no longer base64
        rec["salt"] = "#" + rec["salt"][1:]
    elif damage == "ciphertext character":
        text = rec["wrapped_key"]["ciphertext"]
        rec["wrapped_key"]["ciphertext"] = text[:5] + ("B" if text[5] != "B" else "C") + text[6:]
    else:
        rec["mac"] = _flip_bit(rec["mac"])
    write_doc(copy_of, doc)

    code, out, err = main(copy_of, "check")
    assert code == 4 and out == "", (code, out, err)
    line = assert_one_line(err)
    assert "recovery copy of the key" in line and "journal recovery-key" in line, line
    with Journal.open(copy_of, passphrase=PASSPHRASE) as j:  # the passphrase still opens it
        report = j.check()
        assert not report.ok and any("recovery" in p for p in report.problems)
        assert len(j.cases()) == 1
    if damage != "mac bit":
        with pytest.raises((WrongPassphrase, IntegrityFailure)):
            Journal.open(copy_of, recovery_key=made[1])

    code, out, err = main(copy_of, "recovery-key")
    assert code == 0, (code, out, err)
    new_key = next(w for w in out.split() if w.count("-") == 13)
    keyheader.normalize_recovery_key(new_key)
    assert new_key != made[1]
    code, out, err = main(copy_of, "check")
    assert code == 0 and err == "", err
    with Journal.open(copy_of, recovery_key=new_key) as j:
        assert j.check().ok
    with pytest.raises(WrongPassphrase):
        Journal.open(copy_of, recovery_key=made[1])


def test_a_wrong_mac_is_mended_when_the_recovery_key_proves_its_copy(copy_of, made):
    doc = header_doc(copy_of)
    doc["recovery"]["mac"] = _flip_bit(doc["recovery"]["mac"])
    write_doc(copy_of, doc)
    with Journal.open(copy_of, passphrase=PASSPHRASE) as j:
        assert not j.check().ok  # the passphrase proves nothing about the recovery copy
    with Journal.open(copy_of, recovery_key=made[1]) as j:
        assert j.check().ok  # the recovery key unwrapped it: intact, so the MAC is rewritten
    assert header_doc(copy_of)["recovery"]["mac"] != doc["recovery"]["mac"]


@pytest.mark.parametrize("unlock_with", ["passphrase", "recovery key"])
def test_an_old_header_gains_a_mac_on_unlock_and_still_opens_with_the_recovery_key(
        copy_of, made, unlock_with):
    doc = header_doc(copy_of)
    del doc["recovery"]["mac"]  # as every journal made before the MAC
    write_doc(copy_of, doc)
    secret = {"passphrase": PASSPHRASE} if unlock_with == "passphrase" \
        else {"recovery_key": made[1]}
    with Journal.open(copy_of, **secret) as j:
        assert j.check().ok
    after = header_doc(copy_of)
    assert len(base64.b64decode(after["recovery"]["mac"])) == 32
    assert {k: v for k, v in after["recovery"].items() if k != "mac"} == doc["recovery"]
    assert after["kdf"] == doc["kdf"] and after["wrapped_key"] == doc["wrapped_key"]
    assert sorted(p.name for p in copy_of.iterdir()) == [jf.DATABASE, jf.HEADER, jf.LOCK]
    with Journal.open(copy_of, recovery_key=made[1]) as j:
        assert j.check().ok
    # Now the MAC is there, damage to the recovery copy shows.
    after["recovery"]["salt"] = _flip_bit(after["recovery"]["salt"])
    write_doc(copy_of, after)
    with Journal.open(copy_of, passphrase=PASSPHRASE) as j:
        assert not j.check().ok


def test_a_new_passphrase_keeps_the_recovery_copy_and_its_mac(copy_of, made):
    before = header_doc(copy_of)["recovery"]
    with Journal.open(copy_of, passphrase=PASSPHRASE) as j:
        j.change_passphrase("another long passphrase")
        assert j.check().ok
    assert header_doc(copy_of)["recovery"] == before
    with Journal.open(copy_of, recovery_key=made[1]) as j:
        assert j.check().ok


def test_recovery_key_command_needs_the_passphrase_and_prints_the_key_once(copy_of, made):
    before = digests(copy_of)
    code, out, err = main(copy_of, "recovery-key", passphrase="not the passphrase at all")
    assert code == 3 and out == "" and "passphrase is wrong" in assert_one_line(err)
    assert digests(copy_of) == before
    code, out, err = main(copy_of, "recovery-key", "--json")
    assert code == 0, err
    new_key = json.loads(out)["recovery_key"]
    assert new_key not in (copy_of / jf.HEADER).read_text(encoding="utf-8")
    assert digests(copy_of)[jf.DATABASE] == before[jf.DATABASE]  # only the header changes
    with Journal.open(copy_of, recovery_key=new_key) as j:
        assert j.check().ok
    with pytest.raises(WrongPassphrase):
        Journal.open(copy_of, recovery_key=made[1])


def test_recovery_key_command_through_the_real_cli(copy_of):
    result = run_cli(copy_of.parent, "recovery-key")
    assert result.returncode == 0, result
    assert "shown this once" in result.stdout and result.stderr == ""
    result = run_cli(copy_of.parent, "check")
    assert result.returncode == 0, result


def test_recovery_problem_names_a_changed_header_as_a_problem_not_a_crash(copy_of):
    with Journal.open(copy_of, passphrase=PASSPHRASE) as j:
        (copy_of / jf.HEADER).write_bytes(b"[" * 30_000)  # changed while the journal is open
        report = j.check()
    assert not report.ok and any("key header" in p for p in report.problems)
    for problem in report.problems:
        assert isinstance(problem, str) and "\n" not in problem


def test_every_refusal_is_a_journal_error_with_the_integrity_exit_code():
    for raw in RAW.values():
        try:
            keyheader.KeyHeader.from_bytes(raw)
        except JournalError as exc:
            assert exc.exit_code == 4 and str(exc).count(". ") == 0, str(exc)
