"""Window timings and memory, measured on the real app (offscreen unless QT_QPA_PLATFORM is set).

Usage: python benchmarks/bench_window.py SEED_POST [--posts 10000] [--runs 5]
       python benchmarks/bench_window.py SEED_POST --shown [--runs 7] [--compare OTHER_SOURCE_TREE]
Prints medians of:
  - with --shown, only launch to the post shown: the real ``journal-app SEED_POST`` (its own
    imports, QApplication and window) from the process start to the window visible with the
    post's text in the editor; with --compare, interleaved with another source tree (a folder
    holding a ``journal_app`` package), and with the machine's load average;
  - launch to a filled tree: from starting the process to the sidebar showing the journal
    (the sample journal, then a generated journal of --posts posts, warm index);
  - keystroke to preview: from a key typed in the seed post to the preview page showing it;
  - memory of the whole app: PSS of the app and its QtWebEngine processes, seed post open.
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

PROBE = r"""
import os, sys, time, json
start_marker = float(sys.argv[1]); mode = sys.argv[2]; target = sys.argv[3]; env_dir = sys.argv[4]
from pathlib import Path
from PySide6 import QtWebEngineWidgets
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QElapsedTimer
from PySide6.QtWidgets import QApplication
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
app = QApplication([sys.argv[0]])
from journal_app.ui.app import create_window
from journal_app.ui.settings import Environment
window = create_window(Path(target), Environment.in_folder(Path(env_dir)))
if mode == "launch":
    def filled():
        if window.sidebar.model.rowCount() > 0:
            print(json.dumps({"filled": time.time() - start_marker, "posts": len(window.journal.posts)}))
            app.quit()
        else:
            QTimer.singleShot(5, filled)
    QTimer.singleShot(0, filled)
    app.exec()
else:
    results = []
    clock = QElapsedTimer()
    state = {"n": 0, "typed": None}
    def memory():
        total = 0
        pids = [os.getpid()]
        seen = set()
        while pids:
            pid = pids.pop()
            if pid in seen: continue
            seen.add(pid)
            try:
                with open(f"/proc/{pid}/smaps_rollup") as f:
                    for line in f:
                        if line.startswith("Pss:"): total += int(line.split()[1])
                for task in os.listdir(f"/proc/{pid}/task"):
                    with open(f"/proc/{pid}/task/{task}/children") as f:
                        pids += [int(p) for p in f.read().split()]
            except OSError:
                pass
        return total / 1024, len(seen)
    def check_shown(html_marker):
        def callback(found):
            if found:
                results.append(clock.nsecsElapsed() / 1e6)
                QTimer.singleShot(120, type_next)
            else:
                QTimer.singleShot(1, lambda: window.preview.run_in_page(
                    "document.getElementById('content').innerText.indexOf(%r) >= 0" % html_marker, callback))
        return callback
    def type_next():
        if state["n"] >= 20:
            mem, processes = memory()
            print(json.dumps({"keystroke_ms": results, "pss_mb": mem, "processes": processes}))
            window.editor.document().setModified(False)
            app.quit()
            return
        state["n"] += 1
        marker = f"zq{state['n']}x"
        cursor = window.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        window.editor.setTextCursor(cursor)
        clock.start()
        window.editor.insertPlainText(("\n\n" if state["n"] == 1 else " ") + marker)
        window.preview.run_in_page(
            "document.getElementById('content').innerText.indexOf(%r) >= 0" % marker, check_shown(marker))
    def start():
        if window.preview.ready and window.preview.last_html:
            QTimer.singleShot(1500, type_next)
        else:
            QTimer.singleShot(50, start)
    start()
    app.exec()
"""


SHOWN = r"""
import json, sys, time
start = float(sys.argv[1]); post = sys.argv[2]
from PySide6.QtCore import QCoreApplication, QTimer
import journal_app.ui.app as app_module
expected = open(post, encoding="utf-8").read().split("\n---\n", 1)[-1].strip().splitlines()[0]
real_create = app_module.create_window
def observed(*args, **kwargs):  # the real factory; only watched from outside
    window = real_create(*args, **kwargs)
    def poll():
        if window.isVisible() and expected in window.editor.toPlainText():
            print(json.dumps({"shown": time.time() - start}), flush=True)
            QCoreApplication.quit()
        else:
            QTimer.singleShot(1, poll)
    QTimer.singleShot(0, poll)  # from the event loop: a quit() before exec() would be lost
    return window
app_module.create_window = observed
sys.exit(app_module.main([post]))
"""


def run_shown(target: Path, tree: Path, env_dir: str) -> float:
    """Seconds from the process start to the window showing ``target`` in its editor."""
    import json

    env = dict(os.environ, PYTHONPATH=str(tree), XDG_CONFIG_HOME=env_dir, XDG_DATA_HOME=env_dir)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", SHOWN, str(start), str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tree,
        timeout=600,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(lines[-1])["shown"]


def shown_main(seed: Path, runs: int, compare: str | None) -> None:
    trees = {"this": Path(__file__).resolve().parent.parent}
    if compare:
        trees["other"] = Path(compare).resolve()
    with tempfile.TemporaryDirectory() as folder:
        backup = Path(folder) / "backup"
        (backup / "content").mkdir(parents=True)
        (backup / "images").mkdir()
        post = backup / "content" / "seed.md"
        shutil.copy(seed, post)
        times: dict[str, list[float]] = {name: [] for name in trees}
        for name, tree in trees.items():  # the page cache, the compiled modules, the index
            run_shown(post, tree, folder)
        for _ in range(runs):
            for name, tree in trees.items():
                times[name].append(run_shown(post, tree, folder))
        load = os.getloadavg()
        for name, found in times.items():
            print(
                f"launch to the seed post shown [{name}]: median {statistics.median(found):.3f} s "
                f"(min {min(found):.3f}, max {max(found):.3f}, {runs} runs); "
                f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
            )


def run_probe(mode: str, target: Path) -> dict:
    import json

    with tempfile.TemporaryDirectory() as env_dir:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if os.geteuid() == 0:
            env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        start = time.time()
        result = subprocess.run(
            [sys.executable, "-c", PROBE, str(start), mode, str(target), env_dir],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        if not lines:
            raise SystemExit(result.stderr[-3000:])
        return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("seed")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--shown", action="store_true", help="time only launch to the post shown")
    parser.add_argument("--compare", help="with --shown: another source tree, run interleaved")
    args = parser.parse_args()
    if args.shown:
        shown_main(Path(args.seed), args.runs, args.compare)
        return
    from journal_app.resources import resource_path

    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample"
        shutil.copytree(resource_path("sample-journal"), sample)
        big = Path(__file__).parent / "out" / f"journal-{args.posts}"
        if not big.exists():
            generate(big, args.posts)
        for label, target in (("sample journal", sample), (f"{args.posts} posts", big)):
            run_probe("launch", target)  # warm the index and the page cache
            times = [run_probe("launch", target)["filled"] for _ in range(args.runs)]
            print(
                f"launch to filled tree, {label}: median {statistics.median(times):.2f} s "
                f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
            )
        backup = Path(folder) / "backup"
        (backup / "content").mkdir(parents=True)
        (backup / "images").mkdir()
        post = backup / "content" / "seed.md"
        shutil.copy(args.seed, post)
        found = run_probe("type", post)
        times = found["keystroke_ms"]
        print(
            f"keystroke to preview, seed post: median {statistics.median(times):.0f} ms "
            f"(min {min(times):.0f}, max {max(times):.0f}, {len(times)} keystrokes)"
        )
        print(
            f"memory, whole app with the seed post open: {found['pss_mb']:.0f} MB PSS "
            f"over {found['processes']} processes"
        )


if __name__ == "__main__":
    main()
