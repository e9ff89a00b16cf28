"""Building the search index: a large build from a thread that cannot fork goes to another
Python process (which forks the workers), gives the same index, and stops when asked; links
out of the journal are not read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from journal_app.core.search import PARALLEL_MINIMUM, SearchIndex, SearchStopped
from tests.starved import ends_in_time, freeze_then
from journal_app.core.searchbuild import AUTOMERGE, NICENESS, build_elsewhere, end_builder, start_builder


def write_many(root, count=PARALLEL_MINIMUM):
    for number in range(count):
        day = f"2021-10-{number % 28 + 1:02}"
        text = f"---\ntitle: 글 {number}\ndate: {day}\n---\n후기 {number}번째 낱말{number}\n"
        (root / f"post-{number:03}.md").write_text(text, encoding="utf-8")
    return sorted(root.glob("*.md"))


def names(results):
    return [result.path.name for result in results]


@pytest.fixture
def many(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    return root, write_many(root)


def test_a_large_build_from_a_second_thread_goes_elsewhere_and_gives_the_same_index(
    many, tmp_path, monkeypatch
):
    root, paths = many
    reported, elsewhere = [], []

    def build():
        index = SearchIndex(root)
        index.build(paths, lambda done, total: reported.append((done, total)))
        elsewhere.append(index.elsewhere)
        index.close()

    thread = threading.Thread(target=build)
    thread.start()
    thread.join()
    index = SearchIndex(root)
    assert elsewhere == [True] and reported[-1] == (len(paths), len(paths)) and len(index) == len(paths)
    answers = {
        query: names(index.search(query, limit=1000)) for query in ("후기", "낱말12", "7번째", "year:2021")
    }
    index.close()
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(tmp_path / "other cache"))
    here = SearchIndex(root)
    here.write([str(path) for path in paths], [], None, here=True)  # in this process
    assert not here.elsewhere
    assert {query: names(here.search(query, limit=1000)) for query in answers} == answers
    assert len(answers["낱말12"]) == 11 and answers["후기"][0] == "post-027.md"  # newest first
    here.close()


WORKERS_NICENESS = """
import os
from journal_app.core.parallel import ChunkedResults

def niceness_of_each(items):
    return [os.nice(0) for _ in items]

parts = ChunkedResults(niceness_of_each, range(400), minimum=1, chunk=100, niceness={niceness})
print(os.nice(0), parts.workers, sorted({{value for part in parts for value in part}}))
"""


def test_the_workers_ask_for_less_processor_time_than_the_process_that_writes():
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root))
    script = WORKERS_NICENESS.format(niceness=NICENESS)
    said = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    writer, workers, found = said.stdout.split(" ", 2)
    assert int(workers) > 1 and found.strip() == f"[{min(int(writer) + NICENESS, 19)}]"


def test_a_large_build_stores_text_and_leaves_fts5_to_merge_the_segments_of_later_updates(many):
    root, paths = many
    index = SearchIndex(root)
    index.write([str(path) for path in paths], [], None, here=True)
    config = dict(index._db.execute("SELECT k, v FROM terms_config"))
    kinds = {kind for (kind,) in index._db.execute("SELECT DISTINCT typeof(body) FROM texts")}
    index.close()
    assert config.get("automerge") == AUTOMERGE
    assert kinds == {"text"}  # the UTF-8 the workers send is stored as text


def test_the_other_process_writes_the_index_and_stops_when_asked(many):
    root, paths = many
    index = SearchIndex(root)

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):
        build_elsewhere(index.root, [str(path) for path in paths], [], stop)
    # ended at once, it left no half-written index (under load it may have finished first)
    assert len(index) in (0, len(paths))
    assert build_elsewhere(index.root, [str(path) for path in paths], [], None) == ""
    assert len(index) == len(paths) and names(index.search("낱말399")) == ["post-399.md"]
    index.close()


def test_the_other_process_says_why_it_could_not(many, tmp_path, monkeypatch):
    root, paths = many
    blocked = tmp_path / "not a folder"
    blocked.write_text("")
    monkeypatch.setenv("JOURNAL_APP_CACHE_DIR", str(blocked))
    problem = build_elsewhere(root.absolute(), [str(paths[0])], [], None)
    assert problem and "Traceback" not in problem


def test_a_link_out_of_the_journal_is_not_read(tmp_path):
    root = tmp_path / "journal"
    root.mkdir()
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: 비밀\n---\n비밀번호\n", encoding="utf-8")
    os.symlink(outside, root / "link.md")
    (root / "inside").mkdir()
    os.symlink(root / "inside", root / "folder link")
    (root / "inside" / "post.md").write_text("---\ntitle: 안\n---\n비밀 아님\n", encoding="utf-8")
    index = SearchIndex(root)
    index.build([root / "link.md", root / "folder link" / "post.md"])
    assert names(index.search("비밀")) == ["post.md"]
    index.close()


def test_the_words_of_an_update_are_cut_as_the_fts5_table_cuts_them():
    import sqlite3

    from journal_app.core.searchtext import fold, words

    text = fold("스타트업에서… Python3.11, e-mail\tC++ 「인용」😀 naïve_x ΑΣ\x00nul 1,000원 a\u00a0b")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='ascii', detail=none)")
    db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, row)")
    db.execute("INSERT INTO t (rowid, x) VALUES (1, ?)", (text,))
    assert words(text) == {term for (term,) in db.execute("SELECT term FROM v")}


def test_a_build_is_done_here_when_the_other_process_does_not_start(many, monkeypatch):
    root, paths = many
    monkeypatch.setattr("sys.executable", str(root / "no such python"))
    done = []

    def build():
        index = SearchIndex(root)
        index.build(paths)
        done.append((index.elsewhere, len(index), names(index.search("낱말399"))))
        index.close()

    thread = threading.Thread(target=build)
    thread.start()
    thread.join()
    assert done == [(False, len(paths), ["post-399.md"])]


def test_a_builder_started_early_and_not_given_work_is_ended():
    child = start_builder()
    assert child is not None and child.poll() is None  # waiting for its work
    end_builder(child)
    assert child.returncode == -signal.SIGKILL  # ended at once, not left to read no work
    assert child.stdin.closed and child.stdout.closed


def test_a_stop_ends_the_other_process_at_once(many):
    # at its lower priority on a busy machine the other process reports seldom, and a closing
    # window waits for the thread that waits for it: a stop ends it at once, and later builds too
    root, paths = many
    index = SearchIndex(root)
    builders: list = []

    def first_report(done, total) -> None:
        if not builders:
            builders.append(index._builder)
            freeze_then(builders[0], index.stop)

    assert ends_in_time(lambda: index.build(paths, first_report), SearchStopped, builders) and builders
    with pytest.raises(SearchStopped):
        index.build(paths)
    index.close()


def test_a_builder_ended_while_its_input_is_written_is_a_failed_build(tmp_path):
    # the work list (over a pipe's 64 KB) is written while the process still starts; ended then
    # (a stop), what is left of the input must not be sent again as the pipe closes: that raised
    # BrokenPipeError out of the window's search thread instead of a quiet stop
    child = start_builder()
    assert child is not None
    os.kill(child.pid, signal.SIGSTOP)  # (it reads nothing)
    threading.Timer(0.3, child.kill).start()
    todo = [str(tmp_path / f"글 {number:05}.md") for number in range(20000)]
    assert build_elsewhere(tmp_path, todo, [], None, child) is None
    assert child.stdin.closed
