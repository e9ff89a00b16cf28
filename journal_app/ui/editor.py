"""The text editor widget, and editing operations as plain functions over QTextCursor
(so they are testable without a window).

Lines wrap at word boundaries, except in a text holding a run of ``LONG_RUN`` characters with
no space (a pasted ``data:`` image, a file of NUL bytes): Qt's word wrapping looks for a break
along the whole run for every line it makes, so such a run takes time that grows with its
square (minutes for a megabyte). Such a text wraps anywhere instead.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from . import lists
from .highlighter import MarkdownHighlighter

LONG_RUN = 5_000  # characters without white space; word wrapping longer runs stalls the editor
_LONG_RUN = re.compile(r"(?<!\S)\S{%d}" % LONG_RUN)  # tried at the start of each run only
PARAGRAPH_SEPARATOR = "\u2029"  # how the document separates lines; a text holding one cannot be kept
BIG_CHANGE = 100_000  # characters; a bigger insertion is searched as one string
SHOWN_MARGIN = 100  # lines above and below the view highlighted ahead of scrolling


def has_long_run(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` holds ``LONG_RUN`` characters in a row that are not white
    space (a run word wrapping cannot break)."""
    return _LONG_RUN.search(text, start, len(text) if end is None else end) is not None


def toggle_wrap(cursor: QTextCursor, marker: str) -> None:
    """Wrap the selection in ``marker`` (``**`` bold, ``*`` italic), or unwrap it if wrapped.

    With no selection, inserts a pair and leaves the cursor between them. One undo step.
    """
    cursor.beginEditBlock()
    try:
        if not cursor.hasSelection():
            cursor.insertText(marker + marker)
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, len(marker))
            return
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        text = cursor.selectedText()
        size = len(marker)
        if len(text) >= 2 * size and text.startswith(marker) and text.endswith(marker):
            cursor.insertText(text[size:-size])
            cursor.setPosition(start)
            cursor.setPosition(end - 2 * size, QTextCursor.MoveMode.KeepAnchor)
            return
        document = cursor.document()
        before = _text_between(document, start - size, start)
        after = _text_between(document, end, end + size)
        if before == marker and after == marker:
            edit = QTextCursor(document)
            edit.setPosition(end)
            edit.setPosition(end + size, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
            edit.setPosition(start - size)
            edit.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
            cursor.setPosition(start - size)
            cursor.setPosition(end - size, QTextCursor.MoveMode.KeepAnchor)
            return
        cursor.insertText(marker + text + marker)
        cursor.setPosition(start + size)
        cursor.setPosition(end + size, QTextCursor.MoveMode.KeepAnchor)
    finally:
        cursor.endEditBlock()


def _text_between(document: QTextDocument, start: int, end: int) -> str:
    if start < 0 or end > document.characterCount() - 1:
        return ""
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def replace_lines(document: QTextDocument, first: int, count: int, text: str) -> None:
    """Replace ``count`` lines from line ``first`` (0-based) with ``text``: one undo step."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    start = document.findBlockByNumber(first)
    cursor.setPosition(start.position())
    if count:
        last = document.findBlockByNumber(first + count - 1)
        end = last.position() + last.length() - 1
        if last.next().isValid():
            end += 1  # take the line break too
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    cursor.endEditBlock()


class MarkdownEditor(QPlainTextEdit):
    """A plain text editor with markdown highlighting and list editing (Enter, Tab, Shift+Tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editor")
        self.setAccessibleName("Post text")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self.highlighter = MarkdownHighlighter(self.document())
        self.highlighter.show_lines(0, 3 * SHOWN_MARGIN)
        self._highlighting = False
        self._looked_at: tuple[int, int, int] | None = None  # the view last highlighted
        self._preedit = ""
        self.updateRequest.connect(self._highlight_shown)
        self.set_font_size(13)
        self._replacing = False
        # before the layout sees an edit (contentsChange comes first), so a pasted run never
        # gets laid out with word wrapping
        self.document().contentsChange.connect(self._check_wrapping)

    def set_text(self, text: str) -> None:
        """Show ``text`` (a newly opened post): word wrapping again unless ``text`` needs
        wrapping anywhere."""
        self._replacing = True  # searched already
        try:
            # emptied first: a new wrap mode lays out what the editor holds, and word wrapping
            # the previous post's long run would take minutes
            self.setPlainText("")
            self.highlighter.show_lines(0, 3 * SHOWN_MARGIN)  # a post opens at its top
            self.setWordWrapMode(
                QTextOption.WrapMode.WrapAnywhere
                if has_long_run(text)
                else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            )
            self.setPlainText(text)
        finally:
            self._replacing = False

    def text(self) -> str:
        """The text as it was set and typed. Unlike ``toPlainText()``, which turns non-breaking
        spaces into spaces and line separators (U+2028) into line breaks, this changes nothing
        but a paragraph separator (U+2029), which the editor cannot tell from a line break."""
        return self.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")

    def _highlight_shown(self, *_args: object) -> None:
        """Highlight the lines in view (and ``SHOWN_MARGIN`` around them) not highlighted yet."""
        if self._highlighting:
            return  # highlighting lays lines out again, which asks for an update
        first, last = self._blocks_in_view()
        view = (first, last, self.blockCount())
        if view == self._looked_at:
            return  # updates come on every key and cursor blink; lines in a view seen stay highlighted
        self._looked_at = view
        self._highlighting = True
        try:
            self.highlighter.show_lines(max(0, first - SHOWN_MARGIN), last + SHOWN_MARGIN)
            self.highlighter.highlight_pending()
        finally:
            self._highlighting = False

    def _blocks_in_view(self) -> tuple[int, int]:
        """The numbers of the first line in view and of the last that can be in view: every
        line takes at least one row, so no more lines fit than rows. (Asking Qt for the block
        at the view's bottom lays out a megabyte line anew: 90 ms on each cursor blink.)"""
        first = self.firstVisibleBlock().blockNumber()
        rows = self.viewport().height() // max(1, self.fontMetrics().lineSpacing()) + 1
        return first, min(self.blockCount() - 1, first + rows)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt name)
        super().inputMethodEvent(event)
        self._preedit = event.preeditString()  # the syllable being composed, if any

    def composing(self) -> str:
        """The text an input method is composing here and has not committed yet."""
        return self._preedit

    def commit_composition(self) -> None:
        """Put an unfinished syllable being composed (Hangul, say) into the text, before
        the text is saved or let go: the input method commits it, or, if it does not (no
        input method answers), the editor takes the syllable it shows."""
        if not self._preedit:
            return
        QGuiApplication.inputMethod().commit()
        if self._preedit:  # nothing committed it
            commit = QInputMethodEvent()
            commit.setCommitString(self._preedit)
            QGuiApplication.sendEvent(self, commit)
            QGuiApplication.inputMethod().reset()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        """Enter continues lists and quotes; Tab and Shift+Tab indent and outdent in spaces."""
        if not self.isReadOnly() and self._edit_key(event):
            event.accept()
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    def _edit_key(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        cursor = self.textCursor()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers == Qt.KeyboardModifier.NoModifier:
            done = lists.continue_list(cursor)
        elif key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.NoModifier:
            lists.indent(cursor)
            done = True
        elif key == Qt.Key.Key_Backtab:
            lists.indent(cursor, outdent=True)
            done = True
        else:
            return False
        if done:
            self.setTextCursor(cursor)
        return done

    def wraps_anywhere(self) -> bool:
        """True when lines break at any character (the text holds a long run with no space)."""
        return self.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere

    def _check_wrapping(self, position: int, _removed: int, added: int) -> None:
        """After an edit: wrap anywhere from now on if it made a run too long to word-wrap."""
        if self._replacing or self.wraps_anywhere():
            return
        end = position + added
        if added > BIG_CHANGE:  # a big paste: one search over the string, not a walk over blocks
            found = has_long_run(self.text(), max(0, position - LONG_RUN), end + LONG_RUN)
        else:
            found = False
            block = self.document().findBlock(position)
            while block.isValid() and block.position() <= end and not found:
                found = block.length() > LONG_RUN and has_long_run(block.text())
                block = block.next()
        if found:
            self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)

    def set_font_size(self, size: int) -> None:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSize(max(6, min(size, 48)))
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setFont(font)

    def font_size(self) -> int:
        return self.font().pointSize()

    def first_visible_line(self) -> int:
        """The 0-based number of the first line shown."""
        return self.firstVisibleBlock().blockNumber()
