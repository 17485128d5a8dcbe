"""`journal log`, `amend`, `void`, `history` and `attachment`: the calls, chats and emails of a
case, the failed attempts, and the files kept with them."""
from __future__ import annotations

import os
import sys

from ..errors import BadInput, os_reason
from .checklist import carry_over
from .directory import warn
from .output import notice, short_time, warning
from .registry import Arg, OneOf, command

KINDS = "call|chat|email|in-app|social|letter"
OUTCOMES = "answered|no-answer|busy|dropped|queue-timeout|wrong-number"
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAYS = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")


def _interaction_args(*, amend: bool) -> list:
    return [
        Arg("--kind", metavar=KINDS, required=not amend),
        Arg("--channel", metavar="ID", help="a channel id from `journal channel list`"),
        Arg("--contact", metavar="VALUE", help="the number, address or handle used"),
        Arg("--start", metavar="TIME", help="when it began (ISO 8601; default now, or, for a call that did not "
             "connect after --wait minutes, that long ago, ending now)"),
        Arg("--end", metavar="TIME", help="when it ended"),
        Arg("--wait", metavar="MINUTES", help="time spent waiting in a queue"),
        Arg("--outcome", metavar=OUTCOMES, default=None if amend else "answered"),
        Arg("--agent", metavar="NAME"),
        Arg("--language", metavar="CODE", help="language of the conversation, e.g. zh"),
        OneOf(Arg("--note", metavar="TEXT"),
              Arg("--note-file", metavar="FILE", help="read the note from FILE (- for stdin)")),
        Arg("--ref", metavar="REFERENCE", action="append", default=[],
            help="a reference number, optionally KIND:VALUE (ticket, case, chat, tx, "
                 "withdrawal, order); repeatable"),
        Arg("--promise", metavar="TEXT", action="append", default=[],
            help="what was promised; pair each with --due"),
        Arg("--due", metavar="TIME", action="append", default=[]),
        Arg("--attach", metavar="FILE", action="append", default=[]),
        *([] if amend else [
            Arg("--answered", metavar="ITEM", action="append", default=[],
                help="a checklist item answered in this contact (see `journal checklist list "
                     "CASE`); repeatable")])]


def _note(args) -> str | None:
    if args.note_file is None:
        return args.note
    try:
        if args.note_file == "-":
            return sys.stdin.read()
        if os.path.exists(args.note_file) and not os.path.isfile(args.note_file):
            raise BadInput("note_file.not_regular", path=args.note_file)
        with open(args.note_file, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise BadInput("note_file.none", path=args.note_file) from None
    except UnicodeDecodeError:
        raise BadInput("note_file.not_utf8", path=args.note_file) from None
    except OSError as exc:
        raise BadInput("note_file.unreadable", path=args.note_file,
                       reason=os_reason(exc)) from None


def _parts(args) -> dict:
    from ..service import NewPromise
    if len(args.promise) != len(args.due):
        raise BadInput("promise.due_missing")
    return dict(references=args.ref, attachments=args.attach,
                promises=[NewPromise(t, d) for t, d in zip(args.promise, args.due)])


def _fields(args) -> dict:
    return dict(kind=args.kind, channel_id=args.channel, contact=args.contact, start=args.start,
                end=args.end, wait_minutes=args.wait, outcome=args.outcome, agent=args.agent,
                language=args.language, notes=_note(args))


def _alarm(notes: str | None) -> None:
    """Scam signs and secrets in a note: a warning on stderr; the record is saved all the same."""
    from ..domain.scam_signs import advice
    from ..service import Journal
    signs, secrets = Journal.note_alarms(notes)
    if signs:
        warning(advice(signs))
    if secrets:
        warning(f"this note holds what looks like a {' and a '.join(secrets)}; anyone who "
                f"reads it can take your funds. Never give it to anyone; if you already did, "
                f"move your funds to a new wallet now. Exports replace it with [redacted].")


def _suggest(j, record) -> None:
    """After a call that did not connect: where else to reach the real support, and when."""
    tips = j.reach_suggestions(record.case_id, tried_channel_id=record.channel_id,
                               tried_contact=record.contact)
    lines = [f"it did not connect ({record.outcome.value})."]
    if tips["channels"]:
        others = "; ".join(f"{c.kind.value} {c.value}" for c in tips["channels"][:4])
        lines.append(f"Other official channels of {tips['platform']}: {others}.")
    if tips["status_url"] or tips["website"]:
        lines.append(f"Check its status page and announcements for outages: "
                     f"{tips['status_url'] or tips['website']}.")
    if tips["help_url"]:
        lines.append(f"Its help centre: {tips['help_url']}.")
    if tips["support_hours"]:
        zone = ""
        if tips["time_there"]:
            day, clock = tips["time_there"].split()
            zone = (f" ({tips['time_zone']}; it is {WEEKDAYS[int(day)]} {clock} there "
                    f"now)")
        lines.append(f"Its support hours: {tips['support_hours']}{zone}.")
    pattern = _answered_most(tips)
    if pattern:
        lines.append(pattern)
    notice(" ".join(lines))


def _answered_most(tips) -> str:
    """When the platform answered calls, with the count it rests on; nothing while the record
    is too thin to name a day or an hour (the service decides)."""
    days = " and ".join(DAYS[d] for d in tips["best_weekdays"])
    hours = " and ".join(f"{h:02d}:00" for h in tips["best_hours"])
    if not days and not hours:
        return ""
    when = ", ".join(filter(None, [days and f"on {days}", hours and f"around {hours}"]))
    return (f"In your record ({tips['answered']} answered calls), {tips['platform']} answered "
            f"most {when} (your local time then).")


@command("log", help="record a call, chat, email or failed attempt", json=True,
         args=[Arg("case", metavar="CASE"), *_interaction_args(amend=False)])
def log(ctx, args):
    fields, parts = _fields(args), _parts(args)
    with ctx.journal() as j:
        record = j.log(args.case, **fields, **parts, answered=args.answered)
        ctx.created(record)
        if args.channel is not None or args.contact is not None:
            case = j.case(record.case_id)
            warn(j.contact_warnings(case.platform_id, channel_id=args.channel,
                                    contact=args.contact))
        if record.outcome.failed:
            _suggest(j, record)
        else:
            carry_over(j, record.case_id)
    _alarm(fields["notes"])


@command("amend", help="amend an interaction (the earlier text stays readable)", json=True,
         args=[Arg("interaction", metavar="INTERACTION"), Arg("--reason", metavar="TEXT"),
               *_interaction_args(amend=True)])
def amend(ctx, args):
    fields, parts = _fields(args), _parts(args)
    with ctx.journal() as j:
        record = j.amend(args.interaction, reason=args.reason, **fields, **parts)
    _alarm(fields["notes"])
    ctx.show(record, f"Interaction {record.id} is now at revision {record.revision}.")


@command("void", help="void an interaction with a reason (it stays in the record)", json=True,
         args=[Arg("interaction", metavar="INTERACTION"),
               Arg("--reason", metavar="TEXT", required=True)])
def void(ctx, args):
    with ctx.journal() as j:
        record = j.void(args.interaction, reason=args.reason)
    ctx.show(record, f"Interaction {record.id} is void; it stays in the record and leaves "
                     f"search.")


@command("history", help="every revision of an interaction", json=True,
         args=[Arg("interaction", metavar="INTERACTION")])
def history(ctx, args):
    with ctx.journal() as j:
        entries = j.history(args.interaction)
    if ctx.json:
        return ctx.emit(entries)
    for e in entries:
        reason = e.body.get("reason") if e.action != "create" else None
        print(f"{e.action} · recorded {short_time(e.recorded_at)}"
              + (f" · reason: {reason}" if reason else "") + f" · {e.hash[:16]}…")
        for line in (e.body.get("notes") or "").splitlines():
            print(f"    | {line}")


@command("attachment", help="save an attachment's file out of the journal, or print the text "
         "read out of it", json=True, args=[
    Arg("id", metavar="ID"),
    OneOf(Arg("--output", metavar="FILE", help="write the file to FILE"),
          Arg("--text", action="store_true",
              help="print the text read out of the picture or PDF"), required=True)])
def attachment(ctx, args):
    if args.text:
        from .reading import print_text
        with ctx.journal() as j:
            return print_text(ctx, j, args.id)
    with ctx.journal() as j:  # chunk by chunk, readable by its owner alone, whole or not at all
        a = j.save_attachment(args.id, args.output)
    ctx.show(a, f"Saved {a.name} ({a.size:,} bytes) to {args.output}.")
