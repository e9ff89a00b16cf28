"""Time `journal-app list` over a generated journal (10,000 posts of about 10 KB by default).

Usage: python benchmarks/bench_list.py [N] [RUNS]
Prints each run and the median wall time of the whole command (process start included), cold
(an empty summary index: every file read and parsed) and warm (the index filled by a first run).
The journal is generated once under benchmarks/out/ (ignored by git).
"""

from __future__ import annotations

import statistics
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_journal import generate  # noqa: E402


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    root = Path(__file__).parent / "out" / f"journal-{count}"
    if not root.exists():
        generate(root, count)
    files = list(root.rglob("*.md"))
    size = sum(path.stat().st_size for path in files)
    print(f"journal: {len(files)} posts, {size / len(files) / 1024:.1f} KB each on average")
    command = [sys.executable, "-m", "journal_app", "list", str(root)]
    subprocess.run(command, capture_output=True, check=True)  # warm the page cache
    with tempfile.TemporaryDirectory() as warm_cache:
        subprocess.run(
            command,
            capture_output=True,
            check=True,  # fill the warm index
            env=dict(os.environ, JOURNAL_APP_CACHE_DIR=warm_cache),
        )
        for label in ("cold", "warm"):
            times = []
            for _ in range(runs):
                cache = tempfile.mkdtemp() if label == "cold" else warm_cache
                env = dict(os.environ, JOURNAL_APP_CACHE_DIR=cache)
                start = time.perf_counter()
                result = subprocess.run(command, capture_output=True, check=True, env=env)
                times.append(time.perf_counter() - start)
                print(f"  {label} run: {times[-1]:.3f} s ({len(result.stdout.splitlines())} lines)")
            print(
                f"journal-app list, {count} posts, {label} index: median "
                f"{statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, "
                f"{runs} runs)"
            )


if __name__ == "__main__":
    main()
