"""The sidebar under a stream of changes (a scan's batches) and with the filter swapped in and out.

While changes come fast (``apply(..., heat_later=True)``) tag groups whose counts changed keep
their rows (their labels counted) until the stream ends; then the tree is the tree a full
rebuild makes. The tree shows the model itself while no filter text is typed and the filter
over it while one is: expanded groups, the open post's highlight and changes made meanwhile
survive each swap (groups the filter hid come back folded, as they did with the filter always
in between).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from journal_app.core import Journal, JournalChange
from journal_app.ui.sidebar import GROUP_ROLE, PATH_ROLE, Sidebar
from tests.ui.test_sidebar_changes import failures, tree, watched

TAGS = ["일상", "개발", "Dev", "dev", "여행"]
DATES = ["2023-01-05T10:00:00+09:00", "2024-03-01T00:00:00Z", "2022-06-15T12:00:00+09:00"]


def shown(sidebar: Sidebar, parent: QModelIndex = QModelIndex()) -> list[str]:
    """The rows the tree shows (through the filter when there is one), indented."""
    model = sidebar.tree.model()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index.data())
        found.extend("  " + text for text in shown(sidebar, index))
    return found


def expanded_groups(sidebar: Sidebar) -> set[str]:
    model = sidebar.tree.model()
    indexes = [model.index(row, 0) for row in range(model.rowCount())]
    return {index.data(GROUP_ROLE) for index in indexes if sidebar.tree.isExpanded(index)}


def write(path: Path, title: str, tags: list[str], date: str = DATES[0]) -> None:
    path.write_text(
        f"---\ntitle: {title}\ndate: {date}\ntags: [{', '.join(tags)}]\n---\n본문\n", encoding="utf-8"
    )


posts = st.lists(
    st.tuples(st.lists(st.sampled_from(TAGS), max_size=3), st.sampled_from(DATES)), min_size=1, max_size=14
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=40)
@given(first=st.lists(st.sampled_from(TAGS), max_size=2), batches=st.lists(posts, min_size=1, max_size=5))
def test_a_stream_of_batches_ends_as_the_tree_a_rebuild_gives(qtbot, qtlog, first, batches):
    folder, since = Path(tempfile.mkdtemp()), len(qtlog.records)  # (one log for every example)
    try:
        write(folder / "first.md", "처음", first)
        journal = Journal(folder, use_index=False)
        streamed, built = {}, {}
        for grouping in ("tag", "date"):
            streamed[grouping], built[grouping] = Sidebar(), Sidebar()
            for sidebar in (streamed[grouping], built[grouping]):
                qtbot.addWidget(sidebar)
                sidebar.set_grouping(grouping)
                sidebar.set_journal(journal)
        proxies = {grouping: watched(streamed[grouping]) for grouping in ("tag", "date")}
        number = 0
        for batch in batches:
            change = JournalChange()
            for tags, date in batch:
                number += 1
                path = folder / f"post-{number}.md"
                write(path, f"글 {number}", tags, date)
                change.merge(journal.refresh(path))
            for grouping in ("tag", "date"):
                streamed[grouping].apply(change, heat_later=True)
                built[grouping].rebuild()
                # the same groups, counted, with the same rows (a tag group may wait for its place)
                assert sorted(tree(streamed[grouping])) == sorted(tree(built[grouping])), grouping
                assert tree(proxies[grouping]) == tree(streamed[grouping]), grouping
        for grouping in ("tag", "date"):
            streamed[grouping].apply(JournalChange())  # the stream's end (a scan's last word)
            assert tree(streamed[grouping]) == tree(built[grouping]), grouping
            assert tree(proxies[grouping]) == tree(built[grouping]), grouping
        assert failures(qtlog, since) == []
    finally:
        shutil.rmtree(folder)


def test_tag_groups_take_their_places_a_moment_after_the_stream(qtbot, tmp_path):
    write(tmp_path / "a.md", "가", ["일상"])
    write(tmp_path / "b.md", "나", ["일상"])
    write(tmp_path / "c.md", "다", ["여행"])
    journal = Journal(tmp_path, use_index=False)
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    assert [row[0] for row in tree(sidebar)] == ["일상 (2)", "여행 (1)"]
    change = JournalChange()
    for name in ("d", "e"):
        write(tmp_path / f"{name}.md", name, ["여행"])
        change.merge(journal.refresh(tmp_path / f"{name}.md"))
    sidebar.apply(change, heat_later=True)
    assert [row[0] for row in tree(sidebar)] == ["일상 (2)", "여행 (3)"]  # counted, not moved yet
    qtbot.waitUntil(lambda: [row[0] for row in tree(sidebar)] == ["여행 (3)", "일상 (2)"])


def test_the_filter_swaps_in_and_out_keeping_what_the_tree_shows(qtbot, tmp_path):
    write(tmp_path / "a.md", "사과 이야기", ["과일"])
    write(tmp_path / "b.md", "바나나 이야기", ["과일"], DATES[1])
    write(tmp_path / "c.md", "Host on Codeberg Pages", ["web"], DATES[2])
    journal = Journal(tmp_path, use_index=False)
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    sidebar.show()
    web = sidebar.find_path(tmp_path / "c.md").parent()
    sidebar.tree.expand(web)
    sidebar.select_path(tmp_path / "b.md")
    assert sidebar.tree.model() is sidebar.model  # no filter: no proxy in between
    assert shown(sidebar) == [
        "과일 (2)",
        "  바나나 이야기",
        "  사과 이야기",
        "web (1)",
        "  Host on Codeberg Pages",
    ]

    sidebar.filter.setText("  ")  # only spaces: nothing to filter by
    assert sidebar.tree.model() is sidebar.model
    sidebar.filter.setText("사과")
    assert sidebar.tree.model() is sidebar.filtered
    assert shown(sidebar) == ["과일 (2/2)", "  바나나 이야기", "  사과 이야기"]  # the open post stays
    sidebar.filter.setText("사과 이")  # another text: the same filter, narrowed
    assert sidebar.tree.currentIndex().data(PATH_ROLE) == str(tmp_path / "b.md")

    sidebar.filter.clear()
    assert sidebar.tree.model() is sidebar.model
    assert sidebar.tree.currentIndex().data(PATH_ROLE) == str(tmp_path / "b.md")
    write(tmp_path / "d.md", "CODEBERG 다시", ["web"])  # a change while the filter is out
    sidebar.apply(journal.refresh(tmp_path / "d.md"))
    sidebar.filter.setText("codeberg")  # casefolded, as before
    assert shown(sidebar) == [  # (two posts each now: web sorts first by name)
        "web (2/2)",
        "  CODEBERG 다시",
        "  Host on Codeberg Pages",
        "과일 (1/2)",
        "  바나나 이야기",
    ]
    sidebar.filter.setText("다시")
    assert sidebar.first_match().data(PATH_ROLE) == str(tmp_path / "d.md")

    sidebar.select_path(tmp_path / "c.md")
    sidebar.filter.setText("이야기")  # 과일's posts, and the open post under web
    sidebar.filter.clear()
    assert expanded_groups(sidebar) == {"tag:과일", "tag:web"}  # as the filter showed them
    sidebar.tree.collapse(sidebar.find_path(tmp_path / "a.md").parent())
    sidebar.filter.setText("host")
    assert shown(sidebar) == ["web (1/2)", "  Host on Codeberg Pages"]
    sidebar.filter.clear()
    assert expanded_groups(sidebar) == {"tag:web"}  # 과일, filtered out, comes back folded


def test_the_tree_paints_again_during_and_after_a_stream(qtbot, tmp_path):
    write(tmp_path / "a.md", "가", ["일상"])
    journal = Journal(tmp_path, use_index=False)
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    sidebar.show()
    viewport = sidebar.tree.viewport()
    for name in ("b", "c"):
        write(tmp_path / f"{name}.md", name, ["일상"])
        sidebar.apply(journal.refresh(tmp_path / f"{name}.md"), heat_later=True)
    qtbot.waitUntil(viewport.updatesEnabled)  # held for a moment, then painted
    write(tmp_path / "d.md", "라", ["여행"])
    sidebar.apply(journal.refresh(tmp_path / "d.md"), heat_later=True)
    sidebar.apply(JournalChange())  # the stream's end: painted at once
    assert viewport.updatesEnabled()
    assert [row[0] for row in tree(sidebar)] == ["일상 (3)", "여행 (1)"]


def test_a_tree_first_built_by_a_stream_opens_its_first_group_when_the_stream_ends(qtbot, tmp_path):
    journal = Journal(tmp_path, use_index=False)  # empty, as a cold scan begins
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    sidebar.show()
    change = JournalChange()
    for name in ("a", "b"):
        write(tmp_path / f"{name}.md", name, ["일상"])
        change.merge(journal.refresh(tmp_path / f"{name}.md"))
    sidebar.apply(change, heat_later=True)  # the first batch builds the tree
    assert [row[0] for row in tree(sidebar)] == ["일상 (2)"]
    assert expanded_groups(sidebar) == set()  # folded while the stream comes
    change = JournalChange()
    for name in ("c", "d", "e"):
        write(tmp_path / f"{name}.md", name, ["여행"])
        change.merge(journal.refresh(tmp_path / f"{name}.md"))
    sidebar.apply(change, heat_later=True)
    assert expanded_groups(sidebar) == set()
    sidebar.apply(JournalChange())  # the stream's end: the final tree's first group opens
    assert [row[0] for row in tree(sidebar)] == ["여행 (3)", "일상 (2)"]
    assert expanded_groups(sidebar) == {"tag:여행"}
    sidebar.apply(JournalChange())  # once: a group folded afterwards stays folded
    sidebar.tree.collapseAll()
    sidebar.apply(JournalChange())
    assert expanded_groups(sidebar) == set()


def test_a_tree_built_at_once_opens_its_first_group_at_once(qtbot, tmp_path):
    write(tmp_path / "a.md", "가", ["일상"])
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(Journal(tmp_path, use_index=False))
    assert expanded_groups(sidebar) == {"tag:일상"}
