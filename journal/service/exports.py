"""Exporting a case (the signed PDF or the evidence bundle) and checking an export: the one
place both front ends go through, so `journal export` and the window's Export do the same."""
from __future__ import annotations

from pathlib import Path

from ..domain.rules import LANGUAGES
from ..errors import BadInput

KINDS = {".pdf": "pdf", ".zip": "bundle"}
SUFFIX = {kind: suffix for suffix, kind in KINDS.items()}


def export_target(target, kind: str | None) -> tuple[Path, str]:
    """The file to write and the kind of export; `kind` None: from the file's suffix."""
    path = Path(target).expanduser()
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
                    exporter_contact: str | None = None) -> dict:
        """Write the case's signed PDF (kind "pdf") or its evidence bundle ("bundle") to
        `target`, created 0600 and put in place only when whole. Returns what was written:
        "path", "redactions" ({kind: count}), "fingerprint" of the signing key, and for a PDF
        its page count."""
        path, kind = export_target(target, kind)
        language = check_language(language)
        case = self.journal.case(case_id)
        if kind == "pdf":
            from ..export import write_case_pdf
            return write_case_pdf(self.journal, case.id, path, language=language, paper=paper,
                                  exporter_name=exporter_name,
                                  exporter_contact=exporter_contact)
        from ..export.bundle import write_bundle
        return write_bundle(self.journal, case.id, path, language=language, paper=paper,
                            exporter_name=exporter_name, exporter_contact=exporter_contact)


def verify_export(path):
    """Check an exported bundle (.zip) or PDF alone: what it proves, or its problems
    (see export/verify.py). Needs no journal."""
    from ..export.verify import check_bundle, check_pdf
    path = Path(path).expanduser()
    return check_pdf(path) if path.suffix.lower() == ".pdf" else check_bundle(path)
