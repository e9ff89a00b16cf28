"""Spell check's cost while typing in a large post (offscreen unless QT_QPA_PLATFORM is set).

Usage: python benchmarks/bench_spelling.py [--mb 1] [--keys 200]
Opens the post of bench_highlighter.py (--mb megabytes of Korean and English prose, lists,
quotes and fenced code) in a MarkdownEditor with spell check, and prints medians of:
  - opening: the post set into the editor and the first view highlighted, spell check on
    and off (the dictionaries loaded before);
  - keystroke: one Hangul syllable typed into a line spread over the post (the edit, its
    re-highlighting and the spell check of that line), with spell check on and off;
  - a new word: the same with a word never seen before typed (its lookup not cached).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_highlighter import build_post  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=1)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QAction, QTextCursor
    from PySide6.QtWidgets import QApplication

    from journal_app.ui.editor import MarkdownEditor
    from journal_app.ui.spelling import attach_spelling

    app = QApplication([sys.argv[0]])
    text = build_post(args.mb)
    editor = MarkdownEditor()
    editor.resize(900, 700)
    editor.show()
    toggle = QAction("spelling")
    with TemporaryDirectory() as folder:
        speller = attach_spelling(editor, Path(folder) / "words.txt", toggle, True, lambda on: None)
        start = time.perf_counter()
        while speller.dictionaries is None:
            app.processEvents()
        print(f"dictionaries loaded in {time.perf_counter() - start:.2f} s: {sorted(speller.dictionaries)}")

        def opening() -> float:
            begin = time.perf_counter()
            editor.set_text(text)
            app.processEvents()
            return time.perf_counter() - begin

        opening()
        document = editor.document()
        lines = document.blockCount()
        targets = [n for n in range(lines) if document.findBlockByNumber(n).length() > 10]
        chosen = targets[:: max(1, len(targets) // args.keys)][: args.keys]

        def keystrokes(typed: str, fresh: bool = False) -> list[float]:
            times = []
            for number, line in enumerate(chosen):
                block = document.findBlockByNumber(line)
                cursor = QTextCursor(block)
                cursor.setPosition(block.position() + block.length() // 2)
                editor.setTextCursor(cursor)
                editor.ensureCursorVisible()
                app.processEvents()
                word = f" zq{number:x}kw " if fresh else typed
                begin = time.perf_counter()
                cursor.insertText(word)
                times.append(time.perf_counter() - begin)
                app.processEvents()
            return times

        for on in (True, False):
            toggle.setChecked(on)
            took = opening()
            typed = keystrokes("가")
            fresh = keystrokes("", fresh=True)
            label = "on " if on else "off"
            print(
                f"spell check {label}: opening {took * 1000:.0f} ms; keystroke median "
                f"{statistics.median(typed) * 1000:.2f} ms, max {max(typed) * 1000:.2f} ms; "
                f"a new word median {statistics.median(fresh) * 1000:.2f} ms over {len(typed)} keys"
            )
    editor.close()


if __name__ == "__main__":
    main()
