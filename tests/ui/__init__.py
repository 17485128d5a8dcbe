"""The window's tests.

WAIT is how long a test waits for the state it expects (a signal, a widget shown, a reading
answered) before it fails. A wait ends as soon as the state is there, so WAIT only stops a
hang: it is long enough that a busy machine cannot fail a test that would pass on a quiet one.
"""
WAIT = 120_000
