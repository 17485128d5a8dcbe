"""`journal promise list|set`: what support promised, and by when."""
from __future__ import annotations

from .output import short_time
from .registry import Arg, command, group

group("promise", "promises: list, set")


@command("promise", "list", help="pending promises, soonest due first", json=True, args=[
    Arg("--overdue", action="store_true"),
    Arg("--status", metavar="pending|kept|broken|cancelled"),
    Arg("--case", metavar="CASE")])
def promise_list(ctx, args):
    status = args.status or (None if args.overdue else "pending")
    with ctx.journal() as j:
        promises = j.promises(overdue=args.overdue, status=status, case_id=args.case)
    ctx.table(promises, [[p.id, p.case_id, short_time(p.due_at), p.status.value, p.text]
                         for p in promises],
              ["ID", "CASE", "DUE", "STATUS", "PROMISE"],
              "No promises match.")


@command("promise", "set", help="mark a promise kept, broken or cancelled", json=True, args=[
    Arg("id", metavar="ID"),
    Arg("status", metavar="kept|broken|cancelled")])
def promise_set(ctx, args):
    with ctx.journal() as j:
        p = j.set_promise(args.id, args.status)
    ctx.show(p, f"Promise {p.id} is now {p.status.value}.")
