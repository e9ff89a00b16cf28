"""The pieces of HTML the renderers write themselves: highlighted code, embed cards and the
placeholder of an image that is not shown."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache, lru_cache

_EMBED_LINKS = {
    "youtube": ("YouTube", "https://www.youtube.com/watch?v={}"),
    "twitter": ("Twitter", "https://twitter.com/{}"),
    "codesandbox": ("CodeSandbox", "https://codesandbox.io/s/{}"),
    "codepen": ("CodePen", "https://codepen.io/{}"),
    "vimeo": ("Vimeo", "https://vimeo.com/{}"),
}


# Pygments is imported when the first code block is highlighted, and each lexer when its
# language first shows up (a post without code loads none)


@cache
def _formatter():
    from pygments.formatters.html import HtmlFormatter

    return HtmlFormatter(nowrap=True)


@lru_cache(maxsize=64)
def _lexer(name: str):
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(name)
    except ClassNotFound:
        return None


def _highlighted(code: str, language: str) -> tuple[str, str]:
    """(the highlighted HTML of ``code``, the language it was highlighted as). Not remembered:
    a cache here would flatter the generated benchmark journal, which repeats its snippets in
    every post, while real journals seldom repeat a code block."""
    lexer = _lexer(language.lower()) if language else None
    if lexer is None:
        return html.escape(code, quote=False), "text"
    from pygments import highlight

    return highlight(code, lexer, _formatter()), language


def prepare_highlighting() -> None:
    """Import Pygments' highlighting and make its formatter now (see :func:`.render.prepare`)."""
    import pygments  # noqa: F401

    _formatter()


def highlighted_code(code: str, language: str, attributes: str = "") -> str:
    """A code block as the preview has always written it: Pygments classes in a
    ``language-x highlight`` div (``language-text`` when the language is unknown)."""
    body, language = _highlighted(code, language)
    return _code_div(attributes, language, f"<pre><span></span><code>{body}</code></pre>")


@dataclass(frozen=True)
class CodeLines:
    """Hugo's line options of a code block: ``numbers`` ``"table"`` (a column beside the code),
    ``"inline"`` (before each line) or ``""``; the first line's number; the ranges of lines
    marked (first, last; counted from 1)."""

    numbers: str = ""
    start: int = 1
    marked: tuple[tuple[int, int], ...] = ()

    def marks(self, count: int) -> list[bool]:
        """For each of ``count`` lines, whether it is marked (in time of lines plus ranges)."""
        starts = [0] * (count + 2)
        for first, last in self.marked:
            first, last = max(first, 1), min(last, count)
            if first <= last:
                starts[first] += 1
                starts[last + 1] -= 1
        marked, depth = [], 0
        for line in range(1, count + 1):
            depth += starts[line]
            marked.append(depth > 0)
        return marked


# (a key starts a word: searched from each character of a long one, it took quadratic time)
_OPTION = re.compile(
    r"""(?<![\w])(\w+)[ \t]*=[ \t]*"""
    r"""(\[[^\]]*\]|"[^"]*"|'[^']*'|[^\s,}]+(?:[ \t]+[0-9]+(?:-[0-9]+)?(?=\s|,|$))*)"""
)
_NUMBER = "[0-9]{1,9}"  # (a longer run of digits is no line number: int() refuses over 4,300)
_LINE_RANGE = re.compile(rf"(?<![0-9])({_NUMBER})(?:-({_NUMBER}))?(?![0-9])")
MAX_OPTIONS = 4096  # characters of options read
MAX_RANGES = 1000


def code_lines(options: str) -> CodeLines | None:
    """Hugo's ``linenos``, ``linenostart`` and ``hl_lines`` in a highlight's options
    (``linenos=table,hl_lines=4 7-9``) or a fence's attributes (``{linenos=inline
    hl_lines=[3,"6-8"]}``); None when there are none. ``linenos=true`` is a table, as on a
    Hugo site of default settings; ``hl_lines`` counts from the block's first line."""
    found = {key.lower(): value.strip("\"'") for key, value in _OPTION.findall(options[:MAX_OPTIONS])}
    if not found.keys() & {"linenos", "hl_lines", "linenostart"}:
        return None
    numbers = found.get("linenos", "").lower()
    numbers = "table" if numbers in ("table", "true") else "inline" if numbers == "inline" else ""
    start = found.get("linenostart", "")
    first = int(start) if re.fullmatch(_NUMBER, start) else 1
    ranges = _LINE_RANGE.findall(found.get("hl_lines", ""))[:MAX_RANGES]
    marked = tuple((int(low), int(high or low)) for low, high in ranges)
    return CodeLines(numbers, first, marked)


def _code_div(attributes: str, language: str, inner: str) -> str:
    return f'<div{attributes} class="language-{html.escape(language)} highlight">{inner}</div>\n'


def numbered_code(code: str, language: str, lines: CodeLines, attributes: str = "") -> str:
    """A code block with Hugo's line numbers (a column beside the code, or before each line)
    and its marked lines shown marked."""
    body, language = _highlighted(code, language)
    rows = body.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    shown = []
    for index, (row, marked) in enumerate(zip(rows, lines.marks(len(rows)), strict=True)):
        number = f'<span class="ln">{lines.start + index}</span>' if lines.numbers == "inline" else ""
        row = number + row
        shown.append(f'<span class="hl">{row}</span>' if marked else row)
    text = "\n".join(shown)
    code = f"<pre><span></span><code>{text}\n</code></pre>"
    if lines.numbers != "table":
        return _code_div(attributes, language, code)
    numbers = "\n".join(str(lines.start + index) for index in range(len(rows))) + "\n"
    column = f'<td class="lntd"><pre class="linenos"><code>{numbers}</code></pre></td>'
    cells = f'{column}<td class="lntd">{code}</td>'
    return _code_div(attributes, language, f'<table class="lntable"><tr>{cells}</tr></table>')


def embed_card(provider: str, ident: str) -> str:
    """A visible card for an embed: provider, id and a link (nothing is loaded)."""
    name, url = _EMBED_LINKS[provider]
    href = html.escape(url.format(ident.strip()))
    return (
        f'<span class="embed embed-card embed-{provider}"><a href="{href}">{name}: '
        f"{html.escape(ident)}</a></span>"
    )


def missing_image(src: str, alt: str = "", reason: str = "Image not found", why: str = "") -> str:
    """The visible placeholder for an image whose file does not exist (or is not shown)."""
    label = html.escape(src) + (f" ({html.escape(why)})" if why else "")
    note = f" ({html.escape(alt)})" if alt else ""
    return f'<span class="missing-image" title="{reason}: {label}">{reason}: {label}{note}</span>'
