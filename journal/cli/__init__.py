"""`journal`: the command line. Thin: it parses, asks the service, and prints.

Nothing heavy is imported here, so `journal --help` answers at once; each
command imports the service when it runs.
"""
from __future__ import annotations

import argparse
import os
import sys

from .. import __version__

KINDS = "call|chat|email|in-app|social|letter"
OUTCOMES = "answered|no-answer|busy|dropped|queue-timeout|wrong-number"


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, allow_abbrev=False, **kwargs):  # `--passphrase X` is no flag
        super().__init__(*args, allow_abbrev=allow_abbrev, **kwargs)

    def error(self, message):  # one sentence and exit 2, instead of argparse's usage dump
        sys.stderr.write(f"journal: {message}; see `{self.prog} --help`.\n")
        sys.exit(2)


def _common(json_flag: bool) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--journal", metavar="DIR", default=argparse.SUPPRESS,
                   help="the journal folder (default: $JOURNAL_DIR, else your user data folder)")
    p.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                   help="read the passphrase from the first line of FILE")
    if json_flag:
        p.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                       help="print JSON for scripts")
    return p


def _interaction_options(p, *, amend: bool) -> None:
    p.add_argument("--kind", metavar=KINDS, required=not amend)
    p.add_argument("--channel", metavar="ID", help="a channel id from `journal channel list`")
    p.add_argument("--contact", metavar="VALUE", help="the number, address or handle used")
    p.add_argument("--start", metavar="TIME", help="when it began (ISO 8601; default now)")
    p.add_argument("--end", metavar="TIME", help="when it ended")
    p.add_argument("--wait", metavar="MINUTES", help="time spent waiting in a queue")
    p.add_argument("--outcome", metavar=OUTCOMES, default=None if amend else "answered")
    p.add_argument("--agent", metavar="NAME")
    p.add_argument("--language", metavar="CODE", help="language of the conversation, e.g. zh")
    notes = p.add_mutually_exclusive_group()
    notes.add_argument("--note", metavar="TEXT")
    notes.add_argument("--note-file", metavar="FILE", help="read the note from FILE (- for stdin)")
    p.add_argument("--ref", metavar="REFERENCE", action="append", default=[],
                   help="a reference number, optionally KIND:VALUE (ticket, case, chat, tx, "
                        "withdrawal, order); repeatable")
    p.add_argument("--promise", metavar="TEXT", action="append", default=[],
                   help="what was promised; pair each with --due")
    p.add_argument("--due", metavar="TIME", action="append", default=[])
    p.add_argument("--attach", metavar="FILE", action="append", default=[])


def build_parser() -> argparse.ArgumentParser:
    with_json, without_json = _common(True), _common(False)
    parser = _Parser(prog="journal", description="Support Journal: an encrypted record of every "
                     "call, chat and email with customer support. With no command, opens the "
                     "window.", parents=[with_json])
    parser.add_argument("--version", action="version", version=f"journal {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def cmd(name, help_, json_=False, **kw):
        return sub.add_parser(name, help=help_, description=help_,
                              parents=[with_json if json_ else without_json], **kw)

    cmd("init", "create a journal and print its recovery key once", json_=True)

    platform = cmd("platform", "platforms: add, list").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = platform.add_parser("add", help="add a platform", parents=[with_json])
    p.add_argument("name", metavar="NAME")
    p.add_argument("--website", metavar="URL")
    p.add_argument("--kind", metavar="exchange|wallet|other", default="other")
    platform.add_parser("list", help="list platforms", parents=[with_json])

    channel = cmd("channel", "contact channels: add, list").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = channel.add_parser("add", help="add a contact channel", parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM")
    p.add_argument("--kind", metavar="phone|email|chat|in-app|social|web-form", required=True)
    p.add_argument("--value", metavar="VALUE", required=True)
    p.add_argument("--source", metavar="official-site|in-app|official-social|community|other",
                   default="other")
    p.add_argument("--source-url", metavar="URL")
    p.add_argument("--language", metavar="CODE", action="append", default=[])
    p = channel.add_parser("list", help="list channels", parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM", nargs="?")
    p.add_argument("--language", metavar="CODE", help="only channels serving this language")

    case = cmd("case", "cases: open, list, show, status").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = case.add_parser("open", help="open a case", parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM")
    p.add_argument("title", metavar="TITLE")
    p.add_argument("--category", metavar="CAT", default="other")
    p.add_argument("--account", metavar="ACCOUNT-ID")
    p = case.add_parser("list", help="list cases, most recent activity first",
                        parents=[with_json])
    p.add_argument("--status", metavar="S")
    p.add_argument("--platform", metavar="P")
    p = case.add_parser("show", help="a case and its timeline", parents=[with_json])
    p.add_argument("case", metavar="CASE")
    p = case.add_parser("status", help="set a case's status", parents=[with_json])
    p.add_argument("case", metavar="CASE")
    p.add_argument("status", metavar="open|waiting|escalated|resolved|closed")
    p.add_argument("--reason", metavar="TEXT")

    p = cmd("log", "record a call, chat, email or failed attempt", json_=True)
    p.add_argument("case", metavar="CASE")
    _interaction_options(p, amend=False)

    p = cmd("amend", "amend an interaction (the earlier text stays readable)", json_=True)
    p.add_argument("interaction", metavar="INTERACTION")
    p.add_argument("--reason", metavar="TEXT")
    _interaction_options(p, amend=True)

    p = cmd("void", "void an interaction with a reason (it stays in the record)", json_=True)
    p.add_argument("interaction", metavar="INTERACTION")
    p.add_argument("--reason", metavar="TEXT", required=True)

    p = cmd("history", "every revision of an interaction", json_=True)
    p.add_argument("interaction", metavar="INTERACTION")

    promise = cmd("promise", "promises: list, set").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = promise.add_parser("list", help="pending promises, soonest due first",
                           parents=[with_json])
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--status", metavar="pending|kept|broken|cancelled")
    p.add_argument("--case", metavar="CASE")
    p = promise.add_parser("set", help="mark a promise kept, broken or cancelled",
                           parents=[with_json])
    p.add_argument("id", metavar="ID")
    p.add_argument("status", metavar="kept|broken|cancelled")

    p = cmd("search", "search notes, references, agents, cases, platforms, file names",
            json_=True)
    p.add_argument("query", metavar="QUERY", nargs="+")
    p.add_argument("--platform", metavar="P")
    p.add_argument("--since", metavar="TIME")
    p.add_argument("--limit", metavar="N", type=int, default=20)

    p = cmd("attachment", "save an attachment's file out of the journal")
    p.add_argument("id", metavar="ID")
    p.add_argument("--output", metavar="FILE", required=True)

    p = cmd("export", "write a case file for a dispute: a PDF, or a bundle anyone can check")
    p.add_argument("case", metavar="CASE")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", metavar="FILE.pdf", help="a PDF a stranger can read")
    target.add_argument("--bundle", metavar="FILE.zip",
                        help="the PDF, case.json, the files and a SHA-256 manifest in a ZIP")
    p.add_argument("--language", metavar="en|zh_CN", help="the labels' language (default en)")
    p.add_argument("--paper", metavar="a4|letter", choices=("a4", "letter"),
                   help="default: Letter in the US and Canada, else A4")
    p.add_argument("--name", metavar="NAME", help="your name on the cover (optional)")
    p.add_argument("--contact", metavar="TEXT", help="how to reach you, on the cover (optional)")
    p = cmd("verify", "check a case-file bundle: every file and the hash chain (no journal "
            "needed)")
    p.add_argument("file", metavar="FILE.zip")

    p = cmd("stats", "answer rate, waits, first replies, promises kept and days to resolution, "
            "per platform and channel, from your own record", json_=True)
    p.add_argument("--platform", metavar="P")

    cmd("check", "check the database, its encryption and the hash chain", json_=True)
    p = cmd("backup", "write a backup file (opens with the same passphrase)")
    p.add_argument("file", metavar="FILE")
    p = cmd("restore", "restore a backup file into a new journal folder")
    p.add_argument("file", metavar="FILE")
    p = cmd("passwd", "change the passphrase (from JOURNAL_NEW_PASSPHRASE, "
            "--new-passphrase-file, or asked twice)")
    p.add_argument("--new-passphrase-file", metavar="FILE")
    p.add_argument("--with-recovery-key", action="store_true",
                   help="unlock with the recovery key (JOURNAL_RECOVERY_KEY, "
                        "--recovery-key-file, or asked) instead of the old passphrase")
    p.add_argument("--recovery-key-file", metavar="FILE")
    p = cmd("dump", "print the whole journal as JSON (attachments included)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p = cmd("import", "import a dump into a new, empty journal (all or nothing)")
    p.add_argument("file", metavar="FILE", help="a file made by `journal dump` (- for stdin)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _open_window(args)
    from .commands import run
    return run(args)


def _open_window(args) -> int:
    try:
        from ..ui.app import main as window_main
    except ImportError as exc:  # Qt's libraries missing on this machine: the commands still work
        sys.stderr.write(f"journal: the window cannot start because Qt could not be loaded "
                         f"({exc}); every command works without it, see `journal --help`.\n")
        return 1
    return window_main(getattr(args, "journal", None) or os.environ.get("JOURNAL_DIR"))
