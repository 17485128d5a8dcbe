"""`journal stats`: how each platform answered you, from your own record."""
from __future__ import annotations

from .registry import Arg, command


def _pct(v) -> str:
    return "–" if v is None else f"{v * 100:.0f}%"


def _mins(v) -> str:
    return "–" if v is None else f"{v:g} min"


@command("stats", help="answer rate, waits, first replies, promises kept and days to "
         "resolution, per platform and channel, from your own record", json=True,
         args=[Arg("--platform", metavar="P")])
def stats(ctx, args):
    with ctx.journal() as journal:
        figures = journal.stats(platform=args.platform)
    if ctx.json:
        return ctx.emit(figures)
    if not figures:
        print("Nothing logged yet.")
        return 0
    for p in figures:
        days = p["median_days_to_resolution"]
        print(f"{p['platform']}: {p['contacts']} contacts · answer rate {_pct(p['answer_rate'])}"
              f" ({p['answered_calls']}/{p['calls']} calls) · median wait "
              f"{_mins(p['median_wait_minutes'])} · median first reply (chat, email) "
              f"{_mins(p['median_first_reply_minutes'])} · promises kept {p['promises_kept']}, "
              f"broken {p['promises_broken']} · median days to resolution "
              f"{'–' if days is None else f'{days:g}'} ({p['resolved_cases']} resolved)")
        for c in p["channels"]:
            print(f"  {c['kind']} {c['value']}: {c['contacts']} contacts · answer rate "
                  f"{_pct(c['answer_rate'])} · median wait {_mins(c['median_wait_minutes'])} · "
                  f"median first reply {_mins(c['median_first_reply_minutes'])}")
    return 0
