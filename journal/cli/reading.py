"""`journal ocr status` and `journal ocr run`: the text read out of pictures and PDFs.

Reading happens on this computer: each picture goes to the OCR worker process through a pipe
and nothing leaves it. `run` reads what waits, one file at a time; Ctrl+C stops it between
files, or in the middle of one, and what was read is kept: the next run goes on from there.
"""
from __future__ import annotations

from .registry import Arg, command, group

group("ocr", "the text read out of pictures and PDF attachments: status, run")

_WORDS = {"reading": "reading the text of pictures and PDFs"}


def _status(status) -> dict:
    return {"readable": status.readable, "read": status.done, "with_text": status.with_text,
            "no_text": status.no_text, "unreadable": status.unreadable,
            "waiting": status.waiting}


def _sentence(status) -> str:
    if not status.readable:
        return "There are no pictures or PDF attachments to read."
    parts = [f"{status.done} of {status.readable} pictures and PDFs read",
             f"{status.with_text} with text", f"{status.no_text} without",
             f"{status.unreadable} could not be read"]
    tail = f"; {status.waiting} waiting (`journal ocr run` reads them)." if status.waiting \
        else "; none waiting."
    return ": ".join([parts[0], ", ".join(parts[1:])]) + tail


@command("ocr", "status", help="how many pictures and PDFs were read, and how many wait",
         json=True, args=[Arg("--case", metavar="CASE", help="one case's files only")])
def ocr_status(ctx, args):
    with ctx.journal() as j:
        status = j.reading_status(args.case)
    ctx.show(_status(status), _sentence(status))


@command("ocr", "run", help="read the text of the pictures and PDFs that wait (Ctrl+C stops; "
         "what was read is kept)", json=True,
         args=[Arg("--case", metavar="CASE", help="one case's files only")])
def ocr_run(ctx, args):
    from .progress import Progress
    with ctx.journal() as j:
        before = j.reading_status(args.case)
        waiting = j.waiting_files(args.case)
        with Progress(words=_WORDS) as progress:
            status = j.read_attachments(args.case, progress=progress)
        _alarms(j, waiting)
    if ctx.json:
        return ctx.emit(_status(status))
    read = status.done - before.done
    print(f"Read {read} file{'s' if read != 1 else ''}. " + _sentence(status))


def _alarms(j, files) -> None:
    """Scam signs and secrets in what was just read: a warning on stderr naming each file,
    and once what to do, as a note that said the same would get."""
    from ..domain.scam_signs import advice
    from .output import warning
    all_signs: list[str] = []
    held = False
    for attachment in files:
        signs, secrets = j.attachment_alarms(attachment.id)   # none for a file not read
        where = f"{attachment.name} (entry {attachment.interaction_id})"
        if signs:
            warning(f"{where} looks like a scam: {', '.join(signs)}.")
            all_signs += [s for s in signs if s not in all_signs]
        if secrets:
            warning(f"{where} shows what looks like a {' and a '.join(secrets)}.")
            held = True
    if all_signs:
        warning(advice(all_signs))
    if held:
        warning("anyone who sees a seed phrase or a private key can take your funds. Never "
                "give it to anyone; if you already did, move your funds to a new wallet now. "
                "Exports cover it in black.")


def print_text(ctx, j, attachment_id) -> int:
    """`journal attachment ID --text`: the file's read text on stdout, or why there is none
    on stderr (exit 1 when it waits or could not be read)."""
    from ..domain.recognised_text import source_for
    from ..errors import BadInput, say
    from ..service.reading import reason_phrase
    attachment = j.attachment(attachment_id)
    reading = j.attachment_text(attachment.id)
    if ctx.json:
        return ctx.emit({"attachment": attachment, "reading": reading})
    if reading is None:
        if source_for(attachment.media_type) is None:
            raise BadInput("reading.not_readable", name=attachment.name,
                           media_type=attachment.media_type)
        raise BadInput("reading.waiting", name=attachment.name)
    if reading.status == "unreadable":
        raise BadInput("reading.unreadable", name=attachment.name,
                       reason=say(reason_phrase(reading)))
    if reading.status == "no-text":
        print(f"No text found in {attachment.name}.")
        return 0
    mark = ("Recognised by OCR; may contain errors." if reading.source == "ocr"
            else "Text taken from the PDF.")
    print(f"{attachment.name} — {mark} ({reading.engine}, {reading.read_at})")
    print(reading.text)
    return 0
