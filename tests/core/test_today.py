"""Today's entry: made from the journal's template, named and placed the way the journal names
and places its posts (velog, Jekyll, Hugo files and bundles), opened rather than made twice."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone

import pytest

from journal_app.core import Journal, Post
from journal_app.core.newpost import fill_template, todays_entry, todays_path
from journal_app.resources import resource_path

KST = timezone(timedelta(hours=9))
FRIDAY = datetime(2024, 6, 14, 9, 30, tzinfo=KST)


def journal_of(root, files: dict[str, str]) -> Journal:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return Journal(root)


def test_fill_template():
    template = "{{date}} {{ weekday }} · {{title}} · {{other}}"
    assert fill_template(template, "제목", FRIDAY, "금요일") == "2024-06-14 금요일 · 제목 · {{other}}"
    assert fill_template("{{weekday}}", "t", FRIDAY) == "Friday"  # the C locale's name


def test_velog_entry_from_a_template_without_header(tmp_path):
    root = tmp_path / "velog"
    shutil.copytree(resource_path("sample-journal"), root)
    journal = Journal(root)
    path, created = todays_entry(journal, "velog", "{{weekday}} 일기\n", FRIDAY, "금요일")
    assert created and path == root / "content" / "2024-06-14.md"
    assert path.read_text(encoding="utf-8") == (
        '---\ntitle: "2024-06-14"\ndescription: ""\ndate: 2024-06-14T00:30:00.000Z\ntags: []\n'
        "---\n\n금요일 일기\n"
    )
    assert Post(path.read_bytes()).title == "2024-06-14"
    assert any(info.path == path for info in journal.posts)
    path.write_text("고친 글", encoding="utf-8")
    assert todays_entry(journal, "velog", "다른 틀", FRIDAY) == (path, False)  # opened, not made again
    assert path.read_text(encoding="utf-8") == "고친 글"


def test_jekyll_entry_is_dated(tmp_path):
    journal = journal_of(tmp_path, {"_config.yml": "", "_posts/2024-01-01-hello.md": "---\ntitle: hi\n---\n"})
    template = '---\nlayout: post\ntitle: "{{title}}"\n---\n{{date}}, {{weekday}}\n'
    path, created = todays_entry(journal, "jekyll", template, FRIDAY, "Friday")
    assert created and path == tmp_path / "_posts" / "2024-06-14-journal.md"
    assert (
        path.read_text(encoding="utf-8")
        == '---\nlayout: post\ntitle: "2024-06-14"\n---\n2024-06-14, Friday\n'
    )


def test_hugo_entry_as_a_file_or_as_a_bundle(tmp_path):
    files = tmp_path / "files"
    journal = journal_of(
        files, {"hugo.toml": "", "content/posts/a.md": "# a\n", "content/posts/b.md": "# b\n"}
    )
    assert todays_path(journal, "hugo", FRIDAY) == files / "content" / "posts" / "2024-06-14.md"
    bundles = tmp_path / "bundles"
    posts = {
        "content/posts/a/index.md": "# a\n",
        "content/posts/b/index.md": "# b\n",
        "content/about.md": "#\n",
    }
    journal = journal_of(bundles, {"hugo.toml": "", **posts})
    path, created = todays_entry(journal, "hugo", "", FRIDAY)
    assert created and path == bundles / "content" / "posts" / "2024-06-14" / "index.md"


@pytest.mark.parametrize(
    "flavor, expected",
    [
        ("velog", "content/2024-06-14.md"),
        ("jekyll", "_posts/2024-06-14-journal.md"),
        ("hugo", "content/posts/2024-06-14.md"),
        ("commonmark", "2024-06-14.md"),
    ],
)
def test_an_empty_journal_follows_its_platform(tmp_path, flavor, expected):
    assert todays_path(Journal(tmp_path), flavor, FRIDAY) == tmp_path / expected


def test_without_the_platforms_folder_the_folder_with_most_posts(tmp_path):
    files = {"diary/2024-01-01-a.md": "# a\n", "diary/2024-01-02-b.md": "# b\n", "x.md": "# x\n"}
    journal = journal_of(tmp_path, files)
    assert todays_path(journal, "commonmark", FRIDAY) == tmp_path / "diary" / "2024-06-14-journal.md"
