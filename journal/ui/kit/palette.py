"""The colours the window means something by: a warning red, a verified green, greyed text.

Qt's palette has no warning or success role, so each is picked to read on the palette's own
base, light or dark.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


def _dark(palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Base) -> bool:
    return palette.color(role).lightness() < 128


def warning_colour(palette: QPalette) -> QColor:
    """A red for what needs attention (overdue, reported fake, a form's error)."""
    return QColor("#f28b82") if _dark(palette) else QColor("#b3261e")


def verified_colour(palette: QPalette) -> QColor:
    """A green for a channel checked where the platform publishes it."""
    return QColor("#81c995") if _dark(palette) else QColor("#1e7e34")


def error_palette(widget: QWidget) -> QPalette:
    """Red text that stays readable on a light or a dark window."""
    palette = widget.palette()
    dark = _dark(palette, QPalette.ColorRole.Window)
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f28b82" if dark else "#c5221f"))
    return palette


def muted_palette(widget: QWidget) -> QPalette:
    """The widget's palette with its text greyed (placeholder grey): kept, but in the back."""
    palette = widget.palette()
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, muted)
    palette.setColor(QPalette.ColorRole.Text, muted)
    return palette
