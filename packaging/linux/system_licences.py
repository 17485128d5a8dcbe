"""The licences of the system libraries PyInstaller copied into the frozen app.

PyInstaller bundles the shared libraries the wheels' own libraries link to and that a bare
system may lack (libxcb-cursor, libcups, libstdc++, OpenSSL, ...): they come from the build
machine's Debian packages, so their licences do too. Each bundled library is looked up with
`dpkg -S`, and every package's /usr/share/doc/PACKAGE/copyright is appended to the app's
licences file, after the Python distributions' (journal.domain.licences).
"""
from __future__ import annotations

import subprocess
from pathlib import Path

RULE = "=" * 78


def packages_of(folders: list[Path]) -> dict[str, list[str]]:
    """Debian package -> the bundled libraries it provided, in any of these frozen folders."""
    found: dict[str, list[str]] = {}
    names = sorted({lib.name for folder in folders for lib in folder.glob("_internal/*.so*")})
    for name in names:
        done = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True,
                              text=True, check=False)
        if done.returncode != 0:
            continue   # a wheel's own library (its licence is in the distributions' part)
        package = done.stdout.split(":", 1)[0].strip()
        found.setdefault(package, []).append(name)
    return found


def append(folders: list[Path], licences: Path) -> int:
    """Append the system libraries' licences to `licences`; the number of packages."""
    found = packages_of(folders)
    parts = [f"\n\n{RULE}\nSystem libraries bundled from the build machine (Debian packages)\n"
             f"{RULE}\n"]
    for package, libraries in sorted(found.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = copyright_file.read_text(encoding="utf-8", errors="replace") \
            if copyright_file.is_file() else f"(no {copyright_file} on the build machine)\n"
        parts.append(f"\n{RULE}\n{package}: {', '.join(libraries)}\n{RULE}\n\n{text}")
    with licences.open("a", encoding="utf-8") as out:
        out.write("".join(parts))
    return len(found)
