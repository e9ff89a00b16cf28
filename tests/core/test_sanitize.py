"""Rendered HTML carries no script in any form, and keeps everything markdown and everyday
blog HTML need."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser

from journal_app.core.render import render_markdown


class Elements(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.found}

    def attributes(self) -> set[str]:
        return {name for _, attrs in self.found for name in attrs}

    def urls(self) -> list[str]:
        return [
            value
            for _, attrs in self.found
            for name, value in attrs.items()
            if name in ("href", "src", "action", "formaction", "xlink:href") and value
        ]


HOSTILE = """# 제목

<script>alert(1)</script>

<SCRIPT SRC=https://evil.example/x.js></SCRIPT>

<img src=x onerror=alert(1)> <body onload=alert(1)>

<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>

<math><mi xlink:href="javascript:alert(1)">m</mi></math>

<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="JaVaScRiPt:alert(1)">case</a>
<a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html,<script>alert(1)</script>">data</a>

<form action="https://evil.example"><button formaction="javascript:alert(1)">b</button>
<input type="text" name="q" onfocus="alert(1)" autofocus></form>

<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example/">
<meta http-equiv="refresh" content="0;url=https://evil.example">
<style>body { display: none }</style>
<link rel="stylesheet" href="https://evil.example/x.css">
<div style="background: url(https://evil.example/t.png); position: fixed; color: red">styled</div>
<img src="file:///etc/passwd"> <img src="//evil.example/protocol-relative.png">

[마크다운 링크](javascript:alert(1))

<iframe src="https://www.youtube.com/embed/Tql60L5iUGg" allowfullscreen></iframe>

끝.
"""


def test_no_script_survives_in_any_form():
    html = render_markdown(HOSTILE)
    elements = Elements(html)
    assert not elements.tags() & {
        "script",
        "svg",
        "math",
        "form",
        "button",
        "object",
        "embed",
        "base",
        "meta",
        "style",
        "link",
        "iframe",
        "body",
    }
    assert not [name for name in elements.attributes() if name.startswith("on")]
    assert "autofocus" not in elements.attributes() and "name" not in elements.attributes()
    assert ("input", {"type": "checkbox", "disabled": ""}) in elements.found  # never a text box
    assert not [
        url for url in elements.urls() if re.match(r"\s*(javascript|vbscript|data|file):", url, re.IGNORECASE)
    ]
    assert "alert" not in html and "evil.example/x" not in html and "display: none" not in html
    assert ("div", {"style": "color:red"}) in elements.found  # url() and position dropped
    assert "끝." in html and "마크다운 링크" in html


def test_embeds_become_links_to_what_they_showed():
    html = render_markdown(
        "앞 문단\n\n<iframe src='https://www.youtube.com/embed/abc?a=1&amp;b=2'></iframe>\n\n"
        '<!-- 할 일: <iframe src="x"> 넣기 -->\n\n주석 뒤 문단\n\n'
        '<p>글 안의 <iframe src="https://player.example/1" title="a > b">대체</iframe> 영상</p>\n\n'
        '<video controls><source src="//media.example/v.mp4"></video>\n\n'
        '<iframe srcdoc="<b>x</b>"></iframe>\n\n끝 문단\n'
    )
    assert (
        '<span class="embed" data-line="3"><a href="https://www.youtube.com/embed/abc?a=1&amp;b=2">'
        "Embedded content: https://www.youtube.com/embed/abc?a=1&amp;b=2</a></span>"
    ) in html
    assert "주석 뒤 문단" in html and "끝 문단" in html  # an iframe inside a comment hides nothing
    assert (
        '<p data-line="9">글 안의 <span class="embed"><a href="https://player.example/1">Embedded content: '
        "https://player.example/1</a></span> 영상</p>"
    ) in html
    assert '<a href="https://media.example/v.mp4">Video: https://media.example/v.mp4</a>' in html
    assert "Embedded content (not shown)" in html and "srcdoc" not in html


def test_image_sources_pasted_data_kept_file_shown_as_a_placeholder():
    png = "data:image/png;base64,iVBORw0KGgo="
    html = render_markdown(
        f"![붙여 넣은 그림]({png}) ![파일](file:///etc/passwd)\n\n"
        '<a href="data:text/html,<b>x</b>">데이터 링크</a> '
        '<img src="data:text/html,x">\n'
    )
    elements = Elements(html)
    assert ("img", {"alt": "붙여 넣은 그림", "src": png}) in elements.found
    assert "Image not shown: file:///etc/passwd (파일)" in html
    assert not [url for url in elements.urls() if url.startswith(("file:", "data:text"))]
    assert "데이터 링크" in html


def test_what_markdown_and_blog_html_need_is_kept():
    text = """# 한글 제목

| 왼쪽 | 가운데 |
|:-----|:------:|
| a    | b      |

- [x] 끝낸 일
- [ ] 남은 일

각주[^1]와 HTML 약어.

```python
print("안녕")
```

<p align="center"><img src="../images/a.png" width="50%" alt="그림"></p>

<center>가운데</center>

<details open><summary>더 보기</summary>숨은 글</details>

<span style="color: #c00; font-weight: bold">빨강</span> <kbd>Ctrl</kbd>+<kbd>S</kbd>

[상대 링크](다른 글.md) [메일](mailto:me@example.com) <https://example.com/글>

[^1]: 각주 내용
*[HTML]: HyperText Markup Language
"""
    html = render_markdown(text, flavor="python-markdown")
    elements = Elements(html)
    assert ("h1", {"data-line": "1", "id": "한글-제목"}) in elements.found
    assert ("th", {"style": "text-align:center"}) in elements.found
    assert ("input", {"type": "checkbox", "disabled": "", "checked": ""}) in elements.found
    assert ("sup", {"id": "fnref:1"}) in elements.found and ("li", {"id": "fn:1"}) in elements.found
    assert ("div", {"data-line": "12", "class": "language-python highlight"}) in elements.found
    assert ("span", {"class": "nb"}) in elements.found
    assert ("img", {"src": "../images/a.png", "width": "50%", "alt": "그림"}) in elements.found
    assert ("p", {"data-line": "16", "align": "center"}) in elements.found
    assert ("details", {"data-line": "20", "open": ""}) in elements.found
    assert {"center", "summary", "kbd"} <= elements.tags()
    assert ("abbr", {"title": "HyperText Markup Language"}) in elements.found
    assert ("span", {"style": "color:#c00;font-weight:bold"}) in elements.found
    assert {"#fnref:1", "#fn:1", "다른 글.md", "mailto:me@example.com", "https://example.com/글"} <= set(
        elements.urls()
    )


def test_table_of_contents_links_are_kept():
    html = render_markdown("[TOC]\n\n## 첫째 절\n\n## 둘째 절\n", flavor="python-markdown")
    elements = Elements(html)
    assert ("div", {"data-line": "1", "class": "toc"}) in elements.found
    assert {"#첫째-절", "#둘째-절"} <= set(elements.urls())
    assert ("h2", {"data-line": "3", "id": "첫째-절"}) in elements.found


def test_a_task_box_is_the_same_bytes_in_every_process():
    """The cleaner sets an input's ``type`` and ``disabled`` in its hash map's order, which is
    new in each process: the fragment puts them in one order, so an export does not change
    from one run to the next."""
    code = (
        "from journal_app.core.render import render_markdown;"
        "print(render_markdown('- [ ] a\\n- [x] b\\n\\n<input type=text>\\n', flavor='velog'))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(4)
    }
    assert len(runs) == 1
    out = runs.pop()
    assert out.count(' disabled="" type="checkbox">') == 3, out


def test_a_data_url_is_caught_however_a_browser_would_still_read_it():
    """A browser drops tabs and line breaks anywhere in a URL and controls or spaces at its
    ends, so `\\tdata:`, `da\\nta:`, ` data:` and `&#9;data:` are data URLs too."""
    noisy = ["\tdata:", "da\nta:", " data:", "&#9;data:", "\x01data:", "d&#10;ata:"]
    links = " ".join(f'<a href="{start}text/html,x">링크 {n}</a>' for n, start in enumerate(noisy))
    images = " ".join(f'<img src="{start}image/svg+xml,x">' for start in noisy)
    for flavor in ("commonmark", "velog"):
        html = render_markdown(f"{links}\n\n{images}\n", flavor=flavor)
        elements = Elements(html)
        urls = [value for _tag, attributes in elements.found for value in attributes.values() if value]
        assert not [url for url in urls if "ata:" in re.sub(r"[\t\n\r]", "", url)], html
        assert "링크 5" in html
    kept = render_markdown('<img src=" data:image/png;base64,iVBORw0KGgo=">\n')
    assert "data:image/png;base64,iVBORw0KGgo=" in kept  # (a pasted image with a space still shows)
