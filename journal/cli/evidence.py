"""`journal import-evidence`: support e-mails, chat exports and transcripts read into a case,
each original kept as an exhibit (docs/evidence-formats.md)."""
from __future__ import annotations

from .output import short_time
from .registry import Arg, command

# The stages of an import, as the service names them, for the progress line.
_STAGES = {"reading": "reading the files", "importing": "writing the entries"}
_FORMATS = {"email": "e-mail", "mbox": "mbox", "telegram": "Telegram", "whatsapp": "WhatsApp",
            "transcript": "transcript"}


def _count(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else words or word + 's'}"


def file_line(f) -> str:
    """One line for a file: its format, messages, time span, entries, attachments, skips."""
    span = short_time(f.start) + ("" if f.end == f.start else f" – {short_time(f.end)}")
    skipped = len(f.entries) - f.to_make
    parts = [f"{f.name}: {_FORMATS.get(f.format, f.format)}", _count(f.messages, "message"),
             span, f"{_count(f.to_make, 'entry', 'entries')} to make",
             _count(f.attachments, "attachment")]
    if f.already_in_case:
        parts.append("already in the case: skipped")
    elif skipped:
        parts.append(f"{skipped} already in the case: skipped")
    return ", ".join(parts)


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def origin_report(f, platform: str) -> list[str]:
    """Under a file's line: what is doubtful about each entry it makes (scam signs, secrets,
    its origin) and each e-mail's DKIM result; "not checked" is said once for the file when
    no look-up was allowed."""
    # Imported here: `journal --help` loads neither the service nor the domain.
    from ..domain.evidence.origin import dkim_sentence, origin_sentences
    from ..domain.scam_signs import sign_names
    lines, unchecked = [], 0
    for entry in f.entries:
        if entry.already_in_case:
            continue
        origin = entry.origin
        dkim = origin.dkim
        said = [s for s in origin_sentences(origin, platform)
                if dkim is None or s != dkim_sentence(dkim)]
        if dkim is not None and dkim.reason == "not-allowed":
            unchecked += 1
        elif dkim is not None:
            said.append(dkim_sentence(dkim))
        if entry.scam_signs:
            said.insert(0, "Looks like a scam: the other side "
                        + _joined(sign_names(entry.scam_signs)) + ". Send nothing.")
        if entry.secrets:
            said.append(f"It holds what looks like a {' or '.join(entry.secrets)}: never give "
                        f"it to anyone. Exports replace it with [redacted].")
        if said:
            lines.append(f"  {entry.title or entry.start}:")
            lines += [f"    {s}" for s in said]
    if unchecked:
        lines.append(f"  DKIM: {_count(unchecked, 'signature')} not checked; --check-dkim "
                     f"looks up each signer's key in DNS.")
    return lines


@command("import-evidence", help="import support e-mails (.eml, .mbox), Telegram or WhatsApp "
         "chat exports and chat transcripts into a case, each original kept as an exhibit",
         json=True, args=[
             Arg("case", metavar="CASE"),
             Arg("files", metavar="FILE", nargs="+"),
             Arg("--dry-run", action="store_true",
                 help="print what would be written, and write nothing"),
             Arg("--date-order", metavar="dmy|mdy|ymd", choices=("dmy", "mdy", "ymd"),
                 help="the order of day and month in the file's dates, when they do not show "
                      "it"),
             Arg("--timezone", metavar="TZ",
                 help="the IANA time zone of times written without one, such as "
                      "Europe/London (a WhatsApp export always needs it)"),
             Arg("--chat", metavar="NAME-OR-ID",
                 help="the chat to import from a Telegram export holding several"),
             Arg("--thread", metavar="MESSAGE-ID",
                 help="from an mbox, only the thread holding this Message-ID"),
             Arg("--from", dest="sender", metavar="TEXT",
                 help="from an mbox, only the messages whose From contains TEXT"),
             Arg("--subject", metavar="TEXT",
                 help="from an mbox, only the messages whose subject contains TEXT"),
             Arg("--check-dkim", action="store_true",
                 help="verify each e-mail's DKIM signature, looking up its signer's public "
                      "key in DNS (the one use of the network; without it, \"not checked\")")])
def import_evidence(ctx, args):
    from .progress import Progress
    with ctx.journal() as j, Progress(words=_STAGES) as progress:
        result = j.import_evidence(args.case, args.files, dry_run=args.dry_run,
                                   date_order=args.date_order, timezone=args.timezone,
                                   chat=args.chat, thread=args.thread, sender=args.sender,
                                   subject=args.subject, check_dkim=args.check_dkim,
                                   progress=progress)
        progress.clear()
    if ctx.json:
        return ctx.emit(result)
    for f in result.files:
        print(file_line(f))
        for line in origin_report(f, result.platform):
            print(line)
    verb = "Would import" if result.dry_run else "Imported"
    print(f"{verb} {_count(result.made, 'entry', 'entries')} into case "
          f"{result.case_id}.")
    return 0
