"""The CommonMark engine: markdown-it-py set up per flavor, before sanitizing.

Every flavor but ``python-markdown`` parses with markdown-it-py (CommonMark 0.31.2 exactly)
plus what its platform adds: GitHub's tables, strikethrough, autolinks, task lists, alerts and
footnotes (``commonmark``); line breaks, math and embeds (``velog``); definition lists,
typography and shortcodes (``hugo``); definition lists, typography, Liquid and kramdown's
raw HTML elements and ``$$`` math (``jekyll``).

Each top-level block carries ``data-line``: the 1-based file line it starts on, from the
parser's own line map. Headings get ids by the platform's slug rule, fences are highlighted by
Pygments with CSS classes. Math is rendered to MathML apart from the rest and put back after
the fragment is sanitized (see :func:`render_tokens`).
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt, rules_block
from markdown_it.parser_block import ParserBlock
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_block import StateBlock
from markdown_it.ruler import Ruler
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from . import platforms
from .blockrules import instance_patch
from .cards import highlighted_code, numbered_code
from .scan import HTML_IMAGE


@dataclass(frozen=True)
class Profile:
    """What a platform's markdown adds to CommonMark."""

    single_tilde: bool = False  # ~one~ strikes through, as on GitHub
    autolinks: str = "gfm"  # "gfm": bare www., http(s) URLs and e-mails; "protocol": URLs only
    footnotes: bool = True
    deflists: bool = False
    alerts: bool = False  # > [!NOTE]
    breaks: bool = False  # every newline inside a paragraph is a <br>
    math: bool = False  # $…$ and $$…$$
    typographer: bool = False  # smart quotes, dashes and ellipses
    # a line under an item's paragraph, indented less than the item's text, is read against the
    # container around the item, as cmark-gfm and goldmark read it (see _lazy_past_items)
    lazy_past_items: bool = False
    # "module.function" of this package: each flavor's own rules are imported only when a
    # parser for that flavor is built (a command renders with one flavor)
    plugins: tuple[str, ...] = field(default=())

    def plugin_functions(self) -> list[Callable[[MarkdownIt], None]]:
        """The plugins named in ``plugins``, imported."""
        found = []
        for name in self.plugins:
            module, function = name.rsplit(".", 1)
            found.append(getattr(importlib.import_module(f".{module}", __package__), function))
        return found


PROFILES = {
    "commonmark": Profile(single_tilde=True, alerts=True, lazy_past_items=True),
    # remark-parse 7: bare http(s)/mailto: URLs only, no footnotes; remark-breaks; remark-math
    "velog": Profile(
        autolinks="protocol", footnotes=False, breaks=True, math=True, plugins=("platforms.velog_plugin",)
    ),
    "hugo": Profile(
        deflists=True,
        typographer=True,
        lazy_past_items=True,
        plugins=(
            "templates.hugo_plugin",
            "goldmark.goldmark_plugin",
            "ial.heading_attributes_plugin",
            "quotes.goldmark_quotes_plugin",
        ),
    ),
    # kramdown's GFM parser: no bare-URL links, ~~two~~ only
    "jekyll": Profile(
        autolinks="",
        deflists=True,
        typographer=True,
        plugins=(
            "templates.jekyll_plugin",
            "platforms.kramdown_html_plugin",
            "kramdown.kramdown_plugin",
            "ial.ial_plugin",
            "quotes.kramdown_quotes_plugin",
        ),
    ),
}
_FIRST_TAG = re.compile(r"^(\s*<[A-Za-z][\w-]*)")
_FILTERED = re.compile(
    r"<(?=(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)[\s/>])", re.IGNORECASE
)


def tagfilter(self, tokens, idx, options, env) -> str:
    """GitHub's disallowed raw HTML (for the spec examples; a render is sanitized instead)."""
    return _FILTERED.sub("&lt;", tokens[idx].content)


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
    language = platforms.code_language(language, env.get("flavor", ""))
    lines = token.meta.get("code_lines")  # (Hugo's line numbers: templates.py)
    if lines is not None:
        return numbered_code(token.content, language, lines, self.renderAttrs(token))
    return highlighted_code(token.content, language, self.renderAttrs(token))


def _code_block(self, tokens, idx, options, env) -> str:
    return highlighted_code(tokens[idx].content, "", self.renderAttrs(tokens[idx]))


def _html_block(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.meta.get("raw") and not env.get("raw_html", True):
        from .goldmark import omitted  # (only Hugo hides raw HTML)

        return omitted(token.content, block=True)
    line = token.attrGet("data-line")
    if line is None:
        return token.content
    return _FIRST_TAG.sub(lambda m: f'{m.group(1)} data-line="{line}"', token.content, count=1)


def _html_inline(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    if token.meta.get("raw") and not env.get("raw_html", True):
        from .goldmark import omitted

        return omitted(token.content, block=False)
    return token.content


def _math(display: bool):
    def render(self, tokens, idx, options, env) -> str:
        token = tokens[idx]
        one_line = (
            env.get("flavor") == "velog"
            and token.block
            and token.map is not None
            and token.map[1] - token.map[0] == 1
        )
        maths: list[tuple[str, bool]] = env.setdefault("maths", [])
        maths.append((token.content, display and not one_line))
        marker = f'<span data-journal-math="{len(maths) - 1}"></span>'
        if one_line:  # remark-math: $$x$$ on a line of its own is inline math in a paragraph
            return f'<p{self.renderAttrs(token)}><span class="math math-inline">{marker}</span></p>\n'
        if display and token.block:
            return f'<div class="math math-display"{self.renderAttrs(token)}>{marker}</div>\n'
        return f'<span class="math math-inline">{marker}</span>'

    return render


def _annotate(state: StateCore) -> None:
    """``data-line`` on every top-level block and an id on every heading."""
    first_line = state.env.get("first_line", 1)
    seen: dict[str, int] = state.env.setdefault("slugs", {})
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.level == 0 and token.nesting >= 0 and token.map is not None and token.type != "inline":
            token.attrs["data-line"] = str(token.map[0] + first_line)
        if token.type != "heading_open":
            continue
        if token.attrGet("id") is not None:  # kramdown's and goldmark's {#id}
            rule: IdRule = ("id", str(token.attrGet("id")))
        elif index + 1 < len(tokens):
            inline = tokens[index + 1]
            if state.env.get("flavor") == "hugo":
                rule = ("slug", platforms.hugo_slug(_hugo_heading_text(state, token, inline)) or "heading")
            else:
                text = "".join(
                    child.content for child in inline.children or [] if child.type in ("text", "code_inline")
                )
                rule = ("slug", platforms.github_slug(text))
        else:
            continue
        token.meta["id_rule"] = rule  # what the incremental renderer replays (heading ids)
        ident = claim_id(seen, rule)
        if ident or state.env.get("flavor") != "jekyll":
            token.attrSet("id", ident)
        else:  # kramdown writes no id that would be empty (the next such heading is "-1")
            token.attrs.pop("id", None)


def _hugo_heading_text(state: StateCore, heading: Token, inline: Token) -> str:
    """What goldmark makes a heading's id from: its text, each ``{{< >}}`` shortcode in it as the
    placeholder Hugo put there (``HAHAHUGOSHORTCODEs3HBHB``, the page's fourth shortcode),
    each ``{{% %}}`` one as nothing (its output, which the preview does not know)."""
    children = inline.children or []
    if not any(child.meta.get("template_tag") for child in children):
        return "".join(child.content for child in children if child.type in ("text", "code_inline"))
    from .templates import shortcode_ordinals  # (loaded with the Hugo flavor's plugin)

    env = state.env
    ordinals = env.get("shortcode_ordinals")
    if ordinals is None:
        ordinals = env["shortcode_ordinals"] = shortcode_ordinals(state.src)
    start, stop = heading.map or (0, 1)
    placed = iter([found for line in range(start, stop) for found in ordinals.get(line, [])])
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.meta.get("template_tag"):
            ordinal, kind = next(placed, (-1, "%"))
            if kind == "<":
                parts.append(f"HAHAHUGOSHORTCODEs{ordinal}HBHB")
    return "".join(parts)


IdRule = tuple[str, str]  # ("id", an id the post gives) or ("slug", what an id is made from)


def claim_id(seen: dict[str, int], rule: IdRule) -> str:
    """The id of the next heading with ``rule``, given the ids ``seen`` so far in the document
    (updated): an id the post gives stands as it is, a slug takes the next free id."""
    kind, value = rule
    if kind == "id":
        seen.setdefault(value, 0)
        return value
    return heading_id(seen, value)


def heading_id(seen: dict[str, int], base: str) -> str:
    """The id of the next heading whose slug is ``base``, given the ids ``seen`` so far in the
    document (updated): ``a``, then ``a-1``, ``a-2``."""
    ident, count = base, seen.get(base, 0)
    while ident in seen:
        count += 1
        ident = f"{base}-{count}"
    seen[base] = count
    seen.setdefault(ident, 0)
    return ident


def _footnote_name(self, tokens, idx, options, env) -> str:
    return f":{tokens[idx].meta['id'] + 1}"


def _footnote_caption(self, tokens, idx, options, env) -> str:
    return str(tokens[idx].meta["id"] + 1)


# The first characters a block rule can start a block with, when the line is not indented as
# code ("" for a rule that never matches then), for the rules that return False on any other
# first character before doing anything else. A rule not named here is tried at every block.
_STARTS = {
    "markdown_it.rules_block.code.code": "",
    "markdown_it.rules_block.blockquote.blockquote": ">",
    "markdown_it.rules_block.hr.hr": "*-_",
    "markdown_it.rules_block.list.list_block": "*-+0123456789",
    "markdown_it.rules_block.reference.reference": "[",
    "markdown_it.rules_block.html_block.html_block": "<",
    "markdown_it.rules_block.heading.heading": "#",
    "mdit_py_plugins.footnote.index.footnote_def": "[",
    "journal_app.core.remark._velog_list": "*-+0123456789",
    "journal_app.core.remark._velog_quote": ">",
    "journal_app.core.kramdown._rule_not_item": "*-_",
    "journal_app.core.kramdown._kramdown_list": "*-+0123456789",
    "journal_app.core.kramdown._kramdown_html_block": "<",
    "journal_app.core.kramdown._kramdown_heading": "#",
    "journal_app.core.kramdown._math_block": "$",
    "journal_app.core.kramdown._kramdown_blockquote": ">",
    "journal_app.core.kramdown._end_of_block": "^",
    "journal_app.core.kramdown._kramdown_footnote.<locals>.footnote": "[",
    "journal_app.core.platforms._kramdown_html": "<",
    "journal_app.core.goldmark._raw_block": "<",
    "journal_app.core.templates._liquid_block": "{",
    "journal_app.core.templates._hugo_block": "{",
    "journal_app.core.kramdown._closed_fence.<locals>.fence": "`~",
    "journal_app.core.kramdown._abbreviation": "*",
    "journal_app.core.ial._block_list": "{",
    "journal_app.core.ial._block_extension": "{",
    "mdit_py_plugins.dollarmath.index.math_block_dollar.<locals>._math_block_dollar": "$",
}


def _starts(rule: Callable) -> str | None:
    if rule is rules_block.fence:  # (markdown-it's fence rule is made by a factory)
        return "`~"
    return _STARTS.get(f"{getattr(rule, '__module__', '')}.{getattr(rule, '__qualname__', '')}")


class _BlockParser(ParserBlock):
    """markdown-it's block parser trying at each block only the rules that can start one with
    its line's first character (:data:`_STARTS`), in their order: the others would each be
    called to say no (a third of a long post's block parsing). The loop is markdown-it's own."""

    _rules: list | None = None
    _by_first: dict[str, list] = {}
    _anywhere: list = []

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        """Generate tokens for input range (markdown-it's loop; the rules chosen per line). The
        block indents of the containers being read, outermost first, are kept on the state
        (``_contexts``: see _past_items)."""
        contexts = state.__dict__.setdefault("_contexts", [])
        contexts.append(state.blkIndent)
        try:
            self._tokenize(state, startLine, endLine)
        finally:
            contexts.pop()

    def _tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        rules = self.ruler.getRules("")
        if rules is not self._rules:  # the ruler was changed since: its list is a new one
            self._by_first, self._anywhere = _chains(rules, _starts)
            self._rules = rules
        by_first, anywhere = self._by_first, self._anywhere
        line = startLine
        maxNesting = state.md.options.maxNesting
        hasEmptyLines = False

        while line < endLine:
            state.line = line = state.skipEmptyLines(line)
            if line >= endLine:
                break
            if state.sCount[line] < state.blkIndent:
                # Termination condition for nested calls.
                # Nested calls currently used for blockquotes & lists
                break
            if state.level >= maxNesting:
                # If nesting level exceeded - skip tail to the end.
                # That's not ordinary situation and we should not care about content.
                state.line = endLine
                break

            start = state.bMarks[line] + state.tShift[line]
            if state.sCount[line] - state.blkIndent >= 4 or start >= state.eMarks[line]:
                chain = rules  # code, or no first character: every rule as markdown-it tries them
            else:
                chain = by_first.get(state.src[start], anywhere)
            ok = False
            for rule in chain:
                ok = rule(state, line, endLine, False)
                if ok:
                    if state.line <= line:
                        raise RuntimeError("block rule didn't increment state.line")
                    break

            # this can only happen if user disables paragraph rule
            if not ok:
                raise RuntimeError("none of the block rules matched")

            # set state.tight if we had an empty line before current tag
            # i.e. latest empty line should not count
            state.tight = not hasEmptyLines

            line = state.line

            # paragraph might "eat" one newline after it in nested lists
            if (line - 1) < endLine and state.isEmpty(line - 1):
                hasEmptyLines = True

            if line < endLine and state.isEmpty(line):
                hasEmptyLines = True
                line += 1
                state.line = line


class _BlockRuler(Ruler):
    """markdown-it's block ruler whose terminator chains (what may end a paragraph, a list, a
    quote, a reference) are one rule that tries, for a line, only the chain's rules that can
    start at its first character (:data:`_STARTS`), in their order: a paragraph asked every
    rule of its chain at each of its lines (the seed post: 400 fence rules a render, saying no).
    Lines indented four or more, or by a quote's quirk below none, are asked every rule."""

    def __compile__(self) -> None:
        super().__compile__()
        assert self.__cache__ is not None
        for chain, rules in self.__cache__.items():
            if chain:
                self.__cache__[chain] = [_first_character_terminator(rules)]


def _first_character_terminator(rules: list) -> Callable[[StateBlock, int, int, bool], bool]:
    by_first, anywhere = _chains(rules, _starts)

    def terminates(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        start = state.bMarks[line] + state.tShift[line]
        count = state.sCount[line]
        if count < 0 or count - state.blkIndent >= 4 or start >= state.eMarks[line]:
            chain = rules
        else:
            chain = by_first.get(state.src[start], anywhere)
        for rule in chain:
            if rule(state, line, end, silent):
                return True
        return False

    return terminates


# The same for inline rules: the characters each can start at, for the rules that say no at any
# other character before doing anything else (the footnote reference rule notes the post's
# footnotes first: it is tried everywhere)
_INLINE_STARTS = {
    "markdown_it.rules_inline.newline.newline": "\n",
    "markdown_it.rules_inline.escape.escape": "\\",
    "markdown_it.rules_inline.backticks.backtick": "`",
    "markdown_it.rules_inline.strikethrough.tokenize": "~",
    "markdown_it.rules_inline.emphasis.tokenize": "_*",
    "markdown_it.rules_inline.link.link": "[",
    "markdown_it.rules_inline.image.image": "!",
    "markdown_it.rules_inline.autolink.autolink": "<",
    "markdown_it.rules_inline.html_inline.html_inline": "<",
    "markdown_it.rules_inline.entity.entity": "&",
    "mdit_py_plugins.gfm_autolink.index._www_inline_rule": "w",
    "mdit_py_plugins.gfm_autolink.index._email_rule": "@",
    "mdit_py_plugins.dollarmath.index.math_inline_dollar.<locals>._math_inline_dollar": "$",
    "journal_app.core.platforms.protocol_autolink": ":",
    "journal_app.core.platforms._velog_embed": "!",
    "journal_app.core.goldmark._raw_inline": "<",
    "journal_app.core.templates._inline_tag.<locals>.rule": "{",
    "journal_app.core.templates._inline_highlight": "{",
    "journal_app.core.kramdown._math_inline": "$",
    "journal_app.core.kramdown._block_tag_text": "<",
    "journal_app.core.ial._span_list": "{",
    "journal_app.core.ial._span_extension": "{",
    "journal_app.core.quotes._goldmark_quote": "\"'",
    "journal_app.core.quotes._kramdown_quote": "\"'",
}


def _inline_starts(rule: Callable) -> str | None:
    return _INLINE_STARTS.get(f"{getattr(rule, '__module__', '')}.{getattr(rule, '__qualname__', '')}")


class _InlineParser(ParserInline):
    """markdown-it's inline parser trying at each position only the rules that can start at its
    character (:data:`_INLINE_STARTS`), in their order. The loop is markdown-it's own."""

    _rules: list | None = None
    _by_first: dict[str, list] = {}
    _anywhere: list = []

    def tokenize(self, state: StateInline) -> None:
        """Generate tokens for input range (markdown-it's loop; the rules chosen per position)."""
        rules = self.ruler.getRules("")
        if rules is not self._rules:  # the ruler was changed since: its list is a new one
            self._by_first, self._anywhere = _chains(rules, _inline_starts)
            self._rules = rules
        by_first, anywhere = self._by_first, self._anywhere
        end = state.posMax
        maxNesting = state.md.options["maxNesting"]
        src = state.src

        while state.pos < end:
            pos = state.pos
            ok = False
            # Try all possible rules.
            # On success, rule should:
            #
            # - update `state.pos`
            # - update `state.tokens`
            # - return true

            if state.level < maxNesting:
                for rule in by_first.get(src[pos], anywhere):
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break

            if ok:
                if state.pos >= end:
                    break
                continue

            state.append_pending(state.src[state.pos])
            state.pos += 1

        if state.pending:
            state.pushPending()


def _chains(rules: list, starts: Callable[[Callable], str | None]) -> tuple[dict[str, list], list]:
    """For each character some rule names, the rules to try there (in order); and the rules to
    try at any other character."""
    named = [starts(rule) for rule in rules]
    firsts = set("".join(first for first in named if first))
    by_first = {
        char: [rule for rule, first in zip(rules, named) if first is None or char in first] for char in firsts
    }
    return by_first, [rule for rule, first in zip(rules, named) if first is None]


# a line that starts with ``~``: the plugin's other marker, hidden from it (see _colon_definitions)
_TILDE_LINE = re.compile(r"(?m)^([ \t]*)~(?=[ \t])")
_HIDDEN_TILDE = "\ue000"  # (a private-use character: one code point, as ~ is)


def _masked(state: StateBlock) -> str | None:
    """The parse's text with the ``~`` that start lines hidden (None: there are none), made
    once per text (the parse keeps it on its state: a post of many lists copies it once)."""
    kept = state.__dict__.get("_tildes_hidden")
    if kept is not None and state.src is kept[1]:
        return None  # (a list inside a list read with them hidden: hidden already)
    if kept is None or kept[0] is not state.src:
        src = state.src
        hidden = None
        if _HIDDEN_TILDE not in src and _TILDE_LINE.search(src) is not None:
            hidden = _TILDE_LINE.sub(lambda m: m.group(1) + _HIDDEN_TILDE, src)
        kept = (src, hidden)
        state.__dict__["_tildes_hidden"] = kept
    return kept[1]


def _colon_definitions(rule: Callable) -> Callable:
    """The definition-list rule with ``:`` as its marker alone, as goldmark's and kramdown's
    (the plugin also takes ``~``, so a line starting ``~ `` under a paragraph made its text a
    definition list, and one under a definition a definition of its own): while it reads a
    list, the ``~`` that start lines are hidden from it, so such a line goes on with the text
    above, as on the platforms."""

    def deflist(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        line = start + 1
        if line < end and state.isEmpty(line):
            line += 1
        if line >= end or state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]][:1] != ":":
            if silent:
                return rule(state, start, end, silent)
            last = _last_term(state, start, end)
            if last is None:
                return False
            current = state.md.block.ruler.__rules__[state.md.block.ruler.__find__("deflist")].fn
            return _terms(state, start, last, lambda: current(state, last, end, silent))  # (as wrapped)
        src = state.src
        masked = _masked(state) if not silent else None
        if masked is None:
            return rule(state, start, end, silent)
        before = len(state.tokens)
        state.src = masked
        try:
            found = rule(state, start, end, silent)
        finally:
            state.src = src
        for token in state.tokens[before:]:
            if token.type == "inline":
                token.content = token.content.replace(_HIDDEN_TILDE, "~")
        return found

    return deflist


def _last_term(state: StateBlock, start: int, end: int) -> int | None:
    """The last line of a paragraph opening at ``start`` when a definition's ``:`` line comes
    right after it (or after one empty line), and it has more lines than one: goldmark and
    kramdown make each line of it a term. None otherwise."""
    terminators = state.md.block.ruler.getRules("paragraph")
    line = start + 1
    while line < end and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        if state.src.startswith(":", state.bMarks[line] + state.tShift[line]):
            break
        if any(stops(state, line, end, True) for stops in terminators):
            return None
        line += 1
    marker = line + 1 if line < end and state.isEmpty(line) else line
    if line - start < 2 or marker >= end or state.sCount[marker] < state.blkIndent:
        return None
    text = state.src[state.bMarks[marker] + state.tShift[marker] : state.eMarks[marker]]
    return line - 1 if text[:1] == ":" and text[1:2] in (" ", "\t", "") else None


def _terms(state: StateBlock, start: int, last: int, read: Callable[[], bool]) -> bool:
    """``read()`` the definition list whose last term is on line ``last``, and put the lines
    from ``start`` before it in as terms of their own."""
    before, indent = len(state.tokens), state.sCount[last]
    state.sCount[last] = min(indent, state.blkIndent)  # (an indented term line is a term's text)
    try:
        if not read():
            return False
    finally:
        state.sCount[last] = indent
    listed = state.tokens[before]
    if listed.map is not None:
        listed.map[0] = start
    level, added = listed.level, []
    for line in range(start, last):
        text = state.getLines(line, line + 1, state.blkIndent, False).strip()
        added += [
            Token("dt_open", "dt", 1, map=[line, line], level=level + 1, block=True),
            Token("inline", "", 0, map=[line, line], level=level + 2, content=text, children=[], block=True),
            Token("dt_close", "dt", -1, level=level + 1, block=True),
        ]
    state.tokens[before + 1 : before + 1] = added
    return True


def _definition_text_not_code(rule: Callable) -> Callable:
    """The indented-code rule, except on a definition's first line: the text after ``:``,
    however far it is indented, is the definition's text on goldmark and kramdown
    (``:     text`` in kramdown's own examples), where the plugin made it a code block."""

    def code(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if state.parentType == "deflist":
            lead = state.src[state.bMarks[start] : state.bMarks[start] + state.tShift[start]]
            if lead.rstrip(" \t").endswith(":"):
                return False
        return rule(state, start, end, silent)

    return code


def _past_items(state: StateBlock, line: int) -> bool:
    """Whether ``line``, under a paragraph in a container read by its indent (a list item, a
    footnote) and indented less than it, is indented four columns or more from the innermost
    container around it that it is indented as far as: there it could only be indented code,
    which ends no paragraph."""
    count = state.sCount[line]
    if count >= state.blkIndent or count < 0:
        return False
    for indent in reversed(state.__dict__.get("_contexts", ())):
        if indent <= count:
            return count - indent >= 4
    return False


def _lazy_past_items(rule: Callable) -> Callable:
    """The paragraph rule, its lines past an item read as CommonMark reads them. markdown-it
    asks its rules whether such a line ends the paragraph at the item's indent, where it is
    not indented at all (``  2. b c`` over ``    > text``: a quote after the list, then read
    as code); CommonMark falls back to the container around the item, where it is indented
    four columns, so it goes on with the paragraph (cmark-gfm and goldmark: one paragraph
    ``b c > text``)."""
    guarded: list[list] = [[], []]  # the ruler's terminators, and the same guarded

    def paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if len(state.__dict__.get("_contexts", ())) < 2:
            return rule(state, start, end, silent)  # (in no container: nothing to fall back to)
        ruler = state.md.block.ruler
        plain = type(ruler).getRules(ruler, "paragraph")
        if guarded[0] is not plain:  # (a ruler changed since holds a new list)
            guarded[:] = [
                plain,
                [
                    lambda state, line, end, silent, stops=stops: (
                        not _past_items(state, line) and stops(state, line, end, silent)
                    )
                    for stops in plain
                ],
            ]
        terminators = guarded[1]
        own = type(ruler).getRules

        def rules(chain: str = "") -> list:
            return terminators if chain == "paragraph" else own(ruler, chain)

        with instance_patch(ruler, "getRules", rules):
            return rule(state, start, end, silent)

    return paragraph


def build(flavor: str, plain: bool = False, filter_tags: bool = False) -> MarkdownIt:
    """A markdown-it parser for ``flavor``; ``plain`` leaves out line numbers, ids and
    highlighting and ``filter_tags`` escapes GitHub's disallowed raw HTML (the spec examples
    are compared that way)."""
    profile = PROFILES[flavor]
    md = MarkdownIt(
        "commonmark",
        {"html": True, "xhtmlOut": False, "breaks": profile.breaks, "typographer": profile.typographer},
    )
    md.enable(["table", "strikethrough"])
    md.options["tasklists"] = True
    md.options["tasklists_editable"] = False
    md.options["alerts"] = profile.alerts
    md.options["strikethrough_single_tilde"] = profile.single_tilde
    if profile.autolinks:
        from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

        md.use(gfm_autolink_plugin)
        md.inline.ruler.at("gfm_autolink_protocol", platforms.protocol_autolink)
        if profile.autolinks == "protocol":
            md.disable(["gfm_autolink_www", "gfm_autolink_email"])
        md.core.ruler.push("autolink_leftovers", platforms.autolink_leftovers)
    if profile.footnotes:
        from mdit_py_plugins.footnote import footnote_plugin

        md.use(footnote_plugin, inline=False)
        md.add_render_rule("footnote_anchor_name", _footnote_name)
        md.add_render_rule("footnote_caption", _footnote_caption)
    if profile.deflists:
        from mdit_py_plugins.deflist import deflist_plugin

        md.use(deflist_plugin)
        platforms.wrap_rule(md.block.ruler, "deflist", _colon_definitions)
        platforms.wrap_rule(md.block.ruler, "code", _definition_text_not_code)
        md.core.ruler.push("definition_paragraphs", platforms.definition_paragraphs)
    if profile.math:
        from mdit_py_plugins.dollarmath import dollarmath_plugin

        # as remark-math: "$5 and $10" is no math, $$…$$ inside a line is inline math
        md.use(
            dollarmath_plugin,
            allow_blank_lines=False,
            double_inline=True,
            allow_labels=False,
            allow_digits=False,
        )
    if profile.typographer:
        md.enable("smartquotes")
        md.core.ruler.push("dashes", platforms.dashes)
    for plugin in profile.plugin_functions():
        md.use(plugin)
    if profile.lazy_past_items:
        platforms.wrap_rule(md.block.ruler, "paragraph", _lazy_past_items)
    md.add_render_rule("math_inline", _math(False))  # velog's and kramdown's math
    md.add_render_rule("math_inline_double", _math(False))
    md.add_render_rule("math_block", _math(True))
    md.add_render_rule("s_open", lambda *args: "<del>")
    md.add_render_rule("s_close", lambda *args: "</del>")
    if filter_tags:
        md.add_render_rule("html_block", tagfilter)
        md.add_render_rule("html_inline", tagfilter)
    if not plain:
        # links and images keep their sources as written: the image rules and the sanitizer
        # decide what may load, and a javascript: link becomes a link without a target
        # (markdown-it-py documents replacing these two per instance; its types call them methods)
        md.validateLink = lambda url: True  # type: ignore[method-assign]
        md.normalizeLink = lambda url: url  # type: ignore[method-assign]
        md.core.ruler.push("journal_annotate", _annotate)
        md.add_render_rule("fence", _fence)
        md.add_render_rule("code_block", _code_block)
        md.add_render_rule("html_block", _html_block)
        md.add_render_rule("html_inline", _html_inline)
    md.block.__class__ = _BlockParser
    md.block.ruler.__class__ = _BlockRuler
    md.inline.__class__ = _InlineParser
    return md


class _NoDebug:
    """A library module's logger whose ``debug`` drops its message unread (everything else
    goes to the real logger)."""

    def __init__(self, logger: logging.Logger):
        self._logger = logger

    def debug(self, *args: object, **kwargs: object) -> None:
        """Nothing: debug output was off when the parsers were first built."""

    def __getattr__(self, name: str) -> object:
        return getattr(self._logger, name)


def _quiet_rule_logs() -> None:
    """markdown-it's block rules log a debug line on every call, whether or not one is shown
    (265,000 calls for a 1 MB post, 2-4% of its render): with debug output off for a rule
    module when the first parser is built, that module's logger is one that drops ``debug``
    without a call into logging. Turn markdown-it's debug logging on before then to see it."""
    for name, module in list(sys.modules.items()):
        logger = getattr(module, "LOGGER", None) if name.startswith("markdown_it.") else None
        if isinstance(logger, logging.Logger) and not logger.isEnabledFor(logging.DEBUG):
            setattr(module, "LOGGER", _NoDebug(logger))


_local = threading.local()


def parser(flavor: str, plain: bool = False) -> MarkdownIt:
    """The thread's parser for ``flavor`` (built once per thread)."""
    cache = getattr(_local, "parsers", None)
    if cache is None:
        _quiet_rule_logs()  # once per thread; the modules already quiet are left as they are
        cache = _local.parsers = {}
    key = (flavor, plain)
    if key not in cache:
        cache[key] = build(flavor, plain)
    return cache[key]


def render_tokens(
    text: str, flavor: str, first_line: int = 1, plain: bool = False, raw_html: bool = True
) -> tuple[str, list[tuple[str, bool]]]:
    """``text`` as unsanitized HTML, and the TeX of its math (each a marker in the HTML);
    ``raw_html`` false shows the post's own HTML as hints, as a Hugo site that hides it does."""
    env: dict = {"first_line": first_line, "flavor": flavor, "raw_html": raw_html}
    fragment = parser(flavor, plain).render(text, env)
    return fragment, env.get("maths", [])


def _html_images(content: str, line: int) -> list[tuple[str, int]]:
    return [
        (found["dq"] or found["sq"] or found["bare"] or "", line + content.count("\n", 0, found.start()))
        for found in HTML_IMAGE.finditer(content)
    ]


def image_sources(text: str, flavor: str) -> list[tuple[str, int]]:
    """Every image ``text`` shows as ``flavor`` parses it, with its 0-based line: markdown images
    and ``<img>`` in raw HTML, not what only looks like one inside code."""
    found: list[tuple[str, int]] = []
    for token in parser(flavor).parse(text, {}):
        if token.map is None:
            continue
        if token.type == "html_block":
            found.extend(_html_images(token.content, token.map[0]))
        elif token.type == "inline":
            line = token.map[0]
            for child in token.children or []:
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "image":
                    found.append((str(child.attrGet("src") or ""), line))
                elif child.type == "html_inline":
                    found.extend(_html_images(child.content, line))
                    line += child.content.count("\n")
    return found
