"""`journal stats`: how each platform answered you, from your own record."""
from __future__ import annotations


def stats(args):
    from .commands import _json, _open
    from .output import emit_json
    with _open(args) as journal:
        figures = journal.stats(platform=args.platform)
    if _json(args):
        return emit_json(figures)
    if not figures:
        print("Nothing logged yet.")
        return 0

    def pct(v):
        return "–" if v is None else f"{v * 100:.0f}%"

    def mins(v):
        return "–" if v is None else f"{v:g} min"

    for p in figures:
        days = p["median_days_to_resolution"]
        print(f"{p['platform']}: {p['contacts']} contacts · answer rate {pct(p['answer_rate'])}"
              f" ({p['answered_calls']}/{p['calls']} calls) · median wait "
              f"{mins(p['median_wait_minutes'])} · median first reply (chat, email) "
              f"{mins(p['median_first_reply_minutes'])} · promises kept {p['promises_kept']}, "
              f"broken {p['promises_broken']} · median days to resolution "
              f"{'–' if days is None else f'{days:g}'} ({p['resolved_cases']} resolved)")
        for c in p["channels"]:
            print(f"  {c['kind']} {c['value']}: {c['contacts']} contacts · answer rate "
                  f"{pct(c['answer_rate'])} · median wait {mins(c['median_wait_minutes'])} · "
                  f"median first reply {mins(c['median_first_reply_minutes'])}")
    return 0
