"""The renderer: extensions, Korean heading ids, source lines, images, escaping."""

from __future__ import annotations

import re

from journal_app.core import Post
from journal_app.core.pymd import mark_block_lines
from journal_app.core.render import render_header, render_markdown, render_post
from tests.quirks import JPEG_HEAD, PNG_HEAD


def test_tables_and_highlighted_code():
    out = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\ndef f():\n    return 1\n```\n")
    assert "<table" in out and "<td>1</td>" in out
    assert re.search(r'class="language-python highlight"', out)
    assert '<span class="k">def</span>' in out and "style=" not in out


def test_korean_heading_ids_and_toc_anchor():
    out = render_markdown("## 왜 갔는가?\n\n## 왜 갔는가?\n")
    assert 'id="왜-갔는가"' in out and 'id="왜-갔는가-1"' in out  # GitHub, velog and Hugo number so


def test_bare_urls_tasks_strike_and_tilde_ranges():
    out = render_markdown("see https://velog.io/@me and ~~old~~ 3~4시간\n\n- [ ] todo\n- [x] done\n")
    assert '<a href="https://velog.io/@me">' in out
    assert "<del>old</del>" in out and "3~4시간" in out
    assert out.count('type="checkbox"') == 2 and "checked" in out


def test_two_space_nested_lists_nest():
    out = render_markdown("- 라벨링\n  - 현재\n- 클라우드\n")
    assert re.search(r"<li>라벨링\s*<ul>\s*<li>현재</li>", out)


def test_footnotes_definitions_abbreviations_attributes():
    out = render_markdown(
        "HTML[^1]\n\n[^1]: 노트\n\n용어\n:   정의\n\n*[HTML]: Hyper Text\n\n문단\n{: .note }\n",
        flavor="python-markdown",
    )
    assert 'class="footnote"' in out and "<dl" in out and "<abbr" in out and 'class="note"' in out


def test_nested_fences():
    out = render_markdown("````markdown\n```python\nx = 1\n```\n````\n")
    assert "```python" in out


def test_every_top_level_block_has_its_source_line():
    text = (
        "# 제목\n\n문단 하나\n\n- a\n- b\n\n- c\n\n> 인용\n\n> 계속\n\n```\ncode\n\n# not heading\n```\n\n"
        "| a |\n|---|\n| 1 |\n\n---\n\n[^1]: note\n"
    )
    out = render_markdown(text, first_line=7)
    lines = re.findall(r'<(\w+) data-line="(\d+)"', out)
    assert lines == [
        ("h1", "7"),
        ("p", "9"),
        ("ul", "11"),
        ("blockquote", "16"),
        ("blockquote", "18"),
        ("div", "20"),
        ("table", "26"),
        ("hr", "30"),
    ]
    assert out.count("<ul") == 1 and out.count("<blockquote") == 2  # two quotes, as CommonMark has it
    assert "jline" not in out
    python_markdown = render_markdown(text, first_line=7, flavor="python-markdown")
    assert re.findall(r'<(\w+) data-line="(\d+)"', python_markdown) == [
        ("h1", "7"),
        ("p", "9"),
        ("ul", "11"),
        ("blockquote", "16"),
        ("div", "20"),
        ("table", "26"),
        ("hr", "30"),
    ]
    assert python_markdown.count("<blockquote") == 1 and "jline" not in python_markdown


def test_a_list_right_under_a_paragraph_line_is_a_list_as_on_velog():
    out = render_markdown(
        "빌드 과정\n- 의존성 다운로드\n- 컴파일\n\n순서\n1. 첫째\n2. 둘째\n\n"
        "문단\n2. 목록이 아님\n\n제목\n-\n\n- 항목\n  이어짐\n- 다음\n"
    )
    assert '<p data-line="1">빌드 과정</p>\n<ul data-line="2">\n<li>의존성 다운로드</li>' in out
    assert '<p data-line="5">순서</p>\n<ol data-line="6">\n<li>첫째</li>' in out
    assert '<p data-line="9">문단\n2. 목록이 아님</p>' in out  # only "1." interrupts
    assert '<h2 data-line="12" id="제목">제목</h2>' in out  # a lone "-" underlines a heading
    assert "<li>항목\n이어짐</li>\n<li>다음</li>" in out  # list items are not split


def test_interrupting_lists_leave_html_blocks_rules_and_other_lists_alone():
    out = render_markdown("문단\n<!--\n할 일\n- 초안 항목\n-->\n\n## 다음 절\n\n본문 계속\n")
    assert '<h2 data-line="7" id="다음-절">다음 절</h2>' in out and "본문 계속" in out
    assert '<pre data-line="2">$ ls\n- 결과\n</pre>' in render_markdown(
        "코드 예시\n<pre>\n$ ls\n- 결과\n</pre>\n"
    )
    assert '<li>노트북</li>\n</ul>\n<hr data-line="3">' in render_markdown("준비물\n- 노트북\n---\n")
    assert '<p data-line="1">문단</p>\n<ol data-line="2">' in render_markdown(
        "문단\n1) 하나\n2) 둘\n"
    )  # as on GitHub


def test_markers_do_not_change_the_rendering():
    text = "# T\n\npara *x*\n\n1. one\n\n2. two\n\n    code\n\nterm\n:   def\n"
    plain = re.sub(r' data-line="\d+"', "", render_markdown(text, flavor="python-markdown"))
    import markdown
    from journal_app.core.pymd import EXTENSION_CONFIGS, EXTENSIONS

    reference = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    assert plain == reference
    assert mark_block_lines("a\n\nb").count("jline") == 2


def test_images_both_velog_layouts_and_missing(tmp_path):
    root = tmp_path / "backup"
    (root / "content").mkdir(parents=True)
    (root / "images").mkdir()
    (root / "images" / "a b.png").write_bytes(PNG_HEAD)
    post_path = root / "content" / "p.md"
    post_path.write_text(
        "![](../images/a%20b.png)\n\n![alt](</images/a b.png>)\n\n"
        '<img src="/images/gone.png">\n\n![](https://x.test/r.png)\n'
    )
    from journal_app.core import load_post

    out = render_post(load_post(post_path), root)
    uri = (root / "images" / "a b.png").as_uri()
    assert out.count(f'src="{uri}"') == 2
    assert 'class="missing-image"' in out and "Image not found: /images/gone.png" in out
    assert 'src="https://x.test/r.png"' in out


def test_root_images_of_hugo_and_jekyll_sites(tmp_path):
    from journal_app.core import load_post

    root = tmp_path / "site"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "static").mkdir()
    (root / "static" / "night.jpg").write_bytes(JPEG_HEAD)
    (root / "assets" / "img").mkdir(parents=True)
    (root / "assets" / "img" / "a.png").write_bytes(PNG_HEAD)
    post_path = root / "content" / "posts" / "p.md"
    post_path.write_text("![p1](/night.jpg)\n\n![p2](/img/a.png)\n\n![p3](/nowhere.png)\n")
    out = render_post(load_post(post_path), root)
    assert f'src="{(root / "static" / "night.jpg").as_uri()}"' in out
    assert f'src="{(root / "assets" / "img" / "a.png").as_uri()}"' in out
    assert "Image not found: /nowhere.png" in out


def test_header_values_are_escaped():
    out = render_header("<script>alert(1)</script>", None, ["<b>", "a&b"], '"quoted" <i>')
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "#&lt;b&gt;" in out and "a&amp;b" in out and "&lt;i&gt;" in out


def test_undefined_lines_stay_visible():
    post = Post(b"---\ntitle: t\n---\ntext\n\nundefined\n", "p.md")
    assert '<p data-line="6">undefined</p>' in render_post(post)
