"""New post files: safe Korean file names, no clashes, nothing outside the journal, the
journal's own header style."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest

from journal_app.core import Journal, JournalError, Post
from journal_app.core.newpost import (
    create_post,
    file_stem,
    journal_style,
    new_post_text,
    rename_post,
    unique_path,
)
from journal_app.resources import resource_path

KST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    "title, stem",
    [
        ("AI Expo 후기", "AI Expo 후기"),
        ('C:\\경로/이름*?"<>|', "C경로이름"),
        ("  ..숨김  ", "숨김"),
        ("../../etc/passwd", "etcpasswd"),
        ("", "untitled"),
        ("탭\t과   공백", "탭 과 공백"),
    ],
)
def test_file_stem(title, stem):
    assert file_stem(title) == stem


def test_unique_path_never_clashes(tmp_path):
    (tmp_path / "글.md").write_text("x")
    (tmp_path / "글 (2).md").write_text("x")
    assert unique_path(tmp_path, "글").name == "글 (3).md"


def test_create_post_velog_style(tmp_path):
    root = tmp_path / "sample"
    shutil.copytree(resource_path("sample-journal"), root)
    journal = Journal(root)
    assert journal_style(journal) == "velog"
    path = create_post(journal, '새 "글"', ["일상"], datetime(2026, 1, 2, 9, 0, tzinfo=KST))
    assert path.parent == root / "content"
    assert path.read_text() == (
        '---\ntitle: "새 \\"글\\""\ndescription: ""\ndate: 2026-01-02T00:00:00.000Z\ntags: ["일상"]\n---\n\n'
    )
    assert journal.get(path).title == '새 "글"'
    again = create_post(journal, '새 "글"', [])
    assert again.name == "새 글 (2).md"


def test_other_styles_keep_the_local_offset():
    moment = datetime(2026, 1, 2, 9, 30, tzinfo=KST)
    assert "date: 2026-01-02 09:30:00 +0900" in new_post_text("t", [], moment, "jekyll")
    assert "date: 2026-01-02T09:30:00+09:00" in new_post_text("t", ["a b"], moment, "yaml")
    post_text = new_post_text("t: x", ["a, b"], moment, "yaml")
    post = Post(post_text.encode())
    assert post.title == "t: x" and post.tags == ["a, b"]


def test_a_toml_site_gets_a_toml_header(tmp_path):
    root = tmp_path / "hugo"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "posts" / "old.md").write_text('+++\ntitle = "old"\n+++\nbody\n')
    journal = Journal(root)
    moment = datetime(2026, 1, 2, 9, 30, tzinfo=KST)
    path = create_post(journal, '새 글 "따옴표"', ["일상", "a b"], moment)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('+++\ntitle = "새 글 \\"따옴표\\""\ndate = 2026-01-02T09:30:00+09:00\n')
    post = Post(text.encode())
    assert post.header.kind == "toml" and post.title == '새 글 "따옴표"'
    assert post.tags == ["일상", "a b"] and post.date == moment


def test_create_post_refuses_folders_outside(tmp_path):
    root = tmp_path / "j"
    root.mkdir()
    with pytest.raises(JournalError, match="outside"):
        create_post(Journal(root), "x", [], folder=tmp_path)
    with pytest.raises(JournalError, match="title"):
        create_post(Journal(root), "   ", [])


def test_rename_post(tmp_path):
    (tmp_path / "a.md").write_text("# A\n")
    (tmp_path / "b.md").write_text("# B\n")
    journal = Journal(tmp_path)
    target = rename_post(journal, tmp_path / "a.md", "새 이름: 1")
    assert target == tmp_path / "새 이름 1.md" and target.read_text() == "# A\n"
    assert journal.get(target) is not None and journal.get(tmp_path / "a.md") is None
    with pytest.raises(JournalError, match="already"):
        rename_post(journal, target, "b")


def test_jekyll_posts_get_the_dated_name_jekyll_publishes(tmp_path):
    from datetime import datetime, timedelta, timezone

    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: x\n")
    (root / "_posts" / "2020-01-02-old-post.md").write_text("---\ntitle: old\n---\n")
    journal = Journal(root)
    moment = datetime(2026, 11, 27, 1, 1, tzinfo=timezone(timedelta(hours=9)))
    path = create_post(journal, "첫 번째 한국어 글", ["일상"], moment)
    assert path == root / "_posts" / "2026-11-27-첫-번째-한국어-글.md"
    renamed = rename_post(journal, path, "고친 제목")
    assert renamed.name == "2026-11-27-고친-제목.md"
    renamed = rename_post(journal, renamed, "2025-01-01 날짜도 바꿈")
    assert renamed.name == "2025-01-01-날짜도-바꿈.md"
    assert rename_post(journal, renamed, "2024-02-03").name == "2024-02-03-untitled.md"
