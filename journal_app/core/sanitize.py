"""Rendered HTML made safe to show and to publish: no script in any form.

A post may come from someone else's backup, and raw HTML in markdown passes through the
markdown renderers untouched. Every rendered fragment (preview, page export, site) goes through
nh3 (the Rust ammonia sanitizer) with an allow-list: the tags and attributes markdown and our
extensions produce, plus the everyday raw HTML of blog posts (``<center>``, ``<p align>``,
``<img width>``, ``<details>``, colours and alignment in ``style``, pasted ``data:`` images).
Scripts, styles, event handlers, forms and ``javascript:``/``file:`` URLs are removed. An
``<iframe>``, ``<video>`` or ``<audio>`` (a YouTube embed, say) becomes a link to what it showed,
so nothing silently disappears; images with a source we will not load become placeholders in
the renderer. MathML made from a post's TeX is cleaned by its own, MathML-only allow-list
(:func:`sanitize_math`); raw ``<math>`` written in a post is still removed.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = set(nh3.ALLOWED_TAGS) | {"input", "tfoot", "section", "main"}
ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
for tag, names in {
    "*": {"class", "id", "title", "lang", "dir", "style", "align"},
    "a": {"name"},
    "ol": {"type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "img": {"title", "loading"},
    "input": {"checked"},
}.items():
    ATTRIBUTES.setdefault(tag, set()).update(names)
STYLE_PROPERTIES = {
    "text-align",
    "vertical-align",
    "color",
    "background-color",
    "font-weight",
    "font-style",
    "font-size",
    "text-decoration",
    "width",
    "max-width",
    "height",
    "max-height",
    "margin",
    "margin-left",
    "margin-right",
    "margin-top",
    "margin-bottom",
    "padding",
    "border",
    "border-radius",
    "white-space",
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}  # and relative; data: on images only
IMAGE_DATA = re.compile(r"data:image/(?:png|jpeg|gif|webp|avif|bmp);", re.IGNORECASE)
EMBEDS = {"iframe", "video", "audio"}  # shown as links to what they embedded


_URL_NOISE = re.compile(r"[\t\n\r]")  # what a browser removes from anywhere in a URL
_URL_EDGE = "".join(map(chr, range(0x21)))  # and from its ends (controls and the space)


def _keep_data_images_only(tag: str, attribute: str, value: str) -> str | None:
    url = _URL_NOISE.sub("", value).strip(_URL_EDGE)  # (as the browser will read it)
    if url[:5].lower() == "data:" and not (tag == "img" and attribute == "src" and IMAGE_DATA.match(url)):
        return None
    return value


def _cleaner(tags: set[str], attributes: dict[str, set[str]], *, data_urls: bool = True) -> nh3.Cleaner:
    """A cleaner with this module's rules for ``tags`` and their ``attributes``; without
    ``data_urls``, one for fragments where no attribute can hold a ``data:`` URL (it leaves out
    the filter that keeps those on images only: a call into Python for every attribute)."""
    return nh3.Cleaner(
        tags=tags,
        attributes=attributes,
        generic_attribute_prefixes={"data-"},
        # task-list boxes are the only inputs markdown makes: any other input becomes one too
        set_tag_attribute_values={"input": {"type": "checkbox", "disabled": ""}},
        url_schemes=URL_SCHEMES,
        attribute_filter=_keep_data_images_only if data_urls else None,
        filter_style_properties=STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags={"script", "style", "template", "noscript"},
    )


_CLEANER = _cleaner(TAGS, ATTRIBUTES)
_PLAIN_CLEANER = _cleaner(TAGS, ATTRIBUTES, data_urls=False)
# what an attribute value starting with "data:" needs in the fragment: those letters (tabs and
# line breaks between them are dropped by a browser), or a
# character reference other than the four markdown-it writes (which decode to & " < >)
_MAYBE_DATA = re.compile(r"d[\t\n\r]*a[\t\n\r]*t[\t\n\r]*a[\t\n\r]*:|&(?!(?:amp|quot|lt|gt);)", re.IGNORECASE)
# a first pass for fragments with embeds: the same rules plus the embeds' sources, so that the
# embeds come out in one normal form (comments gone, attributes quoted, every element closed)
_EMBED_CLEANER = _cleaner(
    TAGS | EMBEDS | {"source"}, {**ATTRIBUTES, **{tag: {"src"} for tag in EMBEDS | {"source"}}}
)
_HAS_EMBED = re.compile(r"<(?:iframe|video|audio)\b", re.IGNORECASE)
_EMBED = re.compile(r"<(iframe|video|audio)\b([^>]*)>(.*?)</\1>", re.DOTALL)
_SRC = re.compile(r'\ssrc="([^"]*)"')
_DATA_LINE = re.compile(r'\sdata-line="(\d+)"')
_KIND = {"iframe": "Embedded content", "video": "Video", "audio": "Audio"}


def embed_link(match: re.Match) -> str:
    """An embed as a visible link to what it showed (the preview never loads frames or media)."""
    kind, attributes, inner = match.groups()
    found = _SRC.search(attributes) or _SRC.search(inner)
    line = _DATA_LINE.search(attributes)
    marker = f' data-line="{line.group(1)}"' if line else ""
    if found is None:
        return f'<span class="embed"{marker}>{_KIND[kind]} (not shown)</span>'
    url = html.unescape(found.group(1))
    if url.startswith("//"):
        url = "https:" + url
    label = html.escape(url)
    return f'<span class="embed"{marker}><a href="{label}">{_KIND[kind]}: {label}</a></span>'


# the cleaner writes the two attributes it sets on an <input> in an order of its own hash map,
# which changes from one process to the next: put in one order (GitHub's), for the same bytes
_INPUT_SET_ATTRIBUTES = re.compile(r'(<input\b[^<>]*?) type="checkbox" disabled=""(?=\s*/?>)')


def sanitize(fragment: str) -> str:
    """``fragment`` without anything that could run or load on its own."""
    if _HAS_EMBED.search(fragment):
        fragment = _EMBED.sub(embed_link, _EMBED_CLEANER.clean(fragment))
    data_urls = _MAYBE_DATA.search(fragment) is not None or "data:" in fragment.lower()
    fragment = (_CLEANER if data_urls else _PLAIN_CLEANER).clean(fragment)
    if "<input" not in fragment:
        return fragment
    return _INPUT_SET_ATTRIBUTES.sub(r'\1 disabled="" type="checkbox"', fragment)


# MathML the renderer makes from TeX ($…$ on velog): cleaned by its own allow-list and put into
# the fragment after the fragment is cleaned, so raw <math> in a post is still removed
MATH_TAGS = {
    "math",
    "semantics",
    "annotation",
    "mrow",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mspace",
    "msup",
    "msub",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "merror",
}
MATH_ATTRIBUTES = {
    "math": {"display"},
    "annotation": {"encoding"},
    "mo": {
        "stretchy",
        "fence",
        "separator",
        "lspace",
        "rspace",
        "form",
        "largeop",
        "movablelimits",
        "minsize",
        "maxsize",
        "accent",
    },
    "mstyle": {"displaystyle", "scriptlevel", "mathvariant", "mathsize", "mathcolor"},
    "mi": {"mathvariant"},
    "mn": {"mathvariant"},
    "mtext": {"mathvariant"},
    "mfrac": {"linethickness"},
    "mspace": {"width"},
    "mpadded": {"width", "lspace"},
    "mtable": {"columnalign", "rowspacing", "columnspacing"},
    "mtd": {"columnalign"},
    "mover": {"accent"},
    "munder": {"accentunder"},
    "menclose": {"notation"},
}
_MATH_CLEANER = nh3.Cleaner(
    tags=MATH_TAGS,
    attributes=MATH_ATTRIBUTES,
    url_schemes=set(),
    strip_comments=True,
    clean_content_tags={"script", "style"},
    link_rel=None,
)


def sanitize_math(mathml: str) -> str:
    """MathML with nothing but MathML's presentation elements (no links, scripts or styles)."""
    return _MATH_CLEANER.clean(mathml)
