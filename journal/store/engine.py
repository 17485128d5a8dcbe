"""The database engine itself: the SQLCipher and SQLite versions compiled into sqlcipher3's
module, asked of an in-memory connection (no journal is opened, nothing is written)."""
from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite


def versions() -> dict[str, str]:
    """{"sqlcipher": "4.12.0 community", "sqlite": "3.51.1"}, as the engine says them."""
    conn = sqlite.connect(":memory:")
    try:
        cipher = conn.execute("PRAGMA cipher_version").fetchone()
        (engine,) = conn.execute("SELECT sqlite_version()").fetchone()
    finally:
        conn.close()
    # A build without SQLCipher answers the pragma with no row: say so rather than guess.
    return {"sqlcipher": cipher[0] if cipher else "none", "sqlite": engine}
