"""`journal export` and `journal verify`: the case file for a dispute, and checking one."""
from __future__ import annotations

from ..errors import IntegrityFailure
from .output import notice, warning
from .registry import Arg, OneOf, command


@command("export", help="write a case file for a dispute: a PDF, or a bundle anyone can check",
         args=[
             Arg("case", metavar="CASE"),
             OneOf(Arg("--pdf", metavar="FILE.pdf", help="a PDF a stranger can read"),
                   Arg("--bundle", metavar="FILE.zip",
                       help="the PDF, case.json, the files and a SHA-256 manifest in a ZIP"),
                   required=True),
             Arg("--language", metavar="en|zh_CN", help="the labels' language (default en)"),
             Arg("--paper", metavar="a4|letter", choices=("a4", "letter"),
                 help="default: Letter in the US and Canada, else A4"),
             Arg("--name", metavar="NAME", help="your name on the cover (optional)"),
             Arg("--contact", metavar="TEXT",
                 help="how to reach you, on the cover (optional)"),
             Arg("--max-size", metavar="SIZE",
                 help="make the PDF fit an upload limit, e.g. 10MB, by resampling its "
                      "pictures (the cover says so; the bundle keeps the originals)")])
def export(ctx, args):
    from ..service.exports import check_language, export_target
    kind, target = ("pdf", args.pdf) if args.pdf is not None else ("bundle", args.bundle)
    from ..domain.inputs import upload_limit as parse_size
    export_target(target, kind)           # a bad file name, language or size is said before
    check_language(args.language)         # the passphrase is asked for and the key derived
    max_bytes = parse_size(args.max_size)
    with ctx.journal() as journal:
        result = journal.export_case(args.case, target, kind=kind,
                                     language=args.language or "en", paper=args.paper,
                                     exporter_name=args.name, exporter_contact=args.contact,
                                     max_size=max_bytes)
    counts = result.get("redactions", {})
    if counts:
        removed = ", ".join(f"{n} {kind}" + ("s" if n > 1 else "") for kind, n in counts.items())
        notice(f"secrets were removed from the case file ({removed}); the journal keeps what "
               f"you wrote.")
    for number, kinds in result.get("covered", {}).items():
        notice(f"exhibit {number} shows a {' and a '.join(kinds)}: its copy in the case file "
               f"has it covered in black; the journal keeps the original.")
    if result.get("not_read"):
        n = result["not_read"]
        warning(f"{n} picture{'s' if n > 1 else ''} of this case {'were' if n > 1 else 'was'} "
                f"not read yet, so a secret shown in {'them' if n > 1 else 'it'} is not "
                f"covered: run `journal ocr run --case {args.case}` and export again.")
    if result.get("fitted_dpi"):
        notice(f"to fit {args.max_size}, the PDF's pictures were resampled to at most "
               f"{result['fitted_dpi']} dpi ({result['pdf_size'] / 1e6:.1f} MB); the cover says "
               f"so, and the journal keeps the originals.")
    print(result["path"])
    return 0


@command("verify", help="check a case-file bundle (every file, both signatures, the hash chain "
         "and case.json against it) or a case-file PDF's signature; no journal needed",
         args=[Arg("file", metavar="FILE.zip|FILE.pdf")])
def verify(ctx, args):
    from pathlib import Path

    from ..service import verify_export
    is_pdf = Path(args.file).suffix.lower() == ".pdf"
    proof = verify_export(args.file)
    if proof.problems:
        for line in proof.problems:
            notice(line)
        if len(proof.problems) == 1:
            raise IntegrityFailure("verify.failed_one", file=args.file)
        raise IntegrityFailure("verify.failed", file=args.file, count=len(proof.problems))
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
