"""The calendar heat map of the sidebar's date view (ui/heatmap.py) on a generated journal.

Usage: python benchmarks/bench_heatmap.py [--posts 10000] [--runs 5]
Writes a journal of --posts small posts (benchmarks/generate_journal.py) in a temporary folder,
reads it, then prints the median of --runs of, with a QApplication (offscreen):
  - set_posts: grouping every post by its local day, the counts, the streaks (what a change
    to the journal costs the GUI thread while the date view is shown);
  - paint: one repaint of the map at 460 pixels wide.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate_journal import generate
    from journal_app.core import Journal
    from journal_app.ui.heatmap import HeatMapPanel

    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder) / "journal", args.posts, 500)
        posts = Journal(Path(folder) / "journal", use_index=False).posts
    panel = HeatMapPanel()
    panel.resize(460, 240)
    panel.show()
    app.processEvents()
    grouped, painted = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        panel.set_posts(posts)
        grouped.append(time.perf_counter() - start)
        start = time.perf_counter()
        panel.map.repaint()
        painted.append(time.perf_counter() - start)
    print(f"{len(posts)} posts: set_posts {statistics.median(grouped) * 1000:.1f} ms, ", end="")
    print(f"paint {statistics.median(painted) * 1000:.1f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
