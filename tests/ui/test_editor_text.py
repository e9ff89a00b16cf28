"""``MarkdownEditor.text()`` follows the document edit by edit (its lines are read again only
where an edit reached) and is always what a whole copy of the document gives: random edits of
every kind (typing, deleting across lines, replacing, edit blocks, undo and redo, a new text,
Hangul, emoji outside the BMP, CRLF and paragraph separators) checked after each."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCursor

from journal_app.ui.editor import MarkdownEditor

PIECES = [
    "a",
    "한글",
    " ",
    "\n",
    "\n\n",
    "😀",
    "x😀y\n",
    "\r\n",
    "\u2029",
    "\u00a0",
    "# 제목\n",
    "- 목록\n",
    "```\n",
]


def whole(editor: MarkdownEditor) -> str:
    """The text as one copy of the whole document gives it (what ``text()`` must equal)."""
    return editor.document().toRawText().replace("\u2029", "\n")


def random_text(rng: random.Random, pieces: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(pieces))


def edit_once(editor: MarkdownEditor, rng: random.Random) -> None:
    document = editor.document()
    cursor = QTextCursor(document)
    end = document.characterCount() - 1
    here, there = sorted((rng.randint(0, end), rng.randint(0, end)))
    kind = rng.choice(["type", "type", "delete", "replace", "block", "undo", "redo", "new", "paste"])
    if kind == "type":
        cursor.setPosition(here)
        cursor.insertText(random_text(rng, rng.randint(1, 3)))
    elif kind in ("delete", "replace"):
        cursor.setPosition(here)
        cursor.setPosition(there, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(random_text(rng, rng.randint(1, 4)) if kind == "replace" else "")
    elif kind == "block":  # two edits apart, told of as one change
        cursor.beginEditBlock()
        cursor.setPosition(there)
        cursor.insertText(random_text(rng, 2))
        cursor.setPosition(here)
        cursor.deleteChar()
        cursor.endEditBlock()
    elif kind == "undo":
        document.undo()
    elif kind == "redo":
        document.redo()
    elif kind == "new" and rng.random() < 0.2:
        editor.set_text(random_text(rng, 40))
    else:
        editor.setTextCursor(cursor)
        editor.moveCursor(
            QTextCursor.MoveOperation.End if rng.random() < 0.5 else QTextCursor.MoveOperation.Start
        )
        editor.insertPlainText(random_text(rng, 5))


def test_the_text_followed_edit_by_edit_is_the_whole_document(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    for seed in range(8):
        rng = random.Random(seed)
        editor.set_text(random_text(rng, 60))
        assert editor.text() == whole(editor)
        for _ in range(100):
            edit_once(editor, rng)
            if rng.random() < 0.6:  # sometimes several edits come before the text is read
                assert editor.text() == whole(editor), seed
        assert editor.text() == whole(editor), seed


def test_text_read_inside_an_edit_block_is_the_text_so_far(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.set_text("첫 줄\n둘째 줄\n")
    assert editor.text() == "첫 줄\n둘째 줄\n"
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    cursor.insertText("앞에\n")
    assert editor.text() == "앞에\n첫 줄\n둘째 줄\n"  # Qt tells of the change only at the end
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("끝")
    cursor.endEditBlock()
    assert editor.text() == "앞에\n첫 줄\n둘째 줄\n끝" == whole(editor)
