"""The marker pyside6-lupdate looks for (make ts), as a function that does nothing: the
catalogue is plain Python, importable without Qt, and its strings still reach Qt Linguist."""
from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    return text
