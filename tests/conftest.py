"""Fixtures: journals copied from templates made once per session, and one way to run the CLI.

Making a journal costs an Argon2id derivation and four migrations; most tests only need one
to exist. So each kind of journal is made once per test process (a template) and every test
gets a copy of its folder. In the same spirit, a key derivation already done in this process
for the same passphrase, salt and parameters is not done again (the result is the same
bytes); tests about unlocking are marked `real_kdf` and always derive.

The CLI runs either as `python -m journal` in a subprocess, or through `journal.cli.main(argv)`
in this process with its own stdin, stdout, stderr and environment: the same exit code and
output, without a new interpreter and its imports. Tests that need a real process (the
executable, exit codes of the process, locks between processes, the language of the
environment) ask for one.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Tests use the Argon2id floor (64 MiB, t=3, p=4) rather than calibrating to ~1 s per unlock.
os.environ["JOURNAL_KDF_TARGET_SECONDS"] = "0"

PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent
# Variables only a new process honours: the language gettext picks (once per process), and
# how Python sets up its streams.
PROCESS_ONLY = re.compile(r"^(LANG|LANGUAGE|LC_\w+|PYTHONIOENCODING|PYTHONUTF8|PYTHONWARNINGS)$")


def pytest_configure(config):
    config.addinivalue_line("markers", "real_kdf: every key derivation runs Argon2id, none is "
                                       "remembered (for tests about unlocking)")
    config.addinivalue_line("markers", "journal_template(name, fill): the window tests' "
                                       "`session` opens a copy of this template, not the demo")


# -- key derivations, remembered -------------------------------------------------------------

_DERIVED: dict[tuple, bytes] = {}
_REMEMBER = {"on": True}


@pytest.fixture(scope="session", autouse=True)
def _remembered_key_derivation():
    """keyheader.derive with a memory: the same inputs give the same 32 bytes, so a copy of a
    template, or a journal reopened, unlocks without running Argon2id again. A wrong
    passphrase, another salt or other parameters are new inputs, and are derived."""
    from journal.store import keyheader
    real = keyheader.derive

    def derive(passphrase: str, salt: bytes, params: dict) -> bytes:
        if not _REMEMBER["on"]:
            return real(passphrase, salt, params)
        key = (passphrase, bytes(salt), tuple(sorted(params.items())))
        if key not in _DERIVED:
            _DERIVED[key] = real(passphrase, salt, params)
        return _DERIVED[key]

    keyheader.derive = derive
    yield
    keyheader.derive = real


@pytest.fixture(autouse=True)
def _real_kdf_when_marked(request):
    if request.node.get_closest_marker("real_kdf") is None:
        yield
        return
    _REMEMBER["on"] = False
    try:
        yield
    finally:
        _REMEMBER["on"] = True


# -- journals from templates -----------------------------------------------------------------

def demo_content(journal) -> None:
    """One platform, two channels, a case and a call with a reference and a promise."""
    from journal.service import NewPromise
    exchange = journal.add_platform("Coinbase", kind="exchange", website="https://coinbase.com")
    journal.add_channel(exchange.name, kind="phone", value="+1 888 908 7930",
                        source="official-site", source_url="https://help.coinbase.com")
    journal.add_channel(exchange.name, kind="chat", value="help.coinbase.com/chat",
                        source="official-site")
    case = journal.open_case(exchange.name, "Withdrawal stuck since Monday",
                             category="withdrawal", account_id="acct-7781")
    journal.log(case.id, kind="call", contact="+1 888 908 7930",
                start="2026-11-20T09:00:00+01:00", end="2026-11-20T09:25:00+01:00",
                wait_minutes=12, agent="Dana", notes="Agent said the withdrawal is in review.",
                references=["ticket:CB-55120"],
                promises=[NewPromise("Email update", "2026-11-23T17:00:00+01:00")])


# name -> what is put in it after creating it. "other" is a second empty journal, made on its
# own (its own data key, salts and signing key), for tests that move data between two.
TEMPLATE_CONTENT = {"empty": None, "other": None, "demo": demo_content}


class Templates:
    """Journals made once in this process (created, filled, closed) to be copied."""

    def __init__(self, base: Path):
        self.base = base
        self.made: dict[str, tuple[Path, str]] = {}

    def get(self, name: str, fill=None) -> tuple[Path, str]:
        """(folder, recovery key) of the template `name`, made on first use: a new journal
        given TEMPLATE_CONTENT[name], or `fill(journal)` for a name of a test module's own."""
        if name not in self.made:
            from journal.service import Journal
            fill = fill or TEMPLATE_CONTENT[name]
            folder = self.base / name / "journal"
            j, recovery = Journal.create(folder, passphrase=PASSPHRASE)
            with j:
                if fill is not None:
                    fill(j)
            self.made[name] = (folder, recovery)
        return self.made[name]

    def copy(self, name: str, target: Path, fill=None) -> str:
        """Copy template `name` to `target` (which must not exist); return its recovery key."""
        folder, recovery = self.get(name, fill)
        shutil.copytree(folder, target)
        return recovery


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def _state_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("state")


@pytest.fixture(autouse=True)
def _bugs_logged_in_the_tests_own_folder(_state_home, monkeypatch):
    """A bug met in this process (errors/bug_log.py) is logged here, not in the user's
    state folder ($XDG_STATE_HOME/support-journal/log)."""
    monkeypatch.setenv("XDG_STATE_HOME", str(_state_home))


@pytest.fixture
def journal_dir(tmp_path) -> Path:
    return tmp_path / "journal"


def open_copy(templates: Templates, name: str, target: Path, fill=None):
    """A copy of template `name` at `target`, open."""
    from journal.service import Journal
    templates.copy(name, target, fill)
    return Journal.open(target, passphrase=PASSPHRASE)


@pytest.fixture
def journal(journal_dir, templates):
    """An empty journal of its own at journal_dir, open."""
    j = open_copy(templates, "empty", journal_dir)
    yield j
    j.close()


# -- the command line ------------------------------------------------------------------------

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


_UNSET = object()


def _text(data: bytes) -> str:
    """Bytes as subprocess.run(text=True) gives them: UTF-8, universal newlines."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def run_in_process(argv: list[str], env: dict, input=None,
                   binary: bool = False) -> subprocess.CompletedProcess:
    """`journal.cli.main(argv)` here, as if it were `python -m journal` with this environment,
    working directory and stdin (none: empty, like /dev/null), and its streams captured."""
    from journal.cli import main
    if isinstance(input, str):
        input = input.encode("utf-8")
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    out, err = io.BytesIO(), io.BytesIO()
    # The error handlers a Python started with LANG=C.UTF-8 gives its standard streams.
    sys.stdin = io.TextIOWrapper(io.BytesIO(input or b""), encoding="utf-8",
                                 errors="surrogateescape")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape",
                                  write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace",
                                  write_through=True)
    os.environ.clear()
    os.environ.update(env)
    time.tzset()
    os.chdir(ROOT)
    try:
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:
                sys.stderr.write(f"{exc.code}\n")
                code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        for stream in (sys.stdin, sys.stdout, sys.stderr):
            stream.detach()
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.environ.clear()
        os.environ.update(saved_env)
        time.tzset()
        os.chdir(saved_cwd)
    stdout, stderr = out.getvalue(), err.getvalue()
    if not binary:
        stdout, stderr = _text(stdout), _text(stderr)
    return subprocess.CompletedProcess(["journal", *argv], code, stdout, stderr)


def run_process(argv: list[str], env: dict, input=None, binary: bool = False,
                timeout: float = 120,
                cpu_seconds: int | None = None) -> subprocess.CompletedProcess:
    """`python -m journal ARGV…` in a subprocess; no stdin unless `input` is given.
    `cpu_seconds`: the processor time it may use before the system stops it (a bound on the
    work done, which a busy machine does not move, unlike one on the clock)."""
    def limit_cpu():
        import resource
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    return subprocess.run(
        [sys.executable, "-m", "journal", *argv], check=False, input=input,
        capture_output=True, text=not binary, env=env, cwd=ROOT, timeout=timeout,
        stdin=subprocess.DEVNULL if input is None else None,
        preexec_fn=limit_cpu if cpu_seconds is not None else None)


class Cli:
    """`journal` in a private folder: its own JOURNAL_DIR, HOME and TMPDIR.

    In this process unless `process=True` (here or per call), or the call's environment
    changes what only a new process would honour (the language, Python's own variables).
    `expect` is the exit code each call must give (None: any); `check=` is its other name."""

    def __init__(self, base: Path, passphrase: str = PASSPHRASE, *, process: bool = False,
                 expect: int | None = 0, **env: str):
        self.base = base
        self.dir = base / "journal"
        self.env = private_env(base, passphrase, **env)
        self.process = process
        self.expect = expect
        self.recovery_key: str | None = None

    def __call__(self, *args, input=None, env=None, unset=(), expect=_UNSET, check=_UNSET,
                 binary: bool = False, process: bool | None = None, timeout: float = 120,
                 cpu_seconds: int | None = None) -> subprocess.CompletedProcess:
        full_env = {**self.env, **(env or {})}
        for name in unset:
            full_env.pop(name, None)
        argv = [str(a) for a in args]
        if process is None:
            process = self.process or cpu_seconds is not None or any(
                PROCESS_ONLY.match(k) and full_env.get(k) != os.environ.get(k)
                for k in {*full_env, *os.environ})
        if process:
            result = run_process(argv, full_env, input, binary, timeout, cpu_seconds)
        else:
            result = run_in_process(argv, full_env, input, binary)
        wanted = check if check is not _UNSET else expect if expect is not _UNSET \
            else self.expect
        if wanted is not None:
            assert result.returncode == wanted, (args, result.returncode, result.stdout,
                                                 result.stderr)
        return result

    def json(self, *args, **kw):
        return json.loads(self(*args, "--json", **kw).stdout)

    def new_id(self, *args, **kw) -> int:
        """A creating command prints the new record's id, and only that."""
        out = self(*args, **kw).stdout
        assert re.fullmatch(r"\d+\n", out), out
        return int(out)

    def init(self, **kw) -> str:
        self.recovery_key = self.json("init", **kw)["recovery_key"]
        return self.recovery_key

    def files(self, folder: Path | None = None) -> dict[str, bytes]:
        folder = folder or self.dir
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def cli_env(tmp_path, journal_dir) -> dict:
    assert journal_dir == tmp_path / "journal"
    return private_env(tmp_path)


@pytest.fixture
def run_cli(tmp_path, journal_dir):
    """`python -m journal ARGS…` in a subprocess, on tmp_path/journal; returns the
    CompletedProcess with text output. check=N asserts the exit code; process=False runs it
    in this process instead."""
    assert journal_dir == tmp_path / "journal"
    return Cli(tmp_path, process=True, expect=None)


@pytest.fixture
def cli_here(tmp_path, journal_dir):
    """Like run_cli, but in this process (journal.cli.main)."""
    assert journal_dir == tmp_path / "journal"
    return Cli(tmp_path, expect=None)


@pytest.fixture
def empty_cli(tmp_path, journal_dir, templates):
    """Like cli_here, on a copy of an empty journal already at tmp_path/journal (its
    recovery key in .recovery_key): for tests about what comes after `journal init`."""
    assert journal_dir == tmp_path / "journal"
    c = Cli(tmp_path, expect=None)
    c.recovery_key = templates.copy("empty", journal_dir)
    return c
