"""Markdown syntax highlighting for the editor: headings, emphasis, inline and fenced code,
links and images, lists, block quotes; the front matter block is dimmed. A line longer than
``LONG_LINE`` characters (a pasted ``data:`` image, minified HTML) gets no inline highlighting:
the rules would run over it on every keystroke in it."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat

NORMAL, FENCE, FRONT_MATTER = 0, 1, 2
LONG_LINE = 10_000  # characters; longer lines are shown plain (fences and front matter still dimmed)
# the most characters a span (bold, a link's text) is searched across: unbounded, a line of
# openers with no closer (``*a *a *a …``) takes time that grows with its square
SPAN = 300
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULES = [
    ("heading", re.compile(r"^#{1,6}\s.*$")),
    ("quote", re.compile(r"^\s{0,3}>.*$")),
    ("list", re.compile(r"^\s*(?:[*+-]|\d+[.)])(?=\s)")),
    ("task", re.compile(r"^\s*[*+-]\s\[[ xX]\]")),
    ("strong", re.compile(r"(\*\*|__)(?=\S)(.{1,%d}?)(?<=\S)\1" % SPAN)),
    ("emphasis", re.compile(r"(?<![*_\w])([*_])(?=\S)(.{1,%d}?)(?<=\S)\1(?![*_\w])" % SPAN)),
    ("strike", re.compile(r"~~(?=\S)(.{1,%d}?)(?<=\S)~~" % SPAN)),
    (
        "link",
        re.compile(
            r"!?\[[^\]\n]{0,%d}\]\([^)\n]{0,%d}\)|<https?://[^>\s]{1,%d}>|https?://[^\s)>\]]+"
            % (SPAN, 10 * SPAN, 10 * SPAN)
        ),
    ),
    ("code", re.compile(r"`[^`\n]+`")),
]


def _format(
    color: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    background: str | None = None,
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    fmt.setFontStrikeOut(strike)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


FORMATS = {
    "heading": _format("#1c7ed6", bold=True),
    "quote": _format("#5c940d", italic=True),
    "list": _format("#e8590c", bold=True),
    "task": _format("#e8590c", bold=True),
    "strong": _format("#212529", bold=True),
    "emphasis": _format("#212529", italic=True),
    "strike": _format("#868e96", strike=True),
    "link": _format("#0b7285"),
    "code": _format("#c2255c", background="#f1f3f5"),
    "fence": _format("#495057", background="#f1f3f5"),
    "front": _format("#adb5bd"),
}


class MarkdownHighlighter(QSyntaxHighlighter):
    """Highlights markdown line by line, carrying fence and front matter state across lines."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        previous = self.previousBlockState()
        block = self.currentBlock()
        if previous == FRONT_MATTER or (block.blockNumber() == 0 and text.rstrip() == "---"):
            self.setFormat(0, len(text), FORMATS["front"])
            closes = previous == FRONT_MATTER and text.rstrip() == "---"
            self.setCurrentBlockState(NORMAL if closes else FRONT_MATTER)
            return
        fence = _FENCE.match(text)
        if previous == FENCE:
            self.setFormat(0, len(text), FORMATS["fence"])
            self.setCurrentBlockState(NORMAL if fence else FENCE)
            return
        if fence:
            self.setFormat(0, len(text), FORMATS["fence"])
            self.setCurrentBlockState(FENCE)
            return
        self.setCurrentBlockState(NORMAL)
        if len(text) > LONG_LINE:
            return
        for name, pattern in _RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), FORMATS[name])
