"""What every command is given: its journal, opened as the user asked, and its output (JSON
for scripts with --json, else text for people).

The service is imported when a command opens its journal, not before: `journal --help` and a
usage error never load the database or the cryptography.
"""
from __future__ import annotations

from . import passphrase
from .output import emit_json, table


class Context:
    """The parsed command line, and what a command needs from it."""

    def __init__(self, args):
        self.args = args
        self.json = bool(getattr(args, "json", False))

    # -- the journal ---------------------------------------------------------------------

    def folder(self):
        """The journal's folder: --journal DIR, else $JOURNAL_DIR, else the user data folder."""
        from ..service import folders
        return folders.resolve(getattr(self.args, "journal", None))

    def passphrase(self) -> str:
        """The passphrase: $JOURNAL_PASSPHRASE, --passphrase-file, or asked at the terminal."""
        return passphrase.current(self.args)

    def journal(self, *, with_recovery_key: bool = False):
        """The journal, opened with the passphrase (or the recovery key); use it in `with`."""
        from ..service import Journal, folders
        path = self.folder()
        folders.require_journal(path)
        if with_recovery_key:
            return Journal.open(path, recovery_key=passphrase.recovery_key(self.args))
        return Journal.open(path, passphrase=self.passphrase())

    # -- the answer ----------------------------------------------------------------------

    def emit(self, obj) -> None:
        """Print `obj` as JSON."""
        emit_json(obj)

    def show(self, record, sentence: str) -> None:
        """The record as JSON with --json, else the sentence."""
        if self.json:
            emit_json(record)
        else:
            print(sentence)

    def created(self, record) -> None:
        """A new record: its id, or with --json the whole record."""
        self.show(record, str(record.id))

    def table(self, records, rows: list[list], headers: list[str], empty: str) -> None:
        """The records as JSON with --json, else the rows aligned under the headers (`empty`
        on stderr when there are none)."""
        if self.json:
            emit_json(records)
        else:
            table(rows, headers, empty)
