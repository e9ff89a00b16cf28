"""Editing lists as markdown writers expect, as plain functions over QTextCursor (testable
without a window): Enter continues a bullet, number, task item or quote and ends the list on an
empty item; Tab and Shift+Tab indent and outdent list items and selected lines by the list's
own indent width, in spaces (in a code fence, by the fence's indentation). Each is one undo step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor

from .syntax import FENCE, RULE, kind_of

_ITEM = re.compile(
    r"^(?P<lead>(?:[ \t]*>[ \t]?)*)(?P<indent>[ \t]*)(?P<marker>[-*+]|(?P<number>\d{1,9})(?P<delim>[.)]))"
    r"(?P<space>[ \t]+|$)(?P<task>\[[ xX]\](?:[ \t]+|$))?"
)
_QUOTE = re.compile(r"^(?P<lead>(?:[ \t]*>[ \t]?)+)")
DEFAULT_INDENT = 4  # spaces, where nothing says otherwise
RENUMBER_LINES = 1_000  # the most lines after an item searched for the numbers that follow


@dataclass(frozen=True)
class Item:
    """The start of a list item or quote line: what comes before its text."""

    quote: str  # the quote markers and the indentation before them
    indent: str  # spaces before the list marker
    marker: str  # "-", "*", "+", "3." or "3)"; "" for a quote line
    content: int  # the column after the marker and its spaces
    prefix_end: int  # where the item's text starts (after a task box)
    task: bool

    def next_prefix(self) -> str:
        """The prefix of the item Enter starts after this one."""
        if not self.marker:
            return self.quote
        marker = self.marker
        if marker[0].isdigit():
            marker = f"{int(marker[:-1]) + 1}{marker[-1]}"
        return f"{self.quote}{self.indent}{marker} " + ("[ ] " if self.task else "")

    def width(self) -> int:
        """The item's indent width: its marker and the spaces after it."""
        return self.content - len(self.quote) - len(self.indent)


def item_of(text: str) -> Item | None:
    """The list item or quote a line starts, or None."""
    match = _ITEM.match(text)
    if match:
        task = match["task"] is not None
        return Item(match["lead"], match["indent"], match["marker"], match.end("space"), match.end(), task)
    match = _QUOTE.match(text)
    if match:
        return Item(match["lead"], "", "", match.end(), match.end(), False)
    return None


def in_fence(block: QTextBlock) -> bool:
    """True when ``block`` is a line of code inside a fence (as the highlighter last saw it)."""
    return block.previous().isValid() and kind_of(block.previous().userState()) == FENCE


def continue_list(cursor: QTextCursor) -> bool:
    """Enter in a list item or quote: start the next item, or end the list on an empty item.
    False (nothing done) when the cursor is not after an item's marker."""
    if cursor.hasSelection() or in_fence(cursor.block()):
        return False
    block = cursor.block()
    text = block.text()
    item = item_of(text)
    column = cursor.positionInBlock()
    if item is None or column < item.prefix_end or RULE.match(text):
        return False
    cursor.beginEditBlock()
    try:
        if not text[item.prefix_end :].strip():  # an empty item ends the list
            line = QTextCursor(block)
            line.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            line.insertText(item.quote.rstrip() + " " if item.marker and item.quote else "")
            cursor.setPosition(line.position())
            return True
        cursor.insertText("\n" + item.next_prefix())
        if item.marker[:1].isdigit():
            _renumber(cursor.block(), item)
    finally:
        cursor.endEditBlock()
    return True


def _renumber(block: QTextBlock, item: Item) -> None:
    """Number the items after ``block`` (at its depth) on from its number."""
    number = int(item_of(block.text()).marker[:-1])  # type: ignore[union-attr]
    depth = len(item.quote) + len(item.indent)
    following = block.next()
    for _ in range(RENUMBER_LINES):
        if not following.isValid():
            return
        text = following.text()
        found = item_of(text)
        if found and found.marker and len(found.quote) + len(found.indent) == depth:
            if not found.marker[0].isdigit() or found.marker[-1] != item.marker[-1]:
                return
            number += 1
            start = len(found.quote) + len(found.indent)
            edit = QTextCursor(following)
            edit.setPosition(following.position() + start)
            edit.setPosition(
                following.position() + start + len(found.marker) - 1, QTextCursor.MoveMode.KeepAnchor
            )
            edit.insertText(str(number))
        elif text.strip() and len(text) - len(text.lstrip()) <= depth and not text.lstrip().startswith(">"):
            return  # the list ended
        following = following.next()


def _lines(cursor: QTextCursor) -> tuple[QTextBlock, QTextBlock]:
    """The first and last line a cursor's selection covers (a selection ending at the start
    of a line does not take that line)."""
    document = cursor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    if cursor.hasSelection() and last != first and cursor.selectionEnd() == last.position():
        last = last.previous()
    return first, last


def fence_indent(block: QTextBlock) -> int:
    """The indentation the code of the fence ``block`` is in uses: the smallest indentation of
    its indented lines, else ``DEFAULT_INDENT``."""
    widths = []
    for direction in (QTextBlock.previous, QTextBlock.next):
        line = block
        for _ in range(RENUMBER_LINES):
            if not line.isValid() or not in_fence(line):
                break
            text = line.text()
            width = len(text) - len(text.lstrip(" "))
            if 0 < width < len(text):
                widths.append(width)
            line = direction(line)
    return min(widths) if widths else DEFAULT_INDENT


def indent_width(block: QTextBlock) -> int:
    """How far Tab moves ``block``: in a fence, the fence's indentation; for a list item, the
    content column of the item above it at its depth (which it becomes a child of), else its
    own; else ``DEFAULT_INDENT``."""
    if in_fence(block):
        return fence_indent(block)
    item = item_of(block.text())
    if item is None or not item.marker:
        return DEFAULT_INDENT
    depth = len(item.indent)
    above = block.previous()
    for _ in range(RENUMBER_LINES):
        if not above.isValid():
            break
        found = item_of(above.text())
        if found and found.marker and found.quote == item.quote and len(found.indent) == depth:
            return found.width()
        if found is None and above.text().strip() and not above.text().startswith(" "):
            break
        above = above.previous()
    return item.width()


def indent(cursor: QTextCursor, outdent: bool = False) -> None:
    """Tab (``outdent``: Shift+Tab): a list item or the selected lines move by the list's
    indent width; with no selection elsewhere, Tab inserts spaces to the next indent stop and
    Shift+Tab outdents the line. Never a tab character."""
    first, last = _lines(cursor)
    several = cursor.hasSelection() and first != last
    item = item_of(first.text())
    listed = item is not None and bool(item.marker)
    width = indent_width(first)
    cursor.beginEditBlock()
    try:
        if not several and not listed and not outdent and not cursor.hasSelection():
            column = cursor.positionInBlock()
            cursor.insertText(" " * (width - column % width))
            return
        keep = cursor.hasSelection()
        start, end = first.position(), last.position() + last.length() - 1
        block = first
        while True:
            end += _shift(block, width, outdent, item if listed and not several else None)
            if block == last:
                break
            block = block.next()
        if keep:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    finally:
        cursor.endEditBlock()


def _shift(block: QTextBlock, width: int, outdent: bool, item: Item | None) -> int:
    """Indent or outdent one line by ``width`` spaces (after its quote markers, for a list
    item); the change in its length."""
    text = block.text()
    at = len(item.quote) if item else 0
    edit = QTextCursor(block)
    edit.setPosition(block.position() + at)
    if not outdent:
        if not text.strip():
            return 0
        edit.insertText(" " * width)
        return width
    rest = text[at:]
    remove = min(width, len(rest) - len(rest.lstrip(" ")))
    if remove == 0 and rest.startswith("\t"):
        remove = 1
    edit.setPosition(block.position() + at + remove, QTextCursor.MoveMode.KeepAnchor)
    edit.removeSelectedText()
    return -remove
