"""The window's place and shape between runs: geometry, toolbars and splitter kept in the
settings' state keys; on the first run, most of the screen, centred."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from .settings import Settings


def restore_window(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Put ``window`` back as the user left it; on first run, most of the screen, centred."""
    restored = set()
    for key, restore in (
        ("state/geometry", window.restoreGeometry),
        ("state/window_state", window.restoreState),
        ("state/splitter", splitter.restoreState),
    ):
        value = settings.get(key)
        if isinstance(value, QByteArray) and not value.isEmpty() and restore(value):
            restored.add(key)
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    if "state/geometry" not in restored and screen is not None:
        area = screen.availableGeometry()
        width, height = min(1400, area.width() * 85 // 100), min(900, area.height() * 85 // 100)
        window.resize(width, height)
        window.move(area.center().x() - width // 2, area.center().y() - height // 2)
        if "state/splitter" not in restored:
            splitter.setSizes([width * 22 // 100, width * 39 // 100, width * 39 // 100])


def remember_window(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Keep the shape of ``window`` for the next run."""
    settings.set("state/geometry", window.saveGeometry())
    settings.set("state/window_state", window.saveState())
    settings.set("state/splitter", splitter.saveState())
