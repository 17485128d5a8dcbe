"""Every command the CLI has is documented in the README, and the README starts as promised."""
from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, p in sub.choices.items():
        nested = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            for action in nested[0].choices:
                yield f"journal {name} {action}"
        else:
            yield f"journal {name}"


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands() if f"`{c}" not in README]
    assert missing == []


def test_readme_starts_with_the_two_commands():
    head = README.split("\n## ")[0]
    assert "make run" in head and "make test" in head
