"""List editing in the real editor: Enter continues items and quotes and ends a list on an
empty item, Tab and Shift+Tab indent by the list's own width in spaces; each is one undo step.
Hangul is typed key by key, as an input method commits it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from journal_app.ui.editor import MarkdownEditor
from tests.ui.conftest import type_text


@pytest.fixture
def editor(qtbot):
    created = MarkdownEditor()
    qtbot.addWidget(created)
    created.show()
    return created


def at_end(editor, text: str = "") -> None:
    editor.set_text(text)
    editor.moveCursor(QTextCursor.MoveOperation.End)


def tab(qtbot, editor, shift: bool = False) -> None:
    if shift:
        qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    ("first", "typed", "expected"),
    [
        ("- 하나", "\n둘", "- 하나\n- 둘"),
        ("* 하나", "\n둘", "* 하나\n* 둘"),
        ("+ 하나", "\n둘", "+ 하나\n+ 둘"),
        ("9. 아홉", "\n열", "9. 아홉\n10. 열"),
        ("1) 첫째", "\n둘째", "1) 첫째\n2) 둘째"),
        ("- [x] 끝낸 일", "\n할 일", "- [x] 끝낸 일\n- [ ] 할 일"),
        ("> 인용 📌", "\n이어서", "> 인용 📌\n> 이어서"),
        ("  - 안쪽", "\n다음", "  - 안쪽\n  - 다음"),
        ("> - 인용 속 목록", "\n다음", "> - 인용 속 목록\n> - 다음"),
    ],
)
def test_enter_continues_the_item(editor, first, typed, expected):
    at_end(editor, first)
    type_text(editor, typed)
    assert editor.text() == expected


@pytest.mark.parametrize(
    ("first", "expected"),
    [("- 하나\n- ", "- 하나\n"), ("1. 하나\n2. ", "1. 하나\n"), ("- [ ] 일\n- [ ] ", "- [ ] 일\n")],
)
def test_enter_on_an_empty_item_ends_the_list(editor, first, expected):
    at_end(editor, first)
    type_text(editor, "\n")  # the marker goes; the line stays, for the paragraph after the list
    assert editor.text() == expected
    type_text(editor, "\n문단")
    assert editor.text() == expected + "\n문단"


def test_enter_in_an_empty_quote_line_ends_the_quote(editor):
    at_end(editor, "> 인용\n> ")
    type_text(editor, "\n본문")
    assert editor.text() == "> 인용\n본문"


def test_enter_mid_item_splits_it_and_numbers_after_it_move_on(editor):
    editor.set_text("1. 하나둘\n2. 셋\n   계속\n3. 넷\n\n다른 문단 4. 아님")
    cursor = editor.textCursor()
    cursor.setPosition(len("1. 하나"))
    editor.setTextCursor(cursor)
    type_text(editor, "\n")
    assert editor.text() == "1. 하나\n2. 둘\n3. 셋\n   계속\n4. 넷\n\n다른 문단 4. 아님"


def test_enter_outside_a_list_and_in_a_fence_is_a_plain_line_break(editor):
    at_end(editor, "보통 문단")
    type_text(editor, "\n")
    assert editor.text() == "보통 문단\n"
    at_end(editor, "```\n- 코드")
    type_text(editor, "\n")
    assert editor.text() == "```\n- 코드\n"
    at_end(editor, "* * *")  # a thematic break
    type_text(editor, "\n")
    assert editor.text() == "* * *\n"


def test_each_list_action_is_one_undo_step(qtbot, editor):
    at_end(editor, "")
    type_text(editor, "- 하나")
    type_text(editor, "\n")
    assert editor.text() == "- 하나\n- "
    editor.undo()
    assert editor.text() == "- 하나"
    type_text(editor, "\n")
    tab(qtbot, editor)
    assert editor.text() == "- 하나\n  - "
    editor.undo()
    assert editor.text() == "- 하나\n- "


def test_tab_indents_an_item_by_the_content_column_of_the_item_above(qtbot, editor):
    at_end(editor, "- 하나\n- 둘")
    tab(qtbot, editor)
    assert editor.text() == "- 하나\n  - 둘"
    tab(qtbot, editor, shift=True)
    assert editor.text() == "- 하나\n- 둘"
    at_end(editor, "1. 하나\n2. 둘")
    tab(qtbot, editor)
    assert editor.text() == "1. 하나\n   2. 둘"
    at_end(editor, "-   넓게\n-   둘")
    tab(qtbot, editor)
    assert editor.text() == "-   넓게\n    -   둘"
    at_end(editor, "> - 인용\n> - 둘")
    tab(qtbot, editor)
    assert editor.text() == "> - 인용\n>   - 둘"


def test_tab_on_selected_lines_indents_them_all_and_keeps_them_selected(qtbot, editor):
    editor.set_text("- 하나\n- 둘\n- 셋\n끝")
    cursor = editor.textCursor()
    cursor.setPosition(len("- 하나\n"))
    cursor.setPosition(len("- 하나\n- 둘\n- 셋\n"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    tab(qtbot, editor)
    assert editor.text() == "- 하나\n  - 둘\n  - 셋\n끝"
    assert editor.textCursor().selectedText() == "  - 둘\u2029  - 셋"
    tab(qtbot, editor, shift=True)
    assert editor.text() == "- 하나\n- 둘\n- 셋\n끝"


def test_tab_never_inserts_a_tab_character(qtbot, editor):
    at_end(editor, "문단")
    tab(qtbot, editor)
    assert editor.text() == "문단  "  # to the next stop of four columns
    at_end(editor, "\t들여쓴 줄")
    tab(qtbot, editor, shift=True)
    assert editor.text() == "들여쓴 줄"
    assert "\t" not in editor.text()


def test_tab_in_a_fence_inserts_the_fences_indentation(qtbot, editor):
    at_end(editor, "```python\ndef f():\n  return 1\n")
    tab(qtbot, editor)
    assert editor.text() == "```python\ndef f():\n  return 1\n  "
    at_end(editor, "```\nx\n")
    tab(qtbot, editor)
    assert editor.text() == "```\nx\n    "
