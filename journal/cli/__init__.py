"""`journal`: the command line. Thin: it parses, asks the service, and prints.

commands.py holds the table of commands; each command's module (cases.py, directory.py…)
declares its own. Nothing heavy is imported until a command runs, so `journal --help` answers
at once. Every error reaches the user through output.error_line() or output.bug_line().
"""
from __future__ import annotations

import os

from ..errors import BadInput, JournalError, Term
from . import options, output
from .commands import build_parser
from .context import Context

__all__ = ["build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser(lazy=True)
    args = parser.parse_args(argv)
    if args.command is None:
        return _open_window(args)
    if getattr(args, "open", None):
        parser.error("--open FILE is for the window; give it without a command")
    return run(args)


def run(args) -> int:
    """Run the parsed command; map what it raises to a sentence on stderr and an exit code."""
    try:
        _refuse_ids_beyond_64_bits(args)
        return args.run(Context(args), args) or 0
    except JournalError as exc:
        output.complain(output.error_line(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        output.complain(output.interrupted_line())
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one sentence for the user, the details only on request
        if os.environ.get("JOURNAL_DEBUG"):
            import traceback
            traceback.print_exc()
        output.complain(output.bug_line(exc, f"journal {args.command}"))
        return 1


_ID_ARGS = {"case": "case", "interaction": "interaction", "item": "checklist item",
            "channel": "channel", "answered": "checklist item"}


def _refuse_ids_beyond_64_bits(args) -> None:
    """SQLite's integers end at 2**63 - 1, so a larger id names no record: one sentence here,
    before anything opens. (An id that is not a number at all is the service's to refuse.)"""
    # "id" is the id of what the command is about: a promise, an attachment, a channel.
    for attr, what in (*_ID_ARGS.items(), ("id", args.command)):
        values = getattr(args, attr, None)
        for value in values if isinstance(values, list) else [values]:
            try:
                number = int(str(value).strip().lstrip("#"))
            except ValueError:
                continue
            if number >= 2**63:
                shown = str(value) if len(str(value)) <= 30 else str(value)[:27] + "…"
                raise BadInput("id.too_large", shown=shown, what=Term(what))


def _open_window(args) -> int:
    """The window on the journal asked for, given --open's file; one sentence and exit 1 for
    a file that is not there, before any window."""
    try:
        given = options.file_to_open(args.open) if getattr(args, "open", None) else None
    except JournalError as exc:
        output.complain(output.error_line(exc))
        return exc.exit_code
    try:
        from ..ui.app import main as window_main
    except ImportError as exc:  # Qt's libraries missing on this machine: the commands still work
        # Qt's own words say which library is missing: no journal content in them.
        output.complain(output.error_line(JournalError("window.no_qt", detail=str(exc))))
        return 1
    return window_main(getattr(args, "journal", None) or os.environ.get("JOURNAL_DIR"),
                       open_file=given)
