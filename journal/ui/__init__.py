"""The window (PySide6). Thin: it formats and asks `journal.service`; no SQL, no rules."""
