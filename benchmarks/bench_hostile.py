"""Hostile posts in the real window (offscreen unless QT_QPA_PLATFORM is set): the times the
tests in tests/ui/test_hostile_window.py and tests/ui/test_never_lose_a_word.py check by
counting work instead (tests assert no times; this prints them).

Usage: python benchmarks/bench_hostile.py [--runs 3] [--render-only]
Prints the median over --runs of:
  - open: open_post() of each megabyte line (a data: image, minified HTML, prose), of a megabyte
    of NUL bytes, of the post after those NULs, and of a header of thousands of keys, each with
    its first paint;
  - paste: a megabyte run with no space pasted into a post (it switches to wrapping anywhere);
  - set_text: 400 runs of LONG_RUN - 1 characters (a search tried at every character took 10 s);
  - highlight: a line of openers with no closer (``*a ``, ``**a ``, ``[a](``), just under
    LONG_LINE, highlighted ten times (a search to the end of the line from each opener grew
    with its square);
  - recovery: from the last typed key until the recovery file holds the text, with the app's
    own delays (the app promises within 2 s);
  - render (CPU, alone with --render-only): render_markdown() of paragraphs of openers that never
    close, from tests/core/test_flavors.py's HANGS (each opener's search reads on to the end of
    the paragraph until the paragraph's budget runs out).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HEAD = "---\ntitle: 긴 줄\ntags: [a]\n---\n# 제목\n\n첫 문단입니다.\n\n"
TAIL = "\n\n끝 문단.\n"


def median_ms(runs: int, work: Callable[[], float]) -> str:
    """``work`` run ``runs`` times (it returns the seconds it measured): median, min and max."""
    values = [work() * 1000 for _ in range(runs)]
    return f"median {statistics.median(values):.0f} ms (min {min(values):.0f}, max {max(values):.0f})"


RENDERED = [
    ("velog", "_a" * 100_000),
    ("velog", "a_" * 100_000),
    ("velog", "*a" * 100_000),
    ("jekyll", "[" * 30_000 + "](x {{ y }})"),
    ("jekyll", "**a " + "[a" * 60_000),
]


def render_lines(runs: int) -> None:
    from journal_app.core.render import render_markdown

    for flavor, text in RENDERED:

        def render(flavor: str = flavor, text: str = text) -> float:
            started = time.thread_time()
            render_markdown(text, flavor=flavor)
            return time.thread_time() - started

        shown = repr(text[:8]) + ("…" if len(text) > 8 else "")
        print(f"render, {flavor} {shown} ({len(text):,} characters): {median_ms(runs, render)} (CPU)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--render-only", action="store_true", help="only the render lines (no window)")
    args = parser.parse_args()
    if args.render_only:
        render_lines(args.runs)
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QTextDocument
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from journal_app.core.recovery import RecoveryStore
    from journal_app.ui.app import create_window
    from journal_app.ui.editor import LONG_RUN, MarkdownEditor
    from journal_app.ui.highlighter import LONG_LINE, MarkdownHighlighter
    from journal_app.ui.settings import Environment

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "journal"
        root.mkdir()
        small = root / "small.md"
        small.write_text(HEAD + "짧은 글\n" + TAIL, encoding="utf-8")
        posts = {
            "data: image line": HEAD + "![](data:image/png;base64," + "A" * 1_000_000 + ")" + TAIL,
            "minified HTML line": HEAD
            + "".join(f'<div class="c{i}"><span>word{i} **x** _y_</span></div>' for i in range(25_000))[
                :1_000_000
            ]
            + TAIL,
            "prose line": HEAD + "긴 문장 **굵게** _기울임_ `코드` [링크](http://a.b) " * 25_000 + TAIL,
            "header of 3,000 keys": "---\ntitle: 열쇠\n"
            + "".join(f"key{n}: {'v' * 250}\n" for n in range(3_000))
            + "---\n본문\n",
        }
        paths = {}
        for number, (name, text) in enumerate(posts.items()):
            paths[name] = root / f"post{number}.md"
            paths[name].write_text(text, encoding="utf-8")
        zeros = root / "zeros.md"
        zeros.write_bytes(b"\x00" * 1_000_000)
        environment = Environment.in_folder(Path(folder) / "env")
        environment.settings.set("preferences/autosave", False)
        window = create_window(small, environment)
        window.show()

        def open_shown(path: Path, before: Path = small) -> float:
            window.open_post(before)
            app.processEvents()
            started = time.perf_counter()
            window.open_post(path)
            window.editor.viewport().repaint()
            app.processEvents()
            return time.perf_counter() - started

        for name, path in paths.items():
            print(f"open, {name}: {median_ms(args.runs, lambda: open_shown(path))}")
        print(f"open, a megabyte of NULs: {median_ms(args.runs, lambda: open_shown(zeros))}")
        print(f"open, the post after them: {median_ms(args.runs, lambda: open_shown(small, zeros))}")

        def paste() -> float:
            window.open_post(small)
            app.processEvents()
            started = time.perf_counter()
            window.editor.insertPlainText("A" * 1_000_000)
            window.editor.viewport().repaint()
            app.processEvents()
            spent = time.perf_counter() - started
            assert window.editor.wraps_anywhere()
            window.editor.document().setModified(False)
            return spent

        print(f"paste, a megabyte run: {median_ms(args.runs, paste)}")

        def store_holds(store: RecoveryStore, text: str) -> bool:
            return any(text in item.text for item in store.pending())

        def recovery() -> float:
            store = RecoveryStore(environment.data_dir / "recovery")
            window.open_post(small)
            window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
            typed = f"복구될 문장 {time.perf_counter()}"
            window.editor.insertPlainText(typed)
            started = time.perf_counter()
            while not store_holds(store, typed):
                app.processEvents()
                time.sleep(0.005)
            spent = time.perf_counter() - started
            assert window.document.save()
            store.close()
            return spent

        print(f"recovery file after the last key: {median_ms(args.runs, recovery)}")
        window.editor.document().setModified(False)
        window.close()
        window.preview.shutdown()

    editor = MarkdownEditor()

    def near_the_limit() -> float:
        editor.set_text("")
        started = time.perf_counter()
        editor.set_text(("A" * (LONG_RUN - 1) + " ") * 400)
        return time.perf_counter() - started

    print(f"set_text, 400 runs of LONG_RUN - 1: {median_ms(args.runs, near_the_limit)}")
    for unit in ("*a ", "**a ", "[a]("):
        document = QTextDocument()
        highlighter = MarkdownHighlighter(document)
        document.setPlainText(unit * ((LONG_LINE - 1) // len(unit)))

        def highlight(highlighter: MarkdownHighlighter = highlighter) -> float:
            started = time.thread_time()
            for _ in range(10):
                highlighter.rehighlight()
            return time.thread_time() - started

        print(f"highlight ten times, {unit!r} to LONG_LINE: {median_ms(args.runs, highlight)} (CPU)")
    render_lines(args.runs)


if __name__ == "__main__":
    main()
