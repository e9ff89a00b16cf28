"""Render and export timings.

Usage: python benchmarks/bench_render.py SEED_POST [--site N] [--big-runs N]
Prints medians (wall clock, and CPU time, which a busy machine sways less), per flavor, of:
rendering the seed post's body and rendering a 1 MB post (the seed's body repeated), after the
floor of the engine (markdown-it-py alone, no plugins, doing the same two);
``python-markdown`` is the pipeline every post rendered with before the
CommonMark engine, so one run gives the before and after. Then exporting the seed post to a
page; with --site N, `journal-app export --all` over a
generated journal of N posts (cold: an empty output folder; then a re-run with nothing changed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_journal import generate  # noqa: E402

from journal_app.core import load_post  # noqa: E402
from journal_app.core.export import export_post  # noqa: E402
from journal_app.core.render import FLAVORS, render_markdown, render_post  # noqa: E402


def median_ms(function, runs: int) -> tuple[float, float, float, float]:
    """Median, min and max wall time of ``runs`` calls, and their median CPU time (ms)."""
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), min(times), max(times), statistics.median(cpu)


def report(label: str, figures: tuple[float, float, float, float], runs: int) -> None:
    median, low, high, cpu = figures
    print(f"{label}: median {median:.1f} ms (min {low:.1f}, max {high:.1f}, {runs} runs), CPU {cpu:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seed")
    parser.add_argument("--site", type=int, default=0)
    parser.add_argument("--big-runs", type=int, default=5, help="renders of the 1 MB body per flavor")
    args = parser.parse_args()
    seed = load_post(args.seed)
    print(f"seed body: {len(seed.body.encode()) / 1024:.1f} KB")
    big = seed.body
    while len(big.encode()) < 1024 * 1024:
        big += "\n\n" + seed.body
    print(f"big body: {len(big.encode()) / 1024 / 1024:.2f} MB; load average {os.getloadavg()[0]:.1f}")
    # the engine's floor: markdown-it-py alone (CommonMark, tables, strikethrough; no plugins,
    # no sanitizing, no highlighting), the least any flavor built on it can take
    # (with the collector paused, as render_markdown pauses it)
    from markdown_it import MarkdownIt

    from journal_app.core.collecting import collection_paused

    bare = MarkdownIt("commonmark").enable(["table", "strikethrough"])

    def floor(text: str) -> None:
        with collection_paused():
            bare.render(text)

    runs = args.big_runs
    report("  markdown-it-py alone: seed body", median_ms(lambda: floor(seed.body), 30), 30)
    report("  markdown-it-py alone: 1 MB body", median_ms(lambda: floor(big), runs), runs)
    for flavor in FLAVORS:
        render_post(seed, flavor=flavor)  # build the parser once
        report(f"{flavor:>15}: render seed body", median_ms(lambda: render_post(seed, flavor=flavor), 30), 30)
        runs = args.big_runs
        report(
            f"{flavor:>15}: render 1 MB body",
            median_ms(lambda: render_markdown(big, flavor=flavor), runs),
            runs,
        )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "seed.html"
        report("export seed post", median_ms(lambda: export_post(seed, out), 30), 30)
        if args.site:
            root = Path(__file__).parent / "out" / f"journal-{args.site}"
            if not root.exists():
                generate(root, args.site)
            site = Path(folder) / "site"
            command = [sys.executable, "-m", "journal_app", "export", "--all", str(root), "-o", str(site)]
            for label in ("cold", "unchanged re-run"):
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                print(f"export --all, {args.site} posts, {label}: {time.perf_counter() - start:.1f} s")
            shutil.rmtree(site)


if __name__ == "__main__":
    main()
