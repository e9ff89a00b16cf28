"""Korean counts in the real window: the status line (post and selection) and View → Statistics,
with numbers counted by hand; a long post is counted off the GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog

from journal_app.ui.counting import SYNC_LIMIT
from journal_app.ui.statistics import ROWS

# prose "제주 바다를 보러 갔다." and "정말 좋았다!": 6 어절; 13 + 7 characters and a line break = 21,
# 16 without spaces; NEIS bytes 31 + 17 + 2 = 50; 2 rows of 원고지, 1 sheet; the heading mark,
# the link's address and the code block are not counted
POST = (
    "---\ntitle: 제주\n---\n# 제주 바다를 보러 갔다.\n\n[정말](https://a.kr) 좋았다!\n\n```\n코드 줄\n```\n"
)


def write(journal_root, name: str, text: str):
    path = journal_root / "content" / name
    path.write_text(text, encoding="utf-8")
    return path


def select(window, start: int, end: int) -> None:
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)


def table(dialog) -> dict[str, tuple[str, str]]:
    cells = dialog.table
    return {ROWS[row]: (cells.item(row, 0).text(), cells.item(row, 1).text()) for row in range(len(ROWS))}


def test_the_status_line_counts_the_post_and_the_selection(qtbot, window, journal_root):
    assert window.open_post(write(journal_root, "제주.md", POST))
    assert window.words_label.text() == "6 words · 21 characters (16 without spaces) · 1 min read"
    start = window.editor.text().index("바다를")
    select(window, start, start + len("바다를 보러"))  # 2 어절, 6 characters
    qtbot.waitUntil(lambda: "selected" in window.words_label.text())
    assert window.words_label.text().endswith(" · selected: 2 words · 6 characters")
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.waitUntil(lambda: "selected" not in window.words_label.text())


def test_the_statistics_dialog_lists_every_count(qtbot, window, journal_root):
    assert window.open_post(write(journal_root, "제주.md", POST))
    code = window.editor.text().index("코드")
    select(window, window.editor.text().index("좋았다"), code + 2)  # "좋았다!" and code
    window.commands.view_statistics.trigger()
    dialog = window.findChild(QDialog, "statisticsDialog")
    assert dialog is not None and dialog.isVisible()
    assert table(dialog) == {
        ROWS[0]: ("21", "4"),
        ROWS[1]: ("16", "4"),
        ROWS[2]: ("6", "1"),
        ROWS[3]: ("0", "0"),
        ROWS[4]: ("1 (2 rows)", "1 (1 rows)"),
        ROWS[5]: ("50", "10"),
        ROWS[6]: ("1 min", "1 min"),
    }
    assert "not counted" in dialog.note.text()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.waitUntil(lambda: table(dialog)[ROWS[0]] == ("21", "—"))  # it follows the selection
    window.commands.view_statistics.trigger()
    assert window.findChildren(QDialog, "statisticsDialog") == [dialog]
    dialog.close()


def test_a_long_post_is_counted_off_the_gui_thread(qtbot, window, journal_root):
    paragraphs = SYNC_LIMIT // 9 + 1
    text = "---\ntitle: 긴 글\n---\n" + "긴 문단 하나.\n" * paragraphs  # 8 characters a line
    assert len(text) > SYNC_LIMIT and window.open_post(write(journal_root, "긴 글.md", text))
    expected = f"{3 * paragraphs:,} words · {9 * paragraphs - 1:,} characters"
    # the answer comes from the worker thread through the event loop, which has not run yet
    assert not window.words_label.text().startswith(expected)
    qtbot.waitUntil(lambda: window.words_label.text().startswith(expected))
