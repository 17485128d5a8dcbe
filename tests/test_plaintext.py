"""Nothing a user types, nor the content of a file they attach, is written anywhere in plaintext.

The journal is used through the CLI in subprocesses whose HOME, XDG folders and
TMPDIR are private to the test; then every file there, the journal folder and
a backup are searched for distinctive words in the forms they could take on
disk. (`journal dump` writes plaintext on purpose, so it is not used here.)
"""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from journal.store import folder as jf

from .conftest import PASSPHRASE

ENGLISH = {
    "platform": "Quokkabit",
    "case": "wombatfreeze withdrawal",
    "account": "UIDnumbat77123",
    "note": "Agent said zanzibarquokka about the refund",
    "agent": "Bartholomew Okapiwright",
    "ref": "TKT-XQ9AXOLOTL",
    "promise": "Return funds by friday, said pangolinvelvet",
    "attachment_name": "evidence-ocelotsnapshot.txt",
    "attachment": "attachmentnarwhalsecret in the chat export",
    "amended": "Amended: capybarasunrise happened",
    "reason": "Corrected the dugongmarker detail",
}
CHINESE = {
    "note": "客服说账户因蝾螈冻结款暂时无法提现",
    "case": "鸭嘴兽提币",
    "agent": "客服鲸鲨",
    "attachment": "聊天记录：鹦鹉螺退款编号",
    "amended": "修改：穿山甲退款已到账",
}
# The words searched for on disk (each also as its FTS form: Chinese as overlapping pairs).
ENGLISH_MARKERS = ["Quokkabit", "wombatfreeze", "UIDnumbat77123", "zanzibarquokka",
                   "Okapiwright", "XQ9AXOLOTL", "pangolinvelvet", "ocelotsnapshot",
                   "attachmentnarwhalsecret", "capybarasunrise", "dugongmarker"]
CHINESE_MARKERS = ["蝾螈冻结款", "鸭嘴兽", "鲸鲨", "鹦鹉螺", "穿山甲"]


def _forms(words_en, words_zh) -> dict[bytes, str]:
    forms: dict[bytes, str] = {}
    for word in words_en:
        for variant in {word, word.lower(), word.upper()}:
            forms[variant.encode("utf-8")] = word
            forms[variant.encode("utf-16-le")] = word
            forms[variant.encode("utf-16-be")] = word
    for word in words_zh:
        pieces = [word] + [word[i:i + 2] for i in range(len(word) - 1)]
        for piece in pieces:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
                forms[piece.encode(encoding)] = f"{word} ({piece}, {encoding})"
        forms[" ".join(pieces[1:]).encode("utf-8")] = f"{word} (FTS form)"
    return forms


def _files(*roots: Path) -> list[Path]:
    found = []
    for root in roots:
        if root.is_file():
            found.append(root)
        elif root.exists():
            found += [p for p in root.rglob("*") if p.is_file()]
    return found


def _leaks(files, forms) -> list[str]:
    leaks = []
    for path in files:
        data = path.read_bytes()
        lower = data.lower()  # ASCII case-folding only; FTS stores English terms lower-cased
        for form, word in forms.items():
            if form in data or (form.isascii() and form.lower() in lower):
                leaks.append(f"{path}: {word}")
    return leaks


def test_the_scan_would_see_a_leak(tmp_path):
    forms = _forms(ENGLISH_MARKERS, CHINESE_MARKERS)
    (tmp_path / "a").write_bytes(b"xx ZANZIBARQUOKKA yy")
    (tmp_path / "b").write_bytes("…冻结…".encode("utf-16-le"))
    (tmp_path / "c").write_bytes("前 蝾螈 螈冻 冻结 结款 款 后".encode())
    (tmp_path / "d").write_bytes(b"nothing here")
    leaks = _leaks(_files(tmp_path), forms)
    assert {Path(leak.split(":")[0]).name for leak in leaks} == {"a", "b", "c"}


def test_no_plaintext_leaves_the_journal(tmp_path, journal_dir, cli_env, run_cli):
    home, private_tmp = Path(cli_env["HOME"]), Path(cli_env["TMPDIR"])
    home.mkdir(parents=True, exist_ok=True)
    inputs = tmp_path / "inputs"          # where the user's own files are; not scanned
    inputs.mkdir()
    attachment = inputs / ENGLISH["attachment_name"]
    attachment.write_bytes((ENGLISH["attachment"] + "\n" + CHINESE["attachment"] + "\n")
                           .encode("utf-8") * 50)
    backup = tmp_path / "backups" / "journal.backup"
    backup.parent.mkdir()

    init = run_cli("init", "--json", check=0)
    recovery = json.loads(init.stdout)["recovery_key"]
    run_cli("platform", "add", ENGLISH["platform"], "--kind", "exchange", check=0)
    case_id = run_cli("case", "open", ENGLISH["platform"],
                      f"{ENGLISH['case']} {CHINESE['case']}",
                      "--category", "withdrawal", "--account", ENGLISH["account"],
                      check=0).stdout.strip()
    first = run_cli("log", case_id, "--kind", "call", "--agent", ENGLISH["agent"],
                    "--ref", f"ticket:{ENGLISH['ref']}", "--note",
                    f"{ENGLISH['note']}\n{CHINESE['note']}",
                    "--promise", ENGLISH["promise"], "--due", "2030-01-01T10:00:00Z",
                    "--attach", attachment, check=0).stdout.strip()
    run_cli("log", case_id, "--kind", "chat", "--agent", CHINESE["agent"],
            "--note", CHINESE["note"] + " 再次", check=0)
    assert json.loads(run_cli("search", "zanzibarquokka", "--json", check=0).stdout)
    run_cli("amend", first, "--note", f"{ENGLISH['amended']} {CHINESE['amended']}",
            "--reason", ENGLISH["reason"], check=0)

    for query in ("capybarasunrise", "冻结", "蝾螈冻结款", "Okapiwright", "XQ9AXOLOTL", "穿山甲"):
        result = run_cli("search", query, "--json", check=0)
        assert json.loads(result.stdout), f"search for {query!r} found nothing"
    run_cli("case", "show", case_id, check=0)
    run_cli("history", first, check=0)
    run_cli("backup", backup, check=0)
    run_cli("check", check=0)

    # The folder holds the journal's three files and nothing else (all processes have ended).
    assert sorted(p.name for p in journal_dir.iterdir()) == [jf.DATABASE, jf.HEADER, jf.LOCK]
    assert (journal_dir / jf.LOCK).stat().st_size == 0

    secrets = {PASSPHRASE.encode(): "passphrase", PASSPHRASE.encode("utf-16-le"): "passphrase",
               recovery.encode(): "recovery key",
               recovery.replace("-", "").encode(): "recovery key"}
    forms = {**_forms(ENGLISH_MARKERS, CHINESE_MARKERS), **secrets}
    files = _files(journal_dir, private_tmp, home, backup)
    assert journal_dir / jf.DATABASE in files and backup in files
    assert _leaks(files, forms) == []

    # Even the pytest scratch folder holds no marker outside the user's own input files.
    others = [p for p in _files(tmp_path) if inputs not in p.parents]
    assert _leaks(others, forms) == []

    # The key header: exactly the documented fields, and no key but the two wrapped copies.
    doc = json.loads((journal_dir / jf.HEADER).read_text(encoding="utf-8"))
    assert set(doc) == {"format", "kdf", "wrapped_key", "recovery"}
    assert set(doc["kdf"]) == {"name", "memory_kib", "time_cost", "parallelism", "salt"}
    assert set(doc["recovery"]) == {"kdf", "salt", "wrapped_key", "mac"}  # mac: under the data key
    for wrapped in (doc["wrapped_key"], doc["recovery"]["wrapped_key"]):
        assert set(wrapped) == {"nonce", "ciphertext"}
        assert len(base64.b64decode(wrapped["nonce"])) == 12
        assert len(base64.b64decode(wrapped["ciphertext"])) == 32 + 16  # the key and its tag
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert len(base64.b64decode(doc["recovery"]["salt"])) == 16
    header_text = (journal_dir / jf.HEADER).read_text(encoding="utf-8")
    assert not re.search(r"[0-9a-fA-F]{64}", header_text), "a hex key in the header"

    # The data key itself is in no file either.
    from journal.service import Journal
    with Journal.open(journal_dir, passphrase=PASSPHRASE) as j:
        key = j._key
        names_open = {p.name for p in journal_dir.iterdir()}
        assert names_open <= {jf.DATABASE, jf.HEADER, jf.LOCK, jf.DATABASE + "-wal",
                              jf.DATABASE + "-shm"}
        key_forms = {key: "data key", key.hex().encode(): "data key (hex)",
                     key.hex().upper().encode(): "data key (HEX)",
                     base64.b64encode(key): "data key (base64)"}
        assert _leaks(_files(journal_dir), key_forms) == []
    assert _leaks(_files(journal_dir, private_tmp, home, backup), key_forms) == []
