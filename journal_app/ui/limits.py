"""What the window will not show, edit or render as it does other posts, and the plain words
that say so: a header too large to lay out, a line too long to render while typing, a post
the editor could not hold unchanged (opened read-only).

Qt lays out a line, and Python-Markdown renders one, in time that grows faster than its length;
these limits keep opening and typing quick whatever a file holds.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..core import Post
from ..core.problems import ProblemKind

# characters in one line (data: images aside): Python-Markdown takes time that grows with the
# square of a line (36 s for a megabyte of prose), on a thread that slows typing meanwhile
PREVIEW_LINE_LIMIT = 100_000
LIVE_PREVIEW_LIMIT = 2_000_000  # characters; bigger posts are not rendered on every keystroke
_LONG_LINE = re.compile(r"^[^\n]{%d,}" % PREVIEW_LINE_LIMIT, re.MULTILINE)
_DATA_URI = re.compile(r"data:[\w.+/-]*;base64,[A-Za-z0-9+/=]*")
translate = QCoreApplication.translate


def header_too_large(header_text: str) -> str:
    """The message for a header too large to show."""
    size = len(header_text.encode("utf-8", "surrogateescape")) / 1024 / 1024
    return translate(
        "Limits",
        "The header is {size} MB, too large to show or edit here; it is kept exactly "
        "as it is. The text below can be edited.",
    ).format(size=f"{size:.1f}")


def too_long_line(body: str) -> tuple[int, int] | None:
    """(0-based line number, length) of the first line of ``body`` too long to render while
    typing, not counting the data of ``data:`` images; None when there is none."""
    half = PREVIEW_LINE_LIMIT // 2
    # such a line holds a whole stretch [k * half, (k + 1) * half): a line break in each of
    # them, and there is none (a few finds, not a walk over a megabyte's 50,000 lines)
    if all(body.find("\n", start, start + half) >= 0 for start in range(0, len(body) - half + 1, half)):
        return None
    for found in _LONG_LINE.finditer(body):
        line = found.group()
        if len(_DATA_URI.sub("", line)) >= PREVIEW_LINE_LIMIT:
            return body.count("\n", 0, found.start()), len(line)
    return None


def too_long_message(line: int, length: int) -> str:
    """The preview's note for a line too long to render while typing (``line`` is 1-based)."""
    return translate(
        "Limits",
        '<p class="missing-image">Line {line} is {length} characters long: too long to '
        "preview while you type. Export the post (Ctrl+E) to see it.</p>",
    ).format(line=f"{line:,}", length=f"{length:,}")


def preview_note(body: str, first_line: int) -> str | None:
    """The preview's note instead of a render while typing, for a body too large or with a
    line too long (``first_line``: the body's 1-based line in the file); None to render."""
    if len(body) > LIVE_PREVIEW_LIMIT:
        size = len(body.encode("utf-8", "surrogateescape")) / 1024 / 1024
        return translate(
            "Limits",
            '<p class="missing-image">This post is {size} MB: too large to preview '
            "while you type. Export it (Ctrl+E) to see it.</p>",
        ).format(size=f"{size:.1f}")
    long_line = too_long_line(body)
    if long_line is not None:
        return too_long_message(first_line + long_line[0], long_line[1])
    return None


def read_only_reason(post: Post, text: str) -> str | None:
    """Why a post must not be edited here (bytes or characters the editor could not hold), or
    None. ``text`` is what the editor would show."""
    if post.has_problem(ProblemKind.NUL_BYTES):
        return translate("Limits", "Read-only: this looks like a binary file, not a post.")
    if post.has_problem(ProblemKind.UNDECODABLE):
        return translate(
            "Limits", "Read-only: the file has bytes that are not text; editing it here could lose them."
        )
    return None


def changed_by_editor(text: str, shown: str) -> str | None:
    """Why a post opens read-only when the editor does not hold ``text`` exactly as given
    (``shown`` is what it holds): Qt turns a paragraph separator (U+2029) and its own frame
    marks (U+FDD0, U+FDD1) into line breaks, so a save without an edit would change the file."""
    if shown == text:
        return None
    at = next((index for index, (a, b) in enumerate(zip(text, shown)) if a != b), min(len(text), len(shown)))
    character = f"U+{ord(text[at]):04X}" if at < len(text) else translate("Limits", "the end of the text")
    return translate(
        "Limits",
        "Read-only: the text holds a character ({character}) the editor would change; "
        "editing it here would change the file.",
    ).format(character=character)
