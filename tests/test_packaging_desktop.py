"""The desktop integration that packaging/ installs: the menu entry and the AppStream
metadata pass their validators, name the same app, icon and command; the icon is drawn at
every hicolor size; and the frozen app's optional text reader is looked for where the
package installs it."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from journal.errors import EnvironmentProblem
from journal.ocr import client

from .conftest import ROOT

LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.supportjournal.SupportJournal"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"

sys.path.insert(0, str(LINUX))
sys.path.insert(0, str(ROOT / "packaging"))
import build_deb  # noqa: E402
import make_icons  # noqa: E402


def _entry() -> dict[str, str]:
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return found


def test_the_menu_entry_is_valid_and_opens_files_in_the_running_window():
    done = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)], capture_output=True,
                          text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
    entry = _entry()
    assert entry["Exec"] == "journal --open %f"
    assert entry["Icon"] == APP_ID and entry["Name[zh_CN]"] == "客服记录本"


def test_the_appstream_metadata_is_valid(tmp_path):
    filled = tmp_path / f"{APP_ID}.metainfo.xml"
    filled.write_text(build_deb.filled_metainfo("1.2.3", "2026-12-03"), encoding="utf-8")
    done = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(filled)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    component = ET.parse(filled).getroot()
    assert component.findtext("id") == APP_ID
    assert component.find("launchable").text == DESKTOP.name
    assert component.find("provides/binary").text == "journal"
    [release] = component.findall("releases/release")
    assert release.get("version") == "1.2.3" and release.find("description/ul/li") is not None
    images = [i.text for i in component.iter("image")]
    assert images and all(re.match(r"https://\S+\.png$", i) for i in images)
    shots = {i.rsplit("/", 1)[1] for i in images}
    assert shots <= {p.name for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert "@" not in filled.read_text(encoding="utf-8")   # every placeholder filled


def test_the_icon_at_every_hicolor_size(tmp_path, qapp):
    from PySide6.QtGui import QImage
    out = make_icons.make(tmp_path)
    for size in make_icons.SIZES:
        image = QImage(str(out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255   # drawn, not empty
    assert (out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (out / "journal.ico").stat().st_size > 1000
    assert (out / "journal.icns").stat().st_size > 1000


def test_a_frozen_app_without_its_reader_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "journal"))
    with pytest.raises(EnvironmentProblem) as raised:
        client.worker_command()
    assert raised.value.code == "ocr.not_installed"
    reader = tmp_path / "ocr" / "journal-ocr"
    reader.parent.mkdir()
    reader.write_bytes(b"")
    assert client.worker_command() == [str(reader)]
