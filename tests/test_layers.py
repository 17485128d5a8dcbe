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


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, relative imports resolved to absolute names."""
    module = _module_name(path)
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
