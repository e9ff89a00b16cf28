"""Ctrl+B, Ctrl+I, Ctrl+` and Ctrl+K as toggles: the rules over text, then on a real editor
(UTF-16 positions, one undo step) and through the window's shortcuts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.formatting import toggle, toggle_link, toggled, toggled_link


def cut(marked: str) -> tuple[str, int, int]:
    """``"a [b] c"`` → text without the brackets and the selection they marked; ``|`` a cursor."""
    if "|" in marked:
        at = marked.index("|")
        return marked.replace("|", ""), at, at
    start = marked.index("[[")
    end = marked.index("]]") - 2
    return marked.replace("[[", "").replace("]]", ""), start, end


def mark(text: str, start: int, end: int) -> str:
    if start == end:
        return text[:start] + "|" + text[start:]
    return text[:start] + "[[" + text[start:end] + "]]" + text[end:]


@pytest.mark.parametrize(
    ("before", "marker", "after"),
    [
        ("a [[word]] b", "**", "a **[[word]]** b"),
        ("a **[[word]]** b", "**", "a [[word]] b"),  # marks outside the selection
        ("a [[**word**]] b", "**", "a [[word]] b"),  # marks inside it
        ("a [[word ]]b", "**", "a **[[word]]** b"),  # spaces at the ends stay outside
        ("a **[[word]]** b", "*", "a ***[[word]]*** b"),  # two stars are bold, not italic
        ("a ***[[word]]*** b", "*", "a **[[word]]** b"),
        ("a *[[word]]* b", "*", "a [[word]] b"),
        ("a [[x]] b", "`", "a `[[x]]` b"),
        ("a `[[x]]` b", "`", "a [[x]] b"),
        ("오늘은 맑|음 b", "**", "오늘은 **맑|음** b"),  # the word under the cursor
        ("오늘은 **맑|음** b", "**", "오늘은 맑|음 b"),
        ("a | b", "**", "a **|** b"),  # no word: an empty pair
        ("a **|** b", "**", "a | b"),  # and back
        ("a *|* b", "*", "a | b"),
    ],
)
def test_toggled(before, marker, after):
    assert mark(*toggled(*cut(before), marker)) == after


@pytest.mark.parametrize(
    ("before", "url", "after"),
    [
        ("see [[the docs]] now", "", "see [the docs]([[url]]) now"),
        ("see [[the docs]] now", "https://a.b/c", "see [the docs]([[https://a.b/c]]) now"),
        ("see [the [[docs]]](https://a.b) now", "", "see the [[docs]] now"),
        ("see [[[the docs](https://a.b)]] now", "", "see [[the docs]] now"),
        ("see [the d|ocs](https://a.b) now", "", "see the d|ocs now"),
        ("see wo|rd now", "", "see [word]([[url]]) now"),
        ("see | now", "https://a.b", "see [|](https://a.b) now"),
        ("see [[https://a.b]] now", "", "see [|](https://a.b) now"),
    ],
)
def test_toggled_link(before, url, after):
    assert mark(*toggled_link(*cut(before), url)) == after


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab 한글*`😀\n", max_size=20),
    st.integers(0, 20),
    st.integers(0, 20),
    st.sampled_from(["**", "*", "`"]),
)
def test_toggling_twice_gives_the_text_back(text, one, two, marker):
    """On a selection of a word (no marks, no spaces at its ends), twice is no change."""
    start, end = sorted((min(one, len(text)), min(two, len(text))))
    chosen = text[start:end]
    if not chosen or any(c in chosen for c in "*` \n") or text[start - 1 : start] in ("*", "`"):
        return
    if text[end : end + 1] in ("*", "`"):
        return
    once = toggled(text, start, end, marker)
    assert once[0][once[1] : once[2]] == chosen
    assert toggled(*once, marker) == (text, start, end)


def editor_with(qtbot, text: str) -> MarkdownEditor:
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text(text)
    return editor


def select(editor: MarkdownEditor, start: int, end: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def test_on_an_emoji_line_in_utf16_units_one_undo_step(qtbot):
    editor = editor_with(qtbot, "# 📌 짧게 쓰기\n둘째 😀 줄 push\n")
    text = editor.document().toPlainText()
    start = text.index("push") + 2  # code points; two emoji before it: +2 UTF-16 units
    cursor = select(editor, start, start + 4)
    assert cursor.selectedText() == "push"
    toggle(cursor, "**")
    assert editor.toPlainText() == "# 📌 짧게 쓰기\n둘째 😀 줄 **push**\n"
    assert cursor.selectedText() == "push"
    toggle(cursor, "`")
    assert editor.toPlainText().endswith("**`push`**\n")
    editor.undo()
    assert editor.toPlainText() == "# 📌 짧게 쓰기\n둘째 😀 줄 **push**\n"
    editor.undo()
    assert editor.toPlainText() == "# 📌 짧게 쓰기\n둘째 😀 줄 push\n"


def test_link_over_lines_and_back(qtbot):
    editor = editor_with(qtbot, "one\ntwo\n")
    cursor = select(editor, 0, 7)
    toggle_link(cursor, "https://a.b")
    assert editor.toPlainText() == "[one\ntwo](https://a.b)\n"
    assert cursor.selectedText() == "https://a.b"
    cursor = select(editor, 0, len("[one\ntwo](https://a.b)"))
    toggle_link(cursor)
    assert editor.toPlainText() == "one\ntwo\n"
    editor.undo()
    editor.undo()
    assert editor.toPlainText() == "one\ntwo\n"


def test_window_shortcuts_toggle(qtbot, window):
    window.open_post(window.journal.posts[0].path)
    editor = window.editor
    editor.set_text("오늘 push 했다\n")
    editor.setTextCursor(select(editor, 3, 7))
    editor.setFocus()
    mime = QMimeData()
    mime.setText("https://example.org/x")
    QApplication.clipboard().setMimeData(mime)
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "오늘 [push](https://example.org/x) 했다\n"
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "오늘 push 했다\n"
    qtbot.keyClick(editor, Qt.Key.Key_QuoteLeft, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "오늘 `push` 했다\n"
    qtbot.keyClick(editor, Qt.Key.Key_QuoteLeft, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "오늘 ***push*** 했다\n"
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == "오늘 *push* 했다\n"
