"""Jekyll's markdown as kramdown (with its GFM parser) reads it, where that differs from GFM.

The rules of kramdown 2.4 that real posts meet, each a markdown-it rule here:

- **tables**: any block of lines that each hold an unescaped ``|`` is a table when a blank
  line (or the start of its container) comes before it and a blank line (or the end) after it;
  the ``|---|`` line is optional (without it the table has no header), a later one starts a
  new body, a table never interrupts a paragraph, and rows may be of any length;
- **lists**: only ``1.`` numbers a list (``1)`` is text); a change of bullet (``*``, ``+``,
  ``-``) goes on with the same list; every line right under an item's line (no blank line
  between) that starts no item of the list's kind belongs to the item, a fence, a heading, a
  quote or an item of the other kind (a list inside the item) as much as text (CommonMark lets
  only paragraph text run on);
- **headings**: ``##`` with no text after it is a paragraph's text;
- **span-level HTML**: a line opening with a tag that is not a block element (``<br>``,
  ``<img>``, ``<u>``) starts a paragraph, not an HTML block (CommonMark's seventh kind); inside
  a line a block element's tag (``<p>``, ``<div>``, ``</ul>``) is text, shown as written;
- **list items**: the first paragraph of an item is shown without ``<p>`` unless a blank line
  follows it inside the item, item by item (GFM decides for the whole list), and the last
  item keeps its ``<p>`` when every item before it has one;
- **math**: ``$$…$$`` (one ``$`` is no math) is a display block when it starts a block (a blank
  line or its container's start above) and its closing ``$$`` ends a line followed by a blank
  line or the end, blank lines inside it or not; anywhere else in a paragraph it is inline math;
- **emphasis**: ``**``, ``__``, ``*`` or ``_`` not followed by a space opens, and the first
  same marks on its way that follow no space close (no flanking rules: ``**'링크'**를`` is bold),
  skipping code spans, links, tags and emphasis inside; an ``_`` after a letter opens nothing
  and one before a letter or digit closes nothing; emphasis does not nest in its own kind, and
  a ``**`` that finds no close may still open ``*`` emphasis holding the second ``*``;
- **abbreviations**: a block ``*[HTML]: Hyper Text Markup Language`` defines one; every
  ``HTML`` standing as a word in the post's text becomes ``<abbr title=...>``, and the
  definition itself is not shown (as on the site).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.ruler import RuleOptionsType
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.heading import heading
from markdown_it.rules_block.hr import hr
from markdown_it.rules_block.lheading import lheading
from markdown_it.rules_block.html_block import HTML_SEQUENCES, html_block
from markdown_it.rules_block.list import list_block, skipBulletListMarker, skipOrderedListMarker
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from .blockrules import lazy_quote, read_to, text_column_definitions, underline_level
from .ial import BLOCK_LINE
from .platforms import show_paragraph, wrap_rule

_PIPE = re.compile(r"^\||[^\\\n]\|")  # kramdown's TABLE_PIPE_CHECK
_SEPARATOR = re.compile(r"^[+|: \t-]*?-[+|: \t-]*?[ \t]*$")
_ALIGN = re.compile(r"[ \t]?(:?)-+(:?)[ \t]?")
_OTHER_BLOCK = re.compile(r"(?:[*+-]|\d+\.)(?:[ \t]|$)|>|#{1,6}(?:[ \t]|$)|```|~~~")  # these win
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
# Jekyll runs Liquid before kramdown reads the post: a | of a filter ({{ x | relative_url }}) is
# gone by then, and neither makes a table row nor splits a cell
_LIQUID_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _hide_liquid_pipes(text: str) -> str:
    return _LIQUID_TAG.sub(lambda found: found.group().replace("|", "\x00"), text)


# kramdown 2.4's HTML_BLOCK_ELEMENTS, whose tags inside a line are text
_SPAN_BLOCK_TAG = re.compile(
    r"</?(?:address|article|aside|applet|body|blockquote|dd|div|dl|dt|fieldset|figcaption|footer|"
    r"form|h[1-6]|header|hgroup|hr|html|head|iframe|legend|menu|li|main|map|nav|ol|optgroup|p|pre|"
    r"section|summary|table|tbody|td|th|thead|tfoot|tr|ul)(?=[\s/>])[^<>]*>",
    re.IGNORECASE,
)
_ABBREVIATION = re.compile(r" {0,3}\*\[([^\]\n]+)\]:[ \t]*(.*?)[ \t]*$")


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _after_boundary(state: StateBlock, start: int) -> bool:
    """kramdown's ``after_block_boundary?``: a blank line or the container's start before."""
    if start == 0 or state.isEmpty(start - 1):
        return True
    previous = state.tokens[-1] if state.tokens else None
    return previous is not None and previous.nesting == 1 and previous.type != "paragraph_open"


def _shielded(row: str) -> str:
    """``row`` with each ``|`` inside its code spans and Liquid tags hidden (a NUL)."""
    return _CODE_SPAN.sub(lambda found: found.group().replace("|", "\x00"), _hide_liquid_pipes(row))


def _table_line(text: str) -> bool:
    """kramdown's table line: a ``|`` that is not escaped, not in a code span, not a Liquid
    filter's."""
    return bool(_PIPE.search(_shielded(text)))


def _cells(row: str) -> list[str]:
    """A row split at the ``|`` outside code spans; ``\\|`` stays in its cell."""
    protected = _shielded(row)
    return [cell.replace("\x00", "|") for cell in _CELL_SPLIT.split(protected)]


def _row_cells(row: str, leading_pipe: bool) -> list[str]:
    cells = _cells(row.rstrip())
    if leading_pipe and cells and not cells[0].strip():
        cells.pop(0)
    if cells and not cells[-1].strip():
        cells.pop()
    return [cell.strip() for cell in cells]


def _alignment(separator: str) -> list[str]:
    return [
        ("center" if left and right else "left" if left else "right" if right else "")
        for left, right in _ALIGN.findall(separator)
    ]


def _nested_list(state: StateBlock, line: int) -> bool:
    """Whether ``line``, indented under the text of the item (or definition) being read, starts
    a list: kramdown reads the item's text before it on its own, so a table right above it
    ends there."""
    if not state.blkIndent or line in state.__dict__.get("_kramdown_lazy", {}):
        return False  # (a lazy line, not indented under the item's text: the text goes on)
    return state.sCount[line] - state.blkIndent < 4 and _starts_item(state, line)


def _kramdown_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if silent or state.src.find("|", state.bMarks[start], state.eMarks[start]) < 0:
        return False  # (a table's first line holds a "|")
    if state.sCount[start] - state.blkIndent >= 4 or not _after_boundary(state, start):
        return False
    if _OTHER_BLOCK.match(_text(state, start)):
        return False
    last = start
    while last < end and not state.isEmpty(last) and _table_line(_text(state, last)):
        last += 1
    if last == start or (
        last < end
        and not state.isEmpty(last)
        and state.sCount[last] >= state.blkIndent  # (less indented: the end of the item around it)
        and not BLOCK_LINE.match(_text(state, last))
        and not _nested_list(state, last)
    ):
        return False  # no table line, or the block goes on without a blank line (or its attributes)
    lines = [_text(state, line) for line in range(start, last)]
    leading_pipe = lines[0].lstrip().startswith("|")
    groups: list[tuple[str, list[list[str]]]] = []  # ("thead" or "tbody", rows)
    rows: list[list[str]] = []
    alignment: list[str] = []
    for text in lines:
        if _SEPARATOR.match(text):
            if not rows:
                continue
            if not alignment and not groups:
                groups.append(("thead", rows))
                alignment = _alignment(text) or [""]
            else:
                groups.append(("tbody", rows))
            rows = []
        else:
            rows.append(_row_cells(text, leading_pipe))
    if rows:
        groups.append(("tbody", rows))
    if not any(kind == "tbody" for kind, _ in groups):
        return False  # kramdown: a table without a body is no table
    columns = max(len(row) for _, group in groups for row in group)
    alignment = (alignment + [""] * columns)[:columns]
    opening = state.push("table_open", "table", 1)
    opening.map = [start, last]
    for kind, group in groups:
        state.push(f"{kind}_open", kind, 1)
        cell = "th" if kind == "thead" else "td"
        for row in group:
            state.push("tr_open", "tr", 1)
            for index in range(columns):
                token = state.push(f"{cell}_open", cell, 1)
                if alignment[index]:
                    token.attrs = {"style": f"text-align:{alignment[index]}"}
                inline = state.push("inline", "", 0)
                inline.content = row[index] if index < len(row) else ""
                inline.map = [start, last]
                inline.children = []
                state.push(f"{cell}_close", cell, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{kind}_close", kind, -1)
    state.push("table_close", "table", -1)
    state.line = last
    return True


def _item_indent(state: StateBlock, line: int) -> int:
    """The column an item's text starts at (its line holds a list marker)."""
    marker_end = skipOrderedListMarker(state, line)
    if marker_end < 0:
        marker_end = skipBulletListMarker(state, line)
    spaces = 0
    while marker_end + spaces < state.eMarks[line] and state.src[marker_end + spaces] in " \t":
        spaces += 1
    start = state.bMarks[line] + state.tShift[line]
    return state.sCount[line] + (marker_end - start) + (1 if spaces > 4 or not spaces else spaces)


def _starts_item(state: StateBlock, line: int) -> bool:
    """kramdown's list item: a marker with a space or tab after it (a marker alone is text)."""
    marker_end = skipBulletListMarker(state, line)
    if marker_end < 0:
        marker_end = skipOrderedListMarker(state, line)
    return 0 <= marker_end < state.eMarks[line]


def _rule(state: StateBlock, line: int) -> bool:
    """Whether ``line`` is a thematic break (``---``) as markdown-it reads one."""
    begin = state.bMarks[line] + state.tShift[line]
    return state.src[begin : begin + 1] in ("*", "-", "_") and hr(state, line, line + 1, True)


def _rule_not_item(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's rule, but a line kramdown reads as the next item of a list (``- - -``
    right under ``- a``) is no rule."""
    begin = state.bMarks[start] + state.tShift[start]
    if state.src[begin : begin + 1] not in ("*", "-", "_"):
        return False  # no rule's first character: markdown-it's rule says no
    if begin in state.env.get("kramdown_items", ()):
        return False
    if silent and state.parentType == "paragraph" and not _starts_item(state, start):
        return False  # kramdown's GFM parser: a rule ends no paragraph (``- - -``, an item, does)
    return hr(state, start, end, silent)


def _kramdown_list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    ordered = skipOrderedListMarker(state, start)
    if ordered >= 0 and state.src[ordered - 1] == ")":
        return False  # kramdown: 1) is no list marker
    if state.sCount[start] - state.blkIndent < 4 and not _starts_item(state, start):
        return False  # a marker alone: text
    if silent and state.parentType == "paragraph" and state.sCount[start] - state.blkIndent < 4:
        # kramdown's GFM parser: any item ends a paragraph, whatever its number (markdown-it:
        # only a 1. with text), so markdown-it is asked as if no paragraph were open
        state.parentType = "root"
        try:
            return list_block(state, start, end, silent)
        finally:
            state.parentType = "paragraph"
    if silent or state.sCount[start] - state.blkIndent >= 4:
        return list_block(state, start, end, silent)
    # kramdown's lazy lines: shown to markdown-it as indented under the item, for this parse only;
    # a bullet of another kind (*, +, -) is shown to it as the first item's, for this parse only
    raised: dict[int, int] = {}
    bullets: list[int] = []  # offsets of this list's bullets that differ from its first one
    items: set[int] = set()  # where lines begin that markdown-it would read as a rule
    stop = end
    indent = _item_indent(state, start)
    first_marker = state.src[state.bMarks[start] + state.tShift[start]]
    for line in range(start + 1, end):
        if state.isEmpty(line):
            continue
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if state.isEmpty(line - 1) and _rule(state, line):
            stop = line  # kramdown: a rule after a blank line ends the list, however indented
            break
        if state.sCount[line] == state.blkIndent and _END_OF_BLOCK.match(text):
            stop = line  # the end-of-block mark
            break
        if state.sCount[line] < indent and _starts_item(state, line):
            if state.sCount[line] < state.blkIndent:
                break  # an item of a list around this one: this list ends here
            if (skipOrderedListMarker(state, line) >= 0) == (ordered >= 0):
                if _rule(state, line):  # kramdown: the next item, not a rule
                    items.add(state.bMarks[line] + state.tShift[line])
                if text[0] != first_marker and ordered < 0:
                    bullets.append(state.bMarks[line] + state.tShift[line])
                indent = _item_indent(state, line)  # the next item's own text column
                continue
            if state.isEmpty(line - 1):
                break  # an item of the other kind after a blank line: a new list
        elif state.isEmpty(line - 1):
            if state.sCount[line] < indent:
                break  # after a blank line only indented lines go on with the item
            continue
        if state.sCount[line] < indent and not text.startswith(("{:", "<")):
            raised[line] = state.sCount[line]
            state.sCount[line] = indent
    put_back = _keep_own_columns(state, raised, state.blkIndent)
    source = state.src
    if bullets:
        characters = list(source)
        for offset in bullets:
            characters[offset] = first_marker
        state.src = "".join(characters)
    known = state.env.setdefault("kramdown_items", set())
    added = items - known
    known |= added
    try:
        return read_to(state, stop, list_block, start, stop, silent)
    finally:
        known -= added
        state.src = source
        put_back()


def _kramdown_setext(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """kramdown's setext heading: one line of text, and its underline at the start of the
    next line (``a`` over ``  ---`` is one paragraph; ``a``, ``b``, ``---`` too). A lazy line
    of a list item counts from its own first column."""
    line = start + 1
    if line >= end or state.isEmpty(start) or not underline_level(state, line, end):
        return False
    return _starts_its_line(state, line) and read_to(state, line + 1, lheading, start, end, silent)


def _starts_its_line(state: StateBlock, line: int) -> bool:
    """Whether ``line``'s text starts at its block's first column; a lazy line of an item or a
    definition (shown to markdown-it indented under the text) counts from its own."""
    lazy = state.__dict__.get("_kramdown_lazy", {}).get(line)
    begin = state.bMarks[line]
    if lazy is None or state.src[begin : begin + state.tShift[line]].strip(" \t"):
        return state.sCount[line] == state.blkIndent  # (after an item's marker on the line: its own)
    return lazy[0] == lazy[1]


def _kramdown_html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if not state.src.startswith("<", state.bMarks[start] + state.tShift[start]):
        return False  # no tag: markdown-it's rule says no
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    if not any(opening.search(line) for opening, _, _ in HTML_SEQUENCES[:-1]):
        return False  # only CommonMark's seventh kind would take it: a span-level tag
    return html_block(state, start, end, silent)


def _item_paragraphs(state: StateCore) -> None:
    """kramdown's ``<p>`` per list item (see the module's docstring)."""
    tokens = state.tokens
    lines = state.src.split("\n")
    for index, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        level = token.level
        items: list[list[int]] = []  # per item, the indexes of its direct children's openers
        starts: list[int] = []  # per item, its first line
        for at in range(index + 1, len(tokens)):
            inner = tokens[at]
            if inner.level == level and inner.nesting == -1:
                break
            if inner.type == "list_item_open" and inner.level == level + 1:
                items.append([])
                starts.append(inner.map[0] if inner.map else -1)
            elif items and inner.level == level + 2 and inner.nesting >= 0 and inner.type != "inline":
                items[-1].append(at)
        shown_before = True  # every item so far shows its first paragraph as <p>
        for number, children in enumerate(items):
            is_last = number == len(items) - 1
            for child in children:
                if tokens[child].type == "paragraph_open":
                    show_paragraph(tokens, child, True)
            first = tokens[children[0]] if children else None
            if first is None or first.type != "paragraph_open" or first.map is None:
                shown_before = False
                continue
            if any(
                not BLOCK_LINE.search(lines[line])  # (an attribute list after the marker: the item's)
                for line in range(max(0, starts[number]), first.map[0])
            ):
                shown_before = False  # a footnote's line or a ^ first: no first paragraph
                continue
            after = first.map[1]
            blank_after = after < len(lines) and not lines[after].strip(" \t>")
            bare = (not blank_after or (is_last and len(children) == 1)) and (
                not is_last or len(items) == 1 or not shown_before
            )
            show_paragraph(tokens, children[0], not bare)
            shown_before = shown_before and not bare


def _abbreviation(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    found = _ABBREVIATION.match(state.src, state.bMarks[start], state.eMarks[start])
    if found is None:
        return False
    if not silent:
        state.env.setdefault("abbreviations", {})[found.group(1).strip()] = found.group(2)
        token = state.push("abbreviation", "", 0)
        token.map = [start, start + 1]
    state.line = start + 1
    return True


def _abbreviate(state: StateCore) -> None:
    """Every defined abbreviation, standing as a word in text, in an ``<abbr>``."""
    known: dict[str, str] = state.env.get("abbreviations") or {}
    if not known:
        return
    names = sorted(known, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        out: list[Token] = []
        for child in block.children:
            if child.type != "text" or not pattern.search(child.content):
                out.append(child)
                continue
            for number, piece in enumerate(pattern.split(child.content)):
                if number % 2 == 0:
                    if piece:
                        text = Token("text", "", 0)
                        text.content = piece
                        out.append(text)
                    continue
                opening = Token("abbr_open", "abbr", 1)
                opening.attrs = {"title": known[piece]}
                inner = Token("text", "", 0)
                inner.content = piece
                out.extend([opening, inner, Token("abbr_close", "abbr", -1)])
        block.children = out


_EMPTY_HEADING = re.compile(r"#{1,6}[ \t]*$")


def _kramdown_heading(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if not state.src.startswith("#", state.bMarks[start] + state.tShift[start]):
        return False  # no heading: markdown-it's rule says no
    if state.sCount[start] > state.blkIndent or not _starts_its_line(state, start):
        return False  # kramdown: the "#" starts its line (" # h" is text)
    if _EMPTY_HEADING.match(state.src, state.bMarks[start] + state.tShift[start], state.eMarks[start]):
        return False  # kramdown: a heading needs text
    return heading(state, start, end, silent)


def _block_tag_text(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "<":
        return False
    found = _SPAN_BLOCK_TAG.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:  # as written: no typographer quotes either
        state.push("html_inline", "", 0).content = html.escape(found.group(), quote=False)
    state.pos = found.end()
    return True


def _math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    if not state.src.startswith("$$", begin) or not _after_boundary(state, start):
        return False
    offset, parts = begin + 2, []
    for last in range(start, end):
        line_end = state.eMarks[last]
        if last > start:
            offset = state.bMarks[last] + state.tShift[last]
        close = state.src.find("$$", offset, line_end)
        if close < 0:
            parts.append(state.src[offset:line_end])
            continue
        parts.append(state.src[offset:close])
        if state.src[close + 2 : line_end].strip() or (last + 1 < end and not state.isEmpty(last + 1)):
            return False  # kramdown: not on block boundaries, so math inside a paragraph
        break
    else:
        return False
    if not silent:
        token = state.push("math_block", "math", 0)
        token.block, token.markup, token.map = True, "$$", [start, last + 1]
        token.content = "\n".join(parts).strip()
    state.line = last + 1
    return True


def _math_inline(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("$$", state.pos):
        return False
    close = state.src.find("$$", state.pos + 2, state.posMax)
    if close < 0:
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.markup, token.content = "$$", state.src[state.pos + 2 : close]
    state.pos = close + 2
    return True


_EMPHASIS_START = re.compile(r"\*\*?|__?")
_SPAN = re.compile(r"\\.|(`+)(?:.*?[^`])?\1(?!`)|!?\[[^\]\n]*\]\([^)\n]*\)|<[^<>\n]*>", re.DOTALL)
_LABEL_END = re.compile(r"[\]\n]")
_DESTINATION_END = re.compile(r"[)\n]")


def _failed_reach(src: str, index: int, stop: int) -> int:
    """How far :data:`_SPAN` read at ``index`` before it found no span there (an unclosed code
    span reads to the paragraph's end, a link to its line's): counted as steps, so that a
    paragraph of such openings inside an emphasis is not read to its end at each of them."""
    if src[index] == "`":
        return stop
    at = index + 1 if src[index] == "!" else index
    if not src.startswith("[", at):
        return index + 1
    label = _LABEL_END.search(src, at + 1, stop)
    if label is None:
        return stop
    if label.group() == "]" and src.startswith("(", label.end()):
        destination = _DESTINATION_END.search(src, label.end() + 1, stop)
        return stop if destination is None else destination.end()
    return label.end()


# the steps one paragraph's emphasis may take: a failed opening searches to the paragraph's end,
# and so does each opening inside it, so a line of thousands of marks that never close would
# take hours; past this many, the rest of the paragraph's marks are read as CommonMark reads them
_EMPHASIS_BUDGET = 200_000


class _OutOfSteps(Exception):
    pass


def _emphasis_at(src, start, stop, inside, em_only=False, work=None):
    """kramdown's ``parse_emphasis`` at ``start``: (element, where its text begins, where its
    closing marks begin, their width), or None when the marks there are text. ``work`` holds
    what was found before (by place) and the steps left; :class:`_OutOfSteps` when none are."""
    work = work if work is not None else {"memo": {}, "left": _EMPHASIS_BUDGET}
    key = (start, stop, inside, em_only)
    if key not in work["memo"]:
        work["memo"][key] = _search_emphasis(src, start, stop, inside, em_only, work)
    return work["memo"][key]


def _double_mark(src: str, index: int, marker: str) -> bool:
    """``**`` (not ``***``) at ``index``: no close of ``*`` emphasis (kramdown)."""
    return src.startswith(marker * 2, index) and src[index + 2 : index + 3] != marker


def _search_emphasis(src, start, stop, inside, em_only, work):
    found = _EMPHASIS_START.match(src, start, stop)
    if found is None:
        return None
    run = found.group()
    element = "strong" if len(run) == 2 and not em_only else "em"
    marker = run[0]
    before = src[max(0, start - 2) : start]
    after = src[found.end() : found.end() + 1]
    if (
        (marker == "_" and before[-1:].isalpha())
        or (marker == "_" and before[-1:] == "-" and before[:1].isalpha())
        or after.isspace()
        or element in inside
    ):
        return None
    delim = marker * (2 if element == "strong" else 1)
    begin = start + (1 if em_only else len(delim))
    index = begin
    while index < stop:
        work["left"] -= 1
        if work["left"] < 0:
            raise _OutOfSteps
        if src.startswith(delim, index):
            closes = (
                index > begin
                and not src[index - 1].isspace()
                and (element != "em" or not _double_mark(src, index, marker))
                and (marker != "_" or not src[index + len(delim) : index + len(delim) + 1].isalnum())
            )
            if closes:
                return element, begin, index, len(delim)
        if src[index] in "*_":
            nested = _emphasis_at(src, index, stop, (*inside, element), work=work)
            if nested is not None:
                index = nested[2] + nested[3]
                continue
            mark = _EMPHASIS_START.match(src, index)
            index += len(mark.group()) if mark is not None else 1
            continue
        span = _SPAN.match(src, index, stop)
        if span is None and src[index] in "`[!":
            work["left"] -= _failed_reach(src, index, stop) - index  # what the failed match read
        index = span.end() if span is not None and span.end() > index else index + 1
    if element == "strong" and not em_only and "em" not in inside:
        return _emphasis_at(src, start, stop, inside, em_only=True, work=work)
    return None


def _kramdown_emphasis(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] not in "*_":
        return False
    inside = state.env.setdefault("kramdown_emphasis", ())
    works = state.env.setdefault("kramdown_emphasis_work", {})
    work = works.get(id(state.src))
    if work is None or work["src"] is not state.src:
        work = works[id(state.src)] = {"src": state.src, "memo": {}, "left": _EMPHASIS_BUDGET}
    if work["left"] < 0:
        return False  # out of steps: markdown-it's own emphasis reads the rest
    start = state.pos
    try:
        found = _emphasis_at(state.src, start, state.posMax, inside, work=work)
    except _OutOfSteps:
        return False
    if found is None:
        mark = _EMPHASIS_START.match(state.src, start)
        run = mark.group() if mark is not None else state.src[start]
        if not silent:
            state.pending += run
        state.pos += len(run)
        return True
    element, begin, close, width = found
    if silent:
        state.pos = close + width
        return True
    old_max = state.posMax
    state.push(f"{element}_open", element, 1).markup = state.src[start:begin]
    state.env["kramdown_emphasis"] = (*inside, element)
    state.pos, state.posMax = begin, close
    try:
        state.md.inline.tokenize(state)
    finally:
        state.env["kramdown_emphasis"] = inside
    state.push(f"{element}_close", element, -1).markup = state.src[close : close + width]
    state.pos, state.posMax = close + width, old_max
    return True


_CLOSER = re.compile(r"[ \t>]*(`{3,}|~{3,})[ \t]*$")  # a line that could close a fence


def _closers(state: StateBlock) -> dict[str, list[int]]:
    """Per fence character, the lines that could close a fence, found once per text."""
    memo = state.__dict__.setdefault("_fence_closers", {})  # per text: the definition rule
    kept = memo.get(id(state.src))  # reads a copy of it (its "~" hidden)
    if kept is not None and kept[0] is state.src:
        return kept[1]
    found: dict[str, list[int]] = {"`": [], "~": []}
    for number, line in enumerate(state.src.split("\n")):
        if line[:1] in " \t>`~":
            match = _CLOSER.match(line)
            if match is not None:
                found[match[1][0]].append(number)
    memo[id(state.src)] = (state.src, found)
    return found


_CLOSERS_LOOKED_AT = 64  # (after that many lines that close nothing, the fence is taken as open)


def _closes(state: StateBlock, line: int, mark: str, run: int) -> bool:
    """Whether ``line`` closes a fence of ``run`` ``mark`` in the block being read: as many of the
    mark or more, indented less than four, nothing else on it."""
    if state.sCount[line] - state.blkIndent >= 4 or state.sCount[line] < state.blkIndent:
        return False
    text = _text(state, line).rstrip(" \t")
    return len(text) >= run and text == mark * len(text)


def _reaches(state: StateBlock, start: int, line: int) -> bool:
    """Whether no line after ``start`` and before ``line`` has text left of the block being
    read: markdown-it's fence ends at such a line, closed or not (an item's line that starts a
    block tag, say, which ends the item). Read only up to ``line`` (a fence and its closing
    line: as far as the fence takes), and remembered per block indent, so that a block of
    openers that close nothing is read once, not once per opener."""
    memo = state.__dict__.setdefault("_block_ends", {})
    place = (id(state.src), state.blkIndent)
    known = memo.get(place)  # (first, checked, outside): lines first+1..checked-1 are inside
    if known is not None and known[0] <= start < known[1]:
        first, at, outside = known
        if line <= at:
            return True
        if outside:
            return False
    else:
        first, at = start, start + 1
    while at < line:
        if not state.isEmpty(at) and state.sCount[at] < state.blkIndent:
            memo[place] = (first, at, True)
            return False
        at += 1
    memo[place] = (first, at, False)
    return True


def _closed_fence(rule: Callable) -> Callable:
    """kramdown's fences need a closing line: an opener with none after it (as many of its mark
    or more, indented less than four in its block) is text, where markdown-it's rule took the
    rest of the post as code. (kramdown also closes a longer opener with a shorter line, making
    the opener's extra marks its language; markdown-it's rule does not, so neither do we.)"""

    def fence(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        begin = state.bMarks[start] + state.tShift[start]
        mark = state.src[begin : begin + 1]
        if mark not in ("`", "~") or state.sCount[start] - state.blkIndent >= 4:
            return rule(state, start, end, silent)
        if not state.src.startswith(mark * 3, begin):
            return False
        text = state.src[begin : state.eMarks[start]]
        run = len(text) - len(text.lstrip(mark))
        lines = _closers(state)[mark]
        after = bisect_right(lines, start)
        for line in lines[after : after + _CLOSERS_LOOKED_AT]:
            if line >= end or not _reaches(state, start, line):
                return False
            if _closes(state, line, mark, run):
                return rule(state, start, end, silent)
        return False

    return fence


# the end-of-block mark, or a tag that is not one of kramdown's HTML_SPAN_ELEMENTS
_NOT_LAZY = re.compile(
    r"[ \t]*(?:\^[ \t]*$|</?(?!(?:a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|"
    r"input|ins|kbd|label|mark|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strike|strong|"
    r"sub|sup|textarea|tt|u|var)\b)[A-Za-z])",
    re.IGNORECASE,
)


def _lazy_code(rule: Callable) -> Callable:
    """kramdown's indented code goes on over the lines of text right under it, each joined to
    the line before it with a space and its own spaces kept (an attribute list, an end-of-block
    mark or a tag of a block ends it), and on into more indented code, past empty lines too."""

    def code(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent:
            return rule(state, start, end, silent)
        if not rule(state, start, end, silent):
            return False
        token, line = state.tokens[-1], state.line
        pieces = [token.content]  # (joined once: a long run of such blocks stays linear)
        while True:
            lazy = []
            while line < end and not state.isEmpty(line):
                indent = state.sCount[line] - state.blkIndent
                text = _text(state, line)
                if not 0 <= indent < 4 or BLOCK_LINE.match(text) or _NOT_LAZY.match(text):
                    break  # (an indented line is more code, on a line of its own)
                lazy.append(" " * indent + text)  # (kramdown keeps its spaces)
                line += 1
            if not lazy:
                break
            pieces[-1] = pieces[-1].rstrip("\n")
            pieces.append(" " + " ".join(lazy) + "\n")
            state.line = line
            after = line
            while after < end and state.isEmpty(after):
                after += 1
            if after >= end or state.sCount[after] - state.blkIndent < 4:
                break
            if not rule(state, after, end, False):
                break
            pieces.append("\n" * (after - line) + state.tokens.pop().content)
            line = state.line
        token.content = "".join(pieces)
        if token.map is not None:
            token.map[1] = state.line
        return True

    return code


def _own_indent(state: StateBlock, line: int) -> int:
    """The line's indent in the block it stands in, as kramdown reads it: a lazy line's own
    (``_keep_own_columns``), not the one it is shown to markdown-it with."""
    lazy = state.__dict__.get("_kramdown_lazy")
    own, block = lazy[line] if lazy and line in lazy else (state.sCount[line], state.blkIndent)
    return own - block


def _ends_lazy_lines(state: StateBlock, line: int) -> bool:
    """kramdown's LAZY_END (but the blank line): an attribute list, the end-of-block mark, or a
    block's tag after at most three spaces (or left of the block)."""
    if BLOCK_LINE.match(state.src, state.bMarks[line], state.eMarks[line]):
        return True
    text = _text(state, line)
    return bool(_NOT_LAZY.match(text)) and (text[:1] == "^" or _own_indent(state, line) < 4)


_END_OF_BLOCK = re.compile(r"\^[ \t]*$")


def _end_of_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """kramdown's end-of-block mark: a line of ``^`` alone ends the paragraph, quote or list
    above it and shows nothing (two lists in a row, a list and then code)."""
    if state.sCount[start] != state.blkIndent:
        return False
    if not _END_OF_BLOCK.match(state.src, state.bMarks[start] + state.tShift[start], state.eMarks[start]):
        return False
    if not silent:
        state.line = start + 1
    return True


def _footnote_end(state: StateBlock, start: int, end: int) -> int:
    """The line after kramdown's footnote definition at ``start`` at the latest: its first
    line, then runs of lines indented four columns (after empty lines too), each with the lines
    of text right under it (kramdown's CODEBLOCK_MATCH); a line of text right under the first
    line is not the footnote's. (kramdown's runs take the next footnote's line too; markdown-it's
    rule still ends the footnote there.)"""
    line = start + 1
    while True:
        after = line
        while after < end and state.isEmpty(after):
            after += 1
        if after >= end or state.sCount[after] - state.blkIndent < 4:
            return line
        line = after
        while line < end and not state.isEmpty(line) and state.sCount[line] - state.blkIndent >= 4:
            line += 1
        line = min(end, _lazy_run_end(state, line))


def _lazy_run_end(state: StateBlock, line: int) -> int:
    """The first line from ``line`` that is empty, left of the block, or ends lazy lines (or
    ``lineMax``), found once per parse for every line of the run (footnotes one under another
    share their runs: many of them stay linear)."""
    last = state.lineMax
    if line >= last:
        return line
    memo: dict[tuple[int, int, int, int], int] = state.__dict__.setdefault("_lazy_runs", {})
    indent = state.blkIndent
    found = memo.get((line, state.bMarks[line], indent, last))  # (a quote's lines start elsewhere)
    if found is not None:
        return found
    first = line
    while (
        line < last
        and not state.isEmpty(line)
        and state.sCount[line] >= indent  # (left of the block: the container around it ends)
        and not _ends_lazy_lines(state, line)
    ):
        line += 1
    for each in range(first, min(line + 1, last)):
        memo[(each, state.bMarks[each], indent, last)] = line
    return line


def _kramdown_footnote(rule: Callable) -> Callable:
    """The footnote definition, its lines as kramdown takes them (``_footnote_end``)."""

    def footnote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if silent or not rule(state, start, end, True):
            return rule(state, start, end, silent)  # (no footnote here: its lines are not read)
        stop = _footnote_end(state, start, end)
        return read_to(state, stop, rule, start, stop, silent)

    return footnote


def _kramdown_blockquote(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """kramdown's quote takes every line up to a blank line (or an attribute list, an
    end-of-block mark or a block's tag): a list, a heading or a fence right under a quote line
    is inside the quote, and so is a line without ``>``."""
    return lazy_quote(state, start, end, silent, _ends_lazy_lines)


def _kramdown_definitions(rule: Callable) -> Callable:
    """kramdown's definition: a ``:`` indented at most three spaces, right under its term or
    after one empty line (a line of spaces between them makes two paragraphs); its text starts
    after the ``:`` and every space after it, and every line right under it that starts no
    definition is its own (kramdown's lazy lines)."""
    read = text_column_definitions(rule, _definition_lines)

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if not silent:
            line = start + 1
            if line < end and state.isEmpty(line):
                if state.eMarks[line] - state.bMarks[line] > state.blkIndent:
                    return False  # (spaces on the line between)
                line += 1
            if line < end and _own_indent(state, line) >= 4 and _text(state, line)[:1] == ":":
                return False
        return read(state, start, end, silent)

    return deflist


def _definition_lines(state: StateBlock, first: int, last: int, outer: int) -> Callable[[], None]:
    """The lines right under a definition's first line that start no definition (and are no
    end of lazy lines), shown to markdown-it indented under its text; they keep their own
    columns for the rules that read them (``_kramdown_lazy``). Returns what puts them back."""
    column, raised = state.blkIndent, {}
    line = first + 1
    while line < last and not state.isEmpty(line) and state.sCount[line] >= outer:
        if state.sCount[line] < column:
            if (_text(state, line)[:1] == ":" and state.sCount[line] - outer < 4) or _ends_lazy_lines(
                state, line
            ):
                break  # the next definition, or what ends lazy lines
            raised[line] = state.sCount[line]
            state.sCount[line] = column
        line += 1
    return _keep_own_columns(state, raised, outer)


def _keep_own_columns(state: StateBlock, raised: dict[int, int], block: int) -> Callable[[], None]:
    """Note the own indent of each line in ``raised`` (shown to markdown-it indented under an
    item's or a definition's text) against the ``block`` indent it stands in, for the rules that
    read a line's own columns (``_starts_its_line``, ``_nested_list``). Returns what puts the
    lines' indents back and forgets them."""
    lazy: dict[int, tuple[int, int]] = state.__dict__.setdefault("_kramdown_lazy", {})
    for line, count in raised.items():
        lazy[line] = (count, block)
    if raised:
        state.__dict__.pop("_block_ends", None)  # (read with the indents as they were)

    def put_back() -> None:
        if raised:
            state.__dict__.pop("_block_ends", None)
        for line, count in raised.items():
            state.sCount[line] = count
            lazy.pop(line, None)

    return put_back


def kramdown_plugin(md: MarkdownIt) -> None:
    """kramdown's tables, list markers, block and span-level HTML, list-item paragraphs, math
    and abbreviations (Jekyll)."""
    md.block.ruler.at("table", _kramdown_table)
    wrap_rule(md.block.ruler, "fence", _closed_fence)
    wrap_rule(md.block.ruler, "code", _lazy_code)
    md.block.ruler.before("table", "kramdown_math", _math_block)
    md.inline.ruler.before("emphasis", "kramdown_math", _math_inline)
    md.inline.ruler.before("emphasis", "kramdown_emphasis", _kramdown_emphasis)
    md.inline.ruler.before("html_inline", "kramdown_block_tag_text", _block_tag_text)
    ends: RuleOptionsType = {"alt": ["paragraph", "reference", "blockquote", "list"]}  # (they interrupt)
    md.block.ruler.at("hr", _rule_not_item, ends)
    md.block.ruler.before("table", "kramdown_end_of_block", _end_of_block, ends)
    md.block.ruler.at("blockquote", _kramdown_blockquote, ends)
    wrap_rule(md.block.ruler, "deflist", _kramdown_definitions, if_there=True)
    wrap_rule(md.block.ruler, "footnote_def", _kramdown_footnote, if_there=True)
    md.block.ruler.at("list", _kramdown_list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("html_block", _kramdown_html_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("lheading", _kramdown_setext)
    md.block.ruler.at("heading", _kramdown_heading, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.before("paragraph", "abbreviation", _abbreviation)
    md.add_render_rule("abbreviation", lambda *args: "")
    md.core.ruler.push("kramdown_item_paragraphs", _item_paragraphs)
    md.core.ruler.push("kramdown_abbreviations", _abbreviate)
