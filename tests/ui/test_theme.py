"""Light and dark: the window's palette, the editor's highlighting, the code in fences and the
preview page switch together, and back."""

from __future__ import annotations

import pytest

from pygments.token import Keyword
from PySide6.QtGui import QPalette

from journal_app.ui import highlighter
from journal_app.ui.preferences import show_preferences
from tests.ui.conftest import wait_for_page

BACKGROUND = "getComputedStyle(document.body).backgroundColor"
DARK_PAGE, LIGHT_PAGE = "rgb(13, 17, 23)", "rgb(255, 255, 255)"


def heading_color() -> str:
    return highlighter.FORMATS["heading"].foreground().color().name()


def choose(dialog, theme: str) -> None:
    dialog.theme.setCurrentIndex(dialog.theme.findData(theme))


@pytest.mark.web_view
def test_switching_to_dark_and_back(qtbot, window, env):
    base = QPalette.ColorRole.Base
    light_base = window.editor.palette().color(base).lightness()
    assert light_base > 128  # the test platform is light
    light_keyword = highlighter.code_format(Keyword).foreground().color().name()
    wait_for_page(qtbot, window, BACKGROUND, lambda color: color == LIGHT_PAGE)
    dialog = show_preferences(window)
    try:
        choose(dialog, "dark")
        assert env.settings.get("preferences/theme") == "dark"
        qtbot.waitUntil(lambda: window.editor.palette().color(base).lightness() < 64)  # (posted)
        assert heading_color() == highlighter.DARK_COLORS["heading"][0]
        assert highlighter.code_format(Keyword).foreground().color().name() != light_keyword
        wait_for_page(qtbot, window, BACKGROUND, lambda color: color == DARK_PAGE)
        text = window.editor.palette().color(QPalette.ColorRole.Text)
        assert text.lightness() > 160  # light text on the dark editor
    finally:
        choose(dialog, "system")
        dialog.close()
    qtbot.waitUntil(lambda: window.editor.palette().color(base).lightness() == light_base)
    assert heading_color() == highlighter.LIGHT_COLORS["heading"][0]
    wait_for_page(qtbot, window, BACKGROUND, lambda color: color == LIGHT_PAGE)


def test_a_window_opens_in_the_chosen_theme(qtbot, journal_root, env, delays):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    env.settings.set("preferences/theme", "dark")
    dark = create_window(journal_root, env, delays)
    try:
        qtbot.waitUntil(lambda: dark.preview.ready, timeout=20000)
        wait_for_page(qtbot, dark, BACKGROUND, lambda color: color == DARK_PAGE)
        qtbot.waitUntil(lambda: dark.editor.palette().color(QPalette.ColorRole.Base).lightness() < 64)
    finally:
        env.settings.set("preferences/theme", "system")
        dark.theme.apply()  # the application's palette is shared: leave it light for the next test
        close_window(dark)
