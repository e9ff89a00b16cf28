"""velog's emphasis search (remark-parse 7's strong and emphasis tokenizers) reads in regexes
what remark-parse 7 reads a character at a time: both agree on where the closing marks are and
on how many steps of the paragraph's budget the search took, on every short string tried."""

from __future__ import annotations

import random

import pytest

from journal_app.core import remark
from journal_app.core.render import render_markdown


def reference_end(src: str, start: int, stop: int, marker: str, double: bool, work: list[int]) -> int:
    """remark-parse 7's reading, a character at a time (the code the regexes replaced)."""
    index = start
    previous = ""
    while index < stop:
        work[0] -= 1
        if work[0] < 0:
            return -2
        character = src[index]
        if double:
            if character == marker and index + 1 < stop and src[index + 1] == marker:
                if index + 2 >= stop or src[index + 2] != marker:
                    return index if src[start:index].strip() else -1
        elif character == marker:
            following = src[index + 1] if index + 1 < stop else ""
            if following != marker:
                if not src[start:index].strip() or previous == marker:
                    return -1
                if marker == "_" and following.isascii() and (following.isalnum() or following == "_"):
                    previous, index = marker, index + 1  # an _ inside a word: goes on
                    continue
                return index
            previous, index = marker, index + 1  # a doubled mark is text of the emphasis
            character = following
        if character == "\\":
            index += 1
            character = src[index] if index < stop else ""
        previous = character
        index += 1
    return -1


# marks, escapes, ASCII and other letters and digits, spaces str.strip() takes (a no-break space,
# an ideographic space, \x1c) and a character it keeps
PIECES = ["_", "*", "\\", "a", "Z", "7", "한", "é", "١", " ", "\n", "\u00a0", "\u3000", "\x1c", ".", "`"]


def test_the_regexes_find_what_remark_finds_character_by_character():
    rng = random.Random(26)
    for _ in range(60000):
        src = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))
        start = rng.randint(0, len(src))
        stop = rng.randint(start, len(src))
        marker, double = rng.choice("*_"), rng.random() < 0.5
        budget = rng.choice([0, 1, 2, rng.randint(0, 16), 1000])
        expected, got = [budget], [budget]
        found = reference_end(src, start, stop, marker, double, expected)
        assert (remark._emphasis_end(src, start, stop, marker, double, got), got) == (found, expected), (
            src,
            start,
            stop,
            marker,
            double,
            budget,
        )


@pytest.mark.parametrize("budget", [40, 2_000_000])
def test_velog_renders_what_the_character_by_character_reading_renders(monkeypatch, budget):
    # the whole paragraph, the budget running out part way included
    rng = random.Random(budget)
    texts = ["".join(rng.choice(PIECES + ["**", "__", "[", "](u)"]) for _ in range(40)) for _ in range(400)]
    monkeypatch.setattr(remark, "_EMPHASIS_BUDGET", budget)
    rendered = [render_markdown(text, flavor="velog") for text in texts]
    monkeypatch.setattr(remark, "_emphasis_end", reference_end)
    assert [render_markdown(text, flavor="velog") for text in texts] == rendered
