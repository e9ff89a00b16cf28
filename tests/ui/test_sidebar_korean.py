"""The sidebar in a Korean interface: the groups the app names (untagged posts, Problems, years
and months) read in Korean, and what finds a group (updates post by post, expanded groups kept,
a tag row's menu) goes by the group's id, not by its label."""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex

from journal_app.core import Journal
from journal_app.ui.sidebar import GROUP_ROLE, PATH_ROLE, Sidebar
from tests.ui.translating import korean_interface

KOREAN = {
    ("PostTree", "Untagged"): "태그 없음",
    ("PostTree", "Problems"): "문제",
    ("PostTree", "{year}-{month:02d}"): "{year}년 {month}월",
    ("HeatMap", "{year}"): "{year}년",
    ("Sidebar", "Rename tag…"): "태그 이름 바꾸기…",
    ("Sidebar", "Merge into…"): "다른 태그로 합치기…",
}


def write(root, name: str, when: str, tags: str = "") -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    tag_line = f"tags: [{tags}]\n" if tags else ""
    path.write_text(f"---\ntitle: {name}\ndate: {when}\n{tag_line}---\n본문\n", encoding="utf-8")


def tree(sidebar: Sidebar, parent: QModelIndex = QModelIndex()) -> list:
    """The model's rows as (text, children), in order."""
    model = sidebar.model
    return [
        (model.index(row, 0, parent).data(), tree(sidebar, model.index(row, 0, parent)))
        for row in range(model.rowCount(parent))
    ]


def top_labels(sidebar: Sidebar) -> list[str]:
    model = sidebar.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def group(sidebar: Sidebar, ident: str) -> QModelIndex:
    proxy = sidebar.proxy
    return next(
        proxy.index(row, 0)
        for row in range(proxy.rowCount())
        if proxy.index(row, 0).data(GROUP_ROLE) == ident
    )


def test_groups_read_in_korean_and_updates_find_them_by_id(qtbot, tmp_path):
    root = tmp_path / "journal"
    write(root, "a.md", "2024-03-05T10:00:00+09:00", "일상")
    write(root, "b.md", "2024-03-06T10:00:00+09:00")
    broken = root / "broken.md"
    broken.write_text('---\ntitle: "닫히지 않은\n---\n본문\n', encoding="utf-8")
    os.utime(broken, (1_700_000_000, 1_700_000_000))  # dated by its file: November 2023
    with korean_interface(KOREAN):
        journal = Journal(root)
        sidebar = Sidebar()
        qtbot.addWidget(sidebar)
        sidebar.set_journal(journal)
        assert top_labels(sidebar) == ["일상 (1)", "태그 없음 (2)", "문제 (1)"]
        untagged = group(sidebar, "tag:")
        assert sidebar.context_menu(untagged) is None  # the untagged group has no tag to rename
        menu = sidebar.context_menu(group(sidebar, "tag:일상"))
        assert menu is not None
        assert [action.text() for action in menu.actions()] == [
            "태그 이름 바꾸기…",
            "다른 태그로 합치기…",
        ]
        sidebar.tree.expand(untagged)
        write(root, "c.md", "2024-05-01T10:00:00+09:00")  # one more untagged post
        sidebar.apply(journal.refresh(root / "c.md"))
        assert top_labels(sidebar) == ["일상 (1)", "태그 없음 (3)", "문제 (1)"]
        assert sidebar.tree.isExpanded(group(sidebar, "tag:"))  # found again by its id
        applied = tree(sidebar)
        sidebar.rebuild()
        assert tree(sidebar) == applied

        sidebar.set_grouping("date")
        assert top_labels(sidebar) == ["2024년 (3)", "2023년 (1)", "문제 (1)"]
        year = group(sidebar, "year:2024")
        months = [sidebar.proxy.index(row, 0, year).data() for row in range(sidebar.proxy.rowCount(year))]
        assert months == ["2024년 5월 (1)", "2024년 3월 (2)"]
        write(root, "d.md", "2024-07-09T10:00:00+09:00", "여행")  # a month the tree did not have
        sidebar.apply(journal.refresh(root / "d.md"))
        applied = tree(sidebar)
        assert applied[0][0] == "2024년 (4)" and applied[0][1][0][0] == "2024년 7월 (1)"
        sidebar.rebuild()
        assert tree(sidebar) == applied
        sidebar.filter.setText("d.md")
        assert sidebar.proxy.index(0, 0).data() == "2024년 (1/4)"
        assert sidebar.first_match().data(PATH_ROLE) == str(root / "d.md")


def test_english_labels_are_the_source_texts_for_any_year(qtbot, tmp_path):
    """Without a translator the labels are exactly the English ones, a year before 1000 too (a
    four-digit date format would show 0999)."""
    root = tmp_path / "journal"
    write(root, "old.md", "0999-03-05T10:00:00+00:00")
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_grouping("date")
    sidebar.set_journal(Journal(root))
    assert tree(sidebar) == [("999 (1)", [("999-03 (1)", [("old.md", [])])])]
