"""Markdown lines to styled spans, for the editor's highlighter (no Qt here).

A line is read with the state the previous line left (inside a fence, the front matter, an HTML
block or a math block) and gives its spans and the state for the next line. Inline markup is
found by markdown-it-py's own inline parser, so the editor agrees with the preview on what is
bold (``**push**`` is strong, not emphasis, by CommonMark's delimiter rules); tokens carry no
columns, so the parser used here records where each token starts and ends as it pushes it.
Code in a fence is lexed by Pygments in the fence's language, line by line.

Offsets are Python string indexes (code points); the highlighter turns them into UTF-16 units.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeAlias

from types import ModuleType

from pygments.token import _TokenType

if TYPE_CHECKING:  # the lexers load with the first fence of code, the parser with inline markup
    from markdown_it.token import Token
    from pygments.lexer import Lexer

# A span: (start, end, kind). A kind is a format's name (highlighter.FORMATS) or a Pygments token type.
Kind: TypeAlias = "str | _TokenType"
Span = tuple[int, int, Kind]

# block states (the low four bits); -1 (Qt's "none yet") reads as NORMAL
NORMAL, FRONT_YAML, FRONT_TOML, FENCE, HTML_BLANK, HTML_END, MATH, LEAD = range(8)  # LEAD: blank lines
# that open the post (front matter may still follow them, as Hugo reads it)
_HTML_ENDS = ("</script>", "</pre>", "</style>", "</textarea>", "-->", "?>", ">", "]]>")
_MAX_LANGUAGES = 1 << 16
_languages: dict[str, int] = {"": 0}
_language_names: list[str] = [""]
_inline: ModuleType | None = None  # the inline parser's module, once imported (load_parser)

_FENCE = re.compile(r"^([ \t]*(?:> ?)*[ \t]*)(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)")
# where a platform reads headings otherwise (docs/FORMATS.md): velog's remark reads one after one
# to three spaces and a tab too (no code there); kramdown's "#" starts its line and has text after it
_HEADINGS = {
    "velog": re.compile(r"^(?: {0,3}| {1,3}\t)#{1,6}(?=[ \t]|$)"),
    "jekyll": re.compile(r"^#{1,6}(?=[ \t]+[^ \t])"),
}
RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # a thematic break
_QUOTE = re.compile(r" {0,3}> ?")
_LIST = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_TASK = re.compile(r"[ \t]+\[[ xX]\](?=[ \t]|$)")
_INLINE_MARK = re.compile(r"[*_~`\[<$\\]")
_MATH_FENCE = re.compile(r"^[ \t]*\$\$")
_HTML_START = [
    (re.compile(r"^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE), None),
    (re.compile(r"^ {0,3}<!--"), "-->"),
    (re.compile(r"^ {0,3}<\?"), "?>"),
    (re.compile(r"^ {0,3}<![A-Za-z]"), ">"),
    (re.compile(r"^ {0,3}<!\[CDATA\["), "]]>"),
]
_HTML_BLOCK_TAG = re.compile(
    r"^ {0,3}</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|"
    r"colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|"
    r"frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|"
    r"ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|"
    r"track|ul)(?:[ \t>]|/>|$)",
    re.IGNORECASE,
)


def kind_of(state: int) -> int:
    """The block kind a state stands for (NORMAL for Qt's -1)."""
    return NORMAL if state < 0 else state & 0xF


def fence_state(marker: str, language: str) -> int:
    """The state inside a fence opened by ``marker`` (```` ``` ```` or ``~~~``, any length)
    in ``language``."""
    number = _languages.get(language)
    if number is None:
        number = len(_language_names) if len(_language_names) < _MAX_LANGUAGES else 0
        if number:
            _languages[language] = number
            _language_names.append(language)
    return FENCE | (marker[0] == "~") << 4 | min(len(marker), 31) << 5 | number << 10


def fence_language(state: int) -> str:
    """The language of the fence a FENCE state is in ('' for none)."""
    return _language_names[state >> 10]


def _closes_fence(text: str, state: int) -> bool:
    match = _FENCE.match(text)
    if match is None or match.group(3).strip():
        return False
    marker = match.group(2)
    return (marker[0] == "~") == bool(state >> 4 & 1) and len(marker) >= (state >> 5 & 31)


def line_spans(
    text: str, state: int, first: bool = False, inline: bool = True, flavor: str = "commonmark"
) -> tuple[list[Span], int]:
    """The spans of one line, read in ``state`` (the previous line's), and the next state.
    ``first``: the post's first line (where front matter opens); ``inline``: find inline
    markup and lex code (off for a line too long to search on every keystroke, and for the
    next state alone); ``flavor``: the platform the preview renders for (its headings)."""
    kind = kind_of(state)
    if kind in (FRONT_YAML, FRONT_TOML):
        closer = "---" if kind == FRONT_YAML else "+++"
        return [(0, len(text), "front")], NORMAL if text.rstrip() in (closer, "...") else kind
    if first or kind == LEAD:
        if text.rstrip() in ("---", "+++"):
            return [(0, len(text), "front")], FRONT_YAML if text.startswith("-") else FRONT_TOML
        if not text.strip(" \t"):  # (as the header's lead: spaces and tabs only)
            return [], LEAD
    if kind == FENCE:
        if _closes_fence(text, state):
            return [(0, len(text), "fence")], NORMAL
        code = code_spans(text, fence_language(state)) if inline else []
        return [(0, len(text), "fence"), *code], state
    if kind == MATH:
        return [(0, len(text), "math")], NORMAL if "$$" in text else MATH
    if kind == HTML_BLANK:
        if not text.strip():
            return [], NORMAL
        return [(0, len(text), "html")], HTML_BLANK
    if kind == HTML_END:
        end = _HTML_ENDS[state >> 4]
        return [(0, len(text), "html")], NORMAL if end in text.lower() else state
    return _normal_line(text, inline, flavor)


def _normal_line(text: str, inline: bool, flavor: str = "commonmark") -> tuple[list[Span], int]:
    fence = _FENCE.match(text)
    if fence:
        words = fence.group(3).split()
        if fence.group(2)[0] == "~" or "`" not in fence.group(3):
            return [(0, len(text), "fence")], fence_state(fence.group(2), words[0].lower() if words else "")
    if _MATH_FENCE.match(text):
        closes = "$$" in text.lstrip()[2:]
        return [(0, len(text), "math")], NORMAL if closes else MATH
    for number, (pattern, end) in enumerate(_HTML_START):
        if pattern.match(text):
            ends = ("</script>", "</pre>", "</style>", "</textarea>") if end is None else (end,)
            done = any(marker in text.lower() for marker in ends)
            if end is None:  # which of the four tags
                number = next(
                    (
                        n
                        for n, tag in enumerate(("<script", "<pre", "<style", "<textarea"))
                        if tag in text.lower()
                    ),
                    0,
                )
            else:
                number += 3
            return [(0, len(text), "html")], NORMAL if done else HTML_END | number << 4
    if _HTML_BLOCK_TAG.match(text):
        return [(0, len(text), "html")], HTML_BLANK
    if RULE.match(text):
        return [(0, len(text), "markup")], NORMAL
    spans: list[Span] = []
    position = 0
    while True:  # containers: quotes and list items, nested in any order
        quote = _QUOTE.match(text, position)
        if quote:
            spans.append((0, len(text), "quote") if not spans else (position, len(text), "quote"))
            spans.append((quote.start(), quote.end(), "markup"))
            position = quote.end()
            continue
        item = _LIST.match(text, position)
        if item and (item.end() == len(text) or text[item.end()] in " \t"):
            spans.append((item.start(), item.end(), "list"))
            position = item.end()
            task = _TASK.match(text, position)
            if task:
                spans.append((task.start(), task.end(), "task"))
                position = task.end()
            continue
        break
    rest = text[position:]
    if position and flavor == "jekyll":  # (kramdown: the "#" starts the item's or quote's text)
        position += len(rest) - len(rest.lstrip(" \t"))
    heading = _HEADINGS.get(flavor, _HEADING).match(text[position:])
    if heading:
        spans.append((position, len(text), "heading"))
        spans.append((position, position + heading.end(), "markup"))
        position += heading.end()
    if inline:
        spans.extend(inline_spans(text, position))
    return spans, NORMAL


def parser_loaded() -> bool:
    """Whether the inline parser (markdown-it-py, ``inline_parser``) is imported yet."""
    return _inline is not None


def load_parser() -> ModuleType:
    """The inline parser's module, imported on first use (markdown-it-py takes some 60 ms of
    processor time to import: a launch shows the post first, ``highlighter.inline_later``)."""
    global _inline
    if _inline is None:
        from . import inline_parser

        _inline = inline_parser
    return _inline


def inline_spans(text: str, position: int = 0) -> list[Span]:
    """The spans of the inline markup in ``text[position:]``."""
    if _INLINE_MARK.search(text, position) is None:  # most prose: nothing the parser would mark
        return []
    return [(start + position, end + position, kind) for start, end, kind in _token_spans(text[position:])]


def _token_spans(source: str) -> Iterator[Span]:
    tokens = load_parser().parse_inline(source)
    opened: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        kind = token.type
        if kind.endswith("_open"):
            opened.setdefault(kind[:-5], []).append(index)
        elif kind.endswith("_close") and opened.get(kind[:-6]):
            yield from _pair_spans(kind[:-6], tokens, opened[kind[:-6]].pop(), index)
        elif kind == "code_inline":
            start, end = token.meta["start"], token.meta["end"]
            size = len(token.markup)
            yield (start, end, "code")
            yield (start, start + size, "markup")
            yield (end - size, end, "markup")
        elif kind.startswith("math_inline"):
            start, end = token.meta["start"], token.meta["end"]
            size = 2 if kind.endswith("double") else 1
            yield (start, end, "math")
            yield (start, start + size, "markup")
            yield (end - size, end, "markup")
        elif kind in ("image", "html_inline"):
            yield (token.meta["start"], token.meta["end"], "html" if kind == "html_inline" else kind)
        elif kind == "text_special" and token.info == "escape" and token.content != token.markup:
            yield (token.meta["start"], token.meta["start"] + 1, "markup")


def _pair_spans(kind: str, tokens: list[Token], opening: int, closing: int) -> Iterator[Span]:
    opener, closer = tokens[opening], tokens[closing]
    start, end = opener.meta["start"], closer.meta["start"]
    if kind in ("strong", "em", "s"):
        if kind == "strong":  # two markers: the opener's partner before it, the closer's after it
            start, end = tokens[opening - 1].meta["start"], tokens[closing + 1].meta["start"] + 1
        else:
            end += len(closer.markup)
        size = len(opener.markup)
        yield (start, end, {"strong": "strong", "em": "emphasis", "s": "strike"}[kind])
        yield (start, start + size, "markup")
        yield (end - size, end, "markup")
    elif kind == "link":
        outer = opener.meta["end"]
        if opener.markup in ("autolink", "linkify"):
            yield (opener.meta["start"], outer, "link")
            return
        yield (start - 1, outer, "link")
        yield (start - 1, start, "markup")
        yield (end, outer, "markup")


@functools.lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    if not language:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def code_spans(text: str, language: str) -> list[Span]:
    """Pygments' token spans for one line of code in ``language`` (none for an unknown one)."""
    lexer = _lexer(language)
    if lexer is None or not text:
        return []
    return [
        (index, index + len(value), kind)
        for index, kind, value in lexer.get_tokens_unprocessed(text)
        if value and kind.parent is not None
    ]
