"""Find and replace in the open post (Ctrl+F, Ctrl+H; F3 and Shift+F3 step through matches).

The bar finds with the ``regex`` library (Python's ``re`` as it is, version 0, with a time
limit) over the editor's text: a plain pattern is escaped, "Case" off folds case, "Word" asks
that no letter or digit (Hangul included) touch either end of a match, "Regex" takes the pattern
as a regular expression (a bad one is reported in the bar, never raised; one that backtracks
for longer than ``finding.TIME_LIMIT``, such as ``(a+)+$`` over a long line of ``a``, finds nothing and
the bar says it is too slow, so a pattern never hangs the window). Every match is highlighted
(``QTextEdit.ExtraSelection``), the bar counts them ("3 of 12"), and the current one is
selected and scrolled to the middle of the editor; a replacement is one undo step, and so is
Replace All. ``match_shown(line)`` gives the 1-based file line of the match shown, for the
preview to scroll to.

After an edit the matches are found again on a worker thread (``regex`` lets go of the
interpreter lock while it matches: every word of a megabyte post takes half a second), and what
it found is shown only when the text is still the one searched; a result for an older text is
dropped (the edit that changed it searches again). What the user asks for (a pattern typed, an
option ticked, F3, a replacement) is searched at once, on the GUI thread, in a post of up to
SYNC_LIMIT characters; in a longer one a pattern typed or an option ticked is searched on the
worker thread too (the count says "Searching…" meanwhile), and F3 pressed meanwhile steps to the
next match once it is found, so no keystroke waits for a megabyte's search.
"""

from __future__ import annotations

import bisect
import re
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QWidget,
)

from .editor import MarkdownEditor
from .finding import Options, compile_pattern, search
from .handoff import Handoff

if TYPE_CHECKING:  # imported by the first search (compile_pattern), not with the window
    import regex

MOST_HIGHLIGHTED = 5_000  # matches drawn at most (all are counted)
SYNC_LIMIT = 100_000  # characters; in a longer post a pattern typed is searched on the worker thread
REFRESH_MS = 150  # after an edit, the matches are found again this much later
HIGHLIGHT = QColor("#ffe066")
# the searches after an edit, one at a time for the whole program (one thread, made when first used)
_SCANS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal-app-find")


class FindBar(QWidget):
    """The find (and, with Ctrl+H, replace) bar above the editor."""

    match_shown = Signal(int)  # the 1-based file line of the match now selected
    _scanned = Signal(int, object)  # from the worker: (which search, what it found)

    def __init__(self, editor: MarkdownEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self.field = _field(self, "findField", self.tr("Find text"), self.tr("Find"))
        replace_with = self.tr("Replace with")
        self.replacement = _field(self, "replaceField", replace_with, replace_with)
        self.case = _check(self, "findCase", "Aa", self.tr("Match case"))
        self.word = _check(self, "findWord", self.tr("Word"), self.tr("Whole words only"))
        self.regex = _check(self, "findRegex", ".*", self.tr("Regular expression"))
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.result = QLabel(self)  # "Not found", or why the pattern cannot be used
        self.result.setObjectName("findResult")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setStyleSheet("color: #c92a2a;")
        self.result.setWordWrap(True)
        self.result.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # never widens the bar
        self.result.hide()  # a line of its own, shown while it says something
        previous = _button(self, "findPrevious", "↑", self.tr("Previous match (Shift+F3)"), QToolButton)
        following = _button(self, "findNext", "↓", self.tr("Next match (F3)"), QToolButton)
        close = _button(self, "findClose", self.tr("Close"), self.tr("Close (Escape)"))
        self.replace_one = _button(self, "replaceOne", self.tr("Replace"), self.tr("Replace this match"))
        self.replace_every = _button(
            self, "replaceAll", self.tr("Replace All"), self.tr("Replace every match (one undo)")
        )
        top = QHBoxLayout()
        for widget in (self.field, self.case, self.word, self.regex, self.count, previous, following):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(close)
        self.replace_row = QWidget(self)
        bottom = QHBoxLayout(self.replace_row)
        bottom.setContentsMargins(0, 0, 0, 0)
        for widget in (self.replacement, self.replace_one, self.replace_every):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.replace_row, 1, 0)
        grid.addWidget(self.result, 2, 0)
        self.matches: list[tuple[int, int]] = []  # editor positions, start and end
        self.problem = ""  # why the pattern cannot be used
        self._found: list[regex.Match[str]] = []
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self._search_meanwhile)
        self._number = 0  # the search last asked for: what an earlier one found is dropped
        self._searching = False  # a search after an edit is on the worker thread
        self._next_after: bool | None = None  # F3 (False) or Shift+F3 (True) waits for that search
        self._scanned.connect(self._arrived)
        self._handoff = Handoff(self)  # closed by stop: no answer after it (see handoff.py)
        self.field.textChanged.connect(lambda: self.say(""))
        self.field.textChanged.connect(self._asked)
        for box in (self.case, self.word, self.regex):
            box.toggled.connect(self._asked)
        self.field.returnPressed.connect(self.find_next)
        self.replacement.returnPressed.connect(self.replace)
        previous.clicked.connect(lambda: self.find_next(backward=True))
        following.clicked.connect(lambda: self.find_next())
        close.clicked.connect(self.close_bar)
        self.replace_one.clicked.connect(self.replace)
        self.replace_every.clicked.connect(self.replace_all)
        editor.contents.changed.connect(self._edited)
        editor.cursorPositionChanged.connect(self._show_count)
        self.replace_row.hide()
        self.hide()

    # -- opening and closing ---------------------------------------------------------------
    def open_bar(self, replace: bool = False) -> None:
        """Show the bar (with the replace row when ``replace``), the selection as the pattern."""
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.field.setText(re.escape(selected) if self.regex.isChecked() else selected)
        self.replace_row.setVisible(replace or self.replace_row.isVisible() and self.isVisible())
        self.show()
        self.refresh()
        self.field.setFocus()
        self.field.selectAll()

    def open_replace(self) -> None:
        """Show the bar with its replace row (Ctrl+H)."""
        self.open_bar(replace=True)
        if self.field.text():
            self.replacement.setFocus()
            self.replacement.selectAll()

    def take_term(self, term: str) -> None:
        """Make a journal search's term the pattern (plain, any case), so that F3 and Shift+F3
        step through its matches in the post it opened; the bar shows them without the focus."""
        for box in (self.case, self.word, self.regex):
            box.setChecked(False)
        self.field.setText(term)
        self.show()
        self._asked()
        self.match_shown.emit(self.editor.textCursor().block().blockNumber() + 1)

    def close_bar(self) -> None:
        """Hide the bar and its highlights; the editor gets the focus back."""
        self.hide()
        self.editor.setExtraSelections([])
        self.editor.setFocus()

    def say(self, text: str) -> None:
        """Show ``text`` on the bar's message line (hidden when ``text`` is empty)."""
        self.result.setText(text)
        self.result.setVisible(bool(text))

    # -- finding ---------------------------------------------------------------------------
    def options(self) -> Options:
        """The options ticked."""
        return Options(self.case.isChecked(), self.word.isChecked(), self.regex.isChecked())

    def _pattern(self) -> regex.Pattern[str] | None:
        text = self.field.text()
        if not text:
            return None
        import regex

        try:
            return compile_pattern(text, self.options())
        except regex.error as exc:
            self.problem = self.tr("Not a valid regular expression: {error}").format(error=exc)
            self.say(self.problem)
            return None

    def _long(self) -> bool:
        return self.editor.document().characterCount() > SYNC_LIMIT

    def _asked(self) -> None:
        """The pattern or an option changed: searched at once in a short post, on the worker
        thread in a long one."""
        if self.isVisible() and self._long():
            self._timer.stop()
            self._search_meanwhile()
            if self._searching:
                self.count.setText(self.tr("Searching…"))
        else:
            self.refresh()

    def refresh(self) -> None:
        """Find every match again and highlight them (the field, an option or the text changed)."""
        self._timer.stop()
        self._number += 1  # (a search on the worker thread is of an older moment now)
        self._searching = False
        self._next_after = None
        pattern = self._fresh_pattern()
        text = self.editor.text()  # lines as ^ and $ see them
        self._show(*search(pattern, text))

    def _fresh_pattern(self) -> regex.Pattern[str] | None:
        if self.problem:
            self.problem = ""
            self.say("")
        return self._pattern()

    def _search_meanwhile(self) -> None:
        """After an edit: the text of now searched on the worker thread."""
        if not self.isVisible():  # hidden since the edit: found again when it shows (as _edited)
            self.matches, self._found = [], []
            return
        pattern = self._fresh_pattern()
        if pattern is None:
            self.refresh()  # (nothing to search: the count and any problem said at once)
            return
        self._number += 1
        self._searching = True
        _SCANS.submit(self._search_there, self._number, pattern, self.editor.text())

    def _search_there(self, number: int, pattern: regex.Pattern[str], text: str) -> None:
        """On the worker thread."""
        if number != self._number:
            return  # a newer search is asked for already: this one would be dropped
        found: object
        try:
            found = search(pattern, text, concurrent=True)
        except Exception as exc:  # noqa: BLE001 (raised on the GUI thread, where it is seen)
            found = exc
        self._handoff.send(self._scanned, number, (text, found))

    def stop(self) -> None:
        """No more searches (the window closes): an answer still to come reaches no one."""
        self._number += 1
        self._searching = False
        self._next_after = None
        self._handoff.close()

    def _arrived(self, number: int, done: tuple[str, object]) -> None:
        if number != self._number:
            return  # a search asked for since supersedes it
        self._searching = False
        text, found = done
        if isinstance(found, Exception):
            raise found
        if self.editor.text() != text:
            return  # an edit since: its own search follows
        self._show(*found)  # type: ignore[misc]  # (what _search returns)
        backward, self._next_after = self._next_after, None
        if backward is not None:
            self._step(backward)  # F3 pressed while it searched

    def _show(self, found: list[regex.Match[str]] | None, matches: list[tuple[int, int]]) -> None:
        """What a search found (None: it took too long), highlighted and counted."""
        if found is None:
            self.problem = self.tr("This pattern takes too long to search; try a simpler one")
            self.say(self.problem)
        self._found, self.matches = found or [], matches
        self._highlight()
        self._show_count()

    def _edited(self) -> None:
        self._next_after = None  # (typing on: the cursor stays where the user types)
        if self.isVisible():
            self._timer.start()
        else:
            self.matches, self._found = [], []

    def _highlight(self) -> None:
        selections = []
        if self.isVisible():
            for start, end in self.matches[:MOST_HIGHLIGHTED]:
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.editor.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor  # type: ignore[attr-defined]  # (PySide6 field)
                selection.format.setBackground(HIGHLIGHT)  # type: ignore[attr-defined]
                selections.append(selection)
        self.editor.setExtraSelections(selections)

    def current(self) -> int:
        """The index of the match selected in the editor, or -1."""
        cursor = self.editor.textCursor()
        span = (cursor.selectionStart(), cursor.selectionEnd())
        at = bisect.bisect_left(self.matches, span)
        return at if at < len(self.matches) and self.matches[at] == span else -1

    def _show_count(self) -> None:
        if not self.field.text() or self.problem:
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            at = self.current()
            total = len(self.matches)
            if at >= 0:
                self.count.setText(self.tr("{number} of {total}").format(number=at + 1, total=total))
            elif total == 1:
                self.count.setText(self.tr("1 match"))
            else:
                self.count.setText(self.tr("{total} matches").format(total=total))

    def find_next(self, backward: bool = False) -> bool:
        """Select the next match after the cursor (or the previous one), wrapping around;
        False, with "Not found" in the bar, when there is none."""
        if self._timer.isActive() or self._searching or not self._found:
            # the text changed a moment ago, or the bar was hidden meanwhile: found again first
            if self.isVisible() and self._long():
                if not self._searching:
                    self._timer.stop()
                    self._search_meanwhile()
                if self._searching:
                    self._next_after = backward  # (stepped once it is found)
                    return True
            else:
                self.refresh()
        return self._step(backward)

    def _step(self, backward: bool) -> bool:
        """The next (or previous) of the matches found."""
        if not self.field.text() or self.problem:
            return False
        if not self.matches:
            self.say(self.tr("Not found"))
            return False
        cursor = self.editor.textCursor()
        if backward:
            at = bisect.bisect_left(self.matches, (cursor.selectionStart(), cursor.selectionStart())) - 1
        else:
            at = bisect.bisect_left(self.matches, (cursor.selectionEnd(), cursor.selectionEnd()))
        self.select(at % len(self.matches))
        return True

    def select(self, at: int) -> None:
        """Select match ``at``, in the middle of the editor, and tell the preview its line."""
        start, end = self.matches[at]
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self._show_count()
        self.match_shown.emit(cursor.block().blockNumber() + 1)

    # -- replacing -------------------------------------------------------------------------
    def _replacement(self, found: regex.Match[str]) -> str | None:
        if not self.regex.isChecked():
            return self.replacement.text()
        import regex

        try:
            return found.expand(self.replacement.text())
        except (regex.error, IndexError) as exc:
            self.say(self.tr("Cannot replace: {error}").format(error=exc))
            return None

    def replace(self) -> bool:
        """Replace the selected match (one undo step) and select the next; with no match
        selected, find the next one first. False when nothing was replaced."""
        if self.editor.isReadOnly():
            return False
        self.refresh()
        at = self.current()
        if at < 0:
            self.find_next()
            return False
        text = self._replacement(self._found[at])
        if text is None:
            return False
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.editor.setTextCursor(cursor)
        self.refresh()
        if self.matches:
            self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many were replaced."""
        if self.editor.isReadOnly():
            return 0
        self.refresh()
        texts = [self._replacement(found) for found in self._found]
        if not texts or any(text is None for text in texts):
            return 0
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for (start, end), text in zip(reversed(self.matches), reversed(texts)):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text or "")
        cursor.endEditBlock()
        done = len(texts)
        self.refresh()
        self.say(self.tr("Replaced {count}").format(count=done))
        return done

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_next(backward=True)
        else:
            super().keyPressEvent(event)


def _field(parent: QWidget, name: str, accessible: str, placeholder: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


def _check(parent: QWidget, name: str, text: str, tip: str) -> QCheckBox:
    box = QCheckBox(text, parent)
    box.setObjectName(name)
    box.setToolTip(tip)
    box.setAccessibleName(tip)
    return box


def _button(
    parent: QWidget, name: str, text: str, tip: str, kind: type[QAbstractButton] = QPushButton
) -> QAbstractButton:
    button = kind(parent)
    button.setText(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
