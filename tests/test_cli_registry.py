"""The CLI as one table of commands: the parser, the dispatch and `--help` come from what each
module declares; the modules form no import cycle and reach below the service only for the
domain and the errors; every error leaves through one function of output.py."""
from __future__ import annotations

import argparse
import ast
import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import build_parser, main
from journal.cli.commands import ORDER
from journal.cli.registry import COMMANDS, GROUPS

from .conftest import PASSPHRASE, ROOT

CLI = ROOT / "journal" / "cli"
MODULES = sorted(f"journal.cli.{p.stem}" if p.stem != "__init__" else "journal.cli"
                 for p in CLI.glob("*.py"))
HEAVY = ("sqlcipher3", "argon2", "_argon2_cffi_bindings", "cryptography", "PySide6", "sqlite3")


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)


def _cli_imports(path: Path) -> set[str]:
    """The journal modules a file of journal/cli imports, as absolute names; `from . import x`
    counts as importing journal.cli.x only, not the package's __init__."""
    package = "journal.cli"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module == package or module == "journal":
                found.update(f"{module}.{a.name}" for a in node.names)
            else:
                found.add(module)
    return {name for name in found if name == "journal" or name.startswith("journal.")}


def _file_of(module: str) -> Path:
    if module == "journal.cli":
        return CLI / "__init__.py"
    return CLI / f"{module.rsplit('.', 1)[1]}.py"


# -- the modules -------------------------------------------------------------------------------

@pytest.mark.parametrize("module", MODULES)
def test_each_cli_module_imports_alone_and_loads_nothing_heavy(module):
    code = (f"import json, sys\nimport {module}\n"
            f"heavy = {HEAVY!r}\n"
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
            "                        or m.startswith(('journal.service', 'journal.store',\n"
            "                                         'journal.ui', 'journal.export')))))\n")
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [], f"importing {module} loads these"


def test_no_cli_module_is_part_of_an_import_cycle():
    graph = {m: {n for n in _cli_imports(_file_of(m)) if n in MODULES} for m in MODULES}
    assert any(graph.values())  # the scanner sees the modules' imports of each other

    def cycle_from(start, path):
        for nxt in sorted(graph[path[-1]]):
            if nxt == start:
                return path + [nxt]
            if nxt not in path:
                found = cycle_from(start, path + [nxt])
                if found:
                    return found
        return None

    cycles = [c for c in (cycle_from(m, [m]) for m in MODULES) if c]
    assert cycles == [], " -> ".join(cycles[0]) if cycles else ""


def test_the_cli_reaches_below_the_service_only_for_the_domain_and_the_errors():
    allowed = ("journal.cli", "journal.service", "journal.domain", "journal.errors")
    bad = {}
    for module in MODULES:
        for name in _cli_imports(_file_of(module)):
            if name == "journal.__version__" or any(name == a or name.startswith(a + ".")
                                                    for a in allowed):
                continue
            if module == "journal.cli" and name == "journal.ui.app":
                continue  # `journal` with no command opens the window
            bad.setdefault(module, []).append(name)
    assert bad == {}


def test_the_dispatch_builds_no_names_at_run_time():
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            assert called not in ("import_module", "__import__"), path.name
            if called == "getattr" and len(node.args) > 1:  # no getattr(module, f"x_{name}")
                assert not isinstance(node.args[1], (ast.JoinedStr, ast.BinOp, ast.Call)), \
                    (path.name, node.lineno)


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_under_500_lines(module):
    assert len(_file_of(module).read_text(encoding="utf-8").splitlines()) <= 500


# -- the table ---------------------------------------------------------------------------------

def _subparsers(parser) -> dict:
    action = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)),
                  None)
    return {} if action is None else action.choices


def test_every_declared_command_is_parsed_and_dispatched_to_its_function():
    top = _subparsers(build_parser())
    assert list(top) == list(ORDER)  # `journal --help` lists them in the table's order
    assert {c.name for c in COMMANDS} == set(ORDER)
    assert set(GROUPS) == {c.name for c in COMMANDS if c.action}
    for entry in COMMANDS:
        parser = top[entry.name]
        if entry.action:
            actions = _subparsers(parser)
            assert parser.description == GROUPS[entry.name]
            assert list(actions) == [c.action for c in COMMANDS if c.name == entry.name]
            parser = actions[entry.action]
        assert parser.get_default("run") is entry.run, (entry.name, entry.action)
        assert parser.description == entry.help
        takes_json = any("--json" in a.option_strings for a in parser._actions)
        assert takes_json == entry.json, (entry.name, entry.action)


def _help(*words) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as stop:
        main([*words, "--help"])
    assert stop.value.code == 0
    return out.getvalue()


def test_each_command_help_opens_with_what_it_does():
    for entry in COMMANDS:
        words = [entry.name] + ([entry.action] if entry.action else [])
        text = " ".join(_help(*words).split())
        assert " ".join(entry.help.split()) in text, words
        for arg in entry.args:
            for arg in getattr(arg, "args", [arg]):  # the arguments of a OneOf, or the one
                shown = arg.options.get("metavar") if not arg.names[0].startswith("-") \
                    else arg.names[0]
                assert shown in text, (words, shown)


def _paths() -> list[list[str]]:
    return [[]] + [[name] for name in GROUPS] \
        + [[c.name] + ([c.action] if c.action else []) for c in COMMANDS]


def test_the_help_main_prints_is_the_full_parser_s():
    full = build_parser()  # main() builds each command's options only once it is chosen
    for words in _paths():
        parser = full
        for word in words:
            parser = _subparsers(parser)[word]
        assert _help(*words) == parser.format_help(), words


@pytest.mark.parametrize("argv", [
    ["case", "list", "--status", "open"],
    ["--journal", "j", "log", "3", "--kind", "call", "--ref", "T-1", "--ref", "tx:ab",
     "--note", "hi", "--promise", "refund", "--due", "2026-01-01", "--answered", "2"],
    ["amend", "7", "--note-file", "-", "--reason", "typo", "--json"],
    ["export", "1", "--bundle", "x.zip", "--paper", "a4", "--language", "zh_CN"],
    ["checklist", "move", "4", "1", "--json", "--journal", "j"],
    ["channel", "add", "Binance", "--kind", "phone", "--value", "+1 415 555 0100",
     "--language", "en", "--language", "zh"],
    ["search", "退款", "--limit", "5"],
    ["init", "--passphrase-file", "p.txt"],
])
def test_main_s_parser_parses_as_the_full_one(argv):
    assert vars(build_parser(lazy=True).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_no_help_loads_the_service_or_the_domain():
    paths = _paths()
    code = (
        "import contextlib, io, json, sys\n"
        "from journal.cli import main\n"
        f"for words in {paths!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        try:\n"
        "            main(words + ['--help'])\n"
        "        except SystemExit:\n"
        "            pass\n"
        f"heavy = {HEAVY!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in heavy or\n"
        "    (m.startswith('journal.') and not m.startswith('journal.cli')\n"
        "     and m != 'journal.errors'))))\n")
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


# -- one way out for errors --------------------------------------------------------------------

@pytest.fixture
def env(monkeypatch):
    for name in ("JOURNAL_PASSPHRASE_FILE", "JOURNAL_RECOVERY_KEY", "JOURNAL_DEBUG",
                 "JOURNAL_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", PASSPHRASE)
    return monkeypatch


def test_a_journal_error_leaves_through_error_line(env, tmp_path, capsys):
    import journal.cli.output as output
    env.setattr(output, "error_line", lambda exc: f"ERROR LINE <{exc}>")
    code = main(["case", "list", "--journal", str(tmp_path / "nowhere")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith("ERROR LINE <") and err.endswith(">\n") and err.count("\n") == 1
    assert not (tmp_path / "nowhere").exists()


def test_an_id_too_large_leaves_through_error_line(env, tmp_path, capsys):
    import journal.cli.output as output
    env.setattr(output, "error_line", lambda exc: f"ERROR LINE <{exc}>")
    assert main(["case", "show", str(2**64), "--journal", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("ERROR LINE <18446744073709551616 is too large")


class _Raising:
    """Stands in for Context.journal: opening the journal raises `raised`."""

    def __init__(self, raised):
        self.raised = raised

    def __get__(self, instance, owner):
        return self

    def __call__(self, **kw):
        raise self.raised()


@pytest.mark.parametrize("raised, code, seam", [(ZeroDivisionError, 1, "bug_line"),
                                                 (KeyboardInterrupt, 130, "interrupted_line")])
def test_a_bug_or_an_interrupt_leaves_through_its_own_line(env, tmp_path, capsys, raised, code,
                                                            seam):
    import journal.cli.context as context
    import journal.cli.output as output
    env.setattr(output, seam, lambda *exc: f"{seam.upper()}")
    env.setattr(context.Context, "journal", _Raising(raised))
    assert main(["case", "list", "--journal", str(tmp_path)]) == code
    assert capsys.readouterr() == ("", f"{seam.upper()}\n")


def test_the_real_lines_are_one_sentence_each():
    import journal.cli.output as output
    from journal.errors import NotFound
    assert output.error_line(NotFound("There is no case 7.")) == "journal: There is no case 7."
    assert output.bug_line(ZeroDivisionError()).startswith(
        "journal: something went wrong inside Support Journal (ZeroDivisionError)")
    assert "JOURNAL_DEBUG=1" in output.bug_line(ValueError())


def test_a_usage_error_leaves_through_usage_line(env, capsys):
    import journal.cli.output as output
    env.setattr(output, "usage_line", lambda message, prog: f"USAGE <{prog}> <{message}>")
    with pytest.raises(SystemExit) as stop:
        main(["case", "open"])
    assert stop.value.code == 2
    assert capsys.readouterr().err == ("USAGE <journal case open> <the following arguments are "
                                       "required: PLATFORM, TITLE>\n")


# -- export through the service ----------------------------------------------------------------

@pytest.fixture
def one_case(env, tmp_path):
    from journal.service import Journal
    folder = tmp_path / "journal"
    j, _ = Journal.create(folder, passphrase=PASSPHRASE)
    with j:
        j.add_platform("Binance")
        case = j.open_case("Binance", "Withdrawal stuck")
        j.log(case.id, kind="chat", start="2025-03-08T10:00+08:00",
              notes="The agent asked for my seed phrase: timber alarm obscure boil truck also "
                    "admit dial ketchup scatter wrong thing")
    return folder, case.id


@pytest.mark.parametrize("target, option, words", [
    ("out", "--pdf", "is a folder; give a file name ending in .pdf"),
    ("missing/case.zip", "--bundle", "The folder"),
])
def test_a_bad_export_target_is_one_sentence_and_writes_nothing(one_case, tmp_path, capsys,
                                                                target, option, words):
    folder, case = one_case
    (tmp_path / "out").mkdir()
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code = main(["export", str(case), option, str(tmp_path / target), "--journal", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert words in err and err.count("\n") == 1, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_an_export_in_an_unknown_language_is_refused(one_case, tmp_path, capsys):
    folder, case = one_case
    code = main(["export", str(case), "--bundle", str(tmp_path / "c.zip"), "--language", "fr",
                 "--journal", str(folder)])
    assert code == 1
    assert capsys.readouterr().err == ("journal: 'fr' is not a language of the case file; use "
                                       "en or zh_CN.\n")
    assert not (tmp_path / "c.zip").exists()


def test_an_export_prints_its_path_and_says_what_was_redacted(one_case, tmp_path, capsys):
    pytest.importorskip("PySide6.QtGui")
    folder, case = one_case
    target = tmp_path / "case.zip"
    assert main(["export", str(case), "--bundle", str(target), "--journal", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{target}\n"
    assert err.startswith("journal: secrets were removed from the case file (") \
        and "seed phrase" in err, err
    assert target.stat().st_mode & 0o077 == 0
    assert main(["verify", str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"{target}: signed by the journal key ")


def test_case_open_help_names_every_category():
    from journal.cli.cases import CATEGORIES
    from journal.domain.model import CaseCategory
    assert CATEGORIES.split(", ") == [c.value for c in CaseCategory]
