"""The outline panel in the window: the post's headings as a tree (not a fence's # lines), as
they are typed, the cursor's section as the current row, a click moving the editor there."""

from __future__ import annotations

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QTreeWidget

from tests.ui.conftest import type_text

POST = (
    "---\ntitle: 개요\n---\n# 📌 첫째 **장**\n\n글.\n\n```python\n# 주석\n```\n\n## 둘째 절\n\n"
    + "본문 줄.\n\n" * 80
    + "# 셋째 장\n\n끝.\n"
    + "뒷글.\n\n" * 60
)


def rows(tree: QTreeWidget) -> list[str]:
    found = []

    def walk(item, depth):
        found.append("  " * depth + item.text(0))
        for n in range(item.childCount()):
            walk(item.child(n), depth + 1)

    for n in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(n), 0)
    return found


def test_outline_follows_typing_and_moves_the_editor(qtbot, window, journal_root):
    post = journal_root / "content" / "개요.md"
    post.write_text(POST, encoding="utf-8")
    window.sidebar.apply([post])
    window.journal.refresh(post)
    assert window.open_post(post)
    panel = window.findChild(QDockWidget, "outlinePanel")
    assert panel is window.outline and panel.isHidden()
    window.commands.view_outline.trigger()  # View → Outline
    assert panel.isVisible() and window.commands.view_outline.isChecked()
    tree = panel.tree
    qtbot.waitUntil(lambda: rows(tree) == ["📌 첫째 장", "  둘째 절", "셋째 장"])

    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\n## 넷째 😀 절")
    qtbot.waitUntil(lambda: rows(tree) == ["📌 첫째 장", "  둘째 절", "셋째 장", "  넷째 😀 절"])
    assert tree.currentItem().text(0) == "넷째 😀 절"  # the cursor's section

    target = tree.topLevelItem(0).child(0)
    tree.itemClicked.emit(target, 0)
    line = editor.toPlainText().split("\n").index("## 둘째 절")
    assert editor.textCursor().blockNumber() == line
    assert editor.firstVisibleBlock().blockNumber() == line  # at the top of the editor
    assert tree.currentItem() is target
    tree.itemClicked.emit(tree.topLevelItem(1), 0)  # downwards too: at the top, not the bottom
    line = editor.toPlainText().split("\n").index("# 셋째 장")
    assert editor.firstVisibleBlock().blockNumber() == line

    window.commands.view_outline.trigger()
    assert panel.isHidden()


def test_the_outline_of_a_velog_post(qtbot, window, journal_root):
    window.outline.show()
    assert window.open_post(journal_root / "content" / "파이썬 asyncio 정리.md")
    window.outline.refresh_now()
    texts = [heading.text for heading in window.outline.headings()]
    lines = window.editor.toPlainText().split("\n")
    assert texts and all(lines[h.line].lstrip("#").strip() for h in window.outline.headings())
    assert not any(text.startswith("#") for text in texts)


def test_outline_shortcut(window):
    assert window.commands.view_outline.shortcut().toString() == "Ctrl+Shift+O"
    assert window.commands.view_outline.isCheckable()
    assert Qt.DockWidgetArea.RightDockWidgetArea == window.dockWidgetArea(window.outline)


@pytest.mark.web_view
def test_a_click_in_the_outline_moves_the_preview_there_too(qtbot, window, journal_root):
    from tests.ui.conftest import page_value, wait_for_page

    post = journal_root / "content" / "개요.md"
    post.write_text(POST, encoding="utf-8")
    window.journal.refresh(post)
    assert window.open_post(post)
    window.resize(1200, 600)
    wait_for_page(qtbot, window, "document.body.innerText", lambda text: "셋째 장" in (text or ""))
    window.commands.view_outline.trigger()
    tree = window.outline.tree
    qtbot.waitUntil(lambda: rows(tree) == ["📌 첫째 장", "  둘째 절", "셋째 장"])
    line = window.editor.toPlainText().split("\n").index("# 셋째 장") + 1  # the file's line
    top = f"document.querySelector('[data-line=\"{line}\"]').getBoundingClientRect().top"
    assert page_value(qtbot, window, top) > 600  # below the page's view at first
    tree.itemClicked.emit(tree.topLevelItem(1), 0)
    wait_for_page(qtbot, window, top, lambda value: value is not None and abs(value) <= 60)
