"""Exporting one post: a complete, self-contained page with no script and no CDN."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from tests.clirun import run_in_process
from journal_app.core import Post, load_post
from journal_app.core.export import _NOT_PROSE, export_post, page_lang, text_lang
from tests.quirks import solid_png

RED = (255, 0, 0)


class PageParser(HTMLParser):
    """Collects tags, resource references and text of a page."""

    def __init__(self):
        super().__init__()
        self.tags, self.refs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for name in ("src", "href"):
            if attrs.get(name):
                self.refs.append((tag, name, attrs[name]))

    def handle_data(self, data):
        self.text.append(data)


def parse(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


@pytest.fixture
def velog_post(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "11-red.png").write_bytes(solid_png(40, 20, RED))
    path = root / "content" / "AI Expo 후기.md"
    path.write_text(
        '---\ntitle: "<script>alert(1)</script> 후기"\ndescription: "요약 &#x3A; 설명"\n'
        'date: 2021-03-28T11:58:29.459Z\ntags: ["일상","<b>"]\n---\n# 전시회\n\n'
        "http://www.aiexpo.co.kr/ 에 다녀왔다. 인공지능 전시회였다.\n\n![](../images/11-red.png)\n\n"
        "![](/images/11-red.png)\n\n![](https://cdn.example.com/remote.png)\n\n![](../images/없음.png)\n\n"
        "```python\nprint('안녕')\n```\n\nundefined\n",
        encoding="utf-8",
    )
    return root, path


def test_page_is_complete_and_escaped(velog_post, tmp_path):
    root, path = velog_post
    out = tmp_path / "out.html"
    result = export_post(load_post(path), out, root)
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    parser = parse(page)
    tags = [tag for tag, _ in parser.tags]
    assert ("meta", {"charset": "utf-8"}) in parser.tags
    assert ("html", {"lang": "ko"}) in parser.tags
    assert re.search(r"<title>&lt;script&gt;alert\(1\)&lt;/script&gt; 후기</title>", page)
    assert ("meta", {"name": "description", "content": "요약 : 설명"}) in parser.tags
    assert "script" not in tags
    assert "#&lt;b&gt;" in page and "<b>" not in page
    assert "2021년 3월 28일 11:58 (UTC)" in page
    assert "undefined" in "".join(parser.text)
    assert len(result.images) == 2 and result.missing == ["../images/없음.png"]


def test_no_outside_requests_but_the_users_own(velog_post, tmp_path):
    root, path = velog_post
    out = tmp_path / "out.html"
    export_post(load_post(path), out, root)
    page = out.read_text(encoding="utf-8")
    remote = [(tag, value) for tag, name, value in parse(page).refs if re.match(r"(?i)(https?:)?//", value)]
    assert sorted(remote) == [
        ("a", "http://www.aiexpo.co.kr/"),
        ("img", "https://cdn.example.com/remote.png"),
    ]
    assert not re.search(r"@import|url\(\s*['\"]?https?:", page)
    assert "default-src 'none'" in page


def test_local_images_are_embedded(velog_post, tmp_path):
    root, path = velog_post
    out = tmp_path / "out.html"
    export_post(load_post(path), out, root)
    sources = [value for tag, name, value in parse(out.read_text()).refs if tag == "img"]
    assert sum(src.startswith("data:image/png;base64,") for src in sources) == 2
    assert "Image not found: ../images/없음.png" in out.read_text()


def test_copy_images_beside_the_page(velog_post, tmp_path):
    root, path = velog_post
    out = tmp_path / "site" / "page.html"
    out.parent.mkdir()
    export_post(load_post(path), out, root, copy_images=True)
    sources = [value for tag, name, value in parse(out.read_text()).refs if tag == "img"]
    assert sources.count("page_files/11-red.png") == 2
    assert (out.parent / "page_files" / "11-red.png").read_bytes() == solid_png(40, 20, RED)


def test_code_is_highlighted_with_classes_and_css_has_both_schemes(velog_post, tmp_path):
    root, path = velog_post
    out = tmp_path / "out.html"
    export_post(load_post(path), out, root)
    page = out.read_text()
    assert 'class="language-python highlight"' in page and '<span class="nb">print</span>' in page
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    assert ".highlight .k" in page and "NanumGothic" in page


@pytest.mark.parametrize(
    "text, lang",
    [
        (b"---\ntitle: Hello\n---\nAn English post with one word, \xed\x95\x9c.\n", "en"),
        ("---\ntitle: 안녕\n---\n한국어로 쓴 글이다. Python 이야기.\n".encode(), "ko"),
        (b"---\ntitle: x\nlang: ja\n---\ntext\n", "ja"),
    ],
)
def test_page_language(text, lang):
    assert page_lang(Post(text, "p.md")) == lang


def test_what_is_not_prose_is_what_the_plain_rule_says():
    # the plain rule: fenced code, code spans, tags, link targets, URLs (the fast one has each
    # alternative start with a literal character, and must find exactly the same)
    plain = re.compile(
        r"(?ms)^(`{3,}|~{3,}).*?^\1|`[^`\n]*`|<[^>\n]*>|\]\([^)\n]*\)|(?:https?|ftp)://\S+|www\.\S+"
    )
    pieces = ["`", "``", "```", "````", "~~~", "~", "\n", " ", "<", ">", "](", ")", "http://", "https://"]
    pieces += ["ftp://", "www.", "a", "한", "x\n```\n"]
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert _NOT_PROSE.sub("|", text) == plain.sub("|", text), text


def test_page_language_counts_words_as_the_plain_rule_does():
    # the plain rule: Korean when the Hangul words are at least half the Latin ones ([A-Za-z]+,
    # counted without a regex now: letters of other scripts, digits and marks split words)
    def plain(text: str) -> str:
        prose = _NOT_PROSE.sub(" ", "\n" + text)
        needed = max(1, (len(re.findall(r"[A-Za-z]+", prose)) + 1) // 2)
        return "ko" if len(re.findall(r"[\uac00-\ud7a3]+", prose)) >= needed else "en"

    pieces = ["a", "Zq", "é", "ß", "가", "힣", "ㄱ", "1", "_", "'", " ", "\n", "\t", "`x`", "\ud800", "z가"]
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert text_lang(None, "", text) == plain(text), text


def test_export_cli_writes_a_page(velog_post, tmp_path):

    root, path = velog_post
    out = tmp_path / "cli.html"
    result = run_in_process("export", path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "1 missing: ../images/없음.png" in result.stdout
