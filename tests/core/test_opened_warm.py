"""A warm open (``Journal.opened`` from the index alone) holds the same posts as a full scan, in
folders at every depth, with problems and without, and leaves garbage collection as it was."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest

from journal_app.core import Journal
from journal_app.core.storage import cache_folder
from tests.core.test_scanwork import write_posts
from tests.quirks import write_quirks


def held(journal: Journal) -> list[tuple]:
    return [(info.path, type(info.path), info.relpath, info.to_dict()) for info in journal.posts]


def journal_at(tmp_path) -> Path:
    root = tmp_path / "일기장"
    write_quirks(root)
    write_posts(root / "깊이" / "더 깊이", 60)
    (root / "맨 위.md").write_text("---\ntitle: 맨 위\ntags: [위]\n---\n")
    return root


@pytest.mark.parametrize("collecting", [True, False])
def test_a_warm_open_holds_what_a_full_scan_reads(tmp_path, collecting):
    root = journal_at(tmp_path)
    full = Journal(root)  # (fills the index)
    found = gc.isenabled()  # (the window's collector may have turned it off for good)
    (gc.enable if collecting else gc.disable)()
    try:
        opened = Journal.opened(root)
        assert gc.isenabled() == collecting
    finally:
        (gc.enable if found else gc.disable)()
    assert opened.unchecked
    assert held(opened) == held(full)
    assert any(info.problem_words for info in opened.posts)  # (some with problems)
    assert opened.tag_counts() == full.tag_counts()
    for info in full.posts:
        assert opened.get(info.path) == info and opened.get(str(info.path)) == info


def test_an_entry_whose_problem_words_are_not_a_list_is_read_again(tmp_path):
    root = journal_at(tmp_path)
    full = Journal(root)
    (database,) = cache_folder().glob("summaries-*.sqlite")
    with sqlite3.connect(database) as db:
        path, text = db.execute("SELECT path, summary FROM posts LIMIT 1").fetchone()
        summary = json.loads(text)
        summary["problem_words"] = ""
        db.execute("UPDATE posts SET summary = ? WHERE path = ?", (json.dumps(summary), path))
    db.close()
    opened = Journal.opened(root)
    assert opened.get(path) is None and len(opened.posts) == len(full.posts) - 1
    work = opened.begin_scan()
    assert work is not None
    batches: list = []
    work.run(batches.append)
    for batch in batches:
        opened.take(batch)
    opened.finish_scan(work)
    assert held(opened) == held(full)


@pytest.mark.parametrize(
    "garbage", [None, "not json {", "[1, 2]", '{"title": "x"}, {"title": "y"}', 42, b"\xff\xfe", "{}"]
)
def test_a_damaged_entry_leaves_every_other_post_of_a_warm_open_in_its_place(tmp_path, garbage):
    # the summaries are read in one piece that SQLite joins: an entry that is two values, none,
    # or bytes must not shift the others onto the wrong paths
    root = journal_at(tmp_path)
    (root / 'quote " and \\ back.md').write_text('---\ntitle: "Quote \\" and \\\\"\n---\n')
    full = Journal(root)
    (database,) = cache_folder().glob("summaries-*.sqlite")
    with sqlite3.connect(database) as db:
        paths = [path for (path,) in db.execute("SELECT path FROM posts ORDER BY rowid")]
        damaged = paths[len(paths) // 2]
        db.execute("UPDATE posts SET summary = ? WHERE path = ?", (garbage, damaged))
    db.close()
    opened = Journal.opened(root)
    assert opened.get(damaged) is None
    assert held(opened) == [entry for entry in held(full) if str(entry[0]) != damaged]
