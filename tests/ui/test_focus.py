"""View → Focus Mode hides the sidebar and the preview and brings them back; Typewriter
Scrolling keeps the cursor's line in the middle of the editor, and is remembered."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from tests.ui.conftest import type_text


def test_focus_mode_hides_and_restores_the_panes(qtbot, window):
    a = window.commands
    assert QKeySequence("Ctrl+Shift+Return") in a.view_focus.shortcuts()
    assert window.sidebar.isVisible() and window.preview.isVisible()
    a.view_focus.trigger()
    assert not window.sidebar.isVisible() and not window.preview.isVisible()
    assert window.editor.isVisible()
    a.view_focus.trigger()
    assert window.sidebar.isVisible() and window.preview.isVisible()


def test_typewriter_scrolling_centres_the_line(qtbot, window, env):
    editor = window.editor
    editor.setPlainText("\n".join(f"{number}번째 줄" for number in range(300)))
    window.commands.view_typewriter.trigger()
    assert env.settings.get("state/typewriter") is True
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(150).position())
    editor.setTextCursor(cursor)
    type_text(editor, "가\n\n\n\n\n\n")  # lines added: the view follows each one
    middle = editor.viewport().height() / 2
    line = editor.cursorRect()
    assert abs(line.center().y() - middle) <= line.height()
    window.commands.view_typewriter.trigger()
    assert env.settings.get("state/typewriter") is False
    editor.document().setModified(False)
