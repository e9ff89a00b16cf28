"""What a keystroke sets going, and what it does not: only an edit of the text reaches the post
(and so the preview, the counts and the recovery file); a syllable still being composed, or the
highlighter giving lines their formats, changes no text and starts nothing. The editor's text is
copied from the document once per edit, and always the text as it stands."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from journal_app.ui.editor import SHOWN_MARGIN
from journal_app.ui.highlighter import PENDING
from tests.ui.conftest import type_text
from tests.ui.documents import FAST, POST

PAUSE_MS = 10 * FAST.sync_ms  # long enough for a sync to have come, were one started


def opened(qtbot, made, tmp_path, text: str = POST):
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    document, _ = made()
    assert document.open(path)
    last = document.editor.document().lastBlock()
    qtbot.waitUntil(lambda: last.userState() >= 0)  # the highlighter's first pass, after opening
    changes: list[str] = []
    document.changed.connect(lambda post: changes.append(post.body))
    relayed: list[bool] = []
    document.editor.contents.changed.connect(lambda: relayed.append(True))
    return document, changes, relayed


def test_a_syllable_being_composed_starts_no_sync(qtbot, made, tmp_path):
    document, changes, relayed = opened(qtbot, made, tmp_path)
    editor = document.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "안녕")
    qtbot.waitUntil(lambda: bool(changes) and changes[-1].endswith("안녕"))
    changes.clear(), relayed.clear()
    for preedit in ("ㅎ", "하", "한"):  # as a Korean input method sends them
        QApplication.sendEvent(editor, QInputMethodEvent(preedit, []))
        qtbot.wait(PAUSE_MS)
    assert changes == [] and relayed == []
    commit = QInputMethodEvent()
    commit.setCommitString("한")
    QApplication.sendEvent(editor, commit)
    qtbot.waitUntil(lambda: changes == [document.post.body])
    assert changes[0].endswith("안녕한") and relayed == [True]


def test_the_highlighter_formatting_lines_starts_no_sync(qtbot, made, tmp_path):
    """Qt says the document changed for every line the highlighter formats (here the lines of a
    view scrolled to, not highlighted yet): no text changed."""
    lines = "".join(f"**굵게** 줄 {n}과 `코드`\n" for n in range(1200))
    document, changes, relayed = opened(qtbot, made, tmp_path, f"---\ntitle: 긴 글\n---\n{lines}")
    editor = document.editor
    editor.resize(600, 400)
    editor.show()
    text = editor.document()
    block = text.findBlockByNumber(800)
    assert block.userState() & PENDING
    editor.setTextCursor(QTextCursor(block))
    editor.centerCursor()
    first = editor.firstVisibleBlock().blockNumber()
    margin = [text.findBlockByNumber(n) for n in range(first - SHOWN_MARGIN, first + SHOWN_MARGIN)]
    qtbot.waitUntil(lambda: not any(line.userState() & PENDING for line in margin))
    qtbot.wait(PAUSE_MS)
    assert changes == [] and relayed == []


def test_lines_scrolled_to_are_highlighted_and_the_margin_follows(qtbot, made, tmp_path):
    """The lines in view first, then those around them (``SHOWN_MARGIN``) a slice at a time."""
    lines = "".join(f"**굵게** 줄 {n}과 `코드`\n" for n in range(1200))
    document, _, _ = opened(qtbot, made, tmp_path, f"---\ntitle: 긴 글\n---\n{lines}")
    editor = document.editor
    editor.resize(600, 400)
    editor.show()
    text = editor.document()

    def highlighted(number: int) -> bool:
        block = text.findBlockByNumber(number)
        return not block.userState() & PENDING and bool(block.layout().formats())

    assert not highlighted(800)  # far from the lines shown when the post opened
    editor.setTextCursor(QTextCursor(text.findBlockByNumber(800)))
    editor.centerCursor()
    qtbot.waitUntil(lambda: highlighted(800))
    first = editor.firstVisibleBlock().blockNumber()
    margin = range(first - SHOWN_MARGIN, first + SHOWN_MARGIN)
    qtbot.waitUntil(lambda: all(highlighted(number) for number in margin))
    assert not highlighted(first - 2 * SHOWN_MARGIN - 50)


def test_the_text_is_the_documents_inside_an_edit_block_too(qtbot, made, tmp_path):
    """Qt tells of an edit only when its edit block ends: the copy kept follows the document."""
    document, _, _ = opened(qtbot, made, tmp_path)
    editor = document.editor
    assert editor.text() == POST
    cursor = QTextCursor(editor.document())
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.beginEditBlock()
    cursor.insertText("끝")
    assert editor.text() == POST + "끝"
    cursor.insertText("!")
    assert editor.text() == POST + "끝!"
    cursor.endEditBlock()
    editor.document().undo()
    assert editor.text() == POST
