"""Markdown text -> an HTML fragment: one renderer for the preview, the page export and the site.

Python-Markdown with pymdown-extensions, Pygments highlighting with CSS classes, heading ids that
keep Korean, and ``data-line`` on every top-level block (the file line it starts on) so a
preview can follow the editor. Images are resolved the velog way (``../images/x`` relative to
the post, ``/images/x`` against the backup root) through a caller-supplied function; a missing
image becomes a visible placeholder. Rendering is a pure function of its inputs.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import markdown
from markdown.extensions.toc import slugify_unicode

from .dates import local, zone_label
from .encoding import displayable
from .post import Post
from .sanitize import IMAGE_DATA, sanitize
from .scan import is_remote, locate_image

EXTENSIONS = [
    "tables", "footnotes", "attr_list", "def_list", "abbr", "sane_lists", "mdx_truly_sane_lists",
    "toc",
    "pymdownx.magiclink", "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.superfences",
    "pymdownx.highlight",
]
EXTENSION_CONFIGS = {
    "toc": {"slugify": slugify_unicode},
    # lists also nest at two spaces, as on velog and in CommonMark; loose lists stay one list
    "mdx_truly_sane_lists": {"nested_indent": 2, "truly_sane": False},
    "pymdownx.tilde": {"subscript": False},  # "3~4시간" must stay text
    "pymdownx.highlight": {"use_pygments": True, "css_class": "highlight", "guess_lang": False,
                           "pygments_lang_class": True},
}



@dataclass(frozen=True)
class NotShown:
    """An image resolver's answer for a file that is there but may not be shown, and why."""

    reason: str


ImageUrl = Callable[[str], "str | NotShown | None"]  # source -> URL, NotShown, or None (missing)

_MARK = "<!--jline:{}-->"
_MARKS = re.compile(r"(?:<!--jline:\d+-->\s*)*<!--jline:(\d+)-->\s*<([A-Za-z][\w-]*)")
_LEFTOVER = re.compile(r"<!--jline:\d+-->\n*")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_LIST_START = re.compile(r"^(?:[*+-]|\d+[.)])(?:[ \t]|$)")
_INTERRUPTING_LIST = re.compile(r"^(?:[*+-]|1\.)[ \t]+\S")  # may follow a paragraph line
_RULE_UNDER = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$")
_NOT_PARAGRAPH = re.compile(r"^(?:#|\||<|\[[^\]]*\]:|\*\[|:[ \t]|(?:[*_-][ \t]*){3,}$)")
_DEFINITION = re.compile(r"^(?:\[[^\]]+\]:|\*\[[^\]]+\]:|:[ \t])")
# an <img> tag read attribute by attribute (a "src=" inside another attribute's value, or a ">"
# inside one, cannot pass for the real source); nh3's output always has this shape
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_IMG_TAG = re.compile(rf"<img(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>", re.IGNORECASE)
_ONE_ATTRIBUTE = re.compile(r"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_local = threading.local()


def _converter() -> markdown.Markdown:
    """One Markdown instance per thread (instances are not thread-safe; building one is slow)."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS,
                                      output_format="html")
        _local.converter = converter
    return converter


def mark_block_lines(text: str, first_line: int = 1) -> str:
    """``text`` with a line marker before each top-level block that starts after a blank line.

    A marker is not put where it would split what markdown joins: between items of one list,
    between parts of one block quote, before reference, footnote or definition lines.

    A list that starts right under a paragraph line gets a blank line first: CommonMark (velog,
    Hugo, Jekyll's kramdown in GFM mode) lets a list interrupt a paragraph, Python-Markdown does
    not, and velog posts often write "빌드 과정\n- 다운로드".
    """
    out: list[str] = []
    fence = ""
    previous_blank = True
    previous_kind = ""
    paragraph = False  # the current block is a top-level paragraph
    in_html = False  # the current block is raw HTML
    for index, line in enumerate(text.split("\n")):
        if fence:
            out.append(line)
            closing = _FENCE.match(line.strip())
            if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) \
                    and not line.strip()[len(closing.group(1)):]:
                fence = ""
            previous_blank = False
            continue
        if not line.strip():
            out.append(line)
            previous_blank = True
            continue
        top_level = not line[:1].isspace()
        if top_level and not previous_blank and previous_kind == "list" and _RULE_UNDER.match(line):
            out.append("")  # a rule under a list item, not a heading made of it (as CommonMark)
        if top_level and not previous_blank and paragraph and _INTERRUPTING_LIST.match(line):
            out.extend(["", _MARK.format(first_line + index), ""])
            previous_kind, paragraph = "list", False
        elif top_level and previous_blank:
            kind = "list" if _LIST_START.match(line) else "quote" if line.startswith(">") else "other"
            joins = kind in ("list", "quote") and kind == previous_kind
            if not joins and not _DEFINITION.match(line):
                out.append(_MARK.format(first_line + index))
                out.append("")
            previous_kind = kind
            in_html = line.startswith("<")
            paragraph = kind == "other" and not _NOT_PARAGRAPH.match(line)
        elif top_level and previous_kind == "other" and not in_html:
            in_html = line.startswith("<")  # raw HTML (a comment, <pre>) holds until a blank line
            paragraph = not _NOT_PARAGRAPH.match(line)  # a text line after a heading starts one
        elif previous_blank:
            paragraph = False
        opening = _FENCE.match(line.lstrip(" ")) if len(line) - len(line.lstrip(" ")) < 4 else None
        if opening:
            fence = opening.group(1)
        out.append(line)
        previous_blank = False
    return "\n".join(out)


def _attach_lines(fragment: str) -> str:
    fragment = _MARKS.sub(lambda m: f'<{m.group(2)} data-line="{m.group(1)}"', fragment)
    return _LEFTOVER.sub("", fragment)


def missing_image(src: str, alt: str = "", reason: str = "Image not found", why: str = "") -> str:
    """The visible placeholder for an image whose file does not exist (or is not shown)."""
    label = html.escape(src) + (f" ({html.escape(why)})" if why else "")
    note = f" ({html.escape(alt)})" if alt else ""
    return (f'<span class="missing-image" title="{reason}: {label}">'
            f"{reason}: {label}{note}</span>")


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
        found.setdefault(item.group(1).lower(), (offset + item.start(), offset + item.end(),
                                                  html.unescape(value)))
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


def render_markdown(text: str, *, first_line: int = 1, image_url: ImageUrl | None = None) -> str:
    """Markdown text -> HTML fragment, blocks marked with their source line."""
    converter = _converter()
    converter.reset()
    fragment = _attach_lines(converter.convert(mark_block_lines(displayable(text), first_line)))
    # file:, javascript: and other image sources are never loaded: a placeholder says so
    fragment = sanitize(rewrite_images(fragment, shown_source, "Image not shown"))
    return rewrite_images(fragment, image_url) if image_url is not None else fragment


def render_post(post: Post, journal_root: str | Path | None = None, *,
                image_url: ImageUrl | None = None) -> str:
    """A post's body as an HTML fragment; images resolve against the post and the journal."""
    root = Path(journal_root) if journal_root is not None else None
    resolver = image_url or file_image_url(post.path, root)
    return render_markdown(post.body, first_line=post.body_start_line, image_url=resolver)


def readable_date(moment: datetime, lang: str) -> str:
    """A date for people, on this computer's clock (``2021년 3월 28일 20:58 (UTC+09:00)``)."""
    moment = local(moment)
    zone = zone_label(moment)
    if lang == "ko":
        return f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M} ({zone})"
    return f"{moment:%B} {moment.day}, {moment.year} {moment:%H:%M} ({zone})"


def render_header(title: str, date: datetime | None, tags: list[str], description: str = "",
                  lang: str = "en", tag_url: Callable[[str], str] | None = None) -> str:
    """The page header: title, date and tags, every value escaped."""
    parts = [f"<h1 class=\"post-title\">{html.escape(title)}</h1>"]
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
