"""The register of commands: each command module declares its commands here with `@command`,
and commands.py builds the parser, the dispatch and `--help` from what was declared.

Nothing heavy is imported here, nor by the modules that declare commands: `journal --help`
imports them all.
"""
from __future__ import annotations


class Arg:
    """One argument of a command: its name or flags, and argparse's add_argument keywords."""

    def __init__(self, *names: str, **options):
        self.names, self.options = names, options

    def add_to(self, parser) -> None:
        parser.add_argument(*self.names, **self.options)


class OneOf:
    """Arguments of which at most one may be given (exactly one when required)."""

    def __init__(self, *args: Arg, required: bool = False):
        self.args, self.required = args, required

    def add_to(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=self.required)
        for arg in self.args:
            arg.add_to(group)


class Command:
    """`journal NAME [ACTION]`: what it is for, what it takes, and what runs it. (Not a
    dataclass: that module loads `inspect`, a good part of what `journal --help` costs.)"""

    __slots__ = ("name", "action", "help", "args", "json", "run")

    def __init__(self, name: str, action: str | None, help: str, args: tuple, json: bool,
                 run):
        self.name, self.action, self.help, self.args = name, action, help, args
        self.json = json  # it takes --json
        self.run = run  # run(context, args) -> exit code, or None for 0


#: Every command declared, in the order declared (the actions of a group list so).
COMMANDS: list[Command] = []
#: The help of each command that has actions (`journal case open`, `journal case list`…).
GROUPS: dict[str, str] = {}


def command(name: str, action: str | None = None, *, help: str, args=(), json: bool = False):
    """Declare the function below as `journal NAME [ACTION]`."""
    def declare(run):
        COMMANDS.append(Command(name, action, help, tuple(args), json, run))
        return run
    return declare


def group(name: str, help: str) -> None:
    """Declare `journal NAME ACTION`: a command whose actions are declared with `@command`."""
    GROUPS[name] = help
