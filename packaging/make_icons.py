"""The app's icon (resources/icons/app.svg) drawn at every size a desktop asks for: the
freedesktop hicolor PNGs, a Windows .ico and a macOS .icns, into build/icons/.

Drawn by Qt's own SVG renderer (the one the window draws the icon with), then written with
Pillow, which knows the .ico and .icns containers.
"""
from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

APP_ID = "org.supportjournal.SupportJournal"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app.svg"


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def make(out: Path) -> Path:
    """hicolor/NxN/apps/APP_ID.png for each size and scalable/apps/APP_ID.svg, plus
    journal.ico and journal.icns, in `out`."""
    from PIL import Image
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    pngs = {}
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render(size))
        pngs[size] = target
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    biggest = Image.open(io.BytesIO(pngs[512].read_bytes()))
    biggest.save(out / "journal.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    biggest.save(out / "journal.icns")
    del app
    return out


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))
