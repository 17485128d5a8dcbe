"""The journal as a whole: `journal init`, `check`, `backup`, `restore`, `passwd`,
`recovery-key`, `dump` and `import`."""
from __future__ import annotations

import os
import sys

from ..errors import BadInput, os_reason
from . import passphrase
from .output import notice
from .registry import Arg, command


@command("init", help="create a journal and print its recovery key once", json=True)
def init(ctx, args):
    from ..service import Journal, folders
    path = ctx.folder()
    if folders.exists(path):
        raise BadInput("folder.journal_exists", folder=path)
    secret = passphrase.new_journal(args)
    journal, recovery = Journal.create(path, passphrase=secret)
    journal.close()
    if ctx.json:
        return ctx.emit({"journal": str(path), "recovery_key": recovery})
    print(f"Created a journal at {path}.\n")
    print("Recovery key (shown this once; it opens the journal if you forget the passphrase):\n")
    print(f"    {recovery}\n")
    print("Write it on paper and keep it somewhere safe, away from this computer.")


# The stages of a check and of a backup, as the service names them, for the progress line.
_CHECK_STAGES = {"files": "checking the attachments against their SHA-256",
                 "chain": "recomputing the hash chain",
                 "records": "checking every record against the chain",
                 "pages": "checking every page of the database",
                 "index": "checking the search index against the records"}
_BACKUP_STAGES = {"copying": "copying the database", "saving": "saving the backup"}


@command("check", help="check the database, its encryption, the hash chain, every record "
         "against it, and the search index", json=True, args=[
             Arg("--repair-index", action="store_true",
                 help="first rebuild the search index from the records (in one transaction)")])
def check(ctx, args):
    from .progress import Progress
    with ctx.journal() as j:  # an IntegrityFailure on opening is exit 4, from main()
        if args.repair_index:
            j.repair_index()
            if not ctx.json:
                print("The search index was rebuilt from the records.")
        with Progress(words=_CHECK_STAGES) as progress:
            report = j.check(progress=progress)
    if ctx.json:
        ctx.emit(report)
    elif report.ok:
        print(f"The journal is intact: encryption, database, hash chain ({report.entries} "
              f"entries), every record against it, and the search index all check out.")
    for problem in report.problems:
        notice(problem)
    return 0 if report.ok else 4


@command("backup", help="write a backup file (opens with the same passphrase)",
         args=[Arg("file", metavar="FILE")])
def backup(ctx, args):
    from .progress import Progress
    with ctx.journal() as j, Progress(words=_BACKUP_STAGES) as progress:
        size = j.backup(args.file, progress=progress)
    print(f"Wrote a backup of {size:,} bytes to {args.file}; it opens with the same passphrase.")


@command("restore", help="restore a backup file into a new journal folder",
         args=[Arg("file", metavar="FILE")])
def restore(ctx, args):
    from ..service import Journal
    from .progress import Progress
    path = ctx.folder()
    with Journal.restore(args.file, path, passphrase=ctx.passphrase()) as j, \
            Progress(words=_CHECK_STAGES) as progress:
        ok = j.check(progress=progress).ok
    print(f"Restored the backup into {path}" + ("." if ok else
                                                   ", but `journal check` finds problems."))
    return 0 if ok else 4


@command("passwd", help="change the passphrase (from JOURNAL_NEW_PASSPHRASE, "
         "--new-passphrase-file, or asked twice)", args=[
             Arg("--new-passphrase-file", metavar="FILE"),
             Arg("--with-recovery-key", action="store_true",
                 help="unlock with the recovery key (JOURNAL_RECOVERY_KEY, "
                      "--recovery-key-file, or asked) instead of the old passphrase"),
             Arg("--recovery-key-file", metavar="FILE")])
def passwd(ctx, args):
    from ..domain.rules import check_new_passphrase
    with ctx.journal(with_recovery_key=args.with_recovery_key) as j:
        new = passphrase.replacement(args)
        check_new_passphrase(new)
        j.change_passphrase(new)
    print("The passphrase is changed. The recovery key stays the same.")


@command("recovery-key", help="make a new recovery key and print it once (asks for the "
         "passphrase); the old one stops opening the journal", json=True)
def recovery_key(ctx, args):
    from ..service import Journal
    path, key = Journal.replace_recovery_key(getattr(args, "journal", None),
                                             passphrase=ctx.passphrase())
    if ctx.json:
        return ctx.emit({"journal": str(path), "recovery_key": key})
    print(f"New recovery key (shown this once; the old one no longer opens this journal, "
          f"only backups made before now):\n\n    {key}\n\nWrite it on paper and keep it "
          f"somewhere safe, away from this computer.")


@command("dump", help="print the whole journal as JSON (attachments included)", args=[
    Arg("--output", metavar="FILE", help="write to FILE instead of standard output")])
def dump(ctx, args):
    with ctx.journal() as j:
        if not args.output:
            j.write_dump(sys.stdout)
            return
        from ..service.folders import private_file
        try:  # plaintext: readable by its owner only
            out = private_file(args.output, "w", exclusive=True)
        except FileExistsError:
            raise BadInput("file.exists", path=args.output) from None
        except OSError as exc:
            raise BadInput("file.cannot_write", path=args.output, reason=os_reason(exc)) from None
        try:
            with out:
                j.write_dump(out)
        except BaseException:
            os.unlink(args.output)  # half a dump is no dump
            raise
    print(f"Wrote the whole journal to {args.output}; it is NOT encrypted — keep it safe.",
          file=sys.stderr)


# The stages of an import, as the service names them (Journal.import_dump), for the progress line.
_IMPORT_STAGES = {"reading": "reading the dump", "checking": "checking the records against "
                  "the hash chain", "indexing": "building the search index",
                  "saving": "saving the journal"}
# The service says what is wrong with the text; the command line names the file it read.
_NAMED = {"dump.not_utf8": "import.not_utf8", "dump.not_json": "import.not_json",
          "dump.too_deep": "import.too_deep"}


@command("import", help="import a dump into a new, empty journal (all or nothing)", args=[
    Arg("file", metavar="FILE", help="a file made by `journal dump` (- for stdin)")])
def import_(ctx, args):
    from .progress import Progress
    source = _read_dump(args.file)
    try:
        with ctx.journal() as j, Progress(words=_IMPORT_STAGES) as progress:
            counts = j.import_dump(source, progress=progress)
    except BadInput as exc:
        if exc.code in _NAMED:
            raise BadInput(_NAMED[exc.code], name=args.file, **exc.params) from None
        raise
    finally:
        if source is not sys.stdin.buffer:
            source.close()
    print("Imported " + ", ".join(f"{n:,} {kind}" for kind, n in counts.items()) + ".")


def _read_dump(name: str):
    """The dump, open for reading as it streams (never read whole): stdin for "-". Opened
    before the journal, so that a file that cannot be read is said before the passphrase
    is asked for."""
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")  # closed by import_
    except OSError as exc:
        raise BadInput("file.cannot_read", path=name, reason=os_reason(exc)) from None
