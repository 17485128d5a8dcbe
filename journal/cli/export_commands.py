"""`journal export` and `journal verify`: the case file for a dispute, and checking one."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import BadInput, IntegrityFailure

LANGUAGES = ("en", "zh_CN")


def _language(args) -> str:
    language = args.language or "en"
    if language not in LANGUAGES:
        raise BadInput(f"{language!r} is not a language of the case file; use en or zh_CN.")
    return language


def _target(text: str, suffix: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise BadInput(f"{path} is a folder; give a file name ending in {suffix}.")
    if not path.parent.is_dir():
        raise BadInput(f"The folder {path.parent} does not exist.")
    return path


def export(args):
    from .commands import _open
    language = _language(args)
    paper = args.paper
    if args.pdf is not None:
        target = _target(args.pdf, ".pdf")
    else:
        target = _target(args.bundle, ".zip")
    with _open(args) as journal:
        case = journal.case(args.case)
        if args.pdf is not None:
            from ..export import write_case_pdf
            result = write_case_pdf(journal, case.id, target, language=language, paper=paper,
                                    exporter_name=args.name, exporter_contact=args.contact)
        else:
            from ..export.bundle import write_bundle
            result = write_bundle(journal, case.id, target, language=language, paper=paper,
                                  exporter_name=args.name, exporter_contact=args.contact)
        counts = result.get("redactions", {})
    if counts:
        removed = ", ".join(f"{n} {kind}" + ("s" if n > 1 else "") for kind, n in counts.items())
        sys.stderr.write(f"journal: secrets were removed from the case file ({removed}); "
                         f"the journal keeps what you wrote.\n")
    print(target)
    return 0


def verify(args):
    from ..export.verify import check_bundle, check_pdf
    path = Path(args.file).expanduser()
    is_pdf = path.suffix.lower() == ".pdf"
    proof = check_pdf(path) if is_pdf else check_bundle(path)
    if proof.problems:
        for line in proof.problems:
            sys.stderr.write(f"journal: {line}\n")
        raise IntegrityFailure(f"{args.file} does not verify: {len(proof.problems)} problem"
                               f"{'s' if len(proof.problems) > 1 else ''} above.")
    print(proven(args.file, proof, is_pdf))
    for note in proof.notes:
        print(f"Note: {note}")
    return 0


def proven(name, proof, is_pdf: bool) -> str:
    """What was proven, and what would prove more, in plain words."""
    if is_pdf:
        named = f" (its certificate: \"{proof.signer}\")" if proof.signer else ""
        return (f"{name}: not changed since it was signed with the PDF key "
                f"{proof.fingerprint}{named}. The bundle's chain.json ties that key to the "
                f"journal's; either proves who exported it only to someone who got the "
                f"journal key's fingerprint earlier.")
    signed = f"signed by the journal key {proof.fingerprint}; " if proof.fingerprint else ""
    return (f"{name}: {signed}every file matches its SHA-256; the hash chain is whole up to "
            f"head {proof.head} ({proof.entries} entries), and case.json says what it records; "
            f"{proof.exhibits} exhibit{'s' if proof.exhibits != 1 else ''} match the chain by "
            f"hash. This proves the records were not altered after they were recorded only to "
            f"someone who received that head or the key's fingerprint earlier.")

