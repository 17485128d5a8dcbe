"""What every subject of the service is given: the open journal's folder, database and key,
and the one way to write (`Context.write`), which makes one user action one transaction and
reports what it touched."""
from __future__ import annotations

import functools
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..domain import changes as kinds
from ..errors import JournalError


@dataclass
class Context:
    """The state of one open journal. `db` is None while the journal is locked."""
    folder: Path
    db: object
    key: bytes
    lock: object
    #: The kinds of record the last write touched (see domain/changes.py).
    last_changes: frozenset = field(default=kinds.NONE)
    #: Every kind touched since `take_changes()` was last called.
    pending: set = field(default_factory=set)

    def changed(self, found: frozenset) -> None:
        self.last_changes = found
        self.pending |= found

    def take_changes(self) -> frozenset:
        found, self.pending = frozenset(self.pending), set()
        return found

    def require_open(self):
        if self.db is None:
            raise JournalError("journal.locked")
        return self.db

    @contextmanager
    def write(self, *extra: str):
        """One transaction for one user action; inner store transactions join it. After the
        commit, `last_changes` names the kinds of record the ledger entries appended in it
        (and `extra`, for what the ledger does not hold: drafts, checklists)."""
        db = self.require_open()
        if db.in_transaction:  # an action made of other actions: the outer one reports
            with db.transaction() as conn:
                yield conn
            return
        with db.transaction() as conn:
            # max() alone, so SQLite reads the last row rather than scanning the ledger.
            before = conn.execute("SELECT max(seq) FROM ledger").fetchone()[0] or 0
            yield conn
            # The rows appended, by their seq (no DISTINCT: it would walk the entity index).
            entities = {r[0] for r in conn.execute(
                "SELECT entity FROM ledger WHERE seq > ?", (before,))}
        self.changed(kinds.of_entities(entities, *extra))


def writes(*extra: str):
    """Decorate a subject's method that changes the journal: it runs as one transaction and
    reports its changes (see Context.write). `extra`: kinds not kept in the ledger."""
    def wrap(method):
        @functools.wraps(method)
        def run(self, *args, **kwargs):
            with self.ctx.write(*extra):
                return method(self, *args, **kwargs)
        return run
    return wrap
