"""The Edit menu: Undo, Redo, Cut, Copy, Paste, Select All and Find with the platform's standard
keys, enabled as the editor's state says, acting on the focused text field; toolbar icons."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QToolBar

from journal_app.ui.actions import TOOLBAR
from tests.ui.conftest import type_text

Key = QKeySequence.StandardKey


def edit_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")


def test_the_edit_menu_lists_the_text_commands_with_standard_keys(window):
    names = [a.objectName() for a in edit_menu(window).actions() if not a.isSeparator()]
    assert names[:8] == [
        "edit_undo",
        "edit_redo",
        "edit_cut",
        "edit_copy",
        "edit_paste",
        "edit_paste_plain",
        "edit_select_all",
        "edit_find",
    ]
    a = window.commands
    for action, key in ((a.edit_cut, Key.Cut), (a.edit_copy, Key.Copy), (a.edit_paste, Key.Paste)):
        assert action.shortcuts() == QKeySequence.keyBindings(key)
    assert QKeySequence("Ctrl+A") in a.edit_select_all.shortcuts()


def test_commands_follow_the_editors_state(qtbot, window):
    a, editor = window.commands, window.editor
    QGuiApplication.clipboard().clear()
    assert not a.edit_undo.isEnabled() and not a.edit_redo.isEnabled()
    assert not a.edit_copy.isEnabled() and not a.edit_cut.isEnabled()
    assert not a.edit_paste.isEnabled()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "복사할 말")
    assert a.edit_undo.isEnabled() and not a.edit_redo.isEnabled()
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, 5)
    editor.setTextCursor(cursor)
    assert a.edit_copy.isEnabled() and a.edit_cut.isEnabled()
    a.edit_cut.trigger()
    assert QGuiApplication.clipboard().text() == "복사할 말"
    assert not editor.toPlainText().endswith("복사할 말")
    assert a.edit_paste.isEnabled() and not a.edit_copy.isEnabled()
    a.edit_paste.trigger()
    assert editor.toPlainText().endswith("복사할 말")
    a.edit_undo.trigger()
    assert not editor.toPlainText().endswith("복사할 말")
    assert a.edit_redo.isEnabled()
    a.edit_redo.trigger()
    assert editor.toPlainText().endswith("복사할 말")
    a.edit_select_all.trigger()
    assert editor.textCursor().selectedText().replace("\u2029", "\n") == editor.toPlainText()
    editor.setReadOnly(True)  # as a post opened read-only
    editor.textChanged.emit()
    assert not a.edit_cut.isEnabled() and not a.edit_paste.isEnabled() and a.edit_copy.isEnabled()
    editor.setReadOnly(False)


def test_commands_act_on_the_focused_field(qtbot, window):
    field = window.sidebar.filter
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    type_text(field, "제주")
    window.commands.edit_select_all.trigger()
    assert field.selectedText() == "제주"
    window.commands.edit_copy.trigger()
    assert QGuiApplication.clipboard().text() == "제주"


def test_toolbar_actions_have_icons(window):
    toolbar = window.findChild(QToolBar, "mainToolbar")
    shown = [action for action in toolbar.actions() if not action.isSeparator()]
    assert [action.objectName() for action in shown] == [name for name in TOOLBAR if name]
    for action in shown:
        assert not action.icon().pixmap(24, 24).isNull(), action.objectName()
