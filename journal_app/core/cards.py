"""The pieces of HTML the renderers write themselves: highlighted code, embed cards and the
placeholder of an image that is not shown."""

from __future__ import annotations

import html
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
    return (
        f'<div{attributes} class="language-{html.escape(language)} highlight"><pre><span></span>'
        f"<code>{body}</code></pre></div>\n"
    )


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
