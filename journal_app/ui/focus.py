"""View → the panes, Focus Mode, typewriter scrolling and full screen.

Show Sidebar (Ctrl+Shift+B) and Show Preview (Ctrl+Shift+P) are the user's choices, remembered
across starts. Focus Mode hides both without changing those choices: leaving it shows the panes
the user had chosen (a pane shown or hidden while in focus is a choice too). Typewriter
Scrolling keeps the line being written in the middle of the editor; in Focus Mode the text is a
centred column of ``FOCUS_COLUMN`` characters. Full Screen (F11) leaves
for the state the window had before (maximized or normal); the window's geometry keeps whether
it was full screen, and the settings what it was before. Focus Mode starts off; the rest is
remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

PANES = {"sidebar": "state/show_sidebar", "preview": "state/show_preview"}  # name: settings key
FOCUS_COLUMN = 80  # Focus Mode's text column, centred, in (Latin) characters
BEFORE_FULL_SCREEN = "state/maximized_before_full_screen"


class FocusModes(QObject):
    """The panes, focus, typewriter and full-screen modes of ``window`` (a child of it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.env.settings
        a = window.commands
        self.panes: dict[str, tuple[QWidget, QAction]] = {
            "sidebar": (window.sidebar, a.view_sidebar),
            "preview": (window.preview, a.view_preview),
        }
        for action in (a.view_focus, a.view_typewriter, a.view_full_screen, a.view_sidebar, a.view_preview):
            action.setCheckable(True)
        for name, (pane, action) in self.panes.items():
            shown = bool(self.settings.get(PANES[name]))
            action.setChecked(shown)
            pane.setVisible(shown)
            action.toggled.connect(lambda on, chosen=name: self.set_pane(chosen, on))
        a.view_focus.toggled.connect(self.set_focus)
        a.view_typewriter.toggled.connect(self.set_typewriter)
        a.view_full_screen.toggled.connect(self.set_full_screen)
        window.editor.cursorPositionChanged.connect(self._centre)
        a.view_typewriter.setChecked(bool(self.settings.get("state/typewriter")))
        window.installEventFilter(self)  # full screen left or entered by the window manager

    def set_pane(self, name: str, shown: bool) -> None:
        """Show or hide the pane ``name`` (``sidebar``, ``preview``): the user's choice."""
        self.settings.set(PANES[name], shown)
        pane, _action = self.panes[name]
        pane.setVisible(shown)

    def set_focus(self, on: bool) -> None:
        """Hide the sidebar and the preview (on), or show the panes the user chose (off)."""
        for name, (pane, action) in self.panes.items():
            shown = not on and bool(self.settings.get(PANES[name]))
            blocked = action.blockSignals(True)  # focus hides them; the choice stays
            action.setChecked(shown)
            action.blockSignals(blocked)
            pane.setVisible(shown)
        self.window.editor.set_column(FOCUS_COLUMN if on else 0)
        if on:
            self.window.editor.setFocus()

    def set_typewriter(self, on: bool) -> None:
        """Keep the cursor's line in the middle of the editor (on), or scroll as usual."""
        self.settings.set("state/typewriter", on)
        self.window.editor.setCenterOnScroll(on)  # the last lines can come to the middle too
        self._centre()

    def set_full_screen(self, on: bool) -> None:
        """Fill the screen (on), or go back to the maximized or normal window it was before."""
        window = self.window
        if on == window.isFullScreen():
            return
        if on:
            self.settings.set(BEFORE_FULL_SCREEN, window.isMaximized())
            window.showFullScreen()
        elif self.settings.get(BEFORE_FULL_SCREEN):
            window.showMaximized()
        else:
            window.showNormal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.window and event.type() == QEvent.Type.WindowStateChange:
            full = bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)
            action = self.window.commands.view_full_screen
            blocked = action.blockSignals(True)
            action.setChecked(full)
            action.blockSignals(blocked)
        return False

    def _centre(self) -> None:
        if self.window.commands.view_typewriter.isChecked():
            self.window.editor.centerCursor()
