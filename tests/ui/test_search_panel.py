"""The search panel on the real window, over real files: Ctrl+Shift+F, results as you type,
opening a result with the match selected, and the index following saves and the file watch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QComboBox

from journal_app.ui.app import create_window
from journal_app.ui.search_panel import RESULT_ROLE, whole_lines_height
from tests.ui.conftest import type_text

pytestmark = pytest.mark.page_loads_meanwhile

STARTUP = (
    '---\ntitle: "스타트업 일 년"\ndate: 2021-10-03T00:00:00.000Z\ntags: ["일상"]\n---\n'
    "# 첫 해\n\n돌아보면 **스타트업에서** 배운 것이 많다.\n"
)


@pytest.fixture
def startup_post(journal_root):  # (named before ``window`` in a test: written before it opens)
    path = journal_root / "content" / "스타트업 일 년.md"
    path.write_text(STARTUP, encoding="utf-8")
    return path


def panel_of(qtbot, window):
    panel = window.findChild(type(window.search), "searchPanel")
    qtbot.waitUntil(lambda: panel.ready, timeout=20000)  # the background build finished
    return panel


def shown(qtbot, panel):
    """The paths of the results, once the answer to the latest query is shown."""
    qtbot.waitUntil(lambda: panel.shown_generation == panel.generation, timeout=10000)
    results = panel.findChild(type(panel.list), "searchResults")
    return [results.item(row).data(RESULT_ROLE).path.name for row in range(results.count())]


def search(qtbot, panel, text):
    panel.field.clear()
    type_text(panel.field, text)  # key by key, as typed: a query per key
    return shown(qtbot, panel)


def test_ctrl_shift_f_opens_the_panel_with_its_field_focused(qtbot, startup_post, window):
    assert window.commands.edit_search.shortcut() == QKeySequence("Ctrl+Shift+F")
    panel = panel_of(qtbot, window)
    assert not panel.isVisible()
    window.activateWindow()
    qtbot.keyClick(
        window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(panel.isVisible)
    assert QApplication.focusWidget() is panel.field and panel.field.objectName() == "searchField"


def test_one_two_syllables_particles_and_filters(qtbot, startup_post, window):
    panel = panel_of(qtbot, window)
    window.search.open_panel()
    assert startup_post.name in search(qtbot, panel, "스타트업에")
    assert startup_post.name in search(qtbot, panel, "돌")
    assert "제주도 여행 후기.md" in search(qtbot, panel, "후")
    assert "제주도 여행 후기.md" in search(qtbot, panel, "후기")
    assert search(qtbot, panel, "스타트업에 tag:일상 year:2021") == [startup_post.name]
    assert search(qtbot, panel, "스타트업에 year:2020") == []
    assert panel.note.text() == "Nothing matched."


def test_enter_opens_the_post_with_the_match_selected(qtbot, startup_post, window):
    panel = panel_of(qtbot, window)
    window.search.open_panel()
    assert search(qtbot, panel, '"배운 것"') == [startup_post.name]
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.post is not None and window.document.post.path == startup_post)
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "배운 것"
    assert cursor.blockNumber() == 7  # line 8 of the file


def test_a_post_edited_and_saved_a_moment_ago_is_found(qtbot, startup_post, window):
    panel = panel_of(qtbot, window)
    window.open_post(startup_post)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, "꿀팁 하나 더")
    window.commands.file_save.trigger()
    window.search.open_panel()
    assert search(qtbot, panel, "꿀팁") == [startup_post.name]
    assert search(qtbot, panel, "꿀") == [startup_post.name]


def test_the_index_follows_the_file_watch(qtbot, window, journal_root):
    panel = panel_of(qtbot, window)
    window.search.open_panel()
    path = journal_root / "content" / "밖에서 쓴 글.md"
    path.write_text('---\ntitle: "밖에서"\n---\n낯선낱말 하나\n', encoding="utf-8")
    qtbot.waitUntil(lambda: window.journal.get(path) is not None, timeout=10000)
    qtbot.waitUntil(lambda: search(qtbot, panel, "낯선낱말") == [path.name], timeout=10000)
    path.unlink()
    qtbot.waitUntil(lambda: window.journal.get(path) is None, timeout=10000)
    qtbot.waitUntil(lambda: search(qtbot, panel, "낯선낱말") == [], timeout=10000)


def test_a_large_journal_is_built_in_another_process_while_the_panel_waits(qtbot, tmp_path):
    from journal_app.core.search import PARALLEL_MINIMUM
    from journal_app.ui.search_panel import SearchPanel

    root = tmp_path / "large"
    root.mkdir()
    for number in range(PARALLEL_MINIMUM):
        (root / f"post-{number:03}.md").write_text(
            f"---\ntitle: 글 {number}\ndate: 2021-10-01\n---\n낱말{number} 후기\n", encoding="utf-8"
        )
    panel = SearchPanel()
    qtbot.addWidget(panel)
    notes = []
    panel.worker.progress.connect(lambda done, total: notes.append((done, total)))
    panel.set_journal(root, sorted(root.glob("*.md")))
    qtbot.waitUntil(lambda: panel.ready, timeout=60000)
    assert notes[-1] == (PARALLEL_MINIMUM, PARALLEL_MINIMUM)  # the other process's progress
    type_text(panel.field, "낱말123")
    assert shown(qtbot, panel) == ["post-123.md"]
    panel.shutdown()


def test_a_result_row_draws_whole_lines_only(qapp):
    # a snippet wrapping past the row's height is cut after its last whole line, not through one
    document = QTextDocument()
    document.setDefaultFont(QApplication.font())
    document.setHtml(
        "<b>제주도 여행 후기</b><br>" + "여행은 돌아와서 정리할 때 한 번 더 떠나는 것 같다. " * 6
    )
    document.setTextWidth(220)
    document.size()  # (lays it out)
    layout = document.begin().layout()
    assert layout.lineCount() > 4
    top = layout.position().y()
    bottoms = [top + layout.lineAt(n).y() + layout.lineAt(n).height() for n in range(layout.lineCount())]
    for shown in (1, 2, 3):
        limit = int((bottoms[shown - 1] + bottoms[shown]) / 2)  # halfway through the next line
        assert whole_lines_height(document, limit) == int(bottoms[shown - 1])
    assert whole_lines_height(document, 10_000) == int(bottoms[-1] + document.documentMargin())


@pytest.fixture
def whale_posts(journal_root):  # (named before ``window``: written before it opens)
    content = journal_root / "content"
    (content / "고래 많이.md").write_text(
        '---\ntitle: "바다"\ndate: 2020-01-01T00:00:00.000Z\n---\n' + "고래가 나온다. " * 6 + "\n",
        encoding="utf-8",
    )
    (content / "고래 한 번.md").write_text(
        '---\ntitle: "항구"\ndate: 2024-01-01T00:00:00.000Z\n---\n고래를 봤다.\n', encoding="utf-8"
    )


def test_results_newest_first_or_most_relevant_first_and_the_choice_is_kept(qtbot, whale_posts, window, env):
    panel = panel_of(qtbot, window)
    window.search.open_panel()
    order = panel.findChild(QComboBox, "searchOrder")
    assert order.currentData() == "newest"
    assert search(qtbot, panel, "고래") == ["고래 한 번.md", "고래 많이.md"]
    order.setCurrentIndex(order.findData("relevance"))
    order.activated.emit(order.currentIndex())  # as the user picks it: the query runs again
    assert shown(qtbot, panel) == ["고래 많이.md", "고래 한 번.md"]
    assert env.settings.get("state/search_order") == "relevance"
    again = create_window(window.journal.root, env, web_view=False)
    qtbot.addWidget(again)
    assert again.search.order.currentData() == "relevance"  # the next window starts with it
    again.close()
