"""Exports of a case: the PDF a stranger reads and the bundle anyone can check.

This package calls the service; the service never imports it. Nothing here
imports Qt at load time, so `journal verify` runs without it.
"""
from __future__ import annotations

from ..domain import case_file as _case_file
from ..domain.case_file import CaseFile
from ..domain.times import now_text


def gather(journal, case_id, *, exporter_name: str | None = None,
           exporter_contact: str | None = None) -> tuple[CaseFile, list]:
    """The case file and the case's chain segment, read together through the service."""
    case = journal.case(case_id)
    platform = next(p for p in journal.platforms() if p.id == case.platform_id)
    timeline = journal.timeline(case.id, include_voided=True)
    histories = {i.id: journal.history(i.id) for i in timeline if i.amended}
    segment = journal.chain_segment(case.id)
    head = journal.chain_head(case.id)
    cf = _case_file.build(case, platform, timeline, journal.channels(), histories, head,
                          len(segment), now_text(), exporter_name=exporter_name,
                          exporter_contact=exporter_contact)
    return cf, segment


def case_file(journal, case_id, *, exporter_name: str | None = None,
              exporter_contact: str | None = None) -> CaseFile:
    """Everything the PDF and case.json say about one case, secrets redacted."""
    return gather(journal, case_id, exporter_name=exporter_name,
                  exporter_contact=exporter_contact)[0]


def write_case_pdf(journal, case_id, target, *, language: str = "en", paper: str | None = None,
                   exporter_name: str | None = None,
                   exporter_contact: str | None = None) -> dict:
    """The case's PDF at `target` (the CLI and the window both call this); returns its page
    count and the redactions made, by kind."""
    from .pdf import write_pdf
    cf = case_file(journal, case_id, exporter_name=exporter_name,
                   exporter_contact=exporter_contact)
    result = dict(write_pdf(cf, target, language=language, paper=paper,
                            exhibit_bytes=journal.attachment_bytes) or {})
    result["redactions"] = cf.redactions
    return result


__all__ = ["CaseFile", "case_file", "gather", "write_case_pdf"]
