"""What the CLI prints: records for people (aligned text) and for scripts (--json), and every
line it writes on stderr. Errors become text in one place, error_line() and bug_line()."""
from __future__ import annotations

import sys


# -- stderr: errors, warnings, notices -------------------------------------------------------

def error_line(exc) -> str:
    """The line a JournalError shows the user: its one plain sentence, in the language the
    environment asks for (LANG=zh_CN.UTF-8 gives Chinese: errors/language.py)."""
    from ..errors.language import in_language
    return f"journal: {in_language(exc)}"


def bug_line(exc: BaseException, where: str = "journal") -> str:
    """The line an unexpected exception (a bug) shows the user: something went wrong, nothing
    was changed, and the log its traceback went to (errors/bug_log.py: never its message nor
    any journal content; JOURNAL_DEBUG=1 prints the whole of it here)."""
    from ..errors import bug_log
    from ..errors.language import in_language
    log = bug_log.record(exc, where)
    return f"journal: {in_language(bug_log.sentence(exc, log, 'cli'))}"


def interrupted_line() -> str:
    return "journal: interrupted; nothing half-saved was kept."


def usage_line(message: str, prog: str) -> str:
    """argparse's complaint about the command line, as one sentence."""
    return f"journal: {message}; see `{prog} --help`."


def complain(line: str) -> None:
    """Write one of the lines above on stderr."""
    sys.stderr.write(line + "\n")


def notice(text: str) -> None:
    """Something the user should know that is neither the answer nor an error."""
    sys.stderr.write(f"journal: {text}\n")


def warning(text: str) -> None:
    """A warning: the command still succeeds."""
    sys.stderr.write(f"journal: warning: {text}\n")


# -- stdout: the answer ----------------------------------------------------------------------

def plain(obj):
    """Dataclasses, enums and tuples as JSON-ready values."""
    import dataclasses  # here, not above: `journal --help` need not load it
    from enum import Enum
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        for extra in ("amended", "duration_minutes"):
            if hasattr(type(obj), extra):
                out[extra] = getattr(obj, extra)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    return obj


def emit_json(obj) -> None:
    import json
    json.dump(plain(obj), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def short_time(text: str | None) -> str:
    """2026-11-25T14:03:00.120+08:00 → 2026-11-25 14:03 +08:00"""
    if not text:
        return "—"
    date, _, rest = text.partition("T")
    clock = rest[:5]
    offset = rest[len(rest) - 6:] if rest[-6:-5] in "+-" else "UTC"
    return f"{date} {clock} {offset}"


def table(rows: list[list[str]], headers: list[str], empty: str) -> None:
    if not rows:
        print(empty, file=sys.stderr)
        return
    widths = [max(_width(str(r[i])) for r in rows + [headers]) for i in range(len(headers))]
    for r in [headers] + rows:
        cells = [str(c) + " " * (w - _width(str(c))) for c, w in zip(r, widths)]
        print("  ".join(cells).rstrip())


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def minutes(value) -> str:
    if value is None:
        return "—"
    value = float(value)
    if value < 60:
        return f"{value:g} min"
    return f"{int(value // 60)} h {value % 60:g} min"
