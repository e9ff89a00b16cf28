"""The compare dialog of a conflict: its sides named "On disk" and "Your unsaved text", removed
lines red and added ones green, the texts shown literally (plain text, never markup)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit

from journal_app.core.recovery import describe_difference
from journal_app.ui.prompts import DialogPrompts
from tests.ui.conftest import answer_dialog


def button(box, text):
    return next(item for item in box.buttons() if item.text() == text)


def blocks(view: QPlainTextEdit):
    block = view.document().firstBlock()
    while block.isValid():
        yield block.text(), block.blockFormat().background().color()
        block = block.next()


def test_compare_names_the_sides_and_colours_the_lines(qtbot, window):
    seen = {}

    def compare(box):
        def read(dialog):
            seen["title"] = dialog.windowTitle()
            view = dialog.findChild(QPlainTextEdit, "differenceView")
            seen["text"] = view.toPlainText()
            seen["blocks"] = list(blocks(view))
            dialog.reject()
            answer_dialog(lambda again: again.reject())  # then decide later

        answer_dialog(read)
        button(box, "Compare…").click()

    answer_dialog(compare)
    theirs = "첫 줄\n<h1>디스크</h1>\n끝\n"
    mine = "첫 줄\n<b>내 글</b>\n끝\n"
    assert DialogPrompts(window).ask_conflict(Path("글.md"), theirs, mine) is None
    assert "On disk" in seen["title"] and "Your unsaved text" in seen["title"]
    lines = seen["text"].splitlines()
    assert lines[:2] == ["--- On disk", "+++ Your unsaved text"]
    assert "-<h1>디스크</h1>" in lines and "+<b>내 글</b>" in lines  # literally
    shade = dict(seen["blocks"])
    removed, added, same = shade["-<h1>디스크</h1>"], shade["+<b>내 글</b>"], shade[" 첫 줄"]
    assert removed.red() > removed.green() and added.green() > added.red()
    assert same not in (removed, added)


def test_the_recovery_details_name_the_sides(tmp_path):
    text = describe_difference("디스크\n", "복구\n", tmp_path / "a.md")
    assert text.splitlines()[:2] == ["--- On disk", "+++ Recovered"]
