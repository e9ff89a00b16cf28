"""The Korean counts of a large post (core/stats.py).

Usage: python benchmarks/bench_counts.py [--mb 1] [--runs 5]
Builds a post of --mb megabytes (UTF-8) of Korean and English paragraphs with markup (headings,
links, images, code), then prints the median of --runs of:
  - cold: count_post with no line counted before (the first count of an opened post);
  - after an edit: count_post again after one character typed in the middle (only that line
    is counted anew);
  - selection: count_selection of the middle half of the post;
  - GUI thread: with a QApplication (offscreen), the time ``LiveCounts.request`` holds the GUI
    thread, and the longest gap between ticks of a 1 ms timer while the worker thread counts
    (cold, and after an edit): what a user typing meanwhile would feel.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journal_app.core import stats  # noqa: E402

PARAGRAPHS = [
    "## 제주 여행 {n}일째\n",
    "아침 일찍 **성산일출봉**에 올랐다. 바람이 많이 불었지만 "
    "[해돋이](https://example.com/{n})는 정말 멋졌다.\n",
    "We took the `bus 201` back to the city, and had 고기국수 for lunch. It's worth it.\n",
    "![바다](images/sea-{n}.png)\n",
    "```python\nprint('코드 {n}')\n```\n",
    "- 오늘 쓴 돈: 32,000원\n- 내일 할 일: 우도 가기\n",
]


def build(megabytes: float) -> str:
    """A post of about ``megabytes`` MB."""
    parts, size, n = ["---\ntitle: 큰 글\ntags: [여행]\n---\n"], 0, 0
    while size < megabytes * 1_000_000:
        for paragraph in PARAGRAPHS:
            block = paragraph.format(n=n) + "\n"
            parts.append(block)
            size += len(block.encode("utf-8"))
        n += 1
    return "".join(parts)


def timed(action) -> float:
    """Milliseconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = build(args.mb)
    middle = len(text) // 2
    edited = text[:middle] + "가" + text[middle:]
    quarter = len(text) // 4
    first_line = text[:quarter].count("\n")
    cold, warm, selection = [], [], []
    for _ in range(args.runs):
        stats._line_counts.cache_clear()
        cold.append(timed(lambda: stats.count_post(text)))
        warm.append(timed(lambda: stats.count_post(edited)))
        selection.append(timed(lambda: stats.count_selection(text, first_line, text[quarter : 3 * quarter])))
    counts = stats.count_post(text)
    size = len(text.encode("utf-8")) / 1e6
    print(f"post: {size:.2f} MB, {len(text):,} characters, {text.count(chr(10)):,} lines")
    print(f"counts: {counts}")
    for name, values in (("cold", cold), ("after an edit", warm), ("selection (half)", selection)):
        print(f"{name:>18}: {statistics.median(values):7.1f} ms (median of {args.runs})")
    gui_thread(text, edited, args.runs)


def gui_thread(text: str, edited: str, runs: int) -> None:
    """How long the GUI thread is held while the window's counter counts ``text``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from journal_app.ui.counting import LiveCounts

    app = QApplication.instance() or QApplication([sys.argv[0]])
    gc.disable()  # as in the window, which collects on the GUI thread (ui/collector.py)
    counter = LiveCounts(app)
    for name, post in (("cold", text), ("after an edit", edited)):
        held, stalls, totals = [], [], []
        for _ in range(runs):
            if name == "cold":
                stats._line_counts.cache_clear()
            loop, clock, gaps = QEventLoop(), QElapsedTimer(), [0.0]
            tick = QTimer(interval=1)
            last = [0.0]

            def beat(gaps=gaps, last=last, clock=clock) -> None:
                now = clock.nsecsElapsed() / 1e6
                gaps[0] = max(gaps[0], now - last[0])
                last[0] = now

            tick.timeout.connect(beat)
            counter.counted.connect(loop.quit)
            clock.start()
            tick.start()
            held.append(timed(lambda post=post: counter.request(post)))
            loop.exec()
            totals.append(clock.nsecsElapsed() / 1e6)
            tick.stop()
            counter.counted.disconnect(loop.quit)
            stalls.append(gaps[0])
        print(
            f"{'GUI, ' + name:>18}: request holds it {statistics.median(held):.1f} ms, longest stall "
            f"{statistics.median(stalls):.1f} ms, counts after {statistics.median(totals):.0f} ms "
            f"(medians of {runs})"
        )
    counter.stop()


if __name__ == "__main__":
    main()
