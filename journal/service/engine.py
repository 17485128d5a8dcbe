"""What the front ends say about the database engine (`journal --version`, the About box):
SQLCipher's and SQLite's versions, asked of the engine the journal runs on."""
from __future__ import annotations

from functools import cache

from ..store import engine


@cache
def versions() -> dict[str, str]:
    """{"sqlcipher": "4.12.0 community", "sqlite": "3.51.1"} (asked once per process)."""
    return engine.versions()
