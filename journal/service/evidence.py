"""Evidence import: original files (support e-mails, chat exports, transcripts) read into a plan
a preview can show, then written into a case as entries, each with the untouched original as
an exhibit.

Reading is the domain's readers' work (domain/evidence/); this module picks the reader,
turns each conversation into the entries it makes, finds the references in their text, and
writes them through `Interactions.log`, so the ledger's hash chain, the search index, the
redaction of exports and the scam signs see an imported entry exactly as a typed one. One
import is one transaction: a bad file, a reader's BadInput or a Cancelled from `progress`
leaves nothing written.
"""
from __future__ import annotations

import hashlib
import mimetypes
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

from ..domain.evidence import Conversation, ImportedMessage
from ..domain.evidence.detect import detect
from ..domain.inputs import NewAttachment
from ..domain.inputs import notes as check_notes
from ..errors import BadInput, os_reason
from . import evidence_entries as planned
from .cases import Cases
from .context import Context
from .directory import Directory
from .dns_lookup import TxtLookup
from .evidence_entries import PlannedEntry, display_name, entry_notes, instant
from .evidence_origin import OriginJudge
from .interactions import Interactions
from .times import past_time

MAX_FILE_BYTES = 2 * 1024 ** 3       # refused before a byte is read
MAX_BESIDE_BYTES = 2 * 1024 ** 3     # a Telegram export's photos and files, all together
DATE_ORDERS = ("dmy", "mdy", "ymd")
CHAT_FORMATS = ("telegram", "whatsapp", "transcript")
_MEDIA_TYPES = {"email": "message/rfc822", "mbox": "application/mbox",
                "telegram": "application/json", "transcript": "text/plain"}

_MESSAGE_ID_LINE = re.compile(r"^Message-ID: (.+)$", re.M)


class _Pick(NamedTuple):
    """Which part of a file to take: a Telegram export's chat; an mbox's thread, sender or
    subject (None: everything)."""
    chat: object = None
    thread: str | None = None
    sender: str | None = None
    subject: str | None = None

@dataclass(frozen=True)
class PlannedFile:
    """One original file, what it holds and the entries it would make."""
    name: str
    path: str
    format: str                       # "email", "mbox", "telegram", "whatsapp", "transcript"
    size: int
    sha256: str
    messages: int
    start: str
    end: str
    attachments: int                  # files that came with its messages
    entries: tuple[PlannedEntry, ...]
    to_make: int                      # entries not already in the case
    already_in_case: bool = False     # its SHA-256 is an exhibit of the case: skipped whole


@dataclass(frozen=True)
class EvidencePlan:
    case_id: int | None
    files: tuple[PlannedFile, ...]
    to_make: int                      # entries the import would make
    skipped: int                      # entries (and files' entries) already in the case
    platform: str = ""                # the case's platform (none without a case)


@dataclass(frozen=True)
class EvidenceImport:
    case_id: int
    dry_run: bool
    files: tuple[PlannedFile, ...]
    made: int                         # entries written (or, with dry_run, that would be)
    skipped: int
    interaction_ids: tuple[int, ...] = ()
    platform: str = ""                # the case's platform, whose domains were compared


@dataclass(frozen=True)
class _Read:
    """A file read: its plan, its bytes (the original to keep) and each entry's messages."""
    plan: PlannedFile
    data: bytes
    parts: tuple[tuple[PlannedEntry, tuple[ImportedMessage, ...]], ...]


class Evidence:
    """Needs: the context, the cases (the import goes into one), the interactions (each
    entry is logged as a typed one is) and the directory (the platform's official domains)."""

    def __init__(self, ctx: Context, cases: Cases, interactions: Interactions,
                 directory: Directory):
        self.ctx, self.cases, self.interactions = ctx, cases, interactions
        self.directory = directory
        self._dns = TxtLookup()

    def read_evidence(self, paths, *, date_order: str | None = None,
                      timezone: str | None = None, chat=None, thread: str | None = None,
                      sender: str | None = None, subject: str | None = None, case_id=None,
                      check_dkim: bool = False, dns=None, progress=None) -> EvidencePlan:
        """What importing `paths` would write: per file its format, SHA-256 and entries, and
        what is already in case `case_id` (if given) and would be skipped. Writes nothing.
        `chat`: the chat of a Telegram export holding several; `thread`, `sender`, `subject`:
        the messages of an mbox to take (a Message-ID of the thread; part of From; part of
        the subject). `check_dkim`: look up each e-mail signer's key in DNS (the one use of
        the network, only when allowed; `dns(name)` stands in for DNS, as tests do);
        otherwise the DKIM result is "not checked". Each entry's origin also says which of
        its domains are not the platform's (with a case) and who contacted whom first."""
        case = self.cases.case(case_id) if case_id is not None else None
        pick = _Pick(chat, thread, sender, subject)
        judge = self._judge(case, check_dkim, dns)
        return self._plan(self._read_all(paths, date_order, timezone, pick, case, judge,
                                         progress), case)

    def import_evidence(self, case_id, paths, *, dry_run: bool = False,
                        date_order: str | None = None, timezone: str | None = None, chat=None,
                        thread: str | None = None, sender: str | None = None,
                        subject: str | None = None, check_dkim: bool = False, dns=None,
                        progress=None) -> EvidenceImport:
        """Write the entries of `paths` into the case, in one transaction. An e-mail becomes
        an "email" entry, a chat one "chat" entry; every file of a message is an exhibit of
        its entry, and the original file an exhibit of the first entry made from it (the
        others name it in their notes). A file, or an e-mail, already in the case is skipped.
        Each entry's notes begin with its origin (see read_evidence; domain/evidence/
        origin.py), so the result of the day is kept in the record and its hash chain.
        `progress(stage, done, total)`, stages "reading" and "importing", may raise
        Cancelled: nothing is then written."""
        case = self.cases.case(case_id)
        reads = self._read_all(paths, date_order, timezone,
                               _Pick(chat, thread, sender, subject), case,
                               self._judge(case, check_dkim, dns), progress)
        plan = self._plan(reads, case)
        if dry_run:
            return EvidenceImport(case.id, True, plan.files, plan.to_make, plan.skipped,
                                  platform=case.platform)
        made: list[int] = []
        total = plan.to_make
        with self.ctx.write():
            for read in reads:
                if read.plan.already_in_case:
                    continue
                kept_in = None     # the entry holding the original
                for entry, messages in read.parts:
                    if entry.already_in_case:
                        continue
                    if progress is not None:
                        progress("importing", len(made), total)
                    record = self._log(case.id, read, entry, messages, kept_in)
                    kept_in = kept_in or record.id
                    made.append(record.id)
            if progress is not None:
                progress("importing", len(made), total)
        return EvidenceImport(case.id, False, plan.files, len(made), plan.skipped, tuple(made),
                              case.platform)

    # -- reading -------------------------------------------------------------------------

    def _judge(self, case, check_dkim: bool, dns) -> OriginJudge:
        lookup = (dns or self._dns) if check_dkim else None
        return OriginJudge.for_case(case, self.directory, lookup)

    def _read_all(self, paths, date_order, timezone, pick, case, judge,
                  progress) -> list[_Read]:
        paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
        if not paths:
            raise BadInput("evidence_import.no_files")
        if date_order is not None and date_order not in DATE_ORDERS:
            raise BadInput("evidence_import.bad_date_order", value=date_order)
        known = self._known(case) if case is not None else (set(), set())
        seen_files, seen_ids = set(known[0]), set(known[1])
        reads = []
        for n, path in enumerate(paths):
            if progress is not None:
                progress("reading", n, len(paths))
            read = _read_file(Path(path).expanduser(), date_order, timezone, pick, judge)
            reads.append(_mark_known(read, seen_files, seen_ids))
        if progress is not None:
            progress("reading", len(paths), len(paths))
        return reads

    def _known(self, case) -> tuple[set[str], set[str]]:
        """The SHA-256 of every exhibit of the case, and every Message-ID of its e-mails (as
        an import writes it in the notes, or given as a reference). Voided entries do not
        count: voiding an import and importing again is how a wrong one is put right."""
        hashes, ids = set(), set()
        for i in self.interactions.timeline(case.id, include_voided=False):
            hashes.update(a.sha256 for a in i.attachments)
            if i.kind.value == "email":
                ids.update(m.strip() for m in _MESSAGE_ID_LINE.findall(i.notes))
            ids.update(r.value for r in i.references)
        return hashes, ids

    @staticmethod
    def _plan(reads: list[_Read], case) -> EvidencePlan:
        files = tuple(r.plan for r in reads)
        to_make = sum(f.to_make for f in files)
        skipped = sum(len(f.entries) - f.to_make for f in files)
        if case is None:
            return EvidencePlan(None, files, to_make, skipped)
        return EvidencePlan(case.id, files, to_make, skipped, case.platform)

    # -- writing -------------------------------------------------------------------------

    def _log(self, case_id, read: _Read, entry: PlannedEntry, messages, kept_in: int | None):
        files = [NewAttachment(f.name, f.media_type or "application/octet-stream", data=f.data)
                 for m in messages for f in m.attachments]
        plan = read.plan
        if kept_in is None:
            # The store keeps each attachment's bytes on their own (no sharing by SHA-256),
            # so the original is stored once, with the first entry made from it; the others
            # name it, and the chain's SHA-256 ties them together.
            media = mimetypes.guess_type(plan.name)[0] or _MEDIA_TYPES.get(
                plan.format, "application/octet-stream")
            files.append(NewAttachment(plan.name, media, data=read.data))
            original = ""
        else:
            original = (f"\n\n[The original file {plan.name} (SHA-256 {plan.sha256}) is kept "
                        f"as an exhibit of entry {kept_in}.]")
        notes = entry_notes(entry, messages) + original
        if entry.kind == "email":
            m = messages[0]
            return self.interactions.log(
                case_id, kind="email", contact=m.from_address, start=m.sent_at,
                agent=display_name(m.sender), notes=notes,
                references=entry.references, attachments=files)
        return self.interactions.log(
            case_id, kind="chat", start=entry.start, end=entry.end,
            notes=notes, references=entry.references, attachments=files)


def _read_file(path: Path, date_order, timezone, pick: _Pick, judge: OriginJudge) -> _Read:
    path = export_file(path)
    name = path.name
    try:
        if path.is_dir():
            raise BadInput("evidence_import.folder", file=path)
        size = path.stat().st_size
    except FileNotFoundError:
        raise BadInput("evidence_import.no_file", file=path) from None
    except OSError as exc:
        raise BadInput("evidence_import.unreadable", file=path, reason=os_reason(exc)) from None
    if size > MAX_FILE_BYTES:
        raise BadInput("evidence_import.too_big", file=name, limit=MAX_FILE_BYTES >> 30)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput("evidence_import.unreadable", file=path, reason=os_reason(exc)) from None
    fmt = detect(data, name)
    if fmt is None:
        raise BadInput("evidence_import.unknown_format", file=name)
    conversations = _conversations(fmt, data, path, date_order, timezone, pick)
    parts = []
    own = judge.own_addresses([m for c in conversations for m in c.messages]) \
        if fmt in ("email", "mbox") else frozenset()
    for c in conversations:
        if not c.messages:      # a chat of WhatsApp's notices alone: nothing to enter
            continue
        if fmt in ("email", "mbox"):
            # An e-mail's own bytes were wanted only for its DKIM signature, judged here: let
            # go, a mailbox is not held twice over (beside the original) while it is written.
            parts += [(planned.email_entry(m, judge.email(m, own)), (replace(m, raw=None),))
                      for m in c.messages]
        else:
            for n, piece in enumerate(planned.pieces(c)):
                origin = judge.chat(c, piece.messages, first_piece=n == 0)
                parts.append((planned.chat_entry(piece, origin), piece.messages))
    for entry, msgs in parts:   # what log() would refuse, said before anything is shown
        past_time(entry.start, "start time")
        if entry.end is not None:
            past_time(entry.end, "end time")
        check_notes(entry_notes(entry, msgs))
    parts = [(planned.with_alarms(entry, msgs), msgs) for entry, msgs in parts]
    messages = [m for c in conversations for m in c.messages]
    times = sorted((m.sent_at for m in messages), key=instant)
    plan = PlannedFile(
        name=name, path=str(path), format=fmt, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), messages=len(messages),
        start=times[0] if times else "", end=times[-1] if times else "",
        attachments=sum(len(m.attachments) for m in messages),
        entries=tuple(p[0] for p in parts), to_make=len(parts))
    return _Read(plan, data, tuple(parts))


def export_file(path: Path) -> Path:
    """The file to read for `path`: itself, or, for a Telegram Desktop export's folder
    (ChatExport_…, or the whole account's), the result.json in it."""
    try:
        if path.is_dir() and (path / "result.json").is_file():
            return path / "result.json"
    except OSError:
        pass
    return path


def _conversations(fmt, data, path: Path, date_order, timezone,
                   pick: _Pick) -> list[Conversation]:
    """The file read by its reader (imported here: each costs only when its format comes)."""
    name = path.name
    if fmt == "email":
        from ..domain.evidence.email import read_eml
        return [read_eml(data, name, timezone=timezone)]
    if fmt == "mbox":
        from ..domain.evidence.email import read_mbox
        return read_mbox(data, name, timezone=timezone, thread=pick.thread,
                         sender=pick.sender, subject=pick.subject)
    if fmt == "telegram":
        from ..domain.evidence.telegram import read_telegram
        return [read_telegram(data, name, chat=pick.chat, files=_Beside(path),
                              timezone=timezone)]
    if fmt == "whatsapp":
        from ..domain.evidence.whatsapp import read_whatsapp
        return [read_whatsapp(data, name, date_order=date_order, timezone=timezone)]
    from ..domain.evidence.transcript import read_transcript
    return [read_transcript(data, name, date_order=date_order, timezone=timezone)]


class _Beside:
    """The files of a Telegram export folder, read from beside its result.json when the reader
    asks for one the chat names (photos/…, files/…): nothing else of the folder (it may be the
    Downloads folder) is touched, nothing outside it is read, and all together stay within
    MAX_BESIDE_BYTES. A file that cannot be read is None: the reader then writes
    "[file not in the export: …]"."""

    def __init__(self, result_json: Path):
        self.folder, self.budget = result_json.parent.resolve(), MAX_BESIDE_BYTES

    def __call__(self, relative: str) -> bytes | None:
        candidate = (self.folder / relative).resolve()
        try:
            if self.folder not in candidate.parents or not candidate.is_file():
                return None    # outside the export folder, or not exported
            size = candidate.stat().st_size
            if size > self.budget:
                return None
            data = candidate.read_bytes()
        except OSError:
            return None
        self.budget -= size
        return data


def _mark_known(read: _Read, files: set[str], ids: set[str]) -> _Read:
    """The read with what the case (or an earlier file of this import) already holds marked;
    what is new is added to `files` and `ids`, so a file named twice is imported once."""
    if read.plan.sha256 in files:
        entries = tuple(replace(e, already_in_case=True) for e in read.plan.entries)
        plan = replace(read.plan, entries=entries, to_make=0, already_in_case=True)
        return replace(read, plan=plan, parts=tuple(
            (e, m) for e, (_, m) in zip(entries, read.parts)))
    files.add(read.plan.sha256)
    parts = []
    for entry, messages in read.parts:
        if entry.message_id and entry.message_id in ids:
            entry = replace(entry, already_in_case=True)
        elif entry.message_id:
            ids.add(entry.message_id)
        parts.append((entry, messages))
    entries = tuple(p[0] for p in parts)
    plan = replace(read.plan, entries=entries,
                   to_make=sum(not e.already_in_case for e in entries))
    if entries and plan.to_make == 0:
        plan = replace(plan, already_in_case=True)
    return replace(read, plan=plan, parts=tuple(parts))
