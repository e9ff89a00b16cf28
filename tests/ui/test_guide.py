"""Help → User Guide (F1): the guide in the interface's language, every key it names a real
shortcut of the window."""

from __future__ import annotations

import re

from journal_app.resources import resource_path
from journal_app.ui.actions import SPECS, key_sequences
from journal_app.ui.guide import GuideDialog, guide_html
from journal_app.ui.i18n import install_language, remove_language

KEYS = re.compile(
    r"(?<![\w+])((?:Ctrl|Shift|Alt)\+(?:(?:Ctrl|Shift|Alt)\+)*(?:[A-Za-z0-9]+\b|[,/`+=-]|\\`)|F\d{1,2}\b)"
)


EDITOR_KEYS = {"Shift+Tab"}  # the editor's own keys (outdent), not commands


def shortcuts() -> set[str]:
    return {
        sequence.toString()
        for _text, keys, _tip in SPECS.values()
        for key in keys
        for sequence in key_sequences(key)
    }


def test_every_key_the_guides_name_is_a_shortcut_of_the_window(qapp):
    known = shortcuts()
    for language in ("en", "ko"):
        text = resource_path(f"guide/{language}.md").read_text(encoding="utf-8")
        named = {key.replace("\\`", "`") for key in KEYS.findall(text)}
        assert named, language
        assert sorted(named - known - EDITOR_KEYS) == [], language


def test_f1_opens_the_guide_in_the_interfaces_language(qtbot, window):
    window.commands.help_guide.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    assert "Open a journal" in dialog.browser.toPlainText()
    dialog.close()
    install_language("ko")
    try:
        korean = GuideDialog(window)
        assert "저널 열기" in korean.browser.toPlainText()
        assert korean.windowTitle() == "사용 설명서"
        korean.deleteLater()
    finally:
        remove_language()


def test_a_guide_in_a_language_without_one_is_the_english():
    assert guide_html("de") == guide_html("en")


MENU_PATH = re.compile(r"\*\*([^*→]+?) → ([^*]+?)\*\*")


def menu_entries(window) -> set[tuple[str, str]]:
    def plain(text: str) -> str:
        return re.sub(r"\(&.\)", "", text).replace("&", "").strip()

    return {
        (plain(menu.text()), plain(action.text()))
        for menu in window.menuBar().actions()
        for action in menu.menu().actions()
        if not action.isSeparator()
    }


def test_every_menu_path_the_guides_name_is_in_the_menus(qtbot, journal_root, env):
    from journal_app.ui.app import create_window
    from tests.ui.conftest import close_window

    for language in ("en", "ko"):
        install_language(language)
        window = create_window(journal_root, env)
        try:
            text = resource_path(f"guide/{language}.md").read_text(encoding="utf-8")
            named = set(MENU_PATH.findall(text))
            assert len(named) >= 8, language
            assert sorted(named - menu_entries(window)) == [], language
        finally:
            close_window(window)
            remove_language()
