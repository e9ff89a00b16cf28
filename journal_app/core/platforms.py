"""What each platform adds to CommonMark: slugs, typography, math, velog's embeds and more.

markdown-it plugins and helpers for the engine (:mod:`.engine`): heading slugs as GitHub,
velog, Hugo and Jekyll make them (github-slugger); the dashes and
ellipses of Hugo's and kramdown's typographers; GitHub's autolinks the autolink plugin leaves
out (``ftp://``, an ``_`` in an e-mail's local part); velog's ``!youtube[id]``-style embeds as
visible cards (no frame, no request) and its ``undefined`` lines (image downloads that failed)
as missing-image placeholders; TeX as MathML with the TeX kept as annotation.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.ruler import Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.gfm_autolink._match import match_http
from mdit_py_plugins.gfm_autolink.index import _protocol_rule

from .cards import embed_card, missing_image
from .remark import velog_emphasis_plugin, velog_lists_plugin


def wrap_rule(ruler: Ruler, name: str, wrap: Callable[[Callable], Callable], if_there: bool = False) -> None:
    """Put ``wrap(rule)`` in the place of the rule ``name`` of ``ruler`` (a block or inline
    ruler), keeping its options (which rules it may interrupt); with ``if_there``, nothing when
    the parser has no such rule (a plugin the flavor's profile left out)."""
    found = ruler.__find__(name)
    if found < 0 and if_there:
        return
    rule = ruler.__rules__[found]
    rule.fn = wrap(rule.fn)
    ruler.__compile__()


def show_paragraph(tokens: list, opening: int, shown: bool) -> None:
    """Show (or hide) the ``<p>`` of the paragraph opening at ``opening``."""
    tokens[opening].hidden = not shown
    level = tokens[opening].level
    closing = next(i for i in range(opening + 1, len(tokens)) if tokens[i].level == level)
    tokens[closing].hidden = not shown


def definition_paragraphs(state: StateCore) -> None:
    """A definition's paragraphs as goldmark and kramdown write them: its first in ``<p>`` only
    when an empty line comes right before its ``:`` line, every later one in ``<p>`` (the
    plugin made all of a list's definitions loose, or all tight, as a list's items)."""
    tokens = state.tokens
    lines = None
    quote = " \t>" if state.env.get("flavor") == "jekyll" else " \t"  # (a ">" line: goldmark's is text)
    for index, token in enumerate(tokens):
        where = tokens[index + 1].map if token.type == "dd_open" and index + 1 < len(tokens) else None
        if where is None:
            continue
        if lines is None:
            lines = state.src.split("\n")
        line = where[0]  # the ":" line (the dd's own map may start at its term)
        blank_before = line > 0 and not lines[line - 1].strip(quote)
        for inner in range(index + 1, len(tokens)):
            child = tokens[inner]
            if child.level <= token.level:
                break  # (the dd_close)
            if child.type == "paragraph_open" and child.level == token.level + 1:
                show_paragraph(tokens, inner, blank_before or inner != index + 1)


def _kept(character: str, categories: tuple[str, ...]) -> bool:
    return character in "- " or unicodedata.category(character).startswith(categories)


def github_slug(text: str) -> str:
    """A heading id the way github-slugger makes it (GitHub, velog's remark-slug, kramdown's GFM
    parser for Jekyll): letters, marks (an emoji's variation selector, a decomposed accent),
    decimal and letter numbers and connector punctuation are kept, spaces become ``-``."""
    kept = ("L", "M", "Nd", "Nl", "Pc")
    return "".join(c for c in text.lower() if _kept(c, kept)).replace(" ", "-")


def hugo_slug(text: str) -> str:
    """A heading id the way Hugo's goldmark makes it (``autoHeadingIDType = "github"``): only
    letters, decimal digits and ``_`` are kept, spaces and ``-`` become ``-``."""
    return "".join(c for c in text.lower() if c == "_" or _kept(c, ("L", "Nd"))).replace(" ", "-")


# velog highlights a fence with ``Prism.languages[lang] || Prism.languages.markup``: the language
# name exactly as written, among the Prism components velog-client loads (with their aliases);
# any other name, or none, is highlighted as markup (HTML). Prism name -> Pygments lexer.
_VELOG_PRISM = {
    **dict.fromkeys(("markup", "html", "xml", "svg", "mathml", "ssml", "atom", "rss"), "html"),
    **dict.fromkeys(("javascript", "js"), "javascript"),
    **dict.fromkeys(("bash", "sh", "shell"), "bash"),
    **dict.fromkeys(("typescript", "ts"), "typescript"),
    **dict.fromkeys(("python", "py"), "python"),
    **dict.fromkeys(("csharp", "cs", "dotnet"), "csharp"),
    **dict.fromkeys(("kotlin", "kt", "kts"), "kotlin"),
    "clike": "c",
    "css": "css",
    "jsx": "jsx",
    "tsx": "tsx",
    "go": "go",
    "scss": "scss",
    "java": "java",
    "graphql": "graphql",
    "php": "php",
    "aspnet": "aspx-cs",
    "sql": "sql",
    "swift": "swift",
    "erlang": "erlang",
    "elixir": "elixir",
}


def code_language(language: str, flavor: str) -> str:
    """The Pygments name for a fence's language on ``flavor``."""
    if flavor == "velog":
        return _VELOG_PRISM.get(language, "html")
    return language


_EM_DASH = re.compile(r"(?<!-)---(?!-)")
_EN_DASH = re.compile(r"(?<!-)--(?!-)")


def typographic(text: str) -> str:
    """``---``, ``--``, ``...``, ``<<`` and ``>>`` in ``text`` as em dash, en dash, ellipsis and
    guillemets, in that order (a regex runs only where its characters are)."""
    if "--" in text:
        text = _EN_DASH.sub("\u2013", _EM_DASH.sub("\u2014", text))
    for plain, mark in (("...", "\u2026"), ("<<", "\u00ab"), (">>", "\u00bb")):
        if plain in text:
            text = text.replace(plain, mark)  # leftmost first, as the regex did
    return text


def dashes(state: StateCore) -> None:
    """``---``, ``--``, ``...``, ``<<`` and ``>>`` as the typographers of goldmark and kramdown
    write them (outside code and links' URLs)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        for child in block.children:
            if child.type == "text":
                child.content = typographic(child.content)


_EMAIL_TAIL = re.compile(r"[A-Za-z0-9.+_-]+$")
_SPACE = re.compile(r"[ \t\r\n\x00\x0b\x0c]")
_FTP = re.compile(r"(?:(?<=^)|(?<=[\s*_~(]))ftp://")


def protocol_autolink(state: StateInline, silent: bool) -> bool:
    """The autolink plugin's ``http://`` rule, tried only where a scheme ends: the plugin's own
    rule copies the rest of the paragraph at every stop of the text scanner, which made a long
    one-line paragraph quadratic (1 MB of words took 4 s); it sees the text up to the next white
    space only, where a URL ends anyway."""
    if state.src[state.pos] != ":" or not state.pending.endswith(("http", "https", "mailto", "xmpp")):
        return False
    space = _SPACE.search(state.src, state.pos, state.posMax)  # a URL ends at white space
    limit, state.posMax = state.posMax, space.start() if space else state.posMax
    try:
        return _protocol_rule(state, silent)
    finally:
        state.posMax = limit


def _link_tokens(state: StateCore, url: str, text: str) -> list[Token]:
    opening = Token("link_open", "a", 1)
    opening.attrs = {"href": state.md.normalizeLink(url)}
    opening.markup, opening.info = "autolink", "auto"
    inner = Token("text", "", 0)
    inner.content = text
    closing = Token("link_close", "a", -1)
    closing.markup, closing.info = "autolink", "auto"
    return [opening, inner, closing]


def autolink_leftovers(state: StateCore) -> None:
    """GitHub's autolinks the plugin misses: ``ftp://`` URLs, and e-mail addresses whose local
    part holds an ``_`` (the emphasis scanner split it off before the address was seen)."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, depth = block.children, 0
        out: list[Token] = []
        for index, child in enumerate(children):
            if child.type == "link_open":
                depth += 1
                href = child.attrGet("href") or ""
                if (
                    child.markup == "autolink"
                    and str(href).startswith("mailto:")
                    and out
                    and out[-1].type == "text"
                    and index + 1 < len(children)
                ):
                    tail = _EMAIL_TAIL.search(out[-1].content)
                    if tail:
                        out[-1].content = out[-1].content[: tail.start()]
                        address = tail.group() + children[index + 1].content
                        child.attrSet("href", state.md.normalizeLink("mailto:" + address))
                        children[index + 1].content = address
            elif child.type == "link_close":
                depth -= 1
            if child.type == "text" and depth == 0 and "ftp://" in child.content:
                out.extend(_split_ftp(state, child))
                continue
            out.append(child)
        block.children = out


def _split_ftp(state: StateCore, token: Token) -> list[Token]:
    pieces, text, start = [], token.content, 0
    for found in _FTP.finditer(text):
        if found.start() < start:
            continue
        matched = match_http("http://" + text[found.end() :])
        if matched is None:
            continue
        url = "ftp://" + matched[0][len("http://") :]
        before = Token("text", "", 0)
        before.content = text[start : found.start()]
        pieces.append(before)
        pieces.extend(_link_tokens(state, url, url))
        start = found.start() + len(url)
    rest = Token("text", "", 0)
    rest.content = text[start:]
    return [piece for piece in pieces + [rest] if piece.type != "text" or piece.content]


def mathml(tex: str, display: bool) -> str:
    """TeX as MathML, the TeX kept as its annotation (what a reader without MathML sees);
    TeX that does not convert is shown as code."""
    from latex2mathml.converter import convert as latex_to_mathml  # 0.1 s to import: when needed

    try:
        converted = latex_to_mathml(tex, display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds on bad TeX
        return f'<code class="math-error">{html.escape(tex)}</code>'
    inner = converted[converted.index(">") + 1 : converted.rindex("</math>")]
    mode = "block" if display else "inline"
    return (
        f'<math display="{mode}"><semantics>{inner}'
        f'<annotation encoding="application/x-tex">{html.escape(tex)}</annotation>'
        "</semantics></math>"
    )


# velog's embeds (velog-client's embedPlugin): !youtube[id] and the like
_EMBED = re.compile(r"!(youtube|twitter|codesandbox|codepen)\[([^\]\n]{0,300})\]")  # ids are short


def _velog_embed(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "!":
        return False
    found = _EMBED.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    if not silent:
        token = state.push("html_inline", "", 0)
        token.content = embed_card(found.group(1), found.group(2))
    state.pos = found.end()
    return True


def _undefined_lines(state: StateCore) -> None:
    """A paragraph line that is only ``undefined`` (velog-backup's failed image) becomes a
    missing-image placeholder; the file keeps its text."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        for index, child in enumerate(children):
            if child.type != "text" or child.content.strip() != "undefined":
                continue
            before = children[index - 1].type if index else "softbreak"
            after = children[index + 1].type if index + 1 < len(children) else "softbreak"
            if before in ("softbreak", "hardbreak") and after in ("softbreak", "hardbreak"):
                placeholder = Token("html_inline", "", 0)
                placeholder.content = missing_image("undefined", reason="Image missing from the backup")
                children[index] = placeholder


def velog_plugin(md: MarkdownIt) -> None:
    """velog's embeds, ``undefined`` lines, lists and emphasis (:mod:`.remark`)."""
    velog_lists_plugin(md)
    velog_emphasis_plugin(md)
    md.inline.ruler.before("image", "velog_embed", _velog_embed)
    md.core.ruler.push("velog_undefined", _undefined_lines)


# kramdown (Jekyll) reads a block-level HTML element to its closing tag as raw HTML: markdown
# inside it (blank lines or not) stays text unless the tag says markdown="1"; the lines after
# the closing tag are markdown again (``<h3>T</h3>`` over a line of text: a paragraph under it)
_BLOCK_TAG = re.compile(
    r"<(address|article|aside|blockquote|center|dd|details|dialog|div|dl|dt|fieldset|"
    r"figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|legend|li|main|menu|nav|ol|p|"
    r"section|summary|table|tbody|td|tfoot|th|thead|tr|ul)(?=[\s>/])([^>]*)>",
    re.IGNORECASE,
)


def _kramdown_html(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    found = _BLOCK_TAG.match(state.src, begin)
    if found is None or "markdown=" in found.group(2):
        return False
    name = found.group(1).lower()
    if name == "hr":  # no closing tag: the element is its line
        if not silent:
            token = state.push("html_block", "", 0)
            token.map = [start, start + 1]
            token.content = state.src[state.bMarks[start] : state.eMarks[start]] + "\n"
            state.line = start + 1
        return True
    tags = re.compile(rf"<(/?){name}(?=[\s>/])", re.IGNORECASE)
    depth = 0
    for line in range(start, end):
        text = state.src[state.bMarks[line] : state.eMarks[line]]
        for tag in tags.finditer(text):
            depth += -1 if tag.group(1) else 1
        if depth <= 0:
            break
    else:
        return False  # never closed: CommonMark's reading
    if silent:
        return True
    token = state.push("html_block", "", 0)
    token.map = [start, line + 1]
    token.content = state.src[state.bMarks[start] : state.eMarks[line]] + "\n"
    state.line = line + 1
    return True


def kramdown_html_plugin(md: MarkdownIt) -> None:
    """kramdown's raw HTML elements (Jekyll's default ``parse_block_html: false``)."""
    md.block.ruler.before(
        "html_block", "kramdown_html", _kramdown_html, {"alt": ["paragraph", "reference", "blockquote"]}
    )
