"""The window's icon is the app icon in every size shipped: the SVG and a PNG of each size."""

from __future__ import annotations

from PySide6.QtGui import QImage

from journal_app.core.desktop_entry import PNG_SIZES, png_icon
from journal_app.resources import resource_path


def test_the_window_icon_has_every_size(qtbot, window):
    icon = window.windowIcon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(size, size) for size in PNG_SIZES} <= sizes
    for size in (16, 48):  # the small sizes are the bitmaps drawn for them, not a scaled one
        drawn = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        shipped = QImage(str(resource_path(png_icon(size)))).convertToFormat(QImage.Format.Format_ARGB32)
        assert drawn == shipped
