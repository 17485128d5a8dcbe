"""Every error a person can meet is a code of the catalogue with parameters, English in one
place and Chinese in the .ts (and, made from it, the command line's gettext catalogue)."""
from __future__ import annotations

import ast
import gettext
import pickle
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from journal import errors
from journal.error_messages import MESSAGES, TERMS
from journal.errors import BadInput, JournalError, NotFound, Phrase, Term, say
from tools.ts_to_gettext import build

from .conftest import ROOT

TS = ROOT / "resources" / "translations" / "journal_zh_CN.ts"
MO = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "journal.mo"
PO = MO.with_suffix(".po")
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
ERROR_CLASSES = {"JournalError", "BadInput", "NotFound", "WrongPassphrase", "IntegrityFailure",
                 "JournalInUse", "EnvironmentProblem"}


def chinese() -> dict[str, str]:
    """{English: Chinese} of the .ts's Errors context, finished translations only."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "Errors":
            for m in context.iter("message"):
                t = m.find("translation")
                if t.get("type") is None and t.text:
                    out[m.findtext("source")] = t.text
    return out


def fields(template: str) -> list[tuple]:
    """Each placeholder with its conversion and format spec: {value!r} and {limit:,} kept so."""
    return sorted((name, conv, spec) for _, name, spec, conv in string.Formatter().parse(template)
                  if name is not None)


# -- the catalogue and its Chinese -------------------------------------------------------------

def test_every_code_has_english_and_a_finished_chinese_with_the_same_placeholders():
    zh = chinese()
    assert len(MESSAGES) > 150
    for code, english in MESSAGES.items():
        assert english.strip() and code == code.strip().lower() and " " not in code, code
        assert english in zh, f"no finished Chinese for {code}: run make ts and translate it"
        assert fields(zh[english]) == fields(english), (code, english, zh[english])
        words = re.sub(r"\{[^{}]*\}", "", english).strip()
        assert zh[english] != english or not words, f"{code} is not translated"


def test_every_term_has_a_chinese_word():
    zh = chinese()
    for word in TERMS:
        assert word in zh and zh[word] != word and not fields(word), word


def test_lupdate_finds_every_template_and_term_of_the_catalogue(tmp_path):
    out = tmp_path / "errors.ts"
    sources = sorted(str(p) for p in (ROOT / "journal" / "error_messages").glob("*.py"))
    subprocess.run([str(LUPDATE), "-locations", "none", *sources, "-ts", str(out)], check=True,
                   capture_output=True)
    found = {m.findtext("source") for c in ET.parse(out).getroot().iter("context")
             if c.findtext("name") == "Errors" for m in c.iter("message")}
    assert found == set(MESSAGES.values()) | TERMS


def test_the_committed_gettext_catalogue_is_made_from_the_ts():
    po, mo = build(TS)
    assert PO.read_text(encoding="utf-8") == po, "run make locale"
    assert MO.read_bytes() == mo, "run make locale"
    catalogue = gettext.GNUTranslations(MO.open("rb"))
    zh = chinese()
    for english in [*MESSAGES.values(), *TERMS]:
        assert catalogue.gettext(english) == zh[english]


def test_the_catalogue_and_the_errors_import_no_qt():
    code = ("import sys, journal.errors, journal.error_messages, journal.errors.language, "
            "journal.errors.bug_log; print(sorted(m for m in sys.modules if m.startswith(('PySide6', "
            "'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


# -- the shape of an error ---------------------------------------------------------------------

def test_str_is_the_english_sentence_and_the_code_and_parameters_travel_with_it():
    exc = NotFound("case.none", case=42)
    assert str(exc) == "There is no case 42." and exc.args == ("There is no case 42.",)
    assert exc.code == "case.none" and exc.params == {"case": 42} and exc.exit_code == 1
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is NotFound and back.code == "case.none" and str(back) == str(exc)
    assert errors.WrongPassphrase("passphrase.wrong").exit_code == 3


def test_user_data_is_formatted_as_typed_and_terms_and_phrases_are_translated():
    exc = BadInput("text.empty", what=Term("case title"))
    assert str(exc) == "The case title is empty."
    zh = chinese()
    assert say(exc, lambda s: zh.get(s, s)) == "案件标题为空。"
    typed = BadInput("choice.unknown", text="退款 {case}", what=Term("outcome"), words="a, b")
    assert str(typed) == "'退款 {case}' is not a outcome; use one of: a, b."
    assert "'退款 {case}'" in say(typed, lambda s: zh.get(s, s))
    nested = BadInput("keyheader.damaged", detail=Phrase("keyheader.detail.not_json"))
    assert str(nested) == ("The key header is damaged: it is not JSON; restore the journal from "
                           "a backup.")
    assert "它不是 JSON" in say(nested, lambda s: zh.get(s, s))


def test_a_translation_whose_placeholders_do_not_fit_falls_back_to_english():
    exc = NotFound("case.none", case=7)
    assert say(exc, lambda s: "没有案件 {number}。") == "There is no case 7."


def test_an_unknown_code_is_refused_at_once():
    with pytest.raises(ValueError):
        BadInput("case.nonexistent_code", case=1)


def test_the_english_is_as_before():
    """The CLI's contract compares English text: these sentences are the ones of before."""
    from journal.domain import inputs, times
    with pytest.raises(BadInput) as got:
        times.parse_time("2026-13-01", "start time")
    assert str(got.value) == ("'2026-13-01' is not a start time in ISO 8601, e.g. "
                              "2026-11-25T14:30 or 2026-11-25T14:30+08:00.")
    with pytest.raises(BadInput) as got:
        inputs.text("x" * 600, "agent name")
    assert str(got.value) == "The agent name is longer than 500 characters."
    with pytest.raises(BadInput) as got:
        inputs.notes("x" * (inputs.MAX_NOTE_CHARS + 1))
    assert str(got.value) == ("The note is longer than 1,000,000 characters; attach long "
                              "transcripts as a file instead.")


# -- every raise in the code uses the catalogue -----------------------------------------------

def _modules():
    for path in sorted((ROOT / "journal").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name(func) -> str | None:
    return func.id if isinstance(func, ast.Name) else func.attr \
        if isinstance(func, ast.Attribute) else None


def test_every_literal_code_in_the_code_is_in_the_catalogue_with_its_parameters():
    seen = 0
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in ERROR_CLASSES | {"Phrase"}:
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            code = node.args[0].value
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            assert code in MESSAGES, f"{where}: {code!r} is not a code of the catalogue"
            if any(k.arg is None for k in node.keywords):
                continue  # **params
            given = sorted(k.arg for k in node.keywords)
            assert given == sorted({f[0] for f in fields(MESSAGES[code])}), where
            seen += 1
    assert seen > 200


def test_no_error_is_raised_with_an_english_sentence():
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in ERROR_CLASSES and node.args:
                first = node.args[0]
                assert not isinstance(first, ast.JoinedStr), \
                    f"{path.relative_to(ROOT)}:{node.lineno}: an f-string, not a code"
                if isinstance(first, ast.Constant):
                    assert " " not in first.value, f"{path.relative_to(ROOT)}:{node.lineno}"


def test_every_word_passed_as_what_is_a_term_of_the_catalogue():
    """`what` of inputs.text, ident, parse_time, Choice.parse, web_address, past_time… is
    said inside a sentence, so each literal one must have its translation."""
    takes_what = {}
    for _, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [a.arg for a in node.args.posonlyargs + node.args.args]
                if "what" in names and any(
                        isinstance(n, ast.Call) and _name(n.func) == "Term" for n in ast.walk(node)):
                    takes_what[node.name] = names.index("what") - (names[0] in ("self", "cls"))
    assert {"text", "ident", "parse_time", "parse", "web_address"} <= set(takes_what)
    # The functions that hand their `what` on to one of those.
    takes_what.update(past_time=1, normalize=1)
    found = 0
    for path, tree in _modules():
        aliases = {a.asname: a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                   for a in n.names if a.asname}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = aliases.get(_name(node.func), _name(node.func))
            if name not in takes_what:
                continue
            values = [k.value for k in node.keywords if k.arg == "what"]
            if len(node.args) > takes_what[name]:
                values.append(node.args[takes_what[name]])
            for v in values:
                if isinstance(v, ast.Constant) and isinstance(v.value, str):
                    found += 1
                    assert v.value in TERMS, f"{path.relative_to(ROOT)}:{node.lineno}: {v.value!r}"
    assert found > 30


def test_a_journal_error_given_a_sentence_without_code_shows_it_as_it_is():
    """The window may raise one with a sentence already in its language."""
    exc = JournalError("记录本已锁定。")
    assert exc.code is None and say(exc, lambda s: "x") == "记录本已锁定。"
    assert str(pickle.loads(pickle.dumps(exc))) == "记录本已锁定。"
