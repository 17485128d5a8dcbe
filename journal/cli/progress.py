"""Progress of long commands (import, check, backup) on stderr, for a person watching.

Only when stderr is a terminal: one line, rewritten in place ("journal: checking the
attachments… 42 %"), at most a few times a second, and cleared when the work ends. Piped or
redirected, nothing is written, so scripts see only the answer and the errors.
"""
from __future__ import annotations

import sys
import time

_EVERY = 0.2  # seconds between redraws


class Progress:
    """A callable for the service's `progress=` arguments: progress(stage, done, total), where
    stage is the service's code for what is being done ("checking", "writing"…), said through
    `words` (a code missing from it is shown as it is), and total may be 0 when unknown."""

    def __init__(self, words: dict[str, str] | None = None, stream=None, *,
                 enabled: bool | None = None):
        self.words = words or {}
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._shown, self._width, self._stage = 0.0, 0, None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if stage == self._stage and now - self._shown < _EVERY and done < total:
            return
        self._stage, self._shown = stage, now
        line = f"journal: {self.words.get(stage, stage)}…" + (f" {min(100, done * 100 // total)} %" if total else "")
        self._draw(line)

    def _draw(self, line: str) -> None:
        pad = " " * max(0, self._width - len(line))
        self.stream.write("\r" + line + pad)
        self.stream.flush()
        self._width = len(line)

    def clear(self) -> None:
        """Take the line away (before the answer or an error is printed)."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.clear()
