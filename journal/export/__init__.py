"""Exports of a case: the PDF a stranger reads and the bundle anyone can check.

This package calls the service; the service never imports it. Nothing here
imports Qt at load time, so `journal verify` runs without it. Every export is
signed with the journal's own key: the PDF with a PAdES signature, the bundle's
manifest with an SSHSIG one (see verify.py for what is checked).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..domain import case_file as _case_file
from ..domain.case_file import CaseFile
from ..domain.times import now_text


@dataclass(frozen=True)
class Gathered:
    """One case read through the service: its file, its chain, and where its names come from."""
    case_file: CaseFile
    segment: list          # the case's own chain entries
    directory: list        # the platform's and the used channels' entries
    key: object            # the journal's signing key, introduced into the case's chain
    covered: dict          # attachment id -> its picture's copy with the secrets covered
    readings: dict         # attachment id -> the text read out of it (Reading)

    def exhibit_bytes(self, journal):
        """What the export shows of an exhibit: the covered copy, or the journal's bytes."""
        return lambda aid: self.covered.get(aid) or journal.attachment_bytes(aid)


def gather(journal, case_id, *, exporter_name: str | None = None,
           exporter_contact: str | None = None) -> Gathered:
    """The case file and the case's chain segment, read together through the service."""
    from .pyhanko_offline import preload
    preload()  # pyHanko, to sign the PDF, loads while the case is read and its pages drawn
    case = journal.case(case_id)
    key = journal.signing_key(case.id)  # before the chain is read: it may introduce the key
    platform = next(p for p in journal.platforms() if p.id == case.platform_id)
    timeline = journal.timeline(case.id, include_voided=True)
    histories = {i.id: journal.history(i.id) for i in timeline if i.amended}
    segment = journal.chain_segment(case.id)
    head = journal.chain_head(case.id)
    readings = journal.attachment_texts([a.id for i in timeline for a in i.attachments])
    dispute = (case.jurisdiction, journal.stages(case.id, voided=True),
               journal.deadlines(case.id), journal.money(case.id, voided=True),
               journal.transactions(case.id, voided=True), journal.wallets(case.id, voided=True))
    cf = _case_file.build(case, platform, timeline, journal.channels(), histories, head,
                          len(segment), now_text(), exporter_name=exporter_name,
                          exporter_contact=exporter_contact,
                          signing_key=key.fingerprint, readings=readings, dispute=dispute)
    from .covers import cover_exhibits
    cf, covered = cover_exhibits(cf, readings, journal.attachment_bytes)
    directory = journal.directory_chain(case.id, [i.channel_id for i in timeline
                                                  if i.channel_id is not None])
    return Gathered(_with_rechecks(cf, journal, timeline), segment, directory, key, covered,
                    readings)


def _with_rechecks(cf: CaseFile, journal, timeline) -> CaseFile:
    """The case file with each recorded DKIM pass checked again against the original e-mail
    the journal keeps (untouched, unlike a redacted exported copy), so the PDF does not call
    a pass what does not hold."""
    from ..domain.evidence import email_recheck as mail
    claims = [(e, *c) for e in cf.entries
              if (c := mail.pass_claimed(e.kind, e.notes, e.voided)) is not None]
    if not claims:
        return cf
    found = mail.originals((x.media_type, journal.attachment_bytes(x.attachment_id))
                           for x in cf.exhibits if x.media_type in mail.MAIL_TYPES)
    recorded = {i.id: i.notes for i in timeline}
    # Text redacted in the export, or amended since, need not be the original's word for word.
    rechecks = {e.number: mail.recheck(e.notes, dkim, found.get(message_id), changed=e.amended
                                       or e.notes != recorded.get(e.interaction_id))
                for e, dkim, message_id in claims}
    return replace(cf, dkim_rechecks=rechecks)


def case_file(journal, case_id, *, exporter_name: str | None = None,
              exporter_contact: str | None = None) -> CaseFile:
    """Everything the PDF and case.json say about one case, secrets redacted."""
    return gather(journal, case_id, exporter_name=exporter_name,
                  exporter_contact=exporter_contact).case_file


def render_signed_pdf(journal, cf: CaseFile, key, *, language: str,
                      paper: str | None, exhibit_bytes=None, max_bytes: int | None = None
                      ) -> tuple:
    """The case file's PDF in memory, signed by the journal's key; (bytes, page info).
    `exhibit_bytes(attachment_id)`: what to show of a picture (Gathered.exhibit_bytes:
    the covered copy where there is one); the journal's bytes without it. `max_bytes`: make
    it fit (fitting.py), saying so on its cover; info["fitted_dpi"] then says how."""
    def render(case_file, image_dpi=None):
        import io
        from datetime import datetime

        from .pdf import write_pdf
        from .pdf_signature import sign_pdf
        buffer = io.BytesIO()  # in memory: no plaintext file of its own
        info = dict(write_pdf(case_file, buffer, language=language,
                              exhibit_bytes=exhibit_bytes or journal.attachment_bytes,
                              paper=paper, image_dpi=image_dpi) or {})
        signed = sign_pdf(buffer.getvalue(), key.seed,
                          when=datetime.fromisoformat(case_file.exported_at),
                          reason=f"Case file of case {case_file.case_id}, chain head "
                                 f"{case_file.chain_head}",
                          name=f"Support Journal key {key.fingerprint}")
        return signed, info
    if max_bytes is None:
        return render(cf)
    from .fitting import fit
    return fit(cf, render, max_bytes)


def write_case_pdf(journal, case_id, target, *, language: str = "en", paper: str | None = None,
                   exporter_name: str | None = None,
                   exporter_contact: str | None = None, max_bytes: int | None = None) -> dict:
    """The case's signed PDF at `target`, created 0600 and renamed into place only when whole
    (the CLI and the window both call this); returns its page count and the redactions
    made, by kind."""
    from .files import write_private
    got = gather(journal, case_id, exporter_name=exporter_name,
                 exporter_contact=exporter_contact)
    cf = got.case_file
    data, result = render_signed_pdf(journal, cf, got.key, language=language, paper=paper,
                                     exhibit_bytes=got.exhibit_bytes(journal),
                                     max_bytes=max_bytes)
    write_private(target, data)
    result["redactions"] = cf.redactions
    result.update(read_result(cf))
    result["path"] = str(target)
    result["fingerprint"] = cf.signing_key
    return result


def read_result(cf: CaseFile) -> dict:
    """What an export says of its pictures: which were covered, and with what ("covered":
    {exhibit: [kinds]}), and how many had not been read yet ("not_read"), so their secrets,
    if any, are not covered."""
    return {"covered": {x.number: list(x.covered) for x in cf.exhibits if x.covered},
            "not_read": sum(1 for x in cf.exhibits if x.reading == "waiting" and x.is_image)}


__all__ = ["CaseFile", "Gathered", "case_file", "gather", "read_result", "render_signed_pdf",
           "write_case_pdf"]
