"""Keyboard accelerators (the underlined letter of "&Language:") that two controls share.

`accelerator_clashes(widget)` walks the controls a user can reach in `widget` now — buttons,
labels with a buddy, group boxes and tab titles that are visible, not the ones of another
window — and returns each letter two or more of them claim, with their texts:
{"l": ["语言(&L)：", "自动锁定(&L)："]}. Alt+L then goes to one of them only, so it is a bug.
Use it on a shown dialog in each language:

    assert accelerator_clashes(dialog) == {}
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget


def mnemonic(text: str) -> str:
    """The accelerator letter of a control's text, lower-cased ("Auto-&lock" → "l"); "" when
    it has none ("&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel):
        # A label's accelerator moves the focus to its buddy; without one it does nothing.
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())
                if widget.isTabVisible(i) and widget.isTabEnabled(i)]
    return []


def accelerator_texts(widget: QWidget) -> list[str]:
    """The texts with an accelerator of every control reachable in `widget` now."""
    found = []
    for child in [widget, *widget.findChildren(QWidget)]:
        if child is not widget and (child.isWindow() or not child.isVisibleTo(widget)):
            continue
        if child.window() is not widget.window():
            continue
        found += [text for text in _texts(child) if mnemonic(text)]
    return found


def accelerator_clashes(widget: QWidget) -> dict[str, list[str]]:
    """{letter: [texts]} for every accelerator letter more than one control in `widget` has."""
    by_key: dict[str, list[str]] = {}
    for text in accelerator_texts(widget):
        by_key.setdefault(mnemonic(text), []).append(text)
    return {key: texts for key, texts in by_key.items() if len(texts) > 1}
