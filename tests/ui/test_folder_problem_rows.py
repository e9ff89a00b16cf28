"""The sidebar's Problems group shows each folder the scan could not read with its kind (for
code) as well as its message (for people), and follows the journal when the folder heals."""

from __future__ import annotations

import shutil

from journal_app.core import Journal
from journal_app.core.problems import ProblemKind
from journal_app.ui.sidebar import Sidebar
from journal_app.ui.tree_model import KIND_ROLE, PATH_ROLE
from tests.hostile import LONG_NAME, long_folders


def problem_rows(sidebar: Sidebar) -> list[tuple[str, str | None, str | None]]:
    """(text, kind, path) of each row of the Problems group; [] without one."""
    model = sidebar.model
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        if group.data().startswith("Problems ("):
            return [
                (index.data(), index.data(KIND_ROLE), index.data(PATH_ROLE))
                for index in (model.index(inner, 0, group) for inner in range(model.rowCount(group)))
            ]
    return []


def test_a_folder_problem_row_carries_its_kind(qtbot, tmp_path):
    (tmp_path / "글.md").write_text("---\ntitle: 읽히는 글\ntags: [일상]\n---\n", encoding="utf-8")
    long_folders(tmp_path)
    journal = Journal(tmp_path, use_index=False)
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_journal(journal)
    [(text, kind, path)] = problem_rows(sidebar)
    assert kind == ProblemKind.UNREADABLE_FOLDER and path is None  # nothing to open
    assert text.startswith(f"Could not read {LONG_NAME}/") and str(tmp_path) not in text
    sidebar.set_grouping("date")
    assert [row[1] for row in problem_rows(sidebar)] == [ProblemKind.UNREADABLE_FOLDER]

    shutil.rmtree(tmp_path / LONG_NAME)  # the folder is gone: so is its problem
    sidebar.apply(journal.sync([tmp_path]))
    assert problem_rows(sidebar) == [] and journal.folder_problems == []

    loop = tmp_path / "고리"
    loop.symlink_to(loop)
    journal.folders(loop)  # a new folder handed to the watcher turned out to be a loop
    sidebar.apply(journal.sync([tmp_path / "글.md"]))
    assert [row[1] for row in problem_rows(sidebar)] == [ProblemKind.SYMLINK_LOOP]
