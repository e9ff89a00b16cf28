"""Raw HTML and tables in Hugo posts as the site shows them.

Hugo renders markdown with goldmark, which by default (``markup.goldmark.renderer.unsafe =
false``) writes ``<!-- raw HTML omitted -->`` in place of every HTML block and tag of a post.
The preview follows the site's setting (:func:`.flavor.raw_html_shown`): when the site hides raw
HTML, each block or tag becomes a visible hint holding its source (the file is untouched), and
an HTML comment, invisible either way, shows nothing.

goldmark also makes a table of a header row with fewer cells than the delimiter row under it,
padding the header with empty cells, where GitHub's rule (markdown-it's) reads a paragraph:
``Alarms |`` over ``------|------`` is a two-column table on a Hugo site (checked with Hugo 0.111).
A header with more cells than the delimiter row is no table on either.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import html_block
from markdown_it.rules_block.table import escapedSplit, table
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.html_inline import html_inline

_DELIMITER_ROW = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HIGHLIGHT_OPEN = re.compile(r"\{\{[<%][ \t]*highlight[ \t]")
_HIGHLIGHT_CLOSE = re.compile(r"\{\{[<%][ \t]*/highlight[ \t]*[>%]\}\}")
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


def _has_highlight(state: StateBlock) -> bool:
    """Whether the text holds a ``highlight`` shortcode at all (looked for once per text)."""
    known = state.env.get("hugo_highlights")
    if known is None or known[0] is not state.src:
        known = state.env["hugo_highlights"] = (state.src, _HIGHLIGHT_OPEN.search(state.src) is not None)
    return known[1]


def _closing_after(state: StateBlock, at: int) -> re.Match | None:
    """The first closing highlight tag at or after ``at``: remembered per render, so that rows
    full of highlights that never close search the post once, not once a row."""
    known = state.env.get("hugo_highlight_closing")
    if (
        known is not None
        and known[0] is state.src
        and known[1] <= at
        and (known[2] is None or known[2].start() >= at)
    ):
        return known[2]
    found = _HIGHLIGHT_CLOSE.search(state.src, at)
    state.env["hugo_highlight_closing"] = (state.src, at, found)
    return found


def _placeholder_rows(
    state: StateBlock, start: int, end: int
) -> tuple[list[str], list[int], list[str]] | None:
    """The lines from ``start`` (to a blank line) as goldmark reads them on a Hugo site, where
    each shortcode is a one-line placeholder by then: a ``highlight`` opened in a line and
    closed lines below makes the row one line through its closing tag. Returns the rows (each
    span as ``\x00n\x00``, a character markdown-it's input never holds), each row's last line
    and the spans; None when no line opens a highlight it leaves open."""
    rows: list[str] = []
    lasts: list[int] = []
    spans: list[str] = []
    line = start
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        begin = state.bMarks[line] + min(state.tShift[line], state.blkIndent)
        text = state.src[begin : state.eMarks[line]]
        opening = _HIGHLIGHT_OPEN.search(text)
        if opening is not None and not _HIGHLIGHT_CLOSE.search(text, opening.end()):
            closing = _closing_after(state, state.eMarks[line])
            last = line + state.src.count("\n", state.eMarks[line], closing.start()) if closing else end
            if closing is not None and last < end:
                spans.append(state.src[begin + opening.start() : closing.end()])
                text = (
                    text[: opening.start()]
                    + f"\x00{len(spans) - 1}\x00"
                    + state.src[closing.end() : state.eMarks[last]]
                )
                line = last
        rows.append(text)
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
            token.content = _PLACEHOLDER.sub(lambda m: spans[int(m.group(1))], token.content)
    state.tokens.extend(inner.tokens)
    state.line = lasts[inner.line - 1] + 1
    return True


def _short_header_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """GitHub's table rule, and goldmark's short header row: parsed by the same rule from the
    table's lines with the header padded to the delimiter row's cells."""
    if not silent and _has_highlight(state) and _short_header_table(state, start, end, True):
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


def goldmark_plugin(md: MarkdownIt) -> None:
    """Marks the raw HTML a post holds (``meta["raw"]``), for the renderer to hide as the
    site does when the render is told so (``env["raw_html"]`` false)."""
    md.block.ruler.at("html_block", _raw_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.inline.ruler.at("html_inline", _raw_inline)
    md.block.ruler.at("table", _short_header_table, {"alt": ["paragraph", "reference"]})
