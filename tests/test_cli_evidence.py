"""`journal import-evidence`: its text and JSON, --dry-run, and its errors and exit codes."""
from __future__ import annotations

import json

import pytest

from .test_evidence_import import EVIDENCE, TRANSCRIPT_ZH, WHATSAPP, in_the_past


@pytest.fixture
def cli(empty_cli):
    empty_cli("platform", "add", "Binance", check=0)
    assert empty_cli("case", "open", "Binance", "Withdrawal", check=0).stdout == "1\n"
    return empty_cli


def _timeline(cli) -> list:
    return cli.json("case", "show", "1")["interactions"]


def test_dry_run_prints_each_file_and_writes_nothing(cli, tmp_path):
    cli.process = True      # as the program runs
    eml = in_the_past(EVIDENCE / "email" / "with_attachment.eml", tmp_path)
    out = cli("import-evidence", "1", eml, WHATSAPP, "--timezone", "Europe/London",
              "--dry-run", check=0).stdout.splitlines()
    assert out[0] == ("with_attachment.eml: e-mail, 1 message, 2026-09-04 14:05 +00:00, "
                      "1 entry to make, 2 attachments")
    # The case's platform has no domain in the directory: the e-mail's are not compared,
    # and its signature, without --check-dkim, is not checked (said once for the file).
    assert out[1:4] == [
        "  [#12345] Your account statement:",
        "    The directory lists no website or e-mail of Binance, so the domains were not "
        "compared with the platform's.",
        "    DKIM: the message is not signed."]
    assert out[4].startswith(f"{WHATSAPP.name}: WhatsApp, 8 messages, 2023-11-24 14:02 +00:00 – ")
    assert out[5:] == [
        "  +44 7700 900123:",
        '    Looks like a scam: the other side wanted a fee, tax or "compliance" deposit '
        'before a withdrawal. Send nothing.',
        "    +44 7700 900123 contacted you first, as the export shows. Real support answers "
        "you; it does not contact you first.",
        "    The directory lists no website or e-mail of Binance, so the domains were not "
        "compared with the platform's.",
        "Would import 2 entries into case 1."]
    assert _timeline(cli) == []


def test_json_gives_the_result_and_a_second_import_skips(cli):
    args = ("import-evidence", "1", TRANSCRIPT_ZH, "--timezone", "Asia/Shanghai")
    planned = cli.json(*args, "--dry-run", check=0)
    assert planned["dry_run"] and planned["made"] == 1 and _timeline(cli) == []
    result = cli.json(*args, check=0)
    assert (result["made"], result["dry_run"], result["case_id"]) == (1, False, 1)
    (file,) = result["files"]
    assert file["format"] == "transcript" and len(file["sha256"]) == 64
    assert file["entries"][0]["kind"] == "chat" and file["entries"][0]["messages"] == 5
    again = cli(*args, check=0).stdout.splitlines()
    assert again[0].endswith("already in the case: skipped")
    assert again[-1] == "Imported 0 entries into case 1."
    assert len(_timeline(cli)) == 1


def test_a_missing_time_zone_exits_1_naming_the_option(cli):
    cli.process = True      # the real program's exit code and stderr
    result = cli("import-evidence", "1", WHATSAPP, check=1)
    assert result.stdout == ""
    assert result.stderr.startswith("journal: The times in WhatsApp Chat with")
    assert "`--timezone`" in result.stderr and result.stderr.count("\n") == 1


def test_a_file_of_no_known_format_exits_1(cli, tmp_path):
    odd = tmp_path / "notes.json"
    odd.write_text(json.dumps({"hello": "world"}))
    result = cli("import-evidence", "1", odd, check=1)
    assert "notes.json is none of the files the journal imports" in result.stderr
    assert _timeline(cli) == []
