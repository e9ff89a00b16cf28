"""A folder the scan cannot read is a problem with a kind, as a post's problems are: code (the
sidebar, the CLI) decides by ``Problem.kind``, never by the words of the message.

An unreadable folder needs permissions (root reads everything; see the test marked
``permissions`` in test_journal.py). These folders fail for root too: a path longer than the
system takes, a loop of links, subfolders deeper than the scan reads.
"""

from __future__ import annotations

import errno
import os

import pytest

from journal_app.core import Journal
from journal_app.core.problems import Problem, ProblemKind, folder_error_kind
from tests.hostile import deep_folders, long_folders

K = ProblemKind


def test_a_folder_whose_path_is_too_long_is_an_unreadable_folder(tmp_path):
    (tmp_path / "글.md").write_text("---\ntitle: 읽히는 글\n---\n본문\n", encoding="utf-8")
    too_long = long_folders(tmp_path)
    journal = Journal(tmp_path, use_index=False)
    assert [info.title for info in journal.posts] == ["읽히는 글"]  # the rest is read
    assert [problem.kind for problem in journal.folder_problems] == [K.UNREADABLE_FOLDER]
    problem = journal.folder_problems[0]
    assert journal.problems == [problem.message] and str(too_long) in problem.message
    journal.sync([tmp_path])
    assert journal.folder_problems == [problem]  # walked again: the same problem, once


def test_a_folder_that_is_a_loop_of_links_is_a_symlink_loop(tmp_path):
    journal = Journal(tmp_path, use_index=False)
    loop = tmp_path / "고리"
    loop.symlink_to(loop)  # what the watcher may be handed as a new folder to watch
    assert journal.folders(loop) == [str(loop)]
    assert [(problem.kind, str(loop) in problem.message) for problem in journal.folder_problems] == [
        (K.SYMLINK_LOOP, True)
    ]


def test_folders_too_deep_are_a_problem_of_their_kind(tmp_path):
    with deep_folders(tmp_path, 66):
        journal = Journal(tmp_path, use_index=False)
        assert [problem.kind for problem in journal.folder_problems] == [K.FOLDER_TOO_DEEP]
        assert journal.problems[0].startswith(f"Did not read the folders in {tmp_path}/" + "d/" * 63)


@pytest.mark.parametrize(
    ("number", "kind"),
    [(errno.ELOOP, K.SYMLINK_LOOP), (errno.EACCES, K.UNREADABLE_FOLDER), (errno.ENOENT, K.UNREADABLE_FOLDER)],
)
def test_a_listing_error_has_the_kind_of_its_cause(number, kind):
    assert folder_error_kind(OSError(number, os.strerror(number), "/x")) is kind


def test_a_folder_problem_is_a_problem_with_a_kind():
    with pytest.raises(TypeError):
        Problem("Could not read /x.")  # type: ignore[call-arg]  # no kind: refused
