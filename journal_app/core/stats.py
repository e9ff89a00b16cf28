"""Word, character and reading-time counts that treat Korean properly.

A word is a run of letters or digits (any script): a Korean eojeol with its particle (``여행을``)
is one word, as in a Korean word processor. Reading time assumes about 500 Hangul syllables or
230 other words a minute.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SPACE = re.compile(r"\s")
HANGUL_PER_MINUTE = 500
WORDS_PER_MINUTE = 230


@dataclass(frozen=True)
class TextStats:
    """Counts for a text."""

    words: int
    characters: int  # spaces included, line breaks not
    characters_no_spaces: int
    reading_minutes: int


def text_stats(text: str) -> TextStats:
    """Counts for ``text`` (markdown syntax characters are counted as typed)."""
    words = _WORD.findall(text)
    hangul = len(_HANGUL.findall(text))
    other_words = len(words) - sum(map(bool, map(_HANGUL.search, words)))
    characters = len(text) - text.count("\n")
    no_spaces = characters - len(_SPACE.findall(text)) + text.count("\n")
    minutes = hangul / HANGUL_PER_MINUTE + other_words / WORDS_PER_MINUTE
    return TextStats(len(words), characters, no_spaces, math.ceil(minutes) if text.strip() else 0)
