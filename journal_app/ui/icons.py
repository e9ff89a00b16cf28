"""Icons of the actions: the desktop theme's, else the small ones bundled in resources/icons."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ..resources import resource_path


def themed_icon(name: str) -> QIcon:
    """The icon named ``name`` in the freedesktop naming scheme (``document-save``): from the
    desktop's icon theme when it has one, else the bundled SVG of that name (a null icon when
    neither exists)."""
    bundled = resource_path(f"icons/{name}.svg")
    fallback = QIcon(str(bundled)) if bundled.is_file() else QIcon()
    return QIcon.fromTheme(name, fallback)
