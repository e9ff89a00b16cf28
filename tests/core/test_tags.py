"""core.tags: splitting tag values, writing a new set of tags, and renaming a tag in a journal."""

from __future__ import annotations

import pytest

from journal_app.core import Journal, Post
from journal_app.core.tags import (
    TAG_KEYS,
    merged_tags,
    posts_with_tag,
    rename_in_post,
    rename_tag,
    set_tags,
    split_tags,
)


@pytest.mark.parametrize(
    "value, tags",
    [
        (None, []),
        (["a", None, " b ", ""], ["a", "b"]),
        (("x", 1), ["x", "1"]),
        ("a, b ,,c", ["a", "b", "c"]),
        ("jekyll  leap", ["jekyll", "leap"]),
        ("한글 태그", ["한글", "태그"]),
        ("one, two words", ["one", "two words"]),
        (2024, ["2024"]),
    ],
)
def test_split_tags(value, tags):
    assert split_tags(value) == tags


def test_merged_tags_follow_the_key_order_and_drop_duplicates():
    header = {"category": "c", "tags": ["a", "b"], "keywords": "b k", "categories": ["a", "cat"]}
    assert TAG_KEYS == ("tags", "keywords", "categories", "category")
    assert merged_tags(header.get) == ["a", "b", "k", "cat", "c"]


def test_set_tags_keeps_each_tag_under_its_key():
    post = Post(b"---\ntitle: t\ncategories: [go, web]\ntags: [a]\n---\nbody\n")
    set_tags(post, ["web", "a", "new", ""])
    assert post.to_bytes() == b"---\ntitle: t\ncategories: [web]\ntags: [a, new]\n---\nbody\n"
    set_tags(post, ["new"])
    assert post.to_bytes() == b"---\ntitle: t\ntags: [new]\n---\nbody\n"


def test_set_tags_without_a_tag_key_and_nothing_to_set_changes_nothing():
    post = Post(b"---\ntitle: t\n---\nbody\n")
    set_tags(post, [])
    assert not post.modified


def test_rename_in_post_renames_under_every_key_and_merges():
    post = Post(b"---\ntags: [old, new]\nkeywords: old\ncategories: [x]\n---\n")
    assert rename_in_post(post, "old", "new")
    assert post.to_bytes() == b"---\ntags: [new]\nkeywords: new\ncategories: [x]\n---\n"
    assert not rename_in_post(post, "absent", "y")


def test_rename_tag_in_a_journal(tmp_path):
    (tmp_path / "a.md").write_bytes(b"---\ntitle: a\ntags: [old, b]\n---\nA\n")
    (tmp_path / "b.md").write_bytes(b"---\ntitle: b\ntags: [b]\n---\nB\n")
    (tmp_path / "c.md").write_bytes(b"---\ntitle: [c\ntags: [old]\n---\nC\n")  # unreadable header
    (tmp_path / "d.md").write_bytes(b'{"title": "d", "tags": ["old"]}\nD\n')  # JSON: not editable
    results = list(rename_tag(Journal(tmp_path, use_index=False), "old", "new"))
    assert [(r.relpath, r.outcome) for r in results] == [
        ("a.md", "renamed"),
        ("c.md", "skipped"),
        ("d.md", "failed"),
    ]
    assert "fix it first" in results[1].reason and "JSON" in results[2].reason
    assert (tmp_path / "a.md").read_bytes() == b"---\ntitle: a\ntags: [new, b]\n---\nA\n"
    assert (tmp_path / "c.md").read_bytes() == b"---\ntitle: [c\ntags: [old]\n---\nC\n"
    assert (tmp_path / "d.md").read_bytes() == b'{"title": "d", "tags": ["old"]}\nD\n'


def test_rename_tag_dry_run_and_posts_left_alone(tmp_path):
    (tmp_path / "a.md").write_bytes("---\ntags: [일상, 여행]\n---\n본문\n".encode())
    (tmp_path / "b.md").write_bytes("---\ncategories: 일상\n---\n".encode())
    (tmp_path / "c.md").write_bytes(b"---\ntags: [other]\n---\n")
    before = {path: path.read_bytes() for path in tmp_path.iterdir()}
    journal = Journal(tmp_path, use_index=False)
    assert [info.relpath for info in posts_with_tag(journal, "일상")] == ["a.md", "b.md"]
    dry = list(rename_tag(journal, "일상", "여행", dry_run=True))
    assert [(result.relpath, result.outcome) for result in dry] == [("a.md", "renamed"), ("b.md", "renamed")]
    assert dry[0].changes == ("-tags: [일상, 여행]", "+tags: [여행]")
    assert {path: path.read_bytes() for path in tmp_path.iterdir()} == before  # nothing written
    done = list(rename_tag(journal, "일상", "여행", leave={tmp_path / "a.md"}))
    assert [result.relpath for result in done] == ["b.md"]
    assert (tmp_path / "a.md").read_bytes() == before[tmp_path / "a.md"]
    assert b"categories: \xec\x97\xac\xed\x96\x89" in (tmp_path / "b.md").read_bytes()
