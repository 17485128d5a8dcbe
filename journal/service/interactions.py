"""Interactions: logging one with its references, promises and files; amending and voiding
(the earlier state stays readable); timelines and promises."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..domain import times
from ..domain.changes import CHECKLIST, DRAFTS
from ..domain.chain import ChainEntry
from ..domain.inputs import NewAttachment
from ..domain.inputs import ident as _id
from ..domain.inputs import language as _language
from ..domain.inputs import notes as _notes
from ..domain.inputs import text as _text
from ..domain.model import InteractionKind, Outcome, PromiseStatus
from ..domain.references import parse_reference
from ..errors import BadInput, EnvironmentProblem, JournalError, os_reason
from ..store import attachments as attachment_store
from ..store import checklist, directory, drafts, ledger
from ..store import interactions as interaction_store
from .cases import Cases
from .context import Context, writes
from .index import SearchIndex
from .times import past_time

AMENDABLE = ("kind", "channel_id", "contact", "start", "end", "wait_minutes", "outcome",
             "agent", "language", "notes")
_STORED = ("kind", "outcome", "channel_id", "contact", "started_at", "ended_at",
           "wait_minutes", "agent", "language", "notes")


class Interactions:
    """Needs: the context, the cases (an interaction belongs to one) and the search index."""

    def __init__(self, ctx: Context, cases: Cases, index: SearchIndex):
        self.ctx, self.cases, self.index = ctx, cases, index

    @property
    def db(self):
        return self.ctx.require_open()

    def _fields(self, case, *, kind, channel_id, contact, start, end, wait_minutes,
                outcome, agent, language, notes) -> dict:
        kind_ = InteractionKind.parse(kind, "kind of interaction")
        outcome_ = Outcome.parse(outcome or "answered", "outcome")
        started = past_time(start, "start time") if start is not None else times.now_text()
        ended = past_time(end, "end time") if end is not None else None
        if ended and times.instant(ended) < times.instant(started):
            raise BadInput("interaction.ends_before_start")
        if wait_minutes is not None:
            try:
                wait_minutes = float(wait_minutes)
            except (TypeError, ValueError):
                raise BadInput("wait.not_a_number", value=wait_minutes) from None
            if not 0 <= wait_minutes <= 24 * 60:
                raise BadInput("wait.out_of_range")
        if start is None and end is None and outcome_.failed and wait_minutes:
            # An attempt that waited and did not connect ends now and began that long ago,
            # not at the moment it is logged.
            started, ended = times.attempt_times(wait_minutes=wait_minutes)
        contact = _text(contact, "contact")
        if channel_id is not None:
            channel = directory.get_channel(self.db, _id(channel_id, "channel"))
            if channel.platform_id != case.platform_id:
                raise BadInput("channel.other_platform", channel=channel.id,
                               its_platform=channel.platform, platform=case.platform)
            channel_id, contact = channel.id, contact or channel.value
        elif contact is not None:
            known = directory.find_channel_by_contact(self.db, case.platform_id, contact)
            channel_id = known.id if known else None
        return {"kind": kind_.value, "outcome": outcome_.value, "channel_id": channel_id,
                "contact": contact, "started_at": started, "ended_at": ended,
                "wait_minutes": wait_minutes, "agent": _text(agent, "agent name", limit=200),
                "language": _language(language), "notes": _notes(notes)}

    @staticmethod
    def _parts(references, promises, attachments):
        refs = [parse_reference(r) if isinstance(r, str) else parse_reference(r[1], str(r[0]))
                for r in references]
        new_promises = []
        for p in promises:
            text = _text(p.text, "promise", required=True, limit=2000)
            due = times.normalize(p.due, "due time of the promise")
            new_promises.append((text, due))
        files = [a if isinstance(a, NewAttachment) else NewAttachment.from_path(a)
                 for a in attachments]
        return refs, new_promises, files

    @staticmethod
    def _write_parts(conn, case_id, iid, refs, promises, files, recorded):
        for kind, value in refs:
            interaction_store.add_reference(conn, case_id, iid, kind, value, recorded)
        for text, due in promises:
            interaction_store.add_promise(conn, case_id, iid, text, due, recorded)
        for f in files:
            try:
                attachment_store.add(conn, case_id, iid, f.name, f.media_type, f.chunks(),
                                     recorded)
            except OSError as exc:
                raise BadInput("attachment.unreadable", path=f.name,
                               reason=os_reason(exc)) from None

    def log(self, case_id, *, kind: str, channel_id=None, contact: str | None = None,
            start: str | None = None, end: str | None = None, wait_minutes=None,
            outcome: str = "answered", agent: str | None = None, language: str | None = None,
            notes: str | None = None, references=(), promises=(), attachments=(),
            draft: str | None = None, answered=()):
        """Record one interaction with its references, promises and files, in one commit.

        `draft` names the draft this interaction was typed in; it goes in the same commit.
        `answered`: ids of checklist items answered in this contact, ticked in it too."""
        case = self.cases.case(case_id)
        fields = self._fields(case, kind=kind, channel_id=channel_id, contact=contact,
                              start=start, end=end, wait_minutes=wait_minutes,
                              outcome=outcome, agent=agent, language=language, notes=notes)
        refs, new_promises, files = self._parts(references, promises, attachments)
        answered = [_id(a, "checklist item") for a in answered]
        extra = ((CHECKLIST,) if answered else ()) + ((DRAFTS,) if draft is not None else ())
        with self.ctx.write(*extra) as conn:
            recorded = times.now_text()
            iid = interaction_store.create(conn, case.id, fields, recorded)
            self._write_parts(conn, case.id, iid, refs, new_promises, files, recorded)
            self.index.interaction_written(conn, iid)
            checklist.tick(conn, case.id, answered, True, iid, recorded)
            if draft is not None:
                drafts.discard(conn, draft)
        return self.interaction(iid)

    def amend(self, interaction_id, *, reason: str | None = None, references=(), promises=(),
              attachments=(), **changes):
        """Amend an interaction: the new state is a new revision; the old stays readable."""
        iid = _id(interaction_id, "interaction")
        current = self.interaction(iid)
        if current.voided:
            raise BadInput("interaction.voided", interaction=iid)
        unknown = set(changes) - set(AMENDABLE)
        if unknown:
            raise BadInput("amend.unknown_fields", fields=", ".join(sorted(unknown)))
        given = {k: v for k, v in changes.items() if v is not None}
        if not given and not references and not promises and not attachments:
            raise BadInput("amend.nothing")
        case = self.cases.case(current.case_id)
        merged = {"kind": current.kind.value, "channel_id": current.channel_id,
                  "contact": current.contact, "start": current.started_at,
                  "end": current.ended_at, "wait_minutes": current.wait_minutes,
                  "outcome": current.outcome.value, "agent": current.agent,
                  "language": current.language, "notes": current.notes, **given}
        fields = self._fields(case, **merged)
        refs, new_promises, files = self._parts(references, promises, attachments)
        reason = _text(reason, "reason", limit=2000)
        with self.ctx.write() as conn:
            recorded = times.now_text()
            changed = {k: v for k, v in fields.items() if k in _STORED}
            interaction_store.amend(conn, iid, changed, reason, recorded)
            self._write_parts(conn, case.id, iid, refs, new_promises, files, recorded)
            self.index.interaction_written(conn, iid)
        return self.interaction(iid)

    def void(self, interaction_id, *, reason: str):
        """Void an interaction: it stays in the record, marked, and leaves search."""
        reason = _text(reason, "reason for voiding", required=True, limit=2000)
        iid = _id(interaction_id, "interaction")
        with self.ctx.write() as conn:
            interaction_store.void(conn, iid, reason, times.now_text())
            self.index.interaction_written(conn, iid)
        return self.interaction(iid)

    def interaction(self, interaction_id):
        return interaction_store.get(self.db, _id(interaction_id, "interaction"))

    def timeline(self, case_id, *, include_voided: bool = True):
        return interaction_store.timeline(self.db, self.cases.case(case_id).id, include_voided)

    def history(self, interaction_id) -> list[ChainEntry]:
        """Every revision of an interaction, oldest first, as the ledger holds them."""
        iid = _id(interaction_id, "interaction")
        interaction_store.case_of(self.db, iid)
        return ledger.history(self.db, "interaction", iid)

    # -- promises and files --------------------------------------------------------------

    def promises(self, *, overdue: bool = False, status: str | None = None, case_id=None,
                 due_after: float | None = None, due_until: float | None = None):
        """Promises in due order. due_after and due_until (POSIX seconds) keep those due
        after the one and by the other: a reminder's window, read through the index."""
        status_ = PromiseStatus.parse(status, "promise status") if status is not None else None
        cid = self.cases.case(case_id).id if case_id is not None else None
        now = times.now().timestamp() if overdue else None
        return interaction_store.list_promises(self.db, status_, now, cid, due_after, due_until)

    @writes()
    def set_promise(self, promise_id, status: str):
        status_ = PromiseStatus.parse(status, "promise status")
        if status_ is PromiseStatus.PENDING:
            raise BadInput("promise.bad_status")
        return interaction_store.set_promise_status(self.db, _id(promise_id, "promise"), status_)

    def attachment(self, attachment_id):
        return attachment_store.get(self.db, _id(attachment_id, "attachment"))

    def attachment_bytes(self, attachment_id) -> bytes:
        """The whole file in memory: for small ones (a thumbnail, a text to redact); a file
        of any size goes through attachment_chunks or save_attachment."""
        return attachment_store.content(self.db, self.attachment(attachment_id).id)

    def attachment_chunks(self, attachment_id):
        """The attachment's bytes as an iterator of pieces (memory holds one stored chunk,
        256 KiB), read in order as they are asked for. Locking the journal meanwhile ends
        the iteration with "The journal is locked"."""
        db = self.db
        aid = attachment_store.get(db, _id(attachment_id, "attachment")).id

        def pieces():
            chunks = attachment_store.read(db, aid)
            while True:
                if self.ctx.db is not db:   # locked (and maybe unlocked) since: closed
                    raise JournalError("journal.locked")
                piece = next(chunks, None)
                if piece is None:
                    return
                yield piece
        return pieces()

    def save_attachment(self, attachment_id, target, *, replace: bool = False,
                        progress=None):
        """Write the attachment's file to `target` chunk by chunk, readable by its owner
        alone (0600): into a temporary file beside it, synced, and put in place only when
        whole, so a failure leaves nothing. An existing `target` is refused unless
        `replace`. `progress("saving", done, total)` (bytes) is called after each chunk, as
        every long task's progress is; it may raise Cancelled to stop. Returns the
        Attachment."""
        attachment = self.attachment(attachment_id)
        path = Path(target).expanduser()
        if not path.parent.is_dir():
            raise BadInput("file.no_folder", folder=path.parent)
        if path.is_dir() or (path.exists() and not replace):
            raise BadInput("file.exists", path=path)
        pieces = self.attachment_chunks(attachment.id)
        try:
            fd, part = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                        suffix=".part")  # 0600
        except OSError as exc:
            raise EnvironmentProblem("export.cannot_write_in", folder=path.parent,
                                     reason=os_reason(exc)) from None
        try:
            with os.fdopen(fd, "wb") as f:
                done = 0
                for piece in pieces:
                    f.write(piece)
                    done += len(piece)
                    if progress is not None:
                        progress("saving", done, attachment.size)
                f.flush()
                os.fsync(f.fileno())
            _put_in_place(part, path, replace)
        except FileExistsError:
            Path(part).unlink(missing_ok=True)
            raise BadInput("file.exists", path=path) from None
        except OSError as exc:
            Path(part).unlink(missing_ok=True)
            raise EnvironmentProblem("export.cannot_write", path=path,
                                     reason=os_reason(exc)) from None
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
        return attachment


def _put_in_place(part: str, path: Path, replace: bool) -> None:
    """Rename the finished file to `path`; unless `replace`, never over a file that appeared
    meanwhile (a hard link fails if it exists; where the file system has none, a check)."""
    if replace:
        os.replace(part, path)
        return
    try:
        os.link(part, path)
    except FileExistsError:
        raise
    except OSError:   # no hard links here (FAT, some network shares)
        if path.exists():
            raise FileExistsError(path) from None
        os.rename(part, path)
        return
    os.unlink(part)
