"""The window's texts reach Qt's translation: with a translator for a few of them installed, the
window shows them in Korean (a tiny .ts compiled here with PySide6's lrelease)."""

from __future__ import annotations

import pytest

from tests.ui.translating import compiled_translator

KOREAN = {  # (context, source): translation
    ("Actions", "&File"): "파일(&F)",
    ("Actions", "&Save"): "저장(&S)",
    ("Actions", "Save the post"): "글을 저장합니다",
}


@pytest.fixture
def korean(tmp_path):
    """A translator for ``KOREAN`` installed while the test runs, removed afterwards."""
    with compiled_translator(tmp_path, KOREAN) as translator:
        yield translator


@pytest.fixture
def window(korean, window):
    """The window of conftest, built while the translator is installed."""
    return window


def test_menus_and_actions_show_the_installed_translation(window) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[0] == "파일(&F)"
    assert "&Edit" in titles  # a text the translator does not hold stays English
    assert window.commands.file_save.text() == "저장(&S)"
    assert window.commands.file_save.statusTip() == "글을 저장합니다"
