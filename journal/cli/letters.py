"""`journal letter` and `journal calendar`: letters and forms filled from a case, and the
due dates in the user's own calendar."""
from __future__ import annotations

import sys

from .output import notice
from .registry import Arg, command

KINDS = "complaint|chaser|sar|chargeback|police|mica"


@command("letter", help="a letter or form filled from a case, to edit before use: its text "
         "on stdout, or a signed PDF with --pdf; --sent logs it as a letter entry", json=True,
         args=[
             Arg("case", metavar="CASE"),
             Arg("kind", metavar=KINDS),
             Arg("--language", metavar="en|zh_CN", help="its language (default en)"),
             Arg("--pdf", metavar="FILE", help="write it as a PDF (signed by the journal's "
                                               "key) instead"),
             Arg("--text-file", metavar="FILE", help="the text as you edited it (for --pdf "
                                                     "or --sent) instead of the filled-in one"),
             Arg("--sent", action="store_true",
                 help="log that it was sent: a letter entry holding its text"),
             Arg("--on", metavar="TIME", help="when it was sent (with --sent; default now)")])
def letter(ctx, args):
    text = _read_text(args.text_file) if args.text_file else None
    with ctx.journal() as j:
        made = j.letter(args.case, args.kind, language=args.language)
        text = made.text if text is None else text
        written = j.write_letter_pdf(made.case_id, made.kind, args.pdf, language=made.language,
                                     text=text) if args.pdf else None
        logged = j.log_letter(made.case_id, text, on=args.on) if args.sent else None
    if ctx.json:
        return ctx.emit({"case_id": made.case_id, "kind": made.kind, "language": made.language,
                         "title": made.title, "text": text,
                         "pdf": written, "logged": logged.id if logged else None})
    if written:
        print(written["path"])
    elif not args.sent:
        sys.stdout.write(text)
    if logged:
        notice(f"logged as letter entry {logged.id} of case {made.case_id}.")
    elif not written:
        notice("edit the [bracketed] parts before you send it; once sent, log it with "
               f"`journal letter {made.case_id} {made.kind} --sent`.")


def _read_text(path: str) -> str:
    """The edited text, read as `journal log --note-file` reads a note (- for stdin)."""
    from types import SimpleNamespace

    from .interactions import _note
    return _note(SimpleNamespace(note=None, note_file=path))


@command("calendar", help="every pending promise and running deadline as an .ics file for "
         "your calendar (importing it again updates the events)", json=True, args=[
             Arg("--ics", metavar="FILE", required=True)])
def calendar(ctx, args):
    with ctx.journal() as j:
        result = j.write_calendar(args.ics)
    ctx.show(result, f"{result['path']}: {result['events']} events")
