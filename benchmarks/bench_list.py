"""Time `journal-app list` over a generated journal (10,000 posts of about 10 KB by default).

Usage: python benchmarks/bench_list.py [N] [RUNS] [--compare OTHER_SOURCE_TREE]
Prints each run and the median wall and CPU time (user + system of the child) of the whole
command (process start included), cold (an empty summary index: every file read and parsed) and
warm (the index filled by a first run), with the machine's load average. Modules are compiled
once, as an installed app's are (PYTHONDONTWRITEBYTECODE is dropped for the runs). With ``--compare``, the
same command runs from another source tree (a folder holding a ``journal_app`` package, say an
older checkout) interleaved run by run with this one, so that a shared, loaded machine slows
both alike. The journal is generated once under benchmarks/out/ (ignored by git).

``interleaved`` is also used by the other command-line benchmarks (bench_export.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_journal import generate  # noqa: E402

HERE = Path(__file__).resolve().parent.parent


def timed(command: list[str], tree: Path, env: dict[str, str] | None = None) -> tuple[float, float, bytes]:
    """(wall seconds, CPU seconds of the child, stdout) of one run of ``command`` importing
    ``journal_app`` from ``tree``."""
    environment = dict(os.environ if env is None else env, PYTHONPATH=str(tree))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, check=True, env=environment, cwd=tree)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def interleaved(
    label: str,
    trees: dict[str, Path],
    runs: int,
    one_run: Callable[[Path], tuple[float, float, bytes]],
) -> None:
    """Run ``one_run`` for each tree in turn, ``runs`` times, and print the medians."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            wall, cpu, _ = one_run(tree)
            times[name].append((wall, cpu))
    load = os.getloadavg()
    for name, found in times.items():
        walls = [wall for wall, _ in found]
        cpus = [cpu for _, cpu in found]
        print(
            f"{label} [{name}]: median wall {statistics.median(walls):.3f} s "
            f"(min {min(walls):.3f}, max {max(walls):.3f}), median CPU {statistics.median(cpus):.3f} s, "
            f"{runs} runs; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
        )


def trees_of(compare: str | None) -> dict[str, Path]:
    """This tree, and the one given with ``--compare``."""
    trees = {"this": HERE}
    if compare:
        trees["other"] = Path(compare).resolve()
    return trees


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("runs", nargs="?", type=int, default=7)
    parser.add_argument("--compare", help="another source tree to run interleaved with this one")
    args = parser.parse_args()
    root = Path(__file__).parent / "out" / f"journal-{args.count}"
    if not root.exists():
        generate(root, args.count)
    files = list(root.rglob("*.md"))
    size = sum(path.stat().st_size for path in files)
    print(f"journal: {len(files)} posts, {size / len(files) / 1024:.1f} KB each on average")
    command = [sys.executable, "-m", "journal_app", "list", str(root.resolve())]
    trees = trees_of(args.compare)
    with tempfile.TemporaryDirectory() as caches:
        warm = {name: Path(caches) / f"warm-{name}" for name in trees}
        for name, tree in trees.items():  # warm the page cache and fill each warm index
            timed(command, tree, dict(os.environ, JOURNAL_APP_CACHE_DIR=str(warm[name])))

        def cold(tree: Path) -> tuple[float, float, bytes]:
            with tempfile.TemporaryDirectory(dir=caches) as empty:
                return timed(command, tree, dict(os.environ, JOURNAL_APP_CACHE_DIR=empty))

        def warmed(tree: Path) -> tuple[float, float, bytes]:
            name = next(name for name, path in trees.items() if path == tree)
            return timed(command, tree, dict(os.environ, JOURNAL_APP_CACHE_DIR=str(warm[name])))

        interleaved(f"journal-app list, {args.count} posts, cold index", trees, args.runs, cold)
        interleaved(f"journal-app list, {args.count} posts, warm index", trees, args.runs, warmed)


if __name__ == "__main__":
    main()
