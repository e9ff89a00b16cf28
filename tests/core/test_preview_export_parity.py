"""The preview, ``journal-app export POST`` and ``journal-app export --all`` show the same body for
every flavor: the preview as the window renders it (the incremental renderer, after typing),
the two exports through the command line, over the fixtures of every flavor's own rules."""

from __future__ import annotations

import base64
import re

import pytest

from tests.clirun import run_in_process
from tests.core.test_flavors import FIXTURES
from journal_app.core import Journal, load_post
from journal_app.core.flavor import raw_html_shown
from journal_app.core.incremental import IncrementalRenderer
from journal_app.core.render import file_image_url, render_markdown

# a journal folder each flavor is told by, and the folder its posts live in
LAYOUTS = {
    "velog": (["content/", "images/"], "content"),
    "hugo": (["hugo.toml", "content/posts/"], "content/posts"),
    "jekyll": (["_config.yml", "_posts/"], "_posts"),
    "python-markdown": (["mkdocs.yml", "docs/"], "docs"),
    "commonmark": (["notes/"], "notes"),
}

POSTS = {
    **FIXTURES,
    "velog breaks math embeds": (
        "한 줄\n두 줄 $x^2$\n\n$$\n\\frac{a}{b}\n$$\n\n!youtube[dQw4w9WgXcQ]\n\nundefined\n"
    ),
    "emphasis and ids": "## ✏️ 제목 x²\n\n**'링크'**를 보고 __init__ 과 *'a'*를\n\n## ✏️ 제목 x²\n",
    "hugo shortcodes": (
        '{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\n{{< figure src="a.png" >}}\n'
    ),
    "liquid": (
        "{% highlight ruby %}\ndef f\nend\n{% endhighlight %}\n\n{{ site.url }} 와 {% include a.html %}\n"
    ),
    "footnotes tables lists": (
        "글[^1] 과 표\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n- [x] 끝\n- [ ] 남음\n\n[^1]: 주석\n"
    ),
}
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")[^"]*(")')


def _journal(tmp_path, flavor: str, text: str):
    entries, folder = LAYOUTS[flavor]
    root = tmp_path / "journal"
    for entry in entries:
        path = root / entry.rstrip("/")
        if entry.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("")
    post_path = root / folder / "2021-01-02-글.md"
    post_path.write_text(f"---\ntitle: 글\ndate: 2021-01-02\n---\n{text}", encoding="utf-8")
    for image in ("x.png", "y.png", "a.png"):
        (post_path.parent / image).write_bytes(PNG)
    assert Journal(root).flavor == flavor
    return root, post_path


def _preview(root, post_path, flavor: str) -> str:
    """The preview's fragment as the window makes it: the incremental renderer, first over the
    post's first half (as if typed), then over the whole."""
    post = load_post(post_path)
    renderer = IncrementalRenderer(flavor, raw_html_shown(root, flavor))
    resolver = file_image_url(post_path, root)
    body = post.body
    half = body[: len(body) // 2]
    renderer.render(half, post.body_start_line, resolver)
    fragment = renderer.render(body, post.body_start_line, resolver).fragment
    whole = render_markdown(
        body,
        flavor=flavor,
        first_line=post.body_start_line,
        image_url=resolver,
        raw_html=raw_html_shown(root, flavor),
    )
    assert fragment == whole  # typed or opened, the preview is the same
    return fragment


def _same_images(html: str) -> str:
    """Images point elsewhere in each output (a file, an embedded copy, the site's folder)."""
    return _SRC.sub(r"\1\2", html)


@pytest.mark.parametrize("flavor", list(LAYOUTS))
@pytest.mark.parametrize("name", list(POSTS))
def test_preview_export_and_site_show_the_same_body(tmp_path, flavor, name):
    root, post_path = _journal(tmp_path, flavor, POSTS[name])
    preview = _same_images(_preview(root, post_path, flavor))
    assert preview.strip()

    page = tmp_path / "page.html"
    exported = run_in_process("export", post_path, "-o", page)
    assert exported.returncode == 0, exported.stderr
    site = tmp_path / "site"
    built = run_in_process("export", "--all", root, "-o", site)
    assert built.returncode == 0, built.stderr
    site_pages = list((site / "posts").glob("*.html"))
    assert len(site_pages) == 1

    assert preview in _same_images(page.read_text(encoding="utf-8"))
    assert preview in _same_images(site_pages[0].read_text(encoding="utf-8"))
