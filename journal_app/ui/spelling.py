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

import ctypes
import os
import re
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from .editor import MarkdownEditor
from .plain import menu_text
from .syntax import Span

LANGUAGES = {"ko": ("ko_KR", "ko"), "en": ("en_US", "en_GB", "en")}
SKIPPED = {"markup", "code", "html", "image", "math", "front", "fence"}
MAX_SUGGESTIONS = 6
POLL_MS = 30  # how often an open menu looks for its suggestions
IDLE_S = 30.0  # a dictionary unused this long is freed (loading Korean again takes a second)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_LATIN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_ADDRESS = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|<[^>\s]+>", re.IGNORECASE)


def _probe() -> tuple[dict[str, str], str]:
    """The dictionary installed for each language (its tag; nothing is loaded), and what is
    missing (empty when all are there)."""
    try:
        import enchant
    except ImportError as error:  # pyenchant, or the enchant library under it
        return {}, QCoreApplication.translate("Spelling", "pyenchant is not available ({error})").format(
            error=error
        )
    found = {}
    for language, tags in LANGUAGES.items():
        tag = next((tag for tag in tags if enchant.dict_exists(tag)), None)
        if tag is not None:
            found[language] = tag
    missing = [language for language in LANGUAGES if language not in found]
    return found, _no_dictionary(missing)


def _no_dictionary(missing: list[str]) -> str:
    """What is said when the dictionaries of ``missing`` languages are not installed."""
    if not missing:
        return ""
    if missing == ["ko"]:
        return QCoreApplication.translate("Spelling", "no ko dictionary installed")
    if missing == ["en"]:
        return QCoreApplication.translate("Spelling", "no en dictionary installed")
    if missing == ["ko", "en"]:
        return QCoreApplication.translate("Spelling", "no ko or en dictionary installed")
    return f"no {' or '.join(missing)} dictionary installed"


class _Store:
    """The dictionaries of this process: found once, each loaded on a thread when a word of its
    language is first to be checked, freed once unused for ``IDLE_S``. One lock covers every use
    of them (hunspell is not thread-safe: the GUI thread checks, the suggestion thread suggests)."""

    lock = threading.Lock()
    found: dict[str, str] | None = None  # language -> tag installed; None until probed
    problem = ""
    loaded: dict[str, Any] = {}
    used: dict[str, float] = {}  # language -> when last used (time.monotonic)
    loading: dict[str, Future] = {}
    changes = 0  # counts loads and refusals ended: a speller that saw another number redoes
    busy = False  # a check was refused while the suggestion thread held the dictionaries
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dictionaries")
    probed: Future | None = None

    @classmethod
    def probe(cls) -> Future:
        with cls.lock:
            if cls.probed is None:
                cls.probed = cls.pool.submit(cls._probe)
            return cls.probed

    @classmethod
    def _probe(cls) -> None:
        _yield_to_the_window()
        found, problem = _probe()
        cls.problem, cls.found = problem, found

    @classmethod
    def want(cls, language: str) -> Future | None:
        """Load ``language``'s dictionary on the thread (once); its future, or None when it is
        loaded or not installed."""
        with cls.lock:
            if language in cls.loaded or language not in (cls.found or {}):
                return None
            if language not in cls.loading:
                cls.loading[language] = cls.pool.submit(cls._load, language)
            return cls.loading[language]

    @classmethod
    def _load(cls, language: str) -> None:
        import enchant

        _yield_to_the_window()
        try:
            made = enchant.Dict((cls.found or {})[language])
        except enchant.errors.Error:
            made = None
        with cls.lock:
            if made is None:
                (cls.found or {}).pop(language, None)  # (words of it are then not checked)
            else:
                cls.loaded[language], cls.used[language] = made, time.monotonic()
            cls.loading.pop(language, None)
            cls.changes += 1

    @classmethod
    def check(cls, language: str, word: str) -> bool | None:
        """Whether ``language``'s dictionary knows ``word``; None while it is not loaded or
        in use on the suggestion thread (never waits)."""
        if not cls.lock.acquire(blocking=False):
            cls.busy = True
            return None
        try:
            found = cls.loaded.get(language)
            if found is None:
                return None
            cls.used[language] = time.monotonic()
            return bool(found.check(word))
        finally:
            cls.lock.release()

    @classmethod
    def suggest(cls, language: str, word: str) -> list[str]:
        """The dictionary's suggestions (on the suggestion thread: waits for the load)."""
        cls.probe().result()
        loading = cls.want(language)
        if loading is not None:
            loading.result()
        with cls.lock:
            found = cls.loaded.get(language)
            if found is not None:
                cls.used[language] = time.monotonic()
            try:
                return [] if found is None else list(found.suggest(word))[:MAX_SUGGESTIONS]
            finally:
                if cls.busy:
                    cls.busy, cls.changes = False, cls.changes + 1


def release_idle(idle: float = IDLE_S) -> list[str]:
    """Free the dictionaries unused for ``idle`` seconds (their memory goes back to the system
    where the C library allows); the languages freed. A word not checked yet loads its
    language again."""
    now = time.monotonic()
    with _Store.lock:
        freed = [lang for lang, used in _Store.used.items() if now - used >= idle and lang in _Store.loaded]
        dictionaries = [_Store.loaded.pop(language) for language in freed]
        for language in freed:
            del _Store.used[language]
    if dictionaries:
        del dictionaries  # hunspell's tables are freed with the last reference
        _give_back_memory()
    return freed


def loaded_languages() -> list[str]:
    """The languages whose dictionary is loaded now."""
    with _Store.lock:
        return sorted(_Store.loaded)


def _give_back_memory() -> None:
    """Return the freed heap to the system (glibc keeps it otherwise; tens of MB for Korean)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc
            pass


_suggesting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suggestions")


def _yield_to_the_window() -> None:
    """Run this thread at the lowest priority, so that loading a dictionary never slows the
    window (Linux, where a thread has a priority of its own; elsewhere nothing changes)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except OSError:
            pass


def _suggest(language: str, word: str) -> list[str]:
    _yield_to_the_window()
    return _Store.suggest(language, word)


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
        _Store.probe()
        self._waiting.start()
        self._look()

    def _look(self) -> None:
        if _Store.found is None:
            return
        first = self.dictionaries is None
        if first:
            self.dictionaries, self.problem = _Store.found, _Store.problem
        if not _Store.loading and not _Store.busy:
            self._waiting.stop()
        if first or _Store.changes != self._seen:
            self._seen = _Store.changes
            if _Store.loaded:
                self._freeing.start()
            self.ready.emit()

    def _free(self) -> None:
        release_idle()
        if not _Store.loaded:
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
                answer = _Store.check(language, word)
                if answer is None:
                    _Store.want(language)
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
