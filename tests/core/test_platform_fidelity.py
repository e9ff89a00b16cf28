"""Rules each platform's own renderer follows where it differs from CommonMark, each checked
against what that renderer printed for the same text (velog's remark pipeline, kramdown for
Jekyll, Debian's hugo), compared as block structure."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from tests.clirun import run_in_process
from journal_app.core import load_post
from journal_app.core.flavor import raw_html_shown
from journal_app.core.render import render_markdown, render_post

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
    # a line whose tab reaches past the item's text column is the item's text, not a list in it
    ("- a\n\t- b", ["ul", "  li"]),
    ("- x\n- a\n\t- b\n  - c\n- d", ["ul", "  li", "  li", "    ul", "      li", "  li"]),
    ("- a\n  \t- b\n\n\t- c", ["ul", "  li", "    p", "    pre"]),
    ("1. a\n\t- b", ["ol", "  li", "    ul", "      li"]),  # 1. puts the text at a tab stop
    ("- a\n    - b\n    \t- c", ["ul", "  li", "    ul", "      li", "        ul", "          li"]),
    ("1. a\n\n\n2. b", ["ol", "  li", "ol", "  li"]),
    ("- a\n\n\n  b", ["ul", "  li", "p"]),
    ("- a\n  - b\n\n\n  - c", ["ul", "  li", "    ul", "      li", "ul", "  li"]),
    ("> - a\n>\n>\n> - b", ["blockquote", "  ul", "    li", "  ul", "    li"]),
    # blank lines indented as far as the item's text do not count
    ("- a\n  \n  \n  b", ["ul", "  li", "    p", "    p"]),
    # a line of spaces is empty only once the items around it have taken all of them off: it
    # spreads the inner item, not the outer one, and a line of spaces left splits no paragraphs
    (
        "1. a\n    1. b\n        \n        ![](x.png)",
        ["ol", "  li", "    ol", "      li", "        p", "        p"],
    ),
    ("1. c\n      \n     ![](x.png)", ["ol", "  li"]),
    (
        "- a\n    - b\n      \n        \n- b\n  1. c",
        ["ul", "  li", "    ul", "      li", "  li", "    ol", "      li"],
    ),
    # ... and an empty line between two items spreads their list; a line of spaces is the item's
    ("- a\n\n- b", ["ul", "  li", "    p", "  li", "    p"]),
    ("- a\n \n- b", ["ul", "  li", "  li"]),
    # after an empty line any line that starts with a space is the item's, however few; a lazy
    # line (no indent) keeps the item's indent on every line: its list is the item's text
    ("- a\n\n more", ["ul", "  li", "    p", "    p"]),
    ("1. a\n\n  more", ["ol", "  li", "    p", "    p"]),
    ("1. a\n    1. b\nlazy\n        ![](x.png)", ["ol", "  li"]),
    # a quote, a fence, a heading, a rule or an HTML block ends a paragraph however far it is
    # indented, and is then read on its own: indented, as code
    ("text\n     ```\n     x\n     ```", ["p", "pre"]),
    ("- a\n      ```js\n      x\n      ```", ["ul", "  li", "    pre"]),
    ("a\n    > q", ["p", "pre"]),
    ("a\n    # h", ["p", "pre"]),
    ("a\n        ***", ["p", "pre"]),
    ("a\n    <div>x</div>", ["p", "pre"]),
    ("1. a\n   b\n       # h", ["ol", "  li", "    pre"]),
    ("a\n     - b", ["p"]),  # (a list does not)
    # a setext heading is the one line right above its underline (indented, that line is code)
    ("a\nb\n---", ["p", "h2"]),
    ("a\nb\n===", ["p", "h1"]),
    ("a\n    b\n---", ["p", "pre"]),
    ("- a\n  b\n  ---", ["ul", "  li", "    h2"]),
    # ... and its underline starts its line: a space before it and ``---`` is a rule, ``===`` text
    ("a\n ---", ["p"]),
    ("a\n   ===", ["p"]),
    ("> q\n  ---", ["blockquote", "  p"]),
    ("  1. > q\n    ---", ["ol", "  li", "    blockquote", "      h2"]),  # (the item's indent off)
    # inside a list any numbered list interrupts a paragraph, in a quote in an item too
    ("2. text\n    10. b c", ["ol", "  li", "    ol", "      li"]),
    ("- > q\n     1.  b c", ["ul", "  li", "    blockquote", "      p", "      ol", "        li"]),
    ("- a\n  3. b", ["ul", "  li", "    ol", "      li"]),
    ("a\n2. b", ["p"]),
    # only 1. numbers a list
    ("1) a\n2) b", ["p"]),
    # a line right under an item's line goes on with the item: a quote or HTML too, nested lists
    # included; a heading, a fence or a rule ends the list, and so does a blank line before
    ("- a\n> quote", ["ul", "  li", "    blockquote", "      p"]),
    ("- a\n> q\nmore", ["ul", "  li", "    blockquote", "      p"]),
    ("1. a\n> q\n2. b", ["ol", "  li", "    blockquote", "      p", "  li"]),
    ("- a\n  - b\n> q", ["ul", "  li", "    ul", "      li", "        blockquote", "          p"]),
    ("- a\n\n> q", ["ul", "  li", "blockquote", "  p"]),
    ("- a\n# h", ["ul", "  li", "h1"]),
    ("- a\n```\nx\n```", ["ul", "  li", "pre"]),
    ("- a\n| x | y |\n|---|---|", ["ul", "  li"]),
    # ... and so does a definition, which is not shown
    ("- a\n[x]: http://e.com\n\n[x]", ["ul", "  li", "p"]),
    ("- a\n  - b\n[^1]: note", ["ul", "  li", "    ul", "      li"]),
    # a change of bullet starts a new list, as in CommonMark
    ("- a\n* b", ["ul", "  li", "ul", "  li"]),
    # a quote goes on to the first blank line: a heading, a list or a fence under it is inside
    ("> a\n# h", ["blockquote", "  p", "  h1"]),
    ("> a\n- b", ["blockquote", "  p", "  ul", "    li"]),
    ("> a\n```\nx\n```", ["blockquote", "  p", "  pre"]),
    ("> a\n1. b", ["blockquote", "  p"]),  # a numbered list does not interrupt the paragraph
    ("> a\n\n# h", ["blockquote", "  p", "h1"]),
    ("1. a\n   > q\n2. b", ["ol", "  li", "    blockquote", "      p", "  li"]),
    # a quote's own > lines are not blank lines of the item around it
    ("- a\n  > q\n  >\n  > r\n- b", ["ul", "  li", "    blockquote", "      p", "      p", "  li"]),
    # a table ends at a line without |, and never interrupts a paragraph
    ("| a | b |\n| - | - |\n| 1 | 2 |\ntext after", ["table", "  tr", "  tr", "p"]),
    ("text\n| a | b |\n|---|---|\n| 1 | 2 |", ["p"]),
    # indented code starts with four spaces or a tab; one to three spaces and a tab (four
    # columns in CommonMark) start a heading, a quote, a fence or a paragraph, and end code
    (" \t# h", ["h1"]),
    ("  \t> q", ["blockquote", "  p"]),
    (" \t```\nx\n```", ["pre"]),
    ("\t# h", ["pre"]),
    ("    x\n \ty", ["pre", "p"]),
    ("   \tword\n\n    code", ["p", "pre"]),
    # a first line of spaces is the first line of a paragraph: a numbered list or a table under
    # it is that paragraph's text (only a blank line after a line's end is blank to remark)
    ("  \n2. # h", ["p"]),
    ("\t\n1. a", ["p"]),
    (" \n1. a\n- b", ["p", "ul", "  li"]),
    (" \n| a | b |\n|---|---|", ["p"]),
    (" \n- a", ["ul", "  li"]),
    ("x\n\n  \n2. b", ["p", "ol", "  li"]),
    (" \t- a", ["p"]),  # (its list counts the tab to four columns: no list)
    ("a\n  \t---", ["p"]),  # (its underline takes spaces only: a paragraph and a rule)
    # ... and over an underline that starts its line, a heading with no text
    (" \n---\ntext", ["h2", "p"]),
    ("\t\n===", ["h1"]),
    ("  \n  ---\ntext", ["p"]),  # (a rule: not in the structure)
    # lines of spaces at the start, one of four columns after a line's end: an empty code block
    ("  \n    \n# h", ["pre", "h1"]),
    ("    \n    \n# h", ["pre", "h1"]),
    ("  \n  \n    \n -  x", ["pre", "ul", "  li"]),
    ("  \n\t\ntext", ["pre", "p"]),
    ("     \n# h", ["pre", "h1"]),  # (a fifth space is its text)
    ("    \n# h", ["h1"]),  # (the first line alone: none)
    ("    \n\n# h", ["h1"]),
    ("\t\n# h", ["h1"]),
    ("\n    \n# h", ["h1"]),  # (a line break first: blank lines, all of them)
    ("a\n\n  \n    \n# h", ["p", "h1"]),
    ("  \n    \n    x", ["pre"]),  # (code with text: one block)
    # a quote in an item takes the lines under it as they are (the item's indent off): a list
    # there takes the indented lines after it, as remark's list does anywhere
    (
        "   1. > q\n    10. ---\n    ![](x.png)",
        ["ol", "  li", "    blockquote", "      p", "      ol", "        li"],
    ),
    (
        "2. > q\n    1. b c\n   ![](x.png)\n -  # h\n  10. # h",
        [
            "ol",
            "  li",
            "    blockquote",
            "      p",
            "      ol",
            "        li",
            "ul",
            "  li",
            "    h1",
            "ol",
            "  li",
            "    h1",
        ],
    ),
    (
        "  - > q\n     1.  text\n  ![](x.png)\n    10. # h\n\n    ",
        ["ul", "  li", "    blockquote", "      p", "      ol", "        li", "        li", "          h1"],
    ),
]


@pytest.mark.parametrize(
    "text, expected",
    [  # velog's pipeline, run on these texts
        ("   \ntext", '<p data-line="2"><br>\ntext</p>\n'),
        ("  \nfoo\nbar", '<p data-line="2"><br>\nfoo<br>\nbar</p>\n'),
        (" \n---", '<h2 data-line="1" id=""></h2>\n'),
        ("\n  \ntext", '<p data-line="3">text</p>\n'),
        ("  \n\ntext", '<p data-line="3">text</p>\n'),
    ],
)
def test_velog_a_paragraph_under_a_first_line_of_spaces_opens_with_its_line_break(text, expected):
    assert render_markdown(text, flavor="velog") == expected


@pytest.mark.parametrize("text, expected", VELOG)
def test_velog_lists_as_remark_parse_7_reads_them(text, expected):
    assert blocks(text, "velog") == expected


def test_velog_definition_under_an_item_ends_the_list():
    # printed by velog's pipeline: <ul><li>a</li></ul><p><a href="http://e.com">x</a></p>
    out = render_markdown("- a\n[x]: http://e.com\n\n[x]", flavor="velog")
    assert "[x]:" not in out and '<a href="http://e.com">x</a>' in out


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
    # kramdown's "#" starts its line: an indented one is text (in a quote too)
    ("  # h", ["p"]),
    (">  # h", ["blockquote", "  p"]),
    ("- a\n\n  # h", ["ul", "  li", "    p", "    h1"]),
    # kramdown's fences need their closing line: one without it is text (a real post's last
    # fence left open shows as paragraphs on the site)
    ("```\n  1. b c", ["p", "ol", "  li"]),
    ("para\n\n~~~\nx\n\nmore", ["p", "p", "p"]),
    ("~~~~\nx\n~~~~~", ["pre"]),
    ("> ```\n> x\n> ```", ["blockquote", "  pre"]),
    ("```\ncode\n        ```\n\ntext", ["p", "p"]),  # (a line indented four is no closing line)
    # ... nor one past the item the fence opens in (a block tag ends the item's lazy lines)
    ("- a\n```\n<p>x</p>\n```", ["ul", "  li", "p", "p"]),
    ("- a\n```\nx\n```", ["ul", "  li", "    pre"]),
    ("> a\n```\n<p>x</p>\n```", ["blockquote", "  p", "p", "p"]),  # (nor one past the quote)
    # a block's tag ends a quote's lazy lines only after at most three spaces
    ("> a\n    <div>x</div>\nb", ["blockquote", "  p"]),
    ("> a\n<div>x</div>\nb", ["blockquote", "  p", "p"]),
    ("term\n: a\n    : b", ["dl", "  dt", "  dd", "    dl", "      dt", "      dd"]),
    ("term\n: d\n<p>w</p>", ["dl", "  dt", "  dd", "p"]),  # (a tag left of the definition's text)
    ("1. n\nx\n> q\n  ^\n  z", ["ol", "  li", "    blockquote", "      p"]),
    # ... but an attribute list under it is the table's (a real Jekyll post's {:.info})
    ("| a | b |\n| 1 | 2 |\n{:.info}\n\nnext", ["table", "  tr", "  tr", "p"]),
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
    # ... and a paragraph under a footnote's or an end-of-block mark's line is no first paragraph
    ("* [^1]: n\n   text\n* b", ["ul", "  li", "    p", "  li"]),
    ("* ^\n  text", ["ul", "  li", "    p"]),
    ("- a\n- b\n\n- c", ["ul", "  li", "  li", "    p", "  li"]),
    # kramdown nests by the item's content column, as CommonMark does
    ("- a\n - b\n   - c", ["ul", "  li", "  li", "    ul", "      li"]),
    ("1. a\n    - b\n        - c", ["ol", "  li", "    ul", "      li", "        ul", "          li"]),
    # only 1. numbers a list
    ("1) a\n2) b", ["p"]),
    ("text\n1) a", ["p"]),
    # a line right under an item's line belongs to the item, whatever block it starts
    ("- a\n```\ncode\n```\n- c", ["ul", "  li", "    pre", "  li"]),
    ("- a\n## b", ["ul", "  li", "    h2"]),
    ("- a\n> q", ["ul", "  li", "    blockquote", "      p"]),
    ("- a\n  - b\n```\nx\n```", ["ul", "  li", "    ul", "      li", "        pre"]),
    ("- a\n\n```\nx\n```", ["ul", "  li", "pre"]),  # not after a blank line
    ("- a\n```\nx\n```\n\n- b\n```\ny\n```", ["ul", "  li", "    pre", "  li", "    pre"]),
    # a change of bullet goes on with the list; an item of the other kind right under an item
    # is a list inside it, after a blank line a new list
    ("* a\n+ b\n- c", ["ul", "  li", "  li", "  li"]),
    ("* a\n+ b\n\n- c", ["ul", "  li", "  li", "    p", "  li"]),
    ("- a\n+ b\n  - c\n  * d", ["ul", "  li", "  li", "    ul", "      li", "      li"]),
    ("* a\n1. b\n* c", ["ul", "  li", "    ol", "      li", "  li"]),
    ("1. a\n* b\n2. c", ["ol", "  li", "    ul", "      li", "  li"]),
    ("1. a\n\n* b", ["ol", "  li", "ul", "  li"]),
    # $$…$$ on block boundaries is display math (no paragraph), elsewhere inline math
    ("$$\nx^2\n$$", []),
    ("$$\nx\n\ny\n$$\n\npara", ["p"]),
    ("$$x$$", []),
    ("- a\n\n  $$\n  x\n  $$", ["ul", "  li", "    p"]),
    ("text\n$$\nx\n$$\n\nmore", ["p", "p"]),
    ("para\n\n$$x$$ tail", ["p", "p"]),
    # kramdown's extensions: options and comments show nothing, nomarkdown is raw
    ('{::options parse_block_html="true" /}\n\npara', ["p"]),
    ("{::comment}\nx\n\ny\n{:/}\n\npara", ["p"]),
    ('{::options auto_ids="false"}\ninside\n{:/options}', []),
    ("{::nomarkdown}\n*x*\n{:/}", []),
    ("{::comment}\nnever closed", ["p"]),
    ("{::foo /}\npara", ["p"]),
    # a line opening with a span-level tag is a paragraph
    ("<br>\n함수 선언", ["p"]),
    ("a\n\n<br>\n\n## b", ["p", "p", "h2"]),
    ('<img src="a.png">\ntext', ["p"]),
    ("<div>\n*a*\n</div>", []),
    # a heading, paragraph or item element is a block element too: it ends at its closing tag
    ("<h3>T</h3>\ntext", ["p"]),
    ("<p>a\n\nb</p>", ["p"]),
    ('<iframe src="v"></iframe>\ntext', ["p"]),
    ("<li>x</li>\ntext", ["li", "p"]),
    ("<hr>\ntext", ["p"]),
    # a heading needs text
    ("##", ["p"]),
    ("text\n##\nmore", ["p"]),
    ("##\tx", ["h2"]),
    # inside a line, a block element's tag is text
    ('**<p style="color:red">IN PROGRESS</p>**', ["p"]),
    ("a <div>x</div> b", ["p"]),
    # an abbreviation's definition is not shown
    ("The HTML spec.\n\n*[HTML]: Hyper Text", ["p"]),
    # only : starts a definition: a line starting ~ goes on with the text above
    ("term\n: d1\n~ d2", ["dl", "  dt", "  dd"]),
    ("a\n~ b", ["p"]),
    # Liquid reads a highlight's closing tag anywhere on its line: code before it is the last
    # line of code, text after it (after the code Liquid writes) a paragraph of its own
    ("{% highlight ruby %}\nx = 1\n{% endhighlight %} after\n\nnext", ["pre", "p", "p"]),
    ("{% highlight ruby %}\nx = 1\n{% endhighlight %}after\nmore", ["pre", "p"]),
    (
        "- a\n\n  {% highlight ruby %}\n  x\n  {% endhighlight %} after\n- b",
        ["ul", "  li", "    p", "    pre", "    p", "  li", "    p"],
    ),
    # a quote takes every line up to a blank line, whatever block it starts, a line without >
    # too; an attribute list, the end-of-block mark or a block's tag ends it
    ("> x\n-  # h", ["blockquote", "  p", "  ul", "    li", "      h1"]),
    ("> a\n# h", ["blockquote", "  p", "  h1"]),
    ("> a\n```\nx\n```", ["blockquote", "  p", "  pre"]),
    ("> > q\n  -  text", ["blockquote", "  blockquote", "    p", "    ul", "      li"]),
    ("> a\n^\nb", ["blockquote", "  p", "p"]),
    # the end-of-block mark ends a paragraph or a list and shows nothing
    ("a\n^\nb", ["p", "p"]),
    ("- a\n^\n- b", ["ul", "  li", "ul", "  li"]),
    ("- a\n^\n    code", ["ul", "  li", "pre"]),
    ("1. a\n   ^\n   b", ["ol", "  li", "    p"]),
    ("a\n ^\nb", ["p"]),  # (only at the line's start)
    # any item ends a paragraph, whatever its number (an item with text)
    ("term\n2. term", ["p", "ol", "  li"]),
    ("a\n10. b", ["p", "ol", "  li"]),
    ("a\n2.", ["p"]),
    # a definition's : is indented at most three spaces, under its term or one empty line
    ("a\n    : b", ["p"]),
    ("a\n\n   : b", ["dl", "  dt", "  dd", "    p"]),
    ("term\n  \n: a", ["p", "p"]),
    # an item of the other kind right under an item is inside it, however far either is indented
    ("  1. a\n- b", ["ol", "  li", "    ul", "      li"]),
    ("   -  | a | b |\n  2. $$", ["ul", "  li", "    ol", "      li"]),
    ("- a\n   1. b\n  - c", ["ul", "  li", "    ol", "      li", "        ul", "          li"]),
    ("  - a\n- b", ["ul", "  li", "  li"]),  # (of its own kind, the next item)
    # a definition's text starts after its : and all the spaces after it: lines after an
    # empty line go on with it from there, and a list right under it is inside it
    ("t\n:   a\n\n  b", ["dl", "  dt", "  dd", "p"]),
    ("t\n:   a\n\n    b", ["dl", "  dt", "  dd", "    p"]),
    ("t\n: a\n\n  b", ["dl", "  dt", "  dd", "    p"]),
    ("t\n:   a\n      1. x", ["dl", "  dt", "  dd", "    ol", "      li"]),
    # ... and every line right under it that starts no definition is its own: a quote too
    ("t\n: a\n> q", ["dl", "  dt", "  dd", "    blockquote", "      p"]),
    ("t\n: a\n# h", ["dl", "  dt", "  dd", "    h1"]),
    (
        "* a\n  : b\n> text",
        ["ul", "  li", "    dl", "      dt", "      dd", "        blockquote", "          p"],
    ),
    ("term\n: def\nterm2\n: def2", ["dl", "  dt", "  dd", "  dd"]),
    # a setext heading is one line of text over an underline that starts its line, and a rule
    # ends no paragraph (a list item does: - - -)
    ("b c\n  ---", ["p"]),
    ("a\nb\n---", ["p"]),
    ("  * a\n   ---", ["ul", "  li"]),
    ("* a\n---", ["ul", "  li", "    h2"]),
    ("> a\n---", ["blockquote", "  h2"]),
    ("b c\n***", ["p"]),
    # a table in an item ends with the item, or at a list indented under the item's text (its
    # text before that is read on its own); at the top level, a line right under it undoes it
    ("  - | a | b |\n- b c", ["ul", "  li", "    table", "      tr", "  li"]),
    (
        "- | a | b |\n  - > q",
        ["ul", "  li", "    table", "      tr", "    ul", "      li", "        blockquote", "          p"],
    ),
    ("1.  | a | b |\n* ![](x.png)", ["ol", "  li", "    ul", "      li"]),  # (a lazy line: text)
    ("| a | b |\n- x", ["p", "ul", "  li"]),
    # a | in a code span makes no table line
    ("`|` a", ["p"]),
    ("- `|`\n- b", ["ul", "  li", "  li"]),
    # a lazy line keeps its own spaces: ` # h` under an item's text is text, in a quote too
    ("1. a\n # h", ["ol", "  li"]),
    ("1. > q\n # h", ["ol", "  li", "    blockquote", "      p"]),
    ("t\n: a\n # h", ["dl", "  dt", "  dd"]),
    ("1. a\n# h", ["ol", "  li", "    h1"]),
    (" 1.  b c\n  * # h", ["ol", "  li", "    ul", "      li", "        h1"]),
]


@pytest.mark.parametrize("text, expected", JEKYLL)
def test_jekyll_blocks_as_kramdown_reads_them(text, expected):
    assert blocks(text, "jekyll") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # printed alike by cmark-gfm and Debian's hugo: a line under an item's paragraph that is
        # indented less than the item's text is read against the container around the item;
        # indented four columns there, it goes on with the paragraph (markdown-it: code)
        ("  2. b c\n    > text", ["ol", "  li"]),
        # ... the innermost container it is indented as far as: here the item, not the footnote
        (" * [^1]: n\n    > text", ["ul", "  li", "    blockquote", "      p"]),
        ("  - a\n      - b\n    > q", ["ul", "  li", "    ul", "      li", "    blockquote", "      p"]),
    ],
)
def test_a_line_short_of_an_item_is_read_against_the_container_around_it(text, expected):
    for flavor in ("commonmark", "hugo"):
        assert blocks(text, flavor) == expected, flavor


@pytest.mark.parametrize(
    "text, outside, inside",
    [
        # printed by kramdown: a footnote is its first line and the lines indented four columns
        # after it (with the lines of text right under those); a line of text right under the
        # first line is a paragraph of the post
        ("a[^1]\n\n[^1]: n\nnext\n", "next", "n"),
        ("a[^1]\n\n[^1]: n\n $$\n", "$$", "n"),
        ("a[^1]\n\n[^1]: n\n    more\nlazy\n", None, "lazy"),
        ("a[^1]\n\n[^1]: n\n\n    para\n\nafter\n", "after", "para"),
    ],
)
def test_jekyll_footnotes_take_their_lines_as_kramdown_does(text, outside, inside):
    body, notes = render_markdown(text, flavor="jekyll").split('<section class="footnotes">')
    if outside is not None:
        assert re.search(rf"<p data-line=\"\d+\">{re.escape(outside)}</p>", body), body
    assert inside in notes and (inside == "n" or inside not in body), (body, notes)


def test_jekyll_rule_ends_no_paragraph_but_an_item_does():
    # printed by kramdown: a rule under a line of text is the paragraph's text (a dash)
    assert "<hr" not in render_markdown("b c\n***\n\na\n  ---\n", flavor="jekyll")
    assert "<hr" in render_markdown("b c\n- - -\n", flavor="jekyll")


def test_jekyll_math_and_extensions_as_kramdown_writes_them():
    def shown(text: str) -> str:
        return re.sub(r' data-line="\d+"', "", render_markdown(text, flavor="jekyll"))

    assert shown("$$x^2$$").startswith('<div class="math math-display"><math display="block">')
    assert '<span class="math math-inline"><math display="inline">' in shown("a $$x$$ b")
    assert "math" not in shown("cost $5 and $10")  # one $ is no math
    assert shown("a {::comment}hidden{:/comment} b") == "<p>a  b</p>\n"
    assert shown("a {::nomarkdown}<b>x</b>{:/} b") == "<p>a <b>x</b> b</p>\n"
    assert shown("{::nomarkdown}\n<b>x</b>\n{:/}") == "<b>x</b>\n"
    assert shown("text\n{::comment}\nx\n{:/comment}") == "<p>text\n</p>\n"  # {:/…} is no attribute list
    # a block element's tag inside a line shows as written (kramdown: "Found block HTML tag")
    assert shown('a <p class="x">b</p> <span>c</span>') == (
        '<p>a &lt;p class="x"&gt;b&lt;/p&gt; <span>c</span></p>\n'
    )
    # velog's one-line $$x$$ stays inline math in a paragraph (remark-math); other flavors: text
    assert render_markdown("$$x$$", flavor="velog").startswith(
        '<p data-line="1"><span class="math math-inline">'
    )
    assert "math" not in render_markdown("$$x$$", flavor="commonmark")


def test_jekyll_table_of_contents_as_kramdown_writes_it():
    def shown(text: str) -> str:  # kramdown's own output, its indentation aside
        out = re.sub(r' data-line="\d+"', "", render_markdown(text, flavor="jekyll"))
        return re.sub(r"\s*\n\s*", "", out)

    # printed by kramdown 2.4 (Jekyll), the whitespace between tags aside
    assert shown("* TOC\n{:toc}\n\n# 첫 제목\n\n## 둘째 **굵게**\n\n### 셋째\n\n# Last one") == (
        '<ul id="markdown-toc"><li><a href="#첫-제목" id="markdown-toc-첫-제목">첫 제목</a>'
        '<ul><li><a href="#둘째-굵게" id="markdown-toc-둘째-굵게">둘째 <strong>굵게</strong></a>'
        '<ul><li><a href="#셋째" id="markdown-toc-셋째">셋째</a></li></ul></li></ul></li>'
        '<li><a href="#last-one" id="markdown-toc-last-one">Last one</a></li></ul>'
        '<h1 id="첫-제목">첫 제목</h1><h2 id="둘째-굵게">둘째 <strong>굵게</strong></h2>'
        '<h3 id="셋째">셋째</h3><h1 id="last-one">Last one</h1>'
    )
    assert shown("1. 목차\n{:toc}\n\n## A\n\n## B {#bee}\n{: .no_toc}\n\n### C") == (
        '<ol id="markdown-toc"><li><a href="#a" id="markdown-toc-a">A</a>'
        '<ol><li><a href="#c" id="markdown-toc-c">C</a></li></ol></li></ol>'
        '<h2 id="a">A</h2><h2 class="no_toc" id="bee">B</h2><h3 id="c">C</h3>'
    )
    assert "markdown-toc" not in render_markdown("* TOC\n{:toc}", flavor="commonmark")


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


HUGO_POST = "---\ntitle: t\n---\n<div>\n안녕 **굵게**\n</div>\n\na <kbd>Ctrl</kbd> b\n\n<!-- 메모 -->\n"


def test_hugo_hides_raw_html_by_default_with_a_visible_hint():
    out = render_markdown(HUGO_POST.split("---\n", 2)[2], flavor="hugo")
    assert "<div>" not in out and "<kbd>" not in out  # as goldmark's unsafe = false
    assert out.count('class="missing-image raw-html-omitted"') == 3  # div, <kbd> and </kbd>
    assert "<code>&lt;div&gt;\n안녕 **굵게**\n&lt;/div&gt;</code>" in out  # its source stays readable
    assert "a <span" in out and "Ctrl<span" in out  # the text between tags shows, as on the site
    assert "메모" not in out  # a comment shows nothing either way
    shown = render_markdown(HUGO_POST.split("---\n", 2)[2], flavor="hugo", raw_html=True)
    assert "<div data-line=" in shown and "<kbd>Ctrl</kbd>" in shown and "raw-html-omitted" not in shown
    # every other platform shows raw HTML
    assert "<kbd>Ctrl</kbd>" in render_markdown("a <kbd>Ctrl</kbd> b", flavor="jekyll")


@pytest.mark.parametrize(
    "config, shown",
    [
        (None, False),
        (("hugo.toml", 'title = "t"\n'), False),
        (("hugo.toml", "[markup.goldmark.renderer]\nunsafe = true\n"), True),
        (("config.toml", "[Markup.Goldmark.Renderer]\nUnsafe = true\n"), True),  # keys ignore case
        (("hugo.yaml", "markup:\n  goldmark:\n    renderer:\n      unsafe: true\n"), True),
        (("config.json", '{"markup": {"goldmark": {"renderer": {"unsafe": true}}}}'), True),
        (("config/_default/markup.toml", "[goldmark.renderer]\nunsafe = true\n"), True),
        (("hugo.toml", "[markup.goldmark.renderer\nunsafe = true\n"), False),  # unreadable: the default
    ],
)
def test_hugo_follows_the_sites_unsafe_setting(tmp_path, config, shown):
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    if config is not None:
        (root / config[0]).parent.mkdir(parents=True, exist_ok=True)
        (root / config[0]).write_text(config[1], encoding="utf-8")
    post = root / "content" / "p.md"
    post.write_text(HUGO_POST, encoding="utf-8")
    before = post.read_bytes()
    assert raw_html_shown(root, "hugo") is shown and raw_html_shown(root, "jekyll") is True
    out = render_post(load_post(post), root, flavor="hugo")
    assert ("<kbd>Ctrl</kbd>" in out) is shown and ("raw-html-omitted" in out) is not shown
    if config is not None:  # a site the command line knows as Hugo by its configuration file
        printed = run_in_process("render", post)
        assert printed.returncode == 0 and ("<kbd>Ctrl</kbd>" in printed.stdout) is shown
    assert post.read_bytes() == before


@pytest.mark.parametrize(
    "text, expected",
    [
        # printed by kramdown 2.4 (Jekyll), data-line aside
        (
            "> 팁입니다.\n{: .prompt-tip }",
            '<blockquote class="prompt-tip">\n<p>팁입니다.</p>\n</blockquote>\n',
        ),
        ("para\n{: .lead}\n\nnext", '<p class="lead">para</p>\n<p>next</p>\n'),
        ("- a\n{: .b}", '<ul class="b">\n<li>a</li>\n</ul>\n'),
        ("{: #top .x}\npara", '<p id="top" class="x">para</p>\n'),
        ('![img](a.png){: width="300" }', '<p><img src="a.png" alt="img" width="300"></p>\n'),
        ("[a](b){: .c} `x`{: .d}", '<p><a href="b" class="c">a</a> <code class="d">x</code></p>\n'),
        ("## Title {#custom-id}", '<h2 id="custom-id">Title</h2>\n'),
        ("text {: .x}", "<p>text {: .x}</p>\n"),  # not after an element: text
    ],
)
def test_jekyll_attribute_lists_as_kramdown_applies_them(text, expected):
    out = render_markdown(text, flavor="jekyll")
    assert re.sub(r' data-line="\d+"', "", out) == expected
    assert "{" in render_markdown(text, flavor="commonmark")  # other flavors: text


@pytest.mark.parametrize(
    "text, expected",
    [
        # printed by Debian's hugo: the closing tag of a highlight may end a line of code
        ("{{< highlight java >}}\nx\n\nat y{{< /highlight >}}\n## B", ["pre", "h2"]),
        ("{{< highlight java >}}\nx\n{{< /highlight >}}\npara", ["pre", "p"]),
        # a shortcode interrupts nothing (Hugo hands goldmark a placeholder line): right under an
        # item's (or a quote's) line it goes on with it, and the list with it
        (
            "1. step\n{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n2. next",
            ["ol", "  li", "    pre", "  li"],
        ),
        ('- a\n{{< figure src="x.png" >}}\n- b', ["ul", "  li", "  li"]),
        # a tag written over lines is one placeholder line there too: its ">}}" line is no quote,
        # and a "---" under it makes the paragraph a heading (a real Hugo post's image tag)
        ('para\n{{< figure\n  src="x.png"\n>}}\n---\n\nnext', ["h2", "p"]),
        # a line of nothing but a shortcode is a line of text there: a "---" under it is a heading
        # with the shortcode's output in it (a highlight's code too), not a rule
        ("{{< a >}}\n---\n\nnext", ["h2", "p"]),
        ("{{< highlight go >}}\nx\n{{< /highlight >}}\n---\n\nnext", ["h2", "  pre", "p"]),
        ('p\n\n{{< rmtimg\n  src="x"\n>}}\n---\n**Code:**', ["p", "h2", "p"]),
        # (Hugo's <p>q <div>…</div></p>, as a browser builds it: the </p> left makes a <p> of its own)
        ("> q\n{{< highlight go >}}\nx\n{{< /highlight >}}", ["blockquote", "  p", "  pre", "  p"]),
        # Hugo takes a closing tag with a space after its slash (a real Korean Hugo post's)
        ("{{< highlight php >}}\nx\n\n$y = 1;\n{{< / highlight >}}\n\npara", ["pre", "p"]),
    ],
)
def test_hugo_shortcodes_as_hugo_reads_them(text, expected):
    assert blocks(text, "hugo") == expected
    shown = re.sub(r"<[^>]+>", "", render_markdown(text, flavor="hugo"))
    assert "x" in shown and ("at y" in shown or "at y" not in text)  # the code's last line too


@pytest.mark.parametrize(
    "text, expected",
    [
        # printed by Debian's hugo 0.111: only a ":" with no indent in its block defines
        ("term\n: desc", ["dl", "  dt", "  dd"]),
        ("term\n : desc", ["p"]),
        ("- term\n  : desc", ["ul", "  li", "    dl", "      dt", "      dd"]),
        ("- term\n    : desc", ["ul", "  li"]),
        ("- a\n\n    term\n    : desc", ["ul", "  li", "    p", "    p"]),
        # a definition's text starts after its : and every space after it (as on kramdown),
        # but no line without that indent goes on with it
        ("t\n:   a\n\n  b", ["dl", "  dt", "  dd", "p"]),
        ("t\n:   a\n\n    b", ["dl", "  dt", "  dd", "    p"]),
        ("t\n:   a\n      1. x", ["dl", "  dt", "  dd", "    ol", "      li"]),
        ("t\n:      a\n\n      b", ["dl", "  dt", "  dd", "pre"]),
        ("t\n: a\n> q", ["dl", "  dt", "  dd", "blockquote", "  p"]),
    ],
)
def test_hugo_definitions_as_goldmark_reads_them(text, expected):
    assert blocks(text, "hugo") == expected


def test_hugo_headings_take_goldmark_attributes():
    # printed by Debian's hugo (goldmark, default settings): headings only
    assert blocks("## T {.cls #x}", "hugo") == ["h2"]
    out = render_markdown("## T {.cls #x}\n\npara\n{.lead}", flavor="hugo")
    assert '<h2 class="cls" id="x" data-line="1">T</h2>' in out and "{.lead}" in out
    assert "{.cls #x}" in render_markdown("## T {.cls #x}", flavor="commonmark")


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # printed by Debian's hugo 0.111: a short header row is padded with empty cells
        ("Alarms       | \n-------------|------\ndescription  | Top\nrequired | true\n", [2, 2, 2]),
        ("| a |\n|---|---|\n| x | y |\n", [2, 2]),
        ("a | b\n---|---|---\nx | y | z\n", [3, 3]),
        ("- item\n\n  a |\n  ---|---\n  x | y\n", [2, 2]),  # in a list item too
    ],
)
def test_hugo_pads_a_header_row_shorter_than_its_delimiter_row(text, cells):
    out = render_markdown(text, flavor="hugo")
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", out, re.DOTALL)
    assert [len(re.findall(r"<t[hd][ >]", row)) for row in rows] == cells
    assert "<table" not in render_markdown(text, flavor="commonmark")  # GitHub: no table


def test_hugo_reads_no_table_under_a_header_longer_than_its_delimiter_row():
    # printed by Debian's hugo 0.111: a paragraph
    assert blocks("| a | b | c |\n|---|---|\n| x | y | z |\n", "hugo") == ["p"]


HIGHLIGHT_IN_CELLS = (
    'a | b\n--|--\nx | {{< highlight shell >}}"A": null{{< /highlight >}}\n'
    "y | {{< highlight go >}}f(){{< /highlight >}} after\n"
)
HIGHLIGHT_IN_ROW = (
    "Header | \n-------|------\ntype   | Map\nexample | {{< highlight shell >}}\n"
    '"Header": {\n    "id": 1 | 2\n  }\n{{< /highlight >}} done\nlast | row\n\nAfter.\n'
)


@pytest.mark.parametrize(
    ("text", "expected", "code"),
    [
        # printed by Debian's hugo 0.111: the highlight in a cell is a code block in the cell
        (HIGHLIGHT_IN_CELLS, ["table", "  tr", "  tr", "    pre", "  tr", "    pre"], ['"A": null', "f()"]),
        # a highlight opened in a row holds its lines (a "|" in them too) through its closing tag,
        # in that row, and the table goes on under it (a short header row is padded as ever)
        (
            HIGHLIGHT_IN_ROW,
            ["table", "  tr", "  tr", "  tr", "    pre", "  tr", "p"],
            ['    "id": 1 | 2\n  }\n'],
        ),
    ],
)
def test_hugo_shows_a_highlight_inside_a_table_row_as_code_in_its_cell(text, expected, code):
    assert blocks(text, "hugo") == expected
    out = render_markdown(text, flavor="hugo")
    cells = [
        html.unescape(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<td>(.*?)</td>", out, re.DOTALL)
    ]
    assert all(any(piece in cell for cell in cells) for piece in code), cells
    assert "<td data-line" not in out and out.count("<table") == 1
    assert "<pre" not in render_markdown(text, flavor="commonmark")  # elsewhere: shortcodes are text


# a real Hugo post's table: shortcode lines among its rows (a paired one around a line of text)
SHORTCODES_AMONG_ROWS = (
    "| a | b |\n| --- | --- |\n| 1 | 2 |\n{{< notice info >}}\n| 3 | 4 |\n{{< /notice >}}\n"
    "| 5 | 6 |\n{{< badge >}}\n| 7 | 8 |\n\nafter\n"
)


def test_hugo_reads_shortcode_lines_among_a_tables_rows_as_rows():
    # printed by Debian's hugo 0.111 (notice renders its inner text, badge a span): each
    # shortcode is a row of one cell (padded), the paired one holding its lines
    assert blocks(SHORTCODES_AMONG_ROWS, "hugo") == [
        "table",
        "  tr",
        "  tr",
        "  tr",
        "    p",
        "  tr",
        "  tr",
        "  tr",
        "p",
    ]
    out = render_markdown(SHORTCODES_AMONG_ROWS, flavor="hugo")
    shown = html.unescape(re.sub(r"<[^>]+>", "", out))
    for piece in ("{{< notice info >}}", "| 3 | 4 |", "{{< /notice >}}", "{{< badge >}}", "7", "after"):
        assert piece in shown
    assert out.count("<table") == 1 and out.count("<td></td>") == 2  # (the padding)
    assert "<table" in out.split("{{")[0] and "after" not in out.split("</table>")[0]


NOTICE_IN_ITEM = (
    "1. one\n\n2. two\n\n   {{< notice tip >}}\n\nInner text.\n\n- a\n- b\n\n{{</ notice >}}\n\n3. three\n"
)


def test_a_paired_hugo_shortcode_opened_in_an_item_holds_its_lines_and_the_list_goes_on():
    # printed by Debian's hugo 0.111 (a notice shortcode that renders its inner text)
    assert blocks(NOTICE_IN_ITEM, "hugo") == [
        "ol",
        "  li",
        "    p",
        "  li",
        "    p",
        "    p",
        "    ul",
        "      li",
        "      li",
        "  li",
        "    p",
    ]
    # a shortcode that closes itself holds nothing: the text under it ends the list
    lone = NOTICE_IN_ITEM.replace("{{< notice tip >}}", "{{< notice tip />}}")
    assert "p" in blocks(lone, "hugo")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # printed by kramdown 2.4 (Jekyll), ids and whitespace aside: a marker alone is text; a
        # rule's characters right under an item are the next item; after a blank line a rule
        # ends the list
        ("- a\n* * *\n", "<ul><li>a</li><li><ul><li>*</li></ul></li></ul>"),
        ("- a\n\n* * *\n", "<ul><li>a</li></ul><hr>"),
        ("- a\n  * * *\n", "<ul><li>a<hr></li></ul>"),
        ("1. a\n* * *\n", "<ol><li>a<hr></li></ol>"),
        ("- a\n- - -\n", "<ul><li>a</li><li><ul><li>-</li></ul></li></ul>"),
        ("-\n", "<p>-</p>"),
        ("- a\n-\n", "<ul><li><h2>a</h2></li></ul>"),
        ("* *\n", "<ul><li>*</li></ul>"),
        ("- a\n\n- - -\n", "<ul><li>a</li></ul><hr>"),
        ("text\n* * *\n", "<p>text</p><hr>"),
        ("- a\n\n  * * *\n", "<ul><li>a</li></ul><hr>"),
        ("1.\n", "<p>1.</p>"),
        ("- a\n- b\n---\n", "<ul><li>a</li><li><h2>b</h2></li></ul>"),
        ("* a\n* * * *\n", "<ul><li>a</li><li><hr></li></ul>"),
        ("- a\n-\n- b\n", "<ul><li><h2>a</h2></li><li>b</li></ul>"),
    ],
)
def test_jekyll_reads_markers_and_rules_in_lists_as_kramdown_does(text, expected):
    out = render_markdown(text, flavor="jekyll")
    assert re.sub(r"\s+", "", re.sub(r' (data-line|id)="[^"]*"', "", out)) == expected


def _paragraph(text: str, flavor: str) -> str:
    return re.sub(r' data-line="\d+"', "", render_markdown(text, flavor=flavor)).strip()


# (markdown, velog's paragraph): printed by velog's pipeline. remark-parse 7 closes ** at the next
# ** (no flanking rules): Korean's particles right after a bold ending in punctuation are common
VELOG_EMPHASIS = [
    # reduced from two real posts: a bold ending in ' or ) right before a particle
    ("**'링크'**를", "<p><strong>'링크'</strong>를</p>"),
    ("**요소(component)**도 있다", "<p><strong>요소(component)</strong>도 있다</p>"),
    ("**(괄호)**는 __(밑줄)__은", "<p><strong>(괄호)</strong>는 <strong>(밑줄)</strong>은</p>"),
    ("*'a'*를", "<p><em>'a'</em>를</p>"),
    ("** a **", "<p><strong> a </strong></p>"),
    ("**a `x**` y", "<p><strong>a `x</strong>` y</p>"),
    ("**a [b**](u)", "<p><strong>a [b</strong>](u)</p>"),
    ("[**a](u)**", '<p><a href="u">**a</a>**</p>'),
    ("***a***", "<p><strong><em>a</em></strong></p>"),
    ("**a*b**", "<p><strong>a*b</strong></p>"),
    ("**a\\*\\*b**", "<p><strong>a**b</strong></p>"),
    ("**a**b**c**", "<p><strong>a</strong>b<strong>c</strong></p>"),
    ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"),
    ("x **a\nb** y", "<p>x <strong>a<br>\nb</strong> y</p>"),
    ("snake_case_name and __init__", "<p>snake_case_name and <strong>init</strong></p>"),
    ("**a\n\nb**", "<p>**a</p>\n<p>b**</p>"),
    ("**", "<p>**</p>"),
]


@pytest.mark.parametrize("text, expected", VELOG_EMPHASIS)
def test_velog_emphasis_as_remark_parse_7_reads_it(text, expected):
    assert _paragraph(text, "velog") == expected


def test_github_and_hugo_keep_commonmarks_flanking_rules():
    # cmark-gfm and Debian's hugo print the marks as text
    assert _paragraph("**'링크'**를", "commonmark") == "<p>**'링크'**를</p>"
    assert _paragraph("**'링크'**를", "hugo") == "<p>**‘링크’**를</p>"


# a heading's id as each platform makes it (velog's remark-slug and kramdown keep letters,
# marks, decimal and letter numbers and connector punctuation; Hugo's goldmark keeps letters,
# decimal digits and _): printed by velog's pipeline, kramdown and Debian's hugo
HEADING = "## \u270f\ufe0f A x\u00b2 \u00bd a\u203fb e\u0301 \u0915\u093f \u2160 \u00aa_z"


@pytest.mark.parametrize(
    "flavor, expected",
    [
        ("velog", "\ufe0f-a-x--a\u203fb-e\u0301-\u0915\u093f-\u2170-\u00aa_z"),
        ("jekyll", "\ufe0f-a-x--a\u203fb-e\u0301-\u0915\u093f-\u2170-\u00aa_z"),
        ("commonmark", "\ufe0f-a-x--a\u203fb-e\u0301-\u0915\u093f-\u2170-\u00aa_z"),
        ("hugo", "-a-x--ab-e-\u0915--\u00aa_z"),
    ],
)
def test_heading_ids_keep_what_each_platforms_slug_keeps(flavor, expected):
    fragment = render_markdown(HEADING, flavor=flavor)
    assert re.search(r' id="([^"]*)"', fragment).group(1) == expected


# the site replaces a template tag before markdown reads the line: a tag in a link's or image's
# destination leaves a link or an image there (reduced from real Hugo and Jekyll posts)
@pytest.mark.parametrize(
    "flavor, text, element",
    [
        ("hugo", '- [Installing Hugo with Congo]({{< ref "installing-congo-hugo" >}})', "a"),
        ("hugo", 'Can be enhanced with [emojis]({{< ref "post-template/#emojis" >}}) or', "a"),
        ("hugo", '![그림]({{< resource "a b.png" >}} "제목")', "img"),
        ("jekyll", "![image]({{ site.url }}/assets/png.png)", "img"),
        ("jekyll", '[projects page]({{ "/projects" | relative_url }}).', "a"),
        ("jekyll", "[글]({% post_url 2020-01-01-a %})", "a"),
    ],
)
def test_a_template_tag_in_a_destination_leaves_a_link(flavor, text, element):
    out = render_markdown(text, flavor=flavor)
    tag = re.search(rf"<{element} [^>]*>", out)
    assert tag is not None and "](" not in out, out
    address = re.search(r'(?:href|src)="([^"]*)"', tag.group(0)).group(1)
    assert "{" in address and "\u2063" not in address and "%E2%81%A3" not in address


def test_a_template_tag_in_a_destination_is_text_where_no_site_replaces_it():
    for flavor in ("commonmark", "velog"):
        assert "<a " not in render_markdown('[a]({{< ref "x" >}})', flavor=flavor)


def test_a_liquid_filters_pipe_makes_no_jekyll_table():
    # kramdown alone reads "[a]({{ x | f }})" as a table row; Jekyll runs Liquid first
    assert blocks('See the [projects page]({{ "/projects" | relative_url }}).', "jekyll") == ["p"]
    assert blocks("{{ page.date | date: '%Y' }} 에 씀", "jekyll") == ["p"]
    assert blocks("| a | {{ b | c }} |\n|---|---|\n| 1 | 2 |", "jekyll") == ["table", "  tr", "  tr"]
    out = render_markdown("| a | {{ b | c }} |\n|---|---|\n| 1 | 2 |", flavor="jekyll")
    assert len(re.findall(r"<th[ >]", out)) == 2


# (markdown, kramdown's paragraph): printed by kramdown (Jekyll). kramdown closes emphasis at the
# next marks not after a space (no flanking rules), skipping code spans and links on its way
JEKYLL_EMPHASIS = [
    # reduced from real Korean posts: a bold ending in ' ) or " right before a particle
    ("**'링크'**를", "<p><strong>‘링크’</strong>를</p>"),
    ("**요소(component)**도 있다", "<p><strong>요소(component)</strong>도 있다</p>"),
    ('**"--disable" 플래그**를', "<p><strong>“–disable” 플래그</strong>를</p>"),
    ("**(괄호)**는 __(밑줄)__은", "<p><strong>(괄호)</strong>는 __(밑줄)__은</p>"),
    ("*'a'*를", "<p><em>‘a’</em>를</p>"),
    ("** a **", "<p>** a **</p>"),
    ("**a `x**` y", "<p>**a <code>x**</code> y</p>"),
    ("**a [b**](u)", '<p>**a <a href="u">b**</a></p>'),
    ("***a***", "<p><strong><em>a</em></strong></p>"),
    ("**a*b**", "<p><strong>a*b</strong></p>"),
    ("**a**b**c**", "<p><strong>a</strong>b<strong>c</strong></p>"),
    ("*a **b** c*", "<p><em>a <strong>b</strong> c</em></p>"),
    ("snake_case_name and __init__", "<p>snake_case_name and <strong>init</strong></p>"),
    ("**", "<p>**</p>"),
    ("**a **b** c**", "<p><strong>a **b</strong> c**</p>"),
    ("*a *b* c*", "<p><em>a *b</em> c*</p>"),
    ("x* a*", "<p>x* a*</p>"),
    ("foo_bar_", "<p>foo_bar_</p>"),
    ("**C**ORS 문제", "<p><strong>C</strong>ORS 문제</p>"),
]


_STRAIGHT = str.maketrans("‘’“”", "''\"\"")


@pytest.mark.parametrize("text, expected", JEKYLL_EMPHASIS)
def test_jekyll_emphasis_as_kramdown_reads_it(text, expected):
    # (compared with straight quotes: kramdown curls a quote before a particle, '링크'를, which
    # markdown-it's smart quotes leave straight; a typographer difference of its own)
    assert _paragraph(text, "jekyll").translate(_STRAIGHT) == expected.translate(_STRAIGHT)


# (source, Hugo's text, Jekyll's text): each from Debian's hugo 0.111 and kramdown 2.4 with
# kramdown-parser-gfm (Jekyll 4's settings), markup left out. goldmark and kramdown curl each
# quote by its neighbours; a closing quote before a Korean particle is where they part from
# markdown-it's pairs (which left both quotes of "인용"이라는 straight) and from each other
QUOTES = [
    (
        '"인용"이라는 말과 \'작은\'은 그리고 "끝".',
        '“인용"이라는 말과 ‘작은’은 그리고 “끝”.',
        "“인용”이라는 말과 ‘작은’은 그리고 “끝”.",
    ),
    (
        "He said \"hi\"는 and 'x'y, it's 철수's 책, \"1\"번.",
        'He said “hi"는 and ‘x’y, it’s 철수’s 책, “1"번.',
        "He said “hi”는 and ‘x’y, it’s 철수’s 책, “1”번.",
    ),
    (
        '"**굵게**"라고, 그는 "[링크](u)"를 눌렀다.',
        "“굵게“라고, 그는 “링크“를 눌렀다.",
        "“굵게“라고, 그는 “링크“를 눌렀다.",
    ),
    ("10's and the '90s, 'a.'b", "10’s and the ’90s, ‘a.‘b", "10’s and the ’90s, ‘a.’b"),
    ('""" 세 개 "" 두 개', '""" 세 개 "" 두 개', "””” 세 개 “” 두 개"),
    (
        '줄 끝 "따옴표\nstarts a line" 다음',
        "줄 끝 “따옴표\nstarts a line” 다음",
        "줄 끝 “따옴표\nstarts a line” 다음",
    ),
    ("x ' y and ~'s and -'x", "x ’ y and ~’s and -‘x", "x ‘ y and ~’s and -‘x"),
]


def _text(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text).strip()


@pytest.mark.parametrize("source, hugo, jekyll", QUOTES)
def test_quotes_curl_as_each_platform_curls_them(source, hugo, jekyll):
    assert _text(render_markdown(source, flavor="hugo")) == hugo
    assert _text(render_markdown(source, flavor="jekyll")) == jekyll


def test_quotes_in_code_link_titles_and_tags_stay_as_written():
    source = '`"a"는` [b](u "t\'s") <span title="c">"d"는</span>'
    # (kramdown's own output; Hugo hides raw HTML by default, its text curled the same way)
    expected = '<p><code>"a"는</code> <a href="u" title="t\'s">b</a> <span title="c">“d”는</span></p>'
    assert _paragraph(source, "jekyll") == expected
    hugo = _paragraph(source, "hugo")
    assert hugo.startswith('<p><code>"a"는</code> <a href="u" title="t\'s">b</a> ') and '“d"는' in hugo


@pytest.mark.parametrize(
    "source, expected",  # (kramdown's own output)
    [
        ('~~"a"~~ b', "<p><del>“a”</del> b</p>"),
        ("~~'a'~~ b", "<p><del>‘a’</del> b</p>"),
        ('~~a~~"b" c', "<p><del>a</del>“b” c</p>"),
        ('x ~~"a b', "<p>x ~~”a b</p>"),
        ('a ~"b"', "<p>a ~”b”</p>"),
        ('![al"t"](u)', '<p><img src="u" alt="al&quot;t&quot;"></p>'),
        ('**"**a', "<p><strong>“</strong>a</p>"),  # (read past the emphasis, as kramdown reads)
        ('*"*a', "<p><em>“</em>a</p>"),
        ("_'_ x", "<p><em>‘</em> x</p>"),
    ],
)
def test_jekyll_quotes_beside_strike_through_marks_and_in_alt_text(source, expected):
    # marks that pair are an element to kramdown, its quote rules start at the quote; the marks
    # that close nothing are text; an image's alt text is written as it is
    assert _paragraph(source, "jekyll") == expected


@pytest.mark.parametrize(
    "source, expected",  # (Hugo 0.111's own output)
    [("['](u)", '<p><a href="u">’</a></p>'), ("[`c`'](u)s", '<p><a href="u"><code>c</code>’</a>s</p>')],
)
def test_hugo_quotes_at_the_end_of_a_link_text_look_at_the_line_after_it(source, expected):
    # goldmark reads the characters after a quote from the line, not from the link's text alone
    assert _paragraph(source, "hugo") == expected


def test_a_tilde_line_under_a_paragraph_is_no_definition_list():
    # goldmark and kramdown take ":" alone as a definition's marker (the plugin took "~" too)
    for flavor in ("hugo", "jekyll"):
        assert "<dl" not in render_markdown("a line\n~ and more", flavor=flavor)
        assert "<dd>def</dd>" in render_markdown("term\n: def", flavor=flavor)


def test_a_definitions_text_indented_far_after_its_colon_is_text_not_code():
    # kramdown's own example, on a real Jekyll post; Debian's hugo and kramdown both print a dd
    # holding the text (the plugin made it a code block)
    for flavor in ("hugo", "jekyll"):
        html = render_markdown("Maruku\n:     Another converter\n\nnext", flavor=flavor)
        assert "<dd>Another converter</dd>" in html and "<pre" not in html
        assert "<pre" in render_markdown("term\n: def\n\n      code", flavor=flavor)  # code still is


@pytest.mark.parametrize(
    "text, structure, numbers",
    [
        # printed by Debian's hugo: linenos=table (and true, Hugo's default) puts the numbers in
        # a column beside the code; inline, before each line; a fence takes them in {…}
        (
            '{{< highlight go "linenos=table,hl_lines=2" >}}\na := 1\nb := 2\n{{< /highlight >}}',
            "table",
            "1\n2",
        ),
        ('{{< highlight go "linenos=inline,linenostart=5" >}}\na := 1\n{{< /highlight >}}', "pre", "5"),
        ("```go {linenos=true hl_lines=[1]}\na := 1\n```", "table", "1"),
    ],
)
def test_hugo_highlight_line_numbers_and_marked_lines_as_hugo_shows_them(text, structure, numbers):
    html = render_markdown(text, flavor="hugo")
    assert blocks(text, "hugo")[0] == structure
    if structure == "table":
        assert blocks(text, "hugo") == ["table", "  tr", "    pre", "    pre"]
        assert re.search(r'<pre class="linenos"><code>([^<]*)</code>', html)[1].strip() == numbers
    else:
        assert re.findall(r'<span class="ln">(\d+)</span>', html) == numbers.split()
    marked = re.findall(r'<span class="hl">(.*?)</span>\n', html)
    assert len(marked) == (0 if "hl_lines" not in text else 1)
    assert ":=" in re.sub(r"<[^>]+>", "", html) and "linenos" not in re.sub(r"<[^>]+>", "", html)
    plain = render_markdown(text, flavor="commonmark")
    assert "lntable" not in plain and 'class="ln"' not in plain  # Hugo's options only on Hugo


@pytest.mark.parametrize(
    "text, expected",
    [
        # printed alike by Debian's hugo and kramdown: a definition's first paragraph is in <p>
        # only after an empty line right before its ":" line, each later one always
        ("term\n: def\n\n  more", "<dd>def\n<p>more</p>\n</dd>"),
        ("term\n\n: def", "<dd>\n<p>def</p>\n</dd>"),
        ("term\n: one\n\n: two", "<dd>one</dd>\n<dd>\n<p>two</p>\n</dd>"),
        ("a\n: x\n\nb\n: y", "<dd>x</dd>\n<dt>b</dt>\n<dd>y</dd>"),
        ("term\n: def\n\n  ~~~\n  code\n  ~~~", "<dd>def<div"),
    ],
)
def test_definition_paragraphs_as_goldmark_and_kramdown_write_them(text, expected):
    for flavor in ("hugo", "jekyll"):
        html = re.sub(r' data-line="\d+"', "", render_markdown(text, flavor=flavor))
        assert expected in html, (flavor, html)


@pytest.mark.parametrize(
    "text, terms",
    [
        # printed alike by Debian's hugo and kramdown: each line of a paragraph right above a
        # definition is a term of its own (an indented one too)
        ("a\nb\n: def", ["a", "b"]),
        ("x\n    2. b c\n: term", ["x", "2. b c"]),
        ("p\n\na\nb\nc\n: d\n: e\n\nz\n: y", ["a", "b", "c", "z"]),
    ],
)
def test_a_paragraph_over_a_definition_is_a_term_per_line(text, terms):
    for flavor in ("hugo", "jekyll"):
        html = render_markdown(text, flavor=flavor)
        assert re.findall(r"<dt[^>]*>(.*?)</dt>", html) == terms, (flavor, html)
    # goldmark: a ":" indented in its block defines nothing
    assert "<dl" not in render_markdown("a\nb\n  : x", flavor="hugo")


@pytest.mark.parametrize(
    "text, code",
    [
        # printed by kramdown: indented code goes on over the lines of text right under it, each
        # joined to the one before with a space, and on past an empty line into more code
        ("    x\ny\n\n    z\n\nq", ["x y\n\nz\n"]),
        ("para\n\n    x\n    y\nz\n\nw", ["x\ny z\n"]),
        ("- a\n\n      code\n  lazy", ["code lazy\n"]),
        ("    x\n{: .c}", ["x\n"]),  # (an attribute list, an HTML tag end it)
        ("    x\n<div>a</div>", ["x\n"]),
        ("    code\nlazy\n    more", ["code lazy\nmore\n"]),  # (more code on a line of its own)
        ("    code\n  lazy", ["code   lazy\n"]),  # (its spaces kept)
        ("    x\n<em>a</em>", ["x &lt;em&gt;a&lt;/em&gt;\n"]),  # (a span's tag goes on)
    ],
)
def test_jekyll_indented_code_goes_on_over_lazy_lines_as_kramdown_reads_it(text, code):
    html = re.sub(r"</?span[^>]*>", "", render_markdown(text, flavor="jekyll"))
    assert re.findall(r"<code>(.*?)</code>", html, re.DOTALL) == code


def test_hugo_line_options_a_post_can_write_are_read_or_left_without_an_error():
    for options in ("hl_lines=" + "9" * 5000, "linenostart=²", "linenos=inline hl_lines=0-0 7-3", "="):
        html = render_markdown("```go {" + options + "}\nx := 1\n```", flavor="hugo")
        assert ":=" in re.sub(r"<[^>]+>", "", html) and 'class="hl"' not in html


def test_hugo_heading_ids_hold_the_shortcode_placeholders_hugo_puts_there():
    # as Debian's hugo 0.111 writes them: each {{< >}} is the page's n-th top-level shortcode
    # (one in a fence or in code counts, a comment does not, one inside a paired one is its
    # own), a heading with no text is "heading"
    text = (
        "```\n{{< x >}}\n```\n\n`{{< x >}}`\n\n{{</* x */>}}\n\n{{< p >}}in {{< x >}}{{< /p >}}\n\n"
        "## {{< x >}}\n\n## 제목 {{< x >}} 끝\n\n## \n\n## !!\n\n## {{% x %}} {{< x >}}\n"
    )
    ids = re.findall(r'<h2[^>]* id="([^"]*)"', render_markdown(text, flavor="hugo"))
    assert ids[:4] == ["hahahugoshortcodes3hbhb", "제목-hahahugoshortcodes4hbhb-끝", "heading", "heading-1"]
    # a {{% %}} shortcode's output is markdown the preview does not know, but it counts
    assert ids[4].endswith("-hahahugoshortcodes6hbhb")


def test_a_heading_whose_id_would_be_empty_has_none_on_jekyll_and_an_empty_one_on_velog():
    text = "## !!\n\n## !!\n\n# a\n"
    # kramdown 2.4 and velog's remark-slug, run on this text
    assert re.findall(r"<h\d[^>]*>", render_markdown(text, flavor="jekyll")) == [
        '<h2 data-line="1">',
        '<h2 data-line="3" id="-1">',
        '<h1 data-line="5" id="a">',
    ]
    assert re.findall(r' id="([^"]*)"', render_markdown(text, flavor="velog")) == ["", "-1", "a"]


@pytest.mark.parametrize(
    "text, expected",
    [  # as Debian's hugo 0.111 writes them: only a ":" at its list's own column is a definition
        ("term\n: c\n   : d", '<dl data-line="1">\n<dt>term</dt>\n<dd>c\n: d</dd>\n</dl>\n'),
        ("term\n: c\n : d", '<dl data-line="1">\n<dt>term</dt>\n<dd>c\n: d</dd>\n</dl>\n'),
        ("term\n: c\n: d", '<dl data-line="1">\n<dt>term</dt>\n<dd>c</dd>\n<dd>d</dd>\n</dl>\n'),
    ],
)
def test_hugo_an_indented_colon_line_goes_on_with_the_definitions_paragraph(text, expected):
    assert render_markdown(text, flavor="hugo") == expected
