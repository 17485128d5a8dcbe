"""The Debian package of the frozen Linux app, made with dpkg-deb.

    dist/support-journal/  (make package's one-folder app)  ->  dist/support-journal_V_ARCH.deb

It installs the app to /opt/support-journal/, a `journal` command in /usr/bin (a link to the
app's executable), the menu entry, the AppStream metainfo, the icon at the hicolor sizes, and
the licences in /usr/share/doc/support-journal/. Debian's triggers (desktop-file-utils,
hicolor-icon-theme, AppStream) refresh the menu and icon caches: no maintainer scripts.
"""
from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

APP_ID = "org.supportjournal.SupportJournal"
PACKAGE = "support-journal"
HERE = Path(__file__).resolve().parent
# Where the screenshots and the project page are published (AppStream needs web addresses).
HOMEPAGE = os.environ.get("JOURNAL_HOMEPAGE", "https://github.com/support-journal/support-journal")
# What the frozen Qt needs from the system that it does not carry (OpenGL/EGL, fonts, X11's
# and Wayland's client libraries, D-Bus), as Debian 12 and Ubuntu 22.04+ name them.
DEPENDS = ["libc6 (>= 2.31)", "libegl1", "libgl1", "libfontconfig1", "libfreetype6",
           "libglib2.0-0", "libdbus-1-3", "libx11-6", "libx11-xcb1", "libxcb1",
           "libxkbcommon0", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
           "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0",
           "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1", "libwayland-client0",
           "libwayland-cursor0", "libwayland-egl1"]
RECOMMENDS = ["fonts-noto-cjk"]   # Chinese shown as characters, not boxes


def build_both(app: Path, reader: Path, icons: Path, version: str, out: Path,
               licences: Path) -> list[Path]:
    """The app's package and its text reader's, compressed side by side."""
    made = [build(app, icons, version, out, licences), build_reader(reader, version, out)]
    for target, compressing in made:
        if compressing.wait() != 0:
            raise RuntimeError(f"dpkg-deb could not build {target.name}")
    return [target for target, _compressing in made]


def build(app: Path, icons: Path, version: str, out: Path, licences: Path):
    root = out.parent / "build" / "deb-root"
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / PACKAGE
    shutil.copytree(app, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{PACKAGE}/journal", root / "usr" / "bin" / "journal")
    share = root / "usr" / "share"
    _copy(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    today = datetime.now(timezone.utc).date().isoformat()
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(
        filled_metainfo(version, today), encoding="utf-8")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    doc = share / "doc" / PACKAGE
    doc.mkdir(parents=True)
    _copy(licences, doc / "copyright")
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as changes:
        changes.write(f"{PACKAGE} ({version}) stable; urgency=medium\n\n  * Release "
                      f"{version}.\n\n -- The Support Journal developers  "
                      f"{datetime.now(timezone.utc):%a, %d %b %Y %H:%M:%S +0000}\n".encode())
    return _package(root, PACKAGE, version, out, [
        f"Depends: {', '.join(DEPENDS)}",
        f"Recommends: {', '.join([f'{PACKAGE}-ocr (= {version})', *RECOMMENDS])}",
        "Description: encrypted journal of every contact with customer support",
        " Support Journal records every call, chat and email with the customer support of",
        " crypto exchanges and wallets (agents, reference numbers, promises, screenshots),",
        " encrypted on this computer, and exports a signed case file for a dispute."])


def build_reader(reader: Path, version: str, out: Path):
    """The text reader, in the app's folder as ocr/ (where journal.ocr.client looks)."""
    root = out.parent / "build" / "deb-root-ocr"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(reader, root / "opt" / PACKAGE / "ocr", symlinks=True)
    doc = root / "usr" / "share" / "doc" / f"{PACKAGE}-ocr"
    doc.mkdir(parents=True)
    os.symlink(f"../{PACKAGE}/copyright", doc / "copyright")
    return _package(root, f"{PACKAGE}-ocr", version, out, [
        f"Depends: {PACKAGE} (= {version})",
        "Description: text reader of Support Journal's screenshots and PDFs",
        " Reads the text of screenshots on this computer (RapidOCR's PP-OCR models, Chinese",
        " and English, on ONNX Runtime), so that they can be searched and their secrets",
        " covered in an export. Nothing is sent anywhere."])


def _package(root: Path, name: str, version: str, out: Path,
             fields: list[str]) -> tuple[Path, subprocess.Popen]:
    """DEBIAN/control written, and dpkg-deb started on it: (the .deb, its process)."""
    for path in root.rglob("*"):   # world-readable, owned by root in the archive
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    control = root / "DEBIAN"
    control.mkdir()
    size_kib = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    (control / "control").write_text("\n".join([
        f"Package: {name}",
        f"Version: {version}",
        f"Architecture: {_architecture()}",
        "Maintainer: The Support Journal developers <support-journal@localhost>",
        f"Installed-Size: {size_kib}",
        "Section: utils",
        "Priority: optional",
        f"Homepage: {HOMEPAGE}",
        *fields, ""]), encoding="utf-8")
    target = out / f"{name}_{version}_{_architecture()}.deb"
    # gzip: every dpkg reads it, and it packs the 330 MB of the reader in 18 s where xz takes
    # 2.5 min (104 MB instead of 143): `make package` is to stay within 3 minutes.
    return target, subprocess.Popen(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6",
                                     "--build", str(root), str(target)],
                                    stdout=subprocess.DEVNULL)


def filled_metainfo(version: str, day: str) -> str:
    """The metainfo with this release's version and date, and the project's web address."""
    text = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    return text.replace("@VERSION@", version).replace("@DATE@", day).replace("@HOMEPAGE@",
                                                                             HOMEPAGE)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


if __name__ == "__main__":
    app_dir, reader_dir, icons_dir, version_, out_dir, licence_file = sys.argv[1:7]
    for made in build_both(Path(app_dir), Path(reader_dir), Path(icons_dir), version_,
                           Path(out_dir), Path(licence_file)):
        print(made)
