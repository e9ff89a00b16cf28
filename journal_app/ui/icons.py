"""Icons of the actions: the desktop theme's, else the small ones bundled in resources/icons;
and the program's own icon in all its sizes."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from ..core.desktop_entry import PNG_SIZES, png_icon
from ..resources import resource_path


def themed_icon(name: str) -> QIcon:
    """The icon named ``name`` in the freedesktop naming scheme (``document-save``): from the
    desktop's icon theme when it has one, else the bundled SVG of that name (a null icon when
    neither exists)."""
    bundled = resource_path(f"icons/{name}.svg")
    fallback = QIcon(str(bundled)) if bundled.is_file() else QIcon()
    return QIcon.fromTheme(name, fallback)


def app_icon() -> QIcon:
    """The program's own icon: the PNG rendered from its SVG for each size (the desktop takes
    the one of the size it draws; Qt's SVG icon would keep only one added bitmap), the SVG
    itself when no PNG is there."""
    icon = QIcon()
    for size in PNG_SIZES:
        png = resource_path(png_icon(size))
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    return QIcon(str(resource_path("icons/journal-app.svg"))) if icon.isNull() else icon
