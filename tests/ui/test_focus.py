"""View → Show Sidebar and Show Preview are choices remembered across starts; Focus Mode hides both
and gives back what was chosen; Full Screen (F11) goes back to the maximized or normal window it
was; Typewriter Scrolling keeps the cursor's line in the middle of the editor, and is remembered."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QKeySequence

from journal_app.ui.app import create_window
from tests.ui.conftest import close_window, type_text


def test_focus_mode_hides_and_restores_the_panes(qtbot, window):
    a = window.commands
    assert QKeySequence("Ctrl+Shift+Return") in a.view_focus.shortcuts()
    assert window.sidebar.isVisible() and window.preview.isVisible()
    a.view_focus.trigger()
    assert not window.sidebar.isVisible() and not window.preview.isVisible()
    assert window.editor.isVisible()
    a.view_focus.trigger()
    assert window.sidebar.isVisible() and window.preview.isVisible()


def test_focus_mode_centres_a_column_of_text(qtbot, window):
    from journal_app.ui.focus import FOCUS_COLUMN

    window.resize(1600, 900)
    editor = window.editor
    window.commands.view_focus.trigger()
    qtbot.waitUntil(lambda: editor.width() > 1200 and editor.viewportMargins().left() > 100)
    margins = editor.viewportMargins()
    assert margins.left() == margins.right()
    column = editor.viewport().width()
    wanted = editor.fontMetrics().averageCharWidth() * FOCUS_COLUMN
    assert abs(column - wanted) <= 2 and editor.width() > column + 200
    window.resize(1200, 800)  # the column stays centred as the window changes
    qtbot.waitUntil(lambda: abs(editor.viewport().width() - wanted) <= 2)
    window.commands.view_focus.trigger()
    qtbot.waitUntil(lambda: editor.viewportMargins().left() == 0)


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


def test_the_panes_are_chosen_and_focus_mode_gives_back_the_choice(qtbot, window, env):
    a = window.commands
    assert QKeySequence("Ctrl+Shift+P") in a.view_preview.shortcuts()
    assert QKeySequence("Ctrl+Shift+B") in a.view_sidebar.shortcuts()
    assert a.view_preview.isChecked() and a.view_sidebar.isChecked()
    a.view_preview.trigger()  # hidden by choice
    assert not window.preview.isVisible() and window.sidebar.isVisible()
    assert env.settings.get("state/show_preview") is False
    a.view_focus.trigger()
    assert not window.sidebar.isVisible() and not window.preview.isVisible()
    assert not a.view_sidebar.isChecked()
    assert env.settings.get("state/show_sidebar") is True  # focus hid it; the choice stays
    a.view_focus.trigger()
    assert window.sidebar.isVisible() and not window.preview.isVisible()  # as chosen
    assert a.view_sidebar.isChecked() and not a.view_preview.isChecked()
    a.view_focus.trigger()
    a.view_preview.trigger()  # shown while in focus: a choice too
    assert window.preview.isVisible() and not window.sidebar.isVisible()
    a.view_focus.trigger()
    assert window.preview.isVisible() and window.sidebar.isVisible()
    a.view_sidebar.trigger()
    assert not window.sidebar.isVisible() and env.settings.get("state/show_sidebar") is False


@pytest.mark.web_view
def test_the_chosen_panes_are_remembered_across_starts(qtbot, window, env, journal_root):
    window.commands.view_sidebar.trigger()
    window.commands.view_focus.trigger()  # focus mode is not remembered; the choices are
    window.save_state()
    again = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: again.preview.ready, timeout=20000)
        assert not again.sidebar.isVisible() and again.preview.isVisible()
        assert not again.commands.view_sidebar.isChecked() and again.commands.view_preview.isChecked()
        assert not again.commands.view_focus.isChecked()
        again.commands.view_sidebar.trigger()
        qtbot.waitUntil(lambda: again.sidebar.width() > 100)  # (not squeezed to nothing)
    finally:
        close_window(again)


@pytest.mark.web_view
def test_full_screen_goes_back_to_the_state_before(qtbot, window, env, journal_root):
    a = window.commands
    assert QKeySequence("F11") in a.view_full_screen.shortcuts() and a.view_full_screen.isCheckable()
    a.view_full_screen.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert a.view_full_screen.isChecked()
    a.view_full_screen.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.isMaximized() and not a.view_full_screen.isChecked()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    a.view_full_screen.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.save_state()  # full screen is remembered across starts, and what it was before
    again = create_window(journal_root, env)
    try:
        qtbot.waitUntil(lambda: again.preview.ready, timeout=20000)
        qtbot.waitUntil(again.isFullScreen)
        assert again.commands.view_full_screen.isChecked()
        again.commands.view_full_screen.trigger()
        qtbot.waitUntil(again.isMaximized)
        assert not again.isFullScreen() and not again.commands.view_full_screen.isChecked()
    finally:
        close_window(again)
    window.showNormal()  # the window manager (here: a call) leaves full screen: the tick follows
    qtbot.waitUntil(lambda: not a.view_full_screen.isChecked())
