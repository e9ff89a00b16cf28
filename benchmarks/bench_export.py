"""Time `journal-app export`: one post (the whole process), and `--all` over a generated journal.

Usage: python benchmarks/bench_export.py [N] [RUNS] [--compare OTHER_SOURCE_TREE]
Prints the median wall and CPU time (user + system of the process and its workers) of
``journal-app export POST -o PAGE`` for one post of a generated journal, and of
``journal-app export --all ROOT -o SITE`` over N generated posts (1,000 by default) into an
empty folder with an empty summary index (cold: every post read, rendered and written), with
the machine's load average. With ``--compare``, another source tree (a folder
holding a ``journal_app`` package) runs interleaved with this one (see bench_list.py). The
journal is generated once under benchmarks/out/ (ignored by git). ``--only posts`` prints the
processor time of one post's page alone (read, rendered, sanitized, laid out; not written),
in one process, the median over the first 200 posts: what each worker of ``--all`` spends.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_list import interleaved, timed, trees_of  # noqa: E402
from generate_journal import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1_000)
    parser.add_argument("runs", nargs="?", type=int, default=7)
    parser.add_argument("--compare", help="another source tree to run interleaved with this one")
    parser.add_argument("--only", choices=("one", "all", "posts"), help="time only one of the measures")
    args = parser.parse_args()
    root = (Path(__file__).parent / "out" / f"journal-{args.count}").resolve()
    if not root.exists():
        generate(root, args.count)
    post = min(root.rglob("*.md"))
    trees = trees_of(args.compare)
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "post.html"

        def one(tree: Path) -> tuple[float, float, bytes]:
            return timed([sys.executable, "-m", "journal_app", "export", str(post), "-o", str(page)], tree)

        def whole(tree: Path) -> tuple[float, float, bytes]:
            with tempfile.TemporaryDirectory(dir=scratch) as site, tempfile.TemporaryDirectory() as cache:
                command = [sys.executable, "-m", "journal_app", "export", "--all", str(root), "-o", site]
                return timed(command, tree, dict(os.environ, JOURNAL_APP_CACHE_DIR=cache))

        if args.only == "posts":
            per_post(root, trees, args.runs)
            return
        if args.only != "all":
            for tree in trees.values():  # the page cache and the compiled modules
                one(tree)
            interleaved(f"journal-app export, one post ({post.stat().st_size} bytes)", trees, args.runs, one)
        if args.only != "one":
            interleaved(f"journal-app export --all, {args.count} posts", trees, args.runs, whole)


# one post's page at a time, in this process: the processor time of each, after a first one
# (imports, parser, highlighting) is made
PER_POST = """
import statistics, sys, time
from pathlib import Path
from journal_app.core.journal import Journal
from journal_app.core.site import SiteBuilder
journal = Journal(Path(sys.argv[1]))
builder = SiteBuilder(journal, Path(sys.argv[2]))
posts = sorted(journal.posts, key=lambda info: info.relpath)[:201]
builder.post_html(posts[0])
times = []
for info in posts[1:]:
    start = time.process_time()
    builder.post_html(info)
    times.append(time.process_time() - start)
print(statistics.median(times) * 1000)
"""


def per_post(root: Path, trees: dict[str, Path], runs: int) -> None:
    """Print the median processor time of one post's page for each tree, runs interleaved."""
    found: dict[str, list[float]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as site, tempfile.TemporaryDirectory() as cache:
        for _ in range(runs):
            for name, tree in trees.items():
                environment = dict(os.environ, PYTHONPATH=str(tree), JOURNAL_APP_CACHE_DIR=cache)
                command = [sys.executable, "-c", PER_POST, str(root), site]
                result = subprocess.run(
                    command, capture_output=True, text=True, check=True, env=environment, cwd=tree
                )
                found[name].append(float(result.stdout))
    load = os.getloadavg()
    for name, times in found.items():
        print(
            f"one post's page, in one process [{name}]: median {statistics.median(times):.2f} ms CPU "
            f"(min {min(times):.2f}), {runs} runs of 200 posts; load average {load[0]:.2f}"
        )


if __name__ == "__main__":
    main()
