"""The incremental preview render: after every edit of a random sequence it is exactly the full
render, for every flavor; common edits render only a part; the page patch rebuilds the render."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from journal_app.core.incremental import IncrementalRenderer, Rendering, page_patch
from journal_app.core.render import FLAVORS, render_markdown

# pieces of real posts, each one or more lines
PIECES = [
    "# 오늘의 기록",
    "## 제목",
    "## 제목",
    "### Setup 🎉",
    "Setext 제목",
    "===",
    "---",
    "긴 문단의 한국어 문장입니다. English words, **굵게**, `코드`, 이모지 😀.",
    "같은 문단에 이어지는 줄 [링크][ref] 와 [다른 링크](https://example.com).",
    "- 항목 하나\n- 항목 둘\n  - 안쪽 항목\n    - 더 안쪽",
    "1. 첫째\n2. 둘째",
    "* star item",
    "```python\nprint('안녕')\n```",
    "```",
    "~~~js\nconst a = 1;\n~~~",
    "    indented code",
    "| 열 | 값 |\n|---|---|\n| 1 | 이 |",
    "| c | d |",
    "표 위의 문단\n| a | b |\n|---|---|",
    "|---|---|",
    "> 인용문\n> 둘째 줄",
    "> lazy",
    "<div>\n\n**마크다운** 안쪽\n\n</div>",
    "<details>\n<summary>열기</summary>\n\n숨은 글\n\n</details>",
    "<b>닫히지 않은 굵게",
    "</b>",
    "<!-- 주석",
    "-->",
    '<p data-line="2">raw</p>',
    "[ref]: https://example.com/ref",
    "본문의 각주[^1] 입니다.",
    "[^1]: 각주 내용",
    "![그림](../images/a.png)",
    "$$\nx^2\n$$",
    "수식 $a+b$ 인라인",
    '{{< figure src="a.png" caption="그림" >}}',
    "{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}",
    "## {{< x >}} 제목 {{% y %}}",  # Hugo counts the page's shortcodes into a heading's id
    "{% raw %}",
    "{% highlight ruby %}\nputs 1\n{% endhighlight %}",
    "용어\n: 정의",
    "*[HTML]: Hyper Text Markup Language",
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    "!youtube[abc123]",
    "undefined",
    "",
    "",
    "",
    "  ",  # lines of spaces: at the start, velog may read an empty code block from them
    "    ",
]
CHARACTERS = "a가 *_`|<>-=#[]:$!\t🎉"

post = st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("\n".join)
edit = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(PIECES)),
    st.tuples(st.just("type"), st.floats(0, 1), st.sampled_from(CHARACTERS)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("newline"), st.floats(0, 1), st.just("\n")),
)


def apply(text: str, change: tuple) -> str:
    """``text`` after one edit: a piece inserted as its own lines, a character typed, some
    characters deleted or a line break typed, at a relative position."""
    kind, where, payload = change
    at = int(where * len(text))
    if kind == "insert":
        start = text.rfind("\n", 0, at) + 1
        return text[:start] + payload + "\n" + text[start:]
    if kind == "delete":
        return text[:at] + text[at + payload :]
    return text[:at] + payload + text[at:]


def same(got: str, expected: str) -> None:
    assert got == expected, "\n".join(
        difflib.unified_diff(expected.split("\n"), got.split("\n"), "full", "incremental", lineterm="")
    )


@pytest.mark.parametrize(
    "flavor, raw_html",
    [(flavor, None) for flavor in FLAVORS] + [("hugo", True), ("velog", False)],  # a site's setting
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=post, edits=st.lists(edit, min_size=1, max_size=12), first_line=st.integers(1, 9))
@example(  # kramdown: a fence typed above a closed one pairs with its far closing line
    start="# 오늘의 기록",
    edits=[
        ("insert", 0.0, "```python\nprint('안녕')\n```"),
        ("insert", 0.0, "# 오늘의 기록"),
        ("insert", 0.0, "# 오늘의 기록"),
        ("insert", 0.0, "```"),
    ],
    first_line=1,
)
@example(  # kramdown: a quote made a paragraph; the fence under it, text in the quote, is code now
    start="> lazy\n문단\n```python\nprint('안녕')\n```",
    edits=[("insert", 0.625, '<p data-line="2">raw</p>'), ("type", 0.0, "a")],
    first_line=1,
)
@example(  # the line under a table's header stops being its delimiter row: the paragraph above goes on
    start="문단\n| a | b |\n|---|---|\n| 1 | 2 |\n\n끝", edits=[("type", 0.5, "x")], first_line=1
)
@example(  # a tag left unclosed eats the HTML after it up to its next ">": a heading's own tag
    start='<details>\n\n</details>\n<p data-line="2">raw</p>\n# 기록\n\n# 기록\n끝',
    edits=[("delete", 0.48, 18)],
    first_line=1,
)
@example(  # kramdown's abbreviation, defined in the first line, in a block rendered again
    start="*[HTML]: Hyper Text Markup Language\n\n하나\n\n둘\n\nHTML 문단\n\n끝",
    edits=[("type", 1.0, "x")],
    first_line=1,
)
@example(  # kramdown: a table needs a blank line above it; a heading's line is not one
    start="# 제목\n| c | d |\n\n하나\n\n둘\n\n끝",
    edits=[("type", 0.875, "x")],
    first_line=1,
)
@example(  # Hugo hides raw HTML: the hint shows a data-line the page must not move
    start='<p data-line="2">raw</p>',
    edits=[
        ("insert", 0.0, "<details>\n<summary>열기</summary>\n\n숨은 글\n\n</details>"),
        ("newline", 0.0, "\n"),
        ("delete", 0.0, 39),
        ("delete", 0.0, 1),
    ],
    first_line=1,
)
@example(  # kramdown's table of contents holds every heading: a heading added far below
    start="- 목차\n{:toc}\n\n# 하나\n\n글\n\n글\n\n글",
    edits=[("insert", 1.0, "# 둘")],
    first_line=1,
)
@example(  # velog: lines of spaces at the start become an empty code block once one has four
    start="  \n  \n# 제목\n\n글", edits=[("type", 0.24, " "), ("type", 0.24, " ")], first_line=1
)
def test_after_every_edit_the_render_is_the_full_render(flavor, raw_html, start, edits, first_line):
    renderer = IncrementalRenderer(flavor, raw_html)
    text = start
    same(
        renderer.render(text, first_line).fragment,
        render_markdown(text, flavor=flavor, first_line=first_line, raw_html=raw_html),
    )
    shown: Rendering | None = None
    for change in edits:
        text = apply(text, change)
        rendering = renderer.render(text, first_line)
        same(
            rendering.fragment, render_markdown(text, flavor=flavor, first_line=first_line, raw_html=raw_html)
        )
        assert len(set(rendering.keys)) == len(rendering.keys)
        if shown is not None:  # what the page holds after the patch is the new render
            units = patched(shown, page_patch(shown, rendering), rendering)
            assert units == list(zip(rendering.keys, rendering.html))
        shown = rendering


def patched(before: Rendering, ops: list[list] | None, after: Rendering) -> list[tuple[int, str]]:
    """The page's units after ``ops``, done as the page script does them (a "lines" op moves
    the data-line values of the unit's HTML, in order)."""
    if ops is None:  # nothing kept: the page is filled anew
        return list(zip(after.keys, after.html))
    import re

    units = list(zip(before.keys, before.html))
    for op in ops:
        if op[0] == "remove":
            units = [unit for unit in units if unit[0] != op[1]]
        elif op[0] == "lines":
            values = iter(op[2])
            index = next(i for i, unit in enumerate(units) if unit[0] == op[1])
            html = re.sub(  # in tags only, as the page moves attributes (not text that shows one)
                r"<[A-Za-z][^<>]*>",
                lambda tag: re.sub(r'data-line="\d+"', lambda m: f'data-line="{next(values)}"', tag[0]),
                units[index][1],
            )
            units[index] = (op[1], html)
        else:
            index = len(units) if op[3] is None else next(i for i, u in enumerate(units) if u[0] == op[3])
            units.insert(index, (op[1], op[2]))
    return units


LONG = (
    "\n\n".join(
        f"## 섹션 {n}\n\n문단 {n}, [참조][ref] 링크 😀.\n\n- 항목 {n}\n  - 안쪽\n\n```python\nx = {n}\n```"
        for n in range(60)
    )
    + "\n\n[ref]: https://example.com\n"
)


@pytest.mark.parametrize("flavor", ["commonmark", "velog", "hugo", "jekyll"])
def test_typing_in_a_paragraph_renders_only_around_it(flavor):
    renderer = IncrementalRenderer(flavor)
    before = renderer.render(LONG, 5)
    at = LONG.index("문단 30,")
    text = LONG[:at] + "가" + LONG[at:]
    after = renderer.render(text, 5)
    assert not after.full
    same(after.fragment, render_markdown(text, flavor=flavor, first_line=5))
    changed = [key for key in after.keys if key not in set(before.keys)]
    assert 1 <= len(changed) <= 2  # the paragraph (and at most its neighbour)
    assert after.html[after.keys.index(changed[0])].count("data-line") == 1


def test_a_new_line_moves_the_lines_of_the_blocks_after_it_without_rendering_them():
    renderer = IncrementalRenderer("commonmark")
    before = renderer.render(LONG, 5)
    at = LONG.index("문단 30,")
    text = LONG[:at] + "새 줄\n\n" + LONG[at:]
    after = renderer.render(text, 5)
    assert not after.full
    same(after.fragment, render_markdown(text, flavor="commonmark", first_line=5))
    moved = [
        key
        for key, lines in zip(after.keys, after.lines)
        if key in before.keys and lines != before.lines[before.keys.index(key)]
    ]
    assert len(moved) > 100  # every block below, kept, with its lines two further down
    ops = page_patch(before, after)
    assert ops is not None and sum(op[0] == "insert" for op in ops) <= 3


def test_an_edit_of_a_reference_definition_reaches_the_links_far_away():
    renderer = IncrementalRenderer("commonmark")
    renderer.render(LONG, 1)
    text = LONG.replace("[ref]: https://example.com", "[ref]: https://example.org")
    after = renderer.render(text, 1)
    assert 'href="https://example.org"' in after.html[1] and after.full


def test_a_heading_typed_above_renumbers_the_ids_of_the_same_heading_below():
    renderer = IncrementalRenderer("commonmark")
    text = "## 제목\n\n문단\n\n## 제목\n\n끝\n"
    renderer.render(text)
    text = "## 제목\n\n## 제목\n\n문단\n\n## 제목\n\n끝\n"
    after = renderer.render(text)
    assert 'id="제목-2"' in after.fragment
    same(after.fragment, render_markdown(text))


def test_a_heading_rendered_again_alone_counts_the_shortcodes_above_it_into_its_id():
    # Hugo's id of "## {{< y >}}" holds the page's shortcode count above it (here 1); a heading
    # typed above takes that id, so the heading below is rendered again on its own
    renderer = IncrementalRenderer("hugo")
    text = "## a\n\n문단 {{< x >}}\n\n## {{< y >}}\n\n끝\n"
    renderer.render(text)
    text = text.replace("## a", "## HAHAHUGOSHORTCODEs1HBHB")
    after = renderer.render(text)
    assert 'id="hahahugoshortcodes1hbhb-1"' in after.fragment
    same(after.fragment, render_markdown(text, flavor="hugo"))


def test_a_heading_inside_a_paired_shortcode_above_counts_none_of_its_own():
    renderer = IncrementalRenderer("hugo")
    body = "p1\n\np2\n\np3\n\np4\n\n{{< p >}}\n\n## {{< a >}}\n\n{{< /p >}}\n"
    renderer.render("x\n\n" + body)
    text = "## !!\n\n" + body  # the heading below takes "heading-1": rendered again alone
    same(renderer.render(text).fragment, render_markdown(text, flavor="hugo"))


def test_velog_a_first_line_of_spaces_left_by_a_deletion_opens_the_paragraph_with_its_break():
    renderer = IncrementalRenderer("velog")
    renderer.render("x\n  \ntext\n")
    after = renderer.render("  \ntext\n")
    assert "<br>" in after.fragment
    same(after.fragment, render_markdown("  \ntext\n", flavor="velog"))


def test_an_unclosed_div_keeps_what_follows_inside_it():
    renderer = IncrementalRenderer("commonmark")
    text = '문단\n\n<div class="note">\n\n**안쪽**\n\n</div>\n\n밖\n'
    same(renderer.render(text).fragment, render_markdown(text))
    text = text.replace("</div>", "</dv>")
    same(renderer.render(text).fragment, render_markdown(text))


@pytest.mark.parametrize(
    "flavor, text",
    [
        ("jekyll", "# 제목 {#top}\n\n글\n\n## 제목\n\n# 제목\n"),
        ("jekyll", "# 제목\n{: #top}\n\n글\n\n# top\n"),
        ("hugo", "# 제목 {#top}\n\n글\n\n# top\n\n## 제목\n"),
    ],
)
def test_headings_with_ids_of_their_own_render_while_typing(flavor, text):
    """A heading that gives its own id (kramdown's and goldmark's {#id}) takes that id in the
    incremental render too, and the headings after it the ids a full render gives them."""
    renderer = IncrementalRenderer(flavor)
    same(renderer.render(text).fragment, render_markdown(text, flavor=flavor))
    for edit in (("type", 0.5, "가"), ("insert", 0.0, "# top"), ("delete", 0.0, 3)):
        text = apply(text, edit)
        same(renderer.render(text).fragment, render_markdown(text, flavor=flavor))
