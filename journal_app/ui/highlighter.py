"""Markdown syntax highlighting for the editor, block by block.

The spans of a line come from :mod:`.syntax` (markdown-it-py's inline parser, Pygments for
code in fences); each line's state (inside a fence and its language, the front matter, an HTML
block, a math block) is the block state Qt carries to the next line, so an edit re-highlights
only its own line and those whose state it changed. Markup characters (``**``, ``[``, the
backticks) are dimmed and take no weight or slant; the text between them is bold, italic, struck
or code. Offsets are counted in UTF-16 units, as Qt counts them: an emoji is two.

A line longer than ``LONG_LINE`` characters (a pasted ``data:`` image, minified HTML) gets no
inline highlighting: it would be searched on every keystroke in it.
"""

from __future__ import annotations

import bisect
import functools
import re
import time
from collections.abc import Callable

from pygments.token import _TokenType
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .syntax import Kind, Span, line_spans, load_parser

LONG_LINE = 5_000  # characters; longer lines get no inline highlighting (parsing one takes 50 ms)
CODE_STYLE = "default"  # the Pygments style of code in fences
PENDING = 1 << 30  # in a block state: the line's formats wait until it is shown
MISSPELLED = "#e03131"  # the wavy underline of a word the spell check does not know


def _format(
    color: str | None = None,
    *,
    bold: bool | None = None,
    italic: bool | None = None,
    strike: bool | None = None,
    background: str | None = None,
) -> QTextCharFormat:
    """A format setting only what it names (formats of nested spans merge)."""
    fmt = QTextCharFormat()
    if color:
        fmt.setForeground(QColor(color))
    if bold is not None:
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    if italic is not None:
        fmt.setFontItalic(italic)
    if strike is not None:
        fmt.setFontStrikeOut(strike)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


MONOSPACE = ["D2Coding", "Noto Sans Mono CJK KR", "NanumGothicCoding", "monospace", "Noto Color Emoji"]

LIGHT_COLORS: dict[str, tuple[str | None, str | None]] = {  # kind: (text, background)
    "heading": ("#1c7ed6", None),
    "strike": ("#868e96", None),
    "code": ("#c2255c", "#f1f3f5"),
    "link": ("#0b7285", None),
    "image": ("#862e9c", None),
    "list": ("#e8590c", None),
    "task": ("#d9480f", None),
    "quote": ("#5c940d", None),
    "fence": ("#495057", "#f1f3f5"),
    "front": ("#a0a8b0", None),
    "html": ("#8f96a0", None),
    "math": ("#6741d9", None),
    "markup": ("#adb5bd", None),
}
DARK_COLORS: dict[str, tuple[str | None, str | None]] = {
    "heading": ("#74c0fc", None),
    "strike": ("#909296", None),
    "code": ("#faa2c1", "#25262b"),
    "link": ("#66d9e8", None),
    "image": ("#e599f7", None),
    "list": ("#ffa94d", None),
    "task": ("#ff922b", None),
    "quote": ("#a9e34b", None),
    "fence": ("#ced4da", "#25262b"),
    "front": ("#7d8590", None),
    "html": ("#8b949e", None),
    "math": ("#b197fc", None),
    "markup": ("#6e7681", None),
}
CODE_STYLES = {"light": "default", "dark": "github-dark"}  # Pygments, as in exported pages
_WEIGHTS: dict[str, dict[str, bool]] = {  # kind: what it sets besides its colours
    "heading": {"bold": True},
    "strong": {"bold": True},
    "emphasis": {"italic": True},
    "strike": {"strike": True},
    "image": {"bold": False, "italic": False, "strike": False},
    "quote": {"italic": True},
    "html": {"bold": False, "italic": False, "strike": False},
    "markup": {"bold": False, "italic": False, "strike": False},
}


def _formats(colors: dict[str, tuple[str | None, str | None]]) -> dict[str, QTextCharFormat]:
    formats = {}
    for kind in dict.fromkeys([*_WEIGHTS, *colors]):
        text, background = colors.get(kind, (None, None))
        formats[kind] = _format(text, background=background, **_WEIGHTS.get(kind, {}))
    # code and TeX in a monospace font (one with Hangul first; a Korean text font draws the
    # backslash of \frac as a won sign, ₩)
    for kind in ("code", "fence", "math"):
        formats[kind].setFontFamilies(MONOSPACE)
    return formats


FORMATS = _formats(LIGHT_COLORS)  # the colours in use now (``use_colors`` switches them)


def use_colors(scheme: str) -> None:
    """Highlight in ``scheme``'s colours ("light" or "dark") from now on (every editor of this
    process: a highlighter's ``rehighlight`` then shows them)."""
    global CODE_STYLE
    FORMATS.update(_formats(DARK_COLORS if scheme == "dark" else LIGHT_COLORS))
    CODE_STYLE = CODE_STYLES["dark" if scheme == "dark" else "light"]
    code_format.cache_clear()


@functools.lru_cache(maxsize=512)
def code_format(kind: _TokenType) -> QTextCharFormat:
    """The format of a Pygments token type, from ``CODE_STYLE``."""
    from pygments.styles import get_style_by_name  # (with the first fence of code)

    style = get_style_by_name(CODE_STYLE).style_for_token(kind)
    return _format(
        f"#{style['color']}" if style["color"] else None,
        bold=True if style["bold"] else None,
        italic=True if style["italic"] else None,
    )


def format_of(kind: Kind) -> QTextCharFormat:
    """The format of a span's kind."""
    return FORMATS[kind] if isinstance(kind, str) else code_format(kind)


class _Parser(QObject):
    """Tells the highlighters whose lines wait for the inline parser that it is there."""

    arrived = Signal()


_later = False  # lines wait for the inline parser rather than import it (inline_later)
_parser = _Parser()


def inline_later() -> None:
    """Until ``inline_now``, show lines with their line formats alone (headings, lists, quotes,
    fences, the front matter), without inline markup, code or spell check: a launch paints the
    post without waiting for markdown-it-py to be imported."""
    global _later
    _later = True


def inline_now() -> None:
    """Import the inline parser and highlight in full the lines that waited for it (once: a
    second call does nothing)."""
    global _later
    if not _later:
        return
    _later = False
    load_parser()
    _parser.arrived.emit()


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_offsets(text: str) -> Callable[[int], int] | None:
    """The offset in UTF-16 units of a code point offset; None when they are the same (no
    character beyond the Basic Multilingual Plane). Only the offsets asked for are worked out:
    a megabyte line with one emoji took 0.19 s a keystroke as a list of every offset."""
    astral = [found.start() for found in _ASTRAL.finditer(text)]
    if not astral:
        return None
    return lambda at: at + bisect.bisect_left(astral, at)


def layered(spans: list[Span]) -> list[tuple[int, int, QTextCharFormat]]:
    """Non-overlapping ranges with the merged format of the spans covering each: outer spans
    first, inner ones over them, markup over all."""
    spans = sorted(
        (span for span in spans if span[1] > span[0]), key=lambda s: (s[2] == "markup", s[0] - s[1])
    )
    if not spans:
        return []
    cuts = sorted({edge for start, end, _ in spans for edge in (start, end)})
    where = {cut: index for index, cut in enumerate(cuts)}
    covering: list[list[Kind]] = [[] for _ in cuts]
    for start, end, kind in spans:  # outer first: each segment's list is in layering order
        for index in range(where[start], where[end]):
            covering[index].append(kind)
    ranges = []
    for index, kinds in enumerate(covering):
        if kinds:
            fmt = QTextCharFormat(format_of(kinds[0]))
            for kind in kinds[1:]:
                fmt.merge(format_of(kind))
            ranges.append((cuts[index], cuts[index + 1], fmt))
    return ranges


def underlined(
    ranges: list[tuple[int, int, QTextCharFormat]], wrong: list[tuple[int, int]]
) -> list[tuple[int, int, QTextCharFormat]]:
    """``ranges`` (from ``layered``) with the misspelled ranges ``wrong`` underlined over
    them: each piece a range or a misspelled word's part is set once (the word's characters
    one by one took a long line's keystroke 10 ms)."""
    if not wrong:
        return ranges
    cuts = sorted({edge for start, end, _ in ranges for edge in (start, end)} | {e for w in wrong for e in w})
    wrong = sorted(wrong)
    pieces: list[tuple[int, int, QTextCharFormat]] = []
    made: dict[int, QTextCharFormat] = {}
    index = seen = 0
    reach = -1  # the furthest end of the misspelled ranges begun by ``start``
    for start, end in zip(cuts, cuts[1:]):
        while index < len(ranges) and ranges[index][1] <= start:
            index += 1
        while seen < len(wrong) and wrong[seen][0] <= start:
            reach = max(reach, wrong[seen][1])
            seen += 1
        inside = index < len(ranges) and ranges[index][0] <= start
        fmt = ranges[index][2] if inside else None
        if start < reach:
            key = index if inside else -1  # one underlined format per format underneath
            if key not in made:
                made[key] = QTextCharFormat(fmt) if fmt is not None else QTextCharFormat()
                made[key].setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
                made[key].setUnderlineColor(QColor(MISSPELLED))
            fmt = made[key]
        if fmt is not None:
            pieces.append((start, end, fmt))
    return pieces


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights markdown line by line, carrying fence, front matter, HTML and math state.

    With a shown range (``show_lines``), lines outside it get only their state, marked
    ``PENDING``, and are highlighted when they come into view (``highlight_pending``): a large
    post opens without the whole of it being parsed first."""

    def __init__(self, parent: QTextDocument) -> None:
        super().__init__(parent)
        self._shown: tuple[int, int] | None = None
        self._view: tuple[int, int] | None = None  # the lines in view, as highlight_pending last heard
        self._deadline: float | None = None  # after it, lines out of view stay pending (_highlight)
        # the misspelled ranges of a line given its spans (spell check), code points
        self.misspelled: Callable[[str, list[Span]], list[tuple[int, int]]] | None = None
        self._marking = 0  # the next line ``redo`` marks to be highlighted again when shown
        self._marker = QTimer(self, interval=0)
        self._marker.timeout.connect(self._mark_some)
        self._catching_up = QTimer(self, interval=0)  # the shown range's lines out of view
        self._catching_up.timeout.connect(self._highlight_some)
        self._waiting = False  # lines wait for the inline parser (inline_later)
        self.flavor = "commonmark"  # the platform the preview renders for: where headings are

    def set_flavor(self, flavor: str) -> None:
        """Highlight as ``flavor``'s platform reads the text (the preview's flavor changed)."""
        if flavor != self.flavor:
            self.flavor = flavor
            self.redo()

    def redo(self) -> None:
        """Highlight the shown lines again now and the others when they are shown (after the
        spell check was turned on or off, or learned a word). The others are marked a slice
        at a time between events: a megabyte post has 50,000 lines, and marking them all at
        once held the window for two seconds."""
        document = self.document()
        if document is None:
            return
        first, last = self._shown if self._shown is not None else (0, document.blockCount())
        view = self._view if self._shown is not None and self._view is not None else (first, last)
        block = document.findBlockByNumber(first)
        while block.isValid() and block.blockNumber() <= last:
            if block.length() > LONG_LINE:  # a longer line is never spell checked
                pass
            elif view[0] <= block.blockNumber() <= view[1]:
                self.rehighlightBlock(block)
            elif block.userState() >= 0:  # out of view: a slice at a time, below
                block.setUserState(block.userState() | PENDING)
            block = block.next()
        self._highlight_some()
        self._marking = 0
        self._mark_some()
        if self._marking < document.blockCount():
            self._marker.start()

    def _mark_some(self) -> None:
        """Mark lines outside the shown range for highlighting when shown, for about 8 ms."""
        document = self.document()
        if document is None:
            self._marker.stop()
            return
        first, last = self._shown if self._shown is not None else (0, document.blockCount())
        deadline = time.perf_counter() + 0.008
        number = self._marking
        block = document.findBlockByNumber(number)
        while block.isValid():
            if not first <= number <= last and block.userState() >= 0:
                block.setUserState(block.userState() | PENDING)
            block, number = block.next(), number + 1
            if number % 512 == 0 and time.perf_counter() > deadline:
                break
        self._marking = number
        if not block.isValid():
            self._marker.stop()

    def show_lines(self, first: int, last: int) -> None:
        """Highlight fully only lines ``first`` to ``last`` (0-based) from now on."""
        self._shown = (first, last)

    def highlight_pending(self, view: tuple[int, int] | None = None) -> None:
        """Highlight the lines of the shown range that were passed over: those of ``view``
        (first and last line in view) now, the others a slice at a time between events (a
        jump to the end of a post shows some 200 new lines, and spell checking them all at
        once held the window for a few hundred milliseconds)."""
        if view is None:
            self._catching_up.stop()
            self._highlight(*(self._shown or (0, -1)))
            return
        self._view = view
        self._highlight(view[0], view[1], deadline=0.0)  # (the lines after them wait)
        self._highlight_some()

    def _highlight_some(self) -> None:
        """Highlight pending lines of the shown range for about 8 ms."""
        if self._highlight(*(self._shown or (0, -1)), deadline=time.perf_counter() + 0.008):
            self._catching_up.stop()
        else:
            self._catching_up.start()

    def _highlight(self, first: int, last: int, deadline: float | None = None) -> bool:
        """Highlight lines ``first`` to ``last`` that are pending; False when ``deadline``
        (``time.perf_counter()``) came first."""
        document = self.document()
        if document is None or self._waiting:  # (all of them once the parser is there)
            return True
        self._deadline = deadline
        try:
            block = document.findBlockByNumber(first)
            while block.isValid() and block.blockNumber() <= last:
                if block.userState() >= 0 and block.userState() & PENDING:
                    if self._held_back(block.blockNumber()):
                        return False
                    self.rehighlightBlock(block)  # goes on to the next lines while their state changes
                block = block.next()
            return True
        finally:
            self._deadline = None

    def _held_back(self, number: int) -> bool:
        """True for a line out of view once ``_deadline`` has passed: it stays pending (and
        so Qt's going on to the next lines while their state changes stops there)."""
        if self._deadline is None or (self._view is not None and self._view[0] <= number <= self._view[1]):
            return False
        return time.perf_counter() > self._deadline

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        block = self.currentBlock()
        previous = self.previousBlockState()
        if previous >= 0:
            previous &= ~PENDING
        first = not block.previous().isValid()
        shown = self._shown
        number = block.blockNumber()
        if shown is not None and (not shown[0] <= number <= shown[1] or self._held_back(number)):
            self.setCurrentBlockState(line_spans(text, previous, first, False, self.flavor)[1] | PENDING)
            return
        if _later:
            self._line_formats_alone(text, previous, first)
            return
        spans, state = line_spans(text, previous, first, len(text) <= LONG_LINE, self.flavor)
        self.setCurrentBlockState(state)
        offsets = utf16_offsets(text)
        wrong = self.misspelled(text, spans) if self.misspelled is not None and len(text) <= LONG_LINE else []
        for start, end, fmt in underlined(layered(spans), wrong):
            if offsets is not None:
                start, end = offsets(start), offsets(end)
            self.setFormat(start, end - start, fmt)

    def _line_formats_alone(self, text: str, previous: int, first: bool) -> None:
        """The line's own formats (no inline markup, code or spell check), marked ``PENDING``:
        highlighted in full once the parser is there (``inline_now``)."""
        spans, state = line_spans(text, previous, first, False, self.flavor)
        self.setCurrentBlockState(state | PENDING)
        offsets = utf16_offsets(text)
        for start, end, fmt in layered(spans):
            if offsets is not None:
                start, end = offsets(start), offsets(end)
            self.setFormat(start, end - start, fmt)
        if not self._waiting:
            self._waiting = True
            _parser.arrived.connect(self._parser_arrived)

    def _parser_arrived(self) -> None:
        _parser.arrived.disconnect(self._parser_arrived)
        self._waiting = False
        if self._shown is None:  # (every line is highlighted in full)
            self.rehighlight()
        else:
            self.highlight_pending(self._view)
