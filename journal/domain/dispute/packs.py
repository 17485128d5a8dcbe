"""Jurisdiction packs: the complaint rules of a place, kept as data in resources/jurisdictions/
(one JSON file each), every rule with its source and the date it was checked.

A rule says what starts its clock (a stage of the complaint, or the loss itself), how long it
runs (business days, days, weeks, months or hours), what extends it (a holding reply), what
stops it (the answer, or the escalation it is about), whose clock it is (the platform must
answer by it, or you must act by it) and what it is (law, a regulator's practice, a card
scheme's rule, or advice). The program only counts; it never presents a rule as legal advice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .. import bundled

PACKS_DIR = bundled.resource("jurisdictions")
UNITS = ("business_days", "days", "weeks", "months", "hours")
WHO = ("platform", "you")
NATURES = ("law", "regulator", "scheme", "advice")


@dataclass(frozen=True)
class Rule:
    id: str
    pack: str
    short: dict
    label: dict
    who: str
    nature: str
    start: dict
    period: tuple[str, int]
    until: dict
    source_title: str
    source_url: str
    checked: str
    note: dict
    extended: tuple[dict, tuple[str, int]] | None = None
    opens_after: tuple[str, ...] = ()
    applies: dict | None = None

    def text(self, field: str, language: str = "en") -> str:
        values = getattr(self, field)
        return values.get(language) or values.get("en") or ""


@dataclass(frozen=True)
class Pack:
    code: str
    name: dict
    business_days: dict
    everywhere: bool
    rules: tuple[Rule, ...]


def _period(raw: dict, where: str) -> tuple[str, int]:
    [(unit, amount)] = raw.items()
    if unit not in UNITS or not isinstance(amount, int) or amount <= 0:
        raise ValueError(f"{where}: bad period {raw!r}")
    return unit, amount


def _rule(raw: dict, pack: str) -> Rule:
    where = f"{pack}/{raw.get('id')}"
    for key in ("id", "short", "label", "who", "nature", "start", "period", "until", "source",
                "checked"):
        if key not in raw:
            raise ValueError(f"{where}: no {key!r}")
    if raw["who"] not in WHO or raw["nature"] not in NATURES:
        raise ValueError(f"{where}: bad who or nature")
    source = raw["source"]
    if not source.get("title") or not source.get("url", "").startswith("https://"):
        raise ValueError(f"{where}: a source needs a title and an https URL")
    extended = None
    if "extended" in raw:
        extended = ({"stage": raw["extended"]["stage"]},
                    _period(raw["extended"]["period"], where))
    return Rule(raw["id"], pack, raw["short"], raw["label"], raw["who"], raw["nature"],
                raw["start"], _period(raw["period"], where), raw["until"], source["title"],
                source["url"], raw["checked"], raw.get("note", {}), extended,
                tuple(raw.get("opens_after", ())), raw.get("applies"))


def parse(raw: dict) -> Pack:
    code = raw["code"]
    return Pack(code, raw["name"], raw.get("business_days", {}),
                bool(raw.get("applies_everywhere")), tuple(_rule(r, code) for r in raw["rules"]))


@lru_cache(maxsize=1)
def packs(folder: Path = PACKS_DIR) -> dict[str, Pack]:
    """Every pack in `folder`, by code."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        pack = parse(json.loads(path.read_text(encoding="utf-8")))
        found[pack.code] = pack
    return found


def rule(rule_id: str) -> Rule | None:
    for pack in packs().values():
        for r in pack.rules:
            if r.id == rule_id:
                return r
    return None
