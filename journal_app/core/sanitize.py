"""Rendered HTML made safe to show and to publish: no script in any form.

A post may come from someone else's backup, and raw HTML in markdown passes through
Python-Markdown untouched. Every rendered fragment (preview, page export, site) goes through
nh3 (the Rust ammonia sanitizer) with an allow-list: the tags and attributes markdown and our
extensions produce, plus the everyday raw HTML of blog posts (``<center>``, ``<p align>``,
``<img width>``, ``<details>``, colours and alignment in ``style``). Scripts, styles, event
handlers, forms, frames and ``javascript:``/``file:`` URLs are removed. An ``<iframe>`` (a
YouTube embed, say) becomes a link to what it showed, so nothing silently disappears.
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
    "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style",
    "font-size", "text-decoration", "width", "max-width", "height", "max-height", "margin",
    "margin-left", "margin-right", "margin-top", "margin-bottom", "padding", "border",
    "border-radius", "white-space",
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}  # and relative URLs; never javascript: or file:

_CLEANER = nh3.Cleaner(
    tags=TAGS, attributes=ATTRIBUTES, generic_attribute_prefixes={"data-"},
    # task-list boxes are the only inputs markdown makes: any other input becomes one too
    set_tag_attribute_values={"input": {"type": "checkbox", "disabled": ""}}, url_schemes=URL_SCHEMES,
    filter_style_properties=STYLE_PROPERTIES, link_rel=None, strip_comments=True,
    clean_content_tags={"script", "style", "template", "noscript"},
)
_IFRAME = re.compile(r"<iframe\b([^>]*)>.*?(?:</iframe\s*>|$)", re.IGNORECASE | re.DOTALL)
_DATA_LINE = re.compile(r'\sdata-line="(\d+)"')
_IFRAME_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


def embed_link(match: re.Match) -> str:
    """An ``<iframe>`` as a visible link to what it embedded (the preview never loads frames)."""
    found = _IFRAME_SRC.search(match.group(1))
    if found is None:
        return ""
    url = html.unescape(next(group for group in found.groups() if group is not None))
    if url.startswith("//"):
        url = "https:" + url
    label = html.escape(url)
    line = _DATA_LINE.search(match.group(1))
    marker = f' data-line="{line.group(1)}"' if line else ""
    return f'<div class="embed"{marker}><a href="{label}">Embedded content: {label}</a></div>'


def sanitize(fragment: str) -> str:
    """``fragment`` without anything that could run or load on its own."""
    return _CLEANER.clean(_IFRAME.sub(embed_link, fragment))
