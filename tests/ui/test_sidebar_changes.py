"""The sidebar updated post by post (``apply``) shows the same tree as one built whole.

Random sequences of posts added, edited (one field: title, tags or date; or the whole file, a
broken header too), removed and renamed, on real files: after each step the tree the change
was applied to, in both groupings, equals the tree a full ``rebuild()`` makes, text for text and
row for row.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtTest import QAbstractItemModelTester

from journal_app.core import Journal, JournalChange
from journal_app.ui.sidebar import GROUP_ROLE, PATH_ROLE, Sidebar

TITLES = ["봄", "여름", "Autumn", "autumn", "겨울 이야기"]
TAGS = ["일상", "개발", "Dev", "dev", "여행"]
DATES = [
    "2023-01-05T10:00:00+09:00",
    "2023-01-20T10:00:00+09:00",
    "2023-03-01T00:00:00Z",
    "2024-12-31T23:30:00+00:00",
    "2022-06-15T12:00:00+09:00",
]
NAMES = [f"post-{number}" for number in range(8)]

fields = st.fixed_dictionaries(
    {
        "title": st.sampled_from(TITLES),
        "date": st.sampled_from(DATES),
        "tags": st.lists(st.sampled_from(TAGS), max_size=3),
    }
)
post_text = st.one_of(
    fields,
    st.just('---\ntitle: "닫히지 않은\ndate: 2023-01-05\n---\n본문\n'),  # a header that breaks
    st.just("# 머리말만 있는 글\n"),
)
one_field = st.one_of(
    st.tuples(st.just("title"), st.sampled_from(TITLES)),
    st.tuples(st.just("date"), st.sampled_from(DATES)),
    st.tuples(st.just("tags"), st.lists(st.sampled_from(TAGS), max_size=3)),
)
step = st.one_of(
    st.tuples(st.just("write"), st.sampled_from(NAMES), post_text),  # add or change
    st.tuples(st.just("edit"), st.sampled_from(NAMES), one_field),  # one field of a post
    st.tuples(st.just("remove"), st.sampled_from(NAMES), st.none()),
    st.tuples(st.just("rename"), st.sampled_from(NAMES), st.sampled_from(NAMES)),
    st.tuples(st.just("sync"), st.none(), st.none()),
)


def tree(sidebar: Sidebar | QSortFilterProxyModel, parent: QModelIndex = QModelIndex()) -> list:
    """The model's rows (a sidebar's, or a proxy's) as (text, path, children), in order."""
    model = sidebar.model if isinstance(sidebar, Sidebar) else sidebar
    return [
        (
            model.index(row, 0, parent).data(),
            model.index(row, 0, parent).data(PATH_ROLE),
            tree(model, model.index(row, 0, parent)),
        )
        for row in range(model.rowCount(parent))
    ]


def watched(sidebar: Sidebar) -> QSortFilterProxyModel:
    """A proxy over the sidebar's model, which knows only what the model's signals told it (so
    its tree is the model's only when every row that came, went or moved was announced), and
    Qt's own model checker on every signal (it warns "FAIL!" at a wrong one)."""
    proxy = QSortFilterProxyModel(sidebar)
    proxy.setSourceModel(sidebar.model)
    proxy.setRecursiveFilteringEnabled(True)
    tree(proxy)  # (the proxy maps the rows it was asked for)
    sidebar.checker = QAbstractItemModelTester(  # type: ignore[attr-defined]
        sidebar.model, QAbstractItemModelTester.FailureReportingMode.Warning, sidebar
    )
    return proxy


def group_labels(sidebar: Sidebar) -> dict[str, str]:
    """Each group's label, by its id."""
    return {ident: index.data() for ident, index in sidebar.model.group_indexes()}


def told_of(sidebar: Sidebar) -> set[str]:
    """The groups whose rows the model says changed (``dataChanged``), as they are said."""
    told: set[str] = set()
    sidebar.model.dataChanged.connect(lambda first, *_: told.add(first.data(GROUP_ROLE)))
    return told


def failures(qtlog, since: int = 0) -> list[str]:
    """The model checker's complaints in the Qt messages after the first ``since``."""
    return [record.message for record in qtlog.records[since:] if "FAIL" in record.message]


def text_of(value: str | dict) -> str:
    """A post's file text: given, or made from its fields."""
    if isinstance(value, str):
        return value
    return (
        f"---\ntitle: {value['title']}\ndate: {value['date']}\n"
        f"tags: [{', '.join(value['tags'])}]\n---\n본문\n"
    )


def perform(
    journal: Journal, folder: Path, written: dict[str, str | dict], action: str, name: str | None, value
) -> JournalChange:
    """One step done to the files, and what the journal makes of it."""
    if action == "sync":
        return journal.sync([folder])
    path = folder / f"{name}.md"
    if action == "edit":
        before = written.get(name)
        if not isinstance(before, dict) or not path.exists():
            return JournalChange()
        action, value = "write", {**before, value[0]: value[1]}
    if action == "write":
        written[name] = value
        path.write_text(text_of(value), encoding="utf-8")
        return journal.refresh(path)
    if action == "remove":
        path.unlink(missing_ok=True)
        return journal.refresh(path)
    target = folder / f"{value}.md"
    if not path.exists() or target.exists():
        return JournalChange()
    path.rename(target)
    written[value] = written.pop(name)
    change = journal.refresh(path)
    change.merge(journal.refresh(target))
    return change


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.lists(st.tuples(st.sampled_from(NAMES), post_text), max_size=5),
    steps=st.lists(step, min_size=1, max_size=12),
)
def test_applying_changes_gives_the_tree_a_rebuild_gives(qtbot, qtlog, start, steps):
    folder, since = Path(tempfile.mkdtemp()), len(qtlog.records)  # (one log for every example)
    try:
        written: dict[str, str | dict] = {}
        for name, value in start:
            written[name] = value
            (folder / f"{name}.md").write_text(text_of(value), encoding="utf-8")
        journal = Journal(folder, use_index=False)
        sidebars = []
        for grouping in ("tag", "date"):
            sidebar = Sidebar()
            qtbot.addWidget(sidebar)
            sidebar.set_grouping(grouping)
            sidebar.set_journal(journal)
            sidebars.append((sidebar, watched(sidebar), told_of(sidebar)))
        for action, name, value in steps:
            change = perform(journal, folder, written, action, name, value)
            for sidebar, proxy, told in sidebars:
                before = group_labels(sidebar)
                told.clear()
                sidebar.apply(change)
                after = group_labels(sidebar)
                # a label that changed was announced (a view shows what it was told)
                assert {key for key in after if before.get(key, after[key]) != after[key]} <= told
                applied = tree(sidebar)
                assert tree(proxy) == applied, (sidebar.grouping_key(), action, name, value)
                sidebar.rebuild()
                assert applied == tree(sidebar), (sidebar.grouping_key(), action, name, value)
                assert tree(proxy) == applied
        assert failures(qtlog, since) == []
    finally:
        shutil.rmtree(folder)


def write(path: Path, title: str, tags: str, date: str = "2023-01-05T10:00:00+09:00") -> None:
    path.write_text(f"---\ntitle: {title}\ndate: {date}\ntags: [{tags}]\n---\n본문\n", encoding="utf-8")


def test_the_filter_and_the_highlight_survive_a_change(qtbot, tmp_path):
    write(tmp_path / "a.md", "사과", "과일")
    write(tmp_path / "b.md", "바나나", "과일", "2023-02-01T10:00:00+09:00")
    journal = Journal(tmp_path, use_index=False)
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    sidebar.select_path(tmp_path / "a.md")
    write(tmp_path / "a.md", "풋사과", "과일, 초록")  # the open post saved with a new tag
    sidebar.apply(journal.refresh(tmp_path / "a.md"))
    assert sidebar.tree.currentIndex().data(PATH_ROLE) == str(tmp_path / "a.md")
    assert sidebar.tree.currentIndex().data() == "풋사과"
    sidebar.filter.setText("초록")
    assert sidebar.post_count_shown() == 2  # 풋사과 under 과일 and under 초록
    write(tmp_path / "c.md", "초록 포도", "과일")
    sidebar.apply(journal.refresh(tmp_path / "c.md"))
    assert sidebar.post_count_shown() == 3  # and 초록 포도 under 과일
    sidebar.filter.clear()
    assert sidebar.post_count_shown() == 4
    assert [sidebar.model.index(row, 0).data() for row in range(2)] == ["과일 (3)", "초록 (1)"]


def labels(sidebar: Sidebar) -> list[str]:
    return [sidebar.model.index(row, 0).data() for row in range(sidebar.model.rowCount())]


@pytest.mark.page_loads_meanwhile
def test_the_watcher_follows_a_new_folder_and_a_file_replaced_under_its_name(qtbot, window, journal_root):
    folder = journal_root / "새 폴더" / "안쪽"
    folder.mkdir(parents=True)
    write(folder / "첫 글.md", "첫 글", "새폴더")
    qtbot.waitUntil(lambda: "새폴더 (1)" in labels(window.sidebar), timeout=10000)
    write(folder / "둘째 글.md", "둘째 글", "새폴더")  # seen only if the new folder is watched
    qtbot.waitUntil(lambda: "새폴더 (2)" in labels(window.sidebar), timeout=10000)
    spare = folder / ".둘째 글.md.tmp"
    write(spare, "둘째 글", "바뀐태그")
    spare.replace(folder / "둘째 글.md")  # another editor's save: a new file under the old name
    qtbot.waitUntil(lambda: "바뀐태그 (1)" in labels(window.sidebar), timeout=10000)
    assert "새폴더 (1)" in labels(window.sidebar)
