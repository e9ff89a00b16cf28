"""Each flavor renders as its platform does: velog, Hugo, Jekyll, GitHub's CommonMark, and
Python-Markdown for MkDocs and Pelican; and no flavor deletes a word of a post."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from tests.clirun import run_in_process
from journal_app.core import Journal
from journal_app.core.flavor import detect_flavor
from journal_app.core.platforms import typographic
from journal_app.core.render import FLAVORS, render_markdown
from journal_app.core.site import export_site


class Text(HTMLParser):
    """The text a reader sees (image alt text included), and the elements."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "img":
            self.parts.append(" " + (dict(attrs).get("alt") or "") + " ")

    def handle_data(self, data):
        self.parts.append(data)

    def words(self) -> set[str]:
        return set(re.findall(r"\w+", "".join(self.parts)))


def test_each_platform_is_told_by_its_folder(tmp_path):
    layouts = {
        "velog": ["content/", "images/"],
        "velog-dated": ["2021-03-28/content/", "2021-03-28/images/"],
        "hugo": ["hugo.toml"],
        "hugo-old": ["config.toml"],
        "hugo-content": ["content/"],
        "jekyll": ["_config.yml"],
        "jekyll-posts": ["_posts/"],
        "mkdocs": ["mkdocs.yml"],
        "pelican": ["pelicanconf.py"],
        "plain": ["notes.md"],
        "velog-and-posts": ["content/", "images/", "_posts/"],
        "configured": ["_config.yml", "content/", "images/"],
    }
    found = {}
    for name, entries in layouts.items():
        root = tmp_path / name
        for entry in entries:
            path = root / entry
            if entry.endswith("/"):
                path.mkdir(parents=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("")
        found[name] = detect_flavor(root)
    assert found == {
        "velog": "velog",
        "velog-dated": "velog",
        "hugo": "hugo",
        "hugo-old": "hugo",
        "hugo-content": "hugo",
        "jekyll": "jekyll",
        "jekyll-posts": "jekyll",
        "mkdocs": "python-markdown",
        "pelican": "python-markdown",
        "plain": "commonmark",
        "velog-and-posts": "velog",
        "configured": "jekyll",
    }
    assert Journal(tmp_path / "jekyll").flavor == "jekyll"
    assert set(found.values()) == set(FLAVORS)


def test_velog_breaks_every_newline_as_velog_does():
    out = render_markdown("첫 줄\n둘째 줄\n\n- 항목\n  이어짐\n", flavor="velog")
    assert '<p data-line="1">첫 줄<br>\n둘째 줄</p>' in out and "<li>항목<br>\n이어짐</li>" in out
    assert "<br>" not in render_markdown("첫 줄\n둘째 줄\n")  # GitHub joins the lines


def test_velog_numbered_lists_need_a_blank_line_above_as_on_velog():
    text = "순서\n1. 첫째\n2. 둘째\n\n빌드\n- 받기\n\n1. 하나\n2. 둘\n   이어짐\n"
    velog = render_markdown(text, flavor="velog")
    assert '<p data-line="1">순서<br>\n1. 첫째<br>\n2. 둘째</p>' in velog
    assert '<p data-line="5">빌드</p>\n<ul data-line="6">' in velog
    assert '<ol data-line="8">\n<li>하나</li>\n<li>둘<br>\n이어짐</li>\n</ol>' in velog
    assert '<p data-line="1">순서</p>\n<ol data-line="2">' in render_markdown(text)  # GitHub: a list


def test_velog_links_only_urls_with_a_scheme_and_math_is_not_money():
    out = render_markdown("www.a.com http://b.com me@a.com 가격 $5 와 $10\n", flavor="velog")
    assert out == (
        '<p data-line="1">www.a.com <a href="http://b.com">http://b.com</a> me@a.com 가격 $5 와 $10</p>\n'
    )
    github = render_markdown("www.a.com me@a.com\n")
    assert '<a href="http://www.a.com">' in github and '<a href="mailto:me@a.com">' in github


def test_velog_math_is_mathml_with_the_tex_kept():
    out = render_markdown("질량 $E=mc^2$ 공식\n\n$$\n\\frac{a}{b}\n$$\n", flavor="velog")
    elements = Text(out)
    assert elements.tags.count("math") == 2 and "mfrac" in elements.tags and "msup" in elements.tags
    assert '<annotation encoding="application/x-tex">E=mc^2</annotation>' in out
    assert '<div class="math math-display" data-line="3">' in out
    one_line = render_markdown("앞\n\n$$x^2$$\n", flavor="velog")  # inline on velog too
    assert '<p data-line="3"><span class="math math-inline"><math display="inline">' in one_line
    assert "$E=mc^2$" in render_markdown("질량 $E=mc^2$ 공식\n")  # GitHub's markdown has no $ math


def test_math_cannot_carry_html_and_raw_math_is_still_removed():
    out = render_markdown(
        "$\\text{<img src=x onerror=alert(1)>}$ $\\text{<script>alert(1)</script>}$\n\n"
        '<math><mi xlink:href="javascript:alert(1)">m</mi></math>\n',
        flavor="velog",
    )
    elements = Text(out)
    assert "img" not in elements.tags and "script" not in elements.tags
    assert "onerror" not in out.replace("onerror=alert(1)&gt;", "") and "javascript" not in out
    assert elements.tags.count("math") == 2  # the two made from TeX; the raw one is gone


def test_velog_embeds_are_cards_that_load_nothing():
    out = render_markdown(
        "!youtube[Tql60L5iUGg]\n\n!twitter[velopert/status/1]\n\n"
        "!codesandbox[react-new]\n\n!codepen[teddy/embed/abc]\n",
        flavor="velog",
    )
    assert "iframe" not in out
    for label, url in [
        ("YouTube: Tql60L5iUGg", "https://www.youtube.com/watch?v=Tql60L5iUGg"),
        ("Twitter: velopert/status/1", "https://twitter.com/velopert/status/1"),
        ("CodeSandbox: react-new", "https://codesandbox.io/s/react-new"),
        ("CodePen: teddy/embed/abc", "https://codepen.io/teddy/embed/abc"),
    ]:
        assert f'<a href="{url}">{label}</a>' in out
    assert "!youtube[Tql60L5iUGg]" in render_markdown("!youtube[Tql60L5iUGg]\n")  # not on GitHub


def test_velog_undefined_lines_are_missing_images():
    text = "그림 앞\n\nundefined\n\n문장 속 undefined 낱말\n"
    out = render_markdown(text, flavor="velog")
    assert '<p data-line="3"><span class="missing-image"' in out and "Image missing from the backup" in out
    assert "문장 속 undefined 낱말" in out


@pytest.mark.parametrize("flavor", ["velog", "commonmark", "hugo", "jekyll"])
def test_velog_four_space_nesting_keeps_its_images(flavor):
    tight = (
        "1. 설치\n    1. 내려받기\n        ![](../images/a.png)\n    2. 풀기\n        ![](../images/b.png)\n"
    )
    loose = (
        "1. 설치\n    1. 내려받기\n\n        ![](../images/a.png)\n\n    2. 풀기\n\n"
        "        ![](../images/b.png)\n"
    )
    for text in (tight, loose):
        elements = Text(render_markdown(text, flavor=flavor))
        assert elements.tags.count("img") == 2 and "pre" not in elements.tags and "code" not in elements.tags
        assert elements.tags.count("ol") == 2


def test_hugo_shortcodes_are_labelled_blocks_and_highlight_is_code():
    text = (
        '{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}\n\n'
        '본문 {{< ref "other.md" >}} 계속\n\n{{< figure src="/img/a.png" caption="그림 설명" >}}\n\n'
        "{{< youtube w7Ft2ymGmfc >}}\n\n{{% notice note %}}\n**알림** 내용\n{{% /notice %}}\n"
    )
    out = render_markdown(text, flavor="hugo")
    assert (
        '<div data-line="1" class="language-go highlight">' in out and '<span class="kd">func</span>' in out
    )
    assert '{{&lt; ref "other.md" &gt;}}' in out and "계속" in out
    assert '<img src="/img/a.png" alt="">' in out and "그림 설명" in out
    assert "https://www.youtube.com/watch?v=w7Ft2ymGmfc" in out and "iframe" not in out
    assert "{{% notice note %}}" in out and "<strong>알림</strong> 내용" in out and "{{% /notice %}}" in out


def test_hugo_typography_and_definition_lists():
    out = render_markdown('용어\n: 정의 "따옴표" -- 범위... 끝\n', flavor="hugo")
    assert "<dl" in out and "<dd>정의 \u201c따옴표\u201d \u2013 범위\u2026 끝</dd>" in out


def test_jekyll_liquid_is_visible_and_highlight_is_code():
    text = (
        "{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n\n"
        "사이트 {{ site.url }} 주소\n{% endhighlight %}\n\n{% include note.html %}\n\n# 한글 제목\n"
    )
    out = render_markdown(text, flavor="jekyll")
    assert '<div data-line="1" class="language-ruby highlight">' in out
    assert "<code>{{ site.url }}</code>" in out and "주소" in out
    assert (
        '<div class="liquid" data-line="6"><span class="liquid-label">Liquid</span> '
        "<code>{% endhighlight %}</code></div>" in out
    )
    assert "{% include note.html %}" in out
    assert '<h1 data-line="10" id="한글-제목">' in out  # kramdown's GFM parser makes GitHub's ids


def test_jekyll_reads_an_html_element_to_its_closing_tag_as_kramdown_does():
    text = '<div align="center">\n\n**굵게** 글자\n\n</div>\n\n**밖**\n'
    jekyll = render_markdown(text, flavor="jekyll")
    assert '<div data-line="1" align="center">\n\n**굵게** 글자\n\n</div>' in jekyll
    assert '<p data-line="7"><strong>밖</strong></p>' in jekyll
    assert "<strong>굵게</strong>" in render_markdown(text)  # GitHub parses markdown after a blank line


def test_a_comment_spanning_blank_lines_hides_only_itself():
    text = "앞 문단\n\n<!--\n초안 메모\n\n- 할 일\n-->\n\n## 다음 절\n\n본문 계속\n"
    for flavor in FLAVORS:
        out = render_markdown(text, flavor=flavor)
        assert "본문 계속" in out and "다음 절</h2>" in out and "초안 메모" not in out, flavor


FIXTURES = {
    "comment over blank lines": "앞 문단\n\n<!-- 메모\n\n숨김 -->\n\n## 다음 절\n\n본문 계속 마지막\n",
    "velog nesting": "1. 첫째\n    1. 둘째\n        ![그림설명](x.png)\n        이어진 글\n2. 셋째\n",
    "velog loose nesting": "1. 첫째\n    1. 둘째\n\n        ![그림설명](x.png)\n\n    2. 넷째\n",
    "two-space nesting": "- 라벨링\n  - 현재\n    ![캡처](y.png)\n- 클라우드\n",
    "fences under items": (
        "1. 설치\n\n   ```bash\n   pip install 패키지\n   ```\n\n2. 실행\n   ```\n   run 명령\n   ```\n"
    ),
    "endhighlight under text": "코드 설명 문장\n{% endhighlight %}\n\n다음 문단 {: .note } 끝\n",
    "html and text": '<div align="center">\n\n**굵게** 글자\n\n</div>\n\n표 다음 | 칸\n--- | ---\n가 | 나\n',
}
# what is markup, not text: comments, link targets, tags, list markers, fence languages
_MARKUP = re.compile(
    r"<!--.*?-->|\]\([^)]*\)|<[^>]+>|^[ \t]*(?:\d+[.)]|[-*+])[ \t]|```\w*", re.DOTALL | re.MULTILINE
)


@pytest.mark.parametrize("flavor", ["commonmark", "velog", "hugo", "jekyll"])
@pytest.mark.parametrize("name", list(FIXTURES))
def test_never_delete_text(flavor, name):
    text = FIXTURES[name]
    source = set(re.findall(r"\w+", _MARKUP.sub(" ", text)))
    shown = Text(render_markdown(text, flavor=flavor)).words()
    assert source - shown == set()


def test_cli_render_prints_the_fragment_in_the_journals_flavor(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    post = root / "content" / "p.md"
    post.write_bytes("---\ntitle: t\n---\n한 줄\n두 줄\n".encode())
    before = post.read_bytes()

    def render(*extra):
        return run_in_process("render", post, *extra)

    velog, plain, bad = render(), render("--flavor", "commonmark"), render("--flavor", "nope")
    assert velog.returncode == 0 and velog.stdout == '<p data-line="4">한 줄<br>\n두 줄</p>\n'
    assert plain.stdout == '<p data-line="4">한 줄\n두 줄</p>\n'
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    page = tmp_path / "p.html"
    exported = run_in_process("export", post, "-o", page, "--flavor", "commonmark")
    assert exported.returncode == 0 and "한 줄\n두 줄" in page.read_text(encoding="utf-8")
    assert post.read_bytes() == before


def test_the_site_uses_the_journals_flavor_and_rerenders_when_it_changes(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "content" / "p.md").write_text("---\ntitle: 글\n---\n한 줄\n두 줄\n", encoding="utf-8")
    out = tmp_path / "site"
    export_site(root, out)
    page = next((out / "posts").glob("*.html"))
    assert "한 줄<br>" in page.read_text(encoding="utf-8")
    again = export_site(root, out, flavor="commonmark")
    assert again.rendered == 1 and "한 줄<br>" not in page.read_text(encoding="utf-8")


def test_the_sanitizer_keeps_what_the_commonmark_engine_makes():
    text = (
        "# 한글 제목\n\n| 왼쪽 | 가운데 |\n|:-----|:------:|\n| a    | b      |\n\n"
        "- [x] 끝낸 일\n- [ ] 남은 일\n\n"
        '각주[^1] ~~지운~~ 글\n\n```python\nprint("안녕")\n```\n\n> [!NOTE]\n> 알림\n\n'
        '<p align="center"><img src="../images/a.png" width="50%" alt="그림"></p>\n\n'
        "[상대 링크](<다른 글.md>) [메일](mailto:me@example.com) <https://example.com/글>\n\n"
        "[^1]: 각주 내용\n"
    )
    for flavor in ("commonmark", "velog", "hugo", "jekyll"):
        out = render_markdown(text, flavor=flavor, raw_html=True)  # Hugo: a site that shows it
        elements = Text(out)
        assert '<h1 data-line="1" id="' in out and '<th style="text-align:center">가운데</th>' in out
        assert re.search(r'<input(?=[^>]* checked="")(?=[^>]* type="checkbox")(?=[^>]* disabled="")', out)
        assert "<del>지운</del>" in out
        assert (
            '<div data-line="12" class="language-python highlight">' in out
            and '<span class="nb">print' in out
        )
        assert (
            '<p data-line="19" align="center"><img src="../images/a.png" width="50%" alt="그림"></p>' in out
        )
        assert '<a href="다른 글.md">상대 링크</a>' in out and '<a href="https://example.com/글">' in out
        assert elements.tags.count("input") == 2 and "script" not in elements.tags
    github = render_markdown(text)
    assert '<a href="#fn:1" id="fnref:1">1</a>' in github and '<li id="fn:1" class="footnote-item">' in github
    assert 'class="markdown-alert markdown-alert-note"' in github


@pytest.mark.parametrize(
    "layout, flavor",
    [
        (["content/", "images/"], "velog"),
        (["hugo.toml", "content/"], "hugo"),
        (["_config.yml", "_posts/"], "jekyll"),
        (["mkdocs.yml"], "python-markdown"),
        (["notes/"], "commonmark"),
    ],
)
def test_preview_page_export_and_site_render_alike(tmp_path, layout, flavor):
    from journal_app.core import load_post
    from journal_app.core.export import export_post
    from journal_app.core.render import render_post

    root = tmp_path / "journal"
    for entry in layout:
        (root / entry.rstrip("/")).mkdir(parents=True) if entry.endswith("/") else (
            root / entry
        ).parent.mkdir(parents=True, exist_ok=True) or (root / entry).write_text("")
    folder = root / (
        "content" if (root / "content").is_dir() else "_posts" if (root / "_posts").is_dir() else ""
    )
    post_path = folder / "2021-01-02-p.md"
    post_path.write_text(
        '---\ntitle: 글\n---\n한 줄\n두 줄 $x$ {{< ref "a" >}} {{ site.url }}\n\n## 제목\n', encoding="utf-8"
    )
    assert Journal(root).flavor == flavor
    fragment = render_post(load_post(post_path), root, flavor=flavor)
    page = tmp_path / "page.html"
    export_post(load_post(post_path), page, root, flavor=Journal(root).flavor)
    export_site(root, tmp_path / "site")
    site_page = next((tmp_path / "site" / "posts").glob("*.html"))
    assert fragment in page.read_text(encoding="utf-8") and fragment in site_page.read_text(encoding="utf-8")


def test_check_reads_images_as_the_platform_does(tmp_path):
    from journal_app.core import check_post, load_post

    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    post = root / "content" / "p.md"
    post.write_text(
        '---\ntitle: t\n---\n코드 `<img src="{{ article.image.url }}">` 설명\n\n'
        '```html\n<img src="in-fence.png">\n```\n\n    ![](indented.png)\n\n'
        '문단\n둘째 줄 ![](../images/없음.png)\n\n<p><img src="/images/gone.png"></p>\n',
        encoding="utf-8",
    )
    problems = [(problem.line, problem.message) for problem in check_post(load_post(post), root)]
    assert problems == [
        (13, "image not found: ../images/없음.png"),
        (15, "image not found: /images/gone.png"),
    ]


HANGS = [
    ("commonmark", "word: " * 20000),
    ("jekyll", "{{ a " * 10000),
    ("jekyll", "{% a\n" * 10000),
    ("hugo", "{{< a\n" * 10000),
    ("hugo", "{{< highlight go >}}\n" * 3000),
    ("hugo", "## {{< a >}}\n{{< b\n" * 5000),  # each heading's id counts the shortcodes above it
    ("hugo", "## {{<a>}}\n" + "{{<a>}}" * 12000 + "{{</b>}}" * 12000 + "{{</a>}}\n"),  # (closings not open)
    ("jekyll", "- a\n\n" + "  * b\n  c\n\n  ```\n  y\n  ```\n\n" * 2500),  # (each closing looked for once)
    ("velog", "!youtube[ " * 8000),
    ("velog", "_a" * 50000),  # remark's and kramdown's emphasis: each opener reads on
    ("velog", "a_" * 50000),
    ("jekyll", "**a " * 25000),
    ("jekyll", "*a " * 25000),
    ("jekyll", "_a " * 25000),
    # a template tag in a link's destination: the masked text made at each position tried before it
    ("hugo", "a- " * 30000 + '[x]({{< ref "b" >}})'),
    ("jekyll", "[" * 30000 + "](x {{ y }})"),
    ("hugo", "[a](b" * 10000),  # each destination read to the line's end
    # spans kramdown's emphasis skips that never close: each read to the line's end before
    ("jekyll", "**a " + "[a](b" * 10000),
    ("jekyll", "**a " + "[a" * 30000),
    ("hugo", "'" * 200000),  # quotes are curled one by one: each appended to the text once
    ("jekyll", "'\"" * 100000),
    ("hugo", '"a"는 ' * 30000),
    ("jekyll", "```x\n" * 5000),  # fences that never close: kramdown's need their closing line
    ("jekyll", "    x\ny\n\n" * 5000),  # kramdown's code going on over lazy lines: joined once
    # kramdown's footnote lines: read only where a footnote starts, each run of lazy lines once
    ("jekyll", "- a\n      y\n" * 4000),
    ("jekyll", "[^a]: x\n    y\nz\n" * 3000),
    # Hugo's line options: a long word searched for "key=" once; many long ranges marked in
    # time of lines plus ranges
    ("hugo", "```go {" + "a" * 60000 + "}\nx\n```"),
    ("hugo", '```go {hl_lines="' + " ".join(f"1-{n}" for n in range(99000, 99999)) + '"}\n' + "x\n" * 8000),
]


@pytest.mark.parametrize("part", range(3))
def test_openers_that_never_close_do_not_hang_the_renderer(part):
    # each took 10 s to minutes before (a search to the end of the paragraph per opener); the child
    # for each third may use 25 s of processor time (all of them need about 10 s on this 2-core
    # Xeon, since the runs that took over a second were halved), however long a busy machine
    # makes it wait; in thirds, the workers share them
    script = (
        "import resource; resource.setrlimit(resource.RLIMIT_CPU, (25, 30))\n"
        "import sys, json; from journal_app.core.render import render_markdown\n"
        "for flavor, text in json.load(sys.stdin): render_markdown(text, flavor=flavor)\n"
    )
    import json

    done = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(HANGS[part::3]),
        text=True,
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, f"ended with {done.returncode} (-24: out of processor time) {done.stderr}"


def renders_within(seconds: int, code: str) -> None:
    """``code`` (with ``render_markdown`` imported) runs to its end in a child allowed
    ``seconds`` of processor time, however long a busy machine makes it wait."""
    script = (
        f"import resource; resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds + 2}))\n"
        "from journal_app.core.render import render_markdown\n" + code
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"ended with {done.returncode} (-24: out of processor time) {done.stderr}"


def test_a_megabyte_without_template_tags_renders_in_linear_time_on_hugo():
    # Hugo's tag folding searched the whole text for "{{" at every block of a post that held
    # none: over 8 s of processor time for this megabyte (18 s for a megabyte of the seed post);
    # about 2.5 s now, Pygments a good part of it
    renders_within(
        8,
        "from pathlib import Path\n"
        "from journal_app.core import load_post\n"
        "from journal_app.resources import resource_path\n"
        "folder = Path(resource_path('sample-journal')) / 'content'\n"
        "body = '\\n\\n'.join(load_post(path).body for path in sorted(folder.glob('*.md')))\n"
        "text = '\\n\\n'.join([body] * (1_000_000 // len(body.encode())))\n"
        "assert '{{' not in text and len(text.encode()) > 900_000\n"
        "render_markdown(text, flavor='hugo')\n",
    )


def test_many_openers_before_a_template_tag_in_a_destination_are_read_once():
    # the link rule, given a copy of the text with the tag masked, and the rules around it each
    # searched again for the "](" ahead at every "[" (one memo for both texts): 90,000 took 10 s
    # of processor time, and twice as many four times as long; now about 1.5 s
    renders_within(
        6,
        "html = render_markdown('[' * 90000 + '](x {{ y }})', flavor='jekyll')\n"
        "assert html.count('[') == 90000 and '{{ y }}' in html, html[-300:]\n",
    )


def test_many_velog_lists_are_read_once():
    # each velog list read every line to the end of the post before it found its own end: 10,000
    # lists between paragraphs took 260 s; now about 2
    renders_within(
        8,
        "html = render_markdown('- a\\n\\npara\\n\\n' * 5000, flavor='velog')\n"
        "assert html.count('<li>') == 5000, html[-300:]\n"
        # (and a paragraph of an item looked for its end once for the items, once for the quotes:
        # 3,000 took 14 s)
        "html = render_markdown('- a\\n  > q\\n  b\\n' * 3000, flavor='velog')\n"
        "assert html.count('<blockquote>') == 3000, html[-300:]\n",
    )


def test_many_definition_lists_over_a_tilde_line_are_read_once():
    # the ~ that start lines are hidden from the definition-list rule once per parse: copied for
    # each of 10,000 lists (a ~ line at the end), they took 14 s of processor time; now about 1
    renders_within(
        6,
        "html = render_markdown('term\\n: def\\n\\npara\\n\\n' * 10000 + '~ x\\n', flavor='jekyll')\n"
        "assert html.count('<dd>') == 10000 and '~ x' in html, html[-300:]\n",
    )


def test_a_paragraph_full_of_quotes_renders_in_linear_time():
    # each run of quotes was added to the paragraph's pending text by copying all of it: 800 KB
    # of a" took 22 s of processor time on jekyll (5.6 s on hugo); now about 1.6 s
    renders_within(
        8,
        "html = render_markdown('a\"' * 400000, flavor='jekyll')\n"
        "assert html.count('a') >= 400000, html[-300:]\n",
    )


def test_typography_replaces_what_the_regexes_in_order_replace():
    # the plain rule, one regex after another (the fast one runs a regex only where its
    # characters are, and plain replacements for the rest)
    rules = [
        (re.compile(r"(?<!-)---(?!-)"), "\u2014"),
        (re.compile(r"(?<!-)--(?!-)"), "\u2013"),
        (re.compile(r"\.\.\."), "\u2026"),
        (re.compile(r"<<"), "\u00ab"),
        (re.compile(r">>"), "\u00bb"),
    ]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(
            rng.choice(["-", "--", ".", "..", "<", ">", " ", "a", "한"]) for _ in range(rng.randint(0, 24))
        )
        expected = text
        for pattern, mark in rules:
            expected = pattern.sub(mark, expected)
        assert typographic(text) == expected, text
