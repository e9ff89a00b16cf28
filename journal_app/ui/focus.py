"""View → Focus: writing with nothing else in sight, and typewriter scrolling.

Focus Mode hides the sidebar and the preview (and shows them again as they were); Typewriter
Scrolling keeps the line being written in the middle of the editor. Both are window state,
not preferences: Focus Mode starts off; typewriter scrolling is remembered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .main_window import MainWindow


class FocusModes(QObject):
    """The focus and typewriter modes of ``window`` (a child of it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._hidden: list = []  # the panes Focus Mode hid (shown again when it ends)
        a = window.commands
        a.view_focus.setCheckable(True)
        a.view_typewriter.setCheckable(True)
        a.view_focus.toggled.connect(self.set_focus)
        a.view_typewriter.toggled.connect(self.set_typewriter)
        window.editor.cursorPositionChanged.connect(self._centre)
        a.view_typewriter.setChecked(bool(window.env.settings.get("state/typewriter")))

    def set_focus(self, on: bool) -> None:
        """Hide the sidebar and the preview (on), or show again what was hidden (off)."""
        if on:
            self._hidden = [pane for pane in (self.window.sidebar, self.window.preview) if pane.isVisible()]
            for pane in self._hidden:
                pane.hide()
            self.window.editor.setFocus()
        else:
            for pane in self._hidden:
                pane.show()
            self._hidden = []

    def set_typewriter(self, on: bool) -> None:
        """Keep the cursor's line in the middle of the editor (on), or scroll as usual."""
        self.window.env.settings.set("state/typewriter", on)
        self.window.editor.setCenterOnScroll(on)  # the last lines can come to the middle too
        self._centre()

    def _centre(self) -> None:
        if self.window.commands.view_typewriter.isChecked():
            self.window.editor.centerCursor()
