"""`journal stage|deadlines|tx|money|wallet`: a case's complaint, its clocks, and the money
and transactions at stake."""
from __future__ import annotations

from .output import short_time
from .registry import Arg, command, group

STAGES = "complaint|holding-reply|final-response|escalation"
BODIES = "ombudsman, regulator, card-issuer, police, data-access, other"
JURISDICTIONS = "uk|eu|us|hk|cn|other"


@command("stage", help="record a stage of a case's formal complaint (it starts or stops its "
         "deadlines); prints its id", json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("stage", metavar=STAGES),
             Arg("--on", metavar="TIME", help="when it happened (default now)"),
             Arg("--how", metavar="CHANNEL",
                 help="email, web-form, letter, chat, in-app, phone, in-person, other"),
             Arg("--ref", metavar="REFERENCE", help="the complaint's or the body's reference"),
             Arg("--to", metavar="BODY", help=f"whom it was escalated to: {BODIES}"),
             Arg("--jurisdiction", metavar="CODE", help=JURISDICTIONS),
             Arg("--kind", metavar="payment|other",
                 help="a payment or e-money complaint has shorter deadlines (default other)")])
def stage(ctx, args):
    with ctx.journal() as j:
        record = j.add_stage(args.case, args.stage, on=args.on, how=args.how, ref=args.ref,
                             to=args.to, jurisdiction_=args.jurisdiction, kind=args.kind)
        clocks = [c for c in j.deadlines(record.case_id) if c.pending]
    ctx.created(record)
    if not ctx.json:
        for c in clocks:
            _notice_clock(c)


def _when(clock) -> str:
    if clock.due is None:
        return f"you can act from {clock.opens.isoformat()}; no time limit yet"
    if clock.due_time is not None:
        head = f"by {short_time(clock.due_time.isoformat(timespec='minutes'))}"
    else:
        head = f"by {clock.due.isoformat()}"
    if clock.opens is not None:
        return f"you can act from {clock.opens.isoformat()}; {head}"
    return head


def _state(clock) -> str:
    return {"running": "running", "due-soon": "DUE SOON", "overdue": "OVERDUE",
            "met": "met", "late": "met late", "open": "open"}[clock.state]


def _notice_clock(clock) -> None:
    import sys
    when = _when(clock)
    if clock.rule.who == "platform":
        when = f"the platform must answer {when}"
    elif clock.opens is None or clock.due is not None and not when.startswith("you"):
        when = f"act {when}"
    sys.stderr.write(f"journal: {clock.rule.text('short')}: {when} "
                     f"({clock.rule.source_title}).\n")


@command("deadlines", help="the deadlines a complaint has started, soonest first: of one case "
         "(all of them), or the pending ones of every open case", json=True,
         args=[Arg("case", metavar="CASE", nargs="?")])
def deadlines_list(ctx, args):
    with ctx.journal() as j:
        clocks = j.deadlines(args.case)
    if ctx.json:
        return ctx.emit([c.as_record() for c in clocks])
    rows = [[c.case_id, c.rule.text("short"), "platform" if c.rule.who == "platform" else "you",
             c.opens.isoformat() if c.opens else "", c.due.isoformat() if c.due else "—",
             _state(c), c.rule.source_title] for c in clocks]
    ctx.table(clocks, rows, ["CASE", "DEADLINE", "WHOSE", "FROM", "DUE", "STATE", "RULE"],
              "No deadlines are running; record a formal complaint with "
              "`journal stage CASE complaint`." if args.case is None else
              f"Case {args.case} has no deadlines yet; record its formal complaint with "
              f"`journal stage {args.case} complaint`.")
    if rows and not ctx.json:
        import sys
        sys.stderr.write("journal: counted from the rules in resources/jurisdictions (each with "
                         "its source); not legal advice.\n")


group("tx", "a case's transactions (on-chain): add, list, void")


@command("tx", "add", help="record a transaction of a case (its id is checked for the "
         "network); prints its id", json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("--hash", metavar="HASH", required=True),
             Arg("--network", metavar="NETWORK", required=True,
                 help="bitcoin, ethereum, tron, solana, bsc, polygon, arbitrum, optimism, "
                      "base, avalanche, litecoin, other"),
             Arg("--from", dest="from_address", metavar="ADDR"),
             Arg("--to", dest="to_address", metavar="ADDR"),
             Arg("--amount", metavar="N"),
             Arg("--asset", metavar="ASSET"),
             Arg("--at", metavar="TIME")])
def tx_add(ctx, args):
    with ctx.journal() as j:
        ctx.created(j.add_transaction(args.case, args.hash, args.network,
                                      from_address=args.from_address,
                                      to_address=args.to_address, amount=args.amount,
                                      asset=args.asset, at=args.at))


@command("tx", "list", help="a case's transactions, with their explorer links", json=True,
         args=[Arg("case", metavar="CASE")])
def tx_list(ctx, args):
    from ..domain.dispute import onchain
    with ctx.journal() as j:
        case = j.case(args.case)
        txs = j.transactions(case.id)
        offered = j.offered_transactions(case.id)
    ctx.table(txs, [[t.id, t.network, t.tx_hash, f"{t.amount} {t.asset}" if t.amount else "",
                     short_time(t.happened_at) if t.happened_at else "",
                     onchain.explorer_url(onchain.NETWORKS[t.network], tx=t.tx_hash) or ""]
                    for t in txs],
              ["ID", "NETWORK", "HASH", "AMOUNT", "AT", "EXPLORER"],
              f"Case {case.id} has no transactions.")
    if offered and not ctx.json:
        import sys
        for value, family in offered:
            sys.stderr.write(f"journal: the reference {value} looks like a transaction id; "
                             f"add it with `journal tx add {case.id} --hash {value} "
                             f"--network {family}`.\n")


@command("tx", "void", help="void a transaction recorded by mistake (it stays in the record)",
         json=True, args=[Arg("id", metavar="ID"), Arg("--reason", metavar="TEXT", required=True)])
def tx_void(ctx, args):
    with ctx.journal() as j:
        t = j.void_dispute_record("transaction", args.id, args.reason)
    ctx.show(t, f"Transaction {t.id} is void.")


group("money", "the amounts at stake in a case: add, list, void")


@command("money", "add", help="record an amount at stake; prints its id", json=True, args=[
    Arg("case", metavar="CASE"),
    Arg("--amount", metavar="N", required=True),
    Arg("--asset", metavar="ASSET", required=True),
    Arg("--network", metavar="N"),
    Arg("--fiat", metavar=("N", "CUR"), nargs=2, help="its value in a currency, e.g. 1200 GBP"),
    Arg("--valued-on", metavar="DATE", help="the date the fiat value refers to (default today)")])
def money_add(ctx, args):
    fiat, currency = args.fiat if args.fiat else (None, None)
    with ctx.journal() as j:
        ctx.created(j.add_money(args.case, args.amount, args.asset, network=args.network,
                                fiat=fiat, currency=currency, valued_on=args.valued_on))


@command("money", "list", help="the amounts at stake in a case", json=True,
         args=[Arg("case", metavar="CASE")])
def money_list(ctx, args):
    with ctx.journal() as j:
        case = j.case(args.case)
        rows = j.money(case.id)
    ctx.table(rows, [[m.id, f"{m.amount} {m.asset}", m.network or "",
                      f"{m.fiat_amount} {m.fiat_currency} on {m.valued_on}" if m.fiat_amount
                      else ""] for m in rows],
              ["ID", "AMOUNT", "NETWORK", "VALUE"], f"Case {case.id} has no amounts recorded.")


@command("money", "void", help="void an amount recorded by mistake", json=True,
         args=[Arg("id", metavar="ID"), Arg("--reason", metavar="TEXT", required=True)])
def money_void(ctx, args):
    with ctx.journal() as j:
        m = j.void_dispute_record("money", args.id, args.reason)
    ctx.show(m, f"Amount {m.id} is void.")


group("wallet", "wallet addresses of a case, yours and the other side's: add, list, void")


@command("wallet", "add", help="record a wallet address (checked for the network); prints "
         "its id", json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("--address", metavar="ADDR", required=True),
             Arg("--network", metavar="NETWORK", required=True),
             Arg("--whose", metavar="mine|theirs", default="theirs"),
             Arg("--label", metavar="TEXT")])
def wallet_add(ctx, args):
    with ctx.journal() as j:
        ctx.created(j.add_wallet(args.case, args.address, args.network, whose=args.whose,
                                 label=args.label))


@command("wallet", "list", help="a case's wallet addresses", json=True,
         args=[Arg("case", metavar="CASE")])
def wallet_list(ctx, args):
    from ..domain.dispute import onchain
    with ctx.journal() as j:
        case = j.case(args.case)
        rows = j.wallets(case.id)
    ctx.table(rows, [[w.id, w.whose.value, w.network, w.address, w.label or "",
                      onchain.explorer_url(onchain.NETWORKS[w.network], address_=w.address)
                      or ""] for w in rows],
              ["ID", "WHOSE", "NETWORK", "ADDRESS", "LABEL", "EXPLORER"],
              f"Case {case.id} has no wallet addresses.")


@command("wallet", "void", help="void an address recorded by mistake", json=True,
         args=[Arg("id", metavar="ID"), Arg("--reason", metavar="TEXT", required=True)])
def wallet_void(ctx, args):
    with ctx.journal() as j:
        w = j.void_dispute_record("wallet", args.id, args.reason)
    ctx.show(w, f"Wallet address {w.id} is void.")
