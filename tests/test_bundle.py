"""The evidence bundle: what is in it, that `sha256sum -c` and `journal verify` accept it, and
that every kind of tampering is named."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile

import pytest

from journal.errors import BadInput
from journal.export.bundle import exhibit_path, write_bundle
from journal.export.verify import verify_bundle

from .test_case_file import (
    CHINESE_SEED,
    ENGLISH_SEED,
    MARKER,
    populate,
    stub_redaction,
)


@pytest.fixture
def made(journal, monkeypatch):
    stub_redaction(monkeypatch)
    return populate(journal)


@pytest.fixture
def bundle(journal, made, tmp_path):
    target = tmp_path / "out" / "case.zip"
    target.parent.mkdir()
    result = write_bundle(journal, made["case"].id, target, exporter_name="Wang Fang")
    return target, result


def rewrite(source, target, *, change=None, drop=(), add=None):
    """Copy a bundle, changing one file's bytes, leaving files out or adding one."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info.filename)
            if change and info.filename == change[0]:
                data = change[1](data)
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return target


def names(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def read(path, name) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def remanifest(path) -> None:
    """Rewrite a bundle's manifest to match its files, as a careful forger would."""
    with zipfile.ZipFile(path) as z:
        files = {n: z.read(n) for n in z.namelist() if n != "MANIFEST.sha256"}
    lines = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in files.items()
                    if n != "MANIFEST.sha256.sig")
    with zipfile.ZipFile(path, "w") as z:
        for n, d in files.items():
            z.writestr(n, d)
        z.writestr("MANIFEST.sha256", lines)


def test_the_bundle_holds_every_part(bundle, made):
    target, result = bundle
    assert sorted(names(target)) == sorted([
        "README.txt", "case-file.pdf", "case.json", "chain.json", "MANIFEST.sha256",
        "MANIFEST.sha256.sig", "allowed_signers",
        "exhibits/A-1-screenshot.png", "exhibits/A-2-照片.jpg", "exhibits/A-3-chat.txt"])
    assert read(target, "case-file.pdf").startswith(b"%PDF")
    assert result["files"] == 10 and result["exhibits"] == 3
    assert result["redactions"] == {"marker": 3}       # two notes and the chat.txt exhibit
    assert sorted(p.name for p in target.parent.iterdir()) == ["case.zip"]  # no temp left


def test_images_are_the_original_bytes(journal, bundle, made):
    target, _ = bundle
    a1 = made["first"].attachments[0]
    assert read(target, "exhibits/A-1-screenshot.png") == journal.attachment_bytes(a1.id)


def test_text_exhibits_are_redacted_and_case_json_says_so(journal, bundle, made):
    target, _ = bundle
    text = read(target, "exhibits/A-3-chat.txt").decode()
    assert MARKER not in text and "[redacted: marker]" in text
    doc = json.loads(read(target, "case.json"))
    a3 = doc["exhibits"][2]
    assert a3["number"] == "A-3" and a3["file"] == "exhibits/A-3-chat.txt"
    assert a3["redactions"] == {"marker": 1}
    assert a3["file_sha256"] == hashlib.sha256(text.encode()).hexdigest() != a3["sha256"]
    assert doc["exhibits"][0]["redactions"] == {}
    assert doc["exhibits"][0]["file_sha256"] == doc["exhibits"][0]["sha256"]


def test_case_json_is_versioned_and_faithful(bundle, made, journal):
    target, _ = bundle
    doc = json.loads(read(target, "case.json"))
    assert (doc["format"], doc["version"]) == ("support-journal-case-file", 4)
    assert doc["signing_key"] == journal.signing_key().fingerprint
    assert doc["chain_head"] == journal.chain_head(made["case"].id)
    assert doc["exporter_name"] == "Wang Fang" and doc["language"] == "en"
    assert [e["number"] for e in doc["entries"]] == [f"E-{n}" for n in range(1, 7)]
    assert doc["entries"][0]["references"] == [{"kind": "ticket", "value": "T-100"}]
    assert doc["summary"]["references"][0] == {"kind": "ticket", "value": "T-100",
                                               "first_entry": "E-1"}
    assert doc["summary"]["failed_attempts"] == 2 and doc["summary"]["wait_minutes"] == 40
    assert doc["entries"][4]["revisions"][0]["reason"] == "typo fixed"
    assert MARKER not in read(target, "case.json").decode()


def test_sha256sum_accepts_the_manifest(bundle, tmp_path):
    target, _ = bundle
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(target) as z:
        z.extractall(folder)
    run = subprocess.run(["sha256sum", "-c", "MANIFEST.sha256"], cwd=folder,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count(": OK") == 8   # every file but the manifest and its signature
    (folder / "case.json").write_bytes(b"{}")
    run = subprocess.run(["sha256sum", "-c", "MANIFEST.sha256"], cwd=folder,
                         capture_output=True, text=True, check=False)
    assert run.returncode != 0 and "case.json: FAILED" in run.stdout


def test_chain_json_recomputes_as_the_readme_says(bundle, made, tmp_path):
    target, _ = bundle
    chain = json.loads(read(target, "chain.json"))
    readme = read(target, "README.txt").decode()
    recipe = readme[readme.index("import hashlib"):].split("\n\n")[0]
    (tmp_path / "chain.json").write_bytes(read(target, "chain.json"))
    (tmp_path / "check.py").write_text(recipe)
    run = subprocess.run([sys.executable, "check.py"], cwd=tmp_path, capture_output=True,
                         text=True, check=True)
    # Chain format 2: every entry recomputes, those whose notes held a secret too.
    assert run.stdout.splitlines() == [f"{e['seq']} True" for e in chain["entries"]]
    prev = "0" * 64
    hidden = 0
    for e in chain["entries"]:
        assert e["v"] == 2 and set(e["body"]) == set(e["salts"])
        if "redacted" in e:
            hidden += 1
            assert set(e["redacted"]) == set(e["digests"]) and not set(e["body"]) & set(
                e["digests"])
        assert e["case_prev"] == prev
        prev = e["hash"]
    assert prev == chain["head"] == json.loads(read(target, "case.json"))["chain_head"]
    assert hidden == 2                        # E-1's create and E-5's create held the marker
    assert MARKER not in read(target, "chain.json").decode()


def _state(journal):
    return {k: v for k, v in journal.dump().items() if k != "exported_at"}


def test_the_export_changes_nothing_in_the_journal(journal, made, tmp_path):
    before = _state(journal)
    write_bundle(journal, made["case"].id, tmp_path / "a.zip", language="zh_CN")
    assert _state(journal) == before and before["ledger"]
    assert MARKER in journal.interaction(made["first"].id).notes
    assert "哈希链" in read(tmp_path / "a.zip", "README.txt").decode()


def _disk_full(*_a, **_k):
    raise OSError(28, "No space left on device")


def test_a_failed_export_leaves_no_file(journal, made, tmp_path, monkeypatch):
    target = tmp_path / "keep.zip"
    target.write_bytes(b"an earlier export")
    monkeypatch.setattr(zipfile.ZipFile, "writestr", _disk_full)
    with pytest.raises(Exception, match="No space left"):
        write_bundle(journal, made["case"].id, target)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "journal") == ["keep.zip"]
    assert target.read_bytes() == b"an earlier export"


def test_exhibit_names_are_made_safe_for_a_zip_path():
    assert exhibit_path("A-1", "../../etc/passwd") == "exhibits/A-1-passwd"
    assert exhibit_path("A-2", "C:\\Users\\me\\shot 1.png") == "exhibits/A-2-shot 1.png"
    assert exhibit_path("A-3", "a\nb\tc.txt") == "exhibits/A-3-a_b_c.txt"
    assert exhibit_path("A-4", "..") == "exhibits/A-4-file"
    long = exhibit_path("A-5", "x" * 300 + ".jpeg")
    assert long.endswith(".jpeg") and len(long) < 120


def test_real_secrets_leave_in_no_bundle_file(journal, tmp_path):
    made = populate(journal, secret=ENGLISH_SEED)
    journal.log(made["case"].id, kind="chat", start="2025-03-08T10:00+08:00",
                notes=f"他让我输入助记词：{CHINESE_SEED}")
    target = tmp_path / "real.zip"
    result = write_bundle(journal, made["case"].id, target)
    assert result["redactions"].get("seed phrase", 0) >= 4
    with zipfile.ZipFile(target) as z:
        for name in z.namelist():
            text = z.read(name).decode("utf-8", errors="replace")
            assert "obscure boil truck" not in text and "迈 法 出" not in text, name
    assert verify_bundle(target) == []


def test_the_cli_exports_and_verifies(empty_cli, tmp_path):
    empty_cli("platform", "add", "Binance", check=0)
    case = empty_cli("case", "open", "Binance", "Stuck", check=0).stdout.strip()
    empty_cli("log", case, "--kind", "call", "--outcome", "busy", check=0)
    target = tmp_path / "cli.zip"
    empty_cli("export", case, "--bundle", target, "--name", "W", check=0)
    assert empty_cli("verify", target, check=0).stdout
    bad = rewrite(target, tmp_path / "bad.zip", drop=("chain.json",), add={"x.txt": b"x"})
    result = empty_cli("verify", bad, check=4)
    assert "chain.json is missing." in result.stderr and "x.txt is extra" in result.stderr
    (tmp_path / "no.zip").write_text("no")
    assert "not a Support Journal bundle" in empty_cli("verify", tmp_path / "no.zip",
                                                       check=1).stderr
