"""Render the app icon's PNG sizes from its SVG (resources/icons/journal-app.svg).

The PNGs are committed resources (a desktop without an SVG loader, and the small sizes of a
task bar, use them); run this again after changing the SVG, from the repository's root:

    python docs/render_icons.py

It writes resources/icons/hicolor/NxN/apps/journal-app.png for each size in SIZES, the layout
of the XDG hicolor icon theme that ``journal-app --install-desktop`` copies them into.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 32, 48, 64, 128, 256, 512)
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of ``size`` pixels, antialiased."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    """Write every size; the paths written go to stdout."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # (fonts, image plugins)
    svg = ICONS / "journal-app.svg"
    for size in SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "journal-app.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ICONS.parent.parent))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
