"""`journal verify`: check a bundle, or a PDF, without the journal that wrote it.

A bundle: every file in the manifest is there with its SHA-256 and nothing is added;
the manifest carries the journal's SSHSIG signature and the PDF its PAdES signature, both
by the key that the case's own chain introduces; the chain recomputes entry by entry to
the head case.json gives; and every fact of case.json is what the chain's latest
revision records. Each problem is one sentence naming the file.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.case_file import FORMAT
from ..errors import BadInput, Phrase, os_reason
from .chain_check import ChainReport, check_chain
from .facts_check import facts_problems
from .verify_mail import check_mail

MANIFEST, SIGNATURE, SIGNERS = "MANIFEST.sha256", "MANIFEST.sha256.sig", "allowed_signers"
PDF, CASE_JSON, CHAIN_JSON = "case-file.pdf", "case.json", "chain.json"
NAMESPACE = "support-journal"
_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")
_UNREADABLE = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError,
               OSError, ValueError)


@dataclass
class Proof:
    """What `journal verify` found: the problems, and what was proven when there are none."""
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)      # true, but weaker than a full proof
    fingerprint: str | None = None                 # the key that signed, when it did
    head: str | None = None
    entries: int = 0
    exhibits: int = 0
    unprovable: tuple = ()                         # seq of entries that cannot be proven
    signer: str | None = None                      # a PDF's certificate's name for its key


def _not_a_bundle(path: Path, why: str, /, **params) -> BadInput:
    """`why`: a code of the catalogue's bundle.why.*"""
    return BadInput("bundle.not_a_bundle", path=path, why=Phrase(why, **params))


def _sha256(zf: zipfile.ZipFile, name: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with zf.open(name) as f:
            while piece := f.read(1 << 20):
                digest.update(piece)
    except _UNREADABLE:  # a flipped byte inside compressed data fails the CRC or inflate
        return None
    return digest.hexdigest()


def _read(zf: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return zf.read(name)
    except (*_UNREADABLE, KeyError):
        return None


def _json(zf: zipfile.ZipFile, name: str):
    try:
        return json.loads(zf.read(name).decode("utf-8"))
    except (*_UNREADABLE, KeyError, UnicodeDecodeError, RecursionError):
        return None


def _manifest(text: str) -> tuple[dict[str, str], list[str]]:
    listed: dict[str, str] = {}
    problems = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            problems.append(f"{MANIFEST} line {n} is not a SHA-256 followed by a file name.")
        else:
            listed[m.group(2)] = m.group(1).lower()
    return listed, problems


def _open(path: Path) -> zipfile.ZipFile:
    if path.is_dir():
        raise _not_a_bundle(path, "bundle.why.folder")
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BadInput("file.none", path=path) from None
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, reason=os_reason(exc)) from None
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_a_bundle(path, "bundle.why.not_zip") from None


def verify_bundle(path) -> list[str]:
    """Every problem with the bundle at `path`, one sentence each; empty when all is well."""
    return check_bundle(path).problems


def check_bundle(path) -> Proof:
    path = Path(path)
    with _open(path) as zf:
        from .pyhanko_offline import preload
        preload()  # pyHanko, for the PDF's signature, loads while the files are hashed
        names = [i.filename for i in zf.infolist() if not i.is_dir()]
        if MANIFEST not in names:
            raise _not_a_bundle(path, "bundle.why.no_file", name=MANIFEST)
        manifest = _read(zf, MANIFEST)
        try:
            listed, problems = _manifest(manifest.decode("utf-8"))
        except (AttributeError, UnicodeDecodeError):
            raise _not_a_bundle(path, "bundle.why.unreadable", name=MANIFEST) from None
        if CASE_JSON not in names and CASE_JSON not in listed:
            raise _not_a_bundle(path, "bundle.why.no_file", name=CASE_JSON)
        case = _json(zf, CASE_JSON) if CASE_JSON in names else None
        if isinstance(case, dict) and case.get("format") != FORMAT:
            raise _not_a_bundle(path, "bundle.why.other_kind", name=CASE_JSON)
        proof = Proof(problems=problems)
        for name in sorted(n for n, k in Counter(names).items() if k > 1):
            proof.problems.append(f"{name} is in the bundle more than once.")
        actual = {name: _sha256(zf, name) for name in dict.fromkeys(names)}
        for name, digest in listed.items():
            if name not in names:
                proof.problems.append(f"{name} is missing.")
            elif actual[name] != digest:
                proof.problems.append(f"{name} was altered: its SHA-256 does not match the "
                                      f"manifest.")
        for name in dict.fromkeys(names):
            if name not in (MANIFEST, SIGNATURE) and name not in listed:
                proof.problems.append(f"{name} is extra: it is not in the manifest.")
        matching = {n: d for n, d in actual.items() if listed.get(n) == d}
        chain = _json(zf, CHAIN_JSON) if CHAIN_JSON in matching else None
        if CASE_JSON in matching and CHAIN_JSON in matching:  # else already named as altered
            report = _chain(case, chain, proof)
            if report is not None:
                signed = _must_be_signed(chain, report)
                directory = _directory(chain, proof) if signed else None
                proof.problems += facts_problems(case, report, directory)
                _exhibits(case, report, matching, proof)
                check_mail(zf, case, matching, proof)
                _signatures(zf, manifest, chain, report, matching, proof)
    return proof


def _chain(case, chain, proof: Proof) -> ChainReport | None:
    """Recompute chain.json along the case's own links to the head case.json gives."""
    if not isinstance(case, dict):
        proof.problems.append(f"{CASE_JSON} is not readable JSON.")
        return None
    if not isinstance(chain, dict) or not isinstance(chain.get("entries"), list):
        proof.problems.append(f"{CHAIN_JSON} is not readable JSON.")
        return None
    if chain.get("version", 1) not in (1, 2) or type(chain.get("version", 1)) is not int:
        proof.problems.append(f"{CHAIN_JSON} is of a version this program does not know.")
    report = check_chain(chain["entries"], case_id=case.get("case_id"))
    proof.problems += report.problems
    head = case.get("chain_head")
    if report.last != head:
        proof.problems.append(f"{CHAIN_JSON} ends in {str(report.last)[:16]}…, not in the "
                              f"chain head {str(head)[:16]}… that {CASE_JSON} gives.")
    if chain.get("head") != head:
        proof.problems.append(f"{CHAIN_JSON} names another head than {CASE_JSON}.")
    if case.get("chain_entries") != report.count:
        proof.problems.append(f"{CHAIN_JSON} has {report.count} entries; {CASE_JSON} says "
                              f"{case.get('chain_entries')}.")
    proof.head, proof.entries = head, report.count
    proof.unprovable = tuple(report.unprovable)
    if report.unprovable:
        listed = ", ".join(map(str, report.unprovable))
        proof.notes.append(f"Entries {listed} of {CHAIN_JSON} are not provable: they were "
                           f"recorded before chain format 2 and held a secret, so they are "
                           f"shown redacted and their own hashes cannot be recomputed (their "
                           f"links still are).")
    return report


def _must_be_signed(chain: dict, report: ChainReport) -> bool:
    """A chain that holds salted entries or introduces a key comes from a journal that signs
    its exports: calling it version 1, or leaving its signature out, hides nothing."""
    return chain.get("version", 1) != 1 or bool(report.keys) or report.salted > 0


def _directory(chain: dict, proof: Proof) -> ChainReport:
    report = check_chain(chain.get("directory"), case_id=None, linked=False,
                         where=f"{CHAIN_JSON}'s directory")
    proof.problems += report.problems
    return report


def _exhibits(case: dict, report: ChainReport, matching: dict, proof: Proof) -> None:
    """Each exhibit case.json or the chain names is in the bundle with its SHA-256."""
    try:
        exhibits = list(case.get("exhibits") or [])
        proof.exhibits = len(exhibits)
        named = set()
        for ex in exhibits:
            name, number = ex.get("file"), ex.get("number")
            named.add(name)
            recorded = report.records.get(("attachment", ex.get("attachment_id")))
            if name not in matching:
                if name is None or not any(p.startswith(f"{name} ") for p in proof.problems):
                    proof.problems.append(f"Exhibit {number} ({name}) is not in the bundle.")
            elif ex.get("redactions"):
                if matching[name] != ex.get("file_sha256"):
                    proof.problems.append(f"{name} is not the redacted file {CASE_JSON} "
                                          f"describes as exhibit {number}.")
                elif ex.get("covered"):
                    proof.notes.append(
                        f"Exhibit {number} is a copy of the picture with what it shows of a "
                        f"{' and a '.join(map(str, ex['covered']))} covered in black; the "
                        f"chain records the original's SHA-256 {str(ex.get('sha256'))[:16]}…, "
                        f"which the journal's original, not this copy, matches.")
            elif recorded is None or matching[name] != recorded.fields.get("sha256"):
                proof.problems.append(f"{name} is not the file the hash chain records as "
                                      f"exhibit {number}.")
        for name in matching:
            if name.startswith("exhibits/") and name not in named:
                proof.problems.append(f"{name} is not an exhibit of {CASE_JSON}.")
    except (TypeError, AttributeError):
        proof.problems.append(f"{CASE_JSON}: an exhibit is incomplete.")


def _signatures(zf, manifest: bytes, chain: dict, report: ChainReport, matching: dict,
                proof: Proof) -> None:
    """The manifest's SSHSIG and the PDF's PAdES signature, by the key the chain introduces."""
    key = chain.get("signing_key")
    if not _must_be_signed(chain, report):
        proof.notes.append("This bundle was exported before case files were signed: its "
                           "files are checked against the manifest and the hash chain only, "
                           "which proves them only to someone who received its chain head "
                           "earlier.")
        return
    introduced = [k for k in report.keys if isinstance(key, dict)
                  and k.get("public_key") == key.get("public_key")
                  and k.get("pdf_public_key") == key.get("pdf_public_key")]
    if not introduced:
        proof.problems.append(f"{CHAIN_JSON} names no signing key that the case's own chain "
                              f"introduces.")
        return
    public_key = key["public_key"]
    armored = _read(zf, SIGNATURE)
    from ..service.signing import fingerprint, verify_sshsig
    if armored is None:
        proof.problems.append(f"{SIGNATURE} is missing: the manifest is not signed.")
    else:
        try:
            signer = verify_sshsig(armored.decode("ascii", errors="replace"), manifest,
                                   namespace=NAMESPACE)
        except ValueError as exc:
            proof.problems.append(f"{SIGNATURE} does not verify: {exc}")
        else:
            if _key_body(signer) != _key_body(public_key):
                proof.problems.append(f"{SIGNATURE} is by another key than the one the hash "
                                      f"chain introduces.")
            else:
                proof.fingerprint = fingerprint(public_key)
    if PDF in matching:
        problem = pdf_problem(_read(zf, PDF) or b"", key.get("pdf_public_key"))
        if problem:
            proof.problems.append(f"{PDF}: {problem}")


def _key_body(openssh: str) -> str:
    return " ".join(str(openssh).split()[:2])


def pdf_problem(data: bytes, public_key: str | None) -> str | None:
    """Why the PDF's signature does not prove it unchanged since the journal signed it."""
    from .pdf_signature import read_pdf_signature
    sig = read_pdf_signature(data)
    if not sig.signed:
        return "it is not signed." if not sig.problems else sig.problems[0]
    if not sig.intact:
        return sig.problems[0] if sig.problems else "it was changed after it was signed."
    if public_key is not None and _key_body(sig.public_key or "") != _key_body(public_key):
        return "it is signed by another key than the one the hash chain introduces."
    return None


def check_pdf(path) -> Proof:
    """A case-file PDF alone: signed, and not changed since. Which journal signed it is
    named by the certificate; the bundle's chain is what ties that key to the journal."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput("file.none", path=path) from None
    except IsADirectoryError:
        raise BadInput("pdf.is_folder", path=path) from None
    except OSError as exc:
        raise BadInput("file.cannot_read", path=path, reason=os_reason(exc)) from None
    if not data.startswith(b"%PDF-"):
        raise BadInput("pdf.not_pdf", path=path)
    from .pdf_signature import read_pdf_signature
    sig = read_pdf_signature(data)
    proof = Proof()
    problem = pdf_problem(data, None)
    if problem:
        proof.problems.append(f"{path.name}: {problem}")
    else:
        proof.fingerprint = sig.fingerprint
        proof.signer = getattr(sig, "signer_name", None)
    return proof
