"""The editor's markdown highlighter on a large post (offscreen unless QT_QPA_PLATFORM is set).

Usage: python benchmarks/bench_highlighter.py [--mb 1] [--keys 200] [--runs 3]
Builds a post of --mb megabytes (UTF-8) of velog-like markdown: emoji headings, Korean and
English paragraphs with bold, italic, code and links, nested lists and task items, quotes and
fenced Python code, then in a MarkdownEditor prints medians of:
  - whole: highlighting the whole post (rehighlight) as it opens (only the lines near the view
    in full) and every line of it, --runs times;
  - keystroke: one character typed into a line (prose, list item or code in a fence, spread over
    the post), the edit and its re-highlighting, --keys times; and the same edit with the
    highlighter off, for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SECTION = """## 📌 {n}번째 이야기: Life is short, you need python 🐍

오늘은 **파이썬**으로 *작은 도구*를 만들었다. `pathlib`과 [공식 문서](https://docs.python.org/3/)를
읽으며 ***굵고 기울인*** 글씨와 ~~지운 글씨~~도 써 보았다. Emoji 😀 and English words mixed in.

- 첫째 항목 **중요**
  - 둘째 단계 `코드`
- [ ] 할 일 📝
- [x] 끝낸 일

> 인용문: 천천히, 그러나 꾸준히. — *누군가*

```python
def greet(name: str) -> str:
    # 인사 📌
    return f"안녕, {{name}}!"
```

"""


def build_post(megabytes: float) -> str:
    """A post of about ``megabytes`` MB in UTF-8."""
    parts = ["---\ntitle: 큰 글\ntags: [python, 회고]\n---\n\n"]
    size, n = 0, 0
    while size < megabytes * 1024 * 1024:
        section = SECTION.format(n=n)
        parts.append(section)
        size += len(section.encode("utf-8"))
        n += 1
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QPlainTextDocumentLayout

    from journal_app.ui.editor import MarkdownEditor
    from journal_app.ui.highlighter import MarkdownHighlighter

    app = QApplication([sys.argv[0]])
    text = build_post(args.mb)
    editor = MarkdownEditor()
    editor.resize(900, 700)
    editor.show()
    editor.set_text(text)
    app.processEvents()
    document = editor.document()
    lines = document.blockCount()
    print(
        f"post: {len(text.encode('utf-8')) / 1024 / 1024:.2f} MB, {len(text):,} characters, {lines:,} lines"
    )

    def whole(label: str, highlighter: MarkdownHighlighter) -> None:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            highlighter.rehighlight()
            times.append(time.perf_counter() - start)
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms over {args.runs} runs")

    whole("whole post, as it opens (lines out of view get their state only)", editor.highlighter)
    unshown = QTextDocument()
    unshown.setDocumentLayout(QPlainTextDocumentLayout(unshown))
    unshown.setPlainText(text)
    whole("whole post, every line highlighted", MarkdownHighlighter(unshown))

    targets = [n for n in range(lines) if document.findBlockByNumber(n).length() > 10]
    step = max(1, len(targets) // args.keys)
    chosen = targets[::step][: args.keys]

    def keystrokes() -> list[float]:
        times = []
        for number in chosen:
            block = document.findBlockByNumber(number)
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + block.length() // 2)
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()  # typed where the user looks: highlighted in full
            app.processEvents()
            start = time.perf_counter()
            cursor.insertText("가")
            times.append(time.perf_counter() - start)
            app.processEvents()
        return times

    typed = keystrokes()
    print(
        f"keystroke: median {statistics.median(typed) * 1000:.2f} ms, "
        f"max {max(typed) * 1000:.2f} ms over {len(typed)} keys"
    )
    editor.highlighter.setDocument(None)
    plain = keystrokes()
    print(f"keystroke, highlighter off: median {statistics.median(plain) * 1000:.2f} ms")
    editor.close()


if __name__ == "__main__":
    main()
