"""Chain format 2: each field committed to by its own salted digest, and the fast digests that
`journal check` uses equal to the canonical form the bundle's README describes."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journal.domain.chain import (
    ChainEntry,
    committed_form,
    entry_hash,
    field_digest,
    field_digests,
    first_break,
    new_salts,
)

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text()
                    | st.floats(allow_nan=False, allow_infinity=False),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


@given(st.dictionaries(st.text(min_size=1, max_size=10), JSON, max_size=6))
def test_the_fast_digests_are_the_canonical_ones(body):
    salts = new_salts(body)
    assert field_digests(body, salts) == {k: field_digest(salts[k], k, v)
                                          for k, v in body.items()}


def _entry(body, salts, shown=None, shown_salts=None):
    """An entry hashed over `body`, shown with `shown` (a forger's body) instead."""
    form = dict(seq=1, case_id=1, entity="interaction", entity_id=7, action="create",
                recorded_at="2026-01-01T00:00:00.000+00:00", body=body, prev_hash="0" * 64,
                case_prev_hash="0" * 64)
    digest = entry_hash(committed_form(1, 1, "interaction", 7, "create", form["recorded_at"],
                                       field_digests(body, salts), "0" * 64, "0" * 64))
    form["body"] = body if shown is None else shown
    return ChainEntry(**form, hash=digest, salts=salts if shown_salts is None else shown_salts)


def test_a_changed_value_salt_or_field_breaks_the_entry():
    body = {"notes": "hello", "agent": "Lily"}
    salts = new_salts(body)
    assert first_break([_entry(body, salts)]) is None
    assert first_break([_entry(body, salts, {**body, "agent": "Mallory"})])
    assert first_break([_entry(body, salts, shown_salts={**salts, "agent": "00" * 16})])
    assert first_break([_entry(body, salts, {**body, "extra": 1})])
    assert first_break([_entry(body, salts, {"notes": "hello"})])


def test_salts_are_fresh_and_long():
    a, b = new_salts({"x": 1}), new_salts({"x": 1})
    assert a != b and len(a["x"]) == 32
