"""Matching post titles as a quick switcher does: Latin letters without regard to case, and
Korean by initial consonant (초성), as Korean users expect from IDEs and contact lists.

A Hangul syllable (U+AC00..U+D7A3) is ``0xAC00 + (initial * 21 + medial) * 28 + final``, so
its initial consonant is found by arithmetic. In a query, a consonant letter (``ㅅ``) stands for
any syllable starting with it, a plain consonant also for its doubled one (``ㅅ`` finds ``싸``,
``ㅆ`` only ``싸``); any other character stands for itself, so ``ㅅㅍ``, ``싸ㅍ`` and ``싸피``
all find ``싸피``. Words of a query separated by spaces may match anywhere in the title.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

FIRST, LAST = 0xAC00, 0xD7A3
PER_INITIAL = 21 * 28  # syllables that share an initial consonant
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"  # compatibility jamo, in syllable order
LOOSE = {"ㄱ": "ㄱㄲ", "ㄷ": "ㄷㄸ", "ㅂ": "ㅂㅃ", "ㅅ": "ㅅㅆ", "ㅈ": "ㅈㅉ"}  # a plain one finds its double
T = TypeVar("T")


def initial(char: str) -> str:
    """The initial consonant of a Hangul syllable (``싸`` → ``ㅆ``); other characters as they are."""
    code = ord(char)
    if FIRST <= code <= LAST:
        return INITIALS[(code - FIRST) // PER_INITIAL]
    return char


def initials(text: str) -> str:
    """Every syllable of ``text`` replaced by its initial consonant (``싸피`` → ``ㅆㅍ``)."""
    return "".join(initial(char) for char in text)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def _syllables(consonant: str) -> str:
    """A regular expression class body: the syllables starting with ``consonant``."""
    start = FIRST + INITIALS.index(consonant) * PER_INITIAL
    return f"{chr(start)}-{chr(start + PER_INITIAL - 1)}"


@lru_cache(maxsize=256)
def word_pattern(word: str) -> re.Pattern[str]:
    """The regular expression a query word stands for (see the module's docstring)."""
    parts = []
    for char in _fold(word):
        if char in INITIALS:
            ranges = "".join(_syllables(each) for each in LOOSE.get(char, char))
            parts.append(f"[{re.escape(char)}{ranges}]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def find(query: str, title: str) -> int:
    """Where the word ``query`` first matches in ``title`` (as a character index), or -1."""
    found = word_pattern(query).search(_fold(title))
    return found.start() if found is not None else -1


def score(query: str, title: str) -> tuple[int, int] | None:
    """How well ``title`` matches ``query`` (smaller is better: titles starting with the first
    word first, then by where it matches), or None when some word of ``query`` is not in it."""
    text = _fold(title)
    first = 0
    for number, word in enumerate(query.split()):
        found = word_pattern(word).search(text)
        if found is None:
            return None
        if number == 0:
            first = found.start()
    return (0 if first == 0 else 1, first)


class Titles:
    """Many titles, folded once, matched by one regular expression pass over them all (the
    switcher asks on every key typed; a pass per title would take ten times longer)."""

    def __init__(self, titles: Iterable[str]) -> None:
        folded = [_fold(title).replace("\n", " ") for title in titles]
        self.count = len(folded)
        self.text = "\n".join(folded)
        self.starts: list[int] = []
        at = 0
        for title in folded:
            self.starts.append(at)
            at += len(title) + 1

    def matching(self, query: str) -> list[int]:
        """The numbers of the titles matching ``query``, best first (see :func:`score`), equal
        ones in their order."""
        words = query.split()
        if not words:
            return list(range(self.count))
        first: dict[int, int] = {}  # title number → where the first word first matches in it
        for found in word_pattern(words[0]).finditer(self.text):
            number = bisect.bisect_right(self.starts, found.start()) - 1
            first.setdefault(number, found.start() - self.starts[number])
        for word in words[1:]:
            having = {
                bisect.bisect_right(self.starts, found.start()) - 1
                for found in word_pattern(word).finditer(self.text)
            }
            first = {number: place for number, place in first.items() if number in having}
        return sorted(first, key=lambda number: (first[number] != 0, first[number], number))


def matching(query: str, items: Iterable[T], title_of: Callable[[T], str]) -> list[T]:
    """The items whose title (``title_of(item)``) matches ``query``, best first; items that match
    equally well keep their order (the journal's newest first)."""
    listed = list(items)
    return [listed[number] for number in Titles(title_of(item) for item in listed).matching(query)]
