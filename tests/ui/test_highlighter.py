"""The editor's highlighter on real documents: formats land on the right characters (emoji are
two UTF-16 units), bold is bold, block states carry across lines and follow edits."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument

from journal_app.core.render import render_markdown
from journal_app.ui.editor import MarkdownEditor
from journal_app.ui.highlighter import FORMATS


@pytest.fixture
def highlighted(qtbot):
    """A function: text → (document, highlighter) of an editor showing ``text``."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)

    def make(text: str):
        editor.set_text(text)
        return editor.document(), editor.highlighter

    return make


def char_formats(document: QTextDocument, line: int):
    """(character, format or None) for each character of a line, read from the layout's
    UTF-16 ranges without the highlighter's own conversion."""
    block = document.findBlockByNumber(line)
    units = block.text().encode("utf-16-le")
    per_unit = [None] * (len(units) // 2)
    ranges = block.layout().formats()
    for found in ranges:
        fmt = QTextCharFormat(found.format)
        for unit in range(found.start, found.start + found.length):
            per_unit[unit] = fmt
    chars, unit = [], 0
    for char in block.text():
        chars.append((char, per_unit[unit]))
        unit += 2 if ord(char) > 0xFFFF else 1
    return chars


def under(document, line, test) -> str:
    return "".join(char for char, fmt in char_formats(document, line) if fmt is not None and test(fmt))


def bold(fmt) -> bool:
    return fmt.fontWeight() == QFont.Weight.Bold


def color(name):
    wanted = FORMATS[name].foreground().color().name()
    return lambda fmt: (
        fmt.hasProperty(fmt.Property.ForegroundBrush) and fmt.foreground().color().name() == wanted
    )


def test_an_emoji_heading_is_styled_to_its_last_character(highlighted):
    document, _ = highlighted("# 📌 Life is short, you need python\n📌📌 **굵게** 끝")
    assert under(document, 0, bold) == " 📌 Life is short, you need python"  # the # is dimmed
    assert under(document, 1, bold) == "굵게"


HEADING_LINES = ["# 제목", "  # 들여쓴 제목", " \t# 탭 제목", "#붙은"]


def headings_of(document) -> list[str]:
    return [line for number, line in enumerate(HEADING_LINES) if under(document, number, color("heading"))]


@pytest.mark.parametrize(
    "flavor, headings",
    [
        ("commonmark", ["# 제목", "  # 들여쓴 제목"]),
        ("velog", ["# 제목", "  # 들여쓴 제목", " \t# 탭 제목"]),  # remark: no code after spaces and a tab
        ("jekyll", ["# 제목"]),  # kramdown: "#" starts its line, with text after it
    ],
)
def test_headings_are_highlighted_where_the_flavors_platform_reads_them(highlighted, flavor, headings):
    document, highlighter = highlighted("\n".join(HEADING_LINES))
    highlighter.set_flavor(flavor)
    assert headings_of(document) == headings
    for line in headings:  # as the preview shows them
        assert "<h" in render_markdown(line, flavor=flavor).partition(">")[0]
    for line in set(HEADING_LINES) - set(headings):
        assert "<h" not in render_markdown(line, flavor=flavor).partition(">")[0]
    # in an item or a quote too, where the preview shows them
    document, highlighter = highlighted("- # 항목 제목\n> # 인용 제목")
    highlighter.set_flavor(flavor)
    assert [under(document, line, color("heading")) != "" for line in (0, 1)] == [True, True]


def test_another_tabs_text_is_highlighted_as_the_flavor_is_now(qtbot):
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    text, highlighter = editor.new_text()  # a tab opened while the flavor was commonmark
    editor.highlighter.set_flavor("jekyll")
    text.setPlainText("\n".join(HEADING_LINES))
    editor.use_text(text, highlighter)
    assert headings_of(editor.document()) == ["# 제목"]
    fresh, fresh_highlighter = editor.new_text()
    assert fresh_highlighter.flavor == "jekyll"


def test_bold_is_bold_not_italic_and_both_is_both(highlighted):
    document, _ = highlighted("**push** *lean* ***both*** __under__ _score_")
    assert under(document, 0, bold) == "pushbothunder"
    assert under(document, 0, lambda fmt: fmt.fontItalic()) == "leanbothscore"
    assert under(document, 0, color("markup")) == "*" * 12 + "_" * 6


def test_code_links_images_strike_html_and_math(highlighted):
    document, _ = highlighted("`코드` [링크](https://a.b) ![그림](a.png) ~~지움~~ <b>x</b> $e^x$")
    assert under(document, 0, color("code")) == "코드"
    assert under(document, 0, color("link")) == "링크"
    assert under(document, 0, color("image")) == "![그림](a.png)"
    assert under(document, 0, lambda fmt: fmt.fontStrikeOut()) == "지움"
    assert under(document, 0, color("html")) == "<b></b>"
    assert under(document, 0, color("math")) == "e^x"


def test_lists_tasks_and_quotes(highlighted):
    document, _ = highlighted("- 하나\n  12. 둘\n- [ ] 할 일\n> 인용 **굵게**\n> - [x] 끝")
    assert [under(document, n, color("list")) for n in range(3)] == ["-", "  12.", "-"]
    assert under(document, 2, color("task")) == " [ ]"
    assert under(document, 3, color("quote")) == "인용 굵게"
    assert under(document, 3, bold) == "굵게"
    assert under(document, 4, color("task")) == " [x]"


def test_a_fence_is_highlighted_in_its_language_until_it_closes(highlighted):
    text = "```python\ndef f(x):  # 주석 📌\n    return 'a'\n```\n**굵게**\n~~~\n**not bold**\n~~~"
    document, _ = highlighted(text)
    keyword = under(document, 1, lambda fmt: bold(fmt))
    assert keyword == "def"  # Pygments' default style: keywords bold
    assert under(document, 1, lambda fmt: fmt.fontItalic()) == "# 주석 📌"  # comments italic
    assert under(document, 4, bold) == "굵게"
    assert under(document, 6, bold) == ""  # a fence with no language: code, no markdown


def test_front_matter_html_and_math_blocks_are_dimmed(highlighted):
    text = "---\ntitle: **제목**\n---\n<div>\n**안**\n\n**밖**\n<!--\n**주석**\n-->\n$$\n**x**\n$$\n**끝**"
    document, _ = highlighted(text)
    front = [under(document, n, color("front")) for n in range(3)]
    assert front == ["---", "title: **제목**", "---"]
    assert under(document, 4, color("html")) == "**안**" and under(document, 4, bold) == ""
    assert under(document, 6, bold) == "밖"
    assert under(document, 8, color("html")) == "**주석**"
    assert under(document, 11, color("math")) == "**x**" and under(document, 11, bold) == ""
    assert under(document, 13, bold) == "끝"


def test_front_matter_after_blank_lines_is_dimmed_and_blank_lines_alone_are_no_header(highlighted):
    document, _ = highlighted('\n \n+++\ntitle = "**제목**"\n+++\n**본문**')
    assert [under(document, n, color("front")) for n in range(2, 5)] == ["+++", 'title = "**제목**"', "+++"]
    assert under(document, 3, bold) == "" and under(document, 5, bold) == "본문"
    document, _ = highlighted("\n\n**굵게**\n---\n**끝**")  # no header: the rule is text's
    assert under(document, 2, bold) == "굵게" and under(document, 4, bold) == "끝"


def test_a_fence_opened_by_an_edit_changes_the_lines_after_it(highlighted):
    document, _ = highlighted("첫 줄\n**굵게**\n끝")
    cursor = QTextCursor(document)
    cursor.insertText("```\n")
    assert under(document, 2, bold) == ""
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()  # the fence's line is empty now
    assert under(document, 2, bold) == "굵게"


class _Collect(HTMLParser):
    """The text inside each of a few elements, as markdown-it renders the line."""

    TAGS = {"strong", "em", "code", "s"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = dict.fromkeys(self.TAGS, 0)
        self.text = dict.fromkeys(self.TAGS, "")

    def handle_starttag(self, tag, attrs):
        if tag in self.TAGS:
            self.depth[tag] += 1

    def handle_endtag(self, tag):
        if tag in self.TAGS:
            self.depth[tag] -= 1

    def handle_data(self, data):
        for tag in self.TAGS:
            if self.depth[tag]:
                self.text[tag] += data


_REFERENCE = MarkdownIt("commonmark").enable("strikethrough")
_REFERENCE.use(dollarmath_plugin, allow_space=False, allow_digits=False)
LINES = st.tuples(
    st.sampled_from(["", "- ", "+ ", "1. ", "- [ ] ", "2) [x] "]),
    st.lists(
        st.sampled_from(list("ab 한글📌😀*_~`[]()!<>$\\") + ["**", "***", "~~", "``", "](u)", "<i>"]),
        max_size=20,
    ).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(LINES)
def test_every_format_lies_on_the_characters_the_parser_marks(highlighted, parts):
    prefix, body = parts
    line = prefix + "x" + body
    collect = _Collect()
    collect.feed(_REFERENCE.render(line))
    document, _ = highlighted(line)
    assert under(document, 0, bold) == collect.text["strong"]
    assert under(document, 0, lambda fmt: fmt.fontItalic()) == collect.text["em"]
    assert under(document, 0, lambda fmt: fmt.fontStrikeOut()) == collect.text["s"]
    code = under(document, 0, color("code"))
    assert code.split() == collect.text["code"].split()


def test_lines_out_of_view_are_highlighted_as_they_come_into_view(qtbot):
    """A large post opens without every line parsed; the states still carry through."""
    editor = MarkdownEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_text("```python\n" + "x = 1\n" * 2000 + "```\n**굵게** 📌 *끝*")
    document = editor.document()
    last = document.blockCount() - 1
    assert under(document, last, bold) == ""  # not shown yet
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.ensureCursorVisible()
    qtbot.waitUntil(lambda: under(document, last, bold) == "굵게")
    assert under(document, last, lambda fmt: fmt.fontItalic()) == "끝"
    assert under(document, last - 1, color("fence")) == "```"


def test_misspelled_words_are_underlined_over_the_formats_already_there():
    """``underlined`` sets each piece once; every character ends up as the old way made it:
    its own format (bold, code ...) or none, with the wavy underline when a misspelled range
    covers it (ranges overlapping each other and the formats' edges)."""
    import random

    from PySide6.QtGui import QColor

    from journal_app.ui.highlighter import MISSPELLED, layered, underlined
    from journal_app.ui.syntax import line_spans

    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    rng = random.Random(7)
    lines = [
        "**굵은 글씨** 와 `코드` 그리고 *기울임* 끝",
        "plain wrte recieve text",
        "[링크](http://a.b) **x** y",
    ]
    for line in lines:
        ranges = layered(line_spans(line, -1, False)[0])
        for _ in range(30):
            wrong = []
            for _ in range(rng.randint(1, 4)):
                start = rng.randrange(len(line))
                wrong.append((start, min(len(line), start + rng.randint(1, 6))))
            got: list[QTextCharFormat | None] = [None] * len(line)
            for start, end, fmt in underlined(ranges, wrong):
                for at in range(start, end):
                    assert got[at] is None  # the pieces never overlap
                    got[at] = fmt
            for at in range(len(line)):  # the old way: the format there, underlined if wrong
                want = next((QTextCharFormat(f) for s, e, f in ranges if s <= at < e), None)
                if any(s <= at < e for s, e in wrong):
                    want = want or QTextCharFormat()
                    want.setUnderlineStyle(wavy)
                    want.setUnderlineColor(QColor(MISSPELLED))
                assert (got[at] is None) == (want is None) and (want is None or got[at] == want), (line, at)


def test_while_the_inline_parser_waits_lines_show_their_own_formats_and_the_rest_comes_after(highlighted):
    from journal_app.ui.highlighter import inline_later, inline_now

    inline_later()  # as a launch does until its first paint
    try:
        document, _ = highlighted("# 제목 **굵게**\n- 하나 `코드`\n\n```python\nx = 1\n```")
        assert under(document, 0, color("heading")) == " 제목 **굵게**"  # the line's own format
        assert under(document, 0, bold) == " 제목 **굵게**"  # (a heading's), no inline markup yet
        assert under(document, 1, color("list")) == "-" and under(document, 1, color("code")) == ""
        assert under(document, 4, color("fence")) == "x = 1"
    finally:
        inline_now()
    assert under(document, 0, color("markup")) == "#****"  # now the inline markup too
    assert under(document, 1, color("code")) == "코드"
    assert (
        under(
            document,
            4,
            lambda fmt: fmt.foreground().color().name() != FORMATS["fence"].foreground().color().name(),
        )
        != ""
    )
