"""The incremental preview on a 1 MB post: a full render against one keystroke in its middle.

Usage: python benchmarks/bench_incremental.py [--mb 1] [--runs 7] [--window] [--flavors a,b]
Makes a post of --mb megabytes of mixed Korean and English sections (headings, paragraphs, lists,
fences, tables, quotes), then per flavor prints medians of:
  - full: render_markdown of the whole post;
  - keystroke: IncrementalRenderer.render after one character typed in the middle (the renderer
    has rendered the text before it);
  - enter: the same after a line break typed in the middle (every later block moves a line).
With --window, also in the real window (offscreen unless QT_QPA_PLATFORM is set): the time from
one character typed in the middle of the post (the editor's 30 ms sync delay included) to the
page having the change (the page script's callback).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SECTION = """## 섹션 {n}: 긴 글의 한 부분

긴 문단의 한국어 문장입니다. English words too, with **bold**, `code` and a [link](https://example.com/{n}).
두 번째 줄은 같은 문단에 이어집니다 🎉.

- 목록 항목 하나
  - 안쪽 항목
- 목록 항목 둘

```python
def section_{n}():
    return "{n}"
```

| 열 | 값 |
|---|---|
| {n} | 값 {n} |

> 인용문 한 줄.

"""


def make_post(megabytes: float) -> str:
    """A body of about ``megabytes`` MB of varied sections."""
    parts, size, n = [], 0, 0
    while size < megabytes * 1_000_000:
        section = SECTION.format(n=n)
        parts.append(section)
        size += len(section.encode())
        n += 1
    return "".join(parts)


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms"


def bench_core(body: str, runs: int, flavors: list[str]) -> None:
    from journal_app.core.incremental import IncrementalRenderer
    from journal_app.core.render import render_markdown

    middle = body.index("\n\n", len(body) // 2) + 2
    for flavor in flavors:
        full, keystroke, enter = [], [], []
        for run in range(runs):
            started = time.perf_counter()
            render_markdown(body, flavor=flavor, first_line=4)
            full.append(time.perf_counter() - started)
        renderer = IncrementalRenderer(flavor)
        renderer.render(body, 4)
        text = body
        for run in range(runs):
            text = text[:middle] + "가" + text[middle:]
            started = time.perf_counter()
            renderer.render(text, 4)
            keystroke.append(time.perf_counter() - started)
        for run in range(runs):
            text = text[:middle] + "\n" + text[middle:]
            started = time.perf_counter()
            renderer.render(text, 4)
            enter.append(time.perf_counter() - started)
        print(
            f"{flavor:16} full {_median_ms(full):>10}   keystroke {_median_ms(keystroke):>10}"
            f"   enter {_median_ms(enter):>10}"
        )


def bench_window(body: str, runs: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    import tempfile

    from PySide6 import QtWebEngineWidgets  # noqa: F401  (before the QApplication)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from journal_app.ui.app import create_window
    from journal_app.ui.settings import Environment

    def wait(condition, timeout=60.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise RuntimeError("the preview did not update in time")
            app.processEvents()
            time.sleep(0.001)

    def quiet(state, seconds=0.5) -> None:
        """Wait until ``state()`` has not changed for ``seconds`` (nothing left in flight)."""
        last, since = state(), time.perf_counter()
        while time.perf_counter() - since < seconds:
            app.processEvents()
            time.sleep(0.005)
            if state() != last:
                last, since = state(), time.perf_counter()

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "journal"
        root.mkdir()
        big = root / "big.md"
        big.write_text("---\ntitle: 큰 글\n---\n" + body, encoding="utf-8")
        window = create_window(big, Environment.in_folder(Path(folder) / "env"))
        window.show()
        wait(lambda: window.preview.ready and window.preview.last_html)
        updates = [0]
        window.preview.updated.connect(lambda: updates.__setitem__(0, updates[0] + 1))
        cursor = window.editor.textCursor()
        cursor.setPosition(len(body) // 2)
        window.editor.setTextCursor(cursor)
        found = []
        for run in range(runs):
            quiet(lambda: (updates[0], window.preview._request, window.preview._busy))
            requested = window.preview._request
            started = time.perf_counter()
            window.editor.insertPlainText("가")
            wait(lambda: window.preview._request > requested)  # the editor's sync timer asked
            before = updates[0]
            wait(lambda: updates[0] > before and not window.preview._busy)
            found.append(time.perf_counter() - started)
        window.editor.document().setModified(False)
        window.close()
        window.preview.shutdown()
    print(f"window: keystroke -> page updated {_median_ms(found)} (min {min(found) * 1000:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--window", action="store_true")
    parser.add_argument("--flavors", default="", help="comma-separated (default: all)")
    args = parser.parse_args()
    from journal_app.core.render import FLAVORS

    flavors = args.flavors.split(",") if args.flavors else list(FLAVORS)
    body = make_post(args.mb)
    print(f"post: {len(body.encode()) / 1e6:.2f} MB, {body.count(chr(10)):,} lines; medians of {args.runs}")
    bench_core(body, args.runs, flavors)
    if args.window:
        bench_window(body, args.runs)


if __name__ == "__main__":
    main()
