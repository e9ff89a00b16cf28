"""Light and dark: the window's palette, the editor's highlighting and the preview page switch
together.

The theme preference is "system" (follow the desktop's colour scheme, Qt's
``QStyleHints.colorScheme``, and its changes), "light" or "dark". Where the desktop's own style
already shows the wanted scheme it is kept; otherwise the window takes Qt's Fusion style with a
palette of that scheme.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from .highlighter import use_colors

if TYPE_CHECKING:
    from .main_window import MainWindow

Role = QPalette.ColorRole
DARK = {
    Role.Window: "#25262b",
    Role.WindowText: "#e6edf3",
    Role.Base: "#1a1b1e",
    Role.AlternateBase: "#2c2e33",
    Role.ToolTipBase: "#2c2e33",
    Role.ToolTipText: "#e6edf3",
    Role.PlaceholderText: "#7d8590",
    Role.Text: "#e6edf3",
    Role.Button: "#2c2e33",
    Role.ButtonText: "#e6edf3",
    Role.BrightText: "#ff6b6b",
    Role.Link: "#4493f8",
    Role.Highlight: "#1f6feb",
    Role.HighlightedText: "#ffffff",
}
LIGHT = {
    Role.Window: "#f6f8fa",
    Role.WindowText: "#1f2328",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f1f3f5",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1f2328",
    Role.PlaceholderText: "#6e7781",
    Role.Text: "#1f2328",
    Role.Button: "#f1f3f5",
    Role.ButtonText: "#1f2328",
    Role.BrightText: "#c92a2a",
    Role.Link: "#0969da",
    Role.Highlight: "#0969da",
    Role.HighlightedText: "#ffffff",
}


def palette(scheme: str) -> QPalette:
    """The Fusion palette of ``scheme`` ("light" or "dark"), disabled text dimmed."""
    colors = DARK if scheme == "dark" else LIGHT
    result = QPalette()
    for role, color in colors.items():
        result.setColor(role, QColor(color))
    dimmed = QColor(colors[Role.Text])
    dimmed.setAlpha(110)
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    return result


def system_scheme() -> str:
    """The desktop's colour scheme: "dark" when it says so, else "light"."""
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def is_dark(colors: QPalette) -> bool:
    """Whether a palette draws light text on a dark window."""
    return colors.color(Role.Window).lightness() < colors.color(Role.WindowText).lightness()


@dataclass
class _Original:
    style: str
    palette: QPalette


_original: _Original | None = None  # the desktop's own style and palette, kept at the first switch


def apply_scheme(scheme: str) -> None:
    """Give the application ``scheme``'s look: the desktop's own style when it already has that
    scheme, Fusion with our palette otherwise; the highlighter's colours follow."""
    global _original
    app = cast(QApplication, QApplication.instance())
    if _original is None:
        _original = _Original(app.style().name(), app.palette())
    if is_dark(_original.palette) == (scheme == "dark"):
        if app.style().name() != _original.style:
            app.setStyle(QStyleFactory.create(_original.style))
        app.setPalette(_original.palette)
    else:
        if app.style().name().lower() != "fusion":
            app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(palette(scheme))
    use_colors(scheme)


def scheme_of(choice: str) -> str:
    """The scheme a theme preference means now ("system" asks the desktop)."""
    return system_scheme() if choice == "system" else ("dark" if choice == "dark" else "light")


class ThemeFollower(QObject):
    """Applies the window's theme preference, and follows the desktop while it is "system"
    (the connection goes with the window, the follower's parent)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.scheme = ""
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self) -> None:
        """Bring the window, its editor and its preview to the preference's scheme."""
        settings = self.window.env.settings
        scheme = scheme_of(settings.get("preferences/theme"))
        if scheme != self.scheme:
            self.scheme = scheme
            apply_scheme(scheme)
            self.window.editor.highlighter.rehighlight()
        self.window.preview.set_appearance(scheme, settings.get("preferences/line_width"))

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self.window.env.settings.get("preferences/theme") == "system":
            self.apply()
