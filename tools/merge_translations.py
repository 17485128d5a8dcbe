"""Fill the Chinese .ts from tab-separated files of "context<TAB>source<TAB>Chinese" lines:
a translation helper for the developers (run `make ts` before and after it).

    python tools/merge_translations.py resources/translations/journal_zh_CN.ts FILE.tsv...

A plural ("%n") message gets the one Chinese form. A source not in the .ts is reported."""
from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, tsv_paths: list[str]) -> int:
    wanted: dict[tuple[str, str], str] = {}
    for path in tsv_paths:
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            context, source, chinese = line.split("\t")
            wanted[(context, source.replace("\\n", "\n"))] = chinese.replace("\\n", "\n")
    tree = ET.parse(ts_path)
    found = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if key not in wanted:
                continue
            found.add(key)
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                form = ET.SubElement(translation, "numerusform")
                form.text = wanted[key]
            else:
                translation.text = wanted[key]
    for key in wanted.keys() - found:
        print("not in the .ts:", key, file=sys.stderr)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return 0 if found == wanted.keys() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
