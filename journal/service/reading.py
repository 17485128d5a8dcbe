"""Reading the text out of pictures and PDF attachments (issue 15), and what it shows.

The queue is every picture or PDF attachment without a reading (store/attachment_texts.py),
oldest first. `read_attachments` works through it one file at a time: the picture's bytes go
to the OCR worker process through a pipe (journal/ocr/client.py), a PDF's text is taken out
with pypdf, and the reading is kept, with the interaction's search row re-made to hold it, in
one transaction per file. Stopping (the progress callback raising Cancelled: pausing in the
window, Ctrl+C on the CLI) stops between files; whatever was read is kept, and the rest is
still waiting the next time, in this process or after a restart. A file that cannot be read
gets a reading that says why, so the queue goes on past it and never tries it again.

The text is then read as typed notes are: reference numbers (offered as references), the scam
signs and the secrets a note would raise the alarm for.
"""
from __future__ import annotations

import json
from importlib import metadata

from ..domain import recognised_text as rt
from ..domain.changes import TIMELINE
from ..domain.inputs import ident as _id
from ..domain.references import find_references
from ..domain.scam_signs import note_alarms
from ..domain.times import now_text
from ..errors import BadInput, Cancelled, Phrase
from ..store import attachment_texts as store
from ..store import attachments as attachment_store
from ..store import cases as case_store
from ..store import interactions as interaction_store
from .context import Context


def _engine() -> str:
    try:
        return f"rapidocr {metadata.version('rapidocr')}"
    except metadata.PackageNotFoundError:
        return "rapidocr"


def _reason(error: BadInput) -> str:
    """Why a file could not be read, kept as its catalogue code and parameters, so it is
    told in the reader's language whenever it is shown."""
    return json.dumps({"code": error.code, "params": {k: v if isinstance(v, (int, float))
                                                      else str(v)
                                                      for k, v in error.params.items()}},
                      ensure_ascii=False)


def reason_phrase(reading: rt.Reading) -> Phrase | None:
    """The sentence that says why a file could not be read (None when it was read)."""
    if not reading.reason:
        return None
    try:
        told = json.loads(reading.reason)
        return Phrase(told["code"], **told["params"])
    except (ValueError, KeyError, TypeError):
        return Phrase(reading.reason)


class Readings:
    """The reading queue and the readings; the search index is kept in step through `index`."""

    def __init__(self, ctx: Context, index):
        self.ctx = ctx
        self.index = index

    @property
    def db(self):
        return self.ctx.require_open()

    def reading_status(self, case_id=None) -> rt.ReadingStatus:
        """How many pictures and PDFs there are to read, and how many were read (all of the
        journal's, or one case's)."""
        return store.status(self.db, self._case(case_id))

    def waiting_files(self, case_id=None, limit: int | None = None):
        """The attachments still to read, oldest first."""
        return store.waiting(self.db, self._case(case_id), limit)

    def attachment_text(self, attachment_id) -> rt.Reading | None:
        """The reading of an attachment: None while it waits to be read (or holds no text to
        read: a recording, a zip)."""
        aid = attachment_store.get(self.db, _id(attachment_id, "attachment")).id
        return store.get(self.db, aid)

    def attachment_texts(self, attachment_ids) -> dict[int, rt.Reading]:
        return store.for_attachments(self.db, attachment_ids)

    def read_attachments(self, case_id=None, *, progress=None, reader=None,
                         limit: int | None = None) -> rt.ReadingStatus:
        """Read the waiting files (a case's, or all), one transaction each; returns the
        status after. `progress("reading", done, total)` is called before each file and at
        the end, and may raise Cancelled to stop between files (what was read stays).
        `reader`: a journal.ocr.client.Reader to use (and leave open); without one, a worker
        is started for the pictures and ended after."""
        case = self._case(case_id)
        waiting = store.waiting(self.db, case, limit)
        own = reader is None
        try:
            for done, attachment in enumerate(waiting):
                if progress is not None:
                    progress("reading", done, len(waiting))
                if reader is None and rt.source_for(attachment.media_type) == rt.OCR:
                    from ..ocr.client import Reader
                    reader = Reader()
                self._read_one(attachment, reader)
            if progress is not None:
                progress("reading", len(waiting), len(waiting))
        except Cancelled:
            pass
        finally:
            if own and reader is not None:
                reader.close()
        return store.status(self.db, case)

    def _read_one(self, attachment, reader) -> None:
        source = rt.source_for(attachment.media_type)
        data = attachment_store.content(self.db, attachment.id)
        engine, reason = (_engine() if source == rt.OCR else "pypdf"), None
        try:
            if source == rt.OCR:
                recognised = reader.read_image(data)
            else:
                from ..ocr.pdf_text import read_pdf
                engine = f"pypdf {_version('pypdf')}"
                recognised = read_pdf(data)
            status = rt.TEXT if recognised.text.strip() else rt.NO_TEXT
        except BadInput as error:
            recognised, status, reason = rt.RecognisedText("", ()), rt.UNREADABLE, _reason(error)
        reading = rt.Reading(attachment.id, status, source, engine, recognised, reason,
                             now_text())
        with self.ctx.write(TIMELINE) as conn:
            if store.save(conn, reading) and status == rt.TEXT:
                self.index.interaction_written(conn, attachment.interaction_id)

    # -- what the text shows ---------------------------------------------------------------

    def attachment_alarms(self, attachment_id) -> tuple[list[str], list[str]]:
        """The scam signs the read text describes and the secrets it holds, as note_alarms
        gives them for a note (both empty when nothing was read)."""
        reading = self.attachment_text(attachment_id)
        return note_alarms(reading.text) if reading is not None else ([], [])

    def case_file_alarms(self, case_id) -> list[tuple[int, list[str], list[str]]]:
        """(attachment id, scam signs, secrets) for each of a case's read files that raise
        an alarm, oldest first: a screenshot of "support" asking for the seed phrase."""
        case = self._case(case_id)
        rows = self.db.query(
            "SELECT t.attachment_id, t.text FROM attachment_texts t JOIN attachments a ON "
            "a.id = t.attachment_id JOIN interactions i ON i.id = a.interaction_id WHERE "
            "i.case_id = ? AND i.voided_at IS NULL AND t.status = ? ORDER BY t.attachment_id",
            (case, rt.TEXT))
        out = []
        for aid, text in rows:
            signs, secrets = note_alarms(text)
            if signs or secrets:
                out.append((aid, signs, secrets))
        return out

    def offered_references(self, attachment_id) -> tuple[str, ...]:
        """The reference numbers ("kind:value") in a file's read text that its entry does
        not record yet, to offer as references."""
        reading = self.attachment_text(attachment_id)
        if reading is None or not reading.text:
            return ()
        attachment = attachment_store.get(self.db, reading.attachment_id)
        entry = interaction_store.get(self.db, attachment.interaction_id)
        have = {r.value for r in entry.references}
        return tuple(r for r in find_references(reading.text) if r.split(":", 1)[1] not in have)

    def _case(self, case_id):
        if case_id is None:
            return None
        return case_store.get_case(self.db, _id(case_id, "case")).id


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"
