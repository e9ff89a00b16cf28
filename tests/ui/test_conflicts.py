"""The open post changed on disk: reload when untouched, ask when edited, write nothing unasked."""

from __future__ import annotations

import pytest

from tests.ui.conftest import answer_dialog, type_text

# the preview's page loads while each test runs (tests/ui/conftest.py)
pytestmark = pytest.mark.page_loads_meanwhile


def button(box, text):
    return next(item for item in box.buttons() if item.text() == text)


def open_retro(window):
    path = window.journal.root / "content" / "2024년 회고.md"
    window.open_post(path)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    return path


def test_unmodified_buffer_reloads_silently(qtbot, window):
    path = open_retro(window)
    path.write_text(path.read_text(encoding="utf-8") + "\n밖에서 추가\n", encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.toPlainText().endswith("밖에서 추가\n"), timeout=10000)
    assert not window.editor.document().isModified()


def test_modified_buffer_asks_and_take_theirs(qtbot, window):
    path = open_retro(window)
    type_text(window.editor, "내 편집 ")
    disk = path.read_text(encoding="utf-8") + "\n그들의 편집\n"
    seen = []

    def compare_then_take(box):
        seen.append(box.objectName())

        def close_difference(dialog):
            seen.append(dialog.objectName())
            dialog.reject()
            answer_dialog(lambda again: button(again, "Take Theirs").click())

        answer_dialog(close_difference)
        button(box, "Compare…").click()

    answer_dialog(compare_then_take)
    path.write_text(disk, encoding="utf-8")
    qtbot.waitUntil(lambda: window.editor.toPlainText() == disk, timeout=10000)
    assert seen == ["conflictDialog", "differenceDialog"]
    assert path.read_text(encoding="utf-8") == disk


def test_modified_buffer_keep_mine(qtbot, window):
    path = open_retro(window)
    type_text(window.editor, "내 편집 ")
    mine = window.editor.toPlainText()
    answer_dialog(lambda box: button(box, "Keep Mine").click())
    path.write_text("완전히 다른 내용\n", encoding="utf-8")
    qtbot.waitUntil(lambda: "내 편집" in path.read_text(encoding="utf-8"), timeout=10000)
    assert path.read_text(encoding="utf-8").startswith('---\ntitle: "2024년 회고"')
    assert window.editor.toPlainText() == mine


def test_cancel_writes_nothing_and_save_asks_again(qtbot, window):
    path = open_retro(window)
    type_text(window.editor, "내 편집 ")
    asked = []
    answer_dialog(lambda box: (asked.append(box.objectName()), box.button(box.StandardButton.Cancel).click()))
    path.write_text("다른 프로그램\n", encoding="utf-8")
    qtbot.waitUntil(lambda: asked == ["conflictDialog"], timeout=10000)
    assert path.read_text(encoding="utf-8") == "다른 프로그램\n"
    answer_dialog(lambda box: box.button(box.StandardButton.Cancel).click())
    assert not window.document.save()
    assert path.read_text(encoding="utf-8") == "다른 프로그램\n"
    assert window.editor.document().isModified()


def test_deleted_on_disk_keeps_text_and_save_recreates(qtbot, window):
    path = open_retro(window)
    type_text(window.editor, "지워져도 ")
    path.unlink()
    qtbot.waitUntil(lambda: "deleted or moved" in window.statusBar().currentMessage(), timeout=10000)
    assert "지워져도" in window.editor.toPlainText()
    assert window.document.save()
    assert "지워져도" in path.read_text(encoding="utf-8")
