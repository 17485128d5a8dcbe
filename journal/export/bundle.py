"""The evidence bundle: one ZIP with the PDF, case.json, the exhibits, the case's hash chain,
a README, a SHA-256 manifest that `sha256sum -c` reads, and the manifest's signature by the
journal's key, which `ssh-keygen -Y verify` checks with the allowed_signers file beside it.

The ZIP is written to a temporary file beside the target and renamed over it
only when complete, so a failed export leaves no half file and no plaintext
lands anywhere else.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import zipfile
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

from ..domain.case_file import FORMAT, VERSION, CaseFile
from ..errors import BadInput
from . import gather, render_signed_pdf
from .bundle_readme import readme
from .chain_document import CHAIN_FORMAT, PROSE_KEYS, chain_document
from .files import private_target
from .verify import CASE_JSON, CHAIN_JSON, MANIFEST, NAMESPACE, PDF, SIGNATURE, SIGNERS

README = "README.txt"
# Files whose text is scanned for secrets like the notes are; anything else is copied as it is.
TEXT_TYPES = ("application/json", "application/xml", "message/rfc822")
__all__ = ["CHAIN_FORMAT", "PROSE_KEYS", "case_document", "write_bundle"]


def is_text(media_type: str) -> bool:
    return media_type.startswith("text/") or media_type in TEXT_TYPES


def exhibit_path(number: str, name: str) -> str:
    """`exhibits/A-1-<name>`, the name made safe for a ZIP path and a manifest line."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r'[\x00-\x1f\x7f<>:"|?*]', "_", name).strip(" .")
    if len(name) > 100:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:90] + dot + ext[:9]) if dot and len(ext) <= 9 else name[:100]
    return f"exhibits/{number}-{name or 'file'}"


def _redactor():
    from ..domain.redaction import redact, redaction_counts
    return redact, redaction_counts


def redact_text_file(data: bytes) -> tuple[bytes, dict[str, int]]:
    """Secrets replaced in a text file; the bytes are untouched when there is none."""
    redact, counts = _redactor()
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        encoding, text = "latin-1", data.decode("latin-1")  # byte for byte, so nothing is lost
    clean, findings = redact(text)
    if not findings:
        return data, {}
    return clean.encode(encoding, errors="replace"), dict(counts(findings))


def case_document(cf: CaseFile, *, language: str, files: dict[str, dict]) -> dict:
    """case.json: the CaseFile field by field (docs/case-file-format.md), plus where each
    exhibit is in the bundle."""
    doc = {"format": FORMAT, "version": VERSION, "language": language, **asdict(cf)}
    for entry in doc["entries"]:
        entry["references"] = [{"kind": k, "value": v} for k, v in entry["references"]]
    doc["summary"]["references"] = [{"kind": k, "value": v, "first_entry": n}
                                    for k, v, n in doc["summary"]["references"]]
    for exhibit in doc["exhibits"]:
        exhibit.update(files[exhibit["number"]])
    return doc


def write_bundle(journal, case_id, target: Path, *, language: str = "en",
                 exporter_name: str | None = None, exporter_contact: str | None = None,
                 paper: str | None = None) -> dict:
    """Write the case's evidence bundle to `target` (replacing it); return what was written.

    Text exhibits are read and redacted first, since the PDF must count what was replaced;
    other files are read one at a time while the ZIP is written, so memory holds one file."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BadInput("file.no_folder", folder=target.parent)
    got = gather(journal, case_id, exporter_name=exporter_name,
                 exporter_contact=exporter_contact)
    cf = got.case_file
    redacted: dict[str, bytes] = {}
    files: dict[str, dict] = {}
    counts = dict(cf.redactions)
    for ex in cf.exhibits:
        path = exhibit_path(ex.number, ex.name)
        files[ex.number] = {"file": path, "file_size": ex.size, "file_sha256": ex.sha256,
                            "redactions": {}}
        if not is_text(ex.media_type):
            continue
        data, found = redact_text_file(journal.attachment_bytes(ex.attachment_id))
        if found:
            redacted[ex.number] = data
            files[ex.number].update(file_size=len(data), redactions=found,
                                    file_sha256=hashlib.sha256(data).hexdigest())
            for kind, n in found.items():
                counts[kind] = counts.get(kind, 0) + n
    cf = replace(cf, redactions=counts)
    key = got.key
    pdf, info = render_signed_pdf(journal, cf, key, language=language, paper=paper)

    def contents():
        yield README, readme(cf, language, key.fingerprint).encode("utf-8")
        yield PDF, pdf
        yield CASE_JSON, _json(case_document(cf, language=language, files=files))
        yield CHAIN_JSON, _json(chain_document(cf.case_id, cf.chain_head, got.segment,
                                               got.directory, key))
        yield SIGNERS, allowed_signers(key).encode("ascii")
        for ex in cf.exhibits:
            data = redacted.get(ex.number)
            yield files[ex.number]["file"], \
                data if data is not None else journal.attachment_bytes(ex.attachment_id)

    def sign(manifest: bytes) -> bytes:
        from ..service.signing import sign_sshsig
        return sign_sshsig(key.seed, manifest, namespace=NAMESPACE).encode("ascii")

    written, size = _write_zip(target, contents(), cf.exported_at, sign)
    return {**info, "path": str(target), "files": written, "size": size,
            "exhibits": len(cf.exhibits), "redactions": counts, "chain_head": cf.chain_head,
            "fingerprint": key.fingerprint}


def allowed_signers(key) -> str:
    """The line `ssh-keygen -Y verify -f allowed_signers -I support-journal` reads."""
    return f'{NAMESPACE} namespaces="{NAMESPACE}" {key.public_key}\n'


def _json(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n") \
        .encode("utf-8")


def _write_zip(target: Path, contents, exported_at: str, sign) -> tuple[int, int]:
    """Write (path, bytes) pairs, then their manifest and its signature (`sign(manifest)`),
    to a temporary file beside `target`, and rename it over `target` once whole; return the
    number of files and the size."""
    stamp = datetime.fromisoformat(exported_at).timetuple()[:6]
    manifest = []
    with private_target(target) as raw, zipfile.ZipFile(raw, "w") as zf:
        for path, data in contents:
            _add(zf, path, data, stamp)
            manifest.append(f"{hashlib.sha256(data).hexdigest()}  {path}\n")
        listing = "".join(manifest).encode("utf-8")
        _add(zf, MANIFEST, listing, stamp)
        _add(zf, SIGNATURE, sign(listing), stamp)
    return len(manifest) + 2, target.stat().st_size


def _add(zf: zipfile.ZipFile, path: str, data: bytes, stamp) -> None:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.external_attr = 0o644 << 16
    packed = path.lower().endswith((".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip"))
    info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
    zf.writestr(info, data)
