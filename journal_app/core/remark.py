"""velog's lists as remark-parse 7 reads them, where that differs from CommonMark.

velog parses with remark 11 (remark-parse 7, which predates its CommonMark mode). Its list
tokenizer differs from CommonMark in ways real posts meet, each a markdown-it rule here:

- a numbered list never interrupts a paragraph outside a list (a blank line must come first),
  and inside one (a quote in an item too) any number does; only ``1.`` numbers a list (``1)``
  is text);
- an item's lines are found as remark-parse 7 finds them (``_remark_items``): a line that
  starts with a space or a tab, or is indented as far as the item's text, is the item's, after
  an empty line too (``- a``, empty, `` more``: the item's second paragraph); two empty lines in
  a row end a list, and so does a marker of another kind;
- every line right under an item's line (no blank line between) that starts no item, heading,
  fence, rule or definition belongs to the item: a quote (``- a`` then ``> b``) or HTML too;
- the item then takes its indent off its lines as remark does (``_item_lines``: only up to a
  tab stop, and not at all when a line is indented less than the item's text), and markdown-it
  is shown each line indented as far as remark leaves it, so the blocks inside the item (a
  nested list, code, a paragraph) are found where remark finds them: ``1. a``, ``    1. b``,
  ``lazy``, ``        ![](x.png)`` is one item of text on velog, not a nested list and code;
- a list is loose (its items' text in ``<p>``) when any item holds a blank line with more of
  the item after it, nested lists and code inside the item included (CommonMark looks only at
  the blank lines between the item's own children).

Its emphasis has no flanking rules: ``**`` (or ``__``) opens strong anywhere and the next ``**``
not followed by a third ``*`` closes it, whatever stands around either (``**'링크'**를`` is bold on
velog, text in CommonMark); ``*`` and ``_`` likewise, except that an ``_`` before an ASCII letter or
digit does not close. Inside a link's brackets it plays no part in finding the closing bracket.

Its paragraph ends at a line that starts a quote, a fence, a heading, a rule or an HTML block
however far that line is indented (then read on its own: indented, it is code), and its setext
heading is only the line right above the underline. Its quote goes on to the first blank line,
whatever block the lines under it start (a heading, a list, a fence). Its table tokenizer ends
a table at the first line without a ``|`` (GFM makes that line a row), and a table never
interrupts a paragraph. Its indented code starts only with four spaces or a tab: a line of one
to three spaces and then a tab starts a heading, a quote, a fence or a paragraph there. A
first line of nothing but spaces or tabs is the first line of a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.rules_block.lheading import lheading
from markdown_it.rules_block.list import list_block, skipBulletListMarker, skipOrderedListMarker
from markdown_it.rules_block.paragraph import paragraph
from markdown_it.rules_block.table import table
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .blockrules import lazy_quote, read_to, underline_level

_RULE = r"([*_-])(?:[ \t]*\1){2,}[ \t]*$"  # a thematic break, after its indent
# what ends a list where it would otherwise go on (remark-parse 7's interruptList, not in
# CommonMark mode): an ATX heading, a fence, a rule, a definition or a footnote definition
_INTERRUPTS_LIST = re.compile(r"#{1,6}(?:[ \t]|$)|```|~~~|" + _RULE + r"|\[[^\]\n]+\]:")


def _content_indent(state: StateBlock, line: int) -> int:
    """How far an item's text starts from its list's own indent (remark's ``item.indent``)."""
    marker_end = skipOrderedListMarker(state, line)
    if marker_end < 0:
        marker_end = skipBulletListMarker(state, line)
    if marker_end < 0:
        return 2
    start = state.bMarks[line] + state.tShift[line]
    spaces = 0
    while marker_end + spaces < state.eMarks[line] and state.src[marker_end + spaces] == " ":
        spaces += 1
    return state.sCount[line] - state.blkIndent + (marker_end - start) + (1 if spaces > 4 else spaces)


_SPACES_THEN_TAB = re.compile(r" {1,3}\t[ \t]*")


def _velog_tab_indents(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """remark-parse 7 reads a line as indented code only when it starts with four spaces or a
    tab; its other block rules take any spaces and tabs before the block (its list, a tab to the
    next multiple of four: under four columns). So a line of one to three spaces and then a tab
    (four columns to CommonMark) starts a heading, a quote, a fence or a paragraph, and ends
    indented code. Once per parse, before any other rule, such lines of the text are shown to
    markdown-it indented by their spaces alone; the list rule reads their columns
    (``_tab_columns``). Never matches."""
    if "_velog_tab_indents" in state.__dict__:
        return False
    lowered: dict[int, tuple[int, int]] = {}
    state.__dict__["_velog_tab_indents"] = lowered
    if state.blkIndent or state.parentType != "root" or " \t" not in state.src:
        return False
    for line in range(start, state.lineMax):
        begin = state.bMarks[line]
        found = _SPACES_THEN_TAB.match(state.src, begin, state.eMarks[line])
        if found is not None and state.sCount[line] >= 4:
            lowered[line] = (begin, state.sCount[line])
            state.sCount[line] = state.src.index("\t", begin) - begin
    return False


def _tab_columns(state: StateBlock, line: int) -> int:
    """The columns ``line`` is indented by, counting a tab to the next multiple of four, when
    ``_velog_tab_indents`` showed it indented by its spaces alone; else its indent as shown."""
    kept = state.__dict__.get("_velog_tab_indents", {}).get(line)
    if kept is not None and kept[0] == state.bMarks[line] and state.blkIndent == 0:
        return kept[1]
    return state.sCount[line] - state.blkIndent


def _in_first_paragraph(state: StateBlock, start: int) -> bool:
    """True when ``start`` is the text's second line, right under a first line of spaces or
    tabs. remark-parse 7 starts a paragraph there (only a blank line that follows a line's end is
    blank to it), so that line is the paragraph's second, and what does not interrupt a
    paragraph (a numbered list, a table) starts nothing (``  ``, ``1. a``: a paragraph)."""
    if start != 1 or state.blkIndent or state.bMarks[1] != state.eMarks[0] + 1:
        return False
    return _spaces_line(state.src[state.bMarks[0] : state.eMarks[0]]) and not state.isEmpty(1)


def _spaces_line(text: str) -> bool:
    """A line of nothing but spaces or tabs (not an empty one: remark's blank line)."""
    return bool(text) and not text.strip(" \t")


def _velog_blank_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """remark-parse 7: a first line of spaces right over an underline that starts its line is a
    setext heading with no text (`` ``, ``---``: an empty h2, not a rule)."""
    if not _in_first_paragraph(state, start) or state.sCount[start] != 0:
        return False
    level = underline_level(state, start, end)
    if not level:
        return False
    if not silent:
        token = state.push("heading_open", f"h{level}", 1)
        token.markup, token.map = state.src[state.bMarks[start]], [0, start + 1]
        inline = state.push("inline", "", 0)
        inline.map, inline.children = [0, start + 1], []
        state.push("heading_close", f"h{level}", -1).markup = token.markup
        state.line = start + 1
    return True


def _first_line_break(state: StateCore) -> None:
    """remark-parse 7 starts a paragraph on a first line of spaces (``_in_first_paragraph``), and
    remark-breaks makes that line's end a line break: the paragraph opens with a ``<br>``."""
    tokens = state.tokens
    if len(tokens) < 2 or tokens[0].type != "paragraph_open" or (tokens[0].map or [0])[0] != 1:
        return
    lines = state.src.split("\n", 2)
    if len(lines) < 2 or not _spaces_line(lines[0]) or not lines[1].strip(" \t"):
        return
    inline = tokens[1]
    inline.children = [Token("hardbreak", "br", 0), *(inline.children or [])]


def _blank_code(src: str) -> tuple[int, str] | None:
    """remark-parse 7's indented code tokenizer (code-indented.js) at the text's start, where it
    comes before the paragraph's (and no line break came before, which the blank-line tokenizer
    would take with every blank line after it): over lines of nothing but spaces and tabs, once
    a line indented four columns (or by a tab) comes after a line's end, it has read a code block
    of those lines alone. Returns the lines it takes and its text; None when it makes no such
    block (it makes none, or one with text, which markdown-it makes too)."""
    if not src or src[0] == "\n":
        return None
    index, length = -1, len(src)
    taken = content = taken_queue = content_queue = ""
    indent = False
    while True:
        index += 1
        if index >= length:
            break
        char = src[index]
        if indent:
            indent = False
            taken, content = taken + taken_queue, content + content_queue
            taken_queue = content_queue = ""
            if char == "\n":
                taken_queue = content_queue = char
                continue
            taken, content = taken + char, content + char
            while index + 1 < length:
                index += 1
                char = src[index]
                if char == "\n":
                    taken_queue = content_queue = char
                    break
                taken, content = taken + char, content + char
        elif src.startswith("    ", index):
            taken_queue += "    "
            index += 3
            indent = True
        elif char == "\t":
            taken_queue += char
            indent = True
        else:
            blank = ""
            while char in (" ", "\t"):
                blank += char
                index += 1
                char = src[index] if index < length else ""
            if char != "\n":
                break
            taken_queue += blank + char
            content_queue += char
    if not content or content.strip():
        return None
    text = content.rstrip("\n")
    return taken.count("\n") + 1, text + "\n" if text else ""


def _leading_blank_code(state: StateCore) -> None:
    """An empty code block where remark-parse 7 reads one from lines of spaces at the text's
    start (``_blank_code``: ``  ``, ``    ``, then a heading: an empty ``<pre>`` above it)."""
    found = _blank_code(state.src)
    if found is None:
        return
    lines, text = found
    token = Token("code_block", "code", 0)
    token.content, token.map, token.block = text, [0, lines], True
    state.tokens.insert(0, token)


def _velog_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if _in_first_paragraph(state, start) and skipOrderedListMarker(state, start) >= 0:
        return False
    if _tab_columns(state, start) >= 4 and state.sCount[start] - state.blkIndent < 4:
        return False  # remark-parse 7's list: a line indented four columns (with a tab) starts none
    ordered = skipOrderedListMarker(state, start)
    if ordered < 0 and skipBulletListMarker(state, start) < 0:
        return False  # no list marker: markdown-it's rule would say so after the scans below
    if ordered >= 0 and state.src[ordered - 1] == ")":
        return False  # remark-parse 7 (not in CommonMark mode): 1) is no list marker
    if (
        silent
        and state.parentType == "paragraph"
        and ordered >= 0
        and state.sCount[start] - state.blkIndent < 4
    ):
        # remark-parse 7: a numbered list interrupts a paragraph only inside a list (a quote in
        # an item too), and there whatever its number (markdown-it: only 1., anywhere)
        if not state.__dict__.get("_velog_in_lists", 0):
            return False
        return bool(state.src[ordered : state.eMarks[start]].strip())
    if state.sCount[start] - state.blkIndent >= 4 or silent:
        return list_block(state, start, end, silent)
    raised, stop = _remark_list(state, start, end)
    state.__dict__["_velog_in_lists"] = state.__dict__.get("_velog_in_lists", 0) + 1
    try:
        return read_to(state, stop if stop < end else state.lineMax, list_block, start, stop, silent)
    finally:
        state.__dict__["_velog_in_lists"] -= 1
        for line, count in raised.items():
            state.sCount[line] = count


_REMARK_MARKER = re.compile(r"[*+-]|\d+\.")
_THEMATIC_BREAK = re.compile(r"[ \t]*" + _RULE)


def _view(state: StateBlock, line: int) -> str:
    """Line ``line`` as remark-parse 7 reads it in the block being parsed: as the items around
    it left it (kept by ``_velog_list``), or else with the block's indent taken off."""
    kept = state.__dict__.get("_remark_views", {}).get(line)
    if kept is not None and kept[0] == state.blkIndent:
        return kept[1]
    if state.blkIndent == 0 and line not in state.__dict__.get("_lazy_quote_lines", ()):
        return state.src[state.bMarks[line] : state.eMarks[line]]
    text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
    return " " * max(0, state.sCount[line] - state.blkIndent) + text


def _remark_items(views: Iterable[str]) -> list[tuple[int, int]]:
    """remark-parse 7's list tokenizer (not in CommonMark mode) over ``views``, the lines from
    the list's first: each item's first line and the line after its last (the list ends with
    the last). A line that starts with a space or a tab, or is indented as far as the item's
    text, is the item's (a list in it too); a line of text right under the item goes on with
    it, unless it starts a heading, a fence, a rule or a definition; after an empty line only
    such indented lines and new items do; two empty lines end the list."""
    items: list[list[int]] = []  # [first, last + 1, indent]
    marker = ""
    empty = False
    for number, line in enumerate(views):
        size = index = 0
        while index < len(line) and line[index] in " \t":
            size = (size // 4 + 1) * 4 if line[index] == "\t" else size + 1
            index += 1
        indented = size >= 4 or (bool(items) and size >= items[-1][2])
        current = ""
        if not indented:
            found = _REMARK_MARKER.match(line, index)
            if found is not None:
                current = "." if found.group()[-1] == "." else found.group()
                index, size = found.end(), size + len(found.group())
                after = line[index : index + 1]
                if after == "\t":
                    size = (size // 4 + 1) * 4
                elif after == " ":
                    spaces = len(line) - index - len(line[index:].lstrip(" "))
                    size += 1 if spaces > 4 else spaces
                elif after:
                    current = ""
        if current:
            if marker and current != marker:
                break  # another kind of marker: another list
            if current in "*-" and _THEMATIC_BREAK.match(line):
                break
            marker = marker or current
        elif not indented and line[:1] == " ":
            indented = True
        was_empty, empty = empty, not current and not line.strip()
        if indented and items:
            items[-1][1] = number + 1
        elif current:
            items.append([number, number + 1, size])
        elif empty:
            if was_empty:
                break
        else:
            if was_empty or not items or _INTERRUPTS_LIST.match(line):
                break
            items[-1][1] = number + 1
    return [(first, last) for first, last, _ in items]


def _remark_list(state: StateBlock, start: int, end: int) -> tuple[dict[int, int], int]:
    """Shows markdown-it velog's list at ``start`` as remark-parse 7 reads it: each line of an
    item (but its first) indented under the item's text as far as remark leaves it once the
    item has taken its indent off (``_item_lines``), so markdown-it finds the items' blocks
    where remark does. Returns each raised line's own indent, to put back, and the line after
    the list's last; the lines as the item leaves them are kept for the lists inside it."""
    views: list[str] = []

    def read() -> Iterator[str]:  # (as far as the tokenizer looks: many lists stay linear)
        for line in range(start, end):
            if line > start and state.sCount[line] < state.blkIndent and not state.isEmpty(line):
                return  # markdown-it ends the item around the list here
            views.append(_view(state, line))
            yield views[-1]

    items = _remark_items(read())
    raised: dict[int, int] = {}
    kept: dict[int, tuple[int, str]] = state.__dict__.setdefault("_remark_views", {})
    for first, last in items:
        trimmed = _item_lines(views[first:last])
        column = state.blkIndent + _content_indent(state, start + first)
        kept[start + first] = (column, trimmed[0])
        for offset, text in enumerate(trimmed[1:], start=first + 1):
            line = start + offset
            kept[line] = (column, text)
            if state.isEmpty(line):
                continue
            raised[line] = state.sCount[line]
            state.sCount[line] = column + _indent_of(text)
    return raised, start + (items[-1][1] if items else 1)


def _velog_quote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A quote goes on to the first blank line: remark-parse 7 (not in CommonMark mode) lets no
    block end it, so a heading, a list, a fence or HTML right under a quote line is inside it."""
    return lazy_quote(state, start, end, silent)


# what ends a paragraph in remark-parse 7 however far it is indented: a quote, a fence, an ATX
# heading, a rule (an HTML block: ``_INTERRUPTING_HTML``)
_INDENTED_INTERRUPT = re.compile(r">|```|~~~|#{1,6}(?:[ \t]|$)|" + _RULE)
_INTERRUPTING_HTML = [opening for opening, _, interrupts in HTML_SEQUENCES if interrupts]


def _velog_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """remark-parse 7 ends a paragraph at a line that starts a quote, a fence, a heading, a
    rule or an HTML block however far it is indented (CommonMark reads a line indented four
    columns or more as the paragraph's text); that line is then read as a block of its own, so
    indented it is code (``a`` over ``    > q``: a paragraph and code on velog). The paragraph
    is given the lines up to there; where it would end by CommonMark's rules the search stops,
    and the line found is kept for the next paragraph before it in the same block (many
    paragraphs stay linear)."""
    ends: dict[tuple[int, int], tuple[int, int]] = state.__dict__.setdefault("_velog_paragraph_ends", {})
    context = (state.blkIndent, state.lineMax)  # (the items around it each have their own)
    found = ends.get(context)
    if found is not None and found[0] <= start < found[1]:
        stop = found[1]
    else:
        stop = _paragraph_end(state, start)
        ends[context] = (start, stop)
    return read_to(state, stop, paragraph, start, end, silent)


def _underlined(state: StateBlock, line: int) -> bool:
    """True when the line after ``line`` is a setext heading's underline (``---`` or ``===``):
    remark-parse 7's starts its line, not a space before it (`` ---`` is a rule there)."""
    return (
        not state.isEmpty(line)
        and underline_level(state, line + 1, state.lineMax) > 0
        and state.sCount[line + 1] == state.blkIndent  # (as the items and quotes around leave it)
    )


def _velog_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """remark-parse 7's setext heading is the one line right above its underline: ``a``, ``b``,
    ``---`` is a paragraph and a heading on velog (CommonMark: one heading of both lines)."""
    return _underlined(state, start) and read_to(state, start + 2, lheading, start, end, silent)


def _paragraph_end(state: StateBlock, start: int) -> int:
    """The first line after ``start`` that is empty, or indented four columns or more and ends a
    paragraph on velog (``_velog_paragraph``), or is underlined as a heading (``_velog_heading``:
    indented, it is code); else ``lineMax``."""
    line = start + 1
    while line < state.lineMax and not state.isEmpty(line):
        if _underlined(state, line):
            return line
        if state.sCount[line] - state.blkIndent > 3:
            text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
            if _INDENTED_INTERRUPT.match(text) or any(html.match(text) for html in _INTERRUPTING_HTML):
                return line
        line += 1
    return line


def _velog_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if _in_first_paragraph(state, start):
        return False
    limit = start + 2  # the header and the |---| line, as GFM checks them
    while (
        limit < end and "|" in state.src[state.bMarks[limit] + state.tShift[limit] + 1 : state.eMarks[limit]]
    ):
        limit += 1
    return table(state, start, min(limit, end), silent)


_QUOTE_MARK = re.compile(r"[ \t]*>[ ]?")
# remark-parse 7's list item: its indent, marker, the spaces after it, and the item's text
_BULLET = re.compile(r"([ \t]*)([*+-]|\d+[.)])( {1,4}(?! )| |\t|$)(.*)", re.DOTALL)
# a blank line with more of the item after it (JavaScript's $ without the m flag: the very end)
_SPREAD = re.compile(r"\n\n(?!\s*\Z)")


def _indent_stops(line: str) -> tuple[int, dict[int, int]]:
    """remark-parse 7's getIndentation: a line's indent (a tab to the next multiple of four)
    and, for each column reached, the index of the character that reaches it."""
    indent, stops = 0, {}
    for index, char in enumerate(line):
        if char == " ":
            indent += 1
        elif char == "\t":
            indent = (indent + 4) // 4 * 4
        else:
            break
        stops[indent] = index
    return indent, stops


def _indent_of(line: str) -> int:
    """``_indent_stops(line)[0]``, without the stops (most lines indent with spaces alone)."""
    lead = len(line) - len(line.lstrip(" \t"))
    return lead if "\t" not in line[:lead] else _indent_stops(line)[0]


def _item_lines(lines: list[str]) -> list[str]:
    """An item's lines as remark-parse 7 hands them to its children (normalListItem): the
    marker taken off the first, and from the others the least indent of any (at most the
    marker's width; none at all when a line of text is not indented: a lazy line)."""
    bullet = _BULLET.match(lines[0])
    if bullet is None:
        return lines
    lead, marker, spaces, rest = bullet.groups()
    width = len(marker)
    if marker[-1] == "." and int(marker[:-1]) < 10 and len(lead + marker + spaces) % 2:
        width += 1  # the first nine numbers may indent with one more space
    head = lead + " " * width + spaces
    maximum = _indent_of(head)
    values = [" " * maximum + "!", head + rest, *lines[1:]]
    least = None
    for value in reversed(values):
        if not value.strip():
            continue
        indent = _indent_of(value)
        if not indent:
            least = None  # a line of text not indented: nothing is taken off
            break
        least = indent if least is None else min(least, indent)
    if least is not None:
        for number, value in enumerate(values):
            lead = len(value) - len(value.lstrip(" "))
            if value[lead : lead + 1] != "\t":  # spaces alone: the stops are every column
                values[number] = value[min(least, lead) :]
                continue
            stops = _indent_stops(value)[1]
            index = least
            while index and index not in stops:
                index -= 1
            padding = "\t" if value.strip() and index != least else ""
            values[number] = padding + value[stops[index] + 1 if index in stops else 0 :]
    return [rest, *values[2:]]


def _spread_items(state: StateCore) -> dict[int, tuple[bool, bool]]:
    """By the index of each ``list_item_open``: whether remark-parse 7 reads the item as
    spread (its text, as it reads it: each item around it has taken its indent off, and the
    quotes around it their ``>``, holds an empty line with more of the item after it; a line of
    spaces is empty only once the items around it have taken all of them off), and whether an
    empty line comes right before it."""
    lines = state.src.split("\n")
    # per line, as each item around it so far left it: (its level, the quotes open then, text)
    seen: dict[int, list[tuple[int, int, str]]] = {}

    def read(number: int, level: int, quotes: int) -> str:
        """Line ``number`` as the items around one at ``level`` leave it (not its siblings)."""
        views = seen.setdefault(number, [])
        while views and views[-1][0] >= level:
            views.pop()
        depth, line = (views[-1][1], views[-1][2]) if views else (0, lines[number])
        for _ in range(quotes - depth):
            mark = _QUOTE_MARK.match(line)
            if mark is None:
                break
            line = line[mark.end() :]
        return line

    quotes = 0
    spread: dict[int, tuple[bool, bool]] = {}
    for index, token in enumerate(state.tokens):
        if token.type in ("blockquote_open", "blockquote_close"):
            quotes += token.nesting
            continue
        if token.type != "list_item_open" or token.map is None:
            continue
        first, last = token.map[0], min(token.map[1], len(lines))
        if first >= last:
            continue
        # (a line of spaces or tabs above is "indented": the item's above, not between the two)
        after_blank = first > 0 and read(first - 1, token.level, quotes) == ""
        trimmed = _item_lines([read(number, token.level, quotes) for number in range(first, last)])
        spread[index] = (bool(_SPREAD.search("\n".join(trimmed))), after_blank)
        for number, line in enumerate(trimmed, start=first):
            seen[number].append((token.level, quotes, line))
    return spread


def _loose_lists(state: StateCore) -> None:
    """A list is loose (its items' text in ``<p>``) as remark-parse 7 decides: when any item
    is spread, or a blank line comes between two of its items (see ``_spread_items``)."""
    tokens = state.tokens
    spread: dict[int, tuple[bool, bool]] | None = None
    for index, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        level, close = token.level, token.type.replace("_open", "_close")
        end = next(
            i for i in range(index + 1, len(tokens)) if tokens[i].type == close and tokens[i].level == level
        )
        inner = range(index + 1, end)
        paragraphs = [
            i for i in inner if tokens[i].level == level + 2 and tokens[i].type.startswith("paragraph_")
        ]
        if not paragraphs:
            continue  # no text to show in <p> or not
        if spread is None:
            spread = _spread_items(state)
        items = [i for i in inner if tokens[i].type == "list_item_open" and tokens[i].level == level + 1]
        seen = [spread.get(i, (False, False)) for i in items]
        loose = any(own for own, _ in seen) or any(after_blank for _, after_blank in seen[1:])
        for i in paragraphs:
            tokens[i].hidden = not loose


# the characters one paragraph's emphasis may read: an opening that finds no close reads to the
# paragraph's end (``_a_a_a…``: each _ before a letter goes on), so thousands of them would take
# minutes; past this many, the rest of the paragraph's marks are read as CommonMark reads them
_EMPHASIS_BUDGET = 2_000_000


# the steps remark-parse 7's emphasis tokenizers take, one of the budget each: a character, an
# escape (a \ and the character after it) or, for emphasis, a doubled mark. Per marker and
# tokenizer: the spaces it starts with (group 1: what str.strip() takes is \s, for every code
# point), then every step that goes on (possessive: each character read once, left to right),
# and the steps of two characters among them
_STEPS: dict[tuple[str, bool], tuple[re.Pattern[str], re.Pattern[str]]] = {
    # strong: a mark is a step of its own; it stops at a ** (or __) with no third mark after
    ("*", True): (re.compile(r"(\s*+)(?:[^\\*]++|\\[\s\S]?|\*(?!\*(?!\*)))*+"), re.compile(r"\\[\s\S]")),
    ("_", True): (re.compile(r"(\s*+)(?:[^\\_]++|\\[\s\S]?|_(?!_(?!_)))*+"), re.compile(r"\\[\s\S]")),
    # emphasis: it stops at a lone mark (group 2: the first thing after the spaces, none found),
    # but for velog's _ after no _ and before an ASCII letter or digit (an _ inside a word)
    ("*", False): (
        re.compile(r"(\s*+)(?:(\*(?!\*))|(?:[^\\*]++|\\[\s\S]?|\*\*)*+)"),
        re.compile(r"\\[\s\S]|\*\*"),
    ),
    ("_", False): (
        re.compile(r"(\s*+)(?:(_(?!_))|(?:[^\\_]++|\\[\s\S]?|__|(?<!_)_(?=[A-Za-z0-9]))*+)"),
        re.compile(r"\\[\s\S]|__"),
    ),
}


def _emphasis_end(src: str, start: int, stop: int, marker: str, double: bool, work: list[int]) -> int:
    """Where remark-parse 7's strong (``double``) or emphasis tokenizer, at ``start`` (after its
    opening marks), finds the closing marks in ``src[:stop]``; -1 where it finds none, -2 when
    ``work`` (the steps left to take) runs out. It reads what remark-parse 7 reads a character at
    a time (tests/core/test_remark_emphasis.py keeps that reading and checks both agree), in
    regexes: a paragraph of ``_a_a…`` is read to its end by every opener until the budget ends."""
    if start >= stop:
        return -1
    steps_on, long_steps = _STEPS[marker, double]
    found = steps_on.match(src, start, stop)
    assert found is not None  # (each matches the empty string)
    end = found.end()
    if end == stop:
        result = -1
    elif double:
        result = end if found.end(1) < end else -1  # none when only spaces stand before it
    elif found.start(2) >= 0:
        end, result = found.start(2), -1
    else:
        result = end if src[end - 1] != marker else -1  # after a doubled or an escaped mark: none
    steps = min(end + 1, stop) - start - len(long_steps.findall(src, start, end))
    if steps > work[0]:
        work[0] = -1
        return -2
    work[0] -= steps
    return result


def _velog_emphasis(state: StateInline, silent: bool) -> bool:
    marker = state.src[state.pos]
    if marker not in "*_":
        return False
    if silent:  # a link's label: remark finds its closing bracket without emphasis
        return False
    works = state.env.setdefault("velog_emphasis_work", {})
    work = works.get(id(state.src))
    if work is None or work[0] is not state.src:
        work = works[id(state.src)] = (state.src, [_EMPHASIS_BUDGET])
    if work[1][0] < 0:
        return False  # out of steps: markdown-it's own emphasis reads the rest
    start = state.pos
    for double, tag in ((True, "strong"), (False, "em")):
        width = 2 if double else 1
        if double and state.src[start + 1 : start + 2] != marker:
            continue
        end = _emphasis_end(state.src, start + width, state.posMax, marker, double, work[1])
        if end == -2:
            return False
        if end < 0:
            continue
        old_max = state.posMax
        state.push(f"{tag}_open", tag, 1).markup = marker * width
        state.pos, state.posMax = start + width, end
        state.md.inline.tokenize(state)
        state.push(f"{tag}_close", tag, -1).markup = marker * width
        state.pos, state.posMax = end + width, old_max
        return True
    state.pending += marker  # no emphasis here: the mark is text
    state.pos += 1
    return True


def velog_emphasis_plugin(md: MarkdownIt) -> None:
    """velog's strong and emphasis (see the module's docstring)."""
    md.inline.ruler.before("emphasis", "velog_emphasis", _velog_emphasis)


def velog_lists_plugin(md: MarkdownIt) -> None:
    """velog's list and table rules (see the module's docstring)."""
    md.block.ruler.before("table", "velog_tab_indents", _velog_tab_indents)
    md.block.ruler.at("list", _velog_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("blockquote", _velog_quote, {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.block.ruler.at("paragraph", _velog_paragraph)
    md.block.ruler.at("lheading", _velog_heading)
    md.block.ruler.at("table", _velog_table)  # remark-parse 7: a table never interrupts a paragraph
    md.block.ruler.before("hr", "velog_blank_heading", _velog_blank_heading)
    md.core.ruler.push("velog_loose_lists", _loose_lists)
    md.core.ruler.after("inline", "velog_first_line_break", _first_line_break)
    md.core.ruler.after("block", "velog_leading_blank_code", _leading_blank_code)
