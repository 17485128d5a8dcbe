"""`journal case open|list|show|status`: a case, and its timeline of contacts."""
from __future__ import annotations

from .checklist import print_open_items, suggestion_language
from .output import minutes, short_time
from .registry import Arg, command, group

group("case", "cases: open, list, show, status")

# The domain's CaseCategory values, written out: --help loads no domain (a test compares).
CATEGORIES = ("withdrawal, deposit, account-frozen, verification, transaction, scam, card, "
              "fees, security, refund, account-hacked, other")


@command("case", "open", help="open a case", json=True, args=[
    Arg("platform", metavar="PLATFORM"),
    Arg("title", metavar="TITLE"),
    Arg("--category", metavar="CAT", default="other",
        help=CATEGORIES + " (default other)"),
    Arg("--account", metavar="ACCOUNT-ID"),
    Arg("--jurisdiction", metavar="uk|eu|us|hk|cn|other",
        help="whose complaint rules its deadlines follow"),
    Arg("--checklist-language", metavar="en|zh_CN",
        help="the language of the suggested checklist (default en)"),
    Arg("--no-checklist", action="store_true",
        help="start with an empty checklist instead of the suggested one")])
def case_open(ctx, args):
    language = None if args.no_checklist else suggestion_language(args.checklist_language)
    with ctx.journal() as j:
        ctx.created(j.open_case(args.platform, args.title, category=args.category,
                                account_id=args.account, checklist_language=language,
                                jurisdiction=args.jurisdiction))


@command("case", "list", help="list cases, most recent activity first", json=True, args=[
    Arg("--status", metavar="S"),
    Arg("--platform", metavar="P")])
def case_list(ctx, args):
    with ctx.journal() as j:
        cases = j.cases(status=args.status, platform=args.platform)
    ctx.table(cases, [[c.id, c.platform, c.title, c.status.value, short_time(c.last_activity),
                       c.open_promises or ""] for c in cases],
              ["ID", "PLATFORM", "TITLE", "STATUS", "LAST ACTIVITY", "OPEN PROMISES"],
              "No cases match.")


@command("case", "show", help="a case and its timeline", json=True,
         args=[Arg("case", metavar="CASE")])
def case_show(ctx, args):
    with ctx.journal() as j:
        case = j.case(args.case)
        timeline = j.timeline(case.id)
        head = j.chain_head(case.id)
        risk = j.scam_risk(case.id)
        items = j.checklist(case.id)
        stages, clocks = j.stages(case.id), j.deadlines(case.id)
        money, txs = j.money(case.id), j.transactions(case.id)
    if ctx.json:  # the checklist has its own `journal checklist list CASE --json`
        return ctx.emit({"case": case, "interactions": timeline, "chain_head": head,
                         "scam_risk": risk, "stages": stages, "money": money,
                         "transactions": txs,
                         "deadlines": [c.as_record() for c in clocks]})
    print(f"Case {case.id}: {case.title}")
    print(f"  {case.platform} · {case.category.value} · {case.status.value}"
          + (f" · account {case.account_id}" if case.account_id else ""))
    print(f"  opened {short_time(case.opened_at)} · last activity "
          f"{short_time(case.last_activity)}")
    print(f"  chain head {head}")
    if risk:
        print(f"  SCAM RISK: the notes describe {', '.join(risk)}; official support never asks "
              f"for these. Contact the platform only through its official website or app.")
    print_open_items(items, case.id)
    _print_dispute(case, stages, clocks, money, txs)
    for i in timeline:
        _print_interaction(i)


def _print_dispute(case, stages, clocks, money, txs) -> None:
    if case.jurisdiction:
        print(f"  jurisdiction {case.jurisdiction}")
    for s in stages:
        extra = " · ".join(x for x in (s.how and s.how.value, s.to and f"to {s.to.value}",
                                        s.reference and f"ref {s.reference}") if x)
        print(f"  {s.stage.value} {short_time(s.happened_at)}" + (f" · {extra}" if extra else ""))
    for c in clocks:
        if c.pending:
            due = c.due.isoformat() if c.due else "no limit yet"
            print(f"  deadline {c.rule.text('short')}: {due} ({c.state})")
    for m in money:
        value = f" ({m.fiat_amount} {m.fiat_currency} on {m.valued_on})" if m.fiat_amount else ""
        print(f"  money {m.amount} {m.asset}{value}")
    for t in txs:
        print(f"  tx {t.network} {t.tx_hash}")


def _print_interaction(i) -> None:
    outcome = "" if i.outcome.value == "answered" else f" · FAILED: {i.outcome.value}"
    marks = (" · amended" if i.amended else "") + (f" · VOID: {i.void_reason}" if i.voided else "")
    print(f"\n#{i.id}  {short_time(i.started_at)}  {i.kind.value}{outcome}{marks}")
    facts = [f"agent {i.agent}" if i.agent else "", f"via {i.contact}" if i.contact else "",
             f"waited {minutes(i.wait_minutes)}" if i.wait_minutes is not None else "",
             f"lasted {minutes(i.duration_minutes)}" if i.ended_at else ""]
    if any(facts):
        print("    " + " · ".join(f for f in facts if f))
    for r in i.references:
        print(f"    ref {r.kind.value}: {r.value}")
    for p in i.promises:
        print(f"    promise #{p.id} ({p.status.value}, due {short_time(p.due_at)}): {p.text}")
    for a in i.attachments:
        print(f"    file #{a.id} {a.name} ({a.size:,} bytes, sha256 {a.sha256[:16]}…)")
    for line in i.notes.splitlines():
        print(f"    | {line}")


@command("case", "status", help="set a case's status", json=True, args=[
    Arg("case", metavar="CASE"),
    Arg("status", metavar="open|waiting|escalated|resolved|closed"),
    Arg("--reason", metavar="TEXT")])
def case_status(ctx, args):
    with ctx.journal() as j:
        case = j.set_case_status(args.case, args.status, reason=args.reason)
    ctx.show(case, f"Case {case.id} is now {case.status.value}.")
