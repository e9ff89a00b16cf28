"""The title of an exported site: the journal's configured title (Hugo, Jekyll), a velog
backup's user name, else the folder's name; and export_site puts it on the index page."""

from __future__ import annotations

from journal_app.core.site import export_site
from journal_app.core.site_title import journal_title


def test_hugo_and_jekyll_configured_titles(tmp_path):
    hugo = tmp_path / "hugo-site"
    (hugo / "content").mkdir(parents=True)
    (hugo / "hugo.toml").write_text(
        'Title = "나의 개발 일지"\nbaseURL = "https://x.example/"\n', encoding="utf-8"
    )
    assert journal_title(hugo) == "나의 개발 일지"
    nested = tmp_path / "nested"
    (nested / "config" / "_default").mkdir(parents=True)
    (nested / "config" / "_default" / "hugo.yaml").write_text("title: Nested\n", encoding="utf-8")
    assert journal_title(nested) == "Nested"
    jekyll = tmp_path / "jekyll-site"
    (jekyll / "_posts").mkdir(parents=True)
    (jekyll / "_config.yml").write_text("title:  Jekyll\n  Blog\n", encoding="utf-8")
    assert journal_title(jekyll) == "Jekyll Blog"


def test_a_velog_backup_is_named_after_its_user(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    post = root / "content" / "글.md"
    post.write_text(
        "---\ntitle: 글\n---\n![](https://velog.velcdn.com/images/dev_kim/post/1a2b/image.png)\n",
        encoding="utf-8",
    )
    assert journal_title(root, [post]) == "dev_kim.log"
    assert journal_title(root, []) == "backup"


def test_without_a_title_the_folder_name_and_an_unreadable_config_changes_nothing(tmp_path):
    plain = tmp_path / "일기장"
    plain.mkdir()
    assert journal_title(plain) == "일기장"
    broken = tmp_path / "broken"
    (broken / "_posts").mkdir(parents=True)
    (broken / "_config.yml").write_text("title: [unclosed\n", encoding="utf-8")
    assert journal_title(broken) == "broken"


def test_the_site_index_carries_the_title(tmp_path):
    root = tmp_path / "blog"
    (root / "content").mkdir(parents=True)
    (root / "config.toml").write_text('title = "Hugo <Blog>"\n', encoding="utf-8")
    (root / "content" / "a.md").write_text("---\ntitle: 글\n---\n본문\n", encoding="utf-8")
    export_site(root, tmp_path / "out")
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<title>Hugo &lt;Blog&gt;</title>" in index
    export_site(root, tmp_path / "out", title="다른 제목")
    assert "<title>다른 제목</title>" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
