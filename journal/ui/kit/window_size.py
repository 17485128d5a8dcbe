"""The main window's first size: 1280 × 800, or less on a screen with less room.

The size given to a window is its inside; the title bar and borders the window manager adds
come on top. On a 1280 × 800 screen a window of 1280 × 800 ran off its bottom edge, and the
status bar (where the reading of pictures shows) could not be seen.
"""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication

FRAME_ALLOWANCE = 48   # pixels for a title bar and borders
# Platforms with no screen to fit and no window manager's frame (the tests', the README's
# screenshots): the window keeps its full size there.
DRAWN_ALONE = ("offscreen", "minimal")


def give_first_size(window, width: int = 1280, height: int = 800) -> None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or QGuiApplication.platformName() in DRAWN_ALONE:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    window.resize(min(width, room.width()), min(height, room.height() - FRAME_ALLOWANCE))
