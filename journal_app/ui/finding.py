"""Finding a pattern in a post's text, for the find bar (``find_replace``), on any thread.

The ``regex`` library is Python's ``re`` as it is (version 0) with a time limit: a plain
pattern is escaped, "Case" off folds case, "Word" asks that no letter or digit (Hangul
included) touch either end of a match, "Regex" takes the pattern as a regular expression.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the first search, not with the window (17 ms)
    import regex

TIME_LIMIT = 0.1  # seconds of processor time one search may take (the window waits for it)
CHUNK = 1_000  # matches found under one time limit
TRIES = 8  # times a chunk stopped by other threads' time goes on
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Options:
    """How the pattern is read."""

    case: bool = False
    word: bool = False
    regex: bool = False


def compile_pattern(text: str, options: Options) -> regex.Pattern[str]:
    """The regular expression the bar looks for; raises ``regex.error`` for a bad one."""
    import regex

    body = text if options.regex else re.escape(text)
    if options.word:
        body = rf"(?<!\w)(?:{body})(?!\w)"  # \w is Unicode: Hangul syllables are word characters
    flags = regex.VERSION0 | regex.MULTILINE | (0 if options.case else regex.IGNORECASE)
    return regex.compile(body, flags)


def find_all(
    pattern: regex.Pattern[str], text: str, limit: float = TIME_LIMIT, concurrent: bool = False
) -> list[regex.Match[str]]:
    """Every non-empty match of ``pattern`` in ``text``; raises ``TimeoutError`` when finding
    the next ``CHUNK`` of them takes more than ``limit`` seconds of processor time (so tens of
    thousands of quick matches in a long post are all found, and one runaway match is not).
    ``concurrent``: let other threads run while it matches (``text`` must not change).

    ``regex`` counts the whole process's processor time against its limit, so while another
    thread works (a dictionary loading, a scan) a search would be stopped early; a chunk stopped
    before this thread itself spent ``limit`` on it goes on from its last match, ``TRIES`` times
    at most."""
    found: list[regex.Match[str]] = []
    start, own, tries = 0, 0.0, 0  # own: this thread's time on the chunk being found
    while True:
        began, count = time.thread_time(), 0
        try:
            for match in pattern.finditer(text, start, concurrent=concurrent, timeout=limit):
                count += 1
                if match.end() > match.start():
                    found.append(match)
                start = match.end()  # (where a search stopped early goes on)
                if count >= CHUNK:  # a new search from here gets a new time limit
                    break
            else:
                return found
            own, tries = 0.0, 0
        except TimeoutError:
            own, tries = own + time.thread_time() - began, tries + 1
            if own >= limit or tries >= TRIES:
                raise


class Positions:
    """Python string indexes → editor positions (which count UTF-16 units)."""

    def __init__(self, text: str) -> None:
        self._astral = [found.start() for found in _ASTRAL.finditer(text)]

    def __call__(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)


def search(
    pattern: regex.Pattern[str] | None, text: str, concurrent: bool = False
) -> tuple[list[regex.Match[str]] | None, list[tuple[int, int]]]:
    """The matches of ``pattern`` in ``text`` (None: it took too long) and their editor
    positions; on any thread."""
    try:
        found = find_all(pattern, text, concurrent=concurrent) if pattern is not None else []
    except TimeoutError:
        return None, []
    position = Positions(text)
    return found, [(position(match.start()), position(match.end())) for match in found]
