"""The errors a person can cause or meet, each with the CLI's exit code.

An error is a code from the catalogue (journal/error_messages/) and its parameters:
`raise NotFound("case.none", case=case_id)`. `str(exc)` is the English sentence; a front end
says it in the user's language with `say(exc, translate)`, where `translate` turns an English
template into the user's (Qt Linguist in the window, gettext on the command line).
Parameters that are the user's data (a file name, a typed value) go into the sentence as they
are; a `Term` (a word of the program's own) and a `Phrase` (a part of a sentence) are
translated with it.

Anything else that escapes is a bug and is reported as one.
"""
from __future__ import annotations

import re
from collections.abc import Callable

Translate = Callable[[str], str]
_CODE = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)+")


def _english(template: str) -> str:
    return template


def _catalogue():
    from ..error_messages import MESSAGES
    return MESSAGES


class Term(str):
    """A word of the program's own that goes into a sentence ("case title", "platforms"):
    translated with it. One the catalogue does not list is shown as it is."""

    __slots__ = ()


class Phrase(str):
    """A sentence, or a part of one, from the catalogue: its English text, and the code and
    parameters a front end needs to say it in another language."""

    def __new__(cls, code: str, /, **params):
        messages = _catalogue()
        if code in messages:
            self = super().__new__(cls, _render(messages[code], params, _english))
            self.code, self.params = code, params
        elif not _CODE.fullmatch(code) and not params:
            # A sentence already written (the window's own, in its language): shown as it is.
            self = super().__new__(cls, code)
            self.code, self.params = None, {}
        else:
            raise ValueError(f"no message has the code {code!r}")
        return self

    def __reduce__(self):
        return (_phrase, (self.code or str(self), self.params))

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, **{self.params!r})" if self.code else super().__repr__()


def _phrase(code: str, params: dict) -> Phrase:
    return Phrase(code, **params)


def _render(template: str, params: dict, translate: Translate) -> str:
    values = {}
    for name, value in params.items():
        if isinstance(value, Phrase):
            value = say(value, translate)
        elif isinstance(value, Term):
            value = translate(value)
        values[name] = value
    return template.format(**values)


def say(message: JournalError | Phrase | Term | str, translate: Translate = _english) -> str:
    """`message` in the language `translate` speaks (English without one).

    A translation whose placeholders do not fit falls back to the English sentence: a typo of
    a translator's never hides the error."""
    if isinstance(message, JournalError):
        message = message.phrase
    if isinstance(message, Term):
        return translate(message)
    if not isinstance(message, Phrase) or message.code is None:
        return str(message)
    template = _catalogue()[message.code]
    try:
        return _render(translate(template), message.params, translate)
    except (KeyError, IndexError, ValueError):
        return _render(template, message.params, _english)


def os_reason(exc: OSError) -> Term:
    """Why the OS refused ("Permission denied"): the common reasons are in the catalogue."""
    return Term(exc.strerror or str(exc))


class JournalError(Exception):
    """An error whose message is one plain sentence fit to show a user."""

    exit_code = 1

    def __init__(self, code: str | Phrase, /, **params):
        phrase = code if isinstance(code, Phrase) and not params else Phrase(code, **params)
        super().__init__(str(phrase))
        self.phrase = phrase

    @property
    def code(self) -> str | None:
        return self.phrase.code

    @property
    def params(self) -> dict:
        return self.phrase.params

    def __reduce__(self):
        return (_error, (type(self), self.phrase))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.phrase!r})"


def _error(cls: type[JournalError], phrase: Phrase) -> JournalError:
    return cls(phrase)


class BadInput(JournalError):
    """Malformed or impossible input: nothing was changed."""


class NotFound(JournalError):
    """A case, interaction, platform or promise that does not exist."""


class WrongPassphrase(JournalError):
    exit_code = 3


class IntegrityFailure(JournalError):
    exit_code = 4


class JournalInUse(JournalError):
    exit_code = 5


class EnvironmentProblem(JournalError):
    """Disk full, permission denied, a read-only folder: the machine, not the user's input."""


class Cancelled(JournalError):
    """The user stopped long work part-way: nothing of it was kept. A progress callback
    raises it; the work undoes what it did and lets it through."""
    exit_code = 130  # as a command line stopped by Ctrl+C
