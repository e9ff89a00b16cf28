"""The headings of a post (for the outline), from markdown-it-py's block tokens, kept up to
date as the text changes without parsing the whole post again.

A top-level block start is a place where the block parser's state is empty: the text from there
on parses the same whether or not anything came before it. So :class:`HeadingIndex` keeps the
top-level block starts (the tokens' line maps at level 0) and the headings of its last parse,
and after an edit parses again from the block before the first changed line only until the new
parse starts a block where an old one started in the unchanged text after the edit (the old
blocks and headings from there are kept, moved by the lines the edit added or removed). The
parse goes in windows of lines, the last block of a window is left for the next one (a window
may cut it), and ``work`` stops after a given time, so a large post's first parse can be spread
over many short turns of the event loop. The front matter's lines are blank to the parser;
headings in fences, HTML blocks, and quotes are not the post's headings.
"""

from __future__ import annotations

import functools
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .frontmatter import split_header

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

WINDOW = 200  # lines parsed at a time (doubled while a window holds one block only)
AFTER_EDIT = 40  # lines past an edit parsed at first: where the old blocks usually resume


@functools.cache
def _blocks() -> MarkdownIt:
    """CommonMark's blocks only: a block's kind never waits on a far line (an unclosed fence
    runs to the end); dollar math would (an unclosed $$ is text), so its # lines count as
    headings. Made at the first parse, not at import: the window imports the outline before
    its first paint, and markdown-it-py takes 30 ms to import."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).disable("inline")


@functools.cache
def _inline() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


@dataclass(frozen=True)
class Heading:
    """A heading: its 0-based line in the post (the editor's block number), level and text."""

    line: int
    level: int
    text: str


def heading_text(source: str) -> str:
    """A heading's text without its markup (``**`` and the like), as the outline shows it."""
    words = []
    for token in _inline().parseInline(source.strip()):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    return "".join(words).strip() or source.strip()


def header_lines(text: str) -> int:
    """How many lines the front matter takes (0 without one)."""
    header, body = split_header(text)
    return text[: len(text) - len(body)].count("\n") if header is not None else 0


def same_lines(old: str, new: str) -> tuple[int, int]:
    """How many whole lines ``old`` and ``new`` share at their start and at their end."""
    limit, step = min(len(old), len(new)), 4096
    prefix = 0
    while prefix < limit and old[prefix : prefix + step] == new[prefix : prefix + step]:
        prefix += step  # a block at a time (each comparison runs in C), then a character
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    prefix = min(prefix, limit)
    suffix, room = 0, limit - prefix
    while (
        suffix + step <= room
        and old[len(old) - suffix - step : len(old) - suffix]
        == new[len(new) - suffix - step : len(new) - suffix]
    ):
        suffix += step
    while suffix < room and old[len(old) - suffix - 1] == new[len(new) - suffix - 1]:
        suffix += 1
    return old.count("\n", 0, prefix), old.count("\n", len(old) - suffix)


@dataclass
class _Resume:
    """What the old parse says of the unchanged text after an edit, in the new line numbers."""

    after: int  # the first line past the edit
    starts: list[int]
    headings: list[Heading]
    parsed: int  # how far the old parse had come


class HeadingIndex:
    """The headings of a text, kept up to date by ``set_text`` and ``work``."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]
        self._text = ""
        self._header = 0
        self.starts: list[int] = []
        self.headings: list[Heading] = []
        self.parsed = 0  # lines before this are parsed (a block start, or the end)
        self._resume: _Resume | None = None

    @property
    def done(self) -> bool:
        """True when the headings are those of the whole text."""
        return self.parsed >= len(self.lines)

    def set_text(self, text: str) -> None:
        """Take the new text; the parse starts again just before the first changed line."""
        old_text, old = self._text, self.lines
        if text == old_text:
            return
        new = text.split("\n")
        blank = header_lines(text)
        new[:blank] = [""] * blank  # the front matter is no markdown
        same, tail = same_lines(old_text, text)  # whole lines shared at the start and the end
        if blank != self._header:
            same = 0  # lines below may have come into the front matter or out of it
        tail = min(tail, min(len(old), len(new)) - same)
        shift = len(new) - len(old)
        block = bisect_right(self.starts, same) - 1
        restart = min(self.starts[block - 1] if block >= 1 else 0, self.parsed)
        # (an edit not caught up with yet: what its old parse promised is dropped, the parse
        # goes on from where it is to the end)
        old_after, parsed = len(old) - tail, self.parsed
        starts = self.starts[bisect_left(self.starts, old_after) : bisect_left(self.starts, parsed)]
        kept = [heading for heading in self.headings if old_after <= heading.line < parsed]
        if shift:
            starts = [line + shift for line in starts]
            kept = [Heading(heading.line + shift, heading.level, heading.text) for heading in kept]
        resume = _Resume(old_after + shift, starts, kept, parsed + shift if parsed > old_after else 0)
        self._resume = resume if resume.starts and resume.parsed else None
        self._text, self.lines, self._header = text, new, blank
        self.starts = self.starts[: bisect_left(self.starts, restart)]
        self.headings = self.headings[: bisect_left(self.headings, restart, key=lambda h: h.line)]
        self.parsed = restart

    def work(self, seconds: float | None = None) -> bool:
        """Parse on for about ``seconds`` (all of it: None); True when done."""
        deadline = None if seconds is None else time.perf_counter() + seconds
        while not self.done:
            self._step()
            if deadline is not None and time.perf_counter() > deadline:
                break
        return self.done

    def _step(self) -> None:
        lines, start = self.lines, self.parsed
        size = WINDOW
        if self._resume is not None and start < self._resume.after:
            size = self._resume.after - start + AFTER_EDIT
        while True:
            end = min(len(lines), start + size)
            tokens = _blocks().parse("\n".join(lines[start:end]))
            top = [(index, start + t.map[0]) for index, t in enumerate(tokens) if t.level == 0 and t.map]
            starts = sorted({line for _, line in top})
            limit = len(lines) if end == len(lines) else (starts[-1] if starts else start)
            if limit > start:
                break
            size *= 2  # one block fills the window: a wider one
        resume = self._resume
        if resume is not None:
            for line in starts:
                at = bisect_left(resume.starts, line)
                if resume.after <= line < limit and at < len(resume.starts) and resume.starts[at] == line:
                    limit = line  # from here the old parse stands
                    break
            else:
                resume = None
        self.starts.extend(line for line in starts if line < limit)
        for index, line in top:
            token = tokens[index]
            if token.type == "heading_open" and line < limit:
                text = heading_text(tokens[index + 1].content)
                self.headings.append(Heading(line, int(token.tag[1:]), text))
        self.parsed = limit
        if resume is not None:
            at = bisect_left(resume.starts, limit)
            self.starts.extend(resume.starts[at:])
            self.headings.extend(heading for heading in resume.headings if heading.line >= limit)
            self.parsed = resume.parsed
            self._resume = None
        elif self._resume is not None and limit >= self._resume.parsed:
            self._resume = None  # past what the old parse had come to

    def section_at(self, line: int) -> int:
        """The place in ``headings`` of the heading of the section holding ``line`` (the last
        one at or above it); -1 above the first heading."""
        return bisect_right(self.headings, line, key=lambda heading: heading.line) - 1


def headings_of(text: str) -> list[Heading]:
    """Every heading of ``text`` (a whole parse)."""
    index = HeadingIndex()
    index.set_text(text)
    index.work()
    return index.headings
