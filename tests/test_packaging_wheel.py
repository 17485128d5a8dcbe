"""The wheel carries what the app needs: built from this checkout, installed into a new venv
outside it, `journal` finds its icons, translations, stylesheet and data packs there.

The venv is new and holds the wheel alone; the libraries the wheel depends on are lent by the
project's own venv through a .pth line (installing PySide6, OpenCV and the rest again would
take a minute and test pip, not us). Site-packages directories reached that way do not run
their own .pth files, so the checkout's editable install stays out: `import journal` is the
wheel's, which each test checks before it trusts anything else.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, private_env

CHINESE = {"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    [built] = out.glob("support_journal-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> dict:
    """The wheel in a new venv, far from the checkout: the `journal` and python to run."""
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", "--no-compile", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    (site / "project_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    journal = venv / ("Scripts/journal.exe" if os.name == "nt" else "bin/journal")
    env = private_env(base)
    env.pop("PYTHONPATH", None)
    return {"base": base, "python": python, "journal": journal, "site": site, "env": env}


def _run(installed, *args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed["journal"]), *args], cwd=installed["base"],
                          env={**installed["env"], **(env or {})}, capture_output=True,
                          text=True, timeout=120, **kw)


def test_the_wheel_holds_the_shipped_files(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("journal/resources/icons/app.svg",
                    "journal/resources/translations/journal_zh_CN.qm",
                    "journal/resources/translations/journal_en.qm",
                    "journal/resources/export/case_file.css",
                    "journal/resources/jurisdictions/uk.json",
                    "journal/resources/wordlists/monero_english.txt",
                    "journal/resources/locale/zh_CN/LC_MESSAGES/journal.mo",
                    "journal/resources/build.json"):
        assert shipped in names
    assert not [n for n in names if n.endswith((".ts", ".po"))]   # translators' sources
    # Every file of resources/ (those of later issues too), under the same name.
    source = ROOT / "resources"
    expected = {f"journal/resources/{p.relative_to(source).as_posix()}"
                for p in source.rglob("*") if p.is_file()
                and p.suffix not in (".ts", ".po", ".qm") and "__pycache__" not in p.parts}
    assert expected <= names
    assert len(expected) > 50
    facts = json.loads(zipfile.ZipFile(wheel).read("journal/resources/build.json"))
    assert len(facts["commit"].split("+")[0]) == 40 and facts["date"][:2] == "20"


def test_the_installed_app_reads_its_files_from_the_wheel(installed):
    code = ("import journal, journal.domain.bundled as b; "
            "print(journal.__file__); print(b.root()); print(b.kind())")
    done = subprocess.run([str(installed["python"]), "-c", code], cwd=installed["base"],
                          env=installed["env"], capture_output=True, text=True, check=True)
    package, root, kind = done.stdout.splitlines()
    assert Path(package).is_relative_to(installed["site"])
    assert Path(root) == installed["site"] / "journal" / "resources"
    assert kind == "installed"


def test_the_command_line_round_trip_and_a_chinese_pdf(installed):
    version = _run(installed, "--version")
    assert version.returncode == 0 and version.stdout.startswith("journal ")
    assert _run(installed, "init").returncode == 0
    for argv in (("platform", "add", "Binance", "--kind", "exchange"),
                 ("case", "open", "Binance", "提现卡住")):
        done = _run(installed, *argv)
        assert done.returncode == 0, done.stderr
    logged = _run(installed, "log", "1", "--kind", "call", "--agent", "Lily",
                  "--ref", "CS-88213", "--note", "客服说三个工作日内到账")
    assert logged.returncode == 0, logged.stderr
    found = _run(installed, "search", "CS-88213", "--json")
    assert found.returncode == 0, found.stderr
    assert "客服说三个工作日内到账" in found.stdout
    pdf = installed["base"] / "case.pdf"
    exported = _run(installed, "export", "1", "--pdf", str(pdf), "--language", "zh_CN")
    assert exported.returncode == 0, exported.stderr
    from pypdf import PdfReader
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "提现卡住" in text and "客服说三个工作日内到账" in text
    assert "案件" in text              # the labels are Chinese: the stylesheet and fonts found


def test_an_error_is_told_in_chinese(installed):
    done = _run(installed, "case", "show", "999", env=CHINESE)
    assert done.returncode == 1
    assert any("\u4e00" <= ch <= "\u9fff" for ch in done.stderr), done.stderr   # the .mo found


WINDOW = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from journal.ui import app as window
from journal.ui.kit import resources

qt = window.application(["journal"])
launcher = window.Launcher(sys.argv[1])
launcher.show()
texts = []
def look():
    try:
        for kind in (QLabel, QAbstractButton):
            texts.extend(w.text() for w in launcher.window.findChildren(kind)
                         if w.isVisible() and w.text())
    finally:
        qt.quit()
QTimer.singleShot(200, look)
qt.exec()
print(resources.current_language())
print(resources.icon("app").isNull())
print("\n".join(texts))
launcher.session.close()
"""


def test_the_window_speaks_chinese_offscreen(installed):
    folder = installed["base"] / "window-journal"
    env = {**installed["env"], **CHINESE, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(installed["python"]), "-c", WINDOW, str(folder)],
                          cwd=installed["base"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    language, icon_missing, *texts = done.stdout.splitlines()
    assert language == "zh_CN" and icon_missing == "False"
    chinese = [t for t in texts if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
    assert len(chinese) >= 3, texts      # the first-run screen, translated
    assert "Traceback" not in done.stderr
