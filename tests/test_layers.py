"""The layers import only downwards: domain and store know nothing of Qt or the front ends,
and `journal --help` answers without loading the database or the cryptography."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "journal"

QT = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy")
FRONT_ENDS = ("journal.ui", "journal.cli", "journal.export", "journal.service",
              "journal.__main__")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, module: str | None = None) -> set[str]:
    """Every module a file imports, relative imports resolved to absolute names (`module`:
    the file's module name, when it does not lie in the package)."""
    module = module or _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            # `from . import ledger` / `from .. import ui` import submodules by name.
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args \
                and isinstance(node.args[0], ast.Constant) \
                and (getattr(node.func, "id", None) == "__import__"
                     or getattr(node.func, "attr", None) == "import_module"):
            found.add(str(node.args[0].value))
    return found


def _is_under(name: str, roots) -> bool:
    return any(name == r or name.startswith(r + ".") for r in roots)


LOW_LAYERS = sorted((PACKAGE / "domain").rglob("*.py")) + sorted((PACKAGE / "store").rglob("*.py"))


def test_the_layers_exist():
    assert any(p.parent.name == "domain" for p in LOW_LAYERS)
    assert any(p.parent.name == "store" for p in LOW_LAYERS)


def test_the_import_scanner_sees_relative_and_absolute_imports(tmp_path):
    sample = PACKAGE / "store" / "attachments.py"  # a real file: `from . import ledger`, `from ..domain…`
    found = imports_of(sample)
    assert "journal.store.ledger" in found and "journal.domain.model" in found


@pytest.mark.parametrize("path", LOW_LAYERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_and_store_import_no_qt_and_no_front_end(path):
    bad = sorted(name for name in imports_of(path) if _is_under(name, QT + FRONT_ENDS))
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "domain").rglob("*.py")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_the_domain_is_pure_python(path):
    bad = sorted(name for name in imports_of(path)
                 if _is_under(name, ("journal.store", "sqlcipher3", "sqlite3", "argon2",
                                     "cryptography", "platformdirs")))
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, check=False)


def test_the_service_and_the_cli_load_without_qt():
    code = (
        "import pkgutil, importlib, sys\n"
        "import journal.service, journal.cli, journal.cli.commands\n"
        "import journal.domain, journal.store\n"
        "for pkg in (journal.domain, journal.store):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        f"qt = {QT!r}\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "assert not loaded, loaded\n"
        "assert not any(m == 'journal.ui' or m.startswith('journal.ui.') for m in sys.modules)\n"
        "print('ok')\n")
    result = _python(code)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_help_loads_neither_the_database_nor_the_cryptography():
    code = (
        "import json, sys\n"
        "from journal.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "    code = 0\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "heavy = ('sqlcipher3', 'argon2', '_argon2_cffi_bindings', 'cryptography', 'PySide6',\n"
        "         'sqlite3')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in heavy\n"
        "                or m in ('journal.service', 'journal.store.db'))\n"
        "sys.stderr.write(json.dumps({'code': code, 'loaded': loaded}))\n")
    result = _python(code)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), result
    assert "usage" in result.stdout.lower() and "journal" in result.stdout
    assert report["loaded"] == [], f"`journal --help` imports {report['loaded']}"


# -- the front ends reach the journal through the service only -------------------------------

FRONT_END_FILES = sorted([*(PACKAGE / "ui").rglob("*.py"), *(PACKAGE / "cli").rglob("*.py"),
                          *(PACKAGE / "export").rglob("*.py"), PACKAGE / "__main__.py"])
ALLOWED_TO_FRONT_ENDS = ("journal.service", "journal.domain", "journal.errors",
                         "journal.__version__")
# Entry points: `python -m journal` is the CLI, and the CLI without a command starts the window.
ENTRY_POINTS = {"journal.__main__": ("journal.cli",), "journal.cli": ("journal.ui.app",)}


def _own_package(path: Path) -> str:
    """journal.ui for a file under journal/ui/, …: a front end may import its own modules."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:2])


@pytest.mark.parametrize("path", FRONT_END_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_front_ends_import_only_the_service_the_domain_and_the_errors(path):
    own = _own_package(path)
    allowed = ALLOWED_TO_FRONT_ENDS + (own,) + ENTRY_POINTS.get(own, ())
    bad = sorted(name for name in imports_of(path)
                 if _is_under(name, ("journal",)) and not _is_under(name, allowed)
                 and name != "journal")
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}: go through journal.service"


def test_the_front_end_rule_sees_a_relative_import_of_the_store(tmp_path):
    """The scanner resolves `from ...store import x` in journal/ui/kit/ to journal.store."""
    sample = tmp_path / "probe.py"
    sample.write_text("from ...store import folder\nfrom ..cases import case_list\n",
                      encoding="utf-8")
    found = imports_of(sample, module="journal.ui.kit.probe")
    assert "journal.store.folder" in found and "journal.ui.cases.case_list" in found
    assert _is_under("journal.store.folder", ("journal",))
    assert not _is_under("journal.store.folder", ALLOWED_TO_FRONT_ENDS)
