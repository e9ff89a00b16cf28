"""Time the search index over a generated journal (10,000 posts of about 3 KB by default).

Usage: python benchmarks/bench_search.py [N] [SIZE_BYTES]
       QT_QPA_PLATFORM=offscreen python benchmarks/bench_search.py --window [N] [SIZE_BYTES]
The posts are written as benchmarks/generate_journal.py writes them (velog-backup and Jekyll
headers, headings, code, image links), with a larger vocabulary: Korean words of one to four
syllables from 400 syllables and English words, drawn with a Zipf-like skew, so that a query
matches some posts and not all. Prints the cold build time, wall clock and processor time of every
process (every file read; from the main thread as the command line does, and from a second thread
as the window's search thread does, which hands the work to another process) and of this process
alone (on the main thread it writes the index while the workers read), the size on disk
(and how many times the posts' text it is), and the median and worst query time (wall clock, and
processor time, which other programs on the machine change less) for one-, two- and
three-or-more-syllable Korean queries, short and long English ones, absent words and filters
(each query run several times, the result limit 50 as in the window). With --window: the search
panel builds the index from its thread while a 5 ms timer on the GUI thread records the longest
event-loop stall (and for 3 s before, doing nothing, to tell the machine's own stalls), then
queries are typed and the time from a key to its results is printed. The journal is generated
once under benchmarks/out/.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from journal_app.core.storage import cache_folder  # noqa: E402

SYLLABLES = [chr(0xAC00 + (i * 2663) % 11172) for i in range(400)]
LETTERS = "abcdefghijklmnopqrstuvwxyz"
TAGS = ["일상", "개발", "파이썬", "여행", "독서", "AI", "회고", "TIL", "react", "docker"]


def vocabulary(rng: random.Random) -> list[str]:
    korean = ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(6000)]
    english = ["".join(rng.choices(LETTERS, k=rng.randint(2, 9))) for _ in range(3000)]
    return korean + english


def write_journal(root: Path, count: int, size: int) -> None:
    """``count`` posts under ``root`` (velog-backup and Jekyll style)."""
    rng = random.Random(count)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    rng.shuffle(words)
    for index in range(count):
        moment = datetime(2018, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(4_000_000))
        title = " ".join(rng.choices(words, weights, k=3)) + f" {index}"
        tags = rng.sample(TAGS, rng.randrange(0, 4))
        header = (
            f'---\ntitle: "{title}"\ndate: {moment:%Y-%m-%dT%H:%M:%S}.000Z\n'
            f'tags: [{", ".join(tags)}]\ndescription: "{" ".join(rng.choices(words, weights, k=10))}"\n---\n'
        )
        parts = [f"# {' '.join(rng.choices(words, weights, k=4))}", ""]
        while sum(len(part.encode()) for part in parts) < size - len(header.encode()):
            choice = rng.random()
            if choice < 0.1:
                parts += ["```python", "def f(x):", "    return x * 2", "```", ""]
            elif choice < 0.2:
                parts += [f"![](../images/{rng.randrange(10**8):08x}-image.png)", ""]
            else:
                parts += [" ".join(rng.choices(words, weights, k=30)) + ".", ""]
        path = root / ("_posts" if index % 3 == 0 else "content") / f"post-{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(header + "\n".join(parts) + "\n", encoding="utf-8")


def time_queries(index, queries: list[str], runs: int = 3) -> tuple[list[float], list[float], int]:
    """(wall clock ms of each run, processor ms of each run, results of the first query)."""
    times, used = [], []
    found = 0
    for query in queries:
        for _ in range(runs):
            start, cpu = time.perf_counter(), time.thread_time()
            results = index.search(query, limit=50)
            times.append((time.perf_counter() - start) * 1000)
            used.append((time.thread_time() - cpu) * 1000)
        if query == queries[0]:
            found = len(results)
    return times, used, found


def processor_time(who: str = "both") -> float:
    """Seconds of processor time used by this process and the processes it waited for (or
    ``who``: "self", "children")."""
    import resource

    kinds = {"self": [resource.RUSAGE_SELF], "children": [resource.RUSAGE_CHILDREN]}
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in map(resource.getrusage, kinds.get(who, [resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN]))
    )


def cold_build(root: Path, paths: list[Path]) -> None:
    """Open the index (none is there yet) and build it."""
    from journal_app.core.search import SearchIndex

    index = SearchIndex(root)
    index.build(paths)
    index.close()


def main() -> None:
    from journal_app.core import Journal
    from journal_app.core.search import SearchIndex, database_path

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 3_000
    root = Path(__file__).parent / "out" / f"search-{count}-{size}"
    if not root.exists():
        write_journal(root, count, size)
    paths = [info.path for info in Journal(root, use_index=False).posts]
    total = sum(path.stat().st_size for path in paths)
    print(f"journal: {len(paths)} posts, {total / len(paths) / 1024:.1f} KB each, {total / 1e6:.1f} MB")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["JOURNAL_APP_CACHE_DIR"] = cache
        for label, threaded in (
            ("main thread (the command line)", False),
            ("second thread (the window)", True),
        ):
            for stale in Path(cache).glob("*"):
                stale.unlink()
            start, cpu, own = time.perf_counter(), processor_time(), processor_time("self")
            if threaded:  # a thread as the window's: this process cannot fork, another one is started
                thread = threading.Thread(target=lambda: cold_build(root, paths))
                thread.start()
                thread.join()
            else:
                cold_build(root, paths)
            print(
                f"cold build, {label}: {time.perf_counter() - start:.2f} s, processor time "
                f"{processor_time() - cpu:.2f} s, {processor_time('self') - own:.2f} s of it in this process "
                f"(load average {os.getloadavg()[0]:.1f})"
            )
        files = list(Path(cache).glob("search-*"))
        on_disk = sum(file.stat().st_size for file in files)
        print(f"size on disk: {on_disk / 1e6:.1f} MB ({on_disk / total:.2f} x the posts) in {cache_folder()}")
        index = SearchIndex(root)
        assert database_path(root.absolute()).exists()
        start = time.perf_counter()
        index.build(paths)
        print(f"warm build (nothing changed): {(time.perf_counter() - start) * 1000:.0f} ms")
        words = vocabulary(random.Random(count))  # the words the posts were written with
        korean = [word for word in words if word[0] in SYLLABLES]
        english = [word for word in words if word[0] in LETTERS]
        classes = {
            "Korean 1 syllable": rng.sample(SYLLABLES, 20),
            "Korean 2 syllables": rng.sample([word for word in korean if len(word) == 2], 20),
            "Korean 3+ syllables": rng.sample([word for word in korean if len(word) >= 3], 20),
            "Korean word+particle": [word + rng.choice("은는이가에") for word in rng.sample(korean, 20)],
            "Korean in a longer word": [
                word[1:] for word in rng.sample([w for w in korean if len(w) >= 4], 20)
            ],
            "English 1-2 letters": [rng.choice(LETTERS) + rng.choice(["", *LETTERS]) for _ in range(20)],
            "English 3+ letters": rng.sample([word[:6] for word in english if len(word) >= 3], 20),
            "absent words": ["없는낱말", "zzzzqq", "뷁", "qx"],
            "filters": ["tag:일상", "year:2021", "month:2021-10 tag:개발", "title:a", "tag:여행 -e"],
        }
        for label, queries in classes.items():
            times, used, found = time_queries(index, queries)
            print(
                f"query {label:23} median {statistics.median(times):5.1f} ms, worst {max(times):5.1f} ms; "
                f"processor {statistics.median(used):5.1f} / {max(used):5.1f} ms "
                f"({len(queries)} queries, the first found {found})"
            )
        index.close()


def window_main(count: int, size: int) -> None:
    """The panel's background build and typed queries, with the GUI thread's longest stall."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from journal_app.core import Journal
    from journal_app.ui.search_panel import SearchPanel

    root = Path(__file__).parent / "out" / f"search-{count}-{size}"
    if not root.exists():
        write_journal(root, count, size)
    app = QApplication([])
    paths = [info.path for info in Journal(root, use_index=False).posts]
    with tempfile.TemporaryDirectory() as cache:
        os.environ["JOURNAL_APP_CACHE_DIR"] = cache
        panel = SearchPanel()
        clock, stalls = QElapsedTimer(), [0]
        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(lambda: (stalls.append(clock.restart()), None))
        clock.start()
        timer.start()
        start = time.perf_counter()
        while time.perf_counter() - start < 3:  # the machine's own stalls, for comparison
            app.processEvents()
            time.sleep(0.001)
        print(f"window: longest event-loop stall in 3 s of doing nothing {max(stalls)} ms "
              f"(load average {os.getloadavg()[0]:.1f})")  # fmt: skip
        stalls[:] = [0]
        start = time.perf_counter()
        panel.set_journal(root, paths)
        while not panel.ready:
            app.processEvents()
            time.sleep(0.001)
        print(f"window: background build {time.perf_counter() - start:.2f} s, longest event-loop stall "
              f"{max(stalls)} ms")  # fmt: skip
        stalls[:] = [0]
        answers = []
        for query in ["후", "후기", "스타트업", "code", "tag:일상", "없는말"] * 3:
            begin = time.perf_counter()
            panel.field.setText(query)
            while panel.shown_generation != panel.generation:
                app.processEvents()
            answers.append((time.perf_counter() - begin) * 1000)
        print(f"window: key to results median {statistics.median(answers):.1f} ms, worst {max(answers):.1f} ms, "  # noqa: E501
              f"longest stall while querying {max(stalls)} ms")  # fmt: skip
        panel.shutdown()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--window"]:
        del sys.argv[1]
        window_main(
            int(sys.argv[1]) if len(sys.argv) > 1 else 10_000,
            int(sys.argv[2]) if len(sys.argv) > 2 else 3_000,
        )
    else:
        main()
