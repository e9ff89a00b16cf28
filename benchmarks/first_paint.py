"""Processor time from the start of ``journal-app POST`` to the editor's first paint with the post.

Usage: python benchmarks/first_paint.py [--seed POST] [--runs 5] [--profile FILE]
Each run is a fresh process (its settings in a scratch folder) running the app's own ``main``
on a copy of the post in a journal of its own, with an event filter on the application that
notes the first paint of an editor holding text, then closes the window. Prints, per run and as
medians, the processor time of the whole process and of its main thread at that paint (the
render and dictionary threads run meanwhile), and whether the preview's web view existed then
(the web engine starts after that paint). Processor time, not wall time: it holds on a loaded
machine. Needs a display (Xvfb) or ``QT_QPA_PLATFORM=offscreen``. ``--profile`` writes a
cProfile of one run's main thread up to that paint.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def child(post: str, profile: str | None) -> None:
    """(In the measured process) Run the app on ``post`` until its first paint; print JSON."""
    started = time.process_time()
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    found: dict = {"before_qt": started}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and "cpu" not in found:
                editor = watched.parent()
                if isinstance(editor, QPlainTextEdit) and editor.toPlainText():
                    window = editor.window()
                    found.update(cpu=time.process_time(), main_thread=time.thread_time())
                    found["web_view"] = getattr(getattr(window, "preview", None), "view", None) is not None
                    QTimer.singleShot(0, window.close)
            return False

    watch = FirstPaint()
    app.installEventFilter(watch)
    from journal_app.__main__ import main

    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        main([post])
        profiler.disable()
        profiler.dump_stats(profile)
    else:
        main([post])
    print(json.dumps(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", help="the post (default: the largest post of the sample journal)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", help="write a cProfile of the first run here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.profile)
        return
    sys.path.insert(0, str(REPO))
    from journal_app.resources import resource_path

    sample = Path(resource_path("sample-journal")) / "content"
    seed = Path(args.seed) if args.seed else max(sample.glob("*.md"), key=lambda p: p.stat().st_size)
    results = []
    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder:
        work = Path(folder)
        post = work / "journal" / "content" / seed.name
        post.parent.mkdir(parents=True)
        shutil.copy(seed, post)
        env = dict(os.environ, PYTHONPATH=str(REPO), XDG_CONFIG_HOME=str(work / "config"))
        env.update(XDG_DATA_HOME=str(work / "data"), XDG_CACHE_HOME=str(work / "cache"))
        env.update(JOURNAL_APP_CACHE_DIR=str(work / "cache" / "journal_app"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once
        if os.geteuid() == 0:
            env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        for run in range(args.runs + 1):  # the first run compiles and warms the page cache
            command = [sys.executable, __file__, "--child", str(post)]
            if args.profile and run == 1:
                command += ["--profile", args.profile]
            done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
            lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
            if not lines:
                print(f"run {run} failed: {done.stderr[-800:]}")
                continue
            found = json.loads(lines[-1])
            if run and "cpu" in found:
                results.append(found)
                print(
                    f"run {run}: first paint at {found['cpu']:.3f} s CPU (main thread "
                    f"{found['main_thread']:.3f} s), web view made by then: {found['web_view']}"
                )
    if results:
        cpu = statistics.median(r["cpu"] for r in results)
        thread = statistics.median(r["main_thread"] for r in results)
        print(
            f"median of {len(results)}: {cpu:.3f} s CPU, main thread {thread:.3f} s; load {os.getloadavg()}"
        )


if __name__ == "__main__":
    main()
