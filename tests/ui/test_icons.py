"""Icons: every action given an icon has a bundled fallback for a desktop without an icon theme
(the toolbar's among them); the window's icon is the app icon in every PNG size shipped."""

from __future__ import annotations

from PySide6.QtGui import QImage

from journal_app.core.desktop_entry import PNG_SIZES, png_icon
from journal_app.resources import resource_path
from journal_app.ui.actions import ICONS, TOOLBAR


def test_the_window_icon_has_every_size(qtbot, window):
    icon = window.windowIcon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(size, size) for size in PNG_SIZES} <= sizes
    for size in (16, 48):  # the small sizes are the bitmaps drawn for them, not a scaled one
        drawn = icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
        shipped = QImage(str(resource_path(png_icon(size)))).convertToFormat(QImage.Format.Format_ARGB32)
        assert drawn == shipped


def test_every_action_icon_has_a_bundled_fallback(qtbot, window):
    assert {name for name in TOOLBAR if name} <= set(ICONS)  # the toolbar shows no bare text
    for name, icon_name in ICONS.items():
        assert resource_path(f"icons/{icon_name}.svg").is_file(), icon_name
        assert not getattr(window.commands, name).icon().pixmap(16, 16).isNull(), name
