"""Which hours and weekdays to try again, from the user's own record of answers.

A pattern is only a pattern with evidence behind it: one answered call on a Tuesday says
nothing about Tuesdays. So a best day or hour is named only when the record holds enough
answered calls and that slot stands out clearly from the rest.
"""
from __future__ import annotations

MIN_ANSWERED = 5     # answered calls before any day or hour is named
MIN_IN_SLOT = 2      # answers a named day or hour must hold itself
MARGIN = 2           # ...and at least this many times as many as any slot not named
MAX_NAMED = 2        # "on Tuesdays and Wednesdays"; three would be no advice at all


def best_slots(counts: dict[int, int], total: int | None = None) -> list[int]:
    """The one or two slots (hours, weekdays) with clearly the most answers, most first
    (ties: earlier first); empty when the record is too thin to say.

    Clearly: each slot named holds at least MIN_IN_SLOT answers and MARGIN times as many
    as the best slot left out; the fewest slots that pass are named."""
    total = sum(counts.values()) if total is None else total
    if total < MIN_ANSWERED:
        return []
    ranked = sorted((k for k, n in counts.items() if n > 0), key=lambda k: (-counts[k], k))
    for size in range(1, MAX_NAMED + 1):
        named, rest = ranked[:size], ranked[size:]
        if len(named) < size:
            break
        weakest = counts[named[-1]]
        strongest_left = counts[rest[0]] if rest else 0
        if weakest >= MIN_IN_SLOT and weakest >= MARGIN * strongest_left:
            return named
    return []
