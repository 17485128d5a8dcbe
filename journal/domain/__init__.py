"""The journal's vocabulary and rules, in pure Python (no Qt, no SQL)."""
