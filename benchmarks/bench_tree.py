"""The sidebar's tree on a large journal, without the rest of the window.

Usage: python benchmarks/bench_tree.py [--posts 10000] [--batch 50] [--profile OUT]
Prints the processor time (this process, all threads) of:
  - a full build of the tree from the journal's summaries (a warm open);
  - the tree filled batch by batch as a cold scan fills it (``Journal.take`` then
    ``Sidebar.apply`` of each batch, the events processed after each, as the window's turns),
    with the longest batch and the number of batches;
and checks that the tree after the batches is the tree of a full build.
The journal is generated under benchmarks/out/ when missing; the summaries are read once first
(from the index when it holds them).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate_journal import generate  # noqa: E402


def rows(model, parent=None) -> list:
    """The model's rows as (text, children), in order."""
    from PySide6.QtCore import QModelIndex

    parent = parent if parent is not None else QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append((index.data(), rows(model, index)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=50, help="posts a batch (a turn of the scan)")
    parser.add_argument("--grouping", choices=("tag", "date"), default="tag")
    parser.add_argument("--profile", help="write a cProfile of the batches here")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from journal_app.core import Journal, JournalChange
    from journal_app.ui.sidebar import Sidebar

    app = QApplication([sys.argv[0]])
    root = HERE / "out" / f"journal-{args.posts}"
    if not root.exists():
        generate(root, args.posts)
    journal = Journal.opened(root)
    if journal.unwalked:  # no index yet: a journal this large is left to the scan; read it all now
        journal = Journal(root)
    summaries = journal.posts
    order = sorted(summaries, key=lambda info: str(info.path))  # as a walk finds them

    sidebar = Sidebar()
    sidebar.resize(300, 900)
    sidebar.set_grouping(args.grouping)
    sidebar.show()
    app.processEvents()
    began = time.process_time()
    sidebar.set_journal(journal)
    app.processEvents()
    print(f"full build, {len(summaries)} posts: {time.process_time() - began:.3f} s CPU")
    full = rows(sidebar.model)

    cold = Journal(root, scan=False)
    cold._fresh = set()
    sidebar.set_journal(cold)
    app.processEvents()
    profile = cProfile.Profile() if args.profile else None
    longest, turns, slowest = 0.0, 0, 0
    began = time.process_time()
    if profile is not None:
        profile.enable()
    for start in range(0, len(order), args.batch):
        turn = time.perf_counter()
        change = cold.take(order[start : start + args.batch])
        sidebar.apply(change, heat_later=True)
        QCoreApplication.processEvents()
        if time.perf_counter() - turn > longest:
            longest, slowest = time.perf_counter() - turn, turns
        turns += 1
    sidebar.apply(JournalChange())  # the scan's end (nothing removed): the groups in their places
    QCoreApplication.processEvents()
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    spent = time.process_time() - began
    print(
        f"filled in batches of {args.batch}: {spent:.3f} s CPU "
        f"({spent / len(order) * 1e6:.0f} µs a post), {turns} turns, "
        f"longest {longest * 1000:.1f} ms (turn {slowest})"
    )
    batched = rows(sidebar.model)
    print("tree after the batches equals a full build:", batched == full)
    sidebar.close()


if __name__ == "__main__":
    main()
