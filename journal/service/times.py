"""Times typed by a person: parsed, and refused when they lie in the future."""
from __future__ import annotations

from datetime import timedelta

from ..domain import times
from ..errors import BadInput, Term

FUTURE_SLACK = timedelta(minutes=5)


def past_time(text: str, what: str) -> str:
    t = times.parse_time(text, what)
    if t > times.now() + FUTURE_SLACK:
        raise BadInput("time.in_future", what=Term(what), text=text)
    return times.format_time(t)
