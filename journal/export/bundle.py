"""The evidence bundle: one ZIP with the PDF, case.json, the exhibits, the case's hash chain,
a README, a SHA-256 manifest that `sha256sum -c` reads, and the manifest's signature by the
journal's key, which `ssh-keygen -Y verify` checks with the allowed_signers file beside it.

The ZIP is written to a temporary file beside the target and renamed over it
only when complete, so a failed export leaves no half file and no plaintext
lands anywhere else. Each exhibit goes in chunk by chunk (memory holds one chunk, never
a whole file), hashed for the manifest on the way; media that is compressed already
(photos, video, sound, archives) is stored as it is, since deflating it costs time and
gains nothing.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata
import zipfile
import zlib
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

from ..domain.case_file import FORMAT, VERSION, CaseFile
from ..errors import BadInput
from . import gather, read_result, render_signed_pdf
from .bundle_readme import readme
from .chain_document import CHAIN_FORMAT, PROSE_KEYS, chain_document
from .covers import kind_counts
from .files import private_target
from .verify import CASE_JSON, CHAIN_JSON, MANIFEST, NAMESPACE, PDF, SIGNATURE, SIGNERS

README = "README.txt"
# Files whose text is scanned for secrets like the notes are; anything else is copied as it is.
TEXT_TYPES = ("application/json", "application/xml", "message/rfc822")
# Compressed already: stored in the ZIP as they are (a 50 MiB video deflated took 3.2 s and
# grew). A PDF's streams are deflated or JPEG already (the bench's 11 MiB case file deflates
# by 4 % in 0.5 s), and its text-like start misleads a probe. Anything else but text is
# tried: deflated only if its start shrinks by PROBE_GAIN.
PACKED_TYPES = ("application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp",
                "image/heic", "image/heif", "image/avif", "video/", "audio/mpeg", "audio/mp4",
                "audio/aac", "audio/ogg", "audio/opus", "audio/webm", "audio/flac",
                "audio/x-m4a", "application/zip", "application/gzip", "application/x-gzip",
                "application/x-7z-compressed", "application/x-rar-compressed",
                "application/vnd.rar", "application/x-bzip2", "application/x-xz",
                "application/zstd", "application/epub+zip",
                "application/vnd.openxmlformats-officedocument.")
PACKED_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif",
                   ".avif", ".mp4", ".m4v", ".mov", ".webm", ".mkv", ".3gp", ".mp3", ".m4a",
                   ".aac", ".ogg", ".oga", ".opus", ".flac", ".zip", ".gz", ".tgz", ".7z",
                   ".rar", ".bz2", ".xz", ".zst", ".docx", ".xlsx", ".pptx", ".epub")
UNPACKED_TYPES = ("video/x-msvideo", "audio/wav", "audio/x-wav", "audio/vnd.wave",
                  "audio/aiff", "audio/x-aiff")   # raw sound and old AVI: tried like others
PROBE_BYTES = 64 * 1024
PROBE_GAIN = 0.10       # deflate when the start of the file shrinks by at least 10 %
KEEP_REDACTED = 16 * 2**20   # redacted text kept from the first pass up to this in all
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
                 paper: str | None = None, max_bytes: int | None = None) -> dict:
    """Write the case's evidence bundle to `target` (replacing it); return what was written.
    `max_bytes`: the PDF inside it made to fit that size (its pictures resampled); the
    bundle's exhibit files stay the originals.

    Text exhibits are read and redacted first, since the PDF must count what was replaced
    (one at a time; what was redacted is kept up to KEEP_REDACTED, beyond that redacted
    again when written); every other file streams from the journal into the ZIP."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BadInput("file.no_folder", folder=target.parent)
    got = gather(journal, case_id, exporter_name=exporter_name,
                 exporter_contact=exporter_contact)
    cf = got.case_file
    redacted: dict[str, bytes | None] = {}   # None: redact again when written
    files: dict[str, dict] = {}
    counts = dict(cf.redactions)
    kept = 0
    for ex in cf.exhibits:
        path = exhibit_path(ex.number, ex.name)
        files[ex.number] = {"file": path, "file_size": ex.size, "file_sha256": ex.sha256,
                            "redactions": {}}
        if ex.covered:   # the picture's copy with its secrets blacked out (covers.py)
            copy = got.covered[ex.attachment_id]
            files[ex.number].update(file_size=len(copy), file_sha256=ex.covered_sha256,
                                    redactions=kind_counts(got.readings[ex.attachment_id]))
            continue
        if not is_text(ex.media_type):
            continue
        data, found = redact_text_file(journal.attachment_bytes(ex.attachment_id))
        if found:
            keep = kept + len(data) <= KEEP_REDACTED
            kept += len(data) if keep else 0
            redacted[ex.number] = data if keep else None
            files[ex.number].update(file_size=len(data), redactions=found,
                                    file_sha256=hashlib.sha256(data).hexdigest())
            for kind, n in found.items():
                counts[kind] = counts.get(kind, 0) + n
        del data
    cf = replace(cf, redactions=counts)
    key = got.key
    pdf, info = render_signed_pdf(journal, cf, key, language=language, paper=paper,
                                  exhibit_bytes=got.exhibit_bytes(journal), max_bytes=max_bytes)

    def exhibit(ex):
        if ex.covered:
            return (got.covered[ex.attachment_id],)
        if ex.number not in redacted:
            return journal.attachment_chunks(ex.attachment_id)
        data = redacted.pop(ex.number)
        if data is None:
            data, _ = redact_text_file(journal.attachment_bytes(ex.attachment_id))
        return (data,)

    def contents():
        yield README, readme(cf, language, key.fingerprint).encode("utf-8"), None
        yield PDF, pdf, "application/pdf"
        yield CASE_JSON, _json(case_document(cf, language=language, files=files)), None
        yield CHAIN_JSON, _json(chain_document(cf.case_id, cf.chain_head, got.segment,
                                               got.directory, key)), None
        yield SIGNERS, allowed_signers(key).encode("ascii"), None
        for ex in cf.exhibits:
            entry = files[ex.number]
            yield entry["file"], Exhibit(exhibit(ex), entry["file_size"]), ex.media_type

    def sign(manifest: bytes) -> bytes:
        from ..service.signing import sign_sshsig
        return sign_sshsig(key.seed, manifest, namespace=NAMESPACE).encode("ascii")

    written, size = _write_zip(target, contents(), cf.exported_at, sign)
    return {**info, "path": str(target), "files": written, "size": size,
            "exhibits": len(cf.exhibits), "redactions": counts, **read_result(cf),
            "chain_head": cf.chain_head,
            "fingerprint": key.fingerprint}


def allowed_signers(key) -> str:
    """The line `ssh-keygen -Y verify -f allowed_signers -I support-journal` reads."""
    return f'{NAMESPACE} namespaces="{NAMESPACE}" {key.public_key}\n'


def _json(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n") \
        .encode("utf-8")


class Exhibit:
    """An exhibit to write: its pieces, in order, and the size they add up to."""

    def __init__(self, pieces, size: int):
        self.pieces, self.size = pieces, size


def _write_zip(target: Path, contents, exported_at: str, sign) -> tuple[int, int]:
    """Write (path, bytes or Exhibit, media type) triples, then their manifest and its
    signature (`sign(manifest)`), to a temporary file beside `target`, and rename it over
    `target` once whole; return the number of files and the size."""
    stamp = datetime.fromisoformat(exported_at).timetuple()[:6]
    manifest = []
    with private_target(target) as raw, zipfile.ZipFile(raw, "w") as zf:
        for path, data, media_type in contents:
            if isinstance(data, Exhibit):
                digest = _stream(zf, path, data, media_type, stamp)
            else:
                _add(zf, path, data, stamp, media_type)
                digest = hashlib.sha256(data).hexdigest()
            manifest.append(f"{digest}  {path}\n")
        listing = "".join(manifest).encode("utf-8")
        _add(zf, MANIFEST, listing, stamp)
        _add(zf, SIGNATURE, sign(listing), stamp)
    return len(manifest) + 2, target.stat().st_size


def _info(path: str, stamp, method: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.external_attr = 0o644 << 16
    info.compress_type = method
    return info


def _add(zf: zipfile.ZipFile, path: str, data: bytes, stamp, media_type=None) -> None:
    zf.writestr(_info(path, stamp, compression(path, media_type, data)), data)


def _stream(zf: zipfile.ZipFile, path: str, exhibit: Exhibit, media_type, stamp) -> str:
    """Write an exhibit piece by piece; its SHA-256 hex, computed on the way."""
    pieces = iter(exhibit.pieces)
    first = next(pieces, b"")
    info = _info(path, stamp, compression(path, media_type, first))
    info.file_size = exhibit.size   # zipfile decides on ZIP64 by it (and counts anew)
    digest = hashlib.sha256()
    with zf.open(info, "w") as out:
        for piece in itertools.chain((first,), pieces):
            out.write(piece)
            digest.update(piece)
    return digest.hexdigest()


def compression(path: str, media_type: str | None, head: bytes) -> int:
    """ZIP_STORED for what is compressed already (by its media type or suffix, else by
    whether the first PROBE_BYTES deflate by PROBE_GAIN), ZIP_DEFLATED for the rest."""
    media = (media_type or "").lower()
    if media and is_text(media):
        return zipfile.ZIP_DEFLATED
    if media not in UNPACKED_TYPES and (media.startswith(PACKED_TYPES)
                                        or path.lower().endswith(PACKED_SUFFIXES)):
        return zipfile.ZIP_STORED
    sample = memoryview(head)[:PROBE_BYTES]
    if len(sample) < 512:
        return zipfile.ZIP_DEFLATED   # a few bytes: nothing to gain either way
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    packed = len(packer.compress(sample)) + len(packer.flush())
    return zipfile.ZIP_DEFLATED if packed <= (1 - PROBE_GAIN) * len(sample) \
        else zipfile.ZIP_STORED
