#!/usr/bin/env python3
"""The command line's Chinese, made from the window's: the "Errors" context of a Qt Linguist
.ts file written out as a gettext catalogue (.po, and the .mo that Python's gettext reads).

The .ts is the one place the Chinese of an error is written; `make locale` runs this, and
tests/test_error_codes.py checks the committed files are what it makes. Standard library
only; the output depends on the .ts alone (sorted, no dates), so it is the same each time.

    python3 tools/ts_to_gettext.py resources/translations/journal_zh_CN.ts \
        resources/locale/zh_CN/LC_MESSAGES/journal
"""
from __future__ import annotations

import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CONTEXT = "Errors"
HEADER = ("Project-Id-Version: support-journal\n"
          "MIME-Version: 1.0\n"
          "Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: 8bit\n"
          "Language: {language}\n"
          "Plural-Forms: nplurals=1; plural=0;\n")


def translations(ts: Path) -> dict[str, str]:
    """{English: translation} of every finished message of the Errors context."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if t.text:
                out[message.findtext("source")] = t.text
    return out


def language_of(ts: Path) -> str:
    return ET.parse(ts).getroot().get("language", "zh_CN")


def po_text(pairs: dict[str, str], language: str) -> str:
    lines = ["# Made from the Errors context of the .ts by tools/ts_to_gettext.py (make locale);",
             "# edit the .ts, not this file.",
             'msgid ""', 'msgstr ""']
    lines += [_quote(line + "\n") for line in HEADER.format(language=language).splitlines()]
    for source in sorted(pairs):
        lines += ["", f"msgid {_quote(source)}", f"msgstr {_quote(pairs[source])}"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t"))
    return f'"{escaped}"'


def mo_bytes(pairs: dict[str, str], language: str) -> bytes:
    """GNU .mo: magic, revision 0, the count, the two tables, no hash table, then the strings."""
    entries = {"": HEADER.format(language=language), **pairs}
    keys = sorted(entries)
    ids = [k.encode("utf-8") for k in keys]
    strs = [entries[k].encode("utf-8") for k in keys]
    n = len(keys)
    start = 7 * 4 + 16 * n
    id_table, str_table, blob = [], [], b""
    for data in ids:
        id_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    for data in strs:
        str_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, start)
    return head + struct.pack(f"<{4 * n}I", *id_table, *str_table) + blob


def build(ts: Path) -> tuple[str, bytes]:
    pairs, language = translations(ts), language_of(ts)
    return po_text(pairs, language), mo_bytes(pairs, language)


def main(argv: list[str]) -> int:
    ts, stem = Path(argv[1]), Path(argv[2])
    po, mo = build(ts)
    stem.parent.mkdir(parents=True, exist_ok=True)
    stem.with_suffix(".po").write_text(po, encoding="utf-8")
    stem.with_suffix(".mo").write_bytes(mo)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
