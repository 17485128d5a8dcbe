"""Where journals live, for the front ends: the default folder, whether one holds a journal,
and files written readable by the user alone (exports, dumps, recovery keys)."""
from __future__ import annotations

from ..store.folder import default_dir, exists, private_file, require_journal, resolve

__all__ = ["default_dir", "exists", "private_file", "require_journal", "resolve"]
