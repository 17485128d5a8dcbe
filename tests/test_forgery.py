"""A forger's attempts on an exported bundle and PDF, each with a regenerated manifest, and what
`journal verify` says of them; and what the signatures prove to tools that are not ours."""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from journal.domain.chain import committed_form, entry_hash, field_digest
from journal.crypto.signature import fingerprint
from journal.export import write_case_pdf
from journal.export.bundle import write_bundle
from journal.export.verify import check_bundle, check_pdf, verify_bundle

from .conftest import open_copy
from .test_case_file import MARKER, populate, stub_redaction

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def exported(tmp_path_factory, templates):
    """One populated journal and its case's bundle, made once: the tests below only read
    them (each forgery is written to a file of its own). The stand-in redactor stays in
    place for the whole module, as every export here was made with it."""
    with pytest.MonkeyPatch.context() as patch:
        stub_redaction(patch)
        base = tmp_path_factory.mktemp("forgery")
        with open_copy(templates, "empty", base / "journal") as j:
            made = populate(j)
            target = base / "case.zip"
            write_bundle(j, made["case"].id, target)
            yield j, made, target, j.chain_head()


@pytest.fixture
def journal(exported):
    j, _, _, head = exported
    yield j
    assert j.chain_head() == head, "a test wrote to the journal the module shares"


@pytest.fixture
def made(exported):
    return exported[1]


@pytest.fixture
def bundle(exported):
    return exported[2]


def files_of(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def forge(source, target, files: dict[str, bytes], *, resign=None) -> None:
    """Write `files` as a bundle with a manifest regenerated to match them, as a careful
    forger would; `resign(manifest)` gives a new signature (else the old one is kept)."""
    files = {n: d for n, d in files.items() if n not in ("MANIFEST.sha256",
                                                         "MANIFEST.sha256.sig")}
    manifest = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n"
                       for n, d in files.items()).encode()
    old = files_of(source)
    signature = resign(manifest) if resign else old["MANIFEST.sha256.sig"]
    with zipfile.ZipFile(target, "w") as z:
        for n, d in files.items():
            z.writestr(n, d)
        z.writestr("MANIFEST.sha256", manifest)
        z.writestr("MANIFEST.sha256.sig", signature)


def edit_json(files, name, change) -> dict[str, bytes]:
    doc = json.loads(files[name])
    change(doc)
    return {**files, name: json.dumps(doc, ensure_ascii=False).encode()}


def interaction_entry(chain, iid):
    return next(e for e in chain["entries"] if e["entity"] == "interaction"
                and e["id"] == iid and e["action"] == "create")


def test_a_good_bundle_says_what_it_proves(bundle, journal, made, cli_here):
    proof = check_bundle(bundle)
    assert proof.problems == [] and proof.notes == []
    assert proof.fingerprint == journal.signing_key().fingerprint
    assert proof.head == journal.chain_head(made["case"].id)
    out = cli_here("verify", str(bundle), check=0).stdout
    assert f"signed by the journal key {proof.fingerprint}" in out
    assert f"head {proof.head}" in out and "received that head or the key's fingerprint" in out


def rewrite_entry(iid, field, value, mark_redacted):
    def change(chain):
        e = interaction_entry(chain, iid)
        e["body"][field] = value
        if mark_redacted:  # and claim the field was redacted, as the old format allowed
            e["redacted"] = [field]
            e.setdefault("digests", {})
    return change


@pytest.mark.parametrize("field,value", [("notes", "The agent promised a full refund."),
                                         ("agent", "Mallory"),
                                         ("started_at", "2025-03-01T09:00:00+08:00")])
@pytest.mark.parametrize("mark_redacted", [False, True])
def test_a_rewritten_chain_entry_is_caught(bundle, made, tmp_path, field, value,
                                           mark_redacted):
    change = rewrite_entry(made["first"].id, field, value, mark_redacted)
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, edit_json(files_of(bundle), "chain.json", change))
    problems = verify_bundle(bad)
    assert any("does not match its hash" in p or "by value and salt or by digest" in p
               for p in problems), problems
    assert any("MANIFEST.sha256.sig does not verify" in p for p in problems)


def test_a_hidden_field_cannot_be_given_another_digest(bundle, made, tmp_path):
    files = files_of(bundle)
    chain = json.loads(files["chain.json"])
    e = interaction_entry(chain, made["first"].id)   # its notes held the secret
    assert "notes" in e["digests"] and "notes" not in e["body"]
    e["digests"]["notes"] = field_digest("00" * 16, "notes", "Nothing happened.")
    files["chain.json"] = json.dumps(chain).encode()
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, files)
    assert any("does not match its hash" in p for p in verify_bundle(bad))


def _rehash_from(chain, start_seq):
    """Recompute every entry from `start_seq` on and its links, as a forger with the
    salts (and so the journal's key) would; returns the new head."""
    prev = None
    for e in chain["entries"]:
        if prev is not None:
            e["case_prev"] = prev
        if e["seq"] >= start_seq:
            fields = {k: field_digest(e["salts"][k], k, v) for k, v in e["body"].items()}
            fields.update(e.get("digests", {}))
            e["hash"] = entry_hash(committed_form(e["seq"], e["case"], e["entity"], e["id"],
                                                  e["action"], e["recorded_at"], fields,
                                                  e["prev"], e["case_prev"]))
        prev = e["hash"]
    chain["head"] = prev
    return prev


def test_a_rehashed_chain_changes_the_head_and_breaks_the_signature(bundle, made, tmp_path):
    files = files_of(bundle)
    old_head = json.loads(files["case.json"])["chain_head"]
    chain = json.loads(files["chain.json"])
    e = interaction_entry(chain, made["first"].id)
    e["body"]["agent"] = "Mallory"
    new_head = _rehash_from(chain, e["seq"])
    files["chain.json"] = json.dumps(chain).encode()
    files = edit_json(files, "case.json", lambda c: c.update(chain_head=new_head))
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, files)
    problems = verify_bundle(bad)
    assert new_head != old_head                      # whoever holds the old head sees it
    assert any("MANIFEST.sha256.sig does not verify" in p for p in problems)
    assert any("entry E-" in p and "agent" in p for p in problems)   # case.json says Lily


def _agent_and_status(case):
    case["entries"][0]["agent"] = "Nobody"
    case["status"] = "resolved"


def test_an_edited_case_json_is_caught(bundle, tmp_path):
    change = _agent_and_status
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, edit_json(files_of(bundle), "case.json", change))
    problems = verify_bundle(bad)
    assert any("MANIFEST.sha256.sig does not verify" in p for p in problems)
    assert any("the case's status is 'resolved'" in p for p in problems)
    assert any("agent is 'Nobody'" in p for p in problems)


def _references_exhibit_and_platform(case):
    case["entries"][0]["references"] = []
    case["exhibits"][0]["name"] = "other.png"
    case["platform"] = "Binance Support"


def test_case_json_facts_are_checked_even_with_the_key_in_hand(bundle, journal, tmp_path):
    from journal.crypto.signature import sign_sshsig
    key = journal.signing_key()
    change = _references_exhibit_and_platform
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, edit_json(files_of(bundle), "case.json", change),
          resign=lambda m: sign_sshsig(key.seed, m).encode())
    problems = verify_bundle(bad)
    assert not any("sig" in p for p in problems)       # the signature itself is good
    assert any("references" in p for p in problems)
    assert any("exhibit A-1's name" in p for p in problems)
    assert any("platform" in p for p in problems)


def test_an_edited_pdf_is_caught(bundle, tmp_path, cli_here):
    files = files_of(bundle)
    pdf = files["case-file.pdf"]
    at = pdf.index(b"/Producer")
    files["case-file.pdf"] = pdf[:at] + b"/Producxr" + pdf[at + 9:]
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, files)
    problems = verify_bundle(bad)
    assert any(p.startswith("case-file.pdf:") for p in problems)
    result = cli_here("verify", str(bad), check=4)
    assert "case-file.pdf" in result.stderr and "Traceback" not in result.stderr


def test_a_removed_exhibit_is_caught(bundle, tmp_path):
    files = files_of(bundle)
    del files["exhibits/A-1-screenshot.png"]
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, files)
    problems = verify_bundle(bad)
    assert "Exhibit A-1 (exhibits/A-1-screenshot.png) is not in the bundle." in problems


def test_another_key_and_allowed_signers_do_not_pass(bundle, tmp_path):
    from journal.crypto.signature import public_key_openssh, sign_sshsig
    seed = b"\x07" * 32
    files = files_of(bundle)
    files["allowed_signers"] = (f'support-journal namespaces="support-journal" '
                                f'{public_key_openssh(seed)}\n').encode()
    bad = tmp_path / "bad.zip"
    forge(bundle, bad, files, resign=lambda m: sign_sshsig(seed, m).encode())
    problems = verify_bundle(bad)
    assert "MANIFEST.sha256.sig is by another key than the one the hash chain introduces." \
        in problems


def test_ssh_keygen_accepts_the_manifest_signature(bundle, tmp_path):
    ssh_keygen = shutil.which("ssh-keygen")
    if ssh_keygen is None:
        pytest.skip("ssh-keygen (openssh-client) is not installed")
    files = files_of(bundle)
    for name in ("MANIFEST.sha256", "MANIFEST.sha256.sig", "allowed_signers"):
        (tmp_path / name).write_bytes(files[name])
    command = [ssh_keygen, "-Y", "verify", "-f", str(tmp_path / "allowed_signers"),
               "-I", "support-journal", "-n", "support-journal",
               "-s", str(tmp_path / "MANIFEST.sha256.sig")]
    good = subprocess.run(command, input=files["MANIFEST.sha256"], capture_output=True)
    assert good.returncode == 0 and b"Good" in good.stdout + good.stderr
    bad = subprocess.run(command, input=files["MANIFEST.sha256"] + b"\n", capture_output=True)
    assert bad.returncode != 0


def test_the_readme_recipe_recomputes_the_salted_chain(bundle, tmp_path):
    files = files_of(bundle)
    readme = files["README.txt"].decode()
    recipe = readme[readme.index("import hashlib"):].split("\n\n")[0]
    (tmp_path / "chain.json").write_bytes(files["chain.json"])
    (tmp_path / "check.py").write_text(recipe)
    out = subprocess.run([sys.executable, "check.py"], cwd=tmp_path, capture_output=True,
                         text=True, check=True).stdout.split("\n")
    results = [line.split()[1] for line in out if line]
    assert results and set(results) == {"True"}
    assert MARKER not in files["chain.json"].decode()


def test_a_pdf_alone_verifies_and_an_edited_one_does_not(journal, made, tmp_path, cli_here):
    target = tmp_path / "case.pdf"
    write_case_pdf(journal, made["case"].id, target)
    assert target.stat().st_mode & 0o777 == 0o600
    proof = check_pdf(target)
    key = journal.signing_key()
    assert proof.problems == [] and proof.fingerprint == fingerprint(key.pdf_public_key)
    assert proof.signer == f"Journal key {key.fingerprint}"   # the key on the cover
    out = cli_here("verify", str(target), check=0).stdout
    assert "not changed since it was signed" in out
    assert proof.fingerprint in out and key.fingerprint in out
    data = target.read_bytes()
    at = data.index(b"/Producer")
    (tmp_path / "edited.pdf").write_bytes(data[:at] + b"/Producxr" + data[at + 9:])
    result = cli_here("verify", str(tmp_path / "edited.pdf"), check=4)
    assert "edited.pdf" in result.stderr and "Traceback" not in result.stderr
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    result = cli_here("verify", str(garbage), check=4)
    assert "Traceback" not in result.stderr


def test_the_exported_pdf_passes_pyhankos_validator(journal, made, tmp_path):
    from io import BytesIO

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    target = tmp_path / "case.pdf"
    write_case_pdf(journal, made["case"].id, target)
    reader = PdfFileReader(BytesIO(target.read_bytes()))
    signature = reader.embedded_signatures[0]
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[signature.signer_cert]))
    assert status.intact and status.valid
    assert status.coverage.name == "ENTIRE_FILE"


def test_a_bundle_of_the_first_format_still_verifies_and_says_what_it_cannot_prove(
        cli_here):
    proof = check_bundle(FIXTURES / "bundle_v1.zip")
    assert proof.problems == []
    assert any("Entries " in n and "are not provable" in n for n in proof.notes)
    assert any("before case files were signed" in n for n in proof.notes)
    out = cli_here("verify", str(FIXTURES / "bundle_v1.zip"), check=0).stdout
    assert "not provable" in out


def _downgrade(chain):
    chain["version"] = 1
    del chain["signing_key"]
    chain["directory"] = []


def test_calling_a_signed_chain_old_does_not_skip_the_signature(bundle, tmp_path):
    downgrade = _downgrade
    files = edit_json(files_of(bundle), "chain.json", downgrade)
    files = edit_json(files, "case.json", lambda c: c.update(platform="Binance Support"))
    del files["MANIFEST.sha256.sig"]
    manifest = "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n"
                       for n, d in files.items() if n != "MANIFEST.sha256").encode()
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as z:
        for n, d in files.items():
            if n != "MANIFEST.sha256":
                z.writestr(n, d)
        z.writestr("MANIFEST.sha256", manifest)
    problems = verify_bundle(bad)
    assert "chain.json names no signing key that the case's own chain introduces." in problems
    assert any("platform" in p for p in problems)


def _paths(value, prefix=()):
    """Every place in a JSON document, depth first."""
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for n, v in enumerate(value[:2]):
            yield from _paths(v, (*prefix, n))


def _replace(doc, path, new):
    if not path:
        return new
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return doc


def test_hostile_case_and_chain_json_give_sentences_never_an_error(bundle, tmp_path):
    """With the manifest regenerated, every field of case.json and chain.json swapped for a
    value of another kind: `journal verify` names a problem, and never fails inside."""
    files = files_of(bundle)
    checked = 0
    for name in ("case.json", "chain.json"):
        original = json.loads(files[name])
        for n, path in enumerate(_paths(original)):
            for wrong in ((None, [], {}, "x", 2**70, -1.5, [[[]]])[n % 7],):  # one per place
                doc = _replace(json.loads(files[name]), path, wrong)
                if doc == original:
                    continue
                bad = tmp_path / "bad.zip"
                forge(bundle, bad, {**files, name: json.dumps(doc).encode()})
                try:
                    problems = verify_bundle(bad)
                except Exception as exc:  # noqa: BLE001 - only BadInput, for a non-bundle
                    assert type(exc).__name__ == "BadInput", (name, path, wrong, exc)
                    continue
                assert problems and all(isinstance(p, str) for p in problems), (name, path)
                checked += 1
    assert checked > 60


def test_check_names_a_signing_key_swapped_around_the_program(tmp_path, templates, monkeypatch):
    stub_redaction(monkeypatch)
    with open_copy(templates, "empty", tmp_path / "journal") as journal:  # its own: changed
        populate(journal)
        assert journal.check().ok
        with journal.db.transaction() as conn:
            conn.execute("UPDATE signing_keys SET seed = ?", (b"\x01" * 32,))
        report = journal.check()
    assert not report.ok
    assert any("signing key 1 does not match its public key" in p for p in report.problems)
