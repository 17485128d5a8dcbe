"""What a letter says about its case, taken from the case file (so it says what the PDF says,
secrets already redacted): the platform, the account, the complaint and its reference, the
contacts in order, every reference number, the promises (broken and overdue ones apart), the
money, transactions and addresses, and the deadlines. Pure: the templates
(resources/letters/) only arrange these facts."""
from __future__ import annotations

from datetime import date, datetime

from ..case_file import CaseFile
from . import onchain, packs

KINDS = ("complaint", "chaser", "sar", "chargeback", "police", "mica")
LANGUAGES = ("en", "zh_CN")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(value, language: str) -> str:
    """27 January 2026 / 2026年1月27日, from a date or an ISO date or time."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if len(value) > 10 else date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    if language == "zh_CN":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _network(code: str | None) -> str | None:
    """Bitcoin, not bitcoin: the network as people write it."""
    found = onchain.NETWORKS.get(code) if code else None
    return found.name if found is not None and code != "other" else code


def _stage(s, language):
    return {"date": long_date(s.happened_at, language), "reference": s.reference,
            "how": s.how, "to": s.to, "kind": s.kind}


def facts(cf: CaseFile, language: str, today: date) -> dict:
    """The letter's context (every value text or a list of dicts of text)."""
    d = lambda v: long_date(v, language)  # noqa: E731
    live = [e for e in cf.entries if not e.voided]
    section = cf.dispute
    stages = [s for s in (section.stages if section else ()) if not s.voided]
    complaints = [s for s in stages if s.stage == "complaint"]
    finals = [s for s in stages if s.stage == "final-response" and s.to is None]
    holding = [s for s in stages if s.stage == "holding-reply"]
    promises = [p for e in live for p in e.promises]
    contacts = [{"date": d(e.started_at), "kind": e.kind, "outcome": e.outcome,
                 "agent": e.agent, "contact": e.contact, "entry": e.number,
                 "verified": e.verified_channel, "source": e.channel_source,
                 "references": [v for _, v in e.references]} for e in live]
    clocks = []
    for c in (section.deadlines if section else ()):
        rule = packs.rule(c.rule)
        clocks.append({"name": rule.text("short", language) if rule else c.name,
                       "label": rule.text("label", language) if rule else c.name,
                       "whose": c.whose, "opens": d(c.opens), "due": d(c.due),
                       "state": c.state, "source": c.source_title,
                       "overdue": c.state == "overdue", "pending": c.state in (
                           "running", "due-soon", "overdue", "open")})
    money = [m for m in (section.money if section else ()) if not m.voided]
    txs = [t for t in (section.transactions if section else ()) if not t.voided]
    wallets = [w for w in (section.wallets if section else ()) if not w.voided]
    unverified = sorted({c["contact"] for c in contacts if c["contact"] and not c["verified"]
                         and c["source"] not in ("official-site", "in-app", "official-social")})
    return {
        "language": language, "today": d(today),
        "case": {"id": cf.case_id, "title": cf.title, "account": cf.account_id,
                 "category": cf.category, "opened": d(cf.opened_at),
                 "chain_head": cf.chain_head},
        "platform": {"name": cf.platform, "website": cf.platform_website},
        "complaint": _stage(complaints[0], language) if complaints else None,
        "holding_reply": _stage(holding[0], language) if holding else None,
        "final_response": _stage(finals[0], language) if finals else None,
        "escalations": [_stage(s, language) for s in stages if s.stage == "escalation"],
        "contacts": contacts,
        "first_contact": contacts[0]["date"] if contacts else None,
        "references": [{"kind": k, "value": v} for k, v, _ in cf.summary.references],
        "promises": [{"text": p.text, "agent": p.agent, "made": d(p.made_at),
                      "due": d(p.due_at), "status": p.status, "overdue": p.overdue}
                     for p in promises],
        "broken": [{"text": p.text, "agent": p.agent, "made": d(p.made_at), "due": d(p.due_at),
                    "overdue": p.overdue} for p in promises if p.status == "broken" or p.overdue],
        "money": [{"amount": m.amount, "asset": m.asset, "network": _network(m.network),
                   "fiat": f"{m.fiat_amount} {m.fiat_currency}" if m.fiat_amount else None,
                   "valued_on": d(m.valued_on)} for m in money],
        "transactions": [{"hash": t.tx_hash, "network": _network(t.network),
                          "from": t.from_address,
                          "to": t.to_address, "amount": f"{t.amount} {t.asset}"
                          if t.amount else None, "date": d(t.happened_at),
                          "explorer": t.explorer_url} for t in txs],
        "wallets_mine": [{"address": w.address, "network": _network(w.network),
                          "label": w.label} for w in wallets if w.whose == "mine"],
        "wallets_theirs": [{"address": w.address, "network": _network(w.network),
                            "label": w.label} for w in wallets if w.whose == "theirs"],
        "clocks": clocks, "overdue": [c for c in clocks if c["overdue"]],
        "unverified_contacts": unverified,
        "summary": {"contacts": len(live), "failed": cf.summary.failed_attempts,
                    "wait_minutes": round(cf.summary.wait_minutes),
                    "days_open": cf.summary.days_open},
    }
