"""GUI-thread time of one save on a large journal, measured on the real window (offscreen).

Usage: python benchmarks/bench_save.py [--posts 10000] [--saves 7] [--profile]
Opens a generated journal of --posts posts (benchmarks/out/, warm index), opens one post, and
--saves times: types a word, saves (timed: the ``save()`` call), then waits for the folder
watcher's settle delay and times its follow-up on the GUI thread (the watcher reacting to the
file the save wrote: its flush, and taking back a listing done on its worker thread, where the
watcher has one; the listing itself is timed on that thread too). Each is timed twice: in the
thread's CPU time (``time.thread_time``, what a loaded machine changes least) and in wall time
(which also counts waiting for the disk: the fsyncs of a save). Prints the medians; --profile
prints where the time of each goes. The script's folder, not the current one, is first on the
import path: run it with PYTHONPATH pointing at the checkout to measure (an older commit's for
the numbers before).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_journal import generate  # noqa: E402


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    out = Path(__file__).parent / "out"
    big = out / f"journal-{args.posts}"
    if not big.exists():
        generate(big, args.posts)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("JOURNAL_APP_CACHE_DIR", str(out / "cache"))
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication([sys.argv[0]])

    from journal_app.ui.app import create_window
    from journal_app.ui.settings import Environment

    with tempfile.TemporaryDirectory() as env_dir:
        env = Environment.in_folder(Path(env_dir))
        env.settings.set("preferences/autosave", False)
        window = create_window(big, env)
        watcher = window.watcher
        flushes: list[tuple[float, float]] = []  # (CPU, wall) of each slot of the follow-up
        worker: list[tuple[float, float]] = []  # (CPU, wall) of each listing on the worker thread
        profile = cProfile.Profile() if args.profile else None  # the watcher's follow-up
        save_profile = cProfile.Profile() if args.profile else None

        def timed(slot):
            def run(*args) -> None:
                start, cpu = time.perf_counter(), time.thread_time()
                if profile is not None:
                    profile.enable()
                slot(*args)
                if profile is not None:
                    profile.disable()
                flushes.append((time.thread_time() - cpu, time.perf_counter() - start))

            return run

        watcher._timer.timeout.disconnect()
        watcher._timer.timeout.connect(timed(watcher._flush))
        if hasattr(watcher, "_listed"):  # a listing taken back from the worker thread
            watcher._listed.disconnect()
            watcher._listed.connect(timed(watcher._arrived))
            listing = watcher._list

            def timed_listing(*args) -> None:  # on the worker thread: its own CPU time
                start, cpu = time.perf_counter(), time.thread_time()
                listing(*args)
                worker.append((time.thread_time() - cpu, time.perf_counter() - start))

            watcher._list = timed_listing

        def pump(seconds: float) -> None:
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
                time.sleep(0.005)

        pump(1.0)
        post = next(info.path for info in window.journal.posts if info.readable and not info.header_invalid)
        window.open_post(post)
        original = post.read_bytes()
        pump(0.5)
        save = getattr(window, "document", window).save  # the window's, or its open document's
        saves: list[tuple[float, float]] = []  # (CPU, wall)
        follow_ups: list[tuple[float, float]] = []
        try:
            for number in range(args.saves):
                cursor = window.editor.textCursor()
                cursor.movePosition(cursor.MoveOperation.End)
                window.editor.setTextCursor(cursor)
                window.editor.insertPlainText(f" word{number}")
                pump(0.1)
                flushes.clear()
                if save_profile is not None:
                    save_profile.enable()
                start, cpu = time.perf_counter(), time.thread_time()
                assert save()
                saves.append((time.thread_time() - cpu, time.perf_counter() - start))
                if save_profile is not None:
                    save_profile.disable()
                pump(0.8)  # the watcher's settle delay and its follow-up
                follow_ups.append((sum(cpu for cpu, _ in flushes), sum(wall for _, wall in flushes)))
        finally:
            post.write_bytes(original)
            window.journal.refresh(post)
            window.editor.document().setModified(False)
        print(f"journal: {len(window.journal.posts)} posts; load average {os.getloadavg()[0]:.1f}")

        def line(label: str, times: list[tuple[float, float]]) -> None:
            cpu = [one[0] * 1000 for one in times]
            wall = [one[1] * 1000 for one in times]
            print(
                f"{label}: median CPU {statistics.median(cpu):.1f} ms (min {min(cpu):.1f}, max "
                f"{max(cpu):.1f}); wall {statistics.median(wall):.1f} ms (min {min(wall):.1f}, "
                f"max {max(wall):.1f}); {len(times)} saves"
            )

        line("save() on the GUI thread", saves)
        line("watcher follow-up on the GUI thread", follow_ups)
        line("one save in all", [(a[0] + b[0], a[1] + b[1]) for a, b in zip(saves, follow_ups)])
        if worker:
            line("(not on the GUI thread) the folder's listing on the watcher's worker thread", worker)
        for label, found in (("save()", save_profile), ("the watcher's follow-up", profile)):
            if found is not None:
                stream = io.StringIO()
                pstats.Stats(found, stream=stream).sort_stats("cumulative").print_stats(25)
                print(f"-- where the time of {label} goes --\n{stream.getvalue()}")
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete.value)


if __name__ == "__main__":
    main()
