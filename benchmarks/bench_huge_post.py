"""A very large post in the real window (offscreen unless QT_QPA_PLATFORM is set).

Usage: python benchmarks/bench_huge_post.py [--mb 20] [--runs 5]
Writes a post of --mb megabytes of mixed Korean and English paragraphs, then in one window,
--runs times: opens it (from a small post), types ten characters at the end, lets the app's
timers (stats, recovery file, preview) run for 3 s, and saves. Prints medians of:
  - open: open_post() of the large post;
  - keystroke: handling one typed character;
  - longest stall: the longest single pass of the event loop in the 3 s after typing
    (what a user feels as a freeze);
  - save.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from journal_app.ui.app import create_window
    from journal_app.ui.settings import Environment

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "journal"
        root.mkdir()
        small = root / "small.md"
        small.write_text("---\ntitle: small\n---\nhi\n", encoding="utf-8")
        big = root / "big.md"
        paragraph = "긴 문단의 한국어 문장입니다. English words too. " * 20 + "\n\n"
        count = int(args.mb * 1_000_000) // len(paragraph.encode())
        big.write_text("---\ntitle: 큰 글\n---\n" + paragraph * count, encoding="utf-8")
        print(f"post: {big.stat().st_size / 1e6:.1f} MB, {len(paragraph) * count:,} characters")
        window = create_window(small, Environment.in_folder(Path(folder) / "env"))
        window.show()
        found = {"open": [], "keystroke": [], "stall": [], "save": []}
        for _ in range(args.runs):
            window.open_post(small)
            app.processEvents()
            started = time.perf_counter()
            window.open_post(big)
            found["open"].append(time.perf_counter() - started)
            app.processEvents()
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            for _ in range(10):
                started = time.perf_counter()
                window.editor.insertPlainText("가")
                app.processEvents()
                found["keystroke"].append(time.perf_counter() - started)
            longest, deadline = 0.0, time.perf_counter() + 3
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                app.processEvents()
                longest = max(longest, time.perf_counter() - started)
                time.sleep(0.005)
            found["stall"].append(longest)
            started = time.perf_counter()
            assert window.document.save()
            found["save"].append(time.perf_counter() - started)
        window.editor.document().setModified(False)
        window.close()
        window.preview.shutdown()
    for name, label in (
        ("open", "open"),
        ("keystroke", "keystroke"),
        ("stall", "longest stall after typing"),
        ("save", "save"),
    ):
        values = [value * 1000 for value in found[name]]
        print(
            f"{label}: median {statistics.median(values):.0f} ms "
            f"(min {min(values):.0f}, max {max(values):.0f}, {len(values)} samples)"
        )


if __name__ == "__main__":
    main()
