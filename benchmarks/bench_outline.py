"""The outline's headings on a large post (no Qt): the first parse, and one edit.

Usage: python benchmarks/bench_outline.py [--mb 1] [--edits 100]
Builds the post of bench_highlighter.py (--mb megabytes of velog-like markdown with a heading
per section and fenced code with ``#`` comments), then prints:
  - first parse: the whole post through HeadingIndex (the panel spreads it over turns of the
    event loop of at most 12 ms each), and the longest single window step;
  - edit: one character typed into a line spread over the post (set_text and the parse until
    done: what one pause in typing costs), median and max over --edits edits;
  - heading edit: a new heading typed over a prose line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_highlighter import build_post  # noqa: E402

from journal_app.core.headings import HeadingIndex, headings_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    text = build_post(args.mb)
    lines = text.split("\n")
    print(f"post: {len(text.encode('utf-8')) / 2**20:.2f} MB, {len(lines):,} lines")
    index = HeadingIndex()
    start = time.perf_counter()
    index.set_text(text)
    steps = []
    while not index.done:
        step = time.perf_counter()
        index._step()
        steps.append(time.perf_counter() - step)
    whole = time.perf_counter() - start
    print(
        f"first parse: {whole * 1000:.0f} ms, {len(index.headings):,} headings, "
        f"longest step {max(steps) * 1000:.1f} ms"
    )

    def timed(new_lines: list[str]) -> float:
        begin = time.perf_counter()
        index.set_text("\n".join(new_lines))
        index.work()
        return time.perf_counter() - begin

    prose = [n for n, line in enumerate(lines) if line.startswith("오늘은")]
    chosen = prose[:: max(1, len(prose) // args.edits)][: args.edits]
    times = []
    for number in chosen:
        lines[number] = lines[number][:10] + "가" + lines[number][10:]
        times.append(timed(lines))
    print(
        f"edit: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {len(times)}"
    )
    lines[chosen[len(chosen) // 2]] = "# 새 제목 📌"
    took = timed(lines)
    assert index.headings == headings_of("\n".join(lines))
    print(f"heading edit: {took * 1000:.1f} ms")


if __name__ == "__main__":
    main()
