"""Which hours and weekdays to try again, from the user's own record of answers."""
from __future__ import annotations


def busiest(counts: dict[int, int], top: int = 3) -> list[int]:
    """The `top` keys with the most answers, most first (ties: earlier first); at least 1."""
    ranked = sorted((k for k, n in counts.items() if n > 0), key=lambda k: (-counts[k], k))
    return ranked[:top]
