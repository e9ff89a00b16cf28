"""The editor's view of a post: the whole file text (header and body) as one buffer.

The window shows the header in the editor (dimmed) and edits its fields through the form; both
meet here. ``apply_text`` brings a Post in line with the buffer without touching bytes that did
not change; ``field_edit`` computes the header lines a form edit replaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from .frontmatter import split_header
from .post import Post


def buffer_text(post: Post) -> str:
    """What the editor shows: header text and body, with "\\n" line endings."""
    return post.header_text + post.body


def header_lines(text: str) -> int:
    """How many lines of ``text`` the header takes (0 when there is none)."""
    header, _ = split_header(text)
    return header.text.count("\n") if header is not None else 0


def apply_text(post: Post, text: str) -> None:
    """Make ``post`` hold the buffer ``text``: the header only if its text changed, then the body.
    A buffer that begins with the post's header text, up to its closing line's end, splits
    there again: its header is not parsed again (after every pause in typing)."""
    kept = post.header_text
    delimited = post.header is not None and post.header.kind in ("yaml", "toml")
    if delimited and kept.endswith("\n") and text.startswith(kept):
        post.body = text[len(kept) :]
        return
    header, body = split_header(text)
    header_text = header.text if header is not None else ""
    if header_text != post.header_text:
        post.set_header_text(header_text)
    post.body = body


def field_edit(post: Post, text: str, name: str, value: object) -> tuple[int, str]:
    """Apply a form edit to ``post`` (synced from ``text`` first).

    Returns (number of header lines in ``text`` to replace, the new header text to put there).
    Raises HeaderError or FieldEditError like ``Post.set_field``.
    """
    apply_text(post, text)
    old_lines = header_lines(text)
    if name == "tags":
        post.set_tags(
            list(cast("Iterable[str]", value))
        )  # tags from keywords or categories stay where they are
    else:
        post.set_field(name, value)
    return old_lines, post.header_text
