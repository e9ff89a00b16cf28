"""A hostile post never carries a file from outside the journal into the preview, a page, the
copied images or the site: only regular image files inside the journal are used (issue 9.1)."""

from __future__ import annotations

import base64
import os

import pytest

from journal_app.cli import main
from journal_app.core import check_post, load_post
from journal_app.core.boundary import image_type, real_inside
from journal_app.core.export import export_post
from journal_app.core.render import render_post
from journal_app.core.site import export_site
from tests.hostile import bounded
from tests.quirks import PNG_HEAD, solid_png

SECRET = b"SECRET-0f1e2d"
HOSTILE = {  # source -> why it is not shown
    "../../outside/passwd": "it lies outside the journal",
    "%2e%2e/%2e%2e/outside/secret.png": "it lies outside the journal",
    "../images/link.png": "it lies outside the journal",  # a symlink out of the journal
    "../.git/config": "it is not an image",
    "../images/notes.png": "it is not an image",  # named like an image, text inside
    "../images/fifo.png": "it is not a regular file",
}


@pytest.fixture
def hostile(tmp_path):
    """(root, post, outside): see :func:`make_hostile`."""
    return make_hostile(tmp_path)


def make_hostile(tmp_path):
    """A velog backup whose post names files outside it, a non-image, a link out and a FIFO."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd").write_bytes(b"root:x:0:0:" + SECRET + b"\n")
    (outside / "secret.png").write_bytes(PNG_HEAD + SECRET)  # an image, but not the journal's
    (outside / "id_rsa").write_bytes(b"---\ntitle: key\n---\n-----BEGIN KEY-----" + SECRET)
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / ".git").mkdir()
    (root / ".git" / "config").write_bytes(b"[remote]\n\ttoken = " + SECRET + b"\n")
    (root / "images" / "ok.png").write_bytes(solid_png(2, 2, (255, 0, 0)))
    (root / "images" / "notes.png").write_bytes(b"not a picture " + SECRET)
    os.symlink(outside / "secret.png", root / "images" / "link.png")
    os.mkfifo(root / "images" / "fifo.png")  # opening it for reading would hang
    lines = [f"![]({src})" for src in HOSTILE] + [
        '<img src="../../outside/secret.png">',
        "![](/outside/secret.png)",
        "![ok](../images/ok.png)",
    ]
    post_path = root / "content" / "글.md"
    post_path.write_text("---\ntitle: 글\n---\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    os.symlink(outside / "id_rsa", root / "content" / "key.md")  # a post that is a link out
    return root, post_path, outside


def leaks(data: bytes) -> bool:
    return SECRET in data or base64.b64encode(PNG_HEAD + SECRET)[:16] in data


def test_image_type_is_read_from_the_bytes_not_the_name():
    assert image_type(solid_png(1, 1, (0, 0, 0))) == "image/png"
    assert image_type(b"\xff\xd8\xff\xdb") == "image/jpeg"
    assert image_type(b"GIF89a...") == "image/gif"
    assert image_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert image_type(b"\x00\x00\x00\x1cftypavif") == "image/avif"
    assert image_type(b"BM" + bytes(30)) == "image/bmp"
    assert image_type(b"\x00\x00\x01\x00\x01\x00") == "image/x-icon"
    assert image_type(b'<?xml version="1.0"?>\n<!-- c -->\n<svg xmlns="x">') == "image/svg+xml"
    for text in (b"root:x:0:0", b"[remote]", b"<html><svg>", b"", b"\x89PN"):
        assert image_type(text) is None


def test_page_export_embeds_only_the_journal_s_images(hostile, tmp_path):
    root, post_path, _ = hostile
    result = export_post(load_post(post_path), tmp_path / "page.html", root)
    page = (tmp_path / "page.html").read_bytes()
    assert not leaks(page)
    text = page.decode("utf-8")
    for src, why in HOSTILE.items():
        assert f"Image not shown: {src} ({why})" in text, src
    assert "Image not shown: ../../outside/secret.png (it lies outside the journal)" in text
    assert text.count("data:image/png;base64,") == 1  # ok.png, and nothing else
    assert result.images == [(root / "images" / "ok.png").resolve()]
    assert len(result.refused) == len(HOSTILE) + 1  # the <img> too
    assert result.missing == ["/outside/secret.png"]  # looked for under the journal only


def test_copied_images_are_only_the_journal_s_images(hostile, tmp_path):
    root, post_path, _ = hostile
    export_post(load_post(post_path), tmp_path / "out" / "page.html", root, copy_images=True)
    copied = sorted(p.name for p in (tmp_path / "out" / "page_files").iterdir())
    assert copied == ["ok.png"]
    for path in (tmp_path / "out").rglob("*"):
        assert path.is_dir() or not leaks(path.read_bytes())


def test_a_post_on_its_own_uses_only_its_own_folder(hostile, tmp_path):
    """With no journal known, a root-absolute source must not reach the folders above the post."""
    root, post_path, _ = hostile
    page = tmp_path / "alone.html"
    export_post(load_post(post_path), page, None)
    text = page.read_text(encoding="utf-8")
    assert not leaks(page.read_bytes())
    assert "Image not shown: /outside/secret.png (it lies outside the journal)" in text
    assert "Image not shown: ../images/ok.png (it lies outside the journal)" in text


def test_cli_export_finds_the_journal_and_names_what_it_did_not_show(hostile, tmp_path, capsys):
    root, post_path, _ = hostile
    out = tmp_path / "cli" / "page.html"
    assert main(["export", str(post_path), "-o", str(out), "--copy-images"]) == 0
    said = capsys.readouterr().out
    assert "1 image(s)" in said and f"{len(HOSTILE) + 1} not shown" in said
    assert sorted(p.name for p in (out.parent / "page_files").iterdir()) == ["ok.png"]
    assert not leaks(out.read_bytes())


def test_preview_html_names_no_file_outside_the_journal(hostile):
    root, post_path, _ = hostile
    fragment = render_post(load_post(post_path), root)
    assert fragment.count("file://") == 1
    assert (root / "images" / "ok.png").resolve().as_uri() in fragment
    assert fragment.count('title="Image not shown:') == len(HOSTILE) + 1


def test_site_carries_nothing_from_outside(hostile, tmp_path):
    root, _, outside = hostile
    out = tmp_path / "site"
    result = export_site(root, out)
    assert not (out / "images" / "external").exists()
    files = [path for path in out.rglob("*") if path.is_file()]
    assert files and all(real_inside(path, out) for path in files)
    assert not any(leaks(path.read_bytes()) for path in files)
    assert sorted(
        p.relative_to(out / "images").as_posix() for p in (out / "images").rglob("*") if p.is_file()
    ) == ["images/ok.png"]
    assert any(line.startswith("content/key.md") for line in result.failed)
    assert not any("key" in path.name for path in (out / "posts").iterdir())


def test_site_never_writes_through_a_link_in_its_output_folder(hostile, tmp_path):
    root, _, _ = hostile
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "site"
    out.mkdir()
    os.symlink(elsewhere, out / "images")
    export_site(root, out)
    assert list(elsewhere.iterdir()) == []


def test_check_names_every_image_it_will_not_show(hostile):
    root, post_path, _ = hostile
    messages = [problem.message for problem in check_post(load_post(post_path), root)]
    for src, why in HOSTILE.items():
        assert f"image not shown: {src} ({why})" in messages


def test_nothing_blocks_on_a_fifo_where_a_file_was(tmp_path):
    """A post replaced by a FIFO after the scan, and a FIFO where the site keeps its manifest:
    a new post and a site export go on (opening either for reading would block forever; the
    child process turns a hang into a failure)."""
    root = tmp_path / "journal"
    root.mkdir()
    for number in range(3):
        (root / f"{number}.md").write_text(f'---\ntitle: "{number}"\ntags: ["a"]\n---\n글\n')
    found = bounded(f"""
        import json, os
        from pathlib import Path
        from journal_app.core import Journal
        from journal_app.core.newpost import create_post
        from journal_app.core.site import MANIFEST, export_site
        root, out = Path({str(root)!r}), Path({str(tmp_path / "site")!r})
        journal = Journal(root)
        (root / "1.md").unlink()
        os.mkfifo(root / "1.md")
        created = create_post(journal, "새 글", []).is_file()
        (root / "1.md").unlink()
        out.mkdir()
        os.mkfifo(out / MANIFEST)
        failed = export_site(root, out).failed
        print(json.dumps([created, failed, (out / MANIFEST).is_file()]))
        """)
    assert found == [True, [], True]


@pytest.mark.parametrize(
    "tag",
    [
        '<img title=" src=../images/ok.png" src="../../outside/secret.png">',
        '<img title=\' src="../images/ok.png"\' src="../../outside/secret.png">',
        '<img alt="a > b" src="../../outside/secret.png">',
        '<img alt="x" SRC="../../outside/secret.png" src="../images/ok.png">',
    ],
)
def test_an_image_source_hidden_in_another_attribute_is_still_vetted(hostile, tmp_path, tag):
    root, post_path, _ = hostile
    post_path.write_text(f"---\ntitle: t\n---\n{tag}\n", encoding="utf-8")
    post = load_post(post_path)
    fragment = render_post(post, root)
    assert "outside/secret.png" not in fragment.replace("Image not shown: ../../outside/secret.png", "")
    assert "Image not shown: ../../outside/secret.png (it lies outside the journal)" in fragment
    page = tmp_path / "page.html"
    export_post(post, page, root)
    assert not leaks(page.read_bytes())
    assert 'outside/secret.png"' not in page.read_text(encoding="utf-8")


def test_a_site_manifest_from_elsewhere_removes_nothing_outside_the_site(tmp_path):
    import json

    from journal_app.core.site import MANIFEST

    root = tmp_path / "journal"
    root.mkdir()
    (root / "a.md").write_text("---\ntitle: a\n---\n글\n", encoding="utf-8")
    out = tmp_path / "site"
    export_site(root, out)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.html").write_text("keep me too")
    os.symlink(elsewhere, out / "linked")
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["posts"].update(
        {
            "gone.md": {"page": "../victim.txt"},
            "gone2.md": {"page": "linked/x.html"},
            "gone3.md": {"page": "posts/../../victim.txt"},
        }
    )
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    export_site(root, out)
    assert victim.read_text() == "keep me" and (elsewhere / "x.html").exists()


@pytest.mark.parametrize("command", ["render", "export"])
def test_the_command_line_never_reads_a_post_that_links_out(hostile, tmp_path, capsys, command):
    root, _, _ = hostile
    args = [command, str(root / "content" / "key.md")]
    if command == "export":
        args += ["-o", str(tmp_path / "key.html")]
    assert main(args) == 1
    said = capsys.readouterr()
    assert SECRET.decode() not in said.out + said.err
    assert not (tmp_path / "key.html").exists()
