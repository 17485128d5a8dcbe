"""What-if variants of the database settings, applied by patching journal.store.db at run time.

They let the benchmark measure a proposed change to journal/store/db.py without making it.
The generator also uses "memsec-off" while it writes: SQLCipher's memory security changes only
how the process's heap is wiped and locked, not one byte of what is written, and without it
the writing runs several times faster.
"""
from __future__ import annotations

VARIANTS = {
    "as-is": "the journal exactly as written",
    "memsec-off": "PRAGMA cipher_memory_security = OFF instead of ON",
    "no-stmt-cache": "cipher_memory_security ON, connection made with cached_statements=0",
}


def apply_variant(name: str) -> None:
    if name not in VARIANTS:
        raise ValueError(f"unknown variant {name!r}")
    if name == "as-is":
        return
    import journal.store.db as dbmod
    real = getattr(dbmod.sqlite, "_real_module", dbmod.sqlite)

    class Connection:
        def __init__(self, conn):
            self._conn = conn

        def execute(self, sql, *args):
            if name == "memsec-off" and sql.startswith("PRAGMA cipher_memory_security"):
                sql = "PRAGMA cipher_memory_security = OFF"
            return self._conn.execute(sql, *args)

        def __getattr__(self, attr):
            return getattr(self._conn, attr)

    class Module:
        _real_module = real

        def __getattr__(self, attr):
            return getattr(real, attr)

        @staticmethod
        def connect(*args, **kw):
            if name == "no-stmt-cache":
                kw["cached_statements"] = 0
            return Connection(real.connect(*args, **kw))

    dbmod.sqlite = Module()
