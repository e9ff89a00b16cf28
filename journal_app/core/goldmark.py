"""Raw HTML and tables in Hugo posts as the site shows them.

Hugo renders markdown with goldmark, which by default (``markup.goldmark.renderer.unsafe =
false``) writes ``<!-- raw HTML omitted -->`` in place of every HTML block and tag of a post.
The preview follows the site's setting (:func:`.flavor.raw_html_shown`): when the site hides raw
HTML, each block or tag becomes a visible hint holding its source (the file is untouched), and
an HTML comment, invisible either way, shows nothing.

goldmark also makes a table of a header row with fewer cells than the delimiter row under it,
padding the header with empty cells, where GitHub's rule (markdown-it's) reads a paragraph:
``Alarms |`` over ``------|------`` is a two-column table on a Hugo site (checked with Hugo 0.111).
A header with more cells than the delimiter row is no table on either. Shortcodes are
placeholders by the time goldmark reads a post, so a line holding one among a table's rows is a
row (of one cell), and a paired one opened in a row holds its lines through its closing tag.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import html_block
from markdown_it.rules_block.table import escapedSplit, table
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.html_inline import html_inline
from markdown_it.token import Token

from .blockrules import text_column_definitions
from .platforms import wrap_rule
from .templates import SHORTCODES, _next, _parameters, _tag_end

_DELIMITER_ROW = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HIGHLIGHT = re.compile(r"\{\{[<%][ \t]*highlight[ \t]")
_SHORTCODE = re.compile(r"\{\{[<%][ \t]*(/?)[ \t]*([\w.-]+(?:/[\w.-]+)*)")
_PLACEHOLDER = re.compile(r"\x00(\d+)\x00")
HINT = "Raw HTML not shown: the site's settings hide it (markup.goldmark.renderer.unsafe)"


def _raw_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    count = len(state.tokens)
    found = html_block(state, start, end, silent)
    for token in state.tokens[count:]:
        token.meta["raw"] = True
    return found


def _raw_inline(state: StateInline, silent: bool) -> bool:
    count = len(state.tokens)
    found = html_inline(state, silent)
    for token in state.tokens[count:]:
        token.meta["raw"] = True
    return found


def _cells(line: str) -> int:
    cells = escapedSplit(line.strip())
    return len(cells) - (cells[:1] == [""]) - (len(cells) > 1 and cells[-1] == "")


def _has_shortcode(state: StateBlock) -> bool:
    """Whether the text holds a shortcode at all (looked for once per text)."""
    known = state.env.get("hugo_shortcodes")
    if known is None or known[0] is not state.src:
        known = state.env["hugo_shortcodes"] = (state.src, "{{<" in state.src or "{{%" in state.src)
    return known[1]


def _closing_of(state: StateBlock, name: str, at: int) -> re.Match | None:
    """The first closing tag of shortcode ``name`` at or after ``at``: remembered per render
    (see ``templates._next``), so that rows full of shortcodes that never close search the
    post once, not once a row."""
    pattern = re.compile(r"\{\{[<%][ \t]*/[ \t]*" + re.escape(name) + r"[ \t]*[>%]\}\}")
    begin = _next(state, at, ("hugo_closing", name), lambda after: _found(pattern.search(state.src, after)))
    return pattern.match(state.src, begin) if begin >= 0 else None


def _found(match: re.Match | None) -> int:
    return match.start() if match is not None else -1


def _placeholder_rows(
    state: StateBlock, start: int, end: int
) -> tuple[list[str], list[int], list[str]] | None:
    """The lines from ``start`` (to a blank line) as goldmark reads them on a Hugo site, where
    each shortcode is a one-line placeholder by then: a line holding only a shortcode is a row
    like any other, and a shortcode opened in a line and closed lines below (a ``highlight``,
    a ``notice`` around text) makes the row one line through its closing tag. Returns the rows
    (each shortcode as ``\x00n\x00``, a character markdown-it's input never holds), each row's
    last line and the shortcodes; None when the lines hold none."""
    rows: list[str] = []
    lasts: list[int] = []
    spans: list[str] = []
    line = start
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        begin = state.bMarks[line] + min(state.tShift[line], state.blkIndent)
        text, at = "", begin  # the row so far, and where the rest of it begins in the source
        stop = state.eMarks[line]
        while (tag := _SHORTCODE.search(state.src, at, stop)) is not None:
            finish = _tag_end(state, tag.start(), SHORTCODES, stop)
            if finish < 0:
                break  # (a tag not closed in its line: text, as goldmark's input holds it)
            if not tag.group(1) and not state.src[tag.start() : finish - 3].rstrip().endswith("/"):
                closing = _closing_of(state, tag.group(2), finish)
                last = line + state.src.count("\n", stop, closing.start()) if closing else end
                if closing is not None and stop < closing.start() and last < end:
                    finish, line, stop = closing.end(), last, state.eMarks[last]
            spans.append(state.src[tag.start() : finish])
            text += state.src[at : tag.start()] + f"\x00{len(spans) - 1}\x00"
            at = finish
        rows.append(text + state.src[at:stop])
        lasts.append(line)
        line += 1
    return (rows, lasts, spans) if spans else None


def _table_of_rows(
    state: StateBlock, start: int, found: tuple[list[str], list[int], list[str]], silent: bool
) -> bool:
    """The table rule on rows a shortcode was folded into (see :func:`_placeholder_rows`), its
    tokens mapped back to the post's lines and each placeholder back to its shortcode."""
    rows, lasts, spans = found
    inner = StateBlock("\n".join(rows) + "\n", state.md, state.env, [])
    if not _short_header_table(inner, 0, len(rows), silent):
        return False
    if silent:
        return True
    firsts = [start] + [last + 1 for last in lasts[:-1]]
    for token in inner.tokens:
        token.level += state.level
        if token.map:
            token.map = [firsts[token.map[0]], lasts[token.map[1] - 1] + 1]
        if token.type == "inline" and "\x00" in token.content:
            state.tokens.extend(_cell(state, token, spans))
        else:
            state.tokens.append(token)
    state.line = lasts[inner.line - 1] + 1
    return True


def _cell(state: StateBlock, token: Token, spans: list[str]) -> list[Token]:
    """A cell's text with its shortcodes back: each in the text, as the inline rules show it,
    but a shortcode around lines of text (``{{< notice >}}`` … ``{{< /notice >}}``) as Hugo
    puts its output in the cell: its two tags as blocks, the text between read as markdown."""
    pieces = _PLACEHOLDER.split(token.content)  # text, a shortcode's number, text, …
    out: list[Token] = []
    text = pieces[0]
    for number, after in zip(pieces[1::2], pieces[2::2]):
        span = spans[int(number)]
        if "\n" not in span or _HIGHLIGHT.match(span):
            text += span + after
            continue
        if text.strip():
            out.append(_inline(token, text.strip()))
        opening = span[: span.index(SHORTCODES[span[:3]]) + 3]
        closing = span[span.rindex("{{") :]
        out.append(_shortcode(token, opening))
        inner: list[Token] = []
        state.md.block.parse(span[len(opening) : -len(closing)], state.md, state.env, inner)
        for made in inner:
            made.level += token.level
            made.map = token.map
        out += inner
        out.append(_shortcode(token, closing))
        text = after
    if text.strip() or not out:
        out.append(_inline(token, text.strip()))
    return out


def _inline(like: Token, content: str) -> Token:
    return Token("inline", "", 0, map=like.map, level=like.level, content=content, children=[])


def _shortcode(like: Token, source: str) -> Token:
    name, positional, named = _parameters(source[3:-3])
    meta = {"name": name, "positional": positional, "named": named}
    return Token(
        "hugo_shortcode", "div", 0, map=like.map, level=like.level, content=source, meta=meta, block=True
    )


def _short_header_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """GitHub's table rule, and goldmark's short header row: parsed by the same rule from the
    table's lines with the header padded to the delimiter row's cells."""
    if not silent and _has_shortcode(state) and _short_header_table(state, start, end, True):
        found = _placeholder_rows(state, start, end)
        if found is not None and found[1][0] == start and len(found[0]) >= 2:
            return _table_of_rows(state, start, found, silent)
    if table(state, start, end, silent):
        return True
    if start + 2 > end or state.sCount[start] - state.blkIndent >= 4:
        return False
    header = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    delimiter = state.src[state.bMarks[start + 1] + state.tShift[start + 1] : state.eMarks[start + 1]]
    if "|" not in header or not _DELIMITER_ROW.match(delimiter):
        return False
    missing = _cells(delimiter) - _cells(header)
    if missing <= 0:
        return False
    if silent:
        return True
    last = start + 2
    while last < end and not state.isEmpty(last) and state.sCount[last] >= state.blkIndent:
        last += 1
    header = header.rstrip()
    padded = header + ("" if header.endswith("|") and not header.endswith("\\|") else " |") + "  |" * missing
    lines = [padded] + [
        state.src[state.bMarks[line] + min(state.tShift[line], state.blkIndent) : state.eMarks[line]]
        for line in range(start + 1, last)
    ]
    inner = StateBlock("\n".join(lines) + "\n", state.md, state.env, [])
    if not table(inner, 0, len(lines), False):
        return False
    for token in inner.tokens:
        token.level += state.level
        if token.map:
            token.map = [token.map[0] + start, token.map[1] + start]
    state.tokens.extend(inner.tokens)
    state.line = start + inner.line
    return True


def omitted(source: str, block: bool) -> str:
    """The visible hint for raw HTML the site leaves out (nothing for a bare comment)."""
    if not _COMMENT.sub("", source).strip():
        return ""
    code = f"<code>{html.escape(source.strip(), quote=False)}</code>"
    if block:
        return f'<div class="missing-image raw-html-omitted" title="{HINT}">{code}</div>\n'
    return f'<span class="missing-image raw-html-omitted" title="{HINT}">{code}</span>'


def _unindented_definitions(rule: Callable) -> Callable:
    """goldmark opens a definition list only at a ``:`` with no indent in its block: ``term``
    over ``  : text`` (or, in an item, a ``:`` indented past the item's text) is one paragraph
    on a Hugo site, where kramdown allows up to three spaces (checked with Hugo 0.111)."""

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        column = state.__dict__.get("definition_column")
        if silent and column is not None and state.sCount[start] != column:
            return False  # (asked whether a ":" line ends a definition's paragraph: indented, it goes on)
        line = start + 1
        if line < end and state.isEmpty(line):
            line += 1
        marker = line < end and state.src.startswith(":", state.bMarks[line] + state.tShift[line])
        if not silent and marker and state.sCount[line] != state.blkIndent:
            return False  # (a line that is no ":" may be a term of its own: see engine._last_term)
        return rule(state, start, end, silent)

    return deflist


def goldmark_plugin(md: MarkdownIt) -> None:
    """Marks the raw HTML a post holds (``meta["raw"]``), for the renderer to hide as the
    site does when the render is told so (``env["raw_html"]`` false)."""
    wrap_rule(md.block.ruler, "deflist", text_column_definitions, if_there=True)
    wrap_rule(md.block.ruler, "deflist", _unindented_definitions, if_there=True)
    md.block.ruler.at("html_block", _raw_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.at("html_inline", _raw_inline)
    md.block.ruler.at("table", _short_header_table, {"alt": ["paragraph", "reference"]})
