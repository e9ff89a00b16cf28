"""Opening a journal in two halves (``Journal.opened``, then a ``ScanWork`` run as another
thread would): the journal it ends with is the journal a full scan reads, a post refreshed
meanwhile keeps what was read then, and the index it writes makes the next open warm."""

from __future__ import annotations

import os

import pytest

from journal_app.core import Journal
from journal_app.core.index import index_summaries
from journal_app.core.journal import READ_NOW
from journal_app.core.parallel import usable_cores
from journal_app.core.scanwork import CHUNK, PARALLEL_MINIMUM, Cancelled
from tests.starved import ends_in_time, freeze_then


def write_posts(root, count: int) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        title = f'"글 {number}' if number % 50 == 0 else f"글 {number}"  # some broken headers
        (root / f"글 {number:04}.md").write_text(
            f"---\ntitle: {title}\ndate: 2024-01-{number % 28 + 1:02}\ntags: [태그{number % 5}]\n---\n본문\n",
            encoding="utf-8",
        )


def summaries(journal: Journal) -> list[dict]:
    return [{"path": str(info.path), **info.to_dict()} for info in journal.posts]


def finish(journal: Journal, between=None) -> list[int]:
    work = journal.begin_scan()
    assert work is not None
    batches: list = []
    work.run(batches.append)
    if between is not None:
        between()
    for batch in batches:
        journal.take(batch)
    journal.finish_scan(work)
    return [len(batch) for batch in batches]


def test_a_cold_open_read_in_batches_ends_as_a_full_scan(tmp_path):
    root = tmp_path / "일기장"
    write_posts(root, PARALLEL_MINIMUM + 50)  # enough for the other process
    (root / "하위").mkdir()
    (root / "하위" / "안.md").write_text("---\ntitle: 안\n---\n", encoding="utf-8")
    journal = Journal.opened(root)
    # not even walked as the window opens it: the scan walks it too
    assert journal.posts == [] and journal.unwalked and not journal.known_folders()
    assert journal.folders() == [str(root)]  # (what the window watches meanwhile: no walk)
    sizes = finish(journal)
    assert sizes[0] == CHUNK and sum(sizes) == PARALLEL_MINIMUM + 51
    full = Journal(root, use_index=False)
    assert summaries(journal) == summaries(full) and not journal.unwalked
    assert journal.known_folders() == full.known_folders() and journal._inodes == full._inodes
    assert journal.begin_scan() is None  # nothing left
    again = Journal.opened(root)  # warm now: from the index, the same posts
    assert again.unchecked and summaries(again) == summaries(journal)


def test_a_small_cold_journal_is_read_as_it_opens_and_a_larger_one_left_to_the_scan(tmp_path):
    small, large = tmp_path / "작은", tmp_path / "큰"
    write_posts(small, READ_NOW)
    (small / ".숨김").mkdir()  # a hidden folder's posts are no posts of the journal
    for number in range(5):
        (small / ".숨김" / f"{number}.md").write_text("숨김\n", encoding="utf-8")
    write_posts(large, READ_NOW + 1)
    opened = Journal.opened(small)
    assert not opened.unwalked and len(opened.posts) == READ_NOW and opened.begin_scan() is None
    assert summaries(opened) == summaries(Journal(small, use_index=False))
    later = Journal.opened(large)
    assert later.unwalked and later.posts == []
    finish(later)
    assert summaries(later) == summaries(Journal(large, use_index=False))


def test_a_warm_open_checks_the_files_and_keeps_a_post_refreshed_meanwhile(tmp_path):
    root = tmp_path / "일기장"
    write_posts(root, READ_NOW // 2)
    Journal(root)  # the index
    edited, saved = root / "글 0001.md", root / "글 0002.md"
    edited.write_text("---\ntitle: 밖에서 고침\n---\n본문이 길어졌다\n", encoding="utf-8")
    saved.write_text("---\ntitle: 밖에서도 고침\n---\n본문이 길어졌다\n", encoding="utf-8")
    (root / "글 0003.md").unlink()
    journal = Journal.opened(root)
    assert journal.unchecked and journal.get(root / "글 0003.md") is not None

    def save_meanwhile() -> None:  # after the worker read the file, before that is taken
        saved.write_text("---\ntitle: 창에서 저장\n---\n본문\n", encoding="utf-8")
        journal.refresh(saved)

    finish(journal, save_meanwhile)
    assert not journal.unchecked
    assert summaries(journal) == summaries(Journal(root, use_index=False))
    assert journal.get(edited).title == "밖에서 고침" and journal.get(saved).title == "창에서 저장"
    assert journal.known_folders() == Journal(root, use_index=False).known_folders()


def test_a_post_turned_into_a_link_out_of_the_journal_is_never_taken_from_the_index(tmp_path):
    root, outside = tmp_path / "일기장", tmp_path / "밖"
    write_posts(root, 3)
    outside.mkdir()
    post, target = root / "글 0001.md", outside / "글 0001.md"
    target.write_bytes(post.read_bytes())
    stamp = post.stat()
    Journal(root)  # the index holds the post
    post.unlink()
    post.symlink_to(target)  # the same bytes and times, out of the journal
    os.utime(target, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    for journal in (Journal(root), Journal.opened(root)):  # a full scan; a warm open, then its check
        if journal.unchecked:
            finish(journal)
        info = journal.get(post)
        assert info is not None and not info.readable and info.problems


@pytest.mark.skipif(usable_cores() < 2, reason="the other process reads only where there are cores")
def test_a_cancel_ends_the_other_process_at_once(tmp_path):
    # on a busy machine the other process, at its lower priority, can take seconds for a batch,
    # and a window that closes waits for the thread that waits for it: a cancel ends it at once
    root = tmp_path / "일기장"
    write_posts(root, PARALLEL_MINIMUM + 50)
    work = Journal.opened(root).begin_scan()
    assert work is not None
    children = []

    def first_batch(batch) -> None:
        child = work._child  # the other process, sent its first batch
        assert child is not None
        children.append(child)
        freeze_then(child, work.cancel)

    assert ends_in_time(lambda: work.run(first_batch), Cancelled, children) and children
    assert work._child is None


@pytest.mark.skipif(usable_cores() < 2, reason="the other process reads only where there are cores")
def test_a_cancel_once_everything_came_leaves_the_other_process_to_write_the_index(tmp_path):
    # a window closed as its tree fills: the other process has sent every summary and writes
    # the index; ended then, the journal opened cold again the next time
    root = tmp_path / "일기장"
    count = PARALLEL_MINIMUM + 50
    write_posts(root, count)
    work = Journal.opened(root).begin_scan()
    assert work is not None and work.read_all
    got: list = []

    def deliver(batch) -> None:
        got.extend(batch)
        if len(got) == count:
            work.cancel()  # (as the window closing at the last batch does)

    with pytest.raises(Cancelled):
        work.run(deliver)
    assert len(got) == count
    assert not Journal.opened(root).unwalked, "the next open is cold: the index was not written"
    assert len(index_summaries(root)) == count
