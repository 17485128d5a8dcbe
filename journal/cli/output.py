"""Printing records for people (aligned text) and for scripts (--json)."""
from __future__ import annotations

import dataclasses
import json
import sys
from enum import Enum


def plain(obj):
    """Dataclasses, enums and tuples as JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        for extra in ("amended", "duration_minutes"):
            if hasattr(type(obj), extra):
                out[extra] = getattr(obj, extra)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj


def emit_json(obj) -> None:
    json.dump(plain(obj), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def short_time(text: str | None) -> str:
    """2026-11-25T14:03:00.120+08:00 → 2026-11-25 14:03 +08:00"""
    if not text:
        return "—"
    date, _, rest = text.partition("T")
    clock = rest[:5]
    offset = rest[len(rest) - 6:] if rest[-6:-5] in "+-" else "UTC"
    return f"{date} {clock} {offset}"


def table(rows: list[list[str]], headers: list[str], empty: str) -> None:
    if not rows:
        print(empty, file=sys.stderr)
        return
    widths = [max(_width(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    for r in [headers] + rows:
        cells = [str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths)]
        print("  ".join(cells).rstrip())


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def minutes(value) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value < 60:
        return f"{value:g} min"
    return f"{int(value // 60)} h {value % 60:g} min"
