"""A bench part's targets as the table prints them: each figure against its upper bound."""
from __future__ import annotations


def at_most(rows) -> list[dict]:
    """(name, value, unit, bound) rows as target rows: PASS when the value is within the
    bound, MISS when not, SKIP when it was not measured (None)."""
    out = []
    for name, value, unit, target in rows:
        result = "SKIP" if value is None else ("PASS" if value <= target else "MISS")
        out.append({"name": name, "value": value, "unit": unit, "target": target, "op": "<=",
                    "result": result})
    return out
