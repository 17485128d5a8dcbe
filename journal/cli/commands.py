"""What each command does: ask the service, print the answer, map errors to exit codes."""
from __future__ import annotations

import json
import os
import sys
import traceback

from ..errors import BadInput, JournalError
from . import passphrase
from .output import emit_json, minutes, short_time, table


def run(args) -> int:
    handler = _HANDLERS[(args.command, getattr(args, "action", None))]
    try:
        return handler(args) or 0
    except JournalError as exc:
        sys.stderr.write(f"journal: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("journal: interrupted; nothing half-saved was kept.\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one sentence for the user, the details only on request
        if os.environ.get("JOURNAL_DEBUG"):
            traceback.print_exc()
        sys.stderr.write(f"journal: something went wrong inside Support Journal "
                         f"({type(exc).__name__}); nothing unsaved was written. "
                         f"Set JOURNAL_DEBUG=1 to see details.\n")
        return 1


def _json(args) -> bool:
    return getattr(args, "json", False)


def _open(args):
    from ..service import Journal
    from ..store import folder
    path = folder.resolve(getattr(args, "journal", None))
    folder.require_journal(path)
    return Journal.open(path, passphrase=passphrase.current(args))


def _created(args, record) -> None:
    if _json(args):
        emit_json(record)
    else:
        print(record.id)


# -- init ----------------------------------------------------------------------------------

def init(args):
    from ..service import Journal
    from ..store import folder
    path = folder.resolve(getattr(args, "journal", None))
    if folder.exists(path):
        raise BadInput(f"A journal already exists at {path}; nothing was changed.")
    secret = passphrase.new_journal(args)
    journal, recovery = Journal.create(path, passphrase=secret)
    journal.close()
    if _json(args):
        emit_json({"journal": str(path), "recovery_key": recovery})
        return
    print(f"Created a journal at {path}.\n")
    print("Recovery key (shown this once; it opens the journal if you forget the passphrase):\n")
    print(f"    {recovery}\n")
    print("Write it on paper and keep it somewhere safe, away from this computer.")


# -- cases --------------------------------------------------------------------------------

def case_open(args):
    from .checklist_commands import suggestion_language
    language = None if args.no_checklist else suggestion_language(args.checklist_language)
    with _open(args) as j:
        _created(args, j.open_case(args.platform, args.title, category=args.category,
                                   account_id=args.account, checklist_language=language))


def case_list(args):
    with _open(args) as j:
        cases = j.cases(status=args.status, platform=args.platform)
    if _json(args):
        return emit_json(cases)
    table([[c.id, c.platform, c.title, c.status.value, short_time(c.last_activity),
            c.open_promises or ""] for c in cases],
          ["ID", "PLATFORM", "TITLE", "STATUS", "LAST ACTIVITY", "OPEN PROMISES"],
          "No cases match.")


def case_show(args):
    with _open(args) as j:
        case = j.case(args.case)
        timeline = j.timeline(case.id)
        head = j.chain_head(case.id)
        risk = j.scam_risk(case.id)
        items = j.checklist(case.id)
    if _json(args):  # the checklist has its own `journal checklist list CASE --json`
        return emit_json({"case": case, "interactions": timeline, "chain_head": head,
                          "scam_risk": risk})
    print(f"Case {case.id}: {case.title}")
    print(f"  {case.platform} · {case.category.value} · {case.status.value}"
          + (f" · account {case.account_id}" if case.account_id else ""))
    print(f"  opened {short_time(case.opened_at)} · last activity "
          f"{short_time(case.last_activity)}")
    print(f"  chain head {head}")
    if risk:
        print(f"  SCAM RISK: the notes describe {', '.join(risk)}; official support never asks "
              f"for these. Contact the platform only through its official website or app.")
    from .checklist_commands import print_open_items
    print_open_items(items, case.id)
    for i in timeline:
        _print_interaction(i)


def _print_interaction(i) -> None:
    outcome = "" if i.outcome.value == "answered" else f" · FAILED: {i.outcome.value}"
    marks = (" · amended" if i.amended else "") + (f" · VOID: {i.void_reason}" if i.voided else "")
    print(f"\n#{i.id}  {short_time(i.started_at)}  {i.kind.value}{outcome}{marks}")
    facts = [f"agent {i.agent}" if i.agent else "", f"via {i.contact}" if i.contact else "",
             f"waited {minutes(i.wait_minutes)}" if i.wait_minutes is not None else "",
             f"lasted {minutes(i.duration_minutes)}" if i.ended_at else ""]
    if any(facts):
        print("    " + " · ".join(f for f in facts if f))
    for r in i.references:
        print(f"    ref {r.kind.value}: {r.value}")
    for p in i.promises:
        print(f"    promise #{p.id} ({p.status.value}, due {short_time(p.due_at)}): {p.text}")
    for a in i.attachments:
        print(f"    file #{a.id} {a.name} ({a.size:,} bytes, sha256 {a.sha256[:16]}…)")
    for line in i.notes.splitlines():
        print(f"    | {line}")


def case_status(args):
    with _open(args) as j:
        case = j.set_case_status(args.case, args.status, reason=args.reason)
    if _json(args):
        return emit_json(case)
    print(f"Case {case.id} is now {case.status.value}.")


# -- interactions -------------------------------------------------------------------------

def _note(args) -> str | None:
    if args.note_file is None:
        return args.note
    try:
        if args.note_file == "-":
            return sys.stdin.read()
        if os.path.exists(args.note_file) and not os.path.isfile(args.note_file):
            raise BadInput(f"The note file {args.note_file} is not a regular file.")
        with open(args.note_file, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        raise BadInput(f"The note file {args.note_file} does not exist.") from None
    except UnicodeDecodeError:
        raise BadInput(f"The note file {args.note_file} is not UTF-8 text.") from None
    except OSError as exc:
        raise BadInput(f"Cannot read the note file {args.note_file}: {exc.strerror}.") from None


def _parts(args):
    from ..service import NewPromise
    if len(args.promise) != len(args.due):
        raise BadInput("Give each --promise its own --due time (they pair up in order).")
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
        sys.stderr.write(f"journal: warning: {advice(signs)}\n")
    if secrets:
        sys.stderr.write(f"journal: warning: this note holds what looks like a "
                         f"{' and a '.join(secrets)}; anyone who reads it can take your funds. "
                         f"Never give it to anyone; if you already did, move your funds to a "
                         f"new wallet now. Exports replace it with [redacted].\n")


def _suggest(j, record) -> None:
    """After a call that did not connect: where else to reach the real support, and when."""
    from ..domain.reach import busiest
    tips = j.reach_suggestions(record.case_id, tried_channel_id=record.channel_id,
                               tried_contact=record.contact)
    lines = [f"journal: it did not connect ({record.outcome.value})."]
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
            weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[int(day)]
            zone = f" ({tips['time_zone']}; it is {weekday} {clock} there now)"
        lines.append(f"Its support hours: {tips['support_hours']}{zone}.")
    if tips["answered"]:
        days = ", ".join(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[d]
                         for d in busiest(tips["answered_by_weekday"]))
        hours = ", ".join(f"{h:02d}:00" for h in busiest(tips["answered_by_hour"]))
        lines.append(f"In your record {tips['platform']} answered most on {days}, around "
                     f"{hours} (your local time then).")
    sys.stderr.write(" ".join(lines) + "\n")


def log(args):
    from .checklist_commands import carry_over
    from .directory_commands import warn
    fields, parts = _fields(args), _parts(args)
    with _open(args) as j:
        record = j.log(args.case, **fields, **parts, answered=args.answered)
        _created(args, record)
        if args.channel is not None or args.contact is not None:
            case = j.case(record.case_id)
            warn(j.contact_warnings(case.platform_id, channel_id=args.channel,
                                    contact=args.contact))
        if record.outcome.failed:
            _suggest(j, record)
        else:
            carry_over(j, record.case_id)
    _alarm(fields["notes"])


def amend(args):
    fields, parts = _fields(args), _parts(args)
    with _open(args) as j:
        record = j.amend(args.interaction, reason=args.reason, **fields, **parts)
    _alarm(fields["notes"])
    if _json(args):
        return emit_json(record)
    print(f"Interaction {record.id} is now at revision {record.revision}.")


def void(args):
    with _open(args) as j:
        record = j.void(args.interaction, reason=args.reason)
    if _json(args):
        return emit_json(record)
    print(f"Interaction {record.id} is void; it stays in the record and leaves search.")


def history(args):
    with _open(args) as j:
        entries = j.history(args.interaction)
    if _json(args):
        return emit_json(entries)
    for e in entries:
        reason = e.body.get("reason") if e.action != "create" else None
        print(f"{e.action} · recorded {short_time(e.recorded_at)}"
              + (f" · reason: {reason}" if reason else "") + f" · {e.hash[:16]}…")
        for line in (e.body.get("notes") or "").splitlines():
            print(f"    | {line}")


def promise_list(args):
    status = args.status or (None if args.overdue else "pending")
    with _open(args) as j:
        promises = j.promises(overdue=args.overdue, status=status, case_id=args.case)
    if _json(args):
        return emit_json(promises)
    table([[p.id, p.case_id, short_time(p.due_at), p.status.value, p.text] for p in promises],
          ["ID", "CASE", "DUE", "STATUS", "PROMISE"],
          "No promises match.")


def promise_set(args):
    with _open(args) as j:
        p = j.set_promise(args.id, args.status)
    if _json(args):
        return emit_json(p)
    print(f"Promise {p.id} is now {p.status.value}.")


def search(args):
    query = " ".join(args.query)
    with _open(args) as j:
        hits = j.search(query, platform=args.platform, since=args.since, limit=args.limit)
    if _json(args):
        return emit_json(hits)
    if not hits:
        print("No matches.", file=sys.stderr)
        return 0
    seen = None
    for h in hits:
        if h.case_id != seen:
            print(f"\nCase {h.case_id} · {h.platform} · {h.case_title}")
            seen = h.case_id
        where = f"#{h.interaction_id} {short_time(h.started_at)}" if h.interaction_id else "case"
        print(f"  {where}  {h.snippet}")


def attachment(args):
    with _open(args) as j:
        a = j.attachment(args.id)
        data = j.attachment_bytes(a.id)
    from ..store.folder import private_file
    try:  # the file may be evidence the user alone should read
        with private_file(args.output, exclusive=True) as f:
            f.write(data)
    except FileExistsError:
        raise BadInput(f"{args.output} already exists; choose another name.") from None
    except OSError as exc:
        raise BadInput(f"Cannot write {args.output}: {exc.strerror}.") from None
    print(f"Saved {a.name} ({a.size:,} bytes) to {args.output}.")


# -- integrity, backup, passphrase, dump ---------------------------------------------------

def check(args):
    from ..errors import IntegrityFailure
    try:
        with _open(args) as j:
            if getattr(args, "repair_index", False):
                j.repair_index()
                if not _json(args):
                    print("The search index was rebuilt from the records.")
            report = j.check()
    except IntegrityFailure as exc:
        sys.stderr.write(f"journal: {exc}\n")
        return 4
    if _json(args):
        emit_json(report)
    elif report.ok:
        print(f"The journal is intact: encryption, database, hash chain ({report.entries} "
              f"entries), every record against it, and the search index all check out.")
    for problem in report.problems:
        sys.stderr.write(f"journal: {problem}\n")
    return 0 if report.ok else 4


def backup(args):
    with _open(args) as j:
        size = j.backup(args.file)
    print(f"Wrote a backup of {size:,} bytes to {args.file}; it opens with the same passphrase.")


def restore(args):
    from ..service import Journal
    from ..store import folder
    path = folder.resolve(getattr(args, "journal", None))
    with Journal.restore(args.file, path, passphrase=passphrase.current(args)) as j:
        ok = j.check().ok
    print(f"Restored the backup into {path}" + ("." if ok else
                                                   ", but `journal check` finds problems."))
    return 0 if ok else 4


def passwd(args):
    from ..service import Journal
    from ..store import folder
    from ..store.unlock import check_new_passphrase
    path = folder.resolve(getattr(args, "journal", None))
    folder.require_journal(path)
    if args.with_recovery_key:
        j = Journal.open(path, recovery_key=passphrase.recovery_key(args))
    else:
        j = Journal.open(path, passphrase=passphrase.current(args))
    with j:
        new = passphrase.replacement(args)
        check_new_passphrase(new)
        j.change_passphrase(new)
    print("The passphrase is changed. The recovery key stays the same.")


def recovery_key(args):
    from ..service import Journal
    path, key = Journal.replace_recovery_key(getattr(args, "journal", None),
                                             passphrase=passphrase.current(args))
    if _json(args):
        return emit_json({"journal": str(path), "recovery_key": key})
    print(f"New recovery key (shown this once; the old one no longer opens this journal, "
          f"only backups made before now):\n\n    {key}\n\nWrite it on paper and keep it "
          f"somewhere safe, away from this computer.")


def dump(args):
    with _open(args) as j:
        if not args.output:
            j.write_dump(sys.stdout)
            return
        from ..store.folder import private_file
        try:  # plaintext: readable by its owner only
            out = private_file(args.output, "w", exclusive=True)
        except FileExistsError:
            raise BadInput(f"{args.output} already exists; choose another name.") from None
        except OSError as exc:
            raise BadInput(f"Cannot write {args.output}: {exc.strerror}.") from None
        try:
            with out:
                j.write_dump(out)
        except BaseException:
            os.unlink(args.output)  # half a dump is no dump
            raise
    print(f"Wrote the whole journal to {args.output}; it is NOT encrypted — keep it safe.",
          file=sys.stderr)


def import_(args):
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as f:
                raw = f.read()
    except OSError as exc:
        raise BadInput(f"Cannot read {args.file}: {exc.strerror}.") from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadInput(f"{args.file} is not UTF-8 text, so it is not a journal dump.") from None
    except json.JSONDecodeError as exc:
        raise BadInput(f"{args.file} is not complete JSON ({exc.msg} at line {exc.lineno}); "
                       f"nothing was imported.") from None
    except (RecursionError, ValueError):  # nested thousands deep, or a number of 5,000 digits
        raise BadInput(f"{args.file} nests too deeply or holds too long a number to be a "
                       f"journal dump; nothing was imported.") from None
    with _open(args) as j:
        counts = j.import_dump(document)
    print("Imported " + ", ".join(f"{n:,} {kind}" for kind, n in counts.items()) + ".")


def _elsewhere(module: str, name: str):
    """A handler in a module of its own, imported only when its command runs."""
    def handler(args):
        from importlib import import_module
        return getattr(import_module(f"{__package__}.{module}"), name)(args)
    return handler


_HANDLERS = {
    ("init", None): init,
    **{("platform", a): _elsewhere("directory_commands", f"platform_{a}")
       for a in ("add", "edit", "list", "show")},
    **{("channel", a): _elsewhere("directory_commands", f"channel_{a}")
       for a in ("add", "edit", "mark", "list")},
    **{("checklist", a): _elsewhere("checklist_commands", f"checklist_{a}")
       for a in ("list", "add", "done", "undo", "edit", "move", "remove", "suggest")},
    ("case", "open"): case_open, ("case", "list"): case_list, ("case", "show"): case_show,
    ("case", "status"): case_status,
    ("log", None): log, ("amend", None): amend, ("void", None): void, ("history", None): history,
    ("promise", "list"): promise_list, ("promise", "set"): promise_set,
    ("search", None): search, ("attachment", None): attachment,
    ("check", None): check, ("backup", None): backup, ("restore", None): restore,
    ("passwd", None): passwd, ("recovery-key", None): recovery_key, ("dump", None): dump,
    ("import", None): import_,
    ("export", None): _elsewhere("export_commands", "export"),
    ("verify", None): _elsewhere("export_commands", "verify"),
    ("stats", None): _elsewhere("stats_command", "stats"),
}
