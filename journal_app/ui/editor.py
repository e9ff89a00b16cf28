"""The text editor widget, and editing operations as plain functions over QTextCursor
(so they are testable without a window).

Lines wrap at word boundaries, except in a text holding a run of ``LONG_RUN`` characters with
no space (a pasted ``data:`` image, a file of NUL bytes): Qt's word wrapping looks for a break
along the whole run for every line it makes, so such a run takes time that grows with its
square (minutes for a megabyte). Such a text wraps anywhere instead.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QPlainTextDocumentLayout, QPlainTextEdit, QWidget

from . import formatting, lists, paste
from .highlighter import MarkdownHighlighter

LONG_RUN = 5_000  # characters without white space; word wrapping longer runs stalls the editor
_LONG_RUN = re.compile(r"(?<!\S)\S{%d}" % LONG_RUN)  # tried at the start of each run only
PARAGRAPH_SEPARATOR = "\u2029"  # how the document separates lines; a text holding one cannot be kept
BIG_CHANGE = 100_000  # characters; a bigger insertion is searched as one string
SHOWN_MARGIN = 100  # lines above and below the view highlighted ahead of scrolling
KOREAN_FONTS = (  # the editor's text font: the first of these installed
    "Noto Sans KR",
    "Noto Sans CJK KR",
    "Pretendard",
    "Apple SD Gothic Neo",
    "NanumGothic",
    "NanumBarunGothic",
    "Malgun Gothic",
)
EMOJI_FONTS = ("Noto Color Emoji", "Apple Color Emoji", "Segoe UI Emoji")


def has_long_run(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` holds ``LONG_RUN`` characters in a row that are not white
    space (a run word wrapping cannot break)."""
    return _LONG_RUN.search(text, start, len(text) if end is None else end) is not None


def editor_families() -> list[str]:
    """The editor's font stack: the first Korean font installed (its Latin letters too, so a
    Latin line is as large as a Hangul one), the system's font, then an emoji font."""
    installed = set(QFontDatabase.families())
    system = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    korean = [family for family in KOREAN_FONTS if family in installed][:1]
    emoji = [family for family in EMOJI_FONTS if family in installed]
    return [*korean, system, *emoji]


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


class TextRelay(QObject):
    """``changed`` after every change of the text the editor shows, whichever ``QTextDocument``
    holds it (each tab has its own); not silenced when the editor's own signals are blocked."""

    changed = Signal()


class MarkdownEditor(QPlainTextEdit):
    """A plain text editor with markdown highlighting and list editing (Enter, Tab, Shift+Tab);
    pastes and drops go through :mod:`.paste` (images kept in the journal, HTML as markdown)."""

    notice = Signal(str)  # something to tell the user (an image that could not be kept ...)
    kept = Signal(list)  # image files a paste or a drop wrote into the journal (Paths)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the text, kept until the document changes (asked for by the sync, the counts and the
        # recovery file after each keystroke: a copy of a megabyte post takes milliseconds)
        self._text: tuple[QTextDocument, int, int, str] | None = None
        # its lines, followed edit by edit (Qt's contentsChange), so that a keystroke in a
        # megabyte post joins 50,000 lines (3 ms) instead of copying the document (12 ms);
        # with the document, revision and length they are the text of
        self._lines: list[str] | None = None
        self._lines_at: tuple[QTextDocument, int, int] | None = None
        self._composing_only = False  # inside an input method event that only composes
        # edits of the text (not of its formats, not a syllable being composed): Qt's
        # contentsChanged also comes after the highlighter set a line's formats
        self.edits = 0
        self._relayed: tuple[QTextDocument, int] | None = None  # the edit last relayed
        self.document().contentsChange.connect(self._text_edited)  # before anyone reads text()
        self.place: Callable[[], paste.Place | None] = lambda: None  # where pasted images go
        # more entries for the context menu, given the cursor where it opens (spelling)
        self.menu_extras: list[Callable[[QMenu, QTextCursor], None]] = []
        self.setObjectName("editor")
        self.setAccessibleName(self.tr("Post text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTabChangesFocus(False)
        self.contents = TextRelay(self)
        self.document().setParent(self)  # the editor's; another tab's text never deletes it
        self.document().contentsChanged.connect(self._relay)
        self.highlighter = MarkdownHighlighter(self.document())
        self.highlighter.show_lines(0, 3 * SHOWN_MARGIN)
        self._highlighting = False
        self._looked_at: tuple[int, int, int] | None = None  # the view last highlighted
        self._preedit = ""
        self.updateRequest.connect(self._highlight_shown)
        self.set_font_size(13)
        self._replacing = False
        self._column = 0  # the text column's width in characters, centred (0: the whole width)
        # before the layout sees an edit (contentsChange comes first), so a pasted run never
        # gets laid out with word wrapping
        self.document().contentsChange.connect(self._check_wrapping)

    def set_column(self, characters: int) -> None:
        """Centre the text in a column ``characters`` wide (Latin characters; a Hangul
        syllable takes about two), or let it fill the editor (0)."""
        self._column = characters
        self._fit_column()

    def _fit_column(self) -> None:
        side = 0
        if self._column:
            wanted = self.fontMetrics().averageCharWidth() * self._column
            side = max(0, (self.width() - wanted) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_column()

    def new_text(self) -> tuple[QTextDocument, MarkdownHighlighter]:
        """An empty text of the editor's (another tab's), with a highlighter like this one."""
        document = QTextDocument(self)
        document.setDocumentLayout(QPlainTextDocumentLayout(document))
        highlighter = MarkdownHighlighter(document)
        highlighter.misspelled = self.highlighter.misspelled
        highlighter.flavor = self.highlighter.flavor
        highlighter.show_lines(0, 3 * SHOWN_MARGIN)
        return document, highlighter

    def use_text(self, document: QTextDocument, highlighter: MarkdownHighlighter) -> None:
        """Show ``document`` (a text from ``new_text``, another tab's) and its highlighter: its
        undo history and unsaved mark come with it; the lines in view are highlighted again
        (the theme or the spell check may have changed meanwhile)."""
        wrap = document.defaultTextOption().wrapMode()
        self.document().contentsChange.disconnect(self._text_edited)
        self.document().contentsChange.disconnect(self._check_wrapping)
        self.document().contentsChanged.disconnect(self._relay)
        self._text = self._lines = None
        self.setDocument(document)
        document.setDefaultFont(self.font())
        self.setWordWrapMode(wrap)
        document.contentsChange.connect(self._text_edited)
        document.contentsChange.connect(self._check_wrapping)
        document.contentsChanged.connect(self._relay)
        highlighter.flavor = self.highlighter.flavor  # (the flavor may have changed meanwhile)
        self.highlighter = highlighter
        self._looked_at = None
        if highlighter.document() is not None:
            highlighter.redo()
        self.contents.changed.emit()
        self.undoAvailable.emit(document.isUndoAvailable())  # (Qt says so only on a change)
        self.redoAvailable.emit(document.isRedoAvailable())
        self.copyAvailable.emit(False)

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
        but a paragraph separator (U+2029), which the editor cannot tell from a line break.
        Copied from the document once per change of it (Qt tells of a change when its edit
        block ends: inside one, the revision and the length say that the text moved on)."""
        document = self.document()
        kept, now = self._text, (document, document.revision(), document.characterCount())
        if kept is not None and kept[:3] == now:
            return kept[3]
        if self._lines is not None and self._lines_at == now:
            text = "\n".join(self._lines)
        else:
            text = document.toRawText().replace(PARAGRAPH_SEPARATOR, "\n")
            self._lines, self._lines_at = text.split("\n"), now
        self._text = (*now, text)
        return text

    def _text_edited(self, position: int = 0, removed: int = 0, added: int = 0) -> None:
        self._text = None
        self._follow_lines(position, removed, added)
        if not self._composing_only:
            self.edits += 1

    def _follow_lines(self, position: int, removed: int, added: int) -> None:
        """Bring the kept lines in line with an edit: the lines from the one at ``position``
        to the one at the end of what was ``added`` are read again, those after them stay."""
        lines, document = self._lines, self.document()
        self._lines = None  # unless followed here: read whole at the next text()
        if lines is None or removed + added > BIG_CHANGE:
            return
        count = document.blockCount()
        first = document.findBlock(position)
        end = document.findBlock(position + added)
        last = end.blockNumber() if end.isValid() else count - 1
        old_last = last - (count - len(lines))
        if not first.isValid() or old_last < first.blockNumber() - 1 or old_last >= len(lines):
            return
        number = first.blockNumber()
        fresh = []
        block = first
        while block.isValid() and block.blockNumber() <= last:
            fresh.append(block.text())
            block = block.next()
        lines[number : old_last + 1] = fresh
        if len(lines) != count:
            return
        self._lines = lines
        self._lines_at = (document, document.revision(), document.characterCount())

    def edit(self) -> tuple[QTextDocument, int]:
        """The text shown and how many edits it had here: the same pair after a change of
        formats only (the highlighter's, for every line it highlights) or a composition."""
        return self.document(), self.edits

    def _relay(self) -> None:
        if self._relayed != self.edit():
            self._relayed = self.edit()
            self.contents.changed.emit()

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
            self.highlighter.highlight_pending((first, last))
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
        # only the syllable being composed changes: Qt still says the document changed (it
        # lays the line out again), but the text, and so the post and its preview, stay
        self._composing_only = (
            not event.commitString()
            and not event.replacementLength()
            and not self.textCursor().hasSelection()
        )
        try:
            super().inputMethodEvent(event)
        finally:
            self._composing_only = False
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

    def toggle_markup(self, marker: str) -> None:
        """Ctrl+B, Ctrl+I, Ctrl+`: wrap or unwrap the selection or the word (one undo step)."""
        cursor = self.textCursor()
        formatting.toggle(cursor, marker)
        self.setTextCursor(cursor)

    def toggle_link(self) -> None:
        """Ctrl+K: the selection or the word as a link (to the address on the clipboard, if it
        holds one), or a link's text again."""
        copied = QGuiApplication.clipboard().text()
        cursor = self.textCursor()
        formatting.toggle_link(cursor, copied.strip() if formatting.is_url(copied) else "")
        self.setTextCursor(cursor)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt name)
        menu = self.createStandardContextMenu(event.pos())
        cursor = self.cursorForPosition(event.pos())
        for extra in self.menu_extras:
            extra(menu, cursor)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 (Qt name)
        return paste.can_insert(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt name)
        """A paste or a drop: files and images kept in the journal, HTML as markdown, a web
        address over a selection as a link, other text as it is."""
        self._insert(paste.pasted(source, self.place()))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt name)
        """A copy is the text only (Qt would add HTML, which a paste would convert)."""
        mime = QMimeData()
        mime.setText(self.textCursor().selectedText().replace(PARAGRAPH_SEPARATOR, "\n"))
        return mime

    def paste_plain(self) -> None:
        """Ctrl+Shift+V: the clipboard's text as it is, whatever else it holds."""
        if not self.isReadOnly():
            self._insert(paste.pasted(QGuiApplication.clipboard().mimeData(), None, plain=True))

    def _insert(self, result: paste.Pasted) -> None:
        if result.message:
            self.notice.emit(result.message)
        if result.kept:
            self.kept.emit(list(result.kept))
        if not result.text:
            return
        cursor = self.textCursor()
        selected = cursor.selectedText()
        if (
            not result.block
            and selected
            and formatting.is_url(result.text)
            and not formatting.is_url(selected)
        ):
            formatting.toggle_link(cursor, result.text.strip())
            cursor.setPosition(cursor.selectionEnd() + 1)  # after the link
        else:
            cursor.beginEditBlock()
            cursor.removeSelectedText()
            text = result.text
            if result.block:  # on lines of its own
                if cursor.positionInBlock() > 0:
                    text = "\n" + text
                if cursor.positionInBlock() < cursor.block().length() - 1:
                    text += "\n"
            cursor.insertText(text)
            cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

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
        """The editor's font (:func:`editor_families`) at ``size`` points (6 to 48)."""
        font = QFont()
        font.setFamilies(editor_families())
        font.setPointSize(max(6, min(size, 48)))
        font.setStyleHint(QFont.StyleHint.SansSerif)
        self.setFont(font)

    def font_size(self) -> int:
        return self.font().pointSize()

    def first_visible_line(self) -> int:
        """The 0-based number of the first line shown."""
        return self.firstVisibleBlock().blockNumber()
