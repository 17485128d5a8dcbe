"""Write the third-party licences the app carries to OUT.txt (the build calls this, and puts
the file in the frozen app as resources/licences/THIRD-PARTY-LICENCES.txt: a frozen app has no
installed distributions left to read them from).

    python packaging/collect_licences.py OUT.txt

Run it with the interpreter of the environment being frozen: the licences are read from the
distributions installed there (journal.domain.licences.collect()).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: collect_licences.py OUT.txt\n")
        return 2
    if str(ROOT) not in sys.path:   # run from a checkout without an install of it
        sys.path.insert(0, str(ROOT))
    from journal.domain import licences
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    text = licences.collect()
    out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text):,} characters of licences to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
