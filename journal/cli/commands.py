"""Every command of `journal`, and the parser built from them: the one table that the parsing,
the dispatch and `--help` all come from.

Each module below declares its commands with registry.command; this one puts them in the
order `journal --help` lists them.
"""
from __future__ import annotations

import argparse
from functools import partial

from . import (cases, checklist, directory, dispute, evidence,  # noqa: F401 (they declare)
               export, interactions, journal_file, letters, output, promises, reading, search,
               stats)
from .options import add_options
from .registry import COMMANDS, GROUPS

#: The commands in the order `journal --help` lists them.
ORDER = ("init", "platform", "channel", "case", "log", "checklist", "amend", "void", "history",
         "promise", "stage", "deadlines", "tx", "money", "wallet", "letter",
         "calendar", "search", "attachment", "ocr", "import-evidence", "export", "verify", "stats",
         "check", "backup", "restore", "passwd", "recovery-key", "dump", "import")


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, allow_abbrev=False, **kwargs):  # `--passphrase X` is no flag
        super().__init__(*args, allow_abbrev=allow_abbrev, **kwargs)

    def error(self, message):  # one sentence and exit 2, instead of argparse's usage dump
        import re
        # "(choose from 'init', 'platform', … 31 more)": --help lists them, one per line.
        message = re.sub(r" \(choose from [^)]*\)", "", message)
        output.complain(output.usage_line(message, self.prog))
        raise SystemExit(2)


def _common(json_flag: bool) -> argparse.ArgumentParser:
    """The options every command takes: which journal, its passphrase file, and --json."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--journal", metavar="DIR", default=argparse.SUPPRESS,
                   help="the journal folder (default: $JOURNAL_DIR, else your user data folder)")
    p.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                   help="read the passphrase from the first line of FILE")
    if json_flag:
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON for scripts")
    return p


class _Choices(argparse._SubParsersAction):
    """The commands, or a command's actions. With `lazy`, a command gets its arguments only
    once it is chosen, so `journal --help` or `journal case list` builds no other's options."""

    def __init__(self, *args, lazy: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy, self.pending = lazy, {}

    def complete(self, name: str, fill) -> None:
        """Give `name`'s parser its arguments with fill(parser): now, or once it is chosen."""
        if self.lazy:
            self.pending[name] = fill
        else:
            fill(self.choices[name])

    def __call__(self, parser, namespace, values, option_string=None):
        fill = self.pending.pop(values[0], None)
        if fill is not None:
            fill(self.choices[values[0]])
        super().__call__(parser, namespace, values, option_string)


def build_parser(*, lazy: bool = False) -> argparse.ArgumentParser:
    """The parser of every command in the table; each parses into `args.run`, its function.
    With `lazy` (main() parses so), a command's arguments are added once it is chosen."""
    common = {True: _common(True), False: _common(False)}
    parser = Parser(prog="journal", description="Support Journal: an encrypted record of every "
                    "call, chat and email with customer support. With no command, opens the "
                    "window.", parents=[common[True]])
    add_options(parser)   # --version, --open FILE
    top = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser,
                                action=_Choices, lazy=lazy)
    for name in sorted({c.name for c in COMMANDS}, key=ORDER.index):
        entries = [c for c in COMMANDS if c.name == name]  # a group's, in their declared order
        if name in GROUPS:
            top.add_parser(name, help=GROUPS[name], description=GROUPS[name],
                           parents=[common[False]])
            top.complete(name, partial(_add_actions, entries=entries, common=common, lazy=lazy))
        else:
            (entry,) = entries
            top.add_parser(name, help=entry.help, description=entry.help,
                           parents=[common[entry.json]])
            top.complete(name, partial(_add_args, entry=entry))
    return parser


def _add_actions(parser, *, entries, common, lazy: bool) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                    parser_class=Parser, action=_Choices, lazy=lazy)
    for entry in entries:
        actions.add_parser(entry.action, help=entry.help, description=entry.help,
                           parents=[common[entry.json]])
        actions.complete(entry.action, partial(_add_args, entry=entry))


def _add_args(parser, *, entry) -> None:
    for arg in entry.args:
        arg.add_to(parser)
    parser.set_defaults(run=entry.run)
