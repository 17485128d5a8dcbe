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
CHANNEL_KINDS = "phone|email|chat|in-app|social|web-form"
SOURCES = "official-site|in-app|official-social|community|other"
STATUSES = "verified|unverified|reported-fake"


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
    if not amend:
        p.add_argument("--answered", metavar="ITEM", action="append", default=[],
                       help="a checklist item answered in this contact (see `journal checklist "
                            "list CASE`); repeatable")


def _platform_options(p, *, edit: bool) -> None:
    if edit:
        p.add_argument("--name", metavar="NEW", help="rename the platform")
    p.add_argument("--kind", metavar="exchange|wallet|other", default=None if edit else "other")
    p.add_argument("--website", metavar="URL")
    p.add_argument("--help-url", metavar="URL", help="its help centre")
    p.add_argument("--status-url", metavar="URL", help="its status or announcements page")
    p.add_argument("--hours", metavar="TEXT",
                   help='support hours as it states them, e.g. "Mon-Fri 09:00-18:00"')
    p.add_argument("--time-zone", metavar="ZONE",
                   help="the time zone of those hours, e.g. Asia/Singapore")
    p.add_argument("--language", metavar="CODE", action="append",
                   help="a language its support speaks; repeatable")
    p.add_argument("--country", metavar="CC", action="append",
                   help="a country it serves, as a two-letter code such as US or GB; repeatable")


def _channel_options(p, *, edit: bool) -> None:
    p.add_argument("--kind", metavar=CHANNEL_KINDS, required=not edit)
    p.add_argument("--value", metavar="VALUE", required=not edit,
                   help="a phone number with + and its country code, an address or a handle")
    p.add_argument("--source", metavar=SOURCES, default=None if edit else "other")
    p.add_argument("--source-url", metavar="URL", help="where you found it")
    p.add_argument("--language", metavar="CODE", action="append", default=None if edit else [],
                   help="a language it serves; repeatable")
    p.add_argument("--status", metavar=STATUSES,
                   help=None if edit else "default: verified when the source is the platform's "
                                          "own site, app or account, else unverified")
    p.add_argument("--checked", metavar="YYYY-MM-DD",
                   help="the day you checked it at its source" + ("" if edit else
                                                                  " (default today)"))
    p.add_argument("--hours", metavar="TEXT", help="when it answers, if not the platform's hours")


def _checklist_commands(group, with_json, without_json) -> None:
    p = group.add_parser("list", help="a case's checklist, answered items ticked",
                         parents=[with_json])
    p.add_argument("case", metavar="CASE")
    p = group.add_parser("add", help="add a question to ask (or, with --have, a detail to have "
                         "ready); prints its id", parents=[with_json])
    p.add_argument("case", metavar="CASE")
    p.add_argument("text", metavar="TEXT", nargs="+")
    p.add_argument("--have", action="store_true", help="a detail to have ready, not a question")
    p = group.add_parser("done", help="tick an item as answered", parents=[with_json])
    p.add_argument("item", metavar="ITEM")
    p.add_argument("--interaction", metavar="ID", help="the contact it was answered in")
    p = group.add_parser("undo", help="untick an item", parents=[with_json])
    p.add_argument("item", metavar="ITEM")
    p = group.add_parser("edit", help="reword an item", parents=[with_json])
    p.add_argument("item", metavar="ITEM")
    p.add_argument("text", metavar="TEXT", nargs="+")
    p = group.add_parser("move", help="put an item at a place in the list (1 = first)",
                         parents=[with_json])
    p.add_argument("item", metavar="ITEM")
    p.add_argument("position", metavar="POSITION")
    p = group.add_parser("remove", help="remove an item", parents=[without_json])
    p.add_argument("item", metavar="ITEM")
    p = group.add_parser("suggest", help="add the items suggested for the case's category that "
                         "it lacks", parents=[with_json])
    p.add_argument("case", metavar="CASE")
    p.add_argument("--language", metavar="en|zh_CN", help="the items' language (default en)")


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

    platform = cmd("platform", "platforms: add, edit, list, show").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = platform.add_parser("add", help="add a platform", parents=[with_json])
    p.add_argument("name", metavar="NAME")
    _platform_options(p, edit=False)
    edit_help = ("correct a platform; an option given as \"\" clears it, --language and "
                 "--country replace the list")
    p = platform.add_parser("edit", help=edit_help, description=edit_help, parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM")
    _platform_options(p, edit=True)
    platform.add_parser("list", help="list platforms", parents=[with_json])
    p = platform.add_parser("show", help="a platform's details and its channels",
                            parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM")

    channel = cmd("channel", "contact channels: add, edit, mark, list").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    p = channel.add_parser("add", help="add a contact channel", parents=[with_json])
    p.add_argument("platform", metavar="PLATFORM")
    _channel_options(p, edit=False)
    edit_help = "correct a channel; --source-url \"\" clears it, --language replaces the list"
    p = channel.add_parser("edit", help=edit_help, description=edit_help, parents=[with_json])
    p.add_argument("id", metavar="ID")
    _channel_options(p, edit=True)
    p = channel.add_parser("mark", help="set a channel's status; the date checked becomes "
                           "today unless --checked says otherwise", parents=[with_json])
    p.add_argument("id", metavar="ID")
    p.add_argument("status", metavar=STATUSES)
    p.add_argument("--checked", metavar="YYYY-MM-DD")
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
    p.add_argument("--checklist-language", metavar="en|zh_CN",
                   help="the language of the suggested checklist (default en)")
    p.add_argument("--no-checklist", action="store_true",
                   help="start with an empty checklist instead of the suggested one")
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

    checklist = cmd("checklist", "a case's checklist, what to ask and to have ready: list, add, "
                    "done, undo, edit, move, remove, suggest").add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=_Parser)
    _checklist_commands(checklist, with_json, without_json)

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
    p = cmd("verify", "check a case-file bundle (every file, both signatures, the hash chain "
            "and case.json against it) or a case-file PDF's signature; no journal needed")
    p.add_argument("file", metavar="FILE.zip|FILE.pdf")

    p = cmd("stats", "answer rate, waits, first replies, promises kept and days to resolution, "
            "per platform and channel, from your own record", json_=True)
    p.add_argument("--platform", metavar="P")

    p = cmd("check", "check the database, its encryption, the hash chain, every record against "
            "it, and the search index", json_=True)
    p.add_argument("--repair-index", action="store_true",
                   help="first rebuild the search index from the records (in one transaction)")
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
    cmd("recovery-key", "make a new recovery key and print it once (asks for the passphrase); "
        "the old one stops opening the journal", json_=True)
    p = cmd("dump", "print the whole journal as JSON (attachments included)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p = cmd("import", "import a dump into a new, empty journal (all or nothing)")
    p.add_argument("file", metavar="FILE", help="a file made by `journal dump` (- for stdin)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _open_window(args)
    too_large = _id_beyond_64_bits(args)
    if too_large:
        sys.stderr.write(f"journal: {too_large}\n")
        return 1
    from .commands import run
    return run(args)


_ID_ARGS = {"case": "case", "interaction": "interaction", "item": "checklist item",
            "channel": "channel", "answered": "checklist item"}


def _id_beyond_64_bits(args) -> str | None:
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
                return f"{shown} is too large to be the number of any {what}; nothing was changed."
    return None


def _open_window(args) -> int:
    try:
        from ..ui.app import main as window_main
    except ImportError as exc:  # Qt's libraries missing on this machine: the commands still work
        sys.stderr.write(f"journal: the window cannot start because Qt could not be loaded "
                         f"({exc}); every command works without it, see `journal --help`.\n")
        return 1
    return window_main(getattr(args, "journal", None) or os.environ.get("JOURNAL_DIR"))
