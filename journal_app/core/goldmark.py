"""Raw HTML in Hugo posts as the site shows it.

Hugo renders markdown with goldmark, which by default (``markup.goldmark.renderer.unsafe =
false``) writes ``<!-- raw HTML omitted -->`` in place of every HTML block and tag of a post.
The preview follows the site's setting (:func:`.flavor.raw_html_shown`): when the site hides raw
HTML, each block or tag becomes a visible hint holding its source (the file is untouched), and
an HTML comment, invisible either way, shows nothing.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import html_block
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.html_inline import html_inline

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
