"""A post's summary read from a simple header alone is the one its full Post gives, for every
kind of file the project knows (edges of what the quick way takes, quirks, hostile files)."""

from __future__ import annotations

import pytest

from journal_app.core.post import load_post
from journal_app.core.postinfo import PostInfo, read_summary
from journal_app.core.searchheader import simple_post
from tests.core.test_search_header import corpus_files


@pytest.mark.parametrize("corpus", ["edges", "quirks", "hostile"])
def test_the_summary_of_every_file_is_the_one_its_post_gives(tmp_path, corpus):
    root, paths = corpus_files(tmp_path, corpus)
    quick = 0
    for path in paths:
        relpath = path.name
        summary = read_summary(str(path.absolute()), relpath, str(root.absolute()))
        try:
            expected = PostInfo.of(load_post(path.absolute(), root.absolute()), relpath)
        except OSError:
            assert not summary.readable, path
            continue
        assert summary == expected, path
        quick += path.is_file() and simple_post(path.read_bytes()) is not None
    if corpus == "edges":
        assert quick >= 60  # the generated posts and the simple edges went the quick way


def test_a_simple_header_with_more_tags_than_are_listed_keeps_the_problem(tmp_path):
    path = tmp_path / "many.md"
    tags = ", ".join(f"t{number}" for number in range(150))
    path.write_text(f"---\ntitle: 많은 태그\ntags: [{tags}]\n---\n본문\n", encoding="utf-8")
    summary = read_summary(str(path), "many.md", str(tmp_path))
    assert len(summary.tags) == 100 and summary.problems
    assert summary == PostInfo.of(load_post(path), "many.md")
