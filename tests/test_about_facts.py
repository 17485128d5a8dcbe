"""What the About box and `journal --version` say: the version (one place), the engine's own
SQLCipher and SQLite versions, the build's commit and date, and the licences the app carries.
And `journal --open FILE`'s refusals, before any window."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata

import pytest

import journal
from journal.domain import build_info, bundled, licences
from tests.conftest import ROOT, private_env


def engine_versions() -> tuple[str, str]:
    """Asked of sqlcipher3 here, independently of the store."""
    from sqlcipher3 import dbapi2
    conn = dbapi2.connect(":memory:")
    try:
        return (conn.execute("PRAGMA cipher_version").fetchone()[0],
                conn.execute("SELECT sqlite_version()").fetchone()[0])
    finally:
        conn.close()


# -- the version -------------------------------------------------------------------------------

def test_journal_version_names_the_engine_it_runs_on(tmp_path):
    run = subprocess.run([sys.executable, "-m", "journal", "--version"], cwd=ROOT,
                         env=private_env(tmp_path), capture_output=True, text=True, timeout=60)
    cipher, sqlite = engine_versions()
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"journal {journal.__version__} (SQLCipher {cipher}, SQLite {sqlite})\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+ community", cipher) and run.stderr == ""


def test_the_version_is_written_once_and_pyproject_reads_it():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = { attr = "journal.__version__" }' in text
    assert not re.search(r'(?m)^version\s*=\s*"', text)
    assert build_info.version() == journal.__version__ == metadata.version("support-journal")


def test_only_version_loads_the_engine_and_neither_loads_qt():
    code = ("import sys, json\n"
            "from journal.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "heavy = ('sqlcipher3', 'PySide6', 'shiboken6')\n"
            "sys.stderr.write(json.dumps(sorted({m.split('.')[0] for m in sys.modules"
            " if m.split('.')[0] in heavy})))\n")
    for argv, loaded in ((["--version"], ["sqlcipher3"]), (["--help"], [])):
        run = subprocess.run([sys.executable, "-c", code, *argv], cwd=ROOT, capture_output=True,
                             text=True, timeout=60)
        assert json.loads(run.stderr.strip().splitlines()[-1]) == loaded, (argv, run.stderr)


# -- --open FILE, refused before any window --------------------------------------------------

@pytest.mark.parametrize("given, words", [("missing.eml", "There is no file"),
                                          ("a-folder", "is a folder")])
def test_open_refuses_what_it_cannot_read_in_one_sentence_before_any_window(
        tmp_path, given, words):
    (tmp_path / "a-folder").mkdir()
    env = private_env(tmp_path)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    run = subprocess.run([sys.executable, "-m", "journal", "--open", str(tmp_path / given)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and str(tmp_path / given) in lines[0], lines
    assert run.stdout == ""


def test_a_telegram_export_folder_is_a_file_to_open(tmp_path):
    from journal.cli.options import file_to_open
    export = tmp_path / "ChatExport_2026-11-20"
    export.mkdir()
    (export / "result.json").write_text("{}", encoding="utf-8")
    assert file_to_open(str(export)) == str(export)


def test_open_with_a_command_is_a_usage_error(cli_here, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    result = cli_here("--open", note, "case", "list")
    assert result.returncode == 2 and "--open" in result.stderr, result.stderr


def test_help_documents_open_and_version(cli_here):
    out = cli_here("--help").stdout
    assert "--open FILE" in out and "--version" in out


# -- the build's commit and date -----------------------------------------------------------

def test_a_build_file_gives_the_commit_and_the_date(tmp_path):
    commit = "0123456789abcdef0123456789abcdef01234567"
    (tmp_path / "build.json").write_text(json.dumps(
        {"commit": commit + "+changes", "date": "2026-12-01T10:00:00+00:00"}), encoding="utf-8")
    facts = build_info.facts(tmp_path)
    assert facts == build_info.Build(commit + "+changes", "2026-12-01T10:00:00+00:00", "build")
    assert facts.short_commit == "0123456789ab+changes"


def test_a_build_file_that_says_nonsense_gives_unknown(tmp_path):
    (tmp_path / "build.json").write_text('{"commit": "rm -rf /", "date": 5}', encoding="utf-8")
    facts = build_info.facts(tmp_path)
    assert (facts.commit, facts.date, facts.source) == ("unknown", "unknown", "build")
    (tmp_path / "build.json").write_text("not json", encoding="utf-8")
    assert build_info.facts(tmp_path).short_commit == "unknown"


def test_shipped_files_without_a_build_file_outside_a_checkout_are_unknown(tmp_path):
    assert build_info.facts(tmp_path) == build_info.Build("unknown", "unknown", "unknown")


@pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                    reason="needs git and this checkout's repository")
def test_a_source_checkout_asks_git():
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                          text=True, check=True).stdout.strip()
    facts = build_info.facts(ROOT / "resources")
    assert facts.source == "checkout"
    assert facts.commit.partition("+")[0] == head
    assert facts.date[:4].isdigit() and "T" in facts.date


def test_without_git_a_checkout_is_unknown(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert build_info.facts(ROOT / "resources").commit == "unknown"


# -- the licences ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def collected() -> str:
    return licences.collect()


def _closure_by_packaging() -> set[str]:
    """The requirement closure as `packaging` computes it, independently of the domain's walk."""
    requirements = pytest.importorskip("packaging.requirements")
    found, waiting = set(), ["support-journal"]
    while waiting:
        name = waiting.pop()
        key = licences.normalised(name)
        if key in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.add(key)
        for text in dist.requires or ():
            req = requirements.Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                waiting.append(req.name)
    return found


def test_every_distribution_the_app_requires_is_listed_with_its_licence(collected):
    wanted = _closure_by_packaging() - {"support-journal"}
    assert len(wanted) > 20
    listed = {licences.normalised(d.metadata["Name"]) for d in licences.closure()}
    assert listed - {"support-journal"} == wanted
    for dist in licences.closure():
        if licences.normalised(dist.metadata["Name"]) != "support-journal":
            assert f"\n{dist.metadata['Name']} {dist.version}\nLicence: " in collected
    assert "pytest" not in wanted   # an extra's requirement is not the app's


def test_qt_is_carried_with_the_lgpl_and_where_its_source_is(collected):
    assert "PySide6_Essentials" in collected or "PySide6-Essentials" in collected
    lgpl = (ROOT / "resources" / "licences" / "LGPL-3.0.txt").read_text(encoding="utf-8")
    gpl = (ROOT / "resources" / "licences" / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and lgpl.strip() in collected
    assert "GNU GENERAL PUBLIC LICENSE" in gpl and gpl.strip() in collected
    assert "https://code.qt.io" in collected
    assert "https://download.qt.io/official_releases/QtForPython/" in collected
    assert "(used under LGPL-3.0-only)" in collected


def test_sqlcipher_openssl_and_sqlite_are_carried_beside_the_bindings_licence(collected):
    sqlcipher = (ROOT / "resources" / "licences" / "SQLCipher.txt").read_text(encoding="utf-8")
    assert "ZETETIC LLC" in sqlcipher and "Redistributions in binary form" in sqlcipher
    assert sqlcipher.strip() in collected
    assert "Gerhard Häring" in collected            # sqlcipher3's own (zlib) licence
    assert "OpenSSL 3 (in sqlcipher3-wheels)" in collected
    assert "SQLite (in sqlcipher3-wheels)" in collected and "public domain" in collected


def test_each_licence_file_a_distribution_ships_is_given_in_full(collected):
    dist = metadata.distribution("cryptography")
    shipped = [f for f in dist.files if "licenses" in f.parts or f.name.startswith("LICENSE")]
    assert shipped
    for file in shipped:
        assert file.read_text(encoding="utf-8").strip() in collected, file


def test_pythons_own_licence_is_carried(collected):
    where, text = licences.python_licence()
    assert f"Python {sys.version.split()[0]}" in collected
    assert "PSF" in text or "Python Software Foundation" in text
    assert text.strip() in collected or "given in full above" in collected


def test_a_text_given_twice_is_written_once(collected):
    """shiboken6 carries the same LGPL and GPL texts as PySide6: they are given once."""
    gpl = (ROOT / "resources" / "licences" / "GPL-3.0.txt").read_text(encoding="utf-8")
    rule = "\n" + "-" * 78 + "\n"
    title = f"\nshiboken6 {metadata.version('shiboken6')}\nLicence: "
    body = collected.split(title, 1)[1].split(rule, 1)[1]   # after the heading's rule
    section = body.split(rule, 1)[0]
    assert gpl.strip() not in section
    assert "(the same text as resources/licences/GPL-3.0.txt of PySide6" in section


def test_the_app_shows_the_file_its_build_wrote_when_there_is_one(tmp_path, monkeypatch):
    (tmp_path / "licences").mkdir()
    (tmp_path / "licences" / licences.SHIPPED).write_text("the frozen build's text\n",
                                                          encoding="utf-8")
    monkeypatch.setattr(bundled, "root", lambda: tmp_path)
    assert licences.text() == "the frozen build's text\n"


def test_the_build_script_writes_the_collected_text(tmp_path):
    out = tmp_path / "THIRD-PARTY-LICENCES.txt"
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "collect_licences.py"),
                          str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Third-party software in Support Journal")
    assert "ZETETIC LLC" in text and "Licence: " in text


@pytest.mark.parametrize("marker", [
    'python_version < "3.11"', 'python_version >= "3.9"', "python_full_version < '3.11'",
    'sys_platform == "win32"', 'platform_system == "Windows"', 'implementation_name != "PyPy"',
    "(platform_python_implementation != 'CPython') and extra == 'brotli'",
    "(sys_platform == 'emscripten' and extra == 'all') or (sys_platform == 'win32')",
    'python_version >= "3.14" and python_version < "3.15"', '"linux" in sys_platform',
    '"linux" not in sys_platform', 'python_version == "3.*"', 'python_version ~= "3.10"',
    'os_name == "posix" or os_name == "nt"', "extra == 'test'"])
def test_markers_are_read_as_packaging_reads_them(marker):
    markers = pytest.importorskip("packaging.markers")
    assert licences.marker_holds(marker) == markers.Marker(marker).evaluate({"extra": ""})
