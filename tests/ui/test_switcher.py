"""The quick switcher on the real window: Ctrl+P, titles filtered as you type (초성 too), Up,
Down, Enter and Escape."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget

from tests.ui.conftest import type_text

POSTS = {
    "ssafy-review.md": ("싸피 수료 후기", "2023-06-30"),
    "ssafy-diary.md": ("나의 싸피 일기", "2023-01-02"),
    "sapi.md": ("사피엔스 읽고", "2022-05-05"),
    "hugo.md": ("Hugo로 블로그 이사", "2022-01-01"),
}


@pytest.fixture
def titled(journal_root):  # (named before ``window`` in a test: written before it opens)
    for name, (title, date) in POSTS.items():
        (journal_root / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n본문\n", encoding="utf-8")
    return journal_root


def open_switcher(qtbot, window):
    window.activateWindow()
    window.commands.edit_switcher.trigger()
    popup = window.findChild(type(window.switcher), "quickSwitcher")
    qtbot.waitUntil(popup.isVisible)
    return (
        popup,
        popup.findChild(QLineEdit, "quickSwitcherField"),
        popup.findChild(QListWidget, "quickSwitcherList"),
    )


def test_ctrl_p_lists_every_post(qtbot, titled, window):
    assert window.commands.edit_switcher.shortcut() == QKeySequence("Ctrl+P")
    popup, field, listed = open_switcher(qtbot, window)
    assert QApplication.focusWidget() is field
    assert listed.count() == len([info for info in window.journal.posts if info.readable])


def test_initial_consonants_and_mixed_queries(qtbot, titled, window):
    popup, field, _ = open_switcher(qtbot, window)
    type_text(field, "ㅅㅍ")
    assert popup.titles()[:2] == ["싸피 수료 후기", "사피엔스 읽고"]  # titles starting with it first
    assert "나의 싸피 일기" in popup.titles()
    field.clear()
    type_text(field, "싸ㅍ")
    assert sorted(popup.titles()) == ["나의 싸피 일기", "싸피 수료 후기"]
    field.clear()
    type_text(field, "ㅆㅍ ㅎㄱ")
    assert popup.titles() == ["싸피 수료 후기"]
    field.clear()
    type_text(field, "hUGO 이사")
    assert popup.titles() == ["Hugo로 블로그 이사"]


def test_down_and_enter_open_the_post_escape_closes(qtbot, titled, window):
    popup, field, listed = open_switcher(qtbot, window)
    type_text(field, "싸피")
    assert popup.titles() == ["싸피 수료 후기", "나의 싸피 일기"]
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert listed.currentRow() == 1
    qtbot.keyClick(field, Qt.Key.Key_Down)  # stays on the last row
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert window.document.post is not None and window.document.post.path == titled / "ssafy-diary.md"
    popup, field, listed = open_switcher(qtbot, window)
    assert field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert window.document.post.path == titled / "ssafy-diary.md"
