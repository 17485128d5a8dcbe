"""Letters and forms filled from a case: the templates in resources/letters/<language>/,
rendered with Jinja2 from the case file's facts (domain/dispute/letter_facts.py), so a letter
says what the case file says, secrets already redacted. The text is the user's to edit before
use; its PDF is made by the case file's own writer (letter_pdf.py) and signed the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain import bundled
from ..domain.dispute.letter_facts import KINDS, LANGUAGES, facts
from ..errors import BadInput

TEMPLATES = bundled.resource("letters")


@dataclass(frozen=True)
class Letter:
    case_id: int
    kind: str
    language: str
    title: str
    text: str


_TITLES = {
    "en": {"complaint": "Formal complaint", "chaser": "Response overdue",
           "sar": "Subject access request", "chargeback": "Chargeback request",
           "police": "Fraud report fact sheet", "mica": "MiCA complaint form"},
    "zh_CN": {"complaint": "正式投诉信", "chaser": "催复函", "sar": "个人数据查阅请求",
              "chargeback": "拒付申请", "police": "报案事实清单", "mica": "MiCA 投诉表"},
}


def check(kind: str, language: str | None) -> tuple[str, str]:
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise BadInput("letter.unknown", text=kind, words=", ".join(KINDS))
    language = language or "en"
    if language not in LANGUAGES:
        raise BadInput("letter.unknown_language", language=language)
    return kind, language


def _environment(language: str):
    import jinja2

    from .pdf_labels import WORDS
    words = WORDS[language]

    def kind_word(value):
        found = words.get(value, value)
        return found[0] if isinstance(found, tuple) else found

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=False,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["kind"] = kind_word
    return env


def render(cf, kind: str, language: str, today: date) -> Letter:
    """The letter `kind` of the case file `cf`, in `language`."""
    import jinja2
    kind, language = check(kind, language)
    name = f"{language}/{kind}.txt.j2"
    try:
        text = _environment(language).get_template(name).render(**facts(cf, language, today))
    except jinja2.TemplateError as exc:
        raise BadInput("letter.template_broken", name=name, reason=str(exc)) from None
    except OSError as exc:
        raise BadInput("letter.template_broken", name=name, reason=exc.strerror or str(exc)) \
            from None
    return Letter(cf.case_id, kind, language, _TITLES[language][kind], _tidy(text))


def _tidy(text: str) -> str:
    """No run of more than one empty line, no trailing spaces, one final newline."""
    lines, empty = [], 0
    for line in text.splitlines():
        line = line.rstrip()
        empty = empty + 1 if not line else 0
        if empty <= 1:
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"


def letter_case_file(journal, case_id):
    """The case file a letter is filled from: the same facts as the export's, redacted the
    same way, without reading the exhibits' files (a letter quotes none)."""
    from ..domain import case_file as _case_file
    from ..domain.times import now_text
    case = journal.case(case_id)
    platform = journal.platform(case.platform_id)
    timeline = journal.timeline(case.id, include_voided=True)
    dispute = (case.jurisdiction, journal.stages(case.id, voided=True),
               journal.deadlines(case.id), journal.money(case.id, voided=True),
               journal.transactions(case.id, voided=True), journal.wallets(case.id, voided=True))
    return _case_file.build(case, platform, timeline, journal.channels(), {},
                            journal.chain_head(case.id), 0, now_text(), dispute=dispute)


def write_letter_pdf(journal, letter: Letter, target, *, paper: str | None = None) -> dict:
    """The letter's PDF at `target` (0600, in place once whole), signed by the journal's key
    as the case file is; returns its path and page count."""
    from datetime import datetime

    from ..domain.times import now
    from .files import write_private
    from .letter_pdf import letter_pdf
    from .pdf_signature import sign_pdf
    key = journal.signing_key(letter.case_id)
    data, pages = letter_pdf(letter, paper=paper)
    signed = sign_pdf(data, key.seed, when=datetime.fromisoformat(now().isoformat()),
                      reason=f"{letter.title}, case {letter.case_id}",
                      name=f"Support Journal key {key.fingerprint}")
    write_private(target, signed)
    return {"path": str(target), "pages": pages, "fingerprint": key.fingerprint}
