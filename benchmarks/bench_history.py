"""What keeping a post's history costs: the GUI thread's share of a save of a 1 MB post (the
whole ``save()`` call, and the history's hook alone), and the worker's time to keep the version.

Usage: python benchmarks/bench_history.py [--size 1000000] [--saves 7]
Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--saves", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from journal_app.core.history import open_history
    from journal_app.ui.app import create_window
    from journal_app.ui.settings import Environment

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ["JOURNAL_APP_CACHE_DIR"] = str(base / "cache")
        root = base / "journal"
        root.mkdir()
        line = "오늘은 AI Expo에 다녀왔다. 부스가 많았고 사람도 많았다. Lots of demos.\n"
        post = root / "big.md"
        post.write_text("---\ntitle: big\n---\n" + line * (args.size // len(line.encode())), encoding="utf-8")
        size = post.stat().st_size
        env = Environment.in_folder(base / "env")
        env.settings.set("preferences/autosave", False)
        window = create_window(root, env)
        window.open_post(post)
        editor = window.editor
        saves, hooks = [], []
        original = window.history.saved

        def timed_hook(path, saved_post):
            start = time.perf_counter()
            original(path, saved_post)
            hooks.append(time.perf_counter() - start)

        window.document.saved.disconnect()
        window.document.saved.connect(window._saved)
        window.document.saved.connect(window.document_status.show_file)
        window.document.saved.connect(lambda path: timed_hook(path, window.document.post))
        for number in range(args.saves):
            editor.moveCursor(editor.textCursor().MoveOperation.End)
            editor.insertPlainText(f"edit {number}\n")
            start = time.perf_counter()
            window.document.save()
            saves.append(time.perf_counter() - start)
            window.history.wait()
            app.processEvents()
        history = open_history(root, env.data_dir)
        start = time.perf_counter()
        history.record(post, post.read_bytes() + b"one more\n")
        worker = time.perf_counter() - start
        count = len(history.versions(post))
        history.close()
        window.editor.document().setModified(False)
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(window, QEvent.Type.DeferredDelete.value)

    def ms(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.2f} ms"

    print(f"post: {size:,} bytes, {args.saves} saves")
    print(f"save() on the GUI thread (median): {ms(saves)}")
    print(f"the history's hook on the GUI thread (median): {ms(hooks)}")
    print(f"keeping one version on the worker thread: {worker * 1000:.1f} ms ({count} versions kept)")


if __name__ == "__main__":
    main()
