"""Every fact of case.json against what chain.json records: the case, each entry with its
references, promises and files, and the platform's and channels' names and statuses.

A fact shown by its digest alone in the chain (a redacted note) cannot be compared by
value; it is left to the chain's own hash, which covers it.
"""
from __future__ import annotations

from collections import Counter

from .chain_check import ChainReport, Record

CASE_JSON = "case.json"
_OFFICIAL = ("official-site", "in-app", "official-social")
# case.json key: the interaction's field in the chain, compared by value
_ENTRY_FIELDS = ("kind", "outcome", "started_at", "ended_at", "wait_minutes", "agent",
                 "language")
_CASE_FIELDS = ("title", "category", "account_id", "opened_at", "status")


class _Facts:
    def __init__(self, report: ChainReport, directory: ChainReport | None):
        self.records = report.records
        # A bundle of chain format 1 carries no directory entries: names are not compared.
        self.directory = directory.records if directory is not None else None
        self.problems: list[str] = []

    def differs(self, what: str, shown, recorded) -> None:
        if shown != recorded:
            self.problems.append(f"{CASE_JSON}: {what} is {_short(shown)}, but the hash chain "
                                 f"records {_short(recorded)}.")

    def field(self, what: str, shown, record: Record, key: str) -> None:
        if key in record.hidden:
            return  # shown by digest only: its hash covers it
        self.differs(what, shown, record.fields.get(key))

    def of(self, entity: str) -> dict[int, Record]:
        return {i: r for (e, i), r in self.records.items() if e == entity}


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


def facts_problems(case: dict, report: ChainReport,
                   directory: ChainReport | None) -> list[str]:
    """Each fact of case.json that is not what the chain's latest revision says."""
    f = _Facts(report, directory)
    try:
        _case(f, case)
        _entries(f, case)
        _exhibits(f, case)
        _dispute(f, case)
        _deadlines(f, case)
    except (KeyError, TypeError, AttributeError, ValueError):
        f.problems.append(f"{CASE_JSON} lacks a fact the case file always has, or has one of "
                          f"the wrong kind.")
    return f.problems


def _case(f: _Facts, case: dict) -> None:
    record = f.records.get(("case", case["case_id"]))
    if record is None:
        f.problems.append(f"The hash chain does not record the case {case['case_id']} that "
                          f"{CASE_JSON} is about.")
        return
    for key in _CASE_FIELDS:
        f.field(f"the case's {key.replace('_', ' ')}", case[key], record, key)
    if f.directory is None:
        return
    platform = f.directory.get(("platform", record.fields.get("platform_id")))
    if platform is None:
        f.problems.append(f"chain.json does not carry the entries of the case's platform.")
    else:
        f.field("the platform", case["platform"], platform, "name")
        f.field("the platform's website", case["platform_website"], platform, "website")


def _entries(f: _Facts, case: dict) -> None:
    interactions = f.of("interaction")
    shown = {e["interaction_id"]: e for e in case["entries"]}
    for iid in sorted(set(interactions) - set(shown)):
        f.problems.append(f"{CASE_JSON} leaves out the interaction {iid} that the hash chain "
                          f"records.")
    references = f.of("reference").values()
    promises = f.of("promise").values()
    for iid, entry in shown.items():
        record = interactions.get(iid)
        name = f"entry {entry['number']}"
        if record is None:
            f.problems.append(f"{CASE_JSON}: {name} is not in the hash chain.")
            continue
        for key in _ENTRY_FIELDS:
            f.field(f"{name}'s {key.replace('_', ' ')}", entry[key], record, key)
        if "notes" not in record.hidden:
            f.differs(f"{name}'s notes", entry["notes"], record.fields.get("notes") or "")
        f.differs(f"{name}'s recorded time", entry["recorded_at"], record.recorded_at)
        f.differs(f"whether {name} was amended", entry["amended"], record.amended)
        f.differs(f"whether {name} was voided", entry["voided"], record.voided)
        if record.voided and not record.void_hidden:
            f.differs(f"{name}'s void reason", entry["void_reason"], record.void_reason)
        _contact(f, name, entry, record)
        refs = Counter((r.fields.get("kind"), r.fields.get("value")) for r in references
                       if r.fields.get("interaction_id") == iid)
        f.differs(f"{name}'s references",
                  sorted(Counter((r["kind"], r["value"]) for r in entry["references"]).items()),
                  sorted(refs.items()))
        made = sorted(((p.fields.get("due_at"), p.fields.get("status"),
                        None if "text" in p.hidden else p.fields.get("text"))
                       for p in promises if p.fields.get("interaction_id") == iid),
                      key=repr)
        said = sorted(((p["due_at"], p["status"], None if _hidden_text(p, made) else p["text"])
                       for p in entry["promises"]), key=repr)
        f.differs(f"{name}'s promises", said, made)


def _hidden_text(promise: dict, made) -> bool:
    return any(m[0] == promise["due_at"] and m[2] is None for m in made)


def _contact(f: _Facts, name: str, entry: dict, record: Record) -> None:
    contact, channel_id = record.fields.get("contact"), record.fields.get("channel_id")
    if f.directory is None:
        if contact is not None and "contact" not in record.hidden:
            f.differs(f"{name}'s contact", entry["contact"], contact)
        return
    channel = f.directory.get(("channel", channel_id)) if channel_id is not None else None
    if channel_id is not None and channel is None:
        f.problems.append(f"chain.json does not carry the entries of {name}'s channel.")
        return
    if "contact" not in record.hidden:
        f.differs(f"{name}'s contact", entry["contact"],
                  contact or (channel.fields.get("value") if channel else None))
    if channel is not None:
        source = channel.fields.get("source")
        # Channels made before statuses existed were given one from their source.
        status = channel.fields.get("status") or \
            ("verified" if source in _OFFICIAL else "unverified")
        f.differs(f"{name}'s channel source", entry["channel_source"], source)
        f.differs(f"whether {name}'s channel is verified", entry["verified_channel"],
                  status == "verified")


def _exhibits(f: _Facts, case: dict) -> None:
    files = f.of("attachment")
    shown = {ex["attachment_id"]: ex for ex in case["exhibits"]}
    for aid in sorted(set(files) - set(shown)):
        f.problems.append(f"{CASE_JSON} leaves out the file {aid} that the hash chain records.")
    for aid, ex in shown.items():
        record = files.get(aid)
        if record is None:
            f.problems.append(f"{CASE_JSON}: exhibit {ex['number']} is not in the hash chain.")
            continue
        for key in ("name", "media_type", "size", "sha256"):
            f.field(f"exhibit {ex['number']}'s {key.replace('_', ' ')}", ex[key], record, key)


# case.json's dispute section: (its list, the ledger entity, {its key: the chain's field}).
_DISPUTE = (
    ("stages", "stage", {"stage": "stage", "happened_at": "happened_at", "how": "how",
                         "reference": "reference", "to": "to_body", "kind": "kind"}),
    ("money", "money", {"amount": "amount", "asset": "asset", "network": "network",
                        "fiat_amount": "fiat_amount", "fiat_currency": "fiat_currency",
                        "valued_on": "valued_on"}),
    ("transactions", "transaction", {"tx_hash": "tx_hash", "network": "network",
                                     "from_address": "from_address",
                                     "to_address": "to_address", "amount": "amount",
                                     "asset": "asset", "happened_at": "happened_at"}),
    ("wallets", "wallet", {"address": "address", "network": "network", "whose": "whose",
                           "label": "label"}),
)


def _dispute(f: _Facts, case: dict) -> None:
    """Each stage, amount, transaction and address case.json shows is what the chain records,
    and none that the chain records is left out (a case file of version 3 or older has no
    dispute section, and its chain none of these records)."""
    section = case.get("dispute") or {}
    record = f.records.get(("case", case["case_id"]))
    if section and record is not None:
        f.field("the case's jurisdiction", section.get("jurisdiction"), record, "jurisdiction")
    for key, entity, fields in _DISPUTE:
        recorded = f.of(entity)
        shown = {x["id"]: x for x in section.get(key, ())}
        for rid in sorted(set(recorded) - set(shown)):
            f.problems.append(f"{CASE_JSON} leaves out the {entity} {rid} that the hash chain "
                              f"records.")
        for rid, item in shown.items():
            chained = recorded.get(rid)
            name = f"{entity} {rid}"
            if chained is None:
                f.problems.append(f"{CASE_JSON}: the {name} is not in the hash chain.")
                continue
            for mine, theirs in fields.items():
                f.field(f"the {name}'s {mine.replace('_', ' ')}", item[mine], chained, theirs)
            f.differs(f"whether the {name} was voided", item["voided"], chained.voided)


def _deadlines(f: _Facts, case: dict) -> None:
    """Each deadline case.json gives is what its rule counts from the recorded stages (checked
    above against the chain), when this program's pack holds that rule as it was checked
    then; a deadline of a rule since changed or dropped is left alone (it was counted by the
    rules of its day)."""
    from ..domain.dispute import deadlines, packs
    section = case.get("dispute") or {}
    shown = section.get("deadlines") or []
    if not shown:
        return
    events = tuple(
        deadlines.Event(s["stage"], deadlines._time(s["happened_at"]), s["happened_at"],
                        s["how"], s["to"], s["jurisdiction"], s["kind"])
        for s in section.get("stages", ()) if not s["voided"])
    times = [t["happened_at"] for t in section.get("transactions", ())
             if not t["voided"] and t["happened_at"]] + \
        [m["valued_on"] for m in section.get("money", ()) if not m["voided"] and m["valued_on"]]
    loss = min(times, key=lambda t: t[:10]) if times else None
    facts = deadlines.CaseFacts(case["case_id"], section.get("jurisdiction"), case["category"],
                                events, loss)
    counted = {c.rule.id: c for c in deadlines.case_clocks(
        facts, deadlines._time(case["exported_at"]).date())}
    for d in shown:
        rule = packs.rule(d["rule"])
        if rule is None or rule.checked != d["checked"]:
            continue
        clock = counted.get(d["rule"])
        due = clock.due.isoformat() if clock is not None and clock.due else None
        opens = clock.opens.isoformat() if clock is not None and clock.opens else None
        if clock is None or (due, opens) != (d["due"], d["opens"]):
            f.problems.append(f"{CASE_JSON}: the deadline {d['rule']} is given as due "
                              f"{d['due']}, but its rule counts {due} from the recorded "
                              f"stages.")
