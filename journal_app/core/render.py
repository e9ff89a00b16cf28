"""Markdown text -> an HTML fragment: one renderer for the preview, the page export and the site.

A post renders as its platform shows it (:data:`FLAVORS`): ``commonmark`` (GitHub's dialect),
``velog``, ``hugo`` and ``jekyll`` through the CommonMark engine (:mod:`.engine`),
``python-markdown`` (MkDocs, Pelican) through Python-Markdown (:mod:`.pymd`). Either way every
top-level block carries ``data-line`` (the file line it starts on) so a preview can follow the
editor, fences are highlighted with Pygments CSS classes and headings get ids that keep Korean.
Images are resolved the velog way (``../images/x`` relative to the post, ``/images/x`` against
the backup root) through a caller-supplied function; a missing image becomes a visible
placeholder. Every fragment is sanitized. Rendering is a pure function of its inputs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .collecting import collection_paused
from .cards import missing_image
from .dates import local, zone_label
from .encoding import displayable
from .flavor import FLAVORS, raw_html_shown, require_flavor
from .post import Post
from .sanitize import IMAGE_DATA, sanitize, sanitize_math
from .scan import is_remote, locate_image

__all__ = [
    "FLAVORS",
    "ImageUrl",
    "clean_fragment",
    "NotShown",
    "file_image_url",
    "missing_image",
    "prepare",
    "readable_date",
    "render_header",
    "render_markdown",
    "render_post",
    "rewrite_images",
    "shown_source",
]


@dataclass(frozen=True)
class NotShown:
    """An image resolver's answer for a file that is there but may not be shown, and why."""

    reason: str


ImageUrl = Callable[[str], "str | NotShown | None"]  # source -> URL, NotShown, or None (missing)

# an <img> tag read attribute by attribute (a "src=" inside another attribute's value, or a ">"
# inside one, cannot pass for the real source); nh3's output always has this shape
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_IMG_TAG = re.compile(rf"<img(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>", re.IGNORECASE)
_ONE_ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_MATH_MARK = re.compile(r'<span data-journal-math="(\d+)"></span>')


def shown_source(src: str) -> str | None:
    """``src`` when the renderer may show it (relative, http(s), a pasted ``data:`` image)."""
    if not is_remote(src) or src.startswith("//") or IMAGE_DATA.match(src):
        return src
    return src if src.split(":", 1)[0].lower() in ("http", "https") else None


def _attributes(tag: re.Match) -> dict[str, tuple[int, int, str]]:
    """name -> (start, end, unescaped value) of each attribute of an ``<img>`` tag (the first of
    a repeated name, as browsers read it)."""
    found: dict[str, tuple[int, int, str]] = {}
    offset = tag.start("attributes") - tag.start()
    for item in _ONE_ATTRIBUTE.finditer(tag.group("attributes")):
        value = next((group for group in item.groups()[1:] if group is not None), "")
        found.setdefault(
            item.group(1).lower(), (offset + item.start(), offset + item.end(), html.unescape(value))
        )
    return found


def rewrite_images(fragment: str, image_url: ImageUrl, reason: str = "Image not found") -> str:
    """Point every ``<img src>`` at ``image_url(src)``; None or NotShown turns the image into a
    placeholder."""

    def replace(match: re.Match) -> str:
        tag = match.group()
        attributes = _attributes(match)
        if "src" not in attributes:
            return tag
        start, end, src = attributes["src"]
        url = image_url(src)
        if url is None or isinstance(url, NotShown):
            alt = attributes.get("alt", (0, 0, ""))[2]
            if url is None:
                return missing_image(src, alt, reason)
            return missing_image(src, alt, "Image not shown", url.reason)
        if url == src:
            return tag
        return tag[:start] + f' src="{html.escape(url)}"' + tag[end:]

    return _IMG_TAG.sub(replace, fragment)


def file_image_url(post_path: Path | None, root: Path | None) -> ImageUrl:
    """An image resolver giving ``file://`` URLs of usable images inside the journal (remote
    kept as is; a file outside the journal, not regular or not an image is not shown)."""

    def resolve(src: str) -> str | NotShown | None:
        if is_remote(src):
            return src
        if post_path is None:
            return None  # a post not saved yet has no folder to look in
        found = locate_image(src, post_path, root)
        if found.refused:
            return NotShown(found.refused)
        return found.path.as_uri() if found.path is not None else None

    return resolve


def _put_math_back(fragment: str, maths: list[tuple[str, bool]]) -> str:
    def replace(match: re.Match) -> str:
        index = int(match.group(1))
        if index >= len(maths):
            return ""
        tex, display = maths[index]
        from .platforms import mathml

        return sanitize_math(mathml(tex, display))

    return _MATH_MARK.sub(replace, fragment)


def render_markdown(
    text: str,
    *,
    flavor: str = "commonmark",
    first_line: int = 1,
    image_url: ImageUrl | None = None,
    raw_html: bool | None = None,
) -> str:
    """Markdown text -> HTML fragment as ``flavor``'s platform renders it, each top-level block
    marked with its file line (``first_line`` is the file line of the text's first line).
    ``raw_html`` says whether the site shows the post's own HTML (None: the platform's default,
    which hides it on Hugo only; :func:`.flavor.raw_html_shown` reads a site's setting); hidden
    HTML is shown as a hint holding its source."""
    require_flavor(flavor)
    with collection_paused():  # (a megabyte post's tokens: a tenth of its render went to collections)
        return _render_markdown(text, flavor, first_line, image_url, raw_html)


def _render_markdown(
    text: str, flavor: str, first_line: int, image_url: ImageUrl | None, raw_html: bool | None
) -> str:
    text = displayable(text)
    maths: list[tuple[str, bool]]
    # each engine is imported when first used: a command renders with one of them only
    if flavor == "python-markdown":
        from .pymd import render_python_markdown

        fragment, maths = render_python_markdown(text, first_line), []
    else:
        from .engine import render_tokens

        shown = raw_html if raw_html is not None else raw_html_shown(None, flavor)  # the default
        fragment, maths = render_tokens(text, flavor, first_line, raw_html=shown)
    fragment = clean_fragment(fragment, maths)
    return rewrite_images(fragment, image_url) if image_url is not None else fragment


def prepare(flavor: str) -> None:
    """Import ``flavor``'s engine and build its parser now (before worker processes are forked,
    which then start rendering at once instead of each importing and building them)."""
    if require_flavor(flavor) == "python-markdown":
        from . import pymd  # noqa: F401  (its converter is made per render)
    else:
        from .engine import parser

        parser(flavor)
    from .cards import prepare_highlighting

    prepare_highlighting()


def clean_fragment(fragment: str, maths: list[tuple[str, bool]]) -> str:
    """The renderer's raw HTML sanitized, its math put back (before the images are resolved)."""
    # file:, javascript: and other image sources are never loaded: a placeholder says so
    fragment = sanitize(rewrite_images(fragment, shown_source, "Image not shown"))
    return _put_math_back(fragment, maths) if maths else fragment


def render_post(
    post: Post,
    journal_root: str | Path | None = None,
    *,
    image_url: ImageUrl | None = None,
    flavor: str = "commonmark",
) -> str:
    """A post's body as an HTML fragment; images resolve against the post and the journal,
    whose site settings say whether raw HTML shows (Hugo)."""
    root = Path(journal_root) if journal_root is not None else None
    resolver = image_url or file_image_url(post.path, root)
    return render_markdown(
        post.body,
        flavor=flavor,
        first_line=post.body_start_line,
        image_url=resolver,
        raw_html=raw_html_shown(root, flavor),
    )


def readable_date(moment: datetime, lang: str) -> str:
    """A date for people, on this computer's clock (``2021년 3월 28일 20:58 (UTC+09:00)``)."""
    moment = local(moment)
    zone = zone_label(moment)
    if lang == "ko":
        return f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M} ({zone})"
    return f"{moment:%B} {moment.day}, {moment.year} {moment:%H:%M} ({zone})"


def render_header(
    title: str,
    date: datetime | None,
    tags: list[str],
    description: str = "",
    lang: str = "en",
    tag_url: Callable[[str], str] | None = None,
) -> str:
    """The page header: title, date and tags, every value escaped."""
    parts = [f'<h1 class="post-title">{html.escape(title)}</h1>']
    meta = []
    if date is not None:
        meta.append(f'<time datetime="{date.isoformat()}">{html.escape(readable_date(date, lang))}</time>')
    if tags:
        items = []
        for tag in tags:
            label = html.escape(tag)
            if tag_url is not None:
                items.append(f'<a class="tag" href="{html.escape(tag_url(tag))}">#{label}</a>')
            else:
                items.append(f'<span class="tag">#{label}</span>')
        meta.append('<span class="tags">' + " ".join(items) + "</span>")
    if meta:
        parts.append('<p class="post-meta">' + " · ".join(meta) + "</p>")
    if description:
        parts.append(f'<p class="post-description">{html.escape(description)}</p>')
    return '<header class="post-header">' + "".join(parts) + "</header>"
