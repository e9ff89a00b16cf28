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


def _short_header_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """GitHub's table rule, and goldmark's short header row: parsed by the same rule from the
    table's lines with the header padded to the delimiter row's cells."""
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
