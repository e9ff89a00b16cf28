"""The sidebar while filtering: the open post stays the highlighted row (shown whatever the
filter), Down and Enter in the filter box go to and open the results, group counts show the
posts shown out of all; and a post made with Ctrl+N while filtering is in the list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from journal_app.core import Journal
from journal_app.ui.sidebar import PATH_ROLE, Sidebar
from tests.ui.conftest import answer_dialog, type_text


def write(path: Path, title: str, tags: str, date: str) -> None:
    path.write_text(f"---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n본문\n", encoding="utf-8")


def sidebar_on(qtbot, tmp_path: Path) -> Sidebar:
    write(tmp_path / "a.md", "사과 이야기", "과일", "2023-01-05T10:00:00+09:00")
    write(tmp_path / "b.md", "바나나 이야기", "과일", "2023-02-05T10:00:00+09:00")
    write(tmp_path / "c.md", "Host on Codeberg Pages", "web", "2023-03-05T10:00:00+09:00")
    write(tmp_path / "d.md", "포도 이야기", "과일, web", "2023-04-05T10:00:00+09:00")
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(Journal(tmp_path, use_index=False))
    sidebar.show()
    return sidebar


def shown(sidebar: Sidebar, parent: QModelIndex = QModelIndex()) -> list[str]:
    found = []
    for row in range(sidebar.proxy.rowCount(parent)):
        index = sidebar.proxy.index(row, 0, parent)
        found.append(index.data())
        found.extend("  " + text for text in shown(sidebar, index))
    return found


def current_path(sidebar: Sidebar) -> str | None:
    return sidebar.tree.currentIndex().data(PATH_ROLE)


def test_the_open_post_stays_highlighted_while_filtering(qtbot, tmp_path):
    sidebar = sidebar_on(qtbot, tmp_path)
    sidebar.select_path(tmp_path / "b.md")
    assert current_path(sidebar) == str(tmp_path / "b.md")
    for text in ("이야기", "포도", "codeberg", "없는 말", ""):
        sidebar.filter.setText(text)
        assert current_path(sidebar) == str(tmp_path / "b.md"), text
    sidebar.filter.setText("codeberg")
    assert shown(sidebar) == ["과일 (1/3)", "  바나나 이야기", "web (1/2)", "  Host on Codeberg Pages"]
    sidebar.filter.clear()
    assert [text for text in shown(sidebar) if not text.startswith(" ")] == ["과일 (3)", "web (2)"]


def test_counts_while_filtering(qtbot, tmp_path):
    sidebar = sidebar_on(qtbot, tmp_path)
    sidebar.filter.setText("포도")
    assert shown(sidebar) == ["과일 (1/3)", "  포도 이야기", "web (1/2)", "  포도 이야기"]
    sidebar.set_grouping("date")
    assert shown(sidebar)[:3] == ["2023 (1/4)", "  2023-04 (1/1)", "    포도 이야기"]
    sidebar.filter.clear()
    assert shown(sidebar)[:2] == ["2023 (4)", "  2023-04 (1)"]


def test_down_and_enter_in_the_filter_box(qtbot, tmp_path):
    sidebar = sidebar_on(qtbot, tmp_path)
    sidebar.select_path(tmp_path / "c.md")
    opened = []
    sidebar.post_activated.connect(opened.append)
    sidebar.filter.setFocus()
    type_text(sidebar.filter, "이야기")
    qtbot.keyClick(sidebar.filter, Qt.Key.Key_Down)
    assert (
        QApplication.focusWidget() is sidebar.tree or sidebar.tree.hasFocus() or not sidebar.isActiveWindow()
    )
    assert sidebar.tree.currentIndex().data() == "포도 이야기"  # the first match, not the open post
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_Down)
    assert sidebar.tree.currentIndex().data() == "바나나 이야기"  # on through the results
    assert opened == []
    sidebar.filter.setFocus()
    qtbot.keyClick(sidebar.filter, Qt.Key.Key_Return)
    assert opened == [tmp_path / "d.md"]


def test_a_new_post_made_while_filtering_is_listed_and_highlighted(qtbot, window, journal_root):
    window.sidebar.filter.setFocus()
    type_text(window.sidebar.filter, "제주")

    def fill(dialog):
        type_text(dialog.title_field, "필터 중 새 글")
        type_text(dialog.tags_field, "일상")
        dialog.ok_button.click()

    answer_dialog(fill)
    window.commands.file_new.trigger()
    (path,) = journal_root.rglob("필터 중 새 글.md")
    assert window.document.post.path == path
    assert window.sidebar.filter.text() == "제주"  # the filter stays
    assert window.sidebar.tree.currentIndex().data(PATH_ROLE) == str(path)
    assert window.sidebar.tree.currentIndex().data() == "필터 중 새 글"


def test_the_filter_finds_a_post_by_its_new_title_and_tags_after_an_edit(qtbot, tmp_path):
    # a post edited in place (its rows stay where they were) is found by what it says now
    sidebar = sidebar_on(qtbot, tmp_path)
    sidebar.filter.setText("사과")
    assert shown(sidebar) == ["과일 (1/3)", "  사과 이야기"]
    write(tmp_path / "a.md", "능금 이야기", "과일", "2023-01-05T10:00:00+09:00")
    sidebar.apply(sidebar.journal.refresh(tmp_path / "a.md"))
    assert shown(sidebar) == []
    sidebar.filter.setText("능금")
    assert shown(sidebar) == ["과일 (1/3)", "  능금 이야기"]
