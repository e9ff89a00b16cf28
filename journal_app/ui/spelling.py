"""Spell check in Korean and English, offline: hunspell dictionaries through pyenchant.

Words of Hangul are looked up in the Korean dictionary, words of Latin letters in the English
one; words mixing scripts, holding digits or ``_``, all capitals (acronyms) and single letters
are left alone, and so is everything the highlighter marks as code, markup, HTML, math, an
image, a fence or the front matter, and web addresses. Only lines being highlighted are checked
(the highlighter asks for the lines in view and those typed in), and each word's answer is kept,
so typing in a large post costs a lookup of the words of one line at most.

A language's dictionary loads on a thread of its own when a word of that language is first to
be checked (the Korean one takes about a second and some 50 MB; an English post never loads it),
and is freed again once no word has needed it for ``IDLE_S`` (the answers already found are kept,
so the underlines stay; a word not seen yet loads it again). Suggestions can be slow for Korean
words: they are worked out on another thread while the context menu is open; the two threads
take turns with the dictionaries (a word to check meanwhile is checked once they are free).
Words added to the dictionary go to the open journal's own word list (``dictionary.txt`` in the
journal's folder in the app's data folder). Without pyenchant or without any dictionary, the app
runs without spell check and says so once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from .dictionaries import IDLE_S, LANGUAGES, Store, Worker, release_idle, yield_to_the_window
from .editor import MarkdownEditor
from .plain import menu_text
from .syntax import Span

SKIPPED = {"markup", "code", "html", "image", "math", "front", "fence"}
POLL_MS = 30  # how often an open menu looks for its suggestions
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_LATIN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_ADDRESS = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|<[^>\s]+>", re.IGNORECASE)


_suggesting = Worker("suggestions")  # (a daemon: the exit does not wait for a suggestion)


def _suggest(language: str, word: str) -> list[str]:
    yield_to_the_window()
    return Store.suggest(language, word)


def language_of(word: str) -> str | None:
    """ "ko" for a word of Hangul, "en" for one of Latin letters; None for one not checked."""
    if len(word) < 2 or word.isupper():
        return None
    if _HANGUL.fullmatch(word):
        return "ko"
    if _LATIN.fullmatch(word):
        return "en"
    return None


class Speller(QObject):
    """Which words of a line are misspelled; the user's own words; suggestions."""

    ready = Signal()  # the dictionaries are known (installed or missing), and each time one loads

    def __init__(self, words_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False
        self.languages = set(LANGUAGES)  # the languages checked (Preferences: one or both)
        self.dictionaries: dict[str, str] | None = None  # the installed ones, once looked for
        self.problem = ""
        self._seen = -1
        self.use_words(words_file)
        self._waiting = QTimer(self, interval=50)
        self._waiting.timeout.connect(self._look)
        self._freeing = QTimer(self, interval=int(IDLE_S * 1000 / 3))
        self._freeing.timeout.connect(self._free)

    def use_words(self, words_file: Path | None) -> None:
        """Take the words of ``words_file`` (the open journal's dictionary) as correct, and
        keep words added from now on there."""
        self.words_file = words_file
        self._known: dict[str, bool] = {}
        try:
            self.words = set(words_file.read_text(encoding="utf-8").split()) if words_file else set()
        except (OSError, UnicodeDecodeError):
            self.words = set()

    def start(self) -> None:
        """Look for the dictionaries (once per process, on a thread): ``ready`` when known. A
        language's dictionary loads when a word of it is first to be checked (``ready`` again)."""
        Store.probe()
        self._waiting.start()
        self._look()

    def _look(self) -> None:
        if Store.found is None:
            return
        Store.settle()
        first = self.dictionaries is None
        if first:
            self.dictionaries, self.problem = Store.found, Store.problem
        if not Store.loading and not Store.busy:
            self._waiting.stop()
        if first or Store.changes != self._seen:
            self._seen = Store.changes
            if Store.loaded:
                self._freeing.start()
            self.ready.emit()

    def _free(self) -> None:
        release_idle()
        if not Store.loaded:
            self._freeing.stop()

    def correct(self, word: str) -> bool:
        """Whether the dictionaries (or the user's words) know ``word``; True for words not
        checked, and for now while its language's dictionary loads (asked again then)."""
        known = self._known.get(word)
        if known is None:
            language = language_of(word)
            if self.dictionaries is None:
                return True
            if language not in self.languages or language not in self.dictionaries or word in self.words:
                known = True
            else:
                answer = Store.check(language, word)
                if answer is None:  # (its load has started, or the suggestions hold it)
                    self._waiting.start()
                    return True
                known = answer
            self._known[word] = known
        return known

    def misspelled(self, text: str, spans: list[Span]) -> list[tuple[int, int]]:
        """The misspelled words of a line (code point ranges), given its highlighter spans."""
        if not self.enabled or not self.dictionaries:
            return []
        skipped = bytearray(len(text))
        for start, end, kind in spans:
            if not isinstance(kind, str) or kind in SKIPPED:
                skipped[start:end] = b"\x01" * (end - start)
        for match in _ADDRESS.finditer(text):
            skipped[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        found = []
        for match in _WORD.finditer(text):
            start, end = match.span()
            if not any(skipped[start:end]) and not self.correct(match.group()):
                found.append((start, end))
        return found

    def check_languages(self, languages: set[str]) -> None:
        """Check only the words of ``languages`` ("ko", "en") from now on."""
        self.languages = set(languages) & set(LANGUAGES)
        self._known = {}

    def suggestions(self, word: str) -> Future:
        """The dictionary's suggestions for ``word``, worked out on another thread."""
        return _suggesting.submit(_suggest, language_of(word) or "", word)

    def add(self, word: str) -> None:
        """Take ``word`` as correct from now on (kept in the journal's dictionary)."""
        self.words.add(word)
        self._known[word] = True
        if self.words_file is None:
            return  # no journal open: known until the next one opens
        self.words_file.parent.mkdir(parents=True, exist_ok=True)
        with self.words_file.open("a", encoding="utf-8") as file:
            file.write(word + "\n")


def word_at(cursor: QTextCursor) -> tuple[str, int, int]:
    """The word at ``cursor`` and its start and end in the document (UTF-16 positions)."""
    block = cursor.block()
    text = block.text()
    units, at = 0, 0
    column = cursor.positionInBlock()
    while at < len(text) and units + (2 if ord(text[at]) > 0xFFFF else 1) <= column:
        units += 2 if ord(text[at]) > 0xFFFF else 1
        at += 1
    for match in _WORD.finditer(text):
        if match.start() <= at <= match.end():
            start = len(text[: match.start()].encode("utf-16-le")) // 2
            end = start + len(match.group().encode("utf-16-le")) // 2
            return match.group(), block.position() + start, block.position() + end
    return "", cursor.position(), cursor.position()


def spelling_menu(speller: Speller, editor: MarkdownEditor, menu: QMenu, cursor: QTextCursor) -> None:
    """Suggestions and "Add to Dictionary" at the top of the editor's context menu, for a
    misspelled word at ``cursor``; the suggestions come in while the menu is open."""
    word, start, end = word_at(cursor)
    if not word or not speller.enabled or speller.correct(word):
        return
    first = menu.actions()[0] if menu.actions() else None
    waiting = QAction(QCoreApplication.translate("Spelling", "Looking for suggestions…"), menu)
    waiting.setObjectName("spellingWaiting")
    waiting.setEnabled(False)
    add = QAction(
        menu_text(QCoreApplication.translate("Spelling", "Add “{word}” to Dictionary").format(word=word)),
        menu,
    )
    add.setObjectName("spellingAdd")
    add.triggered.connect(lambda: _learn(speller, editor, word))
    if first is None:
        menu.addActions([waiting, add])
        menu.addSeparator()
    else:
        menu.insertActions(first, [waiting, add])
        menu.insertSeparator(first)
    pending = speller.suggestions(word)
    poll = QTimer(menu, interval=POLL_MS)

    def look() -> None:
        if not pending.done():
            return
        poll.stop()
        try:
            found = pending.result()
        except Exception:  # noqa: BLE001 (a dictionary failing is no reason to fail the menu)
            found = []
        waiting.setText(
            QCoreApplication.translate("Spelling", "No suggestions")
            if not found
            else QCoreApplication.translate("Spelling", "Suggestions")
        )
        actions = []
        for suggestion in found:
            action = QAction(menu_text(suggestion), menu)
            action.setObjectName("spellingSuggestion")
            action.triggered.connect(lambda _=False, s=suggestion: _replace(editor, start, end, word, s))
            actions.append(action)
        menu.insertActions(add, actions)

    poll.timeout.connect(look)
    poll.start()
    look()


def _replace(editor: MarkdownEditor, start: int, end: int, word: str, suggestion: str) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    if cursor.selectedText() == word:  # the text did not change under the menu
        cursor.insertText(suggestion)  # one undo step


def _learn(speller: Speller, editor: MarkdownEditor, word: str) -> None:
    try:
        speller.add(word)
    except OSError as error:
        said = QCoreApplication.translate("Spelling", "Could not keep the word: {error}")
        editor.notice.emit(said.format(error=error.strerror or error))
    editor.highlighter.redo()


def attach_spelling(
    editor: MarkdownEditor, toggle: QAction, on: bool, remember: Callable[[bool], None]
) -> Speller:
    """Spell check for ``editor``, turned on and off by ``toggle`` (on at first when ``on``;
    ``remember`` keeps a choice); it tells through the editor's ``notice`` once when it cannot
    work."""
    speller = Speller(None, editor)
    editor.highlighter.misspelled = speller.misspelled
    editor.menu_extras.append(lambda menu, cursor: spelling_menu(speller, editor, menu, cursor))
    told: list[bool] = []

    def ready() -> None:
        if speller.problem and not told:
            told.append(True)
            said = (
                QCoreApplication.translate("Spelling", "Spell check: {problem}")
                if speller.dictionaries
                else QCoreApplication.translate("Spelling", "Spell check is off: {problem}")
            )
            editor.notice.emit(said.format(problem=speller.problem))
        editor.highlighter.redo()

    def switch(checked: bool) -> None:
        speller.enabled = checked
        remember(checked)
        if checked:
            speller.start()
        editor.highlighter.redo()

    speller.ready.connect(ready)
    toggle.setCheckable(True)
    toggle.setChecked(on)
    speller.enabled = on
    toggle.toggled.connect(switch)
    if on:  # once the window runs (and shows the post): the Korean dictionary takes a second
        QTimer.singleShot(0, speller, lambda: speller.start() if speller.enabled else None)
    return speller
