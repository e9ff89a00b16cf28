"""Time the quick switcher's title matching (Ctrl+P) over many generated titles.

Usage: python benchmarks/bench_switcher.py [N]
Makes N titles (10,000 by default) of two to six Korean and English words, then times
``core.initials.Titles.matching`` for initial-consonant queries (ㅅㅍ), mixed ones (싸ㅍ), whole
syllables and Latin words: the median and worst of several runs each, in milliseconds. This is
the work done on every key typed in the switcher (listing the first rows is not included).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from journal_app.core.initials import Titles  # noqa: E402

SYLLABLES = "가나다라마바사아자차카타파하싸피스타트업후기여행일상회고개발파이썬제주도서"
WORDS = ["Python", "React", "Hugo", "blog", "notes", "SSAFY", "TIL", "review"]
QUERIES = ["ㅅㅍ", "ㅎㄱ", "싸ㅍ", "싸피", "후", "ㅈㅈㄷ ㅇㅎ", "hugo", "til review", "없는말"]
RUNS = 7


def titles(count: int) -> list[str]:
    """``count`` titles, the same ones every run."""
    chance = random.Random(12)
    made = []
    for _ in range(count):
        words = []
        for _ in range(chance.randint(2, 6)):
            if chance.random() < 0.2:
                words.append(chance.choice(WORDS))
            else:
                words.append("".join(chance.choice(SYLLABLES) for _ in range(chance.randint(1, 4))))
        made.append(" ".join(words))
    return made


def main(count: int) -> None:
    """Print the median and worst time of each query over ``count`` titles."""
    made = titles(count)
    start = time.perf_counter()
    folded = Titles(made)
    print(f"{count} titles, folded in {(time.perf_counter() - start) * 1000:.1f} ms (as the switcher opens)")
    for query in QUERIES:
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            found = folded.matching(query)
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"{query!r:16} {len(found):6} found  "
            f"median {statistics.median(times):6.1f} ms  worst {max(times):6.1f} ms"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
