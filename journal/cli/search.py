"""`journal search`: any word of any note, a reference, an agent, a case or a platform."""
from __future__ import annotations

import sys

from .output import short_time
from .registry import Arg, command


@command("search", help="search notes, references, agents, cases, platforms, file names and "
         "the text read out of pictures and PDFs",
         json=True, args=[
             Arg("query", metavar="QUERY", nargs="+"),
             Arg("--platform", metavar="P"),
             Arg("--since", metavar="TIME"),
             Arg("--limit", metavar="N", type=int, default=20)])
def search(ctx, args):
    query = " ".join(args.query)
    with ctx.journal() as j:
        hits = j.search(query, platform=args.platform, since=args.since, limit=args.limit)
    if ctx.json:
        return ctx.emit(hits)
    if not hits:
        print("No matches.", file=sys.stderr)
        return 0
    seen = None
    for h in hits:
        if h.case_id != seen:
            print(f"\nCase {h.case_id} · {h.platform} · {h.case_title}")
            seen = h.case_id
        where = f"#{h.interaction_id} {short_time(h.started_at)}" if h.interaction_id else "case"
        print(f"  {where}  {h.snippet}")
