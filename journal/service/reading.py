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
        self._reader = None

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
        `reader`: a journal.ocr.client.Reader to use (and leave open); without one, the
        journal's own worker is used and stopped at the end."""
        case = self._case(case_id)
        waiting = store.waiting(self.db, case, limit)
        try:
            for done, attachment in enumerate(waiting):
                if progress is not None:
                    progress("reading", done, len(waiting))
                data = attachment_store.content(self.db, attachment.id)
                self.keep_reading(self.recognise(attachment, data, reader=reader))
            if progress is not None:
                progress("reading", len(waiting), len(waiting))
        except Cancelled:
            pass
        finally:
            if reader is None:
                self.stop_reader()
        return store.status(self.db, case)

    # The window reads in three steps, so that the journal is never held while a picture is
    # read: next_to_read and keep_reading on the session's thread (they touch the database),
    # recognise on a thread of its own (it does not).

    def next_to_read(self, case_id=None):
        """(attachment, its bytes) of the oldest file waiting to be read, or None."""
        waiting = store.waiting(self.db, self._case(case_id), 1)
        if not waiting:
            return None
        return waiting[0], attachment_store.content(self.db, waiting[0].id)

    def recognise(self, attachment, data: bytes, *, reader=None) -> rt.Reading:
        """The reading of one file's bytes (a reading that says why, when it cannot be read);
        keeps nothing, touches no database, so it may run on any thread. Pictures go to
        `reader`, or to the journal's own worker, started on the first and kept running
        until stop_reader() or the journal's close."""
        source = rt.source_for(attachment.media_type)
        engine, reason = (_engine() if source == rt.OCR else "pypdf"), None
        try:
            if source == rt.OCR:
                recognised = (reader or self._worker()).read_image(data)
            elif source == rt.PDF:
                from ..ocr.pdf_text import read_pdf
                engine = f"pypdf {_version('pypdf')}"
                recognised = read_pdf(data)
            else:
                raise BadInput("reading.not_readable", name=attachment.name,
                               media_type=attachment.media_type)
            status = rt.TEXT if recognised.text.strip() else rt.NO_TEXT
        except BadInput as error:
            recognised, status, reason = rt.RecognisedText("", ()), rt.UNREADABLE, _reason(error)
        return rt.Reading(attachment.id, status, source, engine, recognised, reason,
                          now_text())

    def keep_reading(self, reading: rt.Reading) -> bool:
        """Keep a reading, in one transaction with the search row of its interaction; False
        when the file already had one (read elsewhere first: the first reading stays)."""
        case = store.case_of(self.db, reading.attachment_id)
        if case is None:
            raise BadInput("attachment.none", attachment=reading.attachment_id)
        with self.ctx.write(TIMELINE) as conn:
            kept = store.save(conn, reading)
            if kept and reading.status == rt.TEXT:
                self.index.interaction_written(conn, case[1])
        return kept

    def stop_reader(self) -> None:
        """Stop the journal's OCR worker, if one runs (a later picture starts it again)."""
        worker, self._reader = self._reader, None
        if worker is not None:
            worker.close()

    def _worker(self):
        if self._reader is None:
            from ..ocr.client import Reader
            self._reader = Reader()
        return self._reader

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
        rows = store.case_texts(self.db, case)
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
