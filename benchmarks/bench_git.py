"""How long git takes on a journal of many posts: the status the status bar shows, a commit of
one edited post, and its push to a remote on the same disk (a bare repository), through
``core.gitrepo`` as the window runs them (on its worker thread).

Usage: python benchmarks/bench_git.py [--posts 1000] [--rounds 5]
Prints medians in milliseconds (a real remote adds the network's time to the push).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_journal import generate  # noqa: E402


def git(folder: Path, *args: str) -> None:
    """Run git in ``folder`` quietly (the setup, not timed)."""
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from journal_app.core.gitrepo import find_repo

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        journal, remote = base / "journal", base / "remote.git"
        generate(journal, args.posts)
        git(journal, "init", "-q", "-b", "main")
        for key, value in (("user.name", "Bench"), ("user.email", "bench@example.com")):
            git(journal, "config", key, value)
        git(journal, "add", "-A")
        git(journal, "commit", "-qm", "the journal")
        git(base, "init", "-q", "--bare", str(remote))
        git(journal, "remote", "add", "origin", str(remote))
        git(journal, "push", "-q", "-u", "origin", "main")
        repo = find_repo(journal)
        assert repo is not None
        post = sorted(path for path in journal.rglob("*.md") if ".git" not in path.parts)[args.posts // 2]
        statuses, commits, pushes = [], [], []
        for number in range(args.rounds):
            with post.open("a", encoding="utf-8") as file:
                file.write(f"\n한 줄 더 {number}\n")
            start = time.perf_counter()
            repo.status()
            statuses.append(time.perf_counter() - start)
            start = time.perf_counter()
            repo.commit([post], f'Update "{post.stem}"')
            commits.append(time.perf_counter() - start)
            start = time.perf_counter()
            repo.push()
            pushes.append(time.perf_counter() - start)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms"

    print(f"{args.posts} posts, {args.rounds} rounds (medians)")
    print(f"status: {ms(statuses)}; commit of one edited post: {ms(commits)}; push: {ms(pushes)}")


if __name__ == "__main__":
    main()
