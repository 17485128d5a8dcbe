"""`journal verify`: check a bundle without the journal that wrote it.

Every file in the manifest must be there with its SHA-256, nothing may be
added, and the case's hash chain in chain.json is recomputed and must end in
the head case.json gives. Each problem is one sentence naming the file.
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections import Counter
from pathlib import Path

from ..domain.case_file import FORMAT
from ..domain.chain import GENESIS, entry_hash, hashed_form
from ..errors import BadInput
from .bundle import CASE_JSON, CHAIN_JSON, MANIFEST, PROSE_KEYS

_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")
_UNREADABLE = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError,
               OSError, ValueError)


def _not_a_bundle(path: Path, why: str) -> BadInput:
    return BadInput(f"{path} is not a Support Journal bundle: {why}.")


def _sha256(zf: zipfile.ZipFile, name: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with zf.open(name) as f:
            while piece := f.read(1 << 20):
                digest.update(piece)
    except _UNREADABLE:  # a flipped byte inside compressed data fails the CRC or inflate
        return None
    return digest.hexdigest()


def _json(zf: zipfile.ZipFile, name: str):
    try:
        return json.loads(zf.read(name).decode("utf-8"))
    except (*_UNREADABLE, UnicodeDecodeError):
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


def verify_bundle(path) -> list[str]:
    """Every problem with the bundle at `path`, one sentence each; empty when all is well."""
    path = Path(path)
    if path.is_dir():
        raise _not_a_bundle(path, "it is a folder")
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise BadInput(f"There is no file {path}.") from None
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror}.") from None
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_a_bundle(path, "it is not a ZIP file") from None
    with zf:
        names = [i.filename for i in zf.infolist() if not i.is_dir()]
        if MANIFEST not in names:
            raise _not_a_bundle(path, f"it has no {MANIFEST}")
        try:
            listed, problems = _manifest(zf.read(MANIFEST).decode("utf-8"))
        except (*_UNREADABLE, UnicodeDecodeError):
            raise _not_a_bundle(path, f"its {MANIFEST} cannot be read") from None
        if CASE_JSON not in names and CASE_JSON not in listed:
            raise _not_a_bundle(path, f"it has no {CASE_JSON}")
        case = _json(zf, CASE_JSON) if CASE_JSON in names else None
        if isinstance(case, dict) and case.get("format") != FORMAT:
            raise _not_a_bundle(path, f"its {CASE_JSON} is of another kind")
        for name in sorted(n for n, k in Counter(names).items() if k > 1):
            problems.append(f"{name} is in the bundle more than once.")
        actual = {name: _sha256(zf, name) for name in dict.fromkeys(names)}
        for name, digest in listed.items():
            if name not in names:
                problems.append(f"{name} is missing.")
            elif actual[name] != digest:
                problems.append(f"{name} was altered: its SHA-256 does not match the manifest.")
        for name in dict.fromkeys(names):
            if name != MANIFEST and name not in listed:
                problems.append(f"{name} is extra: it is not in the manifest.")
        matching = {n: d for n, d in actual.items() if listed.get(n) == d}
        if CASE_JSON in matching and CHAIN_JSON in matching:  # else already named as altered
            problems += chain_problems(case, _json(zf, CHAIN_JSON), matching)
    return problems


def chain_problems(case, chain, files_ok: dict[str, str]) -> list[str]:
    """Recompute chain.json: each entry's hash, each link to the case's entry before it, the
    head against case.json's, and each exhibit file that matched the manifest (`files_ok`:
    path -> SHA-256) against its record in the chain."""
    if not isinstance(case, dict):
        return [f"{CASE_JSON} is not readable JSON."]
    if not isinstance(chain, dict) or not isinstance(chain.get("entries"), list):
        return [f"{CHAIN_JSON} is not readable JSON."]
    problems = []
    prev = GENESIS
    files = {}
    for n, e in enumerate(chain["entries"], start=1):
        try:
            form = hashed_form(e["seq"], e["case"], e["entity"], e["id"], e["action"],
                               e["recorded_at"], e["body"], e["prev"], e["case_prev"])
            redacted = e.get("redacted") or []
            if not set(redacted) <= set(PROSE_KEYS):
                problems.append(f"{CHAIN_JSON}: entry {e['seq']} claims redaction of "
                                f"{', '.join(map(str, redacted))}, which is never redacted.")
            elif not redacted and entry_hash(form) != e["hash"]:
                problems.append(f"{CHAIN_JSON}: entry {e['seq']} ({e['entity']} {e['id']}, "
                                f"{e['action']}) does not match its hash.")
            if e["case_prev"] != prev:
                problems.append(f"{CHAIN_JSON}: entry {e['seq']} does not link to the case's "
                                f"entry before it.")
            if e["case"] != case.get("case_id"):
                problems.append(f"{CHAIN_JSON}: entry {e['seq']} belongs to another case.")
            if e["entity"] == "attachment" and e["action"] == "create":
                files[e["id"]] = e["body"].get("sha256")
            prev = e["hash"]
        except (KeyError, TypeError, AttributeError, ValueError):
            problems.append(f"{CHAIN_JSON}: entry {n} is incomplete.")
            break
    head = case.get("chain_head")
    if prev != head:
        problems.append(f"{CHAIN_JSON} ends in {str(prev)[:16]}…, not in the chain head "
                        f"{str(head)[:16]}… that {CASE_JSON} gives.")
    if chain.get("head") != head:
        problems.append(f"{CHAIN_JSON} names another head than {CASE_JSON}.")
    if case.get("chain_entries") != len(chain["entries"]):
        problems.append(f"{CHAIN_JSON} has {len(chain['entries'])} entries; {CASE_JSON} says "
                        f"{case.get('chain_entries')}.")
    for ex in case.get("exhibits") or []:
        try:
            recorded = files.get(ex["attachment_id"])
            if recorded != ex["sha256"]:
                problems.append(f"{CASE_JSON}: exhibit {ex['number']} is not the file the hash "
                                f"chain records.")
            elif not ex.get("redactions") and ex.get("file") in files_ok \
                    and files_ok[ex["file"]] != recorded:
                problems.append(f"{ex.get('file')} is not the file the hash chain records as "
                                f"exhibit {ex['number']}.")
        except (KeyError, TypeError):
            problems.append(f"{CASE_JSON}: an exhibit is incomplete.")
    return problems
