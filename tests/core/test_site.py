"""Exporting the whole journal as a static site: relative links that all resolve, images once,
and a second run that rewrites only what changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from journal_app.core.site import export_site
from tests.core.test_export import parse
from tests.quirks import PNG_HEAD


def local_links(page: Path) -> list[str]:
    refs = parse(page.read_text(encoding="utf-8")).refs
    return [
        value for tag, name, value in refs if not urlsplit(value).scheme and not value.startswith(("#", "//"))
    ]


def test_site_links_all_resolve(quirk_journal, tmp_path):
    root, written = quirk_journal
    out = tmp_path / "site"
    result = export_site(root, out)
    assert result.failed == [] and result.total == len(written)
    pages = list(out.rglob("*.html"))
    assert (out / "index.html") in pages and len(list((out / "posts").glob("*.html"))) == len(written)
    assert list((out / "tags").glob("*.html"))
    checked = 0
    for page in pages:
        for link in local_links(page):
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert target.is_file(), (page, link)
            checked += 1
    assert checked > len(written) * 2
    images = list((out / "images").rglob("*.png"))
    assert [image.name for image in images] == ["0a1b-sea.png"]  # used by two posts, copied once


def test_rerun_rewrites_only_changed_posts(quirk_journal, tmp_path):
    root, _ = quirk_journal
    out = tmp_path / "site"
    export_site(root, out)
    stamps = {page: page.stat().st_mtime_ns for page in out.rglob("*.html")}
    again = export_site(root, out)
    assert again.rendered == 0 and again.pages_written == 0
    assert {page: page.stat().st_mtime_ns for page in out.rglob("*.html")} == stamps
    post = root / "vault/obsidian.md"
    post.write_text(post.read_text() + "Edited.\n")
    os.utime(post, ns=(post.stat().st_atime_ns, post.stat().st_mtime_ns + 10**9))
    third = export_site(root, out)
    assert third.rendered == 1
    changed = [page for page in out.rglob("*.html") if page.stat().st_mtime_ns != stamps.get(page)]
    assert [page.name for page in changed] == ["obsidian.html"]


def test_export_all_cli_shows_progress(quirk_journal, tmp_path):
    root, _ = quirk_journal
    result = subprocess.run(
        [sys.executable, "-m", "journal_app", "export", "--all", str(root), "-o", str(tmp_path / "site")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "exporting 18/18 posts (100%)" in result.stderr
    assert "18 post(s): 18 rendered" in result.stdout


def test_many_posts_rendered_in_workers(tmp_path):
    root = tmp_path / "j"
    root.mkdir()
    for index in range(70):
        (root / f"{index}.md").write_text(
            f"---\ntitle: 글 {index}\ntags: [t{index % 3}]\n---\n본문 {index}\n"
        )
    out = tmp_path / "site"
    result = export_site(root, out)
    assert result.rendered == 70 and not result.failed
    assert "본문 42" in (out / "posts" / "42.html").read_text()


def test_bad_posts_drafts_and_long_names_never_break_the_site(quirk_journal, tmp_path):
    import pytest

    from journal_app.core import JournalError

    root, written = quirk_journal
    (root / "notes" / "latin1.md").write_bytes("---\ntitle: Café\n---\nnaïve\n".encode("latin-1"))
    (root / "notes" / "dangling.md").symlink_to(root / "nowhere.md")
    (root / "notes" / "draft.md").write_text("---\ntitle: 초고\ndraft: true\n---\n아직\n", encoding="utf-8")
    (root / "notes" / "long.md").write_text(
        "---\ntitle: 긴 태그\ntags: [" + "🎉" * 70 + "]\n---\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    result = export_site(root, out)
    assert [line.split(":")[0] for line in result.failed] == ["notes/dangling.md"]
    assert result.drafts == 1
    for page in out.rglob("*.html"):
        text = page.read_bytes().decode("utf-8")  # valid UTF-8 everywhere
        assert "초고" not in text and "dangling" not in text
        for link in local_links(page):
            assert (page.parent / unquote(urlsplit(link).path)).resolve().is_file(), (page, link)
    assert "Caf\ufffd" in (out / "index.html").read_text(encoding="utf-8")
    assert any("🎉" * 10 in page.name for page in (out / "tags").glob("*.html"))
    with pytest.raises(JournalError, match="inside the journal"):
        export_site(root, root)
    assert export_site(root, root / "_site").failed == result.failed


def test_rerun_follows_changed_added_and_deleted_images(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "a.png").write_bytes(PNG_HEAD + b"first")
    (root / "content" / "글.md").write_text(
        "---\ntitle: 글\n---\n![](../images/a.png)\n\n![](../images/b.png)\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    export_site(root, out)
    page = out / "posts" / "글.html"
    assert "Image not found: ../images/b.png" in page.read_text(encoding="utf-8")
    assert export_site(root, out).rendered == 0
    image = root / "images" / "a.png"
    image.write_bytes(PNG_HEAD + b"again")  # same size, new content
    os.utime(image, ns=(image.stat().st_atime_ns, image.stat().st_mtime_ns + 10**9))
    assert export_site(root, out).rendered == 1
    assert (out / "images" / "images" / "a.png").read_bytes() == PNG_HEAD + b"again"
    (root / "images" / "b.png").write_bytes(PNG_HEAD + b"now here")
    assert export_site(root, out).rendered == 1
    assert "Image not found" not in page.read_text(encoding="utf-8")
    import shutil

    shutil.rmtree(out / "images")
    assert export_site(root, out).rendered == 1
    assert (out / "images" / "images" / "b.png").read_bytes() == PNG_HEAD + b"now here"


def test_links_between_posts_point_at_their_pages(tmp_path):
    root = tmp_path / "vault"
    (root / "글 모음").mkdir(parents=True)
    (root / "글 모음" / "이전 글.md").write_text("---\ntitle: 이전 글\n---\n## 끝 절\n", encoding="utf-8")
    (root / "다음 글.md").write_text(
        "---\ntitle: 다음 글\n---\n[앞](글%20모음/이전%20글.md) [절](<글 모음/이전 글.md#끝-절>) "
        "[없음](<없는 글.md>) [밖](https://example.com/a.md)\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    export_site(root, out)
    page = out / "posts" / "다음-글.html"
    links = [link for link in local_links(page) if "index.html" not in link and "tags/" not in link]
    assert [unquote(link) for link in links] == [
        "../posts/이전-글.html",
        "../posts/이전-글.html#끝-절",
        "없는 글.md",
    ]
    assert (page.parent / unquote(links[0])).resolve().is_file()
    assert 'href="https://example.com/a.md"' in page.read_text(encoding="utf-8")


def many_posts(root: Path, count: int) -> Path:
    """A journal of ``count`` posts, each showing the same image (copied into the site)."""
    (root / "images").mkdir(parents=True)
    (root / "images" / "사진.png").write_bytes(PNG_HEAD + b"picture")
    for index in range(count):
        (root / f"{index:03}.md").write_text(
            f"---\ntitle: 글 {index}\ntags: [t{index % 3}]\n---\n본문 {index}\n\n![](images/사진.png)\n",
            encoding="utf-8",
        )
    return root


def site_files(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in out.rglob("*") if path.is_file()}


def test_cancel_stops_after_the_post_being_rendered_and_leaves_no_folder(tmp_path):
    import pytest

    from journal_app.core.site import SiteCancelled

    root = many_posts(tmp_path / "j", 100)
    seen: list[int] = []
    out = tmp_path / "sites" / "new" / "site"
    with pytest.raises(SiteCancelled):
        export_site(root, out, lambda done, total: seen.append(done), cancelled=lambda: len(seen) >= 3)
    assert seen == [1, 2, 3]  # asked after each post (in workers it could not be), stopped at once
    assert not (tmp_path / "sites").exists()  # the folders it made (images were copied) go again
    with pytest.raises(SiteCancelled):  # pressed before the first post
        export_site(root, out, cancelled=lambda: True)
    assert not (tmp_path / "sites").exists()


def test_a_cancelled_rerun_leaves_the_site_as_it_was(tmp_path):
    import pytest

    from journal_app.core.site import SiteCancelled

    root = many_posts(tmp_path / "j", 40)
    out = tmp_path / "site"
    assert export_site(root, out).rendered == 40
    before = site_files(out)
    for path in root.glob("*.md"):  # every post changed: all to render again
        path.write_text(path.read_text(encoding="utf-8") + "\n덧붙임\n", encoding="utf-8")
    asked: list[bool] = []
    with pytest.raises(SiteCancelled):
        export_site(root, out, cancelled=lambda: asked.append(True) or len(asked) > 5)
    assert site_files(out) == before  # no page of the new render, the manifest as it was
    assert export_site(root, out).rendered == 40 and "덧붙임" in (out / "posts" / "007.html").read_text()


def test_pages_written_by_the_workers_are_the_pages_written_here(tmp_path):
    root = tmp_path / "j"
    root.mkdir()
    for index in range(70):
        (root / f"{index}.md").write_text(
            f"---\ntitle: 글 {index}\ntags: [t{index % 3}]\n---\n본문 [다음](./{index + 1}.md)\n\n"
            "```python\nprint(1)\n```\n![없는 그림](missing.png)\n",
            encoding="utf-8",
        )
    by_workers = export_site(root, tmp_path / "workers")  # the command line's way
    here = export_site(root, tmp_path / "here", cancelled=lambda: False)  # the window's: one process
    assert by_workers.pages_written == here.pages_written == 70 + 3 + 1  # posts, tags, index
    files = sorted(path.relative_to(tmp_path / "here") for path in (tmp_path / "here").rglob("*"))
    assert files == sorted(
        path.relative_to(tmp_path / "workers") for path in (tmp_path / "workers").rglob("*")
    )
    for name in files:
        if (tmp_path / "here" / name).is_file():
            assert (tmp_path / "here" / name).read_bytes() == (tmp_path / "workers" / name).read_bytes()
    assert export_site(root, tmp_path / "workers").pages_written == 0


@pytest.mark.parametrize("cancelled", [None, lambda: False], ids=["workers", "here"])
def test_a_failed_rerun_leaves_the_site_as_it_was(tmp_path, cancelled):
    from journal_app.core import JournalError

    root = many_posts(tmp_path / "j", 70)
    out = tmp_path / "site"
    export_site(root, out)
    (out / "posts" / "050.html").unlink()
    (out / "posts" / "050.html").mkdir()  # in the way of that page: it cannot be written
    before = site_files(out)
    for path in root.glob("*.md"):  # every post changed, under a new tag: every page new
        text = path.read_text(encoding="utf-8").replace("tags: [", "tags: [새 태그, ")
        path.write_text(text + "\n덧붙임\n", encoding="utf-8")
    with pytest.raises(JournalError, match="050.html"):
        export_site(root, out, cancelled=cancelled)
    assert site_files(out) == before  # no new page beside the old index, the manifest as it was
    names = sorted(path.name for path in out.iterdir())  # no staging folder left behind
    assert names == [".journal-export.json", "images", "index.html", "posts", "tags"]
    (out / "posts" / "050.html").rmdir()
    assert export_site(root, out, cancelled=cancelled).rendered == 70
    assert all("덧붙임" in page.read_text(encoding="utf-8") for page in (out / "posts").glob("*.html"))
    assert "새 태그" in (out / "index.html").read_text(encoding="utf-8")


def test_a_staging_folder_left_by_an_export_that_died_goes_at_the_next(tmp_path):
    import subprocess
    import sys

    root = many_posts(tmp_path / "j", 3)
    out = tmp_path / "site"
    export_site(root, out)
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(gone.stdout)  # a process that has ended
    left, running, newer = (
        out / ".journal-export-dead",
        out / ".journal-export-running",
        out / ".journal-export-new",
    )
    users = out / ".journal-export-notes"  # the user's own folder of the same name: no mark
    for folder, pid in ((left, dead_pid), (running, os.getpid()), (newer, dead_pid), (users, None)):
        (folder / "posts").mkdir(parents=True)
        (folder / "posts" / "000.html").write_text("half", encoding="utf-8")
        if pid is not None:
            (folder / ".journal-export-staging").write_text(f"journal_app {pid}", encoding="ascii")
        if folder is not newer:
            os.utime(folder, (0, 0))  # long ago
    export_site(root, out)
    assert not left.exists()  # its export is gone
    for kept in (running, newer, users):  # still writing; maybe still writing; not ours
        assert (kept / "posts" / "000.html").is_file()


def test_image_candidates_are_a_new_list_each_time(tmp_path):
    # (they are remembered for the manifest's second ask: a caller changing its list must not
    # change what the next caller is told)
    from journal_app.core.scan import image_candidates

    post = tmp_path / "content" / "p.md"
    first = image_candidates("/images/a.png", post, tmp_path)
    assert first[:2] == [tmp_path / "content" / "images" / "a.png", tmp_path / "images" / "a.png"]
    first.clear()
    assert image_candidates("/images/a.png", post, tmp_path)[1] == tmp_path / "images" / "a.png"
