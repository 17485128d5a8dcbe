"""Letters and forms filled from a case (complaint, chaser, subject access request, chargeback,
police fact sheet, MiCA complaint form), in English or Chinese: as text to edit and copy, as a
signed PDF, and, once sent, logged as a letter entry with the text that was sent."""
from __future__ import annotations

from pathlib import Path

from ..domain import times
from ..domain.dispute.letter_facts import KINDS
from ..domain.inputs import notes as _notes


class Letters:
    """Needs: the journal itself (a letter reads its case through the whole API)."""

    kinds = KINDS

    def __init__(self, journal):
        self.journal = journal

    def letter(self, case_id, kind: str, *, language: str | None = "en"):
        """The letter `kind` of the case, filled in (a Letter: title and text)."""
        from ..export.letters import check, letter_case_file, render
        kind, language = check(kind, language)
        cf = letter_case_file(self.journal, case_id)
        return render(cf, kind, language, times.now().date())

    def write_letter_pdf(self, case_id, kind: str, target, *, language: str | None = "en",
                         text: str | None = None, paper: str | None = None) -> dict:
        """The letter's signed PDF at `target`; `text`: the user's edited text instead of the
        filled-in one."""
        from dataclasses import replace

        from ..export.letters import write_letter_pdf
        from .exports import export_target
        path, _ = export_target(Path(target), "pdf")
        letter = self.letter(case_id, kind, language=language)
        if text is not None:
            letter = replace(letter, text=_notes(text) + "\n")
        return write_letter_pdf(self.journal, letter, path, paper=paper)

    def log_letter(self, case_id, text: str, *, on: str | None = None,
                   contact: str | None = None):
        """Record that a letter was sent: a letter entry whose note is the text sent."""
        return self.journal.log(case_id, kind="letter", notes=_notes(text), start=on,
                                contact=contact)


class Calendars:
    """Needs: the journal itself (promises, deadlines, the case titles, the journal's key)."""

    def __init__(self, journal):
        self.journal = journal

    def calendar(self, *, language: str = "en") -> bytes:
        """Every pending promise and running deadline as an .ics calendar (bytes)."""
        from ..export.calendar import calendar
        j = self.journal
        promises = j.promises(status="pending")
        clocks = [c for c in j.deadlines() if c.due is not None]
        wanted = {p.case_id for p in promises} | {c.case_id for c in clocks}
        titles = {cid: j.case(cid).title for cid in wanted}
        return calendar(promises, clocks, titles, j.signing_key().public_key,
                        now=times.now(), language=language)

    def write_calendar(self, target, *, language: str = "en") -> dict:
        """The calendar at `target` (.ics; 0600, in place once whole): how many events."""
        from ..errors import BadInput
        from ..export.calendar import write_calendar
        path = Path(target).expanduser()
        if path.is_dir():
            raise BadInput("export.target_is_folder", path=path, suffix=".ics")
        if not path.parent.is_dir():
            raise BadInput("file.no_folder", folder=path.parent)
        data = self.calendar(language=language)
        write_calendar(path, data)
        return {"path": str(path), "events": data.count(b"BEGIN:VEVENT")}
