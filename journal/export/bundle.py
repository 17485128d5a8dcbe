"""The evidence bundle: one ZIP with the PDF, case.json, the exhibits, the case's hash chain,
a README and a SHA-256 manifest that `sha256sum -c` reads.

The ZIP is written to a temporary file beside the target and renamed over it
only when complete, so a failed export leaves no half file and no plaintext
lands anywhere else.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import asdict, replace
from datetime import datetime
from pathlib import Path

from ..domain.case_file import FORMAT, VERSION, CaseFile
from ..errors import BadInput, EnvironmentProblem
from . import gather

CHAIN_FORMAT = "support-journal-chain"
MANIFEST = "MANIFEST.sha256"
PDF, CASE_JSON, CHAIN_JSON, README = "case-file.pdf", "case.json", "chain.json", "README.txt"
# Files whose text is scanned for secrets like the notes are; anything else is copied as it is.
TEXT_TYPES = ("application/json", "application/xml", "message/rfc822")
# Free text in the ledger's entries; identifiers (references, titles, hashes) are left alone.
PROSE_KEYS = ("notes", "reason", "text")


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


def chain_document(case_id: int, head: str, segment) -> dict:
    """The case's ledger entries exactly as hashed; prose holding a secret is redacted, and
    such an entry says so (its own hash then cannot be recomputed, its links still can)."""
    redact, _counts = _redactor()
    entries = []
    for e in segment:
        form = e.hashed_form()
        form["hash"] = e.hash
        changed = []
        body = dict(form["body"])
        for key in PROSE_KEYS:
            if isinstance(body.get(key), str) and body[key]:
                clean, findings = redact(body[key])
                if findings:
                    body[key] = clean
                    changed.append(key)
        if changed:
            form["body"] = body
            form["redacted"] = changed
        entries.append(form)
    return {"format": CHAIN_FORMAT, "version": 1, "case_id": case_id, "head": head,
            "entries": entries}


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


def _render_pdf(cf: CaseFile, language: str, paper, exhibit_bytes) -> tuple[bytes, dict]:
    from .pdf import write_pdf
    buffer = io.BytesIO()  # in memory: no plaintext file of its own
    info = write_pdf(cf, buffer, language=language, exhibit_bytes=exhibit_bytes, paper=paper)
    return buffer.getvalue(), dict(info or {})


def write_bundle(journal, case_id, target: Path, *, language: str = "en",
                 exporter_name: str | None = None, exporter_contact: str | None = None,
                 paper: str | None = None) -> dict:
    """Write the case's evidence bundle to `target` (replacing it); return what was written.

    Text exhibits are read and redacted first, since the PDF must count what was replaced;
    other files are read one at a time while the ZIP is written, so memory holds one file."""
    target = Path(target)
    if not target.parent.is_dir():
        raise BadInput(f"The folder {target.parent} does not exist.")
    cf, segment = gather(journal, case_id, exporter_name=exporter_name,
                         exporter_contact=exporter_contact)
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
    pdf, info = _render_pdf(cf, language, paper, journal.attachment_bytes)

    def contents():
        yield README, readme(cf, language).encode("utf-8")
        yield PDF, pdf
        yield CASE_JSON, _json(case_document(cf, language=language, files=files))
        yield CHAIN_JSON, _json(chain_document(cf.case_id, cf.chain_head, segment))
        for ex in cf.exhibits:
            data = redacted.get(ex.number)
            yield files[ex.number]["file"], \
                data if data is not None else journal.attachment_bytes(ex.attachment_id)

    written, size = _write_zip(target, contents(), cf.exported_at)
    return {**info, "path": str(target), "files": written, "size": size,
            "exhibits": len(cf.exhibits), "redactions": counts, "chain_head": cf.chain_head}


def _json(doc: dict) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False) + "\n") \
        .encode("utf-8")


def _write_zip(target: Path, contents, exported_at: str) -> tuple[int, int]:
    """Write (path, bytes) pairs and then their manifest to a temporary file beside `target`,
    and rename it over `target` once whole; return the number of files and the size."""
    stamp = datetime.fromisoformat(exported_at).timetuple()[:6]
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                    suffix=".part")
    except OSError as exc:
        raise EnvironmentProblem(f"Cannot write in {target.parent}: {exc.strerror}.") from None
    manifest = []
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w") as zf:
                for path, data in contents:
                    _add(zf, path, data, stamp)
                    manifest.append(f"{hashlib.sha256(data).hexdigest()}  {path}\n")
                _add(zf, MANIFEST, "".join(manifest).encode("utf-8"), stamp)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(name, target)
    except OSError as exc:
        Path(name).unlink(missing_ok=True)
        raise EnvironmentProblem(f"Cannot write {target}: {exc.strerror}; nothing was "
                                 f"written.") from None
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return len(manifest) + 1, target.stat().st_size


def _add(zf: zipfile.ZipFile, path: str, data: bytes, stamp) -> None:
    info = zipfile.ZipInfo(path, date_time=stamp)
    info.external_attr = 0o644 << 16
    packed = path.lower().endswith((".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip"))
    info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def readme(cf: CaseFile, language: str) -> str:
    text = _README_EN.format(title=cf.title, platform=cf.platform, exported=cf.exported_at,
                             head=cf.chain_head, n=cf.chain_entries)
    if language == "zh_CN":
        text += "\n" + _README_ZH.format(head=cf.chain_head)
    return text


_README_EN = """\
Support Journal - evidence bundle
Case: {title} ({platform}), exported {exported}

What is in this bundle
  case-file.pdf    the case file to read: summary, chronology, promises, exhibits
  case.json        the same facts, machine-readable (format described in case.json itself
                   and in Support Journal's docs/case-file-format.md)
  exhibits/        the files the user attached, named by exhibit number (A-1, A-2, ...)
  chain.json       the case's hash chain: every record of the case as it was hashed
  MANIFEST.sha256  the SHA-256 of every other file

How to check it
  Unzip, then in the unzipped folder run:   sha256sum -c MANIFEST.sha256
  (on macOS: shasum -a 256 -c MANIFEST.sha256). Every line must say OK.
  Or, with Support Journal installed:       journal verify FILE.zip
  which also recomputes the hash chain and compares its head with case.json.

What the hash chain proves, and what it does not
  Each entry of chain.json has a "hash": the SHA-256 of the entry's other fields written
  as canonical JSON (keys sorted, no spaces, UTF-8), leaving out "hash" and "redacted".
  Its "case_prev" is the hash of the case's entry before it (64 zeros for the first), so
  the entries form one chain ending in the head:
      {head}   ({n} entries)
  To recompute them, save these lines as check.py beside chain.json and run python3 check.py
  (every line must end in True, except entries marked "redacted"):

import hashlib, json
for e in json.load(open("chain.json", encoding="utf-8"))["entries"]:
    form = {{k: v for k, v in e.items() if k not in ("hash", "redacted")}}
    text = json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    print(e["seq"], hashlib.sha256(text.encode()).hexdigest() == e["hash"])

  The manifest proves only that the files are the ones the exporter listed. The chain
  proves that the records were not altered after they were recorded ONLY to someone who
  received this head earlier (for example in an email sent to the platform or to oneself
  at the time): anyone could build a new, self-consistent chain today. The times in the
  records are those of the user's computer.

Redaction
  Secrets (seed phrases, private keys, one-time codes) were replaced by "[redacted: ...]"
  in the notes, in case-file.pdf, in case.json, in chain.json and in text exhibits.
  A chain entry marked "redacted" had such text: its own hash cannot be recomputed from
  what is shown, though its links still can. A text exhibit that was redacted differs from
  the original the journal recorded; case.json gives both SHA-256 values.
  Images and other files are the original bytes, unchanged and NOT redacted.
"""

_README_ZH = """\
支持日志 - 证据包（说明）

内容：case-file.pdf（案件文件）、case.json（同样的事实，机器可读）、exhibits/（用户附加的
原始文件，按证物编号命名）、chain.json（本案的哈希链）、MANIFEST.sha256（其他每个文件的
SHA-256）。

如何核对：解压后在该文件夹中运行  sha256sum -c MANIFEST.sha256 ，每一行都应为 OK；
或使用  journal verify FILE.zip ，它还会重新计算哈希链并与 case.json 中的链头比对。

哈希链只对事先已收到此链头的人（例如当时发给平台或自己的邮件）证明记录在记录之后未被改动：
    {head}
任何人今天都可以另造一条自洽的链。记录中的时间来自用户的电脑。

脱敏：助记词、私钥、一次性验证码已在备注、PDF、case.json、chain.json 和文本证物中替换为
“[redacted: …]”。标为 "redacted" 的链条目无法由所示内容重算自身哈希，但链接仍可核对。
图片及其他文件为原始字节，未经改动，也未脱敏。
"""
