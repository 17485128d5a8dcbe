"""Exporting a case (the signed PDF or the evidence bundle) and checking an export: the one
place both front ends go through, so `journal export` and the window's Export do the same."""
from __future__ import annotations

from pathlib import Path

from ..domain.rules import LANGUAGES
from ..errors import BadInput

KINDS = {".pdf": "pdf", ".zip": "bundle"}
SUFFIX = {kind: suffix for suffix, kind in KINDS.items()}
BOTH = "both"   # the bundle at the target (.zip), and beside it the very PDF it holds
# Media types the PDF draws (so reads): the rest of the exhibits are only listed in it.
DRAWN = ("image/",)
TEXT = ("text/", "application/json", "application/xml", "message/rfc822")


def export_target(target, kind: str | None) -> tuple[Path, str]:
    """The file to write and the kind of export; `kind` None: from the file's suffix."""
    path = Path(target).expanduser()
    if kind == BOTH:
        path, _ = export_target(path.with_suffix(".zip"), "bundle")
        export_target(path.with_suffix(".pdf"), "pdf")
        return path, BOTH
    if kind is None:
        kind = KINDS.get(path.suffix.lower())
        if kind is None:
            raise BadInput("export.no_suffix", name=path.name)
    if kind not in SUFFIX:
        raise BadInput("export.unknown_kind", kind=kind)
    if path.is_dir():
        raise BadInput("export.target_is_folder", path=path, suffix=SUFFIX[kind])
    if not path.parent.is_dir():
        raise BadInput("file.no_folder", folder=path.parent)
    return path, kind


def check_language(language: str | None) -> str:
    language = language or "en"
    if language not in LANGUAGES:
        raise BadInput("pdf.unknown_language", language=language)
    return language


class Exports:
    """Needs: the journal itself (the export reads a case through the whole API)."""

    def __init__(self, journal):
        self.journal = journal

    def export_case(self, case_id, target, *, kind: str | None = None, language: str = "en",
                    paper: str | None = None, exporter_name: str | None = None,
                    exporter_contact: str | None = None, progress=None,
                    max_size: str | int | None = None) -> dict:
        """Write the case's signed PDF (kind "pdf") or its evidence bundle ("bundle") to
        `target`, created 0600 and put in place only when whole; kind "both": the bundle at
        `target` with the suffix .zip and, beside it as .pdf, the same signed PDF the bundle
        holds (one export, so the two cannot differ). Returns what was written: "path" (the
        bundle's for "both"), "paths" (every file, the PDF first), "redactions"
        ({kind: count}), "fingerprint" of the signing key, and the PDF's page count.

        progress(stage, done, total), if given, is called as the case is read ("case", 0, 0)
        and as its files are read ("files", bytes, about how many in all); it may raise
        Cancelled to stop: nothing is written then. `max_size` ("10MB", or bytes): the PDF is
        made to fit it by resampling its pictures (said on its cover; the bundle keeps the
        originals); "fitted_dpi" then says how far."""
        from ..domain.inputs import upload_limit as parse_size
        max_bytes = max_size if isinstance(max_size, int) else parse_size(max_size)
        path, kind = export_target(target, kind)
        language = check_language(language)
        case = self.journal.case(case_id)
        journal = self.journal if progress is None else _Watched(self.journal, case.id, kind,
                                                                 progress)
        if progress is not None:
            progress("case", 0, 0)
        if kind == "pdf":
            from ..export import write_case_pdf
            result = write_case_pdf(journal, case.id, path, language=language, paper=paper,
                                    exporter_name=exporter_name,
                                    exporter_contact=exporter_contact, max_bytes=max_bytes)
            return {**result, "paths": [result["path"]]}
        from ..export.bundle import write_bundle
        result = write_bundle(journal, case.id, path, language=language, paper=paper,
                              exporter_name=exporter_name, exporter_contact=exporter_contact,
                              max_bytes=max_bytes)
        if kind != BOTH:
            return {**result, "paths": [result["path"]]}
        pdf = path.with_suffix(".pdf")
        _copy_pdf_of(path, pdf)
        return {**result, "paths": [str(pdf), result["path"]]}


def _copy_pdf_of(bundle: Path, target: Path) -> None:
    """The signed PDF inside `bundle`, written to `target` (0600, in place once whole)."""
    import shutil
    import zipfile

    from ..export.files import private_target
    from ..export.verify import PDF
    with zipfile.ZipFile(bundle) as zf, zf.open(PDF) as pdf, private_target(target) as out:
        shutil.copyfileobj(pdf, out, 1 << 20)


class _Watched:
    """The journal as an export reads it, telling `progress` how many bytes of the case's
    files were read (where a large case spends its time) and letting it stop the export at
    any chunk. Everything else is the journal's own."""

    def __init__(self, journal, case_id: int, kind: str, progress):
        self._journal, self._progress, self._done = journal, progress, 0
        files = [a for i in journal.timeline(case_id) for a in i.attachments]
        drawn = sum(a.size for a in files if a.media_type.startswith(DRAWN))
        text = sum(a.size for a in files if a.media_type.startswith(TEXT))
        # The PDF reads the pictures it draws; a bundle also reads the text files to redact
        # them and streams every file: an estimate, so `done` is kept at most `total`.
        self._total = drawn if kind == "pdf" else drawn + text + sum(a.size for a in files)

    def __getattr__(self, name):
        return getattr(self._journal, name)

    def _read(self, size: int) -> None:
        self._done = min(self._total, self._done + size)
        self._progress("files", self._done, self._total)

    def attachment_bytes(self, attachment_id):
        self._read(0)   # a chance to stop before a whole file is read
        data = self._journal.attachment_bytes(attachment_id)
        self._read(len(data))
        return data

    def attachment_chunks(self, attachment_id):
        for chunk in self._journal.attachment_chunks(attachment_id):
            self._read(len(chunk))
            yield chunk


def verify_export(path):
    """Check an exported bundle (.zip) or PDF alone: what it proves, or its problems
    (see export/verify.py). Needs no journal."""
    from ..export.verify import check_bundle, check_pdf
    path = Path(path).expanduser()
    return check_pdf(path) if path.suffix.lower() == ".pdf" else check_bundle(path)
