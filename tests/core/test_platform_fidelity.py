"""Rules each platform's own renderer follows where it differs from CommonMark, each checked
against what that renderer printed for the same text (velog's remark pipeline, kramdown for
Jekyll, Debian's hugo), compared as block structure."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from journal_app.core.render import render_markdown

BLOCKS = {"p", "ul", "ol", "li", "pre", "table", "tr", "blockquote", "h1", "h2", "dl", "dt", "dd"}


class Blocks(HTMLParser):
    """The block elements of a fragment, one ``depth tag`` string each."""

    def __init__(self, fragment: str):
        super().__init__()
        self.lines: list[str] = []
        self.depth = 0
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.lines.append("  " * self.depth + tag)
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.depth -= 1


def blocks(text: str, flavor: str) -> list[str]:
    return Blocks(render_markdown(text, flavor=flavor)).lines


# (markdown, the platform's structure): printed by velog's pipeline (remark-parse 7)
VELOG = [
    # a blank line inside a nested list makes every list around it loose
    (
        "- a\n  - b\n\n  - c\n- d",
        ["ul", "  li", "    p", "    ul", "      li", "        p", "      li", "        p", "  li", "    p"],
    ),
    (
        "1. a\n   - b\n\n     more\n2. d",
        ["ol", "  li", "    p", "    ul", "      li", "        p", "        p", "  li", "    p"],
    ),
    # ... and so does a blank line inside a fence of an item
    ("- a\n  ```\n  x\n\n  y\n  ```\n- b", ["ul", "  li", "    p", "    pre", "  li", "    p"]),
    # a blank line only at the item's end does not
    ("- a\n- b\n\n\n", ["ul", "  li", "  li"]),
    # two blank lines in a row end a list
    ("- a\n\n\n- b", ["ul", "  li", "ul", "  li"]),
    ("1. a\n\n\n2. b", ["ol", "  li", "ol", "  li"]),
    ("- a\n\n\n  b", ["ul", "  li", "p"]),
    ("- a\n  - b\n\n\n  - c", ["ul", "  li", "    ul", "      li", "ul", "  li"]),
    ("> - a\n>\n>\n> - b", ["blockquote", "  ul", "    li", "  ul", "    li"]),
    # blank lines indented as far as the item's text do not count
    ("- a\n  \n  \n  b", ["ul", "  li", "    p", "    p"]),
]


@pytest.mark.parametrize("text, expected", VELOG)
def test_velog_lists_as_remark_parse_7_reads_them(text, expected):
    assert blocks(text, "velog") == expected


def test_velog_highlights_only_the_languages_velog_loads_and_the_rest_as_markup():
    def language(info: str) -> str:
        out = render_markdown(f"```{info}\nx = 1\n```", flavor="velog")
        return out.split('class="language-', 1)[1].split(" ", 1)[0]

    assert [language(name) for name in ("js", "py", "sh", "ts", "kt", "cs", "clike", "go")] == [
        "javascript",
        "python",
        "bash",
        "typescript",
        "kotlin",
        "csharp",
        "c",
        "go",
    ]
    # Prism's table is case-sensitive and has no cpp, yaml or json in velog's build: markup
    assert [language(name) for name in ("JS", "cpp", "yaml", "json", "")] == ["html"] * 5
    # other flavors keep the name as written
    assert 'class="language-cpp' in render_markdown("```cpp\nint x;\n```", flavor="commonmark")


# printed by kramdown 2.4 with its GFM parser (Jekyll 4's settings)
JEKYLL = [
    # a table needs no |---| line; with one, the rows above it are the header
    ("| a | b |\n| 1 | 2 |", ["table", "  tr", "  tr"]),
    ("a | b\n1 | 2", ["table", "  tr", "  tr"]),
    ("| a | b |\n|---|---|\n| 1 | 2 |\n\npara", ["table", "  tr", "  tr", "p"]),
    # a table never interrupts a paragraph, and a line without | after it undoes it
    ("text\n| a | b |\n|---|---|\n| 1 | 2 |", ["p"]),
    ("| a | b |\n|---|---|\n| 1 | 2 |\npara", ["p"]),
    ("## x\n| a | b |\n|-|-|\n| 1 | 2 |", ["h2", "p"]),
    # a later |---| line starts a new body; a | inside a code span stays in its cell
    ("| a | b |\n|-|-|\n| c | d |\n|-|-|\n| e | f |", ["table", "  tr", "  tr", "  tr"]),
    # lists, quotes and headings win over a table line
    ("- | a | b |\n  |---|---|\n  | 1 | 2 |", ["ul", "  li", "    table", "      tr", "      tr"]),
    ("> a | b", ["blockquote", "  table", "    tr"]),
    ("# a | b", ["h1"]),
    # an item's first paragraph is bare unless a blank line follows it in the item
    (
        "1. **a**\n   ```c\n   x\n   ```\n\n2. **b**\n   ```c\n   y\n   ```",
        ["ol", "  li", "    pre", "  li", "    pre"],
    ),
    ("- a\n\n- b", ["ul", "  li", "    p", "  li", "    p"]),
    ("- a\n- b\n\n- c", ["ul", "  li", "  li", "    p", "  li"]),
    # kramdown nests by the item's content column, as CommonMark does
    ("- a\n - b\n   - c", ["ul", "  li", "  li", "    ul", "      li"]),
    ("1. a\n    - b\n        - c", ["ol", "  li", "    ul", "      li", "        ul", "          li"]),
    # an abbreviation's definition is not shown
    ("The HTML spec.\n\n*[HTML]: Hyper Text", ["p"]),
]


@pytest.mark.parametrize("text, expected", JEKYLL)
def test_jekyll_blocks_as_kramdown_reads_them(text, expected):
    assert blocks(text, "jekyll") == expected


def test_jekyll_table_cells_as_kramdown_splits_them():
    out = render_markdown("|a|b|\n|:-:|-|\n|`x|y`|z|\n| 1 |", flavor="jekyll")
    assert '<th style="text-align:center">a</th>' in out and "<code>x|y</code>" in out
    assert out.count("<td") == 4  # the short row is filled up to the table's width


def test_jekyll_abbreviations_as_kramdown_marks_them():
    out = render_markdown(
        "*[HTML]: Hyper Text Markup Language\n\nHTML is fine. XHTML is not HTML5.", flavor="jekyll"
    )
    assert out == (
        '<p data-line="3"><abbr title="Hyper Text Markup Language">HTML</abbr> is fine. '
        "XHTML is not HTML5.</p>\n"
    )
    assert "<abbr" not in render_markdown("`HTML`\n\n*[HTML]: x", flavor="jekyll")  # not in code
    assert "*[HTML]" in render_markdown("*[HTML]: x", flavor="commonmark")
