"""Response times measured from the user's own record, per platform and per channel.

- answer rate: answered calls ÷ all calls (failed attempts included);
- median wait: the wait recorded on calls (queue and hold);
- median first reply: the wait recorded on chats and emails (until a person answered);
- promises kept and broken;
- median days to resolution: from a case's opening to the first time it was set resolved.
Voided entries count nowhere.
"""
from __future__ import annotations

import json
from statistics import median

from ..domain.times import days_between

_ROWS = ("SELECT p.id, p.name, i.kind, i.outcome, i.wait_minutes, i.channel_id, ch.kind, "
         "ch.value, i.contact, i.id FROM interactions i JOIN cases c ON c.id = i.case_id "
         "JOIN platforms p ON p.id = c.platform_id LEFT JOIN channels ch ON ch.id = i.channel_id "
         "WHERE i.voided_at IS NULL")


def _figures(rows, promises) -> dict:
    calls = [r for r in rows if r[2] == "call"]
    answered = sum(1 for r in calls if r[3] == "answered")
    waits = [r[4] for r in calls if r[4] is not None]
    replies = [r[4] for r in rows if r[2] in ("chat", "email") and r[4] is not None]
    return {"contacts": len(rows), "calls": len(calls), "answered_calls": answered,
            "answer_rate": round(answered / len(calls), 3) if calls else None,
            "median_wait_minutes": round(median(waits), 1) if waits else None,
            "median_first_reply_minutes": round(median(replies), 1) if replies else None,
            "promises_kept": sum(1 for s in promises if s == "kept"),
            "promises_broken": sum(1 for s in promises if s == "broken")}


def _resolution_days(db) -> dict[int, list[float]]:
    """Platform id → days from opening to the first "resolved" of each resolved-once case."""
    opened = {r[0]: (r[1], r[2]) for r in db.query("SELECT id, platform_id, opened_at FROM cases")}
    first: dict[int, str] = {}
    for case_id, body, recorded in db.query(
            "SELECT entity_id, body, recorded_at FROM ledger WHERE entity = 'case' "
            "AND action = 'status' ORDER BY seq"):
        if json.loads(body).get("to") == "resolved" and case_id not in first:
            first[case_id] = recorded
    days: dict[int, list[float]] = {}
    for case_id, recorded in first.items():
        platform_id, opened_at = opened[case_id]
        days.setdefault(platform_id, []).append(max(0.0, days_between(opened_at, recorded)))
    return days


def measure(db, platform_id: int | None = None) -> list[dict]:
    where, params = ("AND p.id = ?", (platform_id,)) if platform_id is not None else ("", ())
    rows = db.query(f"{_ROWS} {where} ORDER BY p.name COLLATE NOCASE, i.id", params)
    promise_status: dict[int, list[str]] = {}
    for iid, status in db.query("SELECT interaction_id, status FROM promises"):
        promise_status.setdefault(iid, []).append(status)
    resolution = _resolution_days(db)
    out: list[dict] = []
    by_platform: dict[int, list] = {}
    for r in rows:
        by_platform.setdefault(r[0], []).append(r)
    for pid, prow in by_platform.items():
        promises = [s for r in prow for s in promise_status.get(r[9], [])]
        days = resolution.get(pid, [])
        entry = {"platform": prow[0][1], **_figures(prow, promises),
                 "resolved_cases": len(days),
                 "median_days_to_resolution": round(median(days), 1) if days else None,
                 "channels": []}
        channels: dict[tuple, list] = {}
        for r in prow:
            key = (r[6], r[7]) if r[5] is not None else (r[2], r[8] or "")
            channels.setdefault(key, []).append(r)
        for (kind, value), crow in sorted(channels.items(), key=lambda kv: -len(kv[1])):
            cp = [s for r in crow for s in promise_status.get(r[9], [])]
            entry["channels"].append({"kind": kind, "value": value, **_figures(crow, cp)})
        out.append(entry)
    return out
