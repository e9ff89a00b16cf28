"""`journal-app list` prints what the journal holds, cold and warm, on every corpus the tests
know: the same lines and JSON as formatted from a :class:`.Journal` read without its index."""

from __future__ import annotations

import json
import os
import sqlite3
import time

import pytest

from journal_app.cli import post_json
from journal_app.core.dates import local
from journal_app.core.storage import cache_folder
from journal_app.core.journal import Journal
from tests.clirun import run_in_process, run_process
from tests.core.test_search_header import write_edges
from tests.hostile import deep_folders, hostile_journal
from tests.quirks import write_quirks


READ = ("utf-8", "surrogateescape")


def expected(root, tag: str | None = None) -> tuple[str, list]:
    """The text and JSON ``list`` prints, from the journal as the window reads it."""
    posts = Journal(root, use_index=False).posts
    if tag is not None:
        posts = [info for info in posts if tag.casefold() in (name.casefold() for name in info.tags)]
    text = "".join(
        "\t".join((local(info.date).strftime("%Y-%m-%d"), info.title, ", ".join(info.tags), info.relpath))
        + "\n"
        for info in posts
    )
    return text, [post_json(info) for info in posts]


def listed(root, *args, real: bool = False) -> tuple[str, list]:
    """The text and JSON ``journal-app list ROOT ARGS`` prints (bytes not UTF-8 kept as
    surrogates, as the journal reads file names): run in this process, or with ``real`` as a
    child process, its file names through the locale's stdout."""
    run = run_process if real else run_in_process
    text = run("list", root, *args, text=False)
    found = run("list", root, *args, "--json", text=False)
    assert text.returncode == found.returncode == 0 and not text.stderr + found.stderr
    return text.stdout.decode(*READ), json.loads(found.stdout.decode(*READ))


@pytest.mark.parametrize("corpus", ["quirks", "edges", "hostile"])
def test_cold_and_warm_lists_print_what_the_journal_holds(tmp_path, corpus):
    root = tmp_path / "journal"
    server = None
    if corpus == "quirks":
        write_quirks(root)
    elif corpus == "edges":
        write_edges(root)
    else:
        root, server = hostile_journal(tmp_path, bomb_title="폭탄", tags=300)
        (root / "hidden").mkdir()
        (root / ".hidden").mkdir()
        (root / ".hidden" / "no.md").write_text("# 숨은 글\n")
        (root / "_site").mkdir()
        (root / "_site" / "no.md").write_text("# 빌드\n")
        (root / "linked").symlink_to(root / "hidden", target_is_directory=True)
        (root / "hidden" / "yes.md").write_text("---\ntitle: 안쪽\n---\n")
        (root / "old.md").write_text("---\ntitle: 옛날\ndate: 0999-05-01T12:00:00Z\n---\n")
    try:
        with deep_folders(root, 70, (10, 64, 65, 70)):
            want = expected(root)
            real = corpus == "hostile"  # undecodable names through a real process's stdout
            assert listed(root, real=real) == want  # cold: an empty index
            assert listed(root, real=real) == want  # warm
            assert listed(root, "--tag", "OK") == expected(root, "ok")
    finally:
        if server is not None:
            server.close()
    assert want[0] and "at 64.md" in want[0] and "at 65.md" not in want[0]
    if corpus == "hostile":
        assert "\t옛날\t" in want[0]  # a year before 1000


def test_a_damaged_index_entry_is_read_again_and_a_changed_file_too(tmp_path):
    root = tmp_path / "journal"
    write_quirks(root)
    want = expected(root)
    assert listed(root) == want
    (database,) = cache_folder().glob("summaries-*.sqlite")
    with sqlite3.connect(database) as db:
        db.execute("UPDATE posts SET summary = ? WHERE rowid = 1", ('{"title": 3}',))
        db.execute("UPDATE posts SET summary = ? WHERE rowid = 2", ("[1, 2",))
    db.close()
    changed = next(root.rglob("*.md"))
    changed.write_text("---\ntitle: 바뀐 글\n---\n", encoding="utf-8")
    want = expected(root)
    assert "바뀐 글" in want[0]
    assert listed(root) == want
    assert listed(root) == want


def test_list_removes_a_killed_saves_stale_temporary_file_and_nothing_else(tmp_path):
    root = tmp_path / "journal"
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "a.md").write_text("# a\n")
    stale = root / "posts" / ".a.md.journal-app-abcd1234.tmp"
    other = root / "posts" / "notes.tmp"
    for path in (stale, other):
        path.write_text("half")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    assert listed(root)[0].endswith("\ta\t\tposts/a.md\n")
    assert not stale.exists() and other.exists()
