"""The Edit menu's text commands (Undo, Redo, Cut, Copy, Paste, Select All): each acts on the
text field that has the focus (the editor, the title, the filter…), and each is enabled as the
editor's state says (something to undo or redo, a selection, text on the clipboard, a post
that may be edited)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

COMMANDS = {  # action name: the method of a text field it calls
    "edit_undo": "undo",
    "edit_redo": "redo",
    "edit_cut": "cut",
    "edit_copy": "copy",
    "edit_paste": "paste",
    "edit_select_all": "selectAll",
}
TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)


class EditCommands(QObject):
    """Connects the Edit menu's text commands of ``window`` and keeps them enabled or not (a
    child of the window: its connections to the application and the clipboard go with it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor = window.editor
        self.can_undo = self.can_redo = self.has_selection = False
        for name, method in COMMANDS.items():
            getattr(window.commands, name).triggered.connect(lambda _=False, m=method: self.run(m))
        editor.undoAvailable.connect(self._undo_available)
        editor.redoAvailable.connect(self._redo_available)
        editor.copyAvailable.connect(self._copy_available)
        editor.textChanged.connect(self.update)  # (a post opened read-only changes no signal above)
        # whether the clipboard holds text, asked when it changes: asking on every key would
        # ask the program that owns the clipboard each time (X11, Wayland)
        self.clipboard_text = bool(QGuiApplication.clipboard().text())
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        window.document.loaded.connect(self.update)
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        self.update()

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        """Follow the state of a focused text field other than the editor too."""
        target = self.target()
        if target is not self._watched:
            if isinstance(self._watched, TEXT_FIELDS) and self._watched is not self.editor:
                _disconnect(self._watched, self.update)
            if target is not self.editor:
                _connect(target, self.update)
            self._watched = target
        self.update()

    def target(self) -> QWidget:
        """The text field the commands act on: the focused one, else the editor."""
        focus = QApplication.focusWidget()
        if isinstance(focus, TEXT_FIELDS) and self.window.isAncestorOf(focus):
            return focus
        return self.editor

    def run(self, method: str) -> None:
        """Call ``method`` (``cut``, ``paste``…) on the text field the commands act on."""
        getattr(self.target(), method)()

    def _undo_available(self, on: bool) -> None:
        self.can_undo = on
        self.update()

    def _redo_available(self, on: bool) -> None:
        self.can_redo = on
        self.update()

    def _copy_available(self, on: bool) -> None:
        self.has_selection = on
        self.update()

    def _clipboard_changed(self) -> None:
        self.clipboard_text = bool(QGuiApplication.clipboard().text())
        self.update()

    def update(self, *_args: object) -> None:
        """Enable each command as the state of the field they act on says (the editor's, or a
        focused title, tag or filter field's)."""
        a = self.window.commands
        if not all(shiboken6.isValid(thing) for thing in (self.editor, a.edit_undo, a.edit_select_all)):
            return  # the window is being taken apart (focus moves as its widgets go)
        target = self.target()
        editable, undo, redo, selection, empty = _state(target)
        if target is self.editor:
            undo, redo, selection = self.can_undo, self.can_redo, self.has_selection
        a.edit_undo.setEnabled(editable and undo)
        a.edit_redo.setEnabled(editable and redo)
        a.edit_cut.setEnabled(editable and selection)
        a.edit_copy.setEnabled(selection)
        a.edit_paste.setEnabled(editable and self.clipboard_text)
        a.edit_select_all.setEnabled(not empty)


def _state(field: QWidget) -> tuple[bool, bool, bool, bool, bool]:
    """A text field's (editable, can undo, can redo, has a selection, is empty)."""
    if isinstance(field, QLineEdit):
        return (
            not field.isReadOnly(),
            field.isUndoAvailable(),
            field.isRedoAvailable(),
            field.hasSelectedText(),
            not field.text(),
        )
    assert isinstance(field, (QPlainTextEdit, QTextEdit))
    document = field.document()
    return (
        not field.isReadOnly(),
        document.isUndoAvailable(),
        document.isRedoAvailable(),
        field.textCursor().hasSelection(),
        document.isEmpty(),
    )


def _signals(field: QWidget) -> list:
    if isinstance(field, TEXT_FIELDS):
        return [field.selectionChanged, field.textChanged]
    return []


def _connect(field: QWidget, slot) -> None:
    for signal in _signals(field):
        signal.connect(slot)


def _disconnect(field: QWidget, slot) -> None:
    if shiboken6.isValid(field):
        for signal in _signals(field):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
