"""Small fixtures: a fresh journal per test, and the CLI as a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Tests use the Argon2id floor (64 MiB, t=3, p=4) rather than calibrating to ~1 s per unlock.
os.environ["JOURNAL_KDF_TARGET_SECONDS"] = "0"

PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def journal_dir(tmp_path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(journal_dir):
    from journal.service import Journal
    j, _recovery = Journal.create(journal_dir, passphrase=PASSPHRASE)
    yield j
    j.close()


def private_env(base: Path, passphrase: str = PASSPHRASE, **extra: str) -> dict:
    """An environment for running `journal` that touches nothing outside `base`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNAL_")}
    env.update({
        "JOURNAL_DIR": str(base / "journal"),
        "JOURNAL_PASSPHRASE": passphrase,
        "JOURNAL_KDF_TARGET_SECONDS": "0",
        "HOME": str(base / "home"),
        "XDG_DATA_HOME": str(base / "home" / ".local" / "share"),
        "XDG_CONFIG_HOME": str(base / "home" / ".config"),
        "XDG_CACHE_HOME": str(base / "home" / ".cache"),
        "TMPDIR": str(base / "tmp"),
        "PYTHONDONTWRITEBYTECODE": "1",
        **extra,
    })
    (base / "tmp").mkdir(parents=True, exist_ok=True)
    return env


@pytest.fixture
def cli_env(tmp_path, journal_dir) -> dict:
    assert journal_dir == tmp_path / "journal"
    return private_env(tmp_path)


@pytest.fixture
def run_cli(cli_env):
    """Run `python -m journal ARGS…`; returns CompletedProcess with text output."""
    def run(*args, input=None, env=None, check=None):
        result = subprocess.run([sys.executable, "-m", "journal", *map(str, args)],
                                input=input, capture_output=True, text=True,
                                env={**cli_env, **(env or {})}, cwd=ROOT, timeout=120)
        if check is not None:
            assert result.returncode == check, (result.returncode, result.stdout, result.stderr)
        return result
    return run
